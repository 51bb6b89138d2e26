"""Verdicts and blame said of a party ("found X guilty of ...", "found X responsible for ..."):
the finding is the event (CAMEO 116, 112), and the act it names is alleged, not coded as done.
The parser reads "found the minister guilty" as a clause, so its subject is the target.
Sentences are our own."""
from __future__ import annotations

import pytest

from newsevents.pipeline import Pipeline

from .dyads import coded, rules_pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return rules_pipeline()


@pytest.mark.parametrize("text,event", [
    ("A Nairobi court found two Somali nationals guilty of attacking a police post.", ("KENJUD", "116", "SOMCVL")),
    ("The tribunal in The Hague declared the Serbian commander guilty of war crimes.", ("NLDJUD", "116", "SRBMIL")),
    ("UN investigators found the Syrian army responsible for the chemical attack on Douma.",
     ("IGOUNO", "112", "SYRMIL")),
])
def test_the_finding_is_the_event_and_the_act_it_names_is_not(pipeline: Pipeline, text: str,
                                                              event: tuple[str, str, str]) -> None:
    found = coded(pipeline, text)
    assert found == [event], found


def test_a_verdict_in_the_passive_codes_no_act_done(pipeline: Pipeline) -> None:
    assert coded(pipeline, "Three Ugandan soldiers were found guilty of killing civilians in Somalia.") == []


def test_responsibility_stated_of_the_doer_still_codes_the_act(pipeline: Pipeline) -> None:
    found = coded(pipeline, "Hamas was responsible for the rocket attack on Israel, the army said.")
    assert [(s, c[:2], t) for s, c, t in found] == [("PSEREBHMS", "19", "ISR")], found


@pytest.mark.parametrize("text", [
    "Kenya found the proposal acceptable.",
    "Police found the suspect dead.",
])
def test_other_findings_are_no_events(pipeline: Pipeline, text: str) -> None:
    assert coded(pipeline, text) == []


@pytest.mark.parametrize("text,event", [
    # The tagger reads "extradite" as an adjective; "be accountable" is one.
    ("Turkey demanded that Sweden extradite dozens of Kurdish activists.", ("TUR", "100", "SWE")),
    ("Kenya demanded that the Somali government be accountable for the attack.", ("KEN", "100", "SOMGOV")),
])
def test_a_demanded_clause_read_as_an_adjective_still_names_who_is_asked(pipeline: Pipeline, text: str,
                                                                         event: tuple[str, str, str]) -> None:
    assert event in coded(pipeline, text)
