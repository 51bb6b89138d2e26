"""Time and peak memory of issue 18's reproductions, each in a process of its own.

    python3 bench/adversarial.py                       # this checkout
    python3 bench/adversarial.py --before OLD/src      # and another source tree, side by side
    python3 bench/adversarial.py --only tiny-paragraphs --cap 200

The models load once; each case runs in a child forked from that process (so the time is the
case's alone, and its peak RSS includes the shared model, as a worker's does), through the
CLI or the API as a user would run it. A case still running after --cap seconds is killed.
--before runs the same cases against an older source tree (e.g. from ``git archive``) in a
fresh interpreter. The budget column is the document time budget a case may use (extraction
and coding each have one); a case passes when it ends within its budget plus 5 s and under
1.5 GB.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SLACK_SECONDS = 5.0
MAX_RSS_MB = 1536
DEFAULT_CAP_SECONDS = 120.0
BUDGET_SECONDS = 30.0
TOKEN = "pässwörd"
GOOD = "Kenya condemned Somalia on Monday. Kenyan police arrested two Somali diplomats in Nairobi."
# Before each long list: English enough that the list is not taken for another language.
OPENING = "The ministers met in Nairobi on Monday to talk about the drought and the long border between them. "


def write_inputs(folder: Path) -> dict[str, Path]:
    """The issue's reproductions, as files."""
    nested = 100_000
    paths = {
        "deep.jsonl": '{"id":"x","text":"y","e":' + "[" * nested + "]" * nested + "}\n"
                      + json.dumps({"id": "after", "text": GOOD}) + "\n",
        "list700.txt": OPENING + "Officials said that " + "Kenya, " * 700 + "and Ethiopia condemned Somalia.",
        "list1000.txt": OPENING + "Officials said that " + "Kenya, " * 1000 + "and Ethiopia condemned Somalia.",
        "list55k.txt": OPENING + "Officials said that " + "Kenya, " * 7800 + "and Ethiopia condemned Somalia.",
        "p.html": "<html><body><article>" + "<p>Kenya.</p>" * 150_000 + "</article></body></html>",
        "p9.html": "<html><body><article>" + "<p>Kenya.</p>" * 690_000 + "</article></body></html>",
        "million.txt": " ".join(f"Kenya condemned Somalia on Monday over the attack number {n}." for n in range(16_000))[:1_000_000],
        "inject.jsonl": json.dumps({"id": "[link=http://evil.example]x[/link]\u001b[2J", "url": "javascript:alert(1)",
                                    "text": 'Nothing.\n\n=HYPERLINK("http://evil.example","x") Kenya condemned Somalia '
                                            'on Monday. "Ghana praised Togo," he said.'}) + "\n",
    }
    out = {}
    for name, text in paths.items():
        out[name] = folder / name
        out[name].write_text(text, encoding="utf-8")
    links = folder / "links"
    links.mkdir()
    (links / "good.txt").write_text(GOOD, encoding="utf-8")
    (links / "env.txt").symlink_to("/proc/self/environ")
    out["links"] = links
    return out


def cli(*args: str) -> Callable[[], None]:
    def run() -> None:
        import newsevents.cli

        sys.argv = ["newsevents", *args]
        try:
            newsevents.cli.app(standalone_mode=False)
        except SystemExit:
            pass
        except Exception as err:  # noqa: BLE001 - a bench reports what the product did
            print(f"crash: {type(err).__name__}: {str(err)[:200]}", file=sys.stderr)
            raise SystemExit(3) from err
    return run


def api(method: str, path: str, *, token: str | None = None, **request: Any) -> Callable[[], None]:
    def run() -> None:
        from fastapi.testclient import TestClient

        from newsevents.web.app import create_app

        db = os.environ["BENCH_DB"]
        client = TestClient(create_app(db_path=db, token=token, pipeline=PIPELINE), raise_server_exceptions=False)
        response = client.request(method, path, **request)
        print(f"status {response.status_code}", file=sys.stderr)
        if response.status_code >= 500:
            raise SystemExit(3)
    return run


