"""``query``, ``export`` and ``ingest`` through the server that holds a store (web/owner.py):
the same filters, formats and per-document lines as on the store itself."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .ingest.html import looks_like_html
from .ingest.sources import RawItem
from .query import EventFilter
from .web.owner import ServerError, ServerInfo, find_server, request

__all__ = ["ServerError", "ServerInfo", "export_through", "ingest_through", "query_through", "server_holding"]

# DuckDB's words when another process holds the file.
LOCK_HELD = "Conflicting lock is held"
# The API's largest page of events, and its limits on one POST /v1/documents (web/explore.py,
# web/app.py): documents per request, and bytes, with room left for the JSON around them.
PAGE_MAX = 1000
DOCUMENTS_PER_POST = 100
POST_BYTES = 1_800_000
# The longest values StoredDocument accepts (web/explore.py).
FIELD_CHARS = {"id": 512, "date": 32, "url": 2048, "title": 1024}
STORED, DUPLICATE, SKIPPED, ERROR = "stored", "duplicate", "skipped", "error"


def server_holding(db: Path, err: BaseException) -> ServerInfo | None:
    """The live server announced beside ``db`` when ``err`` says another process holds it."""
    return find_server(db) if LOCK_HELD in str(err) else None


def query_through(server: ServerInfo, filters: EventFilter, *, limit: int, offset: int,
                  token: str | None = None) -> list[dict[str, Any]]:
    """``query_events`` on the server's store: GET /v1/events, page by page, up to ``limit``."""
    params = {"actor": filters.actor, "source": filters.source, "target": filters.target, "code": filters.code,
              "root": filters.root, "quad": filters.quad, "since": filters.since, "until": filters.until,
              "country": filters.country, "text": filters.text, "format": "json"}
    rows: list[dict[str, Any]] = []
    while len(rows) < limit:
        page = min(PAGE_MAX, limit - len(rows))
        body, _headers = request(server, "/v1/events", params={**params, "limit": page, "offset": offset + len(rows)},
                                 token=token)
        events = json.loads(body)["events"]
        rows.extend(events)
        if len(events) < page:
            break
    return rows


def export_through(server: ServerInfo, output_format: str, out: BinaryIO, *, token: str | None = None) -> int:
    """Write the server's export of every event (GET /v1/export) to ``out``; returns the count."""
    _body, headers = request(server, "/v1/export", params={"format": output_format}, token=token, sink=out)
    counts = {name.lower(): value for name, value in headers.items()}
    return int(counts.get("x-event-count", "0") or 0)


@dataclass(slots=True)
class RemoteTally:
    """What the server did with the documents sent."""

    stored: int = 0
    duplicates: int = 0
    skipped: int = 0
    errors: int = 0
    events: int = 0


def ingest_through(server: ServerInfo, items: Iterable[RawItem], *, coder: str, date: str | None,
                   token: str | None, on_result: Callable[[dict[str, Any]], None]) -> RemoteTally:
    """Send raw items to POST /v1/documents in batches; the server codes and stores them as
    ``ingest`` would (dedup by content hash). on_result: called with each document's result
    (id, status, reason). A document too large for one request is an error, and the rest go on.
    Raises ServerError when the server refuses a whole request (a missing token)."""
    tally = RemoteTally()
    for batch in _batches(items, date, tally, on_result):
        body, _headers = request(server, "/v1/documents", body={"documents": batch, "coder": coder}, token=token)
        for result in json.loads(body)["results"]:
            status = result.get("status")
            tally.stored += status == STORED
            tally.duplicates += status == DUPLICATE
            tally.skipped += status == SKIPPED
            tally.errors += status == ERROR
            tally.events += int(result.get("events") or 0)
            on_result(result)
    return tally


def _batches(items: Iterable[RawItem], date: str | None, tally: RemoteTally,
             on_result: Callable[[dict[str, Any]], None]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    size = 0
    for item in items:
        if len(item.id) > FIELD_CHARS["id"]:
            tally.errors += 1
            on_result({"id": item.id[:80] + "…", "status": ERROR,
                       "reason": f"an id over {FIELD_CHARS['id']} characters cannot be sent to the server"})
            continue
        document = _document(item, date)
        length = len(json.dumps(document, ensure_ascii=False).encode("utf-8"))
        if length > POST_BYTES:
            tally.errors += 1
            on_result({"id": item.id, "status": ERROR, "reason": "too large to send to the server in one request "
                       f"({length:,} bytes of JSON, over {POST_BYTES:,})"})
            continue
        if batch and (len(batch) == DOCUMENTS_PER_POST or size + length > POST_BYTES):
            yield batch
            batch, size = [], 0
        batch.append(document)
        size += length
    if batch:
        yield batch


def _document(item: RawItem, date: str | None) -> dict[str, Any]:
    """The POST body's record for one item. What the API would refuse with a 422 for the
    whole request is left out: a URL or date over its length; a long title is shortened."""
    kind = item.kind if item.kind in ("html", "text") else ("html" if looks_like_html(item.content) else "text")
    document: dict[str, Any] = {"id": item.id, kind: item.content}
    for name, value in (("date", item.date or date), ("url", item.url), ("title", item.title)):
        if value and (name == "title" or len(value) <= FIELD_CHARS[name]):
            document[name] = value[:FIELD_CHARS[name]]
    return document
