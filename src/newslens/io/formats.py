"""What an output format is: the contract of the ``newslens_output_formats`` hook.

Kept apart from :mod:`newslens.io.writers` so that the hook specifications can
name it without importing the writers (or the plugin host they use).
"""

from __future__ import annotations

import inspect
from collections.abc import Collection
from typing import Any

import attrs


@attrs.frozen
class OutputFormat:
    """An output format a plugin offers through ``newslens_output_formats``.

    Attributes:
        name: What ``--format`` takes (``"jsonl"``).
        writer: The :class:`DocumentWriter` subclass (or any callable taking
            ``(stream, *, omit)``, and ``detail`` if it wants it, and returning
            a writer).
        doc: One line for ``--help`` and ``newslens plugins``.
        plugin: The plugin that offers it (set by the plugin host).
    """

    name: str
    writer: Any
    doc: str = ""
    plugin: str | None = None

    def open(self, stream: Any, *, omit: Collection[str] = (), detail: str = "standard") -> Any:
        """Return :attr:`writer` on *stream*; *detail* is passed on only to a writer
        that takes it (or any keyword argument), so that writers made before
        ``detail`` existed still open."""
        try:
            parameters = list(inspect.signature(self.writer).parameters.values())
        except (TypeError, ValueError):  # pragma: no cover - a builtin without a signature
            parameters = []
        if any(p.name == "detail" or p.kind is p.VAR_KEYWORD for p in parameters):
            return self.writer(stream, omit=omit, detail=detail)
        return self.writer(stream, omit=omit)
