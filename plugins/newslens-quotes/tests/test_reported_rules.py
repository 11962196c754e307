"""The reported-speech rules beyond ``X said (that) ...``: interrupted attributions, relative
speakers, clause cues, ``that`` cues, quotation-only cues, headline colons, infinitive
contents, and the cue rows counted on PolNeAR (lite annotator)."""

from __future__ import annotations

from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens_quotes import Quote, QuoteResult, builtin_cues, find_quotes

import newslens


def find(text: str, headline: str | None = None) -> QuoteResult:
    return find_quotes(newslens.annotate(text, headline=headline, backend="lite"))


def one(text: str) -> Quote:
    quotes = find(text).quotes
    assert len(quotes) == 1, quotes
    return quotes[0]


def pieces(quote: Quote) -> list[str]:
    return [p.text for p in quote.parts] if quote.parts else [quote.text]


# -- the content keeps its "that" (PolNeAR's convention) -----------------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor said that the bridge will reopen.", "that the bridge will reopen"),
        ("Whitfield told reporters that the shelter was full.", "that the shelter was full"),
        ("The chief said on Friday that crews were tired.", "that crews were tired"),
    ],
)
def test_the_content_starts_with_its_that(text: str, content: str) -> None:
    assert one(text).text.rstrip(".") == content


# -- CONTENT, X said, CONTENT ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "parts", "speaker"),
    [
        ("The new bridge, the mayor said, will open in May.",
         ["The new bridge", "will open in May"], "the mayor"),
        ("The shelter, Whitfield said on Tuesday, was full again.",
         ["The shelter", "was full again"], "Whitfield"),
        ("Prices, officials said, would rise further next year.",
         ["Prices", "would rise further next year"], "officials"),
        ("The storm, the forecasters warned, could bring floods to the valley.",
         ["The storm", "could bring floods to the valley"], "the forecasters"),
    ],
)
def test_an_attribution_inside_the_content_splits_it(
    text: str, parts: list[str], speaker: str
) -> None:
    quote = one(text)
    assert quote.kind == "indirect" and quote.how == "interrupted"
    assert pieces(quote) == parts
    assert quote.content == " ".join(parts)
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert quote.cue is not None
    assert quote.parts[0].end <= quote.cue.start < quote.cue.end <= quote.parts[1].start


def test_an_attribution_followed_by_another_cue_is_not_an_interruption() -> None:
    text = "The bridge is safe, the mayor said, adding that repairs would start soon."
    first, second = find(text).quotes
    assert (first.how, first.text) == ("reported-after", "The bridge is safe")
    assert (second.how, second.text.rstrip(".")) == ("continued", "that repairs would start soon")
    assert second.speaker is not None and second.speaker.text == "the mayor"


# -- X, who said ... ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The council thanked the mayor, who said the budget was balanced.",
         "the budget was balanced"),
        ("Voters cheered Whitfield, who says the shelter needs more beds.",
         "the shelter needs more beds"),
    ],
)
def test_a_relative_pronoun_speaks_for_the_person_before_it(text: str, content: str) -> None:
    quote = one(text)
    assert quote.text.rstrip(".") == content
    assert quote.speaker is not None and quote.speaker.text == "who"


# -- clause cues: the plan appears to ... -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "parts", "cue"),
    [
        ("The ferry appears to have left early.", ["The ferry", "to have left early"],
         "appears"),
        ("The final vote is expected to be close.", ["The final vote", "to be close"],
         "is expected"),
        ("Turnout fell, but the new rules appeared to help the smaller towns.",
         ["the new rules", "to help the smaller towns"], "appeared"),
    ],
)
def test_a_clause_cue_reports_its_clause_without_a_speaker(
    text: str, parts: list[str], cue: str
) -> None:
    quote = one(text)
    assert quote.how == "clause" and quote.kind == "indirect"
    assert pieces(quote) == parts
    assert quote.cue is not None and quote.cue.text == cue
    assert quote.speaker is None


@pytest.mark.parametrize(
    "text",
    [
        "She appeared before the council on Monday.",
        "Appearing tired, the mayor left early.",
        "The ferry is expected at noon.",
    ],
)
def test_no_clause_without_its_infinitive_or_subject(text: str) -> None:
    assert [q for q in find(text).quotes if q.how == "clause"] == []


