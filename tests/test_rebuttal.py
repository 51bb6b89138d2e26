"""A denial of "the accusations" is aimed at the authors of the accusation the article told
before it (issue 17, events.rebuttal). Sentences are our own."""
from __future__ import annotations

import pytest

from newsevents.model import Document, Event
from newsevents.pipeline import Pipeline

pytestmark = pytest.mark.issue(17)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def denials(pipeline: Pipeline, text: str) -> list[Event]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="t", text=text, date="2024-03-12")]))
    return [e for e in events if e.code == "016" or e.code.startswith("12")]


def dyads(events: list[Event]) -> set[tuple[str, str | None]]:
    return {(e.source.code[:3], e.target.code[:3] if e.target else None) for e in events}


def test_a_denial_of_the_accusations_answers_their_authors(pipeline: Pipeline) -> None:
    text = ("Venezuela and Cuba on Monday accused the United States of plotting a coup. "
            "The State Department dismissed these claims on Tuesday.")
    assert dyads(denials(pipeline, text)) == {("USA", "VEN"), ("USA", "CUB")}


def test_the_accusation_may_be_told_a_few_sentences_before(pipeline: Pipeline) -> None:
    text = ("Moscow accused Ukrainian troops of shelling a hospital in Donetsk. "
            "The hospital's director said two nurses were hurt. "
            "Kyiv's military rejected the accusation as a lie.")
    assert dyads(denials(pipeline, text)) == {("UKR", "RUS")}


def test_an_accusation_against_someone_else_is_not_what_the_denial_answers(pipeline: Pipeline) -> None:
    text = ("Moscow accused Georgia of shelling a village. "
            "Kyiv's military rejected the accusation as a lie.")
    assert dyads(denials(pipeline, text)) == {("UKR", None)}


def test_a_denial_of_wrongdoing_points_back_to_nothing(pipeline: Pipeline) -> None:
    text = ("Moscow accused Ukrainian troops of shelling a hospital. "
            "Kyiv's military denied wrongdoing.")
    assert all(e.target is None for e in denials(pipeline, text))
