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

Every table's columns and types are written once, in :mod:`newsgraph.schema` (the DDL, the
shards' Arrow schema and the column lists here are derived from it). Nothing outside this
module touches the connection: analytics and exports run their SQL through the public methods
of :class:`Store`.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import os
import shutil
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb

from .errors import BadArgument, StoreError, wrap_duckdb
from .minhash import minhash_signature
from .model import Analysis, from_dict
from .pipeline import Failure
from .schema import (
    ARTICLE_TABLES,
    COUNTED_TABLES,
    DDL,
    SCHEMA_VERSION,
    SHARD_TABLES,
    arrow_schema,
    column_list,
    ordered,
    query_columns,
)

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
                rows.append({"article_id": art["id"], "event_id": e["id"], "date": day, "source_id": s,
                             "target_id": t, "source_country": _actor_country(sa, s),
                             "target_country": _actor_country(ta, t), "source_kind": sa.get("kind"),
                             "target_kind": ta.get("kind"), "plover": e.get("plover"), "cameo": e.get("cameo"),
                             "quad": e.get("quad"), "goldstein": e.get("goldstein"),
                             "negated": bool(e.get("negated")), "mode": e.get("mode"), "article_key": akey,
                             "event_key": ekey})
    return ordered("event_dyads", rows)


def rows_for(doc: dict[str, Any], *, now: datetime | None = None) -> dict[str, list[list[Any]]]:
    """Every row one analysis document is stored as, per table, in :mod:`newsgraph.schema` column
    order (the values are given by column name here, so the layout has one source)."""
    art = doc["article"]
    aid = art["id"]
    published = _date(art.get("published"))
    names = {a["id"]: a["name"] for a in doc["actors"]}
    rows: dict[str, list[dict[str, Any]]] = {
        "articles": [{
            "id": aid, "content_hash": art.get("content_hash") or aid, "title": art.get("title"),
            "url": art.get("url"), "published": published, "dateline": art.get("dateline"),
            "author": art.get("author"), "source": art.get("source"), "text": art["text"],
            "n_actors": len(doc["actors"]), "n_quotes": len(doc["quotes"]), "n_events": len(doc["events"]),
            "ingested_at": now or _now(), "doc": json.dumps(doc, ensure_ascii=False)}],
        "actors": [{
            "article_id": aid, "actor_id": a["id"], "name": a["name"], "kind": a["kind"], "country": a.get("country"),
            "code": a.get("code"), "kb_id": a.get("kb_id"), "n_mentions": len(a["mentions"]),
            "roles": json.dumps(a.get("roles", [])), "published": published} for a in doc["actors"]],
        "mentions": [{
            "article_id": aid, "actor_id": a["id"], "start_char": m["start"], "end_char": m["end"],
            "text": m["text"], "rule": m.get("rule")} for a in doc["actors"] for m in a["mentions"]],
        "quotes": [{
            "article_id": aid, "quote_id": q["id"], "text": q["text"], "start_char": q["start"], "end_char": q["end"],
            "kind": q["kind"], "speaker": q.get("speaker"), "speaker_name": names.get(q.get("speaker") or ""),
            "speaker_text": (q.get("speaker_mention") or {}).get("text"), "cue": (q.get("cue") or {}).get("text"),
            "published": published, "rule": q.get("rule"), "confidence": q.get("confidence")}
            for q in doc["quotes"]],
        "events": [{
            "article_id": aid, "event_id": e["id"], "source": list(e["source"]), "target": list(e["target"]),
            "plover": e.get("plover"), "cameo": e.get("cameo"), "goldstein": e.get("goldstein"), "quad": e.get("quad"),
            "mode": e.get("mode"), "negated": bool(e.get("negated")), "date": _date(e.get("date") or published),
            "date_precision": e.get("date_precision"), "place": e.get("place"), "evidence": e["evidence"]["text"],
            "evidence_start": e["evidence"]["start"], "evidence_end": e["evidence"]["end"],
            "confidence": e.get("confidence"), "published": published} for e in doc["events"]],
        "relations": [{
            "article_id": aid, "type": r["type"], "subject": r["subject"], "object": r["object"],
            "source": r["source"], "evidence": (r.get("evidence") or {}).get("text"), "start_date": r.get("start"),
            "end_date": r.get("end")} for r in doc["relations"]],
        "places": [{
            "article_id": aid, "place_id": p["id"], "name": p["name"], "country": p.get("country"), "lat": p.get("lat"),
            "lon": p.get("lon"), "feature": p.get("feature"), "n_mentions": len(p["mentions"])}
            for p in doc["places"]],
        "article_signatures": [{"article_id": aid, "minhash": minhash_signature(art["text"]).tolist()}],
    }
    out = {table: ordered(table, r) for table, r in rows.items()}
    out["event_dyads"] = dyad_rows(doc)
    return {table: out[table] for table in ARTICLE_TABLES}


