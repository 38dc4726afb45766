"""The loaded knowledge base: lookups by id, name and date.

Loading reads one gzip'd JSON file and builds only the small country index; person, holding
and membership indexes are built on first use, so ``get_kb()`` stays well under a second.
Every date argument accepts ``datetime.date`` or "YYYY-MM-DD" and is checked (1900..today).
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections import defaultdict
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from newsgraph import errors
from newsgraph.kb.names import sound_key
from newsgraph.kb.text import ascii_fold, fold, fold_nothe, to_date
from newsgraph.kb.types import Country, Entity, Holding, Membership, Phrase

DATA_FILE = Path(__file__).resolve().parent / "data" / "kb.json.gz"
COMMON_WORDS_FILE = Path(__file__).resolve().parent / "data" / "common_words.txt"


@lru_cache(maxsize=1)
def common_words(path: Path = COMMON_WORDS_FILE) -> frozenset[str]:
    """Words usually written in lower case in news (scripts/build_common_words.py): a KB surface
    form that is one of them ("May", "Bill") is flagged and needs context before it links."""
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise errors.KBError(f"the common-word list {path} cannot be read: {exc}",
                             hint="reinstall newsgraph, or rebuild it with python scripts/build_common_words.py") from exc
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))

HEAD_OFFICES = ("head_of_state", "head_of_government")
# Offices that make a person a government actor (CAMEO sector GOV) on the dates they hold them.
GOV_OFFICES = {"head_of_state", "head_of_government", "vice_president", "foreign_minister", "defence_minister",
               "leader", "government", "minister"}
MIL_OFFICES = {"military"}
# Flexible title text -> (office, title words that must appear in the literal title or None).
_TITLE_ALIASES: dict[str, tuple[str | None, str | None]] = {
    "head of state": ("head_of_state", None), "head of government": ("head_of_government", None),
    "leader": ("leader", None), "president": (None, "president"), "prime minister": (None, "prime minister"),
    "pm": (None, "prime minister"), "premier": (None, "premier"), "chancellor": (None, "chancellor"),
    "king": (None, "king"), "queen": (None, "queen"), "emir": (None, "amir"), "amir": (None, "amir"),
    "sultan": (None, "sultan"), "emperor": (None, "emperor"), "supreme leader": (None, "supreme leader"),
    "chairman": (None, "chair"), "chairperson": (None, "chair"), "general secretary": (None, "general secretary"),
    "secretary general": ("secretary_general", None), "secretary-general": ("secretary_general", None),
    "sg": ("secretary_general", None), "foreign minister": ("foreign_minister", None),
    "minister of foreign affairs": ("foreign_minister", None), "foreign secretary": ("foreign_minister", None),
    "secretary of state": ("foreign_minister", None), "external affairs minister": ("foreign_minister", None),
    "fm": ("foreign_minister", None), "defence minister": ("defence_minister", None),
    "defense minister": ("defence_minister", None), "minister of defence": ("defence_minister", None),
    "minister of defense": ("defence_minister", None), "defence secretary": ("defence_minister", None),
    "defense secretary": ("defence_minister", None), "secretary of defense": ("defence_minister", None),
    "high representative": ("high_representative", None), "vice president": ("vice_president", None),
    "vice-president": ("vice_president", None), "veep": ("vice_president", None),
    "commission president": ("commission_president", None),
    "president of the european commission": ("commission_president", None),
    "president of the european council": ("council_president", None),
}
_PRESIDENT_OFFICES = {"commission_president", "council_president"}


class KB:
    """Read-only knowledge base. Build one with :func:`newsgraph.kb.get_kb`."""

    def __init__(self, doc: dict[str, Any], *, path: Path | None = None, extra: tuple[Phrase, ...] = ()):
        self.path = path
        self.doc = doc
        self.extra = extra  # the user's surface forms ([kb] extra_aliases), already checked
        self.countries: dict[str, Country] = {}
        for rec in doc["countries"]:
            self.countries[rec["id"]] = _country(rec)
        self.orgs: dict[str, dict[str, Any]] = {o["id"]: o for o in doc["orgs"]}
        self._country_index = self._build_country_index()

    @classmethod
    def load(cls, path: Path | str = DATA_FILE) -> KB:
        p = Path(path)
        hint = "rebuild it: python -m newsgraph.kb.build --sources ../shared/data/kb"
        if not p.is_file():
            raise errors.KBError(f"knowledge base file {p} is missing", hint=hint)
        try:
            doc = json.loads(gzip.decompress(p.read_bytes()))
        except (OSError, EOFError, ValueError, zlib.error) as exc:  # unreadable, cut short, not gzip/JSON
            raise errors.KBError(f"knowledge base file {p} cannot be read: {type(exc).__name__}: {exc}",
                                 hint=hint) from exc
        return cls(doc, path=p)

    # ------------------------------------------------------------------ countries

    def _build_country_index(self) -> dict[str, str]:
        """Folded surface form -> ISO3 for names, codes, aliases, adjectives, demonyms, capitals, seats."""
        idx: dict[str, str] = {}
        ranked = sorted(self.countries.values(), key=lambda c: (not c.un_member, not c.independent, c.id))
        for c in ranked:
            for form in (c.id, c.iso2):
                idx.setdefault("code:" + form.upper(), c.id)
            forms = [c.name, c.official, *c.aliases, *c.adjectives, *c.demonyms, *c.capitals,
                     *(s["text"] for s in c.seats)]
            for form in forms:
                key = fold_nothe(form)
                if key:
                    idx.setdefault(key, c.id)
        return idx

    def country(self, code_or_name: str) -> Country | None:
        """A country by ISO3, ISO2, name or alias (not adjectives); None when unknown (memoised)."""
        if not code_or_name or not isinstance(code_or_name, str):
            return None
        cache: dict[str, Country | None] = self.__dict__.setdefault("_country_cache", {})
        if code_or_name not in cache:
            cache[code_or_name] = self._country(code_or_name)
        return cache[code_or_name]

    def _country(self, code_or_name: str) -> Country | None:
        text = code_or_name.strip()
        if len(text) in (2, 3) and text.isalpha() and text.isupper():
            iso3 = self._country_index.get("code:" + text)
            if iso3:
                return self.countries[iso3]
        iso3 = self._country_index.get(fold_nothe(text))
        if iso3:
            c = self.countries[iso3]
            names = {fold_nothe(x) for x in (c.name, c.official, *c.aliases, c.id, c.iso2)}
            if fold_nothe(text) in names:
                return c
        return None

    def require_country(self, code: str) -> Country:
        """Like :meth:`country` but raises :class:`errors.UnknownCountry` with a suggestion."""
        c = self.country(code) or (self.countries.get(self.resolve_country(code) or "") if code else None)
        if c is None:
            hint = self._suggest(code)
            raise errors.UnknownCountry(
                f"unknown country {code!r}",
                hint=(f"did you mean {hint}? " if hint else "") + "use an ISO3 code such as RUS, a name or an alias")
        return c

    def _suggest(self, text: str) -> str | None:
        key = fold(text or "")
        if not key:
            return None
        for c in self.countries.values():
            if fold(c.name).startswith(key[:4]) or c.id.startswith(key.upper()[:2]):
                return f"{c.id} ({c.name})"
        return None

    def resolve_country(self, text: str) -> str | None:
        """Name, alias, adjective, demonym, capital or seat of power -> ISO3 (None when unknown)."""
        if not text or not isinstance(text, str):
            return None
        t = text.strip()
        if len(t) in (2, 3) and t.isupper() and ("code:" + t) in self._country_index:
            return self._country_index["code:" + t]
        key = fold_nothe(t)
        hit = self._country_index.get(key)
        if hit:
            return hit
        if key.endswith("s") and key[:-1] in self._country_index:  # "Kazakhstanis" style plurals
            return self._country_index[key[:-1]]
        return None

    # ------------------------------------------------------------------ entities

    @cached_property
    def _people(self) -> dict[str, dict[str, Any]]:
        cols = self.doc["people"]["columns"]
        return {r[0]: dict(zip(cols, r, strict=True)) for r in self.doc["people"]["rows"]}

    def with_aliases(self, path: str | Path) -> KB:
        """This KB plus the surface forms of a user's alias table (``[kb] extra_aliases``): a TSV of
        ``form<TAB>kb id`` lines, ``#`` comments and blank lines allowed. The whole file is checked
        before any of it is used: a bad line is a :class:`~newsgraph.errors.KBError` naming the
        file and the line."""
        p = Path(path).expanduser()
        try:
            text = p.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise errors.KBError(f"alias table {p} cannot be read: {exc}",
                                 hint="give a UTF-8 TSV of 'form<TAB>kb id' lines") from exc
        extra: list[Phrase] = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = [c.strip() for c in line.split("\t")]
            if len(cols) != 2 or not cols[0] or not cols[1]:
                raise errors.KBError(f"alias table {p} line {n}: expected 'form<TAB>kb id', got {len(cols)} column(s)",
                                     hint="one surface form and one KB id per line, separated by a tab")
            form, kb_id = cols
            ent = self.entity(kb_id)
            if ent is None:
                raise errors.KBError(f"alias table {p} line {n}: unknown KB id {kb_id!r}",
                                     hint="use an id that 'newsgraph kb show' prints in brackets")
            if len(form) < 2:
                raise errors.KBError(f"alias table {p} line {n}: the form {form!r} is too short",
                                     hint="a surface form has at least two characters")
            kind = ent.kind if ent.kind in {"person", "country", "organization", "bloc"} else "organization"
            extra.append(Phrase(form, ent.id, kind, "alias", ent.code, form.lower() in common_words()))
        return KB(self.doc, path=self.path, extra=tuple(extra))

    def given_names(self) -> frozenset[str]:
        """First words of people's names (lower case): words that are names even when they are also
        common words ("Bill", "Mark", "Will")."""
        cache = self.__dict__.get("_given_names")
        if cache is None:
            from spacy.lang.en.stop_words import STOP_WORDS

            # a function word first ("He Yong", "In Tam") is a name there, never a sign of one in English
            # and a record whose name has a common word in it ("Executive council") is no person's name
            cache = frozenset(w for w in (p["name"].split()[0].lower() for p in self._people.values()
                                          if p["name"] and len(p["name"].split()) > 1
                                          and all(x[:1].isupper() or len(x) <= 3 for x in p["name"].split()))
                              if w not in STOP_WORDS)
            self.__dict__["_given_names"] = cache
        return cache

    def canonical_id(self, kb_id: str) -> str:
        """The id of the entity now holding ``kb_id`` (records merged at build keep their old ids)."""
        return self.doc.get("id_aliases", {}).get(kb_id, kb_id)

    def entity(self, kb_id: str) -> Entity | None:
        """Any actor by id: ISO3 country, organisation/bloc id, or person slug (memoised: entities
        are immutable and the resolver asks for the same few thousand again and again)."""
        if not kb_id:
            return None
        kb_id = self.canonical_id(kb_id)
        cache: dict[str, Entity | None] = self.__dict__.setdefault("_entity_cache", {})
        if kb_id not in cache:
            cache[kb_id] = self._entity(kb_id)
        return cache[kb_id]

    def _entity(self, kb_id: str) -> Entity | None:
        if kb_id in self.countries:
            c = self.countries[kb_id]
            return Entity(id=c.id, kind="country", name=c.name, country=c.id, code=c.id,
                          aliases=(c.official, *c.aliases), note="")
        o = self.orgs.get(kb_id)
        if o is not None:
            return Entity(id=o["id"], kind=o["kind"], name=o["name"], country=o.get("country"), code=o["code"],
                          aliases=tuple(o["aliases"]), acronym=o["acronym"], start=o["start"], end=o["end"],
                          note=o["note"], sources=tuple(o["sources"]))
        p = self._people.get(kb_id)
        if p is not None:
            spans = [(h.start, h.end) for h in self.roles(kb_id)]
            start = min((s for s, _ in spans if s), default=None)
            return Entity(id=p["id"], kind="person", name=p["name"], country=p["country"],
                          code=self.code_for(kb_id), aliases=tuple(p["aliases"]), start=start, end=None,
                          note=p["note"], sources=tuple(p["sources"]), gender=p.get("gender"))
        return None

    def require_entity(self, kb_id: str) -> Entity:
        e = self.entity(kb_id)
        if e is None:
            raise errors.UnknownActor(f"unknown KB id {kb_id!r}",
                                      hint="ids are ISO3 codes (RUS), organisation ids (NATO) or person slugs (vladimir-putin); try find_people()")
        return e

    def lookup(self, id_or_name: str, on: date | str | None = None) -> Entity | None:
        """An id, a country/organisation name or alias, or a person's name -> the best entity."""
        e = self.entity(id_or_name) or self.entity(id_or_name.upper())
        if e:
            return e
        iso3 = self.resolve_country(id_or_name)
        if iso3:
            return self.entity(iso3)
        oid = self._org_index.get(fold_nothe(id_or_name))
        if oid:
            return self.entity(oid)
        people = self.find_people(id_or_name, on)
        return people[0] if people else None

    @cached_property
    def _org_index(self) -> dict[str, str]:
        idx: dict[str, str] = {}
        for o in sorted(self.orgs.values(), key=lambda o: ("curated" not in o["sources"], o["id"])):
            for form in (o["id"], o["name"], o["acronym"] or "", *o["aliases"]):
                key = fold_nothe(form)
                if key:
                    idx.setdefault(key, o["id"])
        return idx

    def organization(self, name_or_id: str) -> Entity | None:
        oid = name_or_id if name_or_id in self.orgs else self._org_index.get(fold_nothe(name_or_id))
        return self.entity(oid) if oid else None

    @cached_property
    def _org_variant_index(self) -> dict[str, str | None]:
        """:func:`_org_variant` of each organisation's name and aliases -> its id. Where several
        share a key (the sources list some bodies twice, "Organisation"/"Organization"), the one
        of them with an acronym, if only one has; else the key names none of them."""
        ids: dict[str, set[str]] = defaultdict(set)
        for o in self.orgs.values():
            for form in {o["name"], *o["aliases"]}:
                key = _org_variant(form)
                if len(key.split()) >= 2:
                    ids[key].add(o["id"])
        idx: dict[str, str | None] = {}
        for key, found in ids.items():
            known = [i for i in found if self.orgs[i]["acronym"]] if len(found) > 1 else list(found)
            idx[key] = known[0] if len(known) == 1 else None
        return idx

    def organization_variant(self, name: str) -> Entity | None:
        """The one organisation whose name this is, written another way: "organisation" or
        "organization", "of" or "for", "co-operation" or "cooperation", with or without a
        closing word that only says what kind of body it is ("Federation", "Inc."). Two words at
        least must remain, and no other organisation may share them."""
        key = _org_variant(name)
        oid = self._org_variant_index.get(key) if len(key.split()) >= 2 else None
        return self.entity(oid) if oid else None

    # ------------------------------------------------------------------ holdings

    @cached_property
    def _holdings(self) -> list[Holding]:
        cols = self.doc["holdings"]["columns"]
        people = self._people
        out = []
        for r in self.doc["holdings"]["rows"]:
            d = dict(zip(cols, r, strict=True))
            name = people[d["person"]]["name"] if d["person"] in people else d["person"]
            out.append(Holding(person_id=d["person"], name=name, office=d["office"], title=d["title"] or "",
                               of=d["of"], start=d["start"], end=d["end"], source=d["source"],
                               note=d["note"] or "", ref=d["ref"] or ""))
        return out

    @cached_property
    def _holdings_by_of(self) -> dict[str, list[Holding]]:
        idx: dict[str, list[Holding]] = defaultdict(list)
        for h in self._holdings:
            idx[h.of].append(h)
        return idx

    @cached_property
    def _holdings_by_person(self) -> dict[str, list[Holding]]:
        idx: dict[str, list[Holding]] = defaultdict(list)
        for h in self._holdings:
            idx[h.person_id].append(h)
        return idx

    def _of(self, of: str) -> str:
        """An office's ``of``: organisation id as is, a country resolved to ISO3 (or UnknownCountry)."""
        if of in self.orgs:
            return of
        if of.upper() in self.orgs:
            return of.upper()
        oid = self._org_index.get(fold_nothe(of))
        if oid and not self.resolve_country(of):
            return oid
        return self.require_country(of).id

    def holders(self, office: str, of: str, on: date | str | None = None) -> list[Holding]:
        """Who held ``office`` of ``of`` (ISO3/country name or organisation id) on ``on`` (default today).

        ``office`` is a normalised office (head_of_state, head_of_government, foreign_minister,
        defence_minister, secretary_general, leader, ...) or a title word (president,
        prime_minister, king, chancellor, ...), matched against the literal titles.
        """
        day = _day(on)
        target = self._of(of)
        wanted_office, title_word = _parse_office(office)
        hits = []
        for h in self._holdings_by_of.get(target, []):
            if not _active(h.start, h.end, day):
                continue
            if wanted_office and h.office != wanted_office:
                continue
            if title_word and not _title_matches(h, title_word):
                continue
            if not wanted_office and h.office in ("government", "military", "leader"):
                continue
            hits.append(h)
        if not hits and wanted_office in HEAD_OFFICES:
            # before ~2012 the sources often record only the effective leader (REIGN/Archigos):
            # return that spell, labelled office="leader", rather than nothing
            hits = [h for h in self._holdings_by_of.get(target, []) if h.office == "leader" and _active(h.start, h.end, day)]
        return _rank_holdings(hits)

    def who(self, title: str, of: str, on: date | str | None = None) -> list[Holding]:
        """Flexible title text ("President", "PM", "Secretary-General", "Foreign Minister") -> holders."""
        return self.holders(title, of, on)

    def roles(self, person_id: str, on: date | str | None = None) -> list[Holding]:
        """A person's holdings (all, or those active on ``on``), most important first."""
        day = _day(on) if on is not None else None
        hs = self._holdings_by_person.get(person_id, [])
        if day is not None:
            hs = [h for h in hs if _active(h.start, h.end, day)]
        order = {"head_of_state": 0, "head_of_government": 1, "secretary_general": 2, "commission_president": 2,
                 "council_president": 2, "high_representative": 2, "commission_chair": 2, "foreign_minister": 3,
                 "defence_minister": 3, "leader": 5, "government": 6, "military": 6}
        return sorted(hs, key=lambda h: (order.get(h.office, 4), h.start or ""), reverse=False)

    # ------------------------------------------------------------------ codes

    @cached_property
    def _codes_by_person(self) -> dict[str, list[tuple[str, str | None, str | None]]]:
        idx: dict[str, list[tuple[str, str | None, str | None]]] = defaultdict(list)
        for person, code, start, end in self.doc["codes"]["rows"]:
            idx[person].append((code, start, end))
        return idx

    def code_for(self, kb_id: str, on: date | str | None = None) -> str | None:
        """CAMEO-style actor code on a date (see docs/kb.md for the rule)."""
        if kb_id in self.countries:
            return kb_id
        if kb_id in self.orgs:
            return self.orgs[kb_id]["code"]
        p = self._people.get(kb_id)
        if p is None:
            return None
        iso = _day(on) if on is not None else date.today().isoformat()
        active = self.roles(kb_id, iso)
        if not active and on is None:
            past = sorted(self._holdings_by_person.get(kb_id, []), key=lambda h: h.end or "9999")
            active = past[-1:] if past else []
        tier = {"government": 2, "military": 2, "leader": 1}
        # explicit offices before effective-leader spells before PETRARCH affiliations; own state first
        active = sorted(active, key=lambda h: (tier.get(h.office, 0), h.of != p["country"]))
        for h in active:
            if h.of in self.orgs and h.of not in self.countries:  # "NAM" is Namibia, not the Non-Aligned Movement
                return self.orgs[h.of]["code"]
            if h.office in MIL_OFFICES:
                return h.of + "MIL"
            if h.office in GOV_OFFICES:
                return h.of + "GOV"
        dated = [c for c, s, e in self._codes_by_person.get(kb_id, []) if _active(s, e, iso)]
        if dated:
            return dated[-1]
        if p.get("default_code"):
            return p["default_code"]
        return p["country"]

    # ------------------------------------------------------------------ state bodies

    @cached_property
    def _agencies(self) -> dict[str, str]:
        return {fold_nothe(name): code for name, code in self.doc.get("agencies", {}).get("rows", [])}

    def agency_code(self, name: str) -> str | None:
        """The CAMEO code of a named body of a state the KB has no entity for ("the FBI" ->
        ``USACOP``, "Defense Department" -> ``USAMIL``), or None."""
        return self._agencies.get(fold_nothe(name))

    # ------------------------------------------------------------------ memberships

    @cached_property
    def _memberships(self) -> list[Membership]:
        cols = self.doc["memberships"]["columns"]
        return [Membership(**{("member" if c == "member" else c): v for c, v in zip(cols, r, strict=True)})
                for r in self.doc["memberships"]["rows"]]

    @cached_property
    def _members_by_org(self) -> dict[str, list[Membership]]:
        idx: dict[str, list[Membership]] = defaultdict(list)
        for m in self._memberships:
            idx[m.org].append(m)
        return idx

    @cached_property
    def _members_by_state(self) -> dict[str, list[Membership]]:
        idx: dict[str, list[Membership]] = defaultdict(list)
        for m in self._memberships:
            idx[m.member].append(m)
        return idx

    def members(self, org_id: str, on: date | str | None = None, status: str | None = None) -> list[Membership]:
        """Memberships of an organisation active on ``on`` (all statuses unless ``status`` is given)."""
        day = _day(on)
        oid = self._org_id(org_id)
        out = [m for m in self._members_by_org.get(oid, []) if _active(m.start or m.attested_from, m.end, day)]
        if status:
            out = [m for m in out if m.status == status]
        return sorted(out, key=lambda m: (m.status != "member", m.member))

    def membership_history(self, org_id: str) -> list[Membership]:
        """Every membership of an organisation the KB knows, whatever its dates (all statuses)."""
        return sorted(self._members_by_org.get(self._org_id(org_id), []),
                      key=lambda m: (m.member, str(m.start or m.attested_from or "")))

    def memberships(self, iso3: str, on: date | str | None = None, status: str | None = None) -> list[Membership]:
        """Organisations a state belongs to (or is joining, observing...) on ``on``."""
        day = _day(on)
        code = self.require_country(iso3).id
        out = [m for m in self._members_by_state.get(code, []) if _active(m.start or m.attested_from, m.end, day)]
        if status:
            out = [m for m in out if m.status == status]
        return sorted(out, key=lambda m: (m.status != "member", m.org))

    def _org_id(self, org_id: str) -> str:
        if org_id in self.orgs:
            return org_id
        oid = self._org_index.get(fold_nothe(org_id)) or (org_id.upper() if org_id.upper() in self.orgs else None)
        if oid is None:
            raise errors.UnknownActor(f"unknown organisation {org_id!r}",
                                      hint="use an id such as NATO, CSTO, EU, UN, SCO, EAEU, BRICS or a full name")
        return oid

    # ------------------------------------------------------------------ people search

    @cached_property
    def _name_index(self) -> dict[str, list[tuple[str, str]]]:
        """Folded name form -> [(person id, attr)] for full names, aliases and surnames."""
        idx: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for p in self._people.values():
            seen: set[str] = set()
            for attr, forms in (("name", [p["name"]]), ("full_name", p["full_names"]), ("alias", p["aliases"]),
                                ("surname", p["surnames"])):
                for form in forms:
                    key = fold(form)
                    if key and key not in seen:
                        seen.add(key)
                        idx[key].append((p["id"], attr))
        return idx

    @cached_property
    def _surname_sounds(self) -> dict[str, list[str]]:
        """:func:`~newsgraph.kb.names.sound_key` of each one-word surname or alias -> person ids."""
        idx: dict[str, list[str]] = defaultdict(list)
        for key, hits in self._name_index.items():
            if " " in key:
                continue
            sound = sound_key(key)
            if len(sound) < 4:
                continue
            for pid, attr in hits:
                if attr in ("surname", "alias") and pid not in idx[sound]:
                    idx[sound].append(pid)
        return idx

    def people_sounding(self, surname: str) -> list[Entity]:
        """People whose surname is this one spelt from Arabic or Persian another way ("Gaddafi" for
        a "Qaddafi"): a loose match, for a caller that checks the given names and the state."""
        sound = sound_key(surname)
        if len(sound) < 4:
            return []
        return [e for pid in self._surname_sounds.get(sound, []) if (e := self.entity(pid)) is not None]

    def find_people(self, name: str, on: date | str | None = None) -> list[Entity]:
        """People matching a full name, a variant or a surname; those in office on ``on`` first."""
        day = _day(on) if on is not None else None
        key = fold(name)
        hits = list(self._name_index.get(key, []))
        if not hits and len(key.split()) > 1:  # "President Tokayev": try the last word as a surname
            hits = [(pid, "surname") for pid, a in self._name_index.get(key.split()[-1], []) if a == "surname"]
        attr_rank = {"name": 0, "full_name": 1, "alias": 1, "surname": 2}
        scored = []
        for pid, attr in hits:
            hs = self._holdings_by_person.get(pid, [])
            important = [h for h in hs if h.office not in ("government", "military")]
            in_office = day is not None and any(_active(h.start, h.end, day) for h in important)
            latest = max((h.end or "9999" for h in important), default="")
            scored.append((not in_office, attr_rank.get(attr, 3), not important, _neg(latest), pid))
        seen: set[str] = set()
        out = []
        for *_, pid in sorted(scored):
            if pid not in seen:
                seen.add(pid)
                e = self.entity(pid)
                if e:
                    out.append(e)
        return out

    # ------------------------------------------------------------------ phrases

    def phrases(self) -> list[Phrase]:
        """Every surface form for a phrase matcher (with diacritic-free variants)."""
        return list(self._phrases)

    @cached_property
    def _phrases(self) -> tuple[Phrase, ...]:
        out: list[Phrase] = []
        seen: set[tuple[str, str, str]] = set()
        common = common_words()

        def add(text: str, kb_id: str, kind: str, attr: str, code: str | None, ambiguous: bool = False) -> None:
            for form in {text, ascii_fold(text)}:
                form = form.strip()
                if len(form) < 2 or (form, kb_id, attr) in seen:
                    continue
                seen.add((form, kb_id, attr))
                out.append(Phrase(form, kb_id, kind, attr, code, ambiguous or form.lower() in common))

        for c in self.countries.values():
            amb = {a.lower() for a in c.ambiguous}
            add(c.name, c.id, "country", "name", c.id, c.name.lower() in amb)
            for a in (c.official, *c.aliases):
                add(a, c.id, "country", "alias", c.id, a.lower() in amb)
            for a in c.adjectives:
                add(a, c.id, "country", "adjective", c.id, a.lower() in amb)
            for a in c.demonyms:
                add(a, c.id, "country", "demonym", c.id, a.lower() in amb)
            for a in c.capitals:
                add(a, c.id, "country", "capital", c.id + "GOV", a.lower() in amb)
            for s in c.seats:
                add(s["text"], c.id, "country", "seat", s["code"], bool(s.get("ambiguous")))
        for o in self.orgs.values():
            if "curated" not in o["sources"] and "petrarch2" not in o["sources"] and o["kind"] != "bloc":
                add(o["name"], o["id"], o["kind"], "name", o["code"])
                continue
            add(o["name"], o["id"], o["kind"], "name", o["code"])
            if o["acronym"]:
                add(o["acronym"], o["id"], o["kind"], "acronym", o["code"])
            for a in o["aliases"]:
                attr = "acronym" if a.isupper() and " " not in a else "alias"
                add(a, o["id"], o["kind"], attr, o["code"])
        office_people = {h.person_id for h in self._holdings if h.source != "petrarch2"}
        for p in self._people.values():
            add(p["name"], p["id"], "person", "name", None)
            for a in p["full_names"]:
                add(a, p["id"], "person", "full_name", None)
            for a in p["aliases"]:
                if len(a.split()) > 1:
                    add(a, p["id"], "person", "alias", None)
            if p["id"] in office_people:
                for s in p["surnames"]:
                    add(s, p["id"], "person", "surname", None, True)
        return tuple(out) + self.extra

    # ------------------------------------------------------------------ coverage

    def coverage(self, on: date | str | None = None) -> dict[str, Any]:
        """UN member states with a dated head of state and head of government on ``on``."""
        day = _day(on)
        un = sorted(c.id for c in self.countries.values() if c.un_member)
        missing_hos, missing_hog = [], []
        for iso3 in un:
            hs = self._holdings_by_of.get(iso3, [])
            if not any(h.office == "head_of_state" and h.start and _active(h.start, h.end, day) for h in hs):
                missing_hos.append(iso3)
            if not any(h.office == "head_of_government" and h.start and _active(h.start, h.end, day) for h in hs):
                missing_hog.append(iso3)
        both = [i for i in un if i not in missing_hos and i not in missing_hog]
        return {"date": day, "un_members": len(un), "with_head_of_state": len(un) - len(missing_hos),
                "with_head_of_government": len(un) - len(missing_hog), "with_both": len(both),
                "missing_head_of_state": missing_hos, "missing_head_of_government": missing_hog}

    def stats(self) -> dict[str, int]:
        return dict(self.doc.get("counts", {}))


