"""When an act happened, how precisely the text says so, and whether it is background.

``dates.date_for_event`` finds a day ("on Feb. 18", "yesterday", "last week"); this module
adds months and years ("in late January", "in August 2021", "in 2003", "last year", "ten years
ago", "a year earlier", "during the 1990 Gulf crisis") and decides which acts are background
rather than today's news (issue 17):

- an act dated more than ``BACKGROUND_DAYS`` before publication (re-reported history);
- an act in a non-restrictive relative clause in the past ("The Taliban, who seized power
  ..., have imposed"): the clause describes the actor, it reports no new act;
- an ongoing state ("have held him since 2019", "continue to occupy"): no new act happened.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..dates import MONTHS, SMALL_NUMBERS, TIMES_OF_DAY, date_for_event, date_rank
from ..syntax import OUTER_CLAUSE as OUTER
from .dated_nouns import date_of_dated_noun, participle_rank
from .descriptions import judged_reference, past_time_of_a_present_clause, record_of_a_described_actor
from .words import words

DAY, MONTH, YEAR = "day", "month", "year"
# An act this many days or more before publication is history, not news (issue 17): GDELT's
# users complain that re-reported history inflates counts. Measured from the period's last
# day, so "in late January" is background in a March paper but "in January" on Feb. 10 is not.
BACKGROUND_DAYS = 30
# The parts of a month "early/mid/late" name: (first day, last day or None for the month's end).
MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, None)}
# Four-digit years read as years of an act, not counts ("2003", not "2500 troops").
MIN_YEAR, MAX_YEAR = 1900, 2100

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# "ten years ago", "two decades earlier", "months ago": counts of a span back in time. A count
# left vague ("years ago", "several decades ago") is read as its least, two.
AGO_NUMBERS = {**SMALL_NUMBERS, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
               "fifty": 50, "a hundred": 100, "a few": 2, "few": 2, "several": 2, "many": 2, "some": 2}
VAGUE_AGO_COUNT = 2
MONTHS_PER_UNIT = {"month": 1, "year": 12, "decade": 120, "century": 1200}
_AGO_NUMBER = "|".join([r"\d{1,4}", *sorted((re.escape(n).replace(r"\ ", r"\s+") for n in AGO_NUMBERS), key=len, reverse=True)])


def _part(name: str) -> str:
    return rf"(?P<{name}>early|mid|late)[-\s]+"



# "May" is also a modal verb: a month without a day must follow a preposition, a part of the
# month, "last"/"this", or come with a year. The day forms are dates.DATE_EXPRESSION's.
PERIOD_EXPRESSION = re.compile(rf"""\b(?:
    (?P<last_period>(?:last|the\s+previous)\s+(?P<lp_unit>month|year))
  | (?P<ago>(?:(?P<ago_n>{_AGO_NUMBER})\s+)?(?P<ago_u>month|year|decade|centur(?:y|ie))s?\s+(?:ago|earlier|previously|before(?!\s+\w)))
  | (?P<month_year>(?:{_part("part_my")})?(?P<my_m>{_MONTH})\.?,?\s+(?P<my_y>\d{{4}}))(?!\s*\d)
  | (?P<month>(?:(?:in|during|by|until|from|through|last|this|of)\s+(?:{_part("part_m1")})?|{_part("part_m2")})(?P<m_m>{_MONTH})\b\.?)(?!\s*\d)
  | (?P<year>(?:in|during|by|until|from|through|of)\s+(?:{_part("part_y")})?(?P<y_y>\d{{4}}))(?!\s*\d)
  | (?P<year_of_noun>(?:in|during)\s+the\s+(?P<yn_y>\d{{4}})(?=[-\s]+[a-z]))
)""", re.IGNORECASE | re.VERBOSE)
# Lemmas of verbs whose infinitive goes on doing what was being done: "continue to hold".
CONTINUING_HEADS = words("continuing_heads")
# Words that make a present perfect a state lasting up to now: "have held him since 2019".
DURATION_MARKS = words("duration_marks")
# "for years", "for decades": the nouns of a duration that runs up to now.
DURATION_UNITS = frozenset({"day", "week", "month", "year", "decade", "century", "generation"})
RELATIVE_WORDS = frozenset({"who", "which", "whom", "whose"})
PERFECT_AUX = frozenset({"has", "have", "had", "'ve", "'d"})


@dataclass(frozen=True, slots=True)
class ActTime:
    """What the text says of an act's time. date: ISO day (a period's first day) or None when
    the text names none; precision: day, month or year; expression: the words read;
    background: the act is not today's news; why: the reason it is background."""

    date: str | None = None
    precision: str | None = None
    expression: str | None = None
    background: bool = False
    why: str | None = None


@dataclass(frozen=True, slots=True)
class Period:
    """A stretch of days an expression names, with its precision."""

    first: dt.date
    last: dt.date
    precision: str


