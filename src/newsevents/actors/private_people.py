"""People the tables do not know whom the text gives an age: private people (issue 15).

"Officers arrested Jane Doe, 33, of Franklin", "Ali Hassan, 27, was detained": crime and court
news names private people with their age, which no office-holder or public figure is given in
the same way. Such a name is a civilian (CVL) and is placed as the role words are
(``countryless``): the article's country, the sentence's places. Without the age the name stays
unresolved, as before: a name alone says nothing of who the person is.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import ActorMention
from ..syntax import text_span

# The actor stage's rule for a name the tables do not know (resolve._resolve_chunk).
UNRESOLVED_PERSON = "unresolved-person"
AGED_RULE = "unresolved-aged-person"
CIVILIANS = "CVL"
# Ages a news report gives a named person.
AGES = range(1, 111)
# What follows the age: ", 33, of Franklin", ", 33, who", ", 33." and the like.
AFTER_AGE = frozenset({",", ".", ";", ")"})


def mark_aged_people(mentions: list[ActorMention], doc: Doc) -> None:
    """Make each unresolved name followed by ", <age>," a civilian to be placed; in place."""
    for mention in mentions:
        if mention.rule != UNRESOLVED_PERSON or not mention.name:
            continue
        span = text_span(doc, mention.start, mention.end)
        if span is None or span.end + 2 >= len(doc):
            continue
        comma, age, after = doc[span.end], doc[span.end + 1], doc[span.end + 2]
        if comma.text == "," and age.text.isdigit() and int(age.text) in AGES and after.text in AFTER_AGE:
            mention.sectors, mention.rule = [CIVILIANS], AGED_RULE
