"""Partial quotes (newslens_quotes.partial): where a mixed content ends, and the quotations
with cues outside the lexicon."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens_quotes import Quote, QuoteResult, find_quotes

import newslens


def find(text: str) -> QuoteResult:
    return find_quotes(newslens.annotate(text, backend="lite"))


def mixed(text: str) -> Quote:
    quotes = [q for q in find(text).quotes if q.kind == "mixed"]
    assert len(quotes) == 1, find(text).quotes
    return quotes[0]


def said_by(quote: Quote, cue: str, speaker: str) -> None:
    """*quote*'s cue and speaker have these texts."""
    assert quote.cue is not None and quote.cue.text == cue
    assert quote.speaker is not None and quote.speaker.text == speaker


# -- the tail of a mixed content --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # an adjunct of time or setting right after the closing mark
        ("Senator Ann Lee called the levy a “cruel joke” Tuesday in a radio interview.",
         "the levy a “cruel joke”"),
        ("The mayor called the plan a “disaster” in a statement released by her office.",
         "the plan a “disaster”"),
        # a quotation that ends in a comma, then a participle
        ('Governor Halvorsen called the ruling "shameful," telling reporters she would appeal.',
         'the ruling "shameful,"'),
        ("Governor Halvorsen called the ruling ''shameful,'' telling reporters she would appeal.",
         "the ruling ''shameful,''"),
        # a dash, a semicolon
        ("The minister called the report a “witch hunt” — a phrase he has used for weeks.",
         "the report a “witch hunt”"),
        ("Ortega called the merger “a bad deal for workers”; the vote is on Monday.",
         "the merger “a bad deal for workers”"),
        # "and" with another predicate, or another clause
        ("The chief called the budget “reckless” and threatened to resign by June.",
         "the budget “reckless”"),
        ("Ruiz called the new rules “unworkable” and he asked for a delay.",
         "the new rules “unworkable”"),
    ],
)
def test_a_mixed_content_ends_with_its_quotation(text: str, content: str) -> None:
    quote = mixed(text)
    assert quote.text == content
    assert quote.text == text[quote.start : quote.end]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # what goes on the quoted clause stays in it
        ("Lee said that there have been “hundreds of break-ins” in the old harbour this year.",
         "that there have been “hundreds of break-ins” in the old harbour this year"),
        ("Lee said the council would offer “a fair hearing” to every tenant who asks.",
         "the council would offer “a fair hearing” to every tenant who asks"),
        ("Lee said the rent was “too high” and the flats too small.",
         "the rent was “too high” and the flats too small"),
        ("Lee said the ferry would run “as long as it is safe” if the weather holds.",
         "the ferry would run “as long as it is safe” if the weather holds"),
        # a clause linked by "but", "while", "as"
        ("Lee said the rent was “too high” but the flats were well kept.",
         "the rent was “too high” but the flats were well kept"),
        ("Lee said the pier was “perfectly safe” as long as boats kept away.",
         "the pier was “perfectly safe” as long as boats kept away"),
        # a dependent clause after a quotation that ends in a comma
        ("Lee said the levy was “a cruel joke,” because renters would pay most of it.",
         "the levy was “a cruel joke,” because renters would pay most of it"),
        ("Lee told residents that the pier was “safe enough,” compared to the old one.",
         "that the pier was “safe enough,” compared to the old one"),
        ("Lee said the ferry was “a disgrace,” while the buses ran on time.",
         "the ferry was “a disgrace,” while the buses ran on time"),
        ("Lee called the levy “much worse” than the old one, since renters pay most of it.",
         "the levy “much worse” than the old one, since renters pay most of it"),
        # what a comma after the quotation adds to it: an example, a degree, a contrast
        ("Lee said the pier needs “urgent repairs,” including a new railing at the end.",
         "the pier needs “urgent repairs,” including a new railing at the end"),
        ("Lee said the fares were “too high,” especially for students.",
         "the fares were “too high,” especially for students"),
        ("Lee blamed the delay on “bad weather,” not on the crew.",
         "the delay on “bad weather,” not on the crew"),
        ("Lee said the ferry was “worth saving,” even if it loses money.",
         "the ferry was “worth saving,” even if it loses money"),
        # a second clause of the same "that"
        ("Lee said that the board was “taking a close look” at the pier, and that the ferry "
         "would run all winter.",
         "that the board was “taking a close look” at the pier, and that the ferry would run "
         "all winter"),
        ("Lee said that the fare was “too high,” and that, in her view, “nobody rides it now.”",
         "that the fare was “too high,” and that, in her view, “nobody rides it now.”"),
        ("Lee said the levy was “unfair” and that renters would pay most of it; few agreed.",
         "the levy was “unfair” and that renters would pay most of it"),
    ],
)
def test_a_mixed_content_keeps_the_rest_of_its_clause(text: str, content: str) -> None:
    assert mixed(text).text == content


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["“unfair,”", "“a cruel joke”", "“far too high”"]),
    st.sampled_from([", and that", " and that"]),
    st.sampled_from(["renters would pay", "the vote was rushed", "she would appeal"]),
)
def test_a_second_that_stays_in_the_content(quoted: str, link: str, clause: str) -> None:
    text = f"Senator Ann Lee said that the levy was {quoted}{link} {clause}."
    quote = mixed(text)
    assert quote.text == f"that the levy was {quoted}{link} {clause}"


