"""The built-in input loaders: ``.txt``, ``.json``, ``.jsonl``, ``.html`` and standard input.

:func:`load_source` picks a loader by the file's extension. Every loader is a
generator that yields one unannotated :class:`~newslens.Document` per article and,
instead of raising, an :class:`~newslens.InputError` for each article (or file) it
cannot read, so that one bad input never stops a batch.

Formats:

``.txt``
    The first non-empty line is the headline (lines end with ``\\n``,
    ``\\r\\n`` or, in old Mac files, ``\\r``). The next non-empty line is the
    byline when it starts with ``By`` or ``Written by`` and looks like one (see
    :func:`is_byline`); its lead-in is dropped (see
    :func:`~newslens.model.clean_byline`). The rest is the body, character for
    character, except the line breaks that separate it from the header lines. A
    file with nothing after its header lines is all body. ``id`` is the file's
    stem, ``source`` its path.
``.json``
    One article object, or an array of them. Fields: ``text`` (required),
    ``id``, ``headline``, ``byline``, ``published`` (``YYYY-MM-DD``, optionally
    followed by a time: see :func:`~newslens.model.parse_published`; ``null``
    or ``""`` for none), ``url``,
    ``source``, and ``meta`` (an object); every other field goes into ``meta``
    too (one that ``meta`` also has, with another value, is refused rather
    than one of the two lost). A string holding a lone surrogate (a ``\\ud800`` escape without its
    pair, which is not Unicode text and cannot be written out) is refused,
    naming the field. A ``newslens/1`` document (with ``"schema": "newslens/1"``) is read
    with :meth:`~newslens.Document.from_dict` and analysed afresh: its
    annotations and plugin sections are dropped.
``.jsonl`` and ``-``
    One such object per line, read line by line (``-`` reads standard input).
    Blank lines are skipped.
``.html``, ``.htm``
    Headline, author, publication date and body are extracted with trafilatura
    (the ``newslens[html]`` extra); body paragraphs are separated by blank lines.
"""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import glob
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Final

from newslens.config import Config
from newslens.errors import InputError
from newslens.model import (
    BODY,
    DATELINE,
    Document,
    Part,
    _json_type,
    find_dateline,
    parse_published,
)
from newslens.webtext import BOILERPLATE, find_boilerplate

LoadResult = Iterator[Document | InputError]
"""What a loader yields: documents and, in their place, errors."""

STDIN: Final = "-"
"""The source name that means "JSON lines on standard input"."""

STDIN_NAME: Final = "<stdin>"
"""How standard input is named in documents and error messages."""

SUPPORTED: Final = (".txt", ".json", ".jsonl", ".html", ".htm")
"""File extensions the built-in loaders read (compared case-insensitively)."""

ARTICLE_FIELDS: Final = ("id", "headline", "byline", "published", "text", "url", "source", "meta")
"""Fields of an article object that are not put into ``meta``."""

_BYLINE: Final = re.compile(r"(?:by\s|written\s*by)", re.IGNORECASE)
_SENTENCE_END: Final = re.compile(r"[a-z]{3,}[.!?]['\"’”]?$")
_BYLINE_MAX_WORDS: Final = 12
_NEWLINES: Final = "\r\n"
_LINE_BREAK: Final = re.compile(r"\r\n|\r|\n")
_SNIFF_BYTES: Final = 8192


def load_source(source: str | os.PathLike[str], config: Config) -> LoadResult | None:
    """Return a generator of the articles in *source* (see the module docs for formats).

    Args:
        source: A file path, or ``"-"`` for JSON lines on standard input.
        config: Settings in force: the built-in loaders decode text with
            :attr:`Config.encoding <newslens.Config.encoding>` (the default
            publication date is applied later by
            :meth:`Pipeline.prepare <newslens.Pipeline.prepare>`).

    Returns:
        A generator yielding a :class:`~newslens.Document` per article and an
        :class:`~newslens.InputError` per article or file that cannot be read,
        including files of an unsupported type. Never ``None``: the built-in
        loaders are the last resort.
    """
    encoding = config.encoding
    source = os.fspath(source)
    if source == STDIN:
        return load_jsonl_stream(sys.stdin.buffer, STDIN_NAME, stem="stdin", encoding=encoding)
    suffix = Path(source).suffix.lower()
    if suffix == ".txt":
        return load_txt(source, encoding=encoding)
    if suffix == ".json":
        return load_json(source, encoding=encoding)
    if suffix == ".jsonl":
        return load_jsonl(source, encoding=encoding)
    if suffix in (".html", ".htm"):
        return load_html(source, encoding=encoding)
    return _fail(
        InputError(
            f"unsupported input type {suffix or '(no extension)'!r}: newslens reads "
            f"{', '.join(SUPPORTED)} files, or - for JSON lines on standard input "
            "(a plugin can add other types)",
            source=source,
        )
    )


