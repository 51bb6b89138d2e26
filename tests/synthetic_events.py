"""Synthetic event stores for the trend and alert tests (issue 16): rows written straight into
the store's events table, so a test states exactly which events exist."""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import duckdb

from newsevents.codebook import get_code
from newsevents.store import connect

START = dt.date(2024, 1, 1)  # a Monday
DAYS = 90


@dataclass(frozen=True)
class Row:
    """One event: the fields the trends and alerts read."""

    event_id: str
    day: dt.date
    code: str = "010"
    source_code: str | None = "USA"
    target_code: str | None = "CHN"
    country: str | None = "USA"
    num_mentions: int = 1


def insert(con: duckdb.DuckDBPyConnection, rows: Iterable[Row]) -> None:
    """Write ``rows`` into the events table, with the codebook's root, QuadClass and Goldstein."""
    values = []
    for row in rows:
        entry = get_code(row.code)
        values.append((row.event_id, row.event_id, row.day, row.source_code, row.source_code and row.source_code[:3],
                       row.target_code, row.target_code and row.target_code[:3], row.code, row.code[:2],
                       entry.goldstein if entry else None, entry.quad_class if entry else None, row.country,
                       row.num_mentions))
    con.executemany(
        "INSERT INTO events (event_id, event_key, date, source_code, source_country, target_code, target_country, "
        "code, root_code, goldstein, quad_class, location_country, num_mentions) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values)


def store(rows: Iterable[Row]) -> duckdb.DuckDBPyConnection:
    """An in-memory store holding ``rows``."""
    con = connect(":memory:")
    insert(con, rows)
    return con


def background(seed: int = 16, days: int = DAYS) -> Iterator[Row]:
    """A quiet 90-day news flow: a few protests a day in three countries, and two dyads that
    meet, consult and criticise at random (Poisson-like counts from a fixed seed)."""
    rng = random.Random(seed)
    number = 0
    for offset in range(days):
        day = START + dt.timedelta(days=offset)
        for country, rate in (("NGA", 1.5), ("KEN", 0.8), ("FRA", 2.0)):
            for _ in range(_poisson(rng, rate)):
                number += 1
                yield Row(f"bg{number}", day, "141", f"{country}OPP", None, country)
        for source, target, rate in (("ISRGOV", "PSEGOV", 1.2), ("USAGOV", "CHNGOV", 2.0)):
            for _ in range(_poisson(rng, rate)):
                number += 1
                yield Row(f"bg{number}", day, rng.choice(("040", "036", "111")), source, target, source[:3])


def _poisson(rng: random.Random, rate: float) -> int:
    """A Poisson draw (Knuth's method; fine for small rates)."""
    limit, count, product = pow(2.718281828459045, -rate), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count
