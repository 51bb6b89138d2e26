"""Accuracy gates: the coder is scored on the dev gold sets and must not fall below the
floors pinned here (measured values, rounded down). Raise a floor when accuracy improves.
Skipped where ../shared/data is absent (a user's clone)."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.evaluate import has_actors, is_standard_record, read_gold, score_coders, score_events
from newsevents.pipeline import Pipeline

# Each coder is gated: the lexicon alone (rules) and the default hybrid (issue 14), scored on
# one parse. (coder, file, level, precision floor, recall floor)
FLOORS = [
    # Raised in session 11 (appeals typed, reported future acts read as future acts): rules
    # 0.811/0.805, hybrid 0.842/0.815, from 0.80/0.79 and 0.83/0.80.
    ("rules", "cameo_codebook_examples.jsonl", "root", 0.81, 0.80),
    # 0.77 until "Secretary of State <name>" was read as one actor (art3): the two events it
    # adds that PLOVER's gold counts wrong are a telephone call the gold codes as a joint act
    # and a ceasefire with the extractor's implicit domestic target.
    # Raised in session 8 (plover8: rules 0.801/0.632 and 0.934/0.698, hybrid 0.792/0.628 and
    # 0.940/0.707) from 0.77/0.60, 0.91/0.67, 0.76/0.59 and 0.92/0.68.
    ("rules", "PLOVER_GSR_with_CAMEO.jsonl", "root+dyad", 0.79, 0.62),
    ("rules", "PLOVER_GSR_with_CAMEO.jsonl", "root", 0.92, 0.69),
    ("hybrid", "cameo_codebook_examples.jsonl", "root", 0.84, 0.81),
    ("hybrid", "PLOVER_GSR_with_CAMEO.jsonl", "root+dyad", 0.78, 0.62),
    ("hybrid", "PLOVER_GSR_with_CAMEO.jsonl", "root", 0.93, 0.70),
]
CODERS = ("rules", "hybrid")
# The acceptance asks 0.75 here; a change that drops below it fails the suite.
ROOT_ACCURACY_FLOOR = {("rules", "cameo_codebook_examples.jsonl"): 0.79, ("hybrid", "cameo_codebook_examples.jsonl"): 0.80}
PETR_FLOOR = ("root+dyad", 0.09, 0.03)


# Each gold set is scored under its own convention for joint acts ("X and Y agreed", issue 17):
# PLOVER's and the codebook's code one event per party with no target (``--joint single``,
# which scores exactly as the coder did before pairs); held-out v1 codes both directions.
GOLD_JOINT = {"cameo_codebook_examples.jsonl": "single", "PLOVER_GSR_with_CAMEO.jsonl": "single",
              "PETR_UnitTest_records.jsonl": "single", "heldout_events.jsonl": "pairs", "heldout2_events.jsonl": "single"}


@pytest.fixture(scope="module")
def reports(shared_data_module: Path) -> dict[str, object]:
    out = {}
    for name in {f for _c, f, *_ in FLOORS}:
        records = list(read_gold(shared_data_module / "gold" / name))
        pipeline = Pipeline(require_actors=has_actors(records), joint=GOLD_JOINT[name])
        for coder, report in score_coders(records, pipeline, CODERS).items():
            out[coder, name] = report
    return out


@pytest.fixture(scope="module")
def shared_data_module() -> Path:
    from .conftest import SHARED_DATA

    if not SHARED_DATA.is_dir():
        pytest.skip(f"reference data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.mark.parametrize("coder,name,level,precision,recall", FLOORS)
def test_gold_floor(reports: dict[tuple[str, str], object], coder: str, name: str, level: str, precision: float,
                    recall: float) -> None:
    tally = reports[coder, name].levels[level]  # type: ignore[attr-defined]
    assert tally.precision >= precision, f"{coder} {name} {level} precision {tally.precision:.3f} < {precision}"
    assert tally.recall >= recall, f"{coder} {name} {level} recall {tally.recall:.3f} < {recall}"


@pytest.mark.parametrize("key,floor", sorted(ROOT_ACCURACY_FLOOR.items()))
def test_root_accuracy_floor(reports: dict[tuple[str, str], object], key: tuple[str, str], floor: float) -> None:
    assert reports[key].root_accuracy >= floor  # type: ignore[attr-defined]


def test_petrarch_unit_records_floor(shared_data_module: Path) -> None:
    validation = shared_data_module / "petrarch-validation"
    records = [r for r in read_gold(shared_data_module / "gold" / "PETR_UnitTest_records.jsonl") if is_standard_record(r)]
    pipeline = Pipeline(actor_files=[validation / "PETR.Validate.actors.txt"], agent_files=[validation / "PETR.Validate.agents.txt"],
                        coder="rules", joint=GOLD_JOINT["PETR_UnitTest_records.jsonl"])
    level, precision, recall = PETR_FLOOR
    tally = score_events(records, pipeline).levels[level]
    assert tally.precision >= precision and tally.recall >= recall, tally


# The held-out set ships in the repo (bench/data, written blind to the lexicon): it gates
# generalisation, and is never read to write lexicon entries.
HELDOUT = Path(__file__).resolve().parents[1] / "bench" / "data" / "heldout_events.jsonl"
# Its precision floor was 0.72 before joint acts ("Indian and French warships held exercises")
# kept no target and domestic acts took their own country as target, as the PLOVER gold
# codes both; the held-out set codes the first as a pair of dyads and the second without
# a target, so its precision fell while its recall and F1 rose.
# Raised in the eighteenth session to the measured figures, rounded down (hybrid root+dyad
# 0.796 / 0.661 and root 0.899 / 0.678, rules 0.8296 / 0.655 and 0.893 / 0.637), after a thing
# that arrives stopped being its owner's visit ("Russian weapons arrived in Venezuela") and a
# condition the act a frame intends ("vowed forceful measures if Pelosi visited Taiwan").
# Raised in the twenty-first (verdicts, an object's misattached phrase, a border's other side):
# hybrid 0.811/0.678 and 0.900/0.684, rules 0.839/0.673 and 0.903/0.655.
HELDOUT_FLOORS = {"rules": [("root+dyad", 0.83, 0.67), ("root", 0.90, 0.65)],
                  "hybrid": [("root+dyad", 0.81, 0.67), ("root", 0.89, 0.68)]}
# Sentences without a codable event (sport, negation, hypotheticals) must stay uncoded.
HELDOUT_DETECTION_PRECISION = 0.95


# v2 (bench/data/README.md): written blind after v1 was consulted; measured once, then pinned.
HELDOUT2 = HELDOUT.with_name("heldout2_events.jsonl")
# Hybrid precision floors were 0.80 (root+dyad, 0.805) and 0.93 (root, 0.932) until issue 15
# coded two more kinds of event: towns as their residents (CVL) and unnamed violence with
# victims (events/unattributed.py). Both add right events, and both code "an attack on the town
# of Saraqeb" as 19 where the gold has 2041 (chlorine gas); barrel bombs filled with chlorine
# are coded 183. Root: 109/8/60 (P 0.932, R 0.645) before, 111/10/58 (P 0.917, R 0.657) after.
# Root+dyad 0.78 (was 0.79) since a capital's move counts as its government's
# ("demonstrators denouncing Moscow's war" adds a 111 to RUSGOV beside the gold's one picket
# event): hybrid 105/28 (P 0.789) where it was 105/27, rules root 104/19 (0.846) where it was
# 104/18. Hybrid root rose with the retrained classifier.
# Raised in the sixth session (hybrid 0.799/0.633 and 0.927/0.675; rules 0.778/0.621 and
# 0.855/0.627), and the root+dyad precisions in the seventh (hybrid 0.806/0.639, rules 0.785/0.627).
# Raised in the ninth (a role "in Chad's capital" takes Chad): hybrid 0.813/0.645, rules
# 0.793/0.633. Recall raised in the twelfth (a target on the object's "on" phrase: "shared
# intelligence on missile components with Ukraine"): hybrid 0.816/0.657 and 0.928/0.686, rules
# 0.796/0.645 and 0.857/0.639. Root+dyad raised in the thirteenth (a clause on the object
# names its author: "the attacks that Boko Haram carried out"): hybrid 0.824/0.663, rules
# 0.797/0.651. Raised in the fourteenth (the parties of "talks between X and Y"): hybrid
# 0.829/0.686 and 0.929/0.698, rules 0.803/0.675 and 0.860/0.657. Rules raised in the
# eighteenth (aid is an event noun, "military aid" no actor): 0.833/0.680 and 0.889/0.663.
# Raised in the twenty-first (verdicts, an object's misattached phrase, a border's other side):
# hybrid 0.851/0.710 and 0.938/0.710, rules 0.836/0.692 and 0.891/0.675.
HELDOUT2_FLOORS = {"rules": [("root+dyad", 0.83, 0.69), ("root", 0.89, 0.67)],
                   "hybrid": [("root+dyad", 0.85, 0.71), ("root", 0.93, 0.71)]}


@pytest.mark.parametrize("path,floors", [(HELDOUT, HELDOUT_FLOORS), (HELDOUT2, HELDOUT2_FLOORS)],
                         ids=["heldout-v1", "heldout-v2"])
def test_heldout_floor(path: Path, floors: dict[str, list[tuple[str, float, float]]]) -> None:
    for coder, report in score_coders(list(read_gold(path)), Pipeline(joint=GOLD_JOINT[path.name]), CODERS).items():
        for level, precision, recall in floors[coder]:
            tally = report.levels[level]
            assert tally.precision >= precision and tally.recall >= recall, (coder, level, tally.to_dict())
        assert report.detection.precision >= HELDOUT_DETECTION_PRECISION, (coder, report.detection.to_dict())
