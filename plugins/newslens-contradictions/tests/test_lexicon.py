"""The lexical data of newslens-contradictions: its opposites, its files, its build."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from newslens_contradictions import lexicon
from newslens_contradictions.clauses import (
    _DENIAL,
    _IMPLICATIVE,
    _NEGATOR,
    NEGATORS,
    _mark_kind,
)
from newslens_contradictions.detectors import opposites_of
from newslens_contradictions.lexicon import (
    CATEGORIES,
    FRAMES,
    LEXICON_SOURCES,
    POS,
    antonym_pairs,
    antonyms,
    complement_frames,
    is_denial,
    is_negative_implicative,
    nominal_verb,
    opposite,
)

PLUGIN = Path(__file__).resolve().parents[1]
SCRIPT = PLUGIN / "scripts" / "build_antonyms.py"
WORDNET = Path("/usr/share/wordnet")


def data(name: str) -> str:
    return resources.files("newslens_contradictions").joinpath("data", name).read_text("utf-8")


def rows(name: str) -> list[list[str]]:
    return [
        line.split("\t")
        for line in data(name).splitlines()
        if line.strip() and not line.startswith("#")
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("rise", "fall"),
        ("win", "lose"),
        ("agree", "disagree"),
        ("accept", "reject"),
        ("confirm", "deny"),
        ("increase", "decrease"),
        ("agree", "refuse"),
        ("guilty", "innocent"),
        ("acquit", "convict"),
        ("agreement", "disagreement"),
        ("Rise", "PLUNGE"),
    ],
)
def test_opposites(a: str, b: str) -> None:
    assert opposite(a, b) is not None
    assert opposite(b, a) is not None
    assert b.lower() in antonyms(a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("say", "tell"),
        ("rise", "increase"),
        ("agree", "accept"),
        ("fall", "drop"),
        ("deny", "reject"),
        ("come", "go"),
        ("give", "take"),
        ("first", "last"),
        ("rise", "rise"),
    ],
)
def test_not_opposites(a: str, b: str) -> None:
    assert opposite(a, b) is None
    assert opposite(b, a) is None


def test_sources() -> None:
    assert opposite("increase", "decrease") == "wordnet"
    assert opposite("rise", "plunge") == "newslens"
    assert opposite("confirm", "deny") == "newslens"


def test_pos() -> None:
    assert "lose" in antonyms("win", "v")
    assert "lose" in antonyms("win", "VERB")
    assert "dead" in antonyms("alive", "a")
    assert "old" not in antonyms("young", "n")  # young/old is an adjective pair
    assert "old" in antonyms("young", "ADJ")
    with pytest.raises(ValueError):
        antonyms("win", "x")


def test_stoplist_applied() -> None:
    # WordNet gives these; the stoplist takes them out (senses news does not mean).
    assert "lack" not in antonyms("have")
    assert "unmake" not in antonyms("make")
    assert "set" not in antonyms("rise", "v")
    assert "second" not in antonyms("first")
    assert "fall" in antonyms("rise", "v")


def test_symmetric() -> None:
    pairs = antonym_pairs()
    assert len(pairs) > 6000
    for a, b in pairs:
        assert (b, a) in pairs
        assert a != b
        assert b in antonyms(a) and a in antonyms(b)
        assert opposite(a, b) == opposite(b, a) is not None


def test_antonyms_symmetric_per_pos() -> None:
    for pos, a, b in rows("antonyms.tsv"):
        assert a in antonyms(b, pos)


def test_negative_implicatives() -> None:
    for verb in ("refuse", "fail", "decline", "neglect", "forget", "avoid", "reject"):
        assert is_negative_implicative(verb), verb
    for verb in ("agree", "manage", "say", "invade", "dispute"):
        assert not is_negative_implicative(verb), verb
    assert "to" in complement_frames("refuse", "negative")
    assert "ing" in complement_frames("avoid", "negative")
    assert "to" not in complement_frames("avoid", "negative")


def test_denials() -> None:
    for verb in ("deny", "dispute", "refute", "rebut", "contradict"):
        assert is_denial(verb), verb
    # reject and dismiss take proposals and people more often than claims in news
    # ("reject establishment Republicans", "dismissed the story"): not denials
    for verb in ("say", "confirm", "refuse", "admit", "reject", "dismiss"):
        assert not is_denial(verb), verb
    assert {"that", "ing"} <= complement_frames("DENY", "denial")


@pytest.mark.parametrize(
    ("noun", "verb"),
    [
        ("agreement", "agree"),
        ("invasion", "invade"),
        ("denial", "deny"),
        ("increase", "increase"),
        ("election", "elect"),
        ("attack", "attack"),
        ("decision", "decide"),
        ("meeting", "meet"),
        ("refusal", "refuse"),
        ("resignation", "resign"),
        ("arrest", "arrest"),
        ("death", "die"),
        ("Approval", "approve"),
    ],
)
def test_nominal_verb(noun: str, verb: str) -> None:
    assert nominal_verb(noun) == verb


def test_nominal_verb_none() -> None:
    assert nominal_verb("agree") is None
    assert nominal_verb("the") is None
    # Only nouns of acts, events and states: not people, groups or things.
    for noun in ("police", "minister", "player", "table"):
        assert nominal_verb(noun) is None, noun


def test_antonyms_tsv_lines() -> None:
    lines = rows("antonyms.tsv")
    assert lines == sorted(lines)
    assert len({tuple(line) for line in lines}) == len(lines)
    for line in lines:
        assert len(line) == 3, line
        pos, a, b = line
        assert pos in POS
        assert a == a.lower() and b == b.lower() and "_" not in a + b and " " not in a + b


def test_derivations_tsv_lines() -> None:
    lines = rows("derivations.tsv")
    assert len({tuple(line) for line in lines}) == len(lines)
    nouns = [noun for noun, _ in lines]
    assert nouns == sorted(nouns)
    for line in lines:
        assert len(line) == 2 and all(w == w.lower() and "_" not in w for w in line), line


def test_opposites_tsv_lines() -> None:
    header, *lines = rows("opposites.tsv")
    assert header == ["lemma", "opposite", "category", "frames"]
    pairs: set[frozenset[str]] = set()
    for line in lines:
        assert len(line) == 4, line
        lemma, other, category, frames = line
        assert category in CATEGORIES, line
        assert lemma == lemma.lower() and " " not in lemma and lemma != other
        if category == "antonym":
            assert other != "-" and frames == "-", line
            assert frozenset((lemma, other)) not in pairs, f"listed twice: {line}"
            pairs.add(frozenset((lemma, other)))
        else:
            assert set(frames.split(",")) <= set(FRAMES), line
    assert 150 <= len(lines) <= 400


def test_stoplist_lines() -> None:
    header, *lines = rows("antonym_stoplist.tsv")
    assert header == ["pos", "lemma", "antonym", "reason"]
    for line in lines:
        assert len(line) == 4 and line[0] in POS and line[3].strip(), line


def test_every_loader_parses() -> None:
    # The loaders check every line strictly (and raise ValueError otherwise).
    assert lexicon._wordnet()
    assert lexicon._opposites()[0]
    assert lexicon._derivations()


def test_antonym_table_is_antonyms_of_every_antonym_lemma() -> None:
    table = lexicon.antonym_table()
    assert table.keys() == lexicon.antonym_lemmas()
    assert all(table[lemma] == antonyms(lemma) for lemma in table)
    assert opposites_of("rise") == antonyms("rise") and "fall" in table["rise"]


def _fields_pass(fields: list[str]) -> bool:
    """The check :func:`lexicon._rows` makes of each field of a row."""
    return all(f and f == f.strip() and f == f.lower() and " " not in f for f in fields)


@given(st.lists(st.text(alphabet=st.sampled_from("aZé-\u00a0\u2003\x0b\r '.1ß\u0130"),
                        max_size=4), min_size=1, max_size=4))
def test_a_plain_line_passes_the_field_checks(fields: list[str]) -> None:
    line = "\t".join(fields)
    # _rows takes a plain line without empty fields at once, and checks any other field by
    # field: the shortcut must never accept a row the field checks refuse
    if lexicon._plain(line) and "" not in fields:
        assert _fields_pass(fields), fields
    if all(f and f.strip("abcdefghijklmnopqrstuvwxyz0123456789.'-") == "" for f in fields):
        assert lexicon._plain(line), fields  # ordinary rows do take the shortcut


class _Text:
    """A stand-in for a data file of the package (``resources.files(...).joinpath(...)``)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def joinpath(self, *parts: str) -> _Text:
        return self

    def read_text(self, encoding: str) -> str:
        return self.text


