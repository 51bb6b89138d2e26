"""Confidence adjustments made after extraction (issue 15).

An event whose source or target is a role coded without a country ("gunmen", "police" in a
sentence and article that say nowhere whose) is kept, as GDELT keeps such events, but is less
sure than one whose actors are placed: whose gunmen is half of what the event says.

An event whose actor's country is a guess the act does not bear out (``countryless.reliable_in``:
"he told lawmakers" with lawmakers given the sentence's one country) is dropped, as it was
before roles were located: it has no actor the text supports.
"""
from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from ..actors.countryless import COUNTRYLESS_RULE, reliable_in
from ..model import Event

COUNTRYLESS_PENALTY = 0.15
# The floor the extractor keeps (events.extract.MIN_CONFIDENCE).
MIN_CONFIDENCE = 0.3
# Yielding ("eased restrictions on the press") is done whether or not anyone is named to
# gain by it: a guessed beneficiary the act does not bear out is dropped, not the act.
YIELD_ROOTS = frozenset({"08"})
# Refusing to yield ("will not release the prisoners", CAMEO 124) is the same act refused: it
# stands without the guessed target as the yielding would.
REFUSE_TO_YIELD = "124"


def lower_countryless(events: list[Event]) -> list[Event]:
    """Lower the confidence of events with an actor coded without a country; in place.

    Returns the events.
    """
    for event in events:
        roles = [a for a in (event.source, event.target) if a is not None and a.rule == COUNTRYLESS_RULE]
        if roles:
            event.confidence = round(max(MIN_CONFIDENCE, event.confidence - COUNTRYLESS_PENALTY), 2)
            event.explanation.append(f"actor without a country ({', '.join(a.text for a in roles)}): "
                                     f"confidence -{COUNTRYLESS_PENALTY}")
    return events


def drop_unreliable_roles(events: list[Event], doc: Doc) -> list[Event]:
    """The events whose actors' countries, where guessed, are reliable for their act.

    A yielding act, or a refusal to yield, keeps itself without a target the act does not bear
    out (YIELD_ROOTS, REFUSE_TO_YIELD).
    events: one document's events; doc: its parse. Returns the kept events, in order.
    """
    kept = []
    starts = {token.idx: token for token in doc} if events else {}  # one pass: a long document has many events
    for event in events:
        trigger = starts.get(event.trigger_start)
        if not reliable_in(event.source, event.root, trigger, source=True):
            continue
        if event.target is None or reliable_in(event.target, event.root, trigger, source=False):
            kept.append(event)
        elif event.root in YIELD_ROOTS or event.code.startswith(REFUSE_TO_YIELD):
            kept.append(dataclasses.replace(event, target=None, explanation=[
                *event.explanation, f"guessed target {event.target.text} [{event.target.code}] dropped: not borne out"]))
    return kept
