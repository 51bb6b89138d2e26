"""The watch loop: read the feeds, fetch each article not seen before, and code and store it
the way ``ingest`` does (the same DocumentCoder, ``load_documents`` and StoreWriter, so the
same dedup by content hash). One bad feed or article is one error line; the watch goes on.

The watcher runs from the ``watch`` command with a connection of its own, or inside ``serve
--watch`` on the server's connection, holding the server's locks (``ArticleStore``).
"""
from __future__ import annotations

import contextlib
import re
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ContextManager

from ..batch.pool import DocumentCoder
from ..errors import InputError
from ..ingest.decode import decode_bytes
from ..ingest.sources import RawItem
from ..load import load_documents
from ..model import Failure
from ..progress import escape_controls, make_progress, print_error
from ..settings import DEFAULT_LANGUAGES
from ..store import StoreWriter
from . import seen
from .feeds import Link, parse_listing, read_feed_list
from .polite import Disallowed, PoliteFetcher

# A sitemap index may name many sitemaps; more than this in one index are left for later.
MAX_SITEMAPS_PER_INDEX = 50
DEFAULT_EVERY = "15m"
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def parse_interval(text: str) -> float:
    """Seconds in an interval such as ``15m``, ``30s``, ``1h``, ``1d`` or ``900`` (seconds).
    Raises ValueError for anything else, or for zero."""
    match = _INTERVAL.match(text)
    if match is None or float(match.group(1)) <= 0:
        raise ValueError(f"{text!r} is not an interval: give a number with s, m, h or d (15m)")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2).lower()]


@dataclass(slots=True)
class CycleReport:
    """What one pass over the feeds did."""

    run_id: str = ""
    feeds: int = 0
    unchanged: int = 0      # answered 304 Not Modified
    feed_errors: int = 0
    new: int = 0            # article URLs not seen before
    stored: int = 0
    duplicates: int = 0
    skipped: int = 0        # another language, or disallowed by robots.txt
    errors: int = 0
    events: int = 0
    stored_urls: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{_counted(self.feeds, 'feed')} ({self.unchanged} unchanged, {self.feed_errors} failed), "
                f"{_counted(self.new, 'new article')}: {self.stored} stored ({_counted(self.events, 'event')}), "
                f"{self.duplicates} already stored, {self.skipped} skipped, {_counted(self.errors, 'error')}")


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class ArticleStore:
    """Codes an article and stores it, and keeps the watch tables, on one store.

    writer: the store's writer (its connection also holds the watch tables).
    coder: the DocumentCoder to code with (one process: ``jobs=1``).
    write_lock, code_lock: held around each article's writes and around its coding, for a
        server that shares its connection and pipeline with requests (taken in the order the
        server's POST /v1/documents takes them: the write lock, then the pipeline's).
    languages: accepted languages (None: any).
    """

    def __init__(self, writer: StoreWriter, coder: DocumentCoder, *,
                 write_lock: ContextManager[Any] | None = None, code_lock: ContextManager[Any] | None = None,
                 languages: tuple[str, ...] | None = DEFAULT_LANGUAGES) -> None:
        self.writer = writer
        self.coder = coder
        self.write_lock = write_lock or contextlib.nullcontext()
        self.code_lock = code_lock or contextlib.nullcontext()
        self.languages = languages
        with self.write_lock:
            seen.ensure_watch_tables(writer.con)

    @contextlib.contextmanager
    def tables(self) -> Iterator[Any]:
        """The connection for the watch tables, under the write lock."""
        with self.write_lock:
            yield self.writer.con

    def start_run(self, feeds: list[str]) -> str:
        with self.write_lock:
            return self.writer.start_run(feeds, {"via": "watch"})

    def finish_run(self, run_id: str, report: CycleReport) -> None:
        with self.write_lock:
            self.writer.finish_run(run_id, stored=report.stored, skipped=report.duplicates + report.skipped,
                                   errors=report.errors)

    def record_error(self, run_id: str, label: str, reason: str) -> None:
        """Record an article that failed before coding in the errors table, as ingest does."""
        with self.write_lock:
            self.writer.record_error(run_id, label, reason)

    def store(self, item: RawItem, run_id: str) -> tuple[str, int, str | None]:
        """Extract, code and store one article as ``ingest`` does. Returns its watch status,
        the number of events stored and, for a failure, the reason (also in the errors table)."""
        with self.write_lock, self.code_lock:
            outcomes = list(self.coder.code([item], languages=self.languages,
                                            skip=lambda document: self.writer.has_document(document.hash)))
            failures = [o for o in outcomes if isinstance(o, Failure)]
            if failures:
                failure = failures[0]
                if failure.skipped:
                    return seen.SKIPPED, 0, failure.reason
                self.writer.record_error(run_id, item.label, failure.reason)
                return seen.FAILED, 0, failure.reason
            loaded = load_documents([o for o in outcomes if not isinstance(o, Failure)], self.writer, run_id)
        return (seen.STORED, loaded.events, None) if loaded.stored else (seen.DUPLICATE, 0, None)


