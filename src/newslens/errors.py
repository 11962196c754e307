"""Exceptions raised by newslens. All derive from :class:`NewslensError`."""

from __future__ import annotations


class NewslensError(Exception):
    """Base class of every error newslens raises on purpose."""


class MissingEnrichmentError(NewslensError, KeyError):
    """Reading an enrichment key that the document does not hold.

    The message says whether no installed plugin provides the key or whether its
    enricher failed or was skipped.
    """

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


class PipelineError(NewslensError):
    """The enrichers cannot be put together: a requirement is unmet, two
    enrichers provide the same key, or their requirements form a cycle."""


class EnricherError(NewslensError):
    """An enricher raised while ``strict=True``; the original is ``__cause__``.

    Args:
        message: What failed.
        enricher: The name of the enricher that failed.
    """

    def __init__(self, message: str, *, enricher: str | None = None) -> None:
        super().__init__(message)
        self.enricher = enricher


class AnnotatorError(NewslensError):
    """An annotator cannot be built or run (for example, stanza models are missing)."""


class UnknownBackendError(AnnotatorError, ValueError):
    """No installed plugin answers for the backend asked for (a usage error, not a
    backend that fails to start)."""


class InputError(NewslensError):
    """An input cannot be read as an article.

    Args:
        message: What is wrong.
        source: The file (or ``"<stdin>"``) the input came from.
        line: The 1-based line number, for line-oriented inputs.
        field: The field that is missing or wrong, where there is one.
        item: The 0-based place of the article in a JSON array, for an array.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        field: str | None = None,
        item: int | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.field = field
        self.item = item
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.source or "<input>"
        if self.line is not None:
            where += f", line {self.line}"
        if self.item is not None:
            where += f", item {self.item}"
        if self.field is not None:
            where += f", field {self.field!r}"
        return f"{where}: {self.message}"
