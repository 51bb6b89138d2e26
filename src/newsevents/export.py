"""Exports of the events table: GDELT 2.0 event TSV, PLOVER/POLECAT-style TSV, CSV, JSONL,
and Parquet partitioned by event year-month (DuckDB's own writer)."""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import duckdb

from .geo import KIND_ADMIN1, KIND_COUNTRY, Gazetteer, load_gazetteer
from .model import CASUALTY_KINDS
from .store import EVENT_COLUMNS, NEWS_ONLY, news_only, read_attributes, select_list

# GDELT 2.0 event table, in the codebook's column order (61 columns).
_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO), *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL")
# GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = 1, 2, 3, 4, 5
US_FIPS = "US"
# GlobalEventID: the first hex digits of our event id, as an integer that fits a signed int64.
GLOBAL_ID_HEX_DIGITS = 15
# GDELT's FractionDate divides the day of the year by 365.
DAYS_PER_YEAR = 365
FRACTION_DECIMALS = 4
MAX_ACTOR_TYPES = 3
DATEADDED_FORMAT = "%Y%m%d%H%M%S"
QUAD_NAMES = {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT", 4: "MATERIAL CONFLICT"}
PLOVER_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Quad Code", "CAMEO Code", "Actor Name", "Actor Country",
    "Actor Sectors", "Recipient Name", "Recipient Country", "Recipient Sectors", "Placename", "City", "Province",
    "Country", "Latitude", "Longitude", "GeoNames ID", "Feature Type", "Num Mentions", "Num Articles", "Source",
    "Publication Date", "Evidence", "Killed", "Injured", "Arrested")
# Casualty and arrest counts (issue 15): one column each in the CSV, PLOVER and Parquet exports,
# holding the count's minimum, the number the report vouches for ("at least 20" -> 20, "dozens"
# -> 24); the whole range and wording stay in the attributes column. GDELT has no such column.
COUNT_COLUMNS = CASUALTY_KINDS
CSV_COLUMNS = (*EVENT_COLUMNS, *COUNT_COLUMNS)

# Each event with the time its first document was stored (GDELT's DATEADDED).
_EXPORT_SQL = (
    "SELECT {columns}, (SELECT min(d.added_at) FROM mentions m JOIN documents d USING (doc_hash) "
    "WHERE m.event_id = e.event_id) AS date_added FROM events e {where}ORDER BY e.date NULLS LAST, e.event_id")
_FETCH_ROWS = 1000


def _where(con: duckdb.DuckDBPyConnection, include_background: bool) -> str:
    """The WHERE clause of an export: background events (issue 17) only when asked for."""
    return f"WHERE e.{NEWS_ONLY} " if news_only(con, include_background=include_background) else ""


def _events(con: duckdb.DuckDBPyConnection, *, include_background: bool = False) -> Iterator[dict[str, Any]]:
    where = _where(con, include_background)
    cursor = con.execute(_EXPORT_SQL.format(columns=select_list(con, "events", EVENT_COLUMNS, alias="e"), where=where))
    names = [column[0] for column in cursor.description]
    while rows := cursor.fetchmany(_FETCH_ROWS):
        for row in rows:
            yield dict(zip(names, row))


def global_event_id(event_id: str) -> int:
    """A stable integer id for GDELT's GlobalEventID, derived from our hex event id."""
    return int(event_id[:GLOBAL_ID_HEX_DIGITS], 16)


# Control characters that are not white space (NUL, ESC, ...): dropped from TSV fields, where
# a NUL cut a line short for C readers (issue 18).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _text(value: Any) -> str:
    if value is None:
        return ""
    return _CONTROL.sub("", " ".join(str(value).split()))  # no tabs or newlines inside a field


# A spreadsheet runs a cell that starts with one of these as a formula ("CSV injection");
# OWASP's advice is to start such text with an apostrophe, which shows it as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_GUARD = "'"


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell: text a spreadsheet would run as a formula (``=HYPERLINK(...)`` from an
    article, a doc id, a URL) behind an apostrophe; numbers and other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return FORMULA_GUARD + value
    return value