class Watcher:
    """Follows the feeds listed in a FEEDS file into a store.

    feeds_path: the FEEDS file, read again at each cycle (so feeds can be added while the
        watch runs). store: where articles go. fetcher: the polite fetcher.
    stop: set it to end the watch between two articles. quiet: no progress bar.
    log: where error and summary lines go (one line each).
    """

    def __init__(self, feeds_path: Path, store: ArticleStore, fetcher: PoliteFetcher, *,
                 stop: threading.Event | None = None, quiet: bool = False,
                 log: Callable[[str], None] = print_error) -> None:
        self.feeds_path = feeds_path
        self.store = store
        self.fetcher = fetcher
        self.stop = stop or fetcher.stop
        self.quiet = quiet
        self.log = log
        self._feeds: list[str] = []

    def feeds(self) -> list[str]:
        """The FEEDS file's URLs; if it cannot be read now, the last ones read (logged)."""
        try:
            self._feeds = read_feed_list(self.feeds_path)
        except (OSError, InputError) as err:
            reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
            if not self._feeds:
                raise InputError(f"{self.feeds_path}: {reason}") from err
            self._error(str(self.feeds_path), f"{reason}; watching the feeds read before")
        return self._feeds

    def run_cycle(self) -> CycleReport:
        """Check every feed once and store the articles not seen before."""
        feeds = self.feeds()
        report = CycleReport(feeds=len(feeds))
        report.run_id = self.store.start_run(feeds)
        try:
            links: dict[str, tuple[Link, str]] = {}
            for feed in feeds:
                if self.stop.is_set():
                    break
                for link in self._links(feed, report):
                    url = urllib.parse.urldefrag(link.url).url
                    if url not in links:
                        links[url] = (link, feed)
            with self.store.tables() as con:
                for url, feed in seen.retryable(con):
                    links.setdefault(url, (Link(url), feed))
                new = [(url, link, feed) for url, (link, feed) in links.items() if not seen.is_done(con, url)]
            report.new = len(new)
            with make_progress(quiet=self.quiet) as progress:
                task = progress.add_task("Watching", total=len(new))
                for url, link, feed in new:
                    if self.stop.is_set():
                        break
                    self._article(url, link, feed, report)
                    progress.advance(task)
        finally:
            self.store.finish_run(report.run_id, report)
        return report

    def _links(self, feed: str, report: CycleReport) -> list[Link]:
        """The links a feed (or sitemap, or sitemap index) lists now; none when unchanged."""
        links: list[Link] = []
        pending, read = [feed], 0
        while pending and read <= MAX_SITEMAPS_PER_INDEX and not self.stop.is_set():
            url = pending.pop(0)
            read += 1
            with self.store.tables() as con:
                etag, last_modified = seen.feed_validators(con, url)
            try:
                fetched = self.fetcher.fetch(url, etag=etag, last_modified=last_modified)
                if fetched.not_modified:
                    report.unchanged += url == feed
                    with self.store.tables() as con:
                        seen.record_feed(con, url, status=seen.FEED_UNCHANGED)
                    continue
                listing = parse_listing(fetched.body, fetched.url)
            except InputError as err:
                report.feed_errors += url == feed
                self._error(url, str(err))
                with self.store.tables() as con:
                    seen.record_feed(con, url, status=seen.FEED_ERROR, reason=str(err))
                continue
            with self.store.tables() as con:
                seen.record_feed(con, url, status=seen.FEED_OK, etag=fetched.etag, last_modified=fetched.last_modified)
            links.extend(listing.links)
            pending.extend(listing.sitemaps)
        return links

    def _article(self, url: str, link: Link, feed: str, report: CycleReport) -> None:
        try:
            fetched = self.fetcher.fetch(url)
        except Disallowed as err:
            report.skipped += 1
            self._note(url, feed, seen.DISALLOWED, str(err))
            return
        except InputError as err:
            if self.stop.is_set():
                return  # cut short by the stop: not an attempt
            report.errors += 1
            self._error(url, str(err))
            self._note(url, feed, seen.UNREACHABLE, str(err))
            return
        kind = "html" if fetched.media_type in HTML_TYPES else "auto"
        try:
            text = decode_bytes(fetched.body)
        except InputError as err:  # binary, or no encoding fits: a bad article, as for ingest
            status, events, reason = seen.FAILED, 0, str(err)
            self.store.record_error(report.run_id, url, reason)
        else:
            item = RawItem(url, text, kind, id=url, url=fetched.url, date=link.date, title=link.title)
            status, events, reason = self.store.store(item, report.run_id)
        if status == seen.STORED:
            report.stored += 1
            report.events += events
            report.stored_urls.append(url)
        elif status == seen.DUPLICATE:
            report.duplicates += 1
        elif status == seen.SKIPPED:
            report.skipped += 1
            self.log(f"skipped: {escape_controls(url)}: {escape_controls(reason or '')}")
        else:
            report.errors += 1
            self._error(url, reason or "failed")
        self._note(url, feed, status, reason)

    def _note(self, url: str, feed: str, status: str, reason: str | None) -> None:
        with self.store.tables() as con:
            seen.record_article(con, url, feed, status, reason)

    def _error(self, url: str, reason: str) -> None:
        self.log(f"error: {escape_controls(url)}: {escape_controls(' '.join(reason.split()))}")


CycleHook = Callable[[CycleReport, ArticleStore], None]


def watch(watcher: Watcher, *, every: float, once: bool, on_cycle: CycleHook | None = None) -> CycleReport | None:
    """Run cycles until ``watcher.stop`` is set (or one, with ``once``), waiting ``every``
    seconds between them. on_cycle: called after each cycle with its report and the store
    (the summary line, the new alerts). Returns the last cycle's report."""
    last = None
    while not watcher.stop.is_set():
        last = watcher.run_cycle()
        if on_cycle is not None:
            on_cycle(last, watcher.store)
        if once or watcher.stop.wait(every):
            break
    return last
