"""Query filters: typed and validated in one place for the CLI, the Python API and the REST API.

Every face hands the filters it was given (by name, as given) to :func:`validate`, which returns
:class:`newsgraph.store.Filters` or raises a coded error; nothing is silently ignored:

- a filter the query does not take (``plovr``, or ``plover`` on articles) is NG110, naming the
  nearest filter it does take;
- an unknown PLOVER type or CAMEO code is NG110 and an unknown country NG502, naming the nearest
  valid value (``ACUSE`` -> ``ACCUSE``; a country name such as ``Russia`` is read as ``RUS``);
- a date that is no date is NG109; ``from`` after ``to`` (an empty range) is NG110;
- kinds, quad classes, confidences, limits and offsets are checked against their ranges.

``limit=None`` (or ``0``) means every matching row: no face truncates unless asked to.

:class:`Result` runs a validated query lazily: count it, stream it row by row (exports never hold the
whole result in memory), or take it as a list, a pandas DataFrame or an Arrow table.
"""

from __future__ import annotations

import calendar
import csv
import difflib
import io
import json
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import IO, TYPE_CHECKING, Any

from .errors import BadArgument, BadDate, ConfigError, KBError, UnknownCountry

if TYPE_CHECKING:
    from .store import Filters, Store

TARGETS = ("articles", "actors", "quotes", "events")
EXPORT_FORMATS = ("csv", "json", "jsonl")


def nearest(value: str, choices: list[str] | tuple[str, ...], n: int = 1) -> list[str]:
    """The valid values closest to ``value`` (case-insensitive), best first."""
    by_key = {c.lower(): c for c in choices}
    return [by_key[m] for m in difflib.get_close_matches(value.lower(), list(by_key), n=n, cutoff=0.5)]


def _did_you_mean(value: str, choices: list[str] | tuple[str, ...]) -> str:
    near = nearest(value, choices)
    return f"did you mean {near[0]!r}? " if near else ""


# ---------------------------------------------------------------------------------------------
# value parsers (each raises a coded error naming the nearest valid value)
# ---------------------------------------------------------------------------------------------

def _text(name: str, max_len: int = 200) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        text = str(value).strip()
        if not text:
            raise BadArgument(f"{name} is empty", hint=f"give a value for {name}, or leave the filter out")
        if len(text) > max_len:
            raise BadArgument(f"{name} is {len(text)} characters long (at most {max_len})")
        return text
    return parse


def _plover(value: Any) -> str:
    from .events.codebook import PLOVER_EVENTS

    text = str(value).strip().upper()
    if text in PLOVER_EVENTS:
        return text
    raise BadArgument(f"unknown PLOVER event type {value!r}",
                      hint=_did_you_mean(text, PLOVER_EVENTS) + f"the types are {', '.join(PLOVER_EVENTS)}")


def _cameo(value: Any) -> str:
    from .events.codebook import load_codebook

    text = str(value).strip()
    codes = [c.code for c in load_codebook().rows()]
    if not re.fullmatch(r"\d{2,4}", text):
        raise BadArgument(f"CAMEO code {value!r} is not 2 to 4 digits",
                          hint="give a code or its prefix, e.g. 11 (disapprove) or 112 (accuse); see docs/glossary.md")
    if any(c.startswith(text) for c in codes):
        return text
    near = nearest(text, codes) or [c for c in codes if c.startswith(text[:2])][:1]
    raise BadArgument(f"unknown CAMEO code {text!r}",
                      hint=(f"did you mean {near[0]!r}? " if near else "")
                      + "CAMEO codes run from 01 to 20 with up to 4 digits; see docs/glossary.md")


def _country(value: Any) -> str:
    """An ISO3 code (any case) or a country name the knowledge base knows -> ISO3."""
    text = str(value).strip()
    if not text:
        raise BadArgument("country is empty", hint="give an ISO3 code such as RUS")
    from .kb import get_kb

    try:
        kb = get_kb()
    except KBError:  # without a usable knowledge base a three-letter code is taken as given
        if re.fullmatch(r"[A-Za-z]{3}", text):
            return text.upper()
        raise
    if text.upper() in kb.countries:
        return text.upper()
    iso3 = kb.resolve_country(text)
    if iso3:
        return iso3
    codes = sorted(kb.countries)
    names = {c.name: c.id for c in kb.countries.values()}
    if len(text) <= 4 and text.isalpha():  # a typo in a code: the same letters in another order first (RSU -> RUS)
        near = [c for c in codes if sorted(c) == sorted(text.upper())] or nearest(text.upper(), codes)
    else:
        near = []
    near = near or [names[n] for n in nearest(text, list(names))]
    hint = (f"did you mean {near[0]} ({kb.countries[near[0]].name})? " if near else "")
    raise UnknownCountry(f"unknown country {value!r}", hint=hint + "use an ISO 3166 alpha-3 code such as RUS, or a name")


