"""`newsgraph eval ...` commands beyond the seed: PolNeAR quotes, PLOVER events, ConfliBERT classes,
NGEC stories, and the unresolved-mentions report on the Wikinews dev set. Each command parses
arguments and calls one scoring function; the scorers live beside this module.

Every annotated set is split for good into ``tune`` and ``check`` (:mod:`.splits`). By default a
command scores both and prints their headline figures side by side, then the check part's
aggregate tables. Lists of items (``--show``, JSON item lists) exist on ``tune`` only: asking for
them on ``check`` is refused, because a check set that is read becomes a tuning set.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import click

from ..errors import EvalError
from .splits import check_refusal

SPLIT_CHOICES = ("both", "check", "tune", "all")
# report keys holding per-item lists (sentences, misses): dropped from every check report
ITEM_KEYS = ("records", "predictions", "items", "missed", "unmatched")


def _shared(*parts: str) -> str:
    from .seed import shared_dir

    return str(shared_dir().joinpath(*parts))


def split_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--split", type=click.Choice(SPLIT_CHOICES), default="both", show_default=True,
        help="Part of the set to score: both (tune and check side by side, details of check), "
             "check, tune, or all (the two pooled).")(fn)


def show_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--show", type=click.IntRange(0), default=0, show_default=True,
                        help="Also list up to N errors; only with --split tune.")(fn)


def parts(split: str, show: int, what: str) -> list[str]:
    """The splits to run; refuses an error listing on anything but tune."""
    if show and split != "tune":
        raise EvalError(check_refusal(what), hint="add --split tune to list errors of the tune part")
    return ["tune", "check"] if split == "both" else [split]


def strip_items(report: dict[str, Any]) -> dict[str, Any]:
    """A report without its per-item lists (what a check report may show)."""
    return {k: v for k, v in report.items() if k not in ITEM_KEYS}


def side_by_side(title: str, heads: dict[str, dict[str, float]]) -> str:
    """Headline figures of each split in columns: ``heads[split][figure]``."""
    names = list(heads)
    figures = list(dict.fromkeys(f for h in heads.values() for f in h))
    lines = [title, f"  {'figure':<34}" + "".join(f"{n:>10}" for n in names)]
    for f in figures:
        cells = "".join(f"{heads[n].get(f, float('nan')):>10.3f}" if isinstance(heads[n].get(f), float)
                        else f"{heads[n].get(f, '-')!s:>10}" for n in names)
        lines.append(f"  {f:<34}{cells}")
    return "\n".join(lines)


def emit(title: str, runs: dict[str, Any], headline: Callable[[Any], dict[str, Any]],
         details: Callable[[Any], str], as_dict: Callable[[Any], dict[str, Any]], fmt: str) -> None:
    """Print the runs: JSON (headline + report per split, items only for tune), or text (the table
    of headlines, then the details of check, or of the single split run)."""
    if fmt == "json":
        out = {}
        for split, rep in runs.items():
            d = as_dict(rep)
            out[split] = {"headline": headline(rep), "report": d if split == "tune" else strip_items(d)}
        click.echo(json.dumps(out, indent=2, default=str))
        return
    heads = {split: headline(rep) for split, rep in runs.items()}
    shown = "check" if "check" in runs else next(iter(runs))
    click.echo(side_by_side(title, heads))
    click.echo("")
    click.echo(details(runs[shown]))


# ---- PolNeAR ---------------------------------------------------------------------------------------

def polnear_headline(rep: Any) -> dict[str, Any]:
    sp = rep.speaker["speech"]
    return {"articles": rep.articles,
            "speech F1 (overlap 0.3)": rep.content["speech"]["overlap"].f1,
            "speech P": rep.content["speech"]["overlap"].precision,
            "speech R": rep.content["speech"]["overlap"].recall,
            "quoted F1 (overlap 0.3)": rep.content["quoted"]["overlap"].f1,
            "speaker right, resolved": sp.resolved / sp.total if sp.total else 0.0,
            "speaker right, strict": sp.strict / sp.total if sp.total else 0.0}


@click.command(name="quotes")
@click.option("--polnear", "path", default=None,
              help="PolNeAR folder: the one holding train/ and dev/ (default ../shared/data/dev/polnear), "
                   "or one of them.")
@split_option
@click.option("--limit", type=int, default=None, help="Score only the first N articles of each split.")
@show_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def quotes(path: str | None, split: str, limit: int | None, show: int, fmt: str) -> None:
    """Quote and speaker precision/recall/F1 on PolNeAR (overlap >= 0.3 and exact), tune and check."""
    from .polnear import evaluate_polnear, format_report

    todo = parts(split, show, "eval quotes --show")
    root = path or _shared("data", "dev", "polnear")
    runs = {s: evaluate_polnear(root, limit=limit, show=show, split=s) for s in todo}
    emit("PolNeAR quote attribution", runs, polnear_headline, format_report, lambda r: r.to_dict(), fmt)


# ---- PLOVER records ----------------------------------------------------------------------------------

def plover_headline(rep: Any) -> dict[str, Any]:
    return {"records": rep.n, "event type F1": rep.f1, "event type P": rep.precision,
            "event type R": rep.recall, "any-event recall": rep.any_correct / rep.n if rep.n else 0.0,
            "source right (type right)": rep.source_accuracy, "target right (type right)": rep.target_accuracy,
            "type + both sides right": rep.all_right / rep.n if rep.n else 0.0}


@click.command(name="plover")
@click.argument("path", required=False)
@split_option
@click.option("--limit", type=int, default=None, help="Score only the first N records of each split.")
@show_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def plover(path: str | None, split: str, limit: int | None, show: int, fmt: str) -> None:
    """PLOVER event-type P/R/F1, source/target accuracy and confusion on PLOVER gold records."""
    from .plover import evaluate_plover, format_report

    todo = parts(split, show, "eval plover --show")
    file = path or _shared("data", "dev", "plover_gsr", "plover_gsr_dev.json")
    runs = {s: evaluate_plover(file, limit=limit, split=s) for s in todo}

    def details(rep: Any) -> str:
        text = format_report(rep)
        wrong = [r for r in rep.records if not (r.type_ok and r.source_ok is not False and r.target_ok is not False)]
        if show and wrong:
            from .plover import load_gsr

            texts = {g.id: g.text for g in load_gsr(file, split="tune")}
            text += f"\n\n  records not fully right (first {min(show, len(wrong))}):\n" + "\n".join(
                f"  {r.id}: gold {r.gold} {r.gold_source}->{r.gold_target}; got {r.predicted} {r.source}->{r.target}"
                f"\n      {texts.get(r.id, '')[:240]!r}" for r in wrong[:show])
        return text

    emit("PLOVER gold records", runs, plover_headline, details, lambda r: r.to_dict(), fmt)


# ---- ConfliBERT ---------------------------------------------------------------------------------------

def cameo_headline(rep: Any) -> dict[str, Any]:
    per = rep.per_class()
    return {"sentences": rep.n, "5-way accuracy": rep.accuracy,
            "macro F1": sum(c["f1"] for c in per) / len(per) if per else 0.0}


@click.command(name="cameo-class")
@click.argument("path", required=False)
@split_option
@click.option("--limit", type=int, default=None, help="Score only the first N sentences of each split.")
@show_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def cameo_class(path: str | None, split: str, limit: int | None, show: int, fmt: str) -> None:
    """5-way accuracy (statement, verbal/material cooperation, verbal/material conflict) on ConfliBERT's set."""
    from .cameo_class import evaluate_cameo_class, format_report

    todo = parts(split, show, "eval cameo-class --show")
    file = path or _shared("data", "dev", "conflibert", "cameo_class_train.tsv")
    runs = {s: evaluate_cameo_class(file, limit=limit, split=s) for s in todo}

    def details(rep: Any) -> str:
        text = format_report(rep)
        wrong = [p for p in rep.predictions if p.predicted != p.gold][:show]
        if wrong:
            text += f"\n\n  sentences classed wrong (first {len(wrong)}):\n" + "\n".join(
                f"  gold {p.gold} got {p.predicted} ({p.cameo} at {p.predicate!r}): {p.text[:240]!r}" for p in wrong)
        return text

    emit("ConfliBERT CAMEO classes", runs, cameo_headline, details, lambda r: r.to_dict(), fmt)


