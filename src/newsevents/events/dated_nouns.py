"""Dates the parser hangs away from the act they date (issue 17).

- A "when" clause of a dated noun: "questions about the president's Oct. 3 speech when he
  threatened the unions": the threat happened at the speech, on Oct. 3. The parser often
  hangs the clause on the main verb far away, so the date is too many arcs from the trigger
  for ``dates.date_for_event``; the clause still follows the noun word for word.
- A present participle describing an argument: "abducted by gunmen wearing uniforms in
  August 2016": the parser hangs the date on the participle, whose state is simultaneous
  with the act.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..dates import DATE_EXPRESSION, resolve_date_expression
from ..syntax import OUTER_CLAUSE, clause_head, tree_distance

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


def in_simultaneous_participle(token: Token, trigger: Token) -> bool:
    """Whether ``token`` (a date) sits in a present participle that describes an argument of
    the trigger's own clause: "abducted by gunmen wearing uniforms in the capital in August
    2016". Such a participle tells a state at the time of the act, so a date the parser hangs
    on it dates the act too. A past participle ("troops trained in 2015 attacked ...") is an
    earlier act of its own, and keeps its date."""
    clause = clause_head(token)
    if clause.dep_ != "acl" or clause.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    return clause_head(clause.head).i == clause_head(trigger).i


def participle_rank(token: Token, trigger: Token) -> tuple[int, int, int] | None:
    """A rank (as ``dates.date_rank``) for a date in a simultaneous participle, else None; it
    counts as an outer clause's date, after any of the trigger's own."""
    return (OUTER_CLAUSE, tree_distance(trigger, token), token.i) if in_simultaneous_participle(token, trigger) else None
