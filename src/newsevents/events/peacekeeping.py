"""Troops sent to keep the peace are peacekeepers (CAMEO 074), not a show of force.

The lexicon codes a deployment by what is sent: "deployed troops to", "the deployment of 230
troops" give 154, military posture. CAMEO's 074, "provide peacekeepers or other military forces
for protection", says "code here reported deployment of forces": when the troops go as
peacekeepers ("500 peacekeeping troops", "on a peacekeeping mission", "as part of the UN
peacekeeping force") the deployment is that aid. So a show of force (root 15) whose trigger's
own phrases (its object and prepositions, not a clause hung on it) name peacekeeping is recoded
074. A promise to send them is already 0334 in the lexicon; a peacekeeping word in another
clause ("troops massed on the border, where peacekeepers patrol") is not the deployment's.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Event
from .made import recode_by_word
from .purpose import CARRIED_DEPS
from .words import words

PEACEKEEPING_CODE = "074"
POSTURE_ROOT = "15"
# Words that make the sent forces peacekeepers ("peacekeeping", "peacekeeper").
PEACEKEEPING_WORDS = words("peacekeeping_words")
# Dependencies that open a clause of its own: what it names is not the deployment's phrase.
CLAUSE_DEPS = frozenset({"advcl", "ccomp", "relcl", "acl", "xcomp", "conj", "parataxis"})
# The verb's phrases that are a deployment noun's, where the noun hangs on it (CARRIED_DEPS).
PHRASE_DEPS = frozenset({"prep", "agent"})


def recode_peacekeeping(events: list[Event], doc: Doc) -> list[Event]:
    """``events`` with deployments of peacekeepers coded 074; others unchanged."""
    return recode_by_word(
        events, doc, PEACEKEEPING_CODE,
        lambda event, trigger: _peacekeeping_word(trigger) if event.root == POSTURE_ROOT else None,
        lambda event, word: f"{event.code} of forces sent as peacekeepers ('{word.text}'): {PEACEKEEPING_CODE}")


def _peacekeeping_word(trigger: Token) -> Token | None:
    """A peacekeeping word among the trigger's own phrases, or None. A deployment told as a
    noun has its phrases hung on the verb that carries it as well ("announced the deployment of
    troops to Liberia on a peacekeeping mission")."""
    stack = [child for child in trigger.children if child.dep_ not in CLAUSE_DEPS]
    if trigger.pos_ == "NOUN" and trigger.dep_ in CARRIED_DEPS:
        stack += [child for child in trigger.head.children if child.dep_ in PHRASE_DEPS]
    while stack:
        token = stack.pop()
        if token.lemma_.lower() in PEACEKEEPING_WORDS or token.lower_ in PEACEKEEPING_WORDS:
            return token
        stack.extend(child for child in token.children if child.dep_ not in CLAUSE_DEPS)
    return None
