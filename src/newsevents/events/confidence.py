"""Confidence adjustments made after extraction (issue 15).

An event whose source or target is a role coded without a country ("gunmen", "police" in a
sentence and article that say nowhere whose) is kept, as GDELT keeps such events, but is less
sure than one whose actors are placed: whose gunmen is half of what the event says.
"""
from __future__ import annotations

from ..actors.countryless import COUNTRYLESS_RULE
from ..model import Event

COUNTRYLESS_PENALTY = 0.15
# The floor the extractor keeps (events.extract.MIN_CONFIDENCE).
MIN_CONFIDENCE = 0.3


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
