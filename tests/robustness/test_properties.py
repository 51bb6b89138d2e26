"""Property tests (issue 8): over arbitrary Unicode text and HTML-ish strings the coder never
raises, every event validates against the schema of Event.to_dict(), every span lies inside
the document text and cuts out exactly the mention's text, and a second run is identical.

Example counts are modest for CI (EXAMPLES below, derandomized so a CI failure reproduces);
bench/fuzz_ingest.py runs the same properties for many more cases.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from newsevents.batch.coding import Coded, code_documents, extract_document
from newsevents.budget import document_budget
from newsevents.errors import InputError
from newsevents.ingest import build_document
from newsevents.ingest.decode import decode_bytes
from newsevents.ingest.sources import RawItem, Source, read_source
from newsevents.model import Failure
from newsevents.pipeline import Pipeline

from .properties import (adversarial_items, any_text, check_coding, dates, html_text, nested_json, news_text,
                         raw_items, unicode_text, validate_event)

pytestmark = pytest.mark.issue(8)

# Examples per property: coding properties parse every example twice; ingest-only ones are cheap.
EXAMPLES = {"unicode": 100, "news": 80, "html": 60, "mixed": 60, "bytes": 300, "jsonl": 200, "surrogates": 200}
CODING = settings(deadline=None, derandomize=True, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def note(events: int) -> None:
    """Label the example for --hypothesis-show-statistics: did it reach the coder's output?"""
    event("coded events" if events else "no event (or refused by ingest)")


@pytest.fixture(scope="module")
def pipeline(shared_pipeline: Pipeline) -> Pipeline:
    return shared_pipeline


@settings(CODING, max_examples=EXAMPLES["unicode"])
@given(text=unicode_text, date=dates)
def test_arbitrary_unicode_text(pipeline: Pipeline, text: str, date: str | None) -> None:
    note(check_coding(pipeline, RawItem("text", text, "text", id="doc"), date))


@settings(CODING, max_examples=EXAMPLES["news"])
@given(text=news_text(), date=dates)
def test_news_like_text(pipeline: Pipeline, text: str, date: str | None) -> None:
    note(check_coding(pipeline, RawItem("text", text, "text", id="doc"), date))


@settings(CODING, max_examples=EXAMPLES["html"])
@given(html=html_text(), date=dates)
def test_html_ish_strings(pipeline: Pipeline, html: str, date: str | None) -> None:
    note(check_coding(pipeline, RawItem("html", html, "html", id="doc"), date))


@settings(CODING, max_examples=EXAMPLES["mixed"])
@given(raw=raw_items, date=dates)
def test_sniffed_and_mixed_items(pipeline: Pipeline, raw: RawItem, date: str | None) -> None:
    note(check_coding(pipeline, raw, date))


@settings(max_examples=EXAMPLES["bytes"], deadline=None, derandomize=True, database=None)
@given(data=st.one_of(st.binary(max_size=2000), any_text.map(lambda t: t.encode("utf-8")),
                      any_text.map(lambda t: t.encode("utf-16")), st.text(max_size=300).map(lambda t: t.encode("utf-16-le"))))
def test_any_bytes_decode_to_text_or_a_reason(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except InputError as err:
        assert str(err) and "\n" not in str(err)
        return
    assert "\x00" not in text
    text.encode("utf-8")


@settings(max_examples=EXAMPLES["jsonl"], deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.one_of(st.text(max_size=60), st.sampled_from(
    ('{"id": "a", "text": "Kenya condemned Somalia."}', '{"id": 1, "text": "x"}', '{"id": "a"}', "[]", "null",
     '{"id": "b", "html": "<p>x</p>"}', '{"id": "\\ud800", "text": "\\udfff"}', '{"id": true, "text": "y"}',
     '{"id": "c", "text": "z", "date": 5}', "{"))), min_size=1, max_size=8))
def test_any_jsonl_gives_items_or_failures(tmp_path: Path, lines: list[str]) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    for item in read_source(Source(label=str(path), kind="jsonl", path=path)):
        if isinstance(item, Failure):
            assert item.input.startswith(f"{path}:") or item.input == str(path)
            continue
        try:
            document = build_document(item, languages=None)
        except InputError:
            continue
        document.text.encode("utf-8")
        document.id.encode("utf-8")


@settings(max_examples=EXAMPLES["surrogates"], deadline=None, derandomize=True, database=None)
@given(text=st.text(alphabet=st.one_of(st.characters(), st.characters(categories=["Cs"])), max_size=200))
def test_lone_surrogates_never_escape_ingest(text: str) -> None:
    """JSON can carry lone surrogates; whatever ingest returns must be encodable."""
    for kind in ("text", "html", "auto"):
        try:
            document = build_document(RawItem("x", text, kind, id=text[:10], title=text[:5]), languages=None)
        except InputError:
            continue
        for value in (document.text, document.id, document.title or "", document.hash):
            value.encode("utf-8")


# Issue 18's shapes (few examples here; bench/fuzz_ingest.py --adversarial-cases runs many).
ADVERSARIAL_EXAMPLES = 12
NESTED_EXAMPLES = 60
BUDGET_SLACK_SECONDS = 5.0


@pytest.mark.issue(18)
@settings(CODING, max_examples=ADVERSARIAL_EXAMPLES)
@given(raw=adversarial_items, date=dates)
def test_adversarial_shapes_code_within_the_budget(pipeline: Pipeline, raw: RawItem, date: str | None) -> None:
    started = time.monotonic()
    document = extract_document(raw, date=date, languages=None)
    outcome = document if isinstance(document, Failure) else next(iter(code_documents(pipeline, [(raw.label, document)])))
    assert time.monotonic() - started <= 2 * document_budget() + BUDGET_SLACK_SECONDS
    if isinstance(outcome, Coded):
        for coded in outcome.events:
            validate_event(coded.to_dict(explain=True), outcome.document)
    else:
        assert "\n" not in outcome.reason


@pytest.mark.issue(18)
@settings(max_examples=NESTED_EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(line=nested_json())
def test_nested_json_lines_are_items_or_failures(tmp_path: Path, line: str) -> None:
    path = tmp_path / "n.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    (item,) = read_source(Source(label=str(path), kind="jsonl", path=path))
    assert isinstance(item, RawItem | Failure)
