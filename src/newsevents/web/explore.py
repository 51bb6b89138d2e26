"""Routes over the event database: browse and filter events, one event with its evidence,
timeline and dyad statistics, and storing new documents. Every value is a bound parameter."""
from __future__ import annotations

import datetime as dt
import io
import logging
import threading
from collections import Counter
from collections.abc import Callable
from http import HTTPStatus
from typing import Annotated, Any

import duckdb
from fastapi import FastAPI, Header, Path, Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from ..batch.coding import Coded, code_documents, extract_document
from ..events.joint import JointMode
from ..errors import DamagedStoreError
from ..events.hybrid import Coder
from ..export import write_csv
from ..ingest.sources import RawItem, web_link
from ..model import Document, Failure, news_events
from ..query import (JSON_COLUMNS, MAX_LIMIT, RESULT_COLUMNS, SORT_PATTERN, EventFilter, build_query, csv_row,
                     query_events)
from ..settings import DEFAULT_LANGUAGES
from ..store import read_attributes
from .errors import BadRequest, InsufficientStorage, NotFound, Unavailable, error_responses
from .explore_page import PARQUET_MEDIA_TYPE, install_page_routes, parquet_response

# Paging: the default page and the largest one a client may ask for.
PAGE_DEFAULT = 50
PAGE_MAX = 1000
DYADS_DEFAULT = 20
MAX_DOCUMENTS_PER_POST = 100
CODE_PATTERN = r"^[A-Za-z0-9]{1,12}$"
CAMEO_PATTERN = r"^[0-9]{1,4}$"
# How DuckDB (through the OS) says the disk is full.
DISK_FULL = "No space left on device"

logger = logging.getLogger("newsevents.web")


