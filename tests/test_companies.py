"""Companies the tables do not know, told by how the article writes of them (actors.companies).
Sentences and company names are our own."""
from __future__ import annotations

import pytest

from newsevents.model import ActorMention, Document, Event
from newsevents.pipeline import Pipeline

pytestmark = pytest.mark.issue(14)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def coded(pipeline: Pipeline, text: str) -> tuple[list[ActorMention], list[Event]]:
    ((_document, mentions, events),) = list(pipeline.code([Document(id="t", text=text, date="2024-03-12")]))
    return mentions, events


def codes_of(mentions: list[ActorMention], name: str) -> set[str | None]:
    return {m.code for m in mentions if m.text == name}


def test_a_name_with_a_founder_and_shareholders_is_a_company_of_its_first_sentence_country(pipeline: Pipeline) -> None:
    mentions, events = coded(pipeline, "Kenyan regulators are investigating Zulamart over unpaid taxes. "
                                       "Zulamart's founder stepped down last year, and Zulamart's shareholders "
                                       "are angry. South Africa's biggest bank lent money to Zulamart.")
    assert codes_of(mentions, "Zulamart") == {"KENBUS"}  # not ZAF in the last sentence
    assert ("KENGOV", "090", "KENBUS") in {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


def test_a_name_that_modifies_a_spokesperson_is_a_company(pipeline: Pipeline) -> None:
    mentions, _events = coded(pipeline, "Chilean prosecutors raided Vendimar on Monday. "
                                        "A Vendimar spokesperson said the firm would cooperate.")
    assert codes_of(mentions, "Vendimar") == {"CHLBUS"}


@pytest.mark.parametrize("text", [
    # People own shares, stakes and businesses: no company cue.
    "Kenyan police questioned Otieno on Monday. Otieno's shares in the firm were frozen.",
    "Kenyan police questioned Otieno on Monday. Otieno's business has closed.",
    # No cue at all: an unknown name stays an unknown name.
    "Kenyan police questioned Otieno on Monday.",
])
def test_a_person_is_not_read_as_a_company(pipeline: Pipeline, text: str) -> None:
    mentions, _events = coded(pipeline, text)
    assert codes_of(mentions, "Otieno") == {None}


def test_a_company_in_an_article_of_several_countries_stays_uncoded(pipeline: Pipeline) -> None:
    mentions, _events = coded(pipeline, "Zulamart's founder met investors. Kenya and Uganda signed a trade pact.")
    assert codes_of(mentions, "Zulamart") == {None}


def test_a_short_name_is_the_company_named_in_full_before(pipeline: Pipeline) -> None:
    mentions, _events = coded(pipeline, "Japanese carmaker Kurogane Group Corp bought a stake in a Peruvian mine. "
                                        "Kurogane said the deal would close in May.")
    full = codes_of(mentions, "Japanese carmaker Kurogane Group Corp")
    assert full == {"JPNBUS"}
    assert codes_of(mentions, "Kurogane") == full


@pytest.mark.parametrize("text, name", [
    ("Chilean prosecutors raided Vendimar Holdings on Monday.", "Vendimar Holdings"),
    ("Chilean prosecutors raided Vendimar Ltd on Monday.", "Vendimar Ltd"),
])
def test_a_name_with_a_company_ending_is_a_company(pipeline: Pipeline, text: str, name: str) -> None:
    mentions, events = coded(pipeline, text)
    assert codes_of(mentions, name) == {"CHLBUS"}
    assert [(e.source.code, e.target.code if e.target else None) for e in events] == [("CHLJUD", "CHLBUS")]


def test_a_bare_place_in_the_first_sentence_does_not_place_a_company(pipeline: Pipeline) -> None:
    # "Hong Kong" is where the shares trade; the article names two countries, so no guess.
    mentions, _events = coded(pipeline, "Zulamart's shareholders cheered its Hong Kong listing on Monday. "
                                        "Kenya and Uganda signed a trade pact.")
    assert codes_of(mentions, "Zulamart") == {None}
