"""Quantities found and normalised by newslens_contradictions.numbers, and compared."""

from __future__ import annotations

import itertools
import math

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens_contradictions.numbers import BOUNDS, Quantity, compatible, find_quantities

from newslens.testing.strategies import news_texts, texts


def read(text: str) -> list[tuple[str, float, str | None, str, float | None]]:
    """Return (text, value, unit, bound, high) of every quantity in *text*."""
    return [(q.text, q.value, q.unit, q.bound, q.high) for q in find_quantities(text)]


def only(text: str) -> Quantity:
    """Return the one quantity in *text* (failing if there is not exactly one)."""
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


def quantity(
    value: float, bound: str = "exact", unit: str | None = None, high: float | None = None
) -> Quantity:
    return Quantity(0, 1, "x", value, unit, bound, high)


# --- digits, scales and words ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("Rescuers pulled 3,000 people from the water.", "3,000", 3000),
        ("The fund now holds 1,250,000 pledges.", "1,250,000", 1_250_000),
        ("Prices rose by 2.5 on average.", "2.5", 2.5),
        ("The region is home to 2.5 million residents.", "2.5 million", 2_500_000),
        ("Some 3 billion doses were shipped.", "Some 3 billion", 3e9),
        ("The council has 40 members.", "40", 40),
        ("It cost 7 thousand to repair.", "7 thousand", 7000),
        ("Roughly 4.75 trillion changed hands.", "Roughly 4.75 trillion", 4.75e12),
        ("The bank lent 2bn last year.", "2bn", 2e9),
        ("Exports reached 12.4 mln tonnes.", "12.4 mln", 12_400_000),
        ("A fine of 0.5 was imposed.", "0.5", 0.5),
    ],
)
def test_digits_with_commas_decimals_and_scales(text: str, expected: str, value: float) -> None:
    q = only(text)
    assert q.text == expected
    assert q.value == value


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("Two ferries capsized.", "Two", 2),
        ("The storm destroyed seven homes.", "seven", 7),
        ("Officials counted nineteen bodies.", "nineteen", 19),
        ("The vote was ninety-nine against.", "ninety-nine", 99),
        ("She had twenty five cousins.", "twenty five", 25),
        ("There were a hundred volunteers.", "a hundred", 100),
        ("The choir has three hundred and twelve singers.", "three hundred and twelve", 312),
        ("About two thousand marched.", "About two thousand", 2000),
        ("The town bought a dozen buses.", "a dozen", 12),
        ("Police seized two dozen rifles.", "two dozen", 24),
        ("Three million people voted.", "Three million", 3e6),
        ("The loan was half a million.", "half a million", 500_000),
        ("They planted one hundred trees.", "one hundred", 100),
        ("The bill costs one million.", "one million", 1e6),
        ("It took twelve hundred workers.", "twelve hundred", 1200),
        ("The stadium seats a thousand fans.", "a thousand", 1000),
        (
            "They wrote three thousand two hundred and five letters.",
            "three thousand two hundred and five",
            3205,
        ),
        ("The 3 million figure stands.", "3 million", 3e6),
    ],
)
def test_numbers_in_words_and_mixed(text: str, expected: str, value: float) -> None:
    q = only(text)
    assert (q.text, q.value, q.unit) == (expected, value, None)


@pytest.mark.parametrize(
    "text",
    [
        "One official said the bridge would reopen.",
        "She is one of the best.",
        "More than one witness saw it.",
        "Dozens of people were hurt.",
        "Hundreds of homes and thousands of cars were damaged.",
        "Millions of dollars vanished.",
        "Two-thirds of the board resigned.",
        "He finished first, and she was twenty-first.",
        "It was the 3rd time and the 21st attempt.",
        "Half the staff left.",
        "Someone called at noon.",
        "Nobody knows how the network will grow.",
    ],
)
def test_what_is_not_a_count(text: str) -> None:
    assert find_quantities(text) == []


