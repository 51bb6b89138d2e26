"""A headline that repeats the story's own event gives no event of its own.

Pages give their title as the text's first line ("Julian Assange: Sweden drops rape
investigation"), and the title names the lede's act again ("Prosecutors in Sweden have
dropped an investigation ..."). Counted twice, one act becomes two events, with the
headline's shorter, vaguer actors. An event of the title line is dropped where another
sentence of the article codes an act of the same root by a source of the same country; a
headline act the body does not report stays.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import Event
from ..sentence_starts import SENTENCE_END

__all__ = ["drop_headline_repeats", "opens_with_title"]


def opens_with_title(doc: Doc) -> bool:
    """Whether the document's first sentence is a title line: the whole first line, not ending
    a sentence, with more text after it."""
    first_line, newline, rest = doc.text.partition("\n")
    if not newline or not rest.strip() or SENTENCE_END.search(first_line.rstrip()):
        return False
    first = next(iter(doc.sents), None)
    return first is not None and first.text.strip() == first_line.strip()


def drop_headline_repeats(events: list[Event], doc: Doc) -> list[Event]:
    """``events`` without the title line's (sentence 0's) events that the body codes again."""
    if not opens_with_title(doc):
        return events
    body = {(e.code[:2], e.source.country) for e in events if e.sentence_index != 0}
    return [e for e in events if e.sentence_index != 0 or (e.code[:2], e.source.country) not in body]
