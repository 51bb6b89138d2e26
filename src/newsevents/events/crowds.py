"""Protesters the text names only by their place, or only by their protest.

"With Hong Kong protests spreading", "Iranian protests": a protest noun whose owner is a country
or a place says whose people protested, not that the state did. The extractor takes the owner
for the source, a bare country (HKG); the source is that country's protesters (OPP, as the role
word "protesters" and ``unnamed_protests`` read them).

"Security forces used tear gas to disperse protests", "police broke up the demonstrations": force
used to break up a protest is used on the protesters. Where such an act's target fell back to the source's own country (the
domestic default, a bare country), it is that country's protesters; ``recode_repression`` then
reads force by police or soldiers on them as repression (175).
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..model import ActorMention, Event
from ..syntax import token_at
from .lexicon import Lexicon
from .triggers import PROTEST_ROOT
from .unnamed_protests import OWNER_DEPS, PROTESTER_SECTORS, protest_entry

# Acts of force (coerce, assault, fight, and their repression code) that may be aimed at a crowd.
FORCE_ROOTS = frozenset({"17", "18", "19"})
# "used tear gas to disperse protests", "fired to break up the rally": the purpose clause of the act.
PURPOSE_DEPS = frozenset({"xcomp", "advcl"})
IMPLICIT_PREFIX = "implicit"
RULE = "crowd of the place"


def name_crowds(events: list[Event], doc: Doc, lexicon: Lexicon) -> list[Event]:
    """``events`` with a protest's bare place owner, and a bare domestic target of force used on a
    protest, read as the country's protesters; others unchanged."""
    out = []
    for event in events:
        trigger = token_at(doc, event.trigger_start)
        if trigger is not None and event.root == PROTEST_ROOT and _bare(event.source) \
                and _owns(event.source, trigger) and protest_entry(trigger, lexicon) is not None:
            event = replace(event, source=_protesters(event.source),
                            explanation=[*event.explanation, "a protest named by its place: the place's protesters"])
        elif trigger is not None and event.root in FORCE_ROOTS and event.target is not None \
                and _bare(event.target) and event.target.rule.startswith(IMPLICIT_PREFIX) \
                and _breaks_up_protest(trigger, lexicon):
            event = replace(event, target=_protesters(event.target),
                            explanation=[*event.explanation, "force used to disperse a protest: on the protesters"])
        out.append(event)
    return out


def _bare(actor: ActorMention | None) -> bool:
    """A country with no sector: a place or a nationality, not who in it acts."""
    return actor is not None and bool(actor.country) and not actor.sectors and actor.code == actor.country


def _owns(actor: ActorMention, trigger: Token) -> bool:
    doc = trigger.doc
    return 0 <= actor.head < len(doc) and doc[actor.head].head.i == trigger.i and doc[actor.head].dep_ in OWNER_DEPS


def _breaks_up_protest(trigger: Token, lexicon: Lexicon) -> bool:
    """The act, or its purpose clause, has a protest noun for its object ("dispersed the
    protests", "used tear gas to disperse protests")."""
    verbs = [trigger, *(verb for verb in trigger.children if verb.dep_ in PURPOSE_DEPS)]
    return any(obj.dep_ == "dobj" and protest_entry(obj, lexicon) is not None for verb in verbs for obj in verb.children)


def _protesters(actor: ActorMention) -> ActorMention:
    sectors = list(PROTESTER_SECTORS)
    return replace(actor, code=(actor.country or "") + "".join(sectors), sectors=sectors, rule=f"{actor.rule}; {RULE}")
