"""Exercises two parties hold together are military cooperation (CAMEO 062), not a show of force
(150); sentences are our own."""
from __future__ import annotations

import pytest

from newsevents.model import Document
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def coded(pipeline: Pipeline, text: str, joint: str = "pairs") -> list[tuple[str, str, str | None]]:
    ((document, doc),) = list(pipeline.parse([Document(id="t", text=text, date="2024-06-21")]))
    _mentions, events = pipeline.code_parsed(doc, document, joint=joint)
    return [(e.source.code, e.code, e.target.code if e.target else None) for e in events]


@pytest.mark.parametrize("text,pair", [
    ("India and France conducted a joint air exercise off Goa.", ("IND", "FRA")),
    ("NATO and Ukraine held joint drills on Tuesday.", ("IGOWSTNAT", "UKR")),
    ("Egypt and Greece held naval exercises in the Mediterranean.", ("EGY", "GRC")),
])
def test_exercises_held_together_are_military_cooperation(pipeline: Pipeline, text: str,
                                                          pair: tuple[str, str]) -> None:
    one, other = pair
    found = coded(pipeline, text)
    assert (one, "062", other) in found and (other, "062", one) in found, found
    assert not any(code.startswith("15") for _s, code, _t in found), found


def test_plover_style_joint_exercises_are_cooperation_too(pipeline: Pipeline) -> None:
    found = coded(pipeline, "India and France conducted a joint air exercise off Goa.", joint="single")
    assert sorted(found) == [("FRA", "062", None), ("IND", "062", None)]


@pytest.mark.parametrize("text", [
    "Russia held military exercises near the Ukrainian border.",
    "China staged military drills around Taiwan.",
])
def test_drills_aimed_at_someone_stay_a_show_of_force(pipeline: Pipeline, text: str) -> None:
    found = coded(pipeline, text)
    assert [code for _s, code, _t in found] == ["150"], found


def test_the_stage_says_why(pipeline: Pipeline) -> None:
    ((_document, _mentions, events),) = list(pipeline.code([Document(
        id="t", text="India and France conducted a joint air exercise off Goa.", date="2024-06-21")]))
    assert events and all(any("together" in line and "062" in line for line in e.explanation) for e in events)
