"""People in office 2015-2026 (data/actors/leaders.tsv): full names, spelling variants, short
names alone, the article's date choosing the office, and names that are not the leader, on
sentences written for the tests."""
from __future__ import annotations

import pytest

from newsevents.actors.knowledge import GROUP_PREFIXES, load_knowledge, sectors_table
from newsevents.actors.leaders import leader_phrases, packaged_leaders, read_leaders
from newsevents.model import ActorMention, Document
from newsevents.pipeline import Pipeline

HEADER = "name\tcode\tstart\tend\taliases\talone\n"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def mentions_of(pipeline: Pipeline, text: str, date: str | None) -> list[ActorMention]:
    ((_document, _doc, mentions),) = list(pipeline.actors([Document(id="t", text=text, date=date)]))
    return mentions


def code_of(pipeline: Pipeline, text: str, phrase: str, date: str | None = "2019-11-20") -> str | None:
    found = {m.text: m.code for m in mentions_of(pipeline, text, date)}
    assert phrase in found, f"{phrase!r} not among {found}"
    return found[phrase]


def test_the_packaged_table_is_well_formed() -> None:
    leaders = packaged_leaders()
    assert len(leaders) > 500
    sectors = sectors_table()
    facts = [f for entry in load_knowledge().actors.entries.values() for f in entry if getattr(f, "source", "") != "leaders.tsv"]
    countries = {f.code[:3] for f in facts if f.kind == "country"}
    codes = {f.code for f in facts}
    for leader in leaders:
        for office in leader.offices:
            # A country or group, then sectors, or a group code the other tables use (PSEREBHMS).
            head, rest = office.code[:3], [office.code[i:i + 3] for i in range(3, len(office.code), 3)]
            assert head in countries or head in GROUP_PREFIXES, (leader.name, office.code)
            assert all(part in sectors for part in rest) or office.code in codes, (leader.name, office.code)
    # No full name stands for two people.
    owners: dict[str, str] = {}
    for leader in leaders:
        for name in (leader.name, *leader.aliases, *leader.alone):
            assert owners.setdefault(name.lower(), leader.name) == leader.name, name


@pytest.mark.parametrize("row,message", [
    ("Ann Example\tUSAGOV\t2020-13\t\t\t", "2: '2020-13' is not a date"),
    ("Ann Example\tUSAGOV\t2021-01-01\t2020-01-01\t\t", "2: the office ends"),
    ("Ann Example\tusa\t\t\t\t", "2: 'usa' is not an actor code"),
    ("Ann Example\tUSAGOV\t\t", "2: expected 6 tab-separated columns, found 4"),
    ("Ann Example\tUSAGOV\t\t\t\tExample\nBo Example\tGBRGOV\t\t\t\tExample", "3: the short name 'Example' is also Ann Example's"),
])
def test_a_bad_row_is_named_by_table_and_line(row: str, message: str) -> None:
    with pytest.raises(ValueError, match=f"^mine.tsv:{message}"):
        read_leaders(HEADER + row + "\n", "mine.tsv")


def test_a_bad_header_is_named_by_table_and_line() -> None:
    with pytest.raises(ValueError, match="^mine.tsv:2: expected the header line"):
        read_leaders("# a comment first\nname\tcode\tstart\tend\taliases\n", "mine.tsv")


def test_a_row_may_leave_off_its_short_names_as_every_table_may_its_last_column() -> None:
    (leader,) = read_leaders(HEADER + "Ann Example\tUSAGOV\t2017-01-20\t\tAnne Example\n", "mine.tsv")
    assert (leader.aliases, leader.alone, leader.offices[0].code) == (["Anne Example"], [], "USAGOV")


def test_names_and_short_names_are_written_once_and_hold_for_every_office() -> None:
    (leader,) = read_leaders(HEADER + "Ann Example\tUSAGOV\t2017-01-20\t2021-01-20\tAnne Example\tExample\n"
                             "Ann Example\tUSAELI\t\t\t\t\n")
    phrases = {(phrase, office.code, alone) for phrase, office, alone in leader_phrases([leader])}
    assert phrases == {(name, code, alone) for code in ("USAGOV", "USAELI")
                       for name, alone in (("Ann Example", False), ("Anne Example", False), ("Example", True))}


