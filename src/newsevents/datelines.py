"""A wire dateline is parsed as a sentence of its own.

"THE HAGUE, Netherlands -- A United Nations prosecutor has charged ...": the small parser
reads the dateline as the verb's subject and hangs the real subject on it as an apposition,
so the event's source is a city. Marking the word after the dateline's dash as a sentence
start before the parser runs (spaCy's parser keeps boundaries set before it) gives the lede
the parse its sentence would have without the dateline. Only a dateline of capitals or with
an agency counts: "Two hostages — an American and ..." opens a sentence, not a dateline, and
"Israel - Hamas agree ..." is a headline. A title-case dateline ("Indianapolis – Several
thousand teachers ...") is known only once the gazetteer has read it; where the parser takes
it for the subject, the subject search looks past it (``events.lede``).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .geo import DATELINE

__all__ = ["DATELINE_COMPONENT", "dateline_end", "split_dateline"]

DATELINE_COMPONENT = "newsevents_dateline"


def dateline_end(text: str) -> int | None:
    """The offset where the body starts after a wire dateline opening ``text``, or None."""
    match = DATELINE.match(text.split("\n", 1)[0])
    if match is None:
        return None
    city = match.group("city").strip()
    if not (city.isupper() and sum(c.isalpha() for c in city) > 1 or match.group("agency")):
        return None
    return match.end()


@Language.component(DATELINE_COMPONENT)
def split_dateline(doc: Doc) -> Doc:
    """Start a sentence at the first word after the dateline opening ``doc``, if any."""
    end = dateline_end(doc.text)
    if end is not None:
        body = next((token for token in doc if token.idx >= end), None)
        if body is not None and body.i > 0:
            body.is_sent_start = True
    return doc
