"""Lower-case text (issue 15 item 5) and headlines in title case: truecasing before the parse, on
sentences written for the tests. Each ambiguous word has a case where it is a name and one where
it is not."""
from __future__ import annotations

import re

import pytest

from newsevents.ingest.truecase import capital_ratio, is_lower_case, is_title_case, truecase, truecase_headlines
from newsevents.model import Document
from newsevents.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def cased(pipeline: Pipeline, text: str) -> str:
    out = truecase(text, pipeline.truecaser)
    assert len(out) == len(text) and out.lower() == text.lower()  # offsets hold
    return out


def test_lower_case_is_told_by_the_share_of_capitals() -> None:
    text = "police arrested five men in lucknow on saturday after a protest turned violent."
    assert is_lower_case(text)
    assert not is_lower_case(text.capitalize().replace("lucknow", "Lucknow").replace("saturday", "Saturday"))
    assert capital_ratio("too short") is None and not is_lower_case("too short")
    assert not is_lower_case("AN ALL-CAPITALS TELEGRAM ABOUT THE TALKS IN GENEVA ON MONDAY MORNING.")


@pytest.mark.parametrize("text,expected", [
    # known places, countries, nationalities, organisations, full names, weekdays
    ("police arrested five men in lucknow on saturday.", "Police arrested five men in Lucknow on Saturday."),
    ("russian troops shelled kharkiv.", "Russian troops shelled Kharkiv."),
    ("nato and the african union met in addis ababa.", "NATO and the African Union met in Addis Ababa."),
    ("the european union imposed sanctions on russia.", "The European Union imposed sanctions on Russia."),
    ("vladimir putin met chinese officials.", "Vladimir Putin met Chinese officials."),
    ("i think so. then we left.", "I think so. Then we left."),
    ("he told polygraph.info the claims are false.", "He told polygraph.info the claims are false."),
])
def test_names_get_their_capitals(pipeline: Pipeline, text: str, expected: str) -> None:
    assert cased(pipeline, text) == expected