def test_an_indirect_content_is_left_as_it_is() -> None:
    text = "The mayor said the bridge would reopen on Tuesday, but gave no reason."
    quotes = find(text).quotes
    assert [q.kind for q in quotes] == ["indirect"]
    assert quotes[0].text.startswith("the bridge would reopen on Tuesday")


@settings(max_examples=40)
@given(
    st.sampled_from(["called the plan", "described the deal as", "said the bill was"]),
    st.sampled_from(["a “disaster”", "“unfair,”", "“a cruel joke”"]),
    st.sampled_from([
        " Tuesday", " in a statement", ", adding that it would fail", "; she voted for it",
        " — a rare rebuke", " and walked out of the room", "",
    ]),
)
def test_the_content_ends_at_the_quotation_whatever_follows(
    frame: str, quoted: str, tail: str
) -> None:
    text = f"Senator Ann Lee {frame} {quoted}{tail}."
    quote = mixed(text)
    assert quote.text == text[quote.start : quote.end]
    assert quote.text.endswith(quoted)
    assert quote.speaker is not None and quote.speaker.text == "Senator Ann Lee"


# -- characterised: a quotation after "as", whatever the verb ---------------------------------


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ("Senator Ann Lee depicted the audit as “a fishing trip.”",
         "the audit as “a fishing trip.”", "depicted", "Senator Ann Lee"),
        ("The governor has repeatedly pegged her rival as a “career politician.”",
         "her rival as a “career politician.”", "pegged", "The governor"),
        ('Ortega greeted the new bridge as "a gift to the whole valley."',
         'the new bridge as "a gift to the whole valley."', "greeted", "Ortega"),
        ("The council graded both claims as “false” or “misleading” after a review.",
         "both claims as “false” or “misleading”", "graded", "The council"),
        # a share, a possessive, a capitalised adjective in the thing named
        ("The panel graded 30% of the council's claims as “false” or “pants on fire.”",
         "30% of the council's claims as “false” or “pants on fire.”", "graded", "The panel"),
        ("The panel graded 22% of Democratic claims as “entirely true” last year.",
         "22% of Democratic claims as “entirely true”", "graded", "The panel"),
        ("Dana Whitfield saw the fire as “a warning to every town on the coast.”",
         "the fire as “a warning to every town on the coast.”", "saw", "Dana Whitfield"),
        # a verb and its particle before the thing named
        ("Lately, Ana Ruiz has gone after the mayor as a “captain without a ship.”",
         "the mayor as a “captain without a ship.”", "gone", "Ana Ruiz"),
        ("Tom Becker lashed out at the board as “a club for insiders.”",
         "the board as “a club for insiders.”", "lashed", "Tom Becker"),
        # a setting between the thing named and "as"
        ("Some fans listed the town on their profiles as “the Harbour Republic.”",
         "the town on their profiles as “the Harbour Republic.”", "listed", "Some fans"),
    ],
)
def test_a_quotation_after_as_is_what_the_speaker_called_it(
    text: str, content: str, cue: str, speaker: str
) -> None:
    quote = mixed(text)
    assert quote.text == content == text[quote.start : quote.end]
    assert quote.how == "characterised"
    said_by(quote, cue, speaker)


@pytest.mark.parametrize(
    "text",
    [
        # nothing named between the verb and "as": a label
        "The harbour, known as “the Old Basin,” was dredged in May.",
        "The fair, billed as “Harvest Days,” opens on Friday.",
        # a comparison or an example
        "The rent is twice as “affordable” as the mayor claims.",
        "Officials searched for words such as “flood” and “levee” in the files.",
        "The tenants came across as “angry” at the meeting.",
        # a setting after a passive: the thing named is its subject
        "The new guide is described on the ferry's site as a “must-read.”",
        # a scare quote with no "as"
        "Mayor Ruiz set out the council's “red lines” a few days ago.",
    ],
)
def test_a_label_a_comparison_or_a_scare_quote_is_no_characterisation(text: str) -> None:
    assert [q for q in find(text).quotes if q.how == "characterised"] == []


