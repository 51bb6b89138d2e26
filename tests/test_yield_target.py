"""A yielding act whose guessed target the act does not bear out keeps the act, not the target
(events.confidence.drop_unreliable_roles): "eased curbs on ... state television" eases the curbs
whoever the television's country is guessed to be."""
from __future__ import annotations

import pytest

from newsevents.model import Document
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="hybrid", joint="single")


def events_of(pipeline: Pipeline, text: str) -> set[tuple[str, str, str | None]]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="t", text=text, date="2024-06-21")]))
    return {(e.source.code, e.code[:2], e.target.code if e.target else None) for e in events}


def test_yield_keeps_its_act_without_an_unsupported_target(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "The Georgian parliament eased curbs on the broadcast of foreign films on state television.")
    assert ("GEOLEG", "08", None) in found
    assert not any(target and target.startswith("GEO") and target != "GEOLEG" for _s, _c, target in found)