# --- not quantities -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The law was passed in 2016.",
        "The 2015-16 season was a disaster.",
        "Music of the 1990s is back.",
        "It ran from 1990 to 2000.",
        "Estimates around 2000 were lower.",
        "She arrived on Jan. 5.",
        "They met on 5 January.",
        "The hearing is on March 3, 2024.",
        "He left on May 5 after the vote.",
        "The deadline is 2024-03-15.",
        "The deadline is 15/03/2024.",
        "The meeting starts at 5 p.m. sharp.",
        "The train leaves at 10:30 on weekdays.",
        "Doors open at 5pm.",
        "Doors open at 7 o'clock.",
        "Call 555-1234 or 555-123-4567 for tickets.",
        "Call +44 20 7946 0000 now.",
        "Cases of COVID-19 fell.",
        "The F-35 and the A320 flew past.",
        "Leaders of the G7 met.",
        "The new 4G network is live.",
        "Help is available 24/7.",
        "Under Article 5 of the treaty, allies respond.",
        "Section 230 protects platforms.",
        "Flight 370 vanished.",
        "He lives at No. 10.",
        "Turn to page 12.",
        "The FTSE 100 closed lower.",
        "The court issued a 5-4 ruling.",
        "The home side won 3-1.",
        "He ran the 100m final and a 5k race.",
        "Version 2.0.1 was released.",
        "A$5 notes are blue.",
    ],
)
def test_years_dates_times_identifiers_and_labels_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_a_year_written_with_a_comma_or_a_unit_is_a_quantity() -> None:
    assert read("In 2016, 2,016 people signed.") == [("2,016", 2016, None, "exact", None)]
    assert read("The bill was $2016.") == [("$2016", 2016, "USD", "exact", None)]
    assert read("It rose to 2000 million.") == [("2000 million", 2e9, None, "exact", None)]
    assert read("About 1799 were counted.") == [("About 1799", 1799, None, "about", None)]


def test_an_age_is_a_count() -> None:
    assert read("A 5-year-old was rescued.") == [("5", 5, None, "exact", None)]
    assert read("A three-year deal was signed.") == [("three", 3, None, "exact", None)]


def test_numbers_beside_dates_and_times_are_still_found() -> None:
    assert read("On Jan. 5, 300 people marched.") == [("300", 300, None, "exact", None)]
    assert read("By 5 p.m. some 40 had arrived.") == [("some 40", 40, None, "about", None)]
    assert read("In May 2,000 people left.") == [("2,000", 2000, None, "exact", None)]


# --- units ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Turnout fell 5%.", 5, "percent"),
        ("Turnout fell 5 %.", 5, "percent"),
        ("Turnout fell 5 percent.", 5, "percent"),
        ("Turnout fell 5 per cent.", 5, "percent"),
        ("Turnout fell 4.5 pct.", 4.5, "percent"),
        ("Turnout fell five percent.", 5, "percent"),
        ("Turnout fell one percent.", 1, "percent"),
        ("Support fell 5 percentage points.", 5, "points"),
        ("Rates rose 50 basis points.", 50, "basis points"),
        ("Rates rose 25bps.", 25, "basis points"),
        ("The ticket cost $5.", 5, "USD"),
        ("The deal is worth $5 million.", 5e6, "USD"),
        ("The deal is worth 5 million dollars.", 5e6, "USD"),
        ("The deal is worth 5 million US dollars.", 5e6, "USD"),
        ("The deal is worth US$2.", 2, "USD"),
        ("The deal is worth USD 7bn.", 7e9, "USD"),
        ("The fund holds $1.2bn.", 1.2e9, "USD"),
        ("The fund holds $5k.", 5000, "USD"),
        ("Brussels pledged €3bn.", 3e9, "EUR"),
        ("Brussels pledged 3 billion euros.", 3e9, "EUR"),
        ("Brussels pledged EUR 3bn.", 3e9, "EUR"),
        ("The club paid £40m.", 40e6, "GBP"),
        ("The club paid 40m pounds.", 40e6, "GBP"),
        ("The club paid 40 million pounds sterling.", 40e6, "GBP"),
        ("The club paid GBP 40.", 40, "GBP"),
    ],
)
def test_percent_and_money(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.unit) == (value, unit)
    assert q.text == text[q.start : q.end]
    assert q.text[-1] != "."


