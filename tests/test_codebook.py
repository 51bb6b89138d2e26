"""Tests of newsevents.codebook against the shipped package data."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from newsevents.codebook import (
    CameoCode,
    get_code,
    load_codebook,
    plover_types,
    quad_class_of,
    search_codes,
)

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DATA = REPO / "src" / "newsevents" / "data" / "codebook"
TABLES = ("cameo.tsv", "cameo_plover.tsv", "plover.tsv")


def test_make_a_visit() -> None:
    code = get_code("042")
    assert code is not None
    assert code.name == "Make a visit"
    assert code.root == "04"
    assert code.quad_class == 1
    assert (code.plover_type, code.plover_mode) == ("CONSULT", "visit")
    assert code.to_dict()["root"] == "04"


def test_root_names_are_sentence_case() -> None:
    assert get_code("01").name == "Make public statement"
    assert get_code("04").name == "Consult"


def test_goldstein_is_gdelts_value() -> None:
    # eventtypes.csv says -5 for 016; GDELT's lookup (what we publish) says -2.0.
    assert get_code("016").goldstein == pytest.approx(-2.0)
    assert get_code("164").goldstein == pytest.approx(-7.0)


def test_get_code_is_exact_and_strips() -> None:
    assert get_code(" 1411\n").code == "1411"
    assert get_code("42") is None
    assert get_code("999") is None


def test_every_root_exists() -> None:
    book = load_codebook()
    for root in range(1, 21):
        assert f"{root:02d}" in book


def test_table_size_and_types() -> None:
    book = load_codebook()
    assert len(book) >= 300
    assert list(book) == sorted(book)
    assert all(isinstance(c, CameoCode) and c.code == k for k, c in book.items())
    assert all(c.goldstein is None or -10 <= c.goldstein <= 10 for c in book.values())


def test_load_codebook_returns_a_copy() -> None:
    load_codebook().clear()
    assert get_code("042") is not None


def test_quad_classes_match_roots() -> None:
    expected = {**dict.fromkeys(range(1, 6), 1), **dict.fromkeys(range(6, 10), 2),
                **dict.fromkeys(range(10, 15), 3), **dict.fromkeys(range(15, 21), 4)}
    for code in load_codebook().values():
        assert code.quad_class == expected[int(code.root)] == quad_class_of(code.code)


@pytest.mark.parametrize("bad", ["", "4", "42", "00", "21x", "12345", "abc", None])
def test_quad_class_of_rejects_malformed(bad: object) -> None:
    with pytest.raises(ValueError, match="CAMEO code"):
        quad_class_of(bad)  # type: ignore[arg-type]


def test_quad_class_of_examples() -> None:
    assert [quad_class_of(c) for c in ("01", "0871", "145", "190")] == [1, 2, 3, 4]


def test_unmapped_codes_inherit_plover_type() -> None:
    # 1834 and 1951 have no row in CAMEO2PLOVER-2021; their parents 183/195 do.
    assert get_code("1834").plover_type == get_code("183").plover_type == "ASSAULT"
    assert get_code("1951").plover_type == "ASSAULT"
    assert get_code("1951").plover_context == get_code("195").plover_context == "military"
    assert get_code("155").plover_type == "MOBILIZE"


def test_plover_covers_roots_02_to_20() -> None:
    # PLOVER does not code CAMEO 01 (statements); appeals (02) are requests.
    for code in load_codebook().values():
        if int(code.root) >= 2:
            assert code.plover_type in plover_types(), code
        else:
            assert code.plover_type is None


@pytest.mark.parametrize("appeal,demand", [("020", "100"), ("0233", "1033"), ("0253", "1053"), ("026", "106")])
def test_an_appeal_has_its_demands_plover_type_and_mode(appeal: str, demand: str) -> None:
    # CAMEO2PLOVER-2021 maps the demands only; NGEC's REQUEST is "all requests, demands, and orders".
    asked, demanded = get_code(appeal), get_code(demand)
    assert asked.plover_type == demanded.plover_type == "REQUEST"
    assert (asked.plover_mode, asked.plover_context) == (demanded.plover_mode, demanded.plover_context)


def test_plover_types() -> None:
    types = plover_types()
    assert len(types) == 16
    assert list(types)[0] == "AGREE" and list(types)[-1] == "ASSAULT"
    assert {"visit", "phone", "third-party"} <= set(types["CONSULT"])
    assert types["AGREE"] == []


def test_search_names_before_descriptions() -> None:
    results = search_codes("VISIT")
    assert [c.code for c in results[:2]] == ["042", "043"]
    assert all("visit" in c.name.lower() or "visit" in c.description.lower() for c in results)
    assert len(search_codes("a", limit=5)) == 5
    assert search_codes("   ") == []
    in_name = [i for i, c in enumerate(results) if "visit" in c.name.lower()]
    assert in_name == list(range(len(in_name)))


def _load_script():
    spec = importlib.util.spec_from_file_location("build_codebook", REPO / "scripts" / "build_codebook.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    # dataclasses look the module up in sys.modules while the script executes.
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(spec.name, None)
    return module


def test_rebuild_matches_shipped_tables(tmp_path: Path) -> None:
    if not (SHARED / "cameo" / "eventtypes.csv").is_file():
        pytest.skip(f"reference data not found at {SHARED} (only present in the dev workspace)")
    report = _load_script().build(SHARED, tmp_path)
    assert report.codes == len(load_codebook())
    for name in TABLES:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), f"{name} is stale: rerun the script"
