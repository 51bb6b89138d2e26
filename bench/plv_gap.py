"""Where the hybrid coder loses PLV sentences that its two coders could type, run by hand.

    python bench/plv_gap.py [PLV.jsonl] [--ids train/plv_dev_ids.txt] [--list N]

The PLV figure of ``newsevents eval`` scores events: a sentence counts as typed only where an
event with a resolved source came of it. This script sets beside it the sentence-level figure
of the issue that asked for the classifier: the lexicon's type where it codes an event, else
the classifier's top type over its threshold, whoever the actors are. The difference is what
actor resolution and the hybrid's floors against wrong dyads cost; the rows that make it up
are counted by reason, and the first N listed.
"""
from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from newsevents.evaluate import TypeReport, gold_documents, read_gold, sentence_type
from newsevents.events.classify import NONE
from newsevents.events.hybrid import MODEL_EVENT_PROBABILITY, candidate_sentences, type_of
from newsevents.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "train" / "plv_train.jsonl"
DEFAULT_IDS = ROOT / "train" / "plv_dev_ids.txt"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--ids", type=Path, default=DEFAULT_IDS, help="the rows to score (default: the dev split)")
    parser.add_argument("--list", type=int, default=0, help="how many lost rows to print")
    parser.add_argument("--bootstrap", type=int, default=1000,
                        help="resamples of the rows for the hybrid figure's 95%% interval (0: none)")
    args = parser.parse_args()
    if not args.gold.exists():
        parser.error(f"{args.gold}: PLV rows not found (see ../shared/data/README.md)")
    if not args.ids.exists():
        parser.error(f"{args.ids}: id list not found (one row id per line)")
    wanted = set(args.ids.read_text(encoding="utf-8").split())
    records = [r for r in read_gold(args.gold) if str(r["id"]) in wanted]
    by_id = {str(r["id"]): r for r in records}
    pipeline = Pipeline()
    classifier = pipeline.classifier
    reports = {name: TypeReport() for name in ("rules", "classifier", "hybrid", "sentence")}
    reasons: Counter[str] = Counter()
    lost: list[tuple[str, str, str]] = []
    for document, doc in pipeline.parse(gold_documents(records)):
        gold = type_of(by_id[document.id]["label"]) or NONE
        mentions, rule_events = pipeline.code_parsed(doc, document, coder="rules")
        _mentions, hybrid_events = pipeline.code_parsed(doc, document, coder="hybrid")
        label, p = classifier.top(classifier.probabilities([document.text])[0])
        model = label if p >= classifier.threshold else NONE
        rules, hybrid = sentence_type(rule_events), sentence_type(hybrid_events)
        sentence = rules if rules != NONE else model
        for name, predicted in (("rules", rules), ("classifier", model), ("hybrid", hybrid), ("sentence", sentence)):
            reports[name].gold.append(gold)
            reports[name].predicted.append(predicted)
        if sentence == gold != hybrid:
            if hybrid != NONE:
                reason = "the hybrid gave another type"
            elif not candidate_sentences(doc, mentions):
                reason = "no coded actor in the sentence"
            elif rules == NONE and p < MODEL_EVENT_PROBABILITY:
                reason = f"classifier under the hybrid's event floor ({MODEL_EVENT_PROBABILITY})"
            else:
                reason = "coded actors, but no event: its source or target not found, or held back"
            reasons[reason] += 1
            lost.append((gold, reason, document.text))
    print(f"{len(records)} rows of {args.gold.name}")
    print(f"{'coder':<44} macro-F1 coverage precision")
    names = {"rules": "rules (events)", "classifier": "classifier alone (sentence, no actors)",
             "hybrid": "hybrid (events: the official figure)",
             "sentence": "lexicon, else classifier (sentence, no actors)"}
    for name, report in reports.items():
        print(f"{names[name]:<44} {report.macro_f1:8.3f} {report.coverage:8.3f} {report.precision:9.3f}")
    if args.bootstrap:
        low, high = bootstrap_interval(reports["hybrid"], args.bootstrap)
        print(f"hybrid macro-F1, 95% bootstrap interval over the rows: {low:.3f} to {high:.3f}")
    print(f"\nrows the sentence figure types right and the hybrid does not: {sum(reasons.values())}")
    for reason, count in reasons.most_common():
        print(f"  {count:4d}  {reason}")
    for gold, reason, text in lost[:args.list]:
        print(f"- {gold}: {text[:160]}\n    ({reason})")
    return 0


def bootstrap_interval(report: TypeReport, resamples: int, seed: int = 7) -> tuple[float, float]:
    """The 2.5th and 97.5th percentiles of macro-F1 over rows drawn with replacement: how far a
    figure on a few hundred rows, with a handful per thin type, may move by chance alone."""
    rng = random.Random(seed)
    size = len(report.gold)
    scores = []
    for _ in range(resamples):
        rows = [rng.randrange(size) for _ in range(size)]
        sample = TypeReport()
        sample.gold = [report.gold[i] for i in rows]
        sample.predicted = [report.predicted[i] for i in rows]
        scores.append(sample.macro_f1)
    scores.sort()
    return scores[int(0.025 * resamples)], scores[min(resamples - 1, int(0.975 * resamples))]


if __name__ == "__main__":
    raise SystemExit(main())
