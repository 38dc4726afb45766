"""Reproducible build of the knowledge base from ``shared/data/kb`` and ``kb/curated``.

Run::

    .venv/bin/python -m newsgraph.kb.build --sources ../shared/data/kb --out src/newsgraph/kb/data

The output is one gzip'd JSON file (``kb.json.gz``) written byte-for-byte deterministically
(sorted keys, gzip mtime 0), so a test can rebuild into a temporary folder and compare.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from newsgraph import errors
from newsgraph.kb.build_countries import build_countries
from newsgraph.kb.build_orgs import build_memberships, build_orgs, petrarch_groups, state_agencies
from newsgraph.kb.build_people import build_people
from newsgraph.kb.sources import CURATED_DIR, SOURCE_FILES, Sources

SCHEMA = "newsgraph.kb/1"
DATA_FILE = "kb.json.gz"
def _id_aliases(people: list[dict[str, Any]]) -> dict[str, str]:
    ids = {p["id"] for p in people}
    return {old: p["id"] for p in sorted(people, key=lambda p: p["id"]) for old in p.get("old_ids", ())
            if old not in ids}


PERSON_COLUMNS = ["id", "name", "country", "aliases", "full_names", "surnames", "sources", "note", "default_code",
                  "gender"]
HOLDING_COLUMNS = ["person", "office", "title", "of", "start", "end", "source", "note", "ref"]
CODE_COLUMNS = ["person", "code", "start", "end"]
MEMBERSHIP_COLUMNS = ["member", "org", "status", "start", "end", "source", "note", "ref", "attested_from"]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def build(sources: Path | str, out: Path | str | None = None) -> dict[str, Any]:
    """Build the KB document; write it to ``out/kb.json.gz`` when ``out`` is given."""
    src = Sources(Path(sources))
    for rel in SOURCE_FILES:  # fail early, naming the first missing file
        src.path(rel)
    countries = build_countries(src)
    orgs = build_orgs(src)
    orgs.update(petrarch_groups(src, orgs, set(countries)))
    people = build_people(src, set(countries), {k: c["population"] for k, c in countries.items()},
                          {k for k, c in countries.items() if not c.get("independent")})
    memberships = build_memberships(src, orgs, countries)
    doc: dict[str, Any] = {
        "schema": SCHEMA,
        "inputs": {rel: _sha(src.path(rel)) for rel in sorted(SOURCE_FILES)}
        | {f"curated/{p.name}": _sha(p) for p in sorted(CURATED_DIR.glob("*.tsv"))},
        "countries": [countries[k] for k in sorted(countries)],
        "orgs": [orgs[k] for k in sorted(orgs)],
        "people": {"columns": PERSON_COLUMNS,
                   "rows": [[p[c] for c in PERSON_COLUMNS] for p in sorted(people["people"], key=lambda p: p["id"])]},
        # ids of person records merged into another (one KB entity per real person): old id -> id
        "id_aliases": _id_aliases(people["people"]),
        "holdings": {"columns": HOLDING_COLUMNS, "rows": people["holdings"]},
        "codes": {"columns": CODE_COLUMNS, "rows": people["codes"]},
        "memberships": {"columns": MEMBERSHIP_COLUMNS,
                        "rows": [[m[c] for c in MEMBERSHIP_COLUMNS] for m in memberships]},
        # named bodies of states with their CAMEO codes, for bodies the KB has no entity for
        "agencies": {"columns": ["name", "code"], "rows": state_agencies(src, set(countries))},
    }
    doc["counts"] = {"countries": len(doc["countries"]), "orgs": len(doc["orgs"]),
                     "people": len(doc["people"]["rows"]), "holdings": len(doc["holdings"]["rows"]),
                     "codes": len(doc["codes"]["rows"]), "memberships": len(doc["memberships"]["rows"])}
    if out is not None:
        write(doc, Path(out))
    return doc


def encode(doc: dict[str, Any]) -> bytes:
    """Deterministic gzip'd JSON bytes."""
    raw = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return gzip.compress(raw, compresslevel=9, mtime=0)


def write(doc: dict[str, Any], out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    target = out / DATA_FILE
    target.write_bytes(encode(doc))
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsgraph.kb.build", description=__doc__.splitlines()[0])
    parser.add_argument("--sources", required=True, help="folder with the KB sources (shared/data/kb)")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent / "data"),
                        help="output folder (default: the package's kb/data)")
    args = parser.parse_args(argv)
    try:
        doc = build(args.sources, args.out)
    except errors.NewsgraphError as exc:
        print(f"error[{exc.code}]: {exc.one_line()}", file=sys.stderr)
        return 1
    print(json.dumps(doc["counts"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
