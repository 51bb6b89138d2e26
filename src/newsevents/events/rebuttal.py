"""Whom a denial answers, across sentences (issue 17).

"Russia accused the rebels of shelling the market. ... The rebels rejected the accusation."
The second sentence names no one the rebels rejected: its object is the accusation itself.
In an article such a definite noun ("the accusation", "these claims", "their allegations")
points back to an accusation the article has already told, and the denial is aimed at its
authors. Left without a target, the denial is useless for dyadic analysis (and the article
gold counts it as a miss and a false alarm at once).

The rule is conservative: only a denial or rejection (016, root 12) with no target, whose
own object is such a noun with an anaphoric determiner, and only when an accusation or
criticism (root 11) against the denier's country was told shortly before it. The authors of
the latest such accusation become the targets, one event each.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..model import Event, short_id
from ..syntax import token_at
from .words import words

# Codes of answering an accusation: deny responsibility, and the reject family.
DENIAL_CODE = "016"
REJECT_ROOT = "12"
# Roots of the acts a denial answers: criticise, accuse, sue and the like.
ACCUSATION_ROOT = "11"
# How many sentences back an accusation may be told: far enough for the lede and a quote in
# between, near enough that "the accusation" still means the same one.
WINDOW = 6
OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})


def answer_rebuttals(events: list[Event], doc: Doc) -> list[Event]:
    """Give each targetless denial of "the accusation(s)" the accusation's authors as targets.

    events: one document's events in text order; doc: its parse. Returns the new list (order
    kept; a denial answering several accusers becomes one event per accuser)."""
    out: list[Event] = []
    for event in events:
        accusers = _accusers(event, events, doc) if _is_denial(event) else []
        if not accusers:
            out.append(event)
            continue
        for accuser in accusers:
            out.append(replace(event, event_id=short_id(f"{event.event_id}|{accuser.source.code}"),
                               target=accuser.source, mentions=[], attributes=dict(event.attributes),
                               explanation=[*event.explanation,
                                            f"target {accuser.source.code}: author of the accusation "
                                            f"'{accuser.trigger}' (sentence {accuser.sentence_index}) it answers"]))
    return out


def _is_denial(event: Event) -> bool:
    return event.target is None and (event.code == DENIAL_CODE or event.code.startswith(REJECT_ROOT))


def _accusers(denial: Event, events: list[Event], doc: Doc) -> list[Event]:
    trigger = token_at(doc, denial.trigger_start)
    if trigger is None or not _answers_a_told_accusation(trigger):
        return []
    country = (denial.source.code or "")[:3]
    earlier = [e for e in events
               if e.code.startswith(ACCUSATION_ROOT) and e.target is not None and e.source.code
               and (e.target.code or "")[:3] == country and e.source.code[:3] != country
               and (denial.sentence_index - WINDOW <= e.sentence_index < denial.sentence_index
                    or e.sentence_index == denial.sentence_index and e.trigger_start < denial.trigger_start)]
    if not country or not earlier:
        return []
    latest = max(earlier, key=lambda e: (e.sentence_index, e.trigger_start))
    seen: set[str] = set()
    authors = []
    for event in earlier:  # the co-authors of that one accusation ("X and Y accused Z")
        if (event.sentence_index, event.trigger_start) == (latest.sentence_index, latest.trigger_start) \
                and event.source.code not in seen:
            seen.add(event.source.code)
            authors.append(event)
    return authors


def _answers_a_told_accusation(trigger: Token) -> bool:
    """Whether the trigger's own object is a definite accusation noun ("rejected these
    accusations", "the claims were denied"); "denied wrongdoing" points back to nothing."""
    for child in trigger.children:
        if child.dep_ in OBJECT_DEPS and child.lemma_.lower() in words("rebutted_nouns"):
            return any(d.lower_ in words("anaphoric_determiners") for d in child.children
                       if d.dep_ in ("det", "poss", "predet"))
    return False