def _fail(error: InputError) -> LoadResult:
    yield error


# -- folders and patterns ----------------------------------------------------------

_GLOB_CHARS: Final = frozenset("*?[")


def expand_inputs(sources: Iterable[str | os.PathLike[str]]) -> Iterator[str | InputError]:
    """Yield the files to read for *sources*, in order, and an error for each that names none.

    - ``-`` (standard input) and a path that is a file, or does not exist and
      has no wildcard, are passed on as they are (a missing file is reported
      by its loader);
    - a folder gives every file of a supported type (:data:`SUPPORTED`) in it
      and its sub-folders, sorted by path; other files, and hidden files and
      folders (whose names start with ``.``), are skipped;
    - a pattern with ``*``, ``?`` or ``[...]`` (``articles/*.txt``,
      ``archive/**/*.json``: ``**`` spans folders) gives the files it
      matches, sorted, read as in a folder: folders it matches are read as
      folders, and files of unsupported types are skipped; a file reached
      twice (``**`` through a link to a folder) is read once.

    A folder with no supported file, a pattern that matches none, or an
    empty path (``""``, which would otherwise be the current folder) yields
    an :class:`~newslens.InputError` naming it, in its place. A path that
    starts with ``~`` (``~/articles``, ``~ana/news.jsonl``) is read in that
    home folder, as a shell would read it (see :func:`expand_user`).

    Raises:
        TypeError: for an item of *sources* that is not a ``str`` or an
            :class:`os.PathLike` (``None``, ``bytes``), naming its index.

    Example:
        >>> for item in expand_inputs(["-", "nowhere/*.txt"]):
        ...     print(item)
        -
        nowhere/*.txt: the pattern matches no .txt, .json, .jsonl, .html or .htm file
    """
    for index, item in enumerate(sources):
        if not isinstance(item, str | os.PathLike):
            raise TypeError(
                f"input {index} is {type(item).__name__}: a path must be a str or an "
                "os.PathLike such as pathlib.Path"
            )
        source = expand_user(os.fspath(item))
        path = Path(source)
        if not source:
            yield InputError("an empty path names no file or folder", source=repr(source))
        elif source == STDIN or path.is_file():
            yield source
        elif path.is_dir():
            found = _folder_files(path)
            yield from found
            if not found:
                yield InputError(f"the folder holds no {_TYPES} file", source=source)
        elif _GLOB_CHARS.intersection(source):
            found = _once_each(
                {file for match in glob.glob(source, recursive=True) for file in _matched(match)}
            )
            yield from found
            if not found:
                yield InputError(f"the pattern matches no {_TYPES} file", source=source)
        else:
            yield source


_TYPES: Final = ", ".join(SUPPORTED[:-1]) + " or " + SUPPORTED[-1]


def expand_user(path: str) -> str:
    """Return *path* with a leading ``~`` or ``~user`` made the home folder, as a shell does.

    Python does not expand ``~`` (``open("~/a.txt")`` looks for a folder called
    ``~``), but a path quoted in a script or a config keeps it, so newslens
    expands it where it reads inputs and writes output. A path that exists as
    written, such as a file called ``~draft.txt`` in the current folder, is
    left alone.

    Example:
        >>> import os
        >>> expand_user("~/news.jsonl") == os.path.join(os.path.expanduser("~"), "news.jsonl")
        True
    """
    if path.startswith("~") and not os.path.lexists(path):
        return os.path.expanduser(path)
    return path