@pytest.mark.parametrize("text,phrase,code", [
    ("Emmanuel Macron met the Lebanese prime minister.", "Emmanuel Macron", "FRAGOV"),
    ("Trump criticized China on Monday.", "Trump", "USAGOV"),
    ("Macron met the Lebanese prime minister.", "Macron", "FRAGOV"),
    ("Volodymyr Zelenskiy asked for more air defences.", "Volodymyr Zelenskiy", "UKRGOV"),
    ("Zelenskyy asked for more air defences.", "Zelenskyy", "UKRGOV"),
    ("Erdoğan warned Greece.", "Erdoğan", "TURGOV"),
    ("Kim Jong-un inspected a missile launch.", "Kim Jong-un", "PRKGOV"),
    ("Abiy Ahmed rejected the accusation.", "Abiy Ahmed", "ETHGOV"),
    ("Mike Pompeo accused Beijing of lying.", "Mike Pompeo", "USAGOV"),
    ("Juan Guaido called for protests.", "Juan Guaido", "VENOPP"),
    ("Jens Stoltenberg urged allies to spend more.", "Jens Stoltenberg", "IGOWSTNAT"),
    ("Mr Trump left the summit early.", "Mr Trump", "USAGOV"),
    # Two letters, matched capitalised (short names of other tables must be in capitals).
    ("Xi met the German chancellor.", "Xi", "CHNGOV"),
    ("The Trump administration imposed tariffs.", "The Trump administration", "USAGOV"),
])
def test_a_leader_is_found_by_name_variant_or_short_name(pipeline: Pipeline, text: str, phrase: str, code: str) -> None:
    assert code_of(pipeline, text, phrase) == code


@pytest.mark.parametrize("text,phrase,date,code", [
    ("Trump criticized China.", "Trump", "2019-11-20", "USAGOV"),
    ("Trump criticized China.", "Trump", "2022-06-01", "USAELI"),
    ("Trump criticized China.", "Trump", "2025-06-01", "USAGOV"),
    ("Antony Blinken flew to Riyadh.", "Antony Blinken", "2023-10-14", "USAGOV"),
    # Phoenix's record of Merkel is an open office (DEUGOV from 2005): ours ends in 2021.
    ("Angela Merkel criticized the plan.", "Angela Merkel", "2023-03-01", "DEUELI"),
    ("Ahmed al-Sharaa met the envoy.", "Ahmed al-Sharaa", "2023-03-01", "SYRREBMOS"),
    ("Ahmed al-Sharaa met the envoy.", "Ahmed al-Sharaa", "2025-03-01", "SYRGOV"),
    ("Benny Gantz criticized Netanyahu.", "Benny Gantz", "2021-05-01", "ISRGOVMIL"),
    ("Hassan Nasrallah warned Israel.", "Hassan Nasrallah", "2020-05-01", "LBNREB"),
    # With no date, the office still held counts.
    ("Putin praised the deal.", "Putin", None, "RUSGOV"),
])
def test_the_article_date_chooses_the_office(pipeline: Pipeline, text: str, phrase: str, date: str | None, code: str) -> None:
    assert code_of(pipeline, text, phrase, date) == code


@pytest.mark.parametrize("text,phrase", [
    ("Trump Tower was sold last year.", "Trump Tower"),
    ("Melania Trump visited a hospital.", "Melania Trump"),
    ("Donald Trump Jr. spoke at the rally.", "Donald Trump Jr."),
    ("Eduardo Bolsonaro flew to Washington.", "Eduardo Bolsonaro"),
    ("Johnson & Johnson was sued over talc.", "Johnson"),
    ("Pope Pius XI wrote the letter.", "Pope Pius XI"),
])
def test_a_name_that_is_not_the_leader_stays_uncoded(pipeline: Pipeline, text: str, phrase: str) -> None:
    assert code_of(pipeline, text, phrase) is None


def test_a_relative_named_with_a_role_word_is_not_the_leader(pipeline: Pipeline) -> None:
    # "Hunter" is a role word (a civilian), not a title: Hunter Biden is not Joe Biden.
    found = {m.text: m for m in mentions_of(pipeline, "Hunter Biden testified on Capitol Hill.", "2023-06-01")}
    assert found["Hunter Biden"].rule != "office-holder" and found["Hunter Biden"].code != "USAGOV"


def test_a_surname_not_safe_alone_resolves_after_the_full_name(pipeline: Pipeline) -> None:
    text = "Boris Johnson met the French president on Monday. Johnson said the talks were useful."
    found = [(m.text, m.code) for m in mentions_of(pipeline, text, "2020-02-03")]
    assert ("Boris Johnson", "GBRGOV") in found and ("Johnson", "GBRGOV") in found
    assert code_of(pipeline, "Johnson said the talks were useful.", "Johnson", "2020-02-03") is None


def test_a_leader_who_has_died_is_no_actor_after_their_death(pipeline: Pipeline) -> None:
    text = "Supporters marked the anniversary of Hassan Nasrallah's killing."
    assert code_of(pipeline, text, "Hassan Nasrallah", "2024-01-10") == "LBNREB"
    assert code_of(pipeline, text, "Hassan Nasrallah", "2025-09-27") is None


def test_a_possessor_is_the_leader_and_the_thing_possessed_is_not(pipeline: Pipeline) -> None:
    found = {m.text: m.code for m in mentions_of(pipeline, "Trump's request was inappropriate.", "2019-11-20")}
    assert found.get("Trump") == "USAGOV" and "Trump's request" not in found
    found = {m.text: m.code for m in mentions_of(pipeline, "Trump's administration imposed tariffs.", "2019-11-20")}
    assert found.get("Trump's administration") == "USAGOV"
