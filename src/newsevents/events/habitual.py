"""A verb in the simple present tells a habit or a state, not a reported act.

News reports acts in the past, the perfect or the progressive; "protesters wear masks",
"the group holds rallies every week" describe how things usually are. The classifier reads
the whole sentence and cannot tell a habit from an act, so the hybrid coder does not add a
model event on such a verb (issue 17: on whole articles, descriptions of this kind made
model events that no annotator coded). Lexicon events are left as they are: their rows and
the reality checks already judge their words.
"""
from __future__ import annotations

from spacy.tokens import Token

SIMPLE_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
VERB_DEPS_WITH_OWN_TENSE = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis"})


def simple_present(trigger: Token) -> bool:
    """Whether ``trigger`` is a finite verb in the simple present with no auxiliary."""
    if trigger.pos_ != "VERB" or trigger.tag_ not in SIMPLE_PRESENT_TAGS:
        return False
    if trigger.dep_ not in VERB_DEPS_WITH_OWN_TENSE:
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in trigger.children)
