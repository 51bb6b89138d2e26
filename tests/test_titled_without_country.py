"""A titled person named in a text that names no country at all is kept with the title's
sectors and no country, as a role without a country is. Sentences are our own."""
from __future__ import annotations

import pytest

from newsevents.model import Document
from newsevents.pipeline import Pipeline

from .dyads import actor_codes, rules_pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return rules_pipeline()


def test_a_titled_person_in_a_text_naming_no_country_keeps_the_title_s_sector(pipeline: Pipeline) -> None:
    text = "Deputy Prime Minister Ana Volkova criticised NATO for expanding its exercises."
    assert actor_codes(pipeline, text)["Deputy Prime Minister Ana Volkova"] == "GOV"
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="t", text=text, date="2024-06-21")]))
    assert [(e.source.code, e.source.country, e.code, e.target.code if e.target else None) for e in events] == [
        ("GOV", None, "111", "IGOWSTNAT")]


@pytest.mark.parametrize("text,person,code", [
    # A country named anywhere still decides, as before.
    ("Judge Ana Ruiz ordered the arrest of two Chilean officials.", "Judge Ana Ruiz", "CHLJUD"),
    # An office of a body we do not know is no state's.
    ("Chairman Tom Reed of Acme Holdings criticized the proposal.", "Chairman Tom Reed of Acme Holdings", None),
    # A role with no name says nothing of who it is.
    ("The prime minister rejected the proposal to hold early elections.", "The prime minister", None),
])
def test_a_country_or_an_unknown_employer_still_decides(pipeline: Pipeline, text: str, person: str,
                                                        code: str | None) -> None:
    found = actor_codes(pipeline, text)
    assert found.get(person) == code, found
