"""A role word alone, capitalised as an institution ("the Senate", "Police"), is located as the
lower-case role is (actors.countryless._capitalised_role); a name built on a role word is not.
Sentences written for the tests."""
from __future__ import annotations

import pytest

from newsevents.model import Document
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def read(pipeline: Pipeline, text: str):
    ((_document, mentions, events),) = list(pipeline.code([Document(id="c", text=text, date="2024-06-21")]))
    return {m.text: m.code for m in mentions}, {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


def test_capitalised_institutions_take_the_articles_one_country(pipeline: Pipeline) -> None:
    mentions, events = read(pipeline, "Three members of the Senate have taken the Inspector-General of Police to court.\n"
                                      "The dispute began after a rally in Kampala last month.")
    assert mentions["the Senate"] == "UGALEG" and mentions["Police"] == "UGACOP"
    assert ("UGALEG", "115", "UGACOP") in events


def test_a_role_word_inside_a_name_is_not_the_role(pipeline: Pipeline) -> None:
    mentions, _ = read(pipeline, "Meanwhile, the People’s Liberation Army took to the streets of the city to clear barricades.\n"
                                 "The city of Shenzhen was calm.")
    assert mentions.get("the People") is None
    assert mentions.get("the People’s Liberation Army") is None
