"""Casualty counts of separate groups, of passives a clause away from their subject, and the
events they sit on (issue 15 item 7). Sentences written for these tests."""
from __future__ import annotations

import pytest

from newsevents.events.casualties import count_at, counts_in
from newsevents.events.unattributed import read_unattributed_words
from newsevents.model import Event

pytestmark = pytest.mark.issue(15)

DATE = "2024-06-21"


def _code(text: str) -> list[Event]:
    import newsevents

    return newsevents.code_text(text, date=DATE)


def _range(count: dict[str, object]) -> tuple[object, object]:
    return count["min"], count["max"]


@pytest.mark.parametrize(("text", "kind", "low", "high"), [
    # a second group of the same kind, in a clause of its own
    ("Militants killed 14 soldiers in an ambush near Gao, and six more were killed when their convoy hit a mine.",
     "killed", 20, 20),
    ("An air strike killed four fighters near Idlib, while a second strike on a village killed three civilians.",
     "killed", 7, 7),
    ("Police arrested 40 protesters in Minsk and detained 25 more in Grodno, a rights group said.", "arrested", 65, 65),
    # an open end stays open
    ("Insurgents killed at least 20 farmers in Borno on Sunday, and a further six bodies were recovered from a river.",
     "killed", 26, None),
])
def test_separate_groups_add_up(text: str, kind: str, low: int, high: int | None) -> None:
    count = counts_in(text)[kind]
    assert _range(count) == (low, high)
    start, end = count["span"]
    assert text[start:end] == count["text"]  # the span runs from the first group to the last


@pytest.mark.parametrize(("text", "kind", "low", "high"), [
    # a part of the group already counted
    ("Twenty people were killed in the blast, including four children who were shot dead as they fled.",
     "killed", 20, 20),
    ("Nine people were killed on Sunday; three of the dead were police officers.", "killed", 9, 9),
    # a toll is a total already
    ("The death toll rose to 31 after four more bodies were found under the rubble.", "killed", 31, 31),
    # another time
    ("Gunmen killed 12 villagers in Zamfara on Monday, a week after 30 people were killed in a raid nearby.",
     "killed", 12, 12),
    # the same person named again
    ("Troops killed a Palestinian man who was shot dead at a checkpoint near Jenin.", "killed", 1, 1),
    ("Police arrested a reporter over his claim that he was detained illegally last year.", "arrested", 1, 1),
    # the same count named again
    ("Rebels killed 12 people in the raid, and the 12 dead were buried on Friday.", "killed", 12, 12),
])
def test_parts_tolls_and_repeats_add_nothing(text: str, kind: str, low: int, high: int | None) -> None:
    assert _range(counts_in(text)[kind]) == (low, high)


def test_the_count_of_one_word() -> None:
    text = "An air strike killed four fighters near Idlib, while a second strike on a village killed three civilians."
    second = text.rindex("killed")
    assert _range(count_at(text, second, "killed")) == (3, 3)  # type: ignore[arg-type]
    assert count_at(text, second, "arrested") is None
    assert count_at(text, text.index("strike"), "killed") is None  # no word of harm there


def test_separate_strikes_each_carry_their_own_count() -> None:
    events = [e for e in _code("An air strike killed four fighters near Idlib, while a second strike "
                               "on a village killed three civilians.") if "killed" in e.attributes]
    assert sorted(_range(e.attributes["killed"]) for e in events) == [(3, 3), (4, 4)]


def test_arrests_and_dead_sit_on_their_own_events() -> None:
    events = _code("Kenyan police shot dead two robbers in Nairobi and arrested five others.")
    (arrest,) = [e for e in events if e.code == "173"]
    (shooting,) = [e for e in events if e.root == "19"]
    assert set(arrest.attributes) == {"arrested"} and arrest.attributes["arrested"]["min"] == 5
    assert set(shooting.attributes) == {"killed"} and shooting.attributes["killed"]["min"] == 2


