"""TIMEX3 values in plain English: every value shape the normalisers write."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from newslens_dates import describe, find_timexes


@pytest.mark.parametrize(
    ("value", "type_", "mod", "words"),
    [
        # calendar points
        ("2024-02-16", "DATE", None, "Friday 16 February 2024"),
        ("1998-01-05", "DATE", None, "Monday 5 January 1998"),
        ("2024-02", "DATE", None, "February 2024"),
        ("2024", "DATE", None, "2024"),
        ("0800", "DATE", None, "800"),
        ("196", "DATE", None, "the 1960s"),
        ("199", "DATE", None, "the 1990s"),
        ("19", "DATE", None, "the 20th century"),
        ("20", "DATE", None, "the 21st century"),
        ("2024-W11", "DATE", None, "week 11 of 2024"),
        ("2024-W11-WE", "DATE", None, "the weekend of Saturday 16 March 2024"),
        ("2024-SU", "DATE", None, "summer 2024"),
        ("2024-FA", "DATE", None, "autumn 2024"),
        ("2024-Q1", "DATE", None, "the first quarter of 2024"),
        ("1998-Q4", "DATE", None, "the fourth quarter of 1998"),
        ("2024-H2", "DATE", None, "the second half of 2024"),
        # underspecified (no creation time)
        ("XXXX-WXX-4", "DATE", None, "a Thursday"),
        ("XXXX-02-16", "DATE", None, "16 February, year unknown"),
        ("XXXX-02", "DATE", None, "February, year unknown"),
        ("XXXX-SU", "DATE", None, "summer, year unknown"),
        ("XXXX-Q3", "DATE", None, "the third quarter, year unknown"),
        ("XXXX-XX-XX", "DATE", None, "an unknown day"),
        ("XXXX-WXX", "DATE", None, "an unknown week"),
        ("XXXX-WXX-WE", "DATE", None, "an unknown weekend"),
        ("XXXX-XX", "DATE", None, "an unknown month"),
        ("XXXX-QX", "DATE", None, "an unknown quarter"),
        ("XXXX-HX", "DATE", None, "an unknown half-year"),
        ("XXXX", "DATE", None, "an unknown year"),
        ("XXX", "DATE", None, "an unknown decade"),
        ("XX", "DATE", None, "an unknown century"),
        # times
        ("2024-02-16T14:30", "TIME", None, "Friday 16 February 2024, 14:30"),
        ("2024-02-16TMO", "TIME", None, "the morning of Friday 16 February 2024"),
        ("2024-03-11TNI", "TIME", None, "the night of Monday 11 March 2024"),
        ("XXXX-WXX-4TNI", "TIME", None, "a Thursday night"),
        ("XXXX-XX-XXTEV", "TIME", None, "an evening, date unknown"),
        ("XXXX-XX-XXT10:35", "TIME", None, "10:35, date unknown"),
        # durations
        ("P3D", "DURATION", None, "3 days"),
        ("PT4H", "DURATION", None, "4 hours"),
        ("P1Y6M", "DURATION", None, "1 year and 6 months"),
        ("P7Y", "DURATION", None, "7 years"),
        ("P1Y", "DURATION", None, "1 year"),
        ("PT1M30S", "DURATION", None, "1 minute and 30 seconds"),
        ("P1DT12H", "DURATION", None, "1 day and 12 hours"),
        ("P3.5D", "DURATION", None, "3.5 days"),
        ("PXW", "DURATION", None, "some weeks"),
        ("P2W", "DURATION", None, "2 weeks"),
        ("PXDE", "DURATION", None, "some decades"),
        ("PXCE", "DURATION", None, "some centuries"),
        ("P100Y", "DURATION", None, "100 years"),
        # sets
        ("P1Y", "SET", None, "every year"),
        ("P1D", "SET", None, "every day"),
        ("PT1H", "SET", None, "every hour"),
        ("P2W", "SET", None, "every 2 weeks"),
        ("P6M", "SET", None, "every 6 months"),
        ("XXXX-WXX-1", "SET", None, "every Monday"),
        ("TXXMO", "SET", None, "every morning"),
        # references
        ("PRESENT_REF", "DATE", None, "now"),
        ("PAST_REF", "DATE", None, "the past"),
        ("FUTURE_REF", "DATE", None, "the future"),
        # mods
        ("P3D", "DURATION", "MORE_THAN", "more than 3 days"),
        ("P7Y", "DURATION", "LESS_THAN", "less than 7 years"),
        ("P1Y", "DURATION", "EQUAL_OR_MORE", "at least 1 year"),
        ("PT4H", "DURATION", "APPROX", "about 4 hours"),
        ("2024", "DATE", "START", "early 2024"),
        ("2024", "DATE", "END", "late 2024"),
        ("2024-02", "DATE", "MID", "mid-February 2024"),
        ("196", "DATE", "START", "the early 1960s"),
        ("196", "DATE", "END", "the late 1960s"),
        ("199", "DATE", "MID", "the mid-1990s"),
        ("19", "DATE", "START", "the early 20th century"),
        ("2024-Q1", "DATE", "END", "late in the first quarter of 2024"),
        ("2024-02-16", "DATE", "END", "late on Friday 16 February 2024"),
        ("2024", "DATE", "BEFORE", "before 2024"),
        ("2024", "DATE", "SOMETHING", "2024 (SOMETHING)"),
        # what it cannot read comes back as the code itself
        ("2024-02-30", "DATE", None, "2024-02-30"),
        ("2024-13", "DATE", None, "2024-13"),
        ("2024-W54", "DATE", None, "2024-W54"),
        ("2024-Q5", "DATE", None, "2024-Q5"),
        ("2024-02-16T25:00", "TIME", None, "2024-02-16T25:00"),
        ("P", "DURATION", None, "P"),
        ("tomorrow-ish", "DATE", None, "tomorrow-ish"),
        ("", "DATE", None, "no value"),
    ],
)
def test_describe(value: str, type_: str, mod: str | None, words: str) -> None:
    assert describe(value, type_, mod) == words


@given(st.text(), st.sampled_from(["DATE", "TIME", "DURATION", "SET", "other"]),
       st.none() | st.text())
def test_describe_never_raises(value: str, type_: str, mod: str | None) -> None:
    words = describe(value, type_, mod)
    assert isinstance(words, str) and words


@given(st.from_regex(r"(\d{4}|XXXX)-(\d\d|W\d\d|Q\d|H\d|SU|XX)(-\d\d|-WE|-\d)?(T\d\d:\d\d|TMO)?",
                     fullmatch=True))
def test_describe_never_raises_on_code_like_values(value: str) -> None:
    assert describe(value)


def test_every_value_found_in_news_is_described() -> None:
    text = (
        "On Thursday, March 14, 2024, the mayor said the bridge, built in the 1960s, had "
        "been closed for more than three days. Repairs will take about four hours each "
        "morning, every Monday, until the summer. Sales rose in the third quarter and "
        "annual costs fell. Last week officials met at 10:35 a.m. Friday; now they expect "
        "the work to end late next year. Officials met last weekend and tonight."
    )
    for published in ("2024-03-16", None):
        for timex in find_timexes(text, published=published):
            words = describe(timex.value, timex.type, timex.mod)
            assert words != timex.value, timex
