"""Acts the text says were not done, found by a blind judge coded as done: zero victims, history
dated by "N years ago", failed or not-yet acts, purposes of sending, and passive subjects taken as
doers. One general rule each (events/reality.py, events/timing.py, events/purpose.py); the
sentences are our own."""
from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Token

from newsevents.events.casualties import counts_in
from newsevents.events.purpose import sending_head
from newsevents.events.reality import has_null_participant, is_negated, unrealised
from newsevents.events.timing import MONTH, YEAR, Period, resolve_period
from newsevents.model import Document, Event
from newsevents.nlp import load_nlp
from newsevents.pipeline import Pipeline

JUNE = "2024-06-21"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="hybrid")


def token(nlp: Language, text: str, word: str) -> Token:
    return next(t for t in nlp(text) if t.text == word)


def events_of(pipeline: Pipeline, text: str, date: str = JUNE) -> list[Event]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="t", text=text, date=date)]))
    return events


def triggers(events: list[Event]) -> set[str]:
    return {e.trigger for e in events}


# --- 1. No one hurt: a zero-victim statement is no act of harm ----------------------------------

@pytest.mark.parametrize("text,word,expected", [
    ("Nobody was injured in the shelling of Kherson.", "injured", True),
    ("No pilgrims were killed in the stampede near Mina.", "killed", True),
    ("None of the miners were hurt when the tunnel flooded.", "hurt", True),
    ("Not a single fisherman was wounded in the raid.", "wounded", True),
    ("The drone strike killed no one.", "killed", True),
    ("No one was killed or injured in the fire.", "injured", True),  # a joined verb shares the subject
    ("Four pilgrims were killed in the stampede near Mina.", "killed", False),
    ("The army killed two gunmen and no civilians were hurt.", "killed", False),
])
def test_a_participant_that_is_no_one(nlp: Language, text: str, word: str, expected: bool) -> None:
    assert has_null_participant(token(nlp, text, word)) is expected
    assert is_negated(token(nlp, text, word)) is expected


def test_not_a_single_counts_no_one() -> None:
    assert counts_in("Not a single fisherman was wounded in the raid.")["injured"]["max"] == 0
    assert counts_in("None of the miners were hurt.")["injured"]["max"] == 0
    assert counts_in("A fisherman was wounded in the raid.")["injured"]["max"] == 1


def test_zero_victims_give_no_event_of_harm(pipeline: Pipeline) -> None:
    # The strike and the attack were done, and are coded with a toll of 0 (events/zero_tolls.py);
    # the verb of harm whose victim is no one is never the event.
    for text in ("No civilians were killed in the air strike on Homs.",
                 "Not a single villager was hurt in the mortar attack on Kidal."):
        harm = [e for e in events_of(pipeline, text) if e.root in ("18", "19", "20")]
        assert all(e.trigger in ("strike", "attack") for e in harm), text
        assert all(max(c["max"] for c in e.attributes.values()) == 0 for e in harm), text
    assert not events_of(pipeline, "No civilians were killed, the ministry in Damascus said.")


def test_victims_of_another_kind_keep_their_own_word(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "No one was killed but four people were injured in the blast in Quetta.")
    assert event.trigger == "injured" and event.attributes["injured"]["max"] == 4


# --- 2. History dated by a span back from now ---------------------------------------------------

D = dt.date


@pytest.mark.parametrize("text,expected", [
    ("Twelve years ago, rebels", Period(D(2012, 1, 1), D(2012, 12, 31), YEAR)),
    ("three decades ago", Period(D(1994, 1, 1), D(1994, 12, 31), YEAR)),
    ("a year earlier, the army", Period(D(2023, 1, 1), D(2023, 12, 31), YEAR)),
    ("decades ago", Period(D(2004, 1, 1), D(2004, 12, 31), YEAR)),  # a vague count is read as two
    ("four months ago", Period(D(2024, 2, 1), D(2024, 2, 29), MONTH)),
    ("the previous year", Period(D(2023, 1, 1), D(2023, 12, 31), YEAR)),
    ("two centuries ago", Period(D(1824, 1, 1), D(1824, 12, 31), YEAR)),
    ("a year before the election", None),  # before what: no span back from now
    ("three years of war", None),
])
def test_spans_back_from_publication(text: str, expected: Period | None) -> None:
    assert resolve_period(text, D(2024, 6, 21)) == expected


def test_an_act_years_ago_is_background(pipeline: Pipeline) -> None:
    events = [e for e in events_of(pipeline, "Twelve years ago, Syrian troops shelled the town of Homs.")
              if e.trigger == "shelled"]
    assert events and all(e.background and (e.date, e.date_precision) == ("2012-01-01", YEAR) for e in events)


