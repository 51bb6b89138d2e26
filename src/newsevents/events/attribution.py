"""Who reports an event is no party to it.

"Afghan guerillas blew up power lines leading into Kabul, the Czechoslovak news agency
reported": the agency that tells of the act, as the subject of the reporting verb the act is
told under or the object of "according to", names no one the act was aimed at. A sentence
about one country stays about it, whoever reports it.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..model import ActorMention
from .words import words

__all__ = ["reports"]

# Verbs that report speech ("said", "reported"), as the hybrid coder reads them.
REPORTING_VERBS = words("reporting_verbs")
SPEAKER_DEPS = frozenset({"nsubj"})


def reports(mention: ActorMention, trigger: Token) -> bool:
    """Whether ``mention`` is whoever tells of the act ``trigger`` names: the subject of a
    reporting verb above the trigger, or the object of "according to"."""
    doc = trigger.doc
    if not 0 <= mention.head < len(doc):
        return False
    head = doc[mention.head]
    while head.dep_ in ("compound", "appos", "conj") and head.head.i != head.i:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according":
        return True
    verb = head.head
    return head.dep_ in SPEAKER_DEPS and verb.lemma_ in REPORTING_VERBS and verb.i != trigger.i \
        and any(ancestor.i == verb.i for ancestor in trigger.ancestors)
