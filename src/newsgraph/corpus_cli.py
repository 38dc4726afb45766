"""Corpus commands: ``series``, ``network``, ``export``, ``clusters`` and ``stories``.

Attached to the ``newsgraph`` group by :mod:`newsgraph.cli`. Each command only parses its
arguments and calls one library function (:mod:`newsgraph.analytics`, :mod:`newsgraph.export`).
"""

from __future__ import annotations

import json
from typing import Any

import click

from .cli import DB_HELP, TABLE_ROWS, emit_rows

FORMAT_HELP = "table for people; json or csv for programs."


def _db(obj: dict[str, Any], db: str | None) -> str:
    return db or obj["config"]["store"]["db"]


def _dates(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    from .ingest.clean import parse_date

    return (parse_date(date_from, what="--from") if date_from else None,
            parse_date(date_to, what="--to") if date_to else None)


@click.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--source", default=None,
              help="Who acts: an actor id or name (vladimir-putin, Putin), a country (RUS) or an organisation "
                   "or bloc (CSTO, NATO: its members' events as of each date). Default: anyone.")
@click.option("--target", default=None, help="Who is acted upon (same forms as --source). Default: anyone.")
@click.option("--by", type=click.Choice(["day", "week", "month"]), default="week", show_default=True,
              help="Period of each row (weeks start on Monday).")
@click.option("--from", "date_from", default=None, help="From date YYYY-MM-DD.")
@click.option("--to", "date_to", default=None, help="To date YYYY-MM-DD.")
@click.option("--include-copies", is_flag=True, help="Count near-duplicate articles (wire copies) again.")
@click.option("--include-negated", is_flag=True, help="Count negated events (\"did not attack\") too.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help=FORMAT_HELP)
@click.pass_obj
def series(obj: dict[str, Any], db: str | None, source: str | None, target: str | None, by: str,
           date_from: str | None, date_to: str | None, include_copies: bool, include_negated: bool, fmt: str) -> None:
    """Events from --source to --target per day, week or month: counts, Goldstein sum and mean, quad classes."""
    from .analytics import series as run_series
    from .store import Store

    date_from, date_to = _dates(date_from, date_to)
    with Store(_db(obj, db), read_only=True) as store:
        result = run_series(store, source, target, by=by, date_from=date_from, date_to=date_to,
                            include_copies=include_copies, include_negated=include_negated)
    for w in result.warnings:
        click.echo(f"warning: {w}", err=True)
    if fmt == "json":
        import json

        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, default=str, indent=2))
    else:
        emit_rows(result.rows, fmt)


@click.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--from", "date_from", default=None, help="From date YYYY-MM-DD.")
@click.option("--to", "date_to", default=None, help="To date YYYY-MM-DD.")
@click.option("--by", type=click.Choice(["actor", "country"]), default="actor", show_default=True,
              help="Nodes are actors, or states (people and agencies folded into their country).")
@click.option("--min-weight", type=click.IntRange(min=1), default=1, show_default=True,
              help="Leave out edges with fewer events.")
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "json"]), default="graphml",
              show_default=True, help="GraphML (yEd, networkx, igraph), GEXF (Gephi) or node-link JSON.")
@click.option("-o", "--output", default="-", show_default=True, help="File to write (- for standard output).")
@click.pass_obj
def network(obj: dict[str, Any], db: str | None, date_from: str | None, date_to: str | None, by: str,
            min_weight: int, fmt: str, output: str) -> None:
    """The actor network: edges weighted by events and signed by cooperation (+1) or conflict (-1)."""
    from .export import export_network
    from .store import Store

    date_from, date_to = _dates(date_from, date_to)
    with Store(_db(obj, db), read_only=True) as store:
        nodes, edges = export_network(store, fmt, output, date_from=date_from, date_to=date_to,
                                      min_weight=min_weight, by=by)
    if output != "-":
        click.echo(f"{nodes} nodes, {edges} edges -> {output}", err=True)


@click.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["gdelt", "plover", "jsonl", "csv", "parquet"]), required=True,
              help="gdelt: GDELT 2.0 event table (61 tab-separated columns); plover: PLOVER JSON records; "
                   "jsonl / csv / parquet: one record per event.")
@click.option("-o", "--output", default="-", show_default=True,
              help="File to write (- for standard output; Parquet needs a file).")
@click.option("--from", "date_from", default=None, help="From date YYYY-MM-DD.")
@click.option("--to", "date_to", default=None, help="To date YYYY-MM-DD.")
@click.option("--unit", type=click.Choice(["report", "event"]), default="report", show_default=True,
              help="gdelt only: a row per report, or per real event (run `newsgraph clusters` first).")
