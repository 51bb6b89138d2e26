"""The command line: output, one-line errors, exit status."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from newsevents.cli import app

from .conftest import EXAMPLES

ENGLISH = ("The prime minister met union leaders in the capital on Friday to discuss the strike, "
           "and both sides agreed to continue talks next week.")
ARABIC = "التقى رئيس الوزراء بقادة النقابات في العاصمة يوم الجمعة لمناقشة الإضراب واتفق الجانبان على مواصلة المحادثات"


def _jsonl(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def _bad_inputs(tmp_path: Path, closed_port_url: str) -> dict[str, str]:
    """Each bad input with the start of the reason it must give."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    big = "<html><body>" + "<p>filler text for a very large page</p>" * 600_000 + "</body></html>"
    (tmp_path / "huge.html").write_text(big)
    (tmp_path / "arabic.txt").write_text(ARABIC * 3)
    return {
        str(tmp_path / "missing.txt"): "no such file or directory",
        str(tmp_path / "empty.txt"): "empty input",
        str(tmp_path / "image.txt"): "binary file",
        str(tmp_path / "huge.html"): "too large",
        closed_port_url: "unreachable",
    }


def test_good_inputs_survive_every_bad_input(runner: CliRunner, tmp_path: Path, closed_port_url: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes((ENGLISH + " The café reopened in Zürich.").encode("latin-1"))
    gz_page = tmp_path / "page.html.gz"
    gz_page.write_bytes(gzip.compress((EXAMPLES / "sample.html").read_bytes()))
    bad = _bad_inputs(tmp_path, closed_port_url)
    result = runner.invoke(app, ["extract", "-q", str(good), *bad, str(tmp_path / "arabic.txt"), str(latin1), str(gz_page)])
    assert result.exit_code == 0, result.stderr
    records = _jsonl(result.stdout)
    assert [r["id"] for r in records] == [str(good), str(latin1), str(gz_page)]
    assert "Zürich" in str(records[1]["text"])
    assert records[2]["date"] == "2025-03-14"
    lines = result.stderr.strip().splitlines()
    # Another language is skipped, not an error (issue 13).
    assert [line for line in lines if line.startswith("skipped: ")] == [
        f"skipped: {tmp_path / 'arabic.txt'}: language ar, not English (--any-language keeps it)"]
    error_lines = [line for line in lines if not line.startswith("skipped: ")]
    assert len(error_lines) == len(bad)
    for line, (name, reason) in zip(error_lines, bad.items()):
        assert line.startswith(f"error: {name}: {reason}"), line
    assert "Traceback" not in result.stderr


def test_every_input_failing_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", "-q", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {tmp_path / 'nope.txt'}: no such file or directory"


def test_usage_errors_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(app, ["extract", "--date", "yesterday-ish", str(tmp_path)]).exit_code == 2
    assert runner.invoke(app, ["extract", "--format", "xml", str(tmp_path)]).exit_code == 2
    assert runner.invoke(app, ["extract"]).exit_code == 2


def test_record_fields_and_date_option(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH + "\n\nShare.\n\nComments are closed.\n")
    result = runner.invoke(app, ["extract", "-q", "--date", "2024-06-21", str(path)])
    (record,) = _jsonl(result.stdout)
    assert set(record) == {"id", "title", "date", "url", "lang", "text", "hash"}
    assert record["text"] == ENGLISH
    assert record["date"] == "2024-06-21"
    assert len(str(record["hash"])) == 64


def test_stdin_input(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "-q", "-"], input=ENGLISH)
    assert [r["id"] for r in _jsonl(result.stdout)] == ["-"]


def test_seed_article_loses_its_debris(runner: CliRunner, shared_data: Path) -> None:
    result = runner.invoke(app, ["extract", "-q", str(shared_data / "seed" / "article.txt")])
    (record,) = _jsonl(result.stdout)
    text = str(record["text"])
    assert text.endswith("promoting peace in the Middle East.")
    for debris in ("Share.", "Comments are closed.", "Exit mobile version"):
        assert debris not in text


def test_codebook_lookup_and_search(runner: CliRunner) -> None:
    result = runner.invoke(app, ["codebook", "042", "--format", "jsonl"])
    (entry,) = _jsonl(result.stdout)
    assert (entry["name"], entry["quad_class"], entry["plover_type"]) == ("Make a visit", 1, "CONSULT")
    table = runner.invoke(app, ["codebook", "042"], env={"COLUMNS": "200"}).stdout
    assert "Make a visit" in table and "CONSULT" in table and "+1.9" in table
    assert runner.invoke(app, ["codebook", "visit"]).exit_code == 0
    assert runner.invoke(app, ["codebook", "zzzz-no-such"]).exit_code == 1


def test_console_script_runs() -> None:
    result = subprocess.run([sys.executable, "-m", "newsevents.cli", "extract", "-q", str(EXAMPLES / "sample.html")],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "Moyale" in result.stdout