def test_a_bare_count_has_no_unit() -> None:
    assert only("They rescued 40 sailors.").unit is None


def test_a_letter_scale_needs_a_currency() -> None:
    assert find_quantities("The 40m tower and the 5k loop.") == []
    assert only("The tower cost £40m.").value == 40e6


# --- bounds ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "bound"),
    [
        ("more than", "more_than"),
        ("well over", "more_than"),
        ("over", "more_than"),
        ("above", "more_than"),
        ("in excess of", "more_than"),
        ("upwards of", "more_than"),
        ("at least", "at_least"),
        ("no fewer than", "at_least"),
        ("a minimum of", "at_least"),
        ("less than", "less_than"),
        ("fewer than", "less_than"),
        ("just under", "less_than"),
        ("below", "less_than"),
        ("at most", "at_most"),
        ("up to", "at_most"),
        ("no more than", "at_most"),
        ("a maximum of", "at_most"),
        ("about", "about"),
        ("around", "about"),
        ("roughly", "about"),
        ("nearly", "about"),
        ("almost", "about"),
        ("some", "about"),
        ("approximately", "about"),
        ("an estimated", "about"),
        ("close to", "about"),
    ],
)
def test_bounds(phrase: str, bound: str) -> None:
    text = f"Officials said {phrase} 340 homes flooded."
    q = only(text)
    assert (q.text, q.value, q.bound) == (f"{phrase} 340", 340, bound)
    capitalised = only(f"{phrase.capitalize()} 340 homes flooded.")
    assert capitalised.bound == bound


def test_tilde_is_about() -> None:
    assert read("It weighs ~40 tonnes.") == [("~40", 40, None, "about", None)]


def test_a_bound_word_without_a_number_is_nothing() -> None:
    assert find_quantities("More than ever, about time, over the moon.") == []


# --- negative numbers and ranges ------------------------------------------------------


def test_negative_numbers() -> None:
    assert read("It was -5 at dawn.") == [("-5", -5, None, "exact", None)]
    assert read("It was minus 12 at dawn.") == [("minus 12", -12, None, "exact", None)]
    assert read("It was −3.5 at dawn.") == [("−3.5", -3.5, None, "exact", None)]


@pytest.mark.parametrize(
    ("text", "expected", "low", "high"),
    [
        ("They expect between 3 and 5 storms.", "between 3 and 5", 3, 5),
        ("They expect 3-5 storms.", "3-5", 3, 5),
        ("They expect 3–5 storms.", "3–5", 3, 5),
        ("They expect 3 to 5 storms.", "3 to 5", 3, 5),
        ("They expect two or three storms.", "two or three", 2, 3),
        ("They expect one or two storms.", "one or two", 1, 2),
        ("It will cost 3 to 5 million.", "3 to 5 million", 3e6, 5e6),
        ("It will cost $3m-$5m.", "$3m-$5m", 3e6, 5e6),
        (
            "It will cost between two and three thousand.",
            "between two and three thousand",
            2000,
            3000,
        ),
        ("It will cost between 300 and 2 million.", "between 300 and 2 million", 300, 2e6),
        ("Losses of 5% to 7% are likely.", "5% to 7%", 5, 7),
        ("It was -5 to -2 overnight.", "-5 to -2", -5, -2),
    ],
)
def test_ranges(text: str, expected: str, low: float, high: float) -> None:
    q = only(text)
    assert (q.text, q.value, q.high, q.bound) == (expected, low, high, "exact")
    assert q.interval() == (low, high)


def test_from_to_is_a_change_not_a_range() -> None:
    assert read("Unemployment rose from 3% to 5%.") == [
        ("3%", 3, "percent", "exact", None),
        ("5%", 5, "percent", "exact", None),
    ]


