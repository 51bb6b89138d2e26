"""The article gold (bench/data/articles_gold.jsonl, a dev set of 30 real pages) scored at the
document level, with pinned floors: no change lowers the whole-article figures unnoticed
(issue 17). Skips where the pages of ../shared/data are absent.

Measured 2026-12-04 (seventh session): hybrid root+dyad P 0.750, R 0.439 (36 TP, 12 FP, 46 FN);
background acts emitted as current 4 of 106; joint pairs found 2 of 2. Eighth session: P 0.776,
R 0.463 (38 TP, 11 FP, 44 FN), background 4 of 106, joint pairs 2 of 2. Tenth session: P 0.784,
R 0.488 (40 TP, 11 FP, 42 FN)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.evaluate_articles import score_articles
from newsevents.pipeline import Pipeline

pytestmark = pytest.mark.issue(17)

GOLD = Path(__file__).resolve().parents[1] / "bench" / "data" / "articles_gold.jsonl"
# (precision, recall) floors at root+dyad, rounded down from the measured figures.
ROOT_DYAD_FLOOR = (0.78, 0.48)
# The issue's acceptance: at most 10% of the gold's background acts emitted as current.
BACKGROUND_CEILING = 0.10


def test_the_article_gold_stays_above_its_floors(shared_data: Path) -> None:
    pages = shared_data / "news-html" / "html"
    if not pages.is_dir():
        pytest.skip("the news pages of ../shared/data are absent")
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    report = score_articles(records, Pipeline(), ["hybrid"], pages=pages)["hybrid"]
    assert not report.missing
    tally = report.levels["root+dyad"]
    assert tally.precision >= ROOT_DYAD_FLOOR[0] and tally.recall >= ROOT_DYAD_FLOOR[1], tally
    assert report.background_current_rate <= BACKGROUND_CEILING
    assert report.joint_found == report.gold_joint
