"""CAMEO event codes with GDELT Goldstein values, QuadClass and their PLOVER mapping.

The tables are package data built by ``scripts/build_codebook.py``; nothing here
reads ``../shared``. The PLOVER mapping lives in its own file (``cameo_plover.tsv``)
because it is CC BY-SA 4.0 while the CAMEO table is not, and is joined on load.
"""
from __future__ import annotations

import csv
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any, Mapping

__all__ = [
    "CameoCode",
    "get_code",
    "load_codebook",
    "plover_types",
    "quad_class_of",
    "search_codes",
]

_CODE_RE = re.compile(r"\d{2,4}")


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code (root, 3- or 4-digit)."""

    code: str
    name: str
    description: str
    # None for the few CAMEO 1.1b3 codes (cyber, precision munitions...) that
    # neither GDELT's table nor the codebook gives a value for.
    goldstein: float | None
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def root(self) -> str:
        """The two-digit root code, e.g. "04" for "042"."""
        return self.code[:2]

    def to_dict(self) -> dict[str, Any]:
        """Plain dict of the fields plus ``root``."""
        data = asdict(self)
        data["root"] = self.root
        return data


def _read_tsv(name: str) -> list[dict[str, str]]:
    resource = files("newsevents") / "data" / "codebook" / name
    with resource.open("r", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _or_none(value: str | None) -> str | None:
    return value or None


@lru_cache(maxsize=1)
def _codebook() -> Mapping[str, CameoCode]:
    # Read-only view so the cached object cannot be mutated by callers.
    mapping = {row["code"]: row for row in _read_tsv("cameo_plover.tsv")}
    table: dict[str, CameoCode] = {}
    for row in _read_tsv("cameo.tsv"):
        plover = mapping.get(row["code"], {})
        table[row["code"]] = CameoCode(
            code=row["code"],
            name=row["name"],
            description=row["description"],
            goldstein=float(row["goldstein"]) if row["goldstein"] else None,
            quad_class=int(row["quad_class"]),
            plover_type=_or_none(plover.get("plover_type")),
            plover_mode=_or_none(plover.get("plover_mode")),
            plover_context=_or_none(plover.get("plover_context")),
        )
    return MappingProxyType(table)


def load_codebook() -> dict[str, CameoCode]:
    """All CAMEO codes keyed by code string ("01", "042", "1411"), sorted by code.

    Returns a fresh dict each call (the parsed table itself is cached), so callers
    may modify it freely.
    """
    return dict(_codebook())


def get_code(code: str) -> CameoCode | None:
    """Look up an exact code string such as "042" (leading zeros matter); None if unknown."""
    return _codebook().get(code.strip())


def search_codes(text: str, *, limit: int = 20) -> list[CameoCode]:
    """Case-insensitive substring search: name matches first, then description matches."""
    needle = " ".join(text.split()).casefold()
    if not needle or limit <= 0:
        return []
    codes = _codebook().values()
    by_name = [c for c in codes if needle in c.name.casefold()]
    by_desc = [c for c in codes if needle not in c.name.casefold() and needle in c.description.casefold()]
    return (by_name + by_desc)[:limit]


@lru_cache(maxsize=1)
def _plover_types() -> tuple[tuple[str, tuple[str, ...]], ...]:
    types: dict[str, list[str]] = {}
    for row in _read_tsv("plover.tsv"):
        modes = types.setdefault(row["type"], [])
        if row["mode"] and row["mode"] not in modes:
            modes.append(row["mode"])
    return tuple((t, tuple(m)) for t, m in types.items())


def plover_types() -> dict[str, list[str]]:
    """PLOVER event types (in PLOVER's cooperative-to-conflictual order) -> their modes.

    Types defined without modes (e.g. AGREE) map to an empty list.
    """
    return {t: list(modes) for t, modes in _plover_types()}


def quad_class_of(code: str) -> int:
    """GDELT QuadClass from the root: 01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4.

    Works for any well-formed code, even one missing from the table, because the
    class depends only on the root.
    """
    stripped = code.strip() if isinstance(code, str) else code
    if not isinstance(stripped, str) or not _CODE_RE.fullmatch(stripped):
        raise ValueError(
            f"malformed CAMEO code {code!r}: expected a string of 2-4 digits with a "
            'zero-padded root, e.g. "04", "042" or "1411"'
        )
    root = int(stripped[:2])
    if not 1 <= root <= 20:
        raise ValueError(f"malformed CAMEO code {code!r}: root {stripped[:2]} is outside 01-20")
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
