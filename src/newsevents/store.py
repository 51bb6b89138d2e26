"""The DuckDB store: schema, the one writer, and cross-article event aggregation.

Tables: ``documents`` (one row per distinct text, keyed by its content hash), ``mentions``
(one row per sentence-level event: the evidence), ``events`` (mentions of one event across
articles, aggregated, with GDELT-style counts), ``runs`` and ``errors``.

Each document is written in one transaction: its row, its mentions, and the re-aggregation of
every event key it touches. Aggregates are recomputed from the mentions table, never
incremented, so the database after any sequence of interrupted and resumed runs equals the
one an uninterrupted run gives.
"""
from __future__ import annotations

import datetime as dt
import glob
import json
import os
import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb

from .codebook import get_code
from .dedup import chain_dates, cross_article_key
from .errors import DamagedStoreError, Errors
from .ingest.text import valid_unicode
from .model import Document, Event, EventMention, news_events, short_id

DEFAULT_DB = "newsevents.duckdb"
IN_MEMORY = ":memory:"
# A store being created is built under a hidden name ending so (see _create).
CREATING_SUFFIX = ".creating"
# An event first reported in this many opening sentences of an article is a "root event"
# in GDELT's sense (reported in the lead, not in passing).
LEAD_SENTENCES = 3
RUN_RUNNING, RUN_DONE, RUN_INTERRUPTED = "running", "done", "interrupted"
LOCATION_FIELDS = ("name", "country", "admin1", "lat", "lon", "geonameid", "feature")
ACTOR_FIELDS = ("code", "name", "country", "sectors", "text")

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS runs (
        run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP, status VARCHAR,
        inputs VARCHAR, options VARCHAR, documents_stored INTEGER, documents_skipped INTEGER,
        errors INTEGER)""",
    """CREATE TABLE IF NOT EXISTS documents (
        doc_hash VARCHAR PRIMARY KEY, doc_id VARCHAR, title VARCHAR, url VARCHAR, host VARCHAR,
        pub_date DATE, lang VARCHAR, text VARCHAR, sentences INTEGER, events INTEGER,
        mentions INTEGER, run_id VARCHAR, added_at TIMESTAMP)""",
    """CREATE TABLE IF NOT EXISTS mentions (
        mention_id VARCHAR PRIMARY KEY, event_id VARCHAR, article_event_id VARCHAR, event_key VARCHAR,
        doc_hash VARCHAR, doc_id VARCHAR, sentence_index INTEGER, sentence VARCHAR, trigger VARCHAR,
        trigger_start INTEGER, trigger_end INTEGER, rule VARCHAR, confidence DOUBLE, date DATE,
        date_source VARCHAR, source_code VARCHAR, source_name VARCHAR, source_country VARCHAR,
        source_sectors VARCHAR, source_text VARCHAR, target_code VARCHAR, target_name VARCHAR,
        target_country VARCHAR, target_sectors VARCHAR, target_text VARCHAR, code VARCHAR,
        negated BOOLEAN, modality VARCHAR, location_name VARCHAR, location_country VARCHAR,
        location_admin1 VARCHAR, location_lat DOUBLE, location_lon DOUBLE, location_geonameid BIGINT,
        location_feature VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS events (
        event_id VARCHAR PRIMARY KEY, event_key VARCHAR, date DATE, date_source VARCHAR,
        source_code VARCHAR, source_name VARCHAR, source_country VARCHAR, source_sectors VARCHAR,
        target_code VARCHAR, target_name VARCHAR, target_country VARCHAR, target_sectors VARCHAR,
        code VARCHAR, base_code VARCHAR, root_code VARCHAR, name VARCHAR, goldstein DOUBLE,
        quad_class INTEGER, plover_type VARCHAR, plover_mode VARCHAR, location_name VARCHAR,
        location_country VARCHAR, location_admin1 VARCHAR, location_lat DOUBLE, location_lon DOUBLE,
        location_geonameid BIGINT, location_feature VARCHAR, num_mentions INTEGER, num_sources INTEGER,
        num_articles INTEGER, is_root_event BOOLEAN, confidence DOUBLE, evidence VARCHAR, trigger VARCHAR,
        doc_hash VARCHAR, doc_id VARCHAR, source_url VARCHAR, first_published DATE)""",
    """CREATE TABLE IF NOT EXISTS errors (
        input VARCHAR, reason VARCHAR, first_run_id VARCHAR, last_run_id VARCHAR,
        first_seen TIMESTAMP, last_seen TIMESTAMP, PRIMARY KEY (input, reason))""",
    # Migrations, run on every writable opening: a store made before a column existed gains it
    # (at the end, where the column tuples below put it). Opened read-only, an older store is not
    # changed: readers select its missing columns as NULL (``select_list``).
    # Issue 15: casualty and arrest counts (events.casualties), a JSON object.
    "ALTER TABLE mentions ADD COLUMN IF NOT EXISTS attributes VARCHAR",
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS attributes VARCHAR",
    # Issue 17: how precise the act's date is, and whether it is background (events.timing).
    "ALTER TABLE mentions ADD COLUMN IF NOT EXISTS date_precision VARCHAR",
    "ALTER TABLE mentions ADD COLUMN IF NOT EXISTS background BOOLEAN",
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS date_precision VARCHAR",
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS background BOOLEAN",
    # Issue 17: one side of a joint act (events.joint).
    "ALTER TABLE mentions ADD COLUMN IF NOT EXISTS joint BOOLEAN",
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS joint BOOLEAN",
)
MENTION_COLUMNS = (
    "mention_id", "event_id", "article_event_id", "event_key", "doc_hash", "doc_id", "sentence_index", "sentence",
    "trigger", "trigger_start", "trigger_end", "rule", "confidence", "date", "date_source",
    *(f"source_{f}" for f in ACTOR_FIELDS), *(f"target_{f}" for f in ACTOR_FIELDS), "code", "negated",
    "modality", *(f"location_{f}" for f in LOCATION_FIELDS), "attributes", "date_precision", "background", "joint")
EVENT_COLUMNS = (
    "event_id", "event_key", "date", "date_source", "source_code", "source_name", "source_country",
    "source_sectors", "target_code", "target_name", "target_country", "target_sectors", "code", "base_code",
    "root_code", "name", "goldstein", "quad_class", "plover_type", "plover_mode",
    *(f"location_{f}" for f in LOCATION_FIELDS), "num_mentions", "num_sources", "num_articles",
    "is_root_event", "confidence", "evidence", "trigger", "doc_hash", "doc_id", "source_url", "first_published",
    "attributes", "date_precision", "background", "joint")


def connect(path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (and, for writing, create) a store. Read-only opening needs an existing file."""
    if read_only and not Path(path).exists():
        raise FileNotFoundError(f"no database at {path}")
    if not read_only and not str(path).startswith(IN_MEMORY) and not Path(path).exists():
        _create(Path(path))
    con = duckdb.connect(str(path), read_only=read_only)
    if not str(path).startswith(IN_MEMORY):
        try:
            check_whole(con, Path(path))
        except DamagedStoreError:
            con.close()
            raise
    if not read_only:
        for statement in SCHEMA:
            con.execute(statement)
    return con


# A DuckDB file is its headers (the file header and two database headers, 4 KiB each) and
# then its blocks; DuckDB's index of the blocks counts them (PRAGMA database_size).
DUCKDB_HEADER_BYTES = 3 * 4096


def check_whole(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Raise DamagedStoreError when the file at ``path`` is shorter than the blocks its index
    counts. DuckDB opens a truncated file, then answers with the rows it can still read, or
    an IO error mid-query; nothing said the file was damaged (issue 18).

    Checked only with no write-ahead log beside the file, whose replay may count blocks not
    yet written to the file.
    """
    if Path(f"{path}.wal").exists():
        return
    row = con.execute("PRAGMA database_size").fetchone()
    if row is None:
        return
    block_size, total_blocks = int(row[2]), int(row[3])
    needed = DUCKDB_HEADER_BYTES + block_size * total_blocks
    size = path.stat().st_size
    if size < needed:
        raise DamagedStoreError(Errors.NE007.format(path=path, size=size, needed=needed))


def select_list(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], *, alias: str = "") -> str:
    """The columns for a SELECT from ``table``: one an older store lacks (opened read-only, so
    not migrated) reads as NULL.

    con: the store; columns: the names wanted; alias: the table's alias in the query, if any.
    """
    present = {row[0] for row in con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = ? AND database_name = current_database()",
        [table]).fetchall()}
    prefix = f"{alias}." if alias else ""
    return ", ".join(f"{prefix}{c}" if c in present else f"NULL AS {c}" for c in columns)


def has_column(con: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    """Whether the store's ``table`` has ``column`` (an older store opened read-only may not)."""
    return select_list(con, table, [column]) == column


# The SQL of ``model.news_events``: background events (issue 17) are not today's news.
NEWS_ONLY = "background IS NOT TRUE"


def news_only(con: duckdb.DuckDBPyConnection, *, include_background: bool = False) -> bool:
    """Whether a read of the events table leaves background events out (with NEWS_ONLY): unless
    ``include_background``, and only where the column is; an older store opened read-only has
    none, and every event in it is news."""
    return not include_background and has_column(con, "events", "background")


def read_attributes(value: str | None) -> dict[str, Any]:
    """An ``attributes`` cell as a dict (empty for NULL: none given, or an older store)."""
    return json.loads(value) if value else {}


def _create(path: Path) -> None:
    """Create a new, empty store under a temporary name, then link it into place.

    DuckDB writes a new file's header in several steps: a process killed in between (an
    ingest killed as it starts) left a file that can never be opened again, so every later
    run failed until the user deleted it (issue 8). The final name now appears only once the
    file is whole. Linking, unlike renaming, never replaces a store another process created
    meanwhile.
    """
    _remove_stale_creations(path)
    temp = path.with_name(f".{path.name}.{os.getpid()}{CREATING_SUFFIX}")
    wal = temp.with_name(temp.name + ".wal")
    temp.unlink(missing_ok=True)
    try:
        con = duckdb.connect(str(temp))
        for statement in SCHEMA:
            con.execute(statement)
        con.close()
        try:
            os.link(temp, path)
        except FileExistsError:
            pass  # another process created it first: theirs is used
        except OSError:
            if not path.exists():  # a file system without hard links
                os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
        wal.unlink(missing_ok=True)


def _remove_stale_creations(path: Path) -> None:
    """Remove what creations of this store by processes that no longer exist left behind."""
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*{CREATING_SUFFIX}*"):
        pid = leftover.name[len(path.name) + 2:].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            leftover.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0 sends nothing: it only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, as another user's
    return True


def url_host(url: str | None) -> str | None:
    """A URL's site for counting sources: host name, lower case, without ``www.``."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class StoreWriter:
    """The one object that writes to a store. Not thread-safe: one writer per connection."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    # --- runs and errors -------------------------------------------------------------------

    def start_run(self, inputs: Sequence[str], options: dict[str, Any]) -> str:
        """Record a new run; runs left "running" by a killed process become "interrupted"."""
        run_id = uuid.uuid4().hex
        self.con.execute("UPDATE runs SET status = ? WHERE status = ?", [RUN_INTERRUPTED, RUN_RUNNING])
        self.con.execute("INSERT INTO runs (run_id, started_at, status, inputs, options) VALUES (?, ?, ?, ?, ?)",
                         [run_id, _now(), RUN_RUNNING, json.dumps(list(inputs)), json.dumps(options, sort_keys=True)])
        return run_id

    def finish_run(self, run_id: str, *, stored: int, skipped: int, errors: int) -> None:
        """Close a run with its counts."""
        self.con.execute("UPDATE runs SET finished_at = ?, status = ?, documents_stored = ?, documents_skipped = ?, "
                         "errors = ? WHERE run_id = ?", [_now(), RUN_DONE, stored, skipped, errors, run_id])

    def record_error(self, run_id: str, input_label: str, reason: str) -> None:
        """Record a per-document error; the same input and reason is kept once."""
        now = _now()
        # A file name that is not UTF-8 reaches us with surrogate escapes, which DuckDB
        # refuses: the error about one bad input must not crash the run (issue 8).
        self.con.execute(
            "INSERT INTO errors VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (input, reason) "
            "DO UPDATE SET last_run_id = excluded.last_run_id, last_seen = excluded.last_seen",
            [valid_unicode(input_label), valid_unicode(reason), run_id, run_id, now, now])

    # --- documents -------------------------------------------------------------------------

    def has_document(self, doc_hash: str) -> bool:
        """True when a document with this content hash is stored."""
        return self.con.execute("SELECT 1 FROM documents WHERE doc_hash = ?", [doc_hash]).fetchone() is not None

    def write_document(self, document: Document, events: Sequence[Event], run_id: str) -> bool:
        """Store a document, its mentions and the re-aggregated events they belong to, in one
        transaction. Returns False (and writes nothing) when its hash is already stored."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            if self.has_document(document.hash):
                self.con.execute("ROLLBACK")
                return False
            seen: Counter[str] = Counter()
            rows = []
            for event in events:
                for mention in _mentions_of(event):
                    # Two actors with one code on one trigger give two events with one id.
                    seen[mention.event_id] += 1
                    rows.append(_mention_row(document, event, mention, seen[mention.event_id]))
            self.con.execute(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [document.hash, document.id, document.title, document.url, url_host(document.url), document.date,
                 document.lang, document.text, len(document.sentences), len(news_events(events)),
                 len(rows), run_id, _now()])
            if rows:
                placeholders = ", ".join("?" * len(MENTION_COLUMNS))
                # Columns named: a migrated store has them in the order its migrations ran.
                self.con.executemany(f"INSERT INTO mentions ({', '.join(MENTION_COLUMNS)}) VALUES ({placeholders})", rows)
                self._aggregate(sorted({row[MENTION_COLUMNS.index("event_key")] for row in rows}))
            self.con.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        return True

    def _rollback(self) -> None:
        """Roll back the open transaction, if DuckDB has not already done so. A COMMIT that
        fails (disk full) aborts the transaction itself, and a second ROLLBACK then raised
        "no transaction is active", hiding the real error (issue 8)."""
        try:
            self.con.execute("ROLLBACK")
        except duckdb.TransactionException:
            pass

    def _aggregate(self, keys: list[str]) -> None:
        """Recompute the events of these keys from all their mentions."""
        cursor = self.con.execute(
            "SELECT m.*, d.host, d.url, d.pub_date FROM mentions m JOIN documents d USING (doc_hash) "
            "WHERE m.event_key IN (SELECT unnest(?::VARCHAR[]))", [keys])
        names = [column[0] for column in cursor.description]
        by_key: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for values in cursor.fetchall():
            row = dict(zip(names, values))
            by_key[row["event_key"]].append(row)
        events: list[tuple[Any, ...]] = []
        links: dict[str, str] = {}
        for key in keys:
            for members in _cluster(by_key[key]):
                event = _aggregate_event(key, members)
                events.append(tuple(event[c] for c in EVENT_COLUMNS))
                links.update({m["mention_id"]: event["event_id"] for m in members})
        self.con.execute("DELETE FROM events WHERE event_key IN (SELECT unnest(?::VARCHAR[]))", [keys])
        if events:
            self.con.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES "
                                 f"({', '.join('?' * len(EVENT_COLUMNS))})", events)
            mention_ids = sorted(links)
            self.con.execute(
                "UPDATE mentions SET event_id = link.event_id FROM (SELECT unnest(?::VARCHAR[]) AS mention_id, "
                "unnest(?::VARCHAR[]) AS event_id) AS link WHERE mentions.mention_id = link.mention_id",
                [mention_ids, [links[m] for m in mention_ids]])


def _mentions_of(event: Event) -> list[EventMention]:
    return event.mentions or [event.as_mention()]


def _actor_values(actor: Any) -> list[Any]:
    if actor is None:
        return [None] * len(ACTOR_FIELDS)
    return [actor.code, actor.name, actor.country, " ".join(actor.sectors) or None, actor.text]


def _mention_row(document: Document, event: Event, mention: EventMention, occurrence: int) -> tuple[Any, ...]:
    location = mention.location or {}
    return (
        short_id(f"{document.hash}|{mention.event_id}|{occurrence}"), None, event.event_id, cross_article_key(event, document.hash), document.hash,
        document.id, mention.sentence_index, mention.sentence, mention.trigger, mention.trigger_start,
        mention.trigger_end, mention.rule, round(mention.confidence, 4), mention.date, mention.date_source,
        *_actor_values(event.source), *_actor_values(event.target), event.code, event.negated, event.modality,
        *(location.get(f) for f in LOCATION_FIELDS), json.dumps(event.attributes) if event.attributes else None,
        event.date_precision if mention.date_source == "text" else None, event.background, event.joint)


def _cluster(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Split one key's mentions into events: dates chained within a day (see dedup)."""
    runs = chain_dates(_iso(row["date"]) for row in rows)
    groups: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[runs[_iso(row["date"])]].append(row)
    return [groups[start] for start in sorted(groups, key=lambda s: s or "")]


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value


def _order(row: dict[str, Any]) -> tuple[Any, ...]:
    """Which mention speaks for an event: the most confident, then the earliest published."""
    return (-row["confidence"], _iso(row["pub_date"]) or "9999", row["doc_id"], row["sentence_index"],
            row["trigger_start"], row["mention_id"])


def _aggregate_event(key: str, members: list[dict[str, Any]]) -> dict[str, Any]:
    """One cross-article event from its mentions; depends only on the set of mentions."""
    members = sorted(members, key=_order)
    lead = members[0]
    dates = [_iso(m["date"]) for m in members if m["date"] is not None]
    text_dates = [_iso(m["date"]) for m in members if m["date"] is not None and m["date_source"] == "text"]
    date = _mode(text_dates or dates)
    first = min(dates) if dates else None
    info = get_code(lead["code"])
    located = [m for m in members if m["location_geonameid"] is not None]
    place = None
    if located:
        counts = Counter(m["location_geonameid"] for m in located)
        best = max(counts, key=lambda g: (counts[g], -g))
        place = next(m for m in located if m["location_geonameid"] == best)
    earliest = min(members, key=lambda m: (_iso(m["pub_date"]) or "9999", m["doc_id"]))
    event: dict[str, Any] = {
        "event_id": short_id(f"{key}|{first or ''}"), "event_key": key, "date": date,
        "date_source": "text" if date is not None and date in text_dates else ("publication" if date else None),
        "code": lead["code"], "base_code": lead["code"][:3], "root_code": lead["code"][:2],
        "name": info.name if info else None, "goldstein": info.goldstein if info else None,
        "quad_class": info.quad_class if info else None, "plover_type": info.plover_type if info else None,
        "plover_mode": info.plover_mode if info else None,
        "num_mentions": len(members), "num_articles": len({m["doc_hash"] for m in members}),
        "num_sources": len({m["host"] or m["doc_id"] for m in members}),
        "is_root_event": any(m["sentence_index"] < LEAD_SENTENCES for m in members),
        "confidence": lead["confidence"], "evidence": lead["sentence"], "trigger": lead["trigger"],
        "doc_hash": earliest["doc_hash"], "doc_id": earliest["doc_id"], "source_url": earliest["url"] or earliest["doc_id"],
        "first_published": earliest["pub_date"],
    }
    for role in ("source", "target"):
        for field in ("code", "name", "country", "sectors"):
            event[f"{role}_{field}"] = lead[f"{role}_{field}"]
    for field in LOCATION_FIELDS:
        event[f"location_{field}"] = place[f"location_{field}"] if place else None
    # Each count from the first mention, in the lead's order, that gives it.
    counts: dict[str, Any] = {}
    for member in members:
        for kind, count in read_attributes(member["attributes"]).items():
            counts.setdefault(kind, count)
    event["attributes"] = json.dumps(counts) if counts else None
    # Background only when no report gives the act as news; an older mention (NULL) is news.
    event["background"] = all(bool(m["background"]) for m in members)
    event["joint"] = any(bool(m["joint"]) for m in members)
    event["date_precision"] = next((m["date_precision"] for m in members
                                    if m["date_source"] == "text" and _iso(m["date"]) == date), None)
    return event


def _mode(values: list[str]) -> str | None:
    """The most frequent value, the earliest among equals."""
    if not values:
        return None
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], v))
