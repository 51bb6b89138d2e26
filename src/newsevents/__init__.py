"""newsevents: code who did what to whom, when and where, from news articles."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Event
    from .pipeline import Pipeline

__version__ = "0.1.0"

__all__ = ["__version__", "code_text"]


def code_text(text: str, date: str | None = None, *, coder: str = "hybrid") -> list["Event"]:
    """Code one text and return its events (a default Pipeline is loaded once and cached).

    text: the article text; date: its publication date (YYYY-MM-DD), if known.
    coder: "hybrid" (the lexicon checked and completed by the trained classifier), "rules"
    (the lexicon alone) or "model" (the classifier's types decide).
    """
    from .model import Document

    document = Document(id="text", text=text, date=date)
    return [event for _document, _mentions, events in _default_pipeline().code([document], coder=coder)
            for event in events]


def _default_pipeline() -> "Pipeline":
    global _PIPELINE
    if _PIPELINE is None:
        from .pipeline import Pipeline

        _PIPELINE = Pipeline()
    return _PIPELINE


_PIPELINE: "Pipeline | None" = None
