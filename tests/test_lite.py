"""Tests of the lite annotator: invariants on any text, and news-text examples."""

from __future__ import annotations

import doctest
import re
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newslens
from newslens import Document, layers
from newslens.annotators import lite
from newslens.annotators.lite import ENTITY_LABEL, LiteAnnotator, lemma_of
from newslens.annotators.paragraphs import split_paragraphs
from newslens.testing.checks import check_document
from newslens.testing.strategies import articles, texts

ANNOTATOR = LiteAnnotator()

TRICKY = (
    "Mr.",
    "U.S.",
    "a.m.",
    "etc.",
    "...",
    "…",
    "?!",
    '"',
    "“",
    "”",
    "'",
    "’",
    "(AP)",
    " — ",
    "WASHINGTON",
    "3.5",
    "100,000",
    "$",
    "%",
    "don't",
    "Russia-backed",
    "al-Assad",
    "https://example.org/x.",
    "www.",
    "a@b.com",
    "@",
    "://",
    "J.K.",
    "W.",
    "No.",
    "\n",
    "\n\n",
    " ",
    "\u200d",
    "\u0301",
    "👍🏽",
    "עברית",
    "مرحبا",
    "हिन्दी",
    "\x00",
    "\x0b",
    "\u2028",
)


def annotate(body: str, **parts: str | None) -> Document:
    return ANNOTATOR.annotate(Document.create(body, **parts))


def sentences(body: str, **parts: str | None) -> list[str]:
    doc = annotate(body, **parts)
    return [doc.text[s.start : s.end] for s in doc.sentences]


def tokens(body: str) -> list[str]:
    return [t.text for t in annotate(body).tokens]


def entities(body: str, **parts: str | None) -> list[str]:
    return [e.text for e in annotate(body, **parts).entities]


def check_lite(doc: Document) -> None:
    """Every invariant the lite annotator promises, on top of :func:`check_document`."""
    check_document(doc)
    text = doc.text
    assert doc.backend == "lite"
    assert doc.layers == LiteAnnotator.layers
    # Every non-space character is in exactly one token; tokens hold no white space.
    covered = [0] * len(text)
    for token in doc.tokens:
        assert token.start < token.end
        assert token.text == text[token.start : token.end]
        assert not any(ch.isspace() for ch in token.text), token
        assert isinstance(token.lemma, str) and token.lemma, token
        assert token.upos is None
        for index in range(token.start, token.end):
            covered[index] += 1
    for index, ch in enumerate(text):
        assert covered[index] == (0 if ch.isspace() else 1), (index, ch, text)
    # Paragraphs are trimmed and lie within one part.
    for paragraph in doc.paragraphs:
        assert paragraph.start < paragraph.end
        assert not text[paragraph.start].isspace()
        assert not text[paragraph.end - 1].isspace()
        if doc.parts:
            assert any(p.start <= paragraph.start and paragraph.end <= p.end for p in doc.parts)
    # Sentences start and end on their tokens, each in one paragraph.
    for sentence in doc.sentences:
        assert sentence.token_start < sentence.token_end
        assert sentence.start == doc.tokens[sentence.token_start].start
        assert sentence.end == doc.tokens[sentence.token_end - 1].end
        assert any(p.start <= sentence.start and sentence.end <= p.end for p in doc.paragraphs)
    if doc.tokens:
        assert doc.sentences[0].token_start == 0
        assert doc.sentences[-1].token_end == len(doc.tokens)
    # Entities start and end on token boundaries, inside one sentence.
    starts = {t.start for t in doc.tokens}
    ends = {t.end for t in doc.tokens}
    for entity in doc.entities:
        assert entity.label == ENTITY_LABEL
        assert entity.start in starts and entity.end in ends
        assert any(s.start <= entity.start and entity.end <= s.end for s in doc.sentences)
    # One paragraph for the headline and for the byline.
    for part in doc.parts:
        inside = [p for p in doc.paragraphs if part.start <= p.start and p.end <= part.end]
        if part.name in ("headline", "byline"):
            assert len(inside) == 1


# -- properties ------------------------------------------------------------------


