"""The fact base as immutable values. No I/O here: the loader builds these, everything else reads them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import ClassVar, Literal

SCHEMA_VERSION = 1

STATUSES: dict[str, str] = {
    "confirmed": "done, or stated as fact by the source",
    "reported": "attributed by the source to a named third party",
    "expected": "scheduled or said to be on the agenda",
    "likely": "described by the source as likely",
    "possible": "described by the source as something that may happen",
    "proposed": "offered or suggested by one side, not agreed",
}
CATEGORIES = (
    "person",
    "organisation",
    "country",
    "weapon-system",
    "agreement",
    "project",
    "event",
    "place",
)
SOURCE_KINDS = ("news-report", "official-statement", "interview", "dataset")
UNITS = ("USD", "percent", "MW", "people", "squadrons", "years", "days")
QUALIFIERS = ("exact", "approximately", "at-least", "over", "target", "total")
KINDS = ("fact", "figure", "quote", "entity", "event", "topic", "source")
# The order in which kinds are listed when nothing else decides: what a thing is before what is said of it.
KIND_ORDER = {"entity": 0, "topic": 1, "fact": 2, "figure": 3, "quote": 4, "event": 5, "source": 6}

Precision = Literal["year", "month", "day"]


@dataclass(frozen=True)
class Origin:
    """Where a record was defined, so that every later complaint can point at it."""

    file: str
    line: int


@dataclass(frozen=True)
class SourceRef:
    source_id: str
    paragraph: int


@dataclass(frozen=True)
class DateSpec:
    """A date as precise as the source allows: a year, a month, a day, or a range of days."""

    text: str
    precision: Precision
    start: str
    end: str | None = None
    label: str | None = None

    @property
    def sort_key(self) -> str:
        return self.start


@dataclass(frozen=True)
class Source:
    kind: ClassVar[str] = "source"
    id: str
    title: str
    publisher: str | None
    published: str
    source_kind: str
    note: str | None
    origin: Origin


@dataclass(frozen=True)
class Topic:
    kind: ClassVar[str] = "topic"
    id: str
    title: str
    description: str
    aliases: tuple[str, ...]
    origin: Origin


@dataclass(frozen=True)
class Entity:
    kind: ClassVar[str] = "entity"
    id: str
    name: str
    category: str
    description: str
    aliases: tuple[str, ...]
    topics: tuple[str, ...]
    source: SourceRef
    origin: Origin


@dataclass(frozen=True)
class Fact:
    kind: ClassVar[str] = "fact"
    id: str
    statement: str
    status: str
    topics: tuple[str, ...]
    entities: tuple[str, ...]
    date: DateSpec | None
    source: SourceRef
    origin: Origin


@dataclass(frozen=True)
class Figure:
    kind: ClassVar[str] = "figure"
    id: str
    value: float
    unit: str
    display: str
    qualifier: str
    measures: str
    period: str | None
    status: str
    date: DateSpec | None
    topics: tuple[str, ...]
    entities: tuple[str, ...]
    source: SourceRef
    origin: Origin


@dataclass(frozen=True)
class Speaker:
    """Who said a quote: an entity (id set) or an unnamed speaker such as "officials" (id None)."""

    id: str | None
    name: str
    description: str | None = None


@dataclass(frozen=True)
class Quote:
    kind: ClassVar[str] = "quote"
    id: str
    text: str
    speaker: Speaker
    context: str
    fragment: bool
    topics: tuple[str, ...]
    about: tuple[str, ...]  # entities the quote speaks of, besides its speaker
    source: SourceRef
    origin: Origin

    @property
    def entities(self) -> tuple[str, ...]:
        speaker = (self.speaker.id,) if self.speaker.id else ()
        return (*speaker, *(e for e in self.about if e != self.speaker.id))


@dataclass(frozen=True)
class Event:
    kind: ClassVar[str] = "event"
    id: str
    title: str
    date: DateSpec
    status: str
    topics: tuple[str, ...]
    entities: tuple[str, ...]
    source: SourceRef
    origin: Origin


Record = Source | Topic | Entity | Fact | Figure | Quote | Event
RECORD_TYPES = (Source, Topic, Entity, Fact, Figure, Quote, Event)
Claim = Fact | Figure | Quote | Event


@dataclass(frozen=True)
class FactBase:
    """The whole validated fact base. `fingerprint` identifies its content for citation and caching."""

    sources: tuple[Source, ...]
    topics: tuple[Topic, ...]
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]
    figures: tuple[Figure, ...]
    quotes: tuple[Quote, ...]
    events: tuple[Event, ...]
    fingerprint: str
    schema_version: int = SCHEMA_VERSION
    _by_id: dict[str, Record] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {r.id: r for r in self.records()})

    def __reduce__(self) -> tuple[type[FactBase], tuple[object, ...]]:
        # Pickled through the constructor, which rebuilds the index by id: the cache can then be written
        # without pickle's memo, where each record would otherwise be stored twice.
        sections = (self.sources, self.topics, self.entities, self.facts, self.figures, self.quotes, self.events)
        return (FactBase, (*sections, self.fingerprint, self.schema_version))

    @property
    def by_id(self) -> Mapping[str, Record]:
        """Every record by id, read-only."""
        return MappingProxyType(self._by_id)

    def records(self) -> tuple[Record, ...]:
        return (
            *self.sources,
            *self.topics,
            *self.entities,
            *self.facts,
            *self.figures,
            *self.quotes,
            *self.events,
        )

    def claims(self) -> tuple[Claim, ...]:
        return (*self.facts, *self.figures, *self.quotes, *self.events)

    def source_of(self, record: Record) -> Source | None:
        ref = getattr(record, "source", None)
        if ref is None:
            return None
        found = self.by_id.get(ref.source_id)
        return found if isinstance(found, Source) else None
