"""Coding one sentence of our own: its (source, code, target) triples or its actor mentions, for the rules-coder tests."""
from __future__ import annotations

from newsevents.model import ActorMention, Document
from newsevents.pipeline import Pipeline


def rules_pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def coded(pipeline: Pipeline, text: str) -> list[tuple[str, str, str | None]]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="t", text=text, date="2024-06-21")]))
    return [(e.source.code, e.code, e.target.code if e.target else None) for e in events]


def mentions_of(pipeline: Pipeline, text: str) -> list[ActorMention]:
    """The actor mentions of one sentence of our own, as the pipeline codes it."""
    ((_document, mentions, _events),) = list(pipeline.code([Document(id="t", text=text, date="2024-06-21")]))
    return mentions


def actor_codes(pipeline: Pipeline, text: str) -> dict[str, str | None]:
    """Each mention's text and code."""
    return {m.text: m.code for m in mentions_of(pipeline, text)}
