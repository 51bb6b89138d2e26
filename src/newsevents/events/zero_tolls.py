"""A toll of zero from an act that was done (issue 15 item 7).

"No one was hurt in the attack on the embassy", "a bomb went off outside the barracks but
nobody was killed": the sentence says how many were harmed (none: an explicit zero) and that
the act itself happened. The verb of harm is negated by its null participant ("no one"), which
makes it no event, but the act is stated apart from it: as the noun the harm happened "in" or
"during", or as the subject of a verb of its own that nothing negates or hedges. Such a report
is an attack with a count of 0, as casualty data sets record it.

"No one was hurt" with no act named, "there was no attack", "a planned attack that was foiled"
and accidents ("a gas explosion ... but no one was hurt", which the cause finder already turns
away) stay without an event.
"""
from __future__ import annotations

from spacy.tokens import Token

from .reality import embedding, is_hypothetical, is_negated, modality
from .words import words

__all__ = ["act_noun", "act_of_zero_toll"]

# Prepositions of the harm verb that name the act it happened in: "hurt in the attack".
ACT_PREPS = frozenset({"in", "during", "amid"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def act_of_zero_toll(trigger: Token, cause: Token) -> Token | None:
    """The token whose reality stands for the act when ``trigger`` (the verb of harm, with no
    one as its victim) reports a zero toll of ``cause`` (a noun of violence): the cause itself
    when it fills a preposition of the trigger, else the verb it is the subject of; None when
    the sentence does not state the act as done."""
    cause = act_noun(cause)
    if any(c.lower_ in words("act_hedges") for c in cause.children if c.dep_ in ("amod", "compound")):
        return None  # "a foiled attack", "a possible attack"
    if cause.dep_ == "pobj" and cause.head.lower_ in ACT_PREPS and cause.head.head.i == trigger.i:
        act = cause
    elif cause.dep_ in SUBJECT_DEPS and cause.head.pos_ == "VERB" and cause.head.i != trigger.i:
        act = cause.head
    else:
        return None
    if is_negated(act) or is_hypothetical(act) or modality(act) is not None or embedding(act) is not None:
        return None
    return act


def act_noun(cause: Token) -> Token:
    """The head of the phrase a cause word modifies: "rocket" in "the rocket attack" is the attack."""
    while cause.dep_ in ("compound", "amod") and cause.head.i != cause.i:
        cause = cause.head
    return cause
