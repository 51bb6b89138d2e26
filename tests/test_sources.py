"""Finding and reading inputs: files, directories, JSONL, URLs."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.ingest import read_documents
from newsevents.ingest.sources import expand_inputs, http_error, media_type, read_source
from newsevents.model import Document, Failure

TEXT = "The finance minister presented the budget to parliament on Monday, and lawmakers debated it for hours."


def _split(results: list[Document | Failure]) -> tuple[list[Document], list[Failure]]:
    return ([r for r in results if isinstance(r, Document)], [r for r in results if isinstance(r, Failure)])


def test_directory_is_walked_recursively_with_known_suffixes(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(TEXT)
    (tmp_path / "two.html").write_text(f"<html><body><article><p>{TEXT}</p><p>{TEXT}</p></article></body></html>")
    (tmp_path / "notes.csv").write_text("x,y")
    sources = list(expand_inputs([str(tmp_path)]))
    assert sorted(Path(s.label).name for s in sources) == ["one.txt", "two.html"]


def test_symlink_loop_does_not_trap_the_walk(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(TEXT)
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    documents, failures = _split(list(read_documents([str(tmp_path)])))
    assert len(documents) == 1 and not failures


def test_empty_directory_is_an_error(tmp_path: Path) -> None:
    assert [f.reason for f in expand_inputs([str(tmp_path)])] == ["no .txt, .html or .jsonl files in this directory"]


def test_jsonl_records_and_their_errors(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": TEXT, "date": "2024-06-21", "url": "https://x.example/a", "title": "A"}),
        "{broken json",
        json.dumps({"text": TEXT}),
        json.dumps({"id": "a", "text": TEXT}),
        json.dumps({"id": "b", "text": 42}),
        json.dumps({"id": "c", "html": f"<html><body><article><p>{TEXT}</p></article></body></html>"}),
        json.dumps(["not", "an", "object"]),
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n")
    documents, failures = _split(list(read_documents([str(path)])))
    assert [d.id for d in documents] == ["a", "c"]
    first = documents[0]
    assert (first.date, first.url, first.title, first.lang) == ("2024-06-21", "https://x.example/a", "A", "en")
    reasons = {f.input.rsplit(":", 1)[1]: f.reason for f in failures}
    assert reasons["2"].startswith("invalid JSON")
    assert reasons["3"].startswith('missing "id"')
    assert reasons["4"].startswith("duplicate id 'a'")
    assert reasons["5"] == '"text" must be a string, not int'
    assert reasons["7"].startswith("expected a JSON object")


def test_date_precedence_record_then_page_then_default(tmp_path: Path) -> None:
    page = ("<html><head><meta property='article:published_time' content='2023-01-05'></head>"
            f"<body><article><p>{TEXT}</p><p>{TEXT}</p></article></body></html>")
    lines = [json.dumps({"id": "rec", "html": page, "date": "2024-02-02"}),
             json.dumps({"id": "page", "html": page}),
             json.dumps({"id": "none", "text": TEXT})]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines))
    dates = {d.id: d.date for d in read_documents([str(path)], date="2020-12-31")}
    assert dates == {"rec": "2024-02-02", "page": "2023-01-05", "none": "2020-12-31"}


def test_url_is_fetched_and_failures_are_named(http_server, closed_port_url: str) -> None:
    base, pages = http_server
    html = f"<html><head><title>T</title></head><body><article><p>{TEXT}</p><p>{TEXT}</p></article></body></html>"
    pages["/ok.html"] = (200, "text/html", html.encode())
    pages["/boom"] = (500, "text/plain", b"oops")
    results = list(read_documents([f"{base}/ok.html", f"{base}/boom", f"{base}/missing", closed_port_url]))
    documents, failures = _split(results)
    assert [d.id for d in documents] == [f"{base}/ok.html"]
    assert TEXT in documents[0].text
    reasons = {f.input: f.reason for f in failures}
    assert reasons[f"{base}/boom"].startswith("HTTP 500")
    assert reasons[f"{base}/missing"].startswith("HTTP 404")
    assert reasons[closed_port_url].startswith("unreachable")


def test_unreadable_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(TEXT)

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # Tests run as root in CI, where chmod cannot make a file unreadable.
    monkeypatch.setattr(Path, "open", refuse)
    (source,) = list(expand_inputs([str(path)]))
    assert [str(f) for f in read_source(source)] == [f"error: {path}: permission denied"]


def test_the_fetchers_read_a_media_type_and_word_an_http_error_alike() -> None:
    assert media_type("Text/HTML; charset=utf-8") == "text/html"
    assert media_type("") is None and media_type(None) is None
    assert str(http_error(404, "Not\n Found")) == "HTTP 404 Not Found"
    assert str(http_error(500, None)) == "HTTP 500"
