"""An event noun whose phrase the actor stage codes by its possessor ("NATO's condemnation of
the strikes") is that actor's act, not a word of a name ("Kenya's peace movement"). Sentences
are our own."""
from __future__ import annotations

import pytest

from newsevents.pipeline import Pipeline

from .dyads import coded, rules_pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return rules_pipeline()


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
