"""The Spark batch job: the same events as ``newsevents code``, bad inputs in the errors table."""
from __future__ import annotations

import gzip
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

pyspark = pytest.importorskip("pyspark")

from newsevents.batch.worker import year_month  # noqa: E402
from newsevents.cli import app as cli_app  # noqa: E402
from newsevents.spark import run_spark, spark_command  # noqa: E402

pytestmark = pytest.mark.issue(7)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# (id, publication date, text): short news items, each with at least one clear event.
TEXTS = [
    ("n01", "2024-03-04", "Iran condemned the Israeli air strike on Damascus on Monday. Iranian Foreign Minister "
                          "Hossein Amir-Abdollahian said the attack violated international law."),
    ("n02", "2024-03-05", "Russian troops attacked the Ukrainian city of Kharkiv overnight. Ukraine's president urged "
                          "Western allies to send more air defence systems."),
    ("n03", "2024-04-10", "The Kenyan president met his Ethiopian counterpart in Nairobi on Tuesday. The two leaders "
                          "signed an agreement on border trade."),
    ("n04", "2024-04-11", "Chinese Foreign Minister Wang Yi visited Australia on Wednesday. Australia and China agreed "
                          "to resume high-level talks."),
    ("n05", "2024-05-02", "Police in Nigeria arrested twelve protesters in Lagos. Amnesty International criticised the "
                          "Nigerian government for the arrests."),
    ("n06", "2024-05-20", "The United States imposed new sanctions on Venezuela. Venezuela's government rejected the "
                          "sanctions and accused Washington of interference."),
    ("n07", "2024-06-03", "France will send humanitarian aid to Sudan, the French foreign ministry said. The United "
                          "Nations appealed for a ceasefire in Sudan. In 2011, French warplanes bombed Libyan "
                          "government forces."),  # history: a background event
    ("n08", "2024-06-12", "Indian and Pakistani officials held talks in Geneva. India accused Pakistan of supporting "
                          "militants in Kashmir."),
    ("n09", "2024-07-01", "Japan protested to China over the detention of a Japanese businessman. Beijing denied the "
                          "accusation."),
    ("n10", "2024-07-15", "Egyptian mediators hosted Israeli and Hamas negotiators in Cairo. Egypt called on Israel to "
                          "halt its offensive in Rafah."),
    ("n11", None, "Turkish soldiers clashed with Kurdish militants near the Iraqi border. Iraq condemned the Turkish "
                  "operation."),
    ("n12", None, "German Chancellor Olaf Scholz praised Poland for its support of Ukraine. Poland promised to "
                  "increase military aid to Ukraine."),
]
RUN_DATE = "2024-08-30"  # --date, for the .txt files, which carry none
BAD_JSON_LINE = 4  # the line of corpus.jsonl that is not JSON


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """A small local[2] session; run_spark uses an active session as it is."""
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (SparkSession.builder.master("local[2]").appName("newsevents-test")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.default.parallelism", "2")
               .config("spark.driver.memory", "1g")
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.python.worker.reuse", "true")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _record(doc_id: str, date: str | None, text: str) -> dict[str, str]:
    return {"id": doc_id, "text": text, **({"date": date} if date else {})}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """JSONL (one bad line), gzipped JSONL, a folder of .txt files (one empty) and an HTML page."""
    root = tmp_path_factory.mktemp("corpus")
    lines = [json.dumps(_record(*item)) for item in TEXTS[:8]]
    lines.insert(BAD_JSON_LINE - 1, '{"id": "broken", "text": "no closing brace"')
    (root / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with gzip.open(root / "more.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(_record(*item)) + "\n" for item in TEXTS[8:10])
    texts = root / "texts"
    texts.mkdir()
    for doc_id, _date, text in TEXTS[10:]:
        (texts / f"{doc_id}.txt").write_text(text + "\n", encoding="utf-8")
    (texts / "empty.txt").write_text("", encoding="utf-8")
    return [str(root / "corpus.jsonl"), str(root / "more.jsonl.gz"), str(texts), str(EXAMPLES / "sample.html")]


def _canonical(record: dict[str, Any]) -> str:
    return json.dumps(record, sort_keys=True, ensure_ascii=False)


@pytest.fixture(scope="module")
def expected_events(corpus: list[str]) -> set[str]:
    """What ``newsevents code`` prints for the corpus; the Spark job keeps background events too,
    marked in their ``background`` column."""
    result = CliRunner().invoke(cli_app, ["code", *corpus, "--format", "jsonl", "--date", RUN_DATE, "--quiet",
                                          "--include-background"])
    assert result.exit_code == 0, result.output
    return {_canonical(json.loads(line)) for line in result.stdout.splitlines() if line.startswith("{")}


@pytest.fixture(scope="module")
def job(spark: Any, corpus: list[str], tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    output = tmp_path_factory.mktemp("out") / "coded"
    summary = run_spark(corpus, str(output), master="local[2]", partitions=6, date=RUN_DATE)
    return summary, output


def _rows(spark: Any, path: Path) -> list[dict[str, Any]]:
    return [row.asDict(recursive=True) for row in spark.read.parquet(str(path)).collect()]


def test_events_equal_newsevents_code(spark: Any, job: tuple[dict[str, Any], Path], expected_events: set[str]) -> None:
    summary, output = job
    events = _rows(spark, output / "events")
    assert len(expected_events) >= 12  # the corpus codes: the comparison is not vacuous
    assert {_canonical(json.loads(row["json"])) for row in events} == expected_events
    assert summary["events"] == len(events) == len(expected_events)


def test_event_columns_agree_with_the_json(spark: Any, job: tuple[dict[str, Any], Path]) -> None:
    _summary, output = job
    events = _rows(spark, output / "events")
    for row in events:
        record = json.loads(row["json"])
        assert row["event_id"] == record["event_id"] and row["doc_id"] == record["doc_id"]
        assert row["cameo_code"] == record["cameo"]["code"] and row["quad_class"] == record["cameo"]["quad_class"]
        assert row["source_code"] == record["source"]["code"]
        assert row["target_code"] == (record["target"] or {}).get("code")
        assert [row["trigger_start"], row["trigger_end"]] == record["evidence"]["trigger_span"]
        assert row["year_month"] == year_month(record["date"])
        assert (row["background"], row["joint"]) == (record["background"], record["joint"])
    # Both columns as the store's exports have them, each seen true at least once.
    assert any(row["background"] for row in events) and any(row["joint"] for row in events)
    months = {path.name for path in (output / "events").iterdir() if path.is_dir()}
    assert {"year_month=2024-03", "year_month=2024-08"} <= months


def test_mentions_equal_newsevents_actors(spark: Any, job: tuple[dict[str, Any], Path], corpus: list[str]) -> None:
    summary, output = job
    result = CliRunner().invoke(cli_app, ["actors", *corpus, "--format", "jsonl", "--date", RUN_DATE, "--quiet"])
    assert result.exit_code == 0, result.output
    expected = sorted(_canonical(json.loads(line)) for line in result.stdout.splitlines() if line.startswith("{"))
    rows = _rows(spark, output / "mentions")
    found = sorted(_canonical({"doc_id": row["doc_id"], "sentence_index": row["sentence_index"], "text": row["text"],
                               "span": [row["span_start"], row["span_end"]], "code": row["code"],
                               "country": row["country"], "sectors": row["sectors"], "name": row["name"],
                               "rule": row["rule"]}) for row in rows)
    assert found == expected and summary["mentions"] == len(rows)


def test_documents_and_errors(spark: Any, job: tuple[dict[str, Any], Path], corpus: list[str]) -> None:
    summary, output = job
    documents = _rows(spark, output / "documents")
    texts = [str(Path(corpus[2]) / f"{doc_id}.txt") for doc_id, _date, _text in TEXTS[10:]]
    expected = {doc_id for doc_id, _date, _text in TEXTS[:10]} | set(texts) | {corpus[3]}
    assert {row["id"] for row in documents} == expected and len(documents) == len(expected)
    assert {row["date"] for row in documents if row["id"] in texts} == {RUN_DATE}
    assert summary["mentions"] == sum(row["n_mentions"] for row in documents)
    errors = {row["input"]: row["reason"] for row in _rows(spark, output / "errors")}
    assert errors[f"{corpus[0]}:{BAD_JSON_LINE}"].startswith("invalid JSON")
    assert errors[str(Path(corpus[2]) / "empty.txt")] == "empty input"
    assert summary["errors"] == len(errors) == 2
    # One Pipeline per worker process, however many partitions each one codes.
    assert summary["max_loads_per_process"] == 1
    assert 1 <= summary["pipelines_loaded"] <= summary["worker_processes"] < summary["partitions"]


def test_parquet_and_uri_inputs_through_the_command(spark: Any, job: tuple[dict[str, Any], Path],
                                                     tmp_path: Path) -> None:
    _summary, first = job
    records = [_record(*item) for item in TEXTS[:3]]
    parquet = tmp_path / "input.parquet"
    spark.createDataFrame(records, schema="id string, text string, date string").write.parquet(str(parquet))
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "n11.txt").write_text(TEXTS[10][2] + "\n", encoding="utf-8")
    app = typer.Typer()
    app.command("spark")(spark_command)
    output = tmp_path / "coded"
    result = CliRunner().invoke(app, [str(parquet), texts.as_uri(), str(output), "--partitions", "2",
                                      "--date", RUN_DATE])
    assert result.exit_code == 0, result.output
    events = _rows(spark, output / "events")
    by_parquet = {_canonical(json.loads(row["json"])) for row in events if row["doc_id"] in {"n01", "n02", "n03"}}
    by_jsonl = {_canonical(json.loads(row["json"])) for row in _rows(spark, first / "events")
                if row["doc_id"] in {"n01", "n02", "n03"}}
    assert by_parquet == by_jsonl and by_parquet
    listed = f"file:{texts / 'n11.txt'}"  # as Hadoop's file system lists it
    assert {row["id"] for row in _rows(spark, output / "documents")} == {"n01", "n02", "n03", listed}


def test_exit_status(spark: Any, tmp_path: Path) -> None:
    app = typer.Typer()
    app.command("spark")(spark_command)
    bad_date = CliRunner().invoke(app, [str(tmp_path), str(tmp_path / "out"), "--date", "soon"])
    assert bad_date.exit_code == 2
    all_failed = CliRunner().invoke(app, [str(tmp_path / "missing.jsonl"), str(tmp_path / "out")])
    assert all_failed.exit_code == 1
    assert "no such file or directory" in all_failed.output
