"""Sentence starts kept for the parser: a wire dateline is a sentence of its own, and so is each
paragraph line (a headline or a byline is not read into the lede). Sentences written for the tests."""
from __future__ import annotations

import pytest

from newsevents.sentence_starts import dateline_end, line_starts
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


PARAGRAPHS = "Staff Reports\nPolice arrested six people on Monday in Columbus, Ohio.\nThe suspects were charged on Tuesday."
# Hard-wrapped: lines cut at a width, most of them mid-sentence.
WRAPPED = ("The minister said on Tuesday that the government\nwould resume talks with the rebels\n"
           "Russia had offered to host them next month, officials said.")


def test_each_line_of_a_text_written_a_paragraph_to_a_line_starts_a_sentence() -> None:
    assert [PARAGRAPHS[i:i + 6] for i in line_starts(PARAGRAPHS)] == ["Police", "The su"]


def test_hard_wrapped_lines_are_left_to_the_parser() -> None:
    assert line_starts(WRAPPED) == []


def test_a_blank_line_always_starts_a_sentence() -> None:
    text = "The minister said on Tuesday that the government\nwould resume talks\n\nRussia offered to host them."
    assert [text[i:i + 6] for i in line_starts(text)] == ["Russia"]


def test_a_line_going_on_in_lower_case_is_the_same_sentence() -> None:
    text = "Iran condemned the strike.\nTehran summoned the envoy of\nthe Swiss embassy.\nIt gave no details."
    assert [text[i:i + 6] for i in line_starts(text)] == ["Tehran", "It gav"]


def test_a_byline_is_not_read_into_the_lede(pipeline: Pipeline) -> None:
    doc = _parse(pipeline, PARAGRAPHS)
    assert [s.text.strip() for s in doc.sents][:2] == ["Staff Reports", "Police arrested six people on Monday in Columbus, Ohio."]
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="d", text=PARAGRAPHS, date="2024-03-01")],
                                                           coder="rules"))
    arrest = next(e for e in events if e.code == "173")
    assert arrest.source.text == "Police" and arrest.sentence.startswith("Police arrested")


def test_a_headline_repeating_the_lede_gives_no_second_event(pipeline: Pipeline) -> None:
    text = ("Sweden drops rape investigation\nProsecutors in Sweden have dropped an investigation into a rape "
            "allegation against a Swedish journalist.\nThe case had been open since 2010.")
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="d", text=text, date="2024-03-01")],
                                                           coder="rules"))
    assert [(e.sentence_index, e.code, e.source.code) for e in events] == [(1, "081", "SWEJUD")]


def test_a_headline_act_the_body_does_not_report_stays(pipeline: Pipeline) -> None:
    text = ("Egypt criticizes Israel over Gaza strikes\nThe Egyptian foreign minister met his Jordanian "
            "counterpart in Amman on Monday.\nThey discussed the drought.")
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="d", text=text, date="2024-03-01")],
                                                           coder="rules"))
    assert (0, "111", "EGY") in {(e.sentence_index, e.code, e.source.code) for e in events}
