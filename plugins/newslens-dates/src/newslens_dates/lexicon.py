"""The lexicon: words of temporal expressions and what they mean, as plain tables.

Every table maps a lower-case word (or phrase) to its meaning. :mod:`newslens_dates.grammar`
builds its patterns from these tables, so that adding a word here is all it takes to
recognise it. Nothing here is a regular expression.
"""

from __future__ import annotations

from typing import Final

MONTHS: Final[dict[str, int]] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
"""Month names and abbreviations -> month number."""

AMBIGUOUS_MONTHS: Final[frozenset[str]] = frozenset({"may", "march", "mar", "jan", "jun"})
"""Month words that are also common English words: recognised only in a date context
(with a day or a year, or after *in*, *early*, *last*...), never alone."""

WEEKDAYS: Final[dict[str, int]] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
"""Weekday names -> ISO weekday - 1 (Monday is 0, as in :mod:`datetime`)."""

FULL_WEEKDAYS: Final[frozenset[str]] = frozenset(
    name for name in WEEKDAYS if name.endswith("day")
)
"""Weekday names that may stand alone (abbreviations need a date beside them)."""

UNITS: Final[dict[str, str]] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "2W",
    "month": "M", "year": "Y", "decade": "DE", "century": "CE", "millennium": "ML",
    "quarter": "Q", "weekend": "WE",
}  # fmt: skip
"""Calendar units -> TIMEX3 duration letter (``H``, ``M``...)."""

TIME_UNITS: Final[frozenset[str]] = frozenset({"second", "minute", "hour"})
"""Units written after the ``T`` of a TIMEX3 duration (``PT4H``)."""

UNIT_PLURALS: Final[dict[str, str]] = {
    "seconds": "second", "minutes": "minute", "hours": "hour", "days": "day", "weeks": "week",
    "fortnights": "fortnight", "months": "month", "years": "year", "decades": "decade",
    "centuries": "century", "millennia": "millennium", "quarters": "quarter",
    "weekends": "weekend", "yrs": "year", "hrs": "hour", "mins": "minute",
}  # fmt: skip
"""Plural (and abbreviated) unit words -> singular unit."""

NUMBERS: Final[dict[str, int]] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "one hundred": 100, "thousand": 1000, "a thousand": 1000, "two thousand": 2000,
    "a couple of": 2, "a couple": 2, "couple of": 2, "half a": 0, "a dozen": 12, "dozen": 12,
}  # fmt: skip
"""Written numbers -> value (``half a`` is handled as a half unit by the normaliser)."""

TENS: Final[dict[str, int]] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
"""Tens that combine with a unit word (``twenty-four``)."""

DIGITS: Final[dict[str, int]] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}  # fmt: skip
"""Unit words that combine with tens."""

VAGUE_QUANTITIES: Final[frozenset[str]] = frozenset(
    {"several", "a few", "few", "many", "some", "a number of", "numerous", "a couple of more",
     "countless", "the past few", "the last few", "the next few", "a couple more"}
)  # fmt: skip
"""Quantities that make a duration's number unknown (``several years`` -> ``PXY``)."""

ORDINALS: Final[dict[str, int]] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
    "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "eleventh": 11, "11th": 11,
    "twelfth": 12, "12th": 12, "thirteenth": 13, "13th": 13, "fourteenth": 14, "14th": 14,
    "fifteenth": 15, "15th": 15, "sixteenth": 16, "16th": 16, "seventeenth": 17, "17th": 17,
    "eighteenth": 18, "18th": 18, "nineteenth": 19, "19th": 19, "twentieth": 20, "20th": 20,
    "twenty-first": 21, "21st": 21, "last": -1, "final": -1,
}  # fmt: skip
"""Ordinals (for quarters, halves and centuries); ``last`` counts from the end."""

SEASONS: Final[dict[str, str]] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}
"""Seasons -> TIMEX3 season code."""

WRITTEN_DECADES: Final[dict[str, int]] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip
"""Decades written as words (``the nineties``) -> the decade's tens digit."""

SEASON_CONTEXT: Final[frozenset[str]] = frozenset(
    {"in", "during", "by", "until", "till", "this", "into", "over", "through", "throughout",
     "since", "for", "early", "late", "mid", "before", "after"}
)  # fmt: skip
"""Words before *the summer* (and other seasons) that make it the season, not a fall."""

PARTS_OF_DAY: Final[dict[str, str]] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "daytime": "DT",
}
"""Parts of the day -> TIMEX3 code (``Monday night`` -> ``...TNI``)."""

CLOCK_WORDS: Final[dict[str, str]] = {"noon": "12:00", "midnight": "24:00"}
"""Clock times written as words."""

