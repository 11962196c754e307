"""The document model: construction, immutability, spans and the JSON round trip."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import newslens
from newslens import Diagnostic, Document, Entity, InputError, Paragraph, Sentence, Token
from newslens.model import (
    DATELINE,
    PART_SEPARATOR,
    clean_byline,
    find_dateline,
    iter_spans,
    parse_published,
)
from newslens.plugins import new_plugin_manager
from newslens.testing.checks import check_document

headlines = st.one_of(st.none(), st.text(max_size=40))
_PLUGINS = new_plugin_manager(entry_points=False)


def test_create_joins_parts_headline_first() -> None:
    doc = Document.create("Body text.", headline="Headline", byline="By Ann Lee")
    assert doc.text == "Headline\n\nAnn Lee\n\nBody text."
    assert [p.name for p in doc.parts] == ["headline", "byline", "body"]
    assert doc.headline == "Headline"
    assert doc.byline == "Ann Lee"
    assert doc.body == "Body text."


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Ana Okafor", "Ana Okafor"),
        ("  by ana okafor ", "ana okafor"),
        ("Written by Ana Okafor", "Ana Okafor"),
        ("WRITTEN  BY Ana Okafor and Tom Park", "Ana Okafor and Tom Park"),
        ("By: Ana Okafor", "Ana Okafor"),
        ("By:Ana Okafor", "Ana Okafor"),
        ("Written byTimes Magazine", "Times Magazine"),
        ("Ana Okafor", "Ana Okafor"),
        ("Byron Ash", "Byron Ash"),
        ("ByteDance staff", "ByteDance staff"),
        ("By-the-way Gazette", "By-the-way Gazette"),
        ("Reporting by Ana Okafor", "Reporting by Ana Okafor"),
    ],
)
def test_byline_part_holds_the_names_without_the_lead_in(byline: str, names: str) -> None:
    doc = Document.create("It rained.", headline="Rain", byline=byline)
    assert doc.byline == names
    assert doc.text == f"Rain\n\n{names}\n\nIt rained."
    assert clean_byline(byline) == names


@pytest.mark.parametrize("byline", ["By", "by ", " BY: ", "Written by", "written by:"])
def test_a_byline_that_is_only_a_lead_in_is_left_out(byline: str) -> None:
    doc = Document.create("It rained.\n", headline="Rain", byline=byline)
    assert doc.byline is None and doc.part("byline") is None
    assert doc.text == "Rain\n\nIt rained.\n"
    assert (doc.headline, doc.body) == ("Rain", "It rained.\n")
    assert all(part.end > part.start for part in doc.parts)


@given(st.text(max_size=30), st.text(min_size=1, max_size=30))
def test_cleaning_a_byline_loses_nothing_else(byline: str, body: str) -> None:
    doc = Document.create(body, headline="H", byline=byline)
    assert doc.body == body and doc.headline == "H"
    names = clean_byline(byline)
    assert doc.byline == (names or None)
    assert names in byline and byline.strip().endswith(names)


@pytest.mark.parametrize(
    ("body", "dateline"),
    [
        ("WASHINGTON (AP) — The Senate voted.", "WASHINGTON (AP) —"),
        ("ST. LOUIS — Crowds gathered.", "ST. LOUIS —"),
        ("LONDON, March 3 (Reuters) - Shares fell.", "LONDON, March 3 (Reuters) -"),
        ("NEWPORT NEWS, Va. - A Virginian could make history.", "NEWPORT NEWS, Va. -"),
        ("HARBOURTON, N.H., Oct. 14 (UPI) — Ana Ruiz said.", "HARBOURTON, N.H., Oct. 14 (UPI) —"),
        ("WASHINGTON -- The deficit fell.", "WASHINGTON --"),
        ("WASHINGTON —\xa0Democrats called.", "WASHINGTON —"),
        ("\n  MIAMI — Rivals pulled punches.", "MIAMI —"),
        ("The Senate voted. WASHINGTON — no.", None),
        ("Washington — The Senate voted.", None),
        ("WASHINGTON—The Senate voted.", None),
        ("A — B", None),
        ("", None),
    ],
)
def test_dateline_part(body: str, dateline: str | None) -> None:
    doc = Document.create(body, headline="Headline")
    assert doc.dateline == dateline
    assert (doc.part(DATELINE) is None) == (dateline is None)
    assert doc.body == body  # the dateline stays in the body
    assert [p.name for p in doc.parts][:2] == ["headline", "body"]
    check_document(doc)


@given(st.text(max_size=60) | st.from_regex(r"\A\s*[A-Z][A-Z. ,]{1,20}(\(AP\) )?[—–-]{1,2}\s.*\Z"))
def test_dateline_always_lies_inside_the_body_at_its_start(body: str) -> None:
    doc = Document.create(body, headline="H", byline="By A")
    dateline, whole = doc.part(DATELINE), doc.part("body")
    assert whole is not None
    found = find_dateline(body)
    if dateline is None:
        assert found is None
        return
    assert found == (dateline.start - whole.start, dateline.end - whole.start)
    assert whole.start <= dateline.start < dateline.end <= whole.end
    assert doc.text[whole.start : dateline.start].strip() == ""
    assert doc.dateline == doc.dateline.strip() and doc.dateline[-1] in "—–-"
    check_document(doc)


def test_without_headline_text_is_exactly_the_input() -> None:
    body = "  leading spaces kept\n\nand trailing too  \n"
    doc = Document.create(body)
    assert doc.text == body
    assert doc.headline is None
    assert doc.parts[0].name == "body"


@given(body=st.text(), headline=headlines, byline=headlines)
@example(body="Text.\n\nCOMMENT", headline="A headline", byline=None)
def test_parts_are_consistent(body: str, headline: str | None, byline: str | None) -> None:
    doc = Document.create(body, headline=headline, byline=byline)
    assert doc.body == body
    assert doc.text.endswith(body)
    for part in doc.parts:
        assert 0 <= part.start <= part.end <= len(doc.text)
    # headline, byline and body follow one another; a dateline or boilerplate lies in the body
    joined = [part for part in doc.parts if part.name in {"headline", "byline", "body"}]
    assert joined[-1].name == "body"
    for first, second in itertools.pairwise(joined):
        assert doc.text[first.end : second.start] == PART_SEPARATOR
    body_part = joined[-1]
    for part in doc.parts:
        if part.name in {"dateline", "boilerplate"}:
            assert body_part.start <= part.start <= part.end <= body_part.end
    if headline and headline.strip():
        assert doc.headline == headline.strip()
    else:
        assert doc.headline is None


def test_documents_are_frozen() -> None:
    doc = Document.create("Text.")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        doc.text = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        doc.meta["x"] = 1  # type: ignore[index]


def test_published_accepts_date_string_and_datetime() -> None:
    assert Document.create("x", published="2024-03-14").published == dt.date(2024, 3, 14)
    assert Document.create("x", published="2024-03-14T09:30:00Z").published == dt.date(2024, 3, 14)
    stamp = dt.datetime(2024, 3, 14, 9, 30)
    assert Document.create("x", published=stamp).published == dt.date(2024, 3, 14)
    with pytest.raises(InputError, match="published"):
        Document.create("x", published="14/03/2024")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-14", dt.date(2024, 3, 14)),
        (" 2024-03-14 ", dt.date(2024, 3, 14)),
        ("2024-03-14T23:30", dt.date(2024, 3, 14)),
        ("2024-03-14T23:30:00Z", dt.date(2024, 3, 14)),
        ("2024-03-14 08:00", dt.date(2024, 3, 14)),
        ("2024-03-14T08:00:00.123456+05:30", dt.date(2024, 3, 14)),
        ("2024-03-14T08:00:00,5-0800", dt.date(2024, 3, 14)),
        ("2024-02-29t08:00z", dt.date(2024, 2, 29)),
    ],
)
def test_parse_published_accepts_a_date_and_an_iso_time(value: str, expected: dt.date) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "2024-03-14garbage",
        "2024-03-14T",
        "2024-03-14T25:00",
        "2024-03-14T10:61",
        "2024-03-14T10:30+25:00",
        "2024-03-14 10",
        "2024-3-14",
        "2023-02-29",
        "20240314",
        "March 14, 2024",
        "２０２４-03-14",  # full-width digits
        "",
        None,
        5,
        [2024, 3, 14],
    ],
)
def test_parse_published_refuses_everything_else_naming_the_field(value: object) -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD") as info:
        parse_published(value, field="date")
    assert info.value.field == "date"


@given(st.text(max_size=40) | st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}[T ].{0,20}\Z"))
def test_parse_published_gives_a_date_or_an_input_error(value: str) -> None:
    try:
        result = parse_published(value)
    except InputError as exc:
        assert exc.field == "published"
    else:
        assert type(result) is dt.date and result.isoformat() == value.strip()[:10]


@given(st.dates())
def test_parse_published_round_trips_iso_dates(value: dt.date) -> None:
    assert parse_published(value.isoformat()) == value


@given(st.datetimes(timezones=st.none() | st.timezones()))
def test_parse_published_reads_iso_datetimes(value: dt.datetime) -> None:
    assert parse_published(value.isoformat()) == value.date()
    assert parse_published(value.isoformat(sep=" ", timespec="minutes")) == value.date()


def test_spans_validate_their_offsets() -> None:
    with pytest.raises(ValueError, match="before start"):
        Sentence(5, 2)
    with pytest.raises(ValueError, match=">= 0"):
        Paragraph(-1, 3)
    with pytest.raises(ValueError):
        Diagnostic("x", "fatal", "no such level")


def test_token_feature_lookup() -> None:
    token = Token(0, 4, "said", lemma="say", feats="Mood=Ind|Tense=Past|VerbForm=Fin")
    assert token.feature("Tense") == "Past"
    assert token.feature("Number") is None
    assert Token(0, 1, "a").feature("Tense") is None


def _annotated(body: str, headline: str | None) -> Document:
    doc = Document.create(body, headline=headline, published="2021-12-24", id="a1")
    tokens = [Token(m.start, m.end, doc.text[m.start : m.end], lemma="x") for m in _words(doc)]
    sentences = [Sentence(0, len(doc.text), 0, len(tokens))] if tokens else []
    entities = [Entity(t.start, t.end, "NAME", t.text) for t in tokens[:1]]
    return attrs.evolve(
        doc,
        backend="test",
        layers={"tokens", "sentences"},
        tokens=tokens,
        sentences=sentences,
        entities=entities,
        diagnostics=[Diagnostic("newslens", "info", "made in a test")],
    )


@attrs.frozen
class _Match:
    start: int
    end: int


def _words(doc: Document) -> list[_Match]:
    import re

    return [_Match(m.start(), m.end()) for m in re.finditer(r"\S+", doc.text)]


@given(body=st.text(max_size=200), headline=headlines)
def test_json_round_trip(body: str, headline: str | None) -> None:
    doc = _annotated(body, headline)
    data = doc.to_dict()
    assert data["schema"] == "newslens/1"
    assert Document.from_dict(data) == doc
    assert Document.from_dict(__import__("json").loads(doc.to_json())) == doc


def test_from_dict_keeps_unknown_sections_and_writes_them_back() -> None:
    data = _annotated("Some words here.", "Head").to_dict()
    data["sentiment"] = {"score": 0.5}
    doc = Document.from_dict(data)
    assert doc.sections["sentiment"] == {"score": 0.5}
    assert doc.to_dict()["sentiment"] == {"score": 0.5}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"schema": "other/9"}, "schema"),
        ({"text": None}, "text"),
        ({"published": "yesterday"}, "published"),
        ({"sentences": [{"start": 0}]}, "sentences"),
    ],
)
def test_from_dict_errors_name_the_field(change: dict[str, object], field: str) -> None:
    data = _annotated("Some words.", None).to_dict()
    data.update(change)
    with pytest.raises(InputError) as info:
        Document.from_dict(data)
    assert info.value.field == field
    assert field in str(info.value)


def test_iter_spans_covers_every_layer() -> None:
    doc = _annotated("Two words.", "Head")
    kinds = {kind for kind, _, _ in iter_spans(doc)}
    assert kinds == {"part", "sentence", "token", "entity"}


def test_public_api_exports_exist() -> None:
    for name in newslens.__all__:
        assert hasattr(newslens, name), name


@given(body=st.text(max_size=200), headline=headlines)
def test_documents_pickle_round_trip(body: str, headline: str | None) -> None:
    import pickle

    doc = newslens.Pipeline("lite", plugins=_PLUGINS)(
        Document.create(body, headline=headline, published="2024-01-02", meta={"k": [1]})
    )
    copy = pickle.loads(pickle.dumps(doc))
    assert copy == doc
    assert copy.meta["k"] == [1]
    assert dict(copy.enrichments) == dict(doc.enrichments)


def test_documents_from_the_installed_plugins_pickle() -> None:
    import pickle

    doc = newslens.analyze("Mr. Smith said on Tuesday that it rained.", backend="lite")
    assert pickle.loads(pickle.dumps(doc)) == doc
