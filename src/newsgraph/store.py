"""The DuckDB store: one owner of the connection, one writer.

Each article's analysis is written in one transaction (all its rows or none), so a killed run
leaves no half article; article ids are content hashes, so ingesting the same input twice
stores it once and a rerun picks up where it stopped. Bad items are recorded in ``failures``
with their reason. Queries take typed filters only: values are always bound parameters, never
pasted into SQL.

Scale-out (issue 6): worker processes turn their results into a *shard* (a folder of Parquet
files, one per table, written under a temporary name and renamed when complete) with
:func:`write_shard`; the single writer loads a whole shard with :meth:`Store.load_shard` in one
transaction. Every row of an article lives in the same shard, so a shard's transaction keeps
per-article atomicity while costing one commit per shard instead of one per article.

Besides the per-article tables the store keeps two derived tables written in the same
transaction as their article: ``event_dyads`` (one row per source x target actor of an event,
with both actors' countries: what series and network queries scan) and ``article_signatures``
(a MinHash of the text, for near-duplicate detection).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb

from .errors import BadArgument, StoreError, wrap_duckdb
from .model import Analysis, from_dict
from .pipeline import Failure

SCHEMA_VERSION = 4  # 2: event_dyads, article_signatures, duplicate and cluster tables; 3: integer keys;
# 4: quotes.rule and quotes.confidence

DDL = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, title VARCHAR, url VARCHAR, published DATE,
    dateline VARCHAR, author VARCHAR, source VARCHAR, text VARCHAR, n_actors INTEGER, n_quotes INTEGER,
    n_events INTEGER, ingested_at TIMESTAMP, doc JSON);
CREATE INDEX IF NOT EXISTS articles_hash ON articles (content_hash);
CREATE TABLE IF NOT EXISTS actors (
    article_id VARCHAR, actor_id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, code VARCHAR,
    kb_id VARCHAR, n_mentions INTEGER, roles JSON, published DATE);
CREATE TABLE IF NOT EXISTS mentions (
    article_id VARCHAR, actor_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR, rule VARCHAR);
CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR, quote_id VARCHAR, text VARCHAR, start_char INTEGER, end_char INTEGER, kind VARCHAR,
    speaker VARCHAR, speaker_name VARCHAR, speaker_text VARCHAR, cue VARCHAR, published DATE, rule VARCHAR,
    confidence DOUBLE);
CREATE TABLE IF NOT EXISTS events (
    article_id VARCHAR, event_id VARCHAR, source VARCHAR[], target VARCHAR[], plover VARCHAR, cameo VARCHAR,
    goldstein DOUBLE, quad VARCHAR, mode VARCHAR, negated BOOLEAN, date DATE, date_precision VARCHAR,
    place VARCHAR, evidence VARCHAR, evidence_start INTEGER, evidence_end INTEGER, confidence DOUBLE,
    published DATE);
CREATE TABLE IF NOT EXISTS relations (
    article_id VARCHAR, type VARCHAR, subject VARCHAR, object VARCHAR, source VARCHAR, evidence VARCHAR,
    start_date VARCHAR, end_date VARCHAR);
CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR, place_id VARCHAR, name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE,
    feature VARCHAR, n_mentions INTEGER);
CREATE TABLE IF NOT EXISTS failures (
    source VARCHAR, item_id VARCHAR, code VARCHAR, message VARCHAR, failed_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS event_dyads (
    article_id VARCHAR, event_id VARCHAR, date DATE, source_id VARCHAR, target_id VARCHAR,
    source_country VARCHAR, target_country VARCHAR, source_kind VARCHAR, target_kind VARCHAR,
    plover VARCHAR, cameo VARCHAR, quad VARCHAR, goldstein DOUBLE, negated BOOLEAN, mode VARCHAR,
    article_key BIGINT, event_key BIGINT);
CREATE TABLE IF NOT EXISTS article_signatures (article_id VARCHAR, minhash UINTEGER[]);
CREATE TABLE IF NOT EXISTS duplicate_pairs (article_a VARCHAR, article_b VARCHAR, similarity DOUBLE);
CREATE TABLE IF NOT EXISTS article_duplicates (
    article_id VARCHAR, group_id VARCHAR, canonical_id VARCHAR, similarity DOUBLE, article_key BIGINT);
CREATE TABLE IF NOT EXISTS event_clusters (
    cluster_id VARCHAR, date_start DATE, date_end DATE, source_id VARCHAR, target_id VARCHAR,
    source_country VARCHAR, target_country VARCHAR, plover VARCHAR, cameo VARCHAR, quad VARCHAR,
    goldstein DOUBLE, n_reports INTEGER, n_articles INTEGER, n_independent INTEGER, n_sources INTEGER,
    sources VARCHAR[], evidence VARCHAR);
CREATE TABLE IF NOT EXISTS event_cluster_reports (
    cluster_id VARCHAR, article_id VARCHAR, event_id VARCHAR, date DATE, source_id VARCHAR,
    target_id VARCHAR, news_source VARCHAR, url VARCHAR, duplicate_of VARCHAR);
"""

