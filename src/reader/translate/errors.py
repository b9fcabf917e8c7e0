"""The errors of translation: one line a user can act on, or a hint that waiting may help."""


class TranslationError(Exception):
    """A failure the user sees as one line; the library is left as it was."""


class Retryable(Exception):
    """A failure that may pass: a rate limit, a server error, a dropped connection or a timeout."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after
