"""Tests of the PETRARCH dictionary parser and of the shipped actor/agent tables."""
from __future__ import annotations

import csv
import importlib.util
import sys
from importlib.resources import files
from pathlib import Path

import pytest

from newsevents.actors.dictionary import (
    ActorEntry,
    AgentEntry,
    iter_actor_blocks,
    parse_actor_dictionary,
    parse_agent_dictionary,
    parse_petrarch_date,
    pluralize_phrase,
)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
TABLES = ("actors.tsv", "agents.tsv", "geonames_countries.tsv", "countries_odbl.tsv",
          "countryinfo_ccbysa.tsv", "seats.tsv")

# A fictional world, in the shapes the Phoenix and PETRARCH validation files use.
ACTORS = """\
# TABARI-style comment line
<!-- an XML comment
     spanning two lines [XXX] -->
+ORPHAN_SYNONYM
[ORPHANCODE]
ZORVANIA_  [ZRV]   # the country
+ZORVANIAN
+REPUBLIC_OF_ZORVANIA_
KELDRIN_MOSS_  # CountryInfo.txt
+PRESIDENT_MOSS
\t[ZRVELI 600101-991231]
\t[ZRVGOV 20000101 - 20091231]
\t[ZRVGOV >100115]
\t[ZRVELI]
OLD_CITADEL_COUNCIL
NEW_CITADEL_COUNCIL
\t[ZRVGOVLEG]
GREY_HAND_FRONT [ZRVREB] # group
+GREY_HANDS+_HAND_OF_GREY_
ONODOR
\t[ONO <911226]
\t[950601-990815]
\t[]
BROKEN_BRACKET [QQQ
<!-- PETRARCH writes dates too --> TWIN_PEAKS_ALLIANCE [TPA 300101-310101]
"""

AGENTS = """\
<!-- fictional agents -->
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
GLIMMER_WARDEN [~COP] # regular plural
SKYGUARD {} [~MIL]
FOOTSOLDIER {FOOTSOLDIERY} [~MIL]
HILL!PERSON! [~AGR]
FOREIGN_!MINIST! [~GOV]
COUNCIL_OF_ELDERS [~GOVREL]
DEPUTY [~LEG]
HUMAN_RIGHTS_BODY [NGO~]
TROOPS [~MIL]
BROKEN {NO_CLOSE [~GOV]
NOCODE_AGENT
UNDEFINED!THING! [~GOV]
EMPTY_CODE []
"""


def _by_phrase(entries):
    out = {}
    for entry in entries:
        out.setdefault(entry.phrase, []).append(entry)
    return out


# ----------------------------------------------------------------------------- actors


def test_block_codes_go_to_every_synonym() -> None:
    entries = _by_phrase(parse_actor_dictionary(ACTORS))
    for phrase in ("ZORVANIA", "ZORVANIAN", "REPUBLIC OF ZORVANIA"):
        assert entries[phrase] == [ActorEntry(phrase, "ZRV", "actor", None, None)]


def test_dated_block_gives_one_entry_per_code() -> None:
    entries = _by_phrase(parse_actor_dictionary(ACTORS))
    expected = [
        ("ZRVELI", "1960-01-01", "1999-12-31"),
        ("ZRVGOV", "2000-01-01", "2009-12-31"),
        ("ZRVGOV", "2010-01-15", None),
        ("ZRVELI", None, None),
    ]
    for phrase in ("KELDRIN MOSS", "PRESIDENT MOSS"):
        got = [(e.code, e.start, e.end) for e in entries[phrase]]
        assert got == expected
        assert {e.kind for e in entries[phrase]} == {"person"}


def test_until_date_and_malformed_code_groups() -> None:
    entries = _by_phrase(parse_actor_dictionary(ACTORS))
    # "[950601-990815]" has no code and "[]" is empty: both skipped, the block survives
    assert [(e.code, e.start, e.end, e.kind) for e in entries["ONODOR"]] == [
        ("ONO", None, "1991-12-26", "person")
    ]
    assert entries["BROKEN BRACKET"] == [ActorEntry("BROKEN BRACKET", "QQQ")]