@pytest.mark.parametrize("text,word,is_name", [
    # "us": the country after "the", before a country's word, in "u.s."; else the pronoun
    ("the us imposed tariffs.", "US", True),
    ("us officials denied it.", "US", True),
    ("the us-led coalition struck.", "US", True),
    ("u.s. envoys arrived.", "U.S.", True),
    ("they told us the talks failed.", "US", False),
    ("many of us stayed home.", "US", False),
    ("let us hope for peace.", "US", False),
    # "turkey", "china": a country after a locative preposition at a phrase's end, before a
    # possessive, beside another country, or as a speaking subject; not as food or porcelain
    ("talks in turkey ended.", "Turkey", True),
    ("turkey said it would respond.", "Turkey", True),
    ("russia and turkey signed a deal.", "Turkey", True),
    ("officials said china's foreign ministry protested.", "China", True),
    ("officials said china’s top negotiator left.", "China", True),
    ("as china has warned, tariffs hurt.", "China", True),
    ("we ate roast turkey for dinner.", "Turkey", False),
    ("the turkey was delicious.", "Turkey", False),
    ("she collects fine china plates.", "China", False),
    # given names that are countries: never as a bare subject
    ("troops entered chad and niger.", "Chad", True),
    ("troops entered chad and niger.", "Niger", True),
    ("chad said he was tired, so jordan drove.", "Jordan", False),
    ("the envoy met jordan's king.", "Jordan", True),
    ("he sat on the turkey's platter.", "Turkey", False),
    ("he moved to georgia last year.", "Georgia", True),
    # months that are verbs: a date only next to a number or after a time word
    ("the vote is on may 3.", "May", True),
    ("it happened in march.", "March", True),
    ("protesters may march today.", "May", False),
    ("protesters may march today.", "March", False),
    # places that are ordinary words: after a locative preposition, at the phrase's end
    ("riots broke out in nice, france.", "Nice", True),
    ("the weather was nice in reading.", "Reading", True),
    ("interest in reading is high.", "Reading", False),
    ("it was a nice day.", "Nice", False),
    ("they run a mobile clinic.", "Mobile", False),
    ("it took a split second.", "Split", False),
    ("a hot bath helps.", "Bath", False),
    ("ships were shelled off aden on monday.", "Aden", True),
    # "was" may follow a gerund as well ("interest in reading was high"): not a phrase's end
    ("the port of aden was shelled.", "Aden", False),
])
def test_ambiguous_words_need_context(pipeline: Pipeline, text: str, word: str, is_name: bool) -> None:
    assert bool(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", cased(pipeline, text))) is is_name


def test_cased_text_is_not_touched(pipeline: Pipeline) -> None:
    text = "Police arrested five men in Lucknow on Saturday, officials in Delhi said on Sunday."
    ((document, doc),) = list(pipeline.parse([Document(id="c", text=text)]))
    assert doc.text == text


def test_lower_case_sentence_codes_like_the_capitalised_one(pipeline: Pipeline) -> None:
    def events(text: str) -> list[tuple[str | None, str, str | None]]:
        ((document, _mentions, found),) = list(pipeline.code([Document(id="x", text=text, date="2024-06-21")]))
        return [(e.source.code, e.code, e.target.code if e.target else None) for e in found]

    lower = events("police arrested five men in lucknow on saturday.")
    assert lower == events("Police arrested five men in Lucknow on Saturday.")
    assert lower and lower[0][:2] == ("INDCOP", "173")


def test_evidence_keeps_the_documents_own_words(pipeline: Pipeline) -> None:
    text = "russian troops shelled kharkiv on tuesday, killing three people."
    ((document, mentions, events),) = list(pipeline.code([Document(id="e", text=text, date="2024-06-21")]))
    (event,) = events
    assert event.sentence == text and event.trigger == "shelled"
    assert event.source.text == "russian troops" and event.target is not None and event.target.text == "kharkiv"
    assert text[event.source.start:event.source.end] == event.source.text
    assert event.location is not None and event.location["name"] == "Kharkiv"
    assert all(m.text == text[m.start:m.end] for m in mentions)
    assert document.sentences[0].text == text


def test_truecasing_can_be_turned_off() -> None:
    off = Pipeline(coder="rules", truecase=False)
    ((_document, doc),) = list(off.parse([Document(id="o", text="police arrested five men in lucknow on saturday.")]))
    assert doc.text == "police arrested five men in lucknow on saturday."


@pytest.mark.parametrize("line,title", [
    ("Kenya Expels Ugandan Envoy Over Border Row", True),
    ("U.S. Lifts Travel Ban to Lebanon.", True),  # small words in lower case (AP style)
    ("NATO Chief Meets Turkish President In Ankara", True),
    ("President Joe Biden met Prime Minister Narendra Modi at the White House.", False),  # a verb in lower case
    ("Kenya expelled a Ugandan envoy over a border row on Monday.", False),
    ("Share. Comments are closed.", False),
    ("Photo: Reuters", False),  # too short to tell
])
def test_title_case_is_told_by_its_capitalised_words(line: str, title: bool) -> None:
    assert is_title_case(line) is title


def test_a_headline_in_title_case_is_parsed_as_a_sentence(pipeline: Pipeline) -> None:
    text = "Kenya Expels Ugandan Envoy Over Border Row\nNairobi, Monday.\nKenya's president met Uganda's president."
    parsed = truecase_headlines(text, lambda: pipeline.truecaser)
    assert len(parsed) == len(text) and parsed.lower() == text.lower()  # offsets hold
    assert parsed.startswith("Kenya expels Ugandan envoy over border row\n")
    assert parsed.endswith("\nNairobi, Monday.\nKenya's president met Uganda's president.")  # other lines untouched
    assert truecase_headlines("NATO Chief Meets Erdogan", lambda: pipeline.truecaser).startswith("NATO")  # acronyms kept


def test_a_document_without_a_headline_builds_no_truecaser() -> None:
    def unwanted() -> None:
        raise AssertionError("the truecaser was built for text without a title-case line")

    text = "Kenya's president met Uganda's president in Nairobi on Monday."
    assert truecase_headlines(text, unwanted) == text  # type: ignore[arg-type]


def test_a_headline_in_title_case_codes_like_its_sentence_and_reports_its_own_words(pipeline: Pipeline) -> None:
    ((_document, _mentions, events),) = list(pipeline.code([Document(
        id="h", text="Kenya Expels Ugandan Diplomats Over Border Row", date="2024-06-21")]))
    assert [(e.source.code, e.code[:2], e.target and e.target.code) for e in events] == [("KEN", "16", "UGAGOV")]
    assert events[0].trigger == "Expels" and events[0].sentence == "Kenya Expels Ugandan Diplomats Over Border Row"