@given(articles())
def test_any_article_gives_a_valid_document(doc: Document) -> None:
    annotated = ANNOTATOR.annotate(doc)
    check_lite(annotated)
    assert LiteAnnotator().annotate(doc) == annotated


@given(texts(), st.one_of(st.none(), texts(max_size=10)), st.one_of(st.none(), texts(max_size=6)))
def test_any_text_in_any_part(body: str, headline: str | None, byline: str | None) -> None:
    check_lite(annotate(body, headline=headline, byline=byline))


@given(st.lists(st.sampled_from(TRICKY), max_size=40).map("".join))
def test_tricky_pieces_glued_together(body: str) -> None:
    check_lite(annotate(body, headline=body[:30] or None))


@settings(max_examples=12)
@given(
    st.lists(st.sampled_from(TRICKY), min_size=1, max_size=3).map("".join),
    st.sampled_from(["", " ", "a"]),
)
def test_long_adversarial_strings_stay_fast(unit: str, glue: str) -> None:
    body = (unit + glue) * (30_000 // (len(unit) + len(glue)))
    began = time.perf_counter()
    doc = annotate(body)
    elapsed = time.perf_counter() - began
    check_lite(doc)
    # Not a benchmark: a regular expression that backtracks catastrophically takes
    # minutes here; linear work takes well under a second.
    assert elapsed < 20, f"{elapsed:.1f} s for {len(body):,} characters of {unit!r}"


def test_one_word_of_100_kb() -> None:
    body = "x" * 100_000
    doc = annotate(body)
    check_lite(doc)
    assert [t.text for t in doc.tokens] == [body]
    assert len(doc.sentences) == 1


@pytest.mark.parametrize(
    "body", ["", " \n\t ", "....!!!???", "😀🎉👍🏽", "\x00\x01\x1f", "שלום. עולם!", "\u2029\u0301"]
)
def test_odd_texts(body: str) -> None:
    doc = annotate(body)
    check_lite(doc)
    assert bool(doc.tokens) == bool(body.strip())


def test_document_without_parts() -> None:
    doc = ANNOTATOR.annotate(Document("Plain text. Two sentences."))
    check_lite(doc)
    assert len(doc.sentences) == 2


def test_text_between_parts_is_not_lost() -> None:
    doc = Document.create("Body text.", headline="Head")
    odd = Document(text=doc.text.replace("\n\n", "xy"), parts=(doc.parts[0], doc.parts[1]))
    annotated = ANNOTATOR.annotate(odd)
    assert "xy" in [t.text for t in annotated.tokens]


# -- paragraphs and parts ------------------------------------------------------------


def test_blank_lines_separate_paragraphs() -> None:
    doc = annotate("First line\nstill first.\n\n  Second.  \n \nThird.")
    assert [doc.text[p.start : p.end] for p in doc.paragraphs] == [
        "First line\nstill first.",
        "Second.",
        "Third.",
    ]


def test_without_blank_lines_each_line_is_a_paragraph() -> None:
    doc = annotate("One.\r\nTwo, no stop\n  Three.  ")
    assert [doc.text[p.start : p.end] for p in doc.paragraphs] == ["One.", "Two, no stop", "Three."]
    assert sentences("One.\nTwo, no stop\nThree.") == ["One.", "Two, no stop", "Three."]


BREAK = r"(?>\r\n|\r|\n)"  # CR LF is one line break
LINE_BREAK = re.compile(BREAK)
BLANK_LINE = re.compile(rf"{BREAK}[^\S\r\n]*{BREAK}")
BLANK_LINES = re.compile(rf"{BREAK}(?:[^\S\r\n]*{BREAK})+")


def paragraphs_the_slow_way(text: str) -> list[tuple[int, int]]:
    """Split at blank lines (or, when there is none, at line breaks), then trim."""
    splitter = BLANK_LINES if BLANK_LINE.search(text) else LINE_BREAK
    cuts = [0, *(i for match in splitter.finditer(text) for i in match.span()), len(text)]
    spans = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=True):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


PARAGRAPH_PIECES = ["a", "b c", " ", "\t", "\n", "\r", "\r\n", "\n\n", " \n ", "\u2028", "\x85"]


