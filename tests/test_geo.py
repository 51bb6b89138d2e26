"""Where: the gazetteer, datelines, and event locations from the parse (issue 5)."""
from __future__ import annotations

import filecmp
import importlib.util
import sys
from pathlib import Path

import pytest

from newsevents.geo import find_dateline, load_gazetteer, name_key
from newsevents.model import Document, Event
from newsevents.pipeline import Pipeline

from .conftest import REPO

pytestmark = pytest.mark.issue(5)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def events_of(pipeline: Pipeline, text: str, date: str = "2024-03-01") -> list[Event]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="t", text=text, date=date)]))
    return events


def place_of(event: Event) -> tuple[str, str] | None:
    return (event.location["name"], event.location["country"]) if event.location else None


@pytest.mark.parametrize("name,countries,qualifier,expected", [
    ("Tripoli", frozenset(), None, "LBY"),             # the larger namesake by default
    ("Tripoli", frozenset({"LBN"}), None, "LBN"),      # a Lebanon story
    ("Tripoli", frozenset({"LBN", "LBY"}), None, "LBY"),
    ("Tripoli", frozenset(), "Lebanon", "LBN"),        # "Tripoli, Lebanon"
    ("Paris", frozenset({"USA"}), None, "FRA"),        # a US actor does not make it Paris, Texas
    ("Paris", frozenset(), "Texas", "USA"),
    ("Lebanon", frozenset({"USA"}), None, "LBN"),      # a country's name is the country
    ("Kiev", frozenset(), None, "UKR"),                # a safe alternate name
    ("Gaza Strip", frozenset(), None, "PSE"),          # a hand-written country alias
])
def test_resolve(name: str, countries: frozenset[str], qualifier: str | None, expected: str) -> None:
    place = load_gazetteer().resolve(name, countries=countries, qualifier=qualifier)
    assert place is not None and place.country == expected


def test_location_record_fields() -> None:
    place = load_gazetteer().resolve("Baghdad")
    assert place is not None
    assert place.to_dict() == {"name": "Baghdad", "country": "IRQ", "admin1": "Baghdad", "lat": 33.3406,
                               "lon": 44.4009, "geonameid": 98182, "feature": "PPLC"}


def test_unknown_place_and_name_folding() -> None:
    assert load_gazetteer().resolve("Zqxvillebury") is None
    assert name_key("  The  Khān Yūnis ") == "khan yunis"


@pytest.mark.parametrize("text,expected", [
    ("TRIPOLI, Lebanon (Reuters) — Lebanese troops arrested gunmen.", ("Tripoli", "LBN")),
    ("KHARKIV — Russian shelling hit the city.", ("Kharkiv", "UKR")),
    ("Beirut, June 20 (Reuters) - Talks resumed.", ("Beirut", "LBN")),
    ("Indianapolis – Teachers marched on Tuesday.", ("Indianapolis", "USA")),
    ("Israel - Hamas war enters its ninth month.", None),  # a headline, not a dateline
    ("Officials met in Baghdad on Monday.", None),
])
def test_dateline(text: str, expected: tuple[str, str] | None) -> None:
    place = find_dateline(text, load_gazetteer())
    assert ((place.name, place.country) if place else None) == expected


def test_place_in_the_clause(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "Kenya's president met Uganda's president in Kampala on Tuesday.")
    assert place_of(event) == ("Kampala", "UGA")
    assert event.location is not None and set(event.location) == {"name", "country", "admin1", "lat", "lon",
                                                                  "geonameid", "feature"}


def test_place_in_a_modifier_near(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "Kenya's president accused Uganda's army of an incursion near Kisumu on Friday.")
    assert place_of(event) == ("Kisumu", "KEN")


def test_visit_destination(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "China's foreign minister visited Moscow on March 3.")
    assert place_of(event) == ("Moscow", "RUS")


def test_dateline_when_the_sentence_names_no_place(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "KYIV, Ukraine (AP) — Ukraine's president accused Russia of war crimes today.")
    assert place_of(event) == ("Kyiv", "UKR")


@pytest.mark.parametrize("text,country", [
    ("Lebanese officials said the Lebanese army clashed with Syrian troops in Tripoli on Saturday.", "LBN"),
    ("Libyan officials said the Libyan army clashed with Egyptian troops in Tripoli on Saturday.", "LBY"),
])
def test_tripoli_by_the_article_countries(pipeline: Pipeline, text: str, country: str) -> None:
    (event,) = events_of(pipeline, text)
    assert place_of(event) == ("Tripoli", country)


def test_hyphenated_name(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "Kenya's president met Haiti's prime minister in Port-au-Prince on Tuesday.")
    assert place_of(event) == ("Port-au-Prince", "HTI")


@pytest.mark.parametrize("word", ["March", "Police", "Hamas", "Google"])
def test_words_that_are_not_places(word: str) -> None:
    assert load_gazetteer().resolve(word) is None   # although GeoNames has a town (or alias) so called


@pytest.mark.parametrize("text", [
    "Israel's prime minister condemned Iran on Thursday.",   # no place: never an actor's capital
    "Kenya's president met Uganda's president in March.",
    "The French president called on Israel to halt strikes in Gaza.",  # a place of another clause
])
def test_no_place(pipeline: Pipeline, text: str) -> None:
    (event,) = events_of(pipeline, text)
    assert event.location is None


def test_seed_visit(pipeline: Pipeline, shared_data: Path) -> None:
    text = (shared_data / "seed" / "article.txt").read_text(encoding="utf-8")
    ((_d, _m, events),) = list(pipeline.code([Document(id="seed", text=text, date="2024-06-21")]))
    visit = next(e for e in events if e.code == "042" and e.sentence_index == 0)
    assert (visit.source.code, visit.target.code if visit.target else None) == ("IRNGOV", "IRQ")
    assert place_of(visit) == ("Baghdad", "IRQ")
    assert (visit.date, visit.date_source) == ("2024-06-20", "text")


def test_build_geo_is_reproducible(shared_data: Path, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_geo", REPO / "scripts" / "build_geo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the script loads
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(spec.name, None)
    module.build(shared_data, tmp_path)
    packaged = REPO / "src" / "newsevents" / "data" / "geo"
    for name in ("places.tsv", "countries.tsv", "admin1.tsv"):
        assert filecmp.cmp(tmp_path / name, packaged / name, shallow=False), name