def truncated_store(db: Path, corpus: Path) -> Callable[[], None]:
    def run() -> None:
        cli("ingest", "-q", "--db", str(db), str(corpus))()
        with db.open("r+b") as handle:
            handle.truncate(db.stat().st_size // 2)
        cli("query", "-f", "jsonl", "--text", "Kenya", "--db", str(db))()
    return run


def cases(paths: dict[str, Path], work: Path) -> list[tuple[str, str, float, Callable[[], None]]]:
    """(name, the issue's item, budget seconds, run)."""
    db = lambda name: str(work / f"{name}.duckdb")  # noqa: E731
    batch = {"documents": [{"id": "a", "text": GOOD}, {"id": "b", "text": OPENING + "Officials said that " + "Kenya, " * 1000
                                                        + "and Ethiopia condemned Somalia."}]}
    return [
        ("deep-json ingest", "1", 0, cli("ingest", "-q", "--db", db("deep"), str(paths["deep.jsonl"]))),
        ("list 700 code", "2", BUDGET_SECONDS, cli("code", "-q", "-f", "jsonl", str(paths["list700.txt"]))),
        ("list 1000 code", "2", BUDGET_SECONDS, cli("code", "-q", "-f", "jsonl", str(paths["list1000.txt"]))),
        ("list 55 KB /v1/code", "2", BUDGET_SECONDS, api("POST", "/v1/code", json={"text": paths["list55k.txt"].read_text()})),
        ("batch /v1/documents", "3", BUDGET_SECONDS, api("POST", "/v1/documents", token="t",
                                                          headers={"Authorization": "Bearer t"}, json=batch)),
        ("150k <p> code", "4", BUDGET_SECONDS, cli("code", "-q", "-f", "jsonl", str(paths["p.html"]))),
        ("150k <p> /v1/code", "4", BUDGET_SECONDS, api("POST", "/v1/code", json={"html": paths["p.html"].read_text()})),
        ("9 MB <p> code", "4", BUDGET_SECONDS, cli("code", "-q", "-f", "jsonl", str(paths["p9.html"]))),
        ("1M chars code", "5", BUDGET_SECONDS, cli("code", "-q", "-f", "jsonl", str(paths["million.txt"]))),
        ("csv/tsv export", "6,7", BUDGET_SECONDS, lambda: (cli("ingest", "-q", "--db", db("inj"), str(paths["inject.jsonl"]))(),
                                                           cli("export", "-f", "csv", "-o", str(work / "x.csv"), "--db", db("inj"))(),
                                                           cli("export", "-f", "plover", "-o", str(work / "x.tsv"), "--db", db("inj"))())),
        ("table escapes", "8", BUDGET_SECONDS, cli("code", "-q", "-f", "table", str(paths["inject.jsonl"]))),
        ("symlink folder", "11", BUDGET_SECONDS, cli("ingest", "-q", "--db", db("links"), str(paths["links"]))),
        ("truncated store", "12", BUDGET_SECONDS, truncated_store(work / "t.duckdb", paths["inject.jsonl"])),
        ("utf-8 token", "13", BUDGET_SECONDS, api("POST", "/v1/documents", token=TOKEN,
                                                  headers={"Authorization": f"Bearer {TOKEN}".encode()},
                                                  json={"documents": [{"id": "t", "text": GOOD}]})),
    ]


PIPELINE: Any = None


def run_all(only: str | None, cap: float) -> list[dict[str, Any]]:
    """Load the models, then run each case in a forked child; results as dicts."""
    global PIPELINE
    import newsevents.cli
    from newsevents.pipeline import Pipeline

    PIPELINE = Pipeline()
    PIPELINE.nlp, PIPELINE.knowledge, PIPELINE.gazetteer, PIPELINE.lexicon  # noqa: B018 - load now
    try:
        from newsevents.ingest.lang import _identifier

        _identifier()
    except ImportError:
        pass
    real = newsevents.cli.Pipeline
    newsevents.cli.Pipeline = lambda **options: PIPELINE if not any(options.values()) else real(**options)  # type: ignore[assignment]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        paths = write_inputs(work)
        for name, item, budget, run in cases(paths, work):
            if only and only not in name:
                continue
            os.environ["BENCH_DB"] = str(work / f"api-{len(results)}.duckdb")
            log = work / f"case-{len(results)}.err"
            start = time.monotonic()
            pid = os.fork()
            if pid == 0:  # the child runs one case
                with open(os.devnull, "w") as devnull, log.open("w") as err:
                    os.dup2(devnull.fileno(), 1)
                    os.dup2(err.fileno(), 2)
                    code = 0
                    try:
                        run()
                    except SystemExit as exit_:
                        code = exit_.code if isinstance(exit_.code, int) else 1
                    except BaseException:  # noqa: BLE001
                        code = 3
                    sys.stderr.flush()
                    os._exit(code)
            killed = False
            while True:
                done, status, usage = os.wait4(pid, os.WNOHANG)
                if done:
                    break
                if time.monotonic() - start > cap:
                    os.kill(pid, signal.SIGKILL)
                    _done, status, usage = os.wait4(pid, 0)
                    killed = True
                    break
                time.sleep(0.05)
            seconds = time.monotonic() - start
            last = [line for line in log.read_text(errors="replace").splitlines() if line.strip()][-1:]
            crashed = killed or os.waitstatus_to_exitcode(status) == 3 or any("Traceback" in x or "crash" in x for x in last)
            results.append({"case": name, "item": item, "budget": budget, "seconds": round(seconds, 1),
                            "rss_mb": round(usage.ru_maxrss / 1024), "killed": killed, "crashed": crashed,
                            "note": (last[0][:70] if last else "")})
            print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    return results


def verdict(result: dict[str, Any]) -> str:
    ok = (not result["crashed"] and result["seconds"] <= result["budget"] + SLACK_SECONDS
          and result["rss_mb"] <= MAX_RSS_MB)
    return "ok" if ok else "FAIL"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", help="an older source tree (its src/) to run the same cases against")
    parser.add_argument("--only", help="run the cases whose name contains this")
    parser.add_argument("--cap", type=float, default=DEFAULT_CAP_SECONDS, help="kill a case after this many seconds")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # a child run for --before
    args = parser.parse_args()
    if args.json:
        print(json.dumps(run_all(args.only, args.cap)))
        return
    before: dict[str, dict[str, Any]] = {}
    if args.before:
        command = [sys.executable, __file__, "--json", "--cap", str(args.cap)] + (["--only", args.only] if args.only else [])
        env = {**os.environ, "PYTHONPATH": str(Path(args.before).resolve())}
        out = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
        before = {r["case"]: r for r in json.loads(out.splitlines()[-1])}
    after = run_all(args.only, args.cap)
    header = f"{'case':22} {'item':5} {'budget':>6}  {'before s':>8} {'MB':>6}  {'after s':>7} {'MB':>6}  verdict  note"
    print(header)
    print("-" * len(header))
    for result in after:
        old = before.get(result["case"])
        old_cells = (f"{('>' if old['killed'] else '') + str(old['seconds']):>8} {old['rss_mb']:>6}"
                     + (" crash" if old["crashed"] and not old["killed"] else "")) if old else f"{'':>8} {'':>6}"
        print(f"{result['case']:22} {result['item']:5} {result['budget']:>6g}  {old_cells}  {result['seconds']:>7} "
              f"{result['rss_mb']:>6}  {verdict(result):7}  {result['note']}")
    print(f"\nbudget: the document time budget (NEWSEVENTS_DOCUMENT_BUDGET, {BUDGET_SECONDS:g} s); a case passes "
          f"within budget + {SLACK_SECONDS:g} s and {MAX_RSS_MB} MB peak RSS (the model included), with no crash.")


if __name__ == "__main__":
    main()