@given(st.one_of(texts(), st.lists(st.sampled_from(PARAGRAPH_PIECES), max_size=30).map("".join)))
def test_paragraph_spans(body: str) -> None:
    assert split_paragraphs(body, 0, len(body)) == paragraphs_the_slow_way(body)


def test_parts_are_never_crossed() -> None:
    doc = annotate(
        "Rain fell. Roads closed.",
        headline="Storm hits coast as Mr",
        byline="By Ana Ruiz",
    )
    assert [doc.text[s.start : s.end] for s in doc.sentences] == [
        "Storm hits coast as Mr",
        "Ana Ruiz",
        "Rain fell.",
        "Roads closed.",
    ]
    assert len(doc.paragraphs) == 3


def test_headline_is_one_sentence_unless_clearly_several() -> None:
    assert sentences("x", headline="U.S. Stocks Fall as Mr. Powell Speaks")[0] == (
        "U.S. Stocks Fall as Mr. Powell Speaks"
    )
    assert sentences("x", headline="Fire destroys mill. Hundreds lose jobs")[:2] == [
        "Fire destroys mill.",
        "Hundreds lose jobs",
    ]


# -- sentences -------------------------------------------------------------------------

SENTENCE_CASES = [
    # titles and other abbreviations
    ("Mr. Jones spoke. Mrs. Patel and Ms. Chen did not.", 2),
    ("Dr. Alvarez met Gov. Hale, Sen. Ortiz and Rep. Kim.", 1),
    ("Gen. Marsh, Lt. Col. Brandt and Capt. Wu left.", 1),
    ("They walked down St. Mark's Place.", 1),
    ("Martin Luther King Jr. spoke here.", 1),
    ("The U.S. economy grew. The U.K. economy shrank.", 2),
    ("The U.N. Security Council met.", 1),
    ("It opens Sept. 14 and closes Jan. 3, Feb. 9, Aug. 1, Oct. 2, Nov. 5 or Dec. 7.", 1),
    ("It happened at 6 a.m. on Sunday and again at 9 p.m. on Monday.", 1),
    ("The No. 2 official resigned.", 1),
    ("Acme Inc. and Bolt Corp. merged with Harlow Co. and Ferris Ltd. last year.", 1),
    ("The case of Smith vs. Jones went to trial.", 1),
    ("They sold apples, pears, etc. at the market.", 1),
    # abbreviations that end a sentence
    ("The company plans to expand in the U.S. The first store opens in May.", 2),
    ("The shelves held bread, milk, etc. Most of it was gone.", 2),
    ("The store closes at 9 p.m. It reopens at dawn.", 2),
    ("The polls close at 8 p.m. Tuesday in most states.", 1),
    ("Both plants are in the U.S. But the parts are not.", 2),
    # initials
    ("George W. Bush visited. He stayed an hour.", 2),
    ("J.K. Rowling signed books.", 1),
    ("The report by A. B. Carter runs to 40 pages.", 1),
    ("He chose Plan B. The rest followed.", 2),
    # numbers
    ("Inflation rose to 3.5 percent. It was 2.9 percent.", 2),
    ("The company raised $1.2 billion and 4.5% more.", 1),
    ("Growth was weak. 3.2 percent is forecast.", 2),
    # ellipses
    ("He paused... then he kept walking.", 1),
    ("The list went on and on... Nobody read it.", 2),
    ("He paused … then left.", 1),
    # quotes
    ('He said, "It is over." Then he left.', 2),
    ('"It is over," he said.', 1),
    ('"Is it over?" she asked.', 1),
    ('"Get out!" the officer shouted.', 1),
    ("She said, “We will win.” Her rivals laughed.", 2),
    ("“We will win,” she said.", 1),
    ("“Who pays?” asked one voter.", 1),
    ('"Why now?" Smith asked.', 1),
    ('"Are you serious?" Senator Brooks asked. Nobody answered.', 2),
    ('"Why now?" Nobody knew.', 2),
    ("The sign read 'Closed.' We went home.", 2),
    ('The minister called it "a disgrace." She demanded an inquiry.', 2),
    ('"We tried. We failed," the coach said.', 2),
    # datelines
    ("WASHINGTON (AP) — The Senate passed the bill. It goes to the House.", 2),
    ("LONDON — Shares fell sharply on Monday.", 1),
    ("ST. LOUIS (AP) — A storm hit the city.", 1),
    ("WASHINGTON, D.C. — Congress met.", 1),
    # URLs and e-mails
    ("The report is at https://example.org/r.pdf. Read it.", 2),
    ("Details are on www.example.com. Registration closes soon.", 2),
    ("Send tips to news.desk@example.com. We read every one.", 2),
    ("The site example.com went down.", 1),
    # ! and ?
    ("Will it work? Nobody knows. What a night! The team won.", 4),
    ("It worked!! Really?! Yes.", 3),
    ("Yahoo! is a company, isn't it?", 1),
    ("The plan was rejected. (It had been expected.) Work resumes.", 3),
    ("Rep. Tom Becker (D-Ore.) said so. Plessy v. Ferguson was cited.", 2),
]