DAY_WORDS: Final[dict[str, int]] = {"today": 0, "yesterday": -1, "tomorrow": 1}
"""Days named relative to the document creation time."""

REFERENCES: Final[dict[str, str]] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at present": "PRESENT_REF",
    "the present": "PRESENT_REF", "at the moment": "PRESENT_REF", "right now": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "the past": "PAST_REF",
    "formerly": "PAST_REF", "lately": "PAST_REF",
    "in the past": "PAST_REF", "once": "PAST_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "later": "FUTURE_REF",
    "in the future": "FUTURE_REF", "the coming years": "FUTURE_REF",
    "the years ahead": "FUTURE_REF", "a while ago": "PAST_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
}  # fmt: skip
"""Vague references -> ``PRESENT_REF``, ``PAST_REF`` or ``FUTURE_REF``."""

WEAK_REFERENCES: Final[frozenset[str]] = frozenset({"once", "later"})
"""References too often not temporal (*once* = *as soon as*): left out of the grammar
unless a future rule needs them; kept here so that the choice is visible."""

RELATIVE_DIRECTIONS: Final[dict[str, int]] = {
    "this": 0, "current": 0, "the current": 0, "last": -1, "the last": -1, "past": -1,
    "the past": -1, "previous": -1, "the previous": -1, "next": 1, "the next": 1,
    "coming": 1, "the coming": 1, "following": 1, "the following": 1, "this past": -1,
    "this coming": 1, "latest": 0, "the latest": 0, "prior": -1, "the prior": -1,
    "the same": 0,
}  # fmt: skip
"""Words before a unit or a name -> offset from the reference (``last year`` -> -1)."""

ANCHORED_DIRECTIONS: Final[frozenset[str]] = frozenset(
    {"following", "the following", "previous", "the previous", "the prior", "prior",
     "the same"}
)  # fmt: skip
"""Directions that count from a date mentioned earlier in the text, not from today."""

SHIFT_WORDS: Final[dict[str, int]] = {
    "ago": -1, "earlier": -1, "before": -1, "previously": -1, "later": 1, "after": 1,
    "from now": 1, "hence": 1, "afterward": 1, "afterwards": 1,
}  # fmt: skip
"""Words after a duration that make it a date (``three years ago``)."""

DCT_SHIFTS: Final[frozenset[str]] = frozenset({"ago", "from now", "hence"})
"""Shift words that count from the document creation time (the others from an anchor)."""

DURATION_MODS: Final[dict[str, str]] = {
    "more than": "MORE_THAN", "over": "MORE_THAN", "longer than": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
    "nearly": "APPROX", "almost": "APPROX", "just under": "LESS_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "an estimated": "APPROX",
}  # fmt: skip
"""Words before a quantity -> TIMEX3 ``mod``."""

POINT_MODS: Final[dict[str, str]] = {
    "early": "START", "the early": "START", "earlier": "START", "late": "END",
    "the late": "END", "later": "END", "mid": "MID", "the mid": "MID", "middle": "MID",
    "the beginning of": "START", "the start of": "START", "the first part of": "START",
    "the end of": "END", "the close of": "END", "the latter part of": "END",
    "the middle of": "MID", "the rest of": "END", "the remainder of": "END",
    "before": "BEFORE", "after": "AFTER", "pre": "BEFORE", "post": "AFTER",
    "the turn of": "APPROX",
}  # fmt: skip
"""Words before a date -> TIMEX3 ``mod`` (``early next year`` -> ``START``)."""

EXTENT_POINT_MODS: Final[frozenset[str]] = frozenset(
    {"early", "the early", "earlier", "late", "the late", "later", "mid", "the mid",
     "the beginning of", "the start of", "the end of", "the middle of", "the first part of",
     "the close of", "the latter part of", "the rest of", "the remainder of", "the turn of",
     "pre", "post"}
)  # fmt: skip
"""Point modifiers that TimeML includes in the extent (*before* and *after* are signals)."""

SET_WORDS: Final[dict[str, str]] = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
    "annual": "P1Y", "hourly": "PT1H", "biweekly": "P2W",
    "fortnightly": "P2W",
    "nightly": "P1D", "semiannual": "P6M", "semiannually": "P6M", "biannual": "P6M",
}  # fmt: skip
"""Words for a recurrence -> TIMEX3 SET value."""

RATE_NOUNS: Final[frozenset[str]] = frozenset(
    {"sales", "rate", "rates", "revenue", "revenues", "dividend", "dividends", "income",
     "earnings", "profit", "profits", "growth", "budget", "budgets", "salary", "salaries",
     "fee", "fees", "cost", "costs", "pay", "rent", "interest", "inflation", "output",
     "production", "turnover", "volume", "return", "returns", "capacity", "average",
     "premium", "premiums", "payments", "payment", "wage", "wages", "share", "trading"}
)  # fmt: skip
"""Nouns of amounts measured per period: ``annual sales`` and ``daily volume`` are
rates, not recurrences (TimeBank leaves them out), unlike ``annual press conference``."""

