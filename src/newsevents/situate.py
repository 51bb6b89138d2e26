"""Where and when: the stage after event extraction that sets each event's location and date."""
from __future__ import annotations

from spacy.tokens import Doc

from .events.timing import ActTime, time_act
from .geo import ArticleCountries, Gazetteer, Place, find_dateline, locate_event
from .model import ActorMention, Document, Event
from .syntax import token_at

DATE_FROM_TEXT, DATE_FROM_PUBLICATION = "text", "publication"
# A future event's date expression names when it is planned, not when the intent was stated.
UNDATED_MODALITIES = frozenset({"future"})


def situate_events(events: list[Event], doc: Doc, document: Document, mentions: list[ActorMention],
                   gazetteer: Gazetteer) -> list[Event]:
    """Set ``location``, ``date`` and ``date_source`` on each event, in place.

    Location: a place named in the trigger's clause or sentence, else the dateline, else
    None. Date: a date expression in the clause or sentence resolved against the
    publication date (with its precision), else the publication date; ``background`` as
    events.timing decides. Returns the events.
    """
    dateline = find_dateline(document.text, gazetteer, mentions) if events else None
    countries = ArticleCountries(mentions)  # indexed once: a long article has thousands of events
    # Each trigger's place and date are looked for once: a sentence listing a thousand actors
    # gives a thousand events of one trigger, and each look is a pass over the sentence (issue 18).
    places: dict[tuple[int, str], tuple[Place, str] | None] = {}
    times: dict[int, ActTime] = {}
    for event in events:
        trigger = token_at(doc, event.trigger_start)
        found = None
        if trigger is not None:
            if (trigger.i, event.code) not in places:
                places[trigger.i, event.code] = locate_event(trigger, event.code, gazetteer, countries)
            found = places[trigger.i, event.code]
        if found is not None:
            place, why = found
            event.location = place.to_dict()
            event.explanation.append(f"location {place.name} ({place.country}): {why}")
        elif dateline is not None:
            event.location = dateline.to_dict()
            event.explanation.append(f"location {dateline.name} ({dateline.country}): dateline")
        else:
            event.location = None
        event.date, event.date_source = document.date, DATE_FROM_PUBLICATION if document.date else None
        event.date_precision, event.background = None, False
        if trigger is None or event.modality in UNDATED_MODALITIES:
            continue
        if trigger.i not in times:
            times[trigger.i] = time_act(trigger, document.date)
        timed = times[trigger.i]
        if timed.date is not None:
            event.date, event.date_source, event.date_precision = timed.date, DATE_FROM_TEXT, timed.precision
            event.explanation.append(f"date {timed.date} ({timed.precision}) from '{timed.expression}'")
        if timed.background:
            event.background = True
            event.explanation.append(f"background: {timed.why}")
    return events
