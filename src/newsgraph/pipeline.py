"""The component registry and the runner.

A component is a callable ``fn(analysis, ctx) -> analysis`` registered under a name with
:func:`component`. ``[pipeline] order`` in the config lists the steps; ``[components]`` maps
each step to a registered name, so swapping an implementation is one line of config. The
runner names the component that failed. :func:`analyse_raw` is the pure per-article function
that runs unchanged in one process, a process pool or on a Dask cluster.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from importlib.metadata import entry_points
from typing import Any

from . import config as _config
from . import limits
from .errors import ComponentError, ConfigError, NewsgraphError
from .limits import Deadline
from .model import Analysis, Article, RawDocument, scrub

ComponentFn = Callable[[Analysis, "Context"], Analysis]

_REGISTRY: dict[str, ComponentFn] = {}

# modules holding the built-in components; imported on first use, never at package import
_BUILTIN_MODULES = (
    "newsgraph.ingest.clean",
    "newsgraph.baseline",
    "newsgraph.actors",
    "newsgraph.places",
    "newsgraph.quotes",
    "newsgraph.events",
    "newsgraph.relations",
)
_loaded_builtins = False


def component(name: str) -> Callable[[ComponentFn], ComponentFn]:
    """Register ``fn`` as the component ``name`` (e.g. ``"actors.kb"``).

    A component may carry ``fn.prepare(config)``: the pipeline calls it when it is built, so what the
    component needs (a model artefact) fails at start-up with its coded error, not at the first article."""

    def deco(fn: ComponentFn) -> ComponentFn:
        _REGISTRY[name] = fn
        return fn

    return deco


def _load_builtins() -> None:
    global _loaded_builtins
    if _loaded_builtins:
        return
    for mod in _BUILTIN_MODULES:
        try:
            importlib.import_module(mod)
        except ModuleNotFoundError as exc:  # a component module not written yet
            if exc.name != mod:
                raise
    for ep in entry_points(group="newsgraph.components"):
        ep.load()
    _loaded_builtins = True


def registered() -> dict[str, ComponentFn]:
    """All registered components by name."""
    _load_builtins()
    return dict(_REGISTRY)


def get_component(name: str) -> ComponentFn:
    _load_builtins()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ConfigError(f"no component registered as '{name}'",
                          hint=f"registered: {', '.join(sorted(_REGISTRY))}") from None


@dataclass
class Context:
    """What components share besides the analysis: configuration and lazily loaded resources."""

    config: dict[str, dict[str, Any]]

    @cached_property
    def nlp(self) -> Any:
        from .nlp import configured_model

        return configured_model(self.config)

    @cached_property
    def kb(self) -> Any:
        from .kb import get_kb

        return get_kb(aliases=self.config.get("kb", {}).get("extra_aliases") or None)


@component("nlp.spacy")
def nlp_component(analysis: Analysis, ctx: Context) -> Analysis:
    """The ``nlp`` step: parse the article with the configured spaCy pipeline (:mod:`newsgraph.nlp`).

    Registered here, beside the runner that batches this step through ``nlp.pipe``, so that
    :mod:`newsgraph.nlp` does not import the pipeline that imports it."""
    if analysis.doc is None:
        analysis.doc = ctx.nlp(analysis.article.text)
    return analysis


@dataclass
class Failure:
    """A batch item that could not be analysed, with its reason."""

    source: str | None
    id: str | None
    code: str
    message: str

    def __post_init__(self) -> None:  # text that cannot be written as UTF-8 never reaches a store or a terminal
        self.source, self.id, self.message = scrub(self.source), scrub(self.id), scrub(self.message) or ""

    def to_dict(self) -> dict[str, Any]:
        return {"article": {"id": self.id, "source": self.source},
                "error": {"code": self.code, "message": self.message}}


@dataclass
class Skipped:
    """A batch item left out because the store already holds it (same id or same content)."""

    source: str | None
    id: str


KnownFn = Callable[[list[str]], set[str]]

WARM_TEXT = "Officials from two neighbouring states met in the capital on Monday and agreed to talk again."


@dataclass
class Pipeline:
    config: dict[str, dict[str, Any]] = field(default_factory=_config.load)

    def __post_init__(self) -> None:
        order = self.config["pipeline"]["order"]
        names = self.config["components"]
        missing = [step for step in order if step not in names]
        if missing:
            raise ConfigError(f"pipeline steps without a component: {', '.join(missing)}",
                              hint="add them under [components] in the config")
        self.steps: list[tuple[str, str, ComponentFn]] = [
            (step, names[step], get_component(names[step])) for step in order
        ]
        for _, _, fn in self.steps:  # what a component must load is checked now, not at the first article
            prepare = getattr(fn, "prepare", None)
            if prepare is not None:
                prepare(self.config)
        self.ctx = Context(self.config)
        self._warmed = False

    @property
    def names(self) -> list[str]:
        return [name for _, name, _ in self.steps]

    def new_analysis(self, raw: RawDocument) -> Analysis:
        article = Article(id=raw.id or "", text=raw.text, title=raw.title, url=raw.url,
                          published=raw.published, author=raw.author, source=raw.source)
        return Analysis(article=article, scratch={"raw": raw}, warnings=list(raw.warnings),
                        meta={"pipeline": self.names, "model": self.config["nlp"]["model"]})

    # ---- the parts of the pipeline: before the parse, the parse, after it ------------------------
    @cached_property
    def _nlp_index(self) -> int | None:
        return next((i for i, (step, _, _) in enumerate(self.steps) if step == "nlp"), None)

    @property
    def pre_steps(self) -> list[tuple[str, str, ComponentFn]]:
        """The steps before the parse (cleaning: the article's text, id and content hash)."""
        return self.steps[: self._nlp_index] if self._nlp_index is not None else list(self.steps)

    @property
    def post_steps(self) -> list[tuple[str, str, ComponentFn]]:
        return self.steps[self._nlp_index + 1:] if self._nlp_index is not None else []

    def deadline(self, item: str | None = None) -> Deadline:
        """A fresh time budget of ``[input] max_seconds`` for one article (:mod:`newsgraph.limits`)."""
        seconds = self.config.get("input", {}).get("max_seconds")
        if seconds is None:
            seconds = _config.defaults()["input"]["max_seconds"]
        return Deadline(float(seconds), item)

    def run_steps(self, analysis: Analysis, steps: Iterable[tuple[str, str, ComponentFn]]) -> Analysis:
        """Run ``steps`` and finish the analysis (component scratch state is dropped)."""
        analysis = self.run_steps_keep(analysis, steps)
        analysis.scratch.clear()
        return analysis

    def warm(self) -> None:
        """Load what the components load on first use (the spaCy model, the knowledge base, the
        gazetteer) by analysing a made-up sentence, outside any time budget: the first article's
        budget is then its own work, not the loading. Once per pipeline; a failure is left for the
        first real article to report."""
        if self._warmed:
            return
        self._warmed = True
        try:
            self.run_steps(self.new_analysis(RawDocument(text=WARM_TEXT)), self.steps)
        except Exception:  # boundary: warming up must not fail a run; the first article says what is wrong
            pass

    def __call__(self, raw: RawDocument | str, **meta: Any) -> Analysis:
        """Analyse one article within its time budget; a long text is analysed in sections."""
        if isinstance(raw, str):
            raw = RawDocument(text=raw, **meta)
        self.warm()
        with limits.running(self.deadline(raw.source or raw.id)):
            analysis = self.run_steps_keep(self.new_analysis(raw), self.pre_steps)
            analysis = self._after_cleaning(analysis)
        analysis.scratch.clear()
        return analysis

    def _after_cleaning(self, analysis: Analysis, doc: Any = None) -> Analysis:
        """The parse (unless ``doc`` is given) and every step after it; sections for a long text."""
        if self._nlp_index is None:
            return analysis
        from .sections import needs_sections

        if needs_sections(analysis.article.text):
            return self._sectioned(analysis)
        if doc is None:
            return self.run_steps_keep(analysis, [self.steps[self._nlp_index], *self.post_steps])
        analysis.doc = doc
        return self.run_steps_keep(analysis, self.post_steps)

    def _sectioned(self, analysis: Analysis) -> Analysis:
        """Parse and analyse a long text a section at a time (:mod:`newsgraph.sections`), checking the
        time budget before each section, and merge the sections' analyses into one."""
        from .sections import merge, section_article, section_bounds

        article = analysis.article
        steps = [self.steps[self._nlp_index], *self.post_steps]  # type: ignore[index]
        parts: list[tuple[int, Analysis]] = []
        bounds = section_bounds(article.text)
        for k, (start, end) in enumerate(bounds):
            limits.check(f"at section {k + 1} of {len(bounds)}")
            part = Analysis(article=section_article(article, start, end), scratch=dict(analysis.scratch),
                            warnings=list(analysis.warnings) if k == 0 else [], meta=dict(analysis.meta))
            part.scratch.pop("_mention_index", None)
            part = self.run_steps_keep(part, steps)
            part.doc = None  # the section's Doc is not needed any more: memory stays flat
            part.scratch.clear()
            parts.append((start, part))
        return merge(article, parts)

    def pipe(self, raws: Iterable[RawDocument | Failure], batch_size: int | None = None,
             known: KnownFn | None = None) -> Iterator[Analysis | Failure | Skipped]:
        """Analyse many documents, running spaCy in batches, in input order.

        Bad items come back as :class:`Failure`. With ``known`` (ids and content hashes in, the
        stored ones out) articles already stored come back as :class:`Skipped` before any parsing.
        """
        size = batch_size or int(self.config["nlp"]["batch_size"])
        self.warm()
        batch: list[RawDocument | Failure] = []
        for raw in raws:
            batch.append(raw)
            if len(batch) >= size:
                yield from self._pipe_batch(batch, known)
                batch = []
        if batch:
            yield from self._pipe_batch(batch, known)

    def _pipe_batch(self, batch: list[RawDocument | Failure], known: KnownFn | None = None
                    ) -> Iterator[Analysis | Failure | Skipped]:
        """One spaCy batch: clean every item, drop the stored ones, parse the short texts together
        (``nlp.pipe``), then run the later steps article by article. Each article is on its own: a
        failure, in any step or in the batch's parse, fails that article alone (a parse that fails
        for the batch is redone text by text), and its time budget counts its own cleaning and
        components (and parse, for a long text analysed in sections), not its neighbours'."""
        from .sections import needs_sections

        staged: list[Analysis | Failure | Skipped] = []
        budgets: dict[int, float | None] = {}
        for raw in batch:
            if isinstance(raw, Failure):
                staged.append(raw)
                continue
            deadline = self.deadline(raw.source or raw.id)
            try:
                with limits.running(deadline):
                    a = self.run_steps_keep(self.new_analysis(raw), self.pre_steps)
            except NewsgraphError as exc:
                staged.append(Failure(raw.source, raw.id, exc.code, exc.one_line()))
                continue
            budgets[id(a)] = deadline.left()  # what is left after cleaning, for its own later steps
            staged.append(a)
        if known is not None:
            keys = [k for a in staged if isinstance(a, Analysis) for k in (a.article.id, a.article.content_hash)]
            stored = known(keys) if keys else set()
            staged = [Skipped(a.article.source, a.article.id)
                      if isinstance(a, Analysis) and {a.article.id, a.article.content_hash} & stored else a
                      for a in staged]
        docs: dict[int, Any] = {}
        if self._nlp_index is not None:
            short = [a for a in staged if isinstance(a, Analysis) and not needs_sections(a.article.text)]
            docs = self._parse(short)
        for a in staged:
            if isinstance(a, Failure | Skipped):
                yield a
                continue
            left = budgets.get(id(a))
            deadline = Deadline(max(left, 1e-3) if left is not None else None, a.article.source or a.article.id)
            try:
                with limits.running(deadline):
                    parsed = docs.pop(id(a), None)
                    if isinstance(parsed, NewsgraphError):
                        raise parsed
                    a = self._after_cleaning(a, parsed)
                a.scratch.clear()
                yield a
            except NewsgraphError as exc:
                yield Failure(a.article.source, a.article.id, exc.code, exc.one_line())

    def _parse(self, todo: list[Analysis]) -> dict[int, Any]:
        """``id(analysis) -> Doc`` (or the error that parsing it alone raised) for short texts, parsed
        together with ``nlp.pipe``; when the batch's parse fails, every text is parsed alone so that
        only the text spaCy cannot parse fails."""
        if not todo:
            return {}
        from .nlp import pipe_docs

        name = self.steps[self._nlp_index][1]  # type: ignore[index]
        try:
            return {id(a): doc for a, doc in zip(todo, pipe_docs(self.ctx, [a.article.text for a in todo]),
                                                 strict=True)}
        except Exception:  # boundary: retried text by text below; only the text that fails alone fails
            pass
        out: dict[int, Any] = {}
        for a in todo:
            try:
                out[id(a)] = self.ctx.nlp(a.article.text)
            except Exception as exc:  # boundary: spaCy failing on one text fails that article, as NG300
                out[id(a)] = ComponentError(name, exc, item=a.article.source or a.article.id)
        return out

    def run_steps_keep(self, analysis: Analysis, steps: Iterable[tuple[str, str, ComponentFn]]) -> Analysis:
        """Run steps without clearing scratch (for a batch that continues later)."""
        for _step, name, fn in steps:
            limits.check(f"before {name}")
            try:
                analysis = fn(analysis, self.ctx)
            except NewsgraphError:
                raise
            except Exception as exc:  # boundary: one article never sinks a batch; NG300 names the component
                raise ComponentError(name, exc, item=analysis.article.source or analysis.article.id) from exc
        return analysis


_PIPELINES: dict[str, Pipeline] = {}


def get_pipeline(config: dict[str, dict[str, Any]] | None = None) -> Pipeline:
    """A pipeline per distinct configuration, cached for the life of the process (one model load)."""
    cfg = config or _config.load()
    key = json.dumps(cfg, sort_keys=True, default=str)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(cfg)
    return _PIPELINES[key]


def analyse_raw(raw: RawDocument, config: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """The pure per-article function: a raw document in, the JSON document (or an error record) out."""
    try:
        return get_pipeline(config)(raw).to_dict()
    except NewsgraphError as exc:
        return Failure(raw.source, raw.id, exc.code, exc.one_line()).to_dict()


__all__ = ["Context", "Failure", "Pipeline", "Skipped", "analyse_raw", "component", "get_component", "get_pipeline",
           "registered"]
