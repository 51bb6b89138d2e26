"""Dedup within an article and across articles in the store (issue 5)."""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from newsevents.dedup import chain_dates, merge_article_events
from newsevents.model import ActorMention, Document, Event
from newsevents.pipeline import Pipeline
from newsevents.store import StoreWriter, connect

pytestmark = pytest.mark.issue(5)


def actor(code: str | None, text: str = "x") -> ActorMention:
    return ActorMention("d", 0, text, 0, len(text), code, code[:3] if code else None, [], None, "test")


def event(sentence_index: int, source: str, target: str | None, code: str, date: str | None,
          *, trigger_start: int = 0, location: dict[str, object] | None = None) -> Event:
    return Event(event_id=f"e{sentence_index}-{trigger_start}-{code}", doc_id="d", sentence_index=sentence_index,
                 source=actor(source), target=actor(target) if target else None, code=code, name="", goldstein=None,
                 quad_class=1, plover_type=None, plover_mode=None, sentence=f"sentence {sentence_index}",
                 trigger="met", trigger_start=trigger_start, trigger_end=trigger_start + 3, rule="r",
                 confidence=0.5 + sentence_index / 100, date=date, date_source="publication", location=location)


def test_merge_within_an_article() -> None:
    baghdad = {"name": "Baghdad", "country": "IRQ"}
    events = [event(0, "IRNGOV", "IRQ", "042", "2024-06-20"),
              event(3, "IRNGOV", "IRQGOV", "040", "2024-06-20"),
              event(5, "IRNGOV", "IRQ", "042", "2024-06-20", location=baghdad),
              event(7, "IRNGOV", "IRQ", "042", "2024-06-21")]          # another date: another event
    merged = merge_article_events(events)
    assert [(e.code, e.date, len(e.mentions)) for e in merged] == [("042", "2024-06-20", 2), ("040", "2024-06-20", 1),
                                                                   ("042", "2024-06-21", 1)]
    visit = merged[0]
    assert [m.sentence_index for m in visit.mentions] == [0, 5]
    assert visit.location == baghdad and visit.confidence == pytest.approx(0.55)
    assert visit.to_dict()["mentions"][1]["sentence"] == "sentence 5"


def test_same_words_read_twice_are_one_mention() -> None:
    twice = [event(2, "IRNGOV", "IRQ", "042", "2024-06-20", trigger_start=9) for _ in range(2)]
    (merged,) = merge_article_events(twice)
    assert len(merged.mentions) == 1


def test_uncoded_actors_merge_only_on_the_same_words() -> None:
    first, second = event(0, "X", None, "010", None), event(1, "X", None, "010", None)
    first.source, second.source = actor(None, "the farmers"), actor(None, "the mayor")
    assert len(merge_article_events([first, second])) == 2


@pytest.mark.parametrize("dates,expected", [
    (["2024-03-18", "2024-03-19", "2024-03-20"], {"2024-03-18": "2024-03-18", "2024-03-19": "2024-03-18",
                                                  "2024-03-20": "2024-03-18"}),   # a chain of one-day gaps
    (["2024-03-18", "2024-03-20"], {"2024-03-18": "2024-03-18", "2024-03-20": "2024-03-20"}),
])
def test_chain_dates_is_order_free(dates: list[str], expected: dict[str, str]) -> None:
    for order in itertools.permutations(dates):
        runs = chain_dates([*order, None])
        assert {d: runs[d] for d in dates} == expected and runs[None] is None


# Three reports of one meeting in different words, on different sites and days, and one
# unrelated article.
MEETING_CORPUS = [
    Document(id="a1", url="https://news.example.com/a1", date="2024-03-19",
             text="Turkish President Recep Tayyip Erdogan met Iraqi Prime Minister Mohammed Shia al-Sudani "
                  "in Ankara on Monday. The two leaders discussed water and security."),
    Document(id="a2", url="https://www.daily.example.org/world/2", date="2024-03-19",
             text="The Turkish president met with Iraq's prime minister in the Turkish capital yesterday."),
    Document(id="a3", url="https://wire.example.net/3", date="2024-03-20",
             text="ANKARA, Turkey (Reuters) — President Erdogan of Turkey met the Iraqi prime minister on "
                  "Monday to discuss water and security."),
    Document(id="b1", url="https://news.example.com/b1", date="2024-03-19",
             text="Kenya's president accused Uganda's army of an incursion near Kisumu on Friday."),
]


@pytest.fixture(scope="module")
def meeting_events(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[object, ...]]:
    con = connect(tmp_path_factory.mktemp("dedup") / "m.duckdb")
    writer = StoreWriter(con)
    for document, _mentions, events in Pipeline().code(MEETING_CORPUS):
        document.hash = document.id  # distinct texts: the id stands in for the content hash
        writer.write_document(document, events, "run")
    rows = con.execute("SELECT source_code, code, target_code, date, location_name, num_mentions, num_sources, "
                       "num_articles FROM events ORDER BY code").fetchall()
    con.close()
    return rows


def test_one_meeting_three_articles(meeting_events: list[tuple[object, ...]]) -> None:
    meetings = [row for row in meeting_events if row[:3] == ("TURGOV", "040", "IRQGOV")]
    assert len(meetings) == 1
    _s, _c, _t, date, place, mentions, sources, articles = meetings[0]
    assert (str(date), place) == ("2024-03-18", "Ankara")
    assert (mentions, sources, articles) == (3, 3, 3)


def test_unrelated_article_stays_apart(meeting_events: list[tuple[object, ...]]) -> None:
    others = [row for row in meeting_events if row[:3] != ("TURGOV", "040", "IRQGOV")]
    assert [row[:3] for row in others] == [("KENGOV", "1123", "UGAMIL")]  # accused of aggression
    assert others[0][5:] == (1, 1, 1)


def test_mentions_link_every_sentence(tmp_path: Path) -> None:
    con = connect(tmp_path / "m.duckdb")
    writer = StoreWriter(con)
    for document, _mentions, events in Pipeline().code(MEETING_CORPUS[:3]):
        document.hash = document.id
        writer.write_document(document, events, "run")
    (event_id,) = con.execute("SELECT event_id FROM events WHERE code = '040'").fetchone()
    docs = con.execute("SELECT doc_id FROM mentions WHERE event_id = ? ORDER BY doc_id", [event_id]).fetchall()
    assert [d for (d,) in docs] == ["a1", "a2", "a3"]
    con.close()


def test_an_undated_repeat_takes_the_articles_date_for_the_act() -> None:
    from newsevents.model import Document
    from newsevents.pipeline import Pipeline
    text = ("Egypt's foreign minister visited Khartoum on Tuesday. "
            "During the visit to Khartoum, the minister met Sudanese officials.")
    ((_d, _m, events),) = list(Pipeline().code([Document(id="v", text=text, date="2024-05-10")]))
    visits = [e for e in events if e.code == "042"]
    assert len(visits) == 1 and visits[0].date == "2024-05-07" and len(visits[0].mentions) == 2
