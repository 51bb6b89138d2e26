"""Titles abbreviated before a name ("Sen.", "Rep.", "Gov.", "Gen."): sentences written for these
tests."""
from __future__ import annotations

import pytest

from newsevents.actors.knowledge import phrase_tokens
from newsevents.model import Document
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


@pytest.mark.parametrize("text,phrase,code", [
    ("U.S. Rep. Dana Kline visited the border on Friday.", "U.S. Rep. Dana Kline", "USALEG"),
    ("Ohio Gov. Peter Garvey signed the bill on Monday.", "Ohio Gov. Peter Garvey", "USAGOV"),
    ("US Sen. Ann Dorsey met the Mexican ambassador.", "US Sen. Ann Dorsey", "USALEG"),
    ("Sudanese Gen. Omar Idris toured the camp.", "Sudanese Gen. Omar Idris", "SDNMIL"),
])
def test_abbreviated_title_gives_the_sector(pipeline: Pipeline, text: str, phrase: str, code: str) -> None:
    ((_document, _doc, mentions),) = list(pipeline.actors([Document(id="t", text=text, date="2024-06-21")]))
    assert {m.text: m.code for m in mentions}[phrase] == code


def test_title_abbreviations_are_one_token_as_in_text() -> None:
    assert phrase_tokens(["sen.", "gov.", "u.s.", "security council"]) == [
        ("sen.",), ("gov.",), ("u.s.",), ("security", "council")]
