"""The body an uncoded official or person speaks and acts for, from the phrase that says where
they work.

"An official at the Kenyan health ministry criticized Uganda", "a senior official in the Iraqi
foreign ministry condemned the strikes", "Jane Doe, a spokeswoman for the Interior Ministry,
accused ...": the role ("an official") or the name (one the tables lack) has no code of its
own, but its phrase names the body it works for, and wire copy reports the body's acts
through such people. The event's source, or its target ("met a senior official in the
Kenyan foreign ministry"), is that body. Only a body counts: a mention with a
sector ("the health ministry", KENGOV) or a group code with no country (Amnesty
International, Toyota). A place ("an official in Baghdad") says where they are, which the
actor stage reads already; the "of" and "from" phrases of a role ("leaders of the opposition
party") are read by the extractor's quantity rule.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..model import ActorMention
from .words import words

__all__ = ["employer", "is_body"]

# Where one works ("an official at the ministry"); actors.countryless.EMPLOYER_PREPS ("the head
# of the African Union") is the actor stage's set for office holders, read before this.
WORKPLACE_PREPS = words("workplace_preps")


def is_body(mention: ActorMention) -> bool:
    """A coded organisation or office, not a bare country or place."""
    return mention.code is not None and (bool(mention.sectors) or mention.country is None)


def employer(token: Token, mentions_at: Callable[[Token], list[ActorMention]]) -> tuple[list[ActorMention], list[str]]:
    """The bodies the employer phrase of ``token`` names ("official at the ministry"), with a
    note on how they were found; empty when it has none. mentions_at: the coded mentions a
    phrase head stands for, conjuncts included."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in WORKPLACE_PREPS:
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found = [m for m in mentions_at(obj) if is_body(m)]
            if found:
                return found, [f"works for: '{prep.text} {obj.text}'"]
    return [], []
