#!/usr/bin/env python3
"""Lower-case text (issue 15 item 5): code the English news pages as they are, then a
lower-cased copy of them without and with truecasing, and count how many events each run
gives and how many agree with the cased run.

Usage:
    python3 bench/lowercase.py [--coder rules|hybrid|model] [--data DIR] [--show N]

Two events agree when they share the document, the sentence (compared in lower case, spaces
collapsed: the copy may be split into sentences elsewhere), the three-letter codes of source
and target, and the CAMEO root. Also printed: the capital ratio of the pages (the threshold
``LOWER_CASE_RATIO`` must lie between the cased and the lower-cased ones) and, with
``--show``, some events the truecased run gives that the cased run does not, and the reverse.
Run by hand; it parses the pages three times (a few minutes on one core).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from real_news import DEFAULT_DATA, documents  # noqa: E402

Key = tuple[str, str, str, str, str]


def _key(doc_id: str, event) -> Key:  # type: ignore[no-untyped-def]
    def code(actor) -> str:  # type: ignore[no-untyped-def]
        return (actor.code or "")[:3] if actor is not None else ""
    return (doc_id, " ".join(event.sentence.lower().split()), code(event.source), code(event.target), event.root)


def run(docs: list, *, coder: str, truecase: bool) -> Counter[Key]:  # type: ignore[type-arg]
    """The events of ``docs`` as a multiset of agreement keys."""
    from newsevents.pipeline import Pipeline

    pipeline = Pipeline(coder=coder, truecase=truecase)
    keys: Counter[Key] = Counter()
    for document, _mentions, events in pipeline.code(docs):
        keys.update(_key(document.id, event) for event in events)
    return keys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with html/*.html.gz")
    parser.add_argument("--coder", default="rules", choices=("hybrid", "rules", "model"))
    parser.add_argument("--show", type=int, default=0, help="list this many disagreements each way")
    args = parser.parse_args()

    from newsevents.ingest.truecase import LOWER_CASE_RATIO, capital_ratio, is_lower_case

    cased = documents(args.data)
    lowered = [replace(d, text=d.text.lower(), sentences=[]) for d in cased]
    ratios = [r for r in (capital_ratio(d.text) for d in cased) if r is not None]
    print(f"{len(cased)} English pages; capital ratio of the cased pages: min {min(ratios):.4f}, "
          f"median {sorted(ratios)[len(ratios) // 2]:.4f}; threshold {LOWER_CASE_RATIO}")
    print(f"taken as lower case: cased {sum(map(is_lower_case, (d.text for d in cased)))}, "
          f"lower-cased copy {sum(map(is_lower_case, (d.text for d in lowered)))}")
    reference = run(cased, coder=args.coder, truecase=True)
    runs = {
        "cased original": reference,
        "lower-cased, no truecasing": run(lowered, coder=args.coder, truecase=False),
        "lower-cased, truecased": run(lowered, coder=args.coder, truecase=True),
    }
    print(f"coder {args.coder}")
    print(f"{'run':28s} {'events':>7s} {'agree':>7s} {'of cased':>9s} {'precision vs cased':>19s}")
    for name, keys in runs.items():
        agree = sum((keys & reference).values())
        total = sum(keys.values())
        print(f"{name:28s} {total:7d} {agree:7d} {agree / max(sum(reference.values()), 1):9.3f} "
              f"{agree / max(total, 1):19.3f}")
    if args.show:
        after = runs["lower-cased, truecased"]
        print("\nonly in the truecased run:")
        for key in list((after - reference).elements())[:args.show]:
            print("  ", key)
        print("only in the cased run:")
        for key in list((reference - after).elements())[:args.show]:
            print("  ", key)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