@click.pass_obj
def export(obj: dict[str, Any], db: str | None, fmt: str, output: str, date_from: str | None, date_to: str | None,
           unit: str) -> None:
    """Export stored events for other tools (GDELT, PLOVER, JSONL, CSV, Parquet)."""
    from .export import export_events
    from .store import Store

    date_from, date_to = _dates(date_from, date_to)
    with Store(_db(obj, db), read_only=True) as store:
        n = export_events(store, fmt, output, date_from=date_from, date_to=date_to, unit=unit)
    if output != "-":
        click.echo(f"{n} records -> {output}", err=True)


@click.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--actor", default=None, help="Only real events with this actor or country on either side.")
@click.option("--from", "date_from", default=None, help="From date YYYY-MM-DD.")
@click.option("--to", "date_to", default=None, help="To date YYYY-MM-DD.")
@click.option("--min-articles", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only real events reported by at least this many articles.")
@click.option("--limit", type=click.IntRange(min=0), default=None,
              help="Rows to show; 0 for all. Default: 50 in a table (a line on standard error says how many there "
                   "are), every row with --format json or csv.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help=FORMAT_HELP)
@click.pass_obj
def clusters(obj: dict[str, Any], db: str | None, actor: str | None, date_from: str | None, date_to: str | None,
             min_articles: int, limit: int | None, fmt: str) -> None:
    """Link near-duplicate articles, cluster event reports into real events, and list them."""
    from .analytics import clusters as list_clusters
    from .analytics import refresh
    from .store import Store

    date_from, date_to = _dates(date_from, date_to)
    with Store(_db(obj, db)) as store:
        done = refresh(store, config=obj["config"])
        rows = list_clusters(store, date_from=date_from, date_to=date_to, actor=actor, min_articles=min_articles,
                             limit=None)
    d, c = done["duplicates"], done["clusters"]
    click.echo(f"{d['copies']} near-duplicate article(s) in {d['groups']} group(s); {c['reports']} reports -> "
               f"{c['clusters']} real events ({c['multi_report']} reported more than once)", err=True)
    if limit is None and fmt == "table":
        limit = TABLE_ROWS
    if limit and len(rows) > limit:
        if fmt == "table":
            click.echo(f"showing {limit:,} of {len(rows):,}; --limit 0 for all", err=True)
        rows = rows[:limit]
    emit_rows(rows, fmt)


@click.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--from", "date_from", default=None, help="From date YYYY-MM-DD.")
@click.option("--to", "date_to", default=None, help="To date YYYY-MM-DD.")
@click.option("--min-sources", type=click.IntRange(min=1), default=2, show_default=True,
              help="Only stories told by at least this many news sources.")
@click.option("--search", default=None, help="Only stories with an article whose title contains this text.")
@click.option("--show", "story_id", default=None, help="Show one story: its articles and its merged events.")
@click.option("--regroup/--no-regroup", default=True, show_default=True,
              help="Group the stored articles into stories first (--no-regroup: list what is stored; read-only).")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="Rows to show.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help=FORMAT_HELP)
@click.pass_obj
def stories(obj: dict[str, Any], db: str | None, date_from: str | None, date_to: str | None, min_sources: int,
            search: str | None, story_id: str | None, regroup: bool, limit: int, fmt: str) -> None:
    """Group articles from several outlets that tell the same news into stories, and list them."""
    from .errors import BadArgument
    from .store import Store
    from .stories import cluster_stories, story
    from .stories import stories as list_stories

    date_from, date_to = _dates(date_from, date_to)
    with Store(_db(obj, db), read_only=not regroup) as store:
        if regroup:
            rep = cluster_stories(store, config=obj["config"])
            click.echo(f"{rep.articles} dated articles, {rep.candidates} pairs compared -> {rep.stories} stories "
                       f"({rep.multi_source} told by several sources) holding {rep.in_stories} articles", err=True)
        if story_id:
            one = story(store, story_id)
            if one is None:
                raise BadArgument(f"no story {story_id!r} in this store", hint="list them with `newsgraph stories`")
            if fmt == "json":
                click.echo(json.dumps(one, indent=2, default=str, ensure_ascii=False))
            else:
                click.echo(f"{one['story_id']}  {one['date_start']} .. {one['date_end']}  {one['n_articles']} articles, "
                           f"{one['n_sources']} sources", err=True)
                emit_rows(one["articles"], fmt)
                if one["events"]:
                    click.echo("merged events:", err=True)
                    emit_rows(one["events"], fmt)
            return
        rows = list_stories(store, date_from=date_from, date_to=date_to, min_sources=min_sources, search=search,
                            limit=limit)
    emit_rows(rows, fmt)


__all__ = ["clusters", "export", "network", "series", "stories"]
