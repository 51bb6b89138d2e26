"""Events that carry casualty counts where the sentence names no author (issue 15 item 7):
a guessed toll of a stated act, a zero toll of an act that was done, an owner inside the
cause's phrase. Sentences written for these tests."""
from __future__ import annotations

import pytest

from newsevents.model import Event

pytestmark = pytest.mark.issue(15)

DATE = "2024-06-21"


def _unattributed(text: str) -> list[Event]:
    import newsevents

    return [e for e in newsevents.code_text(text, date=DATE) if e.rule.startswith("unattributed.")]


def test_a_guessed_toll_of_a_stated_raid_is_the_raid() -> None:
    (event,) = _unattributed("As many as 25 villagers may have been killed in a raid on a settlement in Niger's "
                             "Tillaberi region, residents said.")
    assert event.code == "190" and event.source.code == "NER" and event.modality is None
    assert (event.attributes["killed"]["min"], event.attributes["killed"]["max"]) == (1, 25)


def test_a_guessed_toll_of_a_stated_crackdown_is_arrests() -> None:
    (event,) = _unattributed("Up to 50 activists might have been detained during a crackdown in Tashkent, "
                             "a monitor said.")
    assert event.code == "173" and event.source.code == "UZBCOP"


def test_a_zero_toll_of_a_stated_attack() -> None:
    (event,) = _unattributed("No one was hurt in the attack on the Chinese embassy in Manila, police said.")
    assert event.source.code == "PHL"  # the place of the attack, not the embassy's country
    assert event.attributes["injured"]["max"] == 0 and not event.negated


def test_a_zero_toll_of_an_explosion_in_a_clause_of_its_own() -> None:
    (event,) = _unattributed("A bomb exploded outside an army barracks in Quetta on Monday, but nobody was killed.")
    assert event.code == "183" and event.attributes["killed"]["max"] == 0
    assert event.trigger == "bomb"  # the act, not the harm that did not happen


def test_no_one_of_a_zero_toll_is_no_target() -> None:
    (event,) = _unattributed("No soldiers were hurt in the rocket attack on a base outside Mosul.")
    assert event.target is not None and event.target.code == "IRQ"  # the place's country, not "no soldiers"


def test_the_owner_inside_the_cause_phrase_is_the_source() -> None:
    (event,) = _unattributed("Two Ukrainian soldiers were killed and four wounded by Russian artillery fire "
                             "near Bakhmut overnight.")
    assert event.source.country == "RUS" and event.code == "194"
    assert (event.attributes["killed"]["min"], event.attributes["injured"]["min"]) == (2, 4)


def test_stabbed_to_death_is_force_with_its_count() -> None:
    (event,) = _unattributed("A police officer was stabbed to death in Brussels on Friday, officials said.")
    assert event.code == "180" and event.source.code == "BEL" and event.attributes["killed"]["min"] == 1
