"""Joint acts as directed pairs (issue 17): "X and Y met" gives X→Y and Y→X, each joint;
``--joint single`` keeps PLOVER's one event per party with no target. Sentences are our own."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.dedup import merge_article_events
from newsevents.events.joint import JOINT_NOTE, check_joint, code_joint_acts
from newsevents.model import ActorMention, Document, Event
from newsevents.pipeline import Pipeline

pytestmark = pytest.mark.issue(17)


def actor(code: str) -> ActorMention:
    return ActorMention("d", 0, code, 0, 3, code, code[:3], [], None, "test")


def party(code: str, *, trigger_start: int = 10, joint: bool = True, target: str | None = None) -> Event:
    return Event(event_id=f"id-{code}-{trigger_start}", doc_id="d", sentence_index=0, source=actor(code),
                 target=actor(target) if target else None, code="046", name="", goldstein=None, quad_class=1,
                 plover_type=None, plover_mode=None, sentence="X and Y held talks.", trigger="held",
                 trigger_start=trigger_start, trigger_end=trigger_start + 4, rule="r", confidence=0.8,
                 explanation=[JOINT_NOTE] if joint else [])


def dyads(events: list[Event]) -> set[tuple[str | None, str | None, bool]]:
    return {(e.source.code, e.target.code if e.target else None, e.joint) for e in events}


def test_pairs_give_both_directions() -> None:
    events = code_joint_acts([party("EGY"), party("ISR"), party("USA", trigger_start=40, joint=False, target="IRN")])
    assert dyads(events) == {("EGY", "ISR", True), ("ISR", "EGY", True), ("USA", "IRN", False)}
    assert len({e.event_id for e in events}) == 3


def test_three_parties_give_six_directed_events() -> None:
    events = code_joint_acts([party("EGY"), party("ISR"), party("JOR")])
    assert len(events) == 6 and all(e.joint and e.target and e.target.code != e.source.code for e in events)


def test_single_keeps_plover_events_marked_joint() -> None:
    events = code_joint_acts([party("EGY"), party("ISR")], "single")
    assert dyads(events) == {("EGY", None, True), ("ISR", None, True)}


def test_one_actor_named_twice_has_no_second_party() -> None:
    (event,) = code_joint_acts([party("EGY")])
    assert (event.target, event.joint) == (None, True)


def test_unknown_mode_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="pairs or single"):
        check_joint("both")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")


TALKS = "Kenya and Uganda signed a trade agreement on Monday."


def events_of(pipeline: Pipeline, text: str, **kwargs: str) -> list[Event]:
    ((document, doc),) = list(pipeline.parse([Document(id="t", text=text, date="2024-03-12")]))
    return pipeline.code_parsed(doc, document, **kwargs)[1]


@pytest.mark.parametrize("coder", ["rules", "hybrid"])
def test_a_joint_act_in_a_sentence(pipeline: Pipeline, coder: str) -> None:
    pairs = [e for e in events_of(pipeline, TALKS, coder=coder) if e.trigger == "signed"]
    assert dyads(pairs) == {("KEN", "UGA", True), ("UGA", "KEN", True)}
    single = [e for e in events_of(pipeline, TALKS, coder=coder, joint="single") if e.trigger == "signed"]
    assert dyads(single) == {("KEN", None, True), ("UGA", None, True)}


def test_dedup_merges_a_direction_with_its_one_way_report(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Egypt and Israel held talks in Cairo on Monday. Egypt held talks with Israel on Monday.")
    talks = {(e.source.code, e.target.code): e for e in events if e.code == "046"}
    assert set(talks) == {("EGY", "ISR"), ("ISR", "EGY")}
    assert len(talks["EGY", "ISR"].mentions) == 2 and talks["EGY", "ISR"].joint
    assert len(talks["ISR", "EGY"].mentions) == 1


def test_merge_keeps_joint_when_a_one_way_report_comes_first() -> None:
    one_way = party("EGY", trigger_start=10, joint=False, target="ISR")
    (pair, _other) = code_joint_acts([party("EGY", trigger_start=50), party("ISR", trigger_start=50)])
    merged = merge_article_events([one_way, pair])
    assert len(merged) == 1 and merged[0].joint and len(merged[0].mentions) == 2


def test_code_command_takes_joint(runner: CliRunner) -> None:
    args = ["code", "-", "--coder", "rules", "--format", "jsonl", "--date", "2024-03-12"]
    default = [json.loads(line) for line in runner.invoke(app, args, input=TALKS + "\n").stdout.splitlines()]
    single = [json.loads(line) for line in runner.invoke(app, [*args, "--joint", "single"], input=TALKS + "\n").stdout.splitlines()]
    assert {(e["source"]["code"], e["target"]["code"], e["joint"]) for e in default} == {("KEN", "UGA", True), ("UGA", "KEN", True)}
    assert {(e["source"]["code"], e["target"], e["joint"]) for e in single} == {("KEN", None, True), ("UGA", None, True)}
    assert runner.invoke(app, [*args, "--joint", "both"], input=TALKS).exit_code == 2


def test_api_takes_joint(pipeline: Pipeline) -> None:
    from fastapi.testclient import TestClient

    from newsevents.web.app import create_app

    client = TestClient(create_app(pipeline=pipeline))
    body = {"text": TALKS, "date": "2024-03-12"}
    pairs = client.post("/v1/code", json=body).json()["events"]
    assert {(e["source"]["code"], e["target"]["code"]) for e in pairs} == {("KEN", "UGA"), ("UGA", "KEN")}
    single = client.post("/v1/code", json={**body, "joint": "single"}).json()["events"]
    assert {e["target"] is None for e in single} == {True} and len(single) == 2
    assert client.post("/v1/code", json={**body, "joint": "both"}).status_code == 422
