"""Who acts and on whom, in parse patterns and actor readings that lost or misplaced an
argument (session 8, PLOVER gold classes). All sentences are our own.

- events.confidence: a yielding act keeps itself without a guessed target it does not bear out;
- actors.countryless.reliable_in: a titled person placed by the sentence's one country is a source;
- events.stray_agent: a passive's "by" phrase hung on the object of its preposition is its agent;
- events.own_forces: the forces a show of force sends are its instrument, not its target;
- events.missed_target.asks_uncoded: an appeal to someone uncoded is not aimed at what they are asked to do;
- events.attribution: the agency that reports an act is no party to it;
- actors.shared_names: a capital whose name another country's town shares is read by the article's countries.
"""
from __future__ import annotations

import pytest

from newsevents.model import Document
from newsevents.pipeline import Pipeline

Triple = tuple[str, str, str | None]


@pytest.fixture(scope="module")
def rules() -> Pipeline:
    return Pipeline(coder="rules")


@pytest.fixture(scope="module")
def hybrid() -> Pipeline:
    return Pipeline(coder="hybrid", joint="single")


def events_of(pipeline: Pipeline, text: str) -> set[Triple]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="t", text=text, date="2024-06-21")]))
    return {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


def roots_of(pipeline: Pipeline, text: str) -> set[Triple]:
    return {(source, code[:2], target) for source, code, target in events_of(pipeline, text)}


def test_yield_keeps_its_act_without_an_unsupported_target(hybrid: Pipeline) -> None:
    found = roots_of(hybrid, "The Georgian parliament eased curbs on the broadcast of foreign films on state television.")
    assert ("GEOLEG", "08", None) in found
    assert not any(target and target.startswith("GEO") and target != "GEOLEG" for _s, _c, target in found)


def test_titled_person_placed_by_the_sentence_acts_as_source(hybrid: Pipeline) -> None:
    found = roots_of(hybrid, "Judge Marta Quispe opened a corruption investigation against nine Peruvian "
                             "police officers, the court said on Monday.")
    assert ("PERJUD", "09", "PERCOP") in found


def test_stray_by_phrase_is_the_accuser(rules: Pipeline) -> None:
    found = events_of(rules, "The Peruvian president was accused of corruption by Chilean prosecutors.")
    assert ("CHLJUD", "1121", "PERGOV") in found


def test_stray_by_phrase_is_who_charges(rules: Pipeline) -> None:
    assert ("KENJUD", "115", "KENGOV") in events_of(rules, "The Kenyan minister was charged with fraud by Kenyan prosecutors.")


def test_an_act_noun_keeps_its_own_doer(rules: Pipeline) -> None:
    found = events_of(rules, "A Ugandan journalist was arrested for killings by the militia.")
    assert not any(code.startswith("17") and source.startswith("UGAUAF") for source, code, _t in found)


def test_patrols_by_police_and_soldiers_have_no_target(rules: Pipeline) -> None:
    found = events_of(rules, "The Bolivian government ordered patrols by soldiers and police along the border with Peru.")
    assert ("BOLGOV", "150", None) in found
    assert not any(target in ("MIL", "COP") for _s, _c, target in found)


def test_an_appeal_to_someone_uncoded_is_not_aimed_at_what_they_are_asked_to_do(rules: Pipeline) -> None:
    assert not any(target == "KSV" for _s, _c, target in events_of(rules, "Nigeria urged the delegates to recognise Kosovo."))
    assert ("NGA", "022", "GHA") in events_of(rules, "Nigeria urged Ghana to sign the ECOWAS treaty.")


def test_the_reporting_agency_is_not_a_party(rules: Pipeline) -> None:
    found = events_of(rules, "Sudanese rebels blew up a bridge near Kassala, the Kenyan news agency reported.")
    assert ("SDNREB", "1712", "SDN") in found


def test_a_country_the_act_names_is_still_counted(rules: Pipeline) -> None:
    found = events_of(rules, "Sudanese rebels blew up a bridge on the road to Eritrea, the Kenyan news agency reported.")
    assert ("SDNREB", "1712", "SDN") not in found


def test_the_named_country_settles_the_town(rules: Pipeline) -> None:
    assert "LBNUAF" in {source for source, _c, _t in events_of(rules, "Gunmen in Tripoli attacked a Lebanese army post.")}


def test_the_capital_stays_where_nothing_says_otherwise(rules: Pipeline) -> None:
    assert "LBYUAF" in {source for source, _c, _t in events_of(rules, "Gunmen in Tripoli attacked a police post.")}
