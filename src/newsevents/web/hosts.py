"""Trusted hosts: answer only requests whose Host header names the server (issue 18).

A page on any web site can make a browser send requests to a server on localhost, under a
host name the attacker's DNS points at 127.0.0.1 (DNS rebinding); the browser then treats
the answers as the attacker's own. Such requests carry the attacker's name in Host, so a
server that answers only the names it was bound for (plus those the user adds) cannot be
reached that way: without a token it would otherwise store documents and fetch URLs for any
web page.
"""
from __future__ import annotations

import json
from collections.abc import Iterable

from .errors import error_body
from .limits import ASGIApp, Receive, Scope, Send, _send_json

LOCAL_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
# Bound to every address: the names it is reached by are unknown, so any is accepted unless
# the user lists them.
WILDCARD_ADDRESSES = frozenset({"0.0.0.0", "::", ""})
MISDIRECTED = 421


def trusted_hosts(bound: str, extra: Iterable[str] = ()) -> frozenset[str] | None:
    """The host names a server bound to ``bound`` answers: the loopback names for a loopback
    address, else the address itself; plus ``extra``. None (any host) for a wildcard
    address with no extra names."""
    names = {name.strip().lower().strip("[]") for name in extra if name.strip()}
    bound = bound.strip().lower().strip("[]")
    if bound in WILDCARD_ADDRESSES:
        return frozenset(names) or None
    names |= LOCAL_NAMES if bound in LOCAL_NAMES else {bound}
    return frozenset(names)


def host_name(header: bytes) -> str:
    """The name of a Host header, without port or IPv6 brackets, in lower case."""
    value = header.decode("latin-1").strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class TrustedHosts:
    """Answer 421 (Misdirected Request) to a request whose Host is not a trusted name, before
    its body is read."""

    def __init__(self, app: ASGIApp, *, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            header = dict(scope.get("headers") or []).get(b"host", b"")
            if host_name(header) not in self.hosts:
                message = "this server does not answer for that host name (add it with serve --allow-host)"
                await _send_json(send, MISDIRECTED, json.dumps(error_body(MISDIRECTED, message)).encode())
                return
        await self.app(scope, receive, send)
