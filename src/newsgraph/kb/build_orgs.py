"""Organisations, blocs and dated memberships.

Organisations are the curated list (``curated/orgs.tsv``: ids, names, aliases, which sources
give their memberships) plus every other IGO of the DIGO catalogue. CAMEO-style codes come
from PETRARCH2's ``Phoenix.International.actors`` where it has a specific code for the
organisation, else ``"IGO" + id`` (so CSTO -> IGOCSTO). Memberships for one (organisation,
member) pair come from the best source that has the pair: curated > ATOP > Factbook > UN list.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from typing import Any

from newsgraph.kb.build_people import _gw_to_iso
from newsgraph.kb.sources import Sources
from newsgraph.kb.text import fold

FACTBOOK_FIRST = "2015-10-26"
FACTBOOK_PAUSE_END = "2020-11-24"
_EXPAND = [(r"\bOrg\b\.?", "Organization"), (r"\bIntl\b\.?", "International"), (r"\bAssoc\b\.?", "Association"),
           (r"\bComm\b\.?", "Commission"), (r"\bDev\b\.?", "Development"), (r"\bEcon\b\.?", "Economic"),
           (r"\bCoop\b\.?", "Cooperation"), (r"\bCttee\b\.?", "Committee"), (r"\bInst\b\.?", "Institute"),
           (r"\bGov\b\.?", "Governmental"), (r"\bReg\b\.?", "Regional"), (r"\bCent\b\.?", "Central"),
           (r"\bAm\b\.?", "American"), (r"\bEur\b\.?", "European"), (r"\bMin\b\.?", "Ministers")]
STATUS = {"": "member", "observer": "observer", "partner": "partner", "partners": "partner",
          "dialogue partner": "partner", "dialogue member": "partner", "sectoral dialogue partner": "partner",
          "suspended": "suspended", "candidate country": "joining", "associate member": "partner",
          '"associate member': "partner", "associated member": "partner", "permanent": "member",
          "temporary": "member", '"participating member': "member"}


def _expand(name: str) -> str:
    for pat, rep in _EXPAND:
        name = re.sub(pat, rep, name)
    return re.sub(r"\s+", " ", name).strip()


def petrarch_codes(src: Sources) -> dict[str, str]:
    """Entry or synonym name (folded) -> its undated code, from Phoenix.International."""
    out: dict[str, str] = {}
    names: list[str] = []
    for line in src.lines("petrarch2/Phoenix.International.actors.txt", encoding="latin-1"):
        if not line.strip() or line.startswith("#"):
            continue
        body = line.split("#")[0]
        if line[0] not in " \t+":
            names = [re.split(r"\s*\[", body)[0].strip()]
        elif line.startswith("+"):
            names.append(re.split(r"\s*\[", body[1:])[0].strip())
        for m in re.finditer(r"\[([A-Z]{3,})\]", body):
            for n in names:
                out.setdefault(fold(n.replace("_", " ")), m[1])
    return out


_ORG_WORDS = re.compile(
    r"\b(ORGANI[SZ]ATION|COMMITTEE|CROSS|CRESCENT|AGENCY|FUND|WATCH|COUNCIL|ASSOCIATION|UNION|BANK|"
    r"PROGRAMM?E|FOUNDATION|INSTITUTE|FEDERATION|MOVEMENT|FRONT|PARTY|ARMY|BRIGADES?|FORCES?|LEAGUE|"
    r"SOCIETY|CONFERENCE|COMMISSION|SECRETARIAT|MISSION|CORPS|GROUP|NETWORK|ALLIANCE|CENTER|CENTRE|"
    r"INTERNATIONAL|FACTION|LIBERATION|JIHAD|TIGERS|CARTEL|MILITIA)\b")
_SMALL = {"OF", "THE", "AND", "FOR", "IN", "ON", "TO", "A", "AL", "EL", "DE", "DU", "DES", "LA", "LE"}


_NUMBERED = re.compile(r"([A-Z]{1,2})(\d{1,2})")


def _numbered_forms(name: str) -> list[str]:
    """A group named by a letter and its member count ("G8") is written with a hyphen too ("G-8")."""
    m = _NUMBERED.fullmatch(name)
    return [name, f"{m.group(1)}-{m.group(2)}"] if m else [name]


def _petrarch_display(raw: str) -> str:
    """"ANARCHIST_FACTION_" -> "Anarchist Faction"; short one-word names stay as acronyms."""
    words = [w for w in raw.replace("_", " ").split() if w]
    if len(words) == 1 and len(words[0]) <= 6:
        return words[0]
    if len(words) == 2 and re.fullmatch(r"[A-Z]{1,2}", words[0]) and words[1].isdigit():
        return "".join(words)  # "G_8_": the group is written "G8" (and "G-8": see _numbered_forms)
    out = []
    for k, w in enumerate(words):
        if w in _SMALL and k > 0:
            out.append(w.lower())
        elif re.fullmatch(r"\(?[A-Z]{2,6}\)?", w) and not re.search(r"[AEIOU]", w[1:]):
            out.append(w)  # acronym inside a name
        else:
            out.append("-".join(part.capitalize() for part in w.split("-")))
    return " ".join(out)


# the bodies of a state the agencies table keeps: CAMEO sector codes after the state's code
AGENCY_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD", "ELI", "MED", "BUS", "EDU", "HLH"})
_STATE_BODY_WORDS = re.compile(
    r"\b(AGENCY|DEPARTMENT|MINISTRY|SERVICE|BUREAU|OFFICE|COUNCIL|COMMAND|POLICE|ARMY|NAVY|FORCES?|"
    r"GUARD|INTELLIGENCE|COMMUNITY|COURT|PARLIAMENT|ASSEMBLY|SENATE|CONGRESS|COMMISSION|AUTHORITY|"
    r"DIRECTORATE|ADMINISTRATION|CORPS|INSTITUTE|CENTER|CENTRE|BANK|YARD)\b")


_PERSON_ENDS = re.compile(r"^(DIRECTOR|CHAIRMAN|SECRETARY|HEAD|CHIEF)\b|\b(OFFICIALS?|SOLDIERS?|JUSTICES|STAFF|SPOKESM[AE]N)$")


def state_agencies(src: Sources, countries: set[str]) -> list[list[str]]:
    """Named bodies of states with their CAMEO codes ("Federal Bureau of Investigation", "FBI" ->
    USACOP), from the undated non-person entries of PETRARCH2's ``Phoenix.Countries.actors``: an
    entry's names that have a state body's word, or are an acronym. Rows: [name, code]. They give
    a state and a sector to a body the KB has no entity for (not an identity: one entry may list
    several bodies that share a code)."""
    rows: dict[str, str] = {}
    names: list[str] = []
    code: str | None = None
    dated = person = False

    def flush() -> None:
        if not code or dated or person or code[:3] not in countries or code[3:6] not in AGENCY_SECTORS:
            return
        bodies = [n for n in names if _STATE_BODY_WORDS.search(n.replace("_", " "))
                  and not _PERSON_ENDS.search(n.replace("_", " "))]
        if not bodies:
            return  # a person's or a people's entry ("ASSAD", "STATE_DEPARTMENT_OFFICIAL")
        for n in names:
            display = _petrarch_display(n)
            if _STATE_BODY_WORDS.fullmatch(display.upper()):
                continue  # "Senate", "Congress": every state has one; the text says whose
            if (n in bodies or re.fullmatch(r"[A-Z]{2,5}", display)) and fold(display) not in rows:
                rows[fold(display)] = display
                out.append([display, code])

    out: list[list[str]] = []
    for line in src.lines("petrarch2/Phoenix.Countries.actors.txt", encoding="latin-1"):
        if not line.strip() or line.startswith("#"):
            continue
        body, _, comment = line.partition("#")
        name = re.split(r"\s*\[", body.lstrip("+"))[0].strip().strip("_").strip()
        if line[0] not in " \t+":
            flush()
            names, code, dated, person = [name] if name else [], None, False, "countryinfo" in comment.lower()
        elif line.startswith("+") and name:
            names.append(name)
        for m in re.finditer(r"\[([A-Z0-9~\-]+)(\s+[<>]?\d{6,8})?", body):
            code = code or m[1]
            dated = dated or bool(m[2])
    flush()
    return sorted(out)


def petrarch_groups(src: Sources, known: dict[str, dict[str, Any]], countries: set[str]) -> dict[str, dict[str, Any]]:
    """Non-state armed groups (Phoenix.MilNonState) and NGOs/IGO bodies named like organisations
    (Phoenix.International) with their CAMEO codes, for the organisations no curated row names.

    The International file mixes people and organisations without marking them: an entry counts
    as an organisation when its code is NGO/IGO/IMG/MNC and its name has an organisation word.
    """
    taken = {fold(n) for o in known.values() for n in (o["name"], *(o["aliases"]), o["acronym"] or "")}
    out: dict[str, dict[str, Any]] = {}
    for rel, is_milnonstate in (("petrarch2/Phoenix.MilNonState.actors.txt", True),
                                ("petrarch2/Phoenix.International.actors.txt", False)):
        entry: dict[str, Any] | None = None
        for line in src.lines(rel, encoding="latin-1"):
            if not line.strip() or line.startswith("#"):
                continue
            body = line.split("#")[0]
            name = re.split(r"\s*\[", body.lstrip("+"))[0].strip().strip("_").strip()
            if line[0] not in " \t+":
                codes = re.findall(r"\[([A-Z]{3,})\]", body)
                entry = None
                if not name or not codes:
                    continue
                code = codes[0]
                if not is_milnonstate and (code[:3] not in {"NGO", "IGO", "IMG", "MNC"}
                                            or not _ORG_WORDS.search(name.replace("_", " "))):
                    continue
                display = _petrarch_display(name)
                if fold(display) in taken or len(display) < 3:
                    continue
                oid = re.sub(r"[^A-Z0-9]", "", name.upper())[:24]
                if not oid or oid in known or oid in out:
                    continue
                entry = {"id": oid, "kind": "organization", "name": display, "acronym": None, "aliases": [],
                         "start": None, "end": None, "code": code,
                         "note": "from the PETRARCH2 " + ("non-state armed groups" if is_milnonstate else "international actors")
                                 + " dictionary", "factbook": [], "atop": None, "members_from": [], "sources": ["petrarch2"],
                         "country": code[:3] if code[:3] in countries else None}
                if display.isupper():
                    entry["acronym"] = display
                    entry["aliases"].append(display.capitalize())
                out[oid] = entry
                taken.add(fold(display))
            elif line.startswith("+") and entry is not None and name:
                for alias in _numbered_forms(_petrarch_display(name)):
                    if fold(alias) not in taken and (len(alias) >= 3 or _NUMBERED.fullmatch(alias)):
                        entry["aliases"].append(alias)
                        taken.add(fold(alias))
    return out


def build_orgs(src: Sources) -> dict[str, dict[str, Any]]:
    """Curated organisations and blocs, then the rest of DIGO."""
    codes = petrarch_codes(src)
    digo = {r["ioname"]: r for r in src.csv_rows("igo_list/digo_io_dataDID-1.0.csv", encoding="latin-1")}
    orgs: dict[str, dict[str, Any]] = {}
    used_digo: set[str] = set()
    for row in src.curated_rows("orgs.tsv"):
        d = digo.get(row["digo"]) if row["digo"] else None
        if d:
            used_digo.add(row["digo"])
        pcode = codes.get(fold(row["petrarch"].replace("_", " "))) if row["petrarch"] else None
        if pcode == "IGO":
            pcode = None  # a bare "IGO" is not specific to the organisation
        code = row["code"] or pcode or (("IGO" + re.sub(r"[^A-Z0-9]", "", row["id"])) if row["kind"] == "organization" else None)
        aliases = [a.strip() for a in row["aliases"].split("|") if a.strip()]
        if d and _expand(d["orgname"]) not in aliases and _expand(d["orgname"]) != row["name"]:
            aliases.append(_expand(d["orgname"]))
        orgs[row["id"]] = {
            "id": row["id"], "kind": row["kind"], "name": row["name"], "acronym": row["acronym"] or None,
            "aliases": aliases, "start": row["founded"] or (f"{d['sdate']}-01-01" if d else None),
            "end": row["dissolved"] or None, "code": code, "note": row["note"],
            "factbook": [a for a in row["factbook"].split("|") if a], "atop": row["atop"] or None,
            "members_from": [m for m in row["members"].split("|") if m],
            "sources": ["curated"] + (["digo"] if d else []) + (["petrarch2"] if pcode else []),
            "country": row.get("country") or None,
        }
    for ioname, d in sorted(digo.items()):
        if ioname in used_digo or not ioname:
            continue
        oid = re.sub(r"[^A-Z0-9]", "", ioname.upper())
        if not oid or oid in orgs:
            oid = f"{oid}_DIGO"
        name = _expand(d["orgname"])
        living = d.get("Living", "").strip() == "1"
        orgs[oid] = {
            "id": oid, "kind": "organization", "name": name, "acronym": ioname, "aliases": [],
            "start": f"{d['sdate']}-01-01" if d["sdate"].isdigit() else None,
            "end": None if living or not d["ddate"].isdigit() else f"{d['ddate']}-01-01",
            "code": codes.get(fold(name)) or "IGO" + oid, "note": "from the DIGO catalogue (years only)",
            "factbook": [], "atop": None, "members_from": [], "sources": ["digo"],
        }
    return orgs


def build_memberships(src: Sources, orgs: dict[str, dict[str, Any]], countries: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Dated memberships from curated rows, ATOP phases, Factbook lists and the UN admission years."""
    by_pair: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for row in src.curated_rows("memberships.tsv"):
        by_pair[(row["org"], row["member"])]["curated"].append(
            _m(row["member"], row["org"], row["status"], row["start"], row["end"], "curated", row["note"], row["ref"]))
    _atop(src, orgs, by_pair)
    _factbook(src, orgs, by_pair)
    for iso3, c in countries.items():
        if c.get("un_since"):
            start = "1945-10-24" if c["un_since"] == "1945" else f"{c['un_since']}-01-01"
            by_pair[("UN", iso3)]["un"].append(_m(iso3, "UN", "member", start, None, "country_converter",
                                                  "admission year (day not recorded)" if c["un_since"] != "1945" else "founding member", ""))
    out: list[dict[str, Any]] = []
    for (org, _member), sources in sorted(by_pair.items()):
        if org not in orgs:
            continue
        order = orgs[org]["members_from"] or ["curated", "atop", "factbook", "un"]
        for s in order:
            if sources.get(s):
                out += sorted(sources[s], key=lambda m: m["start"] or m.get("attested_from") or "")
                break
    return out


