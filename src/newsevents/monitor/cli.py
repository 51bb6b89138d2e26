"""The ``trends`` and ``alerts`` commands (issue 16); ``newsevents.cli`` registers them.
They parse options, open the store read-only (as ``query`` does) and print."""
from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ..progress import table_cell
from ..query import EventFilter
from .alerts import DEFAULT_MIN_COUNT, DEFAULT_SHIFT, DEFAULT_SHIFT_MIN_COUNT, DEFAULT_THRESHOLD, AlertOptions, find_alerts
from .trends import Interval, compute_trend

# The event ids an alert's table row shows; --format json has them all.
TABLE_EVENT_IDS = 3


class TrendsFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class AlertsFormat(str, Enum):
    table = "table"
    json = "json"


DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB database file.", dir_okay=False)]
IntervalOpt = Annotated[Interval, typer.Option("--interval", help="Group events by day or by week (named by its Monday).")]
ActorOpt = Annotated[str | None, typer.Option("--actor", help="Source or target code, or its prefix (IRN matches IRNGOV).")]
SourceOpt = Annotated[str | None, typer.Option("--source", help="Source actor code or prefix.")]
TargetOpt = Annotated[str | None, typer.Option("--target", help="Target actor code or prefix.")]
CodeOpt = Annotated[str | None, typer.Option("--code", help="CAMEO code (and its sub-codes).")]
RootOpt = Annotated[str | None, typer.Option("--root", help="CAMEO root code (01-20).")]
QuadOpt = Annotated[int | None, typer.Option("--quad", min=1, max=4, help="QuadClass 1-4.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="From this date (YYYY-MM-DD; default: the first matching event).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="To this date (YYYY-MM-DD; default: the last matching event).")]
CountryOpt = Annotated[str | None, typer.Option("--country", help="Location country code (NGA).")]
TextOpt = Annotated[str | None, typer.Option("--text", help="Words in any evidence sentence.")]


def _filters(actor: str | None, source: str | None, target: str | None, code: str | None, root: str | None,
             quad: int | None, since: str | None, until: str | None, country: str | None,
             text: str | None) -> EventFilter:
    from ..cli import _check_date

    return EventFilter(actor=actor, source=source, target=target, code=code, root=root, quad=quad,
                       since=_check_date(since, "--since"), until=_check_date(until, "--until"),
                       country=country, text=text)


def _open_store(db: Path, route: str) -> Any:
    """The store, read-only; while a server holds it (``serve --db``), a one-line error that
    names the server's route giving the same answer."""
    import duckdb

    from ..cli import EXIT_ALL_FAILED, _open_or_find_server
    from ..progress import print_error

    store = _open_or_find_server(db)
    if isinstance(store, duckdb.DuckDBPyConnection):
        return store
    print_error(f"error: {db}: the server at {store.url} holds the store; ask it instead: "
                f"{store.url}{route} (the same filters as query parameters)")
    raise typer.Exit(EXIT_ALL_FAILED)


def trends_command(
    db: DbOpt = Path("newsevents.duckdb"),
    interval: IntervalOpt = Interval.day,
    actor: ActorOpt = None, source: SourceOpt = None, target: TargetOpt = None, cameo_code: CodeOpt = None,
    root: RootOpt = None, quad: QuadOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    country: CountryOpt = None, text: TextOpt = None,
    output_format: Annotated[TrendsFormat, typer.Option("--format", "-f", help="Output format.")] = TrendsFormat.table,
) -> None:
    """Event counts and mean Goldstein value per day or week, empty periods included."""
    filters = _filters(actor, source, target, cameo_code, root, quad, since, until, country, text)
    con = _open_store(db, "/v1/trends")
    try:
        trend = compute_trend(con, filters, interval)
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="--since/--until") from err
    finally:
        con.close()
    if output_format is TrendsFormat.json:
        typer.echo(json.dumps(trend.to_dict()))
    elif output_format is TrendsFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(("period", "count", "goldstein_mean"))
        writer.writerows((p.period.isoformat(), p.count, "" if p.goldstein_mean is None else p.goldstein_mean)
                         for p in trend.series)
    else:
        table = Table(title=f"events per {interval.value}" + (f", {trend.since} to {trend.until}" if trend.series else ""))
        for header in ("period", "count", "goldstein"):
            table.add_column(header, justify="left" if header == "period" else "right")
        for point in trend.series:
            table.add_row(point.period.isoformat(), str(point.count),
                          "" if point.goldstein_mean is None else f"{point.goldstein_mean:.2f}")
        Console().print(table)


