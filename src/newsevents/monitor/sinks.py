"""Reporting new alerts as they happen (issue 16): after each watch cycle the watcher calls
``report_new_alerts``, which finds the alerts of the latest periods, sends each one no sink
has had yet to the alert file (JSON lines appended) and the webhook (a JSON POST), and
records in the store which sink had which alert, so a restart never sends one twice.

A sink that fails (a webhook down, a file that cannot be written) is logged and retried at
the next cycle; it never stops the caller nor the other sink.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from ..query import EventFilter
from .alerts import Alert, AlertOptions, find_alerts
from .trends import DAYS_PER_WEEK, Interval

REPORTED_TABLE = "alerts_reported"
# Alerts of the last this many periods (up to the store's latest event) are reported: a watch
# reports what is happening now, not the history a first run finds in an old store.
RECENT_PERIODS = 3
WEBHOOK_TIMEOUT_SECONDS = 10.0
USER_AGENT = "newsevents-alerts"
# A webhook URL may hold a secret (a Slack or Teams token): the store keeps only its hash.
SINK_HASH_CHARS = 16

logger = logging.getLogger("newsevents.alerts")


@dataclass(frozen=True, slots=True)
class AlertSinks:
    """Where new alerts go: ``file`` gets one JSON line per alert, ``webhook`` one JSON POST
    per alert (within ``timeout`` seconds). Either may be None."""

    file: Path | None = None
    webhook: str | None = None
    timeout: float = WEBHOOK_TIMEOUT_SECONDS

    def __post_init__(self) -> None:
        if self.webhook is not None and not self.webhook.startswith(("http://", "https://")):
            raise ValueError(f"alert webhook {self.webhook!r}: give an http:// or https:// URL")

    def names(self) -> list[str]:
        """The sinks' names as recorded in the store (a webhook by the hash of its URL)."""
        names = []
        if self.file is not None:
            names.append(f"file:{self.file}")
        if self.webhook is not None:
            names.append("webhook:" + hashlib.sha256(self.webhook.encode("utf-8")).hexdigest()[:SINK_HASH_CHARS])
        return names


def report_new_alerts(con: duckdb.DuckDBPyConnection, sinks: AlertSinks, *,
                      options: AlertOptions = AlertOptions(), recent: int = RECENT_PERIODS,
                      table: str = REPORTED_TABLE) -> list[Alert]:
    """Find the alerts of the last ``recent`` periods and send each sink those it has not had.

    con: a writable store connection (the table ``table`` is created in it when absent);
    sinks: where to send; options: how alerts are found. Returns the alerts sent to at least
    one sink now. Sink failures are logged, never raised: those alerts are tried again next call.
    """
    _create_table(con, table)
    row = con.execute("SELECT max(date) FROM events").fetchone()
    if row is None or row[0] is None or not sinks.names():
        return []
    step = DAYS_PER_WEEK if options.interval is Interval.week else 1
    since = row[0] - dt.timedelta(days=step * recent - 1)
    alerts = find_alerts(con, EventFilter(since=since.isoformat()), options)
    sent: dict[str, Alert] = {}
    for name in sinks.names():
        done = {key for (key,) in con.execute(f"SELECT alert_key FROM {table} WHERE sink = ?", [name]).fetchall()}
        fresh = [alert for alert in alerts if alert.key not in done]
        delivered = _deliver(sinks, name, fresh)
        if delivered:
            now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            con.executemany(f"INSERT OR IGNORE INTO {table} (alert_key, sink, reported_at) VALUES (?, ?, ?)",
                            [(alert.key, name, now) for alert in delivered])
            sent.update((alert.key, alert) for alert in delivered)
    return list(sent.values())


def alert_record(alert: Alert) -> dict[str, Any]:
    """What a sink receives for ``alert``: its API shape with the interval and its key."""
    return {"key": alert.key, "interval": alert.interval.value, **alert.to_dict()}


def _create_table(con: duckdb.DuckDBPyConnection, table: str) -> None:
    if not table.isidentifier():
        raise ValueError(f"alert table {table!r}: give a plain SQL name")
    con.execute(f"CREATE TABLE IF NOT EXISTS {table} (alert_key VARCHAR, sink VARCHAR, reported_at TIMESTAMP, "
                "PRIMARY KEY (alert_key, sink))")


def _deliver(sinks: AlertSinks, name: str, alerts: Sequence[Alert]) -> list[Alert]:
    """Send ``alerts`` to the sink called ``name``; the ones it took (all, some, or none)."""
    if not alerts:
        return []
    if name.startswith("file:") and sinks.file is not None:
        return _append(sinks.file, alerts)
    if sinks.webhook is not None:
        return _post(sinks.webhook, alerts, sinks.timeout)
    return []


def _append(path: Path, alerts: Sequence[Alert]) -> list[Alert]:
    try:
        with path.open("a", encoding="utf-8") as handle:
            for alert in alerts:
                handle.write(json.dumps(alert_record(alert), ensure_ascii=False) + "\n")
    except OSError as err:
        logger.warning("alert file %s: cannot write (%s); %d alerts will be tried again", path,
                       err.strerror or err, len(alerts))
        return []
    return list(alerts)


def _post(url: str, alerts: Sequence[Alert], timeout: float) -> list[Alert]:
    """POST each alert; stop at the first failure (a webhook that is down would otherwise cost
    a timeout per alert), keeping the rest for the next call."""
    delivered = []
    for alert in alerts:
        body = json.dumps(alert_record(alert)).encode("utf-8")
        request = urllib.request.Request(url, data=body, method="POST",
                                         headers={"Content-Type": "application/json", "User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - the user's own URL
                response.read()
        except (urllib.error.URLError, OSError, ValueError) as err:
            reason = getattr(err, "reason", None) or err
            logger.warning("alert webhook: %s (%s); %d alerts will be tried again", _redacted(url), reason,
                           len(alerts) - len(delivered))
            break
        delivered.append(alert)
    return delivered


def _redacted(url: str) -> str:
    """A webhook URL for the log: scheme and host only (its path may be a token)."""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}/..."