def test_an_act_days_ago_stays_news(pipeline: Pipeline) -> None:
    events = [e for e in events_of(pipeline, "Two days ago, Syrian troops shelled the town of Homs.")
              if e.trigger == "shelled"]
    assert events and not any(e.background for e in events)


# --- 3. Failed and not-yet acts -----------------------------------------------------------------

@pytest.mark.parametrize("text,word,expected", [
    ("Ghana and Togo have yet to ratify the border treaty.", "ratify", "failed"),
    ("The border treaty has yet to be ratified.", "ratified", "failed"),
    ("Mediators failed to persuade Ghana and Togo to ratify the treaty.", "ratify", "failed"),
    ("The summit between Ghana and Togo was called off.", "summit", "failed"),
    ("A ceasefire in Sudan has proved elusive.", "ceasefire", "failed"),
    ("Talks aimed at getting Ghana and Togo to ratify the treaty stalled.", "ratify", "possible"),
    # what is only framed by the failure happened: a clause of its own, or the failed effort itself
    ("Mediators failed to stop the raid that killed ten villagers.", "killed", None),
    ("The talks between Ghana and Togo collapsed.", "talks", None),
    ("The truce that Ghana and Togo signed in May collapsed.", "signed", None),
    ("Ghana and Togo ratified the treaty.", "ratified", None),
])
def test_unrealised(nlp: Language, text: str, word: str, expected: str | None) -> None:
    assert unrealised(token(nlp, text, word)) == expected


def test_an_act_without_which_something_ended_is_negated(nlp: Language) -> None:
    assert is_negated(token(nlp, "The talks ended without an agreement.", "agreement"))
    assert not is_negated(token(nlp, "The talks ended with an agreement.", "agreement"))


@pytest.mark.parametrize("text,code", [
    ("Armenia and Azerbaijan have yet to sign the peace treaty.", "057"),
    ("Mediators failed to get Israel and Hamas to sign a truce.", "057"),
])
def test_not_yet_and_failed_acts_are_not_coded(pipeline: Pipeline, text: str, code: str) -> None:
    assert code not in {e.code for e in events_of(pipeline, text)}


def test_the_done_act_is_coded(pipeline: Pipeline) -> None:
    assert "057" in {e.code for e in events_of(pipeline, "Armenia and Azerbaijan signed the peace treaty.")}


# --- 4. Purposes of sending and training --------------------------------------------------------

@pytest.mark.parametrize("text,word,head", [
    ("Britain trained Ukrainian recruits to fight Russian forces.", "fight", "trained"),
    ("Kenya deployed police to disperse the marchers.", "disperse", "deployed"),
    ("Chad sent troops to launch an offensive against Boko Haram.", "offensive", "sent"),
    ("Police used batons to disperse the marchers.", "disperse", None),
    ("Kenya deployed police in Nairobi.", "deployed", None),
])
def test_sending_head(nlp: Language, text: str, word: str, head: str | None) -> None:
    found = sending_head(token(nlp, text, word))
    assert (found.text if found is not None else None) == head


def test_force_that_is_a_purpose_is_not_done(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "The government deployed police to disperse protesters in Nairobi.")
    assert "deployed" in triggers(events) and "disperse" not in triggers(events)
    events = events_of(pipeline, "The United States trained Kurdish fighters to fight the Islamic State.")
    assert "trained" in triggers(events) and "fight" not in triggers(events)


def test_kept_uncertain_the_purpose_is_marked_possible() -> None:
    events = events_of(Pipeline(coder="hybrid", keep_uncertain=True),
                       "The government deployed police to disperse protesters in Nairobi.")
    assert [e.modality for e in events if e.trigger == "disperse"] == ["possible"]


def test_other_purposes_stay_events(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Turkey dispatched envoys to mediate between Russia and Ukraine.")
    assert "mediate" in triggers(events)


# --- 5. A passive's subject is never its doer ---------------------------------------------------

def test_a_passive_participle_is_done_by_its_agent(pipeline: Pipeline) -> None:
    events = [e for e in events_of(pipeline, "Having been attacked by the army, Morales' party withdrew.")
              if e.trigger == "attacked"]
    assert events and all(e.source.code == "BOLMIL" for e in events)


def test_a_passive_threat_targets_its_subject(pipeline: Pipeline) -> None:
    (event,) = [e for e in events_of(pipeline, "Morales' party was threatened by the army.") if e.trigger == "threatened"]
    assert (event.source.code, event.target.code if event.target else None) == ("BOLMIL", "BOLPTY")
