"""National agencies named without their country (data/actors/agencies.tsv) and armed groups
the Phoenix tables lack (armed_groups.tsv): they resolve to their codes, in text of our own, and
short names only where written in capitals."""
from __future__ import annotations

import csv
from importlib.resources import files

import pytest

from newsevents.actors.knowledge import ACTOR_TABLES
from newsevents.model import Document
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def codes(pipeline: Pipeline, text: str) -> dict[str, str | None]:
    ((_document, _doc, mentions),) = list(pipeline.actors([Document(id="a", text=text, date="2024-05-02")]))
    return {m.text: m.code for m in mentions}


@pytest.mark.parametrize("table,kind", [("agencies.tsv", "actor"), ("armed_groups.tsv", "group"),
                                        ("international_bodies.tsv", "igo")])
def test_the_project_tables_are_loaded_sorted_and_well_formed(table: str, kind: str) -> None:
    assert table in ACTOR_TABLES
    path = files("newsevents") / "data" / "actors" / table
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))
    assert rows and list(rows[0]) == ["phrase", "code", "kind"]
    assert [r["phrase"] for r in rows] == sorted(r["phrase"] for r in rows)
    assert len({r["phrase"].lower() for r in rows}) == len(rows)
    assert all(r["kind"] == kind and len(r["code"]) % 3 == 0 for r in rows)


@pytest.mark.parametrize("text,mention,code", [
    ("ICE agents detained a Guatemalan asylum seeker at a courthouse in Texas.", "ICE agents", "USACOP"),
    ("The State Department condemned the seizure of the tanker.", "The State Department", "USAGOV"),
    ("DHS suspended the programme last week.", "DHS", "USAGOV"),
    ("MI5 has opened an inquiry into the leak.", "MI5", "GBRSPY"),
    ("The Bundeswehr sent two frigates to the Red Sea.", "The Bundeswehr", "DEUMIL"),
    ("The PLA staged drills around the island.", "The PLA", "CHNMIL"),
    ("The CBI raided the offices of a state minister.", "The CBI", "INDCOP"),
    ("The SBU detained a suspected informant in Odesa.", "The SBU", "UKRSPY"),
    ("The RCMP charged two men with smuggling.", "The RCMP", "CANCOP"),
    ("DFID announced new funding for clinics in Sierra Leone.", "DFID", "GBRGOVDEV"),
    ("JICA signed a loan agreement with Bangladesh.", "JICA", "JPNGOVDEV"),
    ("The Korea International Cooperation Agency opened an office in Hanoi.",
     "The Korea International Cooperation Agency", "KORGOVDEV"),
    ("Fighters of Islamic State overran an army post.", "Islamic State", "IMGMOSISI"),
    ("HTS shelled a village in Idlib province.", "HTS", "SYRREBMOS"),
    ("M23 rebels seized a border town on Tuesday.", "M23 rebels", "CODREB"),
    ("The ELN said it would free two soldiers it holds.", "The ELN", "COLREB"),
    # international bodies the Phoenix tables know only by another name (session 20); a
    # court's name says nothing its code does not ("Criminal" is no criminal, CRM)
    ("Kenya asked the International Criminal Court to drop the case.", "the International Criminal Court", "IGOJUDICC"),
    ("The Gulf Cooperation Council condemned the attack.", "The Gulf Cooperation Council", "IGOPGSGCC"),
    ("The WTO ruled against Washington.", "The WTO", "IGOBUSWTO"),
    ("The US halted funding to the WHO.", "the WHO", "IGOUNOHLHWHO"),
    ("Israel accused UNRWA of bias.", "UNRWA", "IGOUNOREF"),
    ("CARICOM leaders met in Georgetown.", "CARICOM leaders", "IGOCRBGOV"),
    ("The EAC suspended Burundi from the bloc.", "The EAC", "IGOEAFEAC"),
    # "Community" in a body's name is no community of civilians (CVL); "Council" is still an office
    ("The East African Community suspended Burundi.", "The East African Community", "IGOEAFEAC"),
    ("The European Economic Community criticized Libya.", "The European Economic Community", "IGOEUREEC"),
    ("The UN Security Council condemned the attack.", "The UN Security Council", "IGOUNOGOV"),
    ("The Muslim community in Kenya protested.", "The Muslim community", "KENMOSCVL"),
])
def test_an_agency_named_alone_is_its_country_s_body(pipeline: Pipeline, text: str, mention: str, code: str) -> None:
    assert codes(pipeline, text).get(mention) == code


def test_an_agency_name_the_parser_splits_at_and_keeps_its_code_in_each_part(pipeline: Pipeline) -> None:
    # spaCy makes "Customs and Border Protection" two noun phrases: both are the agency.
    found = codes(pipeline, "Customs and Border Protection seized two tonnes of fentanyl.")
    assert set(found.values()) == {"USACOP"}


def test_a_short_agency_name_is_matched_only_in_capitals(pipeline: Pipeline) -> None:
    found = codes(pipeline, "Skaters slipped on the ice near the frozen lake.")
    assert not any(code and code.startswith("USA") for code in found.values())


def test_an_agency_lets_the_event_be_coded(pipeline: Pipeline) -> None:
    ((_document, _mentions, events),) = list(pipeline.code(
        [Document(id="e", text="ICE agents arrested a Honduran national in Houston on Tuesday.", date="2024-05-02")]))
    assert [(e.code[:2], e.source.code) for e in events] == [("17", "USACOP")]


def test_a_country_s_treasury_is_its_government_and_its_bonds_are_no_one(pipeline: Pipeline) -> None:
    assert codes(pipeline, "The U.S. Treasury imposed sanctions on three Iranian companies.")["The U.S. Treasury"] == "USAGOV"
    assert codes(pipeline, "Britain's Treasury announced new curbs.")["Britain's Treasury"] == "GBRGOV"
    found = codes(pipeline, "Investors bought U.S. Treasury bonds on Monday.")
    assert "USAGOV" not in found.values(), found


def test_who_in_a_headline_in_capitals_is_the_pronoun(pipeline: Pipeline) -> None:
    found = codes(pipeline, "KENYAN POLICE ARRESTED A MAN WHO HAD ATTACKED A UGANDAN DIPLOMAT.")
    assert "IGOUNOHLHWHO" not in found.values()
