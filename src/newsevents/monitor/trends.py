"""Trends: event counts and mean Goldstein value per day or week over the store, for any
event filter, with the periods that have no events included (issue 16).

Counting happens in DuckDB (every filter value a bound parameter, through ``query``'s one
filter builder); the empty periods are filled in here, so a gap in the news is a gap in the
series and never vanishes between two bars.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any

import duckdb

from ..query import EventFilter, filter_clause

# At most this many periods in one series: 30 years of days. A wider range (since=0001-01-01)
# would build millions of empty rows; it is refused with a hint instead.
MAX_PERIODS = 11_000
GOLDSTEIN_DECIMALS = 2
DAYS_PER_WEEK = 7


class Interval(str, Enum):
    """How events are grouped: by day, or by ISO week (named by its Monday)."""

    day = "day"
    week = "week"


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """One period of a series: its first day, how many events, their mean Goldstein value
    (None when there are none)."""

    period: dt.date
    count: int
    goldstein_mean: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"period": self.period.isoformat(), "count": self.count, "goldstein_mean": self.goldstein_mean}


@dataclass(frozen=True, slots=True)
class Trend:
    """A series over ``since``..``until`` (inclusive days; None when nothing matched and no
    range was given, and then no points)."""

    interval: Interval
    since: dt.date | None
    until: dt.date | None
    series: list[TrendPoint]

    def to_dict(self) -> dict[str, Any]:
        return {"interval": self.interval.value, "since": _iso(self.since), "until": _iso(self.until),
                "series": [point.to_dict() for point in self.series]}


def period_start(day: dt.date, interval: Interval) -> dt.date:
    """The first day of the period holding ``day``: the day itself, or its week's Monday."""
    return day - dt.timedelta(days=day.weekday()) if interval is Interval.week else day


def periods(since: dt.date, until: dt.date, interval: Interval) -> Iterator[dt.date]:
    """Every period start from the one holding ``since`` to the one holding ``until``."""
    step = dt.timedelta(days=DAYS_PER_WEEK if interval is Interval.week else 1)
    current, last = period_start(since, interval), period_start(until, interval)
    while current <= last:
        yield current
        current += step


def period_count(since: dt.date, until: dt.date, interval: Interval) -> int:
    """How many periods ``periods`` yields, without building them."""
    days = (period_start(until, interval) - period_start(since, interval)).days
    return max(0, days // (DAYS_PER_WEEK if interval is Interval.week else 1) + 1)


def period_sql(interval: Interval) -> str:
    """The SQL expression for an event's period start (a fixed fragment, no input in it).
    DuckDB's week starts on Monday (ISO), as ``period_start`` does."""
    return "date_trunc('week', date)::DATE" if interval is Interval.week else "date"


def compute_trend(con: duckdb.DuckDBPyConnection, filters: EventFilter, interval: Interval = Interval.day) -> Trend:
    """Counts and mean Goldstein value per period of the events matching ``filters``.

    con: a store connection or cursor; filters: which events (its since/until also bound the
    series; without them the series runs from the first to the last matching event);
    interval: day or week. Events without a date are left out. Raises ValueError when the
    range holds more than MAX_PERIODS periods.
    """
    where, params = filter_clause(filters)
    rows = con.execute(
        f"SELECT {period_sql(interval)} AS period, count(*), avg(goldstein) FROM events "
        f"WHERE date IS NOT NULL AND {where} GROUP BY period ORDER BY period", params).fetchall()
    found = {period: (count, mean) for period, count, mean in rows}
    since = dt.date.fromisoformat(filters.since) if filters.since else (rows[0][0] if rows else None)
    until = dt.date.fromisoformat(filters.until) if filters.until else (rows[-1][0] if rows else None)
    if since is None or until is None or since > until:
        return Trend(interval, since, until, [])
    check_range(since, until, interval)
    series = []
    for period in periods(since, until, interval):
        count, mean = found.get(period, (0, None))
        series.append(TrendPoint(period, count, None if mean is None else round(mean, GOLDSTEIN_DECIMALS)))
    return Trend(interval, since, until, series)


def check_range(since: dt.date, until: dt.date, interval: Interval) -> None:
    """Raise ValueError, saying what to do, when ``since``..``until`` holds too many periods."""
    count = period_count(since, until, interval)
    if count > MAX_PERIODS:
        hint = "narrow since/until" if interval is Interval.week else "narrow since/until, or group by week"
        raise ValueError(f"{since.isoformat()} to {until.isoformat()} holds {count:,} {interval.value}s, more than "
                         f"{MAX_PERIODS:,}: {hint}")


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
