"""Reading articles and writing analysed documents.

- :func:`load` (also ``newslens.load``) reads the articles in files, folders,
  glob patterns or ``-`` (standard input) through the ``newslens_load_document``
  hook, so plugins can add input types; the built-in loaders are in
  :mod:`newslens.io.loaders`.
- :mod:`newslens.io.writers` writes documents as JSON, JSON lines or a text report.
- The ``newslens/1`` JSON format itself belongs to the model
  (:meth:`Document.to_dict <newslens.Document.to_dict>`, :func:`newslens.model.document_from_dict`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from newslens.errors import InputError

if TYPE_CHECKING:
    import pluggy

    from newslens.config import Config
    from newslens.model import Document

__all__ = ["load"]


def load(
    path_or_paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    config: Config | None = None,
    plugins: pluggy.PluginManager | None = None,
    *,
    encoding: str | None = None,
) -> Iterator[Document | InputError]:
    """Read articles from files, folders and patterns, one unannotated document each.

    The articles are read as ``newslens analyze`` reads them: the first plugin
    whose ``newslens_load_document`` hook answers reads each file; the
    built-in loaders read ``.txt`` (headline line, optional byline line,
    body), ``.json`` and ``.jsonl`` (article fields), ``.html``/``.htm``
    (extracted with trafilatura) and ``-`` (JSON lines on standard input).
    Folders and glob patterns are expanded by
    :func:`~newslens.io.loaders.expand_inputs`.

    Args:
        path_or_paths: A path, or an iterable of paths: files, folders (every
            supported file inside, recursively, in sorted order), glob patterns
            (``articles/*.txt``, ``archive/**/*.json``) or ``-``.
        config: Settings in force (default: :class:`~newslens.Config`). Pass
            it by name (``config=``); it is positional only for the callers
            of the single-source ``load(source, config, plugins)`` of old.
        plugins: Plugin manager (default: the installed plugins), by name too.
        encoding: The text encoding of every input (default:
            ``config.encoding``, which is ``utf-8``). A byte that is not valid
            in it is reported with its file, line and byte offset.

    Returns:
        An iterator yielding a :class:`~newslens.Document` per article, or, in
        its place, an :class:`~newslens.InputError` saying why an article, a
        file, an empty folder or a pattern matching nothing could not be
        read. Errors are yielded, not raised, so that one bad article never
        stops the rest; feed the documents to
        :meth:`Pipeline.pipe <newslens.Pipeline.pipe>`.

    Raises:
        ValueError: at once, when *encoding* is not a text encoding Python knows.
        TypeError: at once, when *path_or_paths* is neither a path nor an
            iterable of paths (``None``, ``bytes``); while iterating, when one
            of the paths is not a ``str`` or an :class:`os.PathLike`.

    Example:
        >>> import newslens
        >>> for item in newslens.load(["missing.txt", "no-such-folder/*.txt"]):
        ...     print(item)
        missing.txt: no such file
        no-such-folder/*.txt: the pattern matches no .txt, .json, .jsonl, .html or .htm file
    """
    import attrs

    from newslens.config import Config

    config = config or Config()
    if encoding is not None:
        config = attrs.evolve(config, encoding=encoding)  # checks the name, now
    if plugins is None:
        from newslens.plugins import get_plugin_manager

        plugins = get_plugin_manager()
    if isinstance(path_or_paths, str | os.PathLike):
        path_or_paths = [path_or_paths]
    elif isinstance(path_or_paths, bytes) or not isinstance(path_or_paths, Iterable):
        raise TypeError(
            f"load takes a path (a str or an os.PathLike such as pathlib.Path) or an iterable "
            f"of paths, not {type(path_or_paths).__name__}"
        )
    return _load(path_or_paths, config, plugins)


def _load(
    sources: Iterable[str | os.PathLike[str]], config: Config, plugins: pluggy.PluginManager
) -> Iterator[Document | InputError]:
    from newslens.io.loaders import expand_inputs

    for source in expand_inputs(sources):
        if isinstance(source, InputError):
            yield source
            continue
        result = plugins.hook.newslens_load_document(source=source, config=config)
        if result is None:
            yield InputError("no installed plugin can read this input", source=source)
            continue
        yield from result
