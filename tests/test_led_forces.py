"""Coalitions and forces led by a country are that country's armed forces ("the Saudi-led
coalition": SAUMIL); a head word alone, a country that only backs a force, or a leader that is
no country says nothing of whose they are. Sentences are our own."""
from __future__ import annotations

import pytest

from newsevents.actors.led_forces import LED_RULE
from newsevents.pipeline import Pipeline

from .dyads import actor_codes, coded, mentions_of, rules_pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return rules_pipeline()


@pytest.mark.parametrize("text,phrase,code", [
    ("The Saudi-led coalition launched air strikes on Sanaa on Monday.", "The Saudi-led coalition", "SAUMIL"),
    # "U.S.-led" is one token: the country is read from its first part.
    ("U.S.-led forces shelled the outskirts of Raqqa overnight.", "U.S.-led forces", "USAMIL"),
    ("The French-led alliance withdrew its last soldiers from Gao.", "The French-led alliance", "FRAMIL"),
])
def test_a_force_led_by_a_country_is_its_military(pipeline: Pipeline, text: str, phrase: str, code: str) -> None:
    assert actor_codes(pipeline, text).get(phrase) == code, actor_codes(pipeline, text)


def test_the_led_coalition_acts(pipeline: Pipeline) -> None:
    found = coded(pipeline, "The Saudi-led coalition launched air strikes on Houthi rebels in Sanaa.")
    assert ("SAUMIL", "195", "YEMREB") in found, found


def led_rules(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.code) for m in mentions_of(pipeline, text) if m.rule == LED_RULE]


@pytest.mark.parametrize("text", [
    "The ruling coalition rejected the opposition's demands on Monday.",
    # A party that leads is no country.
    "The ANC-led alliance criticised the court ruling on Monday.",
    # Backing a force is not leading it.
    "Iranian-backed militias fired rockets at the base.",
])
def test_no_country_leads_these(pipeline: Pipeline, text: str) -> None:
    assert led_rules(pipeline, text) == []