# the tables one article's analysis is written to, in this order (the shard layout too)
ARTICLE_TABLES = ("articles", "actors", "mentions", "quotes", "events", "relations", "places", "event_dyads",
                  "article_signatures")

# Arrow types of every column, in table order, for Parquet shards (type names, resolved lazily so
# that importing the store does not import pyarrow)
SHARD_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "articles": [("id", "str"), ("content_hash", "str"), ("title", "str"), ("url", "str"), ("published", "date"),
                 ("dateline", "str"), ("author", "str"), ("source", "str"), ("text", "str"), ("n_actors", "int"),
                 ("n_quotes", "int"), ("n_events", "int"), ("ingested_at", "ts"), ("doc", "str")],
    "actors": [("article_id", "str"), ("actor_id", "str"), ("name", "str"), ("kind", "str"), ("country", "str"),
               ("code", "str"), ("kb_id", "str"), ("n_mentions", "int"), ("roles", "str"), ("published", "date")],
    "mentions": [("article_id", "str"), ("actor_id", "str"), ("start_char", "int"), ("end_char", "int"),
                 ("text", "str"), ("rule", "str")],
    "quotes": [("article_id", "str"), ("quote_id", "str"), ("text", "str"), ("start_char", "int"),
               ("end_char", "int"), ("kind", "str"), ("speaker", "str"), ("speaker_name", "str"),
               ("speaker_text", "str"), ("cue", "str"), ("published", "date"), ("rule", "str"),
               ("confidence", "float")],
    "events": [("article_id", "str"), ("event_id", "str"), ("source", "strs"), ("target", "strs"),
               ("plover", "str"), ("cameo", "str"), ("goldstein", "float"), ("quad", "str"), ("mode", "str"),
               ("negated", "bool"), ("date", "date"), ("date_precision", "str"), ("place", "str"),
               ("evidence", "str"), ("evidence_start", "int"), ("evidence_end", "int"), ("confidence", "float"),
               ("published", "date")],
    "relations": [("article_id", "str"), ("type", "str"), ("subject", "str"), ("object", "str"), ("source", "str"),
                  ("evidence", "str"), ("start_date", "str"), ("end_date", "str")],
    "places": [("article_id", "str"), ("place_id", "str"), ("name", "str"), ("country", "str"), ("lat", "float"),
               ("lon", "float"), ("feature", "str"), ("n_mentions", "int")],
    "event_dyads": [("article_id", "str"), ("event_id", "str"), ("date", "date"), ("source_id", "str"),
                    ("target_id", "str"), ("source_country", "str"), ("target_country", "str"),
                    ("source_kind", "str"), ("target_kind", "str"), ("plover", "str"), ("cameo", "str"),
                    ("quad", "str"), ("goldstein", "float"), ("negated", "bool"), ("mode", "str"),
                    ("article_key", "int64"), ("event_key", "int64")],
    "article_signatures": [("article_id", "str"), ("minhash", "u32s")],
    "failures": [("source", "str"), ("item_id", "str"), ("code", "str"), ("message", "str"), ("failed_at", "ts")],
}
SHARD_SUFFIX = ".shard"



def _date(value: str | None) -> str | None:
    """Dates with month or year precision are stored as their first day (precision kept beside).

    A value that is not a calendar date comes back as None rather than failing the article.
    """
    if not value:
        return None
    parts = str(value).split("-")
    while len(parts) < 3:
        parts.append("01")
    text = "-".join(parts[:3])
    try:
        date.fromisoformat(text)
    except ValueError:
        return None
    return text


