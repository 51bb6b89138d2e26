"""The object the parser hands to a verb's infinitive: "allowed Palestinian farmers to import
cattle", "wants Uganda to withdraw".

In "V X to do Y" the X is V's object (the one allowed, urged, asked), but en_core_web_sm often
parses X as the subject of a ``ccomp`` "to do Y" instead. A row whose target is the direct
object then finds none, and the act loses the one it is aimed at (issue 14: "Turkey will
allow the Kurdish refugees to return" came out with no target).
"""
from __future__ import annotations

from spacy.tokens import Token

__all__ = ["infinitive_subjects"]

# Clauses that take such an object's place.
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp"})


def infinitive_subjects(verb: Token) -> list[Token]:
    """The subjects of ``verb``'s to-infinitive complements that stand between the verb and the
    "to" ("allowed [farmers] to import"): the verb's object misparsed. Empty otherwise."""
    return [subject for clause in verb.children
            if clause.dep_ in COMPLEMENT_DEPS and clause.i > verb.i and _to_infinitive(clause)
            for subject in clause.children if subject.dep_ == "nsubj" and verb.i < subject.i < clause.i]


def _to_infinitive(clause: Token) -> bool:
    return clause.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