SET_QUANTIFIERS: Final[frozenset[str]] = frozenset({"every", "each", "per", "a", "an"})
"""Quantifiers that make a unit a recurrence (``every year``, ``$5 a year``)."""

HOLIDAYS: Final[dict[str, tuple[int, int]]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "new year's": (1, 1),
    "new years day": (1, 1), "new years eve": (12, 31),
    "independence day": (7, 4), "the fourth of july": (7, 4), "july fourth": (7, 4),
    "fourth of july": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
    "veterans day": (11, 11), "boxing day": (12, 26), "st. patrick's day": (3, 17),
    "saint patrick's day": (3, 17), "may day": (5, 1), "guy fawkes night": (11, 5),
    "bastille day": (7, 14), "armistice day": (11, 11), "remembrance day": (11, 11),
    "juneteenth": (6, 19),
}  # fmt: skip
"""Fixed-date holidays -> (month, day)."""

FLOATING_HOLIDAYS: Final[dict[str, tuple[int, int, int]]] = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3),
    "martin luther king jr. day": (1, 0, 3), "presidents day": (2, 0, 3),
    "presidents' day": (2, 0, 3), "columbus day": (10, 0, 2), "mother's day": (5, 6, 2),
    "father's day": (6, 6, 3), "black friday": (11, 3, 4),
}  # fmt: skip
"""US holidays on the n-th weekday of a month -> (month, weekday, n); n = -1 is the last.
(Black Friday is the day after the fourth Thursday: :data:`HOLIDAY_SHIFTS`.)"""

HOLIDAY_SHIFTS: Final[dict[str, int]] = {"black friday": 1}
"""Days after the day a :data:`FLOATING_HOLIDAYS` entry names (Black Friday follows
Thanksgiving)."""

EASTER_HOLIDAYS: Final[dict[str, int]] = {
    "easter": 0, "easter sunday": 0, "easter day": 0, "good friday": -2,
    "holy saturday": -1, "maundy thursday": -3, "holy thursday": -3, "palm sunday": -7,
    "ash wednesday": -46, "shrove tuesday": -47, "mardi gras": -47, "easter monday": 1,
    "ascension day": 39, "pentecost": 49, "whit sunday": 49, "whit monday": 50,
}  # fmt: skip
"""Holidays counted from Western Easter Sunday (``dateutil.easter``) -> days after it."""

TIMEZONES: Final[dict[str, str | None]] = {
    "UTC": "Z", "GMT": "Z", "BST": "+01", "CET": "+01", "CEST": "+02",
    "EET": "+02", "EEST": "+03", "MSK": "+03", "IST": "+05:30", "JST": "+09",
    "AEST": "+10", "AEDT": "+11", "EST": "-05", "EDT": "-04", "CST": "-06", "CDT": "-05",
    "MST": "-07", "MDT": "-06", "PST": "-08", "PDT": "-07", "ET": "America/New_York",
    "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles",
    "local time": None,
}  # fmt: skip
"""Time zone words allowed after a clock time -> the zone its value keeps: an ISO 8601
offset (``Z``, ``-05``), or for a zone that changes with the season (``ET``) its name in
the time zone database, whose offset on the day is taken; ``None`` keeps no zone."""

PREPOSITIONS: Final[frozenset[str]] = frozenset(
    {"in", "on", "at", "since", "by", "until", "till", "from", "during", "for", "through",
     "throughout", "of", "to", "before", "after", "between", "within", "around", "about",
     "starting", "as of", "over", "into", "late in", "early in", "back in", "as early as"}
)  # fmt: skip
"""Words that may stand before an expression and are never part of its extent."""

YEAR_CONTEXT: Final[frozenset[str]] = frozenset(
    {"in", "since", "by", "until", "till", "from", "during", "through", "of", "to", "before",
     "after", "between", "fiscal", "year", "the", "early", "late", "mid", "and", "or",
     "around", "circa", "as of", "for", "summer", "winter", "spring", "fall", "autumn",
     "season", "than", "within", "throughout", "beginning", "starting", "end", "into"}
)  # fmt: skip
"""Words before a bare four-digit number that make it a year."""

