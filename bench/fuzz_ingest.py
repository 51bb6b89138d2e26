#!/usr/bin/env python3
"""Fuzz the extraction and coding entry points with Hypothesis (issue 8). Run by hand.

Usage: ``python3 bench/fuzz_ingest.py [--cases 10000] [--coding-cases 2000] [--seed N]``

Extraction (``--cases``, split over three targets): ``decode_bytes`` on arbitrary bytes and
on text in several encodings; ``build_document`` (clean-up, trafilatura's HTML extraction,
language, hash) on arbitrary Unicode, news-like text and HTML-ish strings; and the JSONL
reader on arbitrary lines. A crash is any exception other than the ``InputError`` that
refuses an input with its reason, or a result that cannot be encoded as UTF-8.

Coding (``--coding-cases``): ``Pipeline.code`` on the documents built from the same
strategies, twice each; a crash is an exception, an event that fails the schema and span
checks of tests/robustness/properties.py, or a second run that differs.

Issue 18's shapes (``--adversarial-cases``): long coordinated lists, pages of many tiny or
deeply nested elements, and text with control characters and terminal escapes, extracted and
coded as ``newsevents code`` does (``extract_document`` and ``code_documents``, under the
document time budget); a crash is an exception, a reason on more than one line, or a document
that takes longer than its budgets (extraction and coding) plus BUDGET_SLACK_SECONDS. The
JSONL target's lines include JSON nested past Python's recursion limit.

Prints the cases run and the crashes found per target; exits 1 when any crash was found.
The strategies are the property tests' (tests/robustness/properties.py); this runs them for
many more cases, and records every crash instead of stopping at the first.
"""
from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from newsevents.errors import InputError  # noqa: E402
from newsevents.ingest import build_document  # noqa: E402
from newsevents.ingest.decode import decode_bytes  # noqa: E402
from newsevents.ingest.sources import RawItem, Source, read_source  # noqa: E402
from newsevents.model import Failure  # noqa: E402
from newsevents.pipeline import Pipeline  # noqa: E402
from newsevents.batch.coding import Coded, code_documents, extract_document  # noqa: E402
from newsevents.budget import document_budget  # noqa: E402
from tests.robustness.properties import (  # noqa: E402
    adversarial_items, any_text, check_coding, dates, nested_json, raw_items, validate_event)

# Shares of --cases per extraction target.
EXTRACTION_SPLIT = {"build_document": 0.6, "decode_bytes": 0.25, "jsonl": 0.15}
SHOW_CRASHES = 5
# A document may take its extraction budget, then its coding budget, and this much more (the
# budget interrupts Python code between steps; one call into C finishes first).
BUDGET_SLACK_SECONDS = 5.0

byte_inputs = st.one_of(
    st.binary(max_size=4000),
    any_text.map(lambda t: t.encode("utf-8")),
    any_text.map(lambda t: t.encode("utf-16")),
    any_text.map(lambda t: t.encode("utf-16-le", errors="ignore")),
    any_text.map(lambda t: t.encode("cp1252", errors="replace")),
    st.tuples(st.sampled_from((b"\x89PNG", b"\x1f\x8b", b"\xef\xbb\xbf", b"\xff\xfe", b"%PDF", b"")), st.binary(max_size=500))
    .map(lambda pair: pair[0] + pair[1]),
)
jsonl_lines = st.lists(st.one_of(
    st.text(max_size=80),
    nested_json(),
    st.builds(lambda i, t: f'{{"id": {i}, "text": {t}}}',
              st.sampled_from(('"a"', "1", "null", "true", '""', '"\\ud800"', "[1]", "1e999")),
              st.sampled_from(('"Kenya condemned Somalia."', "42", "null", '""', '"\\u0000"', '"\\udfff x"', "{}"))),
), min_size=1, max_size=10)


