"""People and dated office holdings, merged across sources into one person per real person.

Sources, in the order they are read (earlier ones give the display name):

1. curated ``people.tsv`` / ``holdings.tsv`` (ministers, IGO office holders, name variants);
2. Factbook executive history 2015-2026: heads of state and government with "(since ...)" dates;
3. PETRARCH2 ``Phoenix.Countries.actors``: officials with CAMEO codes over date ranges;
4. Archigos 4.1 (1875-2015) and REIGN (1945-2021): effective leaders ("leader" holdings).

A person from a later source joins an earlier one when country and a loose surname key
(:func:`names.skeleton`) agree and either the first given names agree or the dates lie within a
year of each other. Archigos/REIGN spells also fill gaps in head-of-state / head-of-government
timelines (the Factbook snapshots paused 2017-03..2020-11), in the office that the same leader
or the country's other leaders are known to hold; such holdings carry ``inferred`` in their source.
"""

from __future__ import annotations

import re
import urllib.parse
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from newsgraph.kb.names import (
    HONORIFICS,
    ROMAN,
    SUFFIXES,
    TITLE_WORDS,
    ParsedHolder,
    edits,
    parse_executive,
    parse_vice_presidents,
    same_word,
    skeleton,
    surname_of,
    titlecase_token,
    titlecase_tokens,
)
from newsgraph.kb.sources import Sources, clean_html
from newsgraph.kb.text import ascii_fold, fold, slug

FACTBOOK_FIRST = "2015-10-26"  # first snapshot of the Factbook history
PAUSE_START, PAUSE_END = "2017-03-28", "2020-11-24"  # no Factbook snapshots in between
ARCHIGOS_CENSOR = "2015-12-31"
REIGN_CENSOR = "2021-03-31"
INFER_FROM = "2012-01-01"  # leader spells ending before this are kept as "leader" only
PETRARCH_OPEN_END = "2015-01-01"  # open-ended PETRARCH ranges are capped here (dictionary of 2014)
NAME_PRIORITY = {"curated": 5, "factbook": 4, "petrarch2": 3, "dbpedia": 2, "reign": 1, "archigos": 1}
PETRARCH_SECTORS = {"GOV": ("government", "Government official"), "MIL": ("military", "Military officer")}
# COW/GW state codes that country_converter's GW column does not cover the way REIGN/Archigos use them.
COW_FIX = {255: "DEU", 260: "DEU", 265: "DDR", 315: "CSK", 316: "CZE", 317: "SVK", 340: "SRB", 345: "SRB",
           347: "XKX", 365: "RUS", 678: "YEM", 679: "YEM", 680: "YMD", 816: "VNM", 817: "RVN", 713: "TWN",
           341: "MNE", 343: "MKD", 344: "HRV", 346: "BIH", 349: "SVN", 860: "TLS", 626: "SSD", 525: "SSD",
           529: "ETH", 530: "ETH", 531: "ERI", 730: "KOR", 731: "PRK", 732: "KOR", 710: "CHN", 750: "IND",
           770: "PAK", 771: "BGD", 775: "MMR"}


@dataclass
class Person:
    """A person being assembled from several sources."""

    key: int
    country: str | None
    names: dict[str, int] = field(default_factory=dict)
    full_names: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    skeletons: set[str] = field(default_factory=set)
    givens: set[str] = field(default_factory=set)
    spans: list[tuple[str, str | None]] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    fixed_id: str | None = None
    old_ids: set[str] = field(default_factory=set)  # ids of records merged into this one
    absorbed: bool = False  # merged into another record (which holds its names and holdings)
    note: str = ""
    default_code: str | None = None
    genders: set[str] = field(default_factory=set)  # "m"/"f" as each leader list records it

    @property
    def gender(self) -> str | None:
        """The sex the leader lists record, when they agree; None when they disagree or say nothing."""
        return next(iter(self.genders)) if len(self.genders) == 1 else None

    def display(self) -> str:
        return max(self.names.items(), key=lambda kv: (kv[1], -len(kv[0]) if kv[1] < 4 else 0))[0]


def _days(a: str, b: str) -> int:
    return (date.fromisoformat(b) - date.fromisoformat(a)).days


def _span_distance(a: tuple[str, str | None], b: tuple[str, str | None]) -> int:
    """Days between two intervals (0 when they overlap); open ends run to today."""
    today = date.today().isoformat()
    a0, a1 = a[0], a[1] or today
    b0, b1 = b[0], b[1] or today
    if a1 < b0:
        return _days(a1, b0)
    if b1 < a0:
        return _days(b1, a0)
    return 0


