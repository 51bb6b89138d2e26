"""Event scoring keeps two gold records that share an id apart (issue 14: the PLOVER gold files
two sentences under one id, and the second one's events were the expected events of both)."""
from __future__ import annotations

from newsevents.evaluate import distinct_ids, score_events
from newsevents.pipeline import Pipeline


def test_a_repeated_id_is_made_distinct_and_the_first_keeps_its_own() -> None:
    records = [{"id": "a", "text": "x"}, {"id": "b", "text": "y"}, {"id": "a", "text": "z"}, {"id": "a", "text": "w"}]
    assert [r["id"] for r in distinct_ids(records)] == ["a", "b", "a#2", "a#3"]
    assert records[2]["id"] == "a"  # the caller's records are not changed


def test_each_record_is_scored_against_its_own_events() -> None:
    records = [
        {"id": "dup", "text": "Kenya expelled two Ugandan diplomats.",
         "events": [{"source": "KEN", "target": "UGA", "code": "161"}]},
        {"id": "dup", "text": "Norway sent aid to Sudan.",
         "events": [{"source": "NOR", "target": "SDN", "code": "070"}]},
    ]
    report = score_events(records, Pipeline(coder="rules"))
    tally = report.levels["root+dyad"]
    assert (tally.tp, tally.fn) == (2, 0)
