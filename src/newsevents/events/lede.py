"""A dateline the parser takes for the subject (issue 14).

"HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper accused China of ...": the small
parser often makes the dateline's first word the verb's subject and hangs the real subject on
it as an apposition. The lede of a news page is its main event, so the subject search looks
past such a dateline: where a sentence's first word is a subject that names no actor, or
only a place, an apposition of it after the dash that closes the dateline is the subject.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..model import ActorMention

__all__ = ["lede_subject"]

DASHES = frozenset({"—", "–", "-", "--"})
# How far into its sentence a dateline's closing dash may be: "SAN JUAN, Puerto Rico (AP) —".
DATELINE_REACH = 12
PLACE_RULE = "place"


def lede_subject(subject: Token, named: ActorMention | None) -> Token | None:
    """The subject a dateline read as ``subject`` hides (``named``: the actor ``subject`` names,
    if any), or None when ``subject`` is no dateline."""
    sent = subject.sent
    if subject.i != sent.start or named is not None and named.rule != PLACE_RULE:
        return None
    dash = next((t for t in sent[:DATELINE_REACH] if t.text in DASHES), None)
    if dash is None:
        return None
    return next((c for c in subject.children if c.dep_ == "appos" and c.i > dash.i), None)