def key64(*parts: str) -> int:
    """A stable 63-bit integer key for an article or event id.

    Series and network queries group and deduplicate millions of dyad rows; doing that on
    fixed-width integers instead of id strings is several times faster in DuckDB.
    """
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _actor_country(actor: dict[str, Any], actor_id: str | None) -> str | None:
    """The state an actor belongs to: its own code for a country, ``country`` for anyone else.

    An id the document does not describe counts as a country when it is an ISO3 code (``RUS``).
    """
    if not actor:
        return actor_id if actor_id and len(actor_id) == 3 and actor_id.isalpha() and actor_id.isupper() else None
    if actor.get("country"):
        return actor["country"]
    return actor["id"] if actor.get("kind") == "country" else None


def dyad_rows(doc: dict[str, Any]) -> list[list[Any]]:
    """One row per (source actor, target actor) of every event, with kinds and countries.

    An event with no source (or no target) still gets rows with NULL on that side, so the dyad
    table holds every event.
    """
    art = doc["article"]
    actors = {a["id"]: a for a in doc["actors"]}
    akey = key64(art["id"])
    rows = []
    for e in doc["events"]:
        day = _date(e.get("date") or art.get("published"))
        ekey = key64(art["id"], e["id"])
        for s in e["source"] or [None]:
            sa = actors.get(s or "", {})
            for t in e["target"] or [None]:
                ta = actors.get(t or "", {})
                rows.append([art["id"], e["id"], day, s, t, _actor_country(sa, s), _actor_country(ta, t),
                             sa.get("kind"), ta.get("kind"), e.get("plover"),
                             e.get("cameo"), e.get("quad"), e.get("goldstein"), bool(e.get("negated")),
                             e.get("mode"), akey, ekey])
    return rows


def rows_for(doc: dict[str, Any], *, now: datetime | None = None) -> dict[str, list[list[Any]]]:
    """Every row one analysis document is stored as, per table (the single source of the layout)."""
    from .analytics import minhash_signature

    art = doc["article"]
    aid = art["id"]
    published = _date(art.get("published"))
    names = {a["id"]: a["name"] for a in doc["actors"]}
    return {
        "articles": [[aid, art.get("content_hash") or aid, art.get("title"), art.get("url"), published,
                      art.get("dateline"), art.get("author"), art.get("source"), art["text"], len(doc["actors"]),
                      len(doc["quotes"]), len(doc["events"]), now or _now(), json.dumps(doc, ensure_ascii=False)]],
        "actors": [[aid, a["id"], a["name"], a["kind"], a.get("country"), a.get("code"), a.get("kb_id"),
                    len(a["mentions"]), json.dumps(a.get("roles", [])), published] for a in doc["actors"]],
        "mentions": [[aid, a["id"], m["start"], m["end"], m["text"], m.get("rule")]
                     for a in doc["actors"] for m in a["mentions"]],
        "quotes": [[aid, q["id"], q["text"], q["start"], q["end"], q["kind"], q.get("speaker"),
                    names.get(q.get("speaker") or ""), (q.get("speaker_mention") or {}).get("text"),
                    (q.get("cue") or {}).get("text"), published, q.get("rule"), q.get("confidence")]
                   for q in doc["quotes"]],
        "events": [[aid, e["id"], list(e["source"]), list(e["target"]), e.get("plover"), e.get("cameo"),
                    e.get("goldstein"), e.get("quad"), e.get("mode"), bool(e.get("negated")),
                    _date(e.get("date") or published), e.get("date_precision"), e.get("place"),
                    e["evidence"]["text"], e["evidence"]["start"], e["evidence"]["end"], e.get("confidence"),
                    published] for e in doc["events"]],
        "relations": [[aid, r["type"], r["subject"], r["object"], r["source"], (r.get("evidence") or {}).get("text"),
                       r.get("start"), r.get("end")] for r in doc["relations"]],
        "places": [[aid, p["id"], p["name"], p.get("country"), p.get("lat"), p.get("lon"), p.get("feature"),
                    len(p["mentions"])] for p in doc["places"]],
        "event_dyads": dyad_rows(doc),
        "article_signatures": [[aid, minhash_signature(art["text"]).tolist()]],
    }


