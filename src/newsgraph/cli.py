"""The command line: a thin face over the library. Commands parse arguments and call one function.

Errors from the library are printed as one line ``error[CODE]: message`` on standard error with
a non-zero exit status; no traceback unless ``NEWSGRAPH_DEBUG=1``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import click

from . import __version__
from . import config as _config
from .errors import EmptyInput, InternalError, NewsgraphError

DB_HELP = "DuckDB store file (default: [store] db in the config, newsgraph.duckdb)"
STRICT_HELP = ("Refuse input that is not valid UTF-8 (error NG111) instead of reading it with the bad bytes "
               "replaced by U+FFFD and a warning.")


# ----------------------------------------------------------------------------------------------
# output helpers
# ----------------------------------------------------------------------------------------------

def _cell(value: Any, width: int) -> str:
    if isinstance(value, list):
        value = ",".join(map(str, value))
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(rows: Sequence[dict[str, Any]], max_width: int = 60) -> str:
    """A plain fixed-width table (for people; use --format json/csv for programs)."""
    if not rows:
        return "(no rows)"
    cols = list(rows[0])
    widths = {c: min(max_width, max(len(c), *(len(_cell(r.get(c), max_width)) for r in rows))) for c in cols}
    lines = ["  ".join(c.ljust(widths[c]) for c in cols), "  ".join("-" * widths[c] for c in cols)]
    lines += ["  ".join(_cell(r.get(c), max_width).ljust(widths[c]) for c in cols) for r in rows]
    return "\n".join(line.rstrip() for line in lines)


def emit_rows(rows: Sequence[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, default=str, indent=2))
    elif fmt == "csv":
        buf = io.StringIO()
        if rows:
            w = csv.DictWriter(buf, fieldnames=list(rows[0]))
            w.writeheader()
            for r in rows:
                w.writerow({k: ",".join(map(str, v)) if isinstance(v, list) else v for k, v in r.items()})
        click.echo(buf.getvalue(), nl=False)
    else:
        click.echo(format_table(rows))


def explain_actors(doc: dict[str, Any]) -> str:
    """Why each actor is who it is: its KB id (or none), and per mention the rule that linked it,
    the kind of evidence, the confidence and the mention it was resolved through."""
    text = doc["article"]["text"]
    out = ["Actors explained (evidence: full | alias | earlier-mention | role-on-date | coreference | text | agent):"]
    for a in doc["actors"]:
        kb = f"KB {a['kb_id']}" if a.get("kb_id") else "not in the KB"
        out.append(f"  {a['name']} [{a['id']}] {a['kind']}, {kb}, code {a.get('code') or '-'}, country {a.get('country') or '-'}")
        for m in a["mentions"]:
            ante = m.get("antecedent")
            via = f" <- {text[ante['start']:ante['end']]!r}" if ante else ""
            out.append(f"    {m['start']:>6} {m['text']!r}: {m.get('rule', '')}, {m.get('evidence') or '-'}, "
                       f"{m.get('confidence', 1.0):.2f}{via}")
    return "\n".join(out)


def summary_text(doc: dict[str, Any]) -> str:
    """A readable summary of one analysis document: actors, quotes with speakers, events."""
    art = doc["article"]
    names = {a["id"]: a["name"] for a in doc["actors"]}
    out = [art.get("title") or "(untitled)",
           f"published {art.get('published') or 'unknown'}"
           + (f" · dateline {art['dateline']}" if art.get("dateline") else "")
           + (f" · {art['url']}" if art.get("url") else "") + f" · id {art['id']}", ""]
    out.append(f"ACTORS ({len(doc['actors'])})")
    for a in sorted(doc["actors"], key=lambda a: -len(a["mentions"])):
        role = "; ".join(f"{r['title']}{' of ' + r['of'] if r.get('of') else ''}" for r in a.get("roles", [])[:2])
        out.append(f"  {a['name']} [{a['kind']}{', ' + a['country'] if a.get('country') else ''}"
                   f"{', ' + a['code'] if a.get('code') else ''}] {len(a['mentions'])} mention(s)"
                   + (f" — {role}" if role else ""))
    out += ["", f"QUOTES ({len(doc['quotes'])})"]
    for q in doc["quotes"]:
        who = names.get(q.get("speaker") or "", "unattributed")
        text = q["text"] if len(q["text"]) <= 160 else q["text"][:157] + "..."
        out.append(f"  {who} ({q['kind']}): “{text}”")
    out += ["", f"EVENTS ({len(doc['events'])})"]
    for e in doc["events"]:
        src = ", ".join(names.get(s, s) for s in e["source"]) or "?"
        tgt = ", ".join(names.get(t, t) for t in e["target"]) or "?"
        flags = "".join([" NOT" if e.get("negated") else "", f" ({e['mode']})" if e.get("mode") else ""])
        out.append(f"  {e.get('date') or '?'}  {src} -> {tgt}: {e.get('plover')}{flags} / CAMEO {e.get('cameo')}"
                   f" / Goldstein {e.get('goldstein')}")
        out.append(f"      “{e['evidence']['text'][:150]}”")
    if doc.get("relations"):
        out += ["", f"RELATIONS ({len(doc['relations'])})"]
        for r in doc["relations"]:
            out.append(f"  {names.get(r['subject'], r['subject'])} {r['type']} {names.get(r['object'], r['object'])}"
                       f" [{r['source']}]")
    return "\n".join(out)


def _input_options(fn: Any) -> Any:
    """--text-col, --date-col, --id-col, --url-col, --title-col: which JSONL field or CSV column holds what."""
    for part, flag, default in reversed((
            ("text", "--text-col", "text, body, content or article"),
            ("published", "--date-col", "published, date, publication_date or pub_date"),
            ("id", "--id-col", "id, article_id or doc_id"), ("url", "--url-col", "url or link"),
            ("title", "--title-col", "title or headline"))):
        fn = click.option(flag, f"{part}_col", default=None, metavar="NAME",
                          help=f"JSONL field / CSV column with the article's {'date' if part == 'published' else part} "
                               f"(default: the first of {default}).")(fn)
    return fn


def _columns(cols: dict[str, Any]) -> Any:
    from .ingest.readers import Columns

    return Columns(**{k.removesuffix("_col"): cols.pop(k) for k in list(cols) if k.endswith("_col")})


def _note(message: str) -> None:
    click.echo(f"columns: {message}", err=True)


UNDATED = ("{n:,} of {total:,} articles have no publication date (none given with --date, in a date column, "
           "in front matter or in the page, nor as a dateline). Their events are dated only where the text "
           "gives a full date; relative dates ('on Monday', 'last week') are left unresolved rather than "
           "guessed. Give --date YYYY-MM-DD or --date-col NAME to resolve them.")


# ----------------------------------------------------------------------------------------------
# the command group
# ----------------------------------------------------------------------------------------------

@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="newsgraph")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="TOML file overriding the defaults (also NEWSGRAPH_CONFIG).")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None) -> None:
    """newsgraph: read news and turn it into structured political knowledge.

    Actors resolved to canonical people, states, organisations and blocs; quotes with their
    real speakers; events coded in PLOVER and CAMEO with Goldstein scores; alliance relations.
    """
    ctx.obj = {"config": _config.load(config_path)}


@cli.command()
@click.argument("path")
@click.option("--date", "published", default=None, help="Publication date YYYY-MM-DD (relative dates resolve against it).")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "text"]), default="json", show_default=True,
              help="json: one document (an array for several); jsonl: one document a line; text: a summary.")
@click.option("--title", default=None, help="Headline, when the input does not carry one.")
@click.option("--url", default=None, help="Source URL of the article.")
@click.option("--explain", is_flag=True, help="With --format text: why each actor is who it is (every mention's "
              "rule, evidence kind, confidence and antecedent).")
@click.option("--strict", is_flag=True, help=STRICT_HELP)
@_input_options
@click.pass_obj
def read(obj: dict[str, Any], path: str, published: str | None, fmt: str, title: str | None, url: str | None,
         explain: bool = False, strict: bool = False, **cols: Any) -> None:
    """Analyse PATH (text, HTML, JSONL or CSV file, a folder, or - for standard input) and print the result.

    Exit status: 0 when every article was analysed; 1 when any item failed (it is printed as an
    error record, and on standard error) or nothing could be read."""
    from .ingest.clean import parse_date
    from .ingest.readers import read_inputs
    from .model import RawDocument
    from .pipeline import Failure, get_pipeline

    cfg = obj["config"]
    published = parse_date(published, what="--date") if published else None
    items = read_inputs([path], max_mb=float(cfg["input"]["max_mb"]), extensions=tuple(cfg["input"]["extensions"]),
                        strict=True, strict_encoding=strict, columns=_columns(cols), note=_note)

    def prepared() -> Iterable[RawDocument | Failure]:
        for item in items:
            if isinstance(item, RawDocument):
                item.published = published or item.published
                item.title = title or item.title
                item.url = url or item.url
            yield item

    docs: list[dict[str, Any]] = []
    ok = failed = undated = 0
    for result in get_pipeline(cfg).pipe(prepared()):
        doc = result.to_dict()
        if "error" in doc:
            failed += 1
            click.echo(f"error[{doc['error']['code']}]: {doc['error']['message']}", err=True)
        else:
            ok += 1
            undated += not doc["article"].get("published")
            for w in doc.get("warnings", []):
                click.echo(f"warning: {w}", err=True)
        if fmt == "jsonl":
            click.echo(json.dumps(doc, ensure_ascii=False))
        else:
            docs.append(doc)
    if fmt == "json":
        click.echo(json.dumps(docs[0] if len(docs) == 1 else docs, ensure_ascii=False, indent=2))
    elif fmt == "text":
        for i, doc in enumerate(docs):
            if i:
                click.echo("\n" + "=" * 72 + "\n")
            if "error" in doc:
                click.echo(f"{doc['article'].get('source')}: error[{doc['error']['code']}]: {doc['error']['message']}")
            else:
                click.echo(summary_text(doc))
                if explain:
                    click.echo("\n" + explain_actors(doc))
    if undated:
        click.echo("warning: " + UNDATED.format(n=undated, total=ok), err=True)
    if ok == 0 and failed == 0:
        raise EmptyInput(f"nothing to read in {path}", hint="give a file or folder with articles")
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=None, help=DB_HELP)
@click.option("--date", "published", default=None, help="Publication date for inputs that carry none.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when standard error is a terminal).")
@click.option("--workers", type=int, default=None,
              help="Worker processes (default: [ingest] workers in the config; 0 = all cores; 1 = this process).")
@click.option("--dask", "dask_address", default=None,
              help="Run on a Dask cluster: tcp://HOST:PORT, or 'local' for a LocalCluster on this machine.")
@click.option("--strict", is_flag=True, help=STRICT_HELP)
@_input_options
@click.pass_obj
def ingest(obj: dict[str, Any], paths: tuple[str, ...], db: str | None, published: str | None,
           progress: bool | None, workers: int | None, dask_address: str | None, strict: bool, **cols: Any) -> None:
    """Read, analyse and store PATHS (files, folders, -) into the DuckDB store.

    A bad item (an unreadable file, a bad record, an article over its time budget) is recorded in
    the store's failures table with its reason and the rest goes on. On a terminal a progress bar
    shows the total, the rate and the time left. Exit status: 0 when every item was stored (or was
    stored already); 1 when any failed."""
    from .batch import ingest as run_ingest
    from .ingest.clean import parse_date
    from .ingest.readers import count_items

    cfg = obj["config"]
    published = parse_date(published, what="--date") if published else None
    db_path = db or cfg["store"]["db"]
    show = sys.stderr.isatty() if progress is None else progress
    bar = None
    if show:
        from tqdm import tqdm

        total = count_items(list(paths), tuple(cfg["input"]["extensions"]))
        bar = tqdm(total=total, unit=" articles", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)

    def tick(report: Any) -> None:
        if bar is not None:
            bar.update(report.seen - bar.n)
            bar.set_postfix(stored=report.stored, skipped=report.skipped, errors=report.failed, refresh=False)

    from .remote import find_server

    server = find_server(db_path)
    if server is not None:
        click.echo(f"a server runs on {db_path}: analysing here and storing through {server.url}"
                   + (" (--workers and --dask do not apply)" if workers not in (None, 1) or dask_address else ""),
                   err=True)
    before = _store_counts(db_path, server=server)
    started = _utc_now()
    try:
        report = run_ingest(list(paths), db, published=published, config=cfg, progress=tick, workers=workers,
                            dask=dask_address, strict_encoding=strict, columns=_columns(cols), note=_note)
    finally:
        if bar is not None:
            bar.close()
    after = _store_counts(db_path, undated_since=started, server=server)
    if server is not None:
        after["undated"] = report.undated
    how = ("" if report.mode == "single" else f" (through the server at {report.server})" if report.server
           else f" ({report.mode}, {report.workers} workers, {report.shards} shards)")
    events, quotes = after["events"] - before["events"], after["quotes"] - before["quotes"]
    click.echo(f"{report.stored} stored, {report.skipped} already stored, {report.failed} failed; "
               f"{events:,} events, {quotes:,} quotes in {_duration(report.seconds)}{how} -> {db_path}")
    if report.recovered:
        click.echo(f"  {report.recovered} article(s) recovered from the shards an interrupted run left behind")
    if after["undated"]:
        analysed = report.stored + report.skipped if server is not None else report.stored
        click.echo("warning: " + UNDATED.format(n=after["undated"], total=analysed), err=True)
    for w in report.warnings[:20]:
        click.echo(f"  warning: {w}", err=True)
    if report.warned > 20:
        click.echo(f"  ... and {report.warned - 20} more input(s) with warnings", err=True)
    for f in report.failures[:20]:
        click.echo(f"  failed: error[{f['code']}]: {f['message']}", err=True)
    if report.failed > 20:
        click.echo(f"  ... and {report.failed - 20} more (see the failures table)", err=True)
    if report.failed:
        sys.exit(1)


def _utc_now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC).replace(tzinfo=None)


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f}s"
    m, s = divmod(round(seconds), 60)
    return f"{m // 60}h {m % 60:02d}m {s:02d}s" if m >= 60 else f"{m}m {s:02d}s"


def _store_counts(db: str, undated_since: Any = None, server: Any = None) -> dict[str, int]:
    """Events and quotes in the store (zeros when there is none yet), and with ``undated_since`` the
    articles stored since then without a publication date (counts asked of the ``server`` when one
    holds the store; it does not count undated articles)."""
    from .store import Store

    if server is not None:
        import httpx

        counts = httpx.get(f"{server.url}/api/info", timeout=30).json()["counts"]
        return {"events": counts["events"], "quotes": counts["quotes"], "undated": 0}
    if db == ":memory:" or not Path(db).exists():
        return {"events": 0, "quotes": 0, "undated": 0}
    with Store(db, read_only=True) as store:
        out = {"events": store.count("events"), "quotes": store.count("quotes"), "undated": 0}
        if undated_since is not None:
            out["undated"] = int(store.execute("SELECT count(*) FROM articles WHERE published IS NULL AND "
                                               "ingested_at >= ?", [undated_since])[0][0])
    return out


#: CLI option of each query filter (the filters, their meaning and their checks live in newsgraph.query)
_OPTION_NAMES = {"date_from": "--from", "date_to": "--to", "q": "--search", "min_confidence": "--min-confidence"}
TABLE_ROWS = 50


def _query_options(target: str) -> Any:
    """The options of a query command: one per filter ``target`` takes (:data:`newsgraph.query.SPECS`),
    typed and checked by :func:`newsgraph.query.validate`, plus --db, --format and --output."""
    from .query import SPECS, filters_of

    def decorate(fn: Any) -> Any:
        opts = [click.option("--db", default=None, help=DB_HELP)]
        for name in filters_of(target):
            flag = _OPTION_NAMES.get(name, "--" + name)
            helptext = SPECS[name].help
            if name == "limit":
                helptext = (f"Rows to return; 0 for all. Default: {TABLE_ROWS} in a table (a line on standard "
                            "error says how many there are), every row with --format csv, json or jsonl.")
            opts.append(click.option(flag, name, default=None, metavar="TEXT" if name not in (
                "limit", "offset", "min_confidence") else "NUMBER", help=helptext[0].upper() + helptext[1:] + "."))
        opts += [
            click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default="table",
                         show_default=True, help="table for people; json, jsonl or csv export every matching row "
                                                 "(streamed, unless --limit)."),
            click.option("-o", "--output", default="-", show_default=True, help="File to write (- for standard output)."),
        ]
        for opt in reversed(opts):
            fn = opt(fn)
        return fn
    return decorate


def _run_query(obj: dict[str, Any], what: str, db: str | None, fmt: str, output: str = "-", **filters: Any) -> None:
    """Validate the filters, run the query and print it: a table (at most 50 rows unless --limit, with
    a line on standard error when more match) or a complete streamed export. When a running server
    holds the store (it is the store's writer), the same query is asked of it (GET /api/export)."""
    from .errors import StoreLocked
    from .query import run, validate
    from .store import Store

    if fmt == "table" and filters.get("limit") is None:
        filters["limit"] = TABLE_ROWS
    db_path = db or obj["config"]["store"]["db"]
    try:
        store = Store(db_path, read_only=True)
    except StoreLocked:
        from .remote import find_server

        server = find_server(db_path)
        if server is None:
            raise
        validate(what, filters)  # the same checks and messages, here
        _query_through(server.url, what, fmt, output, filters)
        return
    with store:
        result = run(store, what, filters)
        if fmt == "table":
            rows = result.rows()
            total = result.total() if result.filters.limit is not None and len(rows) == result.filters.limit else 0
            _print_table(rows, total, result.filters.offset, output)
            return
        if output == "-":
            n = result.write(fmt, sys.stdout)
        else:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                n = result.write(fmt, fh)
            click.echo(f"{n:,} {what} -> {output}", err=True)


def _print_table(rows: list[dict[str, Any]], total: int, offset: int, output: str) -> None:
    if total > len(rows) + offset:
        click.echo(f"showing {len(rows):,} of {total:,}; --limit 0 for all", err=True)
    text = format_table(rows) + "\n"
    if output == "-":
        click.echo(text, nl=False)
    else:
        Path(output).write_text(text, "utf-8")


def _query_through(url: str, what: str, fmt: str, output: str, filters: dict[str, Any]) -> None:
    """The query asked of the server that holds the store, streamed from GET /api/export/WHAT."""
    import httpx

    from .errors import error_for

    params = {k: v for k, v in filters.items() if v is not None and v != ""}
    params["format"] = "jsonl" if fmt == "table" else fmt
    with httpx.stream("GET", f"{url}/api/export/{what}", params=params, timeout=600) as r:
        if r.status_code != 200:
            err = json.loads(r.read() or b"{}").get("error", {})
            raise error_for(err.get("code", "NG700"), err.get("message", f"the server answered {r.status_code}"))
        if fmt == "table":
            rows = [json.loads(line) for line in r.iter_lines() if line.strip()]
            limit = params.get("limit")
            total = int(r.headers.get("x-total-count", "0"))
            _print_table(rows, total if limit and len(rows) == int(limit) else 0, int(params.get("offset") or 0),
                         output)
            return
        n = 0
        out = sys.stdout.buffer if output == "-" else open(output, "wb")  # noqa: SIM115 (closed below)
        try:
            for piece in r.iter_bytes():
                out.write(piece)
        finally:
            if output == "-":
                out.flush()
            else:
                out.close()
                n = int(r.headers.get("x-row-count", "0"))
                click.echo(f"{n:,} {what} -> {output}", err=True)


@cli.command()
@_query_options("articles")
@click.pass_obj
def articles(obj: dict[str, Any], db: str | None, fmt: str, output: str, **filters: Any) -> None:
    """List stored articles, newest first (filters: --actor, --country, --from/--to, --search)."""
    _run_query(obj, "articles", db, fmt, output, **filters)


@cli.command()
@_query_options("actors")
@click.pass_obj
def actors(obj: dict[str, Any], db: str | None, fmt: str, output: str, **filters: Any) -> None:
    """List actors across stored articles, most reported first."""
    _run_query(obj, "actors", db, fmt, output, **filters)


@cli.command()
@_query_options("quotes")
@click.pass_obj
def quotes(obj: dict[str, Any], db: str | None, fmt: str, output: str, **filters: Any) -> None:
    """List stored quotes (--actor filters by speaker, --about by an actor named inside the quote)."""
    _run_query(obj, "quotes", db, fmt, output, **filters)


@cli.command()
@_query_options("events")
@click.pass_obj
def events(obj: dict[str, Any], db: str | None, fmt: str, output: str, **filters: Any) -> None:
    """List stored events (--actor matches source or target; --plover, --cameo, --quad, dates)."""
    _run_query(obj, "events", db, fmt, output, **filters)


# ----------------------------------------------------------------------------------------------
# evaluation
# ----------------------------------------------------------------------------------------------

@cli.group(name="eval")
def eval_group() -> None:
    """Score newsgraph against gold annotations (the seed article, PolNeAR, PLOVER, ConfliBERT)."""


@eval_group.command(name="seed")
@click.option("--gold", default=None, help="Gold file (default: ../shared/seed/gold.json beside the project).")
@click.option("--article", default=None, help="Article text file (default: csto_summit.txt beside the gold).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def eval_seed(obj: dict[str, Any], gold: str | None, article: str | None, fmt: str) -> None:
    """Score the founding article against its gold annotation, per section."""
    from .evaluate.seed import evaluate_seed, format_report

    report = evaluate_seed(gold, article, config=obj["config"])
    click.echo(json.dumps(report, indent=2, ensure_ascii=False) if fmt == "json" else format_report(report))


# command modules that live beside the parts they drive: (module, attribute names)
_COMMAND_MODULES = (
    ("newsgraph.kb.cli", ("kb",)),
    ("newsgraph.corpus_cli", ("series", "network", "export", "clusters", "stories")),
    ("newsgraph.api_cli", ("serve",)),
)
_EVAL_MODULES = (
    ("newsgraph.evaluate.cli", ("quotes", "plover", "cameo_class", "conflibert", "ngec", "allsides", "unresolved",
                                 "demo")),
    ("newsgraph.evaluate.stories", ("stories",)),
)


def _attach_optional() -> None:
    """Attach commands that live in their own modules (kb, corpus analytics, API, evaluations)."""
    import importlib

    for module, names in (*_COMMAND_MODULES, *_EVAL_MODULES):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue
        group = eval_group if (module, names) in _EVAL_MODULES else cli
        for name in names:
            cmd = getattr(mod, name, None)
            if isinstance(cmd, click.Command) and cmd.name not in group.commands:
                group.add_command(cmd)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: runs the CLI and turns library errors into one-line messages."""
    _attach_optional()
    try:
        cli.main(args=argv, prog_name="newsgraph", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except NewsgraphError as exc:
        if os.environ.get("NEWSGRAPH_DEBUG"):
            raise
        click.echo(f"error[{exc.code}]: {exc.one_line()}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # boundary: the CLI's last line of defence: one coded line, and how to get more
        if os.environ.get("NEWSGRAPH_DEBUG"):
            raise
        err = InternalError(f"internal error: {type(exc).__name__}: {exc}",
                            hint="rerun with NEWSGRAPH_DEBUG=1 for a traceback, and please report it")
        click.echo(f"error[{err.code}]: {err.one_line()}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