def _choice(name: str, choices: tuple[str, ...]) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        text = str(value).strip().lower()
        if text in choices:
            return text
        raise BadArgument(f"unknown {name} {value!r}",
                          hint=_did_you_mean(text, choices) + f"{name} is one of {', '.join(choices)}")
    return parse


def _kinds(target: str) -> tuple[str, ...]:
    from .model import ACTOR_KINDS, QUOTE_KINDS

    return ACTOR_KINDS if target == "actors" else QUOTE_KINDS


def _quad(value: Any) -> str:
    from .model import QUADS

    text = str(value).strip().lower().replace("_", " ").replace("-", " ")
    return _choice("quad class", QUADS)(text)


def _confidence(value: Any) -> float:
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise BadArgument(f"min_confidence {value!r} is not a number", hint="give a number from 0 to 1") from None
    if not 0 <= x <= 1:
        raise BadArgument(f"min_confidence must be between 0 and 1, not {value}", hint="e.g. 0.6")
    return x


def _count(name: str) -> Callable[[Any], int]:
    def parse(value: Any) -> int:
        try:
            n = int(value)
        except (TypeError, ValueError):
            raise BadArgument(f"{name} {value!r} is not a whole number") from None
        if n < 0:
            raise BadArgument(f"{name} must be 0 or more, not {n}", hint="limit 0 means every row")
        return n
    return parse


_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def query_date(value: Any, what: str, *, end: bool = False) -> str:
    """A filter date: YYYY-MM-DD (or any form :func:`parse_date` reads), YYYY-MM or YYYY. A month or
    year stands for its first day in ``from`` and its last day in ``to`` (``end``; a period that
    has not ended yet ends today). Dates before 1900 or in the future are NG109."""
    from .ingest.clean import parse_date

    text = str(value).strip()
    y = mo = None
    if m := _YEAR.match(text):
        y = int(m.group(1))
    elif (m := _MONTH.match(text)) and 1 <= int(m.group(2)) <= 12:
        y, mo = int(m.group(1)), int(m.group(2))
    if y is None:
        try:
            return parse_date(text, what=what) or ""
        except BadDate as exc:
            raise BadDate(f"the {what} {value!r}: {exc.message}" if "not a date" not in exc.message else
                          f"the {what} {value!r} is not a date newsgraph can read",
                          hint="write it as YYYY-MM-DD (or YYYY-MM, YYYY), e.g. 2022-05-17") from None
    first = date(y, mo or 1, 1)
    last = date(y, mo or 12, calendar.monthrange(y, mo or 12)[1])
    if first.year < 1900:
        raise BadDate(f"the {what} {text} is before 1900", hint="check the year")
    if first > date.today():
        raise BadDate(f"the {what} {text} is in the future", hint="check the year")
    return (min(last, date.today()) if end else first).isoformat()


# ---------------------------------------------------------------------------------------------
# the filters each query takes
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Spec:
    """One filter: its name in :class:`Filters`, the queries that take it, what it means, its parser."""

    name: str
    targets: tuple[str, ...]
    help: str
    parse: Callable[[Any], Any] | None = None  # None: parsed by validate() itself (dates, kind)


