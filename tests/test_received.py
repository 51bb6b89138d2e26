"""Disapproval told from the receiving side: "X faced Ugandan criticism", "X drew condemnation
from the AU" code the critics' 111 toward X (issue 17, events.received). Sentences are our own."""
from __future__ import annotations

import pytest

from newsevents.model import Document, Event
from newsevents.pipeline import Pipeline

pytestmark = pytest.mark.issue(17)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def events_of(pipeline: Pipeline, text: str) -> list[Event]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="t", text=text, date="2024-03-12")]))
    return events


def dyads(events: list[Event]) -> set[tuple[str, str, str | None]]:
    return {(e.code, e.source.code[:3], e.target.code[:3] if e.target else None) for e in events}


def test_critics_named_by_adjectives_criticise_the_subject(pipeline: Pipeline) -> None:
    # The critics' own noun reading (a joint act of Uganda and Tanzania) gives way.
    events = events_of(pipeline, "Kenya faced sharp Ugandan and Tanzanian criticism over its new border fees.")
    assert dyads(events) == {("111", "UGA", "KEN"), ("111", "TZA", "KEN")}


def test_critics_named_by_a_from_phrase_criticise_the_subject(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "The Kenyan government drew condemnation from the African Union on Monday.")
    assert dyads(events) == {("111", "IGO", "KEN")}


@pytest.mark.parametrize("text", [
    "Kenya did not face Ugandan criticism over the fees.",   # negated
    "Kenyan officials faced criticism over the fees.",       # no critic named
    "Kenya faced Ugandan tanks on the border.",              # no disapproval
])
def test_no_disapproval_is_coded_without_a_named_critic_and_a_real_report(pipeline: Pipeline, text: str) -> None:
    assert not [e for e in events_of(pipeline, text) if e.rule == "received.disapproval"]


def test_scrutiny_received_is_the_investigators_act(pipeline: Pipeline) -> None:
    # The "from" phrase hangs on the verb here; the subject is the one investigated.
    events = events_of(pipeline, "Ghana's finance ministry is facing scrutiny from the Ghanaian parliament over the bond deal.")
    assert ("090", "GHA", "GHA") in dyads(events)
    assert [e.source.code for e in events if e.rule == "received.scrutiny"] == ["GHALEG"]


def test_a_probe_by_a_named_body_is_received_by_the_subject(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "The Peruvian mining ministry drew a probe by Peruvian prosecutors on Friday.")
    assert {(e.source.code, e.code, e.target.code) for e in events if e.rule == "received.scrutiny"} == {
        ("PERJUD", "090", "PERGOV")}


def test_the_classifier_does_not_read_the_receiver_as_acting() -> None:
    # The hybrid's model event on "facing" would make the investigated company the accuser.
    hybrid = Pipeline(coder="hybrid")
    events = events_of(hybrid, "Reuters reported that Ghana's finance ministry is facing scrutiny from the Ghanaian "
                               "parliament over whether it hid debts.")
    assert [(e.source.code, e.code, e.target.code if e.target else None) for e in events] == [
        ("GHALEG", "090", "GHAGOV")]
