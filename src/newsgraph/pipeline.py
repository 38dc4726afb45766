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
from .errors import ComponentError, ConfigError, NewsgraphError
from .model import Analysis, Article, RawDocument

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
    """Register ``fn`` as the component ``name`` (e.g. ``"actors.kb"``)."""

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
        from .nlp import load_model

        return load_model(self.config["nlp"]["model"], bool(self.config["nlp"]["fast_tagging"]))

    @cached_property
    def kb(self) -> Any:
        from .kb import get_kb

        return get_kb()


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

    def to_dict(self) -> dict[str, Any]:
        return {"article": {"id": self.id, "source": self.source},
                "error": {"code": self.code, "message": self.message}}


@dataclass
class Skipped:
    """A batch item left out because the store already holds it (same id or same content)."""

    source: str | None
    id: str


KnownFn = Callable[[list[str]], set[str]]


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
        self.ctx = Context(self.config)

    @property
    def names(self) -> list[str]:
        return [name for _, name, _ in self.steps]

    def new_analysis(self, raw: RawDocument) -> Analysis:
        article = Article(id=raw.id or "", text=raw.text, title=raw.title, url=raw.url,
                          published=raw.published, author=raw.author, source=raw.source)
        return Analysis(article=article, scratch={"raw": raw},
                        meta={"pipeline": self.names, "model": self.config["nlp"]["model"]})

    def run_steps(self, analysis: Analysis, steps: Iterable[tuple[str, str, ComponentFn]]) -> Analysis:
        """Run ``steps`` and finish the analysis (component scratch state is dropped)."""
        analysis = self.run_steps_keep(analysis, steps)
        analysis.scratch.clear()
        return analysis

    def __call__(self, raw: RawDocument | str, **meta: Any) -> Analysis:
        if isinstance(raw, str):
            raw = RawDocument(text=raw, **meta)
        return self.run_steps(self.new_analysis(raw), self.steps)

    def pipe(self, raws: Iterable[RawDocument | Failure], batch_size: int | None = None,
             known: KnownFn | None = None) -> Iterator[Analysis | Failure | Skipped]:
        """Analyse many documents, running spaCy in batches, in input order.

        Bad items come back as :class:`Failure`. With ``known`` (ids and content hashes in, the
        stored ones out) articles already stored come back as :class:`Skipped` before any parsing.
        """
        size = batch_size or int(self.config["nlp"]["batch_size"])
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
        nlp_index = next((i for i, (step, _, _) in enumerate(self.steps) if step == "nlp"), None)
        pre = self.steps[: nlp_index] if nlp_index is not None else self.steps
        post = self.steps[nlp_index + 1:] if nlp_index is not None else []
        staged: list[Analysis | Failure] = []
        for raw in batch:
            if isinstance(raw, Failure):
                staged.append(raw)
                continue
            try:
                staged.append(self.run_steps_keep(self.new_analysis(raw), pre))
            except NewsgraphError as exc:
                staged.append(Failure(raw.source, raw.id, exc.code, exc.one_line()))
        if known is not None:
            keys = [k for a in staged if isinstance(a, Analysis) for k in (a.article.id, a.article.content_hash)]
            stored = known(keys) if keys else set()
            staged = [Skipped(a.article.source, a.article.id)
                      if isinstance(a, Analysis) and {a.article.id, a.article.content_hash} & stored else a
                      for a in staged]
        if nlp_index is not None:
            todo = [a for a in staged if isinstance(a, Analysis)]
            from .nlp import pipe_docs

            name = self.steps[nlp_index][1]
            try:
                for a, doc in zip(todo, pipe_docs(self.ctx, [a.article.text for a in todo]), strict=True):
                    a.doc = doc
            except Exception as exc:  # boundary: spaCy failing on a batch fails its articles, each as NG300
                err = ComponentError(name, exc)
                staged = [Failure(a.article.source, a.article.id, err.code, err.one_line())
                          if isinstance(a, Analysis) else a for a in staged]
        for a in staged:
            if isinstance(a, Failure | Skipped):
                yield a
                continue
            try:
                yield self.run_steps(a, post)
            except NewsgraphError as exc:
                yield Failure(a.article.source, a.article.id, exc.code, exc.one_line())

    def run_steps_keep(self, analysis: Analysis, steps: Iterable[tuple[str, str, ComponentFn]]) -> Analysis:
        """Run steps without clearing scratch (for a batch that continues later)."""
        for _step, name, fn in steps:
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
