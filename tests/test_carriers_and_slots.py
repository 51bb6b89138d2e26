"""Who carries an event noun, and which slot names the target: "put out a report accusing",
"reiterated its demand", aid "for" a party, and a place in one slot yielding to a party in
another. Sentences are our own."""
from __future__ import annotations

import pytest

from newsevents.pipeline import Pipeline

from .dyads import coded, rules_pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return rules_pipeline()


@pytest.mark.parametrize("text,expected", [
    # The document's author is who accuses, as with "issued a statement accusing".
    ("Human Rights Watch put out a report accusing the Ethiopian army of killing civilians.",
     ("NGOHRI", "112", "ETHMIL")),
    # A repeated demand is a demand, with the embedded clause's subject as the one asked.
    ("China reiterated its demand that Japan apologise for its wartime atrocities.", ("CHN", "10", "JPN")),
    ("Kenya repeated its demand that Somalia withdraw its troops from the border.", ("KEN", "10", "SOM")),
    # Exercises performed together are the parties' military cooperation.
    ("India and France performed joint naval exercises in the Arabian Sea.", ("IND", "062", "FRA")),
])
def test_a_verb_that_issues_or_repeats_a_noun_carries_it(pipeline: Pipeline, text: str,
                                                         expected: tuple[str, str, str]) -> None:
    found = [(s, code[:2] if expected[1] == "10" else code, t) for s, code, t in coded(pipeline, text)]
    assert expected in found, coded(pipeline, text)


@pytest.mark.parametrize("text,expected", [
    ("Japan provided $10 million in aid for Syrian refugees in Jordan.", ("JPN", "071", "SYRREF")),
    ("The World Bank gave a $500 million loan for the reconstruction of Iraq.", ("IGOUNODEVWBK", "071", "IRQ")),
    ("The European Union sent food and medicine for flood victims in Pakistan.", ("IGOEUREEC", "073", "PAKCVL")),
])
def test_aid_for_a_party_is_aid_to_it(pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in coded(pipeline, text), coded(pipeline, text)


def test_a_place_in_one_slot_yields_to_a_party_in_another(pipeline: Pipeline) -> None:
    found = coded(pipeline, "Turkey demanded the withdrawal of Syrian government forces from Manbij.")
    assert ("TUR", "1056", "SYRMIL") in found, found


def test_a_place_stands_where_no_slot_names_a_party(pipeline: Pipeline) -> None:
    found = coded(pipeline, "Russia pulled its troops out of Kherson.")
    assert ("RUS", "0874", "UKR") in found, found


@pytest.mark.parametrize("text,expected", [
    ("Canada accepted 2,000 Afghan refugees last month.", ("CAN", "075", "AFGREF")),
    ("Germany admitted thousands of Syrian asylum seekers in 2015.", ("DEU", "075", "SYRREF")),
])
def test_accepting_refugees_is_granting_asylum(pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in coded(pipeline, text), coded(pipeline, text)


def test_an_act_of_any_kind_is_no_act_that_happened(pipeline: Pipeline) -> None:
    found = coded(pipeline, "The Nigerian army warned it will retaliate against any attack by Boko Haram fighters.")
    assert [code for _s, code, _t in found] == ["1384"], found
    # The attack that happened is still one.
    found = coded(pipeline, "The Nigerian army warned it will retaliate against the attack by Boko Haram fighters.")
    assert "190" in [code for _s, code, _t in found], found


def test_a_refusal_until_someone_acts_is_aimed_at_them(pipeline: Pipeline) -> None:
    found = coded(pipeline, "President Biden said he will not lift the embargo until Cuba frees political prisoners.")
    assert [(code[:2], target) for _s, code, target in found] == [("12", "CUB")], found


def test_assaults_commenced_are_carried_by_the_verb(pipeline: Pipeline) -> None:
    found = coded(pipeline, "The Turkish army commenced ground assaults on Kurdish fighters in northern Syria.")
    assert ("TURMIL", "190") in [(s, code) for s, code, _t in found], found


@pytest.mark.parametrize("text,expected", [
    ("Kenya agreed with Uganda to build a railway line.", ("KEN", "030", "UGA")),
    # Agreeing with someone's view, or on a stance, stays an accord.
    ("Egypt agreed with Sudan that the dam threatens their water supply.", ("EGY", "019", "SDN")),
])
def test_agreeing_with_someone_to_do_an_uncoded_act_is_intent_to_cooperate(pipeline: Pipeline, text: str,
                                                                            expected: tuple[str, str, str]) -> None:
    assert expected in coded(pipeline, text), coded(pipeline, text)


@pytest.mark.parametrize("text,expected", [
    ("Three Russian diplomats were expelled from Britain on Monday.", ("GBRGOV", "161", "RUSGOV")),
    ("A Nigerian man was expelled from Ghana last week.", ("GHAGOV", "174", "NGACVL")),
])
def test_foreigners_expelled_are_expelled_by_the_state(pipeline: Pipeline, text: str,
                                                       expected: tuple[str, str, str]) -> None:
    assert expected in coded(pipeline, text), coded(pipeline, text)


def test_his_country_in_a_reported_clause_is_the_speaker_s_side(pipeline: Pipeline) -> None:
    found = coded(pipeline, "The Turkish foreign minister said his government had recalled its ambassador from the Netherlands.")
    assert ("TURGOV", "161", "NLD") in found, found


def test_a_decree_signed_acts_for_its_signer(pipeline: Pipeline) -> None:
    found = coded(pipeline, "Russian President Vladimir Putin signed a decree banning imports of Turkish fruit.")
    assert ("RUSGOV", "TUR") in [(s, t) for s, _code, t in found], found


@pytest.mark.parametrize("text,expected", [
    # A content clause on the object says whom the act answers.
    ("Kenya's opposition leader rejected the announcement that President William Ruto had won the vote.",
     ("KENOPP", "120", "KENGOV")),
    # A relative clause whose gap is the object says who made it.
    ("The African Union condemned the attacks that Boko Haram carried out in northern Nigeria.",
     ("IGOAFR", "111", "NGAREB")),
])
def test_a_clause_on_the_object_names_its_author(pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in coded(pipeline, text), coded(pipeline, text)


def test_a_clause_that_says_what_about_names_no_target(pipeline: Pipeline) -> None:
    found = coded(pipeline, "The Kenyan foreign minister discussed several topics on which Uganda and Tanzania differ.")
    assert not [t for _s, _c, t in found if t in ("UGA", "TZA")], found
    # Deeper in the object, a clause names no author of the object itself.
    found = coded(pipeline, "President Ruto's visit offers a reminder of the role Kenyan troops play in Somalia.")
    assert not [t for _s, _c, t in found if t == "KENMIL"], found