def _once_each(files: Iterable[str]) -> list[str]:
    """*files* sorted, each file once: ``**`` follows links to folders, so a link to a
    folder above it (a loop) names the same files again and again, down to the depth
    the system allows."""
    seen: set[str] = set()
    kept = []
    for file in sorted(files):
        real = os.path.realpath(file)
        if real not in seen:
            seen.add(real)
            kept.append(file)
    return kept


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED


def _folder_files(folder: Path) -> list[str]:
    files = []
    for path in folder.rglob("*"):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        if not hidden and _supported(path) and path.is_file():
            files.append(str(path))
    return sorted(files)


def _matched(match: str) -> list[str]:
    path = Path(match)
    if path.is_dir():
        return _folder_files(path)
    return [match] if _supported(path) and path.is_file() else []


# -- reading bytes ------------------------------------------------------------


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """Return the contents of the file *path*.

    Raises:
        InputError: when the file is missing, a directory, unreadable, or empty.
    """
    path = os.fspath(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", source=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", source=path) from None
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", source=path) from None
    if not data:
        raise InputError("the file is empty", source=path)
    return data


def decode_text(
    data: bytes,
    source: str,
    *,
    encoding: str = "utf-8",
    line: int | None = None,
    offset: int = 0,
) -> str:
    """Decode *data* as text in *encoding* (for UTF-8, a leading byte-order mark is dropped).

    Args:
        data: The bytes.
        source: Named in errors.
        encoding: A text encoding Python knows (``utf-8``, ``cp1252``, ``utf-16``...).
        line: Named in errors, for line-oriented inputs; otherwise the line of
            a bad byte is counted from the start of *data*.
        offset: Byte offset of ``data`` in its file, so errors give file offsets.

    Raises:
        InputError: for a binary file (a NUL byte, where the encoding has no
            NUL bytes in ordinary text) or bytes that are not valid in
            *encoding*, naming the line and the byte offset.
    """
    ascii_based = _ascii_compatible(encoding)
    nul = data.find(b"\x00") if ascii_based else -1
    if nul >= 0:
        raise _binary(source, offset + nul, line=line)
    if offset == 0 and codecs.lookup(encoding).name == "utf-8":
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        if line is None:
            line = data[: exc.start].decode(encoding, errors="replace").count("\n") + 1
        raise InputError(
            f"not {_encoding_name(encoding)} text: invalid byte 0x{bad} at byte offset "
            f"{offset + exc.start} (convert the file to UTF-8, or name its encoding: "
            "--encoding in the command, encoding= in Python)",
            source=source,
            line=line,
        ) from None
    if not ascii_based and "\x00" in text:
        at = text.index("\x00")
        raise _binary(source, offset + len(text[:at].encode(encoding)), line=line)
    return text


def _encoding_name(encoding: str) -> str:
    name = codecs.lookup(encoding).name
    return {"utf-8": "UTF-8", "utf-8-sig": "UTF-8"}.get(name, name)


@functools.lru_cache(maxsize=16)
def _ascii_compatible(encoding: str) -> bool:
    """Whether *encoding* writes line breaks and NUL as the single ASCII bytes."""
    encoded = codecs.lookup(encoding).encode("a\n\x00")[0]
    return encoded.endswith(b"a\n\x00") and len(encoded) <= 6


def _binary(source: str, offset: int, *, line: int | None = None, kind: str = "text") -> InputError:
    return InputError(
        f"this is a binary file, not {kind} (NUL byte at byte offset {offset})",
        source=source,
        line=line,
    )


def _read_text(path: str, encoding: str) -> str:
    text = decode_text(read_bytes(path), path, encoding=encoding)
    if not text.strip():
        raise InputError("the file contains only whitespace", source=path)
    return text


# -- .txt ----------------------------------------------------------------------


def is_byline(line: str) -> bool:
    """Tell whether *line* (the line after the headline) is a byline.

    A byline starts with ``By`` and a space, or with ``Written by`` (a missing
    space, as in ``Written byTimes Magazine``, is tolerated), in any case. To
    keep a first body sentence such as *By noon the road was closed.* in the
    body, a line of more than twelve words, or ending a sentence with a
    lower-case word and ``.``, ``!`` or ``?``, is not a byline.

    Example:
        >>> is_byline("By Ana Ruiz and Tom Park"), is_byline("By noon the road was closed.")
        (True, False)
    """
    line = line.strip()
    return bool(
        _BYLINE.match(line)
        and len(line.split()) <= _BYLINE_MAX_WORDS
        and not _SENTENCE_END.search(line)
    )


