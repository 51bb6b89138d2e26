"""Polite fetching for the watcher: robots.txt obeyed, one request per host at a time with a
delay between them, conditional GET, timeouts and a size cap.

Unlike the API's guarded fetcher (web/fetch.py), any address may be reached: `watch` is run
by the user on feeds the user chose, often on their own network. What a feed links to is
fetched only over http(s), and only where the site's robots.txt lets us.
"""
from __future__ import annotations

import threading
import time
import urllib.parse
from dataclasses import dataclass

import urllib3
from protego import Protego

from .. import __version__
from ..errors import InputError
from ..ingest.sources import (MAX_REDIRECTS, REDIRECT_STATUSES, TOO_MANY_REDIRECTS, fetch_timeout, http_error,
                              media_type, read_capped)
from ..settings import MAX_INPUT_BYTES

ROBOTS_NAME = "newsevents"
USER_AGENT = f"{ROBOTS_NAME}/{__version__} (news feed watcher; +https://pypi.org/project/newsevents/)"
# Seconds between two requests to one host, unless its robots.txt asks for more.
DEFAULT_DELAY = 1.0
# A Crawl-delay above this is read as this: a site asking for an hour between requests
# would stall the whole watch.
MAX_CRAWL_DELAY = 60.0
# A host's robots.txt is read again after this many seconds.
ROBOTS_TTL = 3600.0
ROBOTS_MAX_BYTES = 512 * 1024
SCHEMES = frozenset({"http", "https"})
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.9, */*;q=0.1"


class Disallowed(InputError):
    """robots.txt does not let us fetch this URL."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response: 200 with its body, or 304 (not modified) with none."""

    status: int
    body: bytes
    url: str  # after redirects
    media_type: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(slots=True)
class _Robots:
    rules: Protego | None  # None: everything allowed (no robots.txt)
    disallow_all: bool
    read_at: float
    reason: str = ""  # why everything is disallowed


class PoliteFetcher:
    """Fetch URLs politely; safe to share between threads.

    delay: seconds between requests to one host (a robots.txt Crawl-delay, up to
        MAX_CRAWL_DELAY, makes it longer). timeout: seconds for each request, body included
        (default: fetch_timeout()). max_bytes: the largest body read.
    stop: when set, waits between requests end at once (the watch is stopping).
    """

    def __init__(self, *, delay: float = DEFAULT_DELAY, timeout: float | None = None,
                 max_bytes: int = MAX_INPUT_BYTES, stop: threading.Event | None = None) -> None:
        self.delay = max(0.0, delay)
        self.timeout = fetch_timeout() if timeout is None else timeout
        self.max_bytes = max_bytes
        self.stop = stop or threading.Event()
        self._pool = urllib3.PoolManager(retries=False)
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.Lock] = {}
        self._next_request: dict[str, float] = {}
        self._robots: dict[str, _Robots] = {}

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET ``url`` if robots.txt allows it, following redirects (each hop checked).

        etag, last_modified: validators from the last response, sent as If-None-Match and
        If-Modified-Since; the answer may then be a 304 with no body.
        Raises Disallowed, or InputError with the reason (HTTP error, unreachable, timed out,
        too large, too many redirects).
        """
        headers = {"Accept": ACCEPT}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for _hop in range(MAX_REDIRECTS + 1):
            origin = _origin(url)
            robots = self._robots_for(origin)
            if robots.disallow_all:
                raise Disallowed(robots.reason)
            if robots.rules is not None and not robots.rules.can_fetch(url, ROBOTS_NAME):
                raise Disallowed("disallowed by robots.txt")
            status, body, response = self._get(origin, url, headers, self.max_bytes, _crawl_delay(robots))
            location = response.headers.get("Location")
            if status in REDIRECT_STATUSES and location:
                url = urllib.parse.urljoin(url, location)
                continue
            if status == 304:
                return Fetched(304, b"", url, None, etag, last_modified)
            if status >= 400:
                raise http_error(status, response.reason)
            return Fetched(status, body, url, media_type(response.headers.get("Content-Type")),
                           response.headers.get("ETag"), response.headers.get("Last-Modified"))
        raise InputError(TOO_MANY_REDIRECTS)

    def _robots_for(self, origin: str) -> _Robots:
        """The origin's robots.txt rules (RFC 9309): a 4xx means no rules; a 5xx or no answer
        means stay away (and ask again on the next fetch)."""
        with self._lock:
            known = self._robots.get(origin)
        if known is not None and time.monotonic() - known.read_at < ROBOTS_TTL:
            return known
        url = origin + "/robots.txt"
        try:
            robots = self._read_robots(origin, url)
        except InputError as err:
            # Not cached: asked again on the next fetch.
            return _Robots(None, True, time.monotonic(), f"robots.txt: {err}; the site is not fetched for now")
        with self._lock:
            self._robots[origin] = robots
        return robots

    def _read_robots(self, origin: str, url: str) -> _Robots:
        for _hop in range(MAX_REDIRECTS + 1):
            status, body, response = self._get(_origin(url), url, {"Accept": "text/plain"}, ROBOTS_MAX_BYTES, 0.0)
            location = response.headers.get("Location")
            if status in REDIRECT_STATUSES and location:
                url = urllib.parse.urljoin(url, location)
                continue
            if status >= 500:
                return _Robots(None, True, time.monotonic(),
                               f"robots.txt: HTTP {status}; the site is not fetched for now")
            if status >= 400:
                return _Robots(None, False, time.monotonic())
            return _Robots(Protego.parse(body.decode("utf-8", errors="replace")), False, time.monotonic())
        return _Robots(None, False, time.monotonic())  # RFC 9309: past 5 redirects, as a 404

    def _get(self, origin: str, url: str, headers: dict[str, str], limit: int,
             crawl_delay: float) -> tuple[int, bytes, urllib3.BaseHTTPResponse]:
        """One GET, no redirects followed, alone on its host and after the host's delay."""
        if urllib.parse.urlsplit(url).scheme.lower() not in SCHEMES:
            raise InputError("only http and https URLs are fetched")
        with self._lock:
            host_lock = self._hosts.setdefault(origin, threading.Lock())
        with host_lock:
            wait = self._next_request.get(origin, 0.0) - time.monotonic()
            if wait > 0 and self.stop.wait(wait):
                raise InputError("not fetched: the watch is stopping")
            deadline = time.monotonic() + self.timeout
            try:
                response = self._pool.request("GET", url, headers={"User-Agent": USER_AGENT, **headers},
                                              redirect=False, preload_content=False,
                                              timeout=urllib3.Timeout(connect=self.timeout, read=self.timeout))
                try:
                    body = b"" if response.status in REDIRECT_STATUSES or response.status == 304 else \
                        read_capped(response, limit=limit, deadline=deadline)  # type: ignore[arg-type]
                finally:
                    response.release_conn()
            except urllib3.exceptions.NewConnectionError as err:  # a TimeoutError subclass, but refused
                raise InputError(f"unreachable ({_reason(err)})") from err
            except (TimeoutError, urllib3.exceptions.TimeoutError) as err:
                raise InputError(f"timed out after {self.timeout:g} s") from err
            except (urllib3.exceptions.HTTPError, OSError, ValueError) as err:
                if isinstance(err, InputError):
                    raise
                raise InputError(f"unreachable ({_reason(err)})") from err
            finally:
                self._next_request[origin] = time.monotonic() + max(self.delay, crawl_delay)
        return response.status, body, response


def _origin(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in SCHEMES or not parts.hostname:
        raise InputError("not an http(s) URL with a host")
    return f"{parts.scheme.lower()}://{parts.netloc.rpartition('@')[2].lower()}"


def _crawl_delay(robots: _Robots) -> float:
    if robots.rules is None:
        return 0.0
    delay = robots.rules.crawl_delay(ROBOTS_NAME)
    return min(float(delay), MAX_CRAWL_DELAY) if delay else 0.0


def _reason(err: BaseException) -> str:
    # urllib3 wraps the OS's error in its own: the innermost says it best ("Connection refused").
    cause: BaseException | None = err
    while cause is not None:
        if isinstance(cause, OSError) and cause.strerror:
            return cause.strerror
        cause = getattr(cause, "reason", None) or cause.__cause__ or cause.__context__
    return " ".join(str(err).split()) or type(err).__name__
