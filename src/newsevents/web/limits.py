"""ASGI middleware: request bodies over a size limit get 413, bodies that do not arrive in
time 408, bodies that are not JSON 415."""
from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from .errors import error_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

logger = logging.getLogger("newsevents.web")


class BodyLimit:
    """Buffer the request body up to ``max_bytes``; answer 413 past it (whether or not the
    client sent a Content-Length), so no endpoint ever sees an oversized body.

    The whole body must arrive within ``timeout`` seconds, else 408: uvicorn waits on a body
    as long as bytes keep coming, so a client trickling a byte a second held a connection
    (and, many times over, the server) for as long as it liked (issue 13). A client that
    disconnects before its body is whole is logged and its request dropped: there is no one
    to answer, and the endpoint never runs on half a body.
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int, timeout: float) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout = timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._too_large(send)
            return
        messages: list[Message] = []
        size = 0
        request = f"{scope.get('method')} {scope.get('path')}"
        deadline = asyncio.get_running_loop().time() + self.timeout
        while True:
            try:
                async with asyncio.timeout_at(deadline):
                    message = await receive()
            except TimeoutError:
                logger.warning("%s: the body did not arrive within %g s (%d bytes came); answered 408",
                               request, self.timeout, size)
                body = json.dumps(error_body(408, f"the request body did not arrive within {self.timeout:g} s"))
                await _send_json(send, 408, body.encode(), close=True)
                return
            if message["type"] == "http.disconnect":
                logger.warning("%s: the client disconnected before sending the whole body (%d bytes came); "
                               "the request was dropped", request, size)
                return
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                await self._too_large(send)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, send: Send) -> None:
        body = json.dumps(error_body(413, f"request body over {self.max_bytes} bytes")).encode()
        await _send_json(send, 413, body)


# Media types a JSON body may be declared as ("application/json", "application/ld+json").
JSON_MEDIA_TYPE = "application/json"
JSON_SUFFIX = "+json"
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


class JsonBodies:
    """Answer 415 to a request whose body is declared as anything but JSON.

    FastAPI reads a form, text/plain or undeclared body as raw bytes and then fails
    validation with "Input should be a valid dictionary", which tells the client nothing
    (issue 8). An empty body without a Content-Type is left to FastAPI ("Field required").
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("method") in BODY_METHODS:
            headers = dict(scope.get("headers") or [])
            declared = headers.get(b"content-type")
            has_body = headers.get(b"content-length", b"0") != b"0" or b"transfer-encoding" in headers
            if (declared is None and has_body) or (declared is not None and not _is_json(declared)):
                body = json.dumps(error_body(415, "send the request body as JSON (Content-Type: application/json)"))
                await _send_json(send, 415, body.encode())
                return
        await self.app(scope, receive, send)


def _is_json(content_type: bytes) -> bool:
    media_type = content_type.decode("latin-1").split(";", 1)[0].strip().lower()
    return media_type == JSON_MEDIA_TYPE or (media_type.startswith("application/") and media_type.endswith(JSON_SUFFIX))


async def _send_json(send: Send, status: int, body: bytes, *, close: bool = False) -> None:
    """Send a JSON answer; ``close`` ends the connection after it (the rest of an unread
    body must not be taken for the next request)."""
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
