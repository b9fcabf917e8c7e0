"""The one error an importer raises: a sentence the user can act on, printed as one line."""


class ImportProblem(Exception):
    pass
