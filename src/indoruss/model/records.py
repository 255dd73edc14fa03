"""The fact base as immutable values, and the one registry of the kinds of record.

No I/O here: the loader builds these, everything else reads them. Every list of kinds elsewhere (loader
sections, export order, display order, the cache's allowed classes, command choices) is derived from
`REGISTRY`, so a new kind is a dataclass and one entry here, plus its loader reader and the views that show it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, FrozenInstanceError, dataclass, fields
from types import MappingProxyType
from typing import ClassVar, Literal, NamedTuple, TypeVar, dataclass_transform

SCHEMA_VERSION = 2
# What a fact base of an older schema is told: what changed, so its author knows what to migrate.
SCHEMA_CHANGES = {
    1: "schema 2 separates who makes a claim (the new `attribution` field) from how firm it is (`status`, "
    "which no longer has `reported`), and gives sources `url` or `document`, `language` and a new set of kinds",
}

# How firm a claim is, as whoever makes it puts it. Who makes it is `attribution`, a separate field.
STATUSES: dict[str, str] = {
    "confirmed": "done, or stated as fact by whoever makes the claim",
    "expected": "scheduled, planned, on the agenda, or a target",
    "likely": "described as likely",
    "possible": "described as something that may happen",
    "proposed": "offered or suggested by one side, not agreed",
}
# A claim with one of these statuses looks ahead: it is an expectation, and gets exactly one outcome.
FORWARD_STATUSES = ("expected", "likely", "possible", "proposed")
# Who makes a claim when the source does not name them.
UNNAMED_CLAIMANTS: dict[str, str] = {
    "officials": "unnamed officials",
    "indian-officials": "unnamed Indian officials",
    "russian-officials": "unnamed Russian officials",
    "observers": "observers",
    "analysts": "analysts",
    "industry-sources": "unnamed industry sources",
    "media-reports": "media reports",
    "unnamed-sources": "unnamed sources",
}
VERDICTS: dict[str, str] = {
    "happened": "the later sources report it happened",
    "partly": "part of it happened, or it happened in a lesser form",
    "did-not-happen": "the later sources report it did not happen",
    "not-reported": "nothing found in the sources",
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
SOURCE_KINDS: dict[str, str] = {
    "official-text": "an official statement, transcript or text, or a mirror of one",
    "wire": "wire-agency copy, or a page republishing it",
    "news-report": "a news report",
    "interview": "the report of an interview",
    "analysis": "analysis, explainer or opinion",
    "aggregator": "an aggregator or low-reliability site",
    "dataset": "a published data set",
}
UNITS = ("USD", "percent", "MW", "people", "squadrons", "years", "days", "barrels-per-day")
QUALIFIERS = ("exact", "approximately", "at-least", "over", "target", "total")
NOT_STATED = "not stated"

Precision = Literal["year", "month", "day"]


class Origin(NamedTuple):
    """Where a record was defined, so that every later complaint can point at it."""

    file: str
    line: int


class SourceRef(NamedTuple):
    source_id: str
    paragraph: int | None = None  # only a document has numbered paragraphs; a web page has none


class Attribution(NamedTuple):
    """Who makes a claim: a named entity (id set) or an unnamed claimant such as "officials" (id None)."""

    id: str | None
    name: str


class DateSpec(NamedTuple):
    """A date as precise as the source allows: a year, a month, a day, or a range of days."""

    text: str
    precision: Precision
    start: str
    end: str | None = None
    label: str | None = None

    @property
    def sort_key(self) -> str:
        return self.start


class Speaker(NamedTuple):
    """Who said a quote: an entity (id set) or an unnamed speaker such as "officials" (id None)."""

    id: str | None
    name: str
    description: str | None = None


# Every method a dataclass generates is compiled when this module is imported, on every start, and a warm
# start builds no record (they come from the cache). So records are dataclasses that generate nothing: they
# share one __eq__, __hash__, __repr__ and frozen __setattr__ (below), and each kind's __init__ is compiled
# the first time one is built, by dataclasses' own code generator applied to a throwaway copy of the class.
_T = TypeVar("_T")


@dataclass_transform(frozen_default=True, kw_only_default=True)
def _record_base(cls: type[_T]) -> type[_T]:
    """A dataclass that generates nothing: the bases, which are never built."""
    return dataclass(kw_only=True, init=False, repr=False, eq=False)(cls)


@dataclass_transform(frozen_default=True, kw_only_default=True)
def _record(cls: type[_T]) -> type[_T]:
    """A kind of record: a base-style dataclass whose __init__ is compiled on first use."""
    made = _record_base(cls)
    setattr(made, "__init__", _first_init)  # noqa: B010 - mypy rejects assigning to a method
    return made


def _first_init(self: BaseRecord, **values: object) -> None:
    """Compile this kind's real __init__, put it in place of this one, and run it."""
    cls = type(self)
    namespace = {"__annotations__": {f.name: f.type for f in fields(cls)}}
    namespace.update({f.name: f.default for f in fields(cls) if f.default is not MISSING})
    template: type = dataclass(frozen=True, kw_only=True, repr=False, eq=False)(type(cls.__name__, (), namespace))
    init = vars(template)["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    setattr(cls, "__init__", init)  # noqa: B010
    init(self, **values)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


@_record_base
class BaseRecord:
    """What every record has: an id, its kind and where it was defined."""

    kind: ClassVar[str]
    id: str
    origin: Origin

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _values(self) -> tuple[object, ...]:
        names = _FIELD_NAMES.get(type(self))
        if names is None:
            names = _FIELD_NAMES[type(self)] = tuple(f.name for f in fields(self))
        return tuple(getattr(self, name) for name in names)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        names = _FIELD_NAMES.get(type(self)) or tuple(f.name for f in fields(self))
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{type(self).__name__}({shown})"

    @property
    def label(self) -> str:
        """The record in one line: its name, title, statement, figure or quote."""
        raise NotImplementedError


@_record
class Source(BaseRecord):
    """A report, page or official text that records cite: where it was published, when, by whom."""

    kind: ClassVar[str] = "source"
    title: str
    publisher: str | None
    published: str
    source_kind: str
    note: str | None
    url: str | None = None  # a web page
    document: str | None = None  # a text file, such as the preview, with numbered paragraphs
    language: str = "en"
    via: str | None = None  # the outlet whose copy this page republishes, or the author of an official text

    @property
    def label(self) -> str:
        return self.title

    @property
    def publisher_shown(self) -> str:
        """The publisher, or a note that the source does not name one: what a citation prints."""
        return self.publisher or f"publisher {NOT_STATED}"


@_record
class Topic(BaseRecord):
    """A subject of the visit (trade, defence, oil...) that records are filed under."""

    kind: ClassVar[str] = "topic"
    title: str
    description: str
    aliases: tuple[str, ...]

    @property
    def label(self) -> str:
        return self.title


@_record
class Entity(BaseRecord):
    """A person, organisation, country, weapon system, agreement, project, event or place."""

    kind: ClassVar[str] = "entity"
    name: str
    category: str
    description: str
    aliases: tuple[str, ...]
    topics: tuple[str, ...]
    source: SourceRef

    @property
    def label(self) -> str:
        return self.name


@_record_base
class Claim(BaseRecord):
    """What a source says: a fact, figure, quote or event, with what it is about and where it is said."""

    topics: tuple[str, ...]
    entities: tuple[str, ...]  # for a quote: its speaker (when named) first, then what it speaks of
    sources: tuple[SourceRef, ...]  # the first is the main one
    date: DateSpec | None = None
    status: str | None = None  # None only for a quote: that it was said is its status
    attribution: Attribution | None = None  # None: the source says it in its own voice
    qualifies: tuple[str, ...] = ()  # earlier claims this one corrects or qualifies

    @property
    def source(self) -> SourceRef:
        return self.sources[0]

    @property
    def looks_ahead(self) -> bool:
        return self.status in FORWARD_STATUSES


@_record
class Fact(Claim):
    """A statement a source makes, with how firm it is."""

    kind: ClassVar[str] = "fact"
    statement: str
    status: str

    @property
    def label(self) -> str:
        return self.statement


@_record
class Figure(Claim):
    """A number a source gives, as written and as a value with its unit."""

    kind: ClassVar[str] = "figure"
    value: float
    unit: str
    display: str
    qualifier: str
    measures: str
    period: str | None
    status: str

    @property
    def label(self) -> str:
        return f"{self.display}: {self.measures}"


@_record
class Quote(Claim):
    """Words a speaker said, verbatim, with their context."""

    kind: ClassVar[str] = "quote"
    text: str
    speaker: Speaker
    context: str
    fragment: bool
    about: tuple[str, ...]  # entities the quote speaks of, besides its speaker, as written

    @property
    def label(self) -> str:
        return f"{self.speaker.name}: \u201c{self.shown_text}\u201d"

    @property
    def shown_text(self) -> str:
        """The words as a reader should see them: a fragment (a few words from inside a sentence) marked as
        one, so it is never taken for a whole sentence."""
        return f"\u2026{self.text}\u2026" if self.fragment else self.text


@_record
class Event(Claim):
    """Something that happened or is to happen on a date."""

    kind: ClassVar[str] = "event"
    title: str
    date: DateSpec
    status: str

    @property
    def label(self) -> str:
        return self.title


@_record
class Outcome(BaseRecord):
    """What came of one expectation: a verdict, as of a date, with the later claims that support it."""

    kind: ClassVar[str] = "outcome"
    expectation: str
    verdict: str
    as_of: DateSpec
    summary: str
    evidence: tuple[str, ...]
    topics: tuple[str, ...]  # the expectation's, so an outcome is found and filed with it
    entities: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.verdict}: {self.summary}"


