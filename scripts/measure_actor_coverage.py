#!/usr/bin/env python3
"""Development report: how many gold actors the packaged actor tables can name.

Usage: ``python scripts/measure_actor_coverage.py [--shared ../shared/data] [--tables DIR]
[--top 30]``

For every source/target actor of gold/PLOVER_GSR_with_CAMEO.jsonl, the actor counts as
covered when its ``actorText`` -- or a token sequence inside it -- equals, ignoring case,
a phrase of the built tables (actors.tsv, geonames_countries.tsv, countries_odbl.tsv,
countryinfo_ccbysa.tsv, seats.tsv) whose code starts with the same three letters as the
gold code.  Phrases that match with another code are reported separately ("wrong
code"), as are the most common misses.  This is a report for finding systematic gaps
(whole classes of names), not a test: do not add single gold phrases to the tables.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared" / "data"
DEFAULT_TABLES = REPO / "src" / "newsevents" / "data" / "actors"
GOLD = "gold/PLOVER_GSR_with_CAMEO.jsonl"
ACTOR_TABLES = (
    "actors.tsv",
    "geonames_countries.tsv",
    "countries_odbl.tsv",
    "countryinfo_ccbysa.tsv",
    "seats.tsv",
)

# roughly spaCy's English tokenisation: dotted abbreviations (U.S., U.N.) stay whole,
# the possessive 's and hyphens are split off ("Iraq's" -> iraq 's, "al-Qaeda" -> al - qaeda)
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)+\.?|['’][sS]\b|[A-Za-z0-9]+(?:['’](?![sS]\b)[A-Za-z0-9]+)*|[^\sA-Za-z0-9]")


def tokens(text: str) -> tuple[str, ...]:
    return tuple(t.lower().replace("’", "'") for t in _TOKEN.findall(text or ""))


def load_index(tables_dir: Path) -> tuple[dict[tuple[str, ...], set[str]], Counter]:
    """Token tuple -> set of code prefixes, over every actor table present."""
    index: dict[tuple[str, ...], set[str]] = defaultdict(set)
    sizes: Counter = Counter()
    for name in ACTOR_TABLES:
        path = tables_dir / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader((l for l in handle if not l.startswith("#")), delimiter="\t"):
                key = tokens(row.get("phrase", ""))
                if key and row.get("code"):
                    index[key].add(row["code"][:3].upper())
                    sizes[name] += 1
    return index, sizes


def gold_actors(path: Path) -> list[dict]:
    actors = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            for role in ("source", "target"):
                for actor in record.get(role) or []:
                    if isinstance(actor, dict) and actor.get("actorText") and actor.get("code"):
                        actors.append(actor)
    return actors


def match(text: str, index: dict[tuple[str, ...], set[str]]) -> set[str]:
    """Code prefixes of every table phrase found inside ``text`` (token-aligned)."""
    toks = tokens(text)
    found: set[str] = set()
    max_len = 8
    for i in range(len(toks)):
        for j in range(i + 1, min(len(toks), i + max_len) + 1):
            found |= index.get(toks[i:j], set())
    return found


def report(shared: Path, tables: Path, top: int) -> dict:
    index, sizes = load_index(tables)
    actors = gold_actors(shared / GOLD)
    hits, wrong, misses = 0, Counter(), Counter()
    by_prefix: dict[str, Counter] = defaultdict(Counter)
    for actor in actors:
        want = actor["code"][:3].upper()
        got = match(actor["actorText"], index)
        key = (actor["actorText"], actor["code"])
        if want in got:
            hits += 1
            by_prefix[want]["hit"] += 1
        else:
            by_prefix[want]["miss"] += 1
            if got:
                wrong[(actor["actorText"], actor["code"], "/".join(sorted(got)))] += 1
            else:
                misses[key] += 1
    return {
        "tables": dict(sizes),
        "actors": len(actors),
        "covered": hits,
        "share": hits / len(actors) if actors else 0.0,
        "wrong_code": wrong.most_common(top),
        "misses": misses.most_common(top),
        "by_prefix": by_prefix,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--tables", type=Path, default=DEFAULT_TABLES)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    if not (args.shared / GOLD).exists():
        parser.error(f"gold file not found: {args.shared / GOLD}")
    result = report(args.shared, args.tables, args.top)
    print("tables:", ", ".join(f"{k} {v}" for k, v in result["tables"].items()))
    print(f"gold actors: {result['actors']}  covered: {result['covered']}  "
          f"share: {result['share']:.1%}")
    if result["wrong_code"]:
        print(f"\nmatched, but only with another code (text, gold code, table prefixes):")
        for (text, code, got), n in result["wrong_code"]:
            print(f"  {n:3d}  {text!r:45} {code:8} -> {got}")
    print(f"\n{len(result['misses'])} most common misses (no phrase matched at all):")
    for (text, code), n in result["misses"]:
        print(f"  {n:3d}  {text!r:45} {code}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