class Registry:
    """All persons, with the indexes used to merge a new record into an existing person."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.by_skel: dict[tuple[str | None, str], list[Person]] = defaultdict(list)
        self.by_full: dict[tuple[str | None, str], list[Person]] = defaultdict(list)
        self.by_country: dict[str | None, list[Person]] = defaultdict(list)
        self.by_full_any: dict[str, dict[tuple[str | None, str], list[Person]]] = defaultdict(dict)
        # people a source names side by side (a president and the vice president in one text) are
        # different people whatever their names: never merged
        self.distinct: dict[int, set[int]] = defaultdict(set)

    def new(self, country: str | None) -> Person:
        p = Person(key=len(self.people), country=country)
        self.people.append(p)
        self.by_country[country].append(p)
        return p

    def add_name(self, p: Person, display: str, source: str, *, full: str | None = None,
                 surname: str | None = None, given: str | None = None, priority: int | None = None) -> None:
        """Record one name form of ``p`` and index it (``priority`` overrides the source's rank as a
        display name)."""
        display = re.sub(r"\s+", " ", display).strip()
        if not display:
            return
        pri = NAME_PRIORITY.get(source, 0) if priority is None else priority
        if pri > p.names.get(display, -1):
            p.names[display] = pri
        for form in sorted({display, full} - {None}):  # type: ignore[type-var]
            p.aliases.add(form)  # type: ignore[arg-type]
            key = (p.country, fold(form))  # type: ignore[arg-type]
            if p not in self.by_full[key]:
                self.by_full[key].append(p)
                self.by_full_any[fold(form)].setdefault(key, []).append(p)  # type: ignore[arg-type]
        if full and full != display:
            p.full_names.add(full)
        # a source's last token may be a generational suffix ("Holder Jr."): the surname is before it
        sur = surname if surname and surname.lower() not in SUFFIXES else surname_of(display)
        if sur:
            if not ROMAN.match(sur):  # a source's last token may be a regnal number ("Albert II"): no surname
                p.surnames.add(sur)
            for part in sorted({sur, sur.split()[-1], sur.split()[0]}):
                sk = skeleton(part)
                if len(sk) >= 2 and sk not in p.skeletons:
                    p.skeletons.add(sk)
                    self.by_skel[(p.country, sk)].append(p)
        g = given if given is not None else (display.split()[0] if len(display.split()) > 1 else "")
        if g and fold(g):
            p.givens.add(fold(g).split()[0])
        p.sources.add(source)

    def find_global(self, full: str, display: str, span: tuple[str, str | None]) -> Person | None:
        """The same person listed for another state: a curated person with this full name, or a
        Factbook-listed one with the same full name and overlapping dates."""
        for form in (full, display):
            key = fold(form)
            multiword = len(key.split()) >= 2
            for people in self.by_full_any.get(key, {}).values():
                for p in people:
                    if multiword and "curated" in p.sources:
                        return p
                    if "factbook" not in p.sources or not p.spans:
                        continue
                    if multiword and min(_span_distance(span, s) for s in p.spans) == 0:
                        return p
                    if not multiword and any(s[0] == span[0] for s in p.spans):
                        return p
        return None

    def add_alias(self, p: Person, alias: str) -> None:
        """A curated variant: indexed for matching (full form and surname key) but never the display."""
        p.aliases.add(alias)
        key = (p.country, fold(alias))
        if p not in self.by_full[key]:
            self.by_full[key].append(p)
            self.by_full_any[fold(alias)].setdefault(key, []).append(p)
        words = alias.split()
        if len(words) == 1:
            p.surnames.add(alias)
        sk = skeleton(words[-1])
        if len(sk) >= 2 and sk not in p.skeletons:
            p.skeletons.add(sk)
            self.by_skel[(p.country, sk)].append(p)

    def find(self, country: str | None, surname: str, given: str | None, span: tuple[str, str | None] | None,
             *, full: str | None = None, window: int = 400, fuzzy: bool = False) -> Person | None:
        """The existing person this record most likely is, or None."""
        if full:
            hits = self.by_full.get((country, fold(full)), [])
            if len(hits) == 1 and (span is None or not hits[0].spans
                                   or min(_span_distance(span, s) for s in hits[0].spans) < 365 * 12):
                return hits[0]
        cands: list[Person] = []
        for part in sorted({surname, surname.split()[-1] if surname.split() else surname}):
            for p in self.by_skel.get((country, skeleton(part)), []):
                if p not in cands:
                    cands.append(p)
        g = fold(given).split()[0] if given and fold(given) else None
        scored: list[tuple[int, int, Person]] = []
        for p in cands:
            same_given = bool(g and g in p.givens)
            initial_clash = bool(g and p.givens and not any(x[0] == g[0] for x in p.givens))
            if initial_clash:
                continue
            if span is None or not p.spans:
                dist = 0 if (same_given or span is None or "curated" in p.sources) else 10**6
            else:
                dist = min(_span_distance(span, s) for s in p.spans)
            if same_given and dist < 365 * 40:
                scored.append((0, dist, p))
            elif dist <= window:
                scored.append((1, dist, p))
        if not scored and fuzzy and g and span is not None:
            return self._fuzzy(country, surname, g, span)
        if not scored:
            return None
        scored.sort(key=lambda t: (t[0], t[1], t[2].key))
        return scored[0][2]

    def _fuzzy(self, country: str | None, surname: str, given: str, span: tuple[str, str | None]) -> Person | None:
        """Two transliterations of one name ("Kabyakow"/"Kobyakov", "Halowchenka"/"Golovchenko"):
        same country, same given initial, overlapping dates, surname keys at most two edits apart."""
        sk = skeleton(surname.split()[-1]) if surname.split() else ""
        if len(sk) < 6:
            return None
        for p in self.by_country.get(country, []):
            if "factbook" not in p.sources or not any(edits(x, given) <= 1 for x in p.givens):
                continue
            if min(_span_distance(span, s) for s in p.spans) > 0:
                continue
            if any(len(k) >= 6 and edits(k, sk) <= 2 for k in p.skeletons):
                return p
        return None


@dataclass
class Holding:
    person: Person
    office: str
    title: str
    of: str
    start: str | None
    end: str | None
    source: str
    note: str = ""
    precision: str = "day"
    confirmed_until: str | None = None  # last Factbook snapshot that still showed the holder
    derived_end: bool = False
    ref: str = ""


# ----------------------------------------------------------------------------------------------
# curated


def load_curated(src: Sources, reg: Registry) -> tuple[dict[str, Person], list[Holding]]:
    """Curated persons first, so that their ids, display names and variants win."""
    by_id: dict[str, Person] = {}
    for row in src.curated_rows("people.tsv"):
        p = reg.new(row["country"] or None)
        p.fixed_id = row["id"]
        p.note = row.get("note", "")
        reg.add_name(p, row["name"], "curated", surname=row.get("surname") or None,
                     given=row.get("given") or None)
        for alias in [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]:
            reg.add_alias(p, alias)
        by_id[row["id"]] = p
    holdings: list[Holding] = []
    for row in src.curated_rows("holdings.tsv"):
        p = by_id.get(row["person"])
        if p is None:
            raise ValueError(f"curated holdings.tsv names unknown person {row['person']!r}; add it to people.tsv")
        h = Holding(person=p, office=row["office"], title=row["title"], of=row["of"], start=row["start"] or None,
                    end=row["end"] or None, source="curated", note=row.get("note", ""), ref=row.get("ref", ""))
        holdings.append(h)
        p.spans.append((h.start or "1900-01-01", h.end))
    return by_id, holdings


# ----------------------------------------------------------------------------------------------
# Factbook


@dataclass
class Obs:
    snap_from: str
    snap_to: str | None
    person: Person | None
    title: str
    since: str | None
    precision: str | None


def _gec_map(src: Sources) -> tuple[dict[str, str], dict[str, str]]:
    gec_iso, gov_type = {}, {}
    for r in src.csv_rows("factbook/factbook_countries.csv"):
        if r["iso3"]:
            gec_iso[r["gec"]] = r["iso3"]
            gov_type[r["iso3"]] = r["government_type"]
    return gec_iso, gov_type


def load_factbook(src: Sources, reg: Registry, row_heads: dict[tuple[str, str], set[int]] | None = None
                  ) -> list[Holding]:
    """Heads of state and government from the Factbook history, as dated holdings. ``row_heads``
    is filled with the people each text names as heads (see :func:`load_vice_presidents`)."""
    gec_iso, gov_type = _gec_map(src)
    rows = src.csv_rows("factbook_history/factbook_executive_history.csv")
    obs: dict[tuple[str, str], list[Obs]] = defaultdict(list)
    for r in sorted(rows, key=lambda r: (r["gec"], r["snapshot_from"])):
        iso3 = gec_iso.get(r["gec"])
        if not iso3 or r["snapshot_from"] < FACTBOOK_FIRST[:7]:
            continue
        cos, hog = clean_html(r["chief_of_state"]), clean_html(r["head_of_government"])
        if not cos and not hog:
            continue
        hs = _factbook_obs(reg, iso3, cos, r)
        hg = _factbook_obs(reg, iso3, hog, r)
        presidential = ("both chief of state and head of government" in (cos + " " + hog).lower()
                        or ("presidential" in gov_type.get(iso3, "") and "parliamentary" not in gov_type.get(iso3, "")))
        if hs and (not hg or hg[0].person is None or hg[0].title.lower().startswith("vice")) and presidential \
                and hs[0].person is not None and hs[0].title.lower().startswith("president"):
            hg = [Obs(o.snap_from, o.snap_to, o.person, o.title, o.since, o.precision) for o in hs[:1]]
        for office, items in (("head_of_state", hs), ("head_of_government", hg)):
            if items:
                obs[(iso3, office)].append(items[0])
                for extra in items[1:]:  # joint offices: each co-holder has its own line
                    obs[(iso3, office + "#" + fold(extra.title + str(extra.person.key if extra.person else "")))].append(extra)
        if row_heads is not None:
            row_heads[(r["gec"], r["snapshot_from"])] = {o.person.key for o in hs + hg if o.person is not None}
    holdings: list[Holding] = []
    for (iso3, office), items in obs.items():
        holdings += _runs_to_holdings(iso3, office.split("#")[0], items)
    return holdings


def load_vice_presidents(src: Sources, reg: Registry, row_heads: dict[tuple[str, str], set[int]],
                         heads: list[Holding]) -> list[Holding]:
    """Vice presidents named in the Factbook executive texts, as dated holdings. Run after every
    other person source: a vice president who is already known (a later president, a minister in
    PETRARCH2) is found by name, and a new one is added last with its name ranked below every
    source's, so that no existing person's id or display name changes."""
    gec_iso, _ = _gec_map(src)
    obs: dict[tuple[str, str], list[Obs]] = defaultdict(list)
    for r in sorted(src.csv_rows("factbook_history/factbook_executive_history.csv"),
                    key=lambda r: (r["gec"], r["snapshot_from"])):
        iso3 = gec_iso.get(r["gec"])
        if not iso3 or r["snapshot_from"] < FACTBOOK_FIRST[:7]:
            continue
        text = clean_html(r["chief_of_state"]) + "; " + clean_html(r["head_of_government"])
        for title, o in _vice_obs(reg, iso3, text, r, row_heads.get((r["gec"], r["snapshot_from"]), set())).items():
            obs[(iso3, fold(title))].append(o)
    holdings: list[Holding] = []
    for (iso3, _title), items in obs.items():
        holdings += _runs_to_holdings(iso3, "vice_president", items)
    return _vice_terms(holdings, heads)


def _vice_obs(reg: Registry, iso3: str, text: str, row: dict[str, str], heads: set[int]) -> dict[str, Obs]:
    """The vice presidents a row names, one per title (the chief-of-state and head-of-government
    texts of presidential systems repeat them). A vice president is never the head named in the
    same text, however alike their names (a son named after his father)."""
    out: dict[str, Obs] = {}
    for title, h in parse_vice_presidents(text):
        if title in out:
            continue
        p = _person_for_parsed(reg, iso3, h, row["snapshot_from"], heads, priority=0) if h is not None else None
        for other in heads if p is not None else ():
            reg.distinct[p.key].add(other)  # type: ignore[union-attr]
            reg.distinct[other].add(p.key)  # type: ignore[union-attr]
        out[title] = Obs(row["snapshot_from"], row["snapshot_to"] or None, p, title, h.since if h else None,
                         h.precision if h else None)
    return out


def _vice_terms(holdings: list[Holding], heads: list[Holding]) -> list[Holding]:
    """A vice president last seen while the president of the day was still in office, with no
    successor or vacancy recorded, serves out that president's term: the Factbook stopped naming
    vice presidents in 2024, which would otherwise end every term then."""
    presidents = [h for h in heads if h.office in ("head_of_state", "head_of_government")
                  and h.title.lower().startswith("president")]
    for h in holdings:
        if h.derived_end or h.end is None:
            continue
        term = next((x for x in presidents if x.of == h.of and _overlap(x, h) and (x.start or "") <= h.end
                     and (x.end is None or x.end > h.end)), None)
        if term is not None:
            h.end = term.end
            h.note = "end not given; taken as the end of the president's term" if term.end else \
                "still listed beside the current president"
    return holdings


def _factbook_obs(reg: Registry, iso3: str, text: str, row: dict[str, str]) -> list[Obs]:
    if not text:
        return []
    snap_to = row["snapshot_to"] or None
    low = text.lower()
    parsed = parse_executive(text)
    if not parsed:
        if re.match(r"^(?:\w+\s){0,4}\(?vacant\)?", low) or low.startswith("vacant"):
            return [Obs(row["snapshot_from"], snap_to, None, "", None, None)]
        return []
    out = []
    for h in parsed:
        p = _person_for_parsed(reg, iso3, h, row["snapshot_from"])
        out.append(Obs(row["snapshot_from"], snap_to, p, h.title, h.since, h.precision))
    return out


def _person_for_parsed(reg: Registry, iso3: str, h: ParsedHolder, seen: str, others: set[int] | None = None,
                       priority: int | None = None) -> Person:
    """The person a parsed holder is: found by full name anywhere, else by name in the state, else new.
    ``others``: people the same text names in another office, who are someone else unless the full
    names agree (the UAE's vice president is also its prime minister)."""
    display, full, surname, given = h.display(iso3), h.full(), h.surname(), h.given()
    if not given:  # family name first ("XI Jinping"): the given name follows the surname
        given = " ".join(h.tokens[h.last_caps + 1:])
    start = h.since or seen
    # a sovereign listed for several states or territories (King Charles III, a US president for
    # Guam, the President of China for Hong Kong) is one person, found by full name anywhere
    p = reg.find_global(full, display, (start, None))
    others = others or set()

    def other(p: Person | None) -> bool:
        return p is not None and p.key in others and fold(full) not in {fold(n) for n in p.aliases}

    if p is None or other(p):
        p = reg.find(iso3, surname, given or None, (start, None), full=full, fuzzy=True)
    if p is None or other(p):
        p = reg.new(iso3)
    reg.add_name(p, display, "factbook", full=full, surname=surname, given=given or display.split()[0],
                 priority=priority)
    p.spans.append((start, None))
    return p


def _runs_to_holdings(iso3: str, office: str, items: list[Obs]) -> list[Holding]:
    """Consecutive snapshots with the same holder form one holding; the next holder's start ends it."""
    runs: list[list[Obs]] = []
    for o in items:
        if runs and runs[-1][0].person is o.person:
            runs[-1].append(o)
        else:
            runs.append([o])
    out: list[Holding] = []
    for i, run in enumerate(runs):
        person = run[0].person
        if person is None:
            continue
        sinces = [(o.since, o.precision) for o in run if o.since]
        if sinces:
            start, precision = min(sinces)
            note = ""
        else:
            start, precision, note = run[0].snap_from, "snapshot", "start not given; first Factbook snapshot showing this holder"
        title = next((o.title for o in reversed(run) if o.title), "")
        last = run[-1].snap_to
        if last == PAUSE_END and run[-1].snap_from <= PAUSE_START:
            last = PAUSE_START  # the text was only seen before the 2017-2020 pause
        end, derived = None, False
        if i + 1 < len(runs):
            nxt = runs[i + 1]
            if nxt[0].person is None:
                end = nxt[0].snap_from
            else:
                nxt_since = min((o.since for o in nxt if o.since), default=None)
                end = nxt_since if nxt_since and nxt_since > start else nxt[0].snap_from
            derived = True
        elif last:
            end = last
        out.append(Holding(person=person, office=office, title=title, of=iso3, start=start, end=end,
                           source="factbook", note=note, precision=precision or "day",
                           confirmed_until=last, derived_end=derived))
    return _merge_same_person(out)


def _merge_same_person(hs: list[Holding]) -> list[Holding]:
    """Union overlapping or touching holdings of one person in one office (re-elections, caretakers)."""
    groups: dict[tuple[int, str, str], list[Holding]] = defaultdict(list)
    for h in hs:
        groups[(h.person.key, h.office, h.of)].append(h)
    out: list[Holding] = []
    for items in groups.values():
        items.sort(key=lambda h: h.start or "")
        cur = items[0]
        for h in items[1:]:
            if cur.end is None or (h.start or "") <= cur.end:
                if cur.end is not None and (h.end is None or h.end > cur.end):
                    cur.end, cur.derived_end, cur.confirmed_until = h.end, h.derived_end, h.confirmed_until
                cur.title = h.title or cur.title
            else:
                out.append(cur)
                cur = h
        out.append(cur)
    return out


# ----------------------------------------------------------------------------------------------
# PETRARCH2


_CODE = re.compile(r"\[([A-Z0-9~\-]+)(?:\s+([<>]?)(\d{6,8})(?:-(\d{6,8}))?)?\s*\]")


def _yymmdd(text: str) -> str | None:
    """PETRARCH dates: yymmdd (yy <= 25 -> 20yy) or yyyymmdd; invalid days are clamped."""
    if len(text) == 8:
        y, m, d = int(text[:4]), int(text[4:6]), int(text[6:])
    else:
        yy = int(text[:2])
        y, m, d = (2000 + yy if yy <= 25 else 1900 + yy), int(text[2:4]), int(text[4:])
    m = min(max(m, 1), 12)
    for dd in (max(d, 1), 28):
        try:
            return date(y, m, dd).isoformat()
        except ValueError:
            continue
    return None


def _petrarch_name(raw: str) -> str:
    tokens = [t for t in raw.strip().strip("_").replace("_", " ").split() if t]
    return titlecase_tokens(tokens)


def parse_petrarch(src: Sources) -> list[dict[str, Any]]:
    """Person entries (marked "# CountryInfo.txt") with their synonyms and code brackets."""
    entries: list[dict[str, Any]] = []
    cur: dict[str, Any] | None = None
    for line in src.lines("petrarch2/Phoenix.Countries.actors.txt", encoding="latin-1"):
        if not line.strip() or line.startswith("#"):
            continue
        body, _, comment = line.partition("#")
        if line[0] not in " \t+":
            name = re.split(r"\s*\[", body)[0].strip()
            cur = {"name": name, "syn": [], "codes": [], "person": "countryinfo" in comment.lower()}
            entries.append(cur)
        elif line.startswith("+") and cur is not None:
            cur["syn"].append(re.split(r"\s*\[", body[1:])[0].strip())
        if cur is not None:
            for m in _CODE.finditer(body):
                code, op, d1, d2 = m[1], m[2], m[3], m[4]
                start = end = None
                if d1 and op == ">":
                    start = _yymmdd(d1)
                elif d1 and op == "<":
                    end = _yymmdd(d1)
                elif d1:
                    start, end = _yymmdd(d1), _yymmdd(d2) if d2 else None
                cur["codes"].append((code, start, end, bool(d1)))
    return [e for e in entries if e["person"] and e["codes"]]


def load_petrarch(src: Sources, reg: Registry, countries: set[str]) -> tuple[list[Holding], list[tuple[Person, str, str | None, str | None]]]:
    holdings: list[Holding] = []
    codes: list[tuple[Person, str, str | None, str | None]] = []
    for e in parse_petrarch(src):
        prefixes = [c[0][:3] for c in e["codes"] if len(c[0]) >= 3]
        latest = {c[0][:3]: max(c[1] or "", c[2] or "") for c in e["codes"] if len(c[0]) >= 3}
        # most codes wins; on a tie, the country of the most recent code (SDN -> SSD in 2011)
        country = max(sorted(set(prefixes)), key=lambda x: (prefixes.count(x), latest.get(x, ""))) if prefixes else None
        if country not in countries:
            country = None
        name = _petrarch_name(e["name"])
        if len(name.split()) < 2:
            continue
        dated = [(c, s, en) for c, s, en, d in e["codes"] if d]
        spans = [(s or "1900-01-01", en) for c, s, en in dated if c[3:6] in PETRARCH_SECTORS] or \
                [(s or "1900-01-01", en) for c, s, en in dated]
        span = (min(s for s, _ in spans), None if any(en is None for _, en in spans) else max(en for _, en in spans)) if spans else None  # type: ignore[type-var]
        tokens = name.split()
        p = reg.find(country, tokens[-1], tokens[0], span, full=name)
        if p is None:
            p = reg.new(country)
        reg.add_name(p, name, "petrarch2", surname=tokens[-1], given=tokens[0])
        for syn in e["syn"]:
            syn_name = _petrarch_name(syn)
            words = [w.lower().strip(".") for w in re.split(r"[\s\-]+", syn_name)]
            if len(words) >= 2 and not any(w in TITLE_WORDS or w in HONORIFICS for w in words) and \
                    fold(syn_name).split()[-1] == fold(tokens[-1]).split()[-1]:
                p.aliases.add(syn_name)
        for c, s, en in dated:
            if en is None and (s or "") < PETRARCH_OPEN_END:
                en = PETRARCH_OPEN_END  # "still in office" as of the 2014 dictionary, not forever
            codes.append((p, c, s, en))
            sector = c[3:6]
            if sector in PETRARCH_SECTORS and c[:3] in countries:
                office, title = PETRARCH_SECTORS[sector]
                holdings.append(Holding(person=p, office=office, title=title, of=c[:3], start=s, end=en,
                                        source="petrarch2", note=f"CAMEO {c}"))
        undated = [c for c, s, en, d in e["codes"] if not d]
        if undated and not p.default_code:
            p.default_code = undated[-1]
        if span:
            p.spans.append(span)
    return holdings, codes


# ----------------------------------------------------------------------------------------------
# Archigos and REIGN


def _gw_to_iso(src: Sources) -> dict[int, str]:
    out: dict[int, str] = {}
    for r in src.csv_rows("country_codes/country_converter_country_data.tsv", delimiter="\t"):
        if r.get("GWcode"):
            try:
                out[int(float(r["GWcode"]))] = r["ISO3"]
            except ValueError:
                continue
    out.update({int(k): v for k, v in COW_FIX.items()})
    return out


def _dbpedia_name(uri: str) -> str | None:
    m = re.search(r"resource[_/](.+?)(?:&d=|$)", uri or "")
    if not m:
        return None
    raw = m[1].replace("-5F", "_").replace("-2D", "-").replace("-25", "%").replace("-2E", ".")
    name = urllib.parse.unquote(raw).replace("_", " ")
    name = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
    return name if 1 < len(name.split()) <= 5 and not re.search(r"[%=&]", name) else None


def load_leaders(src: Sources, reg: Registry) -> list[Holding]:
    """Archigos and REIGN spells as "leader" holdings (effective ruler), merged per person."""
    gw = _gw_to_iso(src)
    out: list[Holding] = []
    for r in src.csv_rows("archigos/archigos_4_1_leaders.csv"):
        iso3 = gw.get(int(r["ccode"])) if r["ccode"].isdigit() else None
        if not iso3 or not r["startdate"]:
            continue
        start = r["startdate"]
        censored = r["exit"].strip().lower() == "still in office"
        end = None if censored else (r["enddate"] or None)
        full = _dbpedia_name(r["dbpediauri"])
        name = full or r["leader"].strip()
        out.append(_leader(reg, iso3, name, r["leader"].strip(), start, end, "archigos",
                           "censored: Archigos ends 2015-12-31" if censored else "",
                           gender={"M": "m", "F": "f"}.get(r["gender"].strip())))
    rows = src.csv_rows("reign/leaderlist_3_21.csv", encoding="latin-1")
    by_state: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        by_state[r["ccode"]].append(r)
    for ccode, items in by_state.items():
        items.sort(key=lambda r: (int(r["syear"]), int(r["smonth"]), int(r["sdate"] or 1)))
        for i, r in enumerate(items):
            iso3 = gw.get(int(ccode)) if ccode.isdigit() else None
            if not iso3:
                continue
            try:
                start = date(int(r["syear"]), int(r["smonth"]), int(r["sdate"] or 1)).isoformat()
            except ValueError:
                continue
            end = None
            if r["eyear"].strip():
                ey, em = int(float(r["eyear"])), int(float(r["emonth"] or 12))
                nxt = items[i + 1] if i + 1 < len(items) else None
                end = date(ey, em, 1).isoformat()
                if nxt and int(nxt["syear"]) == ey and int(nxt["smonth"]) == em:
                    end = date(ey, em, int(nxt["sdate"] or 1)).isoformat()
            name = r["leader"].strip()
            out.append(_leader(reg, iso3, name, name.split()[-1] if name else name, start, end, "reign",
                               "" if end else "censored: REIGN ends March 2021",
                               gender={"1": "m", "0": "f"}.get(r["gender"].strip())))  # the codebook's 1 = male
    return _merge_same_person(out)


def _leader(reg: Registry, iso3: str, name: str, surname: str, start: str, end: str | None, source: str,
            note: str, gender: str | None = None) -> Holding:
    tokens = name.split()
    given = tokens[0] if len(tokens) > 1 else None
    p = reg.find(iso3, surname or tokens[-1], given, (start, end), full=name if len(tokens) > 1 else None,
                 window=400)
    if p is None:
        p = reg.new(iso3)
    pri_source = "dbpedia" if source == "archigos" and len(tokens) > 1 else source
    reg.add_name(p, name, pri_source, surname=surname or tokens[-1], given=given or "")
    p.spans.append((start, end))
    if gender:
        p.genders.add(gender)
    return Holding(person=p, office="leader", title="Leader", of=iso3, start=start, end=end, source=source,
                   note=note or "effective leader")


# ----------------------------------------------------------------------------------------------
# timelines: censoring, inference and gap filling


def finish_leaders(leaders: list[Holding], explicit: list[Holding]) -> None:
    """Close open leader spells that the Factbook shows ended; keep censoring notes otherwise."""
    by_person: dict[int, list[Holding]] = defaultdict(list)
    for h in explicit:
        if h.office in ("head_of_state", "head_of_government"):
            by_person[h.person.key].append(h)
    for h in leaders:
        if h.end is not None:
            continue
        offices = [x for x in by_person.get(h.person.key, []) if x.end is None or x.end > (h.start or "")]
        if any(x.end is None for x in offices):
            h.note = "effective leader; still in office per the Factbook"
            continue
        if offices:
            h.end = max(x.end for x in offices if x.end)
            h.note = "effective leader; end from the Factbook"
        else:
            censor = REIGN_CENSOR if "REIGN" in h.note or h.source.endswith("reign") else ARCHIGOS_CENSOR
            h.end = (date.fromisoformat(censor) + timedelta(days=1)).isoformat()
            h.note = f"effective leader; censored: source ends {censor}"


def infer_offices(leaders: list[Holding], explicit: list[Holding]) -> list[Holding]:
    """Fill head-of-state / head-of-government gaps from leader spells (see module docstring)."""
    ex_by: dict[tuple[str, str], list[Holding]] = defaultdict(list)
    first_start: dict[tuple[int, str, str], str] = {}
    own: dict[tuple[int, str], list[Holding]] = defaultdict(list)
    for h in explicit:
        if h.office in ("head_of_state", "head_of_government"):
            ex_by[(h.of, h.office)].append(h)
            own[(h.person.key, h.of)].append(h)
            k = (h.person.key, h.of, h.office)
            first_start[k] = min(first_start.get(k, "9999"), h.start or "9999")
    rule = _country_rules(leaders, ex_by)
    inferred: list[Holding] = []
    for spell in leaders:
        if (spell.end or "9999") < INFER_FROM or not spell.start:
            continue
        span = (spell.start, spell.end)
        # a leader whose offices during the spell are known explicitly needs no inference
        if any(_span_distance(_confirmed(h), span) == 0 for h in own.get((spell.person.key, spell.of), [])):
            continue
        for office in sorted(rule.get(spell.of, set())):
            existing = ex_by.get((spell.of, office), [])
            _cut_derived_ends(existing, spell)
            _cut_own_other_office(ex_by, spell, office)
            # a Factbook "since" date is a real start: the same person did not hold the office before it
            not_before = first_start.get((spell.person.key, spell.of, office))
            start = max(spell.start, not_before) if not_before else spell.start
            if spell.end is not None and start >= spell.end:
                continue
            for a, b in _uncovered(start, spell.end, existing):
                if _days(a, b or date.today().isoformat()) < 2:
                    continue
                title = _nearest_title(existing, a) or "Leader"
                inferred.append(Holding(person=spell.person, office=office, title=title, of=spell.of, start=a,
                                        end=b, source=f"{spell.source} (office inferred)",
                                        note="effective leader spell; office inferred from the Factbook"))
    return inferred


def _confirmed(h: Holding) -> tuple[str, str | None]:
    """The part of a holding the sources actually show (a derived end is only a bound)."""
    end = h.confirmed_until if h.derived_end and h.confirmed_until else h.end
    return (h.start or "1900-01-01", end)


def _overlap_days(a: tuple[str, str | None], b: tuple[str, str | None]) -> int:
    lo = max(a[0], b[0])
    hi = min(a[1] or date.today().isoformat(), b[1] or date.today().isoformat())
    return max(0, _days(lo, hi)) if lo < hi else 0


def _country_rules(leaders: list[Holding], ex_by: dict[tuple[str, str], list[Holding]]) -> dict[str, set[str]]:
    """Which office a country's effective leader holds: days of agreement in the Factbook era.

    Both offices count when they agree about equally (presidential systems); a country that
    changed system (Turkey 2018) keeps the office that agreed longer.
    """
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for spell in leaders:
        if (spell.end or "9999") < FACTBOOK_FIRST:
            continue
        span = (max(spell.start or FACTBOOK_FIRST, FACTBOOK_FIRST), spell.end)
        for office in ("head_of_state", "head_of_government"):
            for h in ex_by.get((spell.of, office), []):
                if h.person is spell.person and h.source == "factbook":
                    votes[spell.of][office] += _overlap_days(span, _confirmed(h))
    rules: dict[str, set[str]] = {}
    for iso3, v in votes.items():
        top = max(v.values())
        if top > 0:
            rules[iso3] = {o for o, n in v.items() if n >= 0.8 * top}
    return rules


def _cut_derived_ends(existing: list[Holding], spell: Holding) -> None:
    """A Factbook holder whose end was only inferred from the next snapshot ends where another
    person's leader spell starts after the last snapshot that still showed them."""
    for h in existing:
        if not h.derived_end or h.person is spell.person or not spell.start:
            continue
        lo = h.confirmed_until or h.start or ""
        if lo < spell.start < (h.end or "9999") and spell.start > (h.start or ""):
            h.end = spell.start
            h.note = (h.note + "; " if h.note else "") + "end from the next leader spell (Factbook gap)"


def _cut_own_other_office(ex_by: dict[tuple[str, str], list[Holding]], spell: Holding, office: str) -> None:
    """A prime minister who becomes president during a Factbook gap stops being prime minister."""
    other = "head_of_government" if office == "head_of_state" else "head_of_state"
    for h in ex_by.get((spell.of, other), []):
        if h.person is spell.person and h.derived_end and spell.start and \
                (h.confirmed_until or "") < spell.start < (h.end or "9999") and spell.start > (h.start or ""):
            h.end = spell.start
            h.note = (h.note + "; " if h.note else "") + "end from a leader spell in another office (Factbook gap)"


def _uncovered(start: str, end: str | None, existing: list[Holding]) -> list[tuple[str, str | None]]:
    """Parts of [start, end) not covered by any existing holding."""
    pieces: list[tuple[str, str | None]] = [(start, end)]
    for h in existing:
        hs, he = h.start or "1900-01-01", h.end
        nxt: list[tuple[str, str | None]] = []
        for a, b in pieces:
            if (b is not None and b <= hs) or (he is not None and he <= a):
                nxt.append((a, b))
                continue
            if a < hs:
                nxt.append((a, hs))
            if he is not None and (b is None or he < b):
                nxt.append((he, b))
        pieces = nxt
    return pieces


def _nearest_title(existing: list[Holding], when: str) -> str | None:
    best = None
    for h in existing:
        if not h.title:
            continue
        d = _span_distance((when, when), (h.start or when, h.end))
        if best is None or d < best[0]:
            best = (d, h.title)
    return best[1] if best else None


# ----------------------------------------------------------------------------------------------
# ids and output


def assign_ids(reg: Registry) -> None:
    """Slug of the display name; clashes get the country code, then a number."""
    taken: set[str] = {p.fixed_id for p in reg.people if p.fixed_id}
    for p in reg.people:
        if p.fixed_id or p.absorbed:
            continue
        base = slug(p.display()) or "person"
        cand = base
        if cand in taken:
            cand = f"{base}-{(p.country or 'xxx').lower()}"
        n = 2
        while cand in taken:
            cand = f"{base}-{(p.country or 'xxx').lower()}-{n}"
            n += 1
        p.fixed_id = cand
        taken.add(cand)


def person_record(p: Person) -> dict[str, Any]:
    display = p.display()
    aliases = {a for a in p.aliases | set(p.names) if a != display}
    aliases |= {ascii_fold(a) for a in aliases | {display}} - {display}
    return {"id": p.fixed_id, "name": display, "country": p.country, "aliases": sorted(aliases),
            "full_names": sorted(p.full_names - {display}),
            "surnames": sorted({s for s in p.surnames if s and fold(s) != fold(display)}),
            "sources": sorted(p.sources), "note": p.note, "default_code": p.default_code,
            "old_ids": sorted(p.old_ids - {p.fixed_id}), "gender": p.gender}


def _home_countries(factbook: list[Holding], pops: dict[str, int]) -> None:
    """A person listed as head of several states or territories belongs to the most populous one
    (Charles III -> GBR, a US president listed for Guam -> USA), unless curated."""
    where: dict[int, set[str]] = defaultdict(set)
    people: dict[int, Person] = {}
    for h in factbook:
        where[h.person.key].add(h.of)
        people[h.person.key] = h.person
    for key, isos in where.items():
        p = people[key]
        if len(isos) > 1 and "curated" not in p.sources:
            p.country = max(isos, key=lambda i: pops.get(i, 0))


def _drop_nominal(factbook: list[Holding], dependent: set[str]) -> list[Holding]:
    """A sovereign's head listed as chief of state of a dependent territory (a US president for
    Guam or the US Virgin Islands) holds no office of that territory's own: the source lists the
    sovereign's office there. Those lines would give the person the territory's roles and codes."""
    return [h for h in factbook if not (h.of in dependent and h.person.country and h.person.country != h.of)]


def _overlap(a: Holding, b: Holding) -> bool:
    return (a.start or "") < (b.end or "9999") and (b.start or "") < (a.end or "9999")


def _drop_misfiled(factbook: list[Holding]) -> list[Holding]:
    """A head of government (not a monarch) listed for two states at once, where one of the two
    has another holder of that office over the same time, is misfiled there by the source (a
    prime minister of one Congo listed under the other): that line goes."""
    by_person: dict[int, list[Holding]] = defaultdict(list)
    by_office: dict[tuple[str, str], list[Holding]] = defaultdict(list)
    for h in factbook:
        by_person[h.person.key].append(h)
        by_office[(h.of, h.office)].append(h)
    drop: set[int] = set()
    for hs in by_person.values():
        states = {h.of for h in hs}
        if len(states) < 2:
            continue
        for h in hs:
            if h.office != "head_of_government" or not any(o.of != h.of and _overlap(h, o) for o in hs):
                continue
            if any(o.person.key != h.person.key and _overlap(h, o) for o in by_office[(h.of, h.office)]):
                drop.add(id(h))
    return [h for h in factbook if id(h) not in drop]


# words that do not tell two people apart (articles and patronymic particles of names)
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "de", "la", "del", "della", "van", "von", "da", "dos", "das",
                        "le", "abu", "ould", "ben", "y", "e", "sheikh", "jr", "sr"})


