"""How actors are read in whole articles (issue 17), on sentences written for the tests:
- titles with an "of" phrase before a name ("Secretary of State Mike Pompeo"): spaCy's base noun
  phrases keep the inner "State" and lose the person; the whole phrase is one actor
  (syntax.noun_chunks);
- an office of a body we do not know takes no country from places;
- "he" after a person we cannot code is that person, so it stays unresolved;
- the owner of a defended deed keeps the sentence's country (countryless.reliable_in).
"""
from __future__ import annotations

import pytest

from newsevents.model import Document
from newsevents.pipeline import Pipeline
from newsevents.syntax import noun_chunks


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def events_of(pipeline: Pipeline, text: str) -> set[tuple[str, str, str | None]]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="t", text=text, date="2024-06-21")]))
    return {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


@pytest.mark.parametrize("text,phrase", [
    ("US Secretary of State Jane Doe criticised Iran on Monday.", "US Secretary of State Jane Doe"),
    ("The Arab League condemned the move announced by US Secretary of State John Roe.",
     "US Secretary of State John Roe"),
])
def test_title_with_of_phrase_is_one_chunk(pipeline: Pipeline, text: str, phrase: str) -> None:
    doc = pipeline.nlp(text)
    assert phrase in [chunk.text for chunk in noun_chunks(doc)]


def test_chunks_that_are_not_modifiers_stay_apart(pipeline: Pipeline) -> None:
    # two objects side by side are two phrases; only a head's own left modifiers merge
    doc = pipeline.nlp("The court handed the men long sentences.")
    assert [chunk.text for chunk in noun_chunks(doc)] == ["The court", "the men", "long sentences"]


@pytest.mark.parametrize("text,expected", [
    ("US Secretary of State Jane Doe criticised Iran on Monday.", ("USAGOV", "111", "IRN")),
    ("The Arab League condemned the unilateral move announced on Monday by US Secretary of State John Roe.",
     ("IGOMEAARL", "111", "USAGOV")),
])
def test_titled_name_acts_and_is_acted_on(pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in events_of(pipeline, text)


def mentions_of(pipeline: Pipeline, text: str) -> dict[str, str | None]:
    ((_document, _doc, mentions),) = list(pipeline.actors([Document(id="m", text=text, date="2024-06-21")]))
    return {m.text: m.code for m in mentions}


def test_officer_of_an_unknown_body_is_not_the_state(pipeline: Pipeline) -> None:
    # the agency is in Seattle; its president is not the American government
    found = mentions_of(pipeline, "Tom Wilder, president of Pike & Crane, a Seattle design agency, said the ads worked.")
    assert found.get("president") is None


def test_officer_of_a_known_body_keeps_it(pipeline: Pipeline) -> None:
    found = mentions_of(pipeline, "The president of Kenya said the ads worked.")
    assert found.get("The president") == "KENGOV"


def test_pronoun_after_an_uncoded_person_stays_unresolved(pipeline: Pipeline) -> None:
    # "he" is Tom Wilder, whom we cannot code, not the minister named before him
    text = ("Kenyan Foreign Minister Ali Hassan spoke on Monday. "
            "Tom Wilder, a Seattle designer, said he rejected the plan.")
    ((_document, _doc, mentions),) = list(pipeline.actors([Document(id="p", text=text, date="2024-06-21")]))
    assert not [m for m in mentions if m.text == "he" and m.code]


def test_pronoun_after_a_coded_person_is_resolved(pipeline: Pipeline) -> None:
    text = "Kenyan Foreign Minister Ali Hassan spoke on Monday. He rejected the plan."
    ((_document, _doc, mentions),) = list(pipeline.actors([Document(id="q", text=text, date="2024-06-21")]))
    assert [m.code for m in mentions if m.text == "He"] == ["KENGOV"]


def test_pronoun_in_the_next_sentence_after_an_uncoded_person_stays_unresolved(pipeline: Pipeline) -> None:
    text = ("Kenyan Foreign Minister Ali Hassan spoke on Monday. "
            "Tom Wilder, a Seattle designer, said the ads worked. He rejected the plan.")
    ((_document, _doc, mentions),) = list(pipeline.actors([Document(id="r", text=text, date="2024-06-21")]))
    assert not [m for m in mentions if m.text == "He" and m.code]


def test_a_defence_of_a_partys_actions_is_aimed_at_the_party(pipeline: Pipeline) -> None:
    # the party's country is the sentence's one country, guessed; as the defended deed's owner
    # (not a listener or a guest) it is kept
    found = events_of(pipeline, "British Home Secretary Ann Lee defended the party's actions on Monday.")
    assert ("GBRGOV", "052", "GBRPTY") in found


def test_a_listener_of_a_statement_takes_no_guessed_country(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "British Home Secretary Ann Lee told lawmakers the plan would pass.")
    assert not any(target == "GBRLEG" for _source, _code, target in found)


def test_leaders_of_a_party_are_the_partys(pipeline: Pipeline) -> None:
    # "the leaders" alone would take the sentence's place (Nairobi) as a Kenyan government;
    # their own "of" phrase names the party they lead
    found = mentions_of(pipeline, "The three leaders of the Orange Democratic Movement party led a march "
                                  "to the electoral commission in Nairobi on Friday.")
    assert found.get("The three leaders") == found.get("the Orange Democratic Movement party")
    assert (found.get("The three leaders") or "").endswith("PTY")


def test_object_them_is_the_plural_actor_named_before_it(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "Kenyan police surrounded the students and threatened to use live ammunition on them.")
    assert ("KENCOP", "1384", "KENEDU") in found  # a threat of force (use.v.force)


def test_object_them_is_never_its_clauses_subject(pipeline: Pipeline) -> None:
    found = mentions_of(pipeline, "Kenyan protesters said the police had beaten them.")
    assert found.get("them") is None


@pytest.mark.parametrize("text, apart, joined", [
    ("Two Gulf states at odds with Iran - Qatar and Oman - criticised the British decision.", ["Iran", "Qatar"], "Iran - Qatar"),
    ("Kabul, May 3, AIP - Pakistan's envoy to the United Nations rejected the plan.", ["Pakistan's envoy"], "AIP - Pakistan"),
])
def test_a_spaced_dash_parts_phrases(pipeline: Pipeline, text: str, apart: list[str], joined: str) -> None:
    found = mentions_of(pipeline, text)
    assert all(phrase in found for phrase in apart)
    assert not [phrase for phrase in found if joined in phrase]


def test_an_unspaced_hyphen_keeps_a_name_whole(pipeline: Pipeline) -> None:
    assert mentions_of(pipeline, "The Sudan-Chad border was closed by Chadian troops.")["Chadian troops"] == "TCDMIL"


@pytest.mark.parametrize("text, expected", [
    ("Peruvian President Ana Rojas slammed the impeachment hearings as a farce.", ("PERGOV", "111", "PERLEG")),
    ("South Korea's president denounced the impeachment process on Monday.", ("KORGOV", "111", "KORLEG")),
])
def test_an_impeachment_inquiry_is_the_legislature_that_holds_it(pipeline: Pipeline, text: str,
                                                                   expected: tuple[str, str, str]) -> None:
    assert expected in events_of(pipeline, text)


@pytest.mark.parametrize("text,phrase,code", [
    # "in" a place noun that keeps its place's name: the place's country, as "in Chad" gives
    ("Opposition leaders in Chad's capital accused the electoral commission of fraud.", "Opposition leaders", "TCDOPP"),
    ("Rebel fighters in the Deraa countryside attacked an army checkpoint.", "Rebel fighters", "SYRREB"),
    ("Protesters in the Kenyan capital clashed with police on Tuesday.", "Protesters", "KENOPP"),
])
def test_a_role_in_a_named_place_noun_takes_its_country(pipeline: Pipeline, text: str, phrase: str, code: str) -> None:
    found = mentions_of(pipeline, text)[phrase]
    assert found is not None and found.startswith(code)


def test_a_place_noun_without_a_name_gives_no_country(pipeline: Pipeline) -> None:
    # (its sector alone, as any role whose country the text does not give)
    assert mentions_of(pipeline, "Protesters in the capital clashed with police on Tuesday.")["Protesters"] == "OPP"
