"""Passive acts of courts and governments with no agent named (issue 17): the implied
institution is the source. Sentences written for these tests."""
from __future__ import annotations

import pytest

from newsevents.events.implied_authority import IMPLIED_AUTHORITY_CONFIDENCE, read_authorities
from newsevents.model import Event

pytestmark = pytest.mark.issue(17)

DATE = "2024-03-01"


def _implied(text: str) -> list[Event]:
    import newsevents

    return [e for e in newsevents.code_text(text, date=DATE) if e.rule.startswith("implied-authority.")]


def _pairs(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.code, e.source.code, e.target.code if e.target else None) for e in _implied(text)]


def test_charged_with_no_agent_is_the_judiciary_of_the_place() -> None:
    (event,) = _implied("Three Kenyan police officers were charged on Friday with the murder of a lawyer in Nairobi.")
    assert (event.code, event.source.code, event.target.code) == ("115", "KENJUD", "KENCOP")
    assert event.source.text == "" and event.confidence == IMPLIED_AUTHORITY_CONFIDENCE


def test_sentenced_takes_the_code_of_the_lexicon_row() -> None:
    assert _pairs("A former Iranian minister was sentenced to ten years in prison in Tehran on Sunday.") == [
        ("173", "IRNJUD", "IRNELI")]


def test_deported_is_the_other_country_of_the_sentence() -> None:
    assert _pairs("Dozens of Mexican migrants arrived in Tijuana on Thursday after being deported from "
                  "the United States.") == [("174", "USAGOV", "MEXCVL")]


def test_deported_with_no_other_country_gives_nothing() -> None:
    assert _pairs("Forty Haitian migrants were deported on Monday.") == []


def test_a_named_agent_is_left_to_the_extractor() -> None:
    assert _pairs("Two Russian diplomats were charged by German prosecutors with spying.") == []


def test_a_price_charged_is_no_charge() -> None:
    assert _pairs("The French company was charged $5 million for the service.") == []


def test_modal_reports_give_nothing() -> None:
    assert _pairs("Brazilian lawmakers might be indicted next month.") == []


def test_released_needs_bail() -> None:
    assert _pairs("Three Japanese hostages were released on Friday in Syria.") == []
    assert _pairs("Two Canadian activists were released on bail in Toronto on Monday.") == [
        ("0841", "CANJUD", "CANOPP")]


def test_the_table_rejects_an_unknown_country_rule() -> None:
    text = "lemma\tsectors\tcountry\trequires\tnote\ncharge\tJUD\tsomewhere\t-\t\n"
    with pytest.raises(ValueError, match="country must be"):
        read_authorities(text, "t.tsv")
