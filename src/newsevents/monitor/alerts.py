"""Alerts: spikes in event counts and sharp shifts in a dyad's mean Goldstein value, each
against a rolling baseline of the periods before it (issue 16). The method, its defaults and
its limits are in docs/monitoring.md ("Trends and alerts").

Spikes. A series is the count per period of one kind of event: per country and CAMEO root
(where events happened, what happened), and per dyad (who did something to whom). For a
period with ``count`` events, the baseline is the counts of the ``window`` periods before it,
zeros included, less its single largest one (so one burst inside the window does not hide the
next). With the baseline's mean m (at least MEAN_FLOOR) and variance v (at least m), the score
is

    score = -log10 P(X >= count),  X ~ negative binomial with mean m and variance v

which is the Poisson tail when v = m. Counts of news events are overdispersed (busy and quiet
days come in runs); the negative binomial's wider tail keeps a noisy series from alerting on
its ordinary swings, where a Poisson test would. A spike is a period with ``count >=
min_count`` and ``score >= threshold``: the default 6 is a one-in-a-million tail.

Goldstein shifts. For a dyad, the mean Goldstein value of the period's events against the
mean over the baseline periods' events; a shift when both have ``shift_min_count`` events, the
means differ by ``shift`` points or more (the scale runs from -10 to +10), and the difference
is SHIFT_Z standard errors or more: |shift| / (sd * sqrt(1/n + 1/m)), with sd the standard
deviation of the events around their means, pooled over the period's n and the baseline's m
(at least SHIFT_SPREAD_FLOOR), and m at least SHIFT_BASELINE_EVENTS.

Counting is done in DuckDB (bound parameters, ``query``'s filter builder); the baselines here.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import duckdb

from ..query import EventFilter, filter_clause
from .trends import DAYS_PER_WEEK, Interval, period_sql

SPIKE, GOLDSTEIN_SHIFT = "spike", "goldstein_shift"
# Baseline length in periods: four weeks of days catch the weekly cycle of the news; eight
# weeks keep a weekly baseline recent.
DEFAULT_WINDOW = {Interval.day: 28, Interval.week: 8}
MAX_WINDOW = 366
# A period is judged only once this many baseline periods were observed (the store's first
# event starts observation): a store a few days old has no baseline to speak of.
MIN_BASELINE_PERIODS = 7
# -log10 of the tail probability: 6 is one in a million, so a store of 1,000 series watched for
# a year (365,000 series-days) expects well under one false alert from noise alone.
DEFAULT_THRESHOLD = 6.0
# One event, or a handful, is never a spike, however quiet the baseline.
DEFAULT_MIN_COUNT = 5
# Goldstein points between the period's mean and the baseline's: a move from mild cooperation
# (+3) to threats (-2) or worse.
DEFAULT_SHIFT = 5.0
DEFAULT_SHIFT_MIN_COUNT = 3
# A shift must also stand out from the events' spread: this many standard errors of the
# difference of two means (pooled sd * sqrt(1/n + 1/m)). The floor (Goldstein points) keeps a
# dyad whose every event had one value from making any move certain. A baseline mean needs
# SHIFT_BASELINE_EVENTS events: the mean of three is a guess.
SHIFT_Z = 4.0
SHIFT_SPREAD_FLOOR = 1.0
SHIFT_BASELINE_EVENTS = 10
# The least mean rate a baseline is given: a series with no events in the window is not
# certain to stay silent, so a first handful of events is judged against half an event a period.
MEAN_FLOOR = 0.5
# A variance within this fraction of the mean is Poisson's (the negative binomial's size would
# be huge and its terms lose precision).
DISPERSION_TOLERANCE = 0.01
TAIL_PRECISION = 1e-12
MAX_TAIL_TERMS = 100_000
# Event ids kept per alert (the most reported first); the alert's count says how many there are.
MAX_EVENT_IDS = 100
SCORE_DECIMALS = 2
# Series dimensions. A dyad is by actor country, falling back to the actor code for actors
# without one (IGOs, NGOs): ISRGOV and ISRMIL are one Israeli side.
SOURCE_SIDE = "COALESCE(source_country, source_code)"
TARGET_SIDE = "COALESCE(target_country, target_code)"
COUNTRY_ROOT = ("location_country", "root_code")
DYAD = (SOURCE_SIDE, TARGET_SIDE)


@dataclass(frozen=True, slots=True)
class AlertOptions:
    """How alerts are found. window: baseline periods (None: DEFAULT_WINDOW of the interval);
    threshold: the tail score (-log10 p) a spike needs; min_count: events a spike needs; shift:
    Goldstein points a shift needs; shift_min_count: events a shift needs in the period and in
    the baseline."""

    interval: Interval = Interval.day
    window: int | None = None
    threshold: float = DEFAULT_THRESHOLD
    min_count: int = DEFAULT_MIN_COUNT
    shift: float = DEFAULT_SHIFT
    shift_min_count: int = DEFAULT_SHIFT_MIN_COUNT

    def __post_init__(self) -> None:
        problems = []
        if self.window is not None and not 1 <= self.window <= MAX_WINDOW:
            problems.append(f"window must be 1 to {MAX_WINDOW} periods, not {self.window}")
        if not (math.isfinite(self.threshold) and self.threshold > 0):
            problems.append(f"threshold must be a positive number, not {self.threshold}")
        if self.min_count < 1 or self.shift_min_count < 1:
            problems.append("min_count and shift_min_count must be at least 1")
        if not (math.isfinite(self.shift) and self.shift > 0):
            problems.append(f"shift must be a positive number of Goldstein points, not {self.shift}")
        if problems:
            raise ValueError("; ".join(problems))

    @property
    def baseline_periods(self) -> int:
        return self.window if self.window is not None else DEFAULT_WINDOW[self.interval]

    def describe(self) -> str:
        """The method in one line, with these options' values (the API's ``method``)."""
        return (f"tail score per series (country and root; dyad): -log10 P(X >= count), X negative binomial "
                f"with the mean (at least {MEAN_FLOOR:g}) and variance of the previous {self.baseline_periods} {self.interval.value}s less the largest; spike when "
                f"score >= {self.threshold:g} and count >= {self.min_count}; Goldstein shift per dyad when the mean "
                f"moves {self.shift:g} points or more from the baseline's and by {SHIFT_Z:g} standard errors, with "
                f"{self.shift_min_count}+ events in the period and {max(self.shift_min_count, SHIFT_BASELINE_EVENTS)}+ "
                "in the baseline")


@dataclass(frozen=True, slots=True)
class Alert:
    """A spike or a Goldstein shift in one series and period. country/root name a country and
    root series, source/target a dyad. baseline: the mean count of the baseline periods
    (less the largest); score: -log10 of the tail probability (spike) or the shift in Goldstein points (goldstein_shift);
    event_ids: the events behind it, most reported first (at most MAX_EVENT_IDS)."""

    kind: str
    interval: Interval
    period: dt.date
    country: str | None
    root: str | None
    source: str | None
    target: str | None
    count: int
    baseline: float
    score: float
    goldstein_mean: float | None
    baseline_goldstein: float | None
    event_ids: tuple[str, ...]

    @property
    def key(self) -> str:
        """What identifies the alert across runs: a spike on the same day is the same alert,
        however many events it has by now."""
        parts = (self.kind, self.interval.value, self.period.isoformat(), self.country, self.root, self.source, self.target)
        return "|".join(part or "" for part in parts)

    def to_dict(self) -> dict[str, Any]:
        dyad = {"source": self.source, "target": self.target} if self.source is not None else None
        return {"kind": self.kind, "period": self.period.isoformat(), "dyad": dyad, "country": self.country,
                "root": self.root, "count": self.count, "baseline": self.baseline, "score": self.score,
                "goldstein_mean": self.goldstein_mean, "baseline_goldstein": self.baseline_goldstein,
                "event_ids": list(self.event_ids)}


@dataclass(frozen=True, slots=True)
class _Cell:
    """One series' period: events, events with a Goldstein value, the sum of the values and
    the sum of their squares."""

    count: int
    scored: int
    goldstein_sum: float
    goldstein_squares: float


Series = dict[tuple[str, str], dict[dt.date, _Cell]]


def find_alerts(con: duckdb.DuckDBPyConnection, filters: EventFilter = EventFilter(),
                options: AlertOptions = AlertOptions()) -> list[Alert]:
    """The spikes and Goldstein shifts among the events matching ``filters``, newest first.

    con: a store connection or cursor; filters: which events count (since/until bound the
    periods judged; their baselines reach back before since); options: the method's settings.
    """
    step = dt.timedelta(days=DAYS_PER_WEEK if options.interval is Interval.week else 1)
    window = options.baseline_periods
    first = _first_period(con, options.interval)
    if first is None:
        return []
    since = dt.date.fromisoformat(filters.since) if filters.since else None
    # Baselines read the periods before since: the events counted start a window earlier.
    counted = dataclasses.replace(filters, since=(since - step * window).isoformat()) if since else filters
    alerts: list[Alert] = []
    for dimensions in (COUNTRY_ROOT, DYAD):
        series = _series(con, counted, options.interval, dimensions)
        for key, cells in series.items():
            for period in sorted(cells):
                cell = cells[period]
                if (since is not None and period < since) or not _candidate(cell, dimensions, options):
                    continue
                baseline = [cells.get(period - step * back) for back in range(1, window + 1)
                            if period - step * back >= first]
                if len(baseline) < min(window, MIN_BASELINE_PERIODS):
                    continue
                found = [_spike(cell, baseline, options)]
                if dimensions is DYAD:
                    found.append(_shift(cell, baseline, options))
                alerts += [_alert(con, filters, options.interval, dimensions, key, period, cell, finding)
                           for finding in found if finding is not None]
    alerts.sort(key=lambda a: (a.period, abs(a.score), a.key), reverse=True)
    return alerts


def _candidate(cell: _Cell, dimensions: tuple[str, str], options: AlertOptions) -> bool:
    """Whether the period has the events an alert needs (most have too few: no baseline is read)."""
    return cell.count >= options.min_count or (dimensions is DYAD and cell.scored >= options.shift_min_count)


def tail_score(count: int, baseline: list[int]) -> tuple[float, float, float]:
    """(score, mean, variance) of ``count`` against the ``baseline`` counts: the score is
    -log10 P(X >= count) for the negative binomial (Poisson when not overdispersed) with the
    trimmed baseline's mean and variance, as in the module docstring."""
    values = sorted(baseline)[:-1] if len(baseline) > 1 else list(baseline)
    mean = max(statistics.fmean(values), MEAN_FLOOR)
    variance = max(statistics.pvariance(values) if len(values) > 1 else mean, mean)
    return -upper_tail_log10(count, mean, variance), mean, variance


