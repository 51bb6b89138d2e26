"""Actors read from the whole article and from misparsed clauses, on sentences written for the
tests: a role takes the one country its article names where its own sentence names that country
too (actors.countryless); a role word alone, capitalised as an institution ("the Senate",
"Police"), is located as the lower-case role is (countryless._capitalised_role), and a name
built on a role word is not; roles whose own modifier says they are from elsewhere ("Western
hostages", "foreign workers") keep their sectors and no country (countryless.foreign_role);
"on behalf of X" is never the target; a subordinate clause's subject is the one after its
subordinator (events.sources.subject); a name given an age is a private person."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsevents.model import Document
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def read(pipeline: Pipeline, text: str):
    ((_document, mentions, events),) = list(pipeline.code([Document(id="a", text=text, date="2024-06-21")]))
    return {m.text: m.code for m in mentions}, {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


def test_a_subject_role_takes_the_country_the_whole_article_names(pipeline: Pipeline) -> None:
    mentions, events = read(pipeline, "Texas has seen a surge in flu cases this winter.\n"
                                      "In a letter on Monday, the nurses pleaded with the U.S. government to reconsider the cuts.")
    assert mentions["the nurses"] == "USAHLH"
    assert ("USAHLH", "020", "USAGOV") in events


def test_a_sentence_alone_is_no_evidence_of_its_subjects_country(pipeline: Pipeline) -> None:
    mentions, _ = read(pipeline, "In a letter on Monday, the nurses pleaded with the U.S. government to reconsider the cuts.")
    assert mentions["the nurses"] is None


def test_on_behalf_of_is_not_the_target(pipeline: Pipeline) -> None:
    _, events = read(pipeline, "The suit was filed in Abuja by a lawyer on behalf of the senators.")
    assert not any(target == "NGALEG" for _source, _code, target in events)


def test_a_subordinate_clause_keeps_its_own_subject_when_the_parser_gives_it_two(pipeline: Pipeline) -> None:
    text = "Chile’s state firm, The Andes Company, said on Monday it was closing the mine, shortly after Bolivian troops attacked Chilean miners."
    parsed = pipeline.nlp(text)
    # Re-hang the main clause's subject under the subordinate verb, as the parser sometimes does
    # ("X's parent company, ..., announced ... shortly after Y stepped down").
    heads, deps = [t.head.i for t in parsed], [t.dep_ for t in parsed]
    firm = next(t.i for t in parsed if t.text == "firm")
    heads[firm], deps[firm] = next(t.i for t in parsed if t.text == "attacked"), "nsubj"
    misparsed = Doc(parsed.vocab, words=[t.text for t in parsed], spaces=[bool(t.whitespace_) for t in parsed],
                    heads=heads, deps=deps, pos=[t.pos_ for t in parsed], tags=[t.tag_ for t in parsed],
                    lemmas=[t.lemma_ for t in parsed],
                    ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in parsed])
    _mentions, events = pipeline.code_parsed(misparsed, Document(id="m", text=text, date="2024-06-21"))
    assert {(e.source.code, e.code[:2]) for e in events} == {("BOLMIL", "19")}


def test_a_named_person_given_an_age_is_a_private_person(pipeline: Pipeline) -> None:
    mentions, events = read(pipeline, "Police in Leeds arrested John Smith, 45, on Monday.")
    assert mentions["John Smith"] == "GBRCVL"
    assert ("GBRCOP", "173", "GBRCVL") in events
    # Without the age the name says nothing of who the person is.
    mentions, _ = read(pipeline, "Police in Leeds arrested John Smith on Monday.")
    assert mentions["John Smith"] is None


def test_democrats_and_republicans_are_parties(pipeline: Pipeline) -> None:
    mentions, _ = read(pipeline, "The Republicans criticised the governor of Texas on Monday.\n"
                                 "Austin has had a cold winter.")
    assert mentions["The Republicans"] == "USAPTY"


def test_foreign_workers_are_not_of_the_place_named(pipeline: Pipeline) -> None:
    mentions, events = read(pipeline, "Police in Doha detained foreign workers on Sunday.")
    assert mentions["foreign workers"] == "LAB"
    assert ("QATCOP", "173", "LAB") in events


def test_western_hostages_are_not_of_the_captors_country(pipeline: Pipeline) -> None:
    mentions, _ = read(pipeline, "Al-Shabaab fighters swapped three Western hostages for four commanders held by the Somali army.")
    assert mentions["three Western hostages"] == "CVL"


def test_the_foreign_minister_keeps_the_place_rule(pipeline: Pipeline) -> None:
    # "foreign" names the office here: the role is a state's, and never coded without a country.
    plain, _ = read(pipeline, "The minister spoke to reporters in Lima on Monday.")
    foreign, _ = read(pipeline, "The foreign minister spoke to reporters in Lima on Monday.")
    assert plain.get("The minister") == foreign.get("The foreign minister")


def test_hostages_are_civilians(pipeline: Pipeline) -> None:
    mentions, _ = read(pipeline, "Gunmen seized five hostages in Maiduguri on Friday.")
    assert mentions["five hostages"] == "NGACVL"


def test_capitalised_institutions_take_the_articles_one_country(pipeline: Pipeline) -> None:
    mentions, events = read(pipeline, "Three members of the Senate have taken the Inspector-General of Police to court.\n"
                                      "The dispute began after a rally in Kampala last month.")
    assert mentions["the Senate"] == "UGALEG" and mentions["Police"] == "UGACOP"
    assert ("UGALEG", "115", "UGACOP") in events


def test_a_role_word_inside_a_name_is_not_the_role(pipeline: Pipeline) -> None:
    mentions, _ = read(pipeline, "Meanwhile, the People’s Liberation Army took to the streets of the city to clear barricades.\n"
                                 "The city of Shenzhen was calm.")
    assert mentions.get("the People") is None
    assert mentions.get("the People’s Liberation Army") is None