_ALL = TARGETS
SPECS: dict[str, Spec] = {s.name: s for s in (
    Spec("actor", _ALL, "actor id, code or name (RUS, vladimir-putin, Putin, CSTO); quotes: the speaker; "
                        "events: source or target", _text("actor")),
    Spec("source", ("events",), "who acts: actor id, code or name", _text("source")),
    Spec("target", ("events",), "who is acted upon: actor id, code or name", _text("target")),
    Spec("about", ("quotes",), "quotes that mention this actor inside them", _text("about")),
    Spec("country", _ALL, "ISO 3166 alpha-3 country code (or a country name), e.g. RUS", _country),
    Spec("plover", ("events",), "PLOVER event type, e.g. ACCUSE (docs/glossary.md)", _plover),
    Spec("cameo", ("events",), "CAMEO code or prefix, e.g. 11 or 112 (docs/glossary.md)", _cameo),
    Spec("quad", ("events",), "quad class: verbal cooperation, material cooperation, verbal conflict, "
                              "material conflict", _quad),
    Spec("place", ("events",), "place id or name", _text("place")),
    Spec("kind", ("actors", "quotes"), "actors: person, country, organization, bloc, group; quotes: direct, "
                                       "partial, indirect"),
    Spec("date_from", _ALL, "from date YYYY-MM-DD (or YYYY-MM, YYYY), inclusive"),
    Spec("date_to", _ALL, "to date YYYY-MM-DD (or YYYY-MM, YYYY), inclusive"),
    Spec("q", _ALL, "text search (case-insensitive substring)", _text("search", 500)),
    Spec("article", _ALL, "one article id", _text("article", 500)),
    Spec("min_confidence", ("quotes", "events"), "keep those at least this confident (0-1); 0.6 leaves out "
                                                 "noun-phrase quotes (rule 'object', 0.5)", _confidence),
    Spec("limit", _ALL, "rows to return (0 or none: every row)", _count("limit")),
    Spec("offset", _ALL, "rows to skip", _count("offset")),
)}

#: other names the faces use for a filter (CLI options, API parameters, Python keywords)
ALIASES = {"from": "date_from", "to": "date_to", "search": "q", "type": "plover", "speaker": "actor"}


def filters_of(target: str) -> tuple[str, ...]:
    """The filter names ``target`` takes, in :data:`SPECS` order."""
    _check_target(target)
    return tuple(n for n, s in SPECS.items() if target in s.targets)


def _check_target(target: str) -> None:
    if target not in TARGETS:
        raise BadArgument(f"unknown query {target!r}",
                          hint=_did_you_mean(target, TARGETS) + f"queries are {', '.join(TARGETS)}")


def validate(target: str, given: Mapping[str, Any] | None = None, **more: Any) -> Filters:
    """``given`` filters (by name or alias; None and empty values are left out) as checked :class:`Filters`.

    Raises :class:`~newsgraph.errors.BadArgument` (NG110), :class:`~newsgraph.errors.BadDate` (NG109)
    or :class:`~newsgraph.errors.UnknownCountry` (NG502) naming the nearest valid name or value."""
    from .store import Filters

    _check_target(target)
    allowed = filters_of(target)
    values: dict[str, Any] = {}
    for raw_name, value in {**(given or {}), **more}.items():
        if value is None:
            continue
        name = ALIASES.get(raw_name, raw_name)
        if name not in SPECS:
            known = [*allowed, *(a for a, n in ALIASES.items() if n in allowed)]
            raise BadArgument(f"unknown filter {raw_name!r} for {target}",
                              hint=_did_you_mean(raw_name, known) + f"{target} take {', '.join(allowed)}")
        if name not in allowed:
            takers = [t for t in TARGETS if t in SPECS[name].targets]
            raise BadArgument(f"{target} take no {name!r} filter (only {', '.join(takers)} do)",
                              hint=_did_you_mean(raw_name, allowed) + f"{target} take {', '.join(allowed)}")
        if isinstance(value, str) and not value.strip():
            continue  # an empty value (a cleared form field, ?q=) is no filter
        spec = SPECS[name]
        if name in ("date_from", "date_to"):
            values[name] = query_date(value, name.replace("date_", "") + " date", end=name == "date_to")
        elif name == "kind":
            values[name] = _choice(f"{target[:-1]} kind", _kinds(target))(value)
        else:
            assert spec.parse is not None
            values[name] = spec.parse(value)
    if values.get("date_from") and values.get("date_to") and values["date_from"] > values["date_to"]:
        raise BadArgument(f"the range from {values['date_from']} to {values['date_to']} is empty",
                          hint="the from date must not be after the to date; swap them?")
    if values.get("limit") == 0:
        values["limit"] = None
    return Filters(**values)


# ---------------------------------------------------------------------------------------------
# results
# ---------------------------------------------------------------------------------------------

def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return ",".join(map(str, value))
    return value