def _rows_line_by_line(text: str, columns: int, header: bool) -> list[list[str]]:
    """What lexicon._rows yields, worked out one line at a time (its error as a row)."""
    out, seen_header = [], not header
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not seen_header:
            seen_header = True
            continue
        fields = line.split("\t")
        if len(fields) != columns or not _fields_pass(fields):
            return [[f"t.tsv:{number}"]]  # the error naming the line, no row
        out.append(fields)
    return out


@given(st.text(alphabet=st.sampled_from("ab\tA \n#\r\u00a0"), max_size=40), st.booleans())
def test_rows_read_a_table_as_its_lines_read_one_by_one(text: str, header: bool) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(lexicon.resources, "files", lambda package: _Text(text))
        try:
            rows = list(lexicon._rows("t.tsv", 2, header=header))
        except ValueError as exc:
            rows = [str(exc).split(": ")[0:1]]
    assert rows == _rows_line_by_line(text, 2, header)


def test_rows_name_the_first_line_at_fault() -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(lexicon.resources, "files", lambda package: _Text("# c\na\tb\nc\tD\n"))
        with pytest.raises(ValueError, match=re.escape("t.tsv:3: expected 2 lower-case fields")):
            list(lexicon._rows("t.tsv", 2, header=False))
        patch.setattr(lexicon.resources, "files", lambda package: _Text("a\tb\nc\td\n"))
        assert list(lexicon._rows("t.tsv", 2, header=False)) == [["a", "b"], ["c", "d"]]


