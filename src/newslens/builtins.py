"""The built-in hook implementations: annotators, input loaders and output formats.

They are registered before any other plugin and marked ``trylast``, so a plugin
can replace any of them by answering first.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from newslens.annotators import Annotator
from newslens.config import Config
from newslens.errors import AnnotatorError, InputError
from newslens.model import Diagnostic, Document
from newslens.plugins import hookimpl

if TYPE_CHECKING:
    from newslens.io.formats import OutputFormat


@hookimpl(trylast=True)
def newslens_make_annotator(config: Config) -> Annotator | None:
    """Build the ``lite`` or ``stanza`` annotator, or choose for ``auto``."""
    from newslens.annotators.lite import LiteAnnotator

    if config.backend == "lite":
        return LiteAnnotator()
    if config.backend not in ("stanza", "auto"):
        return None
    from newslens.annotators import stanza as stanza_backend

    if config.backend == "stanza":
        return stanza_backend.StanzaAnnotator(config)
    missing = stanza_backend.why_unavailable(config)
    if missing is None:
        try:
            annotator: Annotator = stanza_backend.StanzaAnnotator(config)
            note = (
                "backend auto chose stanza (English models installed); "
                "use --backend lite for the fast model-free annotator"
            )
        except AnnotatorError as exc:
            annotator = LiteAnnotator()
            note = f"backend auto chose lite: {exc}"
    else:
        annotator = LiteAnnotator()
        note = f"backend auto chose lite: {missing}"
    annotator.diagnostics = (Diagnostic("newslens", "info", note),)
    return annotator


@hookimpl(trylast=True)
def newslens_load_document(source: str, config: Config) -> Iterable[Document | InputError] | None:
    """Read ``.txt``, ``.json``, ``.jsonl``, ``.html`` files and ``-`` (JSON lines on stdin)."""
    from newslens.io.loaders import load_source

    return load_source(source, config)


@hookimpl(trylast=True)
def newslens_output_formats() -> Iterable[OutputFormat]:
    """Offer the ``json``, ``jsonl`` and ``text`` formats."""
    from newslens.io.writers import BUILTIN_FORMATS

    return BUILTIN_FORMATS
