"""Hypothesis strategies for arbitrary and news-like text and HTML, and the checks every coded
result must pass (issue 8). Shared by test_properties.py and bench/fuzz_ingest.py.
"""
from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import strategies as st

from newsevents.errors import InputError
from newsevents.ingest import build_document
from newsevents.ingest.sources import RawItem
from newsevents.model import ActorMention, Document, Event
from newsevents.pipeline import Pipeline

ACTORS = ("Kenya", "Somalia", "Iran", "Iraq", "the United States", "Russian troops", "Israeli police",
          "Kenyan Foreign Minister Musalia Mudavadi", "the UN", "Hamas", "Ukraine's army", "China",
          "Tehran", "the president", "He", "protesters", "Germany and France", "Egypt's government")
VERBS = ("condemned", "met", "visited", "attacked", "accused", "praised", "agreed to meet", "threatened",
         "arrested", "said", "did not condemn", "will visit", "might attack", "called on", "urged",
         "rejected", "expelled diplomats from", "held talks with", "signed a deal with", "fired rockets at")
TAILS = ("in Baghdad", "near Kharkiv", "on Monday", "yesterday", "last week", "on March 3, 2023", "to Cairo",
         "outside El Fasher", "officials said", "for its help", "of interference", "to halt strikes in Gaza",
         "three days ago", "in 2019", "on Saturday night")
OPENERS = ("", "KHARKIV, Ukraine (AP) — ", "BEIRUT, June 20 (Reuters) - ", "In Tripoli, ", "If ",
           "Officials said ", "\"", "Share. ")
PUNCT = (".", "!", "?", ";", ",", " —", ".\n\n", "\n", "...", ". ")
DATES = ("2024-06-21", "2024-02-29", "1999-12-31", "2030-01-01")

# Any code point but lone surrogates (they are not text; valid_unicode has its own test).
unicode_text = st.text(max_size=400)
noise = st.text(max_size=6)


@st.composite
def news_text(draw: st.DrawFn) -> str:
    """Sentences of actors, event verbs, places and dates, with noise between the words."""
    sentences = []
    for _ in range(draw(st.integers(1, 6))):
        words = [draw(st.sampled_from(OPENERS)) + draw(st.sampled_from(ACTORS)), draw(st.sampled_from(VERBS))]
        if draw(st.booleans()):
            words.append(draw(st.sampled_from(ACTORS)))
        words.extend(draw(st.lists(st.sampled_from(TAILS), max_size=2)))
        if draw(st.integers(0, 3)) == 0:
            words.insert(draw(st.integers(0, len(words))), draw(noise))
        sentences.append(" ".join(words) + draw(st.sampled_from(PUNCT)))
    return " ".join(sentences)


any_text = st.one_of(unicode_text, news_text(), st.builds("".join, st.lists(st.one_of(news_text(), noise), max_size=4)))

TAGS = ("p", "div", "article", "span", "b", "a", "h1", "li", "section", "main", "td", "br", "img")


@st.composite
def html_text(draw: st.DrawFn) -> str:
    """HTML-ish strings: real and broken tags, scripts, comments, entities, attributes."""
    def element(depth: int) -> str:
        kind = draw(st.integers(0, 9 if depth < 4 else 3))
        if kind <= 2:
            return draw(any_text)
        if kind == 3:
            return draw(st.sampled_from(("&amp;", "&lt;", "&#x27;", "&nbsp;", "&bogus;", "<!-- c -->", "<", "&",
                                         "<![CDATA[x]]>", "</p>", "<p", "\x00", "\ufeff")))
        if kind == 4:
            return f"<script>{draw(noise)}</script><style>{draw(noise)}</style>"
        tag = draw(st.sampled_from(TAGS))
        attrs = draw(st.sampled_from(("", ' class="story"', " href='https://example.org/x'", ' id="a" data-x=1',
                                      ' style="display:none"', " lang=ar")))
        inner = "".join(element(depth + 1) for _ in range(draw(st.integers(0, 3))))
        close = draw(st.sampled_from((f"</{tag}>", f"</{tag}>", "")))
        return f"<{tag}{attrs}>{inner}{close}"

    head = draw(st.sampled_from(("", "<!DOCTYPE html>", "<html><head><title>News</title>"
                                 "<meta property='article:published_time' content='2024-06-21'></head>")))
    body = "".join(element(0) for _ in range(draw(st.integers(1, 5))))
    return f"{head}<body>{body}</body>" if head else body


raw_items = st.one_of(
    st.builds(lambda text: RawItem("text", text, "text", id="doc"), any_text),
    st.builds(lambda text: RawItem("auto", text, "auto", id="doc"), any_text),
    st.builds(lambda html: RawItem("html", html, "html", id="doc"), html_text()),
)
dates = st.one_of(st.none(), st.sampled_from(DATES))


# Issue 18's shapes: inputs that crashed a whole run or took minutes. Sizes are mostly small,
# with a large one now and then (LARGE_ONE_IN), so that many cases run in little time.
LARGE_ONE_IN = 20


