"""Forces sent as peacekeepers are CAMEO 074, not a show of force (154); sentences are our own."""
from __future__ import annotations

import pytest

from newsevents.model import Document, Event
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def coded(pipeline: Pipeline, text: str) -> list[tuple[str, str, str | None, str | None]]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="t", text=text, date="2024-06-21")]))
    return [(e.source.code, e.code, e.target.code if e.target else None, e.plover_type) for e in events]


@pytest.mark.parametrize("text,expected", [
    ("Ghana deployed 500 peacekeeping troops to Lebanon.", ("GHA", "074", "LBN", "AID")),
    ("Uruguay deployed soldiers to Congo as part of the UN peacekeeping force.", ("URY", "074", "COG", "AID")),
    # The noun's phrases hang on the verb that carries it.
    ("Kenya on Monday announced the deployment of 300 troops to Haiti on a peacekeeping mission.",
     ("KEN", "074", "HTI", "AID")),
    # Operations that keep the peace are no military operation (190).
    ("Ghanaian troops take part in peacekeeping operations in Mali.", ("GHAMIL", "074", "MLI", "AID")),
])
def test_a_deployment_of_peacekeepers_is_provision_of_peacekeeping(pipeline: Pipeline, text: str,
                                                                   expected: tuple[str, str, str, str]) -> None:
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize("text", [
    "Russia deployed troops near the Ukrainian border.",
    "Russia announced the deployment of troops near the Ukrainian border.",
    # The peacekeepers are in a clause of their own, not what Russia sent.
    "Russia deployed troops near the Ukrainian border, where UN peacekeepers patrol.",
])
def test_other_deployments_stay_a_show_of_force(pipeline: Pipeline, text: str) -> None:
    found = coded(pipeline, text)
    assert [code for _s, code, _t, _p in found] == ["154"], found


def test_the_stage_says_why(pipeline: Pipeline) -> None:
    ((_document, _mentions, (event,)),) = list(pipeline.code([Document(
        id="t", text="Ghana deployed 500 peacekeeping troops to Lebanon.", date="2024-06-21")]))
    assert any("peacekeepers" in line and "074" in line for line in event.explanation)