# -- "that" cues: the survey shows that ... ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The survey shows that most residents back the plan.",
         "that most residents back the plan", "The survey"),
        ("Officials believe that the fire was set on purpose.",
         "that the fire was set on purpose", "Officials"),
        ("Engineers found that the beams had rusted through.",
         "that the beams had rusted through", "Engineers"),
        ("Dana Whitfield fears that the shelter will close.",
         "that the shelter will close", "Dana Whitfield"),
    ],
)
def test_a_that_cue_reports_its_that_clause(text: str, content: str, speaker: str) -> None:
    quote = one(text)
    assert quote.text.rstrip(".") == content
    assert quote.speaker is not None and quote.speaker.text == speaker


def test_a_noun_cue_before_that_is_spoken_by_its_possessive() -> None:
    quotes = find("The mayor repeated his warning that the dam could fail.").quotes
    noun = [q for q in quotes if q.cue is not None and q.cue.text == "warning"]
    assert len(noun) == 1
    assert noun[0].text.rstrip(".") == "that the dam could fail"
    assert noun[0].speaker is not None and noun[0].speaker.text == "his"


@pytest.mark.parametrize(
    "text",
    [
        "She believes in the plan.",
        "The show that aired on Friday was a hit.",
        "Divers found the wreck on Sunday.",
        "The crew knows the harbour well.",
    ],
)
def test_a_that_cue_without_that_is_no_cue(text: str) -> None:
    assert find(text).quotes == ()


# -- quotation-only cues -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The crews continue to clear the road.",
        "The county maintains the roads in winter.",
        "The agency responded to the flood within hours.",
    ],
)
def test_a_quotation_cue_reports_nothing_without_quotation_marks(text: str) -> None:
    assert find(text).quotes == ()


def test_a_quotation_cue_still_attributes_a_quotation() -> None:
    quote = one("“We will finish the road by Friday,” she wrote.")
    assert quote.kind == "direct"
    assert quote.cue is not None and quote.cue.text == "wrote"


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Ana Ruiz wrote Monday that the ferry was “a floating disgrace.”",
         "that the ferry was “a floating disgrace.”", "wrote"),
        ("Ana Ruiz wrote in her 2019 memoir that the harbour had been “quietly sold.”",
         "that the harbour had been “quietly sold.”", "wrote"),
        ("Ana Ruiz tweeted on Sunday that the council should resign.",
         "that the council should resign", "tweeted"),
    ],
)
def test_a_quotation_cue_reports_its_that_clause_past_a_short_adjunct(
    text: str, content: str, cue: str
) -> None:
    quote = one(text)
    assert quote.text == content
    assert quote.cue is not None and quote.cue.text == cue
    assert quote.speaker is not None and quote.speaker.text == "Ana Ruiz"


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz wrote on Monday about the ferry and its long delays.",
        "Ana Ruiz wrote in her memoir for three long years, and the book sold well.",
    ],
)
def test_a_quotation_cue_and_an_adjunct_without_that_report_nothing(text: str) -> None:
    assert find(text).quotes == ()


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["wrote", "tweeted", "said"]),
    st.sampled_from(["Monday", "on Monday", "in her memoir", "in a 2019 letter", "last week"]),
    st.sampled_from(["the ferry was “unsafe.”", "the pier is closed.", "she “will not resign.”"]),
)
def test_the_content_after_a_short_adjunct_starts_with_its_that(
    cue: str, adjunct: str, clause: str
) -> None:
    quote = one(f"Ana Ruiz {cue} {adjunct} that {clause}")
    assert quote.text.startswith("that ") and adjunct not in quote.text
    assert quote.cue is not None and quote.cue.text == cue


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('Ruiz said on WHBR\'s "Harbour Today" that she would "look into" the bill.',
         'that she would "look into" the bill'),
        ("Ruiz said on KBAY's “Morning Tide” on Sunday that the plan was unfair.",
         "that the plan was unfair"),
    ],
)
def test_a_title_in_the_adjunct_before_that_does_not_stop_the_content(
    text: str, content: str
) -> None:
    quote = one(text)
    assert quote.text == content
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker is not None and quote.speaker.text == "Ruiz"


# -- headline colons ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headline", "speaker", "content"),
    [
        ("Whitfield: The shelter is full", "Whitfield", "The shelter is full"),
        ("Dana Whitfield: We need more beds now", "Dana Whitfield", "We need more beds now"),
        ("Poll: Most voters back the new bridge", "Poll", "Most voters back the new bridge"),
    ],
)
def test_a_headline_names_its_speaker_before_a_colon(
    headline: str, speaker: str, content: str
) -> None:
    quotes = find("The storm hit the coast on Monday.", headline=headline).quotes
    assert len(quotes) == 1
    assert quotes[0].how == "colon" and quotes[0].text == content
    assert quotes[0].speaker is not None and quotes[0].speaker.text == speaker
    assert quotes[0].cue is not None and quotes[0].cue.text == ":"


