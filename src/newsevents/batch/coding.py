"""Per-document steps of a batch that must survive bad documents: extract one raw item, code
a chunk of documents. The CLI (in process or in a pool of processes) and the Spark workers run
these same functions, so a bad document ends the same way everywhere: as a ``Failure`` with
the reason, while the rest of the batch is coded."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..budget import OverBudget, document_budget, within_budget
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


def code_documents(pipeline: Pipeline, chunk: Sequence[tuple[str, Document]], *,
                   coder: str | None = None, joint: str | None = None) -> Iterator[Coded | Failure]:
    """Parse a chunk of (label, document) in batches and code each document, in order, with
    ``coder`` and ``joint`` mode (default: the Pipeline's).

    Each step (parsing what the next document needs, then coding it) has the document time
    budget. If the parser raises or a step runs over, the rest of the chunk is parsed and
    coded one by one, each with its own budget, so that only the failing document becomes a
    Failure (labelled with its label); so does one that fails to code (issue 18).
    """
    budget = document_budget()
    done = 0
    parsed = pipeline.parse([document for _label, document in chunk])
    try:
        while done < len(chunk):
            with within_budget(budget):
                found = next(parsed, None)
                outcome = None if found is None else _coded(pipeline, chunk[done][0], *found, coder=coder, joint=joint)
            if outcome is None:
                return
            yield outcome
            done += 1
        return
    except OverBudget:
        if done == len(chunk) - 1:  # the last one alone ran over: not parsed again
            yield _over_budget(chunk[done][0], budget)
            return
    except Exception:  # noqa: BLE001 - the batch is retried one document at a time below
        pass
    for label, document in chunk[done:]:
        yield _code_alone(pipeline, label, document, budget, coder, joint)


def _code_alone(pipeline: Pipeline, label: str, document: Document, budget: float,
                coder: str | None = None, joint: str | None = None) -> Coded | Failure:
    try:
        with within_budget(budget):
            try:
                ((parsed_document, doc),) = list(pipeline.parse([document]))
            except Exception as err:  # noqa: BLE001 - a batch boundary
                return Failure(label, f"parsing failed: {type(err).__name__}: {err}")
            return _coded(pipeline, label, parsed_document, doc, coder=coder, joint=joint)
    except OverBudget:
        return _over_budget(label, budget)


def _over_budget(label: str, budget: float) -> Failure:
    return Failure(label, f"over the time budget: coding took more than {budget:g} s")


def _coded(pipeline: Pipeline, label: str, document: Document, doc: Doc, *, coder: str | None = None,
           joint: str | None = None) -> Coded | Failure:
    try:
        mentions, events = pipeline.code_parsed(doc, document, coder=coder, joint=joint)
    except Exception as err:  # noqa: BLE001 - a batch boundary: one bad document never stops a batch
        return Failure(label, f"coding failed: {type(err).__name__}: {err}")
    return Coded(label, document, mentions, events)
