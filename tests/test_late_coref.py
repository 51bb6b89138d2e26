"""Names told by a role placed late (actors.late_coref): sentences written for these tests."""
from __future__ import annotations

import pytest

from newsevents.model import ActorMention, Document
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def mentions_of(pipeline: Pipeline, text: str) -> list[ActorMention]:
    ((_document, _doc, mentions),) = list(pipeline.actors([Document(id="s", text=text, date="2024-06-21")]))
    return mentions


def codes(mentions: list[ActorMention], text: str) -> list[str | None]:
    return [m.code for m in mentions if m.text == text]


STORY = ("A missing boy was found by police in Leeds on Monday. The suspect, Gary Hobbs, was charged last week. "
         "Detectives questioned Hobbs at his flat.")


def test_name_in_apposition_with_a_placed_role_takes_its_code(pipeline: Pipeline) -> None:
    found = mentions_of(pipeline, STORY)
    assert codes(found, "Gary Hobbs") == ["GBRCRM"]
    assert codes(found, "Hobbs") == ["GBRCRM"]  # the later surname


def test_role_placed_only_by_its_sentence_lends_nothing(pipeline: Pipeline) -> None:
    # the sentence's one country is Chile's, the counterpart's: no ground to call the envoy Chilean
    found = mentions_of(pipeline, "Ann Pryor, the former envoy to Chile, testified on Tuesday. Pryor said little.")
    assert codes(found, "Pryor") in ([], [None])


def test_one_word_name_in_apposition_is_not_lent(pipeline: Pipeline) -> None:
    # a one-word name beside a role is as often a company's as a person's
    found = mentions_of(pipeline, "A missing boy was found by police in Leeds on Monday. "
                                  "The suspect, Hobbs, was charged last week.")
    assert codes(found, "Hobbs") in ([], [None])


def test_role_without_a_country_lends_nothing(pipeline: Pipeline) -> None:
    found = mentions_of(pipeline, "The suspect, Gary Hobbs, was charged last week.")
    assert codes(found, "Gary Hobbs") in ([], [None])
