"""A hostile act someone will do on a condition is a threat (CAMEO 13: "threats are
conditional"): "Kenya will cut aid to Uganda if the attacks continue" is 1311, "Russian troops will attack
unless Kyiv withdraws" 1384.

``reality.is_hypothetical`` marks the future or modal consequent of an "if"/"unless" clause
as not done, which is right for the act itself: the aid has not been cut. But saying so is the
threat CAMEO codes. Reported threats ("said it would strike ... if") are coded through the
statement's intent frame (``triggers._conditional_intent``); this is the same reading for an
act stated directly (issue 14). Only acts the frame table can make a threat of (hostile ones:
sanctions, protest, force) are read so; "will sign the deal if ..." stays hypothetical. Only
the future tense states the act: "the EU might impose sanctions if ..., analysts said" (or
"may", "would", "could") weighs a possibility, often someone else's, and is no threat.
"""
from __future__ import annotations

from typing import Protocol

from spacy.tokens import Token

from .future import FutureAct
from .lexicon import Lexicon
from .reality import has_hypothetical_mark

__all__ = ["as_threat"]

# The modality of a consequent that states an act to come: "will" (reality.modality).
COMING = frozenset({"future"})


class ConditionalAct(FutureAct, Protocol):
    """The parts of a fired trigger this reads and sets (``arguments.Trigger``)."""

    negated: bool
    hypothetical: bool


def as_threat(trigger: ConditionalAct, clause: Token, lexicon: Lexicon) -> None:
    """Recode a hostile act that ``clause`` (the trigger's verb) says will come on a condition
    as the threat of it, no longer hypothetical."""
    if not trigger.hypothetical or trigger.negated or trigger.modality not in COMING or trigger.entry.frame:
        return
    if _conditioned(clause) or not any(c.dep_ == "advcl" and has_hypothetical_mark(c) and c.i > clause.i
                                       for c in clause.children):
        # The act is the condition itself ("if Kenya cuts aid"), or has none of its own after
        # it: "If Turkey invades Syria, Greece will protest" sets out a scenario, where a threat
        # states the act and then what would avert it.
        return
    code = lexicon.frame_code("threaten", trigger.entry.code)
    if code is None:
        return
    trigger.code, trigger.hypothetical, trigger.modality = code, False, None
    trigger.notes.append(f"on a condition: the threat of it {code}")


def _conditioned(clause: Token) -> bool:
    """Whether the clause is inside an "if"/"unless" clause (or is one)."""
    node = clause
    while True:
        if node.dep_ == "advcl" and has_hypothetical_mark(node):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
