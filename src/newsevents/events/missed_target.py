"""Whether a model event's object names someone the actor search could not tell apart.

"A judge rejected Smith's appeal", "the minister met with government officials": the
classifier is sure of the act, but the target search finds no coded actor in "Smith" (the
possessor of the object) or codes "government officials" as the source itself. The event
without a target is not the act the text reports (its addressee is named), and in dyadic
counts it is a false alarm. The hybrid coder does not add such an event (issue 17: on whole
articles, model events without a target were almost all wrong).

A bare direct object left uncoded ("is investigating Acme Corp") is not counted: on the
PLOVER dev split those model events are mostly right at type level (macro F1 0.684 -> 0.671
when they were dropped), and type-level users keep them.
"""
from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from ..model import ActorMention, Event
from .words import words

# Nouns that head a place's name ("Scarborough Shoal", "the Strait of Hormuz").
LANDFORM_NOUNS = words("landform_nouns")
# A trigger's own object (or passive subject), which its target search reads first.
OBJECT_DEPS = frozenset({"dobj", "dative", "nsubjpass"})
# Prepositions that introduce whom an act is aimed at or done with ("met with", "fired on").
AIMING_PREPS = frozenset({"with", "to", "on", "against", "at", "toward", "towards", "into"})


def object_names_someone(event: Event, trigger: Token, mentions: list[ActorMention]) -> bool:
    """Whether an actor mention of the event's sentence heads the trigger's prepositional
    object ("met with X") or the possessor of its object ("rejected X's appeal"), and has no
    code of its own or the source's code."""
    doc = trigger.doc
    for mention in mentions:
        if mention.sentence_index != event.sentence_index or not 0 <= mention.head < len(doc):
            continue
        if (mention.start, mention.end) == (event.source.start, event.source.end):
            continue
        if mention.code is not None and mention.code != event.source.code:
            continue
        if mention.code is None and doc[mention.head].lemma_.lower() in LANDFORM_NOUNS:
            continue  # "deployed navy ships to Scarborough Shoal": a place the gazetteer lacks
        if _aimed_at(trigger, doc[mention.head]):
            return True
    return False


def asks_uncoded(trigger: Token, by_token: Mapping[int, ActorMention]) -> bool:
    """Whether an appeal or a demand names whom it asks as its own object ("urged the
    counterpart to ...") in a phrase the actor stage found but could not code: the act is
    aimed at that one, not at whoever its embedded act names."""
    return any((m := by_token.get(c.i)) is not None and m.code is None
               for c in trigger.children if c.dep_ in ("dobj", "dative"))


def is_own_object(trigger: Token, token: Token) -> bool:
    """Whether ``token`` is the trigger's own object (or passive subject)."""
    return token.dep_ in OBJECT_DEPS and token.head.i == trigger.i


def _aimed_at(trigger: Token, token: Token) -> bool:
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in AIMING_PREPS and head.head.i == trigger.i:
        return True
    return token.dep_ == "poss" and is_own_object(trigger, head)
