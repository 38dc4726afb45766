"""Value types the KB returns. Frozen dataclasses: cheap, hashable, printable."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Country:
    """A current state or territory."""

    id: str  # ISO 3166 alpha-3
    iso2: str
    name: str
    official: str
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    capitals: tuple[str, ...] = ()
    seats: tuple[dict[str, Any], ...] = ()
    ambiguous: tuple[str, ...] = ()
    un_member: bool = False
    independent: bool = False
    lat: float | None = None
    lon: float | None = None
    capital_lat: float | None = None
    capital_lon: float | None = None
    region: str = ""
    gec: str = ""
    gw: int | None = None

    @property
    def code(self) -> str:
        return self.id

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Entity:
    """Any actor the KB knows: person, country, organization or bloc."""

    id: str
    kind: str  # person | country | organization | bloc
    name: str
    country: str | None = None
    code: str | None = None
    aliases: tuple[str, ...] = ()
    acronym: str | None = None
    start: str | None = None
    end: str | None = None
    note: str = ""
    sources: tuple[str, ...] = field(default=(), compare=False)
    gender: str | None = None  # people: "m"/"f" where the leader lists record it

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Holding:
    """A person holding an office of a country or organisation over [start, end) (end exclusive)."""

    person_id: str
    name: str
    office: str  # head_of_state, head_of_government, foreign_minister, secretary_general, leader, ...
    title: str  # the literal title, e.g. "President", "Premier", "Secretary General"
    of: str  # ISO3 or organisation id
    start: str | None
    end: str | None
    source: str
    note: str = ""
    ref: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Membership:
    """A state's membership status in an organisation over [start, end) (end exclusive).

    ``start`` is None when the source only attests the membership from ``attested_from``.
    """

    member: str
    org: str
    status: str  # member | joining | observer | partner | suspended | invited
    start: str | None
    end: str | None
    source: str
    note: str = ""
    ref: str = ""
    attested_from: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Phrase:
    """One surface form for a phrase matcher."""

    text: str
    kb_id: str
    kind: str
    attr: str  # name | alias | acronym | adjective | demonym | capital | seat | surname | full_name
    code: str | None = None
    ambiguous: bool = False


__all__ = ["Country", "Entity", "Holding", "Membership", "Phrase"]
