"""Pattern audit: how often every verb pattern, lexicon entry and agent phrase fires on real news.

A rule written for one sentence fires about once in a corpus; a rule written from the linguistics
or the codebook fires wherever its construction occurs. This script parses a deterministic sample
of the AllSides development corpus (tune part only: the check part is kept for hand-labelled sets)
and counts, per entry:

* **event patterns** (``events/data/verbs.tsv`` and the PETRARCH2-derived table): the predicates the
  coder matches to the entry (``Coder.code_sentence``, no actors needed, so an entry counts even
  where the actors were not recognised), and how many of those stay live (not dropped or absorbed);
* **word lists** (``actors/lexicon.py``, ``quotes/lexicon.py``, ``events/frames.py``,
  ``events/discourse.py``): occurrences of each entry as a word form or lemma (several words: as a
  phrase in the lower-cased text);
* **agent phrases** (``actors/data/agents.tsv``): occurrences as a phrase.

It writes counts, never text: ``benchmarks/pattern_audit.json`` (every entry) and
``benchmarks/pattern_audit.md`` (the summary and the hand-written entries that fire at most twice).

    python scripts/pattern_audit.py --articles 1500        # about 1.2 million words
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIST_MODULES = ("newsgraph.actors.lexicon", "newsgraph.quotes.lexicon", "newsgraph.events.frames",
                "newsgraph.events.discourse")
RARE = 2
TABLES = {"newsgraph": "verbs.tsv", "petrarch2": "verbs_petrarch.tsv", "user": "extra_verbs"}


def sample(path: Path, n: int) -> list[str]:
    """The first ``n`` tune-part articles in the order of a salted hash of their ids (deterministic)."""
    from newsgraph.evaluate.splits import fraction, split_of

    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d.get("text") and split_of("allsides", d["id"]) == "tune":
                rows.append((fraction("allsides-audit", d["id"]), d["text"]))
    rows.sort()
    return [t for _, t in rows[:n]]


def dev_sentences(dev: Path) -> list[str]:
    """The sentences of the PLOVER records and of ConfliBERT's class set (both parts)."""
    out = []
    plover = dev / "plover_gsr" / "plover_gsr_dev.json"
    if plover.is_file():
        out += [r["text"] for r in json.loads(plover.read_text("utf-8")) if isinstance(r, dict) and r.get("text")]
    conf = dev / "conflibert" / "cameo_class_train.tsv"
    if conf.is_file():
        out += [line.rpartition("\t")[0].strip().strip('"') for line in conf.read_text("utf-8").splitlines() if "\t" in line]
    return out


def word_lists() -> dict[str, list[str]]:
    """Every upper-case module constant that is a set, frozenset or dict of words (dependency
    labels, tags and parts of speech are grammar, not vocabulary, and are left out)."""
    out: dict[str, list[str]] = {}
    for name in LIST_MODULES:
        mod = importlib.import_module(name)
        for attr, value in vars(mod).items():
            if (not attr.isupper() or not isinstance(value, (set, frozenset, dict))
                    or attr.endswith(("_DEPS", "_TAGS", "_POS"))):
                continue
            words = [w for w in value if isinstance(w, str) and w.strip()]
            if words:
                out[f"{name.removeprefix('newsgraph.')}.{attr}"] = sorted(words)
    return out


