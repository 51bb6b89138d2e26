"""Two target/code readings from issue 14, on sentences written for these tests.

An announced reduction of relations is the reduction (CAMEO's own 162 example is an
announcement that aid "would" be prohibited); on a condition, or vowed, it is a threat. An
announced investigation is the investigation. Aid
whose target is only named in a purpose clause of helping ("to help X rebuild") is aimed at X.
"""
from __future__ import annotations

import pytest

from newsevents.pipeline import Pipeline

from .test_lexicon_recall import code, pipeline  # noqa: F401  (the rules coder and its (source, code, target) list)


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya said it would expel two Ugandan diplomats.", ("KEN", "161", "UGAGOV")),
    ("Kenya will cut aid to Uganda.", ("KEN", "162", "UGA")),
    ("Sweden announced on Monday that it would halt all aid to the Malian junta.", ("SWE", "162", "MLIGOV")),
])
def test_an_announced_reduction_of_relations_is_the_reduction(pipeline: Pipeline, text: str,
                                                              expected: tuple[str, str, str]) -> None:
    assert code(pipeline, text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya vowed to cut aid to Uganda.", ("KEN", "1311", "UGA")),
    ("Kenya said it would cut ties with Uganda if the attacks continued.", ("KEN", "1313", "UGA")),
    ("Ghana said it would withdraw its peacekeepers from Mali unless the junta held elections.", ("GHA", "136", "MLI")),
])
def test_a_vowed_or_conditional_reduction_is_still_a_threat(pipeline: Pipeline, text: str,
                                                            expected: tuple[str, str, str]) -> None:
    assert code(pipeline, text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya said it would investigate the Ugandan border police over the shooting.", [("KEN", "090", "UGACOP")]),
    ("The Nigerian senate will investigate the state oil company over missing revenue.",
     [("NGALEG", "090", "NGABUS")]),
])
def test_an_announced_investigation_is_the_investigation_not_an_intention_to_cooperate(
        pipeline: Pipeline, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert code(pipeline, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A future appeal, demand or statement has not been made, and CAMEO has no intention for it...
    ("Kenya said it would ask Uganda to release the prisoners.", []),
    ("Kenya said it would demand compensation from Uganda.", []),
    ("Kenya said it would comment on the Ugandan report later.", []),
    # ...while a reported threat is the threat, and a reported criticism one to come.
    ("Kenya said it would warn Uganda.", [("KEN", "130", "UGA")]),
    ("Kenya said it would criticize Uganda at the summit.", [("KEN", "130", "UGA")]),
])
def test_a_reported_future_act_with_no_intention_code_is_no_intention_to_cooperate(
        pipeline: Pipeline, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert code(pipeline, text) == expected


def test_a_future_act_of_another_kind_is_still_an_intention(pipeline: Pipeline) -> None:
    assert code(pipeline, "Kenya said it would send aid to Uganda.") == [("KEN", "033", "UGA")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Asian Development Bank pledged $2 billion on Monday to help Sri Lanka rebuild its ports.",
     ("IGOASADEVADB", "0331", "LKA")),
    ("Japan donated 500 tons of rice to help Haitian flood victims.", ("JPN", "070", "HTICVL")),
    ("Norway is willing to send material to help defend Estonia.", ("NOR", "030", "EST")),
])
def test_aid_is_aimed_at_whom_its_purpose_helps(pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in code(pipeline, text)


def test_a_purpose_that_is_not_help_names_no_beneficiary(pipeline: Pipeline) -> None:
    # "to win over" is no verb of helping: the Bolivians are not whom the aid is for, and aid
    # with no one it is for is no event of the lexicon's
    assert code(pipeline, "Peru donated 500 tons of rice to win over Bolivian voters.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya will cut aid to Uganda if the attacks continue.", [("KEN", "1311", "UGA")]),
    ("Russian troops will attack Ukrainian positions unless Kyiv withdraws.", [("RUSMIL", "1384", "UKR")]),
    # not hostile: still only a possibility
    ("Kenya will sign the deal with Uganda if the talks succeed.", []),
    # a refusal on a condition is not a threat of the refused act
    ("Kenya will not cut aid to Uganda if the talks succeed.", []),
    # someone's guess at what may come is no threat
    ("The African Union might impose sanctions on Mali if the junta stays, analysts said.", []),
])
def test_a_hostile_act_that_will_come_on_a_condition_is_a_threat(pipeline: Pipeline, text: str,
                                                                  expected: list[tuple[str, str, str]]) -> None:
    assert code(pipeline, text) == expected
