"""Settings shared by the pipeline, the annotators and the loaders."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from typing import Any, Final

import attrs

from newslens.model import _frozen_mapping, _to_date, _typed

BACKENDS: Final = ("auto", "lite", "stanza")
"""The built-in annotator backends."""

DEFAULT_MAX_CHARS: Final = 1_000_000
"""Largest article (in characters of text) processed by default: 1 MB of text."""


def check_encoding(name: str) -> str:
    """Return *name* when it names a text encoding Python knows (``utf-8``, ``cp1252``...).

    Raises:
        ValueError: for an unknown name, or a codec that does not decode
            bytes to text (``base64``), saying so.

    Example:
        >>> check_encoding("latin-1")
        'latin-1'
    """
    import codecs

    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError):
        raise ValueError(
            f"unknown text encoding {name!r}: use a name Python knows, such as utf-8, "
            "cp1252, latin-1 or utf-16"
        ) from None
    if not getattr(info, "_is_text_encoding", True):
        raise ValueError(f"{name!r} is not a text encoding: use utf-8, cp1252, latin-1...")
    return name


def _encoding(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    check_encoding(value)


def _positive(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{attribute.name} must be an int, got {type(value).__name__}")
    if value <= 0:
        raise ValueError(f"{attribute.name} must be positive, got {value}")


def _path_or_none(value: Any) -> Any:
    """A folder given as a :class:`os.PathLike` (``pathlib.Path``) kept as its ``str``."""
    return os.fspath(value) if isinstance(value, os.PathLike) else value


@attrs.frozen
class Config:
    """How a :class:`~newslens.Pipeline` is set up.

    Attributes:
        backend: Annotator to use: ``"auto"`` (stanza when its English models
            are installed, else lite), ``"lite"``, ``"stanza"``, or a name a
            plugin's ``newslens_make_annotator`` answers to.
        strict: Re-raise an enricher's exception instead of recording it.
        max_chars: Articles longer than this many characters are refused.
        published: Publication date used for documents that carry none.
        language: Language code for the stanza backend.
        stanza_dir: Directory of stanza's models (default: stanza's own
            setting, ``$STANZA_RESOURCES_DIR`` or its cache directory).
        download: Let the stanza backend download missing models.
        options: Plugin option values by full name (``{"readability.long_sentence_words": 40}``),
            checked against the options the plugins declare when a pipeline is built
            (see :mod:`newslens.options`).
        encoding: The text encoding the loaders decode every input with
            (default ``utf-8``; see :func:`check_encoding`).
    """

    backend: str = attrs.field(default="auto", validator=_typed(str))
    strict: bool = attrs.field(default=False, validator=_typed(bool))
    max_chars: int = attrs.field(default=DEFAULT_MAX_CHARS, validator=_positive)
    published: dt.date | None = attrs.field(default=None, converter=_to_date)
    language: str = attrs.field(default="en", validator=_typed(str))
    stanza_dir: str | None = attrs.field(
        default=None, converter=_path_or_none, validator=_typed(str, type(None))
    )
    download: bool = attrs.field(default=False, validator=_typed(bool))
    options: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_mapping)
    encoding: str = attrs.field(default="utf-8", validator=_encoding)