@pytest.mark.parametrize(("text", "count"), [
    ("A man stabbed two women at a bus stop in Graz and was arrested by police.", 1),
    ("Two teenagers set fire to a mosque in Leeds and were detained on Sunday.", 2),
])
def test_a_joined_passive_counts_the_subject_of_the_clause_before(text: str, count: int) -> None:
    (arrest,) = [e for e in _code(text) if e.code == "173"]
    assert _range(arrest.attributes["arrested"]) == (count, count)
    start, end = arrest.attributes["arrested"]["span"]
    assert text[start:end] == arrest.attributes["arrested"]["text"]


@pytest.mark.parametrize("text", [
    "A man rammed his truck into a crowd of shoppers in Lyon, killing four people.",
    "A van ploughed into pedestrians in Toronto on Monday, killing ten people.",
    "A man steered his van into worshippers outside a mosque in Cardiff, injuring eleven people.",
])
def test_a_vehicle_driven_into_a_crowd_is_an_attack(text: str) -> None:
    (event,) = [e for e in _code(text) if e.rule.startswith("unattributed.")]
    assert event.code == "180" and event.attributes


@pytest.mark.parametrize("text", [
    "A driver lost control of his car and ploughed into a wall in Lyon, killing two passengers.",
    "A bus ploughed into a crowd of pilgrims in Nepal after its brakes failed, killing nine people.",
    "A bus plunged into a river in Nepal, killing 20 people.",
])
def test_a_vehicle_out_of_control_is_no_attack(text: str) -> None:
    assert _code(text) == []


def test_the_leader_of_a_coalition_owns_its_strike() -> None:
    (event,) = [e for e in _code("A Saudi-led coalition air strike on a wedding party near Dahyan killed "
                                 "21 guests, local officials said.") if e.rule.startswith("unattributed.")]
    assert event.source.code == "SAU" and event.code == "195"


def test_a_week_of_violence_is_counted_and_two_years_are_a_tally() -> None:
    (event,) = [e for e in _code("Almost 60 people have been killed in clashes in Nigeria's Benue state "
                                 "over the past week.") if e.rule.startswith("unattributed.")]
    assert _range(event.attributes["killed"]) == (1, 59)
    assert _code("More than 2,000 people have been killed in clashes in Nigeria's Plateau state "
                 "over the past two years.") == []


def test_ram_verbs_need_known_codes() -> None:
    with pytest.raises(ValueError, match="unknown CAMEO code"):
        read_unattributed_words("kind\tphrase\tcode\tnote\nram_verb\tram\t999\t\n", "x.tsv")


def test_people_hurt_by_arson_are_violence_and_a_fire_without_a_cause_is_not() -> None:
    (event,) = [e for e in _code("Arsonists set fire to a mosque in the town of Kirtipur, injuring three "
                                 "worshippers.") if e.rule.startswith("unattributed.")]
    assert event.code == "180" and event.attributes["injured"]["min"] == 3
    assert _code("A candle set fire to curtains in a flat in Leeds, killing two children.") == []


def test_the_violence_an_arrest_answers_is_an_event_of_its_own() -> None:
    events = _code("Police arrested a 41-year-old man after a woman was stabbed to death at a tram stop in Graz "
                   "on Sunday night.")
    (arrest,) = [e for e in events if e.code == "173"]
    (stabbing,) = [e for e in events if e.root == "18"]
    assert set(arrest.attributes) == {"arrested"}  # the dead are the stabbing's, not the arrest's
    assert stabbing.attributes["killed"]["min"] == 1


@pytest.mark.parametrize(("text", "source", "target", "kind", "count"), [
    ("Three soldiers were ambushed and killed by militants near Gao on Monday.", "MLIUAF", "MLIMIL", "killed", 3),
    ("A reporter was shot and wounded by police in Caracas during a march.", "VENCOP", None, "injured", 1),
])
def test_a_joined_passive_with_a_coded_author(text: str, source: str, target: str | None, kind: str,
                                               count: int) -> None:
    (event,) = [e for e in _code(text) if kind in e.attributes]
    assert event.source.code == source and (target is None or event.target.code == target)
    assert _range(event.attributes[kind]) == (count, count)


def test_an_active_author_of_a_harm_to_no_actor_is_no_event() -> None:
    # the passive's agent is taken; an active verb's subject is the extractor's, which codes no
    # event when the object is no actor
    assert _code("A Kenyan herder killed a hyena near Isiolo on Monday.") == []
