"""The declared type and range of every configuration key (values and comments: ``defaults.toml``).

One pydantic model per ``[section]``; extra keys are refused. Values from a TOML file and from
``config.set``/``override`` are checked **strictly** (``one_sided = "false"`` is a string, not a
boolean, and is refused); values from environment variables are text by nature and are parsed
leniently (``NEWSGRAPH_EVENTS_ONE_SIDED=false`` is false; ``=maybe`` is refused). A test checks
that this schema and ``defaults.toml`` name exactly the same keys.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

PosInt = Annotated[int, Field(ge=1)]
Share = Annotated[float, Field(ge=0.0, le=1.0)]
Text = Annotated[str, Field(min_length=1)]


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Nlp(Section):
    model: Text
    batch_size: Annotated[int, Field(ge=1, le=10_000)]
    fast_tagging: bool
    matmul: Literal["numpy", "blis"]


STEPS = ("ingest", "nlp", "actors", "places", "quotes", "events", "relations")


class PipelineSection(Section):
    order: Annotated[list[Text], Field(min_length=1)]

    @field_validator("order")
    @classmethod
    def _no_repeats(cls, v: list[str]) -> list[str]:
        if len(set(v)) != len(v):
            raise ValueError("a step is listed twice")
        return v


class Components(Section):
    # step -> registered component name; a custom step may add its own key (listed in [pipeline] order)
    model_config = ConfigDict(extra="allow", validate_assignment=True)
    ingest: Text
    nlp: Text
    actors: Text
    places: Text
    quotes: Text
    events: Text
    relations: Text

    @model_validator(mode="after")
    def _extra_are_names(self) -> Components:
        for key, value in (self.model_extra or {}).items():
            if not isinstance(value, str) or not value:
                raise ValueError(f"component for step {key!r} must be a registered component name (text)")
        return self


class Input(Section):
    max_mb: Annotated[float, Field(gt=0, le=1024)]
    extensions: Annotated[list[Text], Field(min_length=1)]
    max_seconds: Annotated[float, Field(ge=0, le=86_400)]  # 0: no time budget

    @field_validator("extensions")
    @classmethod
    def _dotted(cls, v: list[str]) -> list[str]:
        bad = [x for x in v if not x.startswith(".")]
        if bad:
            raise ValueError(f"extensions start with a dot ('.txt'), not {bad}")
        return v


class Kb(Section):
    extra_aliases: str  # path of a TSV of "form<TAB>kb id", or "" for none


class Quotes(Section):
    object_contents: bool
    unquoted_objects: bool


class Events(Section):
    one_sided: bool
    keep_negated: bool
    infer_sides: bool
    extra_verbs: str  # path of a TSV of verb patterns, or "" for none
    detector: bool  # the learned event detector beside the rules
    detector_path: str  # its artefact, or "" for the shipped one


class Store(Section):
    db: Text


class Ingest(Section):
    workers: Annotated[int, Field(ge=0, le=512)]


class Api(Section):
    host: Text
    port: Annotated[int, Field(ge=1, le=65_535)]
    max_body: PosInt
    max_page: Annotated[int, Field(ge=1, le=1_000_000)]
    ingest_token: str
    max_analyze_kb: Annotated[int, Field(ge=1, le=1_048_576)]
    analyze_workers: Annotated[int, Field(ge=1, le=64)]
    analyze_seconds: Annotated[float, Field(gt=0, le=86_400)]
    analyze_nice: Annotated[int, Field(ge=0, le=19)]


class Scale(Section):
    shard_size: Annotated[int, Field(ge=1, le=100_000)]
    in_flight_per_worker: Annotated[int, Field(ge=1, le=1_000)]
    spool_dir: str
    dask_shared_spool: bool


class Parallel(Section):
    start_method: Literal["auto", "fork", "spawn"]
    max_worker_mb: Annotated[int, Field(ge=0, le=1_048_576)]  # 0: no bound


class Analytics(Section):
    dup_threshold: Share
    dup_bands: Annotated[int, Field(ge=1, le=128)]
    dedupe_on_ingest: bool
    cluster_days: Annotated[int, Field(ge=0, le=3_650)]
    cluster_jaccard: Share
    cluster_on_ingest: bool
    story_days: Annotated[int, Field(ge=0, le=30)]
    story_link: Annotated[float, Field(gt=0.0, le=1.0)]
    story_cohesion: Share
    story_lead_chars: Annotated[int, Field(ge=1, le=1_000_000)]
    story_title_weight: Annotated[float, Field(gt=0.0, le=100.0)]
    story_max_df: Annotated[float, Field(gt=0.0, le=1.0)]
    stories_on_ingest: bool

    @field_validator("dup_bands")
    @classmethod
    def _divides_128(cls, v: int) -> int:
        if 128 % v:
            raise ValueError("must divide 128 (1, 2, 4, 8, 16, 32, 64 or 128)")
        return v


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    nlp: Nlp
    pipeline: PipelineSection
    components: Components
    input: Input
    kb: Kb
    quotes: Quotes
    events: Events
    store: Store
    ingest: Ingest
    api: Api
    scale: Scale
    parallel: Parallel
    analytics: Analytics

    @model_validator(mode="after")
    def _steps_have_components(self) -> Settings:
        known = set(self.components.model_dump())
        missing = [s for s in self.pipeline.order if s not in known]
        if missing:
            raise ValueError(f"pipeline.order names steps with no entry in [components]: {missing}")
        return self


SECTIONS: dict[str, type[Section]] = {name: f.annotation for name, f in Settings.model_fields.items()}  # type: ignore[misc]

__all__ = ["SECTIONS", "STEPS", "Settings"]
