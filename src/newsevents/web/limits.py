"""ASGI middleware: request bodies over a size limit get 413, bodies that are not JSON 415."""
from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from .errors import error_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BodyLimit:
    """Buffer the request body up to ``max_bytes``; answer 413 past it (whether or not the
    client sent a Content-Length), so no endpoint ever sees an oversized body."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

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
        while True:
            message = await receive()
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


async def _send_json(send: Send, status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
