"""Corpus analytics over the store: near-duplicate articles, reports clustered into real events,
dyad and bloc time series, and the actor network.

Everything here reads the derived tables the store writes with each article (``event_dyads``:
one row per source x target actor of an event with both actors' countries;
``article_signatures``: a MinHash of the article text), so queries are single vectorised SQL
statements over DuckDB, not Python loops over events.

- :func:`find_duplicates` links wire copies and other near-duplicate articles (MinHash + LSH
  banding, verified on the signatures) into groups with one canonical article; series, networks
  and cluster counts leave the copies out so a story syndicated ten times counts once.
- :func:`cluster_events` groups event reports into real events: same dyad and PLOVER type, dates
  at most ``[analytics] cluster_days`` apart, and similar evidence (token Jaccard), keeping every
  report with its article and news source, and counting articles and distinct sources per event
  (what GDELT's NumArticles / NumSources mean, but per event).
- :func:`series` counts events between two selectors per day, week or month. A selector is an
  actor (id or name), a country (ISO3: its own events and those of people whose state it is) or
  an organisation / bloc, which rolls up the events of its members *as of each event's date*
  through a membership provider (the knowledge base by default).
- :func:`network` builds the directed actor graph weighted by events and signed by cooperation
  versus conflict.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from . import config as _config
from .errors import BadArgument, NewsgraphError
from .minhash import (  # re-exported: part of this module's API before MinHash moved out
    MINHASH_PERMUTATIONS,
    minhash_signature,
    shingle_hashes,
    signature_similarity,
)
from .model import QUADS, content_hash
from .schema import query_columns
from .store import key64

if TYPE_CHECKING:
    import networkx as nx

    from .store import Store

# ---------------------------------------------------------------------------------------------
# union-find (connected components over candidate pairs)
# ---------------------------------------------------------------------------------------------

class _Components:
    """Union-find whose root is always the smallest member (so labels are deterministic)."""

    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Any) -> Any:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: Any, b: Any) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            self.parent[hi] = lo


def analytics_config(config: dict[str, Any] | None) -> dict[str, Any]:
    """The [analytics] section, defaults filled in (a hand-made config dict may lack it)."""
    return {**_config.defaults()["analytics"], **(config or _config.load()).get("analytics", {})}


# ---------------------------------------------------------------------------------------------
# near-duplicate articles
# ---------------------------------------------------------------------------------------------

@dataclass
class DuplicateReport:
    articles: int = 0
    signed: int = 0  # signatures computed now (articles stored before signatures existed)
    candidates: int = 0
    pairs: int = 0
    groups: int = 0
    copies: int = 0  # articles that are a copy of an earlier one (left out of counts)

    def to_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def _sign_missing(store: Store) -> int:
    rows = store.execute("SELECT id, text FROM articles WHERE id NOT IN (SELECT article_id FROM article_signatures)")
    store.insert_rows("article_signatures", [{"article_id": aid, "minhash": minhash_signature(text).tolist()}
                                             for aid, text in rows])
    return len(rows)


def find_duplicates(store: Store, *, threshold: float | None = None, bands: int | None = None,
                    config: dict[str, Any] | None = None) -> DuplicateReport:
    """Find near-duplicate articles and rewrite ``duplicate_pairs`` and ``article_duplicates``.

    LSH: the signature is cut into ``bands`` bands; articles sharing any band are candidates,
    kept when their estimated Jaccard similarity (of word 5-gram sets) is at least ``threshold``.
    Groups are the connected components; the canonical article of a group is the one published
    first (then stored first). One transaction: readers see the old or the new linking.
    """
    cfg = analytics_config(config)
    threshold = float(cfg["dup_threshold"] if threshold is None else threshold)
    bands = int(cfg["dup_bands"] if bands is None else bands)
    if not 0 < threshold <= 1:
        raise BadArgument(f"the duplicate threshold must be in (0, 1], not {threshold}")
    if MINHASH_PERMUTATIONS % bands:
        raise BadArgument(f"dup_bands must divide {MINHASH_PERMUTATIONS}, not {bands}")
    rows = MINHASH_PERMUTATIONS // bands
    rep = DuplicateReport()
    with store.transaction("finding near-duplicate articles"):
        rep.signed = _sign_missing(store)
        rep.articles = int(store.execute("SELECT count(*) FROM articles")[0][0])
        store.execute(f"""
            CREATE OR REPLACE TEMP TABLE _candidates AS
            WITH b AS (
                SELECT article_id, band, hash(minhash[band * {rows} + 1 : (band + 1) * {rows}]) AS key
                FROM article_signatures, range({bands}) t(band))
            SELECT DISTINCT x.article_id AS a, y.article_id AS b
            FROM b x JOIN b y ON x.band = y.band AND x.key = y.key AND x.article_id < y.article_id""")
        rep.candidates = int(store.execute("SELECT count(*) FROM _candidates")[0][0])
        pairs = store.execute("""
            SELECT a, b, sim FROM (
                SELECT c.a, c.b,
                       len(list_filter(list_zip(sa.minhash, sb.minhash), lambda z: z[1] = z[2]))
                           / len(sa.minhash) AS sim
                FROM _candidates c JOIN article_signatures sa ON sa.article_id = c.a
                                   JOIN article_signatures sb ON sb.article_id = c.b)
            WHERE sim >= ? ORDER BY a, b""", [threshold])
        store.execute("DROP TABLE _candidates")
        kept = [(a, b, float(sim)) for a, b, sim in pairs]
        rep.pairs = len(kept)
        store.execute("DELETE FROM duplicate_pairs")
        store.execute("DELETE FROM article_duplicates")
        if kept:
            store.insert_rows("duplicate_pairs", [{"article_a": a, "article_b": b, "similarity": sim}
                                                  for a, b, sim in kept])
            _write_groups(store, kept, rep)
    return rep


def _write_groups(store: Store, pairs: list[tuple[str, str, float]], rep: DuplicateReport) -> None:
    comps = _Components()
    for a, b, _ in pairs:
        comps.union(a, b)
    members = sorted({x for a, b, _ in pairs for x in (a, b)})
    order = dict(store.execute(
        "SELECT id, row_number() OVER (ORDER BY published NULLS LAST, ingested_at, id) FROM articles "
        "WHERE id IN (SELECT unnest(?))", [members]))
    groups: dict[str, list[str]] = {}
    for m in members:
        groups.setdefault(comps.find(m), []).append(m)
    best: dict[str, float] = {}
    for a, b, s in pairs:
        best[a] = max(best.get(a, 0.0), s)
        best[b] = max(best.get(b, 0.0), s)
    rows = []
    for group in groups.values():
        canonical = min(group, key=lambda x: order.get(x, 1 << 62))
        rows += [{"article_id": m, "group_id": canonical, "canonical_id": canonical,
                  "similarity": 1.0 if m == canonical else best[m], "article_key": key64(m)} for m in group]
    store.insert_rows("article_duplicates", rows)
    rep.groups = len(groups)
    rep.copies = len(rows) - len(groups)


_NOT_A_COPY = ("article_key NOT IN (SELECT article_key FROM article_duplicates "
               "WHERE article_id <> canonical_id)")


# ---------------------------------------------------------------------------------------------
# reports -> real events
# ---------------------------------------------------------------------------------------------

# words that carry no event content (3+ letters; shorter words are dropped anyway)
STOPWORDS = (
    "about", "after", "again", "against", "all", "also", "and", "any", "are", "because", "been", "before",
    "being", "between", "both", "but", "can", "could", "during", "each", "few", "for", "from", "further",
    "had", "has", "have", "her", "here", "him", "his", "how", "into", "its", "just", "may", "more", "most",
    "new", "nor", "not", "now", "off", "once", "one", "only", "other", "our", "out", "over", "own", "said",
    "same", "say", "says", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "told", "too", "under", "use", "very", "was",
    "were", "what", "when", "where", "which", "while", "who", "why", "will", "with", "would", "yet", "you",
)

NEWS_SOURCE_SQL = ("coalesce(nullif(regexp_extract(a.url, '^[A-Za-z][A-Za-z0-9+.-]*://(www\\.)?([^/:?#]+)', 2), ''), "
                    "regexp_replace(a.source, ':[0-9]+$', ''), a.id)")


@dataclass
class ClusterReport:
    reports: int = 0
    pairs: int = 0
    clusters: int = 0
    multi_report: int = 0  # clusters with more than one report

    def to_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def cluster_events(store: Store, *, days: int | None = None, jaccard: float | None = None,
                   config: dict[str, Any] | None = None) -> ClusterReport:
    """Cluster event reports into real events and rewrite ``event_clusters`` / ``event_cluster_reports``.

    A report is one dyad of one event in one article (negated and undated events are left out).
    Two reports are the same real event when they have the same source actor, target actor and
    PLOVER type, their dates are at most ``days`` apart, and their evidence sentences share at
    least ``jaccard`` of their content words; clusters are the connected components of that
    relation (so a chain of adjacent days joins up). Every report stays listed with its article,
    URL and news source (URL domain, else the input it came from).
    """
    cfg = analytics_config(config)
    days = int(cfg["cluster_days"] if days is None else days)
    jaccard = float(cfg["cluster_jaccard"] if jaccard is None else jaccard)
    if days < 0 or not 0 <= jaccard <= 1:
        raise BadArgument("cluster days must be >= 0 and the Jaccard threshold in [0, 1]")
    rep = ClusterReport()
    with store.transaction("clustering event reports"):
        store.execute("""
            CREATE OR REPLACE TEMP TABLE _reports AS
            SELECT (row_number() OVER (ORDER BY d.date, d.article_id, d.event_id, d.source_id, d.target_id) - 1)::BIGINT
                       AS rid,
                   d.*, e.evidence,
                   list_distinct(list_filter(regexp_extract_all(lower(e.evidence), '[a-z0-9]+'),
                                             lambda w: len(w) > 2 AND NOT list_contains(?, w))) AS toks
            FROM event_dyads d
            JOIN (SELECT article_id, event_id, any_value(evidence) AS evidence FROM events GROUP BY ALL) e
              USING (article_id, event_id)
            WHERE NOT d.negated AND d.date IS NOT NULL""", [list(STOPWORDS)])
        rep.reports = int(store.execute("SELECT count(*) FROM _reports")[0][0])
        pairs = store.execute("""
            SELECT x.rid, y.rid FROM _reports x JOIN _reports y
              ON coalesce(x.source_id, '') = coalesce(y.source_id, '')
             AND coalesce(x.target_id, '') = coalesce(y.target_id, '')
             AND coalesce(x.plover, '') = coalesce(y.plover, '')
             AND x.rid < y.rid
            WHERE y.date - x.date <= ?
              AND len(list_intersect(x.toks, y.toks)) >= ? * len(list_distinct(list_concat(x.toks, y.toks)))
              AND len(x.toks) > 0""", [days, jaccard])
        rep.pairs = len(pairs)
        comps = _Components()
        for a, b in pairs:
            comps.union(a, b)
        _write_clusters(store, comps, rep)
        store.execute("DROP TABLE _reports")
    return rep


def _write_clusters(store: Store, comps: _Components, rep: ClusterReport) -> None:
    import pyarrow as pa

    rids = list(comps.parent)
    labels = pa.table({"rid": pa.array(rids, pa.int64()),
                       "root": pa.array([comps.find(r) for r in rids], pa.int64())})
    with store.registered({"_labels": labels}):
        store.execute("DELETE FROM event_cluster_reports")
        store.execute("DELETE FROM event_clusters")
        store.execute(f"""
            CREATE OR REPLACE TEMP TABLE _labelled AS
            SELECT r.*, coalesce(l.root, r.rid) AS root, {NEWS_SOURCE_SQL} AS news_source, a.url,
                   dup.canonical_id AS duplicate_of
            FROM _reports r
            JOIN articles a ON a.id = r.article_id
            LEFT JOIN _labels l ON l.rid = r.rid
            LEFT JOIN (SELECT article_id, canonical_id FROM article_duplicates WHERE article_id <> canonical_id) dup
              ON dup.article_id = r.article_id""")
    # the cluster id: a content hash of the dyad, type and first report, stable across reruns
    store.execute("""
        CREATE OR REPLACE TEMP TABLE _ids AS
        SELECT rid AS root, substr(sha256(coalesce(source_id, '') || '>' || coalesce(target_id, '') || ':' ||
               coalesce(plover, '') || ':' || article_id || ':' || event_id), 1, 16) AS cluster_id
        FROM _labelled WHERE rid = root""")
    store.execute("""
        INSERT INTO event_cluster_reports
        SELECT i.cluster_id, l.article_id, l.event_id, l.date, l.source_id, l.target_id, l.news_source, l.url,
               l.duplicate_of
        FROM _labelled l JOIN _ids i USING (root) ORDER BY l.rid""")
    store.execute("""
        INSERT INTO event_clusters
        SELECT i.cluster_id, min(l.date), max(l.date), any_value(l.source_id), any_value(l.target_id),
               any_value(l.source_country), any_value(l.target_country), any_value(l.plover), mode(l.cameo),
               mode(l.quad), round(avg(l.goldstein), 3), count(*), count(DISTINCT l.article_id),
               count(DISTINCT coalesce(l.duplicate_of, l.article_id)), count(DISTINCT l.news_source),
               list_sort(list_distinct(list(l.news_source))), arg_min(l.evidence, l.rid)
        FROM _labelled l JOIN _ids i USING (root)
        GROUP BY i.cluster_id""")
    rep.clusters = int(store.execute("SELECT count(*) FROM event_clusters")[0][0])
    rep.multi_report = int(store.execute("SELECT count(*) FROM event_clusters WHERE n_reports > 1")[0][0])
    store.execute("DROP TABLE _labelled")
    store.execute("DROP TABLE _ids")


def clusters(store: Store, *, date_from: str | None = None, date_to: str | None = None, actor: str | None = None,
             min_articles: int = 1, limit: int | None = None) -> list[dict[str, Any]]:
    """Stored real events (clusters), most reported first: every one unless ``limit``."""
    where, params = date_conditions(date_from, date_to, first="date_start", last="date_end")
    where, params = ["n_articles >= ?", *where], [min_articles, *params]
    if actor:
        ids = store.actor_ids(actor)
        where.append("(source_id IN (SELECT unnest(?)) OR target_id IN (SELECT unnest(?)) "
                     "OR source_country = upper(?) OR target_country = upper(?))")
        params += [ids, ids, actor, actor]
    return store.query(
        "SELECT cluster_id, date_start, date_end, source_id AS source, target_id AS target, plover, cameo, quad, "
        "goldstein, n_reports, n_articles, n_independent, n_sources, sources, evidence FROM event_clusters "
        f"WHERE {' AND '.join(where)} ORDER BY n_articles DESC, n_sources DESC, date_start, cluster_id"
        + (" LIMIT ?" if limit is not None else ""), [*params, *([limit] if limit is not None else [])])


def cluster_reports(store: Store, cluster_id: str) -> list[dict[str, Any]]:
    """Every report of one real event, with its article and source."""
    return store.query(
        "SELECT r.article_id, r.event_id, r.date, r.source_id, r.target_id, r.news_source, r.url, r.duplicate_of, "
        "e.evidence FROM event_cluster_reports r LEFT JOIN events e USING (article_id, event_id) "
        "WHERE r.cluster_id = ? ORDER BY r.date, r.article_id", [cluster_id])


# ---------------------------------------------------------------------------------------------
# selectors: actors, countries and organisations (rolled up through memberships)
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Membership:
    """One membership period (the knowledge base's Membership has the same fields)."""

    member: str  # ISO3
    org: str
    status: str = "member"
    start: str | None = None
    end: str | None = None


class MembershipProvider(Protocol):
    """What the roll-up needs: the memberships of ``org_id`` as of ``on`` (None: every period known)."""

    def members(self, org_id: str, on: str | None) -> Sequence[Any]: ...


class TableMemberships:
    """A membership provider over a plain table: for tests, or for a user's own bloc definitions."""

    def __init__(self, rows: Iterable[Membership | tuple[Any, ...]]):
        self.rows = [r if isinstance(r, Membership) else Membership(*r) for r in rows]

    def members(self, org_id: str, on: str | None = None) -> list[Membership]:
        out = []
        for m in self.rows:
            if m.org.upper() != org_id.upper():
                continue
            if on is not None and not (_bound(m.start, False) <= on < _bound(m.end, True)):
                continue
            out.append(m)
        return out


def kb_memberships() -> MembershipProvider | None:
    """The knowledge base as a membership provider, or None while it is not available."""
    try:
        from .kb import get_kb

        return get_kb()
    except (ImportError, NewsgraphError):
        return None


def _bound(value: Any, end: bool) -> str:
    """A membership start (inclusive) or end (exclusive, as the knowledge base's ``[start, end)``) as an
    ISO date. A year or a month alone covers the whole of it; open ends become the far past / future."""
    if value in (None, ""):
        return "9999-12-31" if end else "0001-01-01"
    text = value.isoformat() if isinstance(value, date) else str(value)
    parts = text[:10].split("-")
    if len(parts) == 1:
        return f"{int(parts[0]) + 1:04d}-01-01" if end else f"{parts[0]}-01-01"
    if len(parts) == 2:
        y, m = int(parts[0]), int(parts[1])
        return date(y + (m == 12), m % 12 + 1, 1).isoformat() if end else f"{parts[0]}-{parts[1]}-01"
    return text[:10]


def _month_starts(first: date, last: date) -> Iterable[date]:
    d = date(first.year, first.month, 1)
    while d <= last:
        yield d
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def membership_periods(provider: MembershipProvider, org: str, first: date, last: date) -> list[tuple[str, str, str]]:
    """(member ISO3, start, end) of every 'member' period of ``org`` overlapping [first, last].

    ``end`` is exclusive. A provider with ``membership_history(org)`` (the knowledge base) gives every
    period at once; any other is asked for ``on=None`` and as of the first of each month in the
    range, so one that answers "as of a date" only still yields the history. An organisation the
    provider does not know has no members.
    """
    found: dict[tuple[Any, ...], Any] = {}

    def take(ms: Iterable[Any]) -> None:
        for m in ms:
            found[(m.member, getattr(m, "status", "member"), str(m.start), str(m.end))] = m

    history = getattr(provider, "membership_history", None)
    if history is not None:  # the knowledge base: every period in one call
        try:
            take(history(org))
        except NewsgraphError:  # not an organisation it knows
            return []
    else:
        try:
            take(provider.members(org, None))
        except (TypeError, ValueError):
            pass
        except NewsgraphError:  # not an organisation it knows
            return []
        for d in _month_starts(first, last):
            take(provider.members(org, d.isoformat()))
    periods = set()
    for m in found.values():
        if str(getattr(m, "status", "member") or "member").lower() != "member" or not m.member:
            continue
        start = _bound(m.start or getattr(m, "attested_from", None), False)
        end = _bound(m.end, True)
        if start <= last.isoformat() and end > first.isoformat():
            periods.add((str(m.member).upper(), start, end))
    return sorted(periods)


@dataclass
class Selector:
    """Which side of a dyad matches: actor ids, a country (and its people), or an organisation's members."""

    query: str
    kind: str  # any | actor | country | organization
    ids: list[str] = field(default_factory=list)
    country: str | None = None
    members: list[tuple[str, str, str]] = field(default_factory=list)  # (ISO3, start, end exclusive)

    def alternatives(self, side: str) -> list[tuple[str, list[Any]]]:
        """WHERE conditions on ``event_dyads`` for the ``source`` or ``target`` side, any of which matches.

        Each one is a plain conjunction that DuckDB can push into the table scan; an OR across
        columns cannot be, so alternatives become branches of a UNION instead.
        """
        if self.kind == "any":
            return [("TRUE", [])]
        if self.kind == "country":  # a country's own rows carry it as their country too (dyad_rows)
            return [(f"{side}_country = ?", [self.country])]
        alts = [(f"{side}_id IN ({', '.join('?' * len(self.ids))})", list(self.ids))] if self.ids else []
        if self.members:
            members = sorted({m for m, _, _ in self.members})
            spans = " OR ".join(f"({side}_country = ? AND date >= ? AND date < ?)" for _ in self.members)
            params: list[Any] = list(members)
            for m, start, end in self.members:
                params += [m, start, end]
            alts.append((f"{side}_country IN ({', '.join('?' * len(members))}) AND ({spans})", params))
        return alts or [("FALSE", [])]

    def sql(self, side: str) -> tuple[str, list[Any]]:
        """The alternatives as one condition (OR)."""
        alts = self.alternatives(side)
        return "(" + " OR ".join(f"({c})" for c, _ in alts) + ")", [p for _, ps in alts for p in ps]

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "kind": self.kind, "ids": self.ids, "country": self.country,
                "members": [{"member": m, "start": s, "end": e} for m, s, e in self.members]}


