"""Web text that is not prose: token kinds (newslens.webtext, both annotators)."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslens import Document, Token, webtext
from newslens.annotators.lite import LiteAnnotator
from newslens.annotators.stanza import _mark_web_text
from newslens.model import Entity

LITE = LiteAnnotator()

TWEET_TAG = '<tweet id="714598620946489344" author="@ana_ruiz" datetime="2019-04-02">'


def kinds(text: str) -> list[tuple[str, str | None]]:
    doc = LITE.annotate(Document.create(text))
    return [(t.text, t.kind) for t in doc.tokens]


@pytest.mark.parametrize(
    ("piece", "kind"),
    [
        ("https://example.org/a?b=1", "url"),
        ("www.example.com/x", "url"),
        ("pic.twitter.com/Ab12Cd", "url"),
        ("desk@example.com", "email"),
        ("@ana_ruiz", "handle"),
        ("#VoteToday", "hashtag"),
        ("714598620946489344", "id"),
        ("9f86d081884c", "id"),
        ("123e4567-e89b-12d3", "id"),
        ("ab12cd34ef", "id"),
        (TWEET_TAG, "markup"),
        ("</tweet>", "markup"),
        ('<a href="http://example.org">', "markup"),
        ("<br/>", "markup"),
    ],
)
def test_lite_gives_each_piece_of_web_text_one_token_of_its_kind(piece: str, kind: str) -> None:
    got = kinds(f"The council met {piece} on Monday.")
    assert (piece, kind) in got
    assert all(k is None for text, k in got if text != piece)


@pytest.mark.parametrize(
    "word", ["2016", "3.5", "100,000", "2016-06-29", "G7", "COVID-19", "A320neo", "1990s", "#1"]
)
def test_ordinary_numbers_and_names_with_digits_are_prose(word: str) -> None:
    assert all(kind is None for _, kind in kinds(f"They said {word} twice."))


def test_a_url_leaves_its_trailing_punctuation_to_the_prose() -> None:
    got = kinds("Read it at https://example.org/x).")
    assert ("https://example.org/x", "url") in got
    assert (")", None) in got and (".", None) in got


def test_kinds_are_written_to_json_only_where_set_and_read_back() -> None:
    doc = LITE.annotate(Document.create("Ask @ana_ruiz. Then leave."))
    data = json.loads(doc.to_json())
    written = [t for t in data["tokens"] if "kind" in t]
    assert written == [{"start": 4, "end": 13, "text": "@ana_ruiz", "lemma": "@ana_ruiz",
                        "kind": "handle"}]
    assert Document.from_dict(data).tokens == doc.tokens


def test_prose_alone_has_no_kind_column() -> None:
    doc = LITE.annotate(Document.create("Rain fell on 3 May 2016. Nobody was hurt."))
    assert not doc.tokens.has("kind")
    assert all(t.is_prose for t in doc.tokens)


def test_handles_ids_and_markup_make_no_entity() -> None:
    text = (f"Officials met. {TWEET_TAG}Rain fell in Paris @Bencjacobs "
            "ABCD1234EF99</tweet>. Nobody was hurt.")
    doc = LITE.annotate(Document.create(text))
    names = [e.text for e in doc.entities]
    assert names == ["Paris"]


def test_stanza_tokens_inside_web_text_get_its_kind() -> None:
    text = 'Hi <a href="x"> @ana now'
    pieces = [(0, 2), (3, 5), (6, 10), (10, 11), (11, 14), (14, 15), (16, 17), (17, 20), (21, 24)]
    tokens = [Token(s, e, text[s:e]) for s, e in pieces]
    entities = [Entity(16, 20, "PERSON", "@ana"), Entity(0, 2, "PERSON", "Hi")]
    marked, kept = _mark_web_text(text, tokens, entities)
    assert [t.kind for t in marked] == [None, *["markup"] * 5, "handle", "handle", None]
    assert kept == [Entity(0, 2, "PERSON", "Hi")]


_WORDS = st.sampled_from(["the", "council", "said", "Paris", "on", "Monday", "3", "2016", "its"])
NOISE_PIECES = ("@ana_ruiz", "#VoteToday", "https://t.co/Ab12", "desk@example.com",
                "714598620946489344", TWEET_TAG, "</tweet>")
_NOISE = st.sampled_from(NOISE_PIECES)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_WORDS, _NOISE), min_size=1, max_size=12))
def test_every_noise_piece_among_words_is_one_token_of_its_kind(pieces: list[str]) -> None:
    text = " ".join(pieces) + "."
    got = kinds(text)
    expected = [p for p in pieces if p in NOISE_PIECES]
    assert [t for t, k in got if k is not None] == expected
    assert all(k in webtext.TOKEN_KINDS for _, k in got if k is not None)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab1@#<>/:.w- \n\"='"), max_size=60))
def test_web_text_never_overlaps_and_lies_in_the_text(text: str) -> None:
    found = webtext.find_noise(text)
    assert all(0 <= s < e <= len(text) for s, e, _ in found)
    assert all(a[1] <= b[0] for a, b in pairwise(found))
    if not webtext.may_hold_noise(text):
        assert found == []
    ids = webtext.id_candidates(text)
    assert all(webtext.is_id(text[s:e]) for s, e in ids)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("12345678", True), ("1234567", False), ("deadbeef", False), ("deadbee1", True),
     ("x1y2z3w4", True), ("B737-MAX8", False), ("12,345,678", False), ("٣٣٣٣٣٣٣٣", False)],
)
def test_is_id(word: str, expected: bool) -> None:
    assert webtext.is_id(word) is expected


# -- boilerplate -----------------------------------------------------------------

BOILERPLATE_LINES = [
    ("Sign up for our newsletter to get the news first.", "newsletter"),
    ("Want more stories like this? Subscribe to our daily email.", "newsletter"),
    ("READ MORE: Council votes on budget", "more"),
    ("Related coverage", "more"),
    ("Share | Tweet | Email", "share"),
    ("FACEBOOK.", "share"),
    ("Follow Ana Ruiz on Twitter @ana_ruiz.", "follow"),
    ("Photo: Li Chen/Getty Images", "credit"),
    ("Getty.", "credit"),
    ("Watch the full interview below:", "watch"),
    ("Advertisement", "advertisement"),
]


@pytest.mark.parametrize(("line", "kind"), BOILERPLATE_LINES)
def test_boilerplate_lines_are_found_and_are_paragraphs_of_their_own(line: str, kind: str) -> None:
    body = f"The council met on Monday.\n{line}\nIt voted to close the pool."
    assert [(body[s:e], k) for s, e, k in webtext.find_boilerplate(body)] == [(line, kind)]
    doc = LITE.annotate(Document.create(body, headline="Council meets"))
    assert [doc.text[p.start:p.end] for p in doc.boilerplate] == [line]
    (part,) = doc.boilerplate
    sentences = [doc.text[s.start:s.end] for s in doc.sentences
                 if not part.start <= s.start < part.end]
    assert sentences == ["Council meets", "The council met on Monday.",
                         "It voted to close the pool."]
    assert all(s.end <= part.end for s in doc.sentences if part.start <= s.start < part.end)
    assert doc.entities == ()  # no name, and none from the boilerplate's capitals


@pytest.mark.parametrize(
    "line",
    ["Related to the vote, the mayor spoke.", "Share prices fell on Monday.",
     "Watch what happens next, she said.", "They sign up more donors every week.",
     "Photos of the flood spread online."],
)
def test_prose_that_starts_like_boilerplate_is_not_boilerplate(line: str) -> None:
    assert webtext.find_boilerplate(f"Rain fell.\n{line}\nIt stopped.") == []


def test_an_embedded_post_sign_off_is_boilerplate_inside_its_line() -> None:
    body = (f"Officials met. {TWEET_TAG}The pool is closed! SIGN UP FOR OUR NEWSLETTER "
            "— Ana Ruiz (@ana_ruiz) April 2, 2019</tweet>. Nobody came.")
    doc = LITE.annotate(Document.create(body))
    assert [doc.text[p.start:p.end] for p in doc.boilerplate] == [
        "SIGN UP FOR OUR NEWSLETTER", "— Ana Ruiz (@ana_ruiz) April 2, 2019"]
    sentences = [doc.text[s.start:s.end] for s in doc.sentences]
    assert any(s.endswith(">The pool is closed!") for s in sentences)
    assert "— Ana Ruiz (@ana_ruiz) April 2, 2019" in sentences
    assert not any("NEWSLETTER" in e.text or "Ana" in e.text for e in doc.entities)


def test_cut_pieces_are_split_as_the_whole_body_would_be() -> None:
    clean = "First line\nof one paragraph.\n\nSecond paragraph."
    noisy = "First line\nof one paragraph.\nRead more: Elsewhere\n\nSecond paragraph."
    paragraphs = [LITE.annotate(Document.create(b)).paragraphs for b in (clean, noisy)]
    texts = [[b[p.start:p.end] for p in ps] for b, ps in zip((clean, noisy), paragraphs,
                                                              strict=True)]
    assert texts[0] == ["First line\nof one paragraph.", "Second paragraph."]
    assert texts[1] == ["First line\nof one paragraph.", "Read more: Elsewhere",
                        "Second paragraph."]


def test_boilerplate_parts_are_written_and_read_back() -> None:
    doc = Document.create("Rain fell.\nGetty.\n")
    data = json.loads(LITE.annotate(doc).to_json())
    assert {"name": "boilerplate", "start": 11, "end": 17, "text": "Getty."} in data["parts"]
    assert Document.from_dict(data).boilerplate == doc.boilerplate


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from([line for line, _ in BOILERPLATE_LINES]
                                + ["The council met.", "It voted, 5 to 2.", ""]), max_size=8))
def test_boilerplate_spans_lie_in_the_text_in_order(lines: list[str]) -> None:
    body = "\n".join(lines)
    found = webtext.find_boilerplate(body)
    assert all(0 <= s < e <= len(body) and not body[s:e].isspace() for s, e, _ in found)
    assert all(a[1] <= b[0] for a, b in pairwise(found))
    assert len(found) == sum(line in dict(BOILERPLATE_LINES) for line in lines)


# -- entities ------------------------------------------------------------------


def names(body: str, headline: str | None = None) -> list[str]:
    return [e.text for e in LITE.annotate(Document.create(body, headline=headline)).entities]


def test_a_title_case_headline_is_split_into_the_names_the_body_capitalises() -> None:
    body = ("The mayor said Ana Ruiz and Li Chen would speak at the City Council on Friday. "
            "Later, the council agreed.")
    got = names(body, headline="Ana Ruiz Asks Li Chen Over to City Council Meeting")
    assert got[:3] == ["Ana Ruiz", "Li Chen", "City Council"]


def test_a_headline_alone_is_split_at_its_inflected_words() -> None:
    assert names("", headline="Ana Ruiz Denies Li Chen Invited to Speak") == ["Ana Ruiz",
                                                                             "Li Chen"]


def test_a_name_in_a_title_case_line_is_kept_whole() -> None:
    assert names("", headline="Bank of England Holds Rates") == ["Bank of England"]


def test_web_text_before_a_sentence_leaves_its_names_as_they_are() -> None:
    clean = "The vote passed. The Senate adjourned."
    noisy = "The vote passed. @ana_ruiz The Senate adjourned."
    assert names(clean) == names(noisy) == ["Senate"]


def test_newslens_json_without_boilerplate_parts_gets_them_when_loaded(tmp_path: Path) -> None:
    import newslens

    doc = Document.create("Rain fell.\nGetty.\nIt stopped.", headline="Rain")
    data = doc.to_dict()
    data["parts"] = [p for p in data["parts"] if p["name"] != "boilerplate"]  # older output
    path = tmp_path / "old.jsonl"
    path.write_text(json.dumps(data) + "\n", encoding="utf-8")
    (loaded,) = list(newslens.load(path))
    assert isinstance(loaded, Document)
    assert [loaded.text[p.start:p.end] for p in loaded.boilerplate] == ["Getty."]


def test_prose_full_of_names_is_not_cut_like_a_headline() -> None:
    got = names('President Ana Ruiz met Li Chen on Monday. "We will not back down," Ruiz said.')
    assert got[:2] == ["President Ana Ruiz", "Li Chen"]
