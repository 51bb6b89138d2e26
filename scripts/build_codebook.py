#!/usr/bin/env python3
"""Build the CAMEO/PLOVER codebook tables shipped in ``src/newsevents/data/codebook``.

Usage: ``python scripts/build_codebook.py [--shared ../shared/data] [--out DIR]``

Inputs (under the shared data folder):
  cameo/eventtypes.csv                          CAMEO 1.1b3 codebook (names, descriptions)
  cameo/CAMEO.goldsteinscale.txt                GDELT Goldstein lookup (the value we publish)
  cameo/CAMEO_codefile.txt                      only to correct one known label error (1952)
  plover/CAMEO2PLOVER-2021.txt                  CAMEO -> PLOVER mapping (CC BY-SA 4.0)
  plover/PLOVER_structured_codebook_updated.csv PLOVER types x modes (NGEC, MIT)

Outputs, each kept to one licence so they can be credited separately:
  cameo.tsv         code name description goldstein goldstein_source quad_class
  cameo_plover.tsv  code plover_type plover_mode plover_context plover_source  (CC BY-SA 4.0)
  plover.tsv        type mode type_definition mode_definition
"""
from __future__ import annotations

import argparse
import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "src" / "newsevents" / "data" / "codebook"

CAMEO_COLUMNS = ["code", "name", "description", "goldstein", "goldstein_source", "quad_class"]
MAPPING_COLUMNS = ["code", "plover_type", "plover_mode", "plover_context", "plover_source"]
PLOVER_COLUMNS = ["type", "mode", "type_definition", "mode_definition"]

# eventtypes.csv gives 1951 and 1952 the same name; the description of 1952 and
# the CAMEO code file both say "remotely piloted", so take the label from there.
NAME_FIXES_FROM_CODEFILE = ("1952",)

_MAPPING_LINE = re.compile(r"^(\d{2,4})\s*:\s*(.*)$")
# Mac-Roman read of UTF-8 punctuation (e.g. "else‚Äôs") in the andybega csv.
_MOJIBAKE = re.compile(r"[‚Ä¬]")


@dataclass
class BuildReport:
    codes: int = 0
    goldstein_sources: dict[str, int] = field(default_factory=dict)
    goldstein_differs: list[str] = field(default_factory=list)
    plover_explicit: int = 0
    plover_inherited: list[str] = field(default_factory=list)
    plover_appeals: list[str] = field(default_factory=list)
    plover_unmapped: list[str] = field(default_factory=list)
    mapping_conflicts: list[str] = field(default_factory=list)
    mapping_unknown_codes: list[str] = field(default_factory=list)
    plover_types: int = 0
    plover_modes: int = 0


def clean_text(text: str) -> str:
    text = (text or "").strip()
    if text in ("NULL", "NA"):
        return ""
    if _MOJIBAKE.search(text):
        try:
            text = text.encode("mac_roman").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return " ".join(text.split())


def clean_name(name: str) -> str:
    name = clean_text(name)
    if name.isupper():  # root names are upper case in the codebook
        name = name.lower()
    return name[:1].upper() + name[1:]


def quad_class(code: str) -> int:
    root = int(code[:2])
    if not 1 <= root <= 20:
        raise ValueError(f"CAMEO root out of range: {code!r}")
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def parent_codes(code: str) -> list[str]:
    """Ancestors nearest first: 1834 -> [183, 18]; 183 -> [18]."""
    return [code[:n] for n in (3, 2) if n < len(code)]


def read_gdelt_goldstein(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            out[row["CAMEOEVENTCODE"].strip()] = float(row["GOLDSTEINSCALE"])
    return out


def read_codefile_labels(path: Path) -> dict[str, str]:
    labels: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"LABEL:\s*(\d+)\s*=\s*(.+)", line)
        if m:
            labels[m.group(1)] = m.group(2).strip()  # later LABEL lines correct earlier typos
    return labels


def read_plover_mapping(path: Path, report: BuildReport) -> dict[str, tuple[str, str, str]]:
    """Parse ``CODE: TYPE[, mode[, context]] # comment`` lines.

    Root lines (``04: CONSULT``) carry only the type; mode/context may be blank;
    several contexts are separated by ';'. The first row for a code wins: the
    file lists root 08 twice (CONCEDE, then RETREAT as a section header).
    """
    mapping: dict[str, tuple[str, str, str]] = {}
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("~"):
            continue
        m = _MAPPING_LINE.match(line)
        if not m:
            raise ValueError(f"{path.name}:{lineno}: cannot parse {raw!r}")
        code, rest = m.groups()
        parts = [p.strip() for p in rest.split(",")]
        if len(parts) > 3 or not parts[0]:
            raise ValueError(f"{path.name}:{lineno}: unexpected fields in {raw!r}")
        parts += [""] * (3 - len(parts))
        ptype, mode, context = parts
        context = ";".join(c.strip() for c in context.split(";") if c.strip())
        value = (ptype.upper(), " ".join(mode.split()), context)
        if code in mapping:
            if mapping[code] != value:
                report.mapping_conflicts.append(f"{code}: kept {mapping[code]}, ignored {value}")
            continue
        mapping[code] = value
    return mapping


