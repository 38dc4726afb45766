"""The DuckDB store: one owner of the connection, one writer.

Each article's analysis is written in one transaction (all its rows or none), so a killed run
leaves no half article; article ids are content hashes, so ingesting the same input twice
stores it once and a rerun picks up where it stopped. Bad items are recorded in ``failures``
with their reason. Queries take typed filters only: values are always bound parameters, never
pasted into SQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb

from .errors import BadArgument, StoreError, wrap_duckdb
from .model import Analysis, from_dict
from .pipeline import Failure

SCHEMA_VERSION = 1

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
    speaker VARCHAR, speaker_name VARCHAR, speaker_text VARCHAR, cue VARCHAR, published DATE);
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
"""


def _date(value: str | None) -> str | None:
    """Dates with month or year precision are stored as their first day (precision kept beside)."""
    if not value:
        return None
    parts = value.split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts[:3])


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
    limit: int = 100
    offset: int = 0

    def check(self, max_limit: int = 100_000) -> None:
        if not 0 < self.limit <= max_limit:
            raise BadArgument(f"limit must be between 1 and {max_limit}, not {self.limit}")
        if self.offset < 0:
            raise BadArgument(f"offset must be 0 or more, not {self.offset}")
        from .ingest.clean import parse_date

        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, parse_date(value, what=name.replace("_", " ")))


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
                self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
            else:
                self.con.execute("SELECT count(*) FROM articles").fetchone()
        except duckdb.Error as exc:
            raise wrap_duckdb(exc, f"opening the store {self.path}") from exc

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ writing
    def known(self, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` (article ids or content hashes) are stored already."""
        if not ids:
            return set()
        rows = self.con.execute(
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
        art = doc["article"]
        aid = art["id"]
        published = art.get("published")
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        self.con.execute(
            "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [aid, art.get("content_hash") or aid, art.get("title"), art.get("url"), published, art.get("dateline"),
             art.get("author"), art.get("source"), art["text"], len(doc["actors"]), len(doc["quotes"]),
             len(doc["events"]), now, json.dumps(doc, ensure_ascii=False)])
        names = {a["id"]: a["name"] for a in doc["actors"]}
        if doc["actors"]:
            self.con.executemany("INSERT INTO actors VALUES (?,?,?,?,?,?,?,?,?,?)", [
                [aid, a["id"], a["name"], a["kind"], a.get("country"), a.get("code"), a.get("kb_id"),
                 len(a["mentions"]), json.dumps(a.get("roles", [])), published] for a in doc["actors"]])
            rows = [[aid, a["id"], m["start"], m["end"], m["text"], m.get("rule")]
                    for a in doc["actors"] for m in a["mentions"]]
            if rows:
                self.con.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?)", rows)
        if doc["quotes"]:
            self.con.executemany("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?)", [
                [aid, q["id"], q["text"], q["start"], q["end"], q["kind"], q.get("speaker"),
                 names.get(q.get("speaker") or ""), (q.get("speaker_mention") or {}).get("text"),
                 (q.get("cue") or {}).get("text"), published] for q in doc["quotes"]])
        if doc["events"]:
            self.con.executemany("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", [
                [aid, e["id"], e["source"], e["target"], e.get("plover"), e.get("cameo"), e.get("goldstein"),
                 e.get("quad"), e.get("mode"), bool(e.get("negated")), _date(e.get("date") or published),
                 e.get("date_precision"), e.get("place"), e["evidence"]["text"], e["evidence"]["start"],
                 e["evidence"]["end"], e.get("confidence"), published] for e in doc["events"]])
        if doc["relations"]:
            self.con.executemany("INSERT INTO relations VALUES (?,?,?,?,?,?,?,?)", [
                [aid, r["type"], r["subject"], r["object"], r["source"], (r.get("evidence") or {}).get("text"),
                 r.get("start"), r.get("end")] for r in doc["relations"]])
        if doc["places"]:
            self.con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?)", [
                [aid, p["id"], p["name"], p.get("country"), p.get("lat"), p.get("lon"), p.get("feature"),
                 len(p["mentions"])] for p in doc["places"]])

    def add_failure(self, failure: Failure) -> None:
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        try:
            self.con.execute("INSERT INTO failures VALUES (?,?,?,?,?)",
                             [failure.source, failure.id, failure.code, failure.message, now])
        except duckdb.Error as exc:
            raise wrap_duckdb(exc, "recording a failure") from exc

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
        if table not in {"articles", "actors", "mentions", "quotes", "events", "relations", "places", "failures"}:
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
        return self._rows(
            "SELECT article_id, quote_id, published, speaker, speaker_name, kind, text, cue FROM quotes "
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
        return self._rows(
            "SELECT article_id, event_id, date, date_precision, source, target, plover, cameo, goldstein, quad, "
            "mode, negated, place, evidence, confidence FROM events "
            f"WHERE {' AND '.join(where)} ORDER BY date DESC NULLS LAST, article_id, evidence_start "
            "LIMIT ? OFFSET ?", [*params, f.limit, f.offset])

    def failures(self, limit: int = 100) -> list[dict[str, Any]]:
        return self._rows("SELECT source, item_id, code, message, failed_at FROM failures ORDER BY failed_at DESC LIMIT ?",
                          [limit])


__all__ = ["Filters", "Store"]