def failure_row(failure: Failure, now: datetime | None = None) -> list[Any]:
    return [failure.source, failure.id, failure.code, failure.message, now or _now()]


@dataclass
class Filters:
    """Typed query filters shared by the CLI, the API and the library."""

    actor: str | None = None  # actor id, code, name (case-insensitive) or country
    country: str | None = None  # ISO3
    plover: str | None = None
    cameo: str | None = None  # code prefix: "11" matches 111, 112 ...
    kind: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    q: str | None = None  # text search
    article: str | None = None
    min_confidence: float | None = None  # quotes and events: keep those at least this confident
    limit: int = 100
    offset: int = 0

    def check(self, max_limit: int = 100_000) -> None:
        if not 0 < self.limit <= max_limit:
            raise BadArgument(f"limit must be between 1 and {max_limit}, not {self.limit}")
        if self.offset < 0:
            raise BadArgument(f"offset must be 0 or more, not {self.offset}")
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:
            raise BadArgument(f"min confidence must be between 0 and 1, not {self.min_confidence}")
        from .ingest.clean import parse_date

        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, parse_date(value, what=name.replace("_", " ")))


@dataclass
class ShardCounts:
    """What loading one shard did."""

    stored: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# shards: what a worker writes and the single writer loads
# ---------------------------------------------------------------------------------------------

def shard_rows(results: Iterable[dict[str, Any]]) -> dict[str, list[list[Any]]]:
    """The rows of a shard per table, each prefixed with its item's sequence number in the shard.

    ``results`` are analysis documents or error records (``{"article":..., "error":...}``).
    """
    tables: dict[str, list[list[Any]]] = {t: [] for t in (*ARTICLE_TABLES, "failures")}
    now = _now()
    for seq, doc in enumerate(results):
        if "error" in doc:
            art, err = doc["article"], doc["error"]
            fail = Failure(art.get("source"), art.get("id"), err["code"], err["message"])
            tables["failures"].append([seq, *failure_row(fail, now)])
            continue
        for table, rows in rows_for(doc, now=now).items():
            tables[table].extend([seq, *row] for row in rows)
    return tables


