"""Names told by a role whose country came late: "The suspect, Michael Webb, was convicted ...
officers arrested Webb".

Coreference (``resolve._apply_coreference``) lends an apposition's code to its uncoded side and
a person's code to their later surname, but it runs before roles are placed: "the suspect" has
no country then (the story's one country gives it one later, ``countryless``), so neither
"Michael Webb" nor the later "Webb" gets a code, and an arrest of Webb loses its target. Once
roles are placed, a name the tables do not know in apposition with a role that now has a code
is that role's person, and so is a later mention of the same surname. Only a role placed by
more than its own sentence's one country (a guess too weak to spread over a whole story: "Kurt
Volker, the former special envoy to Ukraine" is no Ukrainian) nor by none (a role kept with its
sectors alone says nothing the name needs), and not a state office: a private person, a suspect,
a victim, whose name no table will know. Only a name of two words or more, as a person's is
told first ("Michael Webb"); a one-word name in apposition is as often a company's ("SoftBank").
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import ActorMention
from .countryless import SENTENCE_RULES, STATE_SECTORS
from .private_people import UNRESOLVED_PERSON

APPOSITION_RULE = "apposition, role placed"
SURNAME_RULE = "coref:surname, role placed"


def name_placed_roles(mentions: list[ActorMention], doc: Doc) -> None:
    """Give unknown names in apposition with a placed role the role's code, and later mentions
    of their surname the same; in place."""
    by_head = {m.head: m for m in mentions if m.code and m.country and m.sectors and m.rule not in SENTENCE_RULES
               and not set(m.sectors) & STATE_SECTORS}
    named: list[ActorMention] = []
    for person in sorted(mentions, key=lambda m: m.start):
        if person.code is not None or person.rule != UNRESOLVED_PERSON or not person.name \
                or not 0 <= person.head < len(doc):
            continue
        head = doc[person.head]
        role = by_head.get(head.head.i) if head.dep_ == "appos" else None
        role = role or next((by_head[c.i] for c in head.children if c.dep_ == "appos" and c.i in by_head), None)
        if len(person.name.split()) < 2:
            role = None  # "SoftBank, its largest investor": a one-word name is as often a company's
        rule = APPOSITION_RULE
        if role is None:
            role, rule = _same_surname(person, named), SURNAME_RULE
        if role is not None:
            person.code, person.country, person.sectors = role.code, role.country, list(role.sectors)
            person.rule = rule
            named.append(person)


def _same_surname(person: ActorMention, named: list[ActorMention]) -> ActorMention | None:
    """The latest earlier named person whose name ends with this mention's words."""
    words = (person.name or "").split()
    for earlier in reversed(named):
        full = (earlier.name or "").split()
        if earlier.start < person.start and len(words) < len(full) and full[-len(words):] == words:
            return earlier
    return None
