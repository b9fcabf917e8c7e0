"""`python -m reader.cli`: the commands alone, with no app to open (`python -m reader` has one)."""

import sys

from . import main

sys.exit(main())