class Tally:
    """Cases run and crashes found for one target."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.cases = 0
        self.crashes: list[tuple[str, str]] = []

    def run(self, check: Callable[[], Any], sample: object) -> None:
        self.cases += 1
        try:
            check()
        except Exception as err:  # noqa: BLE001 - a fuzzer records every crash and goes on
            where = traceback.extract_tb(err.__traceback__)[-1]
            self.crashes.append((f"{type(err).__name__} at {Path(where.filename).name}:{where.lineno}: {err}"[:300],
                                 repr(sample)[:300]))


def fuzz_settings(cases: int, seed: int) -> settings:
    # Generate only: nothing fails inside Hypothesis (crashes are recorded), so there is
    # nothing to shrink; the seed makes a run repeatable.
    return settings(max_examples=cases, deadline=None, database=None, phases=[Phase.generate],
                    suppress_health_check=list(HealthCheck), derandomize=False)


def fuzz_build_document(tally: Tally, cases: int, seed: int) -> None:
    @fuzz_settings(cases, seed)
    @given(raw=raw_items, date=dates)
    def target(raw: RawItem, date: str | None) -> None:
        def check() -> None:
            try:
                document = build_document(raw, date=date, languages=None)
            except InputError as err:
                assert "\n" not in str(err), "reasons are one line"
                return
            for value in (document.text, document.id, document.hash, document.title or ""):
                value.encode("utf-8")
        tally.run(check, raw.content)

    _seeded(target, seed)()


def fuzz_decode(tally: Tally, cases: int, seed: int) -> None:
    @fuzz_settings(cases, seed)
    @given(data=byte_inputs)
    def target(data: bytes) -> None:
        def check() -> None:
            try:
                text = decode_bytes(data)
            except InputError:
                return
            assert "\x00" not in text
            text.encode("utf-8")
        tally.run(check, data)

    _seeded(target, seed)()


def fuzz_jsonl(tally: Tally, cases: int, seed: int, folder: Path) -> None:
    path = folder / "fuzz.jsonl"

    @fuzz_settings(cases, seed)
    @given(lines=jsonl_lines)
    def target(lines: list[str]) -> None:
        def check() -> None:
            path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
            for item in read_source(Source(label=str(path), kind="jsonl", path=path)):
                if isinstance(item, Failure):
                    continue
                try:
                    build_document(item, languages=None).id.encode("utf-8")
                except InputError:
                    continue
        tally.run(check, lines)

    _seeded(target, seed)()


def fuzz_coding(tally: Tally, cases: int, seed: int, pipeline: Pipeline) -> Counter[str]:
    outcomes: Counter[str] = Counter()

    @fuzz_settings(cases, seed)
    @given(raw=raw_items, date=dates)
    def target(raw: RawItem, date: str | None) -> None:
        def check() -> None:
            events = check_coding(pipeline, raw, date)
            outcomes["with events" if events else "without events"] += 1
        tally.run(check, raw.content)

    _seeded(target, seed)()
    return outcomes


def fuzz_adversarial(tally: Tally, cases: int, seed: int, pipeline: Pipeline) -> Counter[str]:
    outcomes: Counter[str] = Counter()
    limit = 2 * document_budget() + BUDGET_SLACK_SECONDS

    @fuzz_settings(cases, seed)
    @given(raw=adversarial_items, date=dates)
    def target(raw: RawItem, date: str | None) -> None:
        def check() -> None:
            started = time.monotonic()
            document = extract_document(raw, date=date, languages=None)
            outcome = document if isinstance(document, Failure) else next(
                iter(code_documents(pipeline, [(raw.label, document)])))
            seconds = time.monotonic() - started
            assert seconds <= limit, f"{seconds:.1f} s, over the budgets"
            if isinstance(outcome, Failure):
                assert "\n" not in outcome.reason, "reasons are one line"
                outcomes[outcome.reason.split(":")[0]] += 1
                return
            assert isinstance(outcome, Coded)
            for event in outcome.events:
                validate_event(event.to_dict(explain=True), outcome.document)
            outcomes["with events" if outcome.events else "without events"] += 1
        tally.run(check, raw.content[:200])

    _seeded(target, seed)()
    return outcomes


def _seeded(test: Callable[[], None], seed: int) -> Callable[[], None]:
    from hypothesis import seed as hypothesis_seed

    return hypothesis_seed(seed)(test)


def report(tally: Tally, seconds: float) -> None:
    print(f"{tally.name:16} {tally.cases:7d} cases  {len(tally.crashes):4d} crashes  {seconds:7.1f} s")
    distinct = {message: sample for message, sample in tally.crashes}
    for message, sample in list(distinct.items())[:SHOW_CRASHES]:
        print(f"    {message}\n      input: {sample}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000, help="extraction cases, split over the targets")
    parser.add_argument("--coding-cases", type=int, default=2_000, help="documents coded (each twice)")
    parser.add_argument("--adversarial-cases", type=int, default=500,
                        help="issue 18's shapes, extracted and coded under the time budget")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    # trafilatura logs a warning for every page it discards: thousands of lines here.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    tallies: list[Tally] = []
    with tempfile.TemporaryDirectory() as folder:
        for name, share in EXTRACTION_SPLIT.items():
            tally = Tally(name)
            started = time.monotonic()
            cases = round(args.cases * share)
            if name == "build_document":
                fuzz_build_document(tally, cases, args.seed)
            elif name == "decode_bytes":
                fuzz_decode(tally, cases, args.seed)
            else:
                fuzz_jsonl(tally, cases, args.seed, Path(folder))
            report(tally, time.monotonic() - started)
            tallies.append(tally)
    if args.coding_cases:
        tally = Tally("Pipeline.code")
        pipeline = Pipeline()
        started = time.monotonic()
        outcomes = fuzz_coding(tally, args.coding_cases, args.seed, pipeline)
        report(tally, time.monotonic() - started)
        print(f"    documents coded: {outcomes['with events']} with events, {outcomes['without events']} without")
        tallies.append(tally)
    if args.adversarial_cases:
        tally = Tally("adversarial")
        pipeline = Pipeline().load()
        started = time.monotonic()
        outcomes = fuzz_adversarial(tally, args.adversarial_cases, args.seed, pipeline)
        report(tally, time.monotonic() - started)
        print("    outcomes: " + ", ".join(f"{n} {what}" for what, n in outcomes.most_common()))
        tallies.append(tally)
    coding_targets = ("Pipeline.code", "adversarial")
    extraction = sum(t.cases for t in tallies if t.name not in coding_targets)
    total = sum(t.cases for t in tallies)
    crashes = sum(len(t.crashes) for t in tallies)
    print(f"total: {total} cases ({extraction} extraction, {total - extraction} coding), {crashes} crashes")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
