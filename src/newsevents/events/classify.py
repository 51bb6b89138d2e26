"""The trained sentence classifier: one probability per PLOVER type (and NONE) for a sentence.

A fine-tuned all-MiniLM-L6-v2 exported to ONNX with int8 weights, run by onnxruntime, with the
base model's WordPiece tokenizer (`tokenizers`). No torch at run time. The files live in
``data/model/`` and are written by ``scripts/train_event_model.py``; ``docs/model.md`` is their
model card. The hybrid coder (``events/hybrid.py``) decides what the probabilities mean.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "model"
NONE = "NONE"
# PLV's labels: PLOVER's 16 types with CONCEDE and RETREAT merged as YIELD (the training data
# cannot tell them apart), and NONE for sentences that report no event.
LABELS = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "YIELD", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", NONE]
# No batches: the int8 model quantises its activations with one scale per tensor, so a padded
# batch gives a sentence other scores than it has alone (0.52 against 0.45 in a test). One
# sentence per call keeps a sentence's scores its own, whatever else its document holds.


@dataclass(frozen=True, slots=True)
class EventClassifier:
    """A loaded classifier. ``probabilities`` is pure given the files; ``threshold`` is the
    least top-type probability at which the model speaks (chosen on the held-out dev split)."""

    session: Any
    tokenizer: Any
    labels: tuple[str, ...]
    threshold: float
    max_tokens: int

    @classmethod
    def load(cls, directory: Path = MODEL_DIR) -> EventClassifier:
        """Load the ONNX model and tokenizer from ``directory``; raises FileNotFoundError with
        the path when the model files are missing."""
        import onnxruntime
        from tokenizers import Tokenizer

        meta_path = directory / "model.json"
        if not meta_path.exists():
            raise FileNotFoundError(f"{meta_path}: the event classifier is missing; run "
                                    "scripts/train_event_model.py or use --coder rules")
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        options = onnxruntime.SessionOptions()
        # One thread and no thread pool: the session is made before --jobs workers fork, and a
        # forked child has none of its parent's threads. Parallelism comes from the processes.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        session = onnxruntime.InferenceSession(str(directory / "event_classifier.onnx"), options,
                                               providers=["CPUExecutionProvider"])
        tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        tokenizer.enable_truncation(int(meta["max_tokens"]))
        tokenizer.no_padding()
        return cls(session, tokenizer, tuple(meta["labels"]), float(meta["threshold"]), int(meta["max_tokens"]))

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text, one column per label (``self.labels``), each row summing to 1."""
        out = np.zeros((len(texts), len(self.labels)), dtype=np.float32)
        for row, text in enumerate(texts):
            ids = np.array([self.tokenizer.encode(text).ids], dtype=np.int64)
            out[row] = self.session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0][0]
        return out

    def top(self, row: np.ndarray) -> tuple[str, float]:
        """The most probable label of one row and its probability."""
        best = int(row.argmax())
        return self.labels[best], float(row[best])


@lru_cache(maxsize=4)
def load_classifier(directory: str = str(MODEL_DIR)) -> EventClassifier:
    """The classifier, loaded once per process (cached; forked workers share it)."""
    return EventClassifier.load(Path(directory))
