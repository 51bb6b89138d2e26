"""Victims, not authors: the subject of a clause that reports suffering an act.

An event noun in an "in"/"during" phrase takes the subject of its clause as its author
("students marched in the protest": the students protested). Where the clause's verb reports
what its subject suffered ("two soldiers died in the attack", "five people were killed in the
raid"), that subject is the act's victim, and the noun has no author there; the verb of harm or
the stage for unnamed violence (``unattributed``) codes the act.
"""
from __future__ import annotations

from spacy.tokens import Token

from .words import words

SUFFERING_VERBS = words("suffering_verbs")
HARM_VERBS = words("harm_verbs")
PASSIVE_DEPS = frozenset({"auxpass", "nsubjpass"})


def suffers(verb: Token) -> bool:
    """Whether ``verb``'s subject suffers what the clause reports: a verb of dying, or a verb
    of harm in the passive."""
    lemma = verb.lemma_.lower()
    if lemma in SUFFERING_VERBS:
        return True
    return lemma in HARM_VERBS and any(child.dep_ in PASSIVE_DEPS for child in verb.children)
