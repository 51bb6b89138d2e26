"""The FastAPI app: code an article on request, and (with a database) explore stored events."""
from __future__ import annotations

import asyncio
import contextlib
import secrets
import threading
from collections.abc import AsyncIterator, Callable
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Header
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field

from .. import __version__
from ..batch.coding import Coded, code_documents
from ..events.joint import JointMode
from ..dates import parse_iso_day
from ..errors import Errors, InputError
from ..events.hybrid import Coder
from ..ingest import build_document
from ..ingest.sources import RawItem, is_url
from ..model import Document, Failure, news_events
from ..pipeline import Pipeline
from .access import WriteAccess
from .errors import (BadRequest, Forbidden, Unauthorized, Unprocessable, error_responses, input_reason,
                     install_error_handlers)
from .fetch import AddressPolicy, fetch_public_url, is_public_address
from .hosts import TrustedHosts
from .limits import BodyLimit, JsonBodies

# A news article is a few hundred kilobytes of HTML at most; anything larger is refused.
MAX_BODY_BYTES = 2 * 1024 * 1024
# A request body must arrive within this many seconds (2 MB takes well under a second on any
# link a client would code news over); a slower body is cut off with 408 (issue 13).
BODY_TIMEOUT_SECONDS = 30.0
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
STATIC = files("newsevents") / "web" / "static"