def _m(member: str, org: str, status: str, start: str | None, end: str | None, source: str, note: str,
       ref: str, attested_from: str | None = None) -> dict[str, Any]:
    return {"member": member, "org": org, "status": status, "start": start or None, "end": end or None,
            "source": source, "note": note, "ref": ref, "attested_from": attested_from}


def _atop(src: Sources, orgs: dict[str, dict[str, Any]], by_pair: dict) -> None:
    """ATOP member phases; consecutive phases of one member merge into one spell."""
    wanted = {o["atop"]: oid for oid, o in orgs.items() if o.get("atop")}
    gw = _gw_to_iso(src)
    phases: dict[tuple[str, str], list[tuple[str, str | None]]] = defaultdict(list)
    for r in src.csv_rows("atop/atop4_01_member_level.csv"):
        oid = wanted.get(r["atopid"])
        if not oid:
            continue
        iso3 = gw.get(int(r["member"]))
        if not iso3:
            continue
        start = _ymd(r["yrent"], r["moent"], r["dayent"])
        end = None if r["yrexit"] in ("0", "") else _ymd(r["yrexit"], r["moexit"], r["dayexit"])
        phases[(oid, iso3)].append((start, end))
    for (oid, iso3), spans in phases.items():
        spans.sort()
        merged: list[list[str | None]] = []
        for s, e in spans:
            if merged and (merged[-1][1] is None or (merged[-1][1] or "") >= s):
                if merged[-1][1] is not None and (e is None or e > (merged[-1][1] or "")):
                    merged[-1][1] = e
            else:
                merged.append([s, e])
        for s, e in merged:
            by_pair[(oid, iso3)]["atop"].append(_m(iso3, oid, "member", s, e, "atop", "ATOP 4.01 member phase", ""))