def _date_range(store: Store, date_from: str | None, date_to: str | None) -> tuple[date, date]:
    lo, hi = store.execute("SELECT min(date), max(date) FROM event_dyads")[0]
    first = date.fromisoformat(date_from) if date_from else (lo or date.today())
    last = date.fromisoformat(date_to) if date_to else (hi or date.today())
    return first, max(first, last)


def resolve(store: Store, query: str | None, *, provider: MembershipProvider | None = None,
            date_from: str | None = None, date_to: str | None = None) -> Selector:
    """What ``query`` names: a country (ISO3 or a country actor's name), an organisation or bloc
    with members (rolled up), or actors by id / code / name."""
    if not query:
        return Selector("*", "any")
    q = query.strip()
    up = q.upper()
    if re.fullmatch(r"[A-Za-z]{3}", q) and store.execute(
            "SELECT 1 FROM actors WHERE (actor_id = ? AND kind = 'country') OR country = ? LIMIT 1", [up, up]):
        return Selector(q, "country", ids=[up], country=up)
    if provider is not None:
        first, last = _date_range(store, date_from, date_to)
        periods = membership_periods(provider, up, first, last)
        if periods:
            return Selector(q, "organization", ids=[up], members=periods)
    ids = store.actor_ids(q)
    kinds = dict(store.execute("SELECT actor_id, any_value(kind) FROM actors WHERE actor_id IN (SELECT unnest(?)) "
                               "GROUP BY actor_id", [ids]))
    countries = [i for i in ids if kinds.get(i) == "country"]
    if len(countries) == 1:
        return Selector(q, "country", ids=countries, country=countries[0])
    return Selector(q, "actor", ids=ids)