# -- uttered: verbs and nouns of uttering aloud -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ("Supporters chanted “Four more years!” as the mayor took the stage.",
         "Four more years!", "chanted", "Supporters"),
        ('One voter yelled, "Fix the roads!"', "Fix the roads!", "yelled", "One voter"),
        # the noun before the verb is a preposition's object: the sentence's subject speaks
        ('A man in the back yelled, "Fix the roads!"', "Fix the roads!", "yelled",
         "A man in the back"),
        ("Protesters marching past the town hall chanted “Open the pier!”", "Open the pier!",
         "chanted", "Protesters"),
        ("The mayor walked onto the stage, shouting “We did it!”", "We did it!", "shouting",
         "The mayor"),
        ("Their chants of “Lower the rent!” filled the hall.", "Lower the rent!", "chants of",
         "Their"),
    ],
)
def test_a_quotation_uttered_aloud_is_a_direct_quote(
    text: str, content: str, cue: str, speaker: str
) -> None:
    quotes = find(text).quotes
    assert len(quotes) == 1, quotes
    quote = quotes[0]
    assert (quote.kind, quote.how, quote.text) == ("direct", "uttered", content)
    said_by(quote, cue, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "The choir sang a hymn before the vote on “Harbour Days.”",
        "The chant was loud, and the crowd stayed until midnight.",
        "Her song “Blue Water” topped the charts.",
    ],
)
def test_no_uttering_verb_no_uttered_quote(text: str) -> None:
    assert [q for q in find(text).quotes if q.how == "uttered"] == []


@settings(max_examples=40)
@given(
    st.sampled_from(["Protesters", "The crowd", "Two students"]),
    st.sampled_from(["chanted", "shouted", "yelled", "were chanting"]),
    st.sampled_from(["", ",", ":"]),
    st.sampled_from(["“No more cuts!”", '"Save the pier!"', "“Ortega, Ortega!”"]),
    st.sampled_from(["", " outside the hall", " until dawn"]),
)
def test_uttered_whatever_the_phrasing(
    speaker: str, verb: str, punct: str, quoted: str, tail: str
) -> None:
    text = f"{speaker} {verb}{punct} {quoted}{tail}."
    quote = next(q for q in find(text).quotes if q.text == quoted[1:-1])
    assert quote.kind == "direct"
    assert quote.cue is not None and quote.cue.text == verb.split()[-1]
    assert quote.speaker is not None and quote.speaker.text == speaker


# -- that-clause: a quotation in a clause of "that" after a verb outside the lexicon ----------


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ("The treasurer predicted that the levy would “hurt every family in the valley.”",
         "that the levy would “hurt every family in the valley.”", "predicted", "The treasurer"),
        ("Ortega hinted that “big changes” could come to the harbour board.",
         "that “big changes” could come to the harbour board", "hinted", "Ortega"),
        ('The union conceded that the offer was "a step forward," but it kept up the strike.',
         'that the offer was "a step forward,"', "conceded", "The union"),
        ("Dana Whitfield wondered whether the pier was “worth saving at all.”",
         "whether the pier was “worth saving at all.”", "wondered", "Dana Whitfield"),
        # no "that": a clause with a pronoun subject right after a cue (or its adjunct)
        ('Lee wrote in both letters she was "deeply sorry" for the delay.',
         'she was "deeply sorry" for the delay', "wrote", "Lee"),
        ("The chief tweeted on Sunday they were “proud of every crew.”",
         "they were “proud of every crew.”", "tweeted", "The chief"),
        # a short adjunct (a name, a year, an object pronoun) between the verb and "that"
        ("The engineer recalled in 2008 that the bridge had been “patched with tape.”",
         "that the bridge had been “patched with tape.”", "recalled", "The engineer"),
        ("Marta confided to her that the board was “out of its depth.”",
         "that the board was “out of its depth.”", "confided", "Marta"),
        ("The auditors concluded in Ostend that the accounts were “a work of fiction.”",
         "that the accounts were “a work of fiction.”", "concluded", "The auditors"),
        # a cue of the lexicon used as a noun, with its owner
        ("Critics doubted Ruiz's claim that the pier was “as safe as any in Europe.”",
         "that the pier was “as safe as any in Europe.”", "claim", "Ruiz"),
        ("Nobody believed his warning that the levee would “give way by March.”",
         "that the levee would “give way by March.”", "warning", "his"),
    ],
)
def test_a_quotation_in_a_that_clause_is_a_mixed_quote(
    text: str, content: str, cue: str, speaker: str
) -> None:
    quote = mixed(text)
    assert quote.text == content == text[quote.start : quote.end]
    said_by(quote, cue, speaker)


