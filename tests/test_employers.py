"""An uncoded official or person acts, and is acted on, as the body their phrase says they
work for (events/employers.py), on sentences written for the tests."""
from __future__ import annotations

import pytest

from newsevents.events.employers import is_body
from newsevents.model import ActorMention, Document
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def events_of(pipeline: Pipeline, text: str) -> set[tuple[str, str, str | None]]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="t", text=text, date="2024-06-21")]))
    return {(e.source.code, e.code[:2], e.target.code if e.target else None) for e in events}


@pytest.mark.parametrize("text,expected", [
    # a role the tables cannot place, and the body its phrase names
    ("An official at the Kenyan health ministry criticized Uganda on Monday.", ("KENGOV", "11", "UGA")),
    ("A senior official in the Iraqi foreign ministry condemned the Turkish air strikes.", ("IRQGOV", "11", "TUR")),
    # a name the tables lack, in apposition with such a role
    ("Jane Doe, an official at the Kenyan health ministry, criticized Uganda on Monday.", ("KENGOV", "11", "UGA")),
    ("Jane Doe, a spokeswoman for Amnesty International, accused Iran of torturing prisoners.",
     ("NGOHRIAMN", "11", "IRN")),
    # a word for one who speaks for a body, which the role tables do not code
    ("Jane Doe, a spokeswoman for the UN refugee agency, criticised Greece over the pushbacks.",
     ("IGOUNOREF", "11", "GRC")),
    ("A spokesman for the Kenyan foreign ministry criticised Uganda over the border closure.", ("KENGOV", "11", "UGA")),
    # an apposition whose role word the tables lack, with a national modifier
    ("John Roe, the first Canadian winter olympian, criticized the Kenyan president.", ("CAN", "11", "KENGOV")),
    # the same phrases name a target
    ("The Ugandan minister met a senior official in the Kenyan foreign ministry.", ("UGAGOV", "04", "KENGOV")),
    ("The Ugandan minister criticized Jane Doe, an official at the Kenyan health ministry.", ("UGAGOV", "11", "KENGOV")),
    # the apposition's role placed by the actor stage itself ("a teacher in Nairobi")
    ("Jane Doe, a teacher in Nairobi, criticized Uganda on Monday.", ("KENEDU", "11", "UGA")),
])
def test_the_employer_is_the_actor(pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in events_of(pipeline, text)


@pytest.mark.parametrize("text", [
    # a person's phrase that names no employer gives none
    "Jane Doe, a mother of three, criticized Uganda on Monday.",
    # a place is where an official is, not a body they work for
    "Jane Doe, who works in Nairobi, criticized Uganda on Monday.",
    "Jane Doe, a spokeswoman in Nairobi, criticized Uganda on Monday.",
])
def test_no_employer_no_source(pipeline: Pipeline, text: str) -> None:
    assert events_of(pipeline, text) == set()


def mention(code: str | None, country: str | None, sectors: list[str]) -> ActorMention:
    return ActorMention(doc_id="t", sentence_index=0, text="x", start=0, end=1, code=code, country=country,
                        sectors=sectors, name=None, rule="test")


@pytest.mark.parametrize("m,body", [
    (mention("KENGOV", "KEN", ["GOV"]), True),
    (mention("IGOUNO", None, ["IGO"]), True),
    (mention("MNCJPN", None, []), True),
    (mention("KEN", "KEN", []), False),
    (mention(None, None, []), False),
])
def test_is_body(m: ActorMention, body: bool) -> None:
    assert is_body(m) is body
