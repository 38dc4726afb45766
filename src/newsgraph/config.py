"""Configuration: one commented defaults file, then a user file, environment, and overrides.

Precedence, lowest first: ``defaults.toml`` shipped in the package; a TOML file named by
``NEWSGRAPH_CONFIG`` or passed to :func:`load`; environment variables
``NEWSGRAPH_<SECTION>_<KEY>``; values given to :func:`load` / :func:`override`.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import tomllib
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError

Config = dict[str, dict[str, Any]]

_overrides: list[Config] = []


@cache
def defaults() -> Config:
    text = resources.files("newsgraph").joinpath("defaults.toml").read_text("utf-8")
    return tomllib.loads(text)


def _merge(base: Config, extra: Mapping[str, Any]) -> Config:
    out = copy.deepcopy(base)
    for section, values in extra.items():
        if not isinstance(values, Mapping):
            raise ConfigError(f"config section [{section}] must be a table, not {type(values).__name__}",
                              hint="write it as [section] with key = value lines")
        if section not in out:
            raise ConfigError(f"unknown config section [{section}]",
                              hint=f"known sections: {', '.join(sorted(out))}")
        for key, value in values.items():
            if key not in out[section]:
                raise ConfigError(f"unknown config key {section}.{key}",
                                  hint=f"known keys in [{section}]: {', '.join(sorted(out[section]))}")
            out[section][key] = value
    return out


def _coerce(raw: str, like: Any) -> Any:
    if isinstance(like, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(like, int):
        return int(raw)
    if isinstance(like, float):
        return float(raw)
    if isinstance(like, list):
        return json.loads(raw) if raw.strip().startswith("[") else [x for x in raw.split(",") if x]
    return raw


def _from_env(base: Config) -> Config:
    extra: dict[str, dict[str, Any]] = {}
    for section, values in base.items():
        for key, like in values.items():
            name = f"NEWSGRAPH_{section}_{key}".upper()
            if name in os.environ:
                try:
                    extra.setdefault(section, {})[key] = _coerce(os.environ[name], like)
                except ValueError as exc:
                    raise ConfigError(f"environment variable {name}={os.environ[name]!r} is not valid: {exc}",
                                      hint=f"give a value like {like!r}") from exc
    return extra


def load(path: str | Path | None = None, **sections: Mapping[str, Any]) -> Config:
    """The effective configuration."""
    cfg = defaults()
    file = path or os.environ.get("NEWSGRAPH_CONFIG")
    if file:
        p = Path(file)
        if not p.is_file():
            raise ConfigError(f"config file {p} does not exist", hint="give the path of a TOML file")
        try:
            cfg = _merge(cfg, tomllib.loads(p.read_text("utf-8")))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file {p} is not valid TOML: {exc}") from exc
    cfg = _merge(cfg, _from_env(cfg))
    for extra in _overrides:
        cfg = _merge(cfg, extra)
    if sections:
        cfg = _merge(cfg, sections)
    return cfg


@contextlib.contextmanager
def override(**sections: Mapping[str, Any]) -> Iterator[None]:
    """Temporarily override configuration values: ``with override(nlp={"model": "en_core_web_lg"})``."""
    _merge(defaults(), sections)  # validate now
    _overrides.append(dict(sections))
    try:
        yield
    finally:
        _overrides.pop()


__all__ = ["Config", "defaults", "load", "override"]
