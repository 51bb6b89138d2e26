"""The hybrid coder scored on the PLV training rows with models that never saw them, run by hand.

    python3 bench/model_cv.py --repeat 1 --keep ../cv-models     # once: three fold models, ~8 min
    python3 bench/oof_hybrid.py ../cv-models [--repeat 1]

The dev split has 268 rows and four per thin type, so a change to the coder's rules moves its
figure by chance as much as by merit (`bench/plv_gap.py` prints the interval). The 782 training
rows are three times as many, but the shipped classifier was trained on them, so it is sure of
their types and hides what the rules cost or gain. Here each third of them is coded with the
fold model of `bench/model_cv.py` that was trained without it, under the current rules, and the
three thirds are scored together: macro-F1 over the PLOVER types, as `newsevents eval` scores
the dev split, with its 95% bootstrap interval. Rules changed after the fold models were
trained are measured fairly; a change to the classifier's training needs new fold models.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from model_cv import fold_model_name, folds, score_fold, training  # noqa: E402
from plv_gap import bootstrap_interval  # noqa: E402

from newsevents.evaluate import TypeReport  # noqa: E402
from newsevents.events.classify import EventClassifier  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("models", type=Path, help="the folder bench/model_cv.py --keep wrote")
    parser.add_argument("--repeat", type=int, default=1, help="the PLV repeat the fold models were trained with")
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--plv", type=Path, default=training.PLV_DEFAULT)
    args = parser.parse_args()
    if not args.plv.exists():
        parser.error(f"{args.plv}: PLV rows not found (see ../shared/data/README.md)")
    plv_train, _dev = training.split_plv(training.read_jsonl(args.plv))
    pooled = TypeReport()
    for index, fold in enumerate(folds(plv_train, args.folds)):
        directory = args.models / fold_model_name(args.repeat, index)
        if not (directory / "model.json").exists():
            parser.error(f"{directory}: no fold model (run bench/model_cv.py --repeat {args.repeat} --keep {args.models})")
        hybrid, _alone = score_fold([row for row in plv_train if str(row["id"]) in fold], EventClassifier.load(directory))
        pooled.gold.extend(hybrid.gold)
        pooled.predicted.extend(hybrid.predicted)
    low, high = bootstrap_interval(pooled, 1000)
    print(f"{len(pooled.gold)} PLV training rows, each coded by a fold model that never saw it")
    print(f"hybrid macro-F1 {pooled.macro_f1:.3f} (95% interval {low:.3f} to {high:.3f}), "
          f"coverage {pooled.coverage:.3f}, precision {pooled.precision:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
