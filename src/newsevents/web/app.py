"""The FastAPI app: code an article on request, and (with a database) explore stored events."""
from __future__ import annotations

import secrets
import threading
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Header, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field

from .. import __version__
from ..dates import normalise_date
from ..errors import InputError
from ..batch.coding import Coded, code_documents
from ..ingest import build_document
from ..ingest.sources import RawItem, fetch_url, is_url
from ..model import Document, Failure
from ..pipeline import Pipeline
from .errors import BadRequest, Forbidden, Unauthorized, Unprocessable, error_responses, install_error_handlers
from .access import BodyDeadline, WriteAccess
from .hosts import TrustedHosts
from .limits import BodyLimit, JsonBodies

# A news article is a few hundred kilobytes of HTML at most; anything larger is refused.
MAX_BODY_BYTES = 2 * 1024 * 1024
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
STATIC = files("newsevents") / "web" / "static"


class CodeRequest(BaseModel):
    """An article to code: exactly one of text, html or url, and optionally its date."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(default=None, max_length=MAX_BODY_BYTES)
    html: str | None = Field(default=None, max_length=MAX_BODY_BYTES)
    url: str | None = Field(default=None, max_length=2048)
    date: str | None = Field(default=None, max_length=32, description="Publication date, YYYY-MM-DD")


class AppState:
    """What the endpoints share: the loaded pipeline (one at a time), settings, the store."""

    def __init__(self, *, pipeline: Pipeline, db_path: str | None, token: str | None, host: str) -> None:
        self.pipeline = pipeline
        self.lock = threading.Lock()
        self.db_path = db_path
        self.token = token
        self.host = host


def _document_for(request: CodeRequest) -> Any:
    given = [name for name in ("text", "html", "url") if getattr(request, name)]
    if len(given) != 1:
        raise BadRequest("give exactly one of text, html or url")
    date = None
    if request.date:
        date = normalise_date(request.date)
        if date is None:
            raise BadRequest(f"invalid date {request.date!r}: use YYYY-MM-DD")
    try:
        if request.url:
            if not is_url(request.url):
                raise BadRequest("url must start with http:// or https://")
            from ..ingest.decode import decode_bytes

            body, content_type, final_url = fetch_url(request.url)
            raw = RawItem(request.url, decode_bytes(body), "html" if content_type == "text/html" else "auto",
                          id=request.url, url=final_url)
        elif request.html:
            raw = RawItem("request", request.html, "html", id="request")
        else:
            raw = RawItem("request", request.text or "", "text", id="request")
        return build_document(raw, date=date)
    except InputError as err:
        raise BadRequest(str(err)) from err


def code_one(state: AppState, document: Document) -> Coded:
    """Code one document on the shared pipeline, holding it for no longer than the document
    time budget; a document that fails or runs over is a 422 with the reason (issue 18)."""
    with state.lock:
        (outcome,) = code_documents(state.pipeline, [(document.id, document)])
    if isinstance(outcome, Failure):
        raise Unprocessable(outcome.reason)
    return outcome


def token_matches(authorization: str | None, token: str) -> bool:
    """Whether an Authorization header carries ``Bearer <token>``, compared in constant time.

    The header arrives as Latin-1 text (HTTP's own decoding); its bytes are compared with the
    token's UTF-8 bytes, so any UTF-8 token works and a header with any bytes is a plain
    mismatch: compare_digest refuses non-ASCII text, which made such writes a 500 (issue 18).
    """
    scheme, _, given = (authorization or "").partition(" ")
    return scheme.lower() == "bearer" and secrets.compare_digest(given.strip().encode("latin-1"), token.encode("utf-8"))


def check_write_access(state: AppState, authorization: str | None) -> None:
    """Writes need the bearer token when one is set, and are refused outright on a server
    that listens beyond localhost without one."""
    if state.token:
        if not token_matches(authorization, state.token):
            raise Unauthorized("this endpoint needs Authorization: Bearer <token>")
    elif state.host not in LOCAL_HOSTS:
        raise Forbidden("writes are disabled: the server listens beyond localhost without --token")


def create_app(*, db_path: str | Path | None = None, token: str | None = None, host: str = "127.0.0.1",
               pipeline: Pipeline | None = None, trusted_hosts: frozenset[str] | None = None) -> FastAPI:
    """Build the app.

    db_path: the DuckDB file to explore and write to (None: coding only).
    token: bearer token for write endpoints. host: where the server listens (for the
    write rule). pipeline: a loaded Pipeline to share (default: a new one).
    trusted_hosts: the only Host names answered (``hosts.trusted_hosts``; None: any), as
    ``serve`` sets them against DNS rebinding (issue 18).
    """
    app = FastAPI(title="newsevents", version=__version__,
                  description="Code news into CAMEO/PLOVER events and explore an event database.")
    state = AppState(pipeline=pipeline or Pipeline(), db_path=str(db_path) if db_path else None, token=token, host=host)
    app.state.newsevents = state
    install_error_handlers(app)

    @app.get("/v1/health")
    def health() -> dict[str, Any]:
        """Liveness and what this server can do."""
        return {"status": "ok", "version": __version__, "database": state.db_path is not None}

    @app.post("/v1/code", responses=error_responses(400, 413, 415, 422))
    def code(request: CodeRequest) -> dict[str, Any]:
        """Code one article and return its document, actor mentions and events. Stores nothing."""
        document = _document_for(request)
        coded = code_one(state, document)
        return {"document": coded.document.to_dict(with_sentences=True),
                "mentions": [m.to_dict() for m in coded.mentions],
                "events": [e.to_dict(explain=True) for e in coded.events]}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> str:
        return (STATIC / "index.html").read_text(encoding="utf-8")

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    from .explore import install_explore_routes

    install_explore_routes(app, state, check_write_access)
    app.add_middleware(JsonBodies)
    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES)
    app.add_middleware(BodyDeadline)
    app.add_middleware(WriteAccess, check=lambda authorization: check_write_access(state, authorization))
    if trusted_hosts is not None:
        app.add_middleware(TrustedHosts, hosts=trusted_hosts)  # added last: runs first
    return app
