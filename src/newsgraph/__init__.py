"""newsgraph: read news and turn it into structured political knowledge.

    import newsgraph
    analysis = newsgraph.read(text, published="2022-05-17")   # -> Analysis
    analysis.to_dict()                                         # the JSON document (CONTRACT.md)

Nothing heavy happens at import time: the spaCy pipeline and the knowledge base load on first use.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import NewsgraphError
from .model import SCHEMA, Actor, Analysis, Article, Event, Mention, Place, Quote, RawDocument, Relation, Span

__version__ = "0.1.0"


def read(text: str, *, published: str | None = None, title: str | None = None, url: str | None = None,
         id: str | None = None, html: bool | None = None, config: dict[str, Any] | None = None) -> Analysis:
    """Analyse one article given as text (or HTML: detected, or forced with ``html=True``).

    Read as ``newsgraph read FILE`` reads a file: a ``---`` front-matter block at the top of a text
    gives ``published``, ``title``, ``url`` and ``id``, and an HTML page its own metadata; the
    keywords here override them."""
    from .ingest.clean import parse_date
    from .ingest.readers import from_html, from_text
    from .pipeline import get_pipeline

    looks_html = text.lstrip()[:200].lower().startswith(("<!doctype html", "<html"))
    raw = from_html(text, url=url) if html or (html is None and looks_html) else from_text(text)
    raw.title = title or raw.title
    raw.url = url or raw.url
    raw.id = id or raw.id
    raw.published = parse_date(published, what="published date") if published else raw.published
    return get_pipeline(config)(raw)


def connect(db: str | Path, *, read_only: bool = True) -> Any:
    """Open a store for queries; returns a :class:`newsgraph.query.Corpus`::

        with newsgraph.connect("news.duckdb") as corpus:
            frame = corpus.events(actor="RUS", plover="ACCUSE").df()    # pandas DataFrame
            table = corpus.quotes(min_confidence=0.6).arrow()            # pyarrow Table

    Filters are checked (unknown names, PLOVER types, CAMEO codes, countries, dates) and every
    matching row is returned unless ``limit`` says otherwise."""
    from .query import Corpus

    return Corpus(str(db), read_only=read_only)


def read_file(path: str | Path, *, published: str | None = None, config: dict[str, Any] | None = None,
              **columns: str) -> list[Analysis]:
    """Analyse every article in a file or folder (text, HTML, JSONL, CSV). Bad items raise.

    ``text_col``, ``date_col``, ``id_col``, ``url_col``, ``title_col``: as the CLI's ``--text-col`` ...
    options, which JSONL field or CSV column holds what."""
    return [a for a in read_many([str(path)], published=published, config=config, strict=True, **columns)
            if isinstance(a, Analysis)]


def read_many(paths: Iterable[str], *, published: str | None = None, config: dict[str, Any] | None = None,
              strict: bool = False, **columns: str) -> Iterator[Any]:
    """Analyse many inputs in spaCy batches; yields :class:`Analysis` or ``Failure`` items in order.

    Options as for :func:`read_file`."""
    from . import config as _config
    from .errors import BadArgument
    from .ingest.clean import parse_date
    from .ingest.readers import Columns, read_inputs
    from .pipeline import Failure, get_pipeline

    names = {"text_col": "text", "date_col": "published", "id_col": "id", "url_col": "url", "title_col": "title"}
    unknown = sorted(set(columns) - set(names))
    if unknown:
        raise BadArgument(f"unknown option {unknown[0]!r}", hint=f"the column options are {', '.join(names)}")
    cols = Columns(**{names[k]: v for k, v in columns.items() if v})
    published = parse_date(published, what="published date") if published else None
    cfg = config or _config.load()
    items = read_inputs(list(paths), max_mb=float(cfg["input"]["max_mb"]),
                        extensions=tuple(cfg["input"]["extensions"]), strict=strict, columns=cols)

    def with_date(stream: Iterable[Any]) -> Iterator[Any]:
        for item in stream:
            if published and isinstance(item, RawDocument):
                item.published = published
            yield item

    for result in get_pipeline(cfg).pipe(with_date(items)):
        if strict and isinstance(result, Failure):
            from .errors import error_for

            raise error_for(result.code, result.message)
        yield result


__all__ = [
    "SCHEMA", "Actor", "Analysis", "Article", "Event", "Mention", "NewsgraphError", "Place", "Quote",
    "RawDocument", "Relation", "Span", "__version__", "connect", "read", "read_file", "read_many",
]
