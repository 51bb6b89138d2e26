"""The parties of an event noun's "between" phrase: "talks between Iran and the United States
resumed" is each party's act, with the other as target; "clashes between X and Y killed ten
soldiers" is a joint act of both. Sentences are our own."""
from __future__ import annotations

import pytest

from newsevents.model import Document
from newsevents.pipeline import Pipeline

from .dyads import coded, rules_pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return rules_pipeline()


@pytest.fixture(scope="module")
def single() -> Pipeline:
    return Pipeline(coder="rules", joint="single")


@pytest.mark.parametrize("text,code,first,second", [
    ("Talks between Iran and the United States resumed in Vienna on Tuesday.", "046", "IRN", "USA"),
    ("Clashes between Sudanese troops and rebel fighters erupted in Khartoum on Monday.", "190", "SDNMIL", "SDNREBUAF"),
    ("A meeting between the Indian prime minister and the Chinese president took place in Kazan.", "040",
     "INDGOV", "CHNGOV"),
    # A gerund used as a noun.
    ("Fighting between Israeli forces and Hamas militants continued overnight.", "190", "ISRMIL", "PSEREBHMSUAF"),
])
def test_a_reciprocal_act_between_two_parties_is_each_ones_act_on_the_other(
        pipeline: Pipeline, text: str, code: str, first: str, second: str) -> None:
    found = coded(pipeline, text)
    assert (first, code, second) in found and (second, code, first) in found, found


def test_the_noun_s_own_between_slot_gives_targets_even_in_single_mode(single: Pipeline) -> None:
    # The text says with whom each party talked, so each has a target in PLOVER's style too.
    found = coded(single, "Talks between Egypt and Sudan on the dam resumed in Cairo on Sunday.")
    assert ("EGY", "046", "SDN") in found and ("SDN", "046", "EGY") in found, found


def test_parties_that_act_through_another_verb_act_jointly(single: Pipeline) -> None:
    # The clashes killed the soldiers: neither side is the other's target here.
    found = coded(single, "Clashes between Kenyan police and protesters in Nairobi killed a man on Friday.")
    assert ("KENCOP", "190", None) in found and ("KENOPP", "190", None) in found, found
    ((_d, _m, events),) = list(single.code([Document(id="t", text="Clashes between Kenyan police and "
                                                                    "protesters in Nairobi killed a man.")]))
    assert all(e.joint for e in events), [(e.source.code, e.code, e.explanation) for e in events]


@pytest.mark.parametrize("text,noun_code", [
    # A mediation's "between" names whom it reconciles, not the mediator.
    ("Mediation between Israel and Hamas failed on Sunday.", "045"),
    # As another verb's object the noun may be another's act, not the parties'.
    ("Israeli jets violated the truce between Israel and Lebanon on Sunday.", "0871"),
    ("Peacekeepers were deployed to oversee a ceasefire between Ethiopia and Eritrea.", "0871"),
    # One side hit him, and the text does not say which.
    ("A man was hit by a stone during clashes between police and protesters in Nairobi.", "19"),
])
def test_between_does_not_make_parties_of_what_the_text_does_not_say_they_did(
        pipeline: Pipeline, text: str, noun_code: str) -> None:
    found = coded(pipeline, text)
    parties = {"ISR", "PSEREBHMS", "LBN", "ETH", "ERI", "KENCOP", "KENOPP"}
    assert not [(s, c, t) for s, c, t in found if s in parties and c.startswith(noun_code)], found


def test_the_mediator_stays_the_source(pipeline: Pipeline) -> None:
    found = coded(pipeline, "Egypt's mediation between Israel and Hamas began in Cairo on Monday.")
    assert ("EGY", "045", "ISR") in found, found
    assert not [c for s, c, _t in found if s == "ISR"], found
