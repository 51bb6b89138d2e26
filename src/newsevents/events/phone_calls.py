""""Macron called Zelensky on Sunday": a telephone call (CAMEO 041).

"Call" with a person as its object is, in news, a telephone call: "U.S. President Donald Trump
called Saudi Arabia's King Salman on Saturday, discussing ...". But the same verb names people
("called the opposition leader a traitor"), things ("called the election a sham", "called
Netanyahu's remarks outrageous") and groups ("a group called Jaish-e-Mohammed"), and convenes
meetings ("called an emergency meeting"). So the lexicon's bare ``call`` row (``call.v.phone``)
stands only where the verb's object is a person, by name or by title (``callee_titles`` in
``data/lexicon/words.tsv``), and the verb has no second predicate on that object (an ``oprd``,
``acomp``, ``attr`` or clause saying what the object was called). A purpose ("called the
Turkish president to discuss Syria") is still the call's.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Event
from ..syntax import token_at
from .words import words

PHONE_ROW = "call.v.phone"
# Titles of people one telephones: "called the Turkish president", "called his counterpart".
CALLEE_TITLES = words("callee_titles")
# What a naming or describing "call" has beside its object: "called X a traitor", "X outrageous".
NAMING_DEPS = frozenset({"oprd", "acomp", "attr", "ccomp"})


def is_phone_call(verb: Token) -> bool:
    """Whether this use of "call" calls a person on the telephone."""
    if verb.dep_ == "acl":
        return False  # "a group called Jaish-e-Mohammed"
    callee = next((child for child in verb.children if child.dep_ == "dobj"), None)
    if callee is None:
        # The parser may read a lone titled name as what someone was called ("called Ukrainian
        # President Volodymyr Zelensky on Sunday"); naming needs an object beside it.
        callee = next((child for child in verb.children if child.dep_ == "oprd"), None)
    elif any(child.dep_ in NAMING_DEPS for child in [*verb.children, *callee.children]):
        return False
    if callee is None or any(child.dep_ == "appos" and child.pos_ == "NOUN" for child in callee.children):
        return False  # "called Britain's ambassador a very stupid guy", the name parsed as apposition
    return callee.pos_ == "PROPN" or callee.lemma_.lower() in CALLEE_TITLES


def drop_non_calls(events: list[Event], doc: Doc) -> list[Event]:
    """``events`` without the bare "call" row's events where the verb calls no one on the phone."""
    kept = []
    for event in events:
        if event.rule == PHONE_ROW:
            verb = token_at(doc, event.trigger_start)
            if verb is None or not is_phone_call(verb):
                continue
        kept.append(event)
    return kept
