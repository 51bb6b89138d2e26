"""GET /v1/trends and GET /v1/alerts (issue 16): the monitor's trends and alerts over the
store, with the same filter parameters as GET /v1/events."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query
from pydantic import BaseModel

from ..monitor.alerts import (DEFAULT_MIN_COUNT, DEFAULT_SHIFT, DEFAULT_SHIFT_MIN_COUNT, DEFAULT_THRESHOLD, MAX_WINDOW,
                              AlertOptions, find_alerts)
from ..monitor.trends import Interval, compute_trend
from .errors import BadRequest, error_responses
from .explore import ActorQ, CodeQ, CountryQ, DateQ, QuadQ, RootQ, SourceQ, TargetQ, TextQ, _filters

# Bounds a client may ask for: wide enough for any use, finite so the schema says so.
MAX_THRESHOLD = 1000.0
MAX_MIN_COUNT = 1_000_000
MAX_SHIFT = 20.0  # the Goldstein scale's full width

IntervalQ = Annotated[Interval, Query(description="day, or week (named by its Monday)")]


class TrendPointOut(BaseModel):
    period: str
    count: int
    goldstein_mean: float | None


class TrendsOut(BaseModel):
    """Every period between since and until, empty ones with count 0 and goldstein_mean null."""

    interval: Interval
    since: str | None
    until: str | None
    series: list[TrendPointOut]


class DyadOut(BaseModel):
    source: str
    target: str


class AlertOut(BaseModel):
    kind: Literal["spike", "goldstein_shift"]
    period: str
    dyad: DyadOut | None
    country: str | None
    root: str | None
    count: int
    baseline: float
    score: float
    goldstein_mean: float | None
    baseline_goldstein: float | None
    event_ids: list[str]


class AlertsOut(BaseModel):
    method: str
    alerts: list[AlertOut]


def install_monitor_routes(app: FastAPI, state: Any) -> None:
    """Add the trend and alert routes to ``app``, over the store that ``state.open_database``
    (set by ``install_explore_routes``) opens, with its 503s when there is none."""

    def cursor() -> Any:
        return state.open_database().cursor()

    @app.get("/v1/trends", responses=error_responses(400, 422, 503))
    def trends(interval: IntervalQ = Interval.day, actor: ActorQ = None, source: SourceQ = None, target: TargetQ = None,
               code: CodeQ = None, root: RootQ = None, quad: QuadQ = None, since: DateQ = None, until: DateQ = None,
               country: CountryQ = None, text: TextQ = None) -> TrendsOut:
        """Events and their mean Goldstein value per day or week, every period between since
        and until present (by default the first and last matching events)."""
        filters = _filters(actor, source, target, code, root, quad, since, until, country, text)
        try:
            trend = compute_trend(cursor(), filters, interval)
        except ValueError as err:
            raise BadRequest(str(err)) from err
        return TrendsOut.model_validate(trend.to_dict())

    @app.get("/v1/alerts", responses=error_responses(400, 422, 503))
    def alerts(interval: IntervalQ = Interval.day,
               window: Annotated[int | None, Query(ge=1, le=MAX_WINDOW, description="baseline periods (default 28 days, 8 weeks)")] = None,
               threshold: Annotated[float, Query(gt=0, le=MAX_THRESHOLD, description="spike score: -log10 tail probability")] = DEFAULT_THRESHOLD,
               min_count: Annotated[int, Query(ge=1, le=MAX_MIN_COUNT)] = DEFAULT_MIN_COUNT,
               shift: Annotated[float, Query(gt=0, le=MAX_SHIFT, description="Goldstein points")] = DEFAULT_SHIFT,
               shift_min_count: Annotated[int, Query(ge=1, le=MAX_MIN_COUNT)] = DEFAULT_SHIFT_MIN_COUNT,
               actor: ActorQ = None, source: SourceQ = None, target: TargetQ = None, code: CodeQ = None,
               root: RootQ = None, quad: QuadQ = None, since: DateQ = None, until: DateQ = None,
               country: CountryQ = None, text: TextQ = None) -> AlertsOut:
        """Spikes (per country and root code, per dyad) and sharp Goldstein shifts per dyad
        against the periods before each, newest first, with the ids of the events behind each."""
        filters = _filters(actor, source, target, code, root, quad, since, until, country, text)
        try:
            options = AlertOptions(interval=interval, window=window, threshold=threshold, min_count=min_count,
                                   shift=shift, shift_min_count=shift_min_count)
        except ValueError as err:
            raise BadRequest(str(err)) from err
        found = find_alerts(cursor(), filters, options)
        return AlertsOut.model_validate({"method": options.describe(), "alerts": [a.to_dict() for a in found]})
