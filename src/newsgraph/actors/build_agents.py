"""Build actors/data/agents.tsv (agent noun -> CAMEO sector code) from PETRARCH2's Phoenix.agents.txt (MIT).

    python -m newsgraph.actors.build_agents --petrarch ../shared/data/kb/petrarch2

The source writes phrases in capitals with underscores, regular plurals left implicit, and two
macros (!PERSON!, !MINIST!). This expands them into lower-case phrases with their plurals.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from ..errors import KBSourceMissing

OUT = Path(__file__).resolve().parent / "data" / "agents.tsv"


def plural(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def parse(text: str) -> dict[str, str]:
    macros: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"^!(\w+)!\s*=\s*(.+)$", line)
        if m:
            macros[m.group(1)] = [w.strip().lower() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^(.+?)\s*\[~?([A-Z]+)\]", line)
        if not m:
            continue
        phrase, code = m.group(1).strip(), m.group(2)
        forms = [phrase]
        for name, words in macros.items():
            if f"!{name}!" in phrase:
                forms = [f.replace(f"!{name}!", w.upper()) for f in forms for w in words]
        for form in forms:
            words = form.replace("_", " ").strip().lower().split()
            if not words or not all(re.match(r"^[a-z][a-z'\-.]*$", w) for w in words):
                continue
            singular = " ".join(words)
            out.setdefault(singular, code)
            if not words[-1].endswith("s"):
                out.setdefault(" ".join([*words[:-1], plural(words[-1])]), code)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--petrarch", default="../shared/data/kb/petrarch2")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    src = Path(args.petrarch) / "Phoenix.agents.txt"
    if not src.is_file():
        raise KBSourceMissing(f"{src} is missing", hint="pass --petrarch pointing at shared/data/kb/petrarch2")
    table = parse(src.read_text("latin-1"))
    lines = ["# agent noun -> CAMEO sector code; derived from PETRARCH2 Phoenix.agents.txt (MIT, (c) 2014 OEDA)"]
    lines += [f"{k}\t{v}" for k, v in sorted(table.items())]
    Path(args.out).write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{len(table)} agent forms -> {args.out}")


if __name__ == "__main__":
    main()
