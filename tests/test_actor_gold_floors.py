"""The actors of the PLOVER gold (a dev set) scored as bench/actors_gold.py scores them, with
pinned floors: no change lowers actor accuracy unnoticed (issue 15). Skips where ../shared/data
is absent.

Measured 2026-12-04 (seventh session): right three-letter code 0.878 (571 of 650), also right
on sector 0.702 (268 of the 382 gold actors with a sector)."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.evaluate import read_gold, score_actors
from newsevents.pipeline import Pipeline

pytestmark = pytest.mark.issue(15)

# Rounded down from the measured figures; the issue asks code >= 0.85 and sector >= 0.70.
CODE_FLOOR = 0.87
SECTOR_FLOOR = 0.70


def test_the_gold_actors_stay_above_their_floors(shared_data: Path) -> None:
    gold = shared_data / "gold" / "PLOVER_GSR_with_CAMEO.jsonl"
    if not gold.is_file():
        pytest.skip("the PLOVER gold of ../shared/data is absent")
    score = score_actors(list(read_gold(gold)), Pipeline(), strict=True)
    assert score.country_rate >= CODE_FLOOR, score.country_rate
    assert score.sector_rate >= SECTOR_FLOOR, (score.sector_hits, score.with_sector)