# words an organisation's name may have or lack with no change of body
_ORG_FILLER = frozenset({"the", "of", "for", "and", "on", "in", "at"})
# closing words that only say what kind of body a name is ("Planned Parenthood Federation")
_ORG_CLOSING = frozenset({"federation", "inc", "incorporated", "corp", "corporation", "co", "company", "ltd",
                          "limited", "llc", "plc"})


def _org_variant(name: str) -> str:
    """A loose key of an organisation's name (:meth:`KB.organization_variant`)."""
    words = re.sub(r"[^a-z0-9 ]", "", fold(name).replace("-", "").replace("&", " and ")).split()
    words = [w.replace("isation", "ization") for w in words if w not in _ORG_FILLER]
    while words and words[-1] in _ORG_CLOSING:
        words.pop()
    return " ".join(words)


def _country(rec: dict[str, Any]) -> Country:
    return Country(id=rec["id"], iso2=rec["iso2"], name=rec["name"], official=rec["official"],
                   aliases=tuple(rec["aliases"]), adjectives=tuple(rec["adjectives"]),
                   demonyms=tuple(rec["demonyms"]), capital=rec["capital"], capitals=tuple(rec["capitals"]),
                   seats=tuple(rec["seats"]), ambiguous=tuple(rec["ambiguous"]), un_member=rec["un_member"],
                   independent=rec["independent"], lat=rec["lat"], lon=rec["lon"], capital_lat=rec["capital_lat"],
                   capital_lon=rec["capital_lon"], region=rec["region"], gec=rec["gec"], gw=rec["gw"])