def conflibert_headline(rep: Any) -> dict[str, Any]:
    d = rep.to_dict()
    return {"sentences": rep.n, "5-way accuracy, whole pipeline": d["accuracy"], "with S and T tags": rep.sides_n,
            "source found": d["source_found"], "target found": d["target_found"],
            "source and target found": d["source_and_target_found"]}


@click.command(name="conflibert")
@click.argument("path", required=False)
@split_option
@click.option("--limit", type=int, default=None, help="Score only the first N sentences of each split.")
@show_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def conflibert(path: str | None, split: str, limit: int | None, show: int, fmt: str) -> None:
    """The whole pipeline on ConfliBERT's sentences: 5-way class of the main event, and whether its
    source and target are the phrases ConfliBERT tags (S, T, R)."""
    from .cameo_class import evaluate_pipeline

    todo = parts(split, show, "eval conflibert --show")
    file = path or _shared("data", "dev", "conflibert", "cameo_class_train.tsv")
    runs = {s: evaluate_pipeline(file, limit=limit, split=s) for s in todo}

    def details(rep: Any) -> str:
        d = rep.to_dict()
        lines = [f"ConfliBERT whole pipeline ({rep.split}): {rep.n} sentences, accuracy {d['accuracy']:.3f}; "
                 f"{rep.sides_n} with S and T tags: source {d['source_found']:.3f}, target {d['target_found']:.3f}, "
                 f"both {d['source_and_target_found']:.3f} ({rep.seconds:.0f}s)",
                 "  confusion (rows gold, columns system)"]
        lines += [f"  {g}: " + " ".join(f"{x:>4}" for x in row) for g, row in enumerate(rep.confusion)]
        wrong = [it for it in rep.items if it["predicted"] != it["gold"] or it["source_found"] is False
                 or it["target_found"] is False][:show]
        lines += [f"  gold {it['gold']} got {it['predicted']} ({it['cameo']}) src {it['source_found']} "
                  f"tgt {it['target_found']} {it['source']}->{it['target']} (gold {it['gold_source']}->{it['gold_target']}): "
                  f"{it['text'][:200]!r}" for it in wrong]
        return "\n".join(lines)

    emit("ConfliBERT sentences, whole pipeline", runs, conflibert_headline, details, lambda r: r.to_dict(), fmt)


