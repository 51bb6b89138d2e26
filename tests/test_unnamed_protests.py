"""Protests whose protesters the text does not name (events.unnamed_protests), on sentences
written for the tests."""
from __future__ import annotations

import pytest

from newsevents.model import Document
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def coded(pipeline: Pipeline, text: str) -> set[tuple[str, str, str | None, str]]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="p", text=text, date="2024-06-21")]))
    return {(e.source.code, e.code, e.target.code if e.target else None, e.rule) for e in events}


def test_a_protest_in_a_place_against_a_coded_actor_has_unnamed_protesters(pipeline: Pipeline) -> None:
    found = coded(pipeline, "Two students died on Monday during demonstrations in Nairobi against the Kenyan government.")
    assert ("KENOPP", "141", "KENGOV", "unnamed-protesters.demonstration.n") in found


def test_no_place_no_protesters(pipeline: Pipeline) -> None:
    # Protests against a government may be held anywhere; the target's country does not say where.
    found = coded(pipeline, "Protests against the Iranian government continued on Monday.")
    assert not any(rule.startswith("unnamed-protesters") for *_, rule in found)


def test_named_protesters_are_the_extractors(pipeline: Pipeline) -> None:
    found = coded(pipeline, "Kenyan teachers staged protests in Nairobi against the government on Monday.")
    assert not any(rule.startswith("unnamed-protesters") for *_, rule in found)
    assert any(code.startswith("14") for _s, code, _t, _r in found)


def test_background_and_negated_protests_are_not_coded(pipeline: Pipeline) -> None:
    for text in ("In 2011, protests in Cairo against the Egyptian government toppled Mubarak.",
                 "There were no protests in Lagos against the Nigerian government on Monday."):
        assert not any(rule.startswith("unnamed-protesters") for *_, rule in coded(pipeline, text)), text
