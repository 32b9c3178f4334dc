"""Errors meant for people: each says what was wrong, where, and what to do."""


class KetalitError(Exception):
    """An error the CLI prints as one line (no traceback) before exiting non-zero."""


class ImportFormatError(KetalitError):
    """A file that cannot be imported: names the file and where it broke."""
