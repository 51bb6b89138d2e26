"""Event time and background (issue 17): the date of the act with its precision, and acts that
are history, an actor's past or an ongoing state kept out of today's events unless asked for.
Sentences are our own."""
from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.events.timing import DAY, MONTH, YEAR, Period, resolve_period
from newsevents.export import export_csv, export_jsonl
from newsevents.model import ActorMention, Document, Event, news_events
from newsevents.pipeline import Pipeline
from newsevents.query import EventFilter, query_events
from newsevents.store import StoreWriter, connect

pytestmark = pytest.mark.issue(17)

MARCH = "2024-03-12"
D = dt.date


@pytest.mark.parametrize("text,publication,expected", [
    ("In late January", MARCH, Period(D(2024, 1, 21), D(2024, 1, 31), MONTH)),
    ("in early March", MARCH, Period(D(2024, 3, 1), D(2024, 3, 10), MONTH)),
    ("in May", MARCH, Period(D(2023, 5, 1), D(2023, 5, 31), MONTH)),  # the latest May not after publication
    ("in August 2021", MARCH, Period(D(2021, 8, 1), D(2021, 8, 31), MONTH)),
    ("in 2003", MARCH, Period(D(2003, 1, 1), D(2003, 12, 31), YEAR)),
    ("in 2003", None, Period(D(2003, 1, 1), D(2003, 12, 31), YEAR)),
    ("last year", MARCH, Period(D(2023, 1, 1), D(2023, 12, 31), YEAR)),
    ("last month", MARCH, Period(D(2024, 2, 1), D(2024, 2, 29), MONTH)),
    ("they may attack", MARCH, None),          # the modal, not the month
    ("in 2500 cases", MARCH, None),             # not a year
    ("in January", None, None),                 # no year and no publication date: cannot be placed
    # A year modifying the occasion of the act: "in the 1990 Gulf crisis" is in 1990.
    ("during the 1990 Gulf crisis", MARCH, Period(D(1990, 1, 1), D(1990, 12, 31), YEAR)),
    ("in the 2014 war", MARCH, Period(D(2014, 1, 1), D(2014, 12, 31), YEAR)),
    ("the 1967 borders", MARCH, None),          # no preposition of time: a name, not the act's date
])
def test_resolve_period(text: str, publication: str | None, expected: Period | None) -> None:
    assert resolve_period(text, D.fromisoformat(publication) if publication else None) == expected


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


def events_of(pipeline: Pipeline, text: str, date: str = MARCH) -> list[Event]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="t", text=text, date=date)]))
    return events


def by_trigger(events: list[Event], trigger: str) -> list[Event]:
    found = [e for e in events if e.trigger == trigger]
    assert found, [(e.trigger, e.code) for e in events]
    return found


def test_withdrawal_in_late_january_is_background_in_a_march_article(pipeline: Pipeline) -> None:
    events = by_trigger(events_of(pipeline, "In late January, Burkina Faso, Mali and Niger withdrew from ECOWAS."), "withdrew")
    assert {e.source.code[:3] for e in events} == {"BFA", "MLI", "NER"}
    assert all((e.date, e.date_precision, e.date_source, e.background) == ("2024-01-21", MONTH, "text", True)
               for e in events)


def test_the_same_withdrawal_is_news_a_week_later(pipeline: Pipeline) -> None:
    events = by_trigger(events_of(pipeline, "In late January, Burkina Faso, Mali and Niger withdrew from ECOWAS.",
                                  "2024-02-05"), "withdrew")
    assert all(e.date_precision == MONTH and not e.background for e in events)


def test_taliban_relative_clause_is_background(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "The Taliban, who seized power in August 2021, have imposed strict measures against women.")
    (seized,) = by_trigger(events, "seized")
    assert seized.background and (seized.date, seized.date_precision) == ("2021-08-01", MONTH)


