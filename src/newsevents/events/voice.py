"""Passives without "was" (issue 14): headlines and quoted claims drop the auxiliary
("Indian helicopter shot down and destroyed near the border"), and the small parser then
reads the aircraft as the subject of an active "shot", the one who shot. A violent verb that
needs an object (``patient_particles``: "shot down", "gunned down", "rounded up") or that the
tagger reads as a participle, with a subject, no object and no auxiliary, is such a passive:
its subject is the target, and its source only a "by" agent, as in a full passive.
"""
from __future__ import annotations

from spacy.tokens import Token

from .words import words

PATIENT_PARTICLES = words("patient_particles")
# Roots of acts done to someone: repression, assault, fighting, mass violence.
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def is_reduced_passive(token: Token, code: str, targets: tuple[str, ...]) -> bool:
    """Whether the violent verb ``token``, coded ``code`` by a row whose target slots are
    ``targets``, is a passive without auxiliary. Only a row that takes its target as the
    object counts: "police cracked down on protesters" needs none."""
    if code[:2] not in FORCE_ROOTS or "dobj" not in targets or token.pos_ != "VERB" \
            or _has(token, ("dobj", "aux", "auxpass")):
        return False
    clause = token  # "shot down and destroyed": the second verb shares the first one's subject
    while clause.dep_ == "conj" and clause.head.i != clause.i and not _has(clause, SUBJECT_DEPS):
        clause = clause.head
    if clause.pos_ != "VERB" or not _has(clause, ("nsubj",)) or _has(clause, ("dobj", "aux", "auxpass")):
        return False
    particle = any(c.dep_ in ("prt", "advmod") and c.lower_ in PATIENT_PARTICLES for v in (token, clause) for c in v.children)
    return particle or clause.tag_ == "VBN"


def _has(token: Token, deps: tuple[str, ...] | frozenset[str]) -> bool:
    return any(c.dep_ in deps for c in token.children)
