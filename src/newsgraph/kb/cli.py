"""``newsgraph kb ...``: a thin face over the KB library (argument parsing and printing only).

Library errors (``NewsgraphError``) propagate: the main ``newsgraph`` CLI prints them as one line
``error[CODE]: message``. Run standalone with ``python -m newsgraph.kb.cli`` (same behaviour).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any

import click

from newsgraph import errors

FORMATS = click.Choice(["text", "json"])
BASELINE_DATE = "2015-01-01"


def _kb():
    from newsgraph.kb import get_kb

    return get_kb()


def _echo_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def _span(start: str | None, end: str | None) -> str:
    if start and end:
        return f"{start} .. {end}"
    if start:
        return f"since {start}"
    return f"until {end}" if end else "dates unknown"


@click.group(name="kb")
def kb() -> None:
    """Query the knowledge base: who held an office, members of an organisation, coverage."""


@kb.command("who")
@click.argument("title")
@click.argument("of")
@click.option("--on", "on", default=None, help="date YYYY-MM-DD (default: today)")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
def who_cmd(title: str, of: str, on: str | None, fmt: str) -> None:
    """Who held TITLE ("President", "PM", "Secretary-General") of OF (country or organisation) on a date."""
    holders = _kb().who(title, of, on)
    if fmt == "json":
        _echo_json([h.to_dict() for h in holders])
        return
    if not holders:
        click.echo(f"no {title} of {of} known on {on or date.today().isoformat()}")
        return
    for h in holders:
        click.echo(f"{h.name} ({h.title} of {h.of}, {_span(h.start, h.end)}, source {h.source}) [{h.person_id}]")


@kb.command("members")
@click.argument("org")
@click.option("--on", "on", default=None, help="date YYYY-MM-DD (default: today)")
@click.option("--status", default=None, help="only this status (member, joining, observer, partner, suspended, invited)")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
def members_cmd(org: str, on: str | None, status: str | None, fmt: str) -> None:
    """Members of ORG (NATO, CSTO, EU, ...) on a date, with their status."""
    rows = _kb().members(org, on, status=status)
    if fmt == "json":
        _echo_json([m.to_dict() for m in rows])
        return
    for m in rows:
        start = m.start or (f"attested from {m.attested_from}" if m.attested_from else "?")
        click.echo(f"{m.member}\t{m.status}\t{start}\t{m.end or ''}\t{m.source}")
    click.echo(f"{len(rows)} rows")


@kb.command("show")
@click.argument("id_or_name")
@click.option("--on", "on", default=None, help="date YYYY-MM-DD for roles and codes (default: today)")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
def show_cmd(id_or_name: str, on: str | None, fmt: str) -> None:
    """Show one actor (id, country/organisation name, or a person's name) with its roles."""
    kb_ = _kb()
    entity = kb_.lookup(id_or_name, on)
    if entity is None:
        raise errors.UnknownActor(f"nothing in the KB matches {id_or_name!r}",
                                  hint="try an ISO3 code (RUS), an organisation id (NATO) or a full name")
    roles = kb_.roles(entity.id, on) if entity.kind == "person" else []
    data = entity.to_dict() | {"code_on_date": kb_.code_for(entity.id, on), "roles": [h.to_dict() for h in roles]}
    if entity.kind == "country":
        data["memberships"] = [m.to_dict() for m in kb_.memberships(entity.id, on)]
    if fmt == "json":
        _echo_json(data)
        return
    click.echo(f"{entity.name} [{entity.id}] kind={entity.kind} code={data['code_on_date']}"
               + (f" country={entity.country}" if entity.country else ""))
    if entity.aliases:
        click.echo("  aliases: " + ", ".join(entity.aliases[:12]))
    offices: dict[tuple[Any, ...], list[str]] = {}  # one line per title held, with every office it is
    for h in roles:
        offices.setdefault((h.title or h.office, h.of, h.start, h.end, h.source), []).append(h.office.replace("_", " "))
    for (title, of, start, end, source), kinds in offices.items():
        what = f" ({' and '.join(kinds)})" if len(kinds) > 1 else ""
        click.echo(f"  {title} of {of}{what}, {_span(start, end)} ({source})")
    for m in data.get("memberships", []):
        click.echo(f"  {m['status']} of {m['org']}")


@kb.command("coverage")
@click.option("--on", "on", multiple=True, help="date(s) YYYY-MM-DD (default: today and 2015-01-01)")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
def coverage_cmd(on: tuple[str, ...], fmt: str) -> None:
    """How many UN member states have a dated head of state and head of government."""
    days = list(on) or [date.today().isoformat(), BASELINE_DATE]
    reports = [_kb().coverage(d) for d in days]
    if fmt == "json":
        _echo_json(reports)
        return
    for r in reports:
        click.echo(f"{r['date']}: {r['with_both']}/{r['un_members']} UN members with both "
                   f"(head of state {r['with_head_of_state']}, head of government {r['with_head_of_government']})")
        if r["missing_head_of_state"]:
            click.echo("  missing head of state: " + " ".join(r["missing_head_of_state"]))
        if r["missing_head_of_government"]:
            click.echo("  missing head of government: " + " ".join(r["missing_head_of_government"]))


@kb.command("build")
@click.option("--sources", required=True, type=click.Path(file_okay=False), help="folder with the KB sources")
@click.option("--out", default=None, type=click.Path(file_okay=False), help="output folder (default: package data)")
def build_cmd(sources: str, out: str | None) -> None:
    """Rebuild the KB data file from the sources and the curated files."""
    from newsgraph.kb import build as build_mod
    from newsgraph.kb import clear_cache

    target = out or str(build_mod.Path(build_mod.__file__).resolve().parent / "data")
    doc = build_mod.build(sources, target)
    clear_cache()
    click.echo(json.dumps(doc["counts"]))


def main(argv: list[str] | None = None) -> int:
    """Standalone entry point with the project's one-line error format."""
    try:
        kb.main(args=argv, standalone_mode=False)
    except errors.NewsgraphError as exc:
        click.echo(f"error[{exc.code}]: {exc.one_line()}", err=True)
        return 1
    except click.ClickException as exc:
        click.echo(f"error[NG110]: {exc.format_message()}", err=True)
        return 2
    except click.exceptions.Abort:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