class CodeRequest(BaseModel):
    """An article to code: exactly one of text, html or url, and optionally its date."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(default=None, max_length=MAX_BODY_BYTES)
    html: str | None = Field(default=None, max_length=MAX_BODY_BYTES)
    url: str | None = Field(default=None, max_length=2048)
    date: str | None = Field(default=None, max_length=32, description="Publication date, YYYY-MM-DD")
    coder: Coder | None = Field(default=None, description="hybrid, rules or model (default: the server's --coder)")
    include_background: bool = Field(default=False, description="Also return background events (history, an actor's past; issue 17)")
    joint: JointMode | None = Field(default=None, description="pairs or single (default: the server's --joint)")


class AppState:
    """What the endpoints share: the loaded pipeline (one at a time), settings, the store."""

    def __init__(self, *, pipeline: Pipeline, db_path: str | None, token: str | None, host: str,
                 allow_fetch: bool = False, fetch_policy: AddressPolicy = is_public_address) -> None:
        self.pipeline = pipeline
        self.lock = threading.Lock()
        self.db_path = db_path
        self.token = token
        self.host = host
        self.allow_fetch = allow_fetch
        self.fetch_policy = fetch_policy
        # The store's opener, set by install_explore_routes and shared with the monitor routes.
        self.open_database: Callable[[], Any] | None = None


def _document_for(request: CodeRequest, state: AppState, authorization: str | None) -> Any:
    given = [name for name in ("text", "html", "url") if getattr(request, name)]
    if len(given) != 1:
        raise BadRequest("give exactly one of text, html or url")
    date = None
    if request.date:
        # ISO only, as on the command line: "yesterday" was read as the server's yesterday (issue 13).
        date = parse_iso_day(request.date)
        if date is None:
            raise BadRequest(Errors.NE003.format(value=request.date))
    try:
        if request.url:
            if not is_url(request.url):
                raise BadRequest("url must start with http:// or https://")
            # Fetching lets a client make the server open connections: off unless the operator
            # turns it on, and then behind the token (issue 13).
            if not state.allow_fetch:
                raise Forbidden("this server does not fetch URLs (start it with --allow-fetch); send the page as html")
            check_token(state, authorization)
            from ..ingest.decode import decode_bytes

            body, content_type, final_url = fetch_public_url(request.url, policy=state.fetch_policy)
            raw = RawItem(request.url, decode_bytes(body), "html" if content_type == "text/html" else "auto",
                          id=request.url, url=final_url)
        elif request.html:
            raw = RawItem("request", request.html, "html", id="request")
        else:
            raw = RawItem("request", request.text or "", "text", id="request")
        return build_document(raw, date=date)
    except InputError as err:
        raise BadRequest(input_reason(err)) from err


def check_token(state: AppState, authorization: str | None) -> None:
    """When the server has a token, the request must carry it as a bearer token."""
    if state.token and not token_matches(authorization, state.token):
        raise Unauthorized("this endpoint needs Authorization: Bearer <token>")


def code_one(state: AppState, document: Document, coder: str | None = None, joint: str | None = None) -> Coded:
    """Code one document on the shared pipeline with ``coder`` (default: the server's), holding
    it for no longer than the document time budget; a document that fails or runs over is a
    422 with the reason (issue 18)."""
    with state.lock:
        (outcome,) = code_documents(state.pipeline, [(document.id, document)], coder=coder, joint=joint)
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
    check_token(state, authorization)
    if not state.token and state.host not in LOCAL_HOSTS:
        raise Forbidden("writes are disabled: the server listens beyond localhost without --token")


def create_app(*, db_path: str | Path | None = None, token: str | None = None, host: str = "127.0.0.1",
               pipeline: Pipeline | None = None, allow_fetch: bool = False,
               fetch_policy: AddressPolicy = is_public_address,
               trusted_hosts: frozenset[str] | None = None) -> FastAPI:
    """Build the app.

    db_path: the DuckDB file to explore and write to (None: coding only).
    token: bearer token for write endpoints (and for fetching). host: where the server
    listens (for the write rule). pipeline: a loaded Pipeline to share (default: a new one).
    allow_fetch: let POST /v1/code fetch a url (public addresses only).
    fetch_policy: which resolved addresses a fetch may connect to; tests only (the default
    refuses every address that is not public).
    trusted_hosts: the only Host names answered (``hosts.trusted_hosts``; None: any), as
    ``serve`` sets them against DNS rebinding (issue 18).
    """
    closers: list[Callable[[], None]] = []

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Models load before the server accepts connections: loaded by the first request to
        # code, they made it take 10-20 s, past a client's usual timeout (a schemathesis run
        # against `serve` timed out on it, issue 13), and a bad model failed only then.
        await asyncio.to_thread(state.pipeline.load)
        yield
        # The store is closed when the server stops, so the file is whole and free for the
        # next process at once (the connection used to live on until the process ended).
        for close in closers:
            close()

    # No /docs or /redoc: FastAPI's pages load Swagger UI and ReDoc from a CDN, so they were
    # blank offline, and no installed package ships those scripts (issue 13). The schema is
    # at /openapi.json for any client.
    app = FastAPI(title="newsevents", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Code news into CAMEO/PLOVER events and explore an event database.")
    state = AppState(pipeline=pipeline or Pipeline(), db_path=str(db_path) if db_path else None, token=token, host=host,
                     allow_fetch=allow_fetch, fetch_policy=fetch_policy)
    app.state.newsevents = state
    install_error_handlers(app)

    @app.get("/v1/health")
    def health() -> dict[str, Any]:
        """Liveness and what this server can do."""
        return {"status": "ok", "version": __version__, "database": state.db_path is not None,
                "fetch": state.allow_fetch}

    @app.post("/v1/code", responses=error_responses(400, 401, 403, 408, 413, 415, 422))
    def code(request: CodeRequest, authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        """Code one article and return its document, actor mentions and events. Stores nothing.
        A url is fetched only on a server started with --allow-fetch (with the token, if set)."""
        document = _document_for(request, state, authorization)
        coded = code_one(state, document, request.coder.value if request.coder else None,
                         request.joint.value if request.joint else None)
        return {"document": coded.document.to_dict(with_sentences=True),
                "mentions": [m.to_dict() for m in coded.mentions],
                "events": [e.to_dict(explain=True) for e in news_events(coded.events, include_background=request.include_background)],
                "warnings": coded.document.warnings}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> str:
        return (STATIC / "index.html").read_text(encoding="utf-8")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        # Browsers ask for /favicon.ico whatever the page links: answer it, not 404.
        return Response((STATIC / "favicon.svg").read_bytes(), media_type="image/svg+xml")

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    from .explore import install_explore_routes

    closers.append(install_explore_routes(app, state, check_write_access))
    from .owner_routes import install_owner_routes

    install_owner_routes(app, state)
    from .monitor_routes import install_monitor_routes

    install_monitor_routes(app, state)
    app.add_middleware(JsonBodies)
    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES, timeout=BODY_TIMEOUT_SECONDS)
    app.add_middleware(WriteAccess, check=lambda authorization: check_write_access(state, authorization))
    if trusted_hosts is not None:
        app.add_middleware(TrustedHosts, hosts=trusted_hosts)  # added last: runs first
    return app
