"""Loading documents into the store: skip those already stored, code the rest, write each."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .model import Document
from .pipeline import Pipeline
from .store import StoreWriter

STORED, SKIPPED, FAILED = "stored", "skipped", "failed"


@dataclass(slots=True)
class LoadTally:
    """What a load did: documents stored, skipped (hash already stored), failed, events."""

    stored: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0


def load_documents(documents: Iterable[Document], pipeline: Pipeline, writer: StoreWriter, run_id: str, *,
                   on_document: Callable[[Document, str], None] | None = None) -> LoadTally:
    """Code each new document and write it (one transaction each).

    A document whose content hash is stored is skipped before parsing; one that fails to
    code is recorded in the errors table and the load goes on. on_document is called with
    each document and STORED, SKIPPED or FAILED after it is dealt with.
    Returns the tally.
    """
    tally = LoadTally()

    def notify(document: Document, outcome: str) -> None:
        if on_document is not None:
            on_document(document, outcome)

    def fresh() -> Iterator[Document]:
        for document in documents:
            if writer.has_document(document.hash):
                tally.skipped += 1
                notify(document, SKIPPED)
            else:
                yield document

    for document, doc in pipeline.parse(fresh()):
        try:
            _mentions, events = pipeline.code_parsed(doc, document)
        except Exception as err:  # noqa: BLE001 - a batch boundary: one bad document never stops a load
            tally.failed += 1
            writer.record_error(run_id, document.id, f"coding failed: {type(err).__name__}: {err}")
            notify(document, FAILED)
            continue
        if writer.write_document(document, events, run_id):
            tally.stored += 1
            tally.events += len(events)
            notify(document, STORED)
        else:  # the same text twice in one run: the second is already stored
            tally.skipped += 1
            notify(document, SKIPPED)
    return tally
