"""Coding one sentence of our own as (source, code, target) triples, for the rules-coder tests."""
from __future__ import annotations

from newsevents.model import Document
from newsevents.pipeline import Pipeline


def rules_pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def coded(pipeline: Pipeline, text: str) -> list[tuple[str, str, str | None]]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="t", text=text, date="2024-06-21")]))
    return [(e.source.code, e.code, e.target.code if e.target else None) for e in events]