def test_sources_documented() -> None:
    files = resources.files("newslens_contradictions").joinpath("data")
    names = {entry.name for entry in files.iterdir() if not entry.name.startswith(".")}
    assert names == set(LEXICON_SOURCES)
    assert "Princeton University" in data("WORDNET-LICENSE")
    for name in ("antonyms.tsv", "derivations.tsv"):
        head = data(name)[:1000]
        assert "WordNet 3.0" in head and "WORDNET-LICENSE" in head and "build_antonyms.py" in head
    assert "MIT" in data("opposites.tsv")[:1000]


@pytest.mark.skipif(
    not (WORDNET / "data.verb").exists(),
    reason="WordNet 3.0 database files not installed (apt-get install wordnet-base)",
)
def test_generated_files_reproducible(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(SCRIPT), "--wordnet", str(WORDNET), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name in ("antonyms.tsv", "derivations.tsv"):
        assert (tmp_path / name).read_text("utf-8") == data(name), f"{name} is stale: rebuild it"


# The clause builder and the detectors read the lexicon through tables of their own
# (built once, for speed): they must agree with the lexicon's functions on every word.

_LISTED = sorted({lemma for lemma, _ in antonym_pairs()} | {
    lemma for lemma, category in lexicon._opposites()[1]
})
_WORDS = st.one_of(
    st.sampled_from(_LISTED),
    st.sampled_from(_LISTED).map(str.title),
    st.sampled_from(_LISTED).map(str.upper),
    st.text(max_size=12),
)


@given(_WORDS)
def test_opposites_of_agrees_with_antonyms(word: str) -> None:
    assert opposites_of(word) == antonyms(word)


@given(_WORDS)
def test_negation_marks_agree_with_the_lexicon(word: str) -> None:
    low = word.lower()
    kind = _mark_kind(low, low)
    if low in NEGATORS:
        assert kind == _NEGATOR
    elif is_denial(word):
        assert kind == _DENIAL
    elif is_negative_implicative(word):
        assert kind == _IMPLICATIVE
    else:
        assert kind == 0


def test_the_tables_hold_every_listed_word() -> None:
    assert all(opposites_of(lemma) == antonyms(lemma) != frozenset() for lemma in
               {lemma for lemma, _ in antonym_pairs()})
    kinds = {_mark_kind(lemma, lemma) for lemma, _ in lexicon._opposites()[1]}
    assert {_DENIAL, _IMPLICATIVE} <= kinds