# ---------------------------------------------------------------------------------------------
# series
# ---------------------------------------------------------------------------------------------

PERIODS = ("day", "week", "month")
QUAD_COLUMNS = {q: q.replace(" ", "_") for q in QUADS}


@dataclass
class Series:
    source: Selector
    target: Selector
    by: str
    rows: list[dict[str, Any]]
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source.to_dict(), "target": self.target.to_dict(), "by": self.by,
                "rows": self.rows, "warnings": self.warnings}


def _period_start(d: date, by: str) -> date:
    if by == "week":
        return d - timedelta(days=d.weekday())
    if by == "month":
        return d.replace(day=1)
    return d


def _next_period(d: date, by: str) -> date:
    if by == "day":
        return d + timedelta(days=1)
    if by == "week":
        return d + timedelta(days=7)
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def _empty_row(period: date) -> dict[str, Any]:
    return {"period": period, "events": 0, "articles": 0, "goldstein_sum": 0.0, "goldstein_mean": None,
            **dict.fromkeys(QUAD_COLUMNS.values(), 0)}


def date_conditions(date_from: str | None, date_to: str | None, *, first: str = "date", last: str = "date"
                 ) -> tuple[list[str], list[Any]]:
    """SQL conditions (and their parameters) that the dates in columns ``first`` to ``last`` overlap
    ``date_from`` to ``date_to`` (either may be open; one date column: ``first = last``)."""
    conditions, params = [], []
    if date_from:
        conditions.append(f"{last} >= ?")
        params.append(date_from)
    if date_to:
        conditions.append(f"{first} <= ?")
        params.append(date_to)
    return conditions, params