def test_codeless_base_lines_join_the_next_block() -> None:
    entries = _by_phrase(parse_actor_dictionary(ACTORS))
    assert entries["OLD CITADEL COUNCIL"][0].code == "ZRVGOVLEG"
    assert entries["NEW CITADEL COUNCIL"][0].code == "ZRVGOVLEG"


def test_synonyms_joined_by_plus_are_split_and_orphans_dropped() -> None:
    entries = _by_phrase(parse_actor_dictionary(ACTORS))
    assert entries["GREY HANDS"][0].code == "ZRVREB"
    assert entries["HAND OF GREY"][0].code == "ZRVREB"
    assert "ORPHAN SYNONYM" not in entries
    assert not any(e.code == "ORPHANCODE" for group in entries.values() for e in group)


def test_two_digit_year_pivot_and_inline_comment() -> None:
    (entry,) = _by_phrase(parse_actor_dictionary(ACTORS))["TWIN PEAKS ALLIANCE"]
    assert (entry.start, entry.end) == ("2030-01-01", "1931-01-01")
    assert parse_petrarch_date("000101") == "2000-01-01"
    assert parse_petrarch_date("510724") == "1951-07-24"
    assert parse_petrarch_date("20100631") == "2010-06-30"  # impossible day clamped
    assert parse_petrarch_date("1920050709") == "2005-07-09"  # typo: extra leading digits
    assert parse_petrarch_date("2004017") is None
    assert parse_petrarch_date("abc") is None


def test_inputs_path_bytes_lines_and_latin1(tmp_path: Path) -> None:
    raw = "CAF\xc9_NATION_ [CFN]\n+CAF\xc9_PEOPLE\n".encode("latin-1")
    path = tmp_path / "user.actors.txt"
    path.write_bytes(raw)
    from_path = parse_actor_dictionary(path)
    assert [e.phrase for e in from_path] == ["CAFÉ NATION", "CAFÉ PEOPLE"]
    assert parse_actor_dictionary(str(path)) == from_path
    assert parse_actor_dictionary(raw) == from_path
    assert parse_actor_dictionary(raw.splitlines()) == from_path
    assert parse_actor_dictionary(["CAFÉ_NATION_ [CFN]", "+CAFÉ_PEOPLE"]) == from_path


def test_odd_input_never_crashes() -> None:
    junk = ["", "\x00\x01", "[", "]]]", "+", "++", "[ ~ ]", "<!--", "#", "{}", "_ _ _ [___]", None, 42]
    assert parse_actor_dictionary(junk) == []
    assert parse_agent_dictionary(junk) == []
    assert parse_actor_dictionary("\n") == []


def test_blocks_expose_base_phrase_first() -> None:
    blocks = list(iter_actor_blocks(ACTORS))
    assert blocks[0].phrases == ("ZORVANIA", "ZORVANIAN", "REPUBLIC OF ZORVANIA")
    assert blocks[0].codes == (("ZRV", None, None),)


def test_validation_dictionary_parses() -> None:
    path = SHARED / "petrarch-validation" / "PETR.Validate.actors.txt"
    if not path.exists():
        pytest.skip("shared data folder ../shared/data is absent")
    entries = _by_phrase(parse_actor_dictionary(path))
    assert [(e.code, e.start, e.end) for e in entries["SMEAGOL"]] == [
        ("HOB", None, "1995-06-01"),
        ("HOBGOV", "1995-06-01", "1999-08-15"),
        ("HOBREB", "1999-08-16", None),
    ]
    assert entries["PALESTINIAN"][0].code == "PSE"  # lower-case code normalised


# ----------------------------------------------------------------------------- agents


