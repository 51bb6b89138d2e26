"""Actor resolution on the PLOVER gold records (dev set), run by hand.

    python bench/actors_gold.py [GOLD.jsonl] [--actors FILE --agents FILE] [--lenient]
        [--misses N] [--sector-misses N]

Gold conventions newsevents does not follow (sector misses by design; README, "Benchmarks"):
a sector with an ethnic or religious code appended ("CVLalb") or CIV for civilians, which no
CAMEO actor type list has; MED for doctors and aid agencies (CAMEO's MED is the media, doctors
HLH) and JRN for journalists and newspapers (CAMEO: MED); REB or MIL for militants, militias,
armed and terror groups and extremists (Phoenix: UAF; extremists RAD); UAF for the place of an
unnamed bombing; GOV for a capital named as a place; CVL for demonstrators (Phoenix: OPP); OPP
for former leaders and defeated parties (CAMEO: ELI, PTY); and old or other country codes (JAP,
VTN; GBR for Irish nationalists).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from newsevents.evaluate import read_gold, score_actor_codes, score_actors
from newsevents.pipeline import Pipeline

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "gold" / "PLOVER_GSR_with_CAMEO.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--actors", type=Path, action="append", default=[])
    parser.add_argument("--agents", type=Path, action="append", default=[])
    parser.add_argument("--misses", type=int, default=25, help="how many misses to list")
    parser.add_argument("--sector-misses", type=int, default=0, help="how many sector misses to list")
    parser.add_argument("--lenient", action="store_true",
                        help="also find elided gold texts ('U.S. ... negotiators') and read a gold sector "
                             "by its first code ('CVLalb' is CVL); default: the gold as written")
    args = parser.parse_args()
    records = list(read_gold(args.gold))
    pipeline = Pipeline(actor_files=args.actors, agent_files=args.agents)
    has_spans = any("source" in r for r in records)
    score = score_actors(records, pipeline, strict=not args.lenient) if has_spans else score_actor_codes(records, pipeline)
    if not has_spans:
        print("(no actor spans in this gold file: scoring the records' event actor codes)")
    print(f"gold actors              {score.total}")
    print(f"right country/group code {score.country_rate:.3f}  ({score.country_hits})")
    print(f"also right on sector     {score.sector_rate:.3f}  ({score.sector_hits} of {score.with_sector} with a sector)")
    print("most common misses:")
    for miss, count in score.misses.most_common(args.misses):
        print(f"  {count:3d}  {miss}")
    if args.sector_misses:
        print("sector misses (right code, other sector):")
        for miss, count in score.sector_misses.most_common(args.sector_misses):
            print(f"  {count:3d}  {miss}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
