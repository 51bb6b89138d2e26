"""What an order or a declaration names is one event: "ordered the leader detained" is an arrest
by whoever ordered it, as "ordered the arrest of" is; "declared a state of siege" is martial law,
not also a siege. Sentences are our own."""
from __future__ import annotations

import pytest

from newsevents.pipeline import Pipeline

from .dyads import coded, rules_pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return rules_pipeline()


@pytest.mark.parametrize("text,event", [
    ("A Spanish judge has ordered nine former Catalan ministers jailed.", ("ESPJUD", "173", "ESPELI")),
    ("A Pakistani court ordered the former prime minister released on bail.", ("PAKJUD", "0841", "PAKELI")),
    ("Russia ordered two Estonian diplomats expelled.", ("RUS", "174", "ESTGOV")),
])
def test_a_participle_ordered_is_done_by_whoever_orders_it(pipeline: Pipeline, text: str,
                                                           event: tuple[str, str, str]) -> None:
    assert coded(pipeline, text) == [event]


def test_an_infinitive_ordered_is_still_a_demand_on_the_one_ordered(pipeline: Pipeline) -> None:
    found = coded(pipeline, "Kenya ordered its troops to withdraw from Somalia.")
    assert [(s, c[:2], t) for s, c, t in found] == [("KEN", "10", "KENMIL")], found


def test_a_state_of_siege_is_martial_law_and_no_siege(pipeline: Pipeline) -> None:
    found = coded(pipeline, "Bolivian authorities declared a state of siege in the eastern department of Pando.")
    assert found == [("BOLGOV", "1724", "BOL")], found


def test_a_siege_imposed_is_still_a_siege(pipeline: Pipeline) -> None:
    assert coded(pipeline, "Israel imposed a siege on Gaza.") == [("ISR", "191", "PSE")]
