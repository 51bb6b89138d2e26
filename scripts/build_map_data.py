"""Build the explorer's world map (src/newsevents/data/map/countries.json) from world-atlas.

    python scripts/build_map_data.py [--atlas ../shared/data/geo/world-atlas/countries-110m.json]
                                     [--info ../shared/data/geo/countryInfo.txt]

world-atlas's countries-110m.json is Natural Earth's 1:110m country outlines (public domain) as
TopoJSON, keyed by ISO 3166-1 numeric code (world-atlas is ISC-licensed). GeoNames
countryInfo.txt (CC BY 4.0) maps numeric to ISO alpha-2, and the package's own
data/geo/countries.tsv maps alpha-2 to the location country code events carry (ISO alpha-3,
or CAMEO's own code, e.g. KSV for Kosovo), so a shape and an event's country meet on one key.

The output holds SVG path strings already projected (plate carrée: x = lon + 180, y = 84 - lat,
so the map is 360 x 144 units and Antarctica, below 60 S, is left out): the page draws them
as they are and places event points with the same two sums. Coordinates are rounded to 0.1
degree, well under a pixel on any screen the page is drawn on.
"""
from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data" / "geo"
OUT = REPO / "src" / "newsevents" / "data" / "map" / "countries.json"
COUNTRIES_TSV = REPO / "src" / "newsevents" / "data" / "geo" / "countries.tsv"
NORTH, SOUTH = 84.0, -60.0
# Shapes world-atlas gives no numeric code: drawn as the country events there are coded to.
NAME_ONLY_ISO2 = {"N. Cyprus": "CY", "Somaliland": "SO", "Kosovo": "XK"}


def numeric_to_iso2(info: Path) -> dict[str, str]:
    """ISO numeric ("036") to alpha-2 ("AU") from GeoNames countryInfo.txt."""
    table: dict[str, str] = {}
    for line in info.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cells = line.split("\t")
        if cells[2].strip() and cells[2] != "0":
            table[cells[2].zfill(3)] = cells[0]
    return table


def iso2_to_code() -> dict[str, tuple[str, str]]:
    """Alpha-2 to (our location country code, name), from the package's countries table."""
    with COUNTRIES_TSV.open(encoding="utf-8", newline="") as handle:
        return {row["iso2"]: (row["code"], row["name"]) for row in csv.DictReader(handle, delimiter="\t")}


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs as lon/lat points: quantized, delta-encoded positions made absolute."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """One ring from its arc indexes (~i is arc i reversed); arcs share their end points."""
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def project(lon: float, lat: float) -> tuple[float, float]:
    return round(lon + 180, 1), round(NORTH - max(SOUTH, min(NORTH, lat)), 1)


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses the antimeridian (Russia's far east, Fiji) jumps from 180 to -180
    and would draw a line across the whole map: its western points are moved east of 180
    instead (the map clips what falls past its edge)."""
    if not any(abs(a[0] - b[0]) > 180 for a, b in zip(points, points[1:])):
        return points
    return [(lon + 360 if lon < 0 else lon, lat) for lon, lat in points]


def ring_path(points: list[tuple[float, float]]) -> str:
    """An SVG subpath; repeated points after rounding are dropped, rings of under 3 points too."""
    points = unwrap(points)
    projected: list[tuple[float, float]] = []
    for lon, lat in points:
        point = project(lon, lat)
        if not projected or projected[-1] != point:
            projected.append(point)
    if len(projected) < 3 or all(lat <= SOUTH for _lon, lat in points):
        return ""
    return "M" + "L".join(f"{x:g},{y:g}" for x, y in projected) + "Z"


def polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def build(atlas: Path, info: Path) -> dict[str, Any]:
    topology = json.loads(atlas.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    numeric = numeric_to_iso2(info)
    codes = iso2_to_code()
    shapes: dict[str, dict[str, Any]] = {}
    unmatched = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name", "")
        iso2 = numeric.get(str(geometry.get("id", "")).zfill(3)) if geometry.get("id") else NAME_ONLY_ISO2.get(name)
        if iso2 not in codes:
            unmatched.append(name)
            continue
        code, country_name = codes[iso2]
        path = "".join(ring_path(ring_points(ring, arcs)) for polygon in polygons(geometry) for ring in polygon)
        if not path:
            continue  # Antarctica
        entry = shapes.setdefault(code, {"code": code, "name": country_name, "path": ""})
        entry["path"] += path
    if unmatched:
        print(f"no country code for: {', '.join(sorted(unmatched))}")
    return {"projection": "plate carrée: x = lon + 180, y = 84 - lat", "width": 360, "height": NORTH - SOUTH,
            "north": NORTH, "source": "Natural Earth 1:110m via world-atlas 2.0.2",
            "countries": sorted(shapes.values(), key=lambda entry: entry["code"])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--atlas", type=Path, default=SHARED / "world-atlas" / "countries-110m.json")
    parser.add_argument("--info", type=Path, default=SHARED / "countryInfo.txt")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    for path in (args.atlas, args.info):
        if not path.exists():
            parser.error(f"{path}: not found (the shared reference data is needed to build the map)")
    data = build(args.atlas, args.info)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(data['countries'])} countries to {args.out} ({args.out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
