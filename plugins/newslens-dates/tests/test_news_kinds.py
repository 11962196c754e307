"""The kinds of errors seen on news the rules were never tuned on (issue 13), one group of
tests each: the direction of a weekday (and the headline's tense), time zones, durations
after *for*/*over*/*almost*/*nearly*, holidays, times without a day, recurrences, and the
extent of "more than the four-hour session". Every sentence is the project's own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from dateutil.easter import easter
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens_dates import TIMEXES, describe, find_timexes, find_timexes_in
from newslens_dates import lexicon as lx
from newslens_dates.tense import words_from_text

import newslens

# Thursday 15 February 2024, the demo article's publication date.
DCT = dt.date(2024, 2, 15)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DEMO = Path(__file__).resolve().parents[3] / "examples" / "articles" / "harbour-bridge.txt"


def found(text: str, published: dt.date | str = DCT, headline: bool = False) -> list[tuple]:
    """(text, type, value) of every expression found."""
    return [
        (t.text, t.type, t.value)
        for t in find_timexes(text, published=published, headline=headline)
    ]


def value_of(text: str, phrase: str, published: dt.date | str = DCT, headline: bool = False) -> str:
    """The value of the expression whose text is *phrase*."""
    for t in find_timexes(text, published=published, headline=headline):
        if t.text == phrase:
            return t.value
    raise AssertionError(f"{phrase!r} not found in {found(text, published, headline)}")


# -- direction: until/by, and the headline's tense -------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "value", "headline"),
    [
        ("Marlow Bay harbour bridge to reopen on Friday, officials say", "Friday",
         "2024-02-16", True),
        ("Ports union to strike on Monday", "Monday", "2024-02-19", True),
        ("Minister to visit flood towns on Wednesday\n\nThe visit was announced.",
         "Wednesday", "2024-02-21", True),
        ("Storm batters coast on Tuesday", "Tuesday", "2024-02-13", True),
        ("The bridge is closed until Friday.", "Friday", "2024-02-16", False),
        ("The office stays shut till Monday.", "Monday", "2024-02-19", False),
        ("Applications are due by Friday.", "Friday", "2024-02-16", False),
        ("Crews said the road would stay shut until Tuesday.", "Tuesday", "2024-02-20", False),
        ("The road was closed until Monday.", "Monday", "2024-02-12", False),
        ("By Monday, the fire had spread to the hills.", "Monday", "2024-02-12", False),
        ("The museum remains closed until Thursday.", "Thursday", "2024-02-15", False),
        ("She will miss Sunday's game after hurting her knee on Tuesday.", "Tuesday",
         "2024-02-13", False),
        ("She will miss Sunday's game after hurting her knee on Tuesday.", "Sunday",
         "2024-02-18", False),
        ("Talks will resume at 14:00 GMT on Thursday.", "Thursday", "2024-02-22", False),
        ("Polls open on Tuesday.", "Tuesday", "2024-02-20", False),
        ("The sides meet again on Saturday.", "Saturday", "2024-02-17", False),
        ("The sides met again on Saturday.", "Saturday", "2024-02-10", False),
        ("The two sides did not meet on Saturday.", "Saturday", "2024-02-10", False),
        ("Pope visits Kenya on Tuesday", "Tuesday", "2024-02-13", True),
        ("The index fell as of Friday's close.", "Friday", "2024-02-09", False),
        ("The strike is set to end on Monday.", "Monday", "2024-02-19", False),
        ("The strike was set to end on Monday.", "Monday", "2024-02-12", False),
        ("A new law comes into force on Monday.", "Monday", "2024-02-19", False),
        ("The plan, backed by Monday's vote, passed.", "Monday", "2024-02-12", False),
    ],
)  # fmt: skip
def test_direction_of_a_weekday(text: str, phrase: str, value: str, headline: bool) -> None:
    assert value_of(text, phrase, headline=headline) == value


def test_a_headline_infinitive_is_read_only_in_headlines() -> None:
    text = "Council to reopen pool on Friday\n\nThe council voted to reopen the pool on Friday."
    result = find_timexes(text, published=DCT, headline=True)
    assert [t.value for t in result] == ["2024-02-16", "2024-02-09"]


@pytest.mark.parametrize(
    ("text", "headline", "value"),
    [
        ("Ukraine to hold elections in March", True, "2025-03"),
        ("Ukraine held elections in March.", False, "2024-03"),
    ],
)
def test_a_headline_infinitive_sends_a_month_forward(text: str, headline: bool, value: str) -> None:
    assert value_of(text, "March", published="2024-06-10", headline=headline) == value


def test_the_demo_headline_friday_is_the_coming_one() -> None:
    headline, byline, body = DEMO.read_text(encoding="utf-8").split("\n", 2)
    doc = newslens.analyze(body, headline=headline, byline=byline, published="2024-02-15")
    first = doc[TIMEXES].timexes[0]
    assert (first.text, first.value) == ("Friday", "2024-02-16")
    assert first.end <= len(headline)


def test_headline_end_must_be_an_offset() -> None:
    with pytest.raises(ValueError, match="headline_end"):
        find_timexes_in("Bridge to reopen on Friday", DCT, headline_end=99)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(WEEKDAYS), st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)),
       st.sampled_from(["until", "till", "by"]))  # fmt: skip
def test_until_a_weekday_is_never_behind(weekday: str, dct: dt.date, word: str) -> None:
    (timex,) = find_timexes(f"The road is closed {word} {weekday}.", published=dct)
    day = dt.date.fromisoformat(timex.value)
    assert 0 <= (day - dct).days <= 6 and WEEKDAYS[day.weekday()] == weekday


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(WEEKDAYS), st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)))
def test_a_headline_infinitive_weekday_is_ahead(weekday: str, dct: dt.date) -> None:
    text = f"Harbour bridge to reopen on {weekday}\n\nThe bridge was shut in January."
    day = dt.date.fromisoformat(value_of(text, weekday, published=dct, headline=True))
    assert 1 <= (day - dct).days <= 7


# -- time zones ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "value", "published"),
    [
        ("The meeting began at 12:00 UTC.", "12:00 UTC", "2024-02-15T12:00Z", DCT),
        ("Markets closed at 18:00 GMT.", "18:00 GMT", "2024-02-15T18:00Z", DCT),
        ("The plane landed at 6:40 p.m. (GMT +8).", "6:40 p.m. (GMT +8)",
         "2024-02-15T18:40+08", DCT),
        ("Polls close at 8 p.m. EST.", "8 p.m. EST", "2024-02-15T20:00-05", DCT),
        ("Trading resumed at 9:30 a.m. EDT.", "9:30 a.m. EDT", "2024-02-15T09:30-04", DCT),
        ("The launch is set for 10 a.m. PT.", "10 a.m. PT", "2024-07-04T10:00-07",
         "2024-07-04"),
        ("The launch is set for 10 a.m. PT.", "10 a.m. PT", "2024-01-10T10:00-08",
         "2024-01-10"),
        ("Talks opened at 14:00 CET.", "14:00 CET", "2024-02-15T14:00+01", DCT),
        ("The count starts at 10:15 UTC+5:30.", "10:15 UTC+5:30", "2024-02-15T10:15+05:30",
         DCT),
        ("The ceremony began at noon GMT.", "noon GMT", "2024-02-15T12:00Z", DCT),
        ("The market closed at 3 p.m. ET Friday.", "3 p.m. ET Friday",
         "2024-02-09T15:00-05", DCT),
        ("The quake struck at 14:32 local time.", "14:32 local time", "2024-02-15T14:32",
         DCT),
        ("The eclipse will begin at 17:02 UTC on April 8.", "17:02 UTC", "2024-04-08T17:02Z",
         DCT),
        ("Voting ends at 20:00 CET on Sunday.", "20:00 CET", "2024-02-18T20:00+01", DCT),
        ("The launch is set for 2200 GMT.", "2200 GMT", "2024-02-15T22:00Z", DCT),
    ],
)  # fmt: skip
def test_time_zones_are_kept(text: str, phrase: str, value: str, published: dt.date) -> None:
    assert value_of(text, phrase, published=published) == value


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 12), st.sampled_from(["a.m.", "p.m."]),
       st.sampled_from(sorted(k for k, v in lx.TIMEZONES.items() if v and "/" not in v)))
def test_a_zone_word_gives_its_offset(hour: int, ampm: str, zone: str) -> None:
    (timex,) = find_timexes(f"The vote closed at {hour} {ampm} {zone}.", published=DCT)
    hour24 = hour % 12 + (12 if ampm == "p.m." else 0)
    assert timex.value == f"2024-02-15T{hour24:02d}:00{lx.TIMEZONES[zone]}"


def test_a_zone_conversion_in_parentheses_is_left_out() -> None:
    """As TimeBank: "10:35 a.m. (0735 GMT) Friday" is one time, on that Friday."""
    assert found("The blast came at 10:35 a.m. (0735 GMT) Friday.") == [
        ("10:35 a.m.", "TIME", "2024-02-09T10:35"),
        ("Friday", "DATE", "2024-02-09"),
    ]


def test_zones_in_words() -> None:
    assert describe("2024-02-15T12:00Z", "TIME") == "Thursday 15 February 2024, 12:00 UTC"
    assert describe("2024-02-15T18:40+08", "TIME").endswith("18:40 UTC+08:00")


# -- durations after for, over, almost, nearly --------------------------------------------


@pytest.mark.parametrize(
    ("text", "extent", "value", "mod", "headline"),
    [
        ("He has lived there for two years.", "two years", "P2Y", None, False),
        ("For two years, the bridge stood empty.", "two years", "P2Y", None, False),
        ("He had lived there for two years before he left.", "two years", "P2Y", None, False),
        ("Prices rose over two years.", "over two years", "P2Y", "MORE_THAN", False),
        ("The war has lasted almost two and a half years.", "almost two and a half years",
         "P2Y6M", "APPROX", False),
        ("She was held for nearly a month.", "nearly a month", "P1M", "APPROX", False),
        ("They talked for almost an hour.", "almost an hour", "PT1H", "APPROX", False),
        ("It took them nearly two weeks.", "nearly two weeks", "P2W", "APPROX", False),
        ("Nearly three decades of war ended.", "Nearly three decades", "P30Y", "APPROX",
         False),
        ("Talks drag on for almost two years", "almost two years", "P2Y", "APPROX", True),
        ("It was more than the four-hour session allowed.", "four-hour", "PT4H", None, False),
        ("He served less than the two-year term.", "two-year", "P2Y", None, False),
        ("Prices rose over the past two years.", "the past two years", "P2Y", None, False),
        ("The war has raged for the past year.", "the past year", "P1Y", None, False),
        ("She was jailed for almost two-and-a-half years.", "almost two-and-a-half years",
         "P2Y6M", "APPROX", False),
    ],
)  # fmt: skip
def test_durations_stay_durations(
    text: str, extent: str, value: str, mod: str | None, headline: bool
) -> None:
    (timex,) = find_timexes(text, published=DCT, headline=headline)
    assert (timex.text, timex.type, timex.value, timex.mod) == (extent, "DURATION", value, mod)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["for", "over", "almost", "nearly", "for almost", "for nearly"]),
       st.integers(2, 40), st.sampled_from(["years", "months", "weeks", "days"]))
def test_a_counted_span_is_a_duration(word: str, number: int, units: str) -> None:
    (timex,) = find_timexes(f"The dispute has run {word} {number} {units}.", published=DCT)
    assert (timex.type, timex.value) == ("DURATION", f"P{number}{units[0].upper()}")
    assert timex.mod == {"over": "MORE_THAN", "for": None}.get(word, "APPROX")


def test_the_past_year_without_for_is_the_year_before() -> None:
    assert found("Prices rose over the past year.") == [("the past year", "DATE", "2023")]


def test_a_second_quake_is_no_duration() -> None:
    assert found("A second quake followed.") == []
    assert found("The lights went out for a second.") == [("a second", "DURATION", "PT1S")]


# -- holidays and named days ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "value", "published", "headline"),
    [
        ("They will meet at Christmas.", "Christmas", "2024-12-25", DCT, False),
        ("Sales fell over Christmas.", "Christmas", "2023-12-25", DCT, False),
        ("He died on Christmas Eve.", "Christmas Eve", "2023-12-24", DCT, False),
        ("Crowds gathered on New Year's Eve.", "New Year's Eve", "2023-12-31", DCT, False),
        ("Stores will open on New Year's Day.", "New Year's Day", "2025-01-01", DCT, False),
        ("Churches were full on Easter Sunday.", "Easter Sunday", "2023-04-09", DCT, False),
        ("The firm reopens after Easter.", "Easter", "2024-03-31", DCT, False),
        ("Banks close on Good Friday.", "Good Friday", "2024-03-29", DCT, False),
        ("Turkey prices peaked before Thanksgiving 2023.", "Thanksgiving 2023",
         "2023-11-23", DCT, False),
        ("The parade will be held on Independence Day.", "Independence Day", "2024-07-04",
         DCT, False),
        ("Children went door to door on Halloween.", "Halloween", "2023-10-31", DCT, False),
        ("The pool will open on Memorial Day.", "Memorial Day", "2024-05-27", DCT, False),
        ("Crowds thinned after Labor Day.", "Labor Day", "2023-09-04", "2023-09-20", False),
        ("Last Christmas, he left.", "Last Christmas", "2023-12-25", DCT, False),
        ("He will return next Christmas.", "next Christmas", "2024-12-25", DCT, False),
        ("Sales rose over last year's Thanksgiving weekend.", "last year's Thanksgiving",
         "2023-11-23", DCT, False),
        ("Easter week will be busy.", "Easter week", "2024-W13", DCT, False),
        ("Shops to stay open on Easter Monday", "Easter Monday", "2024-04-01", DCT, True),
        ("Storm threatens Christmas travel", "Christmas", "2023-12-25", "2023-12-20", True),
        ("The attack happened on Christmas Day in 2016.", "Christmas Day", "2016-12-25", DCT,
         False),
        ("He was released on Christmas Eve last year.", "Christmas Eve", "2023-12-24", DCT,
         False),
    ],
)  # fmt: skip
def test_holidays(
    text: str, phrase: str, value: str, published: dt.date | str, headline: bool
) -> None:
    assert value_of(text, phrase, published=published, headline=headline) == value


@settings(max_examples=60, deadline=None)
@given(st.integers(1950, 2099))
def test_holidays_fall_on_their_days(year: int) -> None:
    def day(name: str) -> dt.date:
        (timex,) = find_timexes(f"It happened on {name} {year}.", published=DCT)
        return dt.date.fromisoformat(timex.value)

    thanksgiving, memorial, labor = day("Thanksgiving"), day("Memorial Day"), day("Labor Day")
    assert thanksgiving.weekday() == 3 and thanksgiving.month == 11 and 22 <= thanksgiving.day <= 28
    assert memorial.weekday() == 0 and memorial.month == 5 and 25 <= memorial.day <= 31
    assert labor.weekday() == 0 and labor.month == 9 and labor.day <= 7
    assert day("Good Friday") == easter(year) - dt.timedelta(days=2)
    assert day("Easter Monday").weekday() == 0 and day("Christmas Eve") == dt.date(year, 12, 24)


# -- times without a day -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "value", "headline"),
    [
        ("The show starts at 8 PM.", "8 PM", "2024-02-15T20:00", False),
        ("On March 3, fans queued until 8 PM.", "8 PM", "2024-03-03T20:00", False),
        ("He spoke this morning.", "this morning", "2024-02-15TMO", False),
        ("The talks resume tonight.", "tonight", "2024-02-15TNI", False),
        ("On Monday, crews said they would work through tonight.", "tonight",
         "2024-02-12TNI", False),
        ("On Tuesday the mayor said the road had reopened this morning.", "this morning",
         "2024-02-13TMO", False),
        ("The bridge reopened on Monday. The first bus crossed at 6 a.m.", "6 a.m.",
         "2024-02-15T06:00", False),
        ("Voting will close at 9 p.m. on Friday.", "9 p.m.", "2024-02-16T21:00", False),
        ("Polls close at noon.", "noon", "2024-02-15T12:00", False),
        ("Fireworks tonight as city marks anniversary", "tonight", "2024-02-15TNI", True),
        ("At 10 p.m. Saturday the gates closed.", "10 p.m. Saturday", "2024-02-10T22:00",
         False),
        ("The library will shut at 6 p.m. and stay closed until Monday.", "6 p.m.",
         "2024-02-15T18:00", False),
        ("The mayor will speak at 10 a.m. tomorrow.", "10 a.m.", "2024-02-16T10:00", False),
    ],
)  # fmt: skip
def test_times_without_a_day(text: str, phrase: str, value: str, headline: bool) -> None:
    assert value_of(text, phrase, headline=headline) == value


def test_a_time_on_a_day_of_its_sentence_is_anchored_to_it() -> None:
    first, second = find_timexes("On March 3, fans queued until 8 PM.", published=DCT)
    assert second.anchor == first.tid


# -- recurrences ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "extent", "value", "freq"),
    [
        ("The team trains twice a week.", "twice a week", "P1W", "2X"),
        ("The committee meets three times a year.", "three times a year", "P1Y", "3X"),
        ("She calls once a month.", "once a month", "P1M", "1X"),
        ("Patients take it four times a day.", "four times a day", "P1D", "4X"),
        ("She runs every morning.", "every morning", "XXXX-XX-XXTMO", None),
        ("He reads each evening.", "each evening", "XXXX-XX-XXTEV", None),
        ("The report is published annually.", "annually", "P1Y", None),
        ("Results are published each quarter.", "each quarter", "P3M", None),
        ("Buses run every other week.", "every other week", "P2W", None),
        ("The market opens every Monday.", "every Monday", "XXXX-WXX-1", None),
        ("Parking costs $10 a day.", "a day", "P1D", None),
        ("The index is published weekly.", "weekly", "P1W", None),
        ("The festival is held every summer.", "every summer", "XXXX-SU", None),
        ("He trains six days a week.", "six days a week", "P1W", "6D"),
        ("The shop is open 24 hours a day.", "24 hours a day", "P1D", "24H"),
    ],
)  # fmt: skip
def test_recurrences(text: str, extent: str, value: str, freq: str | None) -> None:
    (timex,) = find_timexes(text, published=DCT)
    assert (timex.text, timex.type, timex.value, timex.freq) == (extent, "SET", value, freq)


def test_recurrences_in_a_headline_and_in_words() -> None:
    result = find_timexes("Ferry to run twice a day from March", published=DCT, headline=True)
    assert [(t.text, t.value, t.freq) for t in result] == [
        ("twice a day", "P1D", "2X"),
        ("March", "2024-03", None),
    ]
    assert describe("P1W", "SET", None, "2X") == "twice a week"
    assert describe("XXXX-XX-XXTMO", "SET") == "every morning"
    assert result.timexes[0].to_dict()["freq"] == "2X"


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 30), st.sampled_from(["day", "week", "month", "year"]))
def test_n_times_a_unit(number: int, unit: str) -> None:
    (timex,) = find_timexes(f"The bus runs {number} times a {unit}.", published=DCT)
    assert (timex.type, timex.value, timex.freq) == ("SET", f"P1{unit[0].upper()}", f"{number}X")


def _tagged(text: str, tags: dict[str, str]) -> tuple:
    """The words of *text*, tagged as an annotator would tag them (others ``NN``)."""
    return tuple(attrs.evolve(w, xpos=tags.get(w.text, "NN")) for w in words_from_text(text))


@pytest.mark.parametrize(
    ("headline", "tags", "value"),
    [
        ("Floods hit town in March", {"hit": "VBP", "in": "IN", "March": "NNP"}, "2023-03"),
        ("Town to hold vote in March", {"to": "TO", "hold": "VB", "March": "NNP"}, "2024-03"),
        ("Mayor quits in March", {"quits": "VBZ", "March": "NNP"}, "2023-03"),
    ],
)
def test_tagged_headline_tense(headline: str, tags: dict[str, str], value: str) -> None:
    """With tags, a headline's present tense is its past, its infinitive its future; the
    same words in a body say nothing (a month within four months ahead is the coming one)."""
    words = _tagged(headline, tags)
    as_headline = find_timexes_in(headline, DCT, words, headline_end=len(headline))
    as_body = find_timexes_in(headline, DCT, words)
    assert [t.value for t in as_headline] == [value]
    assert [t.value for t in as_body] == ["2024-03"]