def time_act(trigger: Token, publication: str | None) -> ActTime:
    """The time of the act ``trigger`` names and whether it is background.

    trigger: the event's trigger token; publication: ISO publication date or None.
    Returns an ActTime (date None when the sentence gives none for this trigger).
    """
    base = dt.date.fromisoformat(publication) if publication else None
    candidates: list[tuple[tuple[int, int, int], Period, str]] = []
    dated = date_for_event(trigger, publication)
    if dated is None:  # "the July 25 call when he asked ...": the parse may hang the clause far off
        dated = date_of_dated_noun(trigger, publication)
    if dated is not None and not _names_a_thing(trigger, dated[1]):
        day = dt.date.fromisoformat(dated[0])
        rank = _rank_of_text(trigger, dated[1])
        # A day ranks before a month or year of the same clause: it is the finer of the two.
        candidates.append(((rank[0], -1, 0) if rank else (OUTER, 0, 0), Period(day, day, DAY), dated[1]))
    found = _period_for(trigger, base)
    if found is not None:
        candidates.append(found)
    period, expression = None, None
    if candidates:
        _, period, expression = min(candidates, key=lambda item: item[0])
    why = _background_reason(trigger, period, base)
    if period is None:
        return ActTime(background=why is not None, why=why)
    return ActTime(period.first.isoformat(), period.precision, expression, why is not None, why)


def resolve_period(text: str, publication: dt.date | None) -> Period | None:
    """The period one month or year expression names ("in late January", "in 2003", "last
    year"); a month without a year is the latest such month not after publication. None when
    ``text`` holds no such expression, or it cannot be placed (no publication date)."""
    match = PERIOD_EXPRESSION.search(text)
    return _resolve(match, publication) if match is not None else None


def _resolve(match: re.Match[str], publication: dt.date | None) -> Period | None:
    kind = match.lastgroup
    named = match["part_my"] or match["part_m1"] or match["part_m2"]
    part = named.lower() if named else None
    if kind in ("year", "year_of_noun"):
        year = int(match["y_y"] or match["yn_y"])
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), YEAR) if MIN_YEAR <= year <= MAX_YEAR else None
    if kind == "month_year":
        year = int(match["my_y"])
        return _month(year, MONTHS[match["my_m"].lower().rstrip(".")], part) if MIN_YEAR <= year <= MAX_YEAR else None
    if publication is None:
        return None
    if kind == "ago":
        return _ago(match, publication)
    if kind == "last_period":
        if match["lp_unit"].lower() == "year":
            year = publication.year - 1
            return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), YEAR)
        first_this = publication.replace(day=1)
        last_month = first_this - dt.timedelta(days=1)
        return _month(last_month.year, last_month.month, None)
    if kind == "month":
        number = MONTHS[match["m_m"].lower().rstrip(".")]
        year = publication.year if number <= publication.month else publication.year - 1
        return _month(year, number, part)
    return None


def _ago(match: re.Match[str], publication: dt.date) -> Period | None:
    """"ten years ago" in a June 2024 paper is 2014 (the year); "two months ago" is April (the
    month). "A year earlier" and "decades before" count back from a time the story has already
    put in the past, so they are at least as far back from publication, which is all that
    deciding background needs."""
    written = " ".join((match["ago_n"] or "").lower().split())
    count = int(written) if written.isdigit() else AGO_NUMBERS.get(written, VAGUE_AGO_COUNT)
    unit = match["ago_u"].lower().replace("centurie", "century")
    back = publication.year * 12 + publication.month - 1 - count * MONTHS_PER_UNIT[unit]
    year, month = divmod(back, 12)
    if year < 1:
        return None
    if unit == "month":
        return _month(year, month + 1, None)
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), YEAR)


def _month(year: int, month: int, part: str | None) -> Period:
    end = calendar.monthrange(year, month)[1]
    first, last = MONTH_PARTS.get(part or "", (1, end))
    return Period(dt.date(year, month, first), dt.date(year, month, last or end), MONTH)


def _names_a_thing(trigger: Token, text: str) -> bool:
    """"the annual June 4 vigil", "the September 11 attacks": a day that modifies a noun names
    it (a commemoration, an anniversary); it does not date the act the sentence reports.
    Unless that noun is the act ("Trump's July 25 call with Zelenskiy") or holds it in a
    clause of its own ("the Oct. 11 announcement that they had reached a deal"): then it does."""
    span = _span_of_text(trigger, text)
    if span is None or span.root.dep_ not in ("compound", "nmod", "amod"):
        return False
    head = span.root.head
    if head.i == trigger.i or _described_by(trigger, head):
        return False
    return head.pos_ in ("NOUN", "PROPN") and head.lower_ not in TIMES_OF_DAY  # "Saturday night" dates


def _described_by(trigger: Token, noun: Token) -> bool:
    """Whether the trigger's clause is a clause of ``noun`` (acl, relcl), directly or through
    conjoined and complement clauses, or a "when" clause right after it ("the July 25 call
    when he asked ...", which the parser hangs on the main verb)."""
    node = _clause_verb(trigger)
    while node.head.i != node.i:
        if node.dep_ in ("acl", "relcl"):
            return node.head.i == noun.i
        if node.dep_ == "advcl":
            return any(c.dep_ == "advmod" and c.lower_ == "when" and c.i == noun.right_edge.i + 1 for c in node.children)
        if node.dep_ not in ("conj", "xcomp", "ccomp"):
            return False
        node = node.head
    return False