def _size(small: int, large: int) -> st.SearchStrategy[int]:
    """Mostly 1..small; one case in LARGE_ONE_IN is ``large``."""
    return st.integers(0, LARGE_ONE_IN - 1).flatmap(
        lambda k: st.just(large) if k == 0 else st.integers(1, small))


@st.composite
def nested_json(draw: st.DrawFn) -> str:
    """A JSONL line whose value nests arrays or objects deeply (past Python's recursion limit
    at the large size), as a field or as the whole line."""
    depth = draw(_size(200, 100_000))
    opener, closer = draw(st.sampled_from((("[", "]"), ('{"a":', "}"), ("[{\"b\":", "}]"))))
    value = opener * depth + draw(st.sampled_from(("1", '"x"', "null", "[]"))) + closer * depth
    if draw(st.booleans()):
        return value
    return '{"id": "n", "text": "Kenya condemned Somalia.", "e": ' + value + "}"


@st.composite
def coordinated_list(draw: st.DrawFn) -> str:
    """One sentence listing many actors: "Officials said that Kenya, Kenya, ... and X condemned Y"."""
    items = draw(_size(60, 3_000))
    names = draw(st.lists(st.sampled_from(ACTORS), min_size=1, max_size=4))
    listed = ", ".join(names[n % len(names)] for n in range(items))
    verb, target = draw(st.sampled_from(VERBS)), draw(st.sampled_from(ACTORS))
    return f"{draw(st.sampled_from(OPENERS))}Officials said that {listed} and Ethiopia {verb} {target}."


@st.composite
def tiny_elements(draw: st.DrawFn) -> str:
    """A page of many tiny elements, side by side or nested inside each other."""
    count = draw(_size(300, 20_000))
    tag = draw(st.sampled_from(("p", "li", "div", "span", "td", "br")))
    word = draw(st.sampled_from(("Kenya.", "x", "", "Kenya condemned Somalia.", "&amp;")))
    if draw(st.booleans()):
        body = f"<{tag}>{word}</{tag}>" * count
    else:
        body = f"<{tag}>{word}" * count + f"</{tag}>" * count
    return f"<html><body><article>{body}</article></body></html>"


CONTROL_CHARACTERS = tuple(chr(c) for c in (*range(0x00, 0x20), *range(0x7F, 0xA0))) + (
    "[2J", "]8;;http://evil.examplex]8;;", "[31m", "‮", "​", "﻿", " ")


@st.composite
def with_control_characters(draw: st.DrawFn) -> str:
    """News-like text with control characters and terminal escapes between and inside words."""
    text = draw(news_text())
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(CONTROL_CHARACTERS)) + text[at:]
    return text


adversarial_items = st.one_of(
    st.builds(lambda text: RawItem("list", text, "text", id="list"), coordinated_list()),
    st.builds(lambda html: RawItem("page", html, "html", id="page"), tiny_elements()),
    st.builds(lambda text: RawItem("control", text, "auto", id="control"), with_control_characters()),
)


def document_from(raw: RawItem, date: str | None) -> Document | None:
    """The document ingest builds (any language), or None when ingest refuses the item."""
    try:
        return build_document(raw, date=date, languages=None)
    except InputError:
        return None  # a clean refusal, with its reason: what a bad input should get


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ACTOR_KEYS = {"code": (str, type(None)), "country": (str, type(None)), "sectors": list, "name": (str, type(None)),
              "text": str, "span": list}
LOCATION_KEYS = {"name": str, "country": (str, type(None)), "admin1": (str, type(None)), "lat": (float, int),
                 "lon": (float, int), "geonameid": int, "feature": (str, type(None))}
MENTION_KEYS = {"event_id": str, "sentence_index": int, "sentence": str, "trigger": str, "trigger_span": list,
                "rule": str, "confidence": (float, int), "date": (str, type(None)), "date_source": (str, type(None)),
                "location": (dict, type(None))}
EVENT_KEYS = {"event_id": str, "doc_id": str, "sentence_index": int, "date": (str, type(None)),
              "date_source": (str, type(None)), "source": dict, "target": (dict, type(None)), "cameo": dict,
              "plover": dict, "location": (dict, type(None)), "negated": bool, "modality": (str, type(None)),
              "evidence": dict, "confidence": (float, int), "mentions": list, "attributes": dict,
              "date_precision": (str, type(None)), "background": bool, "joint": bool}
EXPLAINED_EVENT_KEYS = {**EVENT_KEYS, "explanation": list}
CAMEO_KEYS = {"code": str, "root": str, "name": str, "goldstein": (float, int, type(None)), "quad_class": int}
PLOVER_KEYS = {"type": (str, type(None)), "mode": (str, type(None))}
EVIDENCE_KEYS = {"sentence": str, "trigger": str, "trigger_span": list, "rule": str}
DATE_SOURCES = (None, "text", "publication")