@pytest.mark.parametrize(
    "headline",
    ["Related: Storm season starts early", "Breaking: Bridge closes after crash",
     "The Latest: Storm hits the coast", "Storm season: What to know"],
)
def test_a_headline_label_is_no_speaker(headline: str) -> None:
    assert find("The storm hit the coast on Monday.", headline=headline).quotes == ()


def test_a_colon_in_the_body_is_no_headline() -> None:
    text = "The storm hit on Monday.\n\nWhitfield: the shelter is full and more beds are coming."
    assert [q for q in find(text).quotes if q.how == "colon"] == []


# -- infinitive contents and objects that came before the cue ----------------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The coach declined to comment on the trade, which surprised the fans.",
         "to comment on the trade"),
        ("The mayor asked residents to stay indoors, as the storm was getting worse.",
         "residents to stay indoors"),
        ("The council urged drivers not to use the bridge — it is closed for repairs.",
         "drivers not to use the bridge"),
        ("The union hopes to reach a deal by Friday.", "to reach a deal by Friday"),
        ("The mayor urged them to stay indoors, since the roads were flooded.",
         "them to stay indoors"),
        ("Whitfield asked the council to fund more beds.", "the council to fund more beds"),
    ],
)
def test_an_infinitive_content_ends_at_its_first_comma_or_dash(text: str, content: str) -> None:
    assert one(text).text.rstrip(".") == content


def test_an_addressee_before_that_is_not_content() -> None:
    assert one("The mayor told them that the roads were flooded.").text.rstrip(".") == (
        "that the roads were flooded"
    )


def test_a_clause_content_runs_past_its_commas() -> None:
    text = "The mayor said the bridge, which opened in 1990, would close."
    assert one(text).text.rstrip(".") == "the bridge, which opened in 1990, would close"


@pytest.mark.parametrize(
    "text",
    [
        "This is the route the council proposed over the summer.",
        "These are the cuts the mayor announced on Monday.",
        "It was the fee the board had criticized by then.",
    ],
)
def test_no_content_made_of_what_follows_a_moved_object(text: str) -> None:
    assert find(text).quotes == ()


# -- the cue rows counted on PolNeAR -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("The mayor reiterated that the bridge is safe.", "that the bridge is safe",
         "reiterated"),
        ("The senator lamented that the bill had failed.", "that the bill had failed",
         "lamented"),
        ("Critics cited the rising cost of the project.", "the rising cost of the project",
         "cited"),
        ("The governor criticized the plan to close the hospital.",
         "the plan to close the hospital", "criticized"),
        ("The harbour master made clear that the port would stay shut.",
         "that the port would stay shut", "made clear"),
        ("The council called on the state to pay for the repairs.",
         "the state to pay for the repairs", "called on"),
    ],
)
def test_cues_counted_on_polnear(text: str, content: str, cue: str) -> None:
    quote = one(text)
    assert quote.kind == "indirect"
    assert quote.text.rstrip(".") == content
    assert quote.cue is not None and quote.cue.text == cue


def test_every_cue_row_says_where_it_comes_from() -> None:
    text = resources.files("newslens_quotes").joinpath("data", "cues.tsv").read_text("utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    sources = {cue.source for cue in builtin_cues()}
    assert "" not in sources
    for source in sources:
        for name in source.replace("frame:", "").replace(";", " ").split():
            assert name in header, name
    assert {"reporting-verbs", "polnear-train"} <= sources


# -- properties --------------------------------------------------------------------------------

WORDS = (
    "The", "mayor", "said", "says", "appears", "to", "is", "expected", "that", "who", "shows",
    "warning", "his", "Whitfield", "officials", "bridge", "will", "open", "not", "asked",
    "residents", "continue", ",", ".", ":", "—", "on", "Monday", "Poll", "\n\n",
)


@st.composite
def reported_texts(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=40)))


@settings(max_examples=60, deadline=None)
@given(reported_texts(), st.sampled_from([None, "Poll: The bridge will open", "Whitfield:"]))
def test_parts_are_in_order_inside_the_quote_and_leave_the_cue_out(
    text: str, headline: str | None
) -> None:
    doc = newslens.annotate(text, headline=headline, backend="lite")
    for quote in find_quotes(doc).quotes:
        assert quote.text == doc.text[quote.start : quote.end]
        assert quote.parts == () or quote.parts[0].start == quote.start
        assert quote.parts == () or quote.parts[-1].end == quote.end
        for before, after in zip(quote.parts, quote.parts[1:], strict=False):
            assert before.end <= after.start
            if quote.cue is not None and quote.how in ("clause", "interrupted"):
                assert before.end <= quote.cue.start and quote.cue.end <= after.start
        for part in quote.parts:
            assert part.text == doc.text[part.start : part.end] and part.text.strip()