def test_agents_plurals_markers_and_codes() -> None:
    entries = {(e.phrase, e.code, e.plural) for e in parse_agent_dictionary(AGENTS)}
    assert ("GLIMMER WARDEN", "COP", False) in entries
    assert ("GLIMMER WARDENS", "COP", True) in entries
    assert ("SKYGUARD", "MIL", False) in entries
    assert not any(p.startswith("SKYGUARDS") for p, _c, _pl in entries)
    assert ("FOOTSOLDIERY", "MIL", True) in entries
    assert ("HILLMAN", "AGR", False) in entries
    assert ("HILLMEN", "AGR", True) in entries
    assert ("HILLPERSON", "AGR", False) in entries
    assert ("FOREIGN MINISTRIES", "GOV", True) in entries
    assert ("FOREIGN MINISTER", "GOV", False) in entries
    assert ("COUNCILS OF ELDERS", "GOVREL", True) in entries
    assert ("DEPUTIES", "LEG", True) in entries
    assert ("HUMAN RIGHTS BODY", "NGO", False) in entries
    assert ("TROOPS", "MIL", True) in entries
    assert not any(p in ("TROOPSES", "TROOPSS") for p, _c, _pl in entries)
    phrases = {p for p, _c, _pl in entries}
    assert not phrases & {"BROKEN", "NOCODE AGENT", "UNDEFINED!THING!", "EMPTY CODE"}
    assert all(isinstance(e, AgentEntry) for e in parse_agent_dictionary(AGENTS))


def test_pluralize_phrase() -> None:
    assert pluralize_phrase("chairman") == "chairmen"
    assert pluralize_phrase("attorney") == "attorneys"
    assert pluralize_phrase("militia") == "militias"
    assert pluralize_phrase("secretary of state") == "secretaries of state"
    assert pluralize_phrase("Human") == "Humans"
    assert pluralize_phrase("commander-in-chief") == "commanders-in-chief"


# ----------------------------------------------------------------------------- shipped tables


def _table(name: str) -> list[dict[str, str]]:
    resource = files("newsevents") / "data" / "actors" / name
    with resource.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _lookup(rows: list[dict[str, str]], phrase: str) -> list[dict[str, str]]:
    return [r for r in rows if r["phrase"].lower() == phrase.lower()]


def test_shipped_tables_load_with_expected_columns() -> None:
    expected = {
        "actors.tsv": ["phrase", "code", "kind", "start", "end"],
        "agents.tsv": ["phrase", "sectors", "plural"],
        "geonames_countries.tsv": ["phrase", "code", "kind", "iso3", "name", "capital"],
        "countries_odbl.tsv": ["phrase", "code", "kind"],
        "countryinfo_ccbysa.tsv": ["phrase", "code", "kind", "start", "end"],
        "seats.tsv": ["phrase", "code", "kind"],
    }
    for name, columns in expected.items():
        rows = _table(name)
        assert rows, name
        assert list(rows[0].keys()) == columns, name
        assert [r["phrase"] for r in rows] == sorted(r["phrase"] for r in rows), f"{name} not sorted"


def test_actor_table_key_facts() -> None:
    rows = _table("actors.tsv")
    assert {(r["code"], r["kind"]) for r in _lookup(rows, "Iranian")} == {("IRN", "adjective")}
    assert ("IRN", "country") in {(r["code"], r["kind"]) for r in _lookup(rows, "Iran")}
    assert ("IRN", "capital") in {(r["code"], r["kind"]) for r in _lookup(rows, "Tehran")}
    assert {r["code"] for r in _lookup(rows, "Iranians")} == {"IRN"}
    assert {r["code"] for r in _lookup(rows, "NATO")} == {"IGOWSTNAT"}
    assert {r["code"] for r in _lookup(rows, "United Nations")} == {"IGOUNO"}
    assert _lookup(rows, "Hamas")[0]["code"].startswith("PSE")
    assert _lookup(rows, "Taliban")[0]["code"].startswith("AFG")
    # an office holder carries the dates of each office
    zarif = _lookup(rows, "Mohammad Javad Zarif")
    assert any(r["code"] == "IRNGOV" and r["kind"] == "person" and r["start"] for r in zarif)
    # ISO codes where Phoenix uses them
    assert {r["code"][:3] for r in _lookup(rows, "Romania")} == {"ROU"}


