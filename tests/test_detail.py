"""Levels of detail of JSON output (``--detail``) and the two JSON backends."""

from __future__ import annotations

import datetime as dt
import json
import math
import pickle
from collections import OrderedDict
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newslens
import newslens.jsonout as jsonout
from newslens import Detail
from newslens.cli import main
from newslens.model import DETAIL_LEVELS, resolve_detail
from newslens.schema import validate

ARTICLE = str(Path(__file__).parent.parent / "examples" / "articles" / "harbour-bridge.txt")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[str, dict[str, object]]:
    assert main(["analyze", ARTICLE, "--backend", "lite", "--format", "jsonl", *args]) == 0
    out = capsys.readouterr().out
    return out, json.loads(out)


def test_default_has_no_tokens_nor_per_sentence_readability(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, data = run(capsys)
    validate(data)
    assert not {"tokens", "sentences", "paragraphs", "entities"} & set(data)
    readability = data["readability"]
    assert isinstance(readability, dict)
    assert "per_sentence" not in readability and "per_paragraph" not in readability
    assert len(readability["hard_words"]) <= 5
    assert all("text" not in part for part in data["parts"])  # type: ignore[attr-defined]
    assert all("parts" not in quote for quote in data["quotes"])  # type: ignore[attr-defined]


def test_full_has_everything_and_sizes_shrink(capsys: pytest.CaptureFixture[str]) -> None:
    sizes = {}
    for level in DETAIL_LEVELS:
        out, data = run(capsys, "--detail", level)
        validate(data)
        sizes[level] = len(out)
    out, data = run(capsys, "--detail", "full")
    assert data["tokens"] and data["sentences"] and data["entities"]
    readability = data["readability"]
    assert isinstance(readability, dict)
    assert readability["per_sentence"] and readability["per_paragraph"]
    assert sizes["summary"] < sizes["standard"] < sizes["full"]
    assert sizes["full"] > 1.5 * sizes["standard"]


def test_to_dict_default_is_full_and_round_trips() -> None:
    doc = newslens.analyze('"We are done," Ms. Chen said.', headline="Talks end", backend="lite")
    data = doc.to_dict()
    assert newslens.Document.from_dict(data).tokens == doc.tokens
    standard = doc.to_dict(detail="standard")
    assert "tokens" not in standard and standard["text"] == doc.text
    with pytest.raises(ValueError, match="detail level"):
        doc.to_dict(detail="most")


def test_detail_forms_and_pickling() -> None:
    calls: list[str] = []

    def full() -> list[int]:
        calls.append("full")
        return [1, 2, 3]

    section = {"s": {"n": 1, "items": Detail(full, standard=[1])}, "t": Detail(2)}
    assert resolve_detail(section, "summary") == {"s": {"n": 1}}
    assert resolve_detail(section, "standard") == {"s": {"n": 1, "items": [1]}}
    assert calls == []  # the full form is built only when written
    assert resolve_detail(section, "full") == {"s": {"n": 1, "items": [1, 2, 3]}, "t": 2}
    again = pickle.loads(pickle.dumps(Detail(lambda: [1], summary=0)))
    assert [again.at(level) for level in ("summary", "full")] == [0, [1]]
    assert resolve_detail({"x": again}, "standard") == {}


@pytest.mark.parametrize("level", DETAIL_LEVELS)
def test_orjson_and_stdlib_write_the_same(level: str) -> None:
    pytest.importorskip("orjson")
    doc = newslens.analyze(
        '"Café au lait," Ms. Chen said on Monday. It costs 3.5 euros.', backend="lite"
    )
    data = doc.to_dict(detail=level)
    fast = jsonout.dumps_document(data)
    fast_indented = jsonout.dumps_document(data, indent=True)
    with jsonout.stdlib_only():
        slow = jsonout.dumps_document(data)
        slow_indented = jsonout.dumps_document(data, indent=True)
    assert json.loads(fast) == json.loads(slow) == json.loads(json.dumps(data))
    assert fast == slow and "Café" in fast
    assert fast_indented == slow_indented


@given(st.dates(), st.datetimes(timezones=st.none() | st.just(dt.UTC)))
def test_orjson_and_stdlib_write_dates_the_same(day: dt.date, moment: dt.datetime) -> None:
    pytest.importorskip("orjson")
    data = {"meta": {"day": day, "moment": moment}}
    fast = jsonout.dumps(data)
    with jsonout.stdlib_only():
        slow, slow_indented = jsonout.dumps(data), jsonout.dumps(data, indent=True)
    assert fast == slow
    assert json.loads(slow_indented) == json.loads(fast)


def test_stdlib_fallback_when_orjson_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonout, "_fast", None)
    doc = newslens.analyze("Ms. Chen said it rained.", backend="lite")
    assert json.loads(doc.to_json()) == json.loads(json.dumps(doc.to_dict()))


def test_nan_is_written_as_the_standard_library_writes_it() -> None:
    data = {"schema": "newslens/1", "mine": {"x": math.nan, "y": [math.inf]}}
    text = jsonout.dumps_document(data)
    assert text == '{"schema":"newslens/1","mine":{"x":NaN,"y":[Infinity]}}'
    assert math.isnan(json.loads(text)["mine"]["x"])


class _Score(float):
    """A float subclass, as numpy's float64 is."""


def _nonfinite_reference(value: object) -> bool:
    """The plain recursive statement of what ``_has_nonfinite`` answers."""
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, dict):
        return any(_nonfinite_reference(item) for item in value.values())
    if isinstance(value, (list, tuple)):
        return any(_nonfinite_reference(item) for item in value)
    return False


_JSON_LEAVES = (
    st.none() | st.booleans() | st.integers() | st.text(max_size=5)
    | st.floats() | st.floats().map(_Score)
)
_JSON_TREES = st.recursive(
    _JSON_LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.lists(inner, max_size=4).map(tuple)
    | st.dictionaries(st.text(max_size=3), inner, max_size=4)
    | st.dictionaries(st.text(max_size=3), inner, max_size=4).map(OrderedDict),
    max_leaves=20,
)


@given(_JSON_TREES)
def test_nonfinite_floats_are_found_at_any_depth(data: object) -> None:
    """NaN and infinities are found in dicts, lists, tuples, their subclasses and in
    float subclasses alike, and only there: a miss would let orjson write ``null``."""
    assert jsonout._has_nonfinite(data) is _nonfinite_reference(data)


def test_writer_rejects_an_unknown_level() -> None:
    import io

    from newslens.io.writers import open_writer

    with pytest.raises(ValueError, match="detail level"):
        open_writer("jsonl", io.StringIO(), detail="everything")


def test_a_pickled_document_writes_the_same_at_every_level() -> None:
    doc = newslens.analyze(
        '"We will rebuild," the mayor said, "and soon." The pier was long and difficult.',
        headline="Pier reopens", backend="lite",
    )
    again = pickle.loads(pickle.dumps(doc))
    for level in DETAIL_LEVELS:
        assert again.to_dict(detail=level) == doc.to_dict(detail=level)
