"""The Spark job's worker side: read raw items, code partitions, build table rows.

Each Python worker process keeps one Pipeline per model and coder in ``_WORKER_PIPELINES``: the first
partition the process codes creates it (models load lazily, on the first document), and every
later partition the same process codes reuses it. PySpark keeps its worker processes between
tasks (``spark.python.worker.reuse``), so the model loads once per process, not per task.
The functions here must be imported from this module, never defined in a ``__main__``
script: PySpark pickles ``__main__``'s functions by value, and each task would then get a
fresh, empty cache.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..events.hybrid import DEFAULT_CODER
from ..ingest import read_source
from ..ingest.decode import decode_bytes, gunzip, is_gzip
from ..ingest.sources import RawItem, Source, _jsonl_item, _jsonl_items, _kind_of, _looks_like_jsonl, parse_json
from ..model import Document, Failure
from ..settings import DEFAULT_LANGUAGES, MAX_INPUT_BYTES
from .coding import Coded, code_documents, extract_document

if TYPE_CHECKING:
    from ..pipeline import Pipeline

# Documents handed to the Pipeline at a time inside a partition: nlp.pipe batches them, and
# memory does not grow with the partition. If the parser fails on one of them, only this many
# are parsed again one by one to find the culprit.
DOCUMENTS_PER_CHUNK = 256
UNKNOWN_MONTH = "unknown"
_MONTH = re.compile(r"^(\d{4}-\d{2})-\d{2}")
# Large primes: where each input partition starts dealing (see deal).
_DEAL_STRIDE_PART, _DEAL_STRIDE_INDEX = 7919, 104729
TOO_LARGE = f"too large: over the {MAX_INPUT_BYTES // (1024 * 1024)} MB input limit"

# Row tags in the coded stream, one per output table, and the tables' Spark schemas (DDL).
DOCUMENT, MENTION, EVENT, ERROR = 0, 1, 2, 3
TABLES = {DOCUMENT: "documents", MENTION: "mentions", EVENT: "events", ERROR: "errors"}
_ACTOR_COLUMNS = ("code string", "country string", "sectors array<string>", "name string", "text string",
                  "start int", "end int")
SCHEMAS = {
    DOCUMENT: ("id string, input string, title string, date string, url string, lang string, hash string, "
               "text string, n_sentences int, n_mentions int, n_events int"),
    MENTION: ("doc_id string, sentence_index int, text string, span_start int, span_end int, code string, "
              "country string, sectors array<string>, name string, rule string"),
    EVENT: ", ".join([
        "event_id string, doc_id string, sentence_index int, date string, date_source string, year_month string",
        *(f"{role}_{column}" for role in ("source", "target") for column in _ACTOR_COLUMNS),
        "cameo_code string, cameo_root string, cameo_name string, goldstein double, quad_class int",
        "plover_type string, plover_mode string",
        "location_name string, location_country string, location_admin1 string, location_lat double",
        "location_lon double, location_geonameid bigint, location_feature string",
        "negated boolean, modality string, sentence string, trigger string, trigger_start int, trigger_end int",
        "rule string, confidence double, num_mentions int, background boolean, joint boolean, json string"]),
    ERROR: "input string, reason string",
}
# The coded rows before they are split into tables: a tag and one struct column per table.
CODED_SCHEMA = "tag int, " + ", ".join(f"{TABLES[tag]} struct<{SCHEMAS[tag]}>" for tag in TABLES)

Row = tuple[Any, ...]

# One Pipeline per worker process and per model, kept for every partition the process codes.
_WORKER_PIPELINES: dict[tuple[str | None, str], Pipeline] = {}


class CountsParam:
    """Accumulator of {key: count} dicts (PySpark's AccumulatorParam interface)."""

    def zero(self, value: dict[Any, int]) -> dict[Any, int]:
        return {}

    def addInPlace(self, first: dict[Any, int], second: dict[Any, int]) -> dict[Any, int]:  # noqa: N802
        for key, count in second.items():
            first[key] = first.get(key, 0) + count
        return first


def worker_pipeline(model: str | None, loads: Any = None, coder: str = DEFAULT_CODER) -> Pipeline:
    """This process's Pipeline for ``model`` and ``coder``, created on first use (so the
    spaCy model and the event classifier load once per executor process).

    loads: an accumulator of {process id: Pipelines created}, to check the reuse.
    """
    pipeline = _WORKER_PIPELINES.get((model, coder))
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = _WORKER_PIPELINES[(model, coder)] = Pipeline(model=model, coder=coder)
        if loads is not None:
            loads.add({os.getpid(): 1})
    return pipeline


# --------------------------------------------------------------------------- reading

def read_local(source: tuple[str, str, str | None]) -> Iterator[RawItem | Failure]:
    """Read a (label, kind, path) the driver listed, or a URL, with ``read_source``."""
    label, kind, path = source
    yield from read_source(Source(label=label, kind=kind, path=Path(path) if path else None))


def read_bytes(uri: str, data: bytes) -> Iterator[RawItem | Failure]:
    """Raw items of one file Spark read (a Hadoop URI): what ``read_source`` does after reading."""
    kind = _kind_of(Path(uri.rsplit("/", 1)[-1]))
    try:
        if len(data) > MAX_INPUT_BYTES:
            raise InputError(TOO_LARGE)
        text = decode_bytes(gunzip(data) if is_gzip(data) else data)
    except InputError as err:
        yield Failure(uri, str(err))
        return
    if kind == "jsonl" or (kind == "auto" and _looks_like_jsonl(text)):
        yield from _jsonl_items(uri, text)
    else:
        yield RawItem(uri, text, kind, id=uri)


def record_item(label: str, number: int, record: str | dict[str, Any],
                first_lines: dict[tuple[str, str], int]) -> RawItem | Failure:
    """One JSONL line (a str) or Parquet row (a dict) to a raw item, as ``newsevents code``
    reads a JSONL line. first_lines: {(label, id): first line} for ids repeated in an input;
    a later line with such an id is a failure."""
    where = f"{label}:{number}"
    if isinstance(record, str):
        if len(record) > MAX_INPUT_BYTES // 4 and len(record.encode("utf-8")) > MAX_INPUT_BYTES:
            return Failure(where, TOO_LARGE)
        try:
            record = parse_json(record.lstrip("\ufeff") if number == 1 else record)
        except json.JSONDecodeError as err:
            return Failure(where, f"invalid JSON ({err.msg} at column {err.colno})")
        except InputError as err:  # nested too deeply
            return Failure(where, str(err))
    try:
        item = _jsonl_item(where, record)
    except InputError as err:
        return Failure(where, str(err))
    first = first_lines.get((label, item.id), number)
    if first != number:
        return Failure(where, f"duplicate id {item.id!r} (first on line {first})")
    return item


def id_keys(record: tuple[str, int, Any]) -> list[tuple[tuple[str, str], int]]:
    """((input, id), line) of a record that is a valid item, for the duplicate check."""
    item = record_item(record[0], record[1], record[2], {})
    return [((record[0], item.id), record[1])] if isinstance(item, RawItem) else []


def repeated_ids(pairs: Iterable[tuple[tuple[str, str], int]]) -> Iterator[tuple[tuple[str, str], int]]:
    """((input, id), first line) for each id found on more than one line of an input."""
    lines: dict[tuple[str, str], list[int]] = {}
    for key, line in pairs:
        lines.setdefault(key, []).append(line)
    for key, found in lines.items():
        if len(found) > 1:
            yield key, min(found)


def row_record(row: Any) -> dict[str, Any]:
    """A Parquet row as a JSONL record; dates and timestamps become ISO strings."""
    record = row.asDict()
    for key, value in record.items():
        if hasattr(value, "isoformat"):
            record[key] = value.isoformat()
    return record


def numbered(label: str, pair: tuple[Any, int]) -> tuple[str, int, Any]:
    """(label, 1-based number, line) of a (line, index) pair from ``zipWithIndex``."""
    return label, pair[1] + 1, pair[0]


def numbered_row(label: str, pair: tuple[Any, int]) -> tuple[str, int, dict[str, Any]]:
    """(label, 1-based number, record) of a (Parquet row, index) pair from ``zipWithIndex``."""
    return label, pair[1] + 1, row_record(pair[0])


def deal(part: int, index: int, items: Iterable[Any]) -> Iterator[tuple[int, Any]]:
    """Key the items of partition ``index`` of input ``part`` by a running number, to deal them
    out one by one; each partition starts at its own place, so small inputs do not all pile
    onto the first partitions."""
    start = part * _DEAL_STRIDE_PART + index * _DEAL_STRIDE_INDEX
    return ((start + number, item) for number, item in enumerate(items))


def identity(key: int) -> int:
    """The partition function for dealt items (Spark takes it modulo the partition count)."""
    return key


# --------------------------------------------------------------------------- coding

def code_partition(items: Iterable[RawItem | Failure], *, model: str | None, date: str | None,
                   loads: Any = None, tasks: Any = None, coder: str = DEFAULT_CODER,
                   joint: str | None = None) -> Iterator[Row]:
    """Code one partition; yields CODED_SCHEMA rows for documents, mentions, events and errors.

    date: publication date for documents that carry none.
    coder: hybrid, rules or model (``events/hybrid.py``); joint: pairs or single (``events/joint.py``).
    loads, tasks: accumulators of {process id: count} of Pipelines created and partitions coded.
    """
    if tasks is not None:
        tasks.add({os.getpid(): 1})
    chunk: list[tuple[str, Document]] = []
    for item in items:
        if isinstance(item, Failure):
            yield _tagged(ERROR, (item.input, item.reason))
            continue
        document = extract_document(item, date=date, languages=DEFAULT_LANGUAGES)
        if isinstance(document, Failure):
            yield _tagged(ERROR, (document.input, document.reason))
            continue
        chunk.append((item.label, document))
        if len(chunk) >= DOCUMENTS_PER_CHUNK:
            yield from _code_chunk(worker_pipeline(model, loads, coder), chunk, joint)
            chunk = []
    if chunk:
        yield from _code_chunk(worker_pipeline(model, loads, coder), chunk, joint)


def _code_chunk(pipeline: Pipeline, chunk: list[tuple[str, Document]], joint: str | None = None) -> Iterator[Row]:
    """Rows of a chunk's documents, coded by ``code_documents`` as ``newsevents code`` codes them."""
    for outcome in code_documents(pipeline, chunk, joint=joint):
        if isinstance(outcome, Failure):
            yield _tagged(ERROR, (outcome.input, outcome.reason))
        else:
            yield from _coded_rows(outcome)


def _coded_rows(coded: Coded) -> Iterator[Row]:
    label, document = coded.input, coded.document
    try:
        mention_rows = [mention_row(mention.to_dict()) for mention in coded.mentions]
        event_rows = [event_row(event.to_dict()) for event in coded.events]
    except Exception as err:  # noqa: BLE001 - a batch boundary: one bad document never stops the job
        yield _tagged(ERROR, (label, f"coding failed: {type(err).__name__}: {err}"))
        return
    yield _tagged(DOCUMENT, (document.id, label, document.title, document.date, document.url, document.lang,
                             document.hash, document.text, len(document.sentences), len(mention_rows),
                             len(event_rows)))
    for row in mention_rows:
        yield _tagged(MENTION, row)
    for row in event_rows:
        yield _tagged(EVENT, row)


_EMPTY = (None,) * len(TABLES)


def _tagged(tag: int, row: Row) -> Row:
    """A table's row as a CODED_SCHEMA row: the tag, the row in its table's column, nulls."""
    return (tag, *_EMPTY[:tag], row, *_EMPTY[tag + 1:])


# --------------------------------------------------------------------------- rows

def year_month(date: str | None) -> str:
    """The ``year_month`` partition of an event date: ``2024-06``, or ``unknown``."""
    found = _MONTH.match(date or "")
    return found.group(1) if found else UNKNOWN_MONTH


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _actor_values(actor: dict[str, Any] | None) -> Row:
    if actor is None:
        return (None,) * len(_ACTOR_COLUMNS)
    start, end = actor["span"]
    return (actor["code"], actor["country"], list(actor["sectors"]), actor["name"], actor["text"], start, end)


def event_row(event: dict[str, Any]) -> Row:
    """Flat row of an event record (``Event.to_dict()``) in SCHEMAS[EVENT] order; the ``json``
    column is the record exactly as ``newsevents code --format jsonl`` prints it."""
    cameo, plover, evidence = event["cameo"], event["plover"], event["evidence"]
    location = event["location"] or {}
    geonameid = location.get("geonameid")
    return (event["event_id"], event["doc_id"], event["sentence_index"], event["date"], event["date_source"],
            year_month(event["date"]), *_actor_values(event["source"]), *_actor_values(event["target"]),
            cameo["code"], cameo["root"], cameo["name"], _float(cameo["goldstein"]), cameo["quad_class"],
            plover["type"], plover["mode"],
            location.get("name"), location.get("country"), location.get("admin1"), _float(location.get("lat")),
            _float(location.get("lon")), None if geonameid is None else int(geonameid), location.get("feature"),
            bool(event["negated"]), event["modality"], evidence["sentence"], evidence["trigger"],
            evidence["trigger_span"][0], evidence["trigger_span"][1],
            evidence["rule"], _float(event["confidence"]), max(1, len(event.get("mentions") or ())),
            bool(event["background"]), bool(event["joint"]), json.dumps(event, ensure_ascii=False))


def mention_row(mention: dict[str, Any]) -> Row:
    """Flat row of an actor mention (``ActorMention.to_dict()``) in SCHEMAS[MENTION] order."""
    start, end = mention["span"]
    return (mention["doc_id"], mention["sentence_index"], mention["text"], start, end, mention["code"],
            mention["country"], list(mention["sectors"]), mention["name"], mention["rule"])
