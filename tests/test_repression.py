"""Force by police or soldiers on protesters is violent repression (175); sentences are our own."""
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


@pytest.mark.parametrize("text,expected", [
    ("Kenyan riot police fired on opposition protesters in Nairobi.", ("KENCOP", "175", "KENOPP")),
    ("Iranian security forces shot dead three protesters in Zahedan.", ("IRNMILCOP", "175", "IRNOPP")),
])
def test_force_on_protesters_by_state_forces_is_repression(pipeline: Pipeline, text: str,
                                                           expected: tuple[str, str, str]) -> None:
    found = [(e.source.code, e.code, e.target.code if e.target else None) for e in events_of(pipeline, text)]
    assert expected in found, found


def test_the_count_of_the_repressed_is_kept(pipeline: Pipeline) -> None:
    (event,) = [e for e in events_of(pipeline, "Iranian security forces shot dead three protesters in Zahedan.")
                if e.code == "175"]
    assert event.attributes["killed"]["min"] == 3 and event.goldstein == -9.0


@pytest.mark.parametrize("text", [
    "Israeli troops fired on Hamas fighters in Gaza.",    # armed foes: a fight, not repression
    "Syrian protesters attacked police in Deraa.",         # dissenters using force on the state
])
def test_other_force_keeps_its_code(pipeline: Pipeline, text: str) -> None:
    assert not [e for e in events_of(pipeline, text) if e.code == "175"]
