"""Score the bundled demo corpus against its own hand annotation (examples/demo_gold.json).

The demo articles and their gold were written for newsgraph, so this yardstick ships with the
project and runs without ../shared. Matching follows the seed rules (see :mod:`.seed`) with the
demo gold's one difference: each phrase is checked at its first occurrence.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..model import Analysis, RawDocument
from .seed import evaluate


def examples_dir() -> Path:
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").exists() and (parent / "examples").is_dir():
            return parent / "examples"
    return Path.cwd() / "examples"


def _raw_for(entry: dict[str, Any], root: Path) -> RawDocument:
    from ..ingest.readers import read_file

    path = root / entry["file"]
    items = [x for x in read_file(path) if isinstance(x, RawDocument)]
    if entry.get("id"):
        items = [x for x in items if x.id == entry["id"]]
    if not items:
        raise EvalError(f"no article {entry.get('id') or ''} in {path}")
    raw = items[0]
    raw.published = entry.get("published") or raw.published
    return raw


def evaluate_demo(gold_path: str | Path | None = None, config: dict[str, Any] | None = None) -> dict[str, Any]:
    from ..kb import get_kb
    from ..pipeline import get_pipeline

    gold_file = Path(gold_path) if gold_path else examples_dir() / "demo_gold.json"
    if not gold_file.is_file():
        raise EvalError(f"no demo gold at {gold_file}", hint="pass --gold examples/demo_gold.json")
    gold = json.loads(gold_file.read_text("utf-8"))
    root = gold_file.parent
    pipe = get_pipeline(config)
    kb = get_kb()
    totals: dict[str, dict[str, Any]] = {}
    per_article = []
    for entry in gold["articles"]:
        analysis: Analysis = pipe(_raw_for(entry, root))
        sections = evaluate(analysis, entry, kb, first_only=True)
        if entry.get("dateline") is not None or "dateline" in entry:
            want = entry.get("dateline")
            ok = analysis.article.dateline == want or (want is None and analysis.article.dateline_span is not None
                                                       and analysis.article.dateline == (entry.get("dateline_text") or "").strip())
            sections["article"] = {"matched": int(ok), "total": 1,
                                   "misses": [] if ok else [f"dateline {analysis.article.dateline!r} != {want!r}"]}
        name = entry.get("id") or entry["file"]
        per_article.append({"article": name, "sections": sections})
        for sec, v in sections.items():
            t = totals.setdefault(sec, {"matched": 0, "total": 0, "misses": []})
            t["matched"] += v["matched"]
            t["total"] += v["total"]
            t["misses"] += [f"[{name}] {m}" for m in v["misses"]]
    matched = sum(v["matched"] for v in totals.values())
    total = sum(v["total"] for v in totals.values())
    return {"article": str(gold_file), "sections": totals, "per_article": per_article, "matched": matched,
            "total": total}


__all__ = ["evaluate_demo", "examples_dir"]
