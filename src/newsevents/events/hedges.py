"""A hedged toll of a stated act (issue 15 item 7).

"Up to 40 people may have been killed in an attack on a market", "as many as 300 may have been
detained in the crackdown": the modal sits on the verb of harm, where the count is read, so the
reality checks (``reality.modality``) take the report as a possibility and no event is coded.
But the report is unsure of how many, not of whether: the act is named by a noun of its own
("an attack", "the crackdown") that the sentence asserts, and the count already carries the
doubt ("up to 40"). Casualty data sets count such tolls; the act is coded as done.

Only a guess about the past qualifies ("may have been killed": a modal of ``toll_hedges`` with
"have"), and only when the verb's preposition names an act of force, arrest or protest in the
event lexicon whose noun nothing hedges in turn ("a possible attack", "a foiled plot":
``act_hedges``). "Troops may kill hostages" and "may have been killed" with no act named stay
possibilities.
"""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon
from .words import words

__all__ = ["hedged_toll"]

# Roots of the acts whose tolls are counted: protest (its riots), coercion, assault, fight,
# mass violence.
ACT_ROOTS = frozenset({"14", "17", "18", "19", "20"})
# Prepositions that name the act a toll came from: "killed in an attack", "detained during".
ACT_PREPS = frozenset({"in", "during", "amid"})


def hedged_toll(trigger: Token, lexicon: Lexicon) -> Token | None:
    """The noun of the stated act when ``trigger`` (the verb of harm) is a guess about its
    toll ("may have been killed in an attack"): that noun, else None."""
    aux = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass")}
    if not aux & words("toll_hedges") or "have" not in aux:
        return None
    if any(c.dep_ == "neg" for c in trigger.children):
        return None
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in ACT_PREPS:
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and _act_noun(noun, lexicon) and not _hedged(noun):
                return noun
    return None


def _act_noun(noun: Token, lexicon: Lexicon) -> bool:
    rows = lexicon.candidates("NOUN", noun.lemma_.lower()) or lexicon.candidates("NOUN", noun.lower_)
    return any(e.code[:2] in ACT_ROOTS for e in rows)


def _hedged(noun: Token) -> bool:
    return any(c.lower_ in words("act_hedges") for c in noun.children if c.dep_ in ("amod", "compound"))
