"""The types of what the entity layer marks, defined once for every layer that names them.

Its own module because the recogniser, the glossary, the linker, the store's packed mentions, the CLI and
the reading view all list these types, and none of them should hold the list for the others.
"""

from __future__ import annotations

#: Every type a mention may have. The store packs a mention's type as its index here
#: (`store.mention_pack`), so a new type goes at the end and none is ever moved.
TYPES = ("PERSON", "ORG", "PLACE", "EQUIPMENT", "DATE", "QUANTITY", "OTHER")

#: The types of names, which a glossary entry may have and the linker pairs across the two texts; dates
#: and quantities are parsed, not named.
NAME_TYPES = tuple(kind for kind in TYPES if kind not in ("DATE", "QUANTITY"))
