"""Reading the store: typed event filters and one query builder, shared by the CLI and a
future REST API. Every value reaches DuckDB as a bound parameter, never as SQL text."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, fields, replace
from typing import Any

import duckdb

from .store import NEWS_ONLY, news_only, read_attributes, select_list

DEFAULT_LIMIT = 100
MAX_LIMIT = 100_000
LIKE_ESCAPE = "\\"
# Columns a query returns, in order: the events table, with the actors and place first.
RESULT_COLUMNS = (
    "event_id", "date", "date_source", "source_code", "source_name", "source_country", "source_sectors",
    "code", "name", "root_code", "quad_class", "goldstein", "plover_type", "plover_mode", "target_code",
    "target_name", "target_country", "target_sectors", "location_name", "location_country", "location_admin1",
    "location_lat", "location_lon", "location_geonameid", "location_feature", "num_mentions", "num_sources",
    "num_articles", "confidence", "evidence", "trigger", "doc_id", "source_url", "attributes", "date_precision",
    "background", "joint")
# Columns that hold JSON text in the store and are returned parsed (issue 15: counts).
JSON_COLUMNS = frozenset({"attributes"})
# What a result may be sorted by (``-name`` for descending), and the column behind each name.
SORT_COLUMNS = {"date": "date", "source": "source_code", "target": "target_code", "code": "code",
                "location": "location_name", "mentions": "num_mentions", "goldstein": "goldstein"}
SORT_PATTERN = "^-?(" + "|".join(SORT_COLUMNS) + ")$"
DEFAULT_ORDER = "date DESC NULLS LAST, num_mentions DESC, event_id"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What to select. Actor filters take a code or its prefix (``IRN`` matches ``IRNGOV``);
    ``code`` matches a CAMEO code and its sub-codes; ``since``/``until`` are inclusive ISO
    dates; ``country`` is the location's country code; ``text`` a substring of any evidence
    sentence (case-insensitive). None means no constraint. Background events (history, an
    actor's past; issue 17) are left out unless ``include_background``."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    code: str | None = None
    root: str | None = None
    quad: int | None = None
    since: str | None = None
    until: str | None = None
    country: str | None = None
    text: str | None = None
    include_background: bool = False

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self) if f.name != "include_background")


def _like_prefix(value: str) -> str:
    """A LIKE pattern matching strings that start with ``value`` taken literally."""
    escaped = value.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%").replace("_", LIKE_ESCAPE + "_")
    return escaped + "%"


def _like_substring(value: str) -> str:
    return "%" + _like_prefix(value)


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value.strip())


def order_clause(sort: str | None) -> str:
    """The ORDER BY list for ``sort`` (a SORT_COLUMNS name, ``-`` first for descending; None:
    newest first). Ties keep the default order, so paging is stable."""
    if not sort:
        return DEFAULT_ORDER
    column = SORT_COLUMNS.get(sort.lstrip("-"))
    if column is None:
        raise ValueError(f"cannot sort by {sort!r}: use one of {', '.join(SORT_COLUMNS)} (- first for descending)")
    return f"{column} {'DESC' if sort.startswith('-') else 'ASC'} NULLS LAST, {DEFAULT_ORDER}"


def filter_clause(filters: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE conditions over the ``events`` table for ``filters`` (fixed SQL fragments joined
    by AND; "TRUE" when there are none) and their parameters, for queries that select or
    aggregate other than ``build_query`` does (trends and alerts, issue 16)."""
    where: list[str] = []
    params: list[Any] = []
    like = f"LIKE ? ESCAPE '{LIKE_ESCAPE}'"
    if filters.actor is not None:
        where.append(f"(source_code {like} OR target_code {like})")
        params += [_like_prefix(filters.actor.upper())] * 2
    if filters.source is not None:
        where.append(f"source_code {like}")
        params.append(_like_prefix(filters.source.upper()))
    if filters.target is not None:
        where.append(f"target_code {like}")
        params.append(_like_prefix(filters.target.upper()))
    if filters.code is not None:
        where.append(f"code {like}")
        params.append(_like_prefix(filters.code))
    if filters.root is not None:
        where.append("root_code = ?")
        params.append(filters.root.zfill(2))
    if filters.quad is not None:
        where.append("quad_class = ?")
        params.append(filters.quad)
    if filters.since is not None:
        where.append("date >= ?")
        params.append(_date(filters.since))
    if filters.until is not None:
        where.append("date <= ?")
        params.append(_date(filters.until))
    if filters.country is not None:
        where.append("location_country = ?")
        params.append(filters.country.upper())
    if filters.text is not None:
        where.append(f"EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = events.event_id AND m.sentence I{like})")
        params.append(_like_substring(filters.text))
    if not filters.include_background:
        where.append(NEWS_ONLY)
    return " AND ".join(where) or "TRUE", params


def build_query(filters: EventFilter, limit: int = DEFAULT_LIMIT, offset: int = 0, *,
                columns: str | None = None, sort: str | None = None) -> tuple[str, list[Any]]:
    """The SQL text (fixed fragments only) and its parameters for ``filters``.

    columns: the SELECT list (``store.select_list`` of RESULT_COLUMNS for an older store);
    default RESULT_COLUMNS as they are. sort: see ``order_clause``.
    """
    where, params = filter_clause(filters)
    sql = f"SELECT {columns or ', '.join(RESULT_COLUMNS)} FROM events"
    if where != "TRUE":
        sql += " WHERE " + where
    sql += f" ORDER BY {order_clause(sort)} LIMIT ? OFFSET ?"
    params += [max(0, min(limit, MAX_LIMIT)), max(0, offset)]
    return sql, params


def query_events(con: duckdb.DuckDBPyConnection, filters: EventFilter, limit: int = DEFAULT_LIMIT,
                 offset: int = 0, *, sort: str | None = None) -> list[dict[str, Any]]:
    """Events matching ``filters``, newest first (or by ``sort``), as JSON-ready dicts (dates
    as ISO text).

    con: a store connection; limit/offset: paging (limit is capped at MAX_LIMIT).
    """
    # An older store opened read-only has no background column: every event in it is news.
    filters = replace(filters, include_background=not news_only(con, include_background=filters.include_background))
    sql, params = build_query(filters, limit, offset, columns=select_list(con, "events", RESULT_COLUMNS), sort=sort)
    rows = con.execute(sql, params).fetchall()
    return [{name: read_attributes(value) if name in JSON_COLUMNS else _plain(value)
             for name, value in zip(RESULT_COLUMNS, row)} for row in rows]


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    """A ``query_events`` row for a CSV writer: JSON columns as JSON text (empty when none)."""
    return {name: (json.dumps(value) if value else "") if name in JSON_COLUMNS else value for name, value in row.items()}


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value
