"""Alerts (issue 16): spikes against a rolling baseline, Goldstein shifts per dyad, and the
sinks that report new alerts once (a file, a webhook on a local server)."""
from __future__ import annotations

import datetime as dt
import http.server
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsevents.cli import app
from newsevents.monitor.alerts import GOLDSTEIN_SHIFT, SPIKE, AlertOptions, find_alerts, tail_score, upper_tail_log10
from newsevents.monitor.sinks import AlertSinks, report_new_alerts
from newsevents.monitor.trends import Interval
from newsevents.query import EventFilter
from newsevents.store import connect

from .conftest import serve_pages
from .synthetic_events import START, Row, background, insert, store

pytestmark = pytest.mark.issue(16)

BURST_DAY = START + dt.timedelta(days=60)
BURST = [Row(f"burst{n}", BURST_DAY, "141", "NGAOPP", None, "NGA") for n in range(20)]


def test_the_quiet_series_raises_no_alert() -> None:
    assert find_alerts(store(background())) == []


def test_an_injected_burst_of_20_protests_is_exactly_the_one_spike() -> None:
    """The acceptance test: 90 days of background, 20 protests (root 14) in Nigeria on one day."""
    (alert,) = find_alerts(store([*background(), *BURST]))
    assert (alert.kind, alert.period, alert.country, alert.root) == (SPIKE, BURST_DAY, "NGA", "14")
    assert alert.source is None and alert.count >= 20 and alert.score >= AlertOptions().threshold
    assert {row.event_id for row in BURST} <= set(alert.event_ids)
    assert len(alert.event_ids) == alert.count
    assert alert.to_dict()["dyad"] is None and alert.baseline < 3


def test_the_threshold_is_an_option() -> None:
    con = store([*background(), *BURST])
    (alert,) = find_alerts(con)
    assert find_alerts(con, options=AlertOptions(threshold=alert.score + 0.1)) == []
    assert find_alerts(con, options=AlertOptions(min_count=alert.count + 1)) == []


def test_one_event_never_alerts() -> None:
    rows = [Row(f"q{n}", START + dt.timedelta(days=n), "010", "USAGOV", "CHNGOV", "USA") for n in range(0, 40, 10)]
    rows.append(Row("lonely", START + dt.timedelta(days=45), "141", "PERCVL", None, "PER"))
    assert find_alerts(store(rows), options=AlertOptions(threshold=0.1, min_count=1)) != []  # the one event scores
    assert find_alerts(store(rows), options=AlertOptions(threshold=0.1)) == []  # but needs min_count (5)


def test_no_baseline_no_alert() -> None:
    """A store two days old has no baseline: its first burst is not judged."""
    rows = [Row(f"b{n}", START + dt.timedelta(days=1), "141", "NGAOPP", None, "NGA") for n in range(30)]
    assert find_alerts(store([Row("first", START, "010", "USAGOV", None, "USA"), *rows])) == []


def test_a_dyad_spike_and_its_events() -> None:
    rows = [Row(f"d{n}", BURST_DAY, "111", "ISRGOV", "PSEGOV", None) for n in range(15)]
    alerts = find_alerts(store([*background(), *rows]))
    spikes = [a for a in alerts if a.kind == SPIKE and a.source == "ISR"]
    assert [(a.period, a.source, a.target) for a in spikes] == [(BURST_DAY, "ISR", "PSE")]
    assert {r.event_id for r in rows} <= set(spikes[0].event_ids)


def test_a_weekly_burst() -> None:
    (alert,) = find_alerts(store([*background(), *BURST]), options=AlertOptions(interval=Interval.week))
    assert alert.period == BURST_DAY - dt.timedelta(days=BURST_DAY.weekday()) and alert.country == "NGA"


def test_filters_and_since_limit_what_is_judged() -> None:
    con = store([*background(), *BURST])
    assert find_alerts(con, EventFilter(country="FRA")) == []
    assert len(find_alerts(con, EventFilter(country="NGA", root="14"))) == 1
    # Baselines reach back before since: the burst is still judged against its 28 days.
    assert len(find_alerts(con, EventFilter(since=BURST_DAY.isoformat()))) == 1
    assert find_alerts(con, EventFilter(since=(BURST_DAY + dt.timedelta(days=1)).isoformat())) == []


