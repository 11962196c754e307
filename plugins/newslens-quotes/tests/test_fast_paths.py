"""The faster forms of the plugin's word tests read as the plain forms they replace
(hypothesis: each is checked against the plain Python it stands for, on any text)."""

from __future__ import annotations

import re
import unicodedata

import attrs
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from newslens_quotes import find_quotes, reported, transcript
from newslens_quotes.attribution import Rules, _with_owned_nouns
from newslens_quotes.engine import _builtin_index, is_substantial, is_title
from newslens_quotes.lexicon import builtin_cues, first_name_gender, roles
from newslens_quotes.marks import DOUBLE_MARK, _invisible, find_quoted
from newslens_quotes.speakers import Mention, _same_name, describe
from newslens_quotes.words import DETERMINERS, Words, has_alnum

import newslens
from newslens import Document, TokenTable
from newslens.testing.strategies import annotated_documents, news_texts, texts

MARKS = ('"', "“", "”", "„", "«", "»", "'", "''", "'''", "‘", "’")
TITLE_WORDS = (
    "The", "the", "Night", "We", "Lost", "of", "Face", "Nation", "and", "U.S.", "2016",
    "¿Qué?", "'Pier'", "vs.", "&", "--", "McCAIN", "éclair", "Élan", "said", "X",
)


@st.composite
def mark_texts(draw: st.DrawFn) -> str:
    """Words, spaces and quotation marks of every kind, the apostrophes in runs."""
    pieces = draw(st.lists(st.sampled_from((*MARKS, "a", "word", " ", "\n")), max_size=40))
    return "".join(pieces)


@st.composite
def title_texts(draw: st.DrawFn) -> str:
    """Quotations as a title test sees them: capitalised or not, with punctuation."""
    pieces = draw(st.lists(st.sampled_from(TITLE_WORDS), max_size=14))
    ends = draw(st.sampled_from(("", ",", ".", "!", "…", " ")))
    return " ".join(pieces) + ends


ANY_TEXT = st.one_of(texts(max_size=40), title_texts(), mark_texts())


@given(st.text())
def test_has_alnum_is_any_letter_or_digit(word: str) -> None:
    assert has_alnum(word) == any(ch.isalnum() for ch in word)


@given(st.characters())
def test_invisible_is_a_format_character(char: str) -> None:
    assert _invisible(char) == (unicodedata.category(char) == "Cf")


_PLAIN_DOUBLE = re.compile("''|[\"“”„«»]")


@given(st.one_of(mark_texts(), texts(max_size=40)))
def test_double_marks_are_those_of_the_plain_pattern(text: str) -> None:
    assert [m.span() for m in DOUBLE_MARK.finditer(text)] == [
        m.span() for m in _PLAIN_DOUBLE.finditer(text)
    ]


_SMALL = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with",
    "by", "from", "as", "into", "is", "are", "was", "be", "vs", "vs.", "&",
})


def _plain_is_title(text: str) -> bool:
    words = [w.strip(".,;:!?…'\"‘’“”()") for w in text.split()]
    words = [w for w in words if any(ch.isalpha() for ch in w)]
    big = [w for w in words if w.lower() not in _SMALL]
    if len(words) > 10 or len(big) < 2:
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() for w in big)


def _plain_is_substantial(text: str) -> bool:
    n = sum(1 for w in text.split() if any(ch.isalnum() for ch in w))
    stripped = text.rstrip()
    words = [w for w in stripped.split() if w[:1].isalpha()]
    if words and stripped[-1:] not in ".,?!…" and sum(w[0].isupper() for w in words) > 0.6 * len(
        words
    ):
        return False
    if _plain_is_title(stripped):
        return False
    if n >= 6:
        return True
    return n >= 3 and stripped[-1:] in ".,?!…" and stripped[:1].isupper()


@given(ANY_TEXT)
def test_is_title_reads_as_the_plain_test(text: str) -> None:
    assert is_title(text) == _plain_is_title(text)


@given(ANY_TEXT)
def test_is_substantial_reads_as_the_plain_test(text: str) -> None:
    assert is_substantial(text) == _plain_is_substantial(text)


def test_the_plain_tests_tell_titles_and_statements_apart() -> None:
    # the reference forms above are not trivially false or true
    assert _plain_is_title("The Night We Lost the Pier") and is_title("The Night We Lost the Pier")
    assert not is_title("we lost the pier that night")
    assert is_substantial("We will rebuild the pier this year, whatever it costs.")
    assert not is_substantial("Face the Nation")


DOCUMENTS = annotated_documents(
    body=st.one_of(news_texts(max_paragraphs=3), texts(max_size=60), mark_texts())
)


