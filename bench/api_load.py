#!/usr/bin/env python3
"""API load: concurrent clients on POST /v1/code and GET /v1/events against `newsevents serve`.

Usage: ``python3 bench/api_load.py [--duration 60] [--clients 20] [--seed-documents 60] [--model NAME]``

Starts ``newsevents serve`` as a subprocess on a free port of 127.0.0.1 with a store in a
temporary folder, stores ``--seed-documents`` generated articles through ``POST
/v1/documents`` so the event queries have rows to page, then runs ``--clients`` threads for
``--duration`` seconds, each on its own keep-alive connection, alternating a coding request (a
short generated article) and an event query (a random filter and page). It reports requests/s,
p50/p95/p99 latency (overall and by endpoint), the errors (5xx answers and failed connections;
4xx are counted apart) and the server's RSS before the load, at its peak and at the end, then
stops the server (SIGINT, as Ctrl-C) and checks that its log holds no traceback.

Issue 13's targets: no server error, RSS growth under 100 MB over the run; the exit status is 1
when either is missed. Run by hand; never a timed test.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

# The crash tests' generated articles: news-like, two or three events each.
from tests.robustness.test_crash_resume import DAYS, PAIRS, TEMPLATES  # noqa: E402

HOST = "127.0.0.1"
SERVER_START_SECONDS = 180
SERVER_STOP_SECONDS = 30
REQUEST_TIMEOUT = 120
RSS_SAMPLE_SECONDS = 1.0
RSS_STEPS = 6
TARGET_SERVER_ERRORS = 0
TARGET_RSS_GROWTH_MB = 100
DOCUMENTS_PER_POST = 20
PAGE_LIMITS = (10, 50, 100)
ACTOR_FILTERS = (None, None, "KEN", "UGA", "FRA", "EGY", "IND", "JPN", "CHN")


def article(rng: random.Random) -> str:
    """A short generated news text with two or three events."""
    a, b, city = rng.choice(PAIRS)
    if rng.random() < 0.5:
        a, b = b, a
    return " ".join(rng.choice(TEMPLATES).format(a=a, b=b, city=city, day=rng.choice(DAYS)) for _ in range(2))


@dataclass
class Tally:
    """What the clients saw, by endpoint: latencies (s) of answered requests, and counts."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: {"code": [], "events": []})
    statuses: dict[int, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, endpoint: str, status: int, seconds: float, body: bytes) -> None:
        with self.lock:
            self.latencies[endpoint].append(seconds)
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if status >= 400:
                self.refusals.append(f"{endpoint} {status}: {body[:200].decode(errors='replace')}")

    def fail(self, reason: str) -> None:
        with self.lock:
            self.failures.append(reason)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def request(con: http.client.HTTPConnection, method: str, path: str, body: Any = None) -> tuple[int, bytes]:
    headers = {"Content-Type": "application/json"} if body is not None else {}
    con.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
    response = con.getresponse()
    return response.status, response.read()


def start_server(port: int, db: Path, log: Path, model: str | None) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "newsevents.cli", "serve", "--db", str(db), "--host", HOST, "--port", str(port)]
    if model:
        command += ["--model", model]
    with log.open("wb") as handle:
        server = subprocess.Popen(command, env=env, stdout=handle, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with status {server.returncode}:\n{log.read_text()[-3000:]}")
        try:
            con = http.client.HTTPConnection(HOST, port, timeout=5)
            if request(con, "GET", "/v1/health")[0] == 200:
                con.close()
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"the server did not answer within {SERVER_START_SECONDS} s")


def seed(port: int, documents: int, rng: random.Random) -> None:
    """Store generated articles, so that event queries page through real rows."""
    con = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    for start in range(0, documents, DOCUMENTS_PER_POST):
        batch = [{"id": f"seed-{i}", "text": article(rng), "date": f"2024-06-{1 + i % 28:02d}"}
                 for i in range(start, min(documents, start + DOCUMENTS_PER_POST))]
        status, body = request(con, "POST", "/v1/documents", {"documents": batch})
        if status != 200:
            raise SystemExit(f"seeding the store failed: {status} {body[:300]!r}")
    con.close()