class Result:
    """A validated query over a store, run lazily.

    ``len(result)`` / :meth:`count` counts every match (limit and offset applied); iterating
    streams dicts a chunk at a time; :meth:`rows`, :meth:`df` and :meth:`arrow` take it whole;
    :meth:`write` streams it as CSV, JSON or JSONL and returns the number of rows written."""

    def __init__(self, store: Store, target: str, filters: Filters):
        self.store = store
        self.target = target
        self.filters = filters
        self.written = 0  # rows written by the last chunks() / write()

    def _sql(self, *, paged: bool = True) -> tuple[str, list[Any]]:
        return self.store.select(self.target, self.filters, paged=paged)

    def total(self) -> int:
        """Every match, whatever ``limit`` and ``offset`` say."""
        sql, params = self._sql(paged=False)
        return int(self.store.execute(f"SELECT count(*) FROM ({sql})", params)[0][0])

    def count(self) -> int:
        """The rows this result holds (``limit`` and ``offset`` applied)."""
        n = max(0, self.total() - (self.filters.offset or 0))
        return n if self.filters.limit is None else min(n, self.filters.limit)

    __len__ = count

    def columns(self) -> list[str]:
        sql, params = self._sql()
        return self.store.columns(f"SELECT * FROM ({sql}) LIMIT 0", params)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        sql, params = self._sql()
        cols, rows = self.store.stream_rows(sql, params)  # the names from the same execution
        for row in rows:
            yield dict(zip(cols, row, strict=True))

    def rows(self) -> list[dict[str, Any]]:
        return list(self)

    def arrow(self) -> Any:
        """The result as a ``pyarrow.Table``."""
        sql, params = self._sql()
        return self.store.arrow(sql, params)

    def df(self) -> Any:
        """The result as a ``pandas.DataFrame`` (needs pandas: ``pip install 'newsgraph[notebook]'``)."""
        try:
            import pandas  # noqa: F401
        except ModuleNotFoundError as exc:
            raise ConfigError("DataFrames need pandas, which is not installed",
                              hint="pip install 'newsgraph[notebook]' (or pandas), or use .arrow()") from exc
        return self.arrow().to_pandas()

    def chunks(self, fmt: str, size: int = 65536) -> Iterator[str]:
        """Every row as ``csv``, ``json`` (one array) or ``jsonl`` text, in pieces of about ``size``
        characters (streamed: one piece in memory at a time); :attr:`written` counts the rows."""
        if fmt not in EXPORT_FORMATS:
            raise BadArgument(f"unknown format {fmt!r}", hint=_did_you_mean(fmt, EXPORT_FORMATS)
                              + f"formats are {', '.join(EXPORT_FORMATS)}")
        buf = io.StringIO()
        self.written = 0
        w = csv.writer(buf, lineterminator="\n")
        if fmt == "csv":
            w.writerow(self.columns())
        elif fmt == "json":
            buf.write("[")
        for row in self:
            if fmt == "csv":
                w.writerow([_cell(v) for v in row.values()])
            else:
                line = json.dumps(row, ensure_ascii=False, default=str)
                buf.write(line + "\n" if fmt == "jsonl" else ("\n  " if self.written == 0 else ",\n  ") + line)
            self.written += 1
            if buf.tell() >= size:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        if fmt == "json":
            buf.write("\n]\n" if self.written else "]\n")
        yield buf.getvalue()

    def write(self, fmt: str, out: IO[str] | None = None) -> int:
        """Stream every row to ``out`` (default standard output) as ``csv``, ``json`` (one array) or
        ``jsonl``; the number of rows written."""
        out = out or sys.stdout
        for piece in self.chunks(fmt):
            out.write(piece)
        return self.written

    def to_string(self, fmt: str) -> str:
        buf = io.StringIO()
        self.write(fmt, buf)
        return buf.getvalue()


class Corpus:
    """A store opened for queries (read-only by default): what :func:`newsgraph.connect` returns.

    Each query method takes filters as keywords (checked by :func:`validate`) and returns a lazy
    :class:`Result`; use it in a ``with`` block, or :meth:`close` it."""

    def __init__(self, db: str, *, read_only: bool = True):
        from .store import Store

        self.store = Store(db, read_only=read_only)

    def articles(self, **filters: Any) -> Result:
        return run(self.store, "articles", filters)

    def actors(self, **filters: Any) -> Result:
        return run(self.store, "actors", filters)

    def quotes(self, **filters: Any) -> Result:
        return run(self.store, "quotes", filters)

    def events(self, **filters: Any) -> Result:
        return run(self.store, "events", filters)

    def stats(self) -> dict[str, int]:
        """Rows per table."""
        return self.store.stats()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def run(store: Store, target: str, given: Mapping[str, Any] | None = None, **more: Any) -> Result:
    """Validate ``given`` filters for ``target`` and return the (lazy) :class:`Result`."""
    return Result(store, target, validate(target, given, **more))


__all__ = ["ALIASES", "EXPORT_FORMATS", "SPECS", "TARGETS", "Corpus", "Result", "Spec", "filters_of", "nearest", "query_date",
           "run", "validate"]
