"""The date of an act told in a "when" clause of a dated noun (issue 17).

"Questions about the president's Oct. 3 speech when he threatened the unions": the threat
happened at the speech, on Oct. 3. The parser often hangs such a "when" clause on the main
verb far away, so the date that modifies the noun is too many arcs from the trigger for
``dates.date_for_event`` to give it; the clause still follows the noun word for word, and
that is what this module reads.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..dates import DATE_EXPRESSION, resolve_date_expression

WHEN = "when"
NOUN_POS = frozenset({"NOUN", "PROPN"})
# How the date hangs on the noun: "the Oct. 3 speech", "the speech of Oct. 3" aside.
DATE_DEPS = frozenset({"compound", "nmod", "npadvmod", "amod"})


def date_of_dated_noun(trigger: Token, publication: str | None) -> tuple[str, str] | None:
    """(ISO date, expression) when the trigger's clause is a "when" clause right after a noun
    that a day date modifies; else None.

    trigger: the event's trigger token; publication: ISO publication date."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    when = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ == WHEN and c.i < verb.i), None)
    if when is None or when.i == trigger.sent.start:
        return None
    noun = trigger.doc[when.i - 1]
    if noun.pos_ not in NOUN_POS:
        return None
    for modifier in noun.children:
        if modifier.dep_ not in DATE_DEPS or modifier.i > noun.i:
            continue
        text = trigger.doc[modifier.left_edge.i:modifier.right_edge.i + 1].text
        if DATE_EXPRESSION.search(text) is None:
            continue
        date = resolve_date_expression(text, publication)
        if date is not None:
            return date, text
    return None
