"""Violence and arrests with no author named (issue 15 item 7): the events that carry their counts,
and the reports that must give none. Sentences written for these tests."""
from __future__ import annotations

import pytest

from newsevents.events.casualties import counts_in
from newsevents.events.unattributed import UNATTRIBUTED_CONFIDENCE, read_unattributed_words
from newsevents.model import Event

pytestmark = pytest.mark.issue(15)

DATE = "2024-06-21"


def _code(text: str) -> list[Event]:
    import newsevents

    return newsevents.code_text(text, date=DATE)


def _unattributed(text: str) -> list[Event]:
    return [e for e in _code(text) if e.rule.startswith("unattributed.")]


def test_a_bomb_with_victims_and_no_author_is_an_event_of_the_place() -> None:
    (event,) = _unattributed("A bomb exploded near a market in Mogadishu, killing eight people.")
    assert event.code == "183"
    assert event.source.code == "SOM" and event.source.text == ""  # unnamed attackers in Somalia
    assert event.attributes["killed"]["min"] == event.attributes["killed"]["max"] == 8
    assert event.confidence == UNATTRIBUTED_CONFIDENCE


def test_the_cause_gives_the_code() -> None:
    (mine,) = _unattributed("Three soldiers were killed when their vehicle hit a roadside bomb in Kunar province.")
    assert mine.code == "1833" and mine.source.code == "AFG"
    # a town the actor tables do not know (a large city is an actor: the extractor codes it itself)
    (shooting,) = _unattributed("Two people were wounded in a shooting at a bus stop in Jamundi, Colombia.")
    assert shooting.code == "193" and shooting.attributes["injured"]["min"] == 2


def test_the_extractors_own_unnamed_attackers_are_not_doubled() -> None:
    events = _code("Twelve people were wounded in clashes between rival clans in central Somalia.")
    assert [(e.source.code, e.code, e.attributes["injured"]["min"]) for e in events] == [("SOM", "190", 12)]


def test_left_dead() -> None:
    (event,) = _unattributed("Fighting in Sudan's Darfur region left at least 40 dead, aid workers said.")
    assert event.source.code == "SDN"
    assert (event.attributes["killed"]["min"], event.attributes["killed"]["max"]) == (40, None)


def test_an_actor_as_the_subject_of_killed_is_violence_whatever_the_cause() -> None:
    (event,) = _unattributed("Suspected jihadists killed 14 villagers in an overnight raid in Niger's Tillaberi region.")
    assert event.code == "190" and event.source.code == "NER" and event.attributes["killed"]["min"] == 14


def test_armed_groups_named_in_the_sentence_are_a_cause() -> None:
    (event,) = _unattributed("Militants stormed a hotel in Mogadishu; at least nine people were killed.")
    assert event.source.code == "SOM" and event.attributes["killed"]["min"] == 9  # "stormed" is no storm


def test_gunfire_leaving_dead() -> None:
    (event,) = _unattributed("Gunfire erupted in the capital of Chad overnight, leaving five dead and 12 injured.")
    assert event.code == "193" and event.attributes["killed"]["min"] == 5 and event.attributes["injured"]["min"] == 12


def test_a_toll_is_a_report_of_killings() -> None:
    (event,) = _unattributed("The death toll from Friday's bombing of a bus station in Quetta climbed to 17.")
    assert event.code == "183" and event.attributes["killed"]["min"] == 17


def test_bodies_found_are_counted_as_killed() -> None:
    (event,) = _unattributed("Fourteen bodies were found dumped on a roadside in Veracruz state, Mexico.")
    assert event.source.code == "MEX" and event.attributes["killed"]["min"] == 14


def test_agentless_arrests_are_by_the_police_of_the_place() -> None:
    (event,) = _unattributed("Hundreds of people were detained after protests in Minsk.")
    assert event.code == "173" and event.source.code == "BLRCOP"
    assert (event.attributes["arrested"]["min"], event.attributes["arrested"]["max"]) == (200, 999)


def test_arrests_with_no_place_are_by_police_without_a_country() -> None:
    (event,) = _unattributed("Eleven people were arrested after a riot at the stadium.")
    assert event.source.code == "COP" and event.source.country is None
    assert event.confidence < UNATTRIBUTED_CONFIDENCE  # countryless, as other such roles


def test_taken_into_custody() -> None:
    (event,) = _unattributed("Seventeen opposition supporters were taken into custody in Kampala on Monday.")
    assert event.source.code == "UGACOP" and event.attributes["arrested"]["min"] == 17


def test_named_events_are_not_doubled() -> None:
    events = _code("Police arrested 25 protesters in Nairobi.")
    assert [e.code for e in events] == ["173"]
    assert not any(e.rule.startswith("unattributed.") for e in events)