@pytest.mark.parametrize(
    "text",
    [
        # "that" after a noun, or a cue of the lexicon in the clause
        "The reports that “Harbour Days” was cancelled turned out to be false.",
        "Ortega hinted that the mayor said the plan was “a mess.”",
        # no "that": a scare quote stays out
        "Mayor Ruiz set out the council's “red lines” a few days ago.",
        "The so-called “rainy day fund” is empty.",
        # a pronoun after a noun, or after a cue and more than an adjunct
        "The plan he drew up was “a mess.”",
        "Lee wrote the report she had promised as “a last word.”",
        # an adjunct with a noun of its own: "that" may belong to the noun
        "It resulted in the ruling that the “leak” was a drill.",
    ],
)
def test_no_that_clause_without_a_verb_and_that(text: str) -> None:
    assert [q for q in find(text).quotes if q.how == "that-clause"] == []


@pytest.mark.parametrize("noun", ["hours", "days", "weeks", "months", "years", "nights"])
def test_a_plural_noun_of_time_is_no_verb_before_that(noun: str) -> None:
    text = f"Ruiz posted late in the small {noun} that the pier was “a disgrace.”"
    assert all(q.cue is None or q.cue.text != noun for q in find(text).quotes)


def test_a_cue_of_the_lexicon_before_an_adjunct_gives_one_quote() -> None:
    text = "Lee insisted to reporters that the pier was “safe for every boat.”"
    quotes = find(text).quotes
    assert len(quotes) == 1 and quotes[0].cue is not None
    assert quotes[0].cue.text == "insisted" and quotes[0].speaker is not None
    assert quotes[0].speaker.text == "Lee"


# -- a quotation introduced by a verb before it takes no lead ---------------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Hundreds marched through the square, chanting “No more cuts,” police said.",
         "No more cuts,"),
        ("At the meeting a tenant yelled “Shame on you,” the chair said later.",
         "Shame on you,"),
        ("During the debate the mayor quipped, “I have been called worse,” aides said.",
         "I have been called worse,"),
    ],
)
def test_a_quotation_after_its_verb_takes_no_lead(text: str, content: str) -> None:
    quote = next(q for q in find(text).quotes if content in q.text)
    assert (quote.kind, quote.text) == ("direct", content)


def test_a_lead_without_a_verb_is_still_taken() -> None:
    text = "The new levy “will not work,” Ortega said."
    quote = mixed(text)
    assert quote.text == "The new levy “will not work,”"


def test_a_cue_whose_content_is_one_quotation_attributes_it() -> None:
    text = "During the debate the mayor quipped, “I have been called worse,” aides said."
    quotes = find(text).quotes
    assert len(quotes) == 1, quotes
    quote = quotes[0]
    assert (quote.kind, quote.text) == ("direct", "I have been called worse,")
    assert quote.cue is not None and quote.cue.text == "quipped"
    assert quote.speaker is not None and quote.speaker.text == "the mayor"


# -- a title before a cue is the setting, not the quote ----------------------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("On the radio show “Harbour Hour,” Mayor Ana Ruiz said the ferry would “run again "
         "by May.”", "the ferry would “run again by May.”"),
        ('In an interview on "Good Morning Ostend," the chief said crews had worked "through '
         'the night."', 'crews had worked "through the night."'),
        # a one-word show after "on" or a possessive is a setting too
        ("Late on Ostend Radio's “Tidewatch,” Ana Ruiz said the ferry would “run again by "
         "May.”", "the ferry would “run again by May.”"),
        ("On “Tidewatch,” Ana Ruiz said the ferry would “run again by May.”",
         "the ferry would “run again by May.”"),
        # the content opens with a name
        ("On the radio show “Harbour Hour,” Mayor Ana Ruiz said Tom Becker's “reckless” plan "
         "would sink the port.", "Tom Becker's “reckless” plan would sink the port"),
    ],
)
def test_a_title_before_a_cue_leaves_the_cue_to_its_content(text: str, content: str) -> None:
    quotes = find(text).quotes
    assert [q.text for q in quotes] == [content]
    assert quotes[0].kind == "mixed" and quotes[0].cue is not None
    assert quotes[0].cue.text == "said"


@pytest.mark.parametrize(
    "text",
    [
        "“We Will Rebuild,” Mayor Ana Ruiz said on Tuesday.",
        "“Rebuild the Pier Now,” said Ana Ruiz, the mayor.",
        # one capitalised word, then whom the cue addresses or when
        "“Unacceptable,” Ana Ruiz told Ostend Radio.",
        "“Unacceptable,” Ana Ruiz said Tuesday.",
        # after a word of its sentence, not "on" or a possessive
        "“Unacceptable,” Ana Ruiz said Tom Becker had called the plan.",
    ],
)
def test_a_title_cased_quote_with_its_own_attribution_is_still_a_quote(text: str) -> None:
    quotes = find(text).quotes
    assert len(quotes) == 1 and quotes[0].kind == "direct"


