"""A role's country from its article when its sentence cannot give one (issue 17). Sentences
written for these tests."""
from __future__ import annotations

import pytest

from newsevents.actors.antecedent_country import antecedent_country
from newsevents.model import ActorMention, Event

pytestmark = pytest.mark.issue(17)

DATE = "2024-03-01"


def _code(text: str) -> list[Event]:
    import newsevents

    return newsevents.code_text(text, date=DATE)


def _role(sentence: int, start: int, country: str | None, sectors: list[str]) -> ActorMention:
    return ActorMention(doc_id="d", sentence_index=sentence, text="x", start=start, end=start + 1,
                        code=(country or "") + "".join(sectors) if country else None, country=country,
                        sectors=sectors, name=None, rule="unresolved-role" if country is None else "t")


def test_a_role_takes_the_country_of_the_same_role_told_just_before() -> None:
    events = _code("Kenyan police fired teargas at students in Nairobi on Monday. Uganda and Tanzania called "
                   "for calm. Police arrested twelve students on Tuesday.")
    (arrest,) = [e for e in events if e.code == "173"]
    assert arrest.source.code == "KENCOP" and arrest.source.rule == "role+same-role-earlier"


def test_two_earlier_countries_for_the_role_give_none() -> None:
    events = _code("Kenyan police fired teargas at students in Nairobi on Monday. Ugandan police fired teargas "
                   "at students in Kampala. Police arrested twelve students on Tuesday.")
    assert not [e for e in events if e.code == "173" and e.source.country]


def test_the_antecedent_must_have_the_same_sectors_and_be_near() -> None:
    role = _role(8, 500, None, ["COP"])
    assert antecedent_country(role, [_role(7, 400, "KEN", ["MIL"]), role]) is None
    assert antecedent_country(role, [_role(1, 10, "KEN", ["COP"]), role]) is None  # beyond the window
    assert antecedent_country(role, [_role(5, 300, "KEN", ["COP"]), role]) == "KEN"
    assert antecedent_country(role, [_role(8, 600, "KEN", ["COP"]), role]) is None  # told after it


def test_a_sentence_naming_another_country_keeps_its_roles_unplaced() -> None:
    events = _code("Police in Ohio arrested two men on Monday. Doctors urged the Mexican government "
                   "to act.")
    assert not [e for e in events if e.code.startswith("02") and e.source.country]
