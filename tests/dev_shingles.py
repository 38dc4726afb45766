"""Find development text in the project: 8-word shingles shared by ../shared texts and project files.

The development texts are everything annotated or collected for development under
``../shared/data/dev`` (AllSides, Wikinews, PolNeAR, PLOVER records, ConfliBERT, NGEC stories, the
PETRARCH sample) and the founding article under ``../shared/seed``. Knowledge-base sources
(``../shared/data/kb``) and codebooks are not development text: names, codes and code descriptions
derived from them may ship (with NOTICE attribution).

READMEs and licences of the data sets are documentation about them, not development text.

A shingle is 8 consecutive words (letters and digits, lower-cased; punctuation, markup and code
syntax between them ignored). The project side is small, so its shingles are hashed into a sorted
array; each development text is then turned into word ids (words the project never uses end any
window) and its windows are looked up with NumPy. About 180 MB of text takes well under a minute.

Run as a script to list every hit: ``python tests/dev_shingles.py [--shared ../shared]``.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

N = 8
WORD = re.compile(r"[^\W_]+")
ROOT = Path(__file__).resolve().parent.parent

# project files scanned: code, tests, tables, docs and the demo corpus
PROJECT_DIRS = ("src", "tests", "benchmarks", "scripts", "docs", "examples")
PROJECT_FILES = ("README.md", "CHANGELOG.md", "Makefile")
PROJECT_SUFFIXES = {".py", ".tsv", ".csv", ".txt", ".md", ".json", ".jsonl", ".toml", ".html", ".js", ".css", ""}
# knowledge-base and gazetteer tables hold names, titles and dated facts from ../shared/data/kb and
# curated public records, not running text (office titles and organisation names are 8 words long)
PROJECT_SKIP = ("src/newsgraph/kb/data/", "src/newsgraph/kb/curated/", "src/newsgraph/gazetteer/data/")


@dataclass(frozen=True)
class Hit:
    file: str
    line: int
    shingle: str
    source: str


def _numeric(shingle: str) -> bool:
    """Mostly numbers ("0 1 0 1 ..."): a table or a vector, not running text."""
    return sum(w.isdigit() for w in shingle.split()) > N // 2


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def _window_hashes(ids: np.ndarray) -> np.ndarray:
    """Hash of every window of N word ids (int64); windows holding an unknown word (-1) get -1."""
    if len(ids) < N:
        return np.empty(0, dtype=np.int64)
    m = len(ids) - N + 1
    h = np.zeros(m, dtype=np.uint64)
    bad = np.zeros(m, dtype=bool)
    for k in range(N):
        part = ids[k:k + m]
        bad |= part < 0
        h = h * np.uint64(1_000_003) + part.astype(np.uint64)
    out = (h >> np.uint64(1)).astype(np.int64)  # 63 bits: every real hash is >= 0, -1 marks a bad window
    out[bad] = -1
    return out


class ProjectIndex:
    """Every 8-word shingle of the project's files, with where each first occurs."""

    def __init__(self, files: Iterable[Path], root: Path) -> None:
        self.vocab: dict[str, int] = {}
        self.where: dict[int, tuple[str, int, str]] = {}
        for path in files:
            try:
                text = path.read_text("utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            rel = str(path.relative_to(root))
            toks: list[str] = []
            lines: list[int] = []
            for lineno, line in enumerate(text.splitlines(), 1):
                for w in words(line):
                    toks.append(w)
                    lines.append(lineno)
            ids = np.fromiter((self.vocab.setdefault(w, len(self.vocab)) for w in toks), dtype=np.int64,
                              count=len(toks))
            for i, h in enumerate(_window_hashes(ids).tolist()):
                self.where.setdefault(h, (rel, lines[i], " ".join(toks[i:i + N])))
        self.hashes = np.array(sorted(self.where), dtype=np.int64)

    def scan(self, texts: list[tuple[str, str]]) -> Iterator[Hit]:
        """Hits in a batch of (source, text): their word ids joined with an unknown id between texts,
        so no window spans two texts."""
        toks: list[str] = []
        owner: list[int] = []
        for k, (_, text) in enumerate(texts):
            ws = words(text)
            toks += ws
            toks.append("")  # never a project word: ends every window at the text's end
            owner += [k] * (len(ws) + 1)
        ids = np.fromiter((self.vocab.get(w, -1) for w in toks), dtype=np.int64, count=len(toks))
        hs = _window_hashes(ids)
        if not len(hs) or not len(self.hashes):
            return
        pos = np.searchsorted(self.hashes, hs)
        pos[pos >= len(self.hashes)] = 0
        found = (self.hashes[pos] == hs) & (hs >= 0)
        for i in np.flatnonzero(found):
            rel, line, shingle = self.where[int(hs[i])]
            if shingle == " ".join(toks[i:i + N]) and not _numeric(shingle):  # not a hash collision
                yield Hit(rel, line, shingle, texts[owner[i]][0])


def project_files(root: Path = ROOT, dirs: Iterable[str] = PROJECT_DIRS) -> list[Path]:
    out: list[Path] = []
    for d in dirs:
        base = root / d
        if not base.exists():
            continue
        for p in sorted(base.rglob("*")):
            rel = str(p.relative_to(root))
            if (p.is_file() and p.suffix in PROJECT_SUFFIXES and not any(rel.startswith(s) for s in PROJECT_SKIP)
                    and "__pycache__" not in rel and ".egg-info" not in rel):
                out.append(p)
    out += [root / f for f in PROJECT_FILES if (root / f).is_file()]
    return out


def dev_texts(shared: Path) -> Iterator[tuple[str, str]]:
    """(source label, text) for every development text under ``shared``."""
    # the founding article (its gold.json holds only codes and strings of the article itself)
    for p in sorted((shared / "seed").glob("*.txt")):
        yield str(p.relative_to(shared)), p.read_text("utf-8", errors="replace")
    # brat .ann files repeat spans of their .txt (skipped); the rest is read as text
    dev = shared / "data" / "dev"
    for p in sorted(dev.rglob("*")):
        if not p.is_file():
            continue
        rel = str(p.relative_to(shared))
        if p.name.endswith(".jsonl.gz"):
            with gzip.open(p, "rt", encoding="utf-8") as f:
                for line in f:
                    d = json.loads(line)
                    yield f"{rel}#{d.get('id')}", f"{d.get('title') or ''}\n{d.get('text') or ''}"
        elif p.suffix == ".zip":
            with zipfile.ZipFile(p) as z:
                for name in z.namelist():
                    with z.open(name) as raw:
                        for i, row in enumerate(csv.reader(io.TextIOWrapper(raw, "utf-8", errors="replace"))):
                            yield f"{rel}:{name}#{i}", " \n ".join(row)
        elif p.name.endswith("cameo_ner_train.txt"):
            toks = [ln.split(" ")[0] for ln in p.read_text("utf-8", errors="replace").splitlines()]
            yield rel, " ".join(toks)
        elif (p.suffix in {".txt", ".csv", ".tsv", ".json", ".xml", ".md"}
              and not any(s in p.name for s in ("LICENSE", "README"))):  # documentation, not text
            yield rel, p.read_text("utf-8", errors="replace")


def _batched(texts: Iterable[tuple[str, str]], size: int = 2_000_000) -> Iterator[list[tuple[str, str]]]:
    """Group small texts into batches of about ``size`` characters."""
    buf: list[tuple[str, str]] = []
    n = 0
    for item in texts:
        buf.append(item)
        n += len(item[1])
        if n >= size:
            yield buf
            buf, n = [], 0
    if buf:
        yield buf


def find(shared: Path, root: Path = ROOT, files: Iterable[Path] | None = None) -> list[Hit]:
    index = ProjectIndex(project_files(root) if files is None else files, root)
    hits: dict[tuple[str, int, str], Hit] = {}
    for batch in _batched(dev_texts(shared)):
        for hit in index.scan(batch):
            hits.setdefault((hit.file, hit.line, hit.shingle), hit)
    return sorted(hits.values(), key=lambda h: (h.file, h.line))


def main(argv: list[str]) -> int:
    shared = Path(argv[argv.index("--shared") + 1]) if "--shared" in argv else ROOT.parent / "shared"
    hits = find(shared)
    for h in hits:
        print(f"{h.file}:{h.line}: {h.shingle!r}  ({h.source})")
    print(f"{len(hits)} shingles of development text in the project", file=sys.stderr)
    return 1 if hits else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
