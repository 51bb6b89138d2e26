"""Releases whose releaser is named only as who held the captives (events.captors), on
sentences written for the tests."""
from __future__ import annotations

import pytest

from newsevents.model import Document
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def coded(pipeline: Pipeline, text: str) -> set[tuple[str, str, str | None, str]]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="c", text=text, date="2024-06-21")]))
    return {(e.source.code, e.code, e.target.code if e.target else None, e.rule) for e in events}


def test_captors_release_the_people_in_apposition(pipeline: Pipeline) -> None:
    found = coded(pipeline, "Two aid workers, a Briton and a Canadian, who had been held by al-Shabaab "
                            "since 2021 were released on Tuesday.")
    assert {(s, c, t) for s, c, t, _ in found} >= {("SOMREB", "0841", "GBRCVL"), ("SOMREB", "0841", "CANCVL")}
    assert all(rule == "captor.0841" for *_, rule in found)


def test_a_release_without_captors_gives_no_source(pipeline: Pipeline) -> None:
    assert coded(pipeline, "Two Kenyan aid workers were released on Tuesday.") == set()


def test_a_release_with_its_own_agent_is_the_extractors(pipeline: Pipeline) -> None:
    found = coded(pipeline, "Two Kenyan aid workers held by al-Shabaab were released by Somali troops on Tuesday.")
    assert not any(rule.startswith("captor") for *_, rule in found)


def test_a_denied_release_is_no_event(pipeline: Pipeline) -> None:
    found = coded(pipeline, "Two aid workers, a Briton and a Canadian, who are held by al-Shabaab "
                            "were not released on Tuesday.")
    assert not any(rule.startswith("captor") for *_, rule in found)


def test_captives_read_past_a_year_the_parser_takes_for_the_subject(pipeline: Pipeline) -> None:
    # The parser makes "2020" the subject of "were released" and hangs the release under the
    # relative clause; the captives are still the hostages.
    found = coded(pipeline, "Two hostages — a Canadian and an Australian — who had been held by the Houthis "
                            "in Yemen since 2020 were released Friday.")
    assert {(s, c, t) for s, c, t, _ in found} >= {("YEMREB", "0841", "CANCVL"), ("YEMREB", "0841", "AUSCVL")}
