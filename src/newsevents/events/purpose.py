"""Force that is only the purpose of sending or training someone has not been used yet.

"The US trained Kurdish fighters to fight IS", "the government deployed police to disperse
protesters", "Israel mobilised reservists to invade Gaza": the sentence reports the training,
the deployment, the mobilisation (coded on their own verbs); the fighting, dispersing and
invading are what the sent or trained are for, and are not reported as done. So an event of
coercion, assault, fight or mass violence (roots 17 to 20) whose trigger is the infinitive of a
verb of sending or equipping (``purpose_heads`` in ``data/lexicon/words.tsv``) is dropped, or
kept marked "possible" when uncertain events are kept.

Other purposes stay events: "sent a team to investigate the killings", "dispatched envoys to
mediate" report the investigation and the mediation as under way, and event data sets code
them so; only force has to be used to count. Force after other verbs ("police used tear gas to
disperse protesters") is the force the verb's instrument was used for, and stays done.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..model import Event
from ..syntax import token_at
from .words import words

__all__ = ["CARRIED_DEPS", "FORCE_PURPOSE_ROOTS", "drop_force_purposes", "sending_head"]

# Roots of acts of force: a purpose of sending is not yet one (coerce, assault, fight, mass violence).
FORCE_PURPOSE_ROOTS = frozenset({"17", "18", "19", "20"})
# Verbs of sending or equipping whose infinitive is a purpose: "trained fighters to fight IS".
PURPOSE_HEADS = words("purpose_heads")
# How an event noun hangs on the verb that carries it: "sent troops to launch an attack".
CARRIED_DEPS = frozenset({"dobj", "nsubjpass"})
PURPOSE_DEPS = frozenset({"xcomp", "advcl"})


def sending_head(trigger: Token) -> Token | None:
    """The verb of sending or equipping whose purpose ``trigger`` (or the verb carrying it) is:
    "trained" for "fight" in "trained fighters to fight IS"; None when it is no such purpose."""
    clause = trigger.head if trigger.pos_ != "VERB" and trigger.dep_ in CARRIED_DEPS else trigger
    head = clause.head
    if clause.dep_ not in PURPOSE_DEPS or head.i == clause.i or head.pos_ != "VERB" or head.lemma_ not in PURPOSE_HEADS:
        return None
    return head if any(c.tag_ == "TO" for c in clause.children) else None


def drop_force_purposes(events: list[Event], doc: Doc, *, keep_uncertain: bool = False) -> list[Event]:
    """``events`` without the acts of force that are the purpose of sending or training someone.

    events: one document's events (trigger offsets in ``doc``); doc: its parse; keep_uncertain:
    keep them, marked "possible", instead. Returns a new list.
    """
    out = []
    for event in events:
        token = token_at(doc, event.trigger_start)
        head = sending_head(token) if token is not None and event.root in FORCE_PURPOSE_ROOTS else None
        if head is None:
            out.append(event)
        elif keep_uncertain:
            out.append(replace(event, modality="possible",
                               explanation=[*event.explanation, f"the purpose of '{head.text}', not yet done"]))
    return out