def _day(on: date | str | None) -> str:
    if isinstance(on, str):
        return _day_text(on)
    d = to_date(on, what="date") if on is not None else date.today()
    assert d is not None
    return d.isoformat()


@lru_cache(maxsize=4096)
def _day_text(on: str) -> str:
    """A validated ISO date for a date string (cached: articles ask about the same day many times)."""
    d = to_date(on, what="date")
    assert d is not None
    return d.isoformat()


def _active(start: str | None, end: str | None, day: str) -> bool:
    """[start, end) contains day; a missing start never matches (unknown is not 'always')."""
    return bool(start) and start <= day and (end is None or day < end)  # type: ignore[operator]


def _neg(iso: str) -> str:
    return "".join(chr(255 - ord(c)) for c in iso)


def _parse_office(text: str) -> tuple[str | None, str | None]:
    """Office or title text -> (normalised office or None, title word to match or None)."""
    raw = text.strip()
    key = re.sub(r"[_\-]+", " ", raw.lower()).strip()
    key = re.sub(r"\s+", " ", key)
    if key.replace(" ", "_") in {"head_of_state", "head_of_government", "vice_president", "foreign_minister",
                                 "defence_minister", "secretary_general", "leader", "high_representative",
                                 "commission_president", "council_president", "commission_chair", "government",
                                 "military"}:
        return key.replace(" ", "_"), None
    if key in _TITLE_ALIASES:
        return _TITLE_ALIASES[key]
    if key.endswith("s") and key[:-1] in _TITLE_ALIASES:
        return _TITLE_ALIASES[key[:-1]]
    return None, key


def _title_matches(h: Holding, word: str) -> bool:
    title = h.title.lower()
    if word == "president":
        if h.office in _PRESIDENT_OFFICES:
            return True
        return ("president" in title and "vice" not in title and "vice-president" not in title
                and h.office in HEAD_OFFICES)
    if word in ("prime minister", "premier"):
        return h.office == "head_of_government" and ("prime minister" in title or "premier" in title)
    if word == "chair":
        return "chair" in title
    return word in title


def _rank_holdings(hits: list[Holding]) -> list[Holding]:
    """One line per person, explicit sources before inferred ones, latest start first."""
    def rank(h: Holding) -> tuple[int, int, str]:
        inferred = 1 if "inferred" in h.source else 0
        office = {"head_of_state": 0, "head_of_government": 1}.get(h.office, 2)
        return (inferred, office, _neg(h.start or ""))

    out: list[Holding] = []
    seen: set[str] = set()
    for h in sorted(hits, key=rank):
        if h.person_id not in seen:
            seen.add(h.person_id)
            out.append(h)
    return out


__all__ = ["DATA_FILE", "KB"]