def upper_tail_log10(count: int, mean: float, variance: float) -> float:
    """log10 P(X >= count) for X with this mean and variance: negative binomial when the
    variance exceeds the mean, else Poisson. Summed upward from ``count`` in log space, so a
    tail of 1e-40 is exact where 1 - CDF would round to 0."""
    if count <= max(mean, 0.0):
        # At or below the mean is no excess (the tail holds about half or more): scored 0. The
        # terms would also grow from there, past what floats hold for a busy series.
        return 0.0
    if variance > mean * (1 + DISPERSION_TOLERANCE):
        success = mean / variance
        size = mean * mean / (variance - mean)

        def log_pmf(k: int) -> float:
            return (math.lgamma(k + size) - math.lgamma(size) - math.lgamma(k + 1)
                    + size * math.log(success) + k * math.log1p(-success))
    else:
        def log_pmf(k: int) -> float:
            return k * math.log(mean) - mean - math.lgamma(k + 1)
    first = log_pmf(count)
    total, k = 0.0, count
    # Past the mean the terms fall, ever faster: stop once they no longer change the sum.
    while True:
        term = math.exp(log_pmf(k) - first)
        total += term
        k += 1
        if term < total * TAIL_PRECISION or k - count > MAX_TAIL_TERMS:
            break
    return min(0.0, (first + math.log(total)) / math.log(10))