def write_csv(out: TextIO, columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> int:
    """Rows as CSV with a header, every text cell made spreadsheet-safe (issue 18); the one
    CSV writer of ``export``, ``query`` and the API. Returns the number of rows."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([spreadsheet_safe(row[column]) for column in columns])
        count += 1
    return count


def _actor_cells(event: dict[str, Any], role: str, gazetteer: Gazetteer) -> list[Any]:
    code = event[f"{role}_code"]
    if code is None:
        return [""] * len(_ACTOR)
    sectors = (event[f"{role}_sectors"] or "").split()[:MAX_ACTOR_TYPES]
    sectors += [""] * (MAX_ACTOR_TYPES - len(sectors))
    country = event[f"{role}_country"]
    name = event[f"{role}_name"] or (gazetteer.get_country_name(country) if country else None) or code
    return [code, name.upper(), country, "", "", "", "", *sectors]


def _geo_cells(event: dict[str, Any], gazetteer: Gazetteer) -> list[Any]:
    geonameid = event["location_geonameid"]
    place = gazetteer.get(int(geonameid)) if geonameid is not None else None
    if place is None:
        return [""] * len(_GEO)
    country_name = gazetteer.get_country_name(place.country)
    if place.kind == KIND_COUNTRY:
        kind, full, adm1 = GEO_COUNTRY, place.name, ""
    else:
        in_us = place.fips == US_FIPS
        if place.kind == KIND_ADMIN1:
            kind = GEO_US_STATE if in_us else GEO_WORLD_STATE
        else:
            kind = GEO_US_CITY if in_us else GEO_WORLD_CITY
        parts = [place.name] if place.kind == KIND_ADMIN1 else [place.name, place.admin1]
        full = ", ".join(p for p in [*parts, country_name] if p)
        adm1 = place.fips + place.admin1_code
    return [kind, full, place.fips, adm1, "", place.lat, place.lon, place.geonameid]


def gdelt_row(event: dict[str, Any], gazetteer: Gazetteer) -> list[Any]:
    """One events row as GDELT 2.0's 61 event columns (empty where we have no value)."""
    date: dt.date | None = event["date"]
    day = date.strftime("%Y%m%d") if date else ""
    fraction = round(date.year + date.timetuple().tm_yday / DAYS_PER_YEAR, FRACTION_DECIMALS) if date else ""
    added: dt.datetime | None = event["date_added"]
    return [
        global_event_id(event["event_id"]), day, day[:6], day[:4], fraction,
        *_actor_cells(event, "source", gazetteer), *_actor_cells(event, "target", gazetteer),
        int(bool(event["is_root_event"])), event["code"], event["base_code"], event["root_code"], event["quad_class"],
        event["goldstein"], event["num_mentions"], event["num_sources"], event["num_articles"], "",
        *([""] * len(_GEO)), *([""] * len(_GEO)), *_geo_cells(event, gazetteer),
        added.strftime(DATEADDED_FORMAT) if added else "", event["source_url"],
    ]


def plover_row(event: dict[str, Any], gazetteer: Gazetteer) -> list[Any]:
    """One events row in the POLECAT-style PLOVER layout (``PLOVER_COLUMNS``)."""
    geonameid = event["location_geonameid"]
    place = gazetteer.get(int(geonameid)) if geonameid is not None else None
    city = place.name if place is not None and place.kind not in (KIND_COUNTRY, KIND_ADMIN1) else None
    province = (place.name if place.kind == KIND_ADMIN1 else place.admin1) if place is not None else None
    return [
        event["event_id"], event["date"], event["plover_type"], event["plover_mode"],
        QUAD_NAMES.get(event["quad_class"], ""), event["code"], event["source_name"] or event["source_code"],
        event["source_country"], event["source_sectors"], event["target_name"] or event["target_code"],
        event["target_country"], event["target_sectors"], event["location_name"], city, province,
        event["location_country"], event["location_lat"], event["location_lon"], geonameid,
        event["location_feature"], event["num_mentions"], event["num_articles"], event["source_url"],
        event["first_published"], event["evidence"], *count_cells(event),
    ]


def count_cells(event: dict[str, Any]) -> list[int | None]:
    """The minimum of each count (``COUNT_COLUMNS``) an events row's attributes give, else None."""
    attributes = read_attributes(event["attributes"])
    return [attributes[kind]["min"] if kind in attributes else None for kind in COUNT_COLUMNS]


def _write_tsv(out: TextIO, rows: Iterator[list[Any]], header: tuple[str, ...] | None) -> int:
    """Tab-separated rows. A field holding a double quote is quoted as in CSV (``"..."``,
    ``""`` inside): a field that began with a quote made quote-aware readers (pandas, R's
    read.delim, csv.reader) run it into the next rows (issue 18). Fields hold no tab,
    newline or control character, so a reader that splits on tabs counts the same columns."""
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    count = 0
    if header is not None:
        writer.writerow(header)
    for row in rows:
        writer.writerow([_text(cell) for cell in row])
        count += 1
    return count


def export_gdelt(con: duckdb.DuckDBPyConnection, out: TextIO, *, include_background: bool = False) -> int:
    """GDELT 2.0 event table: tab-separated, no header. Returns the number of rows."""
    gazetteer = load_gazetteer()
    return _write_tsv(out, (gdelt_row(e, gazetteer) for e in _events(con, include_background=include_background)), None)


def export_plover(con: duckdb.DuckDBPyConnection, out: TextIO, *, include_background: bool = False) -> int:
    """POLECAT-style PLOVER TSV with a header row. Returns the number of rows."""
    gazetteer = load_gazetteer()
    return _write_tsv(out, (plover_row(e, gazetteer) for e in _events(con, include_background=include_background)), PLOVER_COLUMNS)


def _flat(event: dict[str, Any]) -> dict[str, Any]:
    return {c: (event[c].isoformat() if isinstance(event[c], dt.date) else event[c]) for c in EVENT_COLUMNS}


def export_csv(con: duckdb.DuckDBPyConnection, out: TextIO, *, include_background: bool = False) -> int:
    """The events table as CSV with a header row, then the count columns, text that a
    spreadsheet would run as a formula behind an apostrophe. Returns the number of rows."""
    return write_csv(out, CSV_COLUMNS, ({**_flat(event), **dict(zip(COUNT_COLUMNS, count_cells(event)))}
                                        for event in _events(con, include_background=include_background)))


def export_jsonl(con: duckdb.DuckDBPyConnection, out: TextIO, *, include_background: bool = False) -> int:
    """The events table as JSON lines (attributes as an object). Returns the number of rows."""
    count = 0
    for event in _events(con, include_background=include_background):
        record = {**_flat(event), "attributes": read_attributes(event["attributes"])}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def export_parquet(con: duckdb.DuckDBPyConnection, out: Path, *, include_background: bool = False) -> int:
    """Parquet files under ``out``, partitioned by event year-month (``year_month=2024-06/``;
    undated events under ``year_month=undated``). Returns the number of rows."""
    columns = select_list(con, "events", EVENT_COLUMNS)
    where = _where(con, include_background)
    counts = ", ".join(f"CAST(json_extract(attributes, '$.{kind}.min') AS INTEGER) AS {kind}" for kind in COUNT_COLUMNS)
    # The one statement with a value in its text: DuckDB binds no parameter as a COPY target
    # before 1.4 (duckdb/duckdb#10697), so the path is written as an escaped string literal.
    target = "'" + str(out).replace("'", "''") + "'"
    con.execute(f"COPY (SELECT *, {counts}, coalesce(strftime(date, '%Y-%m'), 'undated') AS year_month "
                f"FROM (SELECT {columns} FROM events e {where}) ORDER BY date, event_id) TO {target} (FORMAT PARQUET, "
                "PARTITION_BY (year_month), OVERWRITE_OR_IGNORE)")
    row = con.execute(f"SELECT count(*) FROM events e {where}").fetchone()
    return int(row[0]) if row else 0


TEXT_EXPORTS: dict[str, Callable[..., int]] = {
    "gdelt": export_gdelt, "plover": export_plover, "csv": export_csv, "jsonl": export_jsonl}
