"""A passive act whose "by" phrase the parser hung on the object of the verb's preposition
("accused of corruption by ...") takes that phrase as its source (events.stray_agent), unless
the object is an act with a doer of its own ("arrested for killings by the militia")."""
from __future__ import annotations

import pytest

from newsevents.model import Document
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def events_of(pipeline: Pipeline, text: str) -> set[tuple[str, str, str | None]]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="s", text=text, date="2024-03-11")]))
    return {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


def test_stray_by_phrase_is_the_accuser(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "The Peruvian president was accused of corruption by Chilean prosecutors.")
    assert ("CHLJUD", "1121", "PERGOV") in found


def test_stray_by_phrase_is_who_charges(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "The Kenyan minister was charged with fraud by Kenyan prosecutors.")
    assert ("KENJUD", "115", "KENGOV") in found


def test_an_act_noun_keeps_its_own_doer(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "A Ugandan journalist was arrested for killings by the militia.")
    assert not any(code.startswith("17") and source.startswith("UGAUAF") for source, code, _t in found)
