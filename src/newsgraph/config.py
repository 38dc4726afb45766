"""Configuration: one commented defaults file, then a user file, environment, and overrides.

Precedence, lowest first: ``defaults.toml`` shipped in the package; a TOML file named by
``NEWSGRAPH_CONFIG`` or passed to :func:`load`; environment variables
``NEWSGRAPH_<SECTION>_<KEY>``; values given to :func:`set` / :func:`override` / :func:`load`.

Every key has a declared type and range (:mod:`newsgraph.config_schema`). A wrong type or value is
a :class:`~newsgraph.errors.ConfigError` (NG200) naming the key, the value, where it came from and
what is expected; an unknown section or key is refused with the nearest known one. Values from a
file or from Python are checked strictly (``one_sided = "false"`` is text, not a boolean, and is
refused); environment values are text and are parsed (``NEWSGRAPH_EVENTS_ONE_SIDED=false``).
"""

from __future__ import annotations

import contextlib
import copy
import difflib
import json
import os
import tomllib
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, get_args

from pydantic import TypeAdapter, ValidationError

from .config_schema import SECTIONS, Settings
from .errors import ConfigError

Config = dict[str, dict[str, Any]]
Origins = dict[tuple[str, str], str]

_overrides: list[Config] = []


@cache
def _defaults_raw() -> Config:
    text = resources.files("newsgraph").joinpath("defaults.toml").read_text("utf-8")
    return tomllib.loads(text)


def defaults() -> Config:
    """The shipped defaults, validated (a copy: changing it changes nothing)."""
    return _validate(copy.deepcopy(_defaults_raw()), {})


def _nearest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.5)
    return f"did you mean {close[0]!r}? " if close else ""


def _merge(base: Config, extra: Mapping[str, Any], origin: str, origins: Origins) -> Config:
    out = copy.deepcopy(base)
    for section, values in extra.items():
        if section not in out:
            raise ConfigError(f"unknown config section [{section}] ({origin})",
                              hint=f"{_nearest(section, sorted(out))}known sections: {', '.join(sorted(out))}")
        if not isinstance(values, Mapping):
            raise ConfigError(f"config section [{section}] ({origin}) must be a table, not {type(values).__name__}",
                              hint="write it as [section] with key = value lines")
        open_keys = SECTIONS[section].model_config.get("extra") == "allow"
        for key, value in values.items():
            if key not in out[section] and not open_keys:
                raise ConfigError(f"unknown config key {section}.{key} ({origin})",
                                  hint=f"{_nearest(key, sorted(out[section]))}"
                                       f"known keys in [{section}]: {', '.join(sorted(out[section]))}")
            out[section][key] = value
            origins[(section, key)] = origin
    return out


def expected(section: str, key: str) -> str:
    """What a key takes, in words, from its declared type and bounds."""
    model = SECTIONS.get(section)
    field = model.model_fields.get(key) if model else None
    if field is None:
        return "a registered component name" if section == "components" else "a valid value"
    ann = field.annotation
    bounds = {}
    for m in field.metadata:
        for attr in ("ge", "gt", "le", "lt", "min_length"):
            if getattr(m, attr, None) is not None:
                bounds[attr] = getattr(m, attr)
    words = {bool: "true or false (a TOML boolean, no quotes)", int: "a whole number", float: "a number",
             str: "text (in quotes)"}.get(ann)
    if words is None:
        inner = get_args(ann)
        words = f"a list of {'text' if inner and inner[0] is not int else 'values'} values" if inner else "a value"
    limits = ", ".join(f"{'>=' if k == 'ge' else '>' if k == 'gt' else '<=' if k == 'le' else '<' if k == 'lt' else 'at least'}"
                       f" {v}" for k, v in bounds.items())
    return f"{words}{' ' + limits if limits else ''}"


