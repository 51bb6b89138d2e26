"""People named by their relation to an actor ("Trump supporters", "Putin's critics",
"Russia's allies") are not that actor: the phrase is left uncoded, and nothing is coded as the
actor's own act. A title, an office or a nationality still says who acts. Sentences are our own."""
from __future__ import annotations

import pytest

from newsevents.pipeline import Pipeline

from .dyads import actor_codes, coded, rules_pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return rules_pipeline()


@pytest.mark.parametrize("text", [
    "Putin's critics accused the Kremlin of rigging the vote.",
    "Trump supporters protested outside the courthouse in Atlanta.",
    "Russia's allies condemned the new sanctions on Monday.",
    "Some of Erdogan's opponents denounced the ruling.",
])
def test_people_of_a_relation_do_not_act_as_the_actor(pipeline: Pipeline, text: str) -> None:
    assert coded(pipeline, text) == [], coded(pipeline, text)


def test_the_phrase_is_not_coded_as_the_actor(pipeline: Pipeline) -> None:
    codes = actor_codes(pipeline, "Trump supporters protested outside the courthouse.")
    assert codes.get("Trump supporters") is None, codes


@pytest.mark.parametrize("text,source", [
    # An office held for the actor is the actor.
    ("Putin's spokesman denounced NATO on Monday.", "RUSGOV"),
    ("Russian forces shelled Kharkiv on Monday.", "RUSMIL"),
])
def test_offices_and_nationalities_still_act(pipeline: Pipeline, text: str, source: str) -> None:
    assert source in {s for s, _code, _target in coded(pipeline, text)}, coded(pipeline, text)