@dataclass(frozen=True, slots=True)
class _Finding:
    kind: str
    baseline: float
    score: float
    baseline_goldstein: float | None


def _spike(cell: _Cell, baseline: list[_Cell | None], options: AlertOptions) -> _Finding | None:
    if cell.count < options.min_count:
        return None
    score, mean, _variance = tail_score(cell.count, [c.count if c else 0 for c in baseline])
    return _Finding(SPIKE, mean, score, _mean(baseline)) if score >= options.threshold else None


def _shift(cell: _Cell, baseline: list[_Cell | None], options: AlertOptions) -> _Finding | None:
    before = _mean(baseline)
    scored = sum(c.scored for c in baseline if c)
    if (before is None or cell.scored < options.shift_min_count
            or scored < max(options.shift_min_count, SHIFT_BASELINE_EVENTS)):
        return None
    now = cell.goldstein_sum / cell.scored
    shift = now - before
    # The events' own spread: a dyad whose events run from praise to fighting every day has a
    # mean that jumps by chance, and needs a bigger move than a steady one. Pooled over the
    # baseline and the period (each around its own mean), as in a two-sample t-test.
    squares = sum(c.goldstein_squares for c in baseline if c)
    pooled = ((squares - scored * before * before) + (cell.goldstein_squares - cell.scored * now * now)) / (
        scored + cell.scored)
    error = max(math.sqrt(max(pooled, 0.0)), SHIFT_SPREAD_FLOOR) * math.sqrt(1 / cell.scored + 1 / scored)
    if abs(shift) < options.shift or abs(shift) / error < SHIFT_Z:
        return None
    counts = sorted(c.count if c else 0 for c in baseline)[:-1] or [0]
    return _Finding(GOLDSTEIN_SHIFT, statistics.fmean(counts), shift, before)


