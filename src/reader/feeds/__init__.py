"""Following news feeds: OPML lists, polite conditional fetching, and the run that stores new items and
pairs each Korean story with its English edition."""
