"""Actor sectors (issue 15 item 8), one general cause per case, on sentences written for the
tests: what a role word, a weapon, a capital or an office says about its actor's sector."""
from __future__ import annotations

import pytest

from newsevents.model import ActorMention, Document
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def mentions_of(pipeline: Pipeline, text: str) -> dict[str, ActorMention]:
    ((_document, _doc, mentions),) = list(pipeline.actors([Document(id="s", text=text, date="2024-06-21")]))
    return {m.text: m for m in mentions}


@pytest.mark.parametrize("text,phrase,code", [
    # people, men, youths and a national are civilians (CAMEO CVL; Phoenix's PPL is no CAMEO type)
    ("Kenyan people marched to the embassy.", "Kenyan people", "KENCVL"),
    ("Police in Lagos arrested four men.", "four men", "NGACVL"),
    ("Iraqi youths threw stones at the convoy.", "Iraqi youths", "IRQCVL"),
    ("A French national was detained in Tehran.", "A French national", "FRACVL"),
    # weapons and aircraft are their country's military
    ("Russian aircraft bombed the village.", "Russian aircraft", "RUSMIL"),
    ("Israeli helicopters fired missiles at the camp.", "Israeli helicopters", "ISRMIL"),
    ("US drones struck the compound.", "US drones", "USAMIL"),
    # administrators run a government
    ("Palestinian administrators rejected the plan.", "Palestinian administrators", "PSEGOV"),
    # an ousted or deposed president is no longer the government: an elite (ELI)
    ("Deposed President Mohamed Morsi appealed to the court.", "Deposed President Mohamed Morsi", "EGYELI"),
    ("Ousted President Viktor Yanukovych fled to Russia.", "Ousted President Viktor Yanukovych", "UKRELI"),
])
def test_role_words_give_sectors(pipeline: Pipeline, text: str, phrase: str, code: str) -> None:
    assert mentions_of(pipeline, text)[phrase].code == code


@pytest.mark.parametrize("text,phrase,code", [
    # a capital that acts through a passive verb or an act's noun is its government
    ("The proposal was rejected by Beijing on Monday.", "Beijing", "CHNGOV"),
    ("Warsaw demanded an admission by Moscow of the killings.", "Moscow", "RUSGOV"),
    # a place where something is, not an actor: the country alone
    ("He lived in a flat in Moscow for years.", "Moscow", "RUS"),
])
def test_capital_as_agent_is_its_government(pipeline: Pipeline, text: str, phrase: str, code: str) -> None:
    assert mentions_of(pipeline, text)[phrase].code == code
