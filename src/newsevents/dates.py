"""Date handling: publication dates to ISO ``YYYY-MM-DD``, and event dates from the text."""
from __future__ import annotations

import datetime as dt
import re

import dateparser
from spacy.tokens import Span, Token

from .syntax import clause_scope, in_other_conjunct, tree_distance

_COMPACT_FORMATS = ("%Y%m%d", "%y%m%d")
# A day given by a user (--date, --since, the API's date): ISO only. "06/07/2024" is June 7 to
# some and July 6 to others, and was read as 2024-06-07 without a word (issue 13).
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_iso_day(value: str) -> str | None:
    """Return ``value`` (white space trimmed) when it is an existing day written YYYY-MM-DD,
    else None. Unlike ``normalise_date``, which reads what pages and corpora carry, this reads
    what a user types, and guesses nothing."""
    text = value.strip()
    if not _ISO_DAY.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def normalise_date(value: str | None) -> str | None:
    """Return ``value`` as ``YYYY-MM-DD``, or None when it holds no recognisable date.

    Accepts ISO dates and timestamps, compact ``YYYYMMDD`` (as in PETRARCH records) and the
    free forms dateparser reads ("June 20, 2024").
    """
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    if text.isdigit():
        for fmt in _COMPACT_FORMATS:
            try:
                return dt.datetime.strptime(text, fmt).date().isoformat()
            except ValueError:
                continue
        return None
    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None


# --- Event dates: relative expressions resolved against the publication date -------------

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
          "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3,
          "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10}
DAYS_PER_UNIT = {"day": 1, "week": 7}
# "last week" names no day; we date it a week before publication, as dateparser does.
LAST_WEEK_DAYS = 7
# A date dateparser reads this far before publication is more likely history than the event.
MAX_DAYS_BACK = 366
_WEEKDAY = "|".join(WEEKDAYS)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUMBER = "|".join(["\\d{1,2}", *SMALL_NUMBERS])
# One pattern, alternatives in priority order; a named group says which rule applies.
DATE_EXPRESSION = re.compile(rf"""\b(?:
    (?P<future>tomorrow|next\s+(?:week|month|year|{_WEEKDAY})|this\s+coming\s+(?:{_WEEKDAY}))
  | (?P<before_yesterday>the\s+day\s+before\s+yesterday)
  | (?P<yesterday>yesterday|last\s+night)
  | (?P<today>today|tonight|this\s+(?:morning|afternoon|evening))
  | (?P<last_week>last\s+week)
  | (?P<ago>(?P<count>{_NUMBER})\s+(?P<unit>day|week)s?\s+ago)
  | (?P<iso>(?P<iso_y>\d{{4}})-(?P<iso_m>\d{{2}})-(?P<iso_d>\d{{2}}))
  | (?P<month_day>(?P<md_m>{_MONTH})\.?\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<md_y>\d{{4}}))?)
  | (?P<day_month>(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_m>{_MONTH})\.?(?:,?\s+(?P<dm_y>\d{{4}}))?)
  | (?P<weekday>(?:(?:last|this\s+past|past)\s+)?(?P<wd>{_WEEKDAY}))
)\b""", re.IGNORECASE | re.VERBOSE)
TIMES_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
# Phrases the patterns miss that dateparser reads ("a fortnight ago", "eleven days ago"): found
# in the text, as the parse has no DATE entities unless the model has NER.
DATEPARSER_CANDIDATE = re.compile(r"\b(?:a|an|[a-z]+|\d+)\s+(?:fortnight|weeks?|days?)\s+ago\b", re.IGNORECASE)
# A DATE entity the patterns miss goes to dateparser only when it names a day somehow.
DATEPARSER_HINT = re.compile(rf"\bago\b|\b(?:{_MONTH})\b.*\d|\d.*\b(?:{_MONTH})\b", re.IGNORECASE)
# A date expression further than this many arcs from the trigger dates something else ("the
# July 25 call made him realise that Ukraine needed to investigate").
MAX_DATE_ARCS = 5
DATEPARSER_SETTINGS = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date is not None else None


def previous_weekday(publication: dt.date, weekday: int) -> dt.date:
    """The latest ``weekday`` (0 = Monday) strictly before ``publication``: "on Thursday" in a
    Thursday paper is the week before's."""
    return publication - dt.timedelta(days=(publication.weekday() - weekday) % 7 or 7)


def _day_of_year(publication: dt.date | None, month: int, day: int, year: str | None) -> dt.date | None:
    """A month and day; without a year, the latest such date not after publication."""
    try:
        if year:
            return dt.date(int(year), month, day)
        if publication is None:
            return None
        found = dt.date(publication.year, month, day)
        return found if found <= publication else dt.date(publication.year - 1, month, day)
    except ValueError:
        return None


