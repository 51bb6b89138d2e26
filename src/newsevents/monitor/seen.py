"""What the watcher remembers in the store, so that a restart never fetches or codes an
article twice: each feed's validators for conditional GET (``watch_feeds``) and each article
URL met with what became of it (``watch_seen``)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from ..ingest.text import valid_unicode

WATCH_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS watch_feeds (
        url VARCHAR PRIMARY KEY, etag VARCHAR, last_modified VARCHAR, checked TIMESTAMP, status VARCHAR,
        reason VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS watch_seen (
        url VARCHAR PRIMARY KEY, feed VARCHAR, first_seen TIMESTAMP, last_tried TIMESTAMP, attempts INTEGER,
        status VARCHAR, reason VARCHAR)""",
)

# What became of an article. All but UNREACHABLE are final: the article is not fetched again.
STORED = "stored"          # coded and stored
DUPLICATE = "duplicate"    # its text was stored already (from another URL, or by ingest)
SKIPPED = "skipped"        # another language
FAILED = "failed"          # fetched, but it could not be extracted or coded
DISALLOWED = "disallowed"  # robots.txt forbids it
UNREACHABLE = "unreachable"  # the fetch failed (HTTP error, timeout): tried again next cycles
# Cycles in which an unreachable article is tried before it is given up.
MAX_FETCH_ATTEMPTS = 3
FEED_OK, FEED_UNCHANGED, FEED_ERROR = "ok", "unchanged", "error"


def ensure_watch_tables(con: Any) -> None:
    """Create the watcher's tables in a writable store, if absent."""
    for statement in WATCH_SCHEMA:
        con.execute(statement)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def feed_validators(con: Any, url: str) -> tuple[str | None, str | None]:
    """The ETag and Last-Modified last served for feed ``url`` (None, None if never)."""
    row = con.execute("SELECT etag, last_modified FROM watch_feeds WHERE url = ?", [url]).fetchone()
    return (row[0], row[1]) if row else (None, None)


def record_feed(con: Any, url: str, *, status: str, etag: str | None = None, last_modified: str | None = None,
                reason: str | None = None) -> None:
    """Note a feed's check. A 304 or an error keeps the validators already known."""
    keep = status != FEED_OK
    con.execute(
        "INSERT INTO watch_feeds VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
        + ("" if keep else "etag = excluded.etag, last_modified = excluded.last_modified, ")
        + "checked = excluded.checked, status = excluded.status, reason = excluded.reason",
        [valid_unicode(url), etag, last_modified, _now(), status, reason])


def is_done(con: Any, url: str) -> bool:
    """True when article ``url`` needs no fetch: its outcome is final, or it was unreachable
    MAX_FETCH_ATTEMPTS times."""
    row = con.execute("SELECT status, attempts FROM watch_seen WHERE url = ?", [valid_unicode(url)]).fetchone()
    return row is not None and (row[0] != UNREACHABLE or row[1] >= MAX_FETCH_ATTEMPTS)


def record_article(con: Any, url: str, feed: str, status: str, reason: str | None = None) -> None:
    """Note what became of article ``url`` (from ``feed``), counting the attempts."""
    now = _now()
    con.execute(
        "INSERT INTO watch_seen VALUES (?, ?, ?, ?, 1, ?, ?) ON CONFLICT (url) DO UPDATE SET "
        "last_tried = excluded.last_tried, attempts = watch_seen.attempts + 1, status = excluded.status, "
        "reason = excluded.reason",
        [valid_unicode(url), valid_unicode(feed), now, now, status, None if reason is None else valid_unicode(reason)])


def retryable(con: Any) -> list[tuple[str, str]]:
    """(url, feed) of the articles whose fetch failed and may be tried again: they are tried
    whether or not their feed changed since."""
    return [(row[0], row[1]) for row in con.execute(
        "SELECT url, feed FROM watch_seen WHERE status = ? AND attempts < ? ORDER BY first_seen, url",
        [UNREACHABLE, MAX_FETCH_ATTEMPTS]).fetchall()]