def _validate(cfg: Config, origins: Origins) -> Config:
    try:
        return Settings.model_validate(cfg, strict=True).model_dump()
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = [str(x) for x in err["loc"]]
        section, key = [*loc, "", ""][:2]
        where = origins.get((section, key), "defaults.toml")
        name = ".".join(loc[:2]) if key else section
        value = err.get("input")
        shown = repr(value) if not isinstance(value, dict) else "(table)"
        raise ConfigError(f"config key {name} = {shown} ({where}) is not valid: {err['msg']}",
                          hint=f"expected {expected(section, key)}") from None


def _parse_env(raw: str, section: str, key: str, name: str) -> Any:
    """An environment value as the key's declared type (lenient: environment values are text)."""
    model = SECTIONS[section]
    field = model.model_fields.get(key)
    ann = field.annotation if field is not None else str
    text = raw.strip()
    try:
        if get_args(ann) or ann is list:  # a list: JSON, or comma-separated words
            value: Any = json.loads(text) if text.startswith("[") else [x.strip() for x in text.split(",") if x.strip()]
            return TypeAdapter(ann).validate_python(value)
        return TypeAdapter(ann).validate_strings(raw if ann is str else text)
    except (ValidationError, ValueError) as exc:
        msg = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
        raise ConfigError(f"environment variable {name}={raw!r} is not valid for {section}.{key}: {msg}",
                          hint=f"expected {expected(section, key)}") from None


def _from_env(base: Config) -> Config:
    extra: dict[str, dict[str, Any]] = {}
    for section, values in base.items():
        for key in values:
            name = f"NEWSGRAPH_{section}_{key}".upper()
            if name in os.environ:
                extra.setdefault(section, {})[key] = _parse_env(os.environ[name], section, key, name)
    return extra


def _read_file(p: Path) -> Config:
    if not p.is_file():
        raise ConfigError(f"config file {p} does not exist", hint="give the path of a TOML file")
    try:
        return tomllib.loads(p.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {p} is not valid TOML: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"config file {p} is not UTF-8 text: {exc}") from exc


def load(path: str | Path | None = None, **sections: Mapping[str, Any]) -> Config:
    """The effective configuration, validated against the schema."""
    origins: Origins = {}
    cfg = copy.deepcopy(_defaults_raw())
    file = path or os.environ.get("NEWSGRAPH_CONFIG")
    if file:
        cfg = _merge(cfg, _read_file(Path(file)), f"from {file}", origins)
    cfg = _merge(cfg, _from_env(cfg), "from the environment", origins)
    for extra in _overrides:
        cfg = _merge(cfg, extra, "from config.set", origins)
    if sections:
        cfg = _merge(cfg, sections, "given to config.load", origins)
    return _validate(cfg, origins)


class set:  # named like dask.config.set, on purpose
    """Set configuration values for this process: ``config.set(events={"one_sided": True})``.

    Checked at once (a wrong type or an unknown key raises :class:`ConfigError` here, not later).
    Used as a context manager, the values apply inside the block only::

        with config.set(nlp={"model": "en_core_web_lg"}):
            ...
    """

    def __init__(self, **sections: Mapping[str, Any]) -> None:
        origins: Origins = {}
        _validate(_merge(copy.deepcopy(_defaults_raw()), sections, "given to config.set", origins), origins)
        self._sections: Config = {k: dict(v) for k, v in sections.items()}
        _overrides.append(self._sections)

    def __enter__(self) -> set:
        return self

    def __exit__(self, *exc: object) -> None:
        self.reset()

    def reset(self) -> None:
        """Take these values back."""
        for i in range(len(_overrides) - 1, -1, -1):
            if _overrides[i] is self._sections:
                del _overrides[i]
                break


@contextlib.contextmanager
def override(**sections: Mapping[str, Any]) -> Iterator[None]:
    """Temporarily override configuration values: ``with override(nlp={"model": "en_core_web_lg"})``."""
    with set(**sections):
        yield


__all__ = ["Config", "defaults", "expected", "load", "override", "set"]