def _resolve_match(match: re.Match[str], publication: dt.date | None) -> dt.date | None:
    kind = match.lastgroup
    if kind == "iso":
        return _day_of_year(None, int(match["iso_m"]), int(match["iso_d"]), match["iso_y"])
    if kind == "month_day":
        return _day_of_year(publication, MONTHS[match["md_m"].lower()], int(match["md_d"]), match["md_y"])
    if kind == "day_month":
        return _day_of_year(publication, MONTHS[match["dm_m"].lower()], int(match["dm_d"]), match["dm_y"])
    if publication is None or kind == "future":
        return None
    if kind == "today":
        return publication
    if kind == "yesterday":
        return publication - dt.timedelta(days=1)
    if kind == "before_yesterday":
        return publication - dt.timedelta(days=2)
    if kind == "last_week":
        return publication - dt.timedelta(days=LAST_WEEK_DAYS)
    if kind == "ago":
        count = match["count"].lower()
        number = int(count) if count.isdigit() else SMALL_NUMBERS[count]
        return publication - dt.timedelta(days=number * DAYS_PER_UNIT[match["unit"].lower()])
    if kind == "weekday":
        return previous_weekday(publication, WEEKDAYS.index(match["wd"].lower()))
    return None


def _plausible(date: dt.date | None, publication: dt.date | None, *, max_back: int | None = None) -> dt.date | None:
    """Drop dates after publication (plans, not events) and, for guesses, long before it."""
    if date is None or publication is None:
        return date
    if date > publication or (max_back is not None and (publication - date).days > max_back):
        return None
    return date


def resolve_date_expression(text: str, publication: str | None) -> str | None:
    """Resolve one date expression ("on Thursday", "yesterday", "March 3") to an ISO date.

    publication: the publication date (ISO) relative expressions count from.
    Returns None for expressions that name no single past day ("next week", "in 2019").
    """
    base = dt.date.fromisoformat(publication) if publication else None
    match = DATE_EXPRESSION.search(text)
    if match is not None:
        return _iso(_plausible(_resolve_match(match, base), base))
    if base is None or not DATEPARSER_HINT.search(text):
        return None
    settings = {**DATEPARSER_SETTINGS, "RELATIVE_BASE": dt.datetime.combine(base, dt.time())}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    return _iso(_plausible(parsed.date() if parsed else None, base, max_back=MAX_DAYS_BACK))


def date_for_event(trigger: Token, publication: str | None) -> tuple[str, str] | None:
    """The date an event's sentence gives it: (ISO date, the expression), or None.

    Expressions in the trigger's clause come first, then those of clauses that contain it
    ("X said yesterday that Y attacked Z"), nearest in the parse first; a date in a clause
    below or beside the trigger's belongs to another event. trigger: the event's trigger token; publication: ISO date.
    """
    sent = trigger.sent
    doc = trigger.doc
    found: list[tuple[tuple[int, int, int], str, str]] = []
    covered: set[int] = set()
    for match in DATE_EXPRESSION.finditer(sent.text):
        start, end = sent.start_char + match.start(), sent.start_char + match.end()
        covered.update(range(start, end))
        date = resolve_date_expression(match.group(0), publication)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or (match.lastgroup == "weekday" and _weekday_in_name(span)):
            continue
        rank = date_rank(span.root, trigger)
        if date is not None and rank is not None:
            found.append((rank, date, match.group(0)))
    extra = [doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
             for m in DATEPARSER_CANDIDATE.finditer(sent.text)]
    extra += [ent for ent in sent.ents if ent.label_ == "DATE"]
    for span in extra:
        if span is None or covered.intersection(range(span.start_char, span.end_char)):
            continue
        date = resolve_date_expression(span.text, publication)
        rank = date_rank(span.root, trigger)
        if date is not None and rank is not None:
            found.append((rank, date, span.text))
    if not found:
        return None
    _, date, text = min(found)
    return date, text


def _weekday_in_name(span: Span) -> bool:
    """"Black Friday", "Super Tuesday", "Saturday publication": a weekday inside a name or
    modifying a noun is no date of the event ("Saturday night" still is)."""
    day = span[-1]
    if day.dep_ == "compound" and day.head.lower_ not in TIMES_OF_DAY:
        return True
    return any(c.dep_ == "compound" and c.text[:1].isupper() for c in day.children)


def date_rank(token: Token, trigger: Token) -> tuple[int, int, int] | None:
    """How well a date expression headed by ``token`` speaks for the event at ``trigger``,
    lower first (events.timing ranks its own expressions the same way): same clause first,
    then enclosing clauses, nearest first; None for other clauses and for expressions too
    far away in the tree to speak for the trigger."""
    scope = clause_scope(token, trigger)
    distance = tree_distance(trigger, token)
    if scope is None or distance > MAX_DATE_ARCS or in_other_conjunct(token, trigger):
        return None
    return scope, distance, token.i
