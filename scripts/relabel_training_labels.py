#!/usr/bin/env python3
"""Bring our own training sentences in line with PLOVER's conversion table.

The writers of ``train/positives_main_a.jsonl`` and ``train/candidates/`` were told that signing
or reaching an agreement is AGREE and that an apology is YIELD. PLOVER says otherwise: CAMEO 057 (sign formal agreement) and 055
(apologise) are SUPPORT (``CAMEO2PLOVER-2021.txt``; PLOVER's SUPPORT includes "finalizing a treaty
or agreement"), and the PLV rows we train on follow it. A sentence whose act is signing, concluding,
finalising, ratifying or reaching an agreement, with no promise or agreement *to do* something in
it, becomes SUPPORT; so does a YIELD sentence whose act is an apology. The writer's label is kept
in ``written_as``, and rows that have one are left alone, so running this again changes nothing.

    python3 scripts/relabel_training_labels.py train/candidates/*.jsonl   (run on 2026-12-04)
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

SIGNING = re.compile(
    r"\b(sign(ed|s|ing)?|ratif(y|ied|ies)|finali[sz]ed|conclud(ed|es)"
    r"|(reached|reaches|reach|struck) (an?|the) [\w\-' ]*(agreement|deal|accord))\b", re.I)
# "agreed to", "pledged", "will": a promise to act, which PLOVER keeps as AGREE.
PROMISE = re.compile(r"\b(agreed to|agrees to|agree to|pledged|pledges|committed|commits|promised|promises|will|offered)\b",
                     re.I)
APOLOGY = re.compile(r"\bapolog", re.I)


def relabelled(row: dict) -> dict:
    """The row with PLOVER's label for its act (unchanged where the writer's label stands)."""
    if "written_as" in row:
        return row
    text, label = row["text"], row["label"]
    if label == "AGREE" and SIGNING.search(text) and not PROMISE.search(text) \
            or label == "YIELD" and APOLOGY.search(text):
        return {**row, "label": "SUPPORT", "written_as": label}
    return row


def main() -> None:
    for name in sys.argv[1:]:
        path = Path(name)
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        out = [relabelled(row) for row in rows]
        changed = sum(a is not b for a, b in zip(rows, out))
        path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in out), encoding="utf-8")
        print(f"{path}: {changed} rows relabelled")


if __name__ == "__main__":
    main()