def test_actor_table_leaves_out_unsafe_phrases() -> None:
    phrases = {r["phrase"] for r in _table("actors.tsv")}
    for word in ("us", "the", "buffalo", "senate", "victoria", "korea", "car"):
        assert word not in phrases, word
    assert "US" in phrases  # kept, in capitals: to be matched only as written
    assert "chad" in phrases and "turkey" in phrases  # countries' own names are kept


def test_other_tables_key_facts() -> None:
    seats = _table("seats.tsv")
    assert {r["code"] for r in _lookup(seats, "the White House")} == {"USAGOV"}
    assert {r["code"] for r in _lookup(seats, "the Kremlin")} == {"RUSGOV"}
    agents = _table("agents.tsv")
    assert {r["sectors"] for r in _lookup(agents, "minister")} == {"GOV"}
    assert [(r["sectors"], r["plural"]) for r in _lookup(agents, "troops")] == [("MIL", "1")]
    assert {r["sectors"] for r in _lookup(agents, "police")} == {"COP"}
    assert {r["sectors"] for r in _lookup(agents, "rebels")} == {"REB"}
    geo = _table("geonames_countries.tsv")
    assert {r["code"] for r in _lookup(geo, "Kosovo")} == {"KSV"}  # GeoNames XKX
    assert {r["code"] for r in _lookup(geo, "Greenland")} == {"DNKGRL"}
    assert {(r["code"], r["kind"]) for r in _lookup(geo, "Canberra")} == {("AUS", "capital")}


def _build_module():  # type: ignore[no-untyped-def]
    """scripts/build_actors.py, loaded as a module."""
    spec = importlib.util.spec_from_file_location("build_actors", REPO / "scripts" / "build_actors.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module  # dataclasses look their module up while loading
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(spec.name, None)
    return module


def test_build_is_reproducible(tmp_path: Path) -> None:
    if not (SHARED / "actors" / "Phoenix.Countries.actors.txt").exists():
        pytest.skip("shared data folder ../shared/data is absent")
    counts = _build_module().build(SHARED, tmp_path)
    for name in TABLES:
        shipped = (files("newsevents") / "data" / "actors" / name).read_bytes()
        assert (tmp_path / name).read_bytes() == shipped, f"{name} differs from a fresh build"
        assert counts[name] == shipped.count(b"\n") - 1


def test_stan_countries_give_their_stem_as_demonym() -> None:
    build = _build_module()
    Row = build.Row
    rows = [Row("kazakhstan", "KAZ", "country", "1991-12-21"), Row("kazakhstan", "USRKAZ", "country", "", "1991-12-16"),
            Row("uzbekistan", "UZB", "country"), Row("uzbek", "UZB", "adjective"),
            Row("pakistan", "PAK", "country"), Row("kazakstan", "KAZ", "country")]
    extra = build.stan_demonyms(rows, {"kazakhstan", "uzbekistan", "pakistan"}, {})[len(rows):]
    # the stem and its plural, with each of the name's codes and dates
    assert {(r.phrase, r.code, r.kind, r.start, r.end) for r in extra} == {
        ("kazakh", "KAZ", "adjective", "1991-12-21", ""), ("kazakh", "USRKAZ", "adjective", "", "1991-12-16"),
        ("kazakhs", "KAZ", "country", "1991-12-21", ""), ("kazakhs", "USRKAZ", "country", "", "1991-12-16"),
        # "uzbek" was there already; "pak" is too short; "kazakstan" is no standard name
        ("uzbeks", "UZB", "country", "", "")}


def test_shipped_tables_have_the_stan_demonyms() -> None:
    rows = _table("actors.tsv")
    for demonym, code in (("Kazakh", "KAZ"), ("Kazakhs", "KAZ"), ("Uzbek", "UZB"), ("Tajik", "TJK"),
                          ("Kyrgyz", "KGZ"), ("Turkmen", "TKM"), ("Afghan", "AFG")):
        assert code in {r["code"] for r in _lookup(rows, demonym)}, demonym
    assert not _lookup(rows, "Pak")
