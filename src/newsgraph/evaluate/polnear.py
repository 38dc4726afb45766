"""Score the quotes component against PolNeAR (Newell, Margolin & Ruths, LREC 2018).

PolNeAR is brat standoff: per article, ``Source``/``Cue``/``Content`` text-bound annotations
joined by ``Attribution`` events, with character offsets into ``text/<article>.txt``. Spans may
be discontinuous (``315 448;463 553``): a quote split by its frame is one content.

How we score (and why):

* **Matching a content.** A system quote and a gold content *overlap-match* at threshold ``t``
  when the characters they share are at least ``t`` times the longer of the two; for a
  discontinuous gold content the test also passes against any one of its pieces (so the two
  halves of ``“A,” he said. “B.”`` both match the gold that joins them). *Exact* means equal after
  trimming whitespace, quotation marks, edge punctuation and a leading ``that``. Matching is
  many-to-one: precision counts system quotes that match some gold content, recall counts gold
  contents matched by some system quote.
* **Three views**, because PolNeAR annotates more than speech (beliefs, intentions, polls):
  ``all`` (every attribution), ``speech`` (the gold cue's head word is a verb of saying in the
  fixed list :data:`SPEECH_CUES`, ``:`` or ``according to``) and ``quoted`` (the gold content
  contains a quotation mark; on the system side, direct and partial quotes). Recall is over the view's gold; precision is
  always against *all* gold contents, since a system quote that matches a belief attribution is
  not wrong.
* **Sources.** A system speaker mention is right at threshold ``t`` when its quote matches a gold
  content whose Source matches the mention (same overlap rule; exact = equal after trimming).
* **Speaker accuracy** (matched quotes only): for each gold attribution with a Source that some
  system quote matches at 0.3, take the best-overlapping system quote. *strict*: its speaker
  mention overlaps the gold Source. *resolved*: strict, or the system's canonical speaker is the
  actor the actors component linked the gold Source to, or — PolNeAR leaves 18-21% of sources as
  bare pronouns — the gold Source is a pronoun and the system mention overlaps or shares its last
  word with the pronoun's antecedent, taken as the nearest preceding non-pronoun gold Source.
* Articles annotated by several annotators are scored once, with the first annotation file in
  name order.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvalError, NewsgraphError
from ..model import Analysis, Article, Quote

THRESHOLD = 0.3
VIEWS = ("all", "speech", "quoted")
_PRONOUNS = frozenset(re.findall(r"\w+", """he she they it i we you him her them his its their who which
that this those these one someone some many others"""))
_TRIM = " \t\r\n\"“”„‟«»‘’'.,;:!?—–-…()"
_QUOTE_MARK_RE = re.compile(r"[\"“”„«»]|(?:^|\s)[‘']")
# The "speech" view: gold attributions whose cue's head word is one of these verbs of saying. The
# list is fixed here on purpose, apart from the quotes component's lexicon, so that widening the
# component's vocabulary cannot move the goalposts.
SPEECH_CUES: frozenset[str] = frozenset(re.findall(r"[a-z]+", """
accuse acknowledge add admit advise affirm agree allege announce answer apologise apologize argue
ask assert assure attest aver avow bark blast blog boast brag brand call caution challenge chant
characterise characterize charge cheer chime cite claim clarify comment complain concede conclude
concur condemn confess confide confirm contend continue counter criticise criticize declare decry
demand denounce deny describe detail disagree dismiss dub elaborate email emphasise emphasize
estimate exclaim explain forecast fume growl grumble gush hail highlight hint holler imply indicate
inform insist interject interrupt intone jeer joke label lament laud lecture maintain marvel mention
message mumble muse mutter note notify object observe opine outline plead pledge point posit post
praise pray preach predict proclaim promise propose protest publish question quip quote rail rant
read reaffirm reason reassure rebut recall reckon recommend recount reflect reiterate reject relate
remark repeat reply report request respond retort say scoff scream shout sigh signal slam snap sneer
speculate stammer state stipulate stress stutter suggest summarise summarize surmise swear taunt
tease tell term testify text theorise theorize threaten thunder tout tweet underline underscore urge
utter vent vouch vow wail warn welcome whisper wonder write yell zing
"""))
_T_RE = re.compile(r"^(T\d+)\t([\w-]+) ([\d ;]+)\t")
_E_RE = re.compile(r"^(E\d+)\t(.*)$")


@dataclass(slots=True)
class GoldAttribution:
    """One PolNeAR attribution: content pieces, source pieces (or none), cue pieces."""

    content: list[tuple[int, int]]
    source: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    cue_lemma: str = ""
    quoted: bool = False

    @property
    def content_len(self) -> int:
        return sum(b - a for a, b in self.content)


@dataclass(slots=True)
class GoldArticle:
    name: str
    text: str
    published: str | None
    attributions: list[GoldAttribution]


@dataclass(slots=True)
class Counts:
    """Precision/recall counts for one view and one threshold."""

    sys_total: int = 0
    sys_correct: int = 0
    gold_total: int = 0
    gold_found: int = 0

    def add(self, other: Counts) -> None:
        self.sys_total += other.sys_total
        self.sys_correct += other.sys_correct
        self.gold_total += other.gold_total
        self.gold_found += other.gold_found

    @property
    def precision(self) -> float:
        return self.sys_correct / self.sys_total if self.sys_total else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold_total if self.gold_total else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Accuracy:
    total: int = 0
    strict: int = 0
    resolved: int = 0

    def add(self, other: Accuracy) -> None:
        self.total += other.total
        self.strict += other.strict
        self.resolved += other.resolved


@dataclass
class PolnearReport:
    """Figures per view: ``content[view][name]`` and ``source[view][name]`` with name ``overlap``
    (at :data:`THRESHOLD`) or ``exact``; ``speaker[view]`` accuracy on matched quotes."""

    path: str
    split: str = "all"
    articles: int = 0
    seconds: float = 0.0
    actors: str | None = None  # the actors component that ran, if any
    quotes: str = ""  # the quotes component scored
    content: dict[str, dict[str, Counts]] = field(default_factory=dict)
    source: dict[str, dict[str, Counts]] = field(default_factory=dict)
    speaker: dict[str, Accuracy] = field(default_factory=dict)
    system_quotes: int = 0
    system_kinds: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # with show=N: up to N speech-view gold contents no system quote matched, and up to N system
    # quotes that matched no gold content (each {"article", "cue", "source"/"rule", "text", "context"})
    missed: list[dict[str, str]] = field(default_factory=list)
    unmatched: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def c(x: Counts) -> dict[str, Any]:
            return {"precision": round(x.precision, 4), "recall": round(x.recall, 4), "f1": round(x.f1, 4),
                    "system": x.sys_total, "system_correct": x.sys_correct, "gold": x.gold_total,
                    "gold_found": x.gold_found}

        return {
            "path": self.path, "split": self.split, "articles": self.articles, "seconds": round(self.seconds, 1),
            "actors": self.actors, "quotes": self.quotes, "system_quotes": self.system_quotes, "system_kinds": self.system_kinds,
            "content": {v: {k: c(x) for k, x in d.items()} for v, d in self.content.items()},
            "source": {v: {k: c(x) for k, x in d.items()} for v, d in self.source.items()},
            "speaker": {v: {"matched": a.total,
                            "strict": round(a.strict / a.total, 4) if a.total else 0.0,
                            "resolved": round(a.resolved / a.total, 4) if a.total else 0.0}
                        for v, a in self.speaker.items()},
            "notes": list(self.notes),
            "missed": list(self.missed), "unmatched": list(self.unmatched),
        }


def _qspan(q: Any) -> tuple[int, int]:
    """What a system quote claims as content: a partial quote's reported clause, else its span."""
    return (q.clause.start, q.clause.end) if getattr(q, "clause", None) is not None else (q.start, q.end)


