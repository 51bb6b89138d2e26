"""Whose a proposal is: the party a response to it answers (issue 14).

An object phrase leads to the actor it is about by the prepositions of ``inside_preps``
("the attack on X", "aid to X", "crimes by X"). "From" is not one of them: "troops from Chad",
"aid from the EU" name where something came from, not whom the act is done to. A proposal,
request or demand is different: its author is the party that rejecting, accepting or
welcoming it answers, so "rejected a proposal from Uganda" is aimed at Uganda as much as
"rejected Uganda's proposal". The nouns are ``authored_nouns`` in ``data/lexicon/words.tsv``.
Goods are the same for the trade measures aimed at them: "tariffs on imports from Mexico" are
aimed at Mexico (``traded_nouns``); and a border, for what is sent or massed along it, leads by
"with" to the country on its other side (``border_nouns``).
"""
from __future__ import annotations

from spacy.tokens import Token

from .words import words

__all__ = ["inside_preps"]

INSIDE_PREPS = words("inside_preps")
AUTHORED_NOUNS = words("authored_nouns") | words("traded_nouns")
AUTHORED_PREPS = INSIDE_PREPS | words("author_preps")
# A border leads to the country on its other side: "troops to its border with Belarus".
BORDER_NOUNS = words("border_nouns")
BORDER_PREPS = INSIDE_PREPS | {"with"}


def inside_preps(noun: Token) -> frozenset[str]:
    """The prepositions inside the phrase of ``noun`` that lead to the actor it is about."""
    lemma = noun.lemma_.lower()
    if lemma in AUTHORED_NOUNS:
        return AUTHORED_PREPS
    return BORDER_PREPS if lemma in BORDER_NOUNS else INSIDE_PREPS