def client(port: int, stop_at: float, tally: Tally, seed_value: int) -> None:
    """One client: alternate coding and event queries on one keep-alive connection until stop_at."""
    rng = random.Random(seed_value)
    con = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    turn = rng.randrange(2)
    while time.monotonic() < stop_at:
        turn ^= 1
        if turn:
            endpoint, method, body = "code", "POST", {"text": article(rng), "date": "2024-06-21"}
            path = "/v1/code"
        else:
            endpoint, method, body = "events", "GET", None
            actor = rng.choice(ACTOR_FILTERS)
            path = f"/v1/events?limit={rng.choice(PAGE_LIMITS)}&offset={rng.randrange(0, 40)}"
            path += f"&actor={actor}" if actor else ""
        started = time.monotonic()
        try:
            status, answer = request(con, method, path, body)
        except (OSError, http.client.HTTPException) as err:
            tally.fail(f"{endpoint}: {type(err).__name__}: {err}")
            con.close()
            con = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
            continue
        tally.add(endpoint, status, time.monotonic() - started, answer)
    con.close()


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of the values fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))] if ordered else float("nan")


def describe(name: str, latencies: list[float], duration: float) -> str:
    if not latencies:
        return f"{name:<8} no answers"
    return (f"{name:<8} {len(latencies):>6} requests  {len(latencies) / duration:7.1f} req/s  "
            f"p50 {percentile(latencies, 0.50) * 1000:7.1f} ms  p95 {percentile(latencies, 0.95) * 1000:7.1f} ms  "
            f"p99 {percentile(latencies, 0.99) * 1000:7.1f} ms  mean {statistics.fmean(latencies) * 1000:7.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load (default 60)")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients (default 20)")
    parser.add_argument("--seed-documents", type=int, default=60, help="articles stored before the load (default 60)")
    parser.add_argument("--model", default=None, help="spaCy model for the server (default: its own)")
    args = parser.parse_args()
    rng = random.Random(13)
    with tempfile.TemporaryDirectory(prefix="api-load-") as folder:
        port = free_port()
        log = Path(folder) / "server.log"
        server = start_server(port, Path(folder) / "events.duckdb", log, args.model)
        try:
            seed(port, args.seed_documents, rng)
            rss_start = rss_mb(server.pid)
            tally = Tally()
            stop_at = time.monotonic() + args.duration
            threads = [threading.Thread(target=client, args=(port, stop_at, tally, i)) for i in range(args.clients)]
            started = time.monotonic()
            for thread in threads:
                thread.start()
            samples = [rss_start]  # one a second: growth that levels off is not a leak
            while any(thread.is_alive() for thread in threads):
                samples.append(rss_mb(server.pid))
                time.sleep(RSS_SAMPLE_SECONDS)
            elapsed = time.monotonic() - started
            rss_end = rss_mb(server.pid)
            rss_peak = max(samples + [rss_end])
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(SERVER_STOP_SECONDS)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        server_log = log.read_text(errors="replace")
    answered = tally.latencies["code"] + tally.latencies["events"]
    server_errors = sum(count for status, count in tally.statuses.items() if status >= 500) + len(tally.failures)
    client_errors = sum(count for status, count in tally.statuses.items() if 400 <= status < 500)
    print(f"{args.clients} clients for {elapsed:.1f} s on POST /v1/code and GET /v1/events "
          f"({args.seed_documents} articles stored first)")
    print(describe("all", answered, elapsed))
    print(describe("code", tally.latencies["code"], elapsed))
    print(describe("events", tally.latencies["events"], elapsed))
    print(f"statuses {dict(sorted(tally.statuses.items()))}; failed connections {len(tally.failures)}; "
          f"errors (5xx + failed) {server_errors}; 4xx {client_errors}")
    for reason in tally.failures[:5]:
        print(f"  failed: {reason}")
    for reason in sorted(set(tally.refusals))[:5]:
        print(f"  answered: {reason}")
    print(f"server RSS: start {rss_start:.0f} MB, peak {rss_peak:.0f} MB, end {rss_end:.0f} MB "
          f"(growth {rss_end - rss_start:+.0f} MB); server exit status {server.returncode}")
    steps = [samples[min(len(samples) - 1, len(samples) * k // RSS_STEPS)] for k in range(RSS_STEPS)] + [rss_end]
    print("server RSS over the run (MB): " + " ".join(f"{value:.0f}" for value in steps))
    traceback = "Traceback" in server_log
    if traceback:
        print("server log holds a traceback:\n" + server_log[-3000:])
    met = server_errors <= TARGET_SERVER_ERRORS and rss_end - rss_start < TARGET_RSS_GROWTH_MB and not traceback
    print(f"targets (0 errors, RSS growth < {TARGET_RSS_GROWTH_MB} MB, no traceback): {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
