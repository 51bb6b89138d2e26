"""A name the tables know, written as an acronym the tagger takes for an adverb or an adjective
("USAID provided ..."), is still an actor, and the subject of the verb it stands before. The
small model tags USAID so in these sentences, which are our own."""
from __future__ import annotations

import pytest

from newsevents.pipeline import Pipeline

from .dyads import actor_codes, coded, rules_pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return rules_pipeline()


@pytest.fixture(scope="module")
def hybrid() -> Pipeline:
    """The default coder: the lexicon has no row for providing materials, the classifier types it AID."""
    return Pipeline()


@pytest.mark.parametrize("text", [
    "USAID had announced a halt to its aid for Yemen from next month.",
    "USAID provided basic shelter materials to 1.5 million people in Haiti.",
])
def test_an_acronym_the_tables_know_is_an_actor(pipeline: Pipeline, text: str) -> None:
    assert actor_codes(pipeline, text).get("USAID") == "USAGOVDEV"


@pytest.mark.parametrize("text", [
    "USAID provided basic shelter materials to 1.5 million people in Haiti.",
    "The agency said USAID provided shelter materials to people in Haiti.",
])
def test_it_acts_as_the_subject(hybrid: Pipeline, text: str) -> None:
    assert ("USAGOVDEV", "070", "HTICVL") in coded(hybrid, text)


@pytest.mark.parametrize("text", [
    "USAID had announced a suspension of aid to Yemen.",
    "USAID has suspended its aid to Yemen.",
])
def test_it_is_the_subject_of_a_perfect_too(pipeline: Pipeline, text: str) -> None:
    """"had announced", "has suspended": a perfect is a finite verb group, as a simple past is."""
    assert coded(pipeline, text) == [("USAGOVDEV", "162", "YEM")]


def test_a_word_in_capitals_the_tables_lack_is_no_actor(pipeline: Pipeline) -> None:
    assert "BREAKING" not in actor_codes(pipeline, "BREAKING: Kenya closed its border with Somalia.")