# ---------------------------------------------------------------------------------------------
# reading the gold
# ---------------------------------------------------------------------------------------------


def _pieces(spec: str) -> list[tuple[int, int]]:
    out = []
    for part in spec.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def parse_ann(ann: str) -> list[GoldAttribution]:
    """The attributions of one brat ``.ann`` file (lines that are not T/E records are ignored)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        m = _T_RE.match(line)
        if m:
            spans[m.group(1)] = _pieces(m.group(3))
            continue
        m = _E_RE.match(line)
        if m:
            roles = dict(part.split(":", 1) for part in m.group(2).split() if ":" in part)
            events.append(roles)
    out = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if not content:
            continue
        out.append(GoldAttribution(content=content, source=spans.get(roles.get("Source", ""), []),
                                   cue=spans.get(roles.get("Cue", ""), [])))
    return out


def _split_folders(root: Path) -> list[Path]:
    """``root`` itself when it is one split folder, else its sub-folders that are (train, dev)."""
    if (root / "attributions").is_dir():
        return [root]
    return sorted(p for p in root.iterdir() if (p / "attributions").is_dir()) if root.is_dir() else []


def load_polnear(path: str | Path, *, limit: int | None = None, split: str | None = None) -> list[GoldArticle]:
    """Read PolNeAR: one split folder (with ``attributions/`` and ``text/``) or the folder above
    them (train and dev pooled). ``split`` keeps the ``tune`` or ``check`` articles
    (:mod:`newsgraph.evaluate.splits`, by article name) before ``limit`` applies."""
    from .splits import split_of

    root = Path(path)
    folders = _split_folders(root)
    if not folders or not all((f / "text").is_dir() for f in folders):
        raise EvalError(f"{root} is not a PolNeAR folder",
                        hint="pass ../shared/data/dev/polnear (train and dev) or one split folder holding "
                             "attributions/ and text/")
    chosen: dict[str, tuple[Path, Path]] = {}
    for folder in folders:
        for ann in sorted((folder / "attributions").glob("*.ann")):
            name = ann.stem.rsplit("_", 1)[0]
            chosen.setdefault(name, (ann, folder / "text" / f"{name}.txt"))
    articles = []
    for name, (ann, txt) in sorted(chosen.items()):
        if not txt.exists() or (split not in (None, "all") and split_of("polnear", name) != split):
            continue
        text = txt.read_text("utf-8")
        m = re.search(r"_(\d{4}-\d{2}-\d{2})_", name)
        attrs = [a for a in parse_ann(ann.read_text("utf-8")) if all(b <= len(text) for _, b in a.content)]
        for a in attrs:
            a.quoted = any(_QUOTE_MARK_RE.search(text[s:e]) for s, e in a.content)
        articles.append(GoldArticle(name, text, m.group(1) if m else None, attrs))
        if limit is not None and len(articles) >= limit:
            break
    if not articles:
        raise EvalError(f"no annotated articles found in {root}", hint="check the folder holds .ann and .txt files")
    return articles


# ---------------------------------------------------------------------------------------------
# matching
# ---------------------------------------------------------------------------------------------


def _inter(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def overlap_match(sys: tuple[int, int], gold: list[tuple[int, int]], t: float = THRESHOLD) -> float:
    """The overlap score (0 when below ``t``): shared characters over the longer span, against
    the whole gold or any one of its pieces."""
    slen = sys[1] - sys[0]
    glen = sum(b - a for a, b in gold)
    if slen <= 0 or glen <= 0:
        return 0.0
    best = sum(_inter(sys, g) for g in gold) / max(slen, glen)
    for g in gold if len(gold) > 1 else ():
        best = max(best, _inter(sys, g) / max(slen, g[1] - g[0]))
    return best if best >= t else 0.0


def _norm(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    if text[s:s + 5].lower() == "that ":
        s += 5
        while s < e and text[s] in _TRIM:
            s += 1
    return s, e


def exact_match(text: str, sys: tuple[int, int], gold: list[tuple[int, int]]) -> bool:
    """Equal after trimming (to the content, or to one piece of a discontinuous content)."""
    ns = _norm(text, *sys)
    return any(ns == _norm(text, a, b) for a, b in gold)


def _source_ok(text: str, mention: tuple[int, int] | None, source: list[tuple[int, int]], exact: bool) -> bool:
    if mention is None or not source:
        return False
    if exact:
        return any(_norm(text, *mention) == _norm(text, a, b) for a, b in source)
    return overlap_match(mention, source) > 0


def _is_pronoun(text: str, source: list[tuple[int, int]]) -> bool:
    words = " ".join(text[a:b] for a, b in source).lower().split()
    return len(words) == 1 and words[0] in _PRONOUNS


def _cue_lemma(doc: Any, cue: list[tuple[int, int]]) -> str:
    """The head word of a gold cue: ``:``, ``according to``, or the lemma of its first verb."""
    if not cue:
        return ""
    a, b = cue[0]
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None or not len(span):
        return ""
    words = [t for t in span if not t.is_space]
    low = " ".join(t.lower_ for t in words)
    if low.startswith("according"):
        return "according to"
    if low.strip() == ":" or (words and words[-1].text == ":" and len(words) == 1):
        return ":"
    verbs = [t for t in words if t.pos_ == "VERB"]
    tok = verbs[0] if verbs else next((t for t in words if t.pos_ not in ("AUX", "PART", "ADV", "PUNCT")), words[0])
    return tok.lemma_.lower()


def _in_view(view: str, g: GoldAttribution, speech: frozenset[str]) -> bool:
    if view == "all":
        return True
    if view == "speech":
        return g.cue_lemma in speech or g.cue_lemma in (":", "according to")
    return g.quoted


def _sys_in_view(view: str, q: Quote) -> bool:
    return view != "quoted" or q.kind in ("direct", "partial")


def score_article(gold: GoldArticle, analysis: Analysis, speech: frozenset[str]) -> PolnearReport:
    """Counts for one article (summed by :func:`evaluate_polnear`)."""
    text = gold.text
    rep = _empty_report(gold.name)
    quotes = analysis.quotes
    for g in gold.attributions:
        g.cue_lemma = _cue_lemma(analysis.doc, g.cue)
    antecedents = _antecedents(text, gold.attributions)
    for view in VIEWS:
        view_gold = [g for g in gold.attributions if _in_view(view, g, speech)]
        view_sys = [q for q in quotes if _sys_in_view(view, q)]
        for name, exact in (("overlap", False), ("exact", True)):
            cc, sc = rep.content[view][name], rep.source[view][name]

            def matches(q: Quote, g: GoldAttribution, exact: bool = exact) -> bool:
                return exact_match(text, _qspan(q), g.content) if exact else \
                    overlap_match(_qspan(q), g.content) > 0

            cc.sys_total += len(view_sys)
            cc.gold_total += len(view_gold)
            sc.sys_total += sum(1 for q in view_sys if q.speaker_mention is not None)
            sc.gold_total += sum(1 for g in view_gold if g.source)
            for q in view_sys:
                hits = [g for g in gold.attributions if matches(q, g)]
                cc.sys_correct += bool(hits)
                m = (q.speaker_mention.start, q.speaker_mention.end) if q.speaker_mention else None
                sc.sys_correct += any(_source_ok(text, m, g.source, exact) for g in hits)
            for g in view_gold:
                hits = [q for q in view_sys if matches(q, g)]
                cc.gold_found += bool(hits)
                sc.gold_found += any(_source_ok(text, (q.speaker_mention.start, q.speaker_mention.end)
                                                if q.speaker_mention else None, g.source, exact) for q in hits)
        acc = rep.speaker[view]
        for g in view_gold:
            if not g.source:
                continue
            scored = [(overlap_match(_qspan(q), g.content), q) for q in view_sys]
            scored = [x for x in scored if x[0] > 0]
            if not scored:
                continue
            q = max(scored, key=lambda x: x[0])[1]
            acc.total += 1
            strict, resolved = _speaker_right(text, analysis, q, g, antecedents.get(id(g)))
            acc.strict += strict
            acc.resolved += resolved
    return rep


def _context(text: str, start: int, end: int, width: int = 90) -> str:
    """The words around ``start:end``, the middle of a long span left out."""
    if end - start > 2 * width:
        inner = f"{text[start:start + width]} [...] {text[end - width // 2:end]}"
    else:
        inner = text[start:end]
    return " ".join(f"{text[max(0, start - width):start]}{inner}{text[end:end + width // 3]}".split())


def collect_errors(gold: GoldArticle, analysis: Analysis, speech: frozenset[str], report: PolnearReport,
                   show: int) -> None:
    """Add this article's speech-view misses and unmatched system quotes to ``report`` (up to
    ``show`` of each), for reading what the component gets wrong. Call after :func:`score_article`
    (which fills each gold attribution's cue lemma)."""
    text = gold.text
    for g in gold.attributions:
        if len(report.missed) >= show:
            break
        if _in_view("speech", g, speech) and not any(overlap_match(_qspan(q), g.content) > 0 for q in analysis.quotes):
            a, b = g.content[0][0], g.content[-1][1]
            report.missed.append({"article": gold.name, "cue": " ".join(text[x:y] for x, y in g.cue),
                                  "source": " ".join(text[x:y] for x, y in g.source),
                                  "text": " ".join(text[x:y] for x, y in g.content)[:300],
                                  "context": _context(text, min(a, *(x for x, _ in g.cue)) if g.cue else a, b)})
    for q in analysis.quotes:
        if len(report.unmatched) >= show:
            break
        if not any(overlap_match(_qspan(q), g.content) > 0 for g in gold.attributions):
            a, b = _qspan(q)
            report.unmatched.append({"article": gold.name, "cue": q.cue.text if q.cue else "", "rule": q.rule,
                                     "text": text[a:b][:300], "context": _context(text, a, b)})


def _antecedents(text: str, attrs: list[GoldAttribution]) -> dict[int, list[tuple[int, int]]]:
    """For each pronoun gold source, the nearest preceding non-pronoun gold source."""
    named = sorted((g.source[0][0], g.source) for g in attrs if g.source and not _is_pronoun(text, g.source))
    out: dict[int, list[tuple[int, int]]] = {}
    for g in attrs:
        if g.source and _is_pronoun(text, g.source):
            before = [s for start, s in named if start < g.source[0][0]]
            if before:
                out[id(g)] = before[-1]
    return out


def _speaker_right(text: str, analysis: Analysis, q: Quote, g: GoldAttribution,
                   antecedent: list[tuple[int, int]] | None) -> tuple[bool, bool]:
    m = q.speaker_mention
    if m is None:
        return False, False
    strict = any(_inter((m.start, m.end), s) > 0 for s in g.source)
    if strict:
        return True, True
    if q.speaker is not None:
        for a, b in g.source:
            actor = analysis.actor_at(a, b)
            if actor is not None and actor.id == q.speaker:
                return False, True
    if antecedent is not None:
        if any(_inter((m.start, m.end), s) > 0 for s in antecedent):
            return False, True
        last = " ".join(text[a:b] for a, b in antecedent).split()
        mine = text[m.start:m.end].split()
        if last and mine and last[-1].strip(",.’'s").lower() == mine[-1].strip(",.’'s").lower():
            return False, True
    return False, False


def _empty_report(path: str) -> PolnearReport:
    rep = PolnearReport(path=path)
    for view in VIEWS:
        rep.content[view] = {"overlap": Counts(), "exact": Counts()}
        rep.source[view] = {"overlap": Counts(), "exact": Counts()}
        rep.speaker[view] = Accuracy()
    return rep


def _merge_into(total: PolnearReport, part: PolnearReport) -> None:
    for view in VIEWS:
        for name in ("overlap", "exact"):
            total.content[view][name].add(part.content[view][name])
            total.source[view][name].add(part.source[view][name])
        total.speaker[view].add(part.speaker[view])


# ---------------------------------------------------------------------------------------------
# running the pipeline
# ---------------------------------------------------------------------------------------------


def _steps(config: dict[str, Any], notes: list[str], quotes: str | None = None
           ) -> tuple[list[Any], str | None, str]:
    """The configured actors step (when it can be loaded) and the quotes step.

    Ingest is skipped on purpose: PolNeAR offsets are into the raw text, which cleaning may change.
    Returns (steps, actors component name or None, quotes component name).
    """
    from ..pipeline import get_component

    steps = []
    actors_name: str | None = config["components"]["actors"]
    try:
        steps.append(get_component(actors_name))
    except (ImportError, NewsgraphError) as exc:  # the actors component is optional for span scores
        notes.append(f"actors component unavailable ({type(exc).__name__}: {exc}); speakers are mentions only")
        actors_name = None
    quotes_name = quotes or config["components"]["quotes"]
    try:
        steps.append(get_component(quotes_name))
    except (ImportError, NewsgraphError):
        if quotes_name != "quotes.rules":
            raise
        from ..quotes import quotes_rules  # the registry could not load every built-in yet

        steps.append(quotes_rules)
    return steps, actors_name, quotes_name


def analyse(articles: list[GoldArticle], *, n_process: int = 1, batch_size: int = 16,
            config: dict[str, Any] | None = None, notes: list[str] | None = None, quotes: str | None = None
            ) -> Iterator[tuple[GoldArticle, Analysis]]:
    """Parse the articles with ``nlp.pipe`` and run the actors and quotes components."""
    from .. import config as _config
    from ..pipeline import Context

    cfg = config or _config.load()
    ctx = Context(cfg)
    steps, _, _ = _steps(cfg, notes if notes is not None else [], quotes)
    docs = ctx.nlp.pipe((a.text for a in articles), batch_size=batch_size, n_process=n_process)
    for art, doc in zip(articles, docs, strict=True):
        analysis = Analysis(article=Article(id=art.name, text=art.text, published=art.published, source=art.name),
                            doc=doc)
        for fn in steps:
            analysis = fn(analysis, ctx)
        yield art, analysis


def evaluate_polnear(path: str | Path, *, limit: int | None = None, n_process: int = 1,
                     config: dict[str, Any] | None = None, quotes: str | None = None, show: int = 0,
                     split: str | None = None) -> PolnearReport:
    """Run the pipeline's actors and quotes components over PolNeAR and score them.

    ``split`` is ``tune``, ``check`` or ``None``/``all`` (see :mod:`newsgraph.evaluate.splits`);
    ``quotes`` names the quotes component to score (default: the configured one); ``show`` keeps up
    to that many missed speech-view contents and unmatched system quotes in the report, and is
    refused unless ``split`` is ``tune``.
    """
    from .. import config as _config
    from .splits import check_refusal

    if show and split != "tune":
        raise EvalError(check_refusal("listing PolNeAR misses"), hint="add --split tune")
    t0 = time.perf_counter()
    articles = load_polnear(path, limit=limit, split=split)
    cfg = config or _config.load()
    report = _empty_report(str(path))
    report.split = split or "all"
    _, report.actors, report.quotes = _steps(cfg, report.notes, quotes)
    for art, analysis in analyse(articles, n_process=n_process, config=cfg, notes=[], quotes=quotes):
        _merge_into(report, score_article(art, analysis, SPEECH_CUES))
        if show:
            collect_errors(art, analysis, SPEECH_CUES, report, show)
        report.articles += 1
        report.system_quotes += len(analysis.quotes)
        for q in analysis.quotes:
            report.system_kinds[q.kind] = report.system_kinds.get(q.kind, 0) + 1
    report.seconds = time.perf_counter() - t0
    return report


def format_report(report: PolnearReport) -> str:
    """A printed table of the figures."""
    lines = [f"PolNeAR {report.path} ({report.split}): {report.articles} articles, {report.system_quotes} system quotes "
             f"({', '.join(f'{k} {v}' for k, v in sorted(report.system_kinds.items()))}), "
             f"{report.seconds:.0f} s; components {report.quotes} with actors {report.actors or 'off'}",
             "",
             f"{'view':<8}{'span':<10}{'match':<9}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'system':>8}"]
    for view in VIEWS:
        for kind, table in (("content", report.content), ("source", report.source)):
            for name in ("overlap", "exact"):
                c = table[view][name]
                label = f">={THRESHOLD}" if name == "overlap" else "exact"
                lines.append(f"{view:<8}{kind:<10}{label:<9}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}"
                             f"{c.gold_total:7d}{c.sys_total:8d}")
    lines.append("")
    lines.append(f"{'view':<8}{'speaker accuracy on matched quotes':<38}{'strict':>8}{'resolved':>10}{'n':>7}")
    for view in VIEWS:
        a = report.speaker[view]
        s = a.strict / a.total if a.total else 0.0
        r = a.resolved / a.total if a.total else 0.0
        lines.append(f"{view:<8}{'':<38}{s:8.3f}{r:10.3f}{a.total:7d}")
    lines.extend(f"note: {n}" for n in report.notes)
    if report.missed:
        lines += ["", f"speech-view gold contents no system quote matched (first {len(report.missed)}):"]
        lines += [f"  [{m['article']}] cue {m['cue']!r} source {m['source']!r}: {m['text']!r}\n      ...{m['context']}..."
                  for m in report.missed]
    if report.unmatched:
        lines += ["", f"system quotes that matched no gold content (first {len(report.unmatched)}):"]
        lines += [f"  [{m['article']}] {m['rule']} cue {m['cue']!r}: {m['text']!r}\n      ...{m['context']}..."
                  for m in report.unmatched]
    return "\n".join(lines)


__all__ = ["SPEECH_CUES", "THRESHOLD", "VIEWS", "GoldArticle", "GoldAttribution", "PolnearReport", "analyse",
           "collect_errors", "evaluate_polnear", "exact_match", "format_report", "load_polnear", "overlap_match", "parse_ann",
           "score_article"]
