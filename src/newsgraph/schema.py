"""The stored tables, written once: every column's name and DuckDB type, owned by the store.

Everything else is derived from :data:`TABLES`: the DuckDB DDL (:data:`DDL`), the Arrow schema
of a Parquet shard (:func:`arrow_schema`), the column lists the store inserts and loads in
(:func:`names`), the rows the store writes (:func:`ordered`, by column name), and the columns
its typed queries return (:data:`QUERY_COLUMNS`, which the REST API's row models follow).

A column is written ``"name TYPE [constraint]"``, in table order. Adding a column: add it here,
give it a value in :func:`newsgraph.store.rows_for` (by name), raise :data:`SCHEMA_VERSION` and
say in ``Store._migrate`` how an older store gets it.

Importing this module imports neither DuckDB nor pyarrow.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

SCHEMA_VERSION = 4  # 2: event_dyads, article_signatures, duplicate and cluster tables; 3: integer keys;
# 4: quotes.rule and quotes.confidence


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # DuckDB type
    constraint: str = ""  # e.g. PRIMARY KEY, NOT NULL

    @classmethod
    def parse(cls, spec: str) -> Column:
        name, type_, *rest = spec.split(" ", 2)
        return cls(name, type_, rest[0] if rest else "")

    def ddl(self) -> str:
        return f"{self.name} {self.type} {self.constraint}".rstrip()


_TABLES: dict[str, tuple[str, ...]] = {
    "meta": ("key VARCHAR PRIMARY KEY", "value VARCHAR"),
    "articles": (
        "id VARCHAR PRIMARY KEY", "content_hash VARCHAR NOT NULL", "title VARCHAR", "url VARCHAR", "published DATE",
        "dateline VARCHAR", "author VARCHAR", "source VARCHAR", "text VARCHAR", "n_actors INTEGER",
        "n_quotes INTEGER", "n_events INTEGER", "ingested_at TIMESTAMP", "doc JSON"),
    "actors": (
        "article_id VARCHAR", "actor_id VARCHAR", "name VARCHAR", "kind VARCHAR", "country VARCHAR", "code VARCHAR",
        "kb_id VARCHAR", "n_mentions INTEGER", "roles JSON", "published DATE"),
    "mentions": (
        "article_id VARCHAR", "actor_id VARCHAR", "start_char INTEGER", "end_char INTEGER", "text VARCHAR",
        "rule VARCHAR"),
    "quotes": (
        "article_id VARCHAR", "quote_id VARCHAR", "text VARCHAR", "start_char INTEGER", "end_char INTEGER",
        "kind VARCHAR", "speaker VARCHAR", "speaker_name VARCHAR", "speaker_text VARCHAR", "cue VARCHAR",
        "published DATE", "rule VARCHAR", "confidence DOUBLE"),
    "events": (
        "article_id VARCHAR", "event_id VARCHAR", "source VARCHAR[]", "target VARCHAR[]", "plover VARCHAR",
        "cameo VARCHAR", "goldstein DOUBLE", "quad VARCHAR", "mode VARCHAR", "negated BOOLEAN", "date DATE",
        "date_precision VARCHAR", "place VARCHAR", "evidence VARCHAR", "evidence_start INTEGER",
        "evidence_end INTEGER", "confidence DOUBLE", "published DATE"),
    "relations": (
        "article_id VARCHAR", "type VARCHAR", "subject VARCHAR", "object VARCHAR", "source VARCHAR",
        "evidence VARCHAR", "start_date VARCHAR", "end_date VARCHAR"),
    "places": (
        "article_id VARCHAR", "place_id VARCHAR", "name VARCHAR", "country VARCHAR", "lat DOUBLE", "lon DOUBLE",
        "feature VARCHAR", "n_mentions INTEGER"),
    "failures": ("source VARCHAR", "item_id VARCHAR", "code VARCHAR", "message VARCHAR", "failed_at TIMESTAMP"),
    # derived, written with their article: one row per source x target actor of an event
    "event_dyads": (
        "article_id VARCHAR", "event_id VARCHAR", "date DATE", "source_id VARCHAR", "target_id VARCHAR",
        "source_country VARCHAR", "target_country VARCHAR", "source_kind VARCHAR", "target_kind VARCHAR",
        "plover VARCHAR", "cameo VARCHAR", "quad VARCHAR", "goldstein DOUBLE", "negated BOOLEAN", "mode VARCHAR",
        "article_key BIGINT", "event_key BIGINT"),
    "article_signatures": ("article_id VARCHAR", "minhash UINTEGER[]"),
    # derived by the corpus analytics (newsgraph.analytics), rewritten as a whole
    "duplicate_pairs": ("article_a VARCHAR", "article_b VARCHAR", "similarity DOUBLE"),
    "article_duplicates": (
        "article_id VARCHAR", "group_id VARCHAR", "canonical_id VARCHAR", "similarity DOUBLE", "article_key BIGINT"),
    "event_clusters": (
        "cluster_id VARCHAR", "date_start DATE", "date_end DATE", "source_id VARCHAR", "target_id VARCHAR",
        "source_country VARCHAR", "target_country VARCHAR", "plover VARCHAR", "cameo VARCHAR", "quad VARCHAR",
        "goldstein DOUBLE", "n_reports INTEGER", "n_articles INTEGER", "n_independent INTEGER",
        "n_sources INTEGER", "sources VARCHAR[]", "evidence VARCHAR"),
    "event_cluster_reports": (
        "cluster_id VARCHAR", "article_id VARCHAR", "event_id VARCHAR", "date DATE", "source_id VARCHAR",
        "target_id VARCHAR", "news_source VARCHAR", "url VARCHAR", "duplicate_of VARCHAR"),
    # derived by newsgraph.stories: articles of several outlets telling the same news
    "stories": (
        "story_id VARCHAR", "date_start DATE", "date_end DATE", "n_articles INTEGER", "n_sources INTEGER",
        "sources VARCHAR[]", "title VARCHAR", "lead_article VARCHAR", "cohesion DOUBLE"),
    "story_articles": (
        "story_id VARCHAR", "article_id VARCHAR", "published DATE", "news_source VARCHAR", "title VARCHAR",
        "url VARCHAR", "score DOUBLE"),
}

#: every stored table: its columns in order
TABLES: dict[str, tuple[Column, ...]] = {t: tuple(Column.parse(c) for c in cols) for t, cols in _TABLES.items()}

#: indexes besides the primary keys: (name, table, column)
INDEXES = (("articles_hash", "articles", "content_hash"),)

#: the tables one article's analysis is written to, in this order (the shard layout too)
ARTICLE_TABLES = ("articles", "actors", "mentions", "quotes", "events", "relations", "places", "event_dyads",
                  "article_signatures")

#: the tables a shard holds: an article's tables and the batch's failures
SHARD_TABLES = (*ARTICLE_TABLES, "failures")

#: tables whose rows can be counted (all but the store's own ``meta``)
COUNTED_TABLES = tuple(t for t in TABLES if t != "meta")

#: the columns the store's typed queries return (``Store.articles``, ``.quotes``, ``.events``, ``.failures``)
QUERY_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "published", "title", "dateline", "url", "n_actors", "n_quotes", "n_events", "source"),
    "quotes": ("article_id", "quote_id", "published", "speaker", "speaker_name", "kind", "text", "cue", "rule",
               "confidence"),
    "events": ("article_id", "event_id", "date", "date_precision", "source", "target", "plover", "cameo",
               "goldstein", "quad", "mode", "negated", "place", "evidence", "confidence"),
    "failures": ("source", "item_id", "code", "message", "failed_at"),
}


def names(table: str) -> tuple[str, ...]:
    """The column names of ``table``, in order."""
    return _NAMES[table]


def column_list(table: str, alias: str = "") -> str:
    """The columns of ``table`` as a SQL list (``a.x, a.y`` with ``alias="a"``)."""
    prefix = f"{alias}." if alias else ""
    return ", ".join(prefix + n for n in names(table))


def query_columns(table: str, alias: str = "") -> str:
    """:data:`QUERY_COLUMNS` of ``table`` as a SQL list."""
    prefix = f"{alias}." if alias else ""
    return ", ".join(prefix + n for n in QUERY_COLUMNS[table])


def ordered(table: str, rows: Sequence[Mapping[str, Any]]) -> list[list[Any]]:
    """Rows given by column name as lists in table order (a missing or unknown column is an error)."""
    cols = names(table)
    if rows and len(rows[0]) != len(cols):
        unknown, missing = set(rows[0]) - set(cols), set(cols) - set(rows[0])
        raise KeyError(f"{table}: unknown column(s) {sorted(unknown)}, missing {sorted(missing)}")
    return [[row[c] for c in cols] for row in rows]


def _ddl() -> str:
    parts = []
    for table, cols in TABLES.items():
        parts.append(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(c.ddl() for c in cols)});")
        parts += [f"CREATE INDEX IF NOT EXISTS {name} ON {t} ({col});" for name, t, col in INDEXES if t == table]
    return "\n".join(parts)


#: the DDL that creates every table and index (each ``IF NOT EXISTS``)
DDL = _ddl()

_NAMES = {t: tuple(c.name for c in cols) for t, cols in TABLES.items()}

# DuckDB type -> Arrow type (the name of a pyarrow factory and its arguments; JSON travels as text)
_ARROW = {"VARCHAR": ("string",), "JSON": ("string",), "INTEGER": ("int32",), "BIGINT": ("int64",),
          "DOUBLE": ("float64",), "DATE": ("date32",), "TIMESTAMP": ("timestamp", "us"), "BOOLEAN": ("bool_",),
          "UINTEGER": ("uint32",)}


def arrow_type(duckdb_type: str) -> Any:
    """The Arrow type a column of ``duckdb_type`` is written as in a Parquet shard."""
    import pyarrow as pa

    if duckdb_type.endswith("[]"):
        return pa.list_(arrow_type(duckdb_type[:-2]))
    factory, *args = _ARROW[duckdb_type]
    return getattr(pa, factory)(*args)


def arrow_schema(table: str, *, seq: bool = False) -> Any:
    """The Arrow schema of ``table`` (with a leading ``_seq`` int32 column: a shard's item number)."""
    import pyarrow as pa

    fields = [pa.field(c.name, arrow_type(c.type)) for c in TABLES[table]]
    return pa.schema([pa.field("_seq", pa.int32()), *fields] if seq else fields)


__all__ = ["ARTICLE_TABLES", "COUNTED_TABLES", "DDL", "INDEXES", "QUERY_COLUMNS", "SCHEMA_VERSION", "SHARD_TABLES",
           "TABLES", "Column", "arrow_schema", "arrow_type", "column_list", "names", "ordered", "query_columns"]
