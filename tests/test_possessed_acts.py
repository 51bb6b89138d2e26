"""An event noun whose phrase the actor stage codes by its possessor ("NATO's condemnation of
the strikes") is that actor's act, not a word of a name ("Kenya's peace movement"). Sentences
are our own."""
from __future__ import annotations

import pytest

from newsevents.model import Document
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def coded(pipeline: Pipeline, text: str) -> list[tuple[str, str, str | None]]:
    ((document, doc),) = list(pipeline.parse([Document(id="t", text=text, date="2024-06-21")]))
    _mentions, events = pipeline.code_parsed(doc, document)
    return [(e.source.code, e.code, e.target.code if e.target else None) for e in events]


@pytest.mark.parametrize("text,event", [
    ("NATO's condemnation of the Russian strikes came on Monday.", ("IGOWSTNAT", "111", "RUS")),
    ("The African Union's condemnation of the Malian junta came on Thursday.", ("IGOAFR", "111", "MLIGOV")),
])
def test_a_body_s_act_named_by_a_noun_is_coded(pipeline: Pipeline, text: str, event: tuple[str, str, str]) -> None:
    assert coded(pipeline, text) == [event]


@pytest.mark.parametrize("text", [
    "Kenya's peace movement grew.",
    "The Chinese government's assistance package consisted of relief supplies for Yemen.",
])
def test_an_event_word_in_a_name_is_still_no_event(pipeline: Pipeline, text: str) -> None:
    assert coded(pipeline, text) == []
