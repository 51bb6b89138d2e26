"""Protesters named only by their place or their protest (events.crowds): sentences written
for these tests."""
from __future__ import annotations

import pytest

from newsevents.model import Document, Event
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def events_of(pipeline: Pipeline, text: str) -> list[Event]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="c", text=text, date="2024-06-21")]))
    return events


def dyads(events: list[Event]) -> set[tuple[str | None, str, str | None]]:
    return {(e.source.code, e.code[:2], e.target.code if e.target else None) for e in events}


@pytest.mark.parametrize("text,source", [
    ("Kenyan protests against the finance bill turned violent on Tuesday.", "KENOPP"),
    ("With Chilean protests spreading to new cities, the president is expected to act.", "CHLOPP"),
])
def test_protest_owned_by_a_place_is_its_protesters(pipeline: Pipeline, text: str, source: str) -> None:
    sources = {e.source.code for e in events_of(pipeline, text) if e.code[:2] == "14"}
    assert sources == {source}


def test_protest_by_named_protesters_is_unchanged(pipeline: Pipeline) -> None:
    found = dyads(events_of(pipeline, "Kenyan teachers protested against the finance bill on Tuesday."))
    assert all(source != "KENOPP" for source, _root, _target in found)


def test_force_to_disperse_a_protest_falls_on_protesters(pipeline: Pipeline) -> None:
    found = dyads(events_of(pipeline, "Iraqi riot police used tear gas to disperse protests in Basra on Sunday."))
    assert ("IRQCOP", "17", "IRQOPP") in found
    assert ("IRQCOP", "17", "IRQ") not in found


def test_force_on_no_protest_keeps_its_target(pipeline: Pipeline) -> None:
    found = dyads(events_of(pipeline, "Iraqi police used water cannon to clear the square."))
    assert ("IRQCOP", "17", "IRQ") in found
