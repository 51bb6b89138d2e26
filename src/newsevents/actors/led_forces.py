"""Coalitions and forces led by a country: "the Saudi-led coalition", "U.S.-led forces".

A coalition named by the country that leads it acts as that country's armed forces, as the
held-out golds, GDELT and ICEWS code it ("the Saudi-led coalition struck Houthi positions":
SAUMIL). Its head word alone is no actor ("the ruling coalition"), and a country that only
backs a force ("Russian-backed separatists") does not lead it: only "-led" is read.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import ActorMention
from .knowledge import ActorFact, Knowledge, phrase_tokens
from .names import name_sets

LED_RULE = "country-led"
LED_SUFFIX = "-led"
LED_WORD = "led"
# A coalition's sector when its head word names none ("coalition", "alliance").
ARMED_SECTOR = "MIL"
# Where the leading country hangs on "led" ("Saudi - led": the parser splits the hyphen).
LEADER_DEPS = frozenset({"npadvmod", "compound", "nmod", "amod", "poss"})
MODIFIER_DEPS = frozenset({"amod", "compound"})
COUNTRY_KINDS = frozenset({"country", "adjective"})


def led_heads() -> frozenset[str]:
    """Head words of a force a country may lead (names.tsv ``led_heads``)."""
    return name_sets()["led_heads"]


def name_led_forces(mentions: list[ActorMention], doc: Doc, doc_id: str, knowledge: Knowledge) -> list[ActorMention]:
    """The mentions, each force led by a country given that country's code: a new mention
    for the whole phrase in place of those inside it ("Saudi" in "the Saudi-led coalition").
    A force already coded keeps its code."""
    heads = led_heads()
    found: list[ActorMention] = []
    for head in doc:
        if head.lower_ not in heads or head.pos_ not in ("NOUN", "PROPN"):
            continue
        country = _leader(head, knowledge)
        if country is None:
            continue
        start, end = head.left_edge, head
        inside = [m for m in mentions if start.idx <= m.start and m.end <= end.idx + len(end.text)]
        if any(m.head == head.i and m.code for m in inside):
            continue  # "Saudi-led forces": the role word and its demonym already give SAUMIL
        sectors = next((list(m.sectors) for m in inside if m.head == head.i and m.sectors), [ARMED_SECTOR])
        span = doc[start.i:head.i + 1]
        sentence_index = next(index for index, sent in enumerate(doc.sents) if sent.start <= head.i < sent.end)
        found.append(ActorMention(doc_id=doc_id, sentence_index=sentence_index,
                                  text=span.text, start=span.start_char, end=span.end_char,
                                  code=country + "".join(sectors), country=country, sectors=sectors, name=None,
                                  rule=LED_RULE, head=head.i))
        mentions = [m for m in mentions if not any(m is x for x in inside)]
    return sorted(mentions + found, key=lambda m: m.start)


def _leader(head: Token, knowledge: Knowledge) -> str | None:
    """The country that leads the force ``head`` names, or None."""
    for child in head.children:
        if child.dep_ not in MODIFIER_DEPS:
            continue
        if child.lower_.endswith(LED_SUFFIX) and len(child.text) > len(LED_SUFFIX):
            return _country(child.text[:-len(LED_SUFFIX)], knowledge)
        if child.lower_ == LED_WORD:
            for leader in child.children:
                if leader.dep_ in LEADER_DEPS:
                    country = _country(leader.text, knowledge)
                    if country is not None:
                        return country
    return None


def _country(text: str, knowledge: Knowledge) -> str | None:
    """The country a word names ("Saudi", "U.S.", "Russia"), or None."""
    words = phrase_tokens([text])[0]
    codes = {fact.code for _s, end, facts in knowledge.actors.matches(words) if end == len(words)
             for fact in facts if isinstance(fact, ActorFact) and fact.kind in COUNTRY_KINDS and len(fact.code) == 3}
    return next(iter(codes)) if len(codes) == 1 else None
