"""A show of force is made with the source's own forces, not against them.

"The provincial government ordered patrols by police and paramilitary soldiers": the police
and soldiers named in the object of a mobilisation (CAMEO 15) are whom the source sends, its
instrument, not the target. Forces of another country named there are a target ("deployed
warships near Chinese destroyers"); so are forces of no stated country only where the act has
none of its own to send, which a show of force always has.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..model import ActorMention

__all__ = ["is_own_force"]

MOBILIZE_ROOT = "15"
FORCE_SECTORS = frozenset({"MIL", "COP"})


def is_own_force(actor: ActorMention, sources: Sequence[ActorMention], code: str) -> bool:
    """Whether ``actor``, named as the object of an act coded ``code``, is the sources' own
    armed force or police sent in a show of force: of no country, or of a source's."""
    if code[:2] != MOBILIZE_ROOT or not set(actor.sectors) & FORCE_SECTORS:
        return False
    return actor.country is None or any(actor.country == source.country for source in sources)