def failure_row(failure: Failure, now: datetime | None = None) -> list[Any]:
    return ordered("failures", [{"source": failure.source, "item_id": failure.id, "code": failure.code,
                                 "message": failure.message, "failed_at": now or _now()}])[0]


@dataclass
class Filters:
    """Typed query filters shared by the CLI, the API and the library.

    Build them with :func:`newsgraph.query.validate`, which checks names and values (unknown
    filters, PLOVER types, CAMEO codes, countries, dates, empty ranges) in one place.
    ``limit=None`` returns every matching row."""

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
    limit: int | None = None  # None: every row
    offset: int = 0
    source: str | None = None  # events: who acts
    target: str | None = None  # events: who is acted upon
    quad: str | None = None  # events: quad class
    place: str | None = None  # events: place id or name
    about: str | None = None  # quotes: an actor mentioned inside the quote

    def check(self, max_limit: int | None = None) -> None:
        if self.limit is not None and not 0 < self.limit <= (max_limit or self.limit):
            raise BadArgument(f"limit must be between 1 and {max_limit or 'any number'}, not {self.limit}",
                              hint="leave the limit out (None) for every row")
        if self.offset < 0:
            raise BadArgument(f"offset must be 0 or more, not {self.offset}")
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:
            raise BadArgument(f"min confidence must be between 0 and 1, not {self.min_confidence}")
        from .ingest.clean import parse_date

        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None and not (isinstance(value, str) and len(value) == 10 and value[4] == "-"):
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
    tables: dict[str, list[list[Any]]] = {t: [] for t in SHARD_TABLES}
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

    out: dict[str, Any] = {}
    for table, rows in shard_rows(results).items():
        if not rows:
            continue
        schema = arrow_schema(table, seq=True)
        arrays = []
        for i, f in enumerate(schema):
            values = [r[i] for r in rows]
            if pa.types.is_date(f.type):
                values = [date.fromisoformat(v) if v else None for v in values]
            arrays.append(pa.array(values, type=f.type))
        out[table] = pa.Table.from_arrays(arrays, schema=schema)
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


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` is running (a zombie is not): is a shard's writer still at work?"""
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
            if not pid_alive(pid):
                shutil.rmtree(p, ignore_errors=True)
    return done


class _Where:
    """A WHERE clause built from conditions, each with its bound parameters."""

    def __init__(self) -> None:
        self.conditions: list[str] = ["1=1"]
        self.params: list[Any] = []

    def add(self, condition: str, *params: Any) -> None:
        self.conditions.append(condition)
        self.params.extend(params)

    def search(self, f: Filters, *columns: str) -> None:
        """The text search ``q``: any of ``columns`` contains it (case-insensitive)."""
        if f.q:
            self.add("(" + " OR ".join(f"{c} ILIKE ?" for c in columns) + ")", *[f"%{f.q}%"] * len(columns))

    def dates(self, f: Filters, column: str) -> None:
        if f.date_from:
            self.add(f"{column} >= ?", f.date_from)
        if f.date_to:
            self.add(f"{column} <= ?", f.date_to)

    def quote_or_event(self, f: Filters, *, text: str, date: str) -> None:
        """What quote and event filters share: the search in ``text``, the dates of ``date``, the
        article, and ``min_confidence``."""
        self.search(f, text)
        self.dates(f, date)
        if f.article:
            self.add("article_id = ?", f.article)
        if f.min_confidence is not None:
            self.add("confidence >= ?", f.min_confidence)

    def sql(self) -> str:
        return " AND ".join(self.conditions)


class Store:
    """A newsgraph DuckDB store file (created on first use).

    The store owns its connection: other modules read and write through the methods here. Besides
    the typed queries (:meth:`articles`, :meth:`actors`, :meth:`quotes`, :meth:`events`), the
    corpus analytics and exports run their own SQL through :meth:`query`, :meth:`execute`,
    :meth:`stream`, :meth:`insert_rows` and :meth:`registered`, inside :meth:`transaction` when
    they write; values are always bound parameters, and DuckDB errors come out as
    :class:`~newsgraph.errors.StoreError`. A thread other than the writer uses :meth:`for_thread`.
    """

    def __init__(self, path: str | Path = "newsgraph.duckdb", *, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        self._doing: str | None = None  # what the open transaction is doing (for error messages)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no store at {self.path}", hint="run `newsgraph ingest PATH --db FILE` first")
        what = f"opening the store {self.path}"
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
            # DuckDB draws its own progress bar on long queries: not on newsgraph's standard error
            self._con.execute("SET enable_progress_bar = false")
        except duckdb.Error as exc:
            raise wrap_duckdb(exc, what) from exc
        if not read_only:
            self.execute(DDL, what=what)
            fresh = self.execute("SELECT count(*) FROM articles", what=what)[0][0] == 0
            self.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                         [str(SCHEMA_VERSION if fresh else 1)], what=what)
            self._migrate(what)
        else:
            self.execute("SELECT count(*) FROM articles", what=what)

    def _migrate(self, what: str) -> None:
        """Bring an older store up to :data:`SCHEMA_VERSION` (derived tables rebuilt from the documents)."""
        version = int(self.execute("SELECT value FROM meta WHERE key = 'schema_version'", what=what)[0][0])
        if version >= SCHEMA_VERSION:
            return
        with self.transaction(what):
            # derived tables: recreated with the current layout and refilled from the documents
            rebuilt = ["quotes"] + (["event_dyads", "article_signatures"] if version < 3 else [])
            for table in ("quotes", *(("event_dyads", "article_duplicates") if version < 3 else ())):
                self.execute(f"DROP TABLE IF EXISTS {table}")
            self.execute(DDL)
            if version < 3:
                self.execute("DELETE FROM article_signatures")
            for (doc,) in self.execute("SELECT doc FROM articles"):
                rows = rows_for(json.loads(doc))
                for table in rebuilt:
                    self.insert_rows(table, rows[table])
            self.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        try:
            self._con.close()
        except duckdb.Error as exc:
            raise wrap_duckdb(exc, "closing the store") from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def for_thread(self) -> Store:
        """This store through a new cursor, for use from another thread (a DuckDB connection is not
        shared between threads). It sees committed data only; close it when the thread is done."""
        other = copy.copy(self)
        other._con = self._con.cursor()
        other._doing = None
        return other

    # ------------------------------------------------------------------ SQL (for analytics and exports)
    def execute(self, sql: str, params: Sequence[Any] | None = None, *, what: str | None = None) -> list[tuple[Any, ...]]:
        """Run one statement with bound ``params`` and return all its rows as tuples.

        A DuckDB error becomes a :class:`~newsgraph.errors.StoreError` that says ``what`` was being
        done (by default what the open :meth:`transaction` is doing, else "querying the store").
        """
        try:
            cur = self._con.execute(sql, params) if params is not None else self._con.execute(sql)
            return cur.fetchall() if cur.description is not None else []
        except duckdb.Error as exc:
            raise wrap_duckdb(exc, what or self._doing or "querying the store") from exc

    def query(self, sql: str, params: Sequence[Any] | None = None, *, what: str | None = None
              ) -> list[dict[str, Any]]:
        """Run one query with bound ``params`` and return its rows as dicts (column name -> value)."""
        try:
            cur = self._con.execute(sql, params or [])
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
        except duckdb.Error as exc:
            raise wrap_duckdb(exc, what or self._doing or "querying the store") from exc

    def stream(self, sql: str, params: Sequence[Any] | None = None, *, chunk: int = 500) -> Iterator[tuple[Any, ...]]:
        """The rows of a query as tuples, fetched ``chunk`` at a time (memory stays flat)."""
        yield from self.stream_rows(sql, params, chunk=chunk)[1]

    def stream_rows(self, sql: str, params: Sequence[Any] | None = None, *, chunk: int = 500
                    ) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
        """A query's column names, and its rows as tuples fetched ``chunk`` at a time: one
        execution (the query runs now, so an error is raised here; the rows come as read)."""
        try:
            cur = self._con.execute(sql, params or [])
        except duckdb.Error as exc:
            raise wrap_duckdb(exc, self._doing or "querying the store") from exc
        cols = [d[0] for d in cur.description]

        def rows() -> Iterator[tuple[Any, ...]]:
            try:
                while batch := cur.fetchmany(chunk):
                    yield from batch
            except duckdb.Error as exc:
                raise wrap_duckdb(exc, self._doing or "querying the store") from exc

        return cols, rows()

    @contextlib.contextmanager
    def transaction(self, what: str) -> Iterator[None]:
        """One transaction: all of the block's writes or none (rolled back on any exception, which
        goes on up). DuckDB errors inside come out as StoreError naming ``what``."""
        done = False
        outer, self._doing = self._doing, what
        try:
            self._con.execute("BEGIN TRANSACTION")
            yield
            self._con.execute("COMMIT")
            done = True
        except duckdb.Error as exc:
            raise wrap_duckdb(exc, what) from exc
        finally:
            self._doing = outer
            if not done:
                with contextlib.suppress(duckdb.Error):
                    self._con.execute("ROLLBACK")

    @contextlib.contextmanager
    def registered(self, tables: Mapping[str, Any]) -> Iterator[None]:
        """Arrow tables (or data frames) visible to SQL under the given names for the block."""
        # register() refuses to run while an earlier result (a fetchone) is not drained: settle it
        self._con.execute("SELECT 1").fetchall()
        try:
            for name, data in tables.items():
                self._con.register(name, data)
            yield
        finally:
            for name in tables:
                with contextlib.suppress(duckdb.Error):
                    self._con.unregister(name)

    def insert_rows(self, table: str, rows: Sequence[Sequence[Any] | Mapping[str, Any]], chunk: int = 500) -> None:
        """Insert rows into ``table`` (a stored or temporary table; the name is code, never input).

        Rows are lists in column order, or dicts by column name for a stored table (see
        :mod:`newsgraph.schema`). Multi-row ``VALUES`` statements: one execution per 500 rows, not
        one per row (DuckDB's ``executemany`` runs the statement once per row, which made storing an
        article cost more than analysing parts of it)."""
        if not rows:
            return
        if isinstance(rows[0], Mapping):
            rows = ordered(table, rows)  # type: ignore[arg-type]
        one = "(" + ",".join("?" * len(rows[0])) + ")"
        for i in range(0, len(rows), chunk):
            part = rows[i:i + chunk]
            self.execute(f"INSERT INTO {table} VALUES {','.join([one] * len(part))}", [v for row in part for v in row])

    # ------------------------------------------------------------------ writing
    def known(self, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` (article ids or content hashes) are stored already.

        To ask from another thread while this store writes, ask a :meth:`for_thread` handle (it
        sees committed articles only)."""
        if not ids:
            return set()
        rows = self.execute("SELECT id, content_hash FROM articles WHERE id IN (SELECT unnest(?)) "
                            "OR content_hash IN (SELECT unnest(?))", [list(ids), list(ids)])
        found = {r[0] for r in rows} | {r[1] for r in rows}
        return found & set(ids)

    def add(self, analysis: Analysis | dict[str, Any]) -> bool:
        """Store one analysis in one transaction. False when the article was stored already."""
        doc = analysis.to_dict() if isinstance(analysis, Analysis) else analysis
        art = doc["article"]
        with self.transaction(f"storing article {art['id']}"):
            if self.execute("SELECT 1 FROM articles WHERE id = ? OR content_hash = ? LIMIT 1",
                            [art["id"], art.get("content_hash") or art["id"]]):
                return False
            self._insert(doc)
        return True

    def _insert(self, doc: dict[str, Any]) -> None:
        for table, rows in rows_for(doc).items():
            self.insert_rows(table, rows)

    def add_failure(self, failure: Failure) -> None:
        self.insert_rows("failures", [failure_row(failure)])

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
        with self.registered({names[t]: data for t, data in tables.items()}):
            return self._load_parts(lambda t: (names[t], []) if t in names else None, "storing a batch of articles")

    def _load_parts(self, source: Any, what: str) -> ShardCounts:
        """Insert a shard's tables (``source(table)`` gives a relation and its parameters, or None)."""
        counts = ShardCounts()
        with self.transaction(what):
            keep = self._shard_keep(source("articles"), counts)
            for table in ARTICLE_TABLES:
                rel = source(table)
                if keep and rel is not None:
                    self.execute(f"INSERT INTO {table} SELECT {column_list(table)} FROM {rel[0]} "
                                 "WHERE _seq IN (SELECT unnest(?))", [*rel[1], keep])
            rel = source("failures")
            if rel is not None:
                self.execute(f"INSERT INTO failures SELECT {column_list('failures')} FROM {rel[0]}", rel[1])
                rows = self.execute(f"SELECT source, item_id, code, message FROM {rel[0]} ORDER BY _seq", rel[1])
                counts.failures = [Failure(*r) for r in rows]
                counts.failed = len(rows)
        return counts

    def _shard_keep(self, articles: tuple[str, list[Any]] | None, counts: ShardCounts) -> list[int]:
        """Sequence numbers of the shard's articles to store (first of each id/content, not stored yet)."""
        if articles is None:
            return []
        keys = self.execute(f"SELECT _seq, id, content_hash FROM {articles[0]} ORDER BY _seq", articles[1])
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
    def count(self, table: str) -> int:
        if table not in COUNTED_TABLES:
            raise BadArgument(f"unknown table {table!r}")
        return int(self.execute(f"SELECT count(*) FROM {table}")[0][0])

    def stats(self) -> dict[str, int]:
        return {t: self.count(t) for t in ("articles", "actors", "quotes", "events", "relations", "places",
                                           "failures")}

    def analysis(self, article_id: str) -> Analysis | None:
        rows = self.execute("SELECT doc FROM articles WHERE id = ?", [article_id])
        return from_dict(json.loads(rows[0][0])) if rows else None

    def _paged(self, sql: str, params: list[Any], f: Filters) -> tuple[str, list[Any]]:
        if f.limit is not None:
            return f"{sql} LIMIT ? OFFSET ?", [*params, f.limit, f.offset]
        if f.offset:
            return f"{sql} OFFSET ?", [*params, f.offset]
        return sql, params

    def select(self, target: str, f: Filters, *, paged: bool = True) -> tuple[str, list[Any]]:
        """The SQL (and bound parameters) of a typed query on ``target`` (articles, actors, quotes,
        events), ordered; with ``paged`` the filters' limit and offset applied."""
        builders = {"articles": self._articles_sql, "actors": self._actors_sql, "quotes": self._quotes_sql,
                    "events": self._events_sql}
        if target not in builders:
            raise BadArgument(f"unknown query {target!r}", hint="queries are articles, actors, quotes, events")
        f.check()
        sql, params = builders[target](f)
        return self._paged(sql, params, f) if paged else (sql, params)

    def columns(self, sql: str, params: Sequence[Any] | None = None) -> list[str]:
        """The column names a query returns."""
        try:
            return [d[0] for d in self._con.execute(sql, params or []).description]
        except duckdb.Error as exc:
            raise wrap_duckdb(exc, self._doing or "querying the store") from exc

    def arrow(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        """A query's rows as a ``pyarrow.Table``."""
        try:
            rel = self._con.sql(sql, params=list(params or []))
            return rel.to_arrow_table() if hasattr(rel, "to_arrow_table") else rel.arrow()
        except duckdb.Error as exc:
            raise wrap_duckdb(exc, self._doing or "querying the store") from exc

    def articles(self, f: Filters) -> list[dict[str, Any]]:
        return self.query(*self.select("articles", f))

    def _articles_sql(self, f: Filters) -> tuple[str, list[Any]]:
        w = _Where()
        w.search(f, "text", "title")
        w.dates(f, "published")
        if f.actor or f.country:
            sub, sub_params = self._actor_match(f.actor, f.country)
            w.add(f"id IN (SELECT article_id FROM actors WHERE {sub})", *sub_params)
        if f.article:
            w.add("id = ?", f.article)
        return (f"SELECT {query_columns('articles')} FROM articles WHERE {w.sql()} "
                "ORDER BY published DESC NULLS LAST, id", w.params)

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
        return self.query(*self.select("actors", f))

    def _actors_sql(self, f: Filters) -> tuple[str, list[Any]]:
        w = _Where()
        if f.actor or f.country:
            sub, sub_params = self._actor_match(f.actor, f.country)
            w.add(sub, *sub_params)
        if f.kind:
            w.add("kind = ?", f.kind)
        w.search(f, "name")
        w.dates(f, "published")
        if f.article:
            w.add("article_id = ?", f.article)
        return (
            "SELECT actor_id AS id, any_value(name) AS name, any_value(kind) AS kind, any_value(country) AS country, "
            "any_value(code) AS code, count(*) AS articles, sum(n_mentions) AS mentions "  # a row per actor and article
            f"FROM actors WHERE {w.sql()} GROUP BY actor_id "
            "ORDER BY articles DESC, mentions DESC, id", w.params)

    def actor_ids(self, actor: str) -> list[str]:
        """Stored actor ids matching ``actor`` by id, code, name or surname (``[actor]`` when none does):
        what the ``actor`` filters of quotes, events, series and clusters match."""
        sub, params = self._actor_match(actor, None)
        ids = [r[0] for r in self.execute(f"SELECT DISTINCT actor_id FROM actors WHERE {sub}", params)]
        return ids or [actor]

    def quotes(self, f: Filters) -> list[dict[str, Any]]:
        return self.query(*self.select("quotes", f))

    def _quotes_sql(self, f: Filters) -> tuple[str, list[Any]]:
        w = _Where()
        if f.actor:
            w.add("speaker IN (SELECT unnest(?))", self.actor_ids(f.actor))
        if f.country:
            w.add("speaker IN (SELECT actor_id FROM actors WHERE upper(country) = upper(?))", f.country)
        if f.kind:
            w.add("kind = ?", f.kind)
        if f.about:
            w.add("EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = quotes.article_id AND "
                  "m.start_char >= quotes.start_char AND m.end_char <= quotes.end_char AND "
                  "m.actor_id IN (SELECT unnest(?)))", self.actor_ids(f.about))
        w.quote_or_event(f, text="text", date="published")
        return (f"SELECT {query_columns('quotes')} FROM quotes WHERE {w.sql()} "
                "ORDER BY published DESC NULLS LAST, article_id, start_char", w.params)

    def events(self, f: Filters, *, source: str | None = None, target: str | None = None) -> list[dict[str, Any]]:
        if source or target:
            f = copy.copy(f)
            f.source, f.target = source or f.source, target or f.target
        return self.query(*self.select("events", f))

    def _events_sql(self, f: Filters) -> tuple[str, list[Any]]:
        w = _Where()
        if f.actor:
            ids = self.actor_ids(f.actor)
            w.add("(list_has_any(source, ?) OR list_has_any(target, ?))", ids, ids)
        if f.source:
            w.add("list_has_any(source, ?)", self.actor_ids(f.source))
        if f.target:
            w.add("list_has_any(target, ?)", self.actor_ids(f.target))
        if f.country:
            w.add("(list_has_any(source, ?) OR list_has_any(target, ?) OR event_id IN ("
                  "SELECT e.event_id FROM events e, actors a WHERE a.article_id = e.article_id AND "
                  "upper(a.country) = upper(?) AND (list_contains(e.source, a.actor_id) OR "
                  "list_contains(e.target, a.actor_id))))", [f.country.upper()], [f.country.upper()], f.country)
        if f.plover:
            w.add("upper(plover) = upper(?)", f.plover)
        if f.cameo:
            w.add("starts_with(cameo, ?)", f.cameo)
        if f.quad:
            w.add("quad = ?", f.quad)
        if f.place:
            w.add("(lower(place) = lower(?) OR lower(place) IN (SELECT lower(place_id) FROM places "
                  "WHERE lower(name) = lower(?)))", f.place, f.place)
        w.quote_or_event(f, text="evidence", date="date")
        return (f"SELECT {query_columns('events')} FROM events WHERE {w.sql()} "
                "ORDER BY date DESC NULLS LAST, article_id, evidence_start", w.params)

    def failures(self, limit: int = 100) -> list[dict[str, Any]]:
        return self.query(f"SELECT {query_columns('failures')} FROM failures ORDER BY failed_at DESC LIMIT ?", [limit])


__all__ = ["ARTICLE_TABLES", "SCHEMA_VERSION", "Filters", "ShardCounts", "Store", "dyad_rows", "encode_shard",
           "key64", "pending_shards", "pid_alive", "rows_for", "save_shard", "shard_rows", "shard_tables",
           "write_shard"]
