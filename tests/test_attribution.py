"""Who reports an act is no party to it (events.attribution): a domestic act told by a foreign
news agency keeps its implicit domestic target; a second country the act itself names does not."""
from __future__ import annotations

import pytest

from newsevents.model import Document
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def events_of(pipeline: Pipeline, text: str) -> set[tuple[str, str, str | None]]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="a", text=text, date="2024-02-14")]))
    return {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


def test_the_reporting_agency_is_not_a_party(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "Sudanese rebels blew up a bridge near Kassala, the Kenyan news agency reported.")
    assert ("SDNREB", "1712", "SDN") in found


def test_a_country_the_act_names_is_still_counted(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "Sudanese rebels blew up a bridge on the road to Eritrea, the Kenyan news agency reported.")
    assert ("SDNREB", "1712", "SDN") not in found
