"""The agent of a passive verb that the parser hung on the wrong word.

"The Peruvian president was accused of corruption by Chilean prosecutors": the small parser
often hangs the "by" phrase on the object of the verb's own preposition ("corruption by ...")
instead of on the verb, and the passive act is then left with no source. A "by" phrase right
under that object is the verb's agent when the object is a plain noun: a noun the lexicon codes
as an act takes its own doer ("was arrested for killings by the militia": the militia killed,
it did not arrest).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors.acts import act_head
from .lexicon import load_lexicon

__all__ = ["stray_agent"]

AGENT_WORD = "by"


def stray_agent(verb: Token) -> Token | None:
    """The object of a "by" phrase hung below the object of a preposition of the passive
    ``verb`` (which has no agent of its own), or None."""
    if any(child.dep_ == "agent" for child in verb.children):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.pos_ not in ("NOUN", "PROPN") or _names_an_act(obj):
                continue
            for by in obj.children:
                if by.dep_ == "prep" and by.lower_ == AGENT_WORD:
                    return next((g for g in by.children if g.dep_ == "pobj"), None)
    return None


def _names_an_act(noun: Token) -> bool:
    return act_head(noun.doc[noun.i:noun.i + 1]) or bool(load_lexicon().candidates("NOUN", noun.lemma_.lower()))