@pytest.mark.parametrize(("body", "count"), SENTENCE_CASES)
def test_sentence_split(body: str, count: int) -> None:
    found = sentences(body)
    assert len(found) == count, found
    assert " ".join(found) == body


def test_dateline_stays_in_the_first_sentence() -> None:
    body = "WASHINGTON (AP) — The Senate passed the bill late Tuesday. It now goes on."
    assert sentences(body)[0].startswith("WASHINGTON (AP) — The Senate")
    assert sentences("NEW YORK, Jan. 5 (Reuters) - Oil rose.") == [
        "NEW YORK, Jan. 5 (Reuters) - Oil rose."
    ]


def test_closing_quote_belongs_to_the_sentence() -> None:
    assert sentences('He said, "It is over." Then he left.') == [
        'He said, "It is over."',
        "Then he left.",
    ]


# -- tokens ------------------------------------------------------------------------------

TOKEN_CASES = [
    ("Russia-backed forces", ["Russia-backed", "forces"]),
    ("don't", ["do", "n't"]),
    ("Clinton’s team", ["Clinton", "’s", "team"]),
    ("I'm sure they've", ["I", "'m", "sure", "they", "'ve"]),
    ("O'Brien", ["O'Brien"]),
    ("100,000 people", ["100,000", "people"]),
    ("3.5 or 4.5%", ["3.5", "or", "4.5", "%"]),
    ("$1.2 billion", ["$", "1.2", "billion"]),
    ("12:30 on 2024/25", ["12:30", "on", "2024/25"]),
    ("a 72-year-old man", ["a", "72-year-old", "man"]),
    ("Mr. Smith", ["Mr.", "Smith"]),
    ("U.S. troops", ["U.S.", "troops"]),
    ("at 6 a.m. sharp", ["at", "6", "a.m.", "sharp"]),
    ("No. 2", ["No.", "2"]),
    ("said no.", ["said", "no", "."]),
    ("Hi...", ["Hi", "..."]),
    ('"Hi," he said.', ['"', "Hi", ",", '"', "he", "said", "."]),
    ("“Yes” — ‘no’", ["“", "Yes", "”", "—", "‘", "no", "’"]),
    ("see https://example.org/a?b=1).", ["see", "https://example.org/a?b=1", ")", "."]),
    ("mail a.b@example.co.uk, now", ["mail", "a.b@example.co.uk", ",", "now"]),
    ("at nytimes.com.", ["at", "nytimes.com", "."]),
    ("👍🏽 👨‍👩‍👧 ❤️", ["👍🏽", "👨‍👩‍👧", "❤️"]),
    ("हिन्दी भाषा", ["हिन्दी", "भाषा"]),
    ("(D-N.Y.)", ["(", "D-N.Y.", ")"]),
    ("wait -- what", ["wait", "--", "what"]),
]


@pytest.mark.parametrize(("body", "expected"), TOKEN_CASES)
def test_tokens(body: str, expected: list[str]) -> None:
    assert tokens(body) == expected


@given(st.text(alphabet="ab.'’-,:/@$%1 \n\"“”()", max_size=60))
def test_tokens_cover_every_non_space_character(body: str) -> None:
    doc = annotate(body)
    assert "".join(t.text for t in doc.tokens) == "".join(body.split())