def test_a_range_in_two_currencies_is_skipped() -> None:
    assert find_quantities("It will cost $3m-€5m.") == []


# --- intervals and compatibility ------------------------------------------------------


def test_intervals() -> None:
    assert quantity(300).interval() == (300, 300)
    low, high = quantity(300, "more_than").interval()
    assert 300 < low < 300.001 and high == math.inf
    assert quantity(300, "at_least").interval() == (300, math.inf)
    low, high = quantity(300, "less_than").interval()
    assert low == -math.inf and 299.999 < high < 300
    assert quantity(300, "at_most").interval() == (-math.inf, 300)
    low, high = quantity(300, "about").interval()
    assert (low, high) == pytest.approx((270, 330))
    low, high = quantity(-10, "about").interval()
    assert (low, high) == pytest.approx((-11, -9))
    low, high = quantity(3, "about", high=5).interval()
    assert (low, high) == pytest.approx((2.7, 5.5))
    assert quantity(3, "at_most", high=5).interval() == (-math.inf, 5)
    assert quantity(3, "at_least", high=5).interval() == (3, math.inf)


def test_quantity_validates_its_bound_and_range() -> None:
    with pytest.raises(ValueError, match="not_a_bound|must be in"):
        quantity(3, "not_a_bound")
    with pytest.raises(ValueError, match="below value"):
        quantity(5, high=3)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        quantity(3).value = 4  # type: ignore[misc]


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("3,000 people died.", "Three thousand people died.", True),
        ("3,000 people died.", "More than 5,000 people died.", False),
        ("More than 5,000 died.", "At least 5,000 died.", True),
        ("More than 300 died.", "300 died.", False),
        ("At least 300 died.", "300 died.", True),
        ("Fewer than 300 died.", "300 died.", False),
        ("Up to 300 died.", "300 died.", True),
        ("About 300 died.", "320 died.", True),
        ("About 300 died.", "400 died.", False),
        ("Nearly 300 died.", "300 died.", True),
        ("Between 3 and 5 died.", "4 died.", True),
        ("Between 3 and 5 died.", "7 died.", False),
        ("Turnout was 5%.", "Turnout was 5 per cent.", True),
        ("Turnout was 5%.", "Turnout was 7 percent.", False),
        ("Turnout was 5%.", "5 voted.", True),
        ("It cost $5 million.", "It cost €7 million.", True),
        ("It cost $5 million.", "It cost 7 million dollars.", False),
        ("It cost $1.2bn.", "It cost 1,200 million dollars.", True),
        ("It cost 3.3 million.", "It cost 3,300,000.", True),
        ("Support fell 5 percentage points.", "Support fell 5%.", True),
    ],
)
def test_compatible(first: str, second: str, expected: bool) -> None:
    a, b = only(first), only(second)
    assert compatible(a, b) is expected
    assert compatible(b, a) is expected


def test_compatible_is_false_only_for_one_unit() -> None:
    assert not compatible(quantity(3), quantity(5))
    assert compatible(quantity(3, unit="percent"), quantity(5))
    assert compatible(quantity(3, unit="USD"), quantity(5, unit="EUR"))


# --- offsets, spans and properties ----------------------------------------------------


def test_offset_shifts_every_span() -> None:
    text = "More than 5,000 died; about 300 were hurt and $2m was raised."
    plain = find_quantities(text)
    shifted = find_quantities(text, offset=1000)
    assert [q.text for q in plain] == ["More than 5,000", "about 300", "$2m"]
    assert [(q.start + 1000, q.end + 1000) for q in plain] == [(q.start, q.end) for q in shifted]
    for q in shifted:
        assert text[q.start - 1000 : q.end - 1000] == q.text


