"""Whether a model event's own object names someone the actor search could not tell apart.

"The attorney general is investigating Acme Corp": the classifier is sure of the act, but the
target search finds no coded actor in "Acme Corp". The event without a target is not the act
the text reports (its addressee is named), and in dyadic counts it is a false alarm. The same
holds when the object is coded as the source itself ("the minister met government
officials", officials of the minister's own government by default) or is the possessor of
the object ("rejected Smith's appeal"). The hybrid coder does not add such an event
(issue 17: on whole articles, model events without a target were almost all wrong).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..model import ActorMention, Event

OBJECT_DEPS = frozenset({"dobj", "dative", "nsubjpass"})
# Prepositions that introduce whom an act is aimed at or done with ("met with", "fired on").
AIMING_PREPS = frozenset({"with", "to", "on", "against", "at", "toward", "towards", "into"})


def object_names_someone(event: Event, trigger: Token, mentions: list[ActorMention]) -> bool:
    """Whether an actor mention of the event's sentence heads the trigger's object (or its
    prepositional object, or the possessor of its object) and has no code of its own or the
    source's code."""
    doc = trigger.doc
    for mention in mentions:
        if mention.sentence_index != event.sentence_index or not 0 <= mention.head < len(doc):
            continue
        if (mention.start, mention.end) == (event.source.start, event.source.end):
            continue
        if mention.code is not None and mention.code != event.source.code:
            continue
        if _aimed_at(trigger, doc[mention.head]):
            return True
    return False


def _aimed_at(trigger: Token, token: Token) -> bool:
    head = token.head
    if token.dep_ in OBJECT_DEPS and head.i == trigger.i:
        return True
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in AIMING_PREPS and head.head.i == trigger.i:
        return True
    return token.dep_ == "poss" and head.dep_ in OBJECT_DEPS and head.head.i == trigger.i
