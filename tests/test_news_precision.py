"""Issue 14: events a blind judge found wrong on real news pages, one general rule each: a
stance held is no act (events/attitude.py), a headline's passive without "was" takes its
subject as the target (events/voice.py), a time phrase of one conjunct clause does not date
the other (syntax.in_other_conjunct), a spokesperson is their employer, an air strike that
harmed no one still happened, and large GeoNames cities stand for their country
(scripts/build_actors.py). The sentences are our own."""
from __future__ import annotations

from importlib.resources import files

import pytest
from spacy.language import Language

from newsevents.events.attitude import is_attitude_only
from newsevents.events.voice import is_reduced_passive
from newsevents.model import Document, Event
from newsevents.pipeline import Pipeline
from newsevents.syntax import in_other_conjunct

from .test_actors_slips import _build_module
from .test_reality_unrealised import nlp, pipeline, token  # noqa: F401 (fixtures and a helper)

JUNE = "2024-06-21"

pytestmark = pytest.mark.issue(14)


def coded(pipeline: Pipeline, text: str) -> tuple[list, list[Event]]:  # type: ignore[type-arg]
    ((_document, mentions, events),) = list(pipeline.code([Document(id="t", text=text, date=JUNE)]))
    return mentions, events


def events_of(pipeline: Pipeline, text: str) -> list[Event]:
    return coded(pipeline, text)[1]


def dyads(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.code, e.source.code if e.source else None, e.target.code if e.target else None) for e in events}


# --- 1. A stance told or thought is no act of support ---------------------------------------------

@pytest.mark.parametrize("text", [
    "Kenyan President William Ruto told reporters he supported Uganda's bid.",
    "The Kenyan minister told police he backed Tanzania.",
    # people speaking for themselves, not for a body
    "Kenyan farmers told reporters they supported Uganda's bid.",
    # the parser joins "support" to the opinion's clause: it is the firms' view, no act of Pakistan's
    "Many Indian companies agree that Pakistan has long been unfair and support Modi's efforts to cut tariffs.",
])
def test_support_inside_what_someone_told_or_thinks_is_no_event(pipeline: Pipeline, text: str) -> None:
    assert not [e for e in events_of(pipeline, text) if e.code.startswith("05")]


@pytest.mark.parametrize("text,dyad", [
    ("Kenyan President William Ruto said Kenya supports Uganda's bid.", ("051", "KEN", "UGA")),
    # a promise is a commitment, reported or not
    ("Portugal will support Turkey's efforts to join the bloc, Portugal's president said on Tuesday.",
     ("032", "PRT", "TUR")),
    # a body's voice telling what "we" or "they" support tells the body's stance
    ("A Kenyan foreign ministry spokesman said that they support Uganda's bid.", ("051", "KENGOV", "UGA")),
    ("Kenya's foreign ministry said we support Uganda's bid.", ("051", "KENGOV", "UGA")),
])
def test_support_a_country_states_stays(pipeline: Pipeline, text: str, dyad: tuple[str, str, str]) -> None:
    assert dyad in dyads(events_of(pipeline, text))


def test_attitude_rule_reads_the_clause(nlp: Language) -> None:
    told = token(nlp, "The farmer told investigators he supported the rebels.", "supported")
    said = token(nlp, "Germany said it will support the rebels.", "support")
    assert is_attitude_only(told, "051")
    assert not is_attitude_only(said, "051")  # "will": a promise


# --- 3. Hope in a relative clause describes a noun --------------------------------------------------

def test_hope_in_a_relative_clause_is_no_optimistic_statement(pipeline: Pipeline) -> None:
    text = "The reform was not the triumph the Kenyan prime minister hoped for."
    assert not [e for e in events_of(pipeline, text) if e.code in ("012", "013")]


def test_hope_as_the_main_verb_stays(pipeline: Pipeline) -> None:
    text = "Kenya's president hoped for a breakthrough in the talks with Uganda."
    assert ("013", "KENGOV") in {(e.code, e.source.code) for e in events_of(pipeline, text)}


# --- 2. A passive without "was": the subject is the target -------------------------------------------

HELICOPTER = ('"Indian army helicopter shot down and completely destroyed last night while trying to attack '
              'our positions near Kupwara," the group\'s spokesman said in a statement.')


def test_a_headline_passive_does_not_make_the_victim_the_attacker(pipeline: Pipeline) -> None:
    assert not [e for e in events_of(pipeline, HELICOPTER) if e.source is not None and e.source.code == "INDMIL"]


@pytest.mark.parametrize("text,word,expected", [
    (HELICOPTER, "shot", True),
    (HELICOPTER, "destroyed", True),  # joined to "shot down", it shares the passive subject
    ("Nigerian soldiers gunned down three protesters in Lagos.", "gunned", False),  # an object
    ("Kenyan police cracked down on protesters in Nairobi.", "cracked", False),  # the row's target is "on"
])
def test_reduced_passive(nlp: Language, text: str, word: str, expected: bool) -> None:
    targets = ("on",) if word == "cracked" else ("dobj",)
    code = "175" if word in ("gunned", "cracked") else "190"
    assert is_reduced_passive(token(nlp, text, word), code, targets) is expected


@pytest.mark.parametrize("text,dyad", [
    ("Nigerian soldiers gunned down three protesters in Lagos.", ("175", "NGAMIL", "NGAOPP")),
    ("A Syrian army helicopter was downed by Turkish troops near Idlib on Monday.", ("190", "TURMIL", "SYRMIL")),
])
def test_active_and_full_passive_keep_their_roles(pipeline: Pipeline, text: str, dyad: tuple[str, str, str]) -> None:
    assert dyad in dyads(events_of(pipeline, text))