def parse_txt(
    text: str, *, id: str | None = None, source: str | os.PathLike[str] | None = None
) -> Document:
    """Split plain text into headline, optional byline and body (see :func:`is_byline`).

    The body is kept character for character; only the line breaks between the
    header lines and the body are dropped. Text with nothing after its header
    lines is all body.

    Raises:
        InputError: when *text* holds only whitespace.
    """
    source = None if source is None else os.fspath(source)
    if not text.strip():
        raise InputError("the text contains only whitespace", source=source)
    lines = _lines(text)
    header = next(lines, None)
    assert header is not None  # the text is not blank
    headline, body_start = header
    following = next(lines, None)
    byline: str | None = None
    if following is not None and is_byline(following[0]):
        byline, body_start = following
    body = text[body_start:].lstrip(_NEWLINES)
    if not body.strip():
        # Nothing but the header lines: take the whole text as the body.
        return Document.create(text.lstrip(_NEWLINES), id=id, source=source)
    return Document.create(body, headline=headline, byline=byline, id=id, source=source)


def _lines(text: str) -> Iterator[tuple[str, int]]:
    """Yield each non-blank line of *text* and the offset just after its line break.

    A line ends at ``\\n``, ``\\r\\n`` or a lone ``\\r`` (old Mac files).
    """
    start = 0
    for match in _LINE_BREAK.finditer(text):
        line = text[start : match.start()]
        if line.strip():
            yield line.strip(), match.end()
        start = match.end()
    if text[start:].strip():
        yield text[start:].strip(), len(text)


def load_txt(path: str | os.PathLike[str], *, encoding: str = "utf-8") -> LoadResult:
    """Yield the article in the plain-text file *path* (see :func:`parse_txt`)."""
    path = os.fspath(path)
    try:
        yield parse_txt(_read_text(path, encoding), id=Path(path).stem, source=path)
    except InputError as exc:
        yield _located(exc, source=path)


# -- JSON articles -------------------------------------------------------------


def article_from_json(
    obj: Any,
    *,
    source: str | os.PathLike[str],
    line: int | None = None,
    default_id: str | None = None,
) -> Document:
    """Make a document from one parsed JSON article (or ``newslens/1`` document).

    Args:
        obj: The parsed JSON value.
        source: The file it came from (the document's ``source`` unless the
            object names one), named in errors.
        line: Its line, for JSON lines; named in errors.
        default_id: The document's ``id`` when the object has none.

    Raises:
        InputError: naming the field that is missing or malformed.
    """
    source = os.fspath(source)
    if not isinstance(obj, Mapping):
        raise InputError(
            f"expected a JSON object (an article), got {_json_type(obj)}",
            source=source,
            line=line,
        )

    def error(message: str, field: str) -> InputError:
        return InputError(message, source=source, line=line, field=field)

    surrogate = _surrogate_field(obj)
    if surrogate is not None:
        raise error(surrogate[1], surrogate[0])
    if "schema" in obj:
        return _from_newslens(obj, source=source, line=line, default_id=default_id)

    text = obj.get("text")
    if "text" not in obj:
        raise error("missing: every article needs its text", "text")
    if not isinstance(text, str):
        raise error(f"must be a string, got {_json_type(text)}", "text")
    if not text.strip():
        raise error("is empty" if not text else "contains only whitespace", "text")
    strings: dict[str, str | None] = {}
    for name in ("headline", "byline", "url", "source"):
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            raise error(f"must be a string or null, got {_json_type(value)}", name)
        strings[name] = value
    raw_id = obj.get("id")
    if raw_id is not None and (not isinstance(raw_id, str | int) or isinstance(raw_id, bool)):
        raise error(f"must be a string or an integer, got {_json_type(raw_id)}", "id")
    meta = obj.get("meta")
    if meta is not None and not isinstance(meta, Mapping):
        raise error(f"must be an object, got {_json_type(meta)}", "meta")
    merged, clash = _merged_meta(obj, meta or {})
    if clash is not None:
        raise error(
            "is given both as a field of the article and in meta, with different values: "
            "keep one",
            clash,
        )
    return Document.create(
        text,
        headline=strings["headline"],
        byline=strings["byline"],
        published=_published(obj.get("published"), source=source, line=line),
        id=str(raw_id) if raw_id is not None else default_id,
        source=strings["source"] or source,
        url=strings["url"],
        meta=merged,
    )


