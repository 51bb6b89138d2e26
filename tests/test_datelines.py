"""A wire dateline is a sentence of its own, so the lede's subject is not the dateline's city."""
from __future__ import annotations

import pytest

from newsevents.datelines import dateline_end
from newsevents.model import Document
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.mark.parametrize("text,body", [
    ("THE HAGUE, Netherlands -- A court ruled.", "A court ruled."),
    ("KHARTOUM, March 16 (Xinhua) -- Sudan's president met envoys.", "Sudan's president met envoys."),
    ("Lagos (Reuters) - Police arrested ten people.", "Police arrested ten people."),
    ("WASHINGTON — The Senate voted.", "The Senate voted."),
])
def test_a_dateline_ends_before_the_body(text: str, body: str) -> None:
    end = dateline_end(text)
    assert end is not None and text[end:] == body


@pytest.mark.parametrize("text", [
    "Two hostages — an American and an Australian — were released.",  # a sentence, not a dateline
    "Israel - Hamas agree to a truce",  # a headline
    "Indianapolis – Teachers marched.",  # title case without an agency: the gazetteer's call (events.lede)
    "The minister said - again - that talks would resume.",
    "",
])
def test_no_dateline(text: str) -> None:
    assert dateline_end(text) is None


def _parse(pipeline: Pipeline, text: str):
    ((_document, doc),) = list(pipeline.parse([Document(id="d", text=text, date="2024-03-01")]))
    return doc


def test_the_dateline_is_its_own_sentence_and_the_lede_parses_whole(pipeline: Pipeline) -> None:
    doc = _parse(pipeline, "THE HAGUE, Netherlands -- A United Nations prosecutor has charged a former Rwandan "
                           "minister with contempt of court.")
    sentences = [s.text for s in doc.sents]
    assert sentences[0] == "THE HAGUE, Netherlands --"
    assert sentences[1].startswith("A United Nations prosecutor")
    charged = next(t for t in doc if t.text == "charged")
    assert [c.text for c in charged.children if c.dep_ == "nsubj"] == ["prosecutor"]


def test_a_text_without_a_dateline_parses_as_before(pipeline: Pipeline) -> None:
    doc = _parse(pipeline, "Two hostages — an American and an Australian — were released on Tuesday.")
    assert len(list(doc.sents)) == 1


def test_the_lede_s_event_has_its_actor_not_the_dateline(pipeline: Pipeline) -> None:
    text = ("THE HAGUE, Netherlands -- A United Nations prosecutor has charged a former Rwandan planning minister "
            "with contempt of court for allegedly bribing witnesses.")
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="d", text=text, date="2024-03-01")],
                                                           coder="rules"))
    assert [(e.code[:2], e.source.code, e.target and e.target.code) for e in events] == [("11", "IGOUNOJUD", "RWAELI")]
    # The evidence is the lede without the dateline; the place is still the dateline's city.
    assert events[0].sentence.startswith("A United Nations prosecutor")
    assert events[0].location is not None and events[0].location["name"] == "The Hague"
