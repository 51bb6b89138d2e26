"""Acts a sentence mentions without reporting them as news (issue 17).

Two shapes of whole-article text tell an act only to say something about it or about its
actor; the act itself was reported (or happened) before, and counting it as today's news
re-reports history:

- an act named by a noun that the sentence judges: "Kenya's request to Uganda was
  improper", "she described the minister's call with Ruto as improper". The news is the
  judgement; the request and the call are its topic;
- a present perfect joined to a present description of its actor: "Kenya is one of Uganda's
  harshest critics and has accused it of arming rebels" portrays Kenya by its record;
- a past act in a "when" clause of a present one: "Kenya is honouring the promises made to
  Uganda when it signed the accord" names a past time that today's state goes back to.

Both hold only when the sentence gives the act no date of its own (timing checks that first).
"""
from __future__ import annotations

from spacy.tokens import Token

COPULA = "be"
# Words that make an event noun a definite reference to an act already known: "the call",
# "Kenya's request", "this visit".
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
PRESENT_PERFECT_AUX = frozenset({"has", "have", "'s", "'ve"})
WHEN = "when"


def judged_reference(trigger: Token) -> bool:
    """Whether ``trigger`` is a definite event noun that its clause judges: the subject of
    "was improper"/"is a mistake", or the object of "described/called ... as ..."."""
    if trigger.pos_ != "NOUN" or not _definite(trigger):
        return False
    head = trigger.head
    if trigger.dep_ == "nsubj" and head.lemma_ == COPULA:
        return any(c.dep_ in ("acomp", "attr") for c in head.children)
    if trigger.dep_ == "dobj":
        return any(c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as" for c in head.children)
    return False


def record_of_a_described_actor(trigger: Token) -> bool:
    """Whether ``trigger`` is a present perfect verb joined to a present copula that
    describes the same subject ("X is one of ... critics and has accused Y")."""
    if trigger.pos_ != "VERB" or trigger.tag_ != "VBN" or trigger.dep_ != "conj":
        return False
    if not any(c.dep_ == "aux" and c.lower_ in PRESENT_PERFECT_AUX for c in trigger.children):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
        return False  # a subject of its own: a second clause, not the description going on
    head = trigger.head
    return head.lemma_ == COPULA and head.tag_ in PRESENT_TAGS and any(c.dep_ == "attr" for c in head.children)


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children)


def past_time_of_a_present_clause(trigger: Token) -> bool:
    """Whether ``trigger`` is a simple past verb of a "when" clause that hangs on a verb in
    the present (simple or progressive): "China is taking back what it gave when Britain
    returned the territory"."""
    if trigger.tag_ != "VBD" or trigger.dep_ != "advcl":
        return False
    if not any(c.lower_ == WHEN and c.dep_ in ("advmod", "mark") and c.i < trigger.i for c in trigger.children):
        return False
    head = trigger.head
    if head.tag_ in PRESENT_TAGS:
        return True
    return head.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in PRESENT_TAGS for c in head.children)