def _surrogate_field(obj: Mapping[Any, Any]) -> tuple[str, str] | None:
    """The field of *obj* holding a lone surrogate, and the message saying where, or ``None``."""
    if not _SURROGATE_SHOWN.search(repr(obj)):
        return None
    for name, value in obj.items():
        found = _lone_surrogate(name) or _lone_surrogate(value)
        if found is not None:
            return str(name), (
                f"holds a lone surrogate ({found[0]!r}{found[1]}): half of a \\u escape pair, "
                "which is not Unicode text and cannot be written out"
            )
    return None


def _merged_meta(
    obj: Mapping[Any, Any], meta: Mapping[Any, Any]
) -> tuple[dict[Any, Any], str | None]:
    """``meta`` with the article's other fields added, and the first field given in both
    with different values (which would be lost), if any."""
    extra = {key: value for key, value in obj.items() if key not in ARTICLE_FIELDS}
    clash = sorted((key for key in extra if key in meta and meta[key] != extra[key]), key=str)
    return {**meta, **extra}, str(clash[0]) if clash else None


_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_SURROGATE_SHOWN: Final = re.compile(r"\\ud[89a-f][0-9a-f]{2}")
"""How :func:`repr` shows a lone surrogate: a quick test of a whole article, made in C,
before it is searched field by field."""


def _lone_surrogate(value: Any) -> tuple[str, str] | None:
    """The first lone surrogate in a parsed JSON value, and where it is (`` at character 8``).

    :func:`json.loads` makes one of a ``\\ud800`` escape without its pair; no
    valid text holds one (the decoders refuse them in files).
    """
    stack: list[tuple[Any, str]] = [(value, "")]
    while stack:
        item, where = stack.pop()
        if isinstance(item, str):
            match = _SURROGATE.search(item)
            if match is not None:
                return match.group(), f"{where} at character {match.start()}"
        elif isinstance(item, Mapping):
            stack.extend((v, f"{where} in key {k!r}") for k, v in reversed(list(item.items())))
            stack.extend((k, f"{where} in a key") for k in item)
        elif isinstance(item, list):
            stack.extend((v, f"{where} in item {i}") for i, v in reversed(list(enumerate(item))))
    return None


def _published(value: Any, *, source: str, line: int | None) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None  # "published": "" is how many exports say "no date"
    try:
        return parse_published(value)
    except InputError as exc:
        raise _located(exc, source=source, line=line) from None


def _from_newslens(
    obj: Mapping[str, Any], *, source: str, line: int | None, default_id: str | None
) -> Document:
    try:
        done = Document.from_dict(obj)
    except InputError as exc:
        raise _located(exc, source=source, line=line) from None
    # Analyse the article afresh: keep what the input said, drop what was computed.
    return Document(
        text=done.text,
        parts=_with_boilerplate(done.text, _with_dateline(done.text, done.parts)),
        published=done.published,
        id=done.id if done.id is not None else default_id,
        source=done.source or source,
        url=done.url,
        meta=done.meta,
    )


