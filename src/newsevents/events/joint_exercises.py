"""Exercises two parties hold together are military cooperation (CAMEO 062), not a show of force.

The lexicon codes "held military exercises" as 150, a show of force, which it is when one state
drills near another ("Russia held exercises near the Ukrainian border"). CAMEO's 062 says
"military exchanges such as joint military games and maneuvers should be coded here", and its
example ("French and Egyptian warships launched 10 days of war games") is coded as two
reciprocal events. So a show of force (root 15) that is one party's share of a joint act ("India
and France conducted an air exercise", "NATO and Ukraine held joint drills"), told by an
exercise word (``exercise_nouns``), is recoded 062, and so is one held with a partner, where
the target is the object of "with" ("the Indian navy held joint exercises with the French navy").
A drill aimed at someone else keeps its 150: "Russia and Belarus held drills near the Polish
border" has Poland as its target, not a joint act.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Event
from .joint import is_joint
from .made import recode_by_word
from .words import words

MILITARY_COOPERATION = "062"
POSTURE_ROOT = "15"
EXERCISE_NOUNS = words("exercise_nouns")
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "pobj"})


def recode_joint_exercises(events: list[Event], doc: Doc) -> list[Event]:
    """``events`` with the parties of joint exercises coded 062; others unchanged."""
    return recode_by_word(
        events, doc, MILITARY_COOPERATION, _joint_exercise,
        lambda event, word: f"{event.code}: the parties hold '{word.text}' together: {MILITARY_COOPERATION}")


def _joint_exercise(event: Event, trigger: Token) -> Token | None:
    """The exercise word of a show of force its parties hold together, or None."""
    if event.root != POSTURE_ROOT:
        return None
    exercise = _exercise(trigger)
    if exercise is None or not (is_joint(event) or _held_with(event, trigger, exercise)):
        return None
    return exercise


def _exercise(trigger: Token) -> Token | None:
    """The exercise word the trigger is, or has as its object ("held drills"), or None."""
    for token in [trigger, *(c for c in trigger.children if c.dep_ in OBJECT_DEPS)]:
        compounds = [c.lower_ for c in token.children if c.dep_ == "compound"]
        if token.lemma_.lower() in EXERCISE_NOUNS or " ".join([*compounds, token.lemma_.lower()]) in EXERCISE_NOUNS:
            return token
    return None


def _held_with(event: Event, trigger: Token, exercise: Token) -> bool:
    """Whether the event's target is whom the exercise is held with: the object of a "with"
    phrase on the trigger or on its exercise word ("held drills with the French navy")."""
    if event.target is None or not 0 <= event.target.head < len(trigger.doc):
        return False
    partner = trigger.doc[event.target.head]
    return partner.dep_ == "pobj" and partner.head.lower_ == "with" and partner.head.head.i in (trigger.i, exercise.i)
