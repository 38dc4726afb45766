"""Which named mentions does the actor component leave unresolved? A report per article.

A mention is *unresolved* when spaCy marks a PERSON, ORG or NORP entity, or a GPE that the
gazetteer does not place, and no actor mention overlaps it. Cities and regions that the places
component resolved are places, not gaps. The report counts them per article and overall and lists
the most frequent unresolved strings: the to-do list for the knowledge base and the rules.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..model import Analysis, RawDocument

LABELS = {"PERSON", "ORG", "NORP", "GPE"}


def wikinews_documents(path: str | Path, limit: int | None = None) -> list[RawDocument]:
    """Wikinews CSV rows (url, date, title, text) from a file or every CSV in a folder."""
    p = Path(path)
    if not p.exists():
        raise EvalError(f"no Wikinews data at {p}", hint="pass a CSV file or folder (../shared/data/dev/wikinews)")
    files = sorted(p.glob("*.csv")) if p.is_dir() else [p]
    csv.field_size_limit(sys.maxsize)
    docs: list[RawDocument] = []
    for f in files:
        with f.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                docs.append(RawDocument(text=row["text"], title=row.get("title"), url=row.get("url"),
                                        published=row.get("date"), source=f"{f.name}:{row.get('url')}"))
                if limit and len(docs) >= limit:
                    return docs
    return docs


def unresolved_in(analysis: Analysis) -> list[dict[str, Any]]:
    spans = [(m.start, m.end) for a in analysis.actors for m in a.mentions]
    places = [(m.start, m.end) for p in analysis.places for m in p.mentions]
    out = []
    for ent in analysis.doc.ents:
        if ent.label_ not in LABELS:
            continue
        s, e = ent.start_char, ent.end_char
        if any(a < e and s < b for a, b in spans):
            continue
        if ent.label_ == "GPE" and any(a < e and s < b for a, b in places):
            continue
        out.append({"text": ent.text, "label": ent.label_, "start": s, "end": e})
    return out


def unresolved_report(path: str | Path, limit: int | None = None, config: dict[str, Any] | None = None
                      ) -> dict[str, Any]:
    from ..pipeline import get_pipeline

    docs = wikinews_documents(path, limit)
    pipe = get_pipeline(config)
    articles = []
    counter: Counter[str] = Counter()
    by_label: Counter[str] = Counter()
    total_named = 0
    for result in pipe.pipe(docs):
        if not isinstance(result, Analysis):
            continue
        gaps = unresolved_in(result)
        named = sum(1 for e in result.doc.ents if e.label_ in LABELS)
        total_named += named
        counter.update(g["text"] for g in gaps)
        by_label.update(g["label"] for g in gaps)
        articles.append({"id": result.article.id, "title": result.article.title, "named": named,
                         "actors": len(result.actors), "unresolved": gaps})
    n_gaps = sum(len(a["unresolved"]) for a in articles)
    return {
        "articles": articles, "n_articles": len(articles), "named_mentions": total_named,
        "unresolved": n_gaps, "resolved_share": round(1 - n_gaps / total_named, 4) if total_named else 1.0,
        "by_label": dict(by_label), "most_common": counter.most_common(40),
    }


def format_report(report: dict[str, Any], show: int = 10) -> str:
    lines = []
    for a in report["articles"]:
        if not a["unresolved"]:
            continue
        texts = ", ".join(f"{g['text']} ({g['label']})" for g in a["unresolved"][:show])
        more = f" … +{len(a['unresolved']) - show}" if len(a["unresolved"]) > show else ""
        lines.append(f"{len(a['unresolved']):>3}/{a['named']:<3} {(a['title'] or a['id'])[:60]}: {texts}{more}")
    lines.append("")
    lines.append(f"articles {report['n_articles']}, named mentions {report['named_mentions']}, "
                 f"unresolved {report['unresolved']} ({100 * (1 - report['resolved_share']):.1f}%), "
                 f"by label {report['by_label']}")
    lines.append("most frequent unresolved: " + ", ".join(f"{t} ×{n}" for t, n in report["most_common"][:25]))
    return "\n".join(lines)


__all__ = ["format_report", "unresolved_in", "unresolved_report", "wikinews_documents"]