def _dyad_conditions(date_from: str | None, date_to: str | None, include_negated: bool) -> tuple[list[str], list[Any]]:
    """Conditions on ``event_dyads`` (and their parameters) for a date range and negated events."""
    conditions, params = date_conditions(date_from, date_to)
    return conditions + ([] if include_negated else ["NOT negated"]), params


def _matching_dyads(src: Selector, tgt: Selector, columns: str, common: list[str], common_params: list[Any],
                    include_copies: bool) -> tuple[str, list[Any]]:
    """SQL (and its parameters) for the distinct ``columns`` of the dyad rows from ``src`` to ``tgt``
    that meet the ``common`` conditions: a UNION branch per pair of selector alternatives (so each
    stays a plain conjunction DuckDB pushes into the scan); copies of articles left out unless asked for."""
    branches, params = [], []
    for s_cond, s_params in src.alternatives("source"):
        for t_cond, t_params in tgt.alternatives("target"):
            branches.append(f"SELECT {columns} FROM event_dyads WHERE ({s_cond}) AND ({t_cond}) "
                            f"AND {' AND '.join(common)}")
            params += [*s_params, *t_params, *common_params]
    copies = "" if include_copies else f"WHERE {_NOT_A_COPY}"
    return f"SELECT DISTINCT * FROM ({' UNION ALL '.join(branches)}) {copies}", params


