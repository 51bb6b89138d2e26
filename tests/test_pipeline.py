"""Parsing: batches, sentence offsets, long documents in chunks."""
from __future__ import annotations

import pytest

from newsevents.model import Document
from newsevents.sentence_starts import SENTENCE_STARTS_COMPONENT
from newsevents.nlp import REQUIRED_COMPONENTS
from newsevents.pipeline import Pipeline, bounded_batches, split_chunks

TEXTS = [
    "Iran condemned the strike on Monday.\n\nIraq's foreign minister called for calm. He left Baghdad.",
    "The court fined the company. Its lawyers said they would appeal.",
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(batch_size=8)


def test_sentences_keep_offsets_into_the_text(pipeline: Pipeline) -> None:
    documents = [Document(id=str(i), text=text) for i, text in enumerate(TEXTS)]
    parsed = list(pipeline.parse(documents))
    assert [document.id for document, _ in parsed] == ["0", "1"]
    first = parsed[0][0]
    assert [s.text for s in first.sentences] == [
        "Iran condemned the strike on Monday.", "Iraq's foreign minister called for calm.", "He left Baghdad."]
    for document, _doc in parsed:
        for sentence in document.sentences:
            assert document.text[sentence.start:sentence.end] == sentence.text


def test_only_required_components_run(pipeline: Pipeline) -> None:
    assert set(pipeline.nlp.pipe_names) <= set(REQUIRED_COMPONENTS) | {SENTENCE_STARTS_COMPONENT}
    assert "parser" in pipeline.nlp.pipe_names
    # Our sentence-start marker sets them, which the parser only keeps if set before it.
    names = pipeline.nlp.pipe_names
    assert names.index(SENTENCE_STARTS_COMPONENT) < names.index("parser")


def test_long_document_is_parsed_in_chunks_with_true_offsets(pipeline: Pipeline) -> None:
    paragraph = "The minister visited the port. Workers protested outside the gate.\n\n"
    text = (paragraph * 40).strip()
    pieces = split_chunks(text, limit=500)
    assert "".join(pieces) == text and len(pieces) > 1
    document = Document(id="long", text=text)
    ((parsed, doc),) = list(Pipeline(max_chunk_chars=500).parse([document]))
    assert doc.text == text
    assert len(parsed.sentences) == 80
    assert all(text[s.start:s.end] == s.text for s in parsed.sentences)


def test_batches_are_bounded_in_items_and_characters() -> None:
    items = [("a" * n, i) for i, n in enumerate([10, 10, 10, 35, 5, 100, 1, 1, 1, 1])]
    groups = list(bounded_batches(items, 3, 40))
    assert [[context for _text, context in group] for group in groups] == [[0, 1, 2], [3, 4], [5], [6, 7, 8], [9]]
    # Every batch within both bounds, except a single text longer than the character bound.
    assert all(len(group) <= 3 and (sum(len(t) for t, _ in group) <= 40 or len(group) == 1) for group in groups)


def test_many_documents_in_small_batches_keep_their_order(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsevents.pipeline

    monkeypatch.setattr(newsevents.pipeline, "MAX_BATCH_CHARS", 120)
    paragraph = "The minister visited the port. Workers protested outside the gate.\n\n"
    documents = [Document(id=str(i), text=TEXTS[i % 2] + " " + paragraph * (i % 4)) for i in range(12)]
    texts = {d.id: d.text for d in documents}
    parsed = list(Pipeline(max_chunk_chars=150).parse(documents))
    assert [document.id for document, _ in parsed] == [str(i) for i in range(12)]
    assert all(doc.text == texts[document.id] for document, doc in parsed)
