"""Turning JSON data into text fast: orjson when it is installed, the standard library if not.

Both paths write the same text: keys in their order, non-ASCII characters as
they are (UTF-8, not ``\\u`` escapes), no spaces on one line (``{"a":1,"b":[2]}``)
and two-space indentation with ``": "`` after keys when *indent* is asked for.
Floats may be spelt differently (``1e+16`` against ``1e16``) but read back equal.

A float that is not finite (``NaN``, ``Infinity``) is written as the standard
library writes it, ``NaN``, which is not valid JSON but which Python's
:func:`json.loads` reads: orjson would write ``null``, so data holding such a
float is written by the standard library. So is data orjson cannot write (an
integer beyond 64 bits); a value neither can write raises :class:`TypeError`
(for a document, naming the field, and the key of ``meta`` or of a plugin's section).

Set ``NEWSLENS_JSON=stdlib`` in the environment (read at import) to use the
standard library even when orjson is installed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import os
from collections.abc import Collection, Iterator, Mapping
from typing import Any, Final

try:
    if os.environ.get("NEWSLENS_JSON") == "stdlib":
        raise ImportError("NEWSLENS_JSON=stdlib")
    import orjson
except ImportError:  # pragma: no cover - depends on the environment
    orjson = None  # type: ignore[assignment]

BACKEND: Final = "orjson" if orjson is not None else "json"
"""Which library :func:`dumps` uses: ``"orjson"`` or ``"json"`` (the standard library)."""

_COMPACT: Final = (",", ":")
_fast: Any = orjson


class UnwritableError(TypeError):
    """A document holds a value JSON cannot hold (in ``meta`` or a plugin's section);
    the message names the field and the key."""


@contextlib.contextmanager
def stdlib_only() -> Iterator[None]:
    """Within the block, write with the standard library even when orjson is installed
    (for tests and benchmarks; not thread-safe)."""
    global _fast
    saved, _fast = _fast, None
    try:
        yield
    finally:
        _fast = saved


_SCALARS: Final = frozenset({str, int, bool, type(None)})
"""Types that hold no float: skipped at once by :func:`_has_nonfinite`."""


def _has_nonfinite(value: Any) -> bool:
    """Whether *value* holds a float that is NaN or infinite, at any depth (inside
    dicts, lists and tuples, and subclasses of those and of float).

    Exact types are tested first, by identity, since nearly every value of a
    document is a str, an int or None: the check costs about a third less than
    with :func:`isinstance` alone.
    """
    stack = [value]
    pop, extend, isfinite = stack.pop, stack.extend, math.isfinite
    while stack:
        item = pop()
        kind = type(item)
        if kind in _SCALARS:
            continue
        if kind is dict:
            extend(item.values())
        elif kind is list or kind is tuple:
            extend(item)
        elif isinstance(item, float):
            if not isfinite(item):
                return True
        elif isinstance(item, dict):
            extend(item.values())
        elif isinstance(item, (list, tuple)):
            extend(item)
    return False


def _default(value: Any) -> Any:
    """What orjson cannot write itself: a mapping that is not a dict; and for the
    standard library, what orjson writes itself: dates and datetimes, as the ISO text
    orjson gives them (``"2024-03-14"``, ``"2024-03-14T10:00:00+00:00"``), and times as
    ISO text too."""
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, (dt.date, dt.time)):  # (a datetime is a date)
        return value.isoformat()
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def stdlib_dumps(data: Any, *, indent: bool = False) -> str:
    """:func:`dumps` by the standard library alone (for comparison and as the fallback)."""
    if indent:
        return json.dumps(data, ensure_ascii=False, indent=2, default=_default)
    return json.dumps(data, ensure_ascii=False, separators=_COMPACT, default=_default)


def dumps(data: Any, *, indent: bool = False, check: Any = None) -> str:
    """Return *data* as JSON text (see the module's documentation for the format).

    Args:
        data: JSON data: dicts, lists, tuples, strings, numbers, booleans, ``None``.
        indent: Two spaces of indentation per level (the ``json`` writer's layout).
        check: The part of *data* that may hold floats (default: all of it),
            searched for NaN and infinities before orjson is trusted with it.
    """
    fast = _fast
    if fast is None:
        return stdlib_dumps(data, indent=indent)
    if _has_nonfinite(data if check is None else check):
        return stdlib_dumps(data, indent=indent)
    option = fast.OPT_NON_STR_KEYS | (fast.OPT_INDENT_2 if indent else 0)
    try:
        text: bytes = fast.dumps(data, default=_default, option=option)
    except fast.JSONEncodeError:
        return stdlib_dumps(data, indent=indent)
    return text.decode("utf-8")


def dumps_document(
    data: Mapping[str, Any], *, indent: bool = False, core: Collection[str] = ()
) -> str:
    """Return a document's JSON data (:meth:`Document.to_dict <newslens.Document.to_dict>`)
    as text, like :func:`dumps`. The fields named in *core* (the core's own,
    :data:`newslens.model.CORE_FIELDS`, which hold no floats) are not searched for NaN,
    save ``meta``."""
    check = [value for name, value in data.items() if name == "meta" or name not in core]
    try:
        return dumps(data, indent=indent, check=check)
    except TypeError as exc:
        raise unwritable_error(data, exc) from None


def unwritable_error(data: Mapping[str, Any], exc: TypeError) -> UnwritableError:
    """The :class:`UnwritableError` for a document's JSON *data* that *exc* could not write,
    naming the field (and the key of ``meta`` or a plugin's section) that holds the value."""
    return UnwritableError(
        f"{_unwritable(data)}: {exc} (JSON holds str, int, float, bool, None, lists and "
        "dicts only)"
    )


def _unwritable(data: Mapping[str, Any]) -> str:
    """Name the field (or the key in ``meta`` or a plugin's section) that cannot be written."""
    for name, value in data.items():
        if _writes(value):
            continue
        if isinstance(value, Mapping):
            for key, item in value.items():
                if not _writes(item):
                    return f"field {name!r}, key {key!r}"
        return f"field {name!r}"
    return "the document"


def _writes(value: Any) -> bool:
    try:
        stdlib_dumps(value)
    except (TypeError, ValueError):
        return False
    return True
