"""A command opening a quotation is what the speakers say, not what they do: "Teachers chanted,
“Fund our schools”" is a protest, and no funding by the teachers. A quoted clause with its own
subject is still read. Sentences are our own."""
from __future__ import annotations

import pytest

from newsevents.pipeline import Pipeline

from .dyads import coded, rules_pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return rules_pipeline()


@pytest.mark.parametrize("text", [
    "Teachers in Kenya chanted, “Fund our schools,” outside the parliament in Nairobi.",
    'Protesters in Kenya chanted "Release our leaders" outside the parliament.',
])
def test_a_quoted_command_is_no_act_of_the_speakers(pipeline: Pipeline, text: str) -> None:
    found = coded(pipeline, text)
    assert found and all(code.startswith("14") for _source, code, _target in found), found


def test_a_quoted_clause_with_its_subject_is_read(pipeline: Pipeline) -> None:
    found = coded(pipeline, "“Kenya will fund the schools in Uganda,” the minister said in Nairobi.")
    assert any(code.startswith("07") or code.startswith("03") for _source, code, _target in found), found
