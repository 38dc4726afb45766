"""Cross-outlet stories scored on hand-labelled AllSides article pairs.

The gold set (``gold/allsides_story_pairs.tsv``, ids and labels only) holds 100 pairs of AllSides
development articles on the same topic, from different outlets, published at most two days
apart, a third from each of three strata of title-word overlap (``scripts/story_pairs.py``),
each labelled *same story* or not by reading both articles' titles and first paragraphs before
any clusterer ran on them. A pair is predicted *same story* when both articles are in the same
story of the store (:mod:`newsgraph.stories`): pairwise precision and recall, per split
(``allsides_pairs`` set of :mod:`newsgraph.evaluate.splits`) and per stratum. The store must
hold the AllSides articles (a cleaning-only ingest is enough: stories read titles and text).

Because the sample is stratified (a third of the pairs from each overlap stratum, while most
same-topic pairs in the corpus share no title word), the figures are those of the sample, not
of all same-topic pairs in the corpus; per-stratum counts are given so either can be derived.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from ..errors import EvalError
from .splits import check_refusal, split_of

GOLD = Path(__file__).parent / "gold" / "allsides_story_pairs.tsv"
SET = "allsides_pairs"


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    stratum: str
    same: bool

    @property
    def key(self) -> str:
        return "|".join(sorted((self.a, self.b)))

    @property
    def split(self) -> str:
        return split_of(SET, self.key)


def load_pairs(path: str | Path | None = None) -> list[Pair]:
    """The labelled pairs (a_id, b_id, stratum, same_story 0/1)."""
    p = Path(path) if path else GOLD
    try:
        lines = p.read_text("utf-8").splitlines()
    except OSError as exc:
        raise EvalError(f"cannot read the story pairs {p}: {exc}") from exc
    out = []
    for n, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 4 or parts[3] not in ("0", "1"):
            raise EvalError(f"{p}:{n}: expected a_id, b_id, stratum and same_story (0 or 1), tab-separated")
        out.append(Pair(parts[0], parts[1], parts[2], parts[3] == "1"))
    return out


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | None]:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p and r else None
    return {"precision": p, "recall": r, "f1": f}


def score(pairs: list[Pair], story_of: dict[str, str], present: set[str]) -> dict[str, Any]:
    """Pairwise counts and precision / recall of the predictions ``story_of`` (article -> story)."""
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0, "missing": 0}
    strata: dict[str, dict[str, int]] = {}
    for pair in pairs:
        if pair.a not in present or pair.b not in present:
            counts["missing"] += 1
            continue
        pred = pair.a in story_of and story_of.get(pair.a) == story_of.get(pair.b)
        cell = ("tp" if pred else "fn") if pair.same else ("fp" if pred else "tn")
        counts[cell] += 1
        strata.setdefault(pair.stratum, {"tp": 0, "fp": 0, "fn": 0, "tn": 0})[cell] += 1
    return {"pairs": len(pairs), **counts, **_prf(counts["tp"], counts["fp"], counts["fn"]), "strata": strata}


def evaluate_stories(store: Any, *, split: str = "check", regroup: bool = True, config: dict[str, Any] | None = None,
                     **overrides: Any) -> dict[str, Any]:
    """Score the store's stories (regrouped first unless ``regroup`` is false) on the gold pairs of
    ``split`` (tune, check or all)."""
    from ..stories import cluster_stories, same_story

    if split not in ("tune", "check", "all"):
        raise EvalError(f"unknown split {split!r}; use tune, check or all")
    out: dict[str, Any] = {}
    if regroup:
        out["grouping"] = cluster_stories(store, config=config, **overrides).to_dict()
    story_of = same_story(store)
    pairs = load_pairs()
    ids = sorted({x for p in pairs for x in (p.a, p.b)})
    present = {str(r[0]) for r in store.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids])}
    for part in (("tune", "check") if split == "all" else (split,)):
        out[part] = score([p for p in pairs if p.split == part], story_of, present)
    if split == "all":
        out["all"] = score(pairs, story_of, present)
    return out


def errors(store: Any, split: str = "tune") -> list[dict[str, Any]]:
    """The misjudged pairs of the tune part (the check part is a number, not a list to read)."""
    from ..stories import same_story

    if split != "tune":
        raise EvalError(check_refusal("eval stories"), hint="add --split tune to list errors of the tune part")
    story_of = same_story(store)
    out = []
    for p in load_pairs():
        if p.split != "tune":
            continue
        pred = p.a in story_of and story_of.get(p.a) == story_of.get(p.b)
        if pred != p.same:
            out.append({"a": p.a, "b": p.b, "stratum": p.stratum, "gold": p.same, "predicted": pred})
    return out


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


@click.command(name="stories")
@click.option("--db", required=True, help="A store holding the AllSides development articles.")
@click.option("--split", type=click.Choice(["tune", "check", "all"]), default="check", show_default=True)
@click.option("--no-regroup", is_flag=True, help="Score the stories stored now instead of grouping them again.")
@click.option("--link", type=float, default=None, help="Override [analytics] story_link for this run.")
@click.option("--cohesion", type=float, default=None, help="Override [analytics] story_cohesion for this run.")
@click.option("--errors", "show_errors", is_flag=True, help="List the misjudged pairs (tune part only).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def stories(obj: dict[str, Any] | None, db: str, split: str, no_regroup: bool, link: float | None,
            cohesion: float | None, show_errors: bool, fmt: str) -> None:
    """Score cross-outlet stories on the hand-labelled AllSides pairs (pairwise precision and recall)."""
    from ..store import Store

    cfg = (obj or {}).get("config")
    if show_errors and split != "tune":
        raise EvalError(check_refusal("eval stories --errors"), hint="add --split tune")
    with Store(db, read_only=no_regroup) as store:
        rep = evaluate_stories(store, split=split, regroup=not no_regroup, config=cfg, story_link=link,
                               story_cohesion=cohesion)
        errs = errors(store, "tune") if show_errors else None
    if fmt == "json":
        click.echo(json.dumps({**rep, **({"errors": errs} if errs is not None else {})}, indent=2, default=str))
        return
    if "grouping" in rep:
        g = rep["grouping"]
        click.echo(f"{g['articles']} dated articles, {g['candidates']} pairs compared, {g['stories']} stories "
                   f"({g['multi_source']} from several sources) holding {g['in_stories']} articles")
    for part in ("tune", "check", "all"):
        if part in rep:
            r = rep[part]
            click.echo(f"{part:<6} pairs {r['pairs'] - r['missing']:>3} (missing {r['missing']})  tp {r['tp']} fp {r['fp']} "
                       f"fn {r['fn']} tn {r['tn']}  precision {_fmt(r['precision'])}  recall {_fmt(r['recall'])}  "
                       f"f1 {_fmt(r['f1'])}")
    for e in errs or []:
        click.echo(f"  {e['a']} {e['b']} [{e['stratum']}] gold {'same' if e['gold'] else 'different'}, "
                   f"predicted {'same' if e['predicted'] else 'different'}")


__all__ = ["GOLD", "Pair", "errors", "evaluate_stories", "load_pairs", "score", "stories"]
