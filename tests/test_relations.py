"""Who a subject phrase names. People named by their relation to an actor ("Trump supporters",
"Putin's critics", "Russia's allies") are not that actor: the phrase is left uncoded, and nothing
is coded as the actor's own act; an alliance's allies are its members. A title, an office or a
nationality still says who acts, and a description is who its apposition names. Sentences are
our own."""
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
    # A phrase of role words opening a sentence, whose capital only looks like a name (session 20).
    ("Opposition supporters in Togo marched in Lome on Thursday.", "TGOOPP"),
])
def test_offices_and_nationalities_still_act(pipeline: Pipeline, text: str, source: str) -> None:
    assert source in {s for s, _code, _target in coded(pipeline, text)}, coded(pipeline, text)


def test_an_alliances_allies_are_its_members(pipeline: Pipeline) -> None:
    found = coded(pipeline, "NATO allies agreed to extend their peacekeeping mission in Kosovo.")
    assert found and {source[:3] for source, _code, _target in found} == {"IGO"}, found


@pytest.mark.parametrize("text,sources", [
    # A description no actor word heads, named by its apposition.
    ("Two neighbours, Egypt and Jordan, criticised the US decision.", {"EGY", "JOR"}),
    ("The bloc's largest member, Germany, rejected the French proposal.", {"DEU"}),
])
def test_an_apposition_names_the_subject(pipeline: Pipeline, text: str, sources: set[str]) -> None:
    assert {source for source, _code, _target in coded(pipeline, text)} == sources, coded(pipeline, text)