def test_a_quotation_after_a_word_of_its_sentence_does_not_go_on_the_quote_before() -> None:
    text = "“We will rebuild,” Ruiz said, as the crowd went on about “the old pier” for an hour."
    quotes = find(text).quotes
    assert [(q.text, len(q.parts)) for q in quotes] == [("We will rebuild,", 1)]


def test_a_quotation_after_a_comma_goes_on_the_quote_before() -> None:
    text = "“We will rebuild,” Ruiz said, pointing at the pier, “and we will do it soon.”"
    (quote,) = find(text).quotes
    assert [p.text for p in quote.parts] == ["We will rebuild,", "and we will do it soon."]
    assert quote.speaker is not None and quote.speaker.text == "Ruiz"


# -- a cue in the progressive (is calling) is no passive ---------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ("Mayor Ana Ruiz is calling the new levy “a tax on hope.”",
         "the new levy “a tax on hope.”", "calling", "Mayor Ana Ruiz"),
        ("The union is warning that the strike could “last all winter.”",
         "that the strike could “last all winter.”", "warning", "The union"),
        ("Ortega was telling reporters that the plan is “dead on arrival.”",
         "that the plan is “dead on arrival.”", "telling", "Ortega"),
        # 's for is after a pronoun, straight or curly
        ("He’s predicting he will win “by a mile” in the vote.",
         "he will win “by a mile” in the vote", "predicting", "He"),
        ("She's warning that the strike could \"last all winter.\"",
         'that the strike could "last all winter."', "warning", "She"),
    ],
)
def test_a_cue_in_the_progressive_reports_speech(
    text: str, content: str, cue: str, speaker: str
) -> None:
    quote = mixed(text)
    assert quote.text == content
    said_by(quote, cue, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "Ortega's warning was “a bluff,” the council said.",  # a possessive: a noun
        "The mayor's saying about “hope” hangs in the hall.",
    ],
)
def test_a_possessive_before_a_cue_in_ing_is_no_progressive(text: str) -> None:
    assert all(q.cue is None or q.cue.text not in ("warning", "saying") for q in find(text).quotes)


def test_a_cue_in_the_passive_is_still_no_cue() -> None:
    text = "The mayor was called “a hero” by the crowd."
    assert [q for q in find(text).quotes if q.how == "reported"] == []


def test_a_quotation_uttered_inside_a_content_is_its_own_quote() -> None:
    text = "Ruiz said it was good to be home, and a man in the back yelled “Stay there!”"
    quotes = find(text).quotes
    assert [(q.kind, q.text) for q in quotes] == [
        ("indirect", "it was good to be home"), ("direct", "Stay there!")
    ]
    assert quotes[1].cue is not None and quotes[1].cue.text == "yelled"


# -- a content that ends inside a quotation it opens -----------------------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The harbour master added that the closure “should be read with hindsight. Nobody "
         "could have known the storm would turn.” The ferry resumed on Monday.",
         "that the closure “should be read with hindsight. Nobody could have known the storm "
         "would turn.”"),
        ('The harbour master told reporters that the ferry "will run again by May. We have the '
         'parts. We have the crew." Then she left.',
         'that the ferry "will run again by May. We have the parts. We have the crew."'),
    ],
)
def test_a_content_runs_on_to_the_close_of_a_quotation_it_opens(text: str, content: str) -> None:
    quote = mixed(text)
    assert quote.text == content
    assert quote.cue is not None and quote.speaker is not None
    assert len(find(text).quotes) == 1  # the rest of the quotation is no quote of its own


@pytest.mark.parametrize(
    "text",
    [
        "The harbour master said that the closure “should be read with hindsight.” The ferry "
        "resumed on Monday.",
        "Dana Whitfield said the “storm” was over. The ferry resumed on Monday.",
    ],
)
def test_a_content_that_closes_its_quotation_ends_with_its_sentence(text: str) -> None:
    quote = mixed(text)
    assert "ferry resumed" not in quote.text
    assert quote.text.endswith(("”", "over"))


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["the pier is shut.", "we will reopen.", "trust us."]),
                min_size=1, max_size=4))
def test_the_content_never_ends_inside_its_quotation(sentences: list[str]) -> None:
    inside = " ".join(s.capitalize() for s in sentences)
    text = f"Dana Whitfield said that the council “has decided. {inside}” The ferry ran late."
    quote = mixed(text)
    assert quote.text.endswith(f"{inside}”")
    assert quote.text.count("“") == quote.text.count("”")