def _covers(a: frozenset[str], b: frozenset[str], b_last: str, a_len: int) -> bool:
    """Name ``a`` is name ``b`` or part of it: its words are words of ``b``; up to romanisation only
    when the two names have as many words, or when ``a`` is one word and ``b``'s surname (the
    last word): "Akihito" is not "Akihiro Ohata", "Banti" is "Tafari Benti"."""
    if a <= b:
        return True
    if a_len == 1:
        return same_word(next(iter(a)), b_last)
    return len(a) == len(b) and all(x in b or any(same_word(x, y) for y in b) for x in a)


def _word_list(p: Person) -> list[str]:
    return [w for w in fold(p.display()).replace("-", " ").split() if w not in _PARTICLES]


def merge_duplicates(reg: Registry, holdings: list[Holding], codes: list[tuple[Any, ...]]) -> dict[int, int]:
    """One record per real person: a person whose name is part of another's name in the same state
    ("Lopez Obrador" and "Andres Manuel Lopez Obrador"; "al-Maliki" and "Nuri al Maliki"), with
    holdings at overlapping times, is that person, when exactly one such fuller record exists. The
    absorbed record's names join the kept one's and its would-be id is kept as an old id. Returns
    {absorbed key: kept key}; holdings and code periods are moved to the kept person."""
    spans: dict[int, list[Holding]] = defaultdict(list)
    for h in holdings:
        spans[h.person.key].append(h)
    merged: dict[int, int] = {}
    # each name's words in order (its display's; refreshed when a merge changes the display) and, per
    # state, as a set (which grows with the words of the records it absorbs)
    ordered: dict[int, list[str]] = {}

    def last(p: Person) -> str:
        return (ordered[p.key] or [""])[-1]

    for country, people in reg.by_country.items():
        if not country:
            continue
        live = [p for p in people if spans.get(p.key)]
        ordered.update((p.key, _word_list(p)) for p in live)
        words = {p.key: frozenset(ordered[p.key]) for p in live}
        for a in sorted(live, key=lambda p: len(words[p.key])):
            wa = words[a.key]
            if not wa or a.key in merged or not spans.get(a.key):
                continue
            fuller = [b for b in live if b.key != a.key and b.key not in merged
                      and _covers(wa, words[b.key], last(b), len(ordered[a.key]))
                      and (len(wa) < len(words[b.key])
                           or (len(wa) >= 2 and b.key < a.key
                               and _covers(words[b.key], wa, last(a), len(ordered[b.key]))))
                      and b.key not in reg.distinct[a.key]
                      and any(_overlap(x, y) for x in spans[a.key] for y in spans[b.key])]
            if len(fuller) != 1 or ("curated" in a.sources and "curated" in fuller[0].sources):
                continue
            b = fuller[0]
            if max(a.names.values(), default=0) > max(b.names.values(), default=0):
                a, b = b, a  # keep the record of the better source (its names and id lead)
            merged[a.key] = b.key
            a.absorbed = True
            for k in reg.distinct.pop(a.key, set()):
                reg.distinct[b.key].add(k)
                reg.distinct[k].discard(a.key)
                reg.distinct[k].add(b.key)
            for name, pri in a.names.items():
                b.names[name] = max(pri, b.names.get(name, -1))
            b.aliases |= a.aliases
            b.full_names |= a.full_names
            b.surnames |= a.surnames
            b.sources |= a.sources
            b.genders |= a.genders
            b.old_ids.add(slug(a.display()))
            b.old_ids |= a.old_ids
            for h in spans[a.key]:
                h.person = b
            spans[b.key] += spans.pop(a.key)
            words[b.key] = words[b.key] | words[a.key]
            ordered[b.key] = _word_list(b)
    by_key = {p.key: p for p in reg.people}
    codes[:] = [(by_key[merged[p.key]] if p.key in merged else p, *rest) for p, *rest in codes]
    return merged


