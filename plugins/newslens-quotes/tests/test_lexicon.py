"""The cue lexicon: the data file, parse_cues (the ``quotes.cues`` option) and Cue validation."""

from __future__ import annotations

from importlib import resources

import attrs
import pytest
from newslens_quotes import FRAMES, Cue, builtin_cues, collect_cues, parse_cues


def test_builtin_cues_cover_the_common_reporting_verbs() -> None:
    frames = {cue.words: cue.frame for cue in builtin_cues()}
    for lemma in ("say", "tell", "add", "note", "claim", "deny", "insist", "warn"):
        assert (lemma,) in frames, lemma
    assert ("point", "out") in frames
    assert frames[("according", "to")] == "according"
    assert frames[("tell",)] == "object"  # told reporters that ...
    assert frames[("say",)] == "speech"


def test_builtin_cues_are_valid_lemmas() -> None:
    cues = builtin_cues()
    assert len(cues) >= 30
    for cue in cues:
        assert cue.frame in FRAMES
        assert all(word == word.lower() for word in cue.words), cue


def test_the_cue_data_file_says_where_its_words_come_from() -> None:
    text = resources.files("newslens_quotes").joinpath("data", "cues.tsv").read_text("utf-8")
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert any("source" in line.lower() for line in comments)


def test_parse_cues_reads_lemmas_and_frames() -> None:
    assert parse_cues("opine, brief:object, weigh in") == (
        Cue(("opine",)),
        Cue(("brief",), "object"),
        Cue(("weigh", "in"), "speech"),
    )


@pytest.mark.parametrize("value", ["", "   ", ",", " , ,"])
def test_parse_cues_of_nothing_is_empty(value: str) -> None:
    assert parse_cues(value) == ()


def test_parse_cues_tolerates_spacing_and_case() -> None:
    assert parse_cues("  Opine :object ,Grumble") == (Cue(("opine",), "object"), Cue(("grumble",)))


@pytest.mark.parametrize(
    ("value", "entry"),
    [
        ("opine, brief:shout", "brief:shout"),
        ("opine:", None),  # an empty frame is the default, not an error
        (":object", ":object"),
        ("opine, :speech, grumble", ":speech"),
    ],
)
def test_parse_cues_errors_name_the_entry(value: str, entry: str | None) -> None:
    if entry is None:
        assert parse_cues(value) == (Cue(("opine",)),)
        return
    with pytest.raises(ValueError, match=entry):
        parse_cues(value)


def test_an_unknown_frame_lists_the_frames() -> None:
    with pytest.raises(ValueError) as error:
        parse_cues("brief:shout")
    for frame in FRAMES:
        assert frame in str(error.value)


@pytest.mark.parametrize(
    ("words", "frame"),
    [
        ((), "speech"),
        (("",), "speech"),
        (("point out",), "speech"),
        ((" say",), "speech"),
        (("say",), "shout"),
    ],
)
def test_cue_validation(words: tuple[str, ...], frame: str) -> None:
    with pytest.raises(ValueError):
        Cue(words, frame)


def test_cue_is_a_frozen_value_with_tuple_words() -> None:
    cue = Cue(["point", "out"])  # type: ignore[arg-type]
    assert cue.words == ("point", "out") and cue.frame == "speech"
    assert cue == Cue(("point", "out")) and hash(cue) == hash(Cue(("point", "out")))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        cue.frame = "object"  # type: ignore[misc]


def test_collect_cues_adds_the_option_after_the_builtin_ones() -> None:
    cues, notes = collect_cues(None, "opine, tell:speech")
    assert cues[: len(builtin_cues())] == builtin_cues()
    assert cues[-2:] == (Cue(("opine",)), Cue(("tell",), "speech"))
    assert notes == ()
    with pytest.raises(ValueError, match="shout"):
        collect_cues(None, "opine:shout")


def test_a_cue_index_built_once_finds_what_the_cues_find() -> None:
    from newslens_quotes import find_quotes
    from newslens_quotes.lexicon import CueIndex

    from newslens import Pipeline

    doc = Pipeline("lite", plugins=None)(
        'The mayor said the bridge would reopen. "It is safe," Ana Ruiz insisted. '
        "Critics grumbled that nothing had changed."
    )
    extra = (*builtin_cues(), *parse_cues("grumble"))
    index = CueIndex.build(extra)
    with_index = find_quotes(doc, cues=index)
    assert with_index == find_quotes(doc, cues=extra)
    assert any("nothing had changed" in q.text for q in with_index.quotes)
    assert not any("nothing had changed" in q.text for q in find_quotes(doc).quotes)