def read_plover_codebook(path: Path) -> list[dict[str, str]]:
    """One row per (type, mode), in the source's PLOVER order; a mode's several
    example definitions are joined with '; '."""
    by_key: dict[tuple[str, str], dict[str, object]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            key = (row["event"].strip().upper(), row["mode"].strip())
            entry = by_key.setdefault(key, {"type_definition": clean_text(row["event_def"]), "defs": []})
            definition = clean_text(row["mode_def"]).rstrip(";").strip()
            if definition and definition not in entry["defs"]:
                entry["defs"].append(definition)
    return [
        {"type": t, "mode": m, "type_definition": str(e["type_definition"]),
         "mode_definition": "; ".join(e["defs"])}
        for (t, m), e in by_key.items()
    ]


def _write_tsv(path: Path, columns: list[str], rows: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, delimiter="\t", lineterminator="\n",
                                quoting=csv.QUOTE_MINIMAL)
        writer.writeheader()
        writer.writerows(rows)


def appeal_counterpart(code: str) -> str:
    """The demand (root 10) with the same sub-code as an appeal (root 02): 0233 -> 1033; ""
    for any other code."""
    return "10" + code[2:] if code.startswith("02") else ""


def build(shared_dir: Path | str, out_dir: Path | str) -> BuildReport:
    """Read the reference files under ``shared_dir`` and write the three TSVs to ``out_dir``."""
    shared, out = Path(shared_dir), Path(out_dir)
    report = BuildReport()
    gdelt = read_gdelt_goldstein(shared / "cameo" / "CAMEO.goldsteinscale.txt")
    labels = read_codefile_labels(shared / "cameo" / "CAMEO_codefile.txt")
    mapping = read_plover_mapping(shared / "plover" / "CAMEO2PLOVER-2021.txt", report)

    with (shared / "cameo" / "eventtypes.csv").open(encoding="utf-8", newline="") as fh:
        source_rows = list(csv.DictReader(fh))

    cameo_rows: list[dict[str, object]] = []
    mapping_rows: list[dict[str, object]] = []
    for row in sorted(source_rows, key=lambda r: r["code"].strip()):
        code = row["code"].strip()
        if not re.fullmatch(r"\d{2,4}", code):
            raise ValueError(f"eventtypes.csv: malformed code {code!r}")
        name = labels[code] if code in NAME_FIXES_FROM_CODEFILE else row["name"]
        local = row["goldstein"].strip()
        if code in gdelt:
            goldstein, source = gdelt[code], "gdelt"
            if local not in ("", "NA") and float(local) != goldstein:
                report.goldstein_differs.append(code)
        elif local not in ("", "NA"):
            goldstein, source = float(local), "eventtypes"
        else:
            goldstein, source = None, ""
        report.goldstein_sources[source or "none"] = report.goldstein_sources.get(source or "none", 0) + 1
        cameo_rows.append({
            "code": code, "name": clean_name(name), "description": clean_text(row["description"]),
            "goldstein": "" if goldstein is None else repr(goldstein),
            "goldstein_source": source, "quad_class": quad_class(code),
        })

        if code in mapping:
            ptype, mode, context = mapping[code]
            used = code
            report.plover_explicit += 1
        elif appeal_counterpart(code) in mapping:
            # The table maps CAMEO's demands (10) but not its appeals (02), as the 2021 PLOVER
            # manual left requests uncoded; the PLOVER codebook we ship (NGEC's, plover.tsv)
            # makes REQUEST "all requests, demands, and orders", as POLECAT-style data (PLV)
            # codes them. The two roots share one sub-code layout: "Appeal for humanitarian
            # aid" (0233) is "Demand humanitarian aid" (1033) asked, not demanded, so an
            # appeal takes its demand's type and mode.
            used = appeal_counterpart(code)
            ptype, mode, context = mapping[used]
            report.plover_appeals.append(code)
        else:
            used = next((p for p in parent_codes(code) if p in mapping), "")
            # The parent's mode is too specific to pass down (183's "suicide-attack"
            # would tag 1834 location bombing), so inherit only type and context.
            ptype, _, context = mapping.get(used, ("", "", ""))
            mode = ""
            (report.plover_inherited if used else report.plover_unmapped).append(code)
        mapping_rows.append({"code": code, "plover_type": ptype, "plover_mode": mode,
                             "plover_context": context, "plover_source": used})

    known = {r["code"] for r in cameo_rows}
    report.mapping_unknown_codes = sorted(c for c in mapping if c not in known)
    report.codes = len(cameo_rows)

    plover_rows = read_plover_codebook(shared / "plover" / "PLOVER_structured_codebook_updated.csv")
    report.plover_types = len({r["type"] for r in plover_rows})
    report.plover_modes = sum(1 for r in plover_rows if r["mode"])

    out.mkdir(parents=True, exist_ok=True)
    _write_tsv(out / "cameo.tsv", CAMEO_COLUMNS, cameo_rows)
    _write_tsv(out / "cameo_plover.tsv", MAPPING_COLUMNS, mapping_rows)
    _write_tsv(out / "plover.tsv", PLOVER_COLUMNS, plover_rows)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="shared data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    r = build(args.shared, args.out)
    print(f"CAMEO codes: {r.codes} -> {args.out}")
    print(f"Goldstein sources: {dict(sorted(r.goldstein_sources.items()))}; "
          f"GDELT differs from eventtypes.csv on {len(r.goldstein_differs)}: {', '.join(r.goldstein_differs)}")
    print(f"PLOVER mapping: {r.plover_explicit} explicit, {len(r.plover_inherited)} inherited "
          f"({', '.join(r.plover_inherited)}), {len(r.plover_appeals)} appeals as their demands, "
          f"{len(r.plover_unmapped)} unmapped (roots "
          f"{', '.join(sorted({c[:2] for c in r.plover_unmapped}))})")
    if r.mapping_conflicts:
        print("Mapping duplicates (first kept): " + "; ".join(r.mapping_conflicts))
    if r.mapping_unknown_codes:
        print("Mapping codes not in eventtypes.csv (ignored): " + ", ".join(r.mapping_unknown_codes))
    print(f"PLOVER codebook: {r.plover_types} types, {r.plover_modes} modes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
