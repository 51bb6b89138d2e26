"""Roles whose own modifier says they are from elsewhere ("Western hostages", "foreign workers")
keep their sectors and no country (actors.countryless.foreign_role), on sentences written for
the tests."""
from __future__ import annotations

import pytest

from newsevents.model import Document
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def read(pipeline: Pipeline, text: str):
    ((_document, mentions, events),) = list(pipeline.code([Document(id="f", text=text, date="2024-06-21")]))
    return {m.text: m.code for m in mentions}, {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


def test_foreign_workers_are_not_of_the_place_named(pipeline: Pipeline) -> None:
    mentions, events = read(pipeline, "Police in Doha detained foreign workers on Sunday.")
    assert mentions["foreign workers"] == "LAB"
    assert ("QATCOP", "173", "LAB") in events


def test_western_hostages_are_not_of_the_captors_country(pipeline: Pipeline) -> None:
    mentions, _ = read(pipeline, "Al-Shabaab fighters swapped three Western hostages for four commanders held by the Somali army.")
    assert mentions["three Western hostages"] == "CVL"


def test_the_foreign_minister_keeps_the_place_rule(pipeline: Pipeline) -> None:
    # "foreign" names the office here: the role is a state's, and never coded without a country.
    plain, _ = read(pipeline, "The minister spoke to reporters in Lima on Monday.")
    foreign, _ = read(pipeline, "The foreign minister spoke to reporters in Lima on Monday.")
    assert plain.get("The minister") == foreign.get("The foreign minister")


def test_hostages_are_civilians(pipeline: Pipeline) -> None:
    mentions, _ = read(pipeline, "Gunmen seized five hostages in Maiduguri on Friday.")
    assert mentions["five hostages"] == "NGACVL"