@settings(deadline=None, max_examples=60)
@given(DOCUMENTS)
def test_is_punct_and_sentences_read_as_the_plain_columns(doc: Document) -> None:
    words = Words(doc)
    for i, word in enumerate(words.text):
        assert words.is_punct(i) == (not any(ch.isalnum() for ch in word))
    kinds = doc.tokens.column("kind") if doc.tokens.has("kind") else None
    for n, sentence in enumerate(doc.sentences):
        lo, hi = sentence.token_start, sentence.token_end
        assert all(words.sentence_of[k] == n for k in range(lo, hi))
        first, end = lo, hi
        while kinds is not None and first < end and kinds[first] is not None:
            first += 1
        while kinds is not None and end > first and kinds[end - 1] is not None:
            end -= 1
        assert words.sentences[n] == ((first, end) if first < end else (lo, hi))


@settings(deadline=None, max_examples=60)
@given(DOCUMENTS)
def test_capitals_read_as_the_plain_column(doc: Document) -> None:
    words = Words(doc)
    kinds = doc.tokens.column("kind") if doc.tokens.has("kind") else (None,) * len(words)
    assert words.capital == tuple(
        t[:1].isupper() and k is None for t, k in zip(words.text, kinds, strict=True)
    )


@settings(deadline=None, max_examples=60)
@given(DOCUMENTS)
def test_cue_candidates_are_the_tokens_of_a_cue_word(doc: Document) -> None:
    words = Words(doc)
    paragraphs = [(p.start, p.end) for p in doc.paragraphs] or [(0, len(doc.text))]
    index = _builtin_index()
    rules = Rules(words, find_quoted(doc.text, paragraphs, doc.not_prose_spans()), index)
    looked_for = _with_owned_nouns(index.starts)
    near = [  # the cue-word candidates, read plainly
        k for k, (lem, low) in enumerate(zip(words.lemma, words.lower, strict=True))
        if low in looked_for or lem in index.starts
    ]
    assert rules._owned == [k for k in near if k and words.lower[k] in reported.OWNED_NOUNS]


NAME_WORDS = st.lists(st.sampled_from(("Ruiz", "RUIZ", "Ben", "ben", "Carla", "Hart")),
                      min_size=1, max_size=3).map(tuple)


@given(NAME_WORDS, NAME_WORDS)
def test_same_name_reads_as_the_plain_test(a: tuple[str, ...], b: tuple[str, ...]) -> None:
    x, y = tuple(w.casefold() for w in a), tuple(w.casefold() for w in b)
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    plain = x[-1] == y[-1] and (long[len(long) - len(short):] == short or short[0] == long[0])
    assert _same_name(a, b) == plain


@settings(deadline=None, max_examples=60)
@given(DOCUMENTS)
def test_in_quote_marks_the_tokens_of_each_quotation(doc: Document) -> None:
    words = Words(doc)
    paragraphs = [(p.start, p.end) for p in doc.paragraphs] or [(0, len(doc.text))]
    quoted = find_quoted(doc.text, paragraphs, doc.not_prose_spans())
    rules = Rules(words, quoted, _builtin_index())
    plain = [-1] * len(words)
    for n, q in enumerate(quoted):  # the loop bisection replaced
        k = words.token_at(q.open)
        while k < len(words) and words.start[k] <= q.close + (q.width - 1):
            if words.start[k] >= q.open:
                plain[k] = n
            k += 1
    assert rules.in_quote == plain
    for start in range(0, len(doc.text) + 1, 7):  # the quotations a content may hold
        for stop in (start, start + 5, start + 40, len(doc.text)):
            opening = [q for q in quoted if start <= q.open < stop]
            near = list(rules._quoted_from(start, stop))
            assert [q for q in near if start <= q.open < stop] == opening


def _plain_describe(words: Words, first: int, end: int, label: str | None) -> Mention:
    lowers = words.lower[first:end]
    texts_ = words.text[first:end]
    start, stop = words.start[first], words.end[end - 1]
    mention = Mention(start, stop, words.doc.text[start:stop], label=label)
    if len(lowers) == 1 and lowers[0] in ("he", "she", "they", "we", "i", "it"):
        mention.pronoun = lowers[0]
        mention.gender = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(lowers[0])
        mention.plural = lowers[0] in ("they", "we")
        return mention
    known = roles()
    mention.roles = tuple([w for w in [x.rstrip(".") for x in lowers] if w in known])
    if mention.roles:
        genders = {known[w].gender for w in mention.roles} - {None}
        mention.gender = genders.pop() if len(genders) == 1 else None
    k = end_name = len(texts_)
    weekdays = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    while k > 0 and (texts_[k - 1] in ("'s", "’s", "'", "’") or lowers[k - 1] in weekdays):
        k -= 1  # a possessive, or a weekday after a place ("Florida Friday")
    end_name = k
    while k > 0:
        word, low = texts_[k - 1], lowers[k - 1].rstrip(".")
        if not word[:1].isupper() or low in DETERMINERS or (
            low in known and (known[low].what != "role" or k == 1)
        ):
            break
        k -= 1
    mention.name = tuple(texts_[k:end_name])
    if mention.gender is None and len(mention.name) >= 2:
        mention.gender = first_name_gender(mention.name[0])
    mention.definite = lowers[0] in DETERMINERS or any(
        w in ("'s", "’s", "'", "’") for w in lowers
    )
    head = lowers[-1]
    mention.plural = not mention.name and head.endswith("s") and not head.endswith("ss")
    return mention