# -- lemmas ------------------------------------------------------------------------------

LEMMA_CASES = {
    "said": "say",
    "says": "say",
    "saying": "say",
    "Said": "say",
    "told": "tell",
    "added": "add",
    "adds": "add",
    "claimed": "claim",
    "stressing": "stress",
    "warned": "warn",
    "denied": "deny",
    "went": "go",
    "was": "be",
    "were": "be",
    "is": "be",
    "has": "have",
    "had": "have",
    "rose": "rise",
    "n't": "not",
    "ca": "can",
    "countries": "country",
    "The": "the",
    "NYPD": "nypd",
    "U.S.": "u.s.",
    "3.5": "3.5",
    ",": ",",
    "“": "“",
    "...": "...",
}


@pytest.mark.parametrize(("word", "lemma"), sorted(LEMMA_CASES.items()))
def test_lemma_of(word: str, lemma: str) -> None:
    assert lemma_of(word) == lemma


def test_lemmas_in_a_document() -> None:
    doc = annotate("She said they didn't deny it; he was warned.")
    assert [t.lemma for t in doc.tokens] == [
        "she", "say", "they", "do", "not", "deny", "it", ";", "he", "be", "warn", ".",
    ]  # fmt: skip


@given(st.text(max_size=30))
def test_every_token_has_a_lemma(body: str) -> None:
    for token in annotate(body).tokens:
        assert token.lemma
        if not any(ch.isalpha() for ch in token.text):
            assert token.lemma == token.text


# -- entities ----------------------------------------------------------------------------

ENTITY_CASES = [
    ("The Bank of England raised rates.", ["Bank of England"]),
    ("George W. Bush met J.K. Rowling.", ["George W. Bush", "J.K. Rowling"]),
    ("However, Angela Merkel disagreed.", ["Angela Merkel"]),
    ("He said Mr. Smith left.", ["Mr. Smith"]),
    ("The talks failed.", []),
    ("Analysts were surprised.", []),
    ("Officials met on Monday in Paris.", ["Paris"]),
    (
        "Charles de Gaulle and Bashar al-Assad met Procter & Gamble.",
        [
            "Charles de Gaulle",
            "Bashar al-Assad",
            "Procter & Gamble",
        ],
    ),
    ("as I said to the Bank of", ["Bank"]),
    ("Clinton spoke. Later, Clinton left.", ["Clinton", "Clinton"]),
    ("Trump spoke. Supporters cheered Trump.", ["Trump", "Trump"]),
    ("Theresa May spoke in May.", ["Theresa May", "May"]),
    ("Officials said on Sept. 11 and Tuesday that Smith won.", ["Smith"]),
    ("“We will win,” Ana Ruiz said.", ["Ana Ruiz"]),
    ("Clinton’s team said so.", ["Clinton"]),
]


@pytest.mark.parametrize(("body", "expected"), ENTITY_CASES)
def test_entities(body: str, expected: list[str]) -> None:
    assert entities(body) == expected


def test_entities_never_cross_sentences() -> None:
    doc = annotate("He met Smith. John Brown arrived.")
    assert [e.text for e in doc.entities] == ["Smith", "John Brown"]
    assert all(e.label == "NAME" for e in doc.entities)


def test_a_lone_initial_dictionary_word_is_a_name_when_its_paragraph_capitalises_it() -> None:
    assert entities("Apple rose. Shares of Apple fell.") == ["Apple", "Shares of Apple"]
    assert entities("Apple rose.\nShares of Apple fell.") == ["Shares of Apple"]
    assert entities("Apple rose.\n\nApple fell. Shares of Apple fell.") == [
        "Apple",
        "Shares of Apple",
    ]


def test_title_case_headline_is_broken_at_function_words() -> None:
    doc = annotate("x", headline="Ana Ruiz Was Headed to the ER But Turned Back")
    assert [e.text for e in doc.entities][:2] == ["Ana Ruiz", "ER"]


# -- the annotator -----------------------------------------------------------------------


def test_annotator_declares_its_layers() -> None:
    assert LiteAnnotator.name == "lite"
    assert LiteAnnotator.layers == {
        layers.PARAGRAPHS,
        layers.SENTENCES,
        layers.TOKENS,
        layers.LEMMAS,
        layers.ENTITIES,
    }
    assert layers.POS not in LiteAnnotator.layers


