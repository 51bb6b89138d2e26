"""Stances that are no act (issue 14): a verb such as "support" or "hope" codes an event when
someone takes the stance in public ("Germany supports the bid", "Portugal will support Turkey's
efforts, its president said", "the minister hoped for a deal"), not where it only describes
what someone holds:

- what someone thinks: "many firms believe the reform is late and support the plan" is their
  opinion, not an act of support;
- what a speaker tells of their own views: "he told police he supported the candidate" reports
  what the man thinks; the telling is the act, the support no act towards the candidate (nor a
  05x event). A promise in the same place ("said it will support the resolution") is a
  commitment, and stays; so is a body's stance told by its voice ("the coalition's spokesman
  said they support the UN call");
- in a relative clause that describes a noun: "the result she hoped for" names a result, and
  says nothing optimistic about anything;
- an outlook someone has: "the captain had confidence in the team", "officials have doubts"
  say what they hold; "expressed confidence", "voiced doubts" are the statements.
"""
from __future__ import annotations

from spacy.tokens import Token

from .reality import FUTURE_AUX, UNCERTAIN_MODALS
from .words import words

ATTITUDE_VERBS = words("attitude_verbs")
REPORTING_VERBS = words("reporting_verbs")
THOUGHT_VERBS = words("thought_verbs")
HOLDING_VERBS = words("holding_verbs")
# Who may speak of their own views: "he told police he supported X".
OWN_VIEW_PRONOUNS = frozenset({"i", "he", "she", "we", "they"})
# Of those, the ones a body's voice uses for the body.
INSTITUTIONAL_PRONOUNS = frozenset({"we", "they"})
# Who speaks for a body: "a ministry spokesman", "the army", "officials".
INSTITUTION_VOICES = words("institution_voices")
# Codes an attitude verb can fire as: the outlook of a statement, and endorsement.
OUTLOOK_CODES = frozenset({"012", "013"})
ENDORSE_ROOT = "05"


def is_attitude_only(token: Token, code: str) -> bool:
    """Whether the trigger ``token`` (coded ``code``) only states a stance someone holds."""
    if token.pos_ == "NOUN" and code in OUTLOOK_CODES and _held_outlook(token):
        return True
    if token.pos_ != "VERB" or token.lemma_.lower() not in ATTITUDE_VERBS and not _hope_form(token):
        return False
    if token.dep_ in ("relcl", "acl") and code in OUTLOOK_CODES:
        return True
    return code.startswith(ENDORSE_ROOT) and _held_view(token)


def _held_outlook(noun: Token) -> bool:
    """Whether an outlook noun is the object of a verb of holding, or the "of" phrase of that
    object ("had a lot of confidence")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "dobj":
        noun = noun.head.head
    return noun.dep_ == "dobj" and noun.head.lemma_ in HOLDING_VERBS


def _hope_form(token: Token) -> bool:
    # en_core_web_sm lemmatises "hoped" as "hop" (the lexicon's hope.v@hop row).
    return token.lemma_ == "hop" and token.lower_.startswith("hope")


def _held_view(token: Token) -> bool:
    """Whether the clause of ``token`` (or of the verb it is joined to) is an opinion, or a
    speaker's own view told in a that-clause (not a promise: no future or modal)."""
    clause = token
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    head = clause.head
    if clause.dep_ != "ccomp" or head.pos_ not in ("VERB", "AUX"):
        return False
    if head.lemma_.lower() in THOUGHT_VERBS:
        return True
    if head.lemma_.lower() not in REPORTING_VERBS:
        return False
    promised = any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | UNCERTAIN_MODALS for c in (*token.children, *clause.children))
    subjects = [c for c in (*token.children, *clause.children) if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ not in OWN_VIEW_PRONOUNS:
        return False
    # "the ministry's spokesman said they support the UN call": a body's "we" or "they" told by
    # its voice is the body's public stance, not a private view.
    return not promised and not (subjects[0].lower_ in INSTITUTIONAL_PRONOUNS and _institutional_voice(head))


def _institutional_voice(verb: Token) -> bool:
    """Whether the reporting verb's subject speaks for a body: a spokesman, a ministry, officials."""
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return speaker is not None and any(t.lemma_.lower() in INSTITUTION_VOICES for t in speaker.subtree)
