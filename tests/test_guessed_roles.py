"""Guessed actor countries an act bears out (events.confidence.drop_unreliable_roles,
actors.countryless.reliable_in): a yielding act keeps itself without a target the act does not
bear out; a titled person placed by the sentence's one country is a source."""
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


def test_titled_person_placed_by_the_sentence_acts_as_source(pipeline: Pipeline) -> None:
    # "Judge <unknown name>" takes the sentence's one country (countryless.TITLE_SENTENCE_RULE);
    # as the subject of the act that office is the source, not a guess to be dropped.
    found = events_of(pipeline, "Judge Marta Quispe opened a corruption investigation against nine Peruvian "
                                "police officers, the court said on Monday.")
    assert ("PERJUD", "09", "PERCOP") in found
