"""The JSON Schema of the ``newslens/1`` output format, and a validator."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any, Final

SCHEMA_FILE: Final = "newslens-1.schema.json"


@functools.cache
def load_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of one ``newslens/1`` document."""
    text = resources.files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate(document: Any) -> None:
    """Raise :class:`jsonschema.ValidationError` unless *document* fits the schema,
    and :class:`ValueError` unless every span's ``text`` equals the document text
    at its offsets."""
    import jsonschema

    jsonschema.validate(document, load_schema())
    check_span_texts(document)


def check_span_texts(document: Any) -> None:
    """Raise :class:`ValueError` for a span whose ``text`` is not ``text[start:end]``.

    Every object anywhere in the document (plugin sections included) that has
    integer ``start`` and ``end`` and a string ``text`` is checked. Tokens whose
    ``form`` is set are checked like any other span. A document written without
    its ``text`` (``--omit text``) has nothing to check against.
    """
    full = document.get("text") if isinstance(document, dict) else None
    if not isinstance(full, str):
        return

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            start, end, text = node.get("start"), node.get("end"), node.get("text")
            if (
                isinstance(start, int)
                and isinstance(end, int)
                and isinstance(text, str)
                and not (0 <= start <= end <= len(full) and full[start:end] == text)
            ):
                raise ValueError(
                    f"{path}: span [{start}, {end}) has text {text!r}, "
                    f"document has {full[start:end]!r}"
                )
            for key, value in node.items():
                if key != "text" or path:
                    walk(value, f"{path}.{key}" if path else key)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{path}[{index}]")

    walk(document, "")