# -- polls as sources --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        ("In the new harbour poll, most residents backed the bridge.",
         "most residents backed the bridge", "the new harbour poll"),
        ("In a survey of 900 voters, the mayor led by ten points.",
         "the mayor led by ten points", "a survey of 900 voters"),
        ("The mayor still leads in the latest polls.", "The mayor still leads",
         "the latest polls"),
    ],
)
def test_a_poll_is_the_source_of_a_sentence_without_a_cue(
    text: str, content: str, source: str
) -> None:
    quote = one(text)
    assert quote.how == "poll" and quote.text == content
    assert quote.speaker is not None and quote.speaker.text == source
    assert quote.cue is not None and quote.cue.text.lower() == "in"


@pytest.mark.parametrize(
    "text",
    [
        "In the new poll, the mayor said, most residents backed the bridge.",
        "In May, most residents backed the bridge.",
        "The mayor has struggled all year to gain ground with the voters of the coastal "
        "towns in the polls.",
    ],
)
def test_no_poll_source_when_the_sentence_has_a_cue_or_no_poll(text: str) -> None:
    assert [q for q in find(text).quotes if q.how == "poll"] == []


# -- cues of reported speech only --------------------------------------------------------------


def test_a_cue_of_reported_speech_only_attributes_no_quotation() -> None:
    text = 'The board agreed on Monday to the "harbour first" plan for the old docks.'
    assert [q for q in find(text).quotes if q.kind == "direct"] == []
    quote = one('"We will rebuild the pier this year," the mayor reiterated.')
    assert quote.kind == "direct"
    assert quote.cue is not None and quote.cue.text == "reiterated"


@pytest.mark.parametrize(("quotations", "cue"), [(True, "hoped"), (False, None)])
def test_the_quotations_flag_decides_whether_a_cue_attributes_a_quotation(
    quotations: bool, cue: str | None
) -> None:
    from newslens_quotes import Cue

    doc = newslens.annotate('Dana Whitfield hoped, "We will rebuild the pier this year."',
                            backend="lite")
    cues = [c for c in builtin_cues() if c.words != ("hope",)]
    (quote,) = find_quotes(doc, cues=(*cues, Cue(("hope",), quotations=quotations))).quotes
    assert quote.kind == "direct"
    assert (quote.cue.text if quote.cue is not None else None) == cue


def test_a_cue_inside_another_attribution_reports_nothing_more() -> None:
    quotes = find('"We will rebuild the pier this year," the mayor hoped aloud on Monday.').quotes
    assert [q.kind for q in quotes] == ["direct"]


def test_the_quotations_column_of_the_cue_rows() -> None:
    cues = {cue.words: cue for cue in builtin_cues()}
    assert cues[("say",)].quotations and cues[("reiterate",)].quotations
    assert not cues[("discuss",)].quotations and not cues[("hope",)].quotations
    assert not any(c.quotations for c in cues.values() if c.frame in ("that", "clause"))


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz said in 2019.",
        "Officials said at the time.",
        "The mayor told reporters in Paris.",
        "Whitfield said during the hearing.",
        "Ruiz said in New York.",
    ],
)
def test_a_setting_after_the_cue_is_no_content(text: str) -> None:
    assert find(text).quotes == ()


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("He said in 2019 that taxes would rise.", "that taxes would rise"),
        ("She said in a statement the talks had failed.", "the talks had failed"),
    ],
)
def test_a_setting_before_a_content_keeps_the_content(text: str, content: str) -> None:
    assert [q.text for q in find(text).quotes] == [content]