# --- 4. "last year" in one clause of a coordination does not date the other --------------------------

def test_a_time_phrase_of_the_first_clause_does_not_date_the_second(pipeline: Pipeline) -> None:
    text = "Kenya received a loan from China last year, but Kenya's president admits he has not repaid it."
    admits = [e for e in events_of(pipeline, text) if e.trigger == "admits"]
    assert admits and all(e.date_precision is None and not e.background for e in admits)


def test_a_shared_subject_or_a_fronted_time_phrase_still_dates_both(pipeline: Pipeline) -> None:
    accused = [e for e in events_of(pipeline, "Kenya expelled two Ugandan diplomats last year and accused Uganda of spying.")
               if e.trigger == "accused"]
    assert accused and all(e.date_precision == "year" and e.date == "2023-01-01" for e in accused)


def test_in_other_conjunct(nlp: Language) -> None:
    doc = nlp("Kenya received a loan last year, but the president admits he has not repaid it.")
    year, admits = next(t for t in doc if t.text == "year"), next(t for t in doc if t.text == "admits")
    assert in_other_conjunct(year, admits)
    fronted = nlp("In 2019, Kenya expelled two diplomats and Uganda recalled its envoy.")
    assert not in_other_conjunct(next(t for t in fronted if t.text == "2019"), next(t for t in fronted if t.text == "recalled"))


# --- 5. A spokesperson is their employer ---------------------------------------------------------

@pytest.mark.parametrize("text,phrase,code", [
    ("A UN spokeswoman criticised Israel on Monday.", "A UN spokeswoman", "IGOUNO"),
    ("A Taliban spokesman criticised Pakistan on Monday.", "A Taliban spokesman", "AFGREB"),
    ("A Kenyan police spokesperson denied the report.", "A Kenyan police spokesperson", "KENCOP"),
])
def test_a_spokesperson_adds_no_media_sector(pipeline: Pipeline, text: str, phrase: str, code: str) -> None:
    mentions, _events = coded(pipeline, text)
    assert {m.text: m.code for m in mentions}[phrase] == code


# --- 7. An air strike that killed no one still happened ---------------------------------------------

def test_a_strike_without_victims_is_still_a_strike(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "No civilians were killed in the Israeli air strike on the village, the army said.")
    assert [e for e in events if e.trigger == "strike" and e.source.code == "ISR" and e.code.startswith("19")]
    assert not [e for e in events if e.trigger == "killed"]


# --- 6. Large cities are their country's -----------------------------------------------------------

# Force on a city falls on its residents (CVL), as on a town (actors.acts.done_to).
@pytest.mark.parametrize("text,dyad", [
    ("Russian forces shelled Zaporizhzhia overnight.", ("194", "RUSMIL", "UKRCVL")),
    ("Russian missiles struck Kherson on Monday, killing four people.", ("190", "RUS", "UKRCVL")),
    ("Southport police arrested a man on Tuesday.", ("173", "GBRCOP", "GBRCVL")),
])
def test_a_large_city_stands_for_its_country(pipeline: Pipeline, text: str, dyad: tuple[str, str, str]) -> None:
    assert dyad in dyads(events_of(pipeline, text))


def _geo_rows() -> dict[str, set[tuple[str, str]]]:
    text = (files("newsevents") / "data" / "actors" / "geonames_countries.tsv").read_text(encoding="utf-8")
    rows: dict[str, set[tuple[str, str]]] = {}
    for line in text.splitlines()[1:]:
        phrase, code, kind, *_rest = line.split("\t")
        rows.setdefault(phrase, set()).add((code, kind))
    return rows


def test_city_rows_follow_the_rule() -> None:
    rows = _geo_rows()
    for city, code in (("kherson", "UKR"), ("zaporizhzhya", "UKR"), ("zaporizhzhia", "UKR"), ("southport", "GBR")):
        assert (code, "city") in rows[city]
    assert "harlem" not in rows  # a section of a city (GeoNames PPLX) is no city
    assert "gary" not in rows  # a given name in the person tables is a person first
    assert "bath" not in rows  # a common word


def test_alternate_spellings_of_a_city() -> None:
    spelling_of = _build_module()._spelling_of
    assert spelling_of("Zaporizhzhia", "Zaporizhzhya")
    assert not spelling_of("Alexandrovsk", "Zaporizhzhya")  # a former name
    assert not spelling_of("Cherson", "Kherson")  # another language's form


# --- Victims are not authors ---------------------------------------------------------------------

@pytest.mark.parametrize("text,victims", [
    ("Two Malian soldiers died in the attack near Gao on Monday.", "MLIMIL"),
    ("Three Kenyan police officers were wounded in an ambush in Garissa on Tuesday.", "KENCOP"),
])
def test_those_who_died_or_were_hurt_in_an_attack_are_its_victims_not_its_authors(
        pipeline: Pipeline, text: str, victims: str) -> None:
    events = events_of(pipeline, text)
    assert events, "the attack is still coded"
    assert all(e.source is None or e.source.code != victims for e in events)
    assert any(e.target is not None and e.target.code == victims for e in events)


def test_a_death_with_no_act_of_violence_is_no_event(pipeline: Pipeline) -> None:
    assert events_of(pipeline, "Her lawyer says the Kenyan man died in hospital on Sunday.") == []


def test_those_who_took_part_in_a_protest_still_lead_it(pipeline: Pipeline) -> None:
    assert ("141", "MLIEDU", "MLIGOV") in dyads(events_of(pipeline, "Malian students marched in a protest in Bamako on Monday."))
