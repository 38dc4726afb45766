"""Build the list of people the news names often: the prior a reader brings to a lone surname.

"Trump" alone in a 2018 story is Donald Trump; "Christie" alone in a 2015 one is the governor of New
Jersey, not the Bahamian prime minister who is the only Christie the knowledge base has in office.
Both are the KB's only office holder of that surname on the date; what tells them apart is how often
the news names each in full. This script counts, over the AllSides development corpus (all of it:
the list holds KB ids and counts, no text), how many articles name each KB person by a full name or
a multi-word alias, and keeps those named in at least ``--min-articles`` articles. The list is shipped
as ``src/newsgraph/actors/data/prominent_people.tsv``. It also lists the KB surnames the news writes
often for someone else: a surname in at least ``--min-articles`` articles, no KB bearer of which is
named in full in a tenth of them (``taken_surnames.tsv``: "Christie", "Davis"). The resolver lets a
lone surname link to the only office holder of that name on the date when that person is prominent
or the surname is not taken (:data:`newsgraph.actors.lexicon.prominent_people`, ``taken_surnames``).
Last, the given names the news uses alone for one KB person (``given_names_alone.tsv``: "Hillary"):
of the articles where the given name stands alone, more than ``--given-share`` (60%) name that person
in full, three times as many as name any other bearer.

    python scripts/build_prominence.py            # ~2 minutes
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "newsgraph" / "actors" / "data" / "prominent_people.tsv"
TAKEN = ROOT / "src" / "newsgraph" / "actors" / "data" / "taken_surnames.tsv"
GIVEN = ROOT / "src" / "newsgraph" / "actors" / "data" / "given_names_alone.tsv"
WORD = re.compile(r"[A-Za-z][\w.'’-]*")


def main(argv: list[str] | None = None) -> int:
    from newsgraph.kb.store import KB
    from newsgraph.kb.text import fold

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "data" / "dev" / "allsides" / "allsides_dev.jsonl.gz"))
    ap.add_argument("--min-articles", type=int, default=20)
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--taken-out", default=str(TAKEN))
    ap.add_argument("--taken-share", type=float, default=0.1)
    ap.add_argument("--given-out", default=str(GIVEN))
    ap.add_argument("--given-share", type=float, default=0.6)
    args = ap.parse_args(argv)
    people = KB.load().doc["people"]
    cols = people["columns"]
    i_id, i_name, i_alias, i_full, i_sur = (cols.index(c) for c in ("id", "name", "aliases", "full_names", "surnames"))
    names: dict[str, set[str]] = {}  # folded full name -> KB ids
    bearers: dict[str, set[str]] = {}  # folded surname -> KB ids
    for row in people["rows"]:
        for form in (row[i_name], *(row[i_alias] or ()), *(row[i_full] or ())):
            key = fold(form)
            if len(key.split()) >= 2:
                names.setdefault(key, set()).add(row[i_id])
        for sur in row[i_sur] or ():
            if len(fold(sur).split()) == 1:
                bearers.setdefault(fold(sur), set()).add(row[i_id])
    given: dict[str, set[str]] = {}  # folded given name -> KB ids whose name starts with it
    for row in people["rows"]:
        parts = fold(row[i_name]).split()
        if len(parts) >= 2 and row[i_name].split()[0][:1].isupper():
            given.setdefault(parts[0], set()).add(row[i_id])
    articles: Counter[str] = Counter()
    surnames: Counter[str] = Counter()
    lone: Counter[str] = Counter()  # given name -> articles with it standing alone
    lone_with: Counter[tuple[str, str]] = Counter()  # (given name, KB id) -> of those, naming the person in full
    with gzip.open(args.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            words = [w.group(0).rstrip(".’'") for w in WORD.finditer(json.loads(line).get("text") or "")]
            seen: set[str] = set()
            capitalised: set[str] = set()
            alone: set[str] = set()
            for k, w in enumerate(words):
                if not w[:1].isupper():
                    continue  # a name starts with a capital
                if fold(w) in bearers:
                    capitalised.add(fold(w))
                if fold(w) in given and not (k + 1 < len(words) and words[k + 1][:1].isupper()) \
                        and not (k and words[k - 1][:1].isupper()):
                    alone.add(fold(w))  # "Hillary said", not "Hillary Clinton" or "Secretary Hillary"
                for n in range(2, 5):
                    ids = names.get(fold(" ".join(words[k:k + n])))
                    if ids and len(ids) == 1:  # a name two KB people share proves neither
                        seen |= ids
            articles.update(seen)
            surnames.update(capitalised)
            lone.update(alone)
            lone_with.update((g, pid) for g in alone for pid in given[g] & seen)
    kept = [(pid, n) for pid, n in articles.most_common() if n >= args.min_articles]
    header = (f"# KB people named in full in at least {args.min_articles} AllSides development articles "
              "(scripts/build_prominence.py): id<TAB>articles. Ids and counts only.\n")
    Path(args.out).write_text(header + "".join(f"{pid}\t{n}\n" for pid, n in kept), "utf-8")
    print(f"{len(kept)} prominent people -> {args.out}")
    # a surname the news writes often for someone else: no KB bearer's full name is in even a tenth
    # of the articles that have the surname ("Christie", "Davis", "Islam")
    taken = sorted((s, n) for s, n in surnames.items() if n >= args.min_articles
                   and max(articles[pid] for pid in bearers[s]) < args.taken_share * n)
    header = (f"# Surnames of KB people in at least {args.min_articles} AllSides development articles, where no KB "
              f"bearer is named in full in {args.taken_share:.0%} of them (scripts/build_prominence.py): "
              "surname<TAB>articles. Words and counts only.\n")
    Path(args.taken_out).write_text(header + "".join(f"{s}\t{n}\n" for s, n in taken), "utf-8")
    print(f"{len(taken)} taken surnames -> {args.taken_out}")
    # a given name the news uses alone for one person ("Hillary", "Bernie"): of the articles with the
    # name standing alone, more than --given-share also name that KB person in full, three times as many
    # as name any other bearer
    known = []
    for g, n in sorted(lone.items()):
        if n < args.min_articles:
            continue
        ranked = sorted(((lone_with[(g, pid)], pid) for pid in given[g]), reverse=True)
        top, pid = ranked[0]
        second = ranked[1][0] if len(ranked) > 1 else 0
        if top > args.given_share * n and top >= 3 * second:
            known.append((g, pid, n, top))
    header = (f"# Given names standing alone in at least {args.min_articles} AllSides development articles, "
              f"more than {args.given_share:.0%} of which name one KB person of that given name in full "
              "(scripts/build_prominence.py): given name<TAB>id<TAB>articles alone<TAB>of them naming the person. "
              "Words, ids and counts only.\n")
    Path(args.given_out).write_text(header + "".join(f"{g}\t{pid}\t{n}\t{top}\n" for g, pid, n, top in known), "utf-8")
    print(f"{len(known)} given names known alone -> {args.given_out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
