"""Sentence starts the parser must keep: after a paragraph's line break and after a dateline.

Set on the tokens before the parser runs (spaCy's parser keeps boundaries set before it):

- **Line breaks.** Extracted pages and most feeds give one paragraph per line, so a headline,
  a byline or a timestamp line ("Staff Reports", "November 20, 2019 - 11:28 AMT") would
  otherwise be read into the next paragraph's first sentence, and its words into an actor
  ("rape investigation\\nProsecutors"). A blank line always parts sentences; a single line
  break does when the text is written a paragraph to a line (most of its lines end a
  sentence) and the next line does not go on in lower case. Hard-wrapped text (lines cut
  at a width, mostly not ending a sentence) keeps its single breaks for the parser.
- **Datelines.** "THE HAGUE, Netherlands -- A United Nations prosecutor has charged ...": the
  small parser reads the dateline as the verb's subject and hangs the real subject on it as
  an apposition. Only a dateline of capitals or with an agency counts, at the start of a
  paragraph: "Two hostages — an American and ..." opens a sentence, and "Israel - Hamas
  agree ..." is a headline. A title-case dateline ("Indianapolis – Several thousand teachers
  ...") is known only once the gazetteer has read it; where the parser takes it for the
  subject, the subject search looks past it (``events.lede``).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc

from .geo import DATELINE

__all__ = ["SENTENCE_END", "SENTENCE_STARTS_COMPONENT", "dateline_end", "line_starts", "mark_sentence_starts"]

SENTENCE_STARTS_COMPONENT = "newsevents_sentence_starts"
# What a line that ends a sentence ends with (closing quotes and brackets after the stop).
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
_LINE = re.compile(r"[^\n]+")


def dateline_end(text: str) -> int | None:
    """The offset where the body starts after a wire dateline opening ``text``, or None."""
    match = DATELINE.match(text.split("\n", 1)[0])
    if match is None:
        return None
    city = match.group("city").strip()
    if not (city.isupper() and sum(c.isalpha() for c in city) > 1 or match.group("agency")):
        return None
    return match.end()


def line_starts(text: str) -> list[int]:
    """Offsets of the lines of ``text`` that start a sentence: after a blank line, and after
    any line break of a text written a paragraph to a line, unless the line goes on in
    lower case."""
    lines = [match for match in _LINE.finditer(text) if match.group().strip()]
    if len(lines) < 2:
        return []
    ended = sum(bool(SENTENCE_END.search(m.group().rstrip())) for m in lines[:-1])
    by_line = 2 * ended >= len(lines) - 1
    starts = []
    for before, line in zip(lines, lines[1:]):
        blank_before = text.count("\n", before.end(), line.start()) > 1
        words = line.group().lstrip()
        if blank_before or by_line and not words[:1].islower():
            starts.append(line.end() - len(words))
    return starts


@Language.component(SENTENCE_STARTS_COMPONENT)
def mark_sentence_starts(doc: Doc) -> Doc:
    """Mark the first word of each paragraph line and of the body after a dateline as a
    sentence start (see the module's docstring)."""
    text = doc.text
    offsets = set(line_starts(text))
    for paragraph in [0, *sorted(offsets)]:
        line_end = text.find("\n", paragraph)
        end = dateline_end(text[paragraph:line_end if line_end >= 0 else len(text)])
        if end is not None:
            offsets.add(paragraph + end)
    tokens = [token for token in doc if not token.is_space]
    positions = [token.idx for token in tokens]
    for offset in offsets:
        at = bisect_left(positions, offset)
        if at < len(tokens) and tokens[at].i > 0:
            tokens[at].is_sent_start = True
    return doc
