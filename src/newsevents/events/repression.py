"""Force that state security forces use on protesters is repression (CAMEO 175).

The lexicon codes the act by its weapon or verb: "fired on", "shot", "fired rounds of tear gas
at", "killed" give 18x or 19x. The codebook's 175, "use tactics of violent repression", is the
act of a state against collective dissent, whatever the weapon: "Kenyan riot police fired tear
gas and water cannon ... to break up a protest", "security forces fired tear gas and live
ammunition at protesters". So a fight or assault (roots 18, 19) whose source is police or the
military and whose target is protesters (the OPP sector) is recoded 175. Mass violence (20) keeps
its code: a massacre is more than crowd control.
"""
from __future__ import annotations

from ..codebook import get_code
from ..model import ActorMention, Event
from .made import recoded

REPRESSION_CODE = "175"
FORCE_ROOTS = frozenset({"18", "19"})
STATE_FORCE_SECTORS = frozenset({"COP", "MIL"})
DISSENT_SECTORS = frozenset({"OPP"})


def recode_repression(events: list[Event]) -> list[Event]:
    """``events`` with force by police or soldiers on protesters coded 175; others unchanged."""
    info = get_code(REPRESSION_CODE)
    if info is None:  # a codebook without 175: nothing to recode to
        return events
    out = []
    for event in events:
        if event.root in FORCE_ROOTS and _sectors(event.source) & STATE_FORCE_SECTORS \
                and event.target is not None and _sectors(event.target) & DISSENT_SECTORS:
            event = recoded(event, info, f"{event.code} by state forces on protesters: violent repression {REPRESSION_CODE}")
        out.append(event)
    return out


def _sectors(actor: ActorMention) -> frozenset[str]:
    return frozenset(actor.sectors)
