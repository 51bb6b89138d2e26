"""Whom an act is aimed at: the forces a show of force sends are the source's instrument
(events.own_forces); an appeal to someone uncoded is not aimed at what they are asked to do."""
from __future__ import annotations

import pytest

from newsevents.model import Document
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def events_of(pipeline: Pipeline, text: str) -> set[tuple[str, str, str | None]]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="f", text=text, date="2024-08-02")]))
    return {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


def test_patrols_by_police_and_soldiers_have_no_target(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "The Bolivian government ordered patrols by soldiers and police along the border with Peru.")
    assert ("BOLGOV", "150", None) in found
    assert not any(target in ("MIL", "COP") for _s, _c, target in found)


def test_an_appeal_to_someone_uncoded_is_not_aimed_at_what_they_are_asked_to_do(pipeline: Pipeline) -> None:
    # events.missed_target.asks_uncoded: "the delegates" are asked, not Kosovo.
    found = events_of(pipeline, "Nigeria urged the delegates to recognise Kosovo.")
    assert not any(target == "KSV" for _s, _c, target in found)
    assert ("NGA", "022", "GHA") in events_of(pipeline, "Nigeria urged Ghana to sign the ECOWAS treaty.")