def test_a_sharp_goldstein_shift_per_dyad() -> None:
    """Kenya and Somalia cooperate (+3.0 to +7.4) for 40 days, then fight (-10) on one day."""
    rows = [Row(f"coop{n}", START + dt.timedelta(days=n), ("036", "057")[n % 2], "KENGOV", "SOMGOV", "KEN")
            for n in range(40)]
    rows += [Row(f"war{n}", START + dt.timedelta(days=40), "190", "KENMIL", "SOMMIL", "SOM") for n in range(3)]
    alerts = find_alerts(store(rows))
    shifts = [a for a in alerts if a.kind == GOLDSTEIN_SHIFT]
    assert [(a.source, a.target, a.period) for a in shifts] == [("KEN", "SOM", START + dt.timedelta(days=40))]
    shift = shifts[0]
    assert shift.goldstein_mean == -10.0 and shift.baseline_goldstein is not None and shift.baseline_goldstein > 4
    assert shift.score == pytest.approx(shift.goldstein_mean - shift.baseline_goldstein, abs=0.01)
    assert sorted(shift.event_ids) == ["war0", "war1", "war2"]
    # Fewer events than shift_min_count: no shift.
    assert not [a for a in find_alerts(store(rows), options=AlertOptions(shift_min_count=4)) if a.kind == GOLDSTEIN_SHIFT]


def test_a_noisy_dyads_chance_move_is_no_shift() -> None:
    """A dyad that praises (+7.4: 057) and fights (-10: 190) every day: three days of praise
    move its mean by 8 points, which its spread makes chance."""
    rows = [Row(f"n{n}{side}", START + dt.timedelta(days=n), code, "KENGOV", "SOMGOV", "KEN")
            for n in range(40) for side, code in (("a", "057"), ("b", "190"))]
    rows += [Row(f"praise{n}", START + dt.timedelta(days=40), "057", "KENGOV", "SOMGOV", "KEN") for n in range(3)]
    assert [a for a in find_alerts(store(rows)) if a.kind == GOLDSTEIN_SHIFT] == []
    # The points test alone would have taken it: the move is over the 5-point threshold.
    assert 7.4 - (7.4 - 10) / 2 > AlertOptions().shift


def test_the_tail_is_exact_far_out() -> None:
    assert upper_tail_log10(0, 1.0, 1.0) == 0.0 and upper_tail_log10(5, 1000.0, 3000.0) == 0.0  # no excess
    assert upper_tail_log10(2, 1.0, 1.0) == pytest.approx(-0.57800, abs=1e-4)  # log10(1 - 2/e)
    assert upper_tail_log10(40, 1.0, 1.0) < -40  # where 1 - CDF would round to 0
    # Overdispersion widens the tail: the same count is less surprising.
    assert upper_tail_log10(10, 2.0, 8.0) > upper_tail_log10(10, 2.0, 2.0)
    # The largest baseline period is left out: one old burst does not hide the next.
    assert tail_score(20, [1, 2, 1, 0, 30, 1, 2]) == tail_score(20, [1, 2, 1, 0, 2, 1, 2])


@pytest.mark.parametrize("options", [{"window": 0}, {"threshold": float("nan")}, {"threshold": -1}, {"min_count": 0},
                                     {"shift": float("inf")}])
def test_bad_options_say_which(options: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=next(iter(options)).split("_")[0]):
        AlertOptions(**options)


# --- sinks ---------------------------------------------------------------------------------

@pytest.fixture
def burst_store(tmp_path: Path) -> Iterator[Any]:
    con = connect(tmp_path / "store.duckdb")
    insert(con, [*background(), *BURST[:10]])
    yield con
    con.close()


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_alert_file_gets_new_alerts_once(burst_store: Any, tmp_path: Path) -> None:
    # The burst is the store's last day: recent, so reported (older alerts are not: see the docs).
    burst_store.execute("DELETE FROM events WHERE date > ?", [BURST_DAY])
    path = tmp_path / "alerts.jsonl"
    sinks = AlertSinks(file=path)
    (sent,) = report_new_alerts(burst_store, sinks)
    (line,) = read_lines(path)
    assert line["key"] == sent.key and line["kind"] == "spike" and line["country"] == "NGA" and line["period"] == BURST_DAY.isoformat()
    assert set(line["event_ids"]) >= {f"burst{n}" for n in range(10)}
    assert report_new_alerts(burst_store, sinks) == []  # already reported: not sent again
    insert(burst_store, BURST[10:])  # the same spike grows: still the same alert
    assert report_new_alerts(burst_store, sinks) == [] and len(read_lines(path)) == 1