def _ymd(y: str, m: str, d: str) -> str:
    yy, mm, dd = int(y), max(1, int(m or 1)), max(1, int(d or 1))
    try:
        return date(yy, mm, dd).isoformat()
    except ValueError:
        return date(yy, mm, 1).isoformat()


def _factbook(src: Sources, orgs: dict[str, dict[str, Any]], by_pair: dict) -> None:
    """Factbook IGO listings: attested from the first snapshot that listed them (start unknown
    when listed from the first snapshot or first seen right after the 2017-2020 pause)."""
    abbrev = {a: oid for oid, o in orgs.items() for a in o.get("factbook", [])}
    gec_iso = {r["gec"]: r["iso3"] for r in src.csv_rows("factbook/factbook_countries.csv") if r["iso3"]}
    src.path("factbook/factbook_key_orgs_membership.csv")  # the current list must be present too
    for r in src.csv_rows("factbook_history/factbook_igo_history.csv"):
        oid = abbrev.get(r["org"])
        iso3 = gec_iso.get(r["gec"])
        if not oid or not iso3:
            continue
        qual = r["qualifier"].strip().lower()
        status = STATUS.get(qual, "member")
        first, last = r["first_snapshot"], r["last_snapshot"]
        still = r["still_listed"].strip().lower() == "true"
        known_start = first not in (FACTBOOK_FIRST, FACTBOOK_PAUSE_END) and first > FACTBOOK_FIRST
        note = "listed by the Factbook" + (f" ({qual})" if qual else "")
        if known_start:
            note += "; start = first week listed"
        else:
            note += f"; start unknown, attested from {first}"
        if not still:
            note += f"; no longer listed after {last}"
        by_pair[(oid, iso3)]["factbook"].append(
            _m(iso3, oid, status, first if known_start else None, None if still else last, "factbook", note, "",
               attested_from=first))
