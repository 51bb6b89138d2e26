"""Loading coded documents into the store: write each, count those already stored."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .batch.coding import Coded
from .batch.pool import Skipped
from .model import Document, news_events
from .store import StoreWriter

STORED, SKIPPED = "stored", "skipped"


@dataclass(slots=True)
class LoadTally:
    """What a load did: documents stored, skipped (hash already stored), events."""

    stored: int = 0
    skipped: int = 0
    events: int = 0


def load_documents(outcomes: Iterable[Coded | Skipped], writer: StoreWriter, run_id: str, *,
                   on_document: Callable[[Document, str], None] | None = None) -> LoadTally:
    """Write each coded document (one transaction each); count the skipped ones.

    outcomes: from ``DocumentCoder.code`` with ``skip`` testing ``writer.has_document``, so
    that a stored document is not parsed again; failures are the caller's to report.
    on_document is called with each document and STORED or SKIPPED after it is dealt with.
    Returns the tally.
    """
    tally = LoadTally()
    for outcome in outcomes:
        document = outcome.document
        if isinstance(outcome, Coded) and writer.write_document(document, outcome.events, run_id):
            tally.stored += 1
            tally.events += len(news_events(outcome.events))
            status = STORED
        else:  # stored before, or the same text twice in one run: the second is already stored
            tally.skipped += 1
            status = SKIPPED
        if on_document is not None:
            on_document(document, status)
    return tally
