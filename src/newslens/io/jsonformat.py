"""The ``newslens/1`` JSON format: writing a document to a dict and reading it back.

The JSON Schema lives in ``newslens/schema/newslens-1.schema.json``
(see :func:`newslens.schema.load_schema`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final, TypeVar

from newslens.errors import InputError, NewslensError
from newslens.model import (
    _OPTIONAL_TOKEN_FIELDS,
    SCHEMA_ID,
    Diagnostic,
    Document,
    Entity,
    Paragraph,
    Part,
    Sentence,
    Token,
    TokenTable,
    parse_published,
)

if TYPE_CHECKING:
    import pluggy

T = TypeVar("T")

CORE_FIELDS: Final = (
    "schema",
    "id",
    "source",
    "url",
    "meta",
    "published",
    "backend",
    "layers",
    "text",
    "parts",
    "paragraphs",
    "sentences",
    "tokens",
    "entities",
    "diagnostics",
)
"""Top-level fields written by the core; no plugin section may use these names."""

def span(text: str, start: int, end: int, **extra: Any) -> dict[str, Any]:
    """Return the JSON object for a span: ``{"start", "end", "text", **extra}``."""
    return {"start": start, "end": end, "text": text[start:end], **extra}


def plugin_sections(doc: Document, plugins: pluggy.PluginManager | None) -> dict[str, Any]:
    """Collect the ``newslens_json_section`` results of every plugin for *doc*.

    Raises:
        NewslensError: when two plugins return one section name, or a plugin uses
            a core field's name.
    """
    if plugins is None:
        from newslens.plugins import get_plugin_manager

        plugins = get_plugin_manager()
    sections: dict[str, Any] = {}
    owners: dict[str, str] = {}
    hook = plugins.hook.newslens_json_section
    for impl in reversed(hook.get_hookimpls()):
        result: Any = impl.function(doc=doc)
        for name, value in dict(result or {}).items():
            owner = impl.plugin_name
            if name in CORE_FIELDS:
                raise NewslensError(f"plugin {owner!r} returned the core JSON field {name!r}")
            if name in owners:
                raise NewslensError(
                    f"JSON section {name!r} returned by both {owners[name]!r} and {owner!r}"
                )
            owners[name] = owner
            sections[name] = value
    return sections


def document_to_dict(doc: Document, plugins: pluggy.PluginManager | None = None) -> dict[str, Any]:
    """Return *doc* in the ``newslens/1`` JSON format (see :meth:`Document.to_dict`)."""
    text = doc.text
    data: dict[str, Any] = {
        "schema": SCHEMA_ID,
        "id": doc.id,
        "source": doc.source,
        "url": doc.url,
        "meta": dict(doc.meta),
        "published": doc.published.isoformat() if doc.published else None,
        "backend": doc.backend,
        "layers": sorted(doc.layers),
        "text": text,
        "parts": [span(text, p.start, p.end, name=p.name) for p in doc.parts],
        "paragraphs": [span(text, p.start, p.end) for p in doc.paragraphs],
        "sentences": [
            span(text, s.start, s.end, token_start=s.token_start, token_end=s.token_end)
            for s in doc.sentences
        ],
        "tokens": _tokens(doc.tokens),
        "entities": [span(text, e.start, e.end, label=e.label) for e in doc.entities],
        "diagnostics": [_diagnostic(d) for d in doc.diagnostics],
    }
    data.update(doc.sections)
    data.update(plugin_sections(doc, plugins))
    return data


def _tokens(table: TokenTable) -> list[dict[str, Any]]:
    """The tokens as JSON objects, read column by column (no :class:`Token` is made)."""
    present = [name for name in _OPTIONAL_TOKEN_FIELDS if table.has(name)]
    columns = [table.column(name) for name in present]
    out = []
    for start, end, text, *values in zip(
        table.column("start"), table.column("end"), table.column("text"), *columns, strict=True
    ):
        data: dict[str, Any] = {"start": start, "end": end, "text": text}
        for name, value in zip(present, values, strict=True):
            if value is not None:
                data[name] = value
        out.append(data)
    return out


def _diagnostic(diagnostic: Diagnostic) -> dict[str, Any]:
    data = {"plugin": diagnostic.plugin, "level": diagnostic.level, "message": diagnostic.message}
    if diagnostic.exception is not None:
        data["exception"] = diagnostic.exception
    return data


def document_from_dict(data: Mapping[str, Any]) -> Document:
    """Read a document in the ``newslens/1`` format (see :meth:`Document.from_dict`).

    Raises:
        InputError: naming the field that is missing or malformed.
    """
    if not isinstance(data, Mapping):
        raise InputError(f"expected a JSON object, got {type(data).__name__}")
    schema = data.get("schema")
    if schema != SCHEMA_ID:
        raise InputError(f"unsupported schema {schema!r}, expected {SCHEMA_ID!r}", field="schema")
    text = data.get("text")
    if not isinstance(text, str):
        raise InputError("missing or not a string", field="text")
    published = data.get("published")
    return Document(
        text=text,
        parts=_items(data, "parts", lambda d: Part(d["name"], d["start"], d["end"])),
        published=parse_published(published) if published is not None else None,
        id=data.get("id"),
        source=data.get("source"),
        url=data.get("url"),
        meta=data.get("meta") or {},
        backend=data.get("backend"),
        layers=frozenset(data.get("layers") or ()),
        paragraphs=_items(data, "paragraphs", lambda d: Paragraph(d["start"], d["end"])),
        sentences=_items(
            data,
            "sentences",
            lambda d: Sentence(d["start"], d["end"], d["token_start"], d["token_end"]),
        ),
        tokens=_items(
            data,
            "tokens",
            lambda d: Token(
                d["start"], d["end"], d["text"], **{k: d.get(k) for k in _OPTIONAL_TOKEN_FIELDS}
            ),
        ),
        entities=_items(
            data, "entities", lambda d: Entity(d["start"], d["end"], d["label"], d["text"])
        ),
        diagnostics=_items(
            data,
            "diagnostics",
            lambda d: Diagnostic(d["plugin"], d["level"], d["message"], d.get("exception")),
        ),
        sections={k: v for k, v in data.items() if k not in CORE_FIELDS},
    )


def _items(data: Mapping[str, Any], field: str, make: Callable[[Any], T]) -> tuple[T, ...]:
    items = []
    for index, item in enumerate(data.get(field) or ()):
        try:
            items.append(make(item))
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"item {index} is malformed: {exc}", field=field) from None
    return tuple(items)