class StoredDocument(BaseModel):
    """A document to code and store."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, max_length=512)
    text: str | None = None
    html: str | None = None
    date: str | None = Field(default=None, max_length=32)
    url: str | None = Field(default=None, max_length=2048)
    title: str | None = Field(default=None, max_length=1024)


class DocumentsRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    documents: list[StoredDocument] = Field(min_length=1, max_length=MAX_DOCUMENTS_PER_POST)
    coder: Coder | None = Field(default=None, description="hybrid, rules or model (default: the server's --coder)")
    joint: JointMode | None = Field(default=None, description="pairs or single (default: the server's --joint)")


class Database:
    """One connection to the store for the app; reads use their own cursors, writes one lock."""

    def __init__(self, path: str) -> None:
        from ..store import StoreWriter, connect

        self.path = path
        self.con = connect(path)
        self.writer = StoreWriter(self.con.cursor())
        self.write_lock = threading.Lock()

    def cursor(self) -> Any:
        return self.con.cursor()

    def close(self) -> None:
        self.con.close()


def _filters(actor: str | None, source: str | None, target: str | None, code: str | None, root: str | None,
             quad: int | None, since: str | None, until: str | None, country: str | None, text: str | None,
             include_background: bool = False) -> EventFilter:
    for name, value in (("since", since), ("until", until)):
        if value is not None:
            try:
                dt.date.fromisoformat(value)
            except ValueError as err:
                raise BadRequest(f"{name} must be a date, YYYY-MM-DD") from err
    return EventFilter(actor=actor, source=source, target=target, code=code, root=root, quad=quad,
                       since=since, until=until, country=country, text=text, include_background=include_background)


# The filter parameters, shared by every route that filters events (names as in `newsevents query`).
ActorQ = Annotated[str | None, Query(pattern=CODE_PATTERN, description="source or target code or prefix")]
SourceQ = Annotated[str | None, Query(pattern=CODE_PATTERN)]
TargetQ = Annotated[str | None, Query(pattern=CODE_PATTERN)]
CodeQ = Annotated[str | None, Query(pattern=CAMEO_PATTERN, description="CAMEO code and its sub-codes")]
RootQ = Annotated[str | None, Query(pattern=r"^[0-9]{1,2}$")]
QuadQ = Annotated[int | None, Query(ge=1, le=4)]
# A day, YYYY-MM-DD; the pattern and format are declared so clients know them (a day that
# matches but does not exist, 2024-02-30, is a 400).
DateQ = Annotated[str | None, Query(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", json_schema_extra={"format": "date"})]
CountryQ = Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,3}$")]
TextQ = Annotated[str | None, Query(max_length=200)]
BackgroundQ = Annotated[bool, Query(description="also list background events (history, an actor's past; issue 17)")]
# The same filters by name, for routes that take them all (web/explore_page.py).
FILTER_PARAMS: dict[str, Any] = {"actor": ActorQ, "source": SourceQ, "target": TargetQ, "code": CodeQ, "root": RootQ,
                                 "quad": QuadQ, "since": DateQ, "until": DateQ, "country": CountryQ, "text": TextQ}


def install_explore_routes(app: FastAPI, state: Any,
                           check_write_access: Callable[[Any, str | None], None]) -> Callable[[], None]:
    """Add the database routes to ``app``; they answer 503 when the server has no database.
    Returns the function that closes the store, for when the server stops."""
    database: list[Database] = []
    # The store is opened by the first request that needs it. Two first requests at once (the
    # endpoints run in a thread pool) both created the file and its tables, and one got a 503
    # (a catalog write-write conflict; issue 13's fault tests found it): one opens, the others wait.
    opening = threading.Lock()

    def close() -> None:
        with opening:
            while database:
                database.pop().close()

    def db() -> Database:
        if state.db_path is None:
            raise Unavailable("this server has no database: start it with --db FILE")
        with opening:
            if not database:
                try:
                    database.append(Database(state.db_path))
                except DamagedStoreError as err:
                    raise Unavailable("the database file is damaged (cut short); restore it from a backup") from err
                except (duckdb.Error, OSError) as err:
                    # Another process (an ingest) holds the file, or it is not a DuckDB file: a
                    # clear 503, not an internal error (issue 8). DuckDB's message names server
                    # paths, so it is not passed on.
                    raise Unavailable("the database cannot be opened: another process (an ingest) may hold it; "
                                      "try again later") from err
            return database[0]

    state.open_database = db  # the store for the monitor routes too (issue 16): one connection, one opening
    # format=csv answers text/csv, format=parquet a Parquet file: declared, so the schema lists
    # every type the route returns.
    @app.get("/v1/events", responses={200: {"content": {"text/csv": {}, PARQUET_MEDIA_TYPE: {}}},
                                      **error_responses(400, 422, 503)})
    def events(actor: ActorQ = None, source: SourceQ = None, target: TargetQ = None, code: CodeQ = None,
               root: RootQ = None, quad: QuadQ = None, since: DateQ = None, until: DateQ = None,
               country: CountryQ = None, text: TextQ = None, include_background: BackgroundQ = False,
               limit: Annotated[int, Query(ge=1, le=PAGE_MAX)] = PAGE_DEFAULT,
               offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
               format: Annotated[str, Query(pattern="^(json|csv|parquet)$")] = "json",  # noqa: A002
               sort: Annotated[str | None, Query(pattern=SORT_PATTERN, description="a column, - first for "
                                                 "descending (default: newest first)")] = None) -> Any:
        """Events matching the filters, newest first or by sort, paged with limit/offset; json,
        csv or parquet."""
        filters = _filters(actor, source, target, code, root, quad, since, until, country, text, include_background)
        if format == "parquet":
            return parquet_response(db().cursor(), filters, limit, offset, sort)
        rows = query_events(db().cursor(), filters, limit, offset, sort=sort)
        if format == "csv":
            out = io.StringIO()
            write_csv(out, RESULT_COLUMNS, (csv_row(row) for row in rows))
            return Response(out.getvalue(), media_type="text/csv")
        next_offset = offset + len(rows) if len(rows) == limit else None
        return {"events": rows, "offset": offset, "limit": limit, "next_offset": next_offset}

    @app.get("/v1/events/{event_id}", responses=error_responses(404, 422, 503))
    def event(event_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
        """One event with all its mentions: each evidence sentence and the article it came from."""
        cursor = db().cursor()
        columns = ", ".join(RESULT_COLUMNS)
        row = cursor.execute(f"SELECT {columns} FROM events WHERE event_id = ?", [event_id]).fetchone()
        if row is None:
            raise NotFound(f"no event {event_id!r}")
        record = {name: read_attributes(value) if name in JSON_COLUMNS else _plain(value)
                  for name, value in zip(RESULT_COLUMNS, row)}
        mentions = cursor.execute(
            "SELECT m.doc_id, m.sentence_index, m.sentence, m.trigger, m.rule, m.confidence, d.url, d.title, d.pub_date "
            "FROM mentions m JOIN documents d USING (doc_hash) WHERE m.event_id = ? ORDER BY m.doc_id, m.sentence_index",
            [event_id]).fetchall()
        names = ("doc_id", "sentence_index", "sentence", "trigger", "rule", "confidence", "url", "title", "published")
        record["mentions"] = [{n: _plain(v) for n, v in zip(names, m)} for m in mentions]
        for mention in record["mentions"]:
            mention["link"] = web_link(mention["url"])  # the only URL a page may put in an href
        return record

    def _filtered(filters: EventFilter) -> tuple[str, list[Any]]:
        sql, params = build_query(filters, MAX_LIMIT, 0)
        return sql, params

    @app.get("/v1/stats/timeline", responses=error_responses(400, 422, 503))
    def timeline(actor: ActorQ = None, source: SourceQ = None, target: TargetQ = None, code: CodeQ = None,
                 root: RootQ = None, quad: QuadQ = None, since: DateQ = None, until: DateQ = None,
                 country: CountryQ = None, text: TextQ = None, include_background: BackgroundQ = False) -> dict[str, Any]:
        """Events per day split by QuadClass, with the day's mean Goldstein value."""
        sql, params = _filtered(_filters(actor, source, target, code, root, quad, since, until, country, text,
                                         include_background))
        rows = db().cursor().execute(
            f"SELECT date, quad_class, count(*), avg(goldstein) FROM ({sql}) WHERE date IS NOT NULL "
            "GROUP BY date, quad_class ORDER BY date", params).fetchall()
        days: dict[str, dict[str, Any]] = {}
        for day, quad_class, count, _mean in rows:
            entry = days.setdefault(day.isoformat(), {"date": day.isoformat(), "quad1": 0, "quad2": 0, "quad3": 0, "quad4": 0, "total": 0})
            entry[f"quad{quad_class}"] = count
            entry["total"] += count
        means = db().cursor().execute(
            f"SELECT date, avg(goldstein) FROM ({sql}) WHERE date IS NOT NULL GROUP BY date", params).fetchall()
        for day, mean in means:
            days[day.isoformat()]["goldstein"] = None if mean is None else round(mean, 2)
        return {"days": list(days.values())}

    @app.get("/v1/stats/dyads", responses=error_responses(400, 422, 503))
    def dyads(actor: ActorQ = None, source: SourceQ = None, target: TargetQ = None, code: CodeQ = None,
              root: RootQ = None, quad: QuadQ = None, since: DateQ = None, until: DateQ = None,
              country: CountryQ = None, text: TextQ = None, include_background: BackgroundQ = False,
              limit: Annotated[int, Query(ge=1, le=PAGE_MAX)] = DYADS_DEFAULT) -> dict[str, Any]:
        """The most frequent source→target pairs, with counts, mean Goldstein and their most
        frequent QuadClass."""
        sql, params = _filtered(_filters(actor, source, target, code, root, quad, since, until, country, text,
                                         include_background))
        rows = db().cursor().execute(
            f"SELECT source_code, target_code, count(*) AS n, avg(goldstein), mode(quad_class) FROM ({sql}) "
            "WHERE source_code IS NOT NULL AND target_code IS NOT NULL "
            "GROUP BY source_code, target_code ORDER BY n DESC, source_code, target_code LIMIT ?",
            params + [limit]).fetchall()
        return {"dyads": [{"source": s, "target": t, "count": n, "goldstein": None if g is None else round(g, 2),
                           "quad_class": quad} for s, t, n, g, quad in rows]}

    install_page_routes(app, lambda: db().cursor(), lambda **p: _filters(**p), FILTER_PARAMS)

    @app.post("/v1/documents", responses={207: {"description": "Multi-Status: some documents failed; each "
                                                "result says which and why"},
                                          **error_responses(401, 403, 408, 413, 415, 422, 503, 507)})
    def store_documents(request: DocumentsRequest, authorization: Annotated[str | None, Header()] = None) -> Any:
        """Code and store documents. Needs the bearer token when the server has one.

        Each document gets its own result: stored, duplicate (already stored), skipped
        (another language) or error with the reason. One failing document never fails the
        others: the answer is 200 when none failed, 207 (Multi-Status) when some did (issue
        18). A store that cannot be written (a full disk) ends the request with 507 or 503,
        saying what was kept (issue 13).
        """
        check_write_access(state, authorization)
        database_ = db()
        coder = request.coder.value if request.coder else None
        joint = request.joint.value if request.joint else None
        results: list[dict[str, Any]] = []
        with database_.write_lock:
            try:
                run_id = database_.writer.start_run([d.id for d in request.documents], {"via": "api"})
                first_positions: dict[str, int] = {}
                for position, item in enumerate(request.documents, start=1):
                    # A repeated id is refused, as on a JSONL line: both used to be stored (issue 13).
                    first = first_positions.setdefault(item.id, position)
                    repeated = None if first == position else Failure(
                        item.id, f"duplicate id {item.id!r} (first at position {first}); ids must be unique "
                        "in a request, as in a JSONL file")
                    results.append(_store_one(state, database_, item, run_id, coder=coder, joint=joint,
                                              failure=repeated))
                counts = Counter(result["status"] for result in results)
                database_.writer.finish_run(run_id, stored=counts[STORED], skipped=counts[DUPLICATE],
                                            errors=counts[ERROR])
            except (duckdb.Error, OSError) as err:
                raise _write_failed("POST /v1/documents", err, results, len(request.documents)) from err
        return JSONResponse({"run_id": run_id, "results": results},
                            status_code=MULTI_STATUS if counts[ERROR] else HTTPStatus.OK)

    return close