@_record
class Conflict(BaseRecord):
    """Sources that disagree: each source's claim is its own record, grouped here under the question."""

    kind: ClassVar[str] = "conflict"
    question: str
    claims: tuple[str, ...]
    topics: tuple[str, ...]
    note: str | None

    @property
    def label(self) -> str:
        return self.question


Record = Source | Topic | Entity | Fact | Figure | Quote | Event | Outcome | Conflict
R = TypeVar("R", bound=BaseRecord)


class Kind:
    """One kind of record: its name, its YAML section, its class, and its place in listings.

    A plain class, not a dataclass: it is built once, at import, where every generated method costs start-up.
    """

    __slots__ = ("cls", "display_order", "name", "section")

    def __init__(self, name: str, section: str, cls: type[BaseRecord], display_order: int) -> None:
        self.name = name
        self.section = section
        self.cls = cls
        self.display_order = display_order  # what a thing is before what is said of it

    def __repr__(self) -> str:
        return f"Kind({self.name!r})"


# In file and export order: sources first, since everything cites them.
REGISTRY: tuple[Kind, ...] = (
    Kind("source", "sources", Source, 8),
    Kind("topic", "topics", Topic, 1),
    Kind("entity", "entities", Entity, 0),
    Kind("fact", "facts", Fact, 2),
    Kind("figure", "figures", Figure, 3),
    Kind("quote", "quotes", Quote, 4),
    Kind("event", "events", Event, 5),
    Kind("outcome", "outcomes", Outcome, 6),
    Kind("conflict", "conflicts", Conflict, 7),
)
KIND_BY_NAME: Mapping[str, Kind] = MappingProxyType({k.name: k for k in REGISTRY})
KIND_BY_SECTION: Mapping[str, Kind] = MappingProxyType({k.section: k for k in REGISTRY})
KINDS = tuple(sorted((k.name for k in REGISTRY), key=lambda name: KIND_BY_NAME[name].display_order))
KIND_ORDER: Mapping[str, int] = MappingProxyType({k.name: k.display_order for k in REGISTRY})
RECORD_TYPES: tuple[type[BaseRecord], ...] = tuple(k.cls for k in REGISTRY)
CLAIM_KINDS = tuple(k.name for k in REGISTRY if issubclass(k.cls, Claim))
# Every class a fact base is built from: what the cache may rebuild, and nothing else.
VALUE_TYPES: tuple[type, ...] = (*RECORD_TYPES, Origin, SourceRef, DateSpec, Speaker, Attribution)