@settings(deadline=None, max_examples=60)
@given(DOCUMENTS, st.sampled_from((None, "PERSON", "ORG")))
def test_describe_reads_each_mention_as_the_plain_reading(
    doc: Document, label: str | None
) -> None:
    words = Words(doc)
    for first in range(len(words)):
        for end in range(first + 1, min(len(words), first + 4) + 1):
            for _ in range(2):  # read afresh, then from what was kept
                assert describe(words, first, end, label) == _plain_describe(
                    words, first, end, label
                )


def test_cue_starts_are_the_first_words_and_their_forms() -> None:
    index = _builtin_index()
    assert index.starts == set(index.by_first) | set(index.forms)
    assert "say" in index.starts and "extolled" in index.starts
    assert len(builtin_cues()) > 0


def test_find_quotes_reads_a_document_twice_the_same() -> None:
    # what is kept between documents (mention readings) changes nothing
    doc = newslens.annotate(
        '"We will rebuild," said Dana Whitfield, the fire chief. She left. '
        "Whitfield told reporters the pier would reopen."
    )
    first = find_quotes(doc)
    assert [q.speaker_name for q in first.quotes] == ["Dana Whitfield", "Dana Whitfield"]
    assert find_quotes(doc) == first


def _with_lemmas(doc: Document, lemmas: tuple[str, ...]) -> Document:
    """*doc* with its tokens' lemmas replaced by *lemmas*."""
    tokens = doc.tokens
    columns = {name: tokens.column(name) for name in ("start", "end", "text")}
    table = TokenTable.from_columns(**columns, lemma=lemmas)
    return attrs.evolve(doc, tokens=table)


@settings(deadline=None, max_examples=60)
@given(DOCUMENTS, st.booleans())
def test_lemmas_are_read_in_lower_case(doc: Document, capitalise: bool) -> None:
    # lemmas in lower case already are kept; any other is lowered (the title case of the
    # text here, which holds capitals, final sigmas and the like where the text does)
    words = Words(doc)
    assume(len(words) > 0)
    lemmas = tuple(t.title() if capitalise else t.lower() for t in words.text)
    assume(all(lemmas))
    read = Words(_with_lemmas(doc, lemmas))
    assert read.lemma == tuple(lemma.lower() for lemma in lemmas)


TRANSCRIPT_PIECES = (
    "HOST: ", "RUIZ: ", "Q: ", "UPDATE: ", "LEE: ", '"', "“", "”", "Will you run?", "I will.",
    "(CROSSTALK)", "at 10:30 a.m.", "the plan", ": ", "\n\n",
)


@st.composite
def transcript_texts(draw: st.DrawFn) -> str:
    """Paragraphs with labels, headings, colons elsewhere and quotation marks."""
    return "".join(draw(st.lists(st.sampled_from(TRANSCRIPT_PIECES), max_size=24)))


def _plain_turns(text: str, paragraphs: list[tuple[int, int]]) -> list[transcript.Turn]:
    """turns() as it was: every paragraph read first."""
    lines = [transcript._read(text, lo, hi) for lo, hi in paragraphs]
    names = {text[slice(*x.label)] for x in lines if x.label is not None}
    if len(names - transcript.NOT_SPEAKERS) < 2:
        return []
    found = []
    for n, line in enumerate(lines):
        if line.label is None or text[slice(*line.label)] in transcript.NOT_SPEAKERS:
            continue
        parts = [(line.start, transcript._said(text, line.start, line.end, line.marked))]
        for k in range(n + 1, len(lines)):
            after = lines[k]
            if after.label is not None or transcript._stops(text, after) or (
                after.marked != line.marked
            ):
                break
            if not line.marked and not any(x.label is not None for x in lines[k + 1 :]):
                break
            parts.append((after.start, transcript._said(text, after.start, after.end,
                                                          after.marked)))
        found.append(transcript.Turn(
            line.label, line.label[1], tuple(p for p in parts if p[1] > p[0])
        ))
    return [t for t in found if t.parts]


@settings(max_examples=300)
@given(transcript_texts())
def test_turns_read_as_when_every_paragraph_is_read(text: str) -> None:
    # turns() reads the paragraphs with no colon only when the others name two speakers
    paragraphs, at = [], 0
    for piece in text.split("\n\n"):
        paragraphs.append((at, at + len(piece)))
        at += len(piece) + 2
    assert transcript.turns(text, paragraphs) == _plain_turns(text, paragraphs)


def test_a_statement_inside_another_is_left_out_either_way() -> None:
    # outer_only and inside_statement (loops, not any()): the cue inside a content later
    # attributed is part of it, a cue before it is not
    text = (
        "Lee said the pier would reopen, according to Ruiz. "
        "Ortiz told reporters the fee is fair."
    )
    kept = [(q.cue.text if q.cue else None) for q in find_quotes(newslens.annotate(text)).quotes]
    assert kept == ["according to", "told"]
