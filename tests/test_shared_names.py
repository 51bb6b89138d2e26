"""A capital whose name another country's town shares is read by the countries its article
names (actors.shared_names): "gunmen in Tripoli" who attack a Lebanese post are in Lebanon's
Tripoli; Libyan militias in Tripoli stay in Libya's."""
from __future__ import annotations

import pytest

from newsevents.model import Document
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def sources(pipeline: Pipeline, text: str) -> set[str]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="n", text=text, date="2023-10-09")]))
    return {e.source.code for e in events}


def test_the_named_country_settles_the_town(pipeline: Pipeline) -> None:
    assert "LBNUAF" in sources(pipeline, "Gunmen in Tripoli attacked a Lebanese army post.")


def test_the_capital_stays_where_nothing_says_otherwise(pipeline: Pipeline) -> None:
    assert "LBYUAF" in sources(pipeline, "Gunmen in Tripoli attacked a police post.")
