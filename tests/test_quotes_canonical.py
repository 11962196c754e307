"""``benchmarks/quotes_canonical.py``: the name-matching rule, the gold file's reading and
its check against the articles (on a small article written here, not PolNeAR's)."""

from __future__ import annotations

import collections
import importlib
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslens.io.loaders import parse_txt

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"
GOLD = BENCHMARKS / "data" / "polnear_pronouns_dev.tsv"


@pytest.fixture(scope="module")
def canon() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        return importlib.import_module("quotes_canonical")
    finally:
        sys.path.remove(str(BENCHMARKS))


@pytest.mark.parametrize(
    ("referent", "predicted"),
    [
        ("Paul D. Ryan", "Paul Ryan"),
        ("Paul D. Ryan", "Ryan"),
        ("Paul D. Ryan", "House Speaker Paul Ryan"),
        ("Paul Ryan", "Mr. Ryan's"),
        ("Hillary Clinton", "Mrs. Clinton"),
        ("Hillary Clinton", "HILLARY CLINTON"),
        ("Obama", "President Barack Obama"),
        ("Ban Ki-moon", "Mr. Ban Ki-moon"),
        ("the Clinton campaign", "Clinton campaign"),
        ("Donald Trump's campaign", "the Trump campaign"),
        ("Robert Doe", "Robert Doe Jr."),
        ("Ana Ruiz and Tom Bell", "Tom Bell and Ana Ruiz"),
        ("Ban Ki-moon | Ban", "Mr. Ban"),
        ("Ban Ki-moon | Ban", "Secretary General Ban Ki-moon"),
    ],
)
def test_names_that_match(canon: ModuleType, referent: str, predicted: str) -> None:
    assert canon.names_match(referent, predicted)


@pytest.mark.parametrize(
    ("referent", "predicted"),
    [
        ("Hillary Clinton", "Bill Clinton"),
        ("Hillary Clinton", "Clinton campaign"),
        ("the Clinton campaign", "the campaign"),
        ("the Clinton campaign", "the Trump campaign"),
        ("Donald Trump", "Republican"),
        ("Don Fowler", "DNC"),
        ("Ana Ruiz and Tom Bell", "Ana Ruiz"),
        ("Ana Ruiz", "Ana Ruiz and Tom Bell"),
        ("Paul Ryan", None),
        ("Paul Ryan", ""),
        ("Ban Ki-moon", "Mr. Ban"),
        ("Ban Ki-moon | Ban", "Mr. Moon"),
    ],
)
def test_names_that_do_not_match(canon: ModuleType, referent: str, predicted: str | None) -> None:
    assert not canon.names_match(referent, predicted)


NAME = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8), min_size=1, max_size=4
).map(" ".join)


@given(NAME, st.sampled_from(["Mr. ", "Sen. ", "the ", "President ", ""]))
def test_a_name_matches_itself_titled_and_in_any_case(
    canon: ModuleType, name: str, title: str
) -> None:
    assert canon.names_match(name, name)
    assert canon.names_match(name.title(), title + name.upper())


@given(NAME, NAME)
def test_a_different_last_word_never_matches(canon: ModuleType, first: str, second: str) -> None:
    if canon.name_words(first)[-1:] != canon.name_words(second)[-1:]:
        assert not canon.names_match(first, second)
        assert not canon.names_match(second, first)


HEADER = "# a comment\narticle\tstart\tend\tpronoun\treferent\tkind\n"


@pytest.mark.parametrize("gold", [GOLD, GOLD.with_name("polnear_pronouns_train.tsv")])
def test_the_gold_file_parses_with_every_kind_and_pronoun(canon: ModuleType, gold: Path) -> None:
    rows = canon.parse_gold(gold.read_text(encoding="utf-8"), str(gold))
    assert len(rows) >= 200
    assert len({r.article for r in rows}) >= 40
    assert {r.kind for r in rows} >= {"named", "described", "none"}
    assert {r.pronoun.lower() for r in rows} == set(canon.PRONOUNS)
    assert all(r.span.end - r.span.start == len(r.pronoun) for r in rows)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("a\t5\t3\the\tX\tnamed", "bad offsets"),
        ("a\t1\t4\tthem\tX\tnamed", "'them' is not one of"),
        ("a\t1\t3\the\tX\tmaybe", "kind 'maybe'"),
        ("a\t1\t3\the\t-\tnamed", "'-' exactly for kind none"),
        ("a\t1\t3\the\tX\tnone", "'-' exactly for kind none"),
        ("a\t1\t3\the\tX", "5 cells"),
    ],
)
def test_a_bad_row_is_named_in_the_error(canon: ModuleType, line: str, message: str) -> None:
    with pytest.raises(canon.GoldError, match=f"g.tsv line 3: .*{message}"):
        canon.parse_gold(HEADER + line + "\n", "g.tsv")


