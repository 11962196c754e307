"""Frames PolNeAR marks only part of the time, each with its own measured confidence: a
stance on a thing (how ``stance-object``: ``the union supports the levy``) and the owned
nouns ``decision to`` and ``refusal to``."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from newslens_quotes import Quote, find_quotes
from newslens_quotes.confidence import confidence, table
from stanza.utils.conll import CoNLL

import newslens
from newslens import Document
from newslens.annotators.stanza import from_stanza

FIXTURES = Path(__file__).parent / "fixtures"


def quotes(text: str) -> tuple[Quote, ...]:
    return find_quotes(newslens.annotate(text)).quotes


def the_one(text: str, how: str) -> Quote:
    found = [q for q in quotes(text) if q.how == how]
    assert len(found) == 1, [(q.how, q.text) for q in quotes(text)]
    return found[0]


@pytest.mark.parametrize(("text", "content", "holder"), [
    ("The teachers union supports the new school levy.", "the new school levy",
     "The teachers union"),
    ("Senator Ana Ruiz endorsed raising the fuel tax by two cents.",
     "raising the fuel tax by two cents", "Senator Ana Ruiz"),
    ("She supported the harbour plan.", "the harbour plan", "She"),
    ("In 2019, Becker supported a ban on night flights.", "a ban on night flights", "Becker"),
    ("Two-thirds of voters support building a second bridge.", "building a second bridge",
     "Two-thirds of voters"),
])
def test_a_stance_on_a_thing(text: str, content: str, holder: str) -> None:
    quote = the_one(text, "stance-object")
    assert quote.text == content
    assert quote.kind == "indirect"
    assert quote.speaker is not None and quote.speaker.text == holder
    assert quote.cue is not None and quote.cue.text.lower().startswith(("support", "endorse"))


@pytest.mark.parametrize("text", [
    "Council members who support the levy met on Tuesday.",  # a description of someone
    "Ruiz won 45 percent support among rural voters.",  # a share of the vote
    "It is unclear whether he would support the ban.",  # no stand yet
    "His support for the levy grew.",  # the noun
    "The mayor supports it.",  # no object a content can be
    "The mayor endorsed Dana Whitfield for the seat.",  # a name: the stance rule's
    "A super PAC supporting Ruiz spent heavily.",  # a description
    "The pier supports the weight of the crane.",  # a thing holds no stance
])
def test_no_stance_on_a_thing(text: str) -> None:
    assert all(q.how != "stance-object" for q in quotes(text))


def test_a_name_after_the_cue_stays_a_stance() -> None:
    quote = the_one("The mayor endorsed Dana Whitfield for the seat.", "stance")
    assert quote.text == "Dana Whitfield"


@pytest.mark.parametrize(("text", "start"), [
    ("Residents were angered by Whitfield's decision to close the pier for a month.",
     "to close the pier"),
    ("Becker's refusal to testify before the council drew criticism.", "to testify"),
    ("Critics seized on his decision to cut the ferry budget.", "to cut the ferry budget"),
])
def test_decision_and_refusal_with_their_owner(text: str, start: str) -> None:
    quote = the_one(text, "owned-noun")
    assert quote.text.startswith(start)
    assert quote.speaker is not None and quote.speaker.text in ("Whitfield", "Becker", "his")
    noun = quote.cue.text if quote.cue is not None else ""
    # the noun's own row when it was measured apart on train, else the rule's row
    expected = confidence("owned-noun", True, "indirect", -1.0, noun)
    assert expected > 0 and quote.confidence == expected


@pytest.mark.parametrize("text", [
    "The decision to close the pier was made in May.",  # nobody owns it
    "Her decision was final.",  # no infinitive
    "A refusal to pay would end the contract.",
])
def test_no_owned_decision(text: str) -> None:
    assert all(q.how != "owned-noun" for q in quotes(text))


def test_the_new_frames_carry_their_measured_confidence() -> None:
    support = the_one("The teachers union supports the new school levy.", "stance-object")
    assert support.confidence == table()[("stance-object", True, "indirect", "support")]
    endorse = the_one("Senator Ana Ruiz endorsed raising the fuel tax by two cents.",
                      "stance-object")
    # endorse's own row where train gave it enough predictions, else the rule's
    rows = table()
    own = ("stance-object", True, "indirect", "endorse")
    assert endorse.confidence == rows.get(own, rows.get(("stance-object", True, "indirect", "*")))
    assert support.confidence < table()[("reported", True, "indirect", "*")]


NAMES = st.sampled_from(["Ruiz", "Becker", "Dana Whitfield", "The union", "Most voters", "She"])
OBJECTS = st.sampled_from([
    "the new levy", "a ban on night flights", "raising the fuel tax",
    "the plan to widen the road", "stricter limits on fishing",
])


@given(NAMES, st.sampled_from(["supports", "supported", "endorses", "endorsed"]), OBJECTS)
def test_any_holder_and_object(holder: str, verb: str, thing: str) -> None:
    verb = "support" if holder in ("Most voters", "She") and verb == "supports" else verb
    text = f"{holder} {verb} {thing}."
    quote = the_one(text, "stance-object")
    assert quote.text == thing
    assert quote.speaker is not None and quote.speaker.text == holder
    assert 0 < quote.confidence < 1


def stanza_document(name: str, text: str) -> Document:
    sdoc = CoNLL.conll2doc(input_str=(FIXTURES / name).read_text("utf-8"))
    sdoc.text = text
    return from_stanza(Document.create(text), [(0, sdoc)])


def test_stance_on_a_thing_with_stanza_tags() -> None:
    text = "The union supports the new levy. Its support among voters grew."
    doc = stanza_document("stance.conllu", text)
    assert doc.backend == "stanza"
    found = find_quotes(doc).quotes
    assert [(q.how, q.text) for q in found] == [("stance-object", "the new levy")]
    assert found[0].speaker is not None and found[0].speaker.text == "The union"


@pytest.mark.parametrize(("text", "content", "holder", "cue"), [
    ("The council seeks to raise the school levy.", "to raise the school levy", "The council",
     "seek"),
    ("Ortega sought to delay the vote until May.", "to delay the vote until May", "Ortega",
     "seek"),
    ("The board decided to close the pier for a month.", "to close the pier for a month",
     "The board", "decide"),
    ("Residents would like to see a second bridge.", "to see a second bridge", "Residents",
     "would like"),
])
def test_verbs_of_intention_with_a_clause(text: str, content: str, holder: str, cue: str) -> None:
    quote = the_one(text, "reported")
    assert quote.text == content
    assert quote.speaker is not None and quote.speaker.text == holder
    assert quote.confidence == table()[("reported", True, "indirect", cue)]
    # measured apart because they are right less often than the rule (would like: as often)
    assert quote.confidence <= table()[("reported", True, "indirect", "*")]


@pytest.mark.parametrize("text", [
    "Seeking shelter, residents fled the storm.",  # nobody named before the cue
    "They sought shelter in the school.",  # a thing, no clause
    "The court will decide the case in June.",  # a thing, no clause
    "Becker would like a recount.",  # a thing, no clause
    "A vote to decide the matter failed.",  # nobody decides here
])
def test_verbs_of_intention_without_a_clause(text: str) -> None:
    assert quotes(text) == ()


@pytest.mark.parametrize(("text", "content", "holder"), [
    ("Most believe that both the harbour and their wages have recovered.",
     "that both the harbour and their wages have recovered", "Most"),
    ("But few believe the ferry can ever be more than a summer service.",
     "the ferry can ever be more than a summer service", "few"),
    ("Many think the levy will fail in May.", "the levy will fail in May", "Many"),
    ("The vote is close; some expect the count will take a week.",
     "the count will take a week", "some"),
])
def test_a_quantifier_alone_holds_a_thought(text: str, content: str, holder: str) -> None:
    (quote,) = [q for q in quotes(text) if q.speaker is not None and q.speaker.text == holder]
    assert quote.text == content


@pytest.mark.parametrize("text", [
    "Some plans are late.",  # a noun form
    "Most hope to see the pier rebuilt.",  # "hope" is as often a noun
    "Of the six, most think.",  # no content
    "The most believe in the plan.",  # not alone
])
def test_no_thought_of_a_quantifier(text: str) -> None:
    assert all(q.how not in ("opinion", "reported") for q in quotes(text))


@pytest.mark.parametrize(("text", "content"), [
    ("I think it is good.", "it is good"),
    ("She thinks it's a mistake.", "it's a mistake"),
    ("They think it will pass in May.", "it will pass in May"),
])
def test_a_clause_of_it_after_a_verb_of_thought(text: str, content: str) -> None:
    (quote,) = quotes(text)
    assert quote.text == content
    assert quote.confidence == table()[("reported", True, "indirect", "think")]


@pytest.mark.parametrize("text", [
    "He wants it to end.",  # an object and its infinitive
    "She thought it over.",  # a particle
    "They expect it.",  # a bare object
])
def test_no_clause_of_a_bare_it(text: str) -> None:
    assert quotes(text) == ()


@given(st.sampled_from(["Most", "Many", "Few", "Some", "Both"]),
       st.sampled_from(["think", "believe", "expect"]),
       st.sampled_from(["the levy will fail", "the mayor is right", "the pier will reopen soon"]))
def test_any_quantifier_and_clause(holder: str, verb: str, clause: str) -> None:
    found = quotes(f"{holder} {verb} {clause}.")
    assert [q.text for q in found] == [clause]
    assert found[0].speaker is not None and found[0].speaker.text == holder


@pytest.mark.parametrize(("text", "content"), [
    ("The harbour board is expected to sign the deal, potentially ending the dispute.",
     "The harbour board to sign the deal"),
    ("The council appears to favour the plan, though the vote is weeks away.",
     "The council to favour the plan"),
    ("The bridge appears to have failed because the steel was old.",
     "The bridge to have failed because the steel was old"),
])
def test_a_clause_cue_with_an_infinitive_ends_at_its_comma(text: str, content: str) -> None:
    (quote,) = [q for q in quotes(text) if q.how == "clause"]
    assert quote.content == content
    assert quote.speaker is None
    assert quote.cue is not None and quote.cue.text in ("is expected", "appears")


@pytest.mark.parametrize(("text", "content", "source"), [
    ("Footage of the scuffle shows him with a flag in his hand.",
     "him with a flag in his hand", "Footage of the scuffle"),
    ("A review by the county shows most of the hours were for campaign travel.",
     "most of the hours were for campaign travel", "the county"),
    ("The footage showed that the gate was open.", "that the gate was open", "The footage"),
])
def test_evidence_shows(text: str, content: str, source: str) -> None:
    (quote,) = quotes(text)
    assert quote.text == content
    assert quote.speaker is not None and quote.speaker.text == source


@pytest.mark.parametrize("text", [
    "The video shows.",  # nothing shown
    "She shows the video to visitors.",  # a person showing a thing
    "The review took a week.",  # no cue
])
def test_no_evidence_shown(text: str) -> None:
    assert quotes(text) == ()


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Ortega attacked the levy as a tax on the poor.", "the levy as a tax on the poor", "Ortega"),
    ("Ruiz is attacking the mayor over the budget.", "the mayor over the budget", "Ruiz"),
    ("Critics derided the plan as a giveaway.", "the plan as a giveaway", "Critics"),
])
def test_attacks_in_words(text: str, content: str, speaker: str) -> None:
    (quote,) = quotes(text)
    assert quote.text == content
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert quote.confidence < table()[("reported", True, "indirect", "*")] or (
        quote.cue is not None and quote.cue.text.startswith("derid")
    )


@pytest.mark.parametrize("text", [
    "The attack on the pier left two hurt.",  # the noun
    "His attacks on the council grew.",  # the noun, plural
    "Rebels attack the town every night.",  # a bare form: as often a noun
])
def test_no_attack_in_words(text: str) -> None:
    assert quotes(text) == ()


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The mayor encouraged residents to conserve water this summer.",
     "residents to conserve water this summer", "The mayor"),
    ("Ruiz encourages voters to read the bill.", "voters to read the bill", "Ruiz"),
])
def test_encouraged_to(text: str, content: str, speaker: str) -> None:
    (quote,) = quotes(text)
    assert quote.text == content
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert quote.cue is not None and quote.cue.text.startswith("encourag")


@pytest.mark.parametrize("text", [
    "Encouraging results came in on Monday.",  # an adjective, nobody speaking
    "The rain encouraged the growth of weeds.",  # a thing does not speak
])
def test_no_encouragement_in_words(text: str) -> None:
    assert quotes(text) == ()
