""""Call" with a person as its object is a telephone call (041); naming, describing and
convening are not. Sentences are our own."""
from __future__ import annotations

import pytest

from newsevents.pipeline import Pipeline

from .dyads import coded, rules_pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return rules_pipeline()


@pytest.mark.parametrize("text,expected", [
    ("French President Emmanuel Macron called Ukrainian President Volodymyr Zelensky on Sunday.",
     ("FRAGOV", "041", "UKRGOV")),
    ("Japan's prime minister called his South Korean counterpart on Monday, officials said.",
     ("JPNGOV", "041", "KORGOV")),
    # A purpose is the call's: the call is still made.
    ("Putin called the Turkish president to discuss Syria.", ("RUSGOV", "041", "TURGOV")),
])
def test_calling_a_person_is_a_telephone_call(pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize("text", [
    "Erdogan called the Dutch prime minister a fascist.",        # naming someone
    "Venezuela's president called the opposition leader a traitor.",
    "Biden called Netanyahu's remarks outrageous.",              # describing a thing
    "The Kenyan president called an emergency meeting of the cabinet.",  # convening
    "A militant group called Jaish-e-Mohammed claimed the attack on Indian troops.",  # a name
    # the name given parsed as an apposition of the person named
    "The Kenyan president on Tuesday called Uganda's ambassador to Kenya a very stupid man.",
])
def test_other_calls_are_no_telephone_call(pipeline: Pipeline, text: str) -> None:
    assert not [c for c in coded(pipeline, text) if c[1] == "041"], coded(pipeline, text)