def agent_phrases() -> list[tuple[int, str]]:
    path = ROOT / "src" / "newsgraph" / "actors" / "data" / "agents.tsv"
    out = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if line.startswith("#") or not line.strip():
            continue
        phrase = line.split("\t")[0].strip().lower()
        if phrase:
            out.append((n, phrase))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1500)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "data" / "dev" / "allsides" / "allsides_dev.jsonl.gz"))
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "pattern_audit"))
    args = ap.parse_args(argv)

    from newsgraph import config
    from newsgraph.events import coder_for
    from newsgraph.events.coder import segments
    from newsgraph.events.dictionary import load_dictionary
    from newsgraph.nlp import load_model

    corpus = Path(args.corpus)
    if not corpus.is_file():
        print(f"no corpus at {corpus}: the audit needs ../shared/data/dev/allsides", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    texts = sample(corpus, args.articles)
    cfg = config.load()
    nlp = load_model(cfg["nlp"]["model"], bool(cfg["nlp"]["fast_tagging"]))
    coder = coder_for(cfg)
    fired: Counter[tuple[str, int]] = Counter()
    live: Counter[tuple[str, int]] = Counter()
    forms: Counter[str] = Counter()
    lowered: list[str] = []
    n_words = 0
    for doc in nlp.pipe(texts, batch_size=32):
        n_words += sum(1 for t in doc if not t.is_space and not t.is_punct)
        for t in doc:
            forms[t.lower_] += 1
            if t.lemma_.lower() != t.lower_:
                forms[t.lemma_.lower()] += 1
        lowered.append(" ".join(t.lower_ for t in doc if not t.is_space))
        for seg in segments(doc):
            for c in coder.code_sentence(seg):
                key = (c.entry.origin, c.entry.line)
                fired[key] += 1
                if not (c.absorbed or c.dropped or c.code is None):
                    live[key] += 1
    joined = "\n".join(lowered)
    # the same entries on the annotated development sentences (PLOVER records, ConfliBERT): an entry
    # that fires there but hardly ever in real news may have been written for those sentences
    dev_fired: Counter[tuple[str, int]] = Counter()
    for doc in nlp.pipe(dev_sentences(corpus.parents[1]), batch_size=64):
        for seg in segments(doc):
            for c in coder.code_sentence(seg):
                dev_fired[(c.entry.origin, c.entry.line)] += 1

    def phrase_count(phrase: str) -> int:
        toks = " ".join(re.findall(r"\w+|[^\w\s]", phrase.lower()))
        if " " not in toks:
            return forms.get(toks, 0)
        return len(re.findall(rf"(?<!\w){re.escape(toks)}(?!\w)", joined))

    def terms(ts: tuple) -> str:
        return " ".join("|".join(" ".join(a + ("*" if pre else "") for a, pre in alt) for alt in t) for t in ts) or "-"

    entries = []
    for e in load_dictionary(str(cfg["events"].get("extra_verbs") or "")).all_entries():
        key = (e.origin, e.line)
        entries.append({"table": TABLES.get(e.origin, e.origin), "line": e.line, "lemma": e.lemma, "pos": e.pos,
                        "object": terms(e.obj), "prep": e.prep or "-", "pobj": terms(e.pobj), "cameo": e.code,
                        "fired": fired.get(key, 0), "live": live.get(key, 0), "dev": dev_fired.get(key, 0)})
    lists = {name: {w: phrase_count(w) for w in words} for name, words in word_lists().items()}
    agents = [{"line": n, "phrase": p, "count": phrase_count(p)} for n, p in agent_phrases()]
    report = {"corpus": "allsides tune part, deterministic sample", "articles": len(texts), "words": n_words,
              "seconds": round(time.perf_counter() - t0, 1), "rare_at_most": RARE,
              "event_patterns": entries, "word_lists": lists, "agent_phrases": agents}
    out = Path(args.out)
    out.with_suffix(".json").write_text(json.dumps(report, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    out.with_suffix(".md").write_text(markdown(report), "utf-8")
    print(f"{len(texts)} articles, {n_words:,} words, {report['seconds']} s -> {out}.json, {out}.md")
    return 0


def markdown(report: dict) -> str:
    ev = report["event_patterns"]
    lines = [
        "# Pattern audit",
        "",
        f"How often each pattern and lexicon entry fires on {report['articles']:,} AllSides articles "
        f"(tune part, {report['words']:,} words). Produced by `python scripts/pattern_audit.py "
        f"--articles {report['articles']}`; every count is in `pattern_audit.json`. Counts only, no text.",
        "",
        "| table | entries | fire 0 times | fire 1-2 times | fire 3+ times |",
        "|---|---:|---:|---:|---:|",
    ]
    tables = sorted({e["table"] for e in ev})
    for t in tables:
        rows = [e for e in ev if e["table"] == t]
        z = sum(e["fired"] == 0 for e in rows)
        r = sum(0 < e["fired"] <= RARE for e in rows)
        lines.append(f"| event patterns: {t} | {len(rows)} | {z} | {r} | {len(rows) - z - r} |")
    for name, counts in report["word_lists"].items():
        z = sum(c == 0 for c in counts.values())
        r = sum(0 < c <= RARE for c in counts.values())
        lines.append(f"| word list {name} | {len(counts)} | {z} | {r} | {len(counts) - z - r} |")
    ag = report["agent_phrases"]
    z = sum(a["count"] == 0 for a in ag)
    r = sum(0 < a["count"] <= RARE for a in ag)
    lines.append(f"| agent phrases (agents.tsv) | {len(ag)} | {z} | {r} | {len(ag) - z - r} |")
    lines += ["", f"## Hand-written event patterns that fire at most {RARE} times", "",
              "Each was kept only with a codebook or grammar reason (see the note in the same folder's "
              "`pattern_audit_decisions.md`).", "",
              "| line | pos | lemma | object | prep | pobj | CAMEO | fired | live | on dev sentences |",
              "|---:|---|---|---|---|---|---|---:|---:|---:|"]
    for e in ev:
        if e["table"] == "verbs.tsv" and e["fired"] <= RARE:
            lines.append(f"| {e['line']} | {e['pos']} | {e['lemma']} | {e['object']} | {e['prep']} | {e['pobj']} "
                         f"| {e['cameo']} | {e['fired']} | {e['live']} | {e['dev']} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
