"""The DuckDB store, its queries and its exports (issue 5). Documents and events are built by
hand so that these tests need no parse."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.export import CSV_COLUMNS, GDELT_COLUMNS, PLOVER_COLUMNS, export_csv, export_jsonl, export_gdelt, export_parquet, export_plover, global_event_id
from newsevents.geo import load_gazetteer
from newsevents.model import ActorMention, Document, Event
from newsevents.query import EventFilter, query_events
from newsevents.store import EVENT_COLUMNS, StoreWriter, connect

pytestmark = pytest.mark.issue(5)

BAGHDAD = load_gazetteer().resolve("Baghdad")
KYIV = load_gazetteer().resolve("Kyiv")


def actor(code: str, sectors: tuple[str, ...] = (), name: str | None = None) -> ActorMention:
    return ActorMention("d", 0, name or code, 0, 3, code, code[:3], list(sectors), name, "test")


def event(doc_id: str, n: int, source: ActorMention, target: ActorMention | None, code: str, date: str,
          sentence: str, *, location: dict[str, object] | None = None, source_text: str = "text") -> Event:
    return Event(event_id=f"{doc_id}-{n}", doc_id=doc_id, sentence_index=n, source=source, target=target, code=code,
                 name="", goldstein=None, quad_class=1, plover_type=None, plover_mode=None, sentence=sentence,
                 trigger=sentence.split()[1], trigger_start=10 * n, trigger_end=10 * n + 4, rule="r", confidence=0.8,
                 date=date, date_source=source_text, location=location)


IRAN_MINISTER = actor("IRNGOV", ("GOV",), "Ali Bagheri Kani")
IRAQ = actor("IRQ")
RUSSIA_ARMY = actor("RUSMIL", ("MIL",))
UKRAINE = actor("UKR")


def corpus() -> list[tuple[Document, list[Event]]]:
    """Two reports of a visit (a day apart, two sites), a shelling, and an article with none."""
    visit = "Iran's minister visited Baghdad on Thursday."
    return [
        (Document(id="d1", text="one", url="https://www.a.example/1", date="2024-06-21", hash="h1"),
         [event("d1", 0, IRAN_MINISTER, IRAQ, "042", "2024-06-20", visit, location=BAGHDAD.to_dict())]),
        (Document(id="d2", text="two", url="https://b.example/2", date="2024-06-22", hash="h2"),
         [event("d2", 0, IRAN_MINISTER, IRAQ, "042", "2024-06-21", "The minister arrived in Baghdad.",
                source_text="publication"),
          event("d2", 1, RUSSIA_ARMY, UKRAINE, "195", "2024-05-02", "Russian troops shelled Kyiv in May.",
                location=KYIV.to_dict())]),
        (Document(id="d3", text="three", date="2024-06-22", hash="h3"), []),
    ]


def fill(path: Path, order: list[int] | None = None) -> duckdb.DuckDBPyConnection:
    con = connect(path)
    writer = StoreWriter(con)
    items = corpus()
    for index in order or range(len(items)):
        document, events = items[index]
        writer.write_document(document, events, "run")
    return con


def snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    """Every table, sorted, without run ids and timestamps."""
    return {
        "documents": con.execute("SELECT * EXCLUDE (run_id, added_at) FROM documents ORDER BY ALL").fetchall(),
        "mentions": con.execute("SELECT * FROM mentions ORDER BY ALL").fetchall(),
        "events": con.execute("SELECT * FROM events ORDER BY ALL").fetchall(),
    }


@pytest.fixture
def store(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    con = fill(tmp_path / "s.duckdb")
    yield con
    con.close()


def test_cross_article_merge(store: duckdb.DuckDBPyConnection) -> None:
    rows = store.execute("SELECT code, date, date_source, num_mentions, num_sources, num_articles, location_name, "
                         "source_url FROM events ORDER BY code").fetchall()
    assert rows == [("042", dt.date(2024, 6, 20), "text", 2, 2, 2, "Baghdad", "https://www.a.example/1"),
                    ("195", dt.date(2024, 5, 2), "text", 1, 1, 1, "Kyiv", "https://b.example/2")]
    (linked,) = store.execute("SELECT count(DISTINCT event_id) FROM mentions WHERE code = '042'").fetchone()
    assert linked == 1


def test_idempotent(store: duckdb.DuckDBPyConnection) -> None:
    before = snapshot(store)
    writer = StoreWriter(store)
    for document, events in corpus():
        assert writer.has_document(document.hash)
        assert writer.write_document(document, events, "again") is False
    assert snapshot(store) == before


def test_order_independent(tmp_path: Path, store: duckdb.DuckDBPyConnection) -> None:
    other = fill(tmp_path / "other.duckdb", order=[2, 1, 0])
    assert snapshot(other) == snapshot(store)
    other.close()


def test_a_failed_write_leaves_nothing(store: duckdb.DuckDBPyConnection) -> None:
    before = snapshot(store)
    document = Document(id="bad", text="bad", hash="h4", date="not a date")
    with pytest.raises(duckdb.Error):
        StoreWriter(store).write_document(document, [], "run")
    assert snapshot(store) == before


def test_errors_kept_once(store: duckdb.DuckDBPyConnection) -> None:
    writer = StoreWriter(store)
    for run in ("r1", "r2"):
        writer.record_error(run, "x.html", "empty input")
    assert store.execute("SELECT input, reason, first_run_id, last_run_id FROM errors").fetchall() == [
        ("x.html", "empty input", "r1", "r2")]


@pytest.mark.parametrize("filters,codes", [
    (EventFilter(), ["042", "195"]),
    (EventFilter(actor="IRN"), ["042"]),
    (EventFilter(actor="ukr"), ["195"]),
    (EventFilter(source="IRNGOV"), ["042"]),
    (EventFilter(source="IRQ"), []),
    (EventFilter(target="IRQ"), ["042"]),
    (EventFilter(code="04"), ["042"]),
    (EventFilter(root="19"), ["195"]),
    (EventFilter(quad=1), ["042"]),
    (EventFilter(quad=4), ["195"]),
    (EventFilter(since="2024-06-01"), ["042"]),
    (EventFilter(until="2024-06-01"), ["195"]),
    (EventFilter(country="irq"), ["042"]),
    (EventFilter(text="arrived in baghdad"), ["042"]),
    (EventFilter(text="%"), []),                          # LIKE wildcards are taken literally
    (EventFilter(actor="IRN' OR '1'='1"), []),
    (EventFilter(text="x'); DROP TABLE events; --"), []),
])
def test_query_filters(store: duckdb.DuckDBPyConnection, filters: EventFilter, codes: list[str]) -> None:
    assert sorted(row["code"] for row in query_events(store, filters)) == codes
    assert store.execute("SELECT count(*) FROM events").fetchone() == (2,)


def test_query_paging(store: duckdb.DuckDBPyConnection) -> None:
    first = query_events(store, EventFilter(), limit=1)
    second = query_events(store, EventFilter(), limit=1, offset=1)
    assert [r["code"] for r in first + second] == ["042", "195"]   # newest first
    assert first[0]["date"] == "2024-06-20" and first[0]["location_country"] == "IRQ"


def test_gdelt_export(store: duckdb.DuckDBPyConnection) -> None:
    out = io.StringIO()
    assert export_gdelt(store, out) == 2
    rows = list(csv.reader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert len(GDELT_COLUMNS) == 61 and all(len(row) == 61 for row in rows)
    visit = dict(zip(GDELT_COLUMNS, rows[1]))   # ordered by date: the shelling first
    (event_id,) = store.execute("SELECT event_id FROM events WHERE code = '042'").fetchone()
    expected = {
        "GlobalEventID": str(global_event_id(event_id)), "Day": "20240620", "MonthYear": "202406", "Year": "2024",
        "FractionDate": "2024.4712", "Actor1Code": "IRNGOV", "Actor1Name": "ALI BAGHERI KANI",
        "Actor1CountryCode": "IRN", "Actor1Type1Code": "GOV", "Actor1Type2Code": "", "Actor2Code": "IRQ",
        "Actor2Name": "IRAQ", "Actor2CountryCode": "IRQ", "IsRootEvent": "1", "EventCode": "042",
        "EventBaseCode": "042", "EventRootCode": "04", "QuadClass": "1", "GoldsteinScale": "1.9",
        "NumMentions": "2", "NumSources": "2", "NumArticles": "2", "AvgTone": "", "Actor1Geo_Type": "",
        "ActionGeo_Type": "4", "ActionGeo_FullName": "Baghdad, Baghdad, Iraq", "ActionGeo_CountryCode": "IZ",
        "ActionGeo_ADM1Code": "IZ07", "ActionGeo_ADM2Code": "", "ActionGeo_Lat": "33.3406",
        "ActionGeo_Long": "44.4009", "ActionGeo_FeatureID": "98182", "SOURCEURL": "https://www.a.example/1",
    }
    assert {k: visit[k] for k in expected} == expected
    assert len(visit["DATEADDED"]) == 14 and visit["DATEADDED"].isdigit()
    assert 0 < int(visit["GlobalEventID"]) < 2 ** 63


def test_gdelt_export_loads_with_pandas(store: duckdb.DuckDBPyConnection) -> None:
    pandas = pytest.importorskip("pandas")
    out = io.StringIO()
    export_gdelt(store, out)
    frame = pandas.read_csv(io.StringIO(out.getvalue()), sep="\t", header=None)
    assert frame.shape == (2, 61)


def test_parquet_export(store: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    target = tmp_path / "parquet"
    assert export_parquet(store, target) == 2
    assert sorted(p.name for p in target.iterdir()) == ["year_month=2024-05", "year_month=2024-06"]
    rows = duckdb.sql(f"SELECT code, year_month, num_articles FROM read_parquet('{target}/**/*.parquet', "
                      "hive_partitioning = true) ORDER BY code").fetchall()
    assert rows == [("042", "2024-06", 2), ("195", "2024-05", 1)]


def test_plover_export(store: duckdb.DuckDBPyConnection) -> None:
    out = io.StringIO()
    export_plover(store, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert tuple(rows[0]) == PLOVER_COLUMNS
    visit = rows[1]
    assert (visit["Event Date"], visit["Quad Code"], visit["Actor Name"], visit["Recipient Country"],
            visit["City"], visit["Country"], visit["Publication Date"]) == (
        "2024-06-20", "VERBAL COOPERATION", "Ali Bagheri Kani", "IRQ", "Baghdad", "IRQ", "2024-06-21")


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "gdelt", "plover"])
def test_export_command(store: duckdb.DuckDBPyConnection, tmp_path: Path, runner: CliRunner, fmt: str) -> None:
    db = Path(store.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()[0])
    store.close()
    out = tmp_path / f"events.{fmt}"
    result = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    if fmt == "csv":
        assert tuple(next(csv.reader(io.StringIO(text)))) == CSV_COLUMNS and len(text.splitlines()) == 3
    elif fmt == "jsonl":
        assert [json.loads(line)["code"] for line in text.splitlines()] == ["195", "042"]
    else:
        assert len(text.splitlines()) == (3 if fmt == "plover" else 2)


def test_query_command(store: duckdb.DuckDBPyConnection, runner: CliRunner) -> None:
    db = store.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()[0]
    store.close()
    result = runner.invoke(app, ["query", "--db", db, "--actor", "IRN", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["code"] for line in result.stdout.splitlines()] == ["042"]
    table = runner.invoke(app, ["query", "--db", db, "--format", "table"])
    assert "IRNGOV" in table.stdout and "Baghdad, IRQ" in table.stdout
    bad = runner.invoke(app, ["query", "--db", db, "--since", "June"])
    assert bad.exit_code == 2


def test_query_missing_db(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["query", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and not (tmp_path / "none.duckdb").exists()


# Issue 15: casualty and arrest counts -------------------------------------------------------

SHELLING_COUNTS = {"killed": {"min": 20, "max": None, "text": "at least 20", "span": [40, 51]},
                   "injured": {"min": 24, "max": 99, "text": "dozens", "span": [64, 70]}}


@pytest.fixture()
def counted(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    con = connect(tmp_path / "counts.duckdb")
    shelling = event("d9", 0, RUSSIA_ARMY, UKRAINE, "195", "2024-05-02",
                     "Russian troops shelled Kyiv, killing at least 20 and wounding dozens.", location=KYIV.to_dict())
    shelling.attributes = dict(SHELLING_COUNTS)
    visit = event("d9", 1, IRAN_MINISTER, IRAQ, "042", "2024-06-20", "Iran's minister visited Baghdad.")
    StoreWriter(con).write_document(Document(id="d9", text="nine", date="2024-06-21", hash="h9"), [shelling, visit], "run")
    return con


@pytest.mark.issue(15)
def test_counts_are_stored_and_queried(counted: duckdb.DuckDBPyConnection) -> None:
    (shelling,) = query_events(counted, EventFilter(code="19"))
    assert shelling["attributes"] == SHELLING_COUNTS
    (visit,) = query_events(counted, EventFilter(code="04"))
    assert visit["attributes"] == {}


@pytest.mark.issue(15)
def test_counts_in_csv_plover_and_parquet(counted: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    out = io.StringIO()
    export_csv(counted, out)
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert (rows["195"]["killed"], rows["195"]["injured"], rows["195"]["arrested"]) == ("20", "24", "")
    assert json.loads(rows["195"]["attributes"]) == SHELLING_COUNTS and rows["042"]["killed"] == ""
    out = io.StringIO()
    export_plover(counted, out)
    plover = {r["CAMEO Code"]: r for r in csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t")}
    assert (plover["195"]["Killed"], plover["195"]["Injured"], plover["042"]["Killed"]) == ("20", "24", "")
    out = io.StringIO()
    export_jsonl(counted, out)
    assert json.loads(out.getvalue().splitlines()[0])["attributes"] == SHELLING_COUNTS
    export_parquet(counted, tmp_path / "pq")
    got = duckdb.sql(f"SELECT code, killed, injured, arrested FROM read_parquet('{tmp_path}/pq/**/*.parquet', "
                     "hive_partitioning = true) ORDER BY code").fetchall()
    assert got == [("042", None, None, None), ("195", 20, 24, None)]


@pytest.mark.issue(15)
def test_gdelt_export_is_unchanged_by_counts(counted: duckdb.DuckDBPyConnection) -> None:
    out = io.StringIO()
    export_gdelt(counted, out)
    assert all(len(line.split("\t")) == 61 for line in out.getvalue().splitlines())


@pytest.mark.issue(15)
def test_a_count_only_a_repeat_gives_is_kept_when_events_merge() -> None:
    from newsevents.dedup import merge_article_events

    first = event("d", 0, RUSSIA_ARMY, UKRAINE, "195", "2024-05-02", "Russian troops shelled Kyiv.")
    again = event("d", 3, RUSSIA_ARMY, UKRAINE, "195", "2024-05-02", "The shelling killed 4 people.")
    again.attributes = {"killed": {"min": 4, "max": 4, "text": "4", "span": [60, 61]}}
    (merged,) = merge_article_events([first, again])
    assert merged.attributes["killed"]["min"] == 4


@pytest.mark.issue(15)
def test_a_store_made_before_counts_is_read_and_migrated(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "old.duckdb"
    con = fill(path)
    con.execute("ALTER TABLE events DROP COLUMN attributes")
    con.execute("ALTER TABLE mentions DROP COLUMN attributes")
    con.close()
    # read-only (query, export): not changed, counts read as none
    result = runner.invoke(app, ["query", "--db", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert all(json.loads(line)["attributes"] == {} for line in result.stdout.splitlines())
    for fmt in ("csv", "plover", "gdelt", "parquet"):
        out = tmp_path / f"old.{fmt}"
        result = runner.invoke(app, ["export", "--db", str(path), "--format", fmt, "--out", str(out)])
        assert result.exit_code == 0, (fmt, result.output)
    ro = connect(path, read_only=True)
    assert "attributes" not in {r[0] for r in ro.execute("DESCRIBE events").fetchall()}
    ro.close()
    # writable (ingest, serve): the column is added, and new events store their counts
    con = connect(path)
    assert "attributes" in {r[0] for r in con.execute("DESCRIBE events").fetchall()}
    shelling = event("d8", 0, RUSSIA_ARMY, UKRAINE, "190", "2024-07-01", "Troops attacked, killing 3.")
    shelling.attributes = {"killed": {"min": 3, "max": 3, "text": "3", "span": [1, 2]}}
    StoreWriter(con).write_document(Document(id="d8", text="eight", date="2024-07-01", hash="h8"), [shelling], "run")
    (row,) = query_events(con, EventFilter(code="190"))
    assert row["attributes"]["killed"]["min"] == 3