def shard_tables(results: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The shard as Arrow tables (one per non-empty table), columns in store order after ``_seq``."""
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int32(), "int64": pa.int64(), "float": pa.float64(), "date": pa.date32(),
             "ts": pa.timestamp("us"), "bool": pa.bool_(), "strs": pa.list_(pa.string()),
             "u32s": pa.list_(pa.uint32())}
    out: dict[str, Any] = {}
    for table, rows in shard_rows(results).items():
        if not rows:
            continue
        cols = [("_seq", "int"), *SHARD_COLUMNS[table]]
        arrays = []
        for i, (_, kind) in enumerate(cols):
            values = [r[i] for r in rows]
            if kind == "date":
                values = [date.fromisoformat(v) if v else None for v in values]
            arrays.append(pa.array(values, type=types[kind]))
        out[table] = pa.Table.from_arrays(arrays, names=[c for c, _ in cols])
    return out


def encode_shard(results: Iterable[dict[str, Any]]) -> dict[str, bytes]:
    """A shard in memory: one Parquet file (bytes) per non-empty table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out: dict[str, bytes] = {}
    for table, data in shard_tables(results).items():
        buf = pa.BufferOutputStream()
        pq.write_table(data, buf)
        out[table] = buf.getvalue().to_pybytes()
    return out


def save_shard(parts: dict[str, bytes], folder: str | Path, name: str) -> Path:
    """Write an encoded shard into ``folder`` atomically: a temporary folder renamed when complete.

    A reader (the loader, or a rerun after a crash) never sees a half-written shard.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{name}.{os.getpid()}.tmp"
    final = folder / f"{name}{SHARD_SUFFIX}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    for table, data in parts.items():
        (tmp / f"{table}.parquet").write_bytes(data)
    os.rename(tmp, final)
    return final


def write_shard(results: Iterable[dict[str, Any]], folder: str | Path, name: str) -> Path:
    """Turn analysis documents (and error records) into a shard folder under ``folder``."""
    return save_shard(encode_shard(results), folder, name)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def pending_shards(folder: str | Path) -> list[Path]:
    """Complete shards waiting in ``folder`` (e.g. left by a killed run), oldest name first.

    Temporary folders of writers that are gone are removed on the way.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return []
    done = []
    for p in sorted(folder.iterdir()):
        if p.name.endswith(SHARD_SUFFIX) and p.is_dir():
            done.append(p)
        elif p.name.endswith(".tmp"):
            try:
                pid = int(p.name.rsplit(".", 2)[-2])
            except ValueError:
                continue
            if not _pid_alive(pid):
                shutil.rmtree(p, ignore_errors=True)
    return done


class Store:
    """A newsgraph DuckDB store file (created on first use)."""

    def __init__(self, path: str | Path = "newsgraph.duckdb", *, read_only: bool = False):
        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no store at {self.path}", hint="run `newsgraph ingest PATH --db FILE` first")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
            if not read_only:
                self.con.execute(DDL)
                fresh = self.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
                self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                                 [str(SCHEMA_VERSION if fresh else 1)])
                self._migrate()
            else:
                self.con.execute("SELECT count(*) FROM articles").fetchone()
        except duckdb.Error as exc:
            raise wrap_duckdb(exc, f"opening the store {self.path}") from exc

    def _migrate(self) -> None:
        """Bring an older store up to :data:`SCHEMA_VERSION` (derived tables rebuilt from the documents)."""
        version = int(self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0])
        if version >= SCHEMA_VERSION:
            return
        self.con.execute("BEGIN TRANSACTION")
        try:
            # derived tables: recreated with the current layout and refilled from the documents
            rebuilt = ["quotes"] + (["event_dyads", "article_signatures"] if version < 3 else [])
            for table in ("quotes", *(("event_dyads", "article_duplicates") if version < 3 else ())):
                self.con.execute(f"DROP TABLE IF EXISTS {table}")
            self.con.execute(DDL)
            if version < 3:
                self.con.execute("DELETE FROM article_signatures")
            for (doc,) in self.con.execute("SELECT doc FROM articles").fetchall():
                rows = rows_for(json.loads(doc))
                for table in rebuilt:
                    self._insert_rows(table, rows[table])
            self.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ writing
    def known(self, ids: Sequence[str], *, con: Any = None) -> set[str]:
        """Which of ``ids`` (article ids or content hashes) are stored already.

        ``con`` may be a cursor of this store (``self.con.cursor()``) for asking from another
        thread while this connection writes; it sees committed articles only."""
        if not ids:
            return set()
        rows = (con or self.con).execute(
            "SELECT id, content_hash FROM articles WHERE id IN (SELECT unnest(?)) "
            "OR content_hash IN (SELECT unnest(?))", [list(ids), list(ids)]).fetchall()
        found = {r[0] for r in rows} | {r[1] for r in rows}
        return found & set(ids)

    def add(self, analysis: Analysis | dict[str, Any]) -> bool:
        """Store one analysis in one transaction. False when the article was stored already."""
        doc = analysis.to_dict() if isinstance(analysis, Analysis) else analysis
        art = doc["article"]
        try:
            self.con.execute("BEGIN TRANSACTION")
            exists = self.con.execute("SELECT 1 FROM articles WHERE id = ? OR content_hash = ? LIMIT 1",
                                      [art["id"], art.get("content_hash") or art["id"]]).fetchone()
            if exists:
                self.con.execute("ROLLBACK")
                return False
            self._insert(doc)
            self.con.execute("COMMIT")
            return True
        except BaseException as exc:  # any failure mid-article: roll the whole article back
            try:
                self.con.execute("ROLLBACK")
            except duckdb.Error:
                pass
            if isinstance(exc, duckdb.Error):
                raise wrap_duckdb(exc, f"storing article {art['id']}") from exc
            raise

    def _insert(self, doc: dict[str, Any]) -> None:
        for table, rows in rows_for(doc).items():
            self._insert_rows(table, rows)

    def _insert_rows(self, table: str, rows: list[list[Any]], chunk: int = 500) -> None:
        """Insert rows with multi-row ``VALUES`` statements: one execution per 500 rows, not one per row
        (DuckDB's ``executemany`` runs the statement once per row, which made storing an article
        cost more than analysing parts of it)."""
        if not rows:
            return
        one = "(" + ",".join("?" * len(rows[0])) + ")"
        for i in range(0, len(rows), chunk):
            part = rows[i:i + chunk]
            self.con.execute(f"INSERT INTO {table} VALUES {','.join([one] * len(part))}",
                             [v for row in part for v in row])

    def add_failure(self, failure: Failure) -> None:
        try:
            self.con.execute("INSERT INTO failures VALUES (?,?,?,?,?)", failure_row(failure))
        except duckdb.Error as exc:
            raise wrap_duckdb(exc, "recording a failure") from exc

    def load_shard(self, path: str | Path, *, remove: bool = True) -> ShardCounts:
        """Load one shard written by :func:`write_shard` in one transaction, then delete it.

        Articles already stored (same id or content hash, or earlier in the same shard) are
        skipped exactly as :meth:`add` skips them; every row of the kept articles is inserted
        with set-based SQL straight from the Parquet files. A shard is all-or-nothing, and an
        article never spans two shards, so per-article atomicity holds. Loading the same shard
        twice (a crash between COMMIT and the delete) stores nothing the second time.
        """
        path = Path(path)

        def source(table: str) -> tuple[str, list[Any]] | None:
            part = path / f"{table}.parquet"
            return ("read_parquet(?)", [str(part)]) if part.exists() else None

        counts = self._load_parts(source, f"loading the shard {path.name}")
        if remove:
            shutil.rmtree(path, ignore_errors=True)
        return counts

    def add_batch(self, items: Sequence[Analysis | dict[str, Any]]) -> ShardCounts:
        """Store many analyses (and error records) in one transaction, skipping stored articles.

        The in-memory twin of :meth:`load_shard` (Arrow tables instead of Parquet files): every
        row of an article goes in with the others or none does, and the commit (a WAL sync) is
        paid once per batch instead of once per article.
        """
        docs = [x.to_dict() if isinstance(x, Analysis) else x for x in items]
        if not docs:
            return ShardCounts()
        tables = shard_tables(docs)
        names = {t: f"_ng_batch_{t}" for t in tables}
        # register() refuses to run while an earlier result (a fetchone) is not drained: settle it
        self.con.execute("SELECT 1").fetchall()
        for t, data in tables.items():
            self.con.register(names[t], data)
        try:
            return self._load_parts(lambda t: (names[t], []) if t in names else None, "storing a batch of articles")
        finally:
            for name in names.values():
                self.con.unregister(name)

    def _load_parts(self, source: Any, what: str) -> ShardCounts:
        """Insert a shard's tables (``source(table)`` gives a relation and its parameters, or None)."""
        counts = ShardCounts()
        try:
            self.con.execute("BEGIN TRANSACTION")
            keep = self._shard_keep(source("articles"), counts)
            for table in ARTICLE_TABLES:
                rel = source(table)
                if keep and rel is not None:
                    cols = ", ".join(name for name, _ in SHARD_COLUMNS[table])
                    self.con.execute(f"INSERT INTO {table} SELECT {cols} FROM {rel[0]} "
                                     "WHERE _seq IN (SELECT unnest(?))", [*rel[1], keep])
            rel = source("failures")
            if rel is not None:
                cols = ", ".join(name for name, _ in SHARD_COLUMNS["failures"])
                self.con.execute(f"INSERT INTO failures SELECT {cols} FROM {rel[0]}", rel[1])
                rows = self.con.execute(f"SELECT source, item_id, code, message FROM {rel[0]} ORDER BY _seq",
                                        rel[1]).fetchall()
                counts.failures = [Failure(*r) for r in rows]
                counts.failed = len(rows)
            self.con.execute("COMMIT")
        except BaseException as exc:
            try:
                self.con.execute("ROLLBACK")
            except duckdb.Error:
                pass
            if isinstance(exc, duckdb.Error):
                raise wrap_duckdb(exc, what) from exc
            raise
        return counts

    def _shard_keep(self, articles: tuple[str, list[Any]] | None, counts: ShardCounts) -> list[int]:
        """Sequence numbers of the shard's articles to store (first of each id/content, not stored yet)."""
        if articles is None:
            return []
        keys = self.con.execute(f"SELECT _seq, id, content_hash FROM {articles[0]} ORDER BY _seq",
                                articles[1]).fetchall()
        seen = self.known([k for _, aid, h in keys for k in (aid, h)])
        keep = []
        for seq, aid, h in keys:
            if aid in seen or h in seen:
                counts.skipped += 1
                continue
            keep.append(seq)
            seen |= {aid, h}
        counts.stored = len(keep)
        return keep

    def add_many(self, items: Iterable[Analysis | Failure | dict[str, Any]]) -> dict[str, int]:
        counts = {"stored": 0, "skipped": 0, "failed": 0}
        for item in items:
            if isinstance(item, Failure):
                self.add_failure(item)
                counts["failed"] += 1
            elif isinstance(item, dict) and "error" in item:
                self.add_failure(Failure(item["article"].get("source"), item["article"].get("id"),
                                         item["error"]["code"], item["error"]["message"]))
                counts["failed"] += 1
            elif self.add(item):
                counts["stored"] += 1
            else:
                counts["skipped"] += 1
        return counts

    # ------------------------------------------------------------------ reading
    def _rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        try:
            cur = self.con.execute(sql, params)
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
        except duckdb.Error as exc:
            raise wrap_duckdb(exc, "querying the store") from exc

    def count(self, table: str) -> int:
        if table not in {*ARTICLE_TABLES, "failures", "duplicate_pairs", "article_duplicates", "event_clusters",
                         "event_cluster_reports"}:
            raise BadArgument(f"unknown table {table!r}")
        return int(self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def stats(self) -> dict[str, int]:
        return {t: self.count(t) for t in ("articles", "actors", "quotes", "events", "relations", "places",
                                           "failures")}

    def analysis(self, article_id: str) -> Analysis | None:
        row = self.con.execute("SELECT doc FROM articles WHERE id = ?", [article_id]).fetchone()
        return from_dict(json.loads(row[0])) if row else None

    def articles(self, f: Filters) -> list[dict[str, Any]]:
        f.check()
        where, params = ["1=1"], []
        if f.q:
            where.append("(text ILIKE ? OR title ILIKE ?)")
            params += [f"%{f.q}%", f"%{f.q}%"]
        if f.date_from:
            where.append("published >= ?")
            params.append(f.date_from)
        if f.date_to:
            where.append("published <= ?")
            params.append(f.date_to)
        if f.actor or f.country:
            sub, sub_params = self._actor_match(f.actor, f.country)
            where.append(f"id IN (SELECT article_id FROM actors WHERE {sub})")
            params += sub_params
        if f.article:
            where.append("id = ?")
            params.append(f.article)
        return self._rows(
            "SELECT id, published, title, dateline, url, n_actors, n_quotes, n_events, source FROM articles "
            f"WHERE {' AND '.join(where)} ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?",
            [*params, f.limit, f.offset])

    @staticmethod
    def _actor_match(actor: str | None, country: str | None, prefix: str = "") -> tuple[str, list[Any]]:
        parts, params = [], []
        if actor:
            parts.append(f"(lower({prefix}actor_id) = lower(?) OR lower({prefix}code) = lower(?) "
                         f"OR lower({prefix}name) = lower(?) OR lower({prefix}name) LIKE lower(?))")
            params += [actor, actor, actor, f"% {actor}"]
        if country:
            parts.append(f"upper({prefix}country) = upper(?)")
            params.append(country)
        return " AND ".join(parts), params

    def actors(self, f: Filters) -> list[dict[str, Any]]:
        f.check()
        where, params = ["1=1"], []
        if f.actor or f.country:
            sub, sub_params = self._actor_match(f.actor, f.country)
            where.append(sub)
            params += sub_params
        if f.kind:
            where.append("kind = ?")
            params.append(f.kind)
        if f.q:
            where.append("name ILIKE ?")
            params.append(f"%{f.q}%")
        if f.date_from:
            where.append("published >= ?")
            params.append(f.date_from)
        if f.date_to:
            where.append("published <= ?")
            params.append(f.date_to)
        if f.article:
            where.append("article_id = ?")
            params.append(f.article)
        return self._rows(
            "SELECT actor_id AS id, any_value(name) AS name, any_value(kind) AS kind, any_value(country) AS country, "
            "any_value(code) AS code, count(DISTINCT article_id) AS articles, sum(n_mentions) AS mentions "
            f"FROM actors WHERE {' AND '.join(where)} GROUP BY actor_id "
            "ORDER BY articles DESC, mentions DESC, id LIMIT ? OFFSET ?", [*params, f.limit, f.offset])

    def _actor_ids(self, actor: str) -> list[str]:
        """Actor ids matching ``actor`` by id, code, name or surname (for quotes/events filters)."""
        sub, params = self._actor_match(actor, None)
        ids = [r[0] for r in self.con.execute(f"SELECT DISTINCT actor_id FROM actors WHERE {sub}", params).fetchall()]
        return ids or [actor]

    def quotes(self, f: Filters) -> list[dict[str, Any]]:
        f.check()
        where, params = ["1=1"], []
        if f.actor:
            where.append("speaker IN (SELECT unnest(?))")
            params.append(self._actor_ids(f.actor))
        if f.country:
            where.append("speaker IN (SELECT actor_id FROM actors WHERE upper(country) = upper(?))")
            params.append(f.country)
        if f.kind:
            where.append("kind = ?")
            params.append(f.kind)
        if f.q:
            where.append("text ILIKE ?")
            params.append(f"%{f.q}%")
        if f.date_from:
            where.append("published >= ?")
            params.append(f.date_from)
        if f.date_to:
            where.append("published <= ?")
            params.append(f.date_to)
        if f.article:
            where.append("article_id = ?")
            params.append(f.article)
        if f.min_confidence is not None:
            where.append("confidence >= ?")
            params.append(f.min_confidence)
        return self._rows(
            "SELECT article_id, quote_id, published, speaker, speaker_name, kind, text, cue, rule, confidence FROM quotes "
            f"WHERE {' AND '.join(where)} ORDER BY published DESC NULLS LAST, article_id, start_char "
            "LIMIT ? OFFSET ?", [*params, f.limit, f.offset])

    def events(self, f: Filters, *, source: str | None = None, target: str | None = None) -> list[dict[str, Any]]:
        f.check()
        where, params = ["1=1"], []
        if f.actor:
            ids = self._actor_ids(f.actor)
            where.append("(list_has_any(source, ?) OR list_has_any(target, ?))")
            params += [ids, ids]
        if source:
            where.append("list_has_any(source, ?)")
            params.append(self._actor_ids(source))
        if target:
            where.append("list_has_any(target, ?)")
            params.append(self._actor_ids(target))
        if f.country:
            where.append("(list_has_any(source, ?) OR list_has_any(target, ?) OR event_id IN ("
                         "SELECT e.event_id FROM events e, actors a WHERE a.article_id = e.article_id AND "
                         "upper(a.country) = upper(?) AND (list_contains(e.source, a.actor_id) OR "
                         "list_contains(e.target, a.actor_id))))")
            params += [[f.country.upper()], [f.country.upper()], f.country]
        if f.plover:
            where.append("upper(plover) = upper(?)")
            params.append(f.plover)
        if f.cameo:
            where.append("starts_with(cameo, ?)")
            params.append(f.cameo)
        if f.q:
            where.append("evidence ILIKE ?")
            params.append(f"%{f.q}%")
        if f.date_from:
            where.append("date >= ?")
            params.append(f.date_from)
        if f.date_to:
            where.append("date <= ?")
            params.append(f.date_to)
        if f.article:
            where.append("article_id = ?")
            params.append(f.article)
        if f.min_confidence is not None:
            where.append("confidence >= ?")
            params.append(f.min_confidence)
        return self._rows(
            "SELECT article_id, event_id, date, date_precision, source, target, plover, cameo, goldstein, quad, "
            "mode, negated, place, evidence, confidence FROM events "
            f"WHERE {' AND '.join(where)} ORDER BY date DESC NULLS LAST, article_id, evidence_start "
            "LIMIT ? OFFSET ?", [*params, f.limit, f.offset])

    def failures(self, limit: int = 100) -> list[dict[str, Any]]:
        return self._rows("SELECT source, item_id, code, message, failed_at FROM failures ORDER BY failed_at DESC LIMIT ?",
                          [limit])


__all__ = ["ARTICLE_TABLES", "Filters", "ShardCounts", "Store", "dyad_rows", "encode_shard", "key64",
           "pending_shards", "rows_for", "save_shard", "shard_rows", "shard_tables", "write_shard"]