class FactBase:
    """The whole validated fact base. `fingerprint` identifies its content for citation and caching.

    `sections` holds each kind's records in file order, keyed by the kind's name, in registry order.
    A plain immutable class rather than a frozen dataclass, for the start-up cost of generated methods.
    """

    __slots__ = ("_by_id", "fingerprint", "schema_version", "sections")
    sections: Mapping[str, tuple[BaseRecord, ...]]
    fingerprint: str
    schema_version: int
    _by_id: dict[str, BaseRecord]

    def __init__(
        self, sections: Mapping[str, tuple[BaseRecord, ...]], fingerprint: str, schema_version: int = SCHEMA_VERSION
    ) -> None:
        complete = {k.name: tuple(sections.get(k.name, ())) for k in REGISTRY}
        settable = object.__setattr__
        settable(self, "sections", MappingProxyType(complete))
        settable(self, "fingerprint", fingerprint)
        settable(self, "schema_version", schema_version)
        settable(self, "_by_id", {r.id: r for r in self.records()})

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not FactBase:
            return NotImplemented
        mine = (dict(self.sections), self.fingerprint, self.schema_version)
        return mine == (dict(other.sections), other.fingerprint, other.schema_version)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(rows)}" for name, rows in self.sections.items())
        return f"FactBase(fingerprint={self.fingerprint!r}, schema_version={self.schema_version}, {counts})"

    @classmethod
    def of_records(cls, records: tuple[BaseRecord, ...] | list[BaseRecord], fingerprint: str) -> FactBase:
        """A fact base of these records, each filed under its own kind."""
        sections: dict[str, list[BaseRecord]] = {k.name: [] for k in REGISTRY}
        for record in records:
            sections[record.kind].append(record)
        return cls({name: tuple(rows) for name, rows in sections.items()}, fingerprint)

    def __reduce__(self) -> tuple[type[FactBase], tuple[object, ...]]:
        # Pickled through the constructor, which rebuilds the index by id: the cache can then be written
        # without pickle's memo, where each record would otherwise be stored twice. A plain dict, since
        # the read-only view cannot be pickled.
        return (FactBase, (dict(self.sections), self.fingerprint, self.schema_version))

    def __getattr__(self, name: str) -> tuple[BaseRecord, ...]:
        # `fb.facts`, `fb.quotes`...: each registered kind's section by its YAML name, derived, not listed.
        kind = KIND_BY_SECTION.get(name)
        if kind is None or name.startswith("_"):
            raise AttributeError(name)
        return self.sections[kind.name]

    @property
    def by_id(self) -> Mapping[str, Record]:
        """Every record by id, read-only."""
        return MappingProxyType(self._by_id)  # type: ignore[arg-type]

    def of(self, cls: type[R]) -> tuple[R, ...]:
        """The records of one kind, in file order."""
        return self.sections[cls.kind]  # type: ignore[return-value]

    @property
    def sources(self) -> tuple[Source, ...]:
        return self.of(Source)

    @property
    def topics(self) -> tuple[Topic, ...]:
        return self.of(Topic)

    def records(self) -> tuple[Record, ...]:
        return tuple(r for k in REGISTRY for r in self.sections[k.name])  # type: ignore[misc]

    def claims(self) -> tuple[Fact | Figure | Quote | Event, ...]:
        return tuple(r for name in CLAIM_KINDS for r in self.sections[name])  # type: ignore[misc]

    def source_of(self, record: BaseRecord) -> Source | None:
        refs = source_refs(record)
        found = self.by_id.get(refs[0].source_id) if refs else None
        return found if isinstance(found, Source) else None


def source_refs(record: BaseRecord) -> tuple[SourceRef, ...]:
    """Every source a record cites, main one first: a claim's sources, an entity's one, none for the rest."""
    if isinstance(record, Claim):
        return record.sources
    return (record.source,) if isinstance(record, Entity) else ()


def links(record: BaseRecord) -> tuple[str, ...]:
    """The ids of the entities and topics a record is about (a claim) or filed under (an entity)."""
    if isinstance(record, Claim | Outcome):
        return (*record.entities, *record.topics)
    if isinstance(record, Entity | Conflict):
        return record.topics
    return ()
