"""The CAMEO/PLOVER codebook: what a CAMEO code means, weighs and maps to.

Loaded from ``data/cameo.tsv`` (built by :mod:`newsgraph.events.build` from CAMEO2PLOVER-2021 and
the Goldstein scale). Besides lookups it holds the *derivations* CAMEO itself prescribes, which
the coder uses to reach the most specific code the text supports:

- an announced cooperative act is an intent (CAMEO 03): "will send aid" 070 -> 033;
- an announced conflictual act is a threat (CAMEO 13): "will impose sanctions" 163 -> 1312;
- a refused cooperative act is a rejection (CAMEO 12): "will not help" 070 -> 122;
- a demanded / appealed-for act is a demand (CAMEO 10) / appeal (CAMEO 02): "urged ... release" -> 0253.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

QUAD_OF_PLOVER = {
    "AGREE": "verbal cooperation", "CONSULT": "verbal cooperation", "SUPPORT": "verbal cooperation",
    "CONCEDE": "verbal cooperation",
    "COOPERATE": "material cooperation", "AID": "material cooperation", "RETREAT": "material cooperation",
    "REQUEST": "verbal conflict", "ACCUSE": "verbal conflict", "REJECT": "verbal conflict",
    "THREATEN": "verbal conflict",
    "PROTEST": "material conflict", "SANCTION": "material conflict", "MOBILIZE": "material conflict",
    "COERCE": "material conflict", "ASSAULT": "material conflict",
}
PLOVER_EVENTS = tuple(QUAD_OF_PLOVER)
PENTA_NAMES = ("statement", "verbal cooperation", "material cooperation", "verbal conflict",
               "material conflict")

COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
MATERIAL_COOP_ROOTS = frozenset({"04", "06", "07", "08"})
MATERIAL_CONFLICT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
VERBAL_CONFLICT_ROOTS = frozenset({"09", "10", "11", "12", "13"})
VIOLENT_ROOTS = frozenset({"18", "19", "20"})


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    description: str
    goldstein: float | None
    plover: str | None
    mode: str | None
    context: str | None
    penta: int

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad(self) -> str | None:
        return QUAD_OF_PLOVER.get(self.plover) if self.plover else None


class Codebook:
    """CAMEO code -> :class:`CameoCode`, with fallbacks to the parent code."""

    def __init__(self, rows: dict[str, CameoCode]):
        self._rows = rows

    def __contains__(self, code: str) -> bool:
        return code in self._rows

    def __len__(self) -> int:
        return len(self._rows)

    def rows(self) -> list[CameoCode]:
        """Every listed code's entry, in code order."""
        return [self._rows[k] for k in sorted(self._rows)]

    def get(self, code: str | None) -> CameoCode | None:
        """The entry for ``code``, or for its nearest listed parent (``0871`` -> ``087``)."""
        while code:
            row = self._rows.get(code)
            if row is not None:
                return row
            code = code[:-1] if len(code) > 2 else None
        return None

    def valid(self, code: str) -> str:
        """``code`` if listed, else its nearest listed parent (or the root)."""
        row = self.get(code)
        return row.code if row else code[:3]


# mode spellings of the sources -> the PLOVER codebook's (None: no particular mode)
MODE_NAMES = {"primative": "primitive", "sieze": "seize", "strike-hun": "hunger", "strike-gen": "strike",
              "demo-org": "demo", "demo-spon": "demo", "riot-spon": "riot", "host": "visit", "detain": "arrest",
              "confiscate": "seize", "other": None, "pro_autocracy": "pro-autocracy"}


def canonical_mode(mode: str | None) -> str | None:
    """A source's mode name in the PLOVER codebook's spelling (lower case, hyphens)."""
    if not mode or not mode.strip():
        return None
    m = mode.strip().lower().replace("_", "-")
    return MODE_NAMES.get(m, m)


@cache
def load_codebook() -> Codebook:
    """The packaged codebook (data/cameo.tsv), parsed once per process."""
    text = resources.files("newsgraph.events").joinpath("data/cameo.tsv").read_text("utf-8")
    rows: dict[str, CameoCode] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        code, desc, gold, plover, mode, context, penta = (line.split("\t") + [""] * 7)[:7]
        rows[code] = CameoCode(code, desc, float(gold) if gold else None, plover or None, mode or None,
                               context or None, int(penta) if penta else 0)
    return Codebook(rows)