def _mean(cells: Iterable[_Cell | None]) -> float | None:
    """The mean Goldstein value over the events of ``cells`` (None when none has one)."""
    present = [c for c in cells if c]
    scored = sum(c.scored for c in present)
    return sum(c.goldstein_sum for c in present) / scored if scored else None


def _first_period(con: duckdb.DuckDBPyConnection, interval: Interval) -> dt.date | None:
    """The period of the store's first event: observation starts there for every series (the
    days before it were not watched, so they are no baseline)."""
    row = con.execute(f"SELECT min({period_sql(interval)}) FROM events").fetchone()
    return row[0] if row else None


def _series(con: duckdb.DuckDBPyConnection, filters: EventFilter, interval: Interval,
            dimensions: tuple[str, str]) -> Series:
    where, params = filter_clause(filters)
    first, second = dimensions
    rows = con.execute(
        f"SELECT {first}, {second}, {period_sql(interval)} AS period, count(*), count(goldstein), "
        f"COALESCE(sum(goldstein), 0), COALESCE(sum(goldstein * goldstein), 0) FROM events WHERE date IS NOT NULL AND {first} IS NOT NULL "
        f"AND {second} IS NOT NULL AND {where} GROUP BY ALL", params).fetchall()
    series: Series = defaultdict(dict)
    for one, two, period, count, scored, total, squares in rows:
        series[(one, two)][period] = _Cell(count, scored, total, squares)
    return series


def _alert(con: duckdb.DuckDBPyConnection, filters: EventFilter, interval: Interval, dimensions: tuple[str, str],
           key: tuple[str, str], period: dt.date, cell: _Cell, found: _Finding) -> Alert:
    """The alert for ``key`` in ``period``, with the ids of its events."""
    where, params = filter_clause(filters)
    first, second = dimensions
    ids = [row[0] for row in con.execute(
        f"SELECT event_id FROM events WHERE {period_sql(interval)} = ? AND {first} = ? AND {second} = ? AND {where} "
        "ORDER BY num_mentions DESC NULLS LAST, event_id LIMIT ?", [period, *key, *params, MAX_EVENT_IDS]).fetchall()]
    country, root = key if dimensions is COUNTRY_ROOT else (None, None)
    source, target = key if dimensions is DYAD else (None, None)
    mean = cell.goldstein_sum / cell.scored if cell.scored else None
    return Alert(found.kind, interval, period, country, root, source, target, cell.count,
                 round(found.baseline, SCORE_DECIMALS), round(found.score, SCORE_DECIMALS), _round(mean),
                 _round(found.baseline_goldstein), tuple(ids))


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, SCORE_DECIMALS)