def _write_failed(route: str, err: Exception, results: list[dict[str, Any]], total: int) -> Exception:
    """The error for a store that failed mid-request (a full disk): the document being written
    was rolled back, everything committed before is kept, and the client is told so. It was
    an internal error with a traceback in the log (issue 13). DuckDB's message names server
    paths: it goes to the log, not to the client."""
    logger.warning("%s: cannot write the database (%s)", route, " ".join(str(err).split()))
    stored = sum(1 for result in results if result["status"] == "stored")
    kept = (f"the documents stored before are kept ({stored} of these {total} among them); post again once there "
            "is room (stored documents are skipped as duplicates)")
    if DISK_FULL in str(err):
        return InsufficientStorage(f"cannot write the database: the disk is full; {kept}")
    return Unavailable(f"cannot write the database; {kept}")


STORED, DUPLICATE, SKIPPED, ERROR = "stored", "duplicate", "skipped", "error"
MULTI_STATUS = HTTPStatus.MULTI_STATUS


def _store_one(state: Any, database: Database, item: StoredDocument, run_id: str, *, coder: str | None = None,
               joint: str | None = None,
               failure: Failure | None = None) -> dict[str, Any]:
    """Extract, code (with ``coder``) and store one document of a POST. A document that fails
    (``failure``, or in extraction or coding) is its result, recorded in the errors table, and
    never an exception that fails the whole batch; another language is ``skipped``. A store
    that cannot be written raises (the request then says what was kept)."""
    outcome: Document | Coded | Failure
    if failure is not None:
        outcome = failure
    elif (item.text is None) == (item.html is None):
        outcome = Failure(item.id, "each document needs exactly one of text or html")
    else:
        kind, content = ("html", item.html) if item.html is not None else ("text", item.text)
        raw = RawItem(item.id, content or "", kind, id=item.id, url=item.url, date=item.date, title=item.title)
        outcome = extract_document(raw, date=None, languages=DEFAULT_LANGUAGES)
    if isinstance(outcome, Document):
        with state.lock:
            (outcome,) = code_documents(state.pipeline, [(item.id, outcome)], coder=coder, joint=joint)
    if isinstance(outcome, Coded):
        if not database.writer.write_document(outcome.document, outcome.events, run_id):
            return {"id": item.id, "status": DUPLICATE}
        return {"id": item.id, "status": STORED, "events": len(news_events(outcome.events))}
    if outcome.skipped:
        return {"id": item.id, "status": SKIPPED, "reason": str(outcome)}
    database.writer.record_error(run_id, item.id, outcome.reason)
    return {"id": item.id, "status": ERROR, "reason": outcome.reason}


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value