# -- words written on a thing: a sign that read "..." -----------------------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Ana Ruiz hoisted a sign that read “Save the pier!” outside the town hall.",
         "Save the pier!"),
        ('The biggest banner read "No more ferry cuts." The crowd cheered.', "No more ferry cuts."),
        ("Protesters wore hats reading, “Keep Marlow Bay afloat” on Monday.",
         "Keep Marlow Bay afloat"),
    ],
)
def test_words_on_a_sign_are_a_direct_quote(text: str, content: str) -> None:
    quotes = [q for q in find(text).quotes if q.how == "inscribed"]
    assert len(quotes) == 1, find(text).quotes
    assert quotes[0].kind == "direct" and quotes[0].text == content
    assert quotes[0].cue is not None and quotes[0].cue.text.startswith("read")


@pytest.mark.parametrize(
    "text",
    [
        "The teacher read “The Night We Lost the Pier” to the class.",  # a title read aloud
        "One of his recent reads, “The Long Winter,” sits on his desk.",  # a noun, no sign
        "Ana Ruiz read the “fine print” twice before she signed.",  # no quotation after read
    ],
)
def test_read_without_a_thing_with_words_on_it_is_no_inscription(text: str) -> None:
    assert all(q.how != "inscribed" for q in find(text).quotes)


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["sign", "banner", "placard", "T-shirt", "poster"]),
    st.sampled_from(["that read", "which read", "reading"]),
    st.sampled_from(["Save the pier!", "Ferries, not fences", "Vote no on 12"]),
)
def test_any_sign_and_its_words(thing: str, verb: str, words: str) -> None:
    text = f"A woman in the front row held a {thing} {verb} “{words}” as the mayor spoke."
    quotes = [q for q in find(text).quotes if q.how == "inscribed"]
    assert [q.text for q in quotes] == [words]


# -- likened: a quotation after "to" that says what a thing was likened to ------------------


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ('Another critic, Dana Whitfield, likened the toll to "robbing the islands" - a charge '
         "that stung.", 'the toll to "robbing the islands"', "likened", "Another critic"),
        ("Ana Ruiz compared the mayor to a captain who is “steering into the rocks” on purpose.",
         "the mayor to a captain who is “steering into the rocks” on purpose", "compared",
         "Ana Ruiz"),
        ("At the rally, Tom Becker likened the ferry cuts to a “slow leak” in a small boat.",
         "the ferry cuts to a “slow leak” in a small boat", "likened", "Tom Becker"),
    ],
)
def test_a_thing_likened_to_a_quotation_is_a_mixed_quote(
    text: str, content: str, cue: str, speaker: str
) -> None:
    quote = mixed(text)
    assert quote.how == "characterised" and quote.text == content
    said_by(quote, cue, speaker)


@pytest.mark.parametrize(
    "text",
    [
        'The fare rose to "$9," compared to "$6" last year.',  # nothing named before "to"
        "She compared notes. Then she went to the “old” pier.",  # "to" in another sentence
        "He likened it; the crowd went to the “blue” tent.",  # a semicolon between
    ],
)
def test_no_liken_without_a_thing_named_before_to(text: str) -> None:
    assert all(q.cue is None or q.cue.text not in ("compared", "likened")
               for q in find(text).quotes)


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["likened", "compared"]),
    st.sampled_from(["the plan", "her rival", "the new pier"]),
    st.sampled_from(["a sinking ship", "highway robbery", "a bad joke"]),
)
def test_any_likening_to_a_quotation(verb: str, thing: str, words: str) -> None:
    quote = mixed(f"Ana Ruiz {verb} {thing} to “{words}”, then left.")
    assert quote.text == f"{thing} to “{words}”"
    assert quote.speaker is not None and quote.speaker.text == "Ana Ruiz"


# -- a quotation in the object of a verb of referring to words ----------------------------------


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ("Ana Ruiz also referenced the “harbour loophole,” which lets ferries skip checks.",
         "the “harbour loophole,”", "referenced", "Ana Ruiz"),
        ("The fund referenced “political tensions” in towns that are losing their ferries.",
         "“political tensions” in towns that are losing their ferries", "referenced",
         "The fund"),
        ("Tom Becker invoked the old “ferry pact” between the two islands.",
         "the old “ferry pact” between the two islands", "invoked", "Tom Becker"),
        # a verb of urging, its addressee and the quoted words
        ('Ruiz exhorted voters to "save the pier" and said she would run again.',
         'voters to "save the pier"', "exhorted", "Ruiz"),
        ("The mayor implored residents to “stay off the ice” this week.",
         "residents to “stay off the ice” this week", "implored", "The mayor"),
    ],
)
def test_a_quotation_a_speaker_refers_to_is_a_mixed_quote(
    text: str, content: str, cue: str, speaker: str
) -> None:
    quote = mixed(text)
    assert quote.how == "characterised" and quote.text == content
    said_by(quote, cue, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "She made a reference to the “old” pier.",  # a noun
        "Her biggest challenge is to keep the “new” ferry running.",  # a noun
        "The report references the levy; the “new” pier opens soon.",  # another clause
        "He invoked his right to stay silent for many long hours before the “hearing.”",  # far
    ],
)
def test_no_reference_without_its_verb_right_before_the_quotation(text: str) -> None:
    assert all(q.how != "characterised" for q in find(text).quotes)


