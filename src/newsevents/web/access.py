"""Write access checked on the headers, before a request body is read (issue 18). The body's
own deadline is the body limit's (``limits.BodyLimit``).

The body limit reads a request's body (up to 2 MB) before any endpoint runs; the token was
checked in the endpoint, after it. 200 clients without a token, each sending 2 MB, raised the
server's memory by 400 MB, never given back. Here the write routes refuse such requests from
their headers alone.
"""
from __future__ import annotations

import json
from collections.abc import Callable

from .errors import ApiError, error_body
from .limits import ASGIApp, Receive, Scope, Send, _send_json

# Routes that write (and so need the token): (method, path).
WRITE_ROUTES = frozenset({("POST", "/v1/documents")})


class WriteAccess:
    """Answer a write route's request with the error ``check`` raises (401, 403) before its
    body is read. check: called with the Authorization header (None when absent)."""

    def __init__(self, app: ASGIApp, *, check: Callable[[str | None], None]) -> None:
        self.app = app
        self.check = check

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and (scope.get("method"), scope.get("path")) in WRITE_ROUTES:
            header = dict(scope.get("headers") or []).get(b"authorization")
            try:
                self.check(None if header is None else header.decode("latin-1"))
            except ApiError as err:
                await _send_json(send, err.status, json.dumps(error_body(err.status, err.message)).encode())
                return
        await self.app(scope, receive, send)
