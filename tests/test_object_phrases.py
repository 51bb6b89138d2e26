"""A row's object is the thing it acts with; a target may hang on that object's own phrase.
Sentences are our own."""
from __future__ import annotations

import pytest

from newsevents.model import Document, Event
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def events_of(pipeline: Pipeline, text: str) -> list[Event]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="t", text=text, date="2024-06-21")]))
    return events


def test_the_weapon_fired_is_not_the_target(pipeline: Pipeline) -> None:
    # "artillery" is a military agent word, but here it is what was fired, not at whom.
    events = events_of(pipeline, "North Korea fired artillery across the border.")
    assert not [e for e in events if e.target is not None and "artillery" in e.target.text], \
        [(e.code, e.target and e.target.text) for e in events]


def test_whom_the_thing_names_is_still_a_target(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "The Kenyan government accepted demands from Somali rebels to free the hostages.")
    assert [(e.code, e.source.code, e.target.code if e.target else None) for e in events][:1] == \
        [("080", "KENGOV", "SOMREB")]


@pytest.mark.parametrize("text,expected", [
    ("Japan shared intelligence on Chinese naval movements with the Philippine navy.", ("JPN", "064", "PHLMIL")),
    ("Turkey shared information about the bombing suspects with Greek police.", ("TUR", "064", "GRCCOP")),
])
def test_a_partner_named_on_the_objects_phrase_is_the_target(pipeline: Pipeline, text: str,
                                                             expected: tuple[str, str, str]) -> None:
    found = [(e.source.code, e.code, e.target.code if e.target else None) for e in events_of(pipeline, text)]
    assert found == [expected]


def test_a_relative_clause_with_its_own_subject_is_not_done_by_its_noun(pipeline: Pipeline) -> None:
    # "the bases they had seized": the bases were seized; whoever "they" are, the bases did nothing.
    events = events_of(pipeline, "Iraqi militias returned the military bases they had seized from the government.")
    assert not [e for e in events if "bases" in e.source.text], [(e.code, e.source.text) for e in events]


def test_a_relative_pronoun_subject_is_still_its_noun(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "The Houthi rebels who fired missiles at Saudi Arabia vowed more attacks.")
    assert ("YEMREB", "194", "SAU") in {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


def test_a_bracketed_acronym_is_not_a_relative_clauses_own_subject(pipeline: Pipeline) -> None:
    # The parser reads "(WHO) is providing" as a relative clause of the name with its own subject.
    events = events_of(pipeline, "The World Health Organization (WHO) is providing urgent medical assistance "
                                 "to flood victims in Mozambique.")
    assert ("IGOUNOHLHWHO", "070", "MOZCVL") in {(e.source.code, e.code, e.target.code if e.target else None)
                                                 for e in events}
