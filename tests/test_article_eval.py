"""Document-level evaluation on an article gold file (issue 17). The gold here is two made-up
articles of our own; the real article gold, a dev set, has its floors in test_article_gold_floors.py."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.evaluate_articles import ArticleReport, gold_size, is_article_gold, score_article
from newsevents.model import ActorMention, Event

pytestmark = pytest.mark.issue(17)


def actor(code: str) -> ActorMention:
    return ActorMention("a", 0, code, 0, 3, code, code[:3], [], None, "test")


def event(source: str, code: str, target: str | None, *, background: bool = False) -> Event:
    return Event(event_id=f"{source}{code}{target}", doc_id="a", sentence_index=0, source=actor(source),
                 target=actor(target) if target else None, code=code, name="", goldstein=None, quad_class=1,
                 plover_type=None, plover_mode=None, sentence="s", trigger="t", trigger_start=0, trigger_end=1,
                 rule="r", confidence=0.8, background=background)


def gold(source: str, code: str, target: str | None, **flags: bool) -> dict[str, object]:
    return {"source": source, "target": target, "code": code, "evidence": "s", **flags}


GOLD = [gold("KENGOV", "057", "UGAGOV", joint=True), gold("UGAGOV", "057", "KENGOV", joint=True),
        gold("DEUGOV", "161", "RUSGOV"), gold("FRAGOV", "042", "DEUGOV"),
        gold("USAGOV", "111", "CHNGOV", optional=True),
        gold("BFAGOV", "0874", "IGOWAFECO", background=True), gold("MLIGOV", "0874", "IGOWAFECO", background=True)]


def test_article_rules_optional_background_and_joint() -> None:
    report = ArticleReport()
    events = [event("KEN", "057", "UGA"), event("UGA", "057", "KEN"),  # the joint pair: two hits
              event("DEUGOV", "163", "RUSGOV"),        # right root and dyad, wrong code
              event("USAGOV", "112", "CHN"),           # matches the optional act at root+dyad only
              event("BFA", "0874", "IGOWAFBUSWAS"),    # a background act given as current
              event("MLI", "0874", "IGO", background=True),  # a background act the coder marks: left out
              event("EGY", "190", "ISR")]              # wrong
    score_article(report, "a", events, GOLD)
    dyad, code, root = (report.levels[level] for level in ("root+dyad", "code+dyad", "root"))
    assert (dyad.tp, dyad.fp, dyad.fn) == (3, 2, 1)       # FRA 04 DEU missed; BFA and EGY charged
    assert (code.tp, code.fp, code.fn) == (2, 4, 2)       # 163 is not 161; 112 is not the optional 111
    assert (root.tp, root.fp, root.fn) == (3, 2, 1)       # the optional root 11 excused
    assert (report.gold_background, report.background_as_current) == (2, 1)
    assert (report.gold_joint, report.joint_found) == (2, 2)


def test_gold_size_and_detection() -> None:
    records = [{"id": "a", "date": "2024-03-12", "events": GOLD}, {"id": "b", "date": None, "events": []}]
    assert gold_size(records).to_dict() == {"articles": 2, "events": 7, "optional": 1, "background": 2}
    assert is_article_gold(records)
    assert not is_article_gold([{"id": "s", "text": "Kenya condemned Somalia.", "events": []}])


ARTICLE = """<html><head><title>Sahel states and East Africa</title>
<meta property="article:published_time" content="2024-03-12T08:00:00Z"></head><body><article>
<h1>Sahel states and East Africa</h1>
<p>Kenya and Uganda signed a trade agreement on Monday, officials in Nairobi said after a long day of talks.</p>
<p>In late January, Burkina Faso, Mali and Niger withdrew from ECOWAS, the West African regional bloc, in a move that surprised many observers.</p>
<p>Germany expelled two Russian diplomats on Monday, the foreign ministry in Berlin said in a short statement to reporters.</p>
</article></body></html>"""


def test_eval_command_scores_an_article_gold_file(tmp_path: Path, runner: CliRunner) -> None:
    pages = tmp_path / "html"
    pages.mkdir()
    with gzip.open(pages / "a1.html.gz", "wt", encoding="utf-8") as handle:
        handle.write(ARTICLE)
    events = [gold("KENGOV", "057", "UGAGOV", joint=True), gold("UGAGOV", "057", "KENGOV", joint=True),
              gold("DEUGOV", "161", "RUSGOV"), gold("FRAGOV", "042", "DEUGOV", optional=True),
              *(gold(c, "0874", "IGOWAFECO", background=True) for c in ("BFAGOV", "MLIGOV", "NERGOV"))]
    path = tmp_path / "articles_gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [{"id": "a1", "date": "2024-03-12", "events": events},
                                                       {"id": "gone", "date": "2024-03-12", "events": []}]) + "\n")
    result = runner.invoke(app, ["eval", str(path), "--pages", str(pages), "--coder", "rules", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["gold"] == {"articles": 2, "events": 7, "optional": 1, "background": 3}
    rules = report["coders"]["rules"]
    assert rules["articles"] == 1 and "gone" in rules["missing_pages"][0]
    assert rules["joint"] == {"gold": 2, "found": 2}
    assert rules["background"]["gold"] == 3 and rules["background"]["emitted_as_current"] == 0
    assert rules["levels"]["root+dyad"]["tp"] == 3 and rules["levels"]["root+dyad"]["fn"] == 0
    single = runner.invoke(app, ["eval", str(path), "--pages", str(pages), "--coder", "rules", "--format", "json",
                                 "--joint", "single"])
    assert json.loads(single.stdout)["coders"]["rules"]["joint"] == {"gold": 2, "found": 0}


def test_eval_command_needs_the_pages(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "articles_gold.jsonl"
    path.write_text(json.dumps({"id": "a1", "date": "2024-03-12", "events": []}) + "\n")
    result = runner.invoke(app, ["eval", str(path), "--pages", str(tmp_path / "none"), "--coder", "rules"])
    assert result.exit_code == 1 and "--pages" in result.output


def test_statements_other_than_denials_are_not_scored() -> None:
    # The guide leaves root 01 out of the gold except 016: a coded comment is neither right nor
    # wrong, and a denial is scored like any act.
    report = ArticleReport()
    events = [event("FRAGOV", "042", "DEUGOV"), event("USAGOV", "010", None), event("USAGOV", "013", "CHNGOV"),
              event("RUSGOV", "016", "UKRGOV")]
    score_article(report, "a", events, [gold("FRAGOV", "042", "DEUGOV")])
    tally = report.levels["root+dyad"]
    assert (tally.tp, tally.fp, tally.fn) == (1, 1, 0)
