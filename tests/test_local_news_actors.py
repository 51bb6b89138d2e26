"""Actors of local and crime news (sentences written for these tests): police bodies named after
their town ("the Akron Police Department"), bare "officers" in a story that names a police body,
names told by a role placed late ("The suspect, Gary Hobbs"), and titles abbreviated before a name
("Sen.", "Gov.")."""
from __future__ import annotations

import pytest

from newsevents.actors.knowledge import phrase_tokens
from newsevents.actors.local_bodies import local_bodies
from newsevents.model import ActorMention, Document
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def mentions_of(pipeline: Pipeline, text: str) -> dict[str, ActorMention]:
    """The mentions by their text (the last of a repeated text)."""
    ((_document, _doc, mentions),) = list(pipeline.actors([Document(id="s", text=text, date="2024-06-21")]))
    return {m.text: m for m in mentions}


def code_of(pipeline: Pipeline, text: str, phrase: str) -> str | None:
    mention = mentions_of(pipeline, text).get(phrase)
    return mention.code if mention is not None else None


@pytest.mark.parametrize("text,phrase,code", [
    # a town the actor tables lack, followed by a police word
    ("A spokesman for the Orlando Police Department declined to comment.", "the Orlando Police Department", "USACOP"),
    ("Hamilton police searched the warehouse on Friday.", "Hamilton police", "CANCOP"),
    ("Two Bristol police officers were suspended.", "Two Bristol police officers", "GBRCOP"),
    # what follows the body names a unit of it, not another sector
    ("The Orlando Police Department Intelligence Unit raided a house.",
     "The Orlando Police Department Intelligence Unit", "USACOP"),
])
def test_local_body_takes_its_place_country(pipeline: Pipeline, text: str, phrase: str, code: str) -> None:
    assert code_of(pipeline, text, phrase) == code


@pytest.mark.parametrize("text,phrase", [
    # an adjective that some small town is named after is no place
    ("Federal Police arrested the mayor on Tuesday.", "Federal Police"),
    # a place named with no body word: a company or a club, not a local body
    ("Orlando Holdings hired three managers.", "Orlando Holdings"),
])
def test_no_local_body_without_place_and_body(pipeline: Pipeline, text: str, phrase: str) -> None:
    mention = mentions_of(pipeline, text).get(phrase)
    assert mention is None or mention.rule != "local-body+gazetteer-place"


def test_officers_are_the_police_body_named_before(pipeline: Pipeline) -> None:
    found = mentions_of(pipeline, "The Orlando Police Department opened an inquiry on Monday. "
                                  "Officers later detained Mark Rowe, 52, at a motel.")
    assert found["Officers"].code == "USACOP"
    assert found["Mark Rowe"].code == "USACVL"


def test_officers_in_their_own_body_phrase(pipeline: Pipeline) -> None:
    found = mentions_of(pipeline, "Officers from the Hamilton Police Service seized two rifles.")
    assert found["Officers"].code == "CANCOP"


def test_officers_without_a_body_stay_uncoded(pipeline: Pipeline) -> None:
    found = mentions_of(pipeline, "Officers detained Mark Rowe, 52, at a motel on Sunday.")
    assert "Officers" not in found


def test_officers_not_given_a_named_person_rank(pipeline: Pipeline) -> None:
    # a titled person is no body the officers serve; bodies that disagree leave them uncoded
    found = mentions_of(pipeline, "Kenyan soldiers and Ugandan police patrolled the border. "
                                  "Officers detained four smugglers.")
    assert "Officers" not in found


def test_aged_person_of_a_town_is_placed(pipeline: Pipeline) -> None:
    # ", 41, of Hope": where a private person lives, not a body they hold an office of
    found = mentions_of(pipeline, "The Orlando Police Department said on Monday that it had arrested "
                                  "Dana Cole, 41, of Hope, on two warrants.")
    assert found["Dana Cole"].code == "USACVL"


def test_body_table_reads() -> None:
    assert local_bodies()[("police", "department")] == ("COP",)
    assert local_bodies()[("sheriff", "'s", "office")] == ("COP",)


def test_suspect_is_a_criminal_only_as_head(pipeline: Pipeline) -> None:
    found = mentions_of(pipeline, "Kenyan police detained a suspect in Nairobi. Kenyan police found a suspect package.")
    assert found["a suspect"].code == "KENCRM"
    assert "a suspect package" not in found


STORY = ("A missing boy was found by police in Leeds on Monday. The suspect, Gary Hobbs, was charged last week. "
         "Detectives questioned Hobbs at his flat.")


def test_name_in_apposition_with_a_placed_role_takes_its_code(pipeline: Pipeline) -> None:
    assert code_of(pipeline, STORY, "Gary Hobbs") == "GBRCRM"
    assert code_of(pipeline, STORY, "Hobbs") == "GBRCRM"  # the later surname


def test_role_placed_only_by_its_sentence_lends_nothing(pipeline: Pipeline) -> None:
    # the sentence's one country is Chile's, the counterpart's: no ground to call the envoy Chilean
    assert code_of(pipeline, "Ann Pryor, the former envoy to Chile, testified on Tuesday. Pryor said little.", "Pryor") is None


def test_one_word_name_in_apposition_is_not_lent(pipeline: Pipeline) -> None:
    # a one-word name beside a role is as often a company's as a person's
    assert code_of(pipeline, "A missing boy was found by police in Leeds on Monday. "
                             "The suspect, Hobbs, was charged last week.", "Hobbs") is None


def test_role_without_a_country_lends_nothing(pipeline: Pipeline) -> None:
    assert code_of(pipeline, "The suspect, Gary Hobbs, was charged last week.", "Gary Hobbs") is None


@pytest.mark.parametrize("text,phrase,code", [
    ("U.S. Rep. Dana Kline visited the border on Friday.", "U.S. Rep. Dana Kline", "USALEG"),
    ("Ohio Gov. Peter Garvey signed the bill on Monday.", "Ohio Gov. Peter Garvey", "USAGOV"),
    ("US Sen. Ann Dorsey met the Mexican ambassador.", "US Sen. Ann Dorsey", "USALEG"),
    ("Sudanese Gen. Omar Idris toured the camp.", "Sudanese Gen. Omar Idris", "SDNMIL"),
])
def test_abbreviated_title_gives_the_sector(pipeline: Pipeline, text: str, phrase: str, code: str) -> None:
    assert code_of(pipeline, text, phrase) == code


def test_title_abbreviations_are_one_token_as_in_text() -> None:
    assert phrase_tokens(["sen.", "gov.", "u.s.", "security council"]) == [
        ("sen.",), ("gov.",), ("u.s.",), ("security", "council")]
