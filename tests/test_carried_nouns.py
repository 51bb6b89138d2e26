"""A verb that carries an event noun takes the noun's narrower code, across roots where the verb's
row only carries the bare noun's act; "ordered the release of X" is the release. Sentences are
our own."""
from __future__ import annotations

import pytest

from newsevents.pipeline import Pipeline

from .dyads import coded, rules_pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return rules_pipeline()


@pytest.mark.parametrize("text,expected", [
    ("Chinese hackers launched a cyber attack on India's power grid.", ("CHN", "176", "IND")),
    ("Al-Shabaab militants launched a suicide attack on a Somali army base.", ("SOMREBUAF", "1831", "SOMMIL")),
    ("Erdogan launched a scathing attack on the Dutch government.", ("TURGOV", "111", "NLDGOV")),
    ("The Kenyan opposition leader launched a blistering attack on President William Ruto.",
     ("KENOPP", "111", "KENGOV")),
    # The bare noun and a narrower row of the same root behave as before.
    ("Israel launched an air attack on Gaza.", ("ISR", "195", "PSE")),
    ("Russian forces launched an attack on Ukrainian positions near Bakhmut.", ("RUSMIL", "190", "UKR")),
])
def test_a_carried_noun_narrowed_by_its_modifier_gives_the_code(pipeline: Pipeline, text: str,
                                                                expected: tuple[str, str, str]) -> None:
    assert expected in coded(pipeline, text), coded(pipeline, text)


def test_a_verb_that_does_something_else_to_the_noun_keeps_its_code(pipeline: Pipeline) -> None:
    found = coded(pipeline, "The Nigerian Union of Teachers called off its nationwide strike on Thursday.")
    assert [code for _s, code, _t in found] == ["082"], found


@pytest.mark.parametrize("text,expected", [
    ("A Turkish court ordered the release of an Austrian journalist.", ("TURJUD", "0841", "AUTMED")),
    ("A Kenyan judge ordered the deportation of two Ugandan activists.", ("KENJUD", "174", "UGAOPP")),
    ("The U.S. president ordered new sanctions on Venezuela's state oil company.", ("USAGOV", "163", "VENBUS")),
])
def test_an_ordered_release_or_deportation_is_the_act(pipeline: Pipeline, text: str,
                                                      expected: tuple[str, str, str]) -> None:
    assert expected in coded(pipeline, text), coded(pipeline, text)


def test_an_order_to_someone_else_stays_a_demand(pipeline: Pipeline) -> None:
    found = coded(pipeline, "Kenya ordered Uganda to withdraw its troops from the island.")
    assert found and all(code.startswith("10") for _s, code, _t in found), found


def test_agreeing_with_someone_to_do_an_act_is_the_intent_to_do_it(pipeline: Pipeline) -> None:
    assert ("IND", "036", "PAK") in coded(pipeline, "India agreed with Pakistan to hold talks next month.")
    # With no act named, it is still agreement with them.
    assert ("FRA", "019", "DEU") in coded(pipeline, "France agreed with Germany on the budget on Tuesday.")


def test_rejecting_someone_else_s_bid_to_make_a_statement_is_a_rejection(pipeline: Pipeline) -> None:
    found = coded(pipeline, "Hungary rejected a bid by the European Commission to issue a joint statement "
                            "condemning the vote.")
    assert found and found[0][1] == "120", found
    # Declining to comment oneself is still 011.
    assert [code for _s, code, _t in coded(pipeline, "The Kremlin refused to comment on the report.")] in ([], ["011"])


def test_refusing_someone_else_the_floor_is_a_rejection(pipeline: Pipeline) -> None:
    found = coded(pipeline, "The African Union refused the Sudanese army chief to speak at its summit in Addis Ababa.")
    assert ("IGOAFR", "120", "SDNMIL") in found, found
