"""Build the table of given names whose bearers the news refers to as "he" or as "she".

Pronouns find their antecedents better when the antecedent's gender is known, and the knowledge
base records none. This script counts, over the AllSides development corpus (the table holds
given names and counts, no text), two patterns in which a pronoun refers to a full name:

- the name with a verb of saying and the pronoun as the content's subject ("Given Surname said
  she ...", "... told reporters he ...");
- the name opening a sentence and the pronoun opening the next one ("Given Surname ... . He ...").

A given name goes in the table when it was seen at least ``--min`` times and one pronoun holds at
least ``--share`` of its counts; a word that is usually written in lower case (the common-word
list) counts only when the knowledge base knows it as a given name ("Bill", "Mark"), and a word
that the knowledge base records as a family name written first ("Kim Jong Un") never does. The table is
shipped as ``src/newsgraph/actors/data/given_name_gender.tsv`` (name, m/f, count) and read by the
pronoun rules.

    python scripts/build_given_name_gender.py       # about a minute
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "newsgraph" / "actors" / "data" / "given_name_gender.tsv"
FULL = re.compile(r"(?<![\w.])([A-Z][a-z]{1,15}) (?:[A-Z]\. )?([A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)\b")
SAYING = r"(?:said|says|told [a-z ]{0,30}|added|wrote|argued|noted|insisted|explained|warned|claimed)"
HONORIFIC = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}


def sightings(text: str, skip: set[str]) -> list[tuple[str, str]]:
    """(given name, m|f) for every pronoun or honorific that refers to a person named in full in
    the text: "Surname said she ...", "Surname ... . He ...", "Mrs. Surname"."""
    given_of: dict[str, set[str]] = defaultdict(set)
    for m in FULL.finditer(text):
        if m.group(1).lower() not in skip:
            given_of[m.group(2)].add(m.group(1).lower())
    out = []
    for surname, names in given_of.items():
        if len(names) != 1:
            continue  # two people of one family name: no telling which
        (given,) = names
        s = re.escape(surname)
        for m in re.finditer(rf"\b{s},? {SAYING},? (?:that )?(he|she)\b", text):
            out.append((given, "m" if m.group(1) == "he" else "f"))
        for m in re.finditer(rf"(?:^|(?<=[.!?]\s)|(?<=\n)){s}\b[^.!?\n]{{3,200}}[.!?][”\"]?\s+(He|She)\b", text):
            out.append((given, "m" if m.group(1) == "He" else "f"))
        for m in re.finditer(rf"\b(Mr|Mrs|Ms|Miss)\.? {s}\b", text):
            out.append((given, HONORIFIC[m.group(1).lower()]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "data" / "dev" / "allsides" / "allsides_dev.jsonl.gz"))
    ap.add_argument("--min", type=int, default=4, help="least number of sightings of a name")
    ap.add_argument("--share", type=float, default=0.9, help="least share of the majority pronoun")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    from newsgraph.actors import lexicon as lx
    from newsgraph.kb import get_kb
    from newsgraph.kb.store import common_words

    common, given = common_words(), get_kb().given_names()
    # words that stand before a surname without being a given name: titles, ranks, honorifics,
    # party and agent words, and common words the KB does not know as given names
    skip = {w for w in common if w not in given} | set(lx.TITLE_FIRST_WORDS) | set(lx.HONORIFICS) | set(
        lx.PARTY_WORDS) | {w for w in lx.agents() if " " not in w}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    with gzip.open(args.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            for name, g in sightings(json.loads(line).get("text") or "", skip):
                counts[name][g] += 1
    # a word some KB name puts first as its family name ("Kim Jong Un", "Lee Hsien Loong"): the first
    # word of such names is no given name, so it says nothing of the bearer
    family_first = {p["name"].split()[0].lower() for p in get_kb()._people.values()
                    if len(p["name"].split()) > 1 and p["name"].split()[0] in (p.get("surnames") or ())}
    rows = []
    for name, c in counts.items():
        n = sum(c.values())
        g, top = c.most_common(1)[0]
        if n < args.min or top < args.share * n or name in family_first:
            continue
        rows.append((name, g, n))
    rows.sort(key=lambda r: (-r[2], r[0]))
    header = ("# given name <TAB> m|f <TAB> sightings: the pronoun the AllSides development corpus uses for bearers of\n"
              "# the name (scripts/build_given_name_gender.py; counts only, no text)\n")
    Path(args.out).write_text(header + "".join(f"{a}\t{b}\t{n}\n" for a, b, n in rows), "utf-8")
    print(f"{len(rows)} given names -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
