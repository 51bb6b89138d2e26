"""Actor slips a blind judge found on real news, one general rule per test, on sentences
written for the tests (never gold, held-out or article-gold sentences)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from newsevents.actors.dictionary import iter_actor_blocks
from newsevents.model import Document
from newsevents.pipeline import Pipeline

from .test_actors import mentions_of, pipeline  # noqa: F401 (the fixture)

pytestmark = pytest.mark.issue(15)

REPO = Path(__file__).resolve().parents[1]


def found(pipeline: Pipeline, text: str) -> dict[str, str | None]:
    return {m.text: m.code for m in mentions_of(pipeline, text)}


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_actors_slips", REPO / "scripts" / "build_actors.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while loading
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(spec.name, None)
    return module


# 1. A group's name is no person's, though Phoenix dates its block as it dates offices --------

@pytest.mark.parametrize("text,phrase", [
    ("The Islamic State seized two villages near Mosul on Sunday.", "The Islamic State"),
    ("Daesh fighters shelled a market near Raqqa on Sunday.", "Daesh fighters"),
])
def test_the_islamic_state_is_the_group(pipeline: Pipeline, text: str, phrase: str) -> None:
    mention = {m.text: m for m in mentions_of(pipeline, text)}[phrase]
    assert mention.code is not None and mention.code.startswith("IMGMOSISI")
    assert not mention.rule.startswith("office-holder")


def test_build_reads_dated_names_opening_with_the_as_no_person() -> None:
    module = _build_module()
    text = ("THE_LEGION_OF_ZED\n+ZED_LEGION\n\t[IMGREB >20150101]\n"
            "ABU_ZEDAN\n+THE_ZEDAN_BRIGHT_PATH\n\t[IMGREB >20150101]\n"
            "JOHN_ZEDSON\n+THE_ZEDSON_ADMINISTRATION\n\t[USAGOV 20150101-20190101]\n")
    blocks = [("nonstate", block) for block in iter_actor_blocks(text.splitlines())]
    geo = module.Geo({}, {}, {})
    kinds = {row.phrase: row.kind for row in module.phoenix_rows(blocks, set(), geo)}
    assert kinds["the legion of zed"] == kinds["zed legion"] == "group"  # the block's own name says so
    assert kinds["abu zedan"] == "person"
    assert kinds["the zedan bright path"] == "group"  # a group's name inside its leader's block
    assert kinds["john zedson"] == "person"
    # an administration is its president's office, read by its title ("administration")
    assert kinds["the zedson administration"] == "person"


# 2. Ansar Allah is Yemen's Houthi movement --------------------------------------------------

@pytest.mark.parametrize("text,phrase", [
    ("Ansar Allah fighters seized a cargo ship off Hodeidah on Sunday.", "Ansar Allah fighters"),
    ("The Huthis fired a missile at a tanker on Sunday.", "The Huthis"),
])
def test_ansar_allah_is_yemeni(pipeline: Pipeline, text: str, phrase: str) -> None:
    code = found(pipeline, text)[phrase]
    assert code is not None and code.startswith("YEMREB")


def test_the_build_reads_its_corrections_from_a_data_table(tmp_path: Path) -> None:
    module = _build_module()
    corrections = module.read_corrections(module.CORRECTIONS_FILE)
    assert ("ansar allah", "YEMREB", "group") in corrections and all(code == "YEMREB" for _p, code, _k in corrections)
    bad = tmp_path / "bad.tsv"
    bad.write_text("phrase\tcode\tkind\tnote\nzed front\tzed\tgroup\n", encoding="utf-8")
    with pytest.raises(ValueError, match="^bad.tsv:2: a correction needs"):
        module.read_corrections(bad)


# 3. An attack is no actor; a weapon is its owner's military only when an owner is named -----

@pytest.mark.parametrize("text", [
    "A drone strike killed two men near Kismayo on Friday.",
    "A missile attack hit the port of Odesa on Friday.",
    "An artillery barrage struck the village on Friday.",
])
def test_an_attack_with_a_weapon_and_no_owner_is_no_actor(pipeline: Pipeline, text: str) -> None:
    assert not [m for m in mentions_of(pipeline, text) if m.text.split()[-1] in ("strike", "attack", "barrage")]


def test_an_owned_weapon_attack_is_the_owners_military(pipeline: Pipeline) -> None:
    assert found(pipeline, "An Israeli drone strike killed two men in Tyre on Friday.")["An Israeli drone strike"] == "ISRMIL"


def test_a_body_of_people_before_an_attack_still_acts(pipeline: Pipeline) -> None:
    codes = found(pipeline, "Police raids in Lucknow led to five arrests on Saturday.")
    assert codes["Police raids"] == "INDCOP"


# 4. A nationality before an attack noun is the country that did it --------------------------

@pytest.mark.parametrize("text", [
    "Two people were killed by Russian shelling in Kherson on Monday.",
    "Heavy Russian shelling hit Kherson on Monday.",
    "Russian shelling of Kherson killed two people on Monday.",
])
def test_a_nationality_before_shelling_is_the_country(pipeline: Pipeline, text: str) -> None:
    russian = [m for m in mentions_of(pipeline, text) if "Russian" in m.text]
    assert [m.code for m in russian] == ["RUS"]  # the country, not Russian civilians (RUSCVL)


def test_shelling_codes_the_country_as_its_source(pipeline: Pipeline) -> None:
    text = "Russian shelling killed three people in Kherson on Monday."
    ((_d, _m, events),) = list(pipeline.code([Document(id="t", text=text, date="2024-06-21")]))
    assert any(e.source is not None and e.source.code == "RUS" and e.code.startswith("19") for e in events)


def test_a_nationality_acting_is_still_its_people(pipeline: Pipeline) -> None:
    assert found(pipeline, "A Russian was arrested at the airport in Tbilisi on Monday.")["A Russian"] == "RUSCVL"


# 5. Cabinet titles ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,phrase", [
    ("Britain's home secretary visited Dover on Monday.", "Britain's home secretary"),
    ("The UK Health Secretary opened a clinic in Leeds on Monday.", "The UK Health Secretary"),
    ("The British justice secretary announced a review of sentencing on Monday.", "The British justice secretary"),
    ("The British transport secretary met rail unions on Monday.", "The British transport secretary"),
])
def test_secretaries_of_state_are_government(pipeline: Pipeline, text: str, phrase: str) -> None:
    assert found(pipeline, text)[phrase] == "GBRGOV"


def test_a_shadow_secretary_is_the_opposition(pipeline: Pipeline) -> None:
    codes = found(pipeline, "Britain's shadow home secretary criticised the plan on Monday.")
    assert codes["Britain's shadow home secretary"] == "GBROPP"


def test_a_uk_only_office_names_its_country(pipeline: Pipeline) -> None:
    codes = found(pipeline, "The Chancellor of the Exchequer cut fuel duty on Wednesday.")
    assert "GBRGOV" in codes.values()


# 6. An event or situation named with a nationality is no actor -------------------------------

@pytest.mark.parametrize("text,phrase", [
    ("The Palestinian uprising spread to Nablus in 1988.", "The Palestinian uprising"),
    ("The Syrian revolt began in Deraa.", "The Syrian revolt"),
])
def test_an_uprising_is_no_rebel_group(pipeline: Pipeline, text: str, phrase: str) -> None:
    codes = found(pipeline, text)
    assert phrase not in codes
    assert not any(code and code.endswith("REB") for code in codes.values())


@pytest.mark.parametrize("text,word", [
    ("Germany pledged new military aid to Ukraine on Friday.", "aid"),
    ("The ministry bought police equipment worth 3 million dollars.", "equipment"),
    ("Annual military exercises began off the coast on Monday.", "exercises"),
])
def test_a_role_word_before_a_kind_of_thing_names_no_one(pipeline: Pipeline, text: str, word: str) -> None:
    # "military aid" is aid of a kind, given by whoever the sentence says, and no military actor
    assert not [m for m in mentions_of(pipeline, text) if m.text.split()[-1] == word]


def test_a_nationality_before_a_kind_of_thing_still_names_its_country(pipeline: Pipeline) -> None:
    assert found(pipeline, "Turkish military exercises alarmed Athens.").get("Turkish") == "TUR"


def test_the_uprising_alone_is_no_one(pipeline: Pipeline) -> None:
    assert not any("uprising" in text for text in found(pipeline, "The uprising spread to three towns on Monday."))


def test_rebels_are_still_rebels(pipeline: Pipeline) -> None:
    assert found(pipeline, "Syrian rebels shelled a checkpoint near Idlib on Monday.")["Syrian rebels"] == "SYRREB"


@pytest.mark.parametrize("text,region", [
    ("Latin America's largest economy grew by two percent.", "Latin America"),
    ("The rebels are South America's oldest insurgency.", "South America"),
    ("Drug gangs move cocaine through Central America.", "Central America"),
])
def test_a_region_named_after_america_is_no_country(pipeline: Pipeline, text: str, region: str) -> None:
    ((_document, _doc, mentions),) = list(pipeline.actors([Document(id="r", text=text, date="2024-05-02")]))
    assert not any(m.code and m.code.startswith("USA") for m in mentions), [(m.text, m.code) for m in mentions]


def test_america_alone_and_south_africa_keep_their_countries(pipeline: Pipeline) -> None:
    ((_document, _doc, mentions),) = list(pipeline.actors([Document(
        id="r", text="America and South Africa signed a trade pact.", date="2024-05-02")]))
    assert {m.text: m.code for m in mentions} == {"America": "USA", "South Africa": "ZAF"}


@pytest.mark.parametrize("text,mention,code", [
    ("An Estonian MEP demanded an inquiry.", "An Estonian MEP", "ESTLEG"),
    ("German MEPs criticised Hungary on Tuesday.", "German MEPs", "DEULEG"),
])
def test_members_of_the_european_parliament_are_legislators(pipeline: Pipeline, text: str, mention: str,
                                                            code: str) -> None:
    ((_document, _doc, mentions),) = list(pipeline.actors([Document(id="m", text=text, date="2024-05-02")]))
    assert {m.text: m.code for m in mentions}.get(mention) == code