# ---- NGEC stories -------------------------------------------------------------------------------------

def ngec_headline(rep: Any) -> dict[str, Any]:
    d = rep.to_dict()
    return {"stories": rep.n, "lead event type accuracy": d["accuracy"], "type macro F1": d["macro_f1"],
            "any-event recall": d["any_event_recall"], "no event": d["no_event"], "mode right": d["mode_right"]}


@click.command(name="ngec")
@click.argument("path", required=False)
@split_option
@click.option("--limit", type=int, default=None, help="Score only the first N stories of each split.")
@show_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def ngec(path: str | None, split: str, limit: int | None, show: int, fmt: str) -> None:
    """PLOVER type of each NGEC synthetic story's lead event (the story's label), tune and check."""
    from .ngec import evaluate_ngec, format_report

    todo = parts(split, show, "eval ngec --show")
    file = path or _shared("data", "dev", "ngec_synthetic", "gpt_synthetic_events_2023-10-19_19.csv.zip")
    runs = {s: evaluate_ngec(file, limit=limit, split=s) for s in todo}
    emit("NGEC synthetic stories", runs, ngec_headline, lambda r: format_report(r, show), lambda r: r.to_dict(), fmt)


# ---- newsgraph's own hand-labelled check sets of AllSides articles -----------------------------------

@click.command(name="allsides")
@click.argument("which", type=click.Choice(["actors", "events", "quotes", "all"]), default="all")
@click.option("--split", type=click.Choice(["check", "tune"]), default="check", show_default=True,
              help="check: the figures of the check sets; tune: the smaller sets labelled for reading errors.")
@click.option("--gold", default=None, help="Gold file (default: the set shipped in newsgraph/evaluate/gold).")
@show_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def allsides(which: str, split: str, gold: str | None, show: int, fmt: str) -> None:
    """The whole pipeline on newsgraph's hand-labelled AllSides sets (actor links, events an analyst
    codes, quotes with speakers). Check sets give figures only; --show lists errors of tune sets."""
    from .handsets import SETS, gold_path, score

    parts(split, show, "eval allsides --show")
    names = list(SETS) if which == "all" else [which]
    if gold and len(names) > 1:
        raise EvalError("--gold names one set's file", hint="give the set too: eval allsides events --gold FILE")
    names = [n for n in names if gold or gold_path(n, split).is_file()]
    out = {n: score(n, path=gold, split=split, show=show) for n in names}
    if fmt == "json":
        click.echo(json.dumps(out, indent=2))
        return
    for n, figures in out.items():
        click.echo(f"AllSides hand-labelled {split} set: {n}")
        for k, v in figures.items():
            if k == "errors":
                click.echo(f"  errors (first {len(v)}):")
                click.echo("\n".join(f"    {x}" for x in v))
            else:
                click.echo(f"  {k:<40}{v:.3f}" if isinstance(v, float) else f"  {k:<40}{v}")
        click.echo("")


# ---- unannotated and own sets ---------------------------------------------------------------------------

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


__all__ = ["allsides", "cameo_class", "conflibert", "demo", "ngec", "plover", "quotes", "unresolved"]
