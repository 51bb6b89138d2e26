"""An event noun that modifies a light noun ("a mediation effort") stands for it in its clause.
Sentences are our own."""
from __future__ import annotations

import pytest

from newsevents.model import Document
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def coded(pipeline: Pipeline, text: str) -> set[tuple[str, str, str | None]]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="t", text=text, date="2024-06-21")]))
    return {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


def test_a_mediation_effort_between_two_parties_is_mediation(pipeline: Pipeline) -> None:
    found = coded(pipeline, "Qatar launched a mediation effort between Ethiopia and Eritrea on Monday.")
    assert {("QAT", "045", "ETH"), ("QAT", "045", "ERI")} <= found, found


def test_an_effort_ended_is_not_also_mediation(pipeline: Pipeline) -> None:
    # The verb that takes the effort as its object is the event; the noun only refines it.
    found = coded(pipeline, "Kenyan officials ended mediation efforts between Ethiopia and Eritrea on Monday.")
    assert not [c for c in found if c[1] == "045"], found
