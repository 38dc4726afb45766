"""Build the event coder's data files from the published codebooks and PETRARCH2's dictionary.

Run from the repository root::

    python -m newsgraph.events.build --codebooks ../shared/data/codebooks \\
        --petrarch ../shared/data/kb/petrarch2

It writes, into ``src/newsgraph/events/data/`` (or ``--out``):

``cameo.tsv``            every CAMEO code with its description, Goldstein score, PLOVER event, PLOVER
                         mode and context, and its five-way (penta) class.
``verbs_petrarch.tsv``   PETRARCH2's CAMEO.2.0.txt verb patterns in the readable pattern format of
                         ``verbs.tsv`` (see :mod:`newsgraph.events.dictionary`).
``sets_petrarch.tsv``    PETRARCH2's synonym sets (``&FOOD`` ...), one set a line.

Only derived facts are written (codes, scores, word lists), with the sources credited in
``SOURCES.md``. The hand-written ``verbs.tsv`` and ``sets.tsv`` are not touched.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KBSourceMissing

DATA = Path(__file__).resolve().parent / "data"

# CAMEO 01 (statement) and 02 (appeal) are not in CAMEO2PLOVER; their names are the CAMEO
# manual's (Schrodt 2012) short titles.
CAMEO_01_02 = {
    "01": "Make public statement",
    "010": "Make statement, not specified below",
    "011": "Decline comment",
    "012": "Make pessimistic comment",
    "013": "Make optimistic comment",
    "014": "Consider policy option",
    "015": "Acknowledge or claim responsibility",
    "016": "Deny responsibility",
    "017": "Engage in symbolic act",
    "018": "Make empathetic comment",
    "019": "Express accord",
    "02": "Appeal",
    "020": "Make an appeal or request, not specified below",
    "021": "Appeal for material cooperation",
    "0211": "Appeal for economic cooperation",
    "0212": "Appeal for military cooperation",
    "0213": "Appeal for judicial cooperation",
    "0214": "Appeal for intelligence",
    "022": "Appeal for diplomatic cooperation (such as policy support)",
    "023": "Appeal for aid",
    "0231": "Appeal for economic aid",
    "0232": "Appeal for military aid",
    "0233": "Appeal for humanitarian aid",
    "0234": "Appeal for military protection or peacekeeping",
    "024": "Appeal for political reform",
    "0241": "Appeal for change in leadership",
    "0242": "Appeal for policy change",
    "0243": "Appeal for rights",
    "0244": "Appeal for change in institutions, regime",
    "025": "Appeal to yield",
    "0251": "Appeal for easing of administrative sanctions",
    "0252": "Appeal for easing of popular dissent",
    "0253": "Appeal for release of persons or property",
    "0254": "Appeal for easing of economic sanctions, boycott, or embargo",
    "0255": "Appeal for target to allow international involvement (non-mediation)",
    "0256": "Appeal for de-escalation of military engagement",
    "026": "Appeal to others to meet or negotiate",
    "027": "Appeal to others to settle dispute",
    "028": "Appeal to others to engage in or accept mediation",
}

# Where we depart from CAMEO2PLOVER-2021, and why (each is a documented PLOVER reading):
PLOVER_OVERRIDES = {
    # Economic sanctions/embargo: CAMEO2PLOVER-2021 files them under COERCE/restrict, but the PLOVER
    # gold-standard records and the event's own name code imposed sanctions as SANCTION.
    "163": ("SANCTION", "restrict"),
    # Destroying property in a conflict is COERCE/destroy in the PLOVER gold records.
    "1712": ("COERCE", "destroy"),
    # Acceding to demands for a change in leadership is stepping down: the PLOVER codebook files
    # resignations under RETREAT/resign ("immediate material consequences"), not CONCEDE.
    "0831": ("RETREAT", "resign"),
    # A court's finding of guilt: the PLOVER codebook files convictions and court-ordered sentences
    # under SANCTION/convict and says ACCUSE "does not include convictions".
    "116": ("SANCTION", "convict"),
}

# five-way class used by Phoenix/PETRARCH ("penta class") and the ConfliBERT CAMEO set
PENTA = {"01": 0, "02": 0, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3, "10": 3,
         "11": 3, "12": 3, "13": 3, "16": 3, "14": 4, "15": 4, "17": 4, "18": 4, "19": 4, "20": 4}

_C2P_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)?\s*,?\s*([^,#]*?)\s*(?:,\s*([^#]*?))?\s*(?:#\s*(.*))?$")


@dataclass
class CameoRow:
    code: str
    description: str = ""
    goldstein: float | None = None
    plover: str = ""
    mode: str = ""
    context: str = ""

    def line(self) -> str:
        g = "" if self.goldstein is None else f"{self.goldstein:g}"
        penta = PENTA.get(self.code[:2], "")
        return "\t".join([self.code, self.description, g, self.plover, self.mode, self.context, str(penta)])


def _need(path: Path) -> Path:
    if not path.exists():
        raise KBSourceMissing(f"source file {path} is missing",
                              hint="pass --codebooks/--petrarch pointing at ../shared/data/...")
    return path


def read_goldstein(path: Path) -> dict[str, float]:
    """CAMEO code -> Goldstein score (GDELT's CAMEO.goldsteinscale table)."""
    out: dict[str, float] = {}
    for line in _need(path).read_text("utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].strip():
            out[parts[0].strip()] = float(parts[1])
    return out


def read_cameo2plover(path: Path) -> dict[str, CameoRow]:
    """CAMEO code -> PLOVER event, mode, context and the CAMEO description (CAMEO2PLOVER-2021)."""
    rows: dict[str, CameoRow] = {}
    for raw in _need(path).read_text("utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or line.startswith("~"):
            continue
        m = _C2P_LINE.match(line)
        if not m or len(m.group(1)) == 2:
            continue
        code, plover, mode, context, desc = m.groups()
        desc = (desc or "").split("  ")[0].strip()
        context = re.sub(r"\s+", "", (context or "")).replace(";", "+")
        rows.setdefault(code, CameoRow(code, desc, None, plover or "", (mode or "").strip(), context))
    return rows


def build_cameo(codebooks: Path) -> list[CameoRow]:
    """Join CAMEO2PLOVER with the Goldstein scale; add CAMEO 01/02 and the root codes."""
    gold = read_goldstein(codebooks / "CAMEO.goldsteinscale.tsv")
    rows = read_cameo2plover(codebooks / "CAMEO2PLOVER-2021.txt")
    for code, desc in CAMEO_01_02.items():
        rows.setdefault(code, CameoRow(code, desc))
    # 02x appeals have no PLOVER event; PLOVER's REQUEST covers them (the seed gold says so), with the
    # mode/context of the matching CAMEO 10x demand code.
    for code, row in rows.items():
        if code.startswith("02") and len(code) >= 3:
            twin = rows.get("10" + code[2:]) or rows.get("10" + code[2:3])
            row.plover = "REQUEST"
            if twin is not None:
                row.mode, row.context = twin.mode, twin.context
    for code, (plover, mode) in PLOVER_OVERRIDES.items():
        if code in rows:
            rows[code].plover, rows[code].mode = plover, mode
    # root codes (two digits) take the PLOVER event of their x0 code
    for code in list(gold):
        if len(code) == 2 and code not in rows:
            base = rows.get(code + "0")
            rows[code] = CameoRow(code, base.description if base else "", None,
                                  base.plover if base else "", "", "")
    for code in gold:
        if code not in rows:  # a Goldstein code without a description: inherit from its parent
            parent = rows.get(code[:3]) or rows.get(code[:2])
            rows[code] = CameoRow(code, parent.description if parent else "", None,
                                  parent.plover if parent else "", parent.mode if parent else "",
                                  parent.context if parent else "")
    for code, row in rows.items():
        row.goldstein = gold.get(code, gold.get(code[:3], gold.get(code[:2])))
    return [rows[c] for c in sorted(rows, key=lambda c: (c[:2], c))]


# ---- PETRARCH2 verb dictionary -------------------------------------------------------------------

_PARTICLES = {"up", "down", "off", "out", "in", "on", "back", "away", "over", "through", "aside", "forward",
              "apart", "together", "around", "ahead"}
_PREPS = {"with", "to", "for", "against", "from", "into", "onto", "at", "by", "about", "of", "toward",
          "towards", "upon", "under", "between", "among", "across", "behind", "within", "without"}
_DROP = {"$", "+", "^", "%", "*"}
_SKIP_PRE = {"not", "will", "would", "never", "no"}


@dataclass
class PVerb:
    lemma: str
    particle: str = ""
    object: str = ""
    prep: str = ""
    code: str = ""
    forms: list[str] = field(default_factory=list)


@dataclass
class PPattern:
    pre: list[str]
    post: list[str]
    prep: str
    pobj: list[str]
    code: str
    comment: str


def _word(w: str) -> str:
    """PETRARCH word -> our word: lower case; prefix match (``*``) unless marked exact or short."""
    if " " in w.strip():
        return " ".join(_word(x) for x in w.split())
    if w.startswith("&"):
        return w.lower().rstrip("_")
    exact = w.endswith("_")
    w = w.rstrip("_").lower()
    if not w or exact or len(w) <= 4:
        return w
    return w + "*"


def _code(text: str) -> str:
    """``[042:043]`` -> ``042``; ``[:054]`` -> ``:054`` (roles swapped); ``[---]`` -> ``---``."""
    inner = text.strip("[] ").strip()
    if inner.startswith("---") or not inner:
        return "---"
    if inner.startswith(":"):
        digits = re.sub(r"\D", "", inner[1:])
        return ":" + digits if digits else "---"
    return re.sub(r"\D", "", inner.split(":")[0]) or "---"


def _tokens(text: str) -> list[str]:
    """Split a pattern: braces join words into one phrase, parentheses stay as '(' ')' tokens."""
    text = text.replace("(", " ( ").replace(")", " ) ")
    out: list[str] = []
    phrase: list[str] | None = None
    for tok in text.split():
        if tok.startswith("{"):
            phrase = [tok[1:]] if tok[1:] else []
            if tok.endswith("}"):
                out.append(" ".join(w.rstrip("}") for w in phrase if w.rstrip("}")))
                phrase = None
            continue
        if phrase is not None:
            if tok.endswith("}"):
                if tok[:-1]:
                    phrase.append(tok[:-1])
                out.append(" ".join(phrase))
                phrase = None
            else:
                phrase.append(tok)
            continue
        out.append(tok)
    return out


def parse_pattern(line: str) -> PPattern | None:
    """One ``- pre * post (PREP words) [code] # comment`` line."""
    body, _, comment = line[1:].partition("#")
    m = re.search(r"\[[^\]]*\]", body)
    if not m or "*" not in body:
        return None
    code = _code(m.group(0))
    words = _tokens(body[: m.start()])
    star = words.index("*") if "*" in words else -1
    if star < 0:
        return None
    pre = [w for w in words[:star] if w not in _DROP]
    post: list[str] = []
    prep, pobj = "", []
    depth, group = 0, 0
    for w in words[star + 1:]:
        if w == "(":
            depth, group = depth + 1, group + 1
            continue
        if w == ")":
            depth -= 1
            continue
        if w in _DROP:
            continue
        if depth and group == 1:
            if not prep:
                prep = w.lower()
            else:
                pobj.append(w)
        elif not depth:
            post.append(w)
    return PPattern(pre, post, prep, pobj, code, comment.strip())


def _verb_line(line: str, block_code: str) -> PVerb | None:
    body = line.split("#")[0]
    forms = re.findall(r"\{([^}]*)\}", body)
    body = re.sub(r"\{[^}]*\}", " ", body)
    m = re.search(r"\[[^\]]*\]", body)
    code = _code(m.group(0)) if m else block_code
    word = body[: m.start()] if m else body
    word = word.strip()
    if not word or " " in word:
        return None
    multi = word.startswith("+")
    parts = word.lstrip("+").lower().split("_")
    parts = [p for p in parts if p]
    if not parts or not re.fullmatch(r"[a-z'-]+", parts[0]):
        return None
    verb = PVerb(parts[0], code=code, forms=[f.lower() for f in " ".join(forms).split()])
    if multi and len(parts) > 1:
        rest = parts[1:]
        if rest[0] in _PARTICLES:
            verb.particle = rest.pop(0)
        if rest and rest[0] in _PREPS:
            verb.prep = rest.pop(0)
        verb.object = " ".join(_word(w) for w in rest)
    elif len(parts) > 1:
        return None  # a block name such as MEET_PEOPLE, not a verb
    return verb


def _comment_verbs(comment: str) -> list[str]:
    head = re.split(r"[ ,;]+", comment.strip())
    return [h.lower().split("_")[0] for h in head if re.fullmatch(r"[A-Z][A-Z_'-]+", h)][:2]


def _stem_matches(form: str, verb: PVerb) -> bool:
    if form == verb.lemma or form in verb.forms:
        return True
    for suf in ("ed", "d", "ing", "es", "s"):
        if form.endswith(suf) and form[: -len(suf)] in {verb.lemma, verb.lemma.rstrip("e")}:
            return True
    return False


def read_petrarch_verbs(path: Path) -> Iterator[tuple[str, ...]]:
    """Rows ``pos, lemma, particle, object, prep, pobj, subject, cameo, roles, comment`` from CAMEO.2.0.txt."""
    text = _need(path).read_text("latin-1")
    _, _, verbs_part = text.partition("####### VERB PATTERNS #######")
    verbs_part = verbs_part.split("######## TRANSFORMATIONS")[0]
    blocks = re.split(r"^---\s+", verbs_part, flags=re.M)[1:]
    for block in blocks:
        header, _, body = block.partition("\n")
        hm = re.match(r"(\S+)\s+(\[[^\]]*\])", header)
        if not hm:
            continue
        name, block_code = hm.group(1), _code(hm.group(2))
        verbs: list[PVerb] = []
        patterns: list[PPattern] = []
        for raw in body.splitlines():
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("-"):
                p = parse_pattern(line)
                if p is not None:
                    patterns.append(p)
            else:
                v = _verb_line(line, block_code)
                if v is not None:
                    verbs.append(v)
        seen: set[tuple[str, ...]] = set()
        for v in verbs:
            key = (v.lemma, v.particle, v.object, v.prep)
            if key in seen:
                continue
            seen.add(key)
            code, roles = (v.code[1:], "swap") if v.code.startswith(":") else (v.code, "")
            yield ("v", v.lemma, v.particle, v.object, v.prep, "", "", code, roles, f"PETRARCH2 block {name}")
        for row in _pattern_rows(name, verbs, patterns):
            if row[:9] not in seen:
                seen.add(row[:9])
                yield row


def _pattern_rows(name: str, verbs: list[PVerb], patterns: list[PPattern]) -> Iterator[tuple[str, ...]]:
    """A block's patterns, each attached to the verb its comment names (else to every verb)."""
    for p in patterns:
            if any(w.lower() in _SKIP_PRE for w in p.pre):
                continue
            named = _comment_verbs(p.comment)
            targets = [v for v in verbs if any(_stem_matches(n, v) for n in named)]
            if not targets:
                targets = [PVerb(named[0])] if named and named[0].isalpha() else verbs
            code, roles = p.code, ""
            if code.startswith(":"):
                code, roles = code[1:], "swap"
            for v in targets:
                obj_words = ([v.object] if v.object else []) + [_word(w) for w in p.post]
                particle, prep = v.particle, p.prep or v.prep
                pobj = " ".join(_word(w) for w in p.pobj)
                if obj_words and obj_words[0].rstrip("*") in _PARTICLES and not particle:
                    particle = obj_words.pop(0).rstrip("*")
                if obj_words and obj_words[0] in _PREPS and not prep:
                    prep, pobj = obj_words.pop(0), " ".join(obj_words)
                    obj_words = []
                yield ("v", v.lemma, particle, " ".join(obj_words), prep, pobj,
                       " ".join(_word(w) for w in p.pre), code, roles,
                       f"PETRARCH2 block {name}: {p.comment}".strip())


def read_petrarch_sets(path: Path) -> Iterator[tuple[str, str]]:
    """``&NAME`` synonym sets (words and phrases) from CAMEO.2.0.txt."""
    text = _need(path).read_text("latin-1")
    part = text.split("####### SYNONYM SETS #######")[1].split("####### VERB PATTERNS")[0]
    name, words = "", []
    for raw in part.splitlines():
        line = raw.split("#")[0].strip()
        if line.startswith("&"):
            if name and words:
                yield name, "|".join(words)
            name, words = line.lower().rstrip("_"), []
        elif line.startswith("+") and name:
            w = line[1:].strip()
            words.append(" ".join(_word(x) for x in w.split("_") if x) if "_" in w.rstrip("_") else _word(w))
    if name and words:
        yield name, "|".join(words)


def _write(path: Path, header: str, rows: Iterable[Iterable[str]]) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(header)
        for row in rows:
            fh.write("\t".join(row) + "\n")
            n += 1
    return n


def build(codebooks: Path, petrarch: Path, out: Path = DATA) -> dict[str, int]:
    """Write cameo.tsv, verbs_petrarch.tsv and sets_petrarch.tsv; return row counts."""
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    counts["cameo.tsv"] = _write(
        out / "cameo.tsv",
        "# CAMEO code -> description, Goldstein, PLOVER event/mode/context, penta class. Generated by\n"
        "# python -m newsgraph.events.build from CAMEO2PLOVER-2021 (CC BY-SA 4.0) and CAMEO.goldsteinscale.\n"
        "# code\tdescription\tgoldstein\tplover\tmode\tcontext\tpenta\n",
        (r.line().split("\t") for r in build_cameo(codebooks)))
    defined = {name for name, _ in read_petrarch_sets(petrarch / "CAMEO.2.0.txt")}

    def known_sets(row: tuple[str, ...]) -> bool:  # PETRARCH2 itself names a few sets it never defines
        return all(w in defined for col in row[3:7] for w in re.findall(r"&[a-z_]+", col))

    counts["verbs_petrarch.tsv"] = _write(
        out / "verbs_petrarch.tsv",
        "# Verb patterns converted from PETRARCH2 CAMEO.2.0.txt (MIT, Open Event Data Alliance) by\n"
        "# python -m newsgraph.events.build. Format: see verbs.tsv. Do not edit: extend with your own TSV.\n"
        "# pos\tlemma\tparticle\tobject\tprep\tpobj\tsubject\tcameo\troles\tcomment\n",
        (r for r in read_petrarch_verbs(petrarch / "CAMEO.2.0.txt") if known_sets(r)))
    counts["sets_petrarch.tsv"] = _write(
        out / "sets_petrarch.tsv",
        "# Synonym sets from PETRARCH2 CAMEO.2.0.txt (MIT). name<TAB>word|word|phrase ...\n",
        read_petrarch_sets(petrarch / "CAMEO.2.0.txt"))
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsgraph.events.build", description=__doc__.splitlines()[0])
    ap.add_argument("--codebooks", type=Path, required=True, help="folder with CAMEO2PLOVER-2021.txt etc.")
    ap.add_argument("--petrarch", type=Path, required=True, help="folder with PETRARCH2's CAMEO.2.0.txt")
    ap.add_argument("--out", type=Path, default=DATA, help="output folder (default: the package data)")
    args = ap.parse_args(argv)
    for name, n in build(args.codebooks, args.petrarch, args.out).items():
        print(f"{name}: {n} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