def test_old_alerts_are_not_reported(burst_store: Any, tmp_path: Path) -> None:
    """The burst is 29 days before the store's last event: history, not news."""
    assert len(find_alerts(burst_store)) == 1
    assert report_new_alerts(burst_store, AlertSinks(file=tmp_path / "a.jsonl")) == []


class _Hook(http.server.BaseHTTPRequestHandler):
    """Records each POST in ``pages["received"]`` and answers ``pages["status"]``."""

    pages: dict[str, Any]

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.pages["received"].append({"content_type": self.headers["Content-Type"], **json.loads(body)})
        self.send_response(self.pages["status"])
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def webhook() -> Iterator[tuple[str, dict[str, Any]]]:
    for base, hook in serve_pages(_Hook, {"received": [], "status": 200}):
        yield f"{base}/hook/secret-token", hook


def test_the_webhook_gets_each_new_alert(burst_store: Any, webhook: tuple[str, dict[str, Any]]) -> None:
    burst_store.execute("DELETE FROM events WHERE date > ?", [BURST_DAY])
    url, hook = webhook
    (sent,) = report_new_alerts(burst_store, AlertSinks(webhook=url))
    (posted,) = hook["received"]
    assert posted["content_type"] == "application/json" and posted["key"] == sent.key and posted["root"] == "14"
    assert report_new_alerts(burst_store, AlertSinks(webhook=url)) == [] and len(hook["received"]) == 1
    stored = burst_store.execute("SELECT sink FROM alerts_reported").fetchall()
    assert "secret-token" not in str(stored)  # the URL's secret is not kept in the store


def test_a_failing_webhook_is_logged_and_tried_again(burst_store: Any, webhook: tuple[str, dict[str, Any]],
                                                     closed_port_url: str, tmp_path: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    burst_store.execute("DELETE FROM events WHERE date > ?", [BURST_DAY])
    path = tmp_path / "alerts.jsonl"
    # Nothing listens: the file still gets the alert, the caller goes on, the log says why.
    sent = report_new_alerts(burst_store, AlertSinks(file=path, webhook=closed_port_url, timeout=2))
    assert len(sent) == 1 and len(read_lines(path)) == 1
    assert "alert webhook" in caplog.text and "127.0.0.1" in caplog.text
    url, hook = webhook
    hook["status"] = 500  # an error answer is a failure too
    assert report_new_alerts(burst_store, AlertSinks(webhook=url)) == [] and len(hook["received"]) == 1
    hook["status"] = 200  # back up: the alert is sent at the next call
    assert len(report_new_alerts(burst_store, AlertSinks(webhook=url))) == 1 and len(hook["received"]) == 2


def test_a_bad_webhook_url_is_refused() -> None:
    with pytest.raises(ValueError, match="http"):
        AlertSinks(webhook="file:///etc/passwd")


# --- CLI -----------------------------------------------------------------------------------

def test_cli_alerts(runner: Any, tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    con = connect(path)
    insert(con, [*background(), *BURST])
    con.close()
    result = runner.invoke(app, ["alerts", "--db", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert "negative binomial" in body["method"]
    assert [(a["kind"], a["period"], a["country"], a["root"]) for a in body["alerts"]] == [
        ("spike", BURST_DAY.isoformat(), "NGA", "14")]
    result = runner.invoke(app, ["alerts", "--db", str(path), "--window", "14", "--threshold", "8", "--min-count", "10"])
    assert result.exit_code == 0 and "NGA root 14" in result.stdout and "1 alert" in result.stdout
    result = runner.invoke(app, ["alerts", "--db", str(path), "--threshold", "nan"])
    assert result.exit_code == 2 and "threshold" in result.output
    result = runner.invoke(app, ["alerts", "--db", str(path), "--window", "0"])
    assert result.exit_code == 2
