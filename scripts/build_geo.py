#!/usr/bin/env python3
"""Build the gazetteer shipped in ``src/newsevents/data/geo`` from GeoNames.

Usage: ``python scripts/build_geo.py [--shared ../shared/data] [--out DIR]``

Inputs (GeoNames, CC BY 4.0): geo/cities15000.txt, geo/countryInfo.txt,
geo/admin1CodesASCII.txt under the shared data folder, plus the package's own
data/actors/geonames_countries.tsv for the CAMEO country code of each ISO country.

Outputs (UTF-8, tab-separated, header row, sorted, so a rebuild is byte-identical):

  countries.tsv  iso2 code cameo fips name
      ``code`` is the location country code we emit: ISO alpha-3, except where CAMEO uses a
      3-letter code of its own (TMP for Timor-Leste, KSV for Kosovo). ``cameo`` is the actor
      code CAMEO gives the country (GBRPCN for Pitcairn); its first three letters are what
      actor mentions carry, used to disambiguate places. ``fips`` is the FIPS 10-4 code
      GDELT uses in its Geo_CountryCode columns.
  places.tsv     geonameid kind name country admin1 lat lon feature population names
      ``kind`` is city (GeoNames cities15000), admin1 (a first-level division with at least
      one such city) or country. ``names`` are extra lookup names separated by ``|``: the
      ASCII spelling and safe alternate names (see ``_safe_alternates``). A country's or a
      division's lat/lon is the population-weighted centre of its cities (GeoNames gives no
      centroids in these files) and its population the country's (countryInfo) or the sum
      of its cities'.

country_aliases.tsv (English names GeoNames lacks: "Britain", "the U.S.") is written by hand.
"""
from __future__ import annotations

import argparse
import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "src" / "newsevents" / "data" / "geo"
ACTOR_COUNTRIES = REPO / "src" / "newsevents" / "data" / "actors" / "geonames_countries.tsv"

# cities15000.txt columns (GeoNames readme).
C_ID, C_NAME, C_ASCII, C_ALT, C_LAT, C_LON, C_CLASS, C_FEATURE, C_COUNTRY = range(9)
C_ADMIN1, C_POPULATION = 10, 14
# Alternate names are kept only for cities this large: smaller places are rarely written in
# another form in English news, and their alternates would mostly add noise and size.
ALT_MIN_POPULATION = 100_000
# Shorter alternates are codes or fragments ("BOM", "Civ") that collide with ordinary words.
ALT_MIN_CHARS = 4
MAX_ALTS_PER_CITY = 40
# An alternate written only in Latin letters, spaces, hyphens, apostrophes and dots, each
# word capitalised ("Kharkov", "Washington D.C."); anything else is another script or a
# transliteration no English text uses.
SAFE_ALT = re.compile(r"^[A-Z][a-z'\-.]+(?: (?:[A-Z][A-Za-z'\-.]*|of|de|la|el|al))*$")
COORD_DECIMALS = 4


@dataclass(slots=True)
class Country:
    iso2: str
    code: str
    cameo: str
    fips: str
    name: str
    geonameid: str
    population: int


@dataclass(slots=True)
class Place:
    geonameid: str
    kind: str
    name: str
    country: str
    admin1: str
    lat: float | None
    lon: float | None
    feature: str
    population: int
    names: list[str] = field(default_factory=list)


def read_countries(shared: Path) -> dict[str, Country]:
    """countryInfo.txt rows keyed by ISO2, with the CAMEO code from the actor tables."""
    cameo_by_iso3: dict[str, str] = {}
    with ACTOR_COUNTRIES.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["kind"] == "country":
                cameo_by_iso3.setdefault(row["iso3"], row["code"])
    countries: dict[str, Country] = {}
    with (shared / "geo" / "countryInfo.txt").open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if cells[0] == "ISO":  # the header row
                continue
            iso2, iso3, fips, name, population, geonameid = cells[0], cells[1], cells[3], cells[4], cells[7], cells[16]
            cameo = cameo_by_iso3.get(iso3, iso3)
            # A 3-letter CAMEO code that differs from ISO is CAMEO's own country code (TMP,
            # KSV); a longer one is a dependency coded under its sovereign (GBRPCN), whose
            # location country stays the territory's ISO code.
            code = cameo if len(cameo) == 3 else iso3
            countries[iso2] = Country(iso2, code, cameo, fips, name, geonameid, int(population or 0))
    return countries


def read_admin1(shared: Path) -> dict[str, tuple[str, str]]:
    """``CC.code`` to (name, geonameid)."""
    found: dict[str, tuple[str, str]] = {}
    with (shared / "geo" / "admin1CodesASCII.txt").open(encoding="utf-8") as handle:
        for line in handle:
            cells = line.rstrip("\n").split("\t")
            if len(cells) >= 4:
                found[cells[0]] = (cells[1], cells[3])
    return found