def series(store: Store, source: str | None = None, target: str | None = None, *, by: str = "week",
           date_from: str | None = None, date_to: str | None = None,
           provider: MembershipProvider | str | None = "kb", include_copies: bool = False,
           include_negated: bool = False, fill: bool = True) -> Series:
    """Events from ``source`` to ``target`` per period: counts, Goldstein sum and mean, quad classes.

    An event counts once per period however many of its dyads match (an event by two CSTO members
    against one target is one event for CSTO). ``provider`` answers organisation memberships; the
    default ``"kb"`` is the knowledge base, None turns roll-ups off. Copies of an article (near
    duplicates) and negated events ("did not attack") are left out unless asked for.
    """
    if by not in PERIODS:
        raise BadArgument(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    warnings: list[str] = []
    if provider == "kb":
        provider = kb_memberships()
        if provider is None:
            warnings.append("the knowledge base is not available: organisations are matched as actors only, "
                            "without rolling up their members")
    prov = provider if not isinstance(provider, str) else None
    src = resolve(store, source, provider=prov, date_from=date_from, date_to=date_to)
    tgt = resolve(store, target, provider=prov, date_from=date_from, date_to=date_to)
    common, common_params = _dyad_conditions(date_from, date_to, include_negated)
    dyads, params = _matching_dyads(src, tgt, "event_key, article_key, date, goldstein, quad",
                                    ["date IS NOT NULL", *common], common_params, include_copies)
    quads = ", ".join(f"count(*) FILTER (WHERE quad = '{q}') AS {c}" for q, c in QUAD_COLUMNS.items())
    # an event counts once however many of its dyads match (integer keys: fast to deduplicate)
    sql = f"""
        WITH ev AS ({dyads})
        SELECT CAST(date_trunc('{by}', date) AS DATE) AS period, count(*) AS events,
               count(DISTINCT article_key) AS articles, round(coalesce(sum(goldstein), 0), 3) AS goldstein_sum,
               round(avg(goldstein), 3) AS goldstein_mean, {quads}
        FROM ev GROUP BY period ORDER BY period"""
    rows = store.query(sql, params)
    if fill:
        rows = _fill(rows, by, date_from, date_to)
    return Series(src, tgt, by, rows, warnings)


def series_events(store: Store, source: str | None, target: str | None, period: str, *, by: str = "week",
                  provider: MembershipProvider | str | None = "kb", include_copies: bool = False,
                  include_negated: bool = False, limit: int | None = None) -> list[dict[str, Any]]:
    """The events behind one row of :func:`series` (same selectors, same rules), for drilling down:
    every one unless ``limit``."""
    if by not in PERIODS:
        raise BadArgument(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    prov = kb_memberships() if provider == "kb" else provider
    prov = prov if not isinstance(prov, str) else None
    start = _period_start(date.fromisoformat(str(period)[:10]), by)
    end = _next_period(start, by)
    src = resolve(store, source, provider=prov, date_from=start.isoformat(), date_to=end.isoformat())
    tgt = resolve(store, target, provider=prov, date_from=start.isoformat(), date_to=end.isoformat())
    common = ["date >= ?", "date < ?", *([] if include_negated else ["NOT negated"])]
    dyads, params = _matching_dyads(src, tgt, "article_key, event_key", common, [start.isoformat(), end.isoformat()],
                                    include_copies)
    return store.query(f"""
        WITH keys AS ({dyads}),
        ev AS (SELECT DISTINCT d.article_id, d.event_id FROM event_dyads d JOIN keys USING (article_key, event_key))
        SELECT {query_columns("events", "e")}
        FROM events e JOIN ev USING (article_id, event_id)
        ORDER BY e.date, e.article_id, e.evidence_start""" + (" LIMIT ?" if limit is not None else ""),
        [*params, *([limit] if limit is not None else [])])


def _fill(rows: list[dict[str, Any]], by: str, date_from: str | None, date_to: str | None) -> list[dict[str, Any]]:
    """Every period between the first and last (or --from/--to), zero where nothing happened."""
    if not rows and not (date_from and date_to):
        return rows
    have = {r["period"]: r for r in rows}
    first = _period_start(date.fromisoformat(date_from), by) if date_from else min(have)
    last = _period_start(date.fromisoformat(date_to), by) if date_to else max(have)
    out, d = [], first
    while d <= last:
        out.append(have.get(d) or _empty_row(d))
        d = _next_period(d, by)
    return out


# ---------------------------------------------------------------------------------------------
# network
# ---------------------------------------------------------------------------------------------

EDGE_ATTRIBUTES = (("weight", "int"), ("goldstein_sum", "double"), ("goldstein_mean", "double"),
                   ("cooperation", "int"), ("conflict", "int"), ("sign", "int"))
NODE_ATTRIBUTES = (("name", "string"), ("kind", "string"), ("country", "string"), ("code", "string"),
                   ("events", "int"))


def network_tables(store: Store, *, date_from: str | None = None, date_to: str | None = None, min_weight: int = 1,
                   by: str = "actor", include_copies: bool = False, include_negated: bool = False) -> tuple[int, int]:
    """Compute the actor graph into the temporary tables ``_ng_nodes`` and ``_ng_edges``.

    Set-based SQL end to end, so graph writers can stream millions of edges straight from DuckDB
    (:func:`newsgraph.export.export_network`) without building Python objects. Returns
    (nodes, edges). See :func:`network` for the attributes.
    """
    if by not in ("actor", "country"):
        raise BadArgument(f"by must be 'actor' or 'country', not {by!r}")
    s_col, t_col = (("source_id", "target_id") if by == "actor"
                    else ("coalesce(source_country, source_id)", "coalesce(target_country, target_id)"))
    where, params = _dyad_conditions(date_from, date_to, include_negated)
    where = ["source_id IS NOT NULL", "target_id IS NOT NULL", *where]
    if not include_copies:
        where.append(_NOT_A_COPY)
    # a dyad row is unique per (article, event, source, target); folding into countries can repeat one
    distinct = "DISTINCT" if by == "country" else ""
    store.execute(f"""
        CREATE OR REPLACE TEMP TABLE _ng_edges AS
        WITH ev AS (SELECT {distinct} article_key, event_key, {s_col} AS s, {t_col} AS t, goldstein, quad
                    FROM event_dyads WHERE {' AND '.join(where)}),
        agg AS (SELECT s, t, count(*) AS weight, round(coalesce(sum(goldstein), 0), 3) AS goldstein_sum,
                       round(coalesce(avg(goldstein), 0), 3) AS goldstein_mean,
                       count(*) FILTER (WHERE quad LIKE '%cooperation') AS cooperation,
                       count(*) FILTER (WHERE quad LIKE '%conflict') AS conflict
                FROM ev GROUP BY s, t HAVING count(*) >= ?)
        SELECT s AS source, t AS target, weight, goldstein_sum, goldstein_mean, cooperation, conflict,
               CASE WHEN goldstein_sum > 0 THEN 1 WHEN goldstein_sum < 0 THEN -1 WHEN cooperation > conflict THEN 1
                    WHEN conflict > cooperation THEN -1 ELSE 0 END AS sign
        FROM agg""", [*params, min_weight])  # unsorted: sorting millions of edges would double the time
    store.execute("""
        CREATE OR REPLACE TEMP TABLE _ng_nodes AS
        WITH deg AS (SELECT id, sum(weight) AS events FROM (
                         SELECT source AS id, weight FROM _ng_edges UNION ALL SELECT target, weight FROM _ng_edges)
                     GROUP BY id),
        -- the actor as described where it was mentioned most (one pass; mode() per column costs 20x more)
        info AS (SELECT actor_id, arg_max({'name': name, 'kind': kind, 'country': country, 'code': code},
                                          n_mentions) AS a
                 FROM actors WHERE actor_id IN (SELECT id FROM deg) GROUP BY actor_id),
        info2 AS (SELECT actor_id, a.name AS name, a.kind AS kind, a.country AS country, a.code AS code FROM info)
        SELECT deg.id, coalesce(info.name, deg.id) AS name,
               coalesce(info.kind, CASE WHEN regexp_full_match(deg.id, '[A-Z]{3}') THEN 'country' END, '') AS kind,
               coalesce(info.country, CASE WHEN regexp_full_match(deg.id, '[A-Z]{3}') THEN deg.id END, '') AS country,
               coalesce(info.code, '') AS code, deg.events
        FROM deg LEFT JOIN info2 AS info ON info.actor_id = deg.id ORDER BY deg.id""")
    nodes = int(store.execute("SELECT count(*) FROM _ng_nodes")[0][0])
    edges = int(store.execute("SELECT count(*) FROM _ng_edges")[0][0])
    return nodes, edges


def network(store: Store, *, date_from: str | None = None, date_to: str | None = None, min_weight: int = 1,
            by: str = "actor", include_copies: bool = False, include_negated: bool = False) -> nx.DiGraph:
    """The directed actor graph as a networkx ``DiGraph``: an edge per (source, target), weighted and signed.

    Edge attributes: ``weight`` (events), ``goldstein_sum``, ``goldstein_mean``, ``cooperation`` and
    ``conflict`` (events per side of the quad classes), ``sign`` (+1 cooperative, -1 conflictual:
    the sign of the Goldstein sum, else of cooperation minus conflict). Node
    attributes: ``name``, ``kind``, ``country``, ``code``, ``events``. ``by="country"`` folds people
    and agencies into their states. Copies of an article and negated events are left out unless
    asked for. (For files, :func:`newsgraph.export.export_network` streams the same graph.)
    """
    import networkx as nx

    network_tables(store, date_from=date_from, date_to=date_to, min_weight=min_weight, by=by,
                   include_copies=include_copies, include_negated=include_negated)
    g = nx.DiGraph(by=by, date_from=date_from or "", date_to=date_to or "")
    names = [n for n, _ in NODE_ATTRIBUTES]
    for row in store.execute(f"SELECT id, {', '.join(names)} FROM _ng_nodes ORDER BY id"):
        g.add_node(row[0], **dict(zip(names, row[1:], strict=True)))
    names = [n for n, _ in EDGE_ATTRIBUTES]
    for row in store.execute(f"SELECT source, target, {', '.join(names)} FROM _ng_edges "
                                 "ORDER BY source, target"):
        g.add_edge(row[0], row[1], **dict(zip(names, row[2:], strict=True)))
    return g


def refresh(store: Store, *, clusters_too: bool = True, config: dict[str, Any] | None = None) -> dict[str, Any]:
    """Recompute the derived analytics (duplicates, then clusters, which use them)."""
    out: dict[str, Any] = {"duplicates": find_duplicates(store, config=config).to_dict()}
    if clusters_too:
        out["clusters"] = cluster_events(store, config=config).to_dict()
    return out


def event_key(article_id: str, event_id: str) -> str:
    """A short stable id for one event report (used by exports)."""
    return content_hash(f"{article_id}:{event_id}", 12)


__all__ = [
    "EDGE_ATTRIBUTES", "MINHASH_PERMUTATIONS", "NEWS_SOURCE_SQL", "NODE_ATTRIBUTES", "PERIODS", "STOPWORDS",
    "ClusterReport", "DuplicateReport", "Membership", "MembershipProvider", "Selector", "Series", "TableMemberships",
    "analytics_config", "cluster_events", "cluster_reports", "clusters", "date_conditions", "event_key",
    "find_duplicates", "kb_memberships", "membership_periods", "minhash_signature", "network", "network_tables",
    "refresh", "resolve", "series", "series_events", "shingle_hashes", "signature_similarity",
]
