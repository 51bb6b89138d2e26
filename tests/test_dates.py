"""When: relative date expressions resolved against the publication date (issue 5)."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.dates import previous_weekday, resolve_date_expression
from newsevents.model import Document, Event
from newsevents.pipeline import Pipeline

pytestmark = pytest.mark.issue(5)

FRIDAY = "2024-06-21"
THURSDAY = "2024-06-20"


@pytest.mark.parametrize("text,publication,expected", [
    ("on Thursday", FRIDAY, "2024-06-20"),
    ("on Thursday", THURSDAY, "2024-06-13"),      # never the publication day itself
    ("Thursday", THURSDAY, "2024-06-13"),
    ("last Thursday", FRIDAY, "2024-06-20"),
    ("on Friday", FRIDAY, "2024-06-14"),
    ("on Saturday", FRIDAY, "2024-06-15"),
    ("yesterday", FRIDAY, "2024-06-20"),
    ("yesterday", "2024-03-01", "2024-02-29"),    # a leap day
    ("last night", FRIDAY, "2024-06-20"),
    ("today", FRIDAY, FRIDAY),
    ("this morning", FRIDAY, FRIDAY),
    ("last week", FRIDAY, "2024-06-14"),
    ("two days ago", FRIDAY, "2024-06-19"),
    ("on March 3", FRIDAY, "2024-03-03"),
    ("on March 3", "2024-03-03", "2024-03-03"),   # not after publication: the same day counts
    ("on March 3", "2024-02-10", "2023-03-03"),   # the latest March 3 not after publication
    ("3rd of March", FRIDAY, "2024-03-03"),
    ("Jun. 3", FRIDAY, "2024-06-03"),
    ("on December 28", "2024-01-05", "2023-12-28"),
    ("November 2, 2022", "2023-01-15", "2022-11-02"),
    ("2024-06-01", FRIDAY, "2024-06-01"),
    ("a fortnight ago", FRIDAY, "2024-06-07"),    # dateparser
])
def test_resolves(text: str, publication: str, expected: str) -> None:
    assert resolve_date_expression(text, publication) == expected


@pytest.mark.parametrize("text", ["next Thursday", "tomorrow", "next week", "last month", "in 2019",
                                  "the two-day trip", "July 1, 2030"])
def test_no_single_past_day(text: str) -> None:
    assert resolve_date_expression(text, FRIDAY) is None


def test_relative_needs_a_publication_date() -> None:
    assert resolve_date_expression("on Thursday", None) is None
    assert resolve_date_expression("March 3, 2023", None) == "2023-03-03"


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 1, 1)), st.integers(0, 6))
def test_weekday_rule(publication: dt.date, weekday: int) -> None:
    found = previous_weekday(publication, weekday)
    assert found.weekday() == weekday
    assert 1 <= (publication - found).days <= 7


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def events_of(pipeline: Pipeline, text: str, date: str | None) -> list[Event]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="t", text=text, date=date)]))
    return events


@pytest.mark.parametrize("text,publication,date,source", [
    ("Kenya's president met Uganda's president on Thursday.", THURSDAY, "2024-06-13", "text"),
    ("Kenya's president met Uganda's president yesterday.", FRIDAY, "2024-06-20", "text"),
    ("Kenya's president met Uganda's president last week.", FRIDAY, "2024-06-14", "text"),
    ("Kenya's president met Uganda's president on March 3.", FRIDAY, "2024-03-03", "text"),
    ("Kenya's president met Uganda's president.", FRIDAY, FRIDAY, "publication"),
    ("Kenya's president met Uganda's president on Saturday night.", FRIDAY, "2024-06-15", "text"),
    ("Kenya's president met Uganda's president a fortnight ago.", FRIDAY, "2024-06-07", "text"),   # dateparser
    ("Kenya's president met Uganda's president before the Black Friday sales.", FRIDAY, FRIDAY, "publication"),
    # The date of the reported clause, not of the report.
    ("Iraqi officials said on Friday that Iran attacked Turkey on Wednesday.", FRIDAY, "2024-06-19", "text"),
    # A date of the reporting clause speaks for the reported event when it has none.
    ("Iraqi officials said on Wednesday that Iran attacked Turkey.", FRIDAY, "2024-06-19", "text"),
])
def test_event_dates(pipeline: Pipeline, text: str, publication: str, date: str, source: str) -> None:
    (event,) = events_of(pipeline, text, publication)
    assert (event.date, event.date_source) == (date, source)


def test_no_publication_date(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "Kenya's president met Uganda's president on Thursday.", None)
    assert (event.date, event.date_source) == (None, None)