def test_analyze_with_lite_backend() -> None:
    doc = newslens.analyze("Mr. Smith said it rained. Nobody was hurt.", backend="lite")
    assert doc.backend == "lite"
    assert [doc.text[s.start : s.end] for s in doc.sentences] == [
        "Mr. Smith said it rained.",
        "Nobody was hurt.",
    ]


def test_docstring_examples() -> None:
    result = doctest.testmod(lite, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 4
    assert result.failed == 0


def test_lite_never_imports_stanza_or_torch() -> None:
    code = (
        "import sys, newslens; newslens.analyze('Hi there.', backend='lite'); "
        "assert 'stanza' not in sys.modules and 'torch' not in sys.modules, "
        "[m for m in ('stanza', 'torch') if m in sys.modules]"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


TOKENIZER_PIECES = [
    *TRICKY, " ", "Mr", ".", "it's", "n't", "No", "5", "\n", "\n\n", "No.\n5",
    # words the fast path looks at one by one, or rules out before looking: all capitals
    # and abbreviations before a period, apostrophes in and out of words
    "MR", "INC", "Inc", "inc", "etc", "J", "j", "US", "Nos", "nos", "...", "'", "’",
    "O'Brien's", "rock'n'roll", "ain’t", "'tis", "'s", "D'", "X'S",
]


@given(st.one_of(texts(), st.lists(st.sampled_from(TOKENIZER_PIECES), max_size=40).map("".join)))
def test_fast_tokenizer_agrees_with_the_general_one(body: str) -> None:
    if not lite._needs_general_tokenizer(body, 0, len(body)):
        starts, ends, kinds, words = lite._scan(body, 0, len(body))
        assert list(zip(starts, ends, kinds, strict=True)) == lite._tokenize(body, 0, len(body))
        assert words == [body[s:e] for s, e in zip(starts, ends, strict=True)]


@given(
    st.one_of(texts(), st.lists(st.sampled_from(TOKENIZER_PIECES), max_size=60).map("".join)),
    st.booleans(),
)
def test_paragraphs_tokenized_together_as_one_by_one(body: str, whole: bool) -> None:
    # The fast path scans runs of paragraphs in one piece: each paragraph must still get
    # exactly the tokens the general tokenizer gives it alone.
    spans = split_paragraphs(body, 0, len(body), whole=whole)
    toks = lite._tokenize_paragraphs(body, [spans])
    alone = [lite._tokenize(body, start, end) for start, end in spans]
    assert list(zip(toks.starts, toks.ends, toks.kinds, strict=True)) == [
        token for tokens in alone for token in tokens
    ]
    assert toks.words == [body[s:e] for s, e in zip(toks.starts, toks.ends, strict=True)]
    assert toks.firsts == [sum(map(len, alone[:p])) for p in range(len(alone))]
    assert toks.candidates == [i for i, k in enumerate(toks.kinds) if k in lite._CANDIDATES]
    for i, kind in enumerate(toks.kinds):
        if kind == lite._WEB:  # only the general tokenizer makes these, and says where it did
            assert any(lo <= i < hi for lo, hi in toks.general)


def test_a_number_abbreviation_looks_no_further_than_its_paragraph() -> None:
    assert tokens("See No. 5 here.") == ["See", "No.", "5", "here", "."]
    assert tokens("He said No.\n5 more came.")[:4] == ["He", "said", "No", "."]
    assert tokens("He said No.\n\n5 more came.")[:4] == ["He", "said", "No", "."]
    # Blank lines separate paragraphs, so here the line break is inside one.
    assert tokens("Intro.\n\nHe said No.\n5 more came.")[2:5] == ["He", "said", "No."]


def test_two_million_characters_of_clitics_and_abbreviations_take_linear_time() -> None:
    # Not a benchmark: editing the token lists in place once cost time quadratic in the
    # document's length (minutes here); one pass takes about a second.
    body = "don't Mr. it's U.S. " * 100_000
    began = time.perf_counter()
    doc = annotate(body)
    elapsed = time.perf_counter() - began
    assert len(doc.tokens) == 600_000  # do, n't, Mr., it, 's, U.S.
    assert elapsed < 30, f"{elapsed:.1f} s for {len(body):,} characters"


def test_a_lone_surrogate_is_its_own_lower_case_lemma() -> None:
    assert lemma_of("Ana\u200d\ud800") == "ana\u200d\ud800"


@given(st.sampled_from(["Washington", "Bank", "Mercy", "Harbour", "NASA", "Zyxwq"]))
def test_dictionary_word_answers_are_kept_and_cleared(word: str) -> None:
    # A single capitalised word starting a sentence asks the dictionary: the answer is
    # kept per word (the same as asking afresh) and forgotten by clear_word_caches.
    lite.clear_word_caches()
    assert len(lite._dictionary_words) == 0
    assert len(annotate(f"{word} came. Then rain fell.").entities) <= 1  # worked out now
    assert len(lite._dictionary_words) > 0
    assert lite._is_dictionary_word(word) == lite._compute_dictionary_word(word)
    lite.clear_word_caches()
    assert len(lite._dictionary_words) == 0


# The lemmatizer and the dictionary check look a word's own entry up first; they must
# answer exactly as simplemma does (the word lists: forms, names, cases, numbers,
# apostrophes, hyphens, accents, the decomposed é, Roman and CJK numerals).
_SIMPLEMMA_WORDS = (
    "said", "Said", "SAID", "countries", "Countries", "rivers", "Rivers", "Washington",
    "washington", "Trump", "trump", "NASA", "nasa", "Nasa", "running", "Running", "Denies",
    "denies", "can't", "Can't", "o'clock", "O'Neill", "co-founder", "Co-Founder",
    "anti-government", "café", "Café", "cafe\u0301", "naïve", "Zürich", "3", "42", "½",
    "²", "Ⅻ", "五", "x²", "the", "The", "THE", "a", "I", "i", "Obamacare",
    "obamacare", "Zyxwq", "zyxwq", "Brexit's", "d'Estaing", "al-Assad", "Governments",
    "governments", "misspeak", "Ueberweg",
)  # fmt: skip


@given(
    st.one_of(
        st.sampled_from(_SIMPLEMMA_WORDS),
        st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1),
        st.from_regex(r"[A-Za-z][a-z'’-]{0,12}", fullmatch=True),
    )
)
@settings(max_examples=300)
def test_lemmas_and_dictionary_checks_are_simplemmas(word: str) -> None:
    import simplemma

    assert lite._lemmatizer()(word) == simplemma.lemmatize(word, lang="en")
    assert lite._dictionary()(word) == simplemma.is_known(word, lang="en")


# How capitalised runs join and stop (pinned when their loop was made cheaper): one or
# two connectors between names, never three, nor one at the end of a sentence or
# before a lower-case word; function words in a title-case line; web text before a run.
RUN_CASES = [
    ("Yesterday Ludwig Mies van der Rohe spoke.", ["Ludwig Mies van der Rohe"]),
    ("They met the Duke of the Isles and left.", ["Duke of the Isles"]),
    ("Officials from Bank of the of England came.", ["Bank", "England"]),
    ("He went to the Bank of.", ["Bank"]),
    ("He visited Bank of the city hall.", ["Bank"]),
    ("Ana Ruiz And The Board Of Tom Becker Quit", ["Ana Ruiz", "Tom Becker Quit"]),
    ("Ana Ruiz Denies The Board Of Tom Becker Resigned", ["Ana Ruiz", "Tom Becker"]),
    ("Tom Of The Becker Family Said No", ["Tom", "Becker Family"]),
    ("Reporters asked @anaruiz Ruiz about it.", ["Ruiz"]),
    ("We saw https://example.com/a Tom Becker there.", ["Tom Becker"]),
    ("“Why?” Tom Becker asked Ana Ruiz of Madrid.", ["Tom Becker", "Ana Ruiz of Madrid"]),
]


@pytest.mark.parametrize(("body", "expected"), RUN_CASES)
def test_how_name_runs_join_and_stop(body: str, expected: list[str]) -> None:
    assert entities(body) == expected
