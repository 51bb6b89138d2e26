"""Injection into what users open (issue 18): spreadsheet formulas in CSV, quote characters
and NUL bytes in the TSV exports, terminal escapes and Rich markup in tables."""
from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.export import GDELT_COLUMNS, PLOVER_COLUMNS
from newsevents.ingest import build_document
from newsevents.ingest.sources import RawItem
from newsevents.pipeline import Pipeline
from newsevents.store import StoreWriter, connect
from newsevents.web.app import create_app

pytestmark = pytest.mark.issue(18)

# The issue's reproductions: a formula as an evidence sentence, as a doc id and as a URL; a
# double quote starting a field; a NUL byte in a URL.
HOSTILE = [
    {"id": "e", "text": 'Nothing.\n\n=HYPERLINK("http://evil.example","x") Kenya condemned Somalia on Monday.'},
    {"id": "=cmd|' /C calc'!A0", "url": "@SUM(1+1)", "text": "Ghana praised Togo for its help on Friday."},
    {"id": "+plus", "url": "-2+3", "text": "-2+3 Uganda praised Rwanda for its help on Tuesday."},
    {"id": '"quoted', "url": '"http://q.example/a"', "text": '"Peru condemned Chile on Monday," he said.'},
    {"id": "nul", "url": "http://nul.example/\x00a", "text": '"Iran praised Iraq on Monday. "Egypt condemned Libya.'},
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def store(shared_pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("injection") / "events.duckdb"
    con = connect(db)
    writer = StoreWriter(con)
    run_id = writer.start_run(["hostile"], {})
    documents = [build_document(RawItem(r["id"], r["text"], "text", id=r["id"], url=r.get("url")), date="2024-06-21")
                 for r in HOSTILE]
    for document, _mentions, events in shared_pipeline.code(documents):
        assert events, document.id
        writer.write_document(document, events, run_id)
    writer.finish_run(run_id, stored=len(documents), skipped=0, errors=0)
    con.close()
    return db


def export(runner: CliRunner, db: Path, fmt: str, tmp_path: Path) -> str:
    out = tmp_path / f"x.{fmt}"
    result = runner.invoke(app, ["export", "-f", fmt, "-o", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


def string_cells(text: str) -> Iterator[str]:
    for row in csv.reader(io.StringIO(text)):
        yield from row


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def check_no_formula(text: str) -> None:
    cells = list(string_cells(text))
    assert cells
    # A number ("-2.0") is read as a number, never as a formula.
    assert not [c for c in cells if c.startswith(FORMULA_STARTS) and not is_number(c)]
    # The values are kept, behind the quote a spreadsheet shows as text.
    assert any(c.startswith("'=HYPERLINK") for c in cells)
    assert "'=cmd|' /C calc'!A0" in cells and "'@SUM(1+1)" in cells


def test_csv_export_neutralises_formulas(runner: CliRunner, store: Path, tmp_path: Path) -> None:
    check_no_formula(export(runner, store, "csv", tmp_path))


def test_query_csv_neutralises_formulas(runner: CliRunner, store: Path) -> None:
    result = runner.invoke(app, ["query", "-f", "csv", "--db", str(store)])
    assert result.exit_code == 0, result.stderr
    check_no_formula(result.stdout)


def test_api_csv_neutralises_formulas(shared_pipeline: Pipeline, store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"  # the app keeps its file open: the other tests export the original
    shutil.copyfile(store, copy)
    client = TestClient(create_app(db_path=copy, pipeline=shared_pipeline))
    response = client.get("/v1/events", params={"format": "csv"})
    assert response.status_code == 200
    check_no_formula(response.text)


def test_numbers_are_left_alone(runner: CliRunner, store: Path, tmp_path: Path) -> None:
    """Only text is neutralised: a negative Goldstein value stays a number."""
    rows = list(csv.DictReader(io.StringIO(export(runner, store, "csv", tmp_path))))
    assert "-2.0" in {row["goldstein"] for row in rows}


@pytest.mark.parametrize(("fmt", "columns", "header"), [("gdelt", len(GDELT_COLUMNS), None),
                                                         ("plover", len(PLOVER_COLUMNS), 0)])
def test_tsv_exports_read_the_same_in_every_reader(runner: CliRunner, store: Path, tmp_path: Path, fmt: str,
                                                   columns: int, header: int | None) -> None:
    text = export(runner, store, fmt, tmp_path)
    assert "\x00" not in text
    lines = [line for line in text.split("\n") if line]
    events = len(lines) - (header is not None)
    # A reader that splits on tabs, csv.reader, and pandas with its default options.
    assert all(len(line.split("\t")) == columns for line in lines)
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    assert len(rows) == len(lines) and all(len(row) == columns for row in rows)
    frame = pd.read_csv(tmp_path / f"x.{fmt}", sep="\t", header=header)
    assert frame.shape == (events, columns)
    # The values survive: csv.reader gives back the quoted evidence exactly.
    evidence = {row[PLOVER_COLUMNS.index("Evidence")] for row in rows} if fmt == "plover" else set()
    assert fmt == "gdelt" or '"Peru condemned Chile on Monday," he said.' in evidence


# The issue's reproduction: Rich markup and a raw "clear screen" escape in a JSONL id, and the
# escape in the article text too.
MARKUP_ID = "[link=http://evil.example]x[/link]\u001b[2J"
ESCAPED_TEXT = "Kenya condemned Somalia on Monday \u001b[2J. Ghana praised Togo for its help on Friday."
WIDE = {"COLUMNS": "400"}


@pytest.fixture
def markup_jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "m.jsonl"
    path.write_text(json.dumps({"id": MARKUP_ID, "text": ESCAPED_TEXT, "title": "T \u001b]0;pwned\u0007"}) + "\n",
                    encoding="utf-8")
    return path


def check_terminal_safe(output: str) -> None:
    assert "\x1b" not in output and "\x07" not in output  # no escape reaches the terminal
    assert "[link=http://evil.example]x[/link]" in output  # the markup is shown, not run


@pytest.mark.parametrize("command", ["extract", "actors", "code"])
def test_tables_show_markup_and_escapes_as_text(runner: CliRunner, cli_pipeline: Pipeline, markup_jsonl: Path,
                                                command: str) -> None:
    result = runner.invoke(app, [command, "-q", "-f", "table", str(markup_jsonl)], env=WIDE)
    assert result.exit_code == 0, result.stderr
    check_terminal_safe(result.stdout)


def test_query_table_shows_escapes_as_text(runner: CliRunner, cli_pipeline: Pipeline, markup_jsonl: Path,
                                           tmp_path: Path) -> None:
    db = tmp_path / "m.duckdb"
    assert runner.invoke(app, ["ingest", "-q", "--db", str(db), str(markup_jsonl)]).exit_code == 0
    result = runner.invoke(app, ["query", "-f", "table", "--db", str(db)], env=WIDE)
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "Kenya condemned Somalia" in result.stdout
