"""`newsgraph eval ...` commands beyond the seed: PolNeAR quotes, PLOVER events, ConfliBERT classes,
and the unresolved-mentions report on the Wikinews dev set. Each command parses arguments and
calls one scoring function; the scorers live beside this module.
"""

from __future__ import annotations

import json
from typing import Any

import click


def _shared(*parts: str) -> str:
    from .seed import shared_dir

    return str(shared_dir().joinpath(*parts))


@click.command(name="quotes")
@click.option("--polnear", "path", default=None,
              help="PolNeAR split folder (default: ../shared/data/dev/polnear/dev).")
@click.option("--limit", type=int, default=None, help="Score only the first N articles.")
@click.option("--show", type=click.IntRange(0), default=0, show_default=True,
              help="Also list up to N missed speech-view contents and N system quotes matching no gold.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def quotes(path: str | None, limit: int | None, show: int, fmt: str) -> None:
    """Quote and speaker precision/recall/F1 on PolNeAR (overlap >= 0.3 and exact)."""
    from .polnear import evaluate_polnear, format_report

    report = evaluate_polnear(path or _shared("data", "dev", "polnear", "dev"), limit=limit, show=show)
    click.echo(json.dumps(_plain(report), indent=2, default=str) if fmt == "json" else format_report(report))


@click.command(name="plover")
@click.argument("path", required=False)
@click.option("--limit", type=int, default=None, help="Score only the first N records.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def plover(path: str | None, limit: int | None, fmt: str) -> None:
    """PLOVER event-type P/R/F1, source/target country accuracy and confusion on PLOVER gold records."""
    from .plover import evaluate_plover, format_report

    report = evaluate_plover(path or _shared("data", "dev", "plover_gsr", "plover_gsr_dev.json"), limit=limit)
    click.echo(json.dumps(_plain(report), indent=2, default=str) if fmt == "json" else format_report(report))


@click.command(name="cameo-class")
@click.argument("path", required=False)
@click.option("--limit", type=int, default=None, help="Score only the first N sentences.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def cameo_class(path: str | None, limit: int | None, fmt: str) -> None:
    """5-way accuracy (statement, verbal/material cooperation, verbal/material conflict) on ConfliBERT's set."""
    from .cameo_class import evaluate_cameo_class, format_report

    report = evaluate_cameo_class(path or _shared("data", "dev", "conflibert", "cameo_class_train.tsv"), limit=limit)
    click.echo(json.dumps(_plain(report), indent=2, default=str) if fmt == "json" else format_report(report))


@click.command(name="unresolved")
@click.argument("path", required=False)
@click.option("--limit", type=int, default=None, help="Read only the first N articles.")
@click.option("--show", type=int, default=10, show_default=True, help="Unresolved mentions listed per article.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def unresolved(path: str | None, limit: int | None, show: int, fmt: str) -> None:
    """Per article, the named mentions no actor claims (Wikinews dev set by default), so gaps are visible."""
    from .unresolved import format_report, unresolved_report

    report = unresolved_report(path or _shared("data", "dev", "wikinews"), limit=limit)
    click.echo(json.dumps(report, indent=2) if fmt == "json" else format_report(report, show=show))


@click.command(name="demo")
@click.option("--gold", default=None, help="Demo gold file (default: examples/demo_gold.json).")
@click.option("--misses/--no-misses", default=True, show_default=True, help="List every miss.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def demo(gold: str | None, misses: bool, fmt: str) -> None:
    """Score the bundled demo corpus against its hand annotation (no ../shared needed)."""
    from .demo import evaluate_demo
    from .seed import format_report

    report = evaluate_demo(gold)
    if not misses:
        for s in report["sections"].values():
            s["misses"] = []
    click.echo(json.dumps(report, indent=2) if fmt == "json" else format_report(report))


def _plain(report: Any) -> Any:
    if hasattr(report, "to_dict"):
        return report.to_dict()
    if hasattr(report, "__dataclass_fields__"):
        from dataclasses import asdict

        return asdict(report)
    return report


__all__ = ["cameo_class", "demo", "plover", "quotes", "unresolved"]