def alerts_command(
    db: DbOpt = Path("newsevents.duckdb"),
    interval: IntervalOpt = Interval.day,
    window: Annotated[int | None, typer.Option("--window", min=1, max=366, help="Baseline periods before each one (default 28 days, 8 weeks).")] = None,
    threshold: Annotated[float, typer.Option("--threshold", min=0.1, help="Spike score needed: -log10 of the tail probability (6: one in a million).")] = DEFAULT_THRESHOLD,
    min_count: Annotated[int, typer.Option("--min-count", min=1, help="Events a spike needs.")] = DEFAULT_MIN_COUNT,
    shift: Annotated[float, typer.Option("--shift", min=0.1, help="Goldstein points a dyad's mean must move.")] = DEFAULT_SHIFT,
    shift_min_count: Annotated[int, typer.Option("--shift-min-count", min=1, help="Events a Goldstein shift needs in the period (and in the baseline, at least 10).")] = DEFAULT_SHIFT_MIN_COUNT,
    actor: ActorOpt = None, source: SourceOpt = None, target: TargetOpt = None, cameo_code: CodeOpt = None,
    root: RootOpt = None, quad: QuadOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    country: CountryOpt = None, text: TextOpt = None,
    output_format: Annotated[AlertsFormat, typer.Option("--format", "-f", help="Output format.")] = AlertsFormat.table,
) -> None:
    """Spikes in event counts (per country and root code, per dyad) and sharp Goldstein shifts
    per dyad, each against the periods before it; newest first, with the events behind each."""
    filters = _filters(actor, source, target, cameo_code, root, quad, since, until, country, text)
    try:
        options = AlertOptions(interval=interval, window=window, threshold=threshold, min_count=min_count, shift=shift,
                               shift_min_count=shift_min_count)
    except ValueError as err:
        raise typer.BadParameter(str(err)) from err
    con = _open_store(db, "/v1/alerts")
    try:
        alerts = find_alerts(con, filters, options)
    finally:
        con.close()
    if output_format is AlertsFormat.json:
        typer.echo(json.dumps({"method": options.describe(), "alerts": [a.to_dict() for a in alerts]}))
        return
    table = Table(title=f"{len(alerts)} alert{'' if len(alerts) == 1 else 's'}")
    for header in ("period", "kind", "series", "count", "baseline", "score", "goldstein", "events"):
        # The codes never wrap; the event ids give way on a narrow terminal.
        table.add_column(header, justify="right" if header in ("count", "baseline", "score", "goldstein") else "left",
                         no_wrap=header != "events")
    for alert in alerts:
        series = f"{alert.source}→{alert.target}" if alert.source is not None else f"{alert.country} root {alert.root}"
        goldstein = "" if alert.goldstein_mean is None else f"{alert.goldstein_mean:.1f}"
        if alert.baseline_goldstein is not None:
            goldstein += f" (was {alert.baseline_goldstein:.1f})"
        more = len(alert.event_ids) - TABLE_EVENT_IDS
        events = ", ".join(alert.event_ids[:TABLE_EVENT_IDS]) + (f" +{more}" if more > 0 else "")
        # Codes and ids come from the store: shown as text, never as Rich markup.
        table.add_row(alert.period.isoformat(), alert.kind, table_cell(series), str(alert.count), f"{alert.baseline:g}",
                      f"{alert.score:g}", goldstein, table_cell(events))
    Console().print(table)
