"""Actor sectors and codes by class (issue 15, session 7), on sentences written for the tests:
role words whose sector the Phoenix dictionaries give (security forces, peacekeeping troops,
terror groups, hostage-takers, drones by their model's name), an occupation inside a body,
where a passive agent acts, a role's own "of <place>", and a known name the parser leaves in
no noun phrase."""
from __future__ import annotations

import pytest

from newsevents.model import ActorMention, Document
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def mentions_of(pipeline: Pipeline, text: str) -> dict[str, ActorMention]:
    ((_document, _doc, mentions),) = list(pipeline.actors([Document(id="s", text=text, date="2024-06-21")]))
    return {m.text: m for m in mentions}


@pytest.mark.parametrize("text,phrase,code", [
    # Phoenix reads "security force" both as police and as military: both sectors, MIL first
    ("Security forces in Niger detained dozens of protesters.", "Security forces", "NERMILCOP"),
    # "officers" with their country named are its armed officers, police or army
    ("Jordanian officers mediated between the two clans.", "Jordanian officers", "JORCOPMIL"),
    ("Egypt's officers refused the order.", "Egypt's officers", "EGYCOPMIL"),
    # peacekeeping troops are soldiers, as peacekeepers are (Phoenix: IGO alone)
    ("Ghanaian peacekeeping troops arrived in the capital.", "Ghanaian peacekeeping troops", "GHAMIL"),
    # a terror group as Phoenix's terrorist group (UAF); hostage-takers as its kidnappers (CRM)
    ("Nigerian terror groups claimed the bombing.", "Nigerian terror groups", "NGAUAF"),
    ("Philippine hostage-takers freed two tourists.", "Philippine hostage-takers", "PHLCRM"),
    # a drone by its model's name, before an act noun, is its owner's military
    ("British Reaper strikes killed four fighters in Syria.", "British Reaper strikes", "GBRMIL"),
])
def test_role_word_sectors(pipeline: Pipeline, text: str, phrase: str, code: str) -> None:
    assert mentions_of(pipeline, text)[phrase].code == code


@pytest.mark.parametrize("text", [
    "The chief financial officer of the firm resigned.",  # a company's officer: no plural role
    "Two officers were injured in Leeds.",  # officers whose country the phrase does not name
    "Officers arrested the driver after a chase.",
    "Police in Ohio arrested a sexual predator.",  # a model's name is a weapon only before an act
])
def test_no_security_sector_for_common_words(pipeline: Pipeline, text: str) -> None:
    found = mentions_of(pipeline, text).values()
    assert not any({"MIL", "COP"} & set(m.sectors) for m in found if m.text != "Police")


def test_an_occupation_is_kept_inside_a_body(pipeline: Pipeline) -> None:
    found = mentions_of(pipeline, "Police in Accra pressured workers of the Volta Cement Company to end the strike.")
    assert found["workers"].code == "GHABUSLAB"


def test_an_office_inside_a_body_is_the_bodys(pipeline: Pipeline) -> None:
    found = mentions_of(pipeline, "Police arrested three leaders of the Peoples Democratic Party in Abuja.")
    assert found["three leaders"].code == "NGAPTY"


@pytest.mark.parametrize("text,phrase,code", [
    ("Kenyan police broke up a march staged by nurses on Monday in Kisumu to protest a deal with Uganda.",
     "nurses", "KENHLH"),
    ("Ghanaian police stopped a rally organised by farmers on Friday in Tamale to oppose imports from Ivory Coast.",
     "farmers", "GHAAGR"),
])
def test_a_passive_agent_acts_where_its_verb_is(pipeline: Pipeline, text: str, phrase: str, code: str) -> None:
    assert mentions_of(pipeline, text)[phrase].code == code


@pytest.mark.parametrize("text,phrase,code", [
    ("The government of Oyo state announced a curfew.", "The government", "NGAGOV"),
    ("The police of Rivers state arrested the suspects.", "The police", "NGACOP"),
])
def test_a_roles_own_of_place_gives_its_country(pipeline: Pipeline, text: str, phrase: str, code: str) -> None:
    mention = mentions_of(pipeline, text)[phrase]
    assert (mention.code, mention.rule) == (code, "role+of-place")


def test_a_company_named_like_a_city_gives_no_country(pipeline: Pipeline) -> None:
    found = mentions_of(pipeline, "The chairman of Toyota resigned on Monday.")
    assert "The chairman" not in found or found["The chairman"].country is None


def test_a_known_name_the_parser_leaves_in_no_phrase(pipeline: Pipeline) -> None:
    # the parser takes "censuring" for the object and the resolution for its modifier
    found = mentions_of(pipeline, "Russia on Friday vetoed a Security Council resolution censuring as illegal "
                                  "its annexation of four regions.")
    assert found["Security Council"].code == "IGOUNOGOV"


@pytest.mark.parametrize("text", [
    "Police in Enugu detained 40 members of the Movement for a Sovereign State of Ogoni on Sunday.",
    "Police in Enugu detained 40 members of the Front for a Democratic Government of Ogoni on Sunday.",
])
def test_a_state_word_inside_a_longer_name_is_no_government(pipeline: Pipeline, text: str) -> None:
    assert not any("GOV" in m.sectors for m in mentions_of(pipeline, text).values())


def test_a_state_word_under_a_role_is_read_as_before(pipeline: Pipeline) -> None:
    found = mentions_of(pipeline, "The US Secretary of State met the Kenyan envoy.")
    assert found["The US Secretary"].code == "USAGOV"


def test_officers_add_nothing_to_another_role_word(pipeline: Pipeline) -> None:
    found = mentions_of(pipeline, "Two Kenyan prison officers were charged with assault.")
    assert found["Two Kenyan prison officers"].sectors == ["COP"]


@pytest.mark.parametrize("text,phrase,code", [
    # an emir or a sultan is a monarch (GOV), as Phoenix reads a king or a prince
    ("Qatar's emir launched a mediation effort on Saturday.", "Qatar's emir", "QATGOV"),
    ("Oman's sultan received the envoy.", "Oman's sultan", "OMNGOV"),
])
def test_emirs_and_sultans_are_the_government(pipeline: Pipeline, text: str, phrase: str, code: str) -> None:
    assert mentions_of(pipeline, text)[phrase].code == code


@pytest.mark.parametrize("text,phrase", [
    ("Emir Kusturica opened the film festival in Serbia.", "Emir Kusturica"),  # given names
    ("Sultan Mehmood was arrested in Lahore.", "Sultan Mehmood"),
])
def test_emir_and_sultan_as_given_names_are_no_title(pipeline: Pipeline, text: str, phrase: str) -> None:
    assert mentions_of(pipeline, text)[phrase].code is None


def test_a_noun_the_parser_attaches_by_no_named_relation_is_a_phrase(pipeline: Pipeline) -> None:
    # the parser gives "emir" the relation "dep": no noun chunk holds it
    text = "Bahrain's emir, Sheikh Isa bin Salman al-Khalifa opened talks on Sunday between the two sides."
    assert mentions_of(pipeline, text)["Bahrain's emir"].code == "BHRGOV"