def test_a_long_article_is_read_in_order() -> None:
    sentence = "Officials said 1,200 homes and about 40% of roads were damaged in 2021. "
    found = find_quantities(sentence * 200)
    assert len(found) == 400
    assert [q.text for q in found[:2]] == ["1,200", "about 40%"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


WORDS = (
    "more",
    "than",
    "about",
    "some",
    "up",
    "to",
    "between",
    "and",
    "or",
    "from",
    "nearly",
    "at",
    "least",
    "under",
    "one",
    "two",
    "twenty",
    "five",
    "hundred",
    "thousand",
    "a",
    "dozen",
    "half",
    "million",
    "bn",
    "m",
    "k",
    "%",
    "percent",
    "per",
    "cent",
    "dollars",
    "euros",
    "pounds",
    "$",
    "US$",
    "€",
    "£",
    "~",
    "-",
    "−",
    "–",
    "minus",
    "3",
    "12",
    "300",
    "3,000",
    "1,250,000",
    "2.5",
    "2016",
    "1990s",
    "Jan.",
    "May",
    "5",
    "p.m.",
    "10:30",
    "COVID-19",
    "F-35",
    "G7",
    "Article",
    "No.",
    ",",
    ".",
    "/",
    ":",
    "\n",
    "people",
)


@st.composite
def number_texts(draw: st.DrawFn) -> str:
    """Text made of number words, digits, bounds, units, dates and punctuation."""
    pieces = draw(st.lists(st.sampled_from(WORDS), max_size=40))
    spaces = draw(
        st.lists(
            st.sampled_from(["", " ", " ", "-", "\u00a0"]),
            min_size=len(pieces),
            max_size=len(pieces),
        )
    )
    return "".join(p + s for p, s in zip(pieces, spaces, strict=True))


ANY_TEXT = st.one_of(st.text(), texts(max_size=120), news_texts(max_paragraphs=2), number_texts())


@settings(deadline=None)
@given(ANY_TEXT, st.integers(min_value=0, max_value=10**6))
def test_find_quantities_keeps_its_invariants(text: str, offset: int) -> None:
    found = find_quantities(text, offset)
    previous_end = offset
    for q in found:
        assert previous_end <= q.start < q.end <= offset + len(text)
        assert text[q.start - offset : q.end - offset] == q.text
        assert q.bound in BOUNDS
        assert q.unit in {None, "percent", "points", "basis points", "USD", "EUR", "GBP"}
        assert math.isfinite(q.value)
        low, high = q.interval()
        assert low <= high
        assert q.high is None or q.value <= q.high
        assert compatible(q, q)
        previous_end = q.end
    assert [(q.start - offset, q.end - offset) for q in found] == [
        (q.start, q.end) for q in find_quantities(text)
    ]


ONES = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def spell(n: int) -> str:
    """Spell 1 <= n < 1,000,000 in English words (the test's own, independent speller)."""
    if n >= 1000:
        rest = n % 1000
        head = f"{spell(n // 1000)} thousand"
        return head if rest == 0 else f"{head} {'and ' if rest < 100 else ''}{spell(rest)}"
    if n >= 100:
        rest = n % 100
        head = f"{ONES[n // 100]} hundred"
        return head if rest == 0 else f"{head} and {spell(rest)}"
    if n >= 20:
        return TENS[n // 10] + (f"-{ONES[n % 10]}" if n % 10 else "")
    return TEENS[n - 10] if n >= 10 else ONES[n]


@settings(deadline=None)
@given(st.integers(min_value=2, max_value=999_999), st.sampled_from(["", "about ", "over "]))
def test_spelled_and_written_numbers_agree(n: int, bound: str) -> None:
    words = only(f"Officials said {bound}{spell(n)} people were there.")
    digits = only(f"Officials said {bound}{n:,} people were there.")
    assert words.value == digits.value == n
    assert words.bound == digits.bound
    assert compatible(words, digits)


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_decimals_with_scales_are_exact(whole: int, cents: int) -> None:
    q = only(f"The budget is ${whole:,}.{cents:02d} million.")
    assert q.value == float(f"{whole}.{cents:02d}e6")
    assert q.unit == "USD"
