"""What an output format is: the contract of the ``newslens_output_formats`` hook.

Kept apart from :mod:`newslens.io.writers` so that the hook specifications can
name it without importing the writers (or the plugin host they use).
"""

from __future__ import annotations

from typing import Any

import attrs


@attrs.frozen
class OutputFormat:
    """An output format a plugin offers through ``newslens_output_formats``.

    Attributes:
        name: What ``--format`` takes (``"jsonl"``).
        writer: The :class:`DocumentWriter` subclass (or any callable taking
            ``(stream, *, omit)`` and returning a writer).
        doc: One line for ``--help`` and ``newslens plugins``.
        plugin: The plugin that offers it (set by the plugin host).
    """

    name: str
    writer: Any
    doc: str = ""
    plugin: str | None = None