def side_of(plover: str | None) -> str:
    """Which side of the PLOVER scale an event type is on: ``cooperation`` (its quad class is verbal or
    material cooperation), ``request`` (asking is neither; CAMEO's appeals are statements), else
    ``conflict``."""
    if plover == "REQUEST":
        return "request"
    return "cooperation" if "cooperation" in QUAD_OF_PLOVER.get(plover or "", "") else "conflict"


def penta_class(code: str | None) -> int:
    """Five-way class of a CAMEO code: 0 statement/appeal, 1 verbal coop, 2 material coop, 3 verbal
    conflict (09-13 and 16 reduce relations), 4 material conflict (14, 15, 17-20); None -> 0."""
    if not code:
        return 0
    row = load_codebook().get(code)
    return row.penta if row else 0


# ---- derivations ---------------------------------------------------------------------------------

def _swap_prefix(code: str, table: dict[str, str], default: str) -> str:
    """The table entry for the longest prefix of ``code`` (tables list the specific codes)."""
    for n in (4, 3, 2):
        head = code[:n]
        if len(head) == n and head in table:
            return load_codebook().valid(table[head])
    return default


# cooperative act -> express intent to do it (CAMEO 03)
_INTENT = {"04": "036", "05": "032", "060": "031", "061": "0311", "062": "0312", "063": "0313",
           "064": "0314", "06": "031", "070": "033", "071": "0331", "072": "0332", "073": "0333",
           "074": "0334", "075": "033", "07": "033", "080": "035", "081": "0351", "082": "0352",
           "083": "034", "084": "0353", "085": "0354", "086": "0355", "087": "0356", "08": "035"}
# conflictual act -> threaten to do it (CAMEO 13)
_THREAT = {"14": "133", "160": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134",
           "165": "135", "166": "136", "16": "131", "170": "131", "171": "131", "1721": "1321",
           "1722": "1322", "1723": "1323", "1724": "1324", "172": "132", "173": "132", "174": "132",
           "175": "137", "17": "131", "18": "1383", "191": "1381", "192": "1382", "19": "1384",
           "20": "1385", "15": "138"}
# cooperative act (or intent) -> refuse it (CAMEO 12)
_REJECT = {"031": "121", "0311": "1211", "0312": "1212", "0313": "1213", "0314": "1214", "032": "120",
           "033": "122", "0331": "1221", "0332": "1222", "0333": "1223", "0334": "1224", "034": "123",
           "035": "124", "0353": "1243", "0354": "1244", "0355": "1245", "0356": "1246", "036": "125",
           "037": "127", "038": "126", "039": "126", "03": "120", "04": "125", "05": "120",
           "06": "121", "07": "122", "08": "124", "084": "1243", "085": "1244", "086": "1245",
           "087": "1246"}
# act asked for -> demand it (CAMEO 10); appeals (02) mirror the 10 codes digit for digit
_REQUEST = {"03": "100", "04": "106", "045": "108", "046": "106", "05": "102", "06": "101", "061": "1011",
            "062": "1012", "063": "1013", "064": "1014", "07": "103", "071": "1031", "072": "1032",
            "073": "1033", "074": "1034", "08": "105", "081": "1051", "082": "1052", "083": "104",
            "084": "1053", "085": "1054", "086": "1055", "087": "1056", "0871": "1056"}


def root(code: str) -> str:
    return code[:2]


def intent_code(code: str) -> str:
    """A cooperative act announced for the future -> its CAMEO 03 intent code."""
    if root(code) == "03":
        return code
    return _swap_prefix(code, _INTENT, "030")


def threat_code(code: str) -> str:
    """A conflictual act announced for the future (or vowed) -> its CAMEO 13 threat code."""
    if root(code) == "13":
        return code
    return _swap_prefix(code, _THREAT, "130")


def reject_code(code: str) -> str:
    """A cooperative act (or intent) refused -> its CAMEO 12 rejection code."""
    if root(code) == "12":
        return code
    return _swap_prefix(code, _REJECT, "120")


def request_code(code: str, *, appeal: bool = False) -> str:
    """The act asked for -> the demand (10x) or, for an appeal, the 02x code that mirrors it."""
    demand = code if root(code) == "10" else _swap_prefix(code, _REQUEST, "100")
    if appeal:
        return load_codebook().valid("02" + demand[2:])
    return demand


__all__ = ["MODE_NAMES", "PENTA_NAMES", "PLOVER_EVENTS", "QUAD_OF_PLOVER", "CameoCode", "Codebook", "canonical_mode",
           "intent_code", "load_codebook", "penta_class", "reject_code", "request_code", "threat_code"]