def build_people(src: Sources, countries: set[str], pops: dict[str, int] | None = None,
                 dependent: set[str] | None = None) -> dict[str, Any]:
    """Run all person sources and return people, holdings and PETRARCH code periods.

    ``dependent``: ISO3 codes of territories that are not independent states."""
    pops = pops or {}
    reg = Registry()
    _, curated = load_curated(src, reg)
    row_heads: dict[tuple[str, str], set[int]] = {}
    factbook = _drop_misfiled(load_factbook(src, reg, row_heads))
    petrarch, codes = load_petrarch(src, reg, countries)
    leaders = load_leaders(src, reg)
    vice = load_vice_presidents(src, reg, row_heads, factbook)
    # the merge reads the dates of the other sources only: vice presidents were added last so that
    # no existing person changes, and their dates would change which records it merges
    merge_duplicates(reg, curated + factbook + petrarch + leaders, codes)
    factbook += vice
    _home_countries(factbook, pops)
    factbook = _drop_nominal(factbook, dependent or set())
    explicit = factbook + [h for h in curated if h.office in ("head_of_state", "head_of_government")]
    finish_leaders(leaders, explicit)
    inferred = infer_offices(leaders, explicit)
    assign_ids(reg)
    used = {h.person.key for h in curated + factbook + petrarch + leaders + inferred}
    people = [person_record(p) for p in reg.people if p.key in used]
    holdings = []
    for h in sorted(curated + factbook + inferred + leaders + petrarch,
                    key=lambda h: (h.of, h.office, h.start or "", h.person.fixed_id or "")):
        holdings.append([h.person.fixed_id, h.office, h.title, h.of, h.start, h.end, h.source, h.note, h.ref])
    code_rows = sorted({(p.fixed_id, c, s, e) for p, c, s, e in codes}, key=lambda t: tuple(x or "" for x in t))
    return {"people": people, "holdings": holdings, "codes": [list(r) for r in code_rows]}


__all__ = ["Holding", "Person", "Registry", "build_people", "parse_petrarch", "titlecase_token"]