def test_an_undated_non_restrictive_relative_clause_is_background(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Hamas, which attacked Israel, said on Monday it would free two hostages.")
    assert all(e.background for e in by_trigger(events, "attacked"))


def test_a_perfect_act_joined_to_a_present_description_is_background(pipeline: Pipeline) -> None:
    # The relative clause is set off by dashes, and its first verb is a present state.
    events = events_of(pipeline, "The Kenyan opposition - which considers the court biased and has rejected "
                                 "Uganda as a mediator - called for new talks.")
    rejected = by_trigger(events, "rejected")
    assert rejected and all(e.background for e in rejected)


def test_a_relative_clause_on_a_passive_agent_goes_on_with_the_story(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "The campus was surrounded by police, who fired tear gas at students trying to leave.")
    fired = by_trigger(events, "fired")
    assert fired and not any(e.background for e in fired)


def test_a_restrictive_relative_clause_stays_news(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Police arrested the man who attacked the French embassy.")
    assert not any(e.background for e in by_trigger(events, "attacked"))


@pytest.mark.parametrize("text,trigger,background", [
    # a perfect progressive is an activity under way, not a new act
    ("Iran and Syria have been pressuring Iraq to expel the advisers.", "pressuring", True),
    ("Kenyan and Ugandan envoys had been holding talks for weeks.", "holding", True),
    ("Russian forces continue to occupy parts of Ukraine.", "occupy", True),
    ("Israel has detained the activist since 2019.", "detained", True),
    ("Russian forces continued to shell Kharkiv on Tuesday.", "shell", False),
    # Measured on the dev gold sets: a bare present perfect is news (PLOVER: 39 of 47 such events are gold).
    ("Israel has detained the activist.", "detained", False),
])
def test_ongoing_states(pipeline: Pipeline, text: str, trigger: str, background: bool) -> None:
    assert all(e.background is background for e in by_trigger(events_of(pipeline, text), trigger))


@pytest.mark.parametrize("text,date,precision,background", [
    ("Germany expelled two Russian diplomats on Feb. 18.", "2024-02-18", DAY, False),
    ("Germany expelled two Russian diplomats on Feb. 1.", "2024-02-01", DAY, True),
    ("Germany expelled two Russian diplomats last week.", "2024-03-05", DAY, False),
    ("Germany expelled two Russian diplomats in 2003.", "2003-01-01", YEAR, True),
    ("Germany expelled two Russian diplomats.", MARCH, None, False),
    # A date in the act's own clause outranks the day the saying was reported.
    ("Germany expelled two Russian diplomats in 2003, officials said on Monday.", "2003-01-01", YEAR, True),
])
def test_date_and_precision(pipeline: Pipeline, text: str, date: str, precision: str | None, background: bool) -> None:
    (event,) = by_trigger(events_of(pipeline, text), "expelled")
    assert (event.date, event.date_precision, event.background) == (date, precision, background)
    assert event.to_dict()["date_precision"] == precision and event.to_dict()["background"] is background


def test_a_day_that_names_a_commemoration_does_not_date_the_act(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Hong Kong's government banned the annual June 4 vigil in Victoria Park.", "2021-06-02")
    assert all(e.date_source == "publication" and not e.background for e in by_trigger(events, "banned"))


def test_a_day_on_the_act_noun_dates_the_act(pipeline: Pipeline) -> None:
    # The dated noun is the act itself: the talks were in January, background in March.
    events = events_of(pipeline, "Reporters asked about Japan's January 9 talks with South Korea.")
    talks = by_trigger(events, "talks")
    assert talks and all(e.date == "2024-01-09" and e.background for e in talks)


def test_a_when_clause_right_after_a_dated_noun_takes_its_date(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Lawmakers questioned the envoy about the January 9 call when Kenyan President "
                                 "William Ruto asked Uganda for help.")
    asked = by_trigger(events, "asked")
    assert asked and all(e.date == "2024-01-09" and e.background for e in asked)


def test_an_act_in_a_clause_of_a_dated_noun_takes_its_date(pipeline: Pipeline) -> None:
    # "the Jan. 5 statement that X had signed": the signing came by Jan. 5.
    events = events_of(pipeline, "Despite Kenya's Jan. 5 statement that Kenya and Uganda had signed a border accord, "
                                 "the dispute goes on.")
    signed = by_trigger(events, "signed")
    assert signed and all(e.date == "2024-01-05" and e.background for e in signed)
    # A clause of an undated noun stays news: the dated noun was another one.
    news = events_of(pipeline, "After the Jan. 5 vote, Kenya said that Kenya and Uganda had signed a border accord.")
    assert by_trigger(news, "signed") and not any(e.background for e in by_trigger(news, "signed"))


ARTICLE = ("Germany expelled two Russian diplomats on Monday. In 2003, Germany expelled three Iraqi diplomats.\n")


def test_code_leaves_background_out_unless_asked(runner: CliRunner) -> None:
    args = ["code", "-", "--coder", "rules", "--format", "jsonl", "--date", MARCH]
    default = [json.loads(line) for line in runner.invoke(app, args, input=ARTICLE).stdout.splitlines()]
    both = [json.loads(line) for line in runner.invoke(app, [*args, "--include-background"], input=ARTICLE).stdout.splitlines()]
    assert {e["target"]["code"][:3] for e in default} == {"RUS"} and not any(e["background"] for e in default)
    assert {(e["target"]["code"][:3], e["background"]) for e in both} == {("RUS", False), ("IRQ", True)}


# The store: built by hand, no parse.

def actor(code: str) -> ActorMention:
    return ActorMention("d", 0, code, 0, 3, code, code[:3], [], None, "test")


def event(n: int, target: str, date: str, *, background: bool) -> Event:
    return Event(event_id=f"e{n}", doc_id="d", sentence_index=n, source=actor("DEU"), target=actor(target), code="161",
                 name="", goldstein=None, quad_class=3, plover_type=None, plover_mode=None, sentence="Germany expelled.",
                 trigger="expelled", trigger_start=10 * n, trigger_end=10 * n + 8, rule="r", confidence=0.8,
                 date=date, date_source="text", date_precision=YEAR if background else DAY, background=background)


@pytest.fixture
def store(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    con = connect(tmp_path / "bg.duckdb")
    StoreWriter(con).write_document(Document(id="d", text="t", date=MARCH, hash="h"),
                                    [event(0, "RUS", "2024-03-11", background=False),
                                     event(1, "IRQ", "2003-01-01", background=True)], "run")
    return con


def test_store_keeps_background_out_of_counts_queries_and_exports(store: duckdb.DuckDBPyConnection) -> None:
    assert store.execute("SELECT events, mentions FROM documents").fetchone() == (1, 2)  # nothing stored is lost
    assert [r["target_code"] for r in query_events(store, EventFilter())] == ["RUS"]
    rows = query_events(store, EventFilter(include_background=True))
    assert {(r["target_code"], r["background"], r["date_precision"]) for r in rows} == {("RUS", False, DAY), ("IRQ", True, YEAR)}
    out = io.StringIO()
    assert export_csv(store, out) == 1 and "IRQ" not in out.getvalue()
    out = io.StringIO()
    assert export_jsonl(store, out, include_background=True) == 2


def test_news_events_leaves_background_out_unless_asked_and_keeps_the_order() -> None:
    news, past, later = (event(0, "RUS", "2024-03-11", background=False), event(1, "IRQ", "2003-01-01", background=True),
                         event(2, "SYR", "2024-03-12", background=False))
    assert news_events(iter([past, later, news])) == [later, news]
    assert news_events(iter([past, later, news]), include_background=True) == [past, later, news]


def test_one_report_as_news_makes_the_event_news(tmp_path: Path) -> None:
    con = connect(tmp_path / "two.duckdb")
    writer = StoreWriter(con)
    writer.write_document(Document(id="a", text="a", date="2003-01-02", hash="ha"), [event(0, "IRQ", "2003-01-01", background=False)], "r")
    writer.write_document(Document(id="b", text="b", date=MARCH, hash="hb"), [event(0, "IRQ", "2003-01-01", background=True)], "r")
    assert con.execute("SELECT num_mentions, background FROM events").fetchall() == [(2, False)]


def test_query_and_export_commands_take_include_background(store: duckdb.DuckDBPyConnection, tmp_path: Path,
                                                           runner: CliRunner) -> None:
    path = tmp_path / "bg.duckdb"
    store.close()
    result = runner.invoke(app, ["query", "--db", str(path), "--format", "jsonl"])
    assert [json.loads(line)["target_code"] for line in result.stdout.splitlines()] == ["RUS"]
    result = runner.invoke(app, ["query", "--db", str(path), "--format", "jsonl", "--include-background"])
    assert len(result.stdout.splitlines()) == 2
    out = tmp_path / "all.jsonl"
    result = runner.invoke(app, ["export", "--db", str(path), "--format", "jsonl", "--out", str(out), "--include-background"])
    assert result.exit_code == 0 and len(out.read_text().splitlines()) == 2


def test_a_store_made_before_background_is_read_and_migrated(store: duckdb.DuckDBPyConnection, tmp_path: Path,
                                                             runner: CliRunner) -> None:
    for table in ("events", "mentions"):
        for column in ("background", "date_precision"):
            store.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    store.close()
    path = tmp_path / "bg.duckdb"
    result = runner.invoke(app, ["query", "--db", str(path), "--format", "jsonl"])  # read-only: all is news
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2
    out = tmp_path / "old.jsonl"
    result = runner.invoke(app, ["export", "--db", str(path), "--format", "jsonl", "--out", str(out)])
    assert result.exit_code == 0 and len(out.read_text().splitlines()) == 2
    con = connect(path)
    StoreWriter(con).write_document(Document(id="n", text="n", date=MARCH, hash="hn"), [event(0, "SYR", "1990-01-01", background=True)], "r")
    assert [r["target_code"] for r in query_events(con, EventFilter(target="SYR"))] == []
    assert len(query_events(con, EventFilter(target="SYR", include_background=True))) == 1


def test_api_leaves_background_out_unless_asked(pipeline: Pipeline, store: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from newsevents.web.app import create_app

    store.close()
    with TestClient(create_app(pipeline=pipeline, db_path=tmp_path / "bg.duckdb")) as client:
        body = {"text": ARTICLE, "date": MARCH}
        coded = client.post("/v1/code", json=body).json()["events"]
        assert {e["target"]["code"][:3] for e in coded} == {"RUS"}
        coded = client.post("/v1/code", json={**body, "include_background": True}).json()["events"]
        assert {e["target"]["code"][:3] for e in coded} == {"RUS", "IRQ"}
        assert [e["target_code"] for e in client.get("/v1/events").json()["events"]] == ["RUS"]
        listed = client.get("/v1/events", params={"include_background": "true"}).json()["events"]
        assert {e["target_code"] for e in listed} == {"RUS", "IRQ"}
        assert [(d["target"], d["count"]) for d in client.get("/v1/stats/dyads").json()["dyads"]] == [("RUS", 1)]


def test_a_when_clause_far_from_its_dated_noun_in_the_parse_still_takes_its_date(pipeline: Pipeline) -> None:
    # The parser hangs the "when" clause on the main verb, many arcs from "call": the day
    # search alone finds no date for "asked" (dates.date_for_event), the words right before
    # "when" do (events.dated_nouns).
    text = ("The envoy is likely to face hard questions from senators of both parties about Kenya's January 9 "
            "call when President William Ruto asked Uganda for help.")
    asked = by_trigger(events_of(pipeline, text), "asked")
    assert all(e.date == "2024-01-09" and e.date_precision == DAY and e.background for e in asked)
    assert all(e.source.code[:3] == "KEN" and e.target is not None and e.target.code[:3] == "UGA" for e in asked)


def test_a_when_clause_after_an_undated_noun_stays_news(pipeline: Pipeline) -> None:
    text = ("The envoy is likely to face hard questions from senators of both parties about Kenya's "
            "call when President William Ruto asked Uganda for help.")
    asked = by_trigger(events_of(pipeline, text), "asked")
    assert all(e.date_source == "publication" and not e.background for e in asked)


@pytest.mark.parametrize("text,trigger", [
    ("Two diplomats told senators that Kenya's request to Uganda for troops was improper.", "request"),
    ('A senior officer described Kenya\'s call with Uganda as "reckless".', "call"),
])
def test_an_act_the_sentence_judges_is_its_topic_not_news(pipeline: Pipeline, text: str, trigger: str) -> None:
    found = by_trigger(events_of(pipeline, text), trigger)
    assert all(e.background and e.source.code[:3] == "KEN" for e in found)


def test_a_judged_act_with_a_date_of_its_own_is_news(pipeline: Pipeline) -> None:
    found = by_trigger(events_of(pipeline, "Kenya's request to Uganda for troops on Monday was improper, two diplomats said."),
                       "request")
    assert all(e.date == "2024-03-11" and not e.background for e in found)


def test_a_present_perfect_beside_a_description_of_its_actor_is_its_record(pipeline: Pipeline) -> None:
    record = by_trigger(events_of(pipeline, "Kenya is one of Uganda's harshest critics and has accused Kampala of "
                                            "arming rebels."), "accused")
    assert all(e.background for e in record)
    news = by_trigger(events_of(pipeline, "Kenya accused Uganda of arming rebels and has recalled its ambassador."),
                      "accused")
    assert not any(e.background for e in news)


def test_a_date_hung_on_a_present_participle_of_an_argument_dates_the_act(pipeline: Pipeline) -> None:
    text = "Two Kenyan aid workers were abducted by gunmen wearing military uniforms in Mogadishu in August 2016."
    abducted = by_trigger(events_of(pipeline, text), "abducted")
    assert all((e.date, e.date_precision, e.background) == ("2016-08-01", MONTH, True) for e in abducted)


def test_a_date_in_a_past_participle_is_an_earlier_act_of_its_own(pipeline: Pipeline) -> None:
    attacked = by_trigger(events_of(pipeline, "Somali troops trained in 2015 attacked a Kenyan convoy on Monday."),
                          "attacked")
    assert all(e.date == "2024-03-11" and not e.background for e in attacked)


def test_a_past_when_clause_of_a_present_clause_is_the_time_it_refers_to(pipeline: Pipeline) -> None:
    text = "Uganda is taking back the freedoms given to Kenya when Kenya and Uganda signed the border accord."
    signed = by_trigger(events_of(pipeline, text), "signed")
    assert signed and all(e.background for e in signed)
    # A "when" clause of a past act is the act's own time: news.
    news = by_trigger(events_of(pipeline, "Ugandan police fired tear gas when Kenyan traders blocked the border road."),
                      "blocked")
    assert not any(e.background for e in news)


def test_an_act_in_a_dated_war_is_history(pipeline: Pipeline) -> None:
    (event,) = by_trigger(events_of(pipeline, "Iraq invaded Kuwait during the 1990 Gulf crisis."), "invaded")
    assert (event.date, event.date_precision, event.background) == ("1990-01-01", YEAR, True)
