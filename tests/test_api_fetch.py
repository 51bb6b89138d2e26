"""POST /v1/code with a url (issue 13): fetching is opt-in, http(s) only, public addresses
only (checked on every redirect, the checked address pinned for the connection), capped, and
behind the token when one is set.

Every request stays on this machine: pages are served on 127.0.0.1, made-up ``.test`` names
resolve through a fake resolver, and any other name fails to resolve. The allowed path uses an
injected address policy that treats 127.0.0.1 as public; the default policy refuses it.
"""
from __future__ import annotations

import http.server
import ipaddress
import socket
import time
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import newsevents.cli
from newsevents.pipeline import Pipeline
from newsevents.web.app import create_app
from newsevents.web.fetch import is_public_address

from .conftest import serve_pages

pytestmark = pytest.mark.issue(13)

ARTICLE = "Kenyan Foreign Minister Musalia Mudavadi visited Ethiopia on Wednesday. Kenya condemned Somalia."
PAGE = f"<html><body><article><p>{ARTICLE}</p><p>{ARTICLE}</p></article></body></html>".encode()
TOKEN = "fetch-token"
LOOPBACK = ipaddress.ip_address("127.0.0.1")
# Made-up names and what the fake resolver answers for them ("rebind.test" changes its answer
# after the first lookup, as a DNS-rebinding attacker's name does).
FAKE_DNS: dict[str, list[list[str]]] = {
    "loop.test": [["127.0.0.1"]],
    "loop6.test": [["::1"]],
    "mapped.test": [["::ffff:127.0.0.1"]],
    "mixed.test": [["8.8.8.8", "127.0.0.1"]],
    "inside.test": [["127.0.0.2"]],
    "rebind.test": [["127.0.0.1"], ["127.0.0.2"]],
}


def only_loopback(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """The tests' stand-in for "public": 127.0.0.1 only (so the allowed path stays local)."""
    return address == LOOPBACK


class _Handler(http.server.BaseHTTPRequestHandler):
    pages: dict[str, tuple[int, dict[str, str], bytes, float]] = {}
    hosts: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.hosts.append(self.headers.get("Host", ""))
        status, headers, body, delay = self.pages.get(self.path, (404, {}, b"not found", 0.0))
        time.sleep(delay)
        self.send_response(status)
        for name, value in {"Content-Type": "text/html", **headers}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the fetcher gave up: what the timeout test wants

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[str, int, dict[str, Any]]]:
    """A local site: (base URL, port, pages by path); ``pages["hosts"]`` lists Host headers seen."""
    handler = type("Handler", (_Handler,), {"hosts": []})
    for base, pages in serve_pages(handler, {}):
        pages["/article.html"] = (200, {}, PAGE, 0.0)
        yield base, int(base.rsplit(":", 1)[1]), {"pages": pages, "hosts": handler.hosts}