def read_cities(shared: Path) -> list[tuple[Place, list[str]]]:
    """City places with their raw alternate names."""
    cities: list[tuple[Place, list[str]]] = []
    with (shared / "geo" / "cities15000.txt").open(encoding="utf-8") as handle:
        for line in handle:
            cells = line.rstrip("\n").split("\t")
            if len(cells) <= C_POPULATION or cells[C_CLASS] != "P":
                continue
            place = Place(cells[C_ID], "city", cells[C_NAME], cells[C_COUNTRY], cells[C_ADMIN1],
                          float(cells[C_LAT]), float(cells[C_LON]), cells[C_FEATURE], int(cells[C_POPULATION] or 0))
            if cells[C_ASCII] and cells[C_ASCII] != place.name:
                place.names.append(cells[C_ASCII])
            cities.append((place, [a for a in cells[C_ALT].split(",") if a]))
    return cities


def _safe_alternates(place: Place, alternates: list[str], taken: set[str]) -> list[str]:
    """Alternate names that English text may use for this city and that no other city or
    country is called: "Kiev" for Kyiv, "Kharkov" for Kharkiv."""
    if place.population < ALT_MIN_POPULATION:
        return []
    own = {place.name.lower(), *(n.lower() for n in place.names)}
    kept: list[str] = []
    for alt in alternates:
        key = alt.lower()
        if (len(alt) < ALT_MIN_CHARS or alt.isupper() or not SAFE_ALT.match(alt) or key in own or key in taken):
            continue
        own.add(key)
        kept.append(alt)
        if len(kept) >= MAX_ALTS_PER_CITY:
            break
    return kept


def _centre(places: list[Place]) -> tuple[float | None, float | None, int]:
    """Population-weighted centre and total population of some cities."""
    total = sum(p.population for p in places)
    if not places or total <= 0:
        return None, None, 0
    lat = sum(p.lat * p.population for p in places if p.lat is not None) / total
    lon = sum(p.lon * p.population for p in places if p.lon is not None) / total
    return lat, lon, total


def build(shared: Path, out: Path) -> dict[str, int]:
    """Write countries.tsv and places.tsv; return row counts."""
    countries = read_countries(shared)
    admin1 = read_admin1(shared)
    cities = read_cities(shared)
    # Names no alternate may take: every city's own name and every country's name.
    taken = {p.name.lower() for p, _ in cities} | {n.lower() for p, _ in cities for n in p.names}
    taken |= {c.name.lower() for c in countries.values()}
    by_country: dict[str, list[Place]] = defaultdict(list)
    by_admin1: dict[str, list[Place]] = defaultdict(list)
    places: list[Place] = []
    for place, alternates in cities:
        if place.country not in countries:
            continue
        place.names.extend(_safe_alternates(place, alternates, taken))
        by_country[place.country].append(place)
        by_admin1[f"{place.country}.{place.admin1}"].append(place)
        places.append(place)
    city_names = {(p.country, n.lower()) for p in places for n in [p.name, *p.names]}
    for key, members in sorted(by_admin1.items()):
        if key not in admin1:
            continue
        name, geonameid = admin1[key]
        country, code = key.split(".", 1)
        # A division named like one of its country's cities ("Baghdad", "Washington") is
        # almost always the city in news text: leave the division out of the index.
        if (country, name.lower()) in city_names:
            continue
        lat, lon, population = _centre(members)
        places.append(Place(geonameid, "admin1", name, country, code, lat, lon, "ADM1", population))
    for country in countries.values():
        lat, lon, _ = _centre(by_country.get(country.iso2, []))
        places.append(Place(country.geonameid, "country", country.name, country.iso2, "", lat, lon, "PCLI",
                            country.population))
    out.mkdir(parents=True, exist_ok=True)
    _write_countries(out / "countries.tsv", countries, admin1)
    _write_places(out / "places.tsv", places)
    return {"countries": len(countries), "places": len(places),
            "cities": sum(p.kind == "city" for p in places), "admin1": sum(p.kind == "admin1" for p in places),
            "alternates": sum(len(p.names) for p in places)}


def _write_countries(path: Path, countries: dict[str, Country], admin1: dict[str, tuple[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["iso2", "code", "cameo", "fips", "name"])
        for iso2 in sorted(countries):
            c = countries[iso2]
            writer.writerow([c.iso2, c.code, c.cameo, c.fips, c.name])
    # Division names for every admin1 code (also those with no city in the index), so a
    # city's admin1 column can always be named.
    with (path.parent / "admin1.tsv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["code", "name"])
        for code in sorted(admin1):
            writer.writerow([code, admin1[code][0]])


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.{COORD_DECIMALS}f}"


def _write_places(path: Path, places: list[Place]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                            escapechar=None, quotechar=None)
        writer.writerow(["geonameid", "kind", "name", "country", "admin1", "lat", "lon", "feature",
                         "population", "names"])
        for p in sorted(places, key=lambda p: (p.kind, int(p.geonameid or 0), p.name)):
            writer.writerow([p.geonameid, p.kind, p.name, p.country, p.admin1, _fmt(p.lat), _fmt(p.lon),
                             p.feature, p.population, "|".join(p.names)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="shared data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    counts = build(args.shared, args.out)
    print(", ".join(f"{k}: {v}" for k, v in counts.items()), "->", args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