def _keys(record: dict[str, Any], schema: dict[str, Any], where: str) -> None:
    assert set(record) == set(schema), f"{where}: keys {sorted(record)} != {sorted(schema)}"
    for key, types in schema.items():
        value = record[key]
        assert isinstance(value, types) and not (isinstance(value, bool) and types in (int, (float, int))), \
            f"{where}.{key}: {value!r} is not {types}"


def _span(text: str, span: list[int], expected: str, where: str) -> None:
    assert len(span) == 2 and all(isinstance(n, int) and not isinstance(n, bool) for n in span), f"{where}: {span}"
    start, end = span
    assert 0 <= start <= end <= len(text), f"{where}: span {span} outside a text of {len(text)}"
    assert text[start:end] == expected, f"{where}: text[{start}:{end}] = {text[start:end]!r} != {expected!r}"


def validate_event(record: dict[str, Any], document: Document) -> None:
    """Event.to_dict() (with or without explain) against the schema, with every span
    checked against the text."""
    _keys(record, EXPLAINED_EVENT_KEYS if "explanation" in record else EVENT_KEYS, "event")
    assert all(isinstance(line, str) for line in record.get("explanation", []))
    text = document.text
    assert record["doc_id"] == document.id
    assert 0 <= record["sentence_index"] < len(document.sentences)
    assert record["date"] is None or ISO_DATE.match(record["date"]), record["date"]
    assert record["date_source"] in DATE_SOURCES
    for role in ("source", "target"):
        actor = record[role]
        if actor is None:
            assert role == "target", "every event has a source"
            continue
        _keys(actor, ACTOR_KEYS, role)
        assert all(isinstance(sector, str) for sector in actor["sectors"])
        _span(text, actor["span"], actor["text"], role)
    _keys(record["cameo"], CAMEO_KEYS, "cameo")
    code = record["cameo"]["code"]
    assert code.isdigit() and 2 <= len(code) <= 4 and record["cameo"]["root"] == code[:2], code
    assert 1 <= record["cameo"]["quad_class"] <= 4
    _keys(record["plover"], PLOVER_KEYS, "plover")
    if record["location"] is not None:
        _keys(record["location"], LOCATION_KEYS, "location")
    assert 0.0 <= record["confidence"] <= 1.0
    evidence = record["evidence"]
    _keys(evidence, EVIDENCE_KEYS, "evidence")
    _span(text, evidence["trigger_span"], evidence["trigger"], "trigger")
    sentence = document.sentences[record["sentence_index"]]
    assert evidence["sentence"] == sentence.text
    assert sentence.start <= evidence["trigger_span"][0] <= evidence["trigger_span"][1] <= sentence.end
    assert record["mentions"], "every event has its own sentence as a mention"
    for mention in record["mentions"]:
        _keys(mention, MENTION_KEYS, "mention")
        _span(text, mention["trigger_span"], mention["trigger"], "mention trigger")
        assert document.sentences[mention["sentence_index"]].text == mention["sentence"]
        assert mention["date_source"] in DATE_SOURCES
    json.dumps(record, ensure_ascii=False).encode("utf-8")  # serialisable, and valid UTF-8


def validate_mention(mention: ActorMention, document: Document) -> None:
    _span(document.text, [mention.start, mention.end], mention.text, "actor mention")


def validate_document(document: Document) -> None:
    """Sentences lie inside the text, in order, and are its substrings."""
    previous_end = 0
    for index, sentence in enumerate(document.sentences):
        assert sentence.index == index
        _span(document.text, [sentence.start, sentence.end], sentence.text, "sentence")
        assert sentence.start >= previous_end
        previous_end = sentence.end
    document.text.encode("utf-8")


def code_once(pipeline: Pipeline, raw: RawItem, date: str | None) -> tuple[Document, list[dict[str, Any]]] | None:
    """Build and code one document and check everything; None when ingest refused it."""
    document = document_from(raw, date)
    if document is None:
        return None
    ((document, mentions, events),) = list(pipeline.code([document]))
    validate_document(document)
    for mention in mentions:
        validate_mention(mention, document)
    records = [event.to_dict(explain=True) for event in events]
    for record in records:
        validate_event(record, document)
    return document, records


def check_coding(pipeline: Pipeline, raw: RawItem, date: str | None) -> int:
    """The whole property: coding never raises, everything validates, and a second run gives
    the same document and events. Returns the number of events."""
    first = code_once(pipeline, raw, date)
    second = code_once(pipeline, raw, date)
    if first is None:
        assert second is None
        return 0
    assert second is not None
    assert first[0].to_dict(with_sentences=True) == second[0].to_dict(with_sentences=True)
    assert first[1] == second[1], "coding is not deterministic"
    return len(first[1])


__all__ = ["Event", "adversarial_items", "any_text", "coordinated_list", "nested_json", "tiny_elements",
           "with_control_characters", "check_coding", "code_once", "dates", "document_from", "html_text", "news_text",
           "raw_items", "unicode_text", "validate_event"]
