"""Trends (issue 16): counts and mean Goldstein per day or week, empty periods included, for
every filter."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from newsevents.cli import app
from newsevents.monitor.trends import MAX_PERIODS, Interval, compute_trend, period_start
from newsevents.query import EventFilter
from newsevents.store import connect

from .synthetic_events import Row, insert, store

pytestmark = pytest.mark.issue(16)

D = dt.date
ROWS = [
    Row("a", D(2024, 1, 1), "010", "USAGOV", "CHNGOV", "USA"),   # Monday; Goldstein 0.0
    Row("b", D(2024, 1, 1), "190", "RUSMIL", "UKRMIL", "UKR"),   # -10.0, QuadClass 4
    Row("c", D(2024, 1, 4), "141", "NGAOPP", None, "NGA"),       # -6.5
    Row("d", D(2024, 1, 9), "042", "USAGOV", "FRAGOV", "FRA"),   # 1.9, the next week
]


def points(trend: object) -> list[tuple[str, int, float | None]]:
    return [(p["period"], p["count"], p["goldstein_mean"]) for p in trend.to_dict()["series"]]  # type: ignore[attr-defined]


def test_days_without_events_are_present() -> None:
    trend = compute_trend(store(ROWS), EventFilter())
    assert points(trend) == [("2024-01-01", 2, -5.0), ("2024-01-02", 0, None), ("2024-01-03", 0, None),
                             ("2024-01-04", 1, -6.5), ("2024-01-05", 0, None), ("2024-01-06", 0, None),
                             ("2024-01-07", 0, None), ("2024-01-08", 0, None), ("2024-01-09", 1, 1.9)]
    assert trend.to_dict()["since"] == "2024-01-01" and trend.to_dict()["until"] == "2024-01-09"


def test_weeks_are_named_by_their_monday() -> None:
    trend = compute_trend(store(ROWS), EventFilter(), Interval.week)
    assert points(trend) == [("2024-01-01", 3, -5.5), ("2024-01-08", 1, 1.9)]
    assert period_start(D(2024, 1, 7), Interval.week) == D(2024, 1, 1)  # a Sunday
    assert period_start(D(2024, 1, 8), Interval.week) == D(2024, 1, 8)


def test_since_and_until_bound_the_series_with_zeros() -> None:
    trend = compute_trend(store(ROWS), EventFilter(since="2023-12-30", until="2024-01-02"))
    assert points(trend) == [("2023-12-30", 0, None), ("2023-12-31", 0, None), ("2024-01-01", 2, -5.0),
                             ("2024-01-02", 0, None)]


@pytest.mark.parametrize(("filters", "expected"), [
    (EventFilter(actor="USA"), {"2024-01-01": 1, "2024-01-09": 1}),
    (EventFilter(source="RUS", target="UKR"), {"2024-01-01": 1}),
    (EventFilter(target="FRA"), {"2024-01-09": 1}),
    (EventFilter(country="nga"), {"2024-01-04": 1}),
    (EventFilter(root="19"), {"2024-01-01": 1}),
    (EventFilter(quad=4), {"2024-01-01": 1}),
    (EventFilter(code="04"), {"2024-01-09": 1}),
    (EventFilter(since="2024-01-02", until="2024-01-08"), {"2024-01-04": 1}),
])
def test_each_filter(filters: EventFilter, expected: dict[str, int]) -> None:
    counts = {period: count for period, count, _ in points(compute_trend(store(ROWS), filters)) if count}
    assert counts == expected


def test_nothing_matches_gives_an_empty_series() -> None:
    trend = compute_trend(store(ROWS), EventFilter(actor="ZZZ"))
    assert trend.to_dict() == {"interval": "day", "since": None, "until": None, "series": []}


def test_a_huge_range_is_refused_with_a_hint() -> None:
    with pytest.raises(ValueError, match="group by week"):
        compute_trend(store(ROWS), EventFilter(since="1900-01-01", until="2024-01-01"))
    assert len(compute_trend(store(ROWS), EventFilter(since="1900-01-01", until="2024-01-01"), Interval.week).series) < MAX_PERIODS


def test_filter_values_are_bound_not_spliced() -> None:
    con = store(ROWS)
    assert compute_trend(con, EventFilter(actor="' OR 1=1 --")).series == []
    assert con.execute("SELECT count(*) FROM events").fetchone() == (4,)


@pytest.fixture
def db_file(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "store.duckdb"
    con = connect(path)
    insert(con, ROWS)
    con.close()
    return path


def test_cli_csv_json_and_table(runner, db_file) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["trends", "--db", str(db_file), "--interval", "week", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["period,count,goldstein_mean", "2024-01-01,3,-5.5", "2024-01-08,1,1.9"]
    result = runner.invoke(app, ["trends", "--db", str(db_file), "--country", "NGA", "--since", "2024-01-03",
                                 "--until", "2024-01-05", "--format", "json"])
    assert json.loads(result.stdout)["series"] == [
        {"period": "2024-01-03", "count": 0, "goldstein_mean": None},
        {"period": "2024-01-04", "count": 1, "goldstein_mean": -6.5},
        {"period": "2024-01-05", "count": 0, "goldstein_mean": None}]
    result = runner.invoke(app, ["trends", "--db", str(db_file)])
    assert result.exit_code == 0 and "2024-01-02" in result.stdout and "-6.50" in result.stdout


def test_cli_bad_values_are_usage_errors(runner, db_file, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["trends", "--db", str(db_file), "--since", "yesterday"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
    result = runner.invoke(app, ["trends", "--db", str(db_file), "--since", "1000-01-01"])
    assert result.exit_code == 2 and "group by week" in result.output
    result = runner.invoke(app, ["trends", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 1 and "no database" in result.output
