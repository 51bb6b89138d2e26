"""Per-document steps of a batch that must survive bad documents: extract one raw item, code
a chunk of documents. The CLI (in process or in a pool of processes) and the Spark workers run
these same functions, so a bad document ends the same way everywhere: as a ``Failure`` with
the reason, while the rest of the batch is coded."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import SkippedInput
from ..ingest import build_document
from ..ingest.sources import RawItem
from ..model import ActorMention, Document, Event, Failure

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..pipeline import Pipeline


@dataclass(slots=True)
class Coded:
    """A document with its actor mentions and events; input: its label, as in a Failure."""

    input: str
    document: Document
    mentions: list[ActorMention]
    events: list[Event]


def extract_document(item: RawItem, *, date: str | None, languages: Sequence[str] | None) -> Document | Failure:
    """``build_document``, with any error as a Failure labelled with the item's input.

    date: publication date for items that carry none; languages: accepted codes (None: any).
    """
    try:
        return build_document(item, date=date, languages=languages)
    except ValueError as err:  # InputError: the reason is the message
        return Failure(item.label, str(err), skipped=isinstance(err, SkippedInput))
    except Exception as err:  # noqa: BLE001 - a batch boundary: one bad page never stops a batch
        return Failure(item.label, f"extraction failed: {type(err).__name__}: {err}")


def code_documents(pipeline: Pipeline, chunk: Sequence[tuple[str, Document]]) -> Iterator[Coded | Failure]:
    """Parse a chunk of (label, document) in batches and code each document, in order.

    If the parser raises, the rest of the chunk is parsed one by one, so that only the failing
    document becomes a Failure (labelled with its label); so does one that fails to code.
    """
    done = 0
    try:
        for document, doc in pipeline.parse([document for _label, document in chunk]):
            yield _coded(pipeline, chunk[done][0], document, doc)
            done += 1
        return
    except Exception:  # noqa: BLE001 - the batch is retried one document at a time below
        pass
    for label, document in chunk[done:]:
        try:
            parsed = list(pipeline.parse([document]))
        except Exception as err:  # noqa: BLE001 - a batch boundary
            yield Failure(label, f"parsing failed: {type(err).__name__}: {err}")
            continue
        for parsed_document, doc in parsed:
            yield _coded(pipeline, label, parsed_document, doc)


def _coded(pipeline: Pipeline, label: str, document: Document, doc: Doc) -> Coded | Failure:
    try:
        mentions, events = pipeline.code_parsed(doc, document)
    except Exception as err:  # noqa: BLE001 - a batch boundary: one bad document never stops a batch
        return Failure(label, f"coding failed: {type(err).__name__}: {err}")
    return Coded(label, document, mentions, events)
