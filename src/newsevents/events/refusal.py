"""A refusal told as an act someone will not do (issue 14).

"The union will not end the strike", "Tehran would not negotiate under pressure": CAMEO codes
these as refusals (12), but the words are an act with a negation, which the reality checks
rightly read as not done. Where the hybrid's classifier reads the sentence as a rejection
and no word of it has a rejection row of its own, the negated verb states the refusal: to
negotiate (125), to lift sanctions (1241), or to do what it says (120), by the lexicon's
``reject`` frame over the verb's own row. Only a stated intention ("will not", "would not",
"won't") or a standing stance in the present ("does not recognise the court", "is not
cooperating with the inquiry") counts: "did not end the strike" says what did not happen,
"may not attend" what might not, and a refusal under a condition ("will not lift it unless
...") is none yet.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..model import Event
from .lexicon import Lexicon, LexiconEntry
from .reality import is_hypothetical
from .triggers import REJECT_FRAME, matching_entry
from .words import words

__all__ = ["as_stated", "refusal_entry"]

REFUSAL_AUX = words("refusal_aux")
STANCE_AUX = words("stance_aux")
# The code of a refusal whose act the lexicon has no row for.
BASE_REFUSAL = "120"


def refusal_entry(verb: Token, lexicon: Lexicon, rule: str) -> LexiconEntry | None:
    """The row the refusal a negated ``verb`` states is coded by (id ``rule``), or None when the
    verb states none: it is not negated, not an intention, or under a condition. The row has the
    ``reject`` frame, so the future tense leaves its code a refusal (events.future)."""
    if verb.pos_ != "VERB" or not any(c.dep_ == "neg" for c in verb.children):
        return None
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    stated = bool(auxiliaries) and (all(aux in REFUSAL_AUX for aux in auxiliaries) or verb.tag_ in ("VB", "VBG")
                                    and all(aux in STANCE_AUX for aux in auxiliaries))
    if not stated or is_hypothetical(verb) or verb.sent.text.rstrip().endswith("?"):
        return None  # "may not", "did not"; "unless ..."; "will they not negotiate?"
    own = matching_entry(verb, lexicon)
    code = (lexicon.frame_code(REJECT_FRAME, own.code) if own is not None else None) or BASE_REFUSAL
    return LexiconEntry(id=rule, pos="VERB", lemma=verb.lemma_, particles=frozenset(), objects=frozenset(),
                        targets=own.targets if own is not None and own.targets else ("dobj",), code=code,
                        frame=REJECT_FRAME, note="", source="model")


def as_stated(event: Event) -> Event:
    """The event of a refusal's row, coded on its negated verb: the refusal was stated, so it
    is neither negated nor a mere intention."""
    event.negated, event.modality = False, None
    event.explanation.append("refusal: an act the source says it will not do")
    return event