def _with_dateline(text: str, parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """Add the dateline part that :meth:`Document.create` would have found, if it is missing."""
    body = next((part for part in parts if part.name == BODY), None)
    if body is None or any(part.name == DATELINE for part in parts):
        return parts
    found = find_dateline(text[body.start : body.end])
    if found is None:
        return parts
    return (*parts, Part(DATELINE, body.start + found[0], body.start + found[1]))


def _with_boilerplate(text: str, parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """Add the boilerplate parts :meth:`Document.create` would have found, if there are none
    (output written before newslens looked for boilerplate)."""
    body = next((part for part in parts if part.name == BODY), None)
    if body is None or any(part.name == BOILERPLATE for part in parts):
        return parts
    found = find_boilerplate(text[body.start : body.end])
    return (*parts, *(Part(BOILERPLATE, body.start + s, body.start + e) for s, e, _ in found))


def _located(exc: InputError, *, source: str, line: int | None = None) -> InputError:
    """Return *exc* with *source* and *line* filled in where it had none."""
    return InputError(
        exc.message,
        source=exc.source or source,
        line=exc.line if exc.line is not None else line,
        field=exc.field,
    )


def _parse_json(text: str, source: str, *, line: int | None = None) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON: {exc.msg} (column {exc.colno})",
            source=source,
            line=line if line is not None else exc.lineno,
        ) from None
    except RecursionError:
        raise InputError(
            "the JSON is nested too deeply to read (arrays or objects within one another "
            "hundreds of times)",
            source=source,
            line=line,
        ) from None


def load_json(path: str | os.PathLike[str], *, encoding: str = "utf-8") -> LoadResult:
    """Yield the article in the JSON file *path*: one object, or each object of an array."""
    path = os.fspath(path)
    stem = Path(path).stem
    try:
        value = _parse_json(_read_text(path, encoding), path)
    except InputError as exc:
        yield exc
        return
    if isinstance(value, list):
        if not value:
            yield InputError("the JSON array holds no articles", source=path)
        for index, item in enumerate(value):
            try:
                yield article_from_json(item, source=path, default_id=f"{stem}:{index}")
            except InputError as exc:
                yield InputError(exc.message, source=path, field=exc.field, item=index)
        return
    try:
        yield article_from_json(value, source=path, default_id=stem)
    except InputError as exc:
        yield exc


def load_jsonl(path: str | os.PathLike[str], *, encoding: str = "utf-8") -> LoadResult:
    """Yield the articles in the JSON-lines file *path*, reading it line by line."""
    path = os.fspath(path)
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed by the generator below
    except FileNotFoundError:
        yield InputError("no such file", source=path)
        return
    except IsADirectoryError:
        yield InputError("is a directory, not a file", source=path)
        return
    except OSError as exc:
        yield InputError(f"cannot read the file: {exc.strerror or exc}", source=path)
        return
    with stream:
        yield from load_jsonl_stream(stream, path, stem=Path(path).stem, encoding=encoding)


def load_jsonl_stream(
    stream: IO[bytes], source: str, *, stem: str, encoding: str = "utf-8"
) -> LoadResult:
    """Yield one article per non-blank line of the binary *stream*.

    Args:
        stream: Bytes, read line by line (a file, ``sys.stdin.buffer``).
        source: Named in documents and errors.
        stem: Documents without an ``id`` get ``"<stem>:<line>"``.
        encoding: The text encoding of every line. An encoding that does not
            write a line break as one byte (UTF-16, UTF-32) is decoded whole.
    """
    if not _ascii_compatible(encoding):
        yield from _jsonl_text(stream.read(), source, stem=stem, encoding=encoding)
        return
    peek = getattr(stream, "peek", None)
    head: bytes = peek(_SNIFF_BYTES)[:_SNIFF_BYTES] if peek is not None else b""
    if b"\x00" in head:
        yield _binary(source, head.index(b"\x00"))
        return
    offset = 0
    seen_text = False
    for number, raw in enumerate(_raw_lines(stream), start=1):
        start, offset = offset, offset + len(raw)
        if b"\x00" in raw:
            yield _binary(source, start + raw.index(b"\x00"), line=number)
            return
        try:
            line = decode_text(raw, source, encoding=encoding, line=number, offset=start)
        except InputError as exc:
            yield exc
            continue
        if line.strip():
            seen_text = True
            yield _article_at(line, source, number, stem)
    if not seen_text:
        yield InputError(
            "the input is empty" if offset == 0 else "the input contains only whitespace",
            source=source,
        )


_LONE_CR: Final = re.compile(rb"(?<=\r)(?!\n)")


def _raw_lines(stream: Iterable[bytes]) -> Iterator[bytes]:
    """The lines of a binary stream, each with its end: ``\n``, ``\r\n``, or a lone
    ``\r`` (old Mac files; JSON writes a carriage return inside a string as ``\\r``,
    so a raw one is a line break)."""
    for raw in stream:
        if b"\r" in raw:
            yield from (piece for piece in _LONE_CR.split(raw) if piece)
        else:
            yield raw


def _article_at(line: str, source: str, number: int, stem: str) -> Document | InputError:
    """The article on one line of JSON lines, or the error that names the line and field."""
    try:
        value = _parse_json(line, source, line=number)
        return article_from_json(value, source=source, line=number, default_id=f"{stem}:{number}")
    except InputError as exc:
        return exc


def _jsonl_text(data: bytes, source: str, *, stem: str, encoding: str) -> LoadResult:
    """JSON lines in an encoding read whole (UTF-16, UTF-32)."""
    try:
        text = decode_text(data, source, encoding=encoding)
    except InputError as exc:
        yield exc
        return
    seen_text = False
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            seen_text = True
            yield _article_at(line, source, number, stem)
    if not seen_text:
        yield InputError("the input contains no article", source=source)


# -- HTML ------------------------------------------------------------------------


def load_html(path: str | os.PathLike[str], *, encoding: str = "utf-8") -> LoadResult:
    """Yield the article extracted from the HTML page *path* (see :func:`parse_html`).

    The page is decoded with *encoding* (whatever charset it declares).
    """
    path = os.fspath(path)
    try:
        data = read_bytes(path)
        nul = data.find(b"\x00") if _ascii_compatible(encoding) else -1
        if nul >= 0:
            raise _binary(path, nul, kind="HTML")
        html = decode_text(data, path, encoding=encoding)
        if not html.strip():
            raise InputError("the file contains only whitespace", source=path)
        yield parse_html(html, id=Path(path).stem, source=path)
    except InputError as exc:
        yield _located(exc, source=path)


def _import_trafilatura() -> Any:
    try:
        import trafilatura
    except ModuleNotFoundError as exc:
        if exc.name != "trafilatura":
            raise _broken_trafilatura(exc) from None
        raise InputError(
            "reading HTML needs trafilatura, which is not installed: "
            "pip install 'newslens[html]'"
        ) from None
    except ImportError as exc:
        raise _broken_trafilatura(exc) from None
    return trafilatura


def _broken_trafilatura(exc: ImportError) -> InputError:
    return InputError(
        f"reading HTML needs trafilatura, which cannot be imported ({' '.join(str(exc).split())}); "
        "reinstall it with pip install 'newslens[html]'"
    )


def parse_html(
    html: bytes | str, *, id: str | None = None, source: str | os.PathLike[str] | None = None
) -> Document:
    """Extract an article from an HTML page with trafilatura.

    The page's title is the headline, its author the byline, its date the
    publication date; ``url`` comes from the page's canonical address and the
    site name, description, language, categories and tags go into ``meta``.
    Paragraphs of the body are separated by a blank line.

    Raises:
        InputError: when trafilatura is missing or finds no article text.
    """
    source = None if source is None else os.fspath(source)
    trafilatura = _import_trafilatura()
    try:
        result = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception as exc:  # trafilatura raises assorted errors on odd pages
        raise InputError(
            f"trafilatura could not read the page: {type(exc).__name__}: {exc}", source=source
        ) from None
    if result is None:
        raise InputError("no article text found in the HTML page", source=source)
    data: Mapping[str, Any] = result.as_dict() if hasattr(result, "as_dict") else result
    headline = _clean(data.get("title"))
    lines = [line.strip() for line in str(data.get("text") or "").splitlines()]
    paragraphs = [line for line in lines if line]
    if paragraphs and headline and paragraphs[0] == headline:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise InputError("no article text found in the HTML page", source=source)
    published = None
    if data.get("date"):
        try:
            published = parse_published(data["date"])
        except InputError:
            published = None  # a page's odd date is no reason to refuse its article
    meta = {
        name: data[name]
        for name in ("sitename", "description", "language", "categories", "tags")
        if data.get(name)
    }
    return Document.create(
        "\n\n".join(paragraphs),
        headline=headline,
        byline=_clean(data.get("author")),
        published=published,
        id=id,
        source=source,
        url=_clean(data.get("url")),
        meta=meta,
    )


def _clean(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None