NOT_YEAR_FOLLOWERS: Final[frozenset[str]] = frozenset(
    {"percent", "per", "people", "points", "point", "feet", "foot", "meters", "miles",
     "km", "tons", "tonnes", "pounds", "dollars", "yen", "members", "troops", "soldiers",
     "men", "women", "jobs", "workers", "employees", "cars", "units", "shares", "votes",
     "acres", "barrels", "hours", "days", "seats", "calories", "students",
     "children", "deaths", "cases", "rooms", "homes", "copies", "kilometers", "metres",
     "square", "delegates", "officers", "police", "yards", "megawatts", "passengers",
     "residents", "refugees", "-", "to", "times"}
)  # fmt: skip
"""Words after a four-digit number that make it a quantity, not a year."""

STRONG_FUTURE_CUES: Final[frozenset[str]] = frozenset(
    {"will", "'ll", "’ll", "shall", "going", "scheduled", "expected", "due", "slated",
     "upcoming", "plans", "planning", "wo", "tomorrow", "next", "may", "might", "could",
     "should", "must"}
)  # fmt: skip
"""Future cues strong enough to send a bare weekday forward: *will*, plans, and the
modals of possibility (*may come Monday*); a weekday in news is otherwise usually past,
even beside *would* (reported speech)."""

FUTURE_CUES: Final[frozenset[str]] = frozenset(
    {"will", "'ll", "’ll", "shall", "would", "could", "might", "may", "going", "plans",
     "plan", "planned", "planning", "scheduled", "expected", "expects", "expect", "due",
     "upcoming", "intends", "intend", "hopes", "hoped", "hope", "aims", "set", "slated",
     "next", "until", "till", "wants", "want", "wo", "must", "should", "later", "coming",
     "start", "begin", "resume", "hold", "meet", "effective", "payable"}
)  # fmt: skip
"""Words in a clause that point to the future (``will meet on Friday``)."""

SCHEDULED_PRESENT: Final[frozenset[str]] = frozenset(
    {"open", "opens", "reopen", "reopens", "close", "closes", "meet", "meets", "start",
     "starts", "begin", "begins", "resume", "resumes", "play", "plays", "face", "faces",
     "host", "hosts", "vote", "votes", "return", "returns", "kick", "kicks", "launch",
     "launches", "take", "takes", "go", "goes", "run", "runs", "end", "ends", "finish",
     "finishes", "come", "comes", "arrive", "arrives", "depart", "departs", "visit",
     "visits", "hold", "holds"}
)  # fmt: skip
"""Verbs of scheduled events whose present tense, in the body, points a weekday forward:
"the sides meet again on Saturday", "polls open on Tuesday" (news narrates the past in
the past tense; in a headline the present is the past: "Pope visits Kenya")."""

FORWARD_PREPOSITIONS: Final[frozenset[str]] = frozenset({"until", "till", "til", "by"})
"""Prepositions before a weekday that make it the coming one when its clause has no
past cue: "closed until Friday", "due by Monday" (news otherwise narrates the past)."""

PAST_CUES: Final[frozenset[str]] = frozenset(
    {"was", "were", "had", "did", "said", "told", "ago", "earlier", "last", "came", "went",
     "made", "took", "gave", "began", "fell", "rose", "won", "lost", "met", "held", "left",
     "got", "saw", "sent", "killed", "announced", "reported", "since", "found", "brought",
     "became", "wrote", "spoke", "led", "ran", "paid", "sold", "bought", "struck", "hit",
     "shot", "put", "set", "quit", "cut", "felt", "kept", "thought", "knew", "meant"}
)  # fmt: skip
"""Words in a clause that point to the past; words ending in *-ed* count too."""

NOT_PAST_ED: Final[frozenset[str]] = frozenset(
    {"need", "speed", "feed", "seed", "bed", "red", "shed", "led", "wed", "indeed", "proceed",
     "succeed", "exceed", "hundred", "scheduled", "expected", "planned", "united", "limited",
     "based", "related", "interested", "concerned", "supposed", "used", "ted", "ed", "fred",
     "ahmed", "mohammed", "muhammad", "med", "coed", "biased", "talented", "aged", "naked",
     "wicked", "sacred", "kindred", "embed", "breed", "creed", "greed", "weed", "reed"}
)  # fmt: skip
"""Words ending in *-ed* that are not past-tense verbs (or point the other way)."""

ABBREVIATIONS: Final[frozenset[str]] = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "gov", "sen", "rep", "lt", "col",
     "sgt", "capt", "prof", "rev", "inc", "corp", "co", "ltd", "no", "vs", "v", "u.s", "u.n",
     "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
     "a.m", "p.m", "mt", "ft", "fig", "gov't"}
)  # fmt: skip
"""Words whose full stop does not end a sentence (besides single letters: ``U.S.``)."""

CLAUSE_BREAKS: Final[frozenset[str]] = frozenset({";", ":", "“", "”", '"', "(", ")"})
"""Tokens beyond which the tense cues of a clause are not looked for."""