def _span_of_text(trigger: Token, text: str) -> Span | None:
    sent = trigger.sent
    at = sent.text.find(text)
    return trigger.doc.char_span(sent.start_char + at, sent.start_char + at + len(text), alignment_mode="expand") if at >= 0 else None


def _rank_of_text(trigger: Token, text: str) -> tuple[int, int, int] | None:
    """The rank (``dates.date_rank``) of the first occurrence of ``text`` in the trigger's sentence."""
    span = _span_of_text(trigger, text)
    return date_rank(span.root, trigger) if span is not None else None


def _period_for(trigger: Token, publication: dt.date | None) -> tuple[tuple[int, int, int], Period, str] | None:
    """The month or year expression of the trigger's clause, or of a clause containing it,
    nearest in the parse first (the ranking ``dates`` uses for days)."""
    sent = trigger.sent
    found: list[tuple[tuple[int, int, int], Period, str]] = []
    for match in PERIOD_EXPRESSION.finditer(sent.text):
        period = _resolve(match, publication)
        if period is None or (publication is not None and period.first > publication):
            continue  # a plan ("in 2030") dates no act
        span = trigger.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(),
                                     alignment_mode="expand")
        rank = (date_rank(span.root, trigger) or participle_rank(span.root, trigger)) if span is not None else None
        if rank is not None:
            found.append((rank, period, match.group(0)))
    if not found:
        return None
    return min(found, key=lambda item: item[0])


def _background_reason(trigger: Token, period: Period | None, publication: dt.date | None) -> str | None:
    if period is not None and publication is not None and (publication - period.last).days > BACKGROUND_DAYS:
        return f"dated {period.last.isoformat()}, more than {BACKGROUND_DAYS} days before publication"
    if in_past_description(trigger):
        return "a relative clause describing an actor's past"
    if period is None and judged_reference(trigger):
        return "an earlier act the sentence judges, not a new one"
    if period is None and record_of_a_described_actor(trigger):
        return "a present perfect describing its actor's record"
    if period is None and past_time_of_a_present_clause(trigger):
        return "a past time a present clause refers to"
    # A day dates a new act: "continued to shell Kharkiv on Tuesday" happened on Tuesday.
    if (period is None or period.precision != DAY) and is_ongoing_state(trigger):
        return "an ongoing state, not a new act"
    return None


def _clause_verb(trigger: Token) -> Token:
    """The verb an event noun depends on ("launched an attack"), else the trigger."""
    if trigger.pos_ not in ("VERB", "AUX") and trigger.dep_ in ("dobj", "nsubjpass", "attr") and trigger.head.pos_ in ("VERB", "AUX"):
        return trigger.head
    return trigger


def in_past_description(trigger: Token) -> bool:
    """True inside a non-restrictive relative clause in the past that describes a noun:
    "The Taliban, who seized power in 2021, ..." (set off by a comma). A restrictive one
    ("the man who attacked the embassy") identifies who the news is about, and stays news."""
    verb = _clause_verb(trigger)
    node = verb
    while node.dep_ != "relcl":
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return False
        node = node.head
    if not (_past(node) or _past(verb)):
        return False  # "who considers X biased and has rejected Y": the act's own tense counts
    if node.head.dep_ == "pobj" and node.head.head.dep_ == "agent":
        return False  # "was besieged by police, who fired tear gas": the story goes on, it is no portrait
    start = node.left_edge
    relative = start if start.lower_ in RELATIVE_WORDS else None
    if relative is None or relative.i == 0:
        return False
    return trigger.doc[relative.i - 1].text in (",", "(", "—", "–", "-")


def _past(verb: Token) -> bool:
    """Simple past, past perfect or present perfect: "seized", "had seized", "has ruled"."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in words("future_aux") or a.lower_ in words("uncertain_modals") for a in auxes):
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes))


def is_ongoing_state(trigger: Token) -> bool:
    """True for a state that lasts up to now rather than a new act: the infinitive of
    "continue"/"keep" ("continue to hold"), a perfect progressive ("have been pressuring"),
    and a present perfect with "since"/"for"-duration or "still" ("have held him since 2019").

    A bare present perfect ("Russia has launched strikes") is today's news in wire style, and
    stays an event."""
    verb = _clause_verb(trigger)
    if verb.dep_ == "xcomp" and verb.head.lemma_ in CONTINUING_HEADS:
        return True
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBG" and "been" in auxes and auxes & PERFECT_AUX:
        return True  # "have been pressuring", "had been holding talks": an activity under way, not a new act
    if not auxes & {"has", "have", "'ve"} or verb.tag_ != "VBN":
        return False
    return any(_lasting(child) for child in verb.children)


def _lasting(child: Token) -> bool:
    """"since 2019", "still", "for years": a modifier saying the state lasts up to now."""
    if child.dep_ in ("prep", "mark", "advmod") and child.lower_ in DURATION_MARKS:
        return True
    return child.dep_ == "prep" and child.lower_ == "for" and any(
        c.dep_ == "pobj" and c.lemma_.lower() in DURATION_UNITS for c in child.children)

