"""Refusing to yield (CAMEO 124: "refused to release the prisoners", "refused to lift the
restrictions") stands without a target whose country is only a guess, as the yielding itself
does (events.confidence). Before, such a refusal was dropped whole when the people it was about
took the sentence's one country by guess. Sentences are our own."""
from __future__ import annotations

import pytest

from newsevents.pipeline import Pipeline

from .dyads import coded, rules_pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return rules_pipeline()


@pytest.mark.parametrize(("text", "source", "code"), [
    ("Israel refused to release the prisoners.", "ISR", "1243"),
    ("Egypt refused to lift the restrictions on the protesters.", "EGY", "1241"),
])
def test_a_refusal_to_yield_keeps_itself_without_a_guessed_target(pipeline: Pipeline, text: str, source: str,
                                                                  code: str) -> None:
    assert coded(pipeline, text) == [(source, code, None)]


def test_a_refusal_to_release_a_named_party_keeps_its_target(pipeline: Pipeline) -> None:
    found = coded(pipeline, "Israel refused to release the Palestinian prisoners.")
    assert found and all(code.startswith("124") and source == "ISR" for source, code, _target in found), found