@pytest.fixture(autouse=True)
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Resolve ``.test`` names from FAKE_DNS, IP literals and localhost as usual, and nothing
    else: no test can reach beyond this machine. Counts lookups by name."""
    real = socket.getaddrinfo
    lookups: Counter[str] = Counter()

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name in FAKE_DNS:
            answers = FAKE_DNS[name][min(lookups[name], len(FAKE_DNS[name]) - 1)]
            lookups[name] += 1
            family = {4: socket.AF_INET, 6: socket.AF_INET6}
            return [(family[ipaddress.ip_address(a).version], socket.SOCK_STREAM, socket.IPPROTO_TCP, "",
                     (a, int(port or 0))) for a in answers]
        # IP literals (also the short forms "127.1" and "2130706433") and localhost resolve
        # without DNS.
        if name != "localhost" and not all(c in "0123456789abcdefABCDEF.:[]" for c in name):
            raise socket.gaierror(socket.EAI_NONAME, f"{name}: not resolved in tests")
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return lookups


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def client_for(pipeline: Pipeline, **options: Any) -> TestClient:
    return TestClient(create_app(pipeline=pipeline, **options), raise_server_exceptions=False)


def refusal(response: Any, status: int) -> str:
    """A JSON error with this status; returns its message."""
    assert response.status_code == status, (response.status_code, response.text[:300])
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status
    return str(body["error"]["message"])


def test_fetching_is_off_by_default(pipeline: Pipeline, site: tuple[str, int, dict[str, Any]]) -> None:
    """The bug: the server fetched any URL, its own /openapi.json included."""
    base, _port, seen = site
    before = len(seen["hosts"])
    message = refusal(client_for(pipeline).post("/v1/code", json={"url": f"{base}/article.html"}), 403)
    assert "--allow-fetch" in message
    assert len(seen["hosts"]) == before  # nothing was fetched


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "loop.test", "[::1]", "loop6.test", "mapped.test",
                                  "mixed.test", "[::ffff:127.0.0.1]", "127.1", "2130706433"])
def test_private_addresses_are_refused(pipeline: Pipeline, site: tuple[str, int, dict[str, Any]], host: str) -> None:
    """With --allow-fetch and the default policy: loopback by literal, by name, by IPv6 and
    IPv4-mapped IPv6, and a name with one private address among public ones."""
    _base, port, seen = site
    before = len(seen["hosts"])
    response = client_for(pipeline, allow_fetch=True).post("/v1/code", json={"url": f"http://{host}:{port}/article.html"})
    assert "not a public address" in refusal(response, 403)
    assert len(seen["hosts"]) == before


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1:70/", "http://", "http:///x",
                                 "https://user@/x"])
def test_only_http_and_https(pipeline: Pipeline, url: str) -> None:
    refusal(client_for(pipeline, allow_fetch=True).post("/v1/code", json={"url": url}), 400)


def test_allowed_address_is_fetched_with_its_name_pinned(pipeline: Pipeline, site: tuple[str, int, dict[str, Any]],
                                                         fake_dns: Counter[str]) -> None:
    """A name is resolved once, checked, and that very address is connected to with the name in
    Host: the second answer of a rebinding name (127.0.0.2, not allowed) is never asked for."""
    _base, port, seen = site
    client = client_for(pipeline, allow_fetch=True, fetch_policy=only_loopback)
    response = client.post("/v1/code", json={"url": f"http://rebind.test:{port}/article.html"})
    assert response.status_code == 200, response.text
    assert response.json()["events"]
    assert fake_dns["rebind.test"] == 1
    assert seen["hosts"][-1] == f"rebind.test:{port}"


def test_redirects_are_checked_again(pipeline: Pipeline, site: tuple[str, int, dict[str, Any]]) -> None:
    _base, port, seen = site
    pages = seen["pages"]
    pages["/to-inside"] = (302, {"Location": f"http://inside.test:{port}/article.html"}, b"", 0.0)
    pages["/to-ftp"] = (302, {"Location": "ftp://127.0.0.1/article.html"}, b"", 0.0)
    pages["/to-article"] = (301, {"Location": "/article.html"}, b"", 0.0)
    client = client_for(pipeline, allow_fetch=True, fetch_policy=only_loopback)
    assert "not a public address" in refusal(client.post("/v1/code", json={"url": f"http://127.0.0.1:{port}/to-inside"}), 403)
    assert "http" in refusal(client.post("/v1/code", json={"url": f"http://127.0.0.1:{port}/to-ftp"}), 400)
    followed = client.post("/v1/code", json={"url": f"http://127.0.0.1:{port}/to-article"})
    assert followed.status_code == 200 and followed.json()["document"]["url"] == f"http://127.0.0.1:{port}/article.html"


def test_size_and_time_caps_are_kept(pipeline: Pipeline, site: tuple[str, int, dict[str, Any]],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _base, port, seen = site
    monkeypatch.setenv("NEWSEVENTS_FETCH_TIMEOUT", "0.5")
    pages = seen["pages"]
    pages["/huge.html"] = (200, {}, b"<p>" + b"a" * (10 * 1024 * 1024) + b"</p>", 0.0)
    pages["/slow.html"] = (200, {}, PAGE, 2.0)
    client = client_for(pipeline, allow_fetch=True, fetch_policy=only_loopback)
    assert refusal(client.post("/v1/code", json={"url": f"http://127.0.0.1:{port}/huge.html"}), 400).startswith("too large")
    started = time.monotonic()
    assert refusal(client.post("/v1/code", json={"url": f"http://127.0.0.1:{port}/slow.html"}), 400).startswith("timed out")
    assert time.monotonic() - started < 1.5


def test_fetching_needs_the_token(pipeline: Pipeline, site: tuple[str, int, dict[str, Any]]) -> None:
    _base, port, _seen = site
    client = client_for(pipeline, allow_fetch=True, fetch_policy=only_loopback, token=TOKEN)
    url = {"url": f"http://127.0.0.1:{port}/article.html"}
    refusal(client.post("/v1/code", json=url), 401)
    refusal(client.post("/v1/code", json=url, headers={"Authorization": "Bearer wrong"}), 401)
    assert client.post("/v1/code", json=url, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    assert client.post("/v1/code", json={"text": ARTICLE}).status_code == 200  # coding given text needs no token


@pytest.mark.parametrize("address,public", [
    ("93.184.215.14", True), ("2606:4700::6810:85e5", True),
    ("127.0.0.1", False), ("127.255.0.9", False), ("::1", False),  # loopback
    ("10.1.2.3", False), ("172.16.0.1", False), ("192.168.1.1", False), ("fd00::1", False),  # private
    ("169.254.169.254", False), ("fe80::1", False),  # link-local: the cloud metadata address
    ("224.0.0.1", False), ("239.255.255.250", False), ("ff02::1", False),  # multicast
    ("0.0.0.0", False), ("::", False),  # unspecified
    ("100.64.0.1", False), ("192.0.2.1", False), ("240.0.0.1", False), ("255.255.255.255", False),  # shared, test, reserved
    ("::ffff:127.0.0.1", False), ("::ffff:169.254.169.254", False), ("::ffff:10.0.0.1", False),  # IPv4-mapped
    ("::ffff:93.184.215.14", True), ("::127.0.0.1", False),  # IPv4-compatible (deprecated)
    ("64:ff9b::a9fe:a9fe", False), ("2002:a9fe:a9fe::", False), ("2002:5db8:d70e::", True),  # NAT64, 6to4
])
def test_address_policy(address: str, public: bool) -> None:
    assert is_public_address(ipaddress.ip_address(address)) is public


def test_serve_allow_fetch_option(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, pipeline: Pipeline,
                                  served_apps: list[Any]) -> None:
    monkeypatch.setattr(newsevents.cli, "Pipeline", lambda **options: pipeline)
    assert runner.invoke(newsevents.cli.app, ["serve"]).exit_code == 0
    assert runner.invoke(newsevents.cli.app, ["serve", "--allow-fetch"]).exit_code == 0
    assert [application.state.newsevents.allow_fetch for application in served_apps] == [False, True]
