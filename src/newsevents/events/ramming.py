"""Vehicles driven into people: "a man drove his car into a crowd", "a van ploughed into
pedestrians", "rammed his truck into a Christmas market" (issue 15 item 7).

No noun of force names such an attack, so the unattributed stage (``unattributed.violence_cause``)
would find no cause of the deaths it counts. The verb of driving says it: one of the ``ram_verb``
rows of ``data/lexicon/unattributed.tsv`` whose "into" object (or direct object: "mowed down
pedestrians") is a crowd of people or a place full of them (``crowd`` rows: "a crowd of shoppers",
"a pedestrian zone", "a market"). A vehicle driven into a wall, a river or a bus is no such attack;
a crash that the sentence calls an accident is caught before (``accident`` rows).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

__all__ = ["rammed_crowd"]

# How the vehicle's victims hang on the verb: "into" and its object, or the object itself.
INTO = "into"
DIRECT_DEPS = frozenset({"dobj"})
# Words of a noun that say what it is made of or for: "a crowd of shoppers", "a pedestrian zone".
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def rammed_crowd(sent: Span, verbs: dict[str, str], crowds: frozenset[str]) -> tuple[Token, str] | None:
    """The verb of ``sent`` that drives a vehicle into people, and the code the ``verbs`` table
    gives it; None when there is none. verbs: lemma -> CAMEO code; crowds: noun lemmas of people
    gathered or the places they gather in."""
    for token in sent:
        code = verbs.get(token.lemma_.lower())
        if code is None or token.pos_ != "VERB":
            continue
        if any(_crowd(obj, crowds) for obj in _victims(token)):
            return token, code
    return None


def _victims(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in DIRECT_DEPS]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == INTO:
            found += [o for o in prep.children if o.dep_ == "pobj"]
    return found


def _crowd(noun: Token, crowds: frozenset[str]) -> bool:
    """"pedestrians", "a crowd of shoppers", "a pedestrian zone": the noun or a word of its
    phrase names people gathered."""
    words = [noun] + [c for c in noun.children if c.dep_ in MODIFIER_DEPS]
    words += [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return any(w.lemma_.lower() in crowds or w.lower_ in crowds for w in words)