def test_a_file_without_the_header_is_refused(canon: ModuleType) -> None:
    with pytest.raises(canon.GoldError, match="expected the columns"):
        canon.parse_gold("a\t1\t3\the\tX\tnamed\n", "g.tsv")


TEXT = (
    "Mayor backs plan.\n\n"
    "Mayor Ana Ruiz spoke on Monday. She said the plan would pass. "
    "Tom Bell, her rival, disagreed. He said it would fail."
)


def article(canon: ModuleType) -> Any:
    polnear = sys.modules["quotes_polnear"]
    doc = parse_txt(TEXT, id="town")
    she = doc.text.index("She")
    he = doc.text.index("He said")
    golds = tuple(
        polnear.Gold((polnear.Span(s + 9, s + 30),), (polnear.Span(s, s + n),), (), f"E{i}")
        for i, (s, n) in enumerate([(she, 3), (he, 2)])
    )
    return polnear.Article("town", doc, golds, (), collections.Counter())


def test_rows_are_checked_against_the_article(canon: ModuleType) -> None:
    town = article(canon)
    she, he = (s.sources[0].start for s in town.gold)
    good = (f"town\t{she}\t{she + 3}\tShe\tAna Ruiz\tnamed\n"
            f"town\t{he}\t{he + 2}\tHe\tTom Bell\tnamed\n")
    rows = canon.parse_gold(HEADER + good)
    assert canon.check_gold(rows, [town]) == [town]
    shifted = canon.parse_gold(HEADER + good.replace(f"\t{she}\t{she + 3}\t",
                                                     f"\t{she + 1}\t{she + 4}\t"))
    with pytest.raises(canon.GoldError, match=r"line 3 \(town .*'She'\): the text there is"):
        canon.check_gold(shifted, [town])
    with pytest.raises(canon.GoldError, match="1 pronoun sources without a row"):
        canon.check_gold(canon.parse_gold(HEADER + good.splitlines()[0] + "\n"), [town])
    with pytest.raises(canon.GoldError, match="no such article"):
        canon.check_gold(rows, [])


def test_verdicts_and_shares(canon: ModuleType, tmp_path: Path) -> None:
    polnear = sys.modules["quotes_polnear"]
    town = article(canon)
    she, he = (s.sources[0] for s in town.gold)
    rows = canon.parse_gold(
        HEADER + f"town\t{she.start}\t{she.end}\tShe\tAna Ruiz\tnamed\n"
        f"town\t{he.start}\t{he.end}\tHe\tTom Bell\tnamed\n"
    )
    said = [polnear.Pred((she,), "indirect", she, None, "Mayor Ruiz"),
            polnear.Pred((he,), "indirect", he, None, "Ana Ruiz")]
    judged = canon.judge_all(rows, [town], [polnear.Outcome(tuple(said))])
    assert [j.verdict for j in judged] == ["right", "wrong"]
    assert canon.figures(canon.tally(judged)["all"]) == {
        "found": 1.0, "right": 0.5, "right of found": 0.5
    }
    alone = canon.judge_all(rows, [town], [polnear.Outcome(tuple(said[:1]))])
    assert [j.verdict for j in alone] == ["right", "not found"]
    gold = canon.judge_all(rows, [town], canon.gold_outcomes(rows, [town]))
    assert all(j.verdict == "right" for j in gold)
    assert "[She] said the plan would pass." in canon.sentence_of(town.text, she)
    canon.write_verdicts(tmp_path / "v.tsv", judged)
    lines = (tmp_path / "v.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t")[-2:] == ["verdict", "predicted"]
    assert [line.split("\t")[-2:] for line in lines[1:]] == [
        ["right", "Mayor Ruiz"], ["wrong", "Ana Ruiz"]
    ]
