"""Which events carry a sentence's casualty and arrest counts (issue 15 item 7).

The reader (``casualties.counts_in``) reads the counts of a sentence; this stage puts them in
``event.attributes`` of the sentence's events of material conflict:

- the roots that carry counts are coercion (arrests), assault, fight, mass violence, and protest:
  ACLED counts the arrests and deaths of a demonstration on it, and the sentence that reports a
  march often gives them in a clause that is no event of its own ("and no arrests were made", "a
  woman was killed when a police vehicle ran her over during a protest");
- a count sits on the event it belongs to when the sentence has one: arrests on an arrest (173),
  the dead and wounded on force (roots 18-20, repression 175). "Police shot dead two robbers and
  arrested five others" gives the arrest no dead and the shooting no arrests. A sentence with no
  such event leaves the count on the events it has (a protest, a coercion, an arrest): a user
  reading the sentence's events finds it there rather than nowhere;
- where two events of force each have a verb that gives its own count ("an air strike killed
  four fighters, while a second strike killed three civilians"), each carries its own rather
  than the sentence's sum, which would count the dead twice across the events.

A passive whose subject is a clause away ("A man drove into a crowd ... and was detained") is
counted through the parse (``conjoined``).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..model import CASUALTY_KINDS, Event
from .casualties import count_at, counts_in, kind_of_word
from .conjoined import conjoined_counts

__all__ = ["CASUALTY_ROOTS", "fill_casualties", "sentence_counts"]

CASUALTY_ROOTS = frozenset({"14", "17", "18", "19", "20"})
HOME_CODES = {"arrested": ("173",), "killed": ("18", "19", "20", "175"), "injured": ("18", "19", "20", "175")}


def fill_casualties(events: list[Event], doc: Doc) -> list[Event]:
    """Fill ``attributes`` with the counts of material conflict events, from their sentence; in place.

    events: one document's events; doc: its parse (for the sentence offsets). Returns the events.
    """
    sentences = list(doc.sents)
    counted = [e for e in events if e.root in CASUALTY_ROOTS and 0 <= e.sentence_index < len(sentences)]
    for index in sorted({e.sentence_index for e in counted}):
        sent = sentences[index]
        here = [e for e in counted if e.sentence_index == index]
        counts = sentence_counts(sent)
        for kind, count in counts.items():
            homes = [e for e in here if _home(e, kind)]
            own = _own_counts(homes, sent, kind)
            for event in homes or here:
                event.attributes[kind] = own.get(event.trigger_start, count)
    return events


def sentence_counts(sent: Span) -> dict[str, dict[str, object]]:
    """The counts of a parsed sentence: the reader's, and for a kind it finds none of, the
    count of a passive whose subject is a clause away ("A man ... and was detained": one)."""
    counts = counts_in(sent.text, offset=sent.start_char)
    for kind, count in conjoined_counts(sent, counts_in, kind_of_word).items():
        counts.setdefault(kind, count)
    return counts


def _own_counts(homes: list[Event], sent: Span, kind: str) -> dict[int, dict[str, object]]:
    """The counts of each event's own trigger, by trigger offset, when the events have two or
    more triggers and each gives its own count; else none (the sentence's count stands)."""
    triggers = sorted({e.trigger_start for e in homes})
    if len(triggers) < 2:
        return {}
    own = {start: count_at(sent.text, start - sent.start_char, kind, offset=sent.start_char) for start in triggers}
    if any(count is None for count in own.values()):
        return {}
    return {start: count for start, count in own.items() if count is not None}


def _home(event: Event, kind: str) -> bool:
    return event.code.startswith(HOME_CODES[kind])