@pytest.mark.parametrize("text", [
    # accidents and natural deaths
    "At least 12 people were killed when a bus crashed into a ravine in northern Peru on Monday.",
    "Floods killed 30 people in Bangladesh this week, officials said.",
    "A fire at a garment factory in Dhaka killed 15 workers.",
    "An earthquake killed more than 200 people in western Nepal.",
    "Cholera has killed 40 people in Malawi since January.",
    "Five miners were killed when a coal mine collapsed in Shanxi province.",
    "Six people drowned when a boat capsized on Lake Victoria.",
    "Two people were killed in a gas explosion at a restaurant in Nairobi.",
    "Two people were killed and five injured when a building collapsed in Lagos.",
    "Three people died of a heart attack during the heatwave in Karachi.",
    "A landslide triggered by heavy rain killed 19 people in southern Ethiopia.",
    "Eight people were killed in a stampede at a religious festival in Uttar Pradesh.",
    "Two soldiers died and four were injured when their helicopter crashed in Colombia.",
    "An explosion at a fireworks factory in Thailand killed 12 workers.",
    "The mine blast killed 17 miners in Colombia's Boyaca department.",
    # no place and no actor of any country: neither who nor where
    "Six people were killed in an attack in the city, officials said.",
    # deaths with no cause of violence named
    "Six people were killed and ten wounded on Sunday in the capital of Chad, officials said.",
    # history, negation, possibility
    "More than 300 people were killed when a car bomb exploded in the town in 1998, the mayor recalled on Tuesday.",
    "No one was hurt, police in Kampala said.",  # a zero with no act named
    "No one was killed in the planned attack on the embassy in Manila, which police foiled.",
    "A gas cylinder exploded in a restaurant in Lahore, but no one was hurt.",  # an accident
    "Police in Manchester said no arrests were made after the match.",
    "As many as 25 people may have been killed in Niger, residents said.",  # a guess, no act named
    "Up to 20 people may have been killed in a possible attack on a camp in Chad.",  # the act is a guess too
    "As many as 30 people could be killed in an attack on Niamey, officials warned.",  # not yet done
    # a tally over a period, and people held by a thing, not arrested by anyone
    "More than 900 civilians have been killed in the fighting in Kivu so far this year, the UN said.",
    "At the border post, a room built for 20 held 90 migrants, a report found.",
    # victims as the setting of another act
    "Serbia eased a curfew in the province where 30 people have been killed in riots this year.",
])
def test_no_unattributed_event(text: str) -> None:
    assert _unattributed(text) == []


def test_uncertain_reports_are_kept_marked_when_asked() -> None:
    from newsevents.model import Document
    from newsevents.pipeline import Pipeline

    text = "At least 15 people may have been killed when a car bomb exploded near a market in Kirkuk."
    assert _unattributed(text) == []
    ((_document, _mentions, events),) = list(Pipeline(keep_uncertain=True).code([Document(id="t", text=text, date=DATE)]))
    assert [(e.code, e.modality) for e in events if e.rule.startswith("unattributed.")] == [("1832", "possible")]


@pytest.mark.parametrize("text,kind,low,high", [
    ("An explosion at the depot killed six soldiers and three civilians.", "killed", 9, 9),
    ("Four police officers and a civilian were wounded in the ambush.", "injured", 5, 5),
    ("The blast killed two soldiers and three were wounded.", "injured", 3, 3),
    ("Hundreds protested and 12 were arrested.", "arrested", 12, 12),
    ("A 9-year-old boy was killed by a stray bullet.", "killed", 1, 1),
    ("Three passers-by were wounded.", "injured", 3, 3),
    ("Between 20 and 25 people were detained.", "arrested", 20, 25),
    ("Police recovered the bodies of 12 people from a river.", "killed", 12, 12),
    ("The bodies of six men with gunshot wounds were discovered on a highway.", "killed", 6, 6),
    ("A drone strike killed a senior commander and two of his bodyguards.", "killed", 3, 3),
    ("Some 40 people were rounded up in the raid.", "arrested", 40, 40),
    ("Almost 300 people were injured.", "injured", 1, 299),
    ("The fighting left scores of people dead.", "killed", 40, None),
    ("No one was killed in the attack.", "killed", 0, 0),
    ("Officials said no arrests were made.", "arrested", 0, 0),
    ("They were taken into custody after 40 were detained.", "arrested", 40, 40),
])
def test_count_phrasings(text: str, kind: str, low: int, high: int | None) -> None:
    count = counts_in(text)[kind]
    assert (count["min"], count["max"]) == (low, high)


@pytest.mark.parametrize("text", [
    "The bodies were handed to their families.",
    "Thousands marched through the city on Saturday.",
])
def test_no_count(text: str) -> None:
    assert counts_in(text) == {}


def test_the_data_file_is_checked() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        read_unattributed_words("kind\tphrase\tcode\tnote\nweird\tx\t190\t\n", "t.tsv")
    with pytest.raises(ValueError, match="unknown CAMEO code"):
        read_unattributed_words("kind\tphrase\tcode\tnote\ncause\tblast\t999\t\n", "t.tsv")