@pytest.mark.parametrize(("text", "parts", "speaker"), [
    ("Over the years, she said, the ferry has helped her stay in touch with the island.",
     ["Over the years", "the ferry has helped her stay in touch with the island"], "she"),
    ("On top of that, opponents say, the levy will raise prices for the crews.",
     ["On top of that", "the levy will raise prices for the crews"], "opponents"),
    ("By closing the pier, the mayor said, the city saves money.",
     ["By closing the pier", "the city saves money"], "the mayor"),
    ("After all, she said, the ferry has stopped.",
     ["After all", "the ferry has stopped"], "she"),
    # a cue of quotations (write) interrupts a statement too
    ("The trouble, Lind writes, began in the 1970s with a clash over the pier.",
     ["The trouble", "began in the 1970s with a clash over the pier"], "Lind"),
    # a first part that only tells when or where is no part of what was said
    ("On Monday, she said, the ferry will stop.", ["the ferry will stop"], "she"),
    ("In Marlow on Tuesday, the mayor said, the pier was closed.", ["the pier was closed"],
     "the mayor"),
])
def test_an_attribution_after_an_opening_phrase_interrupts_the_content(
    text: str, parts: list[str], speaker: str
) -> None:
    quote = one(text)
    assert pieces(quote) == parts
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    ("One in three said the council does not care about the harbour.", "One in three"),
    ("About one in five say they would not vote for the levy.", "About one in five"),
    ("Nearly 3 in 5 said they are less likely to vote for the levy.", "Nearly 3 in 5"),
])
def test_a_share_of_people_speaks(text: str, speaker: str) -> None:
    quote = one(text)
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize(("text", "content"), [
    ("PolitiFact rated the mayor's claim “False.”", "the mayor's claim “False.”"),
    ("PolitiFact rated 30% of the council's claims as “false” or “pants on fire.”",
     "30% of the council's claims as “false” or “pants on fire.”"),
    # like the other cues that characterise (called, described), up to the clause's end
    ("PolitiFact rated both claims as “false” after a review.",
     "both claims as “false” after a review"),
])
def test_a_fact_checker_s_verdict_in_quotation_marks_is_attributed(text: str, content: str) -> None:
    quote = one(text)
    assert quote.text == content and quote.kind == "mixed"
    assert quote.speaker is not None and quote.speaker.text == "PolitiFact"


@pytest.mark.parametrize("text", [
    "Voters rated the economy as poor.",          # no verdict in quotation marks
    "The council will raise rates next year.",    # a noun
    "The ferry is rated for 200 passengers.",
])
def test_rated_without_a_quoted_verdict_reports_nothing(text: str) -> None:
    assert find(text).quotes == ()


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Ruiz has called climate change a hoax invented by the council.",
     "climate change a hoax invented by the council", "Ruiz"),
    ("The Ruiz campaign called the charges unsubstantiated and fabricated.",
     "the charges unsubstantiated and fabricated", "The Ruiz campaign"),
    ("The mayor called the report false.", "the report false", "The mayor"),
])
def test_calling_a_thing_something_without_quotation_marks_is_a_statement(
    text: str, content: str, speaker: str
) -> None:
    quote = one(text)
    assert (quote.text, quote.how) == (content, "named")
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize("text", [
    "The council called the meeting to order.",
    "Ruiz called the office twice.",
    "Ruiz called a meeting for Monday.",
])
def test_calling_a_meeting_or_a_number_is_no_statement(text: str) -> None:
    assert find(text).quotes == ()


@pytest.mark.parametrize(("text", "content"), [
    ("Asked on Monday whether the pier would reopen, Ruiz shook her head.",
     "whether the pier would reopen"),
    ("When asked by a reporter whether the levy was fair, Ruiz said yes.",
     "whether the levy was fair"),
    ("Asked at a briefing in Marlow about the pier, Ruiz said nothing.", "the pier"),
])
def test_a_question_put_after_when_where_or_by_whom_is_reported(text: str, content: str) -> None:
    asked = [q for q in find(text).quotes if q.how == "asked"]
    assert [q.text for q in asked] == [content]
    assert asked[0].speaker is None  # the asker is not named


def test_asked_with_a_setting_and_no_question_reports_nothing() -> None:
    assert find("He was asked on Monday in the hall.").quotes == ()


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Ruiz claims she is worth ten million dollars.", "she is worth ten million dollars", "Ruiz"),
    ("Unions claim it will result in job losses.", "it will result in job losses", "Unions"),
    ("Ruiz reports the pier is closed.", "the pier is closed", "Ruiz"),
])
def test_a_cue_as_often_a_noun_is_a_verb_between_a_name_and_a_clause(
    text: str, content: str, speaker: str
) -> None:
    quote = one(text)
    assert quote.text == content
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize("text", ["His claims were false.", "The council's reports are late."])
def test_a_cue_word_used_as_a_noun_reports_nothing(text: str) -> None:
    assert find(text).quotes == ()


@pytest.mark.parametrize(("text", "content"), [
    ("Ruiz did not want to remain in the hospital.", "to remain in the hospital"),
    ("Ruiz didn't say whether the pier would reopen.", "whether the pier would reopen"),
    # a verb of thought reports the clause after it, not a statement interrupted by it
    ("When the diagnosis was confirmed, Ruiz did not want to remain in the hospital, but "
     "was treated at home.", "to remain in the hospital"),
])
def test_a_negated_cue_reports_its_content(text: str, content: str) -> None:
    quote = one(text)
    assert quote.text == content
    assert quote.speaker is not None and quote.speaker.text == "Ruiz"
