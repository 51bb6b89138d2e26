"""Write access checked on the headers, before a request body is read, and a deadline for
the body to arrive (issue 18).

The body limit reads a request's body (up to 2 MB) before any endpoint runs; the token was
checked in the endpoint, after it. 200 clients without a token, each sending 2 MB, raised the
server's memory by 400 MB, never given back. Here the write routes refuse such requests from
their headers alone.
"""
from __future__ import annotations

import asyncio
import json
from collections.abc import Callable

from .errors import ApiError, error_body
from .limits import ASGIApp, Message, Receive, Scope, Send, _send_json

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


# The whole request body must arrive within this many seconds: 300 connections trickling a
# byte a second were held for minutes (issue 18). A 2 MB body takes 2 s at 1 MB/s.
BODY_READ_SECONDS = 30.0
REQUEST_TIMEOUT = 408


class _BodyTimeout(Exception):
    pass


class BodyDeadline:
    """Answer 408 to a request whose body has not arrived within ``seconds``."""

    def __init__(self, app: ASGIApp, *, seconds: float | None = None) -> None:
        self.app = app
        self.seconds = BODY_READ_SECONDS if seconds is None else seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        deadline = asyncio.get_running_loop().time() + self.seconds
        body_done = False

        async def timed_receive() -> Message:
            nonlocal body_done
            if body_done:
                return await receive()  # after the body: a disconnect, waited for as ever
            left = deadline - asyncio.get_running_loop().time()
            try:
                message = await asyncio.wait_for(receive(), timeout=max(left, 0.0))
            except TimeoutError as err:
                raise _BodyTimeout from err
            body_done = message["type"] != "http.request" or not message.get("more_body", False)
            return message

        try:
            await self.app(scope, timed_receive, send)
        except _BodyTimeout:
            message = f"the request body did not arrive within {self.seconds:g} s"
            await _send_json(send, REQUEST_TIMEOUT, json.dumps(error_body(REQUEST_TIMEOUT, message)).encode())