# -- labelled: a title after "titled", a name given in the passive ---------------------------


def labelled(text: str) -> list[Quote]:
    return [q for q in find(text).quotes if q.how == "labelled"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('The board issued a report titled "Ferry Costs in Plain Words." It came out Monday.',
         "Ferry Costs in Plain Words."),
        ("Her second column, entitled “Why the Pier Still Matters,” ran on Sunday.",
         "Why the Pier Still Matters,"),
        ("The union aired a radio spot titled, “Broken Promises.” Listeners phoned in.",
         "Broken Promises."),
    ],
)
def test_a_title_after_titled_is_reported_alone(text: str, content: str) -> None:
    quotes = labelled(text)
    assert [q.content for q in quotes] == [content]
    assert quotes[0].speaker is None and quotes[0].cue is not None
    assert quotes[0].cue.text.endswith("titled")


@pytest.mark.parametrize(
    ("text", "named", "label"),
    [
        ('By June 2019, the podcast was officially named "The Harbour Hour," with Ruiz as host.',
         "the podcast", '"The Harbour Hour,"'),
        ("The council held what is called a “hearing” on Tuesday.", "what", "a “hearing”"),
        ("The old ferry line has been dubbed the “slow boat to nowhere” by its riders.",
         "The old ferry line", "the “slow boat to nowhere”"),
        ("All the files in the new batch were designated as “Internal,” the mildest grade.",
         "All the files in the new batch", "as “Internal,”"),
        ("Back then, when the quay was known as ''the Muddy Mile,'' few stayed.",
         "the quay", "as ''the Muddy Mile,''"),
        # a name given in an apposition after a comma (past an age)
        ("After the storm, the bill, known as the “Harbour Relief Act” passed.",
         "the bill", "as the “Harbour Relief Act”"),
        ('Ana Ruiz, 44, known online as "Pier Queen," was fined in May.',
         "Ana Ruiz, 44", 'as "Pier Queen,"'),
    ],
)
def test_a_name_given_in_the_passive_is_the_thing_and_its_name(
    text: str, named: str, label: str
) -> None:
    quotes = labelled(text)
    assert len(quotes) == 1, find(text).quotes
    assert [p.text for p in quotes[0].parts] == [named, label]
    assert quotes[0].speaker is None and quotes[0].kind == "mixed"


@pytest.mark.parametrize(
    "text",
    [
        "The blogger known as “Harbourmum” posted the files.",  # no verb "be": a label
        "She might be enjoying being dubbed the “front-runner” this week.",  # a gerund
        "Ana Ruiz called the plan “a disaster” on Monday.",  # the speaker names it
        "Ana Ruiz was named to the board after the “long” vote.",  # no name after the verb
        "He read a book about the “titled” classes of Europe.",  # no title after it
    ],
)
def test_a_label_needs_its_verb_right_before_the_quotation(text: str) -> None:
    assert labelled(text) == []


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["The new bus route", "Her plan", "What remains of the pier"]),
    st.sampled_from(["is called", "was dubbed", "has been nicknamed", "is now known as"]),
    st.sampled_from(["the Harbour Loop", "Project Tide", "a lifeline"]),
)
def test_any_passive_name_is_labelled(thing: str, verb: str, name: str) -> None:
    quotes = labelled(f"{thing} {verb} “{name}” in town.")
    label = f"as “{name}”" if verb.endswith(" as") else f"“{name}”"
    assert [(q.parts[0].text, q.parts[-1].text) for q in quotes] == [(thing, label)]


