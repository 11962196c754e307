"""Reading articles and writing analysed documents.

- :func:`load` reads the articles in a file (or ``-``, standard input) through
  the ``newslens_load_document`` hook, so plugins can add input types; the
  built-in loaders are in :mod:`newslens.io.loaders`.
- :mod:`newslens.io.writers` writes documents as JSON, JSON lines or a text report.
- The ``newslens/1`` JSON format itself belongs to the model
  (:meth:`Document.to_dict <newslens.Document.to_dict>`, :func:`newslens.model.document_from_dict`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslens.errors import InputError

if TYPE_CHECKING:
    import pluggy

    from newslens.config import Config
    from newslens.model import Document

__all__ = ["load"]


def load(
    source: str,
    config: Config | None = None,
    plugins: pluggy.PluginManager | None = None,
) -> Iterator[Document | InputError]:
    """Read the articles in *source*, one unannotated document each.

    The first plugin whose ``newslens_load_document`` hook answers reads the
    source; the built-in loaders read ``.txt``, ``.json``, ``.jsonl``,
    ``.html``/``.htm`` files and ``-`` (JSON lines on standard input).

    Args:
        source: A file path, or ``"-"`` for standard input.
        config: Settings in force (default: :class:`~newslens.Config`).
        plugins: Plugin manager (default: the installed plugins).

    Yields:
        A :class:`~newslens.Document` per article, or, in its place, an
        :class:`~newslens.InputError` saying why an article (or the whole
        source) could not be read. Errors are yielded, not raised, so that one
        bad article never stops the rest; feed the documents to
        :meth:`Pipeline.pipe <newslens.Pipeline.pipe>`.

    Example:
        >>> import newslens, newslens.io
        >>> for item in newslens.io.load("missing.txt"):
        ...     print(item)
        missing.txt: no such file
    """
    if config is None:
        from newslens.config import Config

        config = Config()
    if plugins is None:
        from newslens.plugins import get_plugin_manager

        plugins = get_plugin_manager()
    result = plugins.hook.newslens_load_document(source=source, config=config)
    if result is None:
        yield InputError("no installed plugin can read this input", source=source)
        return
    yield from result
