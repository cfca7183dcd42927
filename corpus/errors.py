"""The one family of user-facing errors.

Every failure a user can fix (a missing index, an unreadable file, a bad question) is a
`PolicyQAError` whose message says what to do. The CLI prints it and exits 1; the API answers 4xx.
Anything else is a bug and keeps its traceback in the log. Lives in `corpus` because it is the
bottom package: everyone may import it.
"""
from __future__ import annotations


class PolicyQAError(Exception):
    """Base class: a problem the user can act on. `str(err)` is the message to show."""

    status_code = 400


class DocumentError(PolicyQAError):
    """A document cannot be read or decoded (binary, unknown encoding, empty)."""

    status_code = 422


class IndexMissingError(PolicyQAError):
    """No usable index in the data dir."""

    status_code = 503


class IndexMismatchError(PolicyQAError):
    """The index was built by another embedder than the one asked for."""

    status_code = 409


class ModelError(PolicyQAError):
    """A model file is missing, truncated or fails its hash check."""

    status_code = 503


class BadQuestionError(PolicyQAError):
    """Empty, too long or otherwise unusable question."""

    status_code = 422


class QuestionTooLongError(BadQuestionError):
    status_code = 413


class BackendError(PolicyQAError):
    """A configured service (Chroma server, OpenAI-compatible LLM) is unreachable."""

    status_code = 503
