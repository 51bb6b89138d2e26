"""One owner of the store: a running server announces itself beside the store, and the CLI,
finding the store held, goes through the server's API instead of failing.

DuckDB lets one process open a file for writing, and then no other process may open it at
all. ``serve`` holds its store for as long as it runs, so ``query``, ``export`` and
``ingest`` on it used to fail with "in use by another process". Now ``serve`` writes
``<store>.server.json`` (host, port, pid; never the token) while it runs, and those commands
read it when the store is held. A file whose process is gone is stale and ignored.
"""
from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .. import __version__
from ..store import _alive

SUFFIX = ".server.json"
# Seconds a CLI request to the local server may take: an export of a large store, or the
# coding of a batch of 100 documents, takes a while.
CLIENT_TIMEOUT = 600.0
CHUNK_BYTES = 256 * 1024
# Addresses a server listening on every interface is reached at from this machine.
_ANY = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}
# The CLI talks to its own machine: a proxy from the environment must not see the requests.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class ServerError(Exception):
    """A request to the store's server failed; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class ServerInfo:
    """A running server that holds a store."""

    url: str
    pid: int
    token_required: bool

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "pid": self.pid, "token_required": self.token_required}


def discovery_path(db: Path) -> Path:
    """Where a server holding ``db`` announces itself: ``<db>.server.json`` beside it."""
    return db.with_name(db.name + SUFFIX)


def announce(db: Path, host: str, port: int, *, token_required: bool) -> Path:
    """Write the discovery file for this process's server on ``db``; returns its path.
    It is written whole under another name first, so a reader never sees half of it."""
    host = _ANY.get(host, host)
    netloc = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    record = {"url": f"http://{netloc}", "host": host, "port": port, "pid": os.getpid(), "version": __version__,
              "token_required": token_required}
    path = discovery_path(db)
    temp = path.with_name(f".{path.name}.{os.getpid()}")
    temp.write_text(json.dumps(record) + "\n", encoding="utf-8")
    os.replace(temp, path)
    return path


def withdraw(path: Path) -> None:
    """Remove this process's discovery file (not another server's that replaced it)."""
    try:
        if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
            path.unlink()
    except (OSError, ValueError, AttributeError):
        pass


def find_server(db: Path) -> ServerInfo | None:
    """The live server announced beside ``db``, or None (no file, a damaged one, or a stale
    one whose process is gone)."""
    try:
        record = json.loads(discovery_path(db).read_text(encoding="utf-8"))
        info = ServerInfo(str(record["url"]), int(record["pid"]), bool(record.get("token_required")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if info.pid <= 0 or not _alive(info.pid) or not info.url.startswith("http://"):
        return None
    return info


def request(server: ServerInfo, path: str, *, params: dict[str, Any] | None = None, body: Any = None,
            token: str | None = None, sink: BinaryIO | None = None) -> tuple[bytes, dict[str, str]]:
    """Send a GET (or, with ``body``, a JSON POST) to the server; returns the body and the
    headers of a 2xx answer (with ``sink``, the body is written there instead, in chunks, and
    b"" returned). Raises ServerError with a one-line reason for anything else."""
    query = urllib.parse.urlencode({k: v for k, v in (params or {}).items() if v is not None})
    url = f"{server.url}{path}{'?' + query if query else ''}"
    headers = {"Accept": "application/json, text/*", "User-Agent": f"newsevents/{__version__} (CLI)"}
    data = None
    if body is not None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        with _OPENER.open(urllib.request.Request(url, data=data, headers=headers), timeout=CLIENT_TIMEOUT) as answer:
            if sink is None:
                return answer.read(), dict(answer.headers)
            while chunk := answer.read(CHUNK_BYTES):
                sink.write(chunk)
            return b"", dict(answer.headers)
    except urllib.error.HTTPError as err:
        raise ServerError(_refusal(server, err, token)) from err
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise ServerError(f"the server at {server.url} (PID {server.pid}) holds the store but does not answer "
                          f"({reason}); wait for it, or stop it") from err


def _refusal(server: ServerInfo, err: urllib.error.HTTPError, token: str | None) -> str:
    if err.code == 401:
        return (f"the server at {server.url} needs a token for this: pass --token or set NEWSEVENTS_TOKEN"
                if not token else f"the server at {server.url} refused the token (401); check --token or NEWSEVENTS_TOKEN")
    try:
        body = json.loads(err.read() or b"{}")
        message = body["error"]["message"]  # the shape of every error (errors.error_body)
    except (ValueError, KeyError, TypeError):
        message = str(err.reason)
    return f"the server at {server.url} answered {err.code}: {' '.join(str(message).split())[:300]}"
