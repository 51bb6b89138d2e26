#!/usr/bin/env python3
"""How often the spike detector raises a false alert on quiet synthetic news, and whether it
finds an injected burst (issue 16). Run by hand: ``python3 bench/alerts_calibration.py
[--stores 100] [--threshold 6] [--burst 20]``.

Each store is the tests' 90-day background (tests/synthetic_events.py: protests in three
countries at 0.8 to 2 a day, two dyads at 1.2 and 2 events a day, Poisson counts) from its own
seed. Without the burst every alert is false; with ``--burst`` protests in Nigeria on day 60
the burst must be found. Prints false alerts, bursts found, and the lowest burst score.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO)]

from newsevents.monitor.alerts import AlertOptions, find_alerts  # noqa: E402
from tests.synthetic_events import START, Row, background, insert, store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stores", type=int, default=100)
    parser.add_argument("--threshold", type=float, default=AlertOptions().threshold)
    parser.add_argument("--burst", type=int, default=20)
    args = parser.parse_args()
    options = AlertOptions(threshold=args.threshold)
    day = START + dt.timedelta(days=60)
    false_alerts, found, scores = 0, 0, []
    for seed in range(args.stores):
        con = store(background(seed))
        false_alerts += len(find_alerts(con, options=options))
        insert(con, [Row(f"burst{n}", day, "141", "NGAOPP", None, "NGA") for n in range(args.burst)])
        hits = [a for a in find_alerts(con, options=options) if a.country == "NGA" and a.period == day]
        found += bool(hits)
        scores.append(hits[0].score if hits else 0.0)
    print(f"threshold {args.threshold:g}, {args.stores} stores of 90 days: {false_alerts} false alerts; "
          f"burst of {args.burst} found in {found}; lowest burst score {min(scores):.2f}")


if __name__ == "__main__":
    main()