# -- "...," scoffed Ana Ruiz: an inverted attribution with any verb -----------------------------


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ("“Nobody rides that ferry for fun,” scoffed Ana Ruiz, 34, a commuter.",
         "Nobody rides that ferry for fun,", "scoffed", "Ana Ruiz"),
        ('"Why would anyone build a pier there?" wondered Dana Whitfield.',
         "Why would anyone build a pier there?", "wondered", "Dana Whitfield"),
        ("“The tide waits for nobody,” Tom Becker shrugged.",
         "The tide waits for nobody,", "shrugged", "Tom Becker"),
    ],
)
def test_a_verb_in_ed_and_a_name_after_a_quote_attribute_it(
    text: str, content: str, cue: str, speaker: str
) -> None:
    quote = next(q for q in find(text).quotes if q.text == content)
    assert quote.kind == "direct"
    said_by(quote, cue, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "“Nobody rides that ferry for fun.” Crowded buses replaced it in May.",  # no comma
        "“The pier,” renovated in 2019, reopened on Monday.",  # no name after the verb
        "“The tide waits for nobody,” Tom Becker shrugged and walked on to the pier.",
    ],
)
def test_no_inverted_attribution_without_the_pattern(text: str) -> None:
    assert all(q.how != "inverted" for q in find(text).quotes)


@pytest.mark.parametrize("phrase", ["a gap in the rules", "a boost for the plans"])
def test_a_noun_after_an_article_is_no_verb_of_an_attribution(phrase: str) -> None:
    quotes = find(f"The council found “a loophole,” {phrase}.").quotes
    assert all(q.cue is None or q.cue.text != phrase.split()[-1] for q in quotes)
    shrug = find("“The pier stays,” the mayor shrugged.").quotes
    assert [(q.cue and q.cue.text, q.speaker and q.speaker.text) for q in shrug] == [
        ("shrugged", "the mayor")
    ]


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["scoffed", "sighed", "laughed", "shrugged"]),
    st.sampled_from(["Ana Ruiz", "Tom Becker", "Dana Whitfield"]),
    st.booleans(),
)
def test_any_inverted_attribution(verb: str, name: str, name_first: bool) -> None:
    tail = f"{name} {verb}" if name_first else f"{verb} {name}"
    text = f"“Nobody rides that ferry for fun,” {tail}."
    quote = next(q for q in find(text).quotes if q.text.startswith("Nobody"))
    assert quote.speaker is not None and quote.speaker.text == name
    assert quote.cue is not None and quote.cue.text == verb


# -- a quote right after a mixed content attributed after it goes on that content -------------


@pytest.mark.parametrize(
    "first",
    [
        "The old clubs are ''barely staying afloat,'' Ana Ruiz said from her office.",
        "The ferry is “a floating disgrace,” Ana Ruiz said on Monday.",
    ],
)
def test_a_quotation_after_a_content_attributed_after_it_is_its_second_part(
    first: str,
) -> None:
    # PolNeAR makes the two one content: the attribution between them is the only text
    text = f"{first} “Nobody wants to ride it anymore, and nobody will pay for it.”"
    quotes = find(text).quotes
    quote = next(q for q in quotes if q.content.endswith("nobody will pay for it."))
    assert len(quote.parts) == 2
    assert quote.parts[0].text.startswith("The ")
    assert quote.parts[1].text.startswith("Nobody")
    assert quote.kind == "mixed"
    assert quote.speaker_name == "Ana Ruiz"
    assert quote.cue is not None and quote.cue.text == "said"


@pytest.mark.parametrize(
    "between",
    [
        # another sentence between the attribution and the quotation
        "Ana Ruiz said on Monday. The council meets again next week.",
        # a new paragraph
        "Ana Ruiz said on Monday.\n\n",
    ],
)
def test_a_quotation_after_other_text_is_not_a_part_of_the_content(between: str) -> None:
    text = (f"The ferry is “a floating disgrace,” {between} "
            "“Nobody wants to ride it anymore, and nobody will pay for it.”")
    quotes = find(text).quotes
    last = next(q for q in quotes if "Nobody" in q.content)
    assert len(last.parts) <= 1 and last.text.startswith("Nobody")


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet="abcdefgh ", min_size=0, max_size=30))
def test_the_parts_of_a_joined_content_are_in_text_order(filler: str) -> None:
    text = (f"The ferry is “a floating disgrace {filler},” Ana Ruiz said. "
            f"“Nobody {filler} wants to ride it.”")
    for quote in find(text).quotes:
        spans = [(p.start, p.end) for p in quote.parts]
        assert spans == sorted(spans)
        assert all(a < b for a, b in spans)
        assert all(text[a:b] == p.text for (a, b), p in zip(spans, quote.parts, strict=True))


def test_a_quotation_after_a_mixed_content_attributed_before_it_inherits_nothing() -> None:
    text = ("Ana Ruiz said the ferry was “a floating disgrace” on Monday. "
            "“Nobody wants to ride it anymore, and nobody will pay for it.”")
    last = next(q for q in find(text).quotes if q.text.startswith("Nobody"))
    assert last.how == "unattributed" and last.speaker is None
