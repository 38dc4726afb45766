"""Training examples for the event detector, from the *tune* parts of the development sets only.

Every example is a parsed span (kept as its feature strings), a *set* of allowed labels, a weight and,
where the data says it, a PLOVER mode. Set-valued targets let sources of different granularity train
one model (the loss is ``-log P(label in set)``):

==================  =============================================  =========================================
source              span                                           labels
==================  =============================================  =========================================
``ngec_lead``       an NGEC story's first sentence (>= 4 words)    {story event}, story mode
``ngec_rest``       every later sentence of the story              {story event, none}: a later sentence
                                                                   restates the event or is background;
                                                                   background sentences are common to stories
                                                                   of every type, so the shared answer,
                                                                   ``none``, is what the model learns for them
``ngec_headline``   the headline the story was written from,       {story event}, story mode
                    put in sentence case (names kept)
``plover``          a PLOVER gold record's sentence                {event} (old names mapped), mode
``plover_trigger``  the record's event words (``eventText``)       {event}, mode
``conflibert``      a ConfliBERT sentence (5-way CAMEO class)      the PLOVER events the CAMEO codes of that
                                                                   class map to (class 0, statements and
                                                                   appeals: {none, REQUEST})
``codebook``        a CAMEO code description / a PLOVER event or    {event}, mode
                    mode definition (codebooks)
``allsides_silver`` a sentence of an AllSides *tune* article        silver, kept only where two different
                    (``silver_articles`` of them, by a hash order;  readers agree: the rule coder's sentence
                    the hand-labelled tune articles left out)       code (``eval cameo-class``'s reading,
                                                                   no actor filter) and a first model
                                                                   trained without silver (``train.py``)
==================  =============================================  =========================================

Why a story's first sentence carries its event: the stories are wire copy written from an event
headline, and a wire story states its event first; later sentences mostly add background, reactions
and quotes. Stories whose lead does not carry the event (the generator drifted) are noise the
weights absorb. Sentence splitting is the project's own spaCy pipeline, as at run time.

Items are assigned to the training slice or the held-out ``dev`` slice of tune by a hash of their
id with a salt of its own (all sentences of a story go together), so the dev slice is stable.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import EvalError
from ..codebook import MODE_NAMES, PLOVER_EVENTS, canonical_mode, load_codebook
from ..detect import NONE, features

DEV_SALT = "newsgraph-detector-dev/1"
NGEC_FILE = "data/dev/ngec_synthetic/gpt_synthetic_events_2023-10-19_19.csv.zip"
PLOVER_FILE = "data/dev/plover_gsr/plover_gsr_dev.json"
CONFLIBERT_FILE = "data/dev/conflibert/cameo_class_train.tsv"
ALLSIDES_FILE = "data/dev/allsides/allsides_dev.jsonl.gz"
SILVER_SALT = "newsgraph-detector-silver/1"
CAMEO2PLOVER_FILE = "data/codebooks/CAMEO2PLOVER-2021.txt"
PLOVER_CODEBOOK_FILE = "data/codebooks/PLOVER_structured_codebook_updated.csv"

@dataclass
class Example:
    source: str
    group: str                    # the item it comes from (story, record, sentence, code)
    targets: frozenset[str]
    weight: float
    feats: list[str]
    mode: str | None = None       # PLOVER mode when the example's event is known (targets of one type)
    has_mode: bool = False        # the source states a mode (or states there is none) for this example
    gold: Any = None              # what the evaluation compares with (event name, or CAMEO class 0-4)
    position: int = 0             # sentence number inside a story
    slice: str = "train"          # train | dev (both inside tune)

    @property
    def type(self) -> str | None:
        return next(iter(self.targets)) if len(self.targets) == 1 else None


@dataclass
class Corpus:
    examples: list[Example] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, ex: Example) -> None:
        self.examples.append(ex)
        self.counts[ex.source] = self.counts.get(ex.source, 0) + 1


def dev_fraction(group: str) -> float:
    digest = hashlib.sha256(f"{DEV_SALT}:{group}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def penta_targets() -> dict[int, frozenset[str]]:
    """CAMEO 5-way class -> the PLOVER events its codes map to (``none`` for codes without one), from
    the packaged codebook: class 0 {none, REQUEST}, 1 {AGREE, CONSULT, SUPPORT}, ..."""
    out: dict[int, set[str]] = {k: set() for k in range(5)}
    for row in load_codebook().rows():
        out[row.penta].add(row.plover or NONE)
    return {k: frozenset(v) for k, v in out.items()}


# PLOVER event -> the CAMEO 5-way class most of its CAMEO codes fall in (REQUEST: demands, 10;
# SANCTION: reducing relations, 16; CONCEDE: yielding, 08), ``none`` -> 0
def penta_of_type() -> dict[str, int]:
    counts: dict[str, dict[int, int]] = {}
    for row in load_codebook().rows():
        if row.plover:
            counts.setdefault(row.plover, {}).setdefault(row.penta, 0)
            counts[row.plover][row.penta] += 1
    out = {t: max(sorted(c), key=lambda k: c[k]) for t, c in counts.items()}
    out[NONE] = 0
    return out


QUAD_INDEX = {"verbal cooperation": 1, "material cooperation": 2, "verbal conflict": 3, "material conflict": 4}


# ---- readers (tune part only) ---------------------------------------------------------------------

def _need(path: Path) -> Path:
    if not path.is_file():
        raise EvalError(f"training data missing: {path}",
                        hint="make train-events needs ../shared/data beside the project (or NEWSGRAPH_SHARED)")
    return path


def ngec_rows(shared: Path, split: str = "tune") -> list[dict[str, Any]]:
    """The NGEC stories of ``split``: id, text, event, mode, headline (sentence case, names filled)."""
    from ...evaluate.splits import split_of, text_id

    p = _need(shared / NGEC_FILE)
    with zipfile.ZipFile(p) as z:
        name = next(n for n in z.namelist() if n.endswith(".csv"))
        raw = z.read(name).decode("utf-8")
    out = []
    for row in csv.DictReader(io.StringIO(raw)):
        text, label = (row.get("text") or "").strip(), (row.get("label") or "").strip().upper()
        if not text or label not in PLOVER_EVENTS:
            continue
        sid = text_id(text)
        if split_of("ngec", sid) != split:
            continue
        out.append({"id": sid, "text": text, "event": label, "mode": canonical_mode(row.get("mode")),
                    "headline": headline(row.get("title") or "", row.get("prompt") or "")})
    return out


def headline(template: str, prompt: str) -> str | None:
    """The headline a story was written from, in sentence case: the template's words lower-cased
    (acronyms kept), its ``{placeholders}`` filled with the names the prompt put there."""
    first = prompt.strip().split("\n", 1)[0].strip()
    if not template.strip() or not first:
        return first or None
    parts = re.split(r"(\{[a-z_0-9]+\})", template.strip())
    pattern = "".join("(.+?)" if re.fullmatch(r"\{[a-z_0-9]+\}", p) else re.escape(p) for p in parts)
    m = re.fullmatch(pattern, first)
    if not m:
        return first
    fills = iter(m.groups())
    out = []
    for p in parts:
        if re.fullmatch(r"\{[a-z_0-9]+\}", p):
            out.append(next(fills))
        else:
            out.append(" ".join(w if len(w) > 1 and w.isupper() else w.lower() for w in p.split(" ")))
    text = "".join(out).strip()
    return text[:1].upper() + text[1:]


def plover_rows(shared: Path, split: str = "tune") -> list[dict[str, Any]]:
    """PLOVER gold records of ``split``: id, text, event (current names), mode, trigger words."""
    from ...evaluate.plover import OLD_NAMES
    from ...evaluate.splits import split_of

    data = json.loads(_need(shared / PLOVER_FILE).read_text("utf-8"))
    out = []
    for rec in data:
        if not isinstance(rec, dict) or rec.get("event") in (None, "DOCUMENT") or not rec.get("text"):
            continue
        event, mode = rec["event"], rec.get("mode") or None
        if event in OLD_NAMES:
            event, forced = OLD_NAMES[event]
            mode = forced or mode
        rid = str(rec.get("id") or rec["text"])
        if split_of("plover", rid) != split:
            continue
        out.append({"id": rid, "text": rec["text"].strip(), "event": event, "mode": canonical_mode(mode),
                    "trigger": (rec.get("eventText") or "").strip() or None})
    return out


def conflibert_rows(shared: Path, split: str = "tune") -> list[dict[str, Any]]:
    from ...evaluate.cameo_class import load_tsv
    from ...evaluate.splits import text_id

    return [{"id": text_id(t), "text": t, "class": k}
            for t, k in load_tsv(_need(shared / CONFLIBERT_FILE), split=split)]


def codebook_rows(shared: Path) -> list[dict[str, Any]]:
    """CAMEO code descriptions with their PLOVER event and mode, and PLOVER event/mode definitions."""
    out: list[dict[str, Any]] = []
    line_re = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,\s*([^,]*),[^#]*#\s*(.+)$")
    for line in _need(shared / CAMEO2PLOVER_FILE).read_text("utf-8").splitlines():
        m = line_re.match(line.strip())
        if m and m.group(2) in PLOVER_EVENTS:
            out.append({"id": f"cameo:{m.group(1)}", "text": m.group(4).strip(), "event": m.group(2),
                        "mode": canonical_mode(m.group(3))})
    seen: set[str] = set()
    with _need(shared / PLOVER_CODEBOOK_FILE).open(encoding="utf-8") as fh:
        for k, row in enumerate(csv.DictReader(fh)):
            event = (row.get("event") or "").strip()
            if event not in PLOVER_EVENTS:
                continue
            d = (row.get("event_def") or "").strip()
            if d and d not in seen:
                seen.add(d)
                out.append({"id": f"plover:{event}", "text": d, "event": event, "mode": None, "no_mode": True})
            md = (row.get("mode_def") or "").strip()
            if md:
                out.append({"id": f"plover:{event}:{k}", "text": md, "event": event,
                            "mode": canonical_mode(row.get("mode"))})
    return out


def allsides_rows(shared: Path, n: int, exclude: set[str] = frozenset()) -> list[dict[str, Any]]:
    """``n`` AllSides *tune* articles (id, text), the first in the order of a salted hash of their id
    (stable, and independent of the file's order); ``exclude``: ids left out (hand-labelled ones)."""
    import gzip

    from ...evaluate.splits import split_of

    keyed = []
    with gzip.open(_need(shared / ALLSIDES_FILE), "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            aid, text = str(d.get("id") or ""), d.get("text") or ""
            if not aid or not text.strip() or aid in exclude or split_of("allsides", aid) != "tune":
                continue
            keyed.append((hashlib.sha256(f"{SILVER_SALT}:{aid}".encode()).digest(), aid, text))
    keyed.sort()
    return [{"id": aid, "text": text} for _, aid, text in keyed[:n]]


def hand_labelled_ids() -> set[str]:
    """Ids of the hand-labelled AllSides articles shipped with newsgraph (never silver material)."""
    from ...evaluate.handsets import GOLD_DIR

    out: set[str] = set()
    for p in sorted(GOLD_DIR.glob("allsides_*.json")):
        try:
            data = json.loads(p.read_text("utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        out |= {str(a.get("id")) for a in data.get("articles", []) if isinstance(a, dict)}
    return out


def rule_reading(coder: Any, sent: Any) -> str:
    """The rule coder's event for one sentence, as ``eval cameo-class`` reads it (main clause first,
    plain reports and comments step aside; no actors needed): a PLOVER event, or ``none`` when it
    codes nothing, only a report, or a comment without a PLOVER event."""
    from ...evaluate.cameo_class import sentence_class

    _, code, _ = sentence_class(coder, sent.as_doc() if hasattr(sent, "as_doc") else sent)  # wants a Doc
    row = load_codebook().get(code) if code else None
    return row.plover if row is not None and row.plover else NONE


# ---- building ----------------------------------------------------------------------------------

def _words(span: Any) -> int:
    return sum(1 for t in span if t.is_alpha)


def story_sentences(doc: Any, min_words: int = 4) -> list[Any]:
    """The sentences of a parsed story that are sentences (>= ``min_words`` words), in order."""
    return [s for s in doc.sents if _words(s) >= min_words]


def build(shared: Path, settings: dict[str, Any], parse: Callable[[Iterable[str]], Iterator[Any]],
          *, limit: int | None = None, progress: Callable[[str], None] | None = None) -> Corpus:
    """Every training example of the enabled sources (``settings['sources']``: name -> weight, 0 = off)."""
    w = {k: float(v) for k, v in settings["sources"].items()}
    dev_share = float(settings["dev_share"])
    corpus = Corpus()
    say = progress or (lambda _m: None)

    def slice_of(group: str) -> str:
        return "dev" if dev_fraction(group) < dev_share else "train"

    if w.get("ngec_lead", 0) or w.get("ngec_rest", 0) or w.get("ngec_headline", 0):
        rows = ngec_rows(shared)[:limit]
        say(f"NGEC: {len(rows)} tune stories")
        for row, doc in zip(rows, parse(r["text"] for r in rows), strict=True):
            sl = slice_of(f"ngec:{row['id']}")
            sents = story_sentences(doc)
            for k, s in enumerate(sents):
                lead = k == 0
                src = "ngec_lead" if lead else "ngec_rest"
                if not w.get(src):
                    continue
                targets = frozenset({row["event"]}) if lead else frozenset({row["event"], NONE})
                corpus.add(Example(src, f"ngec:{row['id']}", targets, w[src], features(s), row["mode"] if lead else None,
                                   has_mode=lead, gold=row["event"], position=k, slice=sl))
        heads = [r for r in rows if r["headline"]]
        if w.get("ngec_headline"):
            for row, doc in zip(heads, parse(r["headline"] for r in heads), strict=True):
                corpus.add(Example("ngec_headline", f"ngec:{row['id']}", frozenset({row["event"]}), w["ngec_headline"],
                                   features(doc[:]), row["mode"], has_mode=True, gold=row["event"],
                                   slice=slice_of(f"ngec:{row['id']}")))
    if w.get("plover", 0) or w.get("plover_trigger", 0):
        rows = plover_rows(shared)[:limit]
        say(f"PLOVER: {len(rows)} tune records")
        for row, doc in zip(rows, parse(r["text"] for r in rows), strict=True):
            corpus.add(Example("plover", f"plover:{row['id']}", frozenset({row["event"]}), w.get("plover", 0),
                               features(doc[:]), row["mode"], has_mode=True, gold=row["event"],
                               slice=slice_of(f"plover:{row['id']}")))
        trig = [r for r in rows if r["trigger"]]
        if w.get("plover_trigger"):
            for row, doc in zip(trig, parse(r["trigger"] for r in trig), strict=True):
                corpus.add(Example("plover_trigger", f"plover:{row['id']}", frozenset({row["event"]}),
                                   w["plover_trigger"], features(doc[:]), row["mode"], has_mode=True,
                                   gold=row["event"], slice=slice_of(f"plover:{row['id']}")))
    if w.get("conflibert", 0):
        rows = conflibert_rows(shared)[:limit]
        say(f"ConfliBERT: {len(rows)} tune sentences")
        sets = penta_targets()
        for row, doc in zip(rows, parse(r["text"] for r in rows), strict=True):
            corpus.add(Example("conflibert", f"conflibert:{row['id']}", sets[row["class"]], w["conflibert"],
                               features(doc[:]), gold=row["class"], slice=slice_of(f"conflibert:{row['id']}")))
    if w.get("allsides_silver", 0):
        from ... import config as _config
        from .. import coder_for

        coder = coder_for(_config.load(), rules_only=True)  # silver labels are the rules' reading
        rows = allsides_rows(shared, int(settings.get("silver", {}).get("articles", 2000)), hand_labelled_ids())
        say(f"AllSides: {len(rows)} tune articles for silver labels")
        for row, doc in zip(rows, parse(r["text"] for r in rows), strict=True):
            sl = slice_of(f"allsides:{row['id']}")
            for k, s in enumerate(story_sentences(doc)):
                if not s.text.strip() or len(s) > 120:
                    continue
                corpus.add(Example("allsides_silver", f"allsides:{row['id']}", frozenset(), 0.0, features(s),
                                   gold=rule_reading(coder, s), position=k, slice=sl))
    if w.get("codebook", 0):
        rows = codebook_rows(shared)
        say(f"codebooks: {len(rows)} descriptions")
        for row, doc in zip(rows, parse(r["text"] for r in rows), strict=True):
            # definitions are not held out: they are the ontology, not a sample of news
            corpus.add(Example("codebook", row["id"], frozenset({row["event"]}), w["codebook"], features(doc[:]),
                               row["mode"], has_mode=not row.get("no_mode"), gold=row["event"]))
    return corpus


__all__ = ["MODE_NAMES", "Corpus", "Example", "allsides_rows", "build", "canonical_mode", "codebook_rows",
           "conflibert_rows", "dev_fraction", "hand_labelled_ids", "headline", "ngec_rows", "penta_of_type", "penta_targets", "plover_rows",
           "rule_reading", "story_sentences"]
