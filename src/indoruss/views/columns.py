"""The columns of every kind of record: one definition for csv, tsv, markdown, --fields tables and SQLite.

Derived from the registry: each kind's dataclass fields, in their order, become its columns, after `id` and
`kind` and before the fields that claims share (status, attribution, date, topics, entities, qualifies,
source). A field that holds a structure (a date, a speaker, the sources cited) spreads over a few named
columns; a list is one cell, its items joined by "; ". A new kind or field gets its columns here without a
change, and tests/test_formats.py fails until each field is a column or is left out below with a reason.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any, NamedTuple

from ..model import records as m

LIST_SEPARATOR = "; "
# The fields that several kinds share, in the order of the JSON contract; they come after a kind's own.
SHARED = ("status", "attribution", "date", "topics", "entities", "qualifies", "source", "sources")
# Fields that are no column, per kind ("*": every kind), and why.
LEFT_OUT: dict[str, dict[str, str]] = {
    "*": {"origin": "where a record was defined is for error messages, not for spreadsheets"},
    "quote": {
        "about": "its `entities` column already holds what the quote speaks of",
        "status": "a quote has none: that it was said is its status (as in the JSON contract)",
    },
}
# Own columns that are codes, ids or dates rather than words: not part of the full-text index.
NOT_PROSE = frozenset(
    {
        "category",
        "source_kind",
        "language",
        "url",
        "document",
        "published",
        "value",
        "unit",
        "qualifier",
        "fragment",
        "speaker_id",
        "expectation",
        "verdict",
        "as_of",
        "evidence",
        "claims",
    }
)

# The columns tsv and markdown show without --fields (README "Formats and columns"): what a reader needs to
# know which record it is, what it says, how firm it is and where it comes from, in the order of the contract.
CLAIM_DEFAULT = ("status", "attribution", "date", "source", "paragraph")
DEFAULTS: dict[str, tuple[str, ...]] = {
    "fact": ("id", "kind", "statement", *CLAIM_DEFAULT),
    "event": ("id", "kind", "title", *CLAIM_DEFAULT),
    "figure": (
        *("id", "kind", "value", "unit", "display", "qualifier", "measures", "period"),
        *("status", "source", "paragraph"),
    ),
    "quote": ("id", "kind", "text", "speaker", "context", "fragment", "source", "paragraph"),
    "entity": ("id", "kind", "name", "category", "description"),
    "topic": ("id", "kind", "title"),
    "outcome": ("id", "kind", "expectation", "verdict", "as_of", "summary", "evidence"),
    "conflict": ("id", "kind", "question", "claims"),
    "source": ("id", "kind", "title", "publisher", "published", "source_kind", "url", "document", "language"),
}
# A listing of several kinds: each record in one line, with its status and source.
MIXED_DEFAULT = ("id", "kind", "label", "status", "source", "paragraph")

Value = str | int | float | bool | tuple[str, ...] | None


class Column(NamedTuple):
    name: str
    get: Callable[[Any], Value]
    sql: str  # its SQLite type: TEXT, INTEGER or REAL


def _main_source(record: Any) -> m.SourceRef:
    refs = m.source_refs(record)
    return refs[0]


def _expand(name: str, hint: Any) -> list[Column]:
    """The columns one dataclass field becomes."""
    if name in ("source", "sources"):
        spread = [
            Column("source", lambda r: _main_source(r).source_id, "TEXT"),
            Column("paragraph", lambda r: _main_source(r).paragraph, "INTEGER"),
        ]
        if name == "sources":
            spread.append(Column("sources", lambda r: tuple(ref.source_id for ref in r.sources), "TEXT"))
        return spread
    if name == "date":
        return [
            Column("date", lambda r: r.date.text if r.date else None, "TEXT"),
            Column("date_precision", lambda r: r.date.precision if r.date else None, "TEXT"),
            Column("date_label", lambda r: r.date.label if r.date else None, "TEXT"),
        ]
    if name == "as_of":
        return [Column("as_of", lambda r: r.as_of.text, "TEXT")]
    if name in ("attribution", "speaker"):
        return [
            Column(name, lambda r: getattr(r, name).name if getattr(r, name) else None, "TEXT"),
            Column(f"{name}_id", lambda r: getattr(r, name).id if getattr(r, name) else None, "TEXT"),
        ]
    base = typing.get_origin(hint) or hint
    sql = "REAL" if hint is float else "INTEGER" if hint in (int, bool) else "TEXT"
    if base is tuple:
        return [Column(name, lambda r: tuple(getattr(r, name)), sql)]
    return [Column(name, lambda r: getattr(r, name), sql)]


_ID = Column("id", lambda r: r.id, "TEXT")
_KIND = Column("kind", lambda r: r.kind, "TEXT")
LABEL = Column("label", lambda r: r.label, "TEXT")


@cache
def columns_of(kind: str) -> tuple[Column, ...]:
    """The columns of one kind: id, kind, its own fields, then the shared ones, each where it has it."""
    cls = m.KIND_BY_NAME[kind].cls
    hints = typing.get_type_hints(cls, vars(m))
    left_out = {**LEFT_OUT["*"], **LEFT_OUT.get(kind, {})}
    names = [f.name for f in dataclasses.fields(cls) if f.name not in left_out and f.name != "id"]
    own = [n for n in names if n not in SHARED]
    shared = [n for n in SHARED if n in names]
    return (_ID, _KIND, *(c for n in (*own, *shared) for c in _expand(n, hints[n])))


def own_columns(kind: str) -> tuple[Column, ...]:
    shared = {c.name for n in SHARED for c in _expand(n, str)} | {"sources"}
    return tuple(c for c in columns_of(kind)[2:] if c.name not in shared)


@cache
def listing_columns(kinds: tuple[str, ...]) -> tuple[Column, ...]:
    """The columns of a listing of these kinds. One kind: its own columns. Several: id, kind, `label` (the
    record in one line), then every column of each kind in display order, own ones first, each once."""
    if len(kinds) == 1:
        return columns_of(kinds[0])
    ordered = sorted(kinds, key=lambda k: m.KIND_ORDER[k])
    chosen: dict[str, Column] = {"id": _ID, "kind": _KIND, "label": LABEL}
    for kind in ordered:
        for column in own_columns(kind):
            chosen.setdefault(column.name, column)
    shared = [c for kind in ordered for c in columns_of(kind)[2:] if c.name not in chosen]
    for column in sorted(shared, key=lambda c: _shared_rank(c.name)):
        chosen.setdefault(column.name, column)
    return tuple(chosen.values())


def _shared_rank(name: str) -> int:
    order = [c.name for n in SHARED for c in _expand(n, str)]
    return order.index(name) if name in order else len(order)


class Rows(NamedTuple):
    """A listing as a table: the column names and, per record, its typed values in that order; `default`
    names the columns shown when no --fields picks them."""

    names: tuple[str, ...]
    rows: list[tuple[Value, ...]]
    default: tuple[str, ...] = ()

    def pick(self, fields: Sequence[str]) -> Rows:
        at = [self.names.index(f) for f in fields]
        return Rows(tuple(fields), [tuple(row[i] for i in at) for row in self.rows], tuple(fields))


def rows(
    records: Iterable[m.BaseRecord],
    kinds: tuple[str, ...],
    extras: Sequence[tuple[str, str]] = (),  # (name, SQLite type) of columns a command adds
    extra_values: Callable[[Any], tuple[Value, ...]] | None = None,
    default: Sequence[str] = (),
) -> Rows:
    """Every record as one row of the columns of `kinds`, blank where its kind has no such column. The
    default columns, unless given: those of the kind (or of a mixed listing), then the added ones."""
    columns = listing_columns(kinds)
    added = tuple(name for name, _ in extras)
    names = tuple(c.name for c in columns) + added
    shown = tuple(default) or (DEFAULTS[kinds[0]] if len(kinds) == 1 else MIXED_DEFAULT) + added
    out: list[tuple[Value, ...]] = []
    for record in records:
        mine = {c.name for c in columns_of(record.kind)} | {"label"}
        values = tuple(c.get(record) if c.name in mine else None for c in columns)
        out.append(values + (extra_values(record) if extra_values else ()))
    return Rows(names, out, shown)


def cell(value: Value) -> str:
    """A value as text in a cell: a list joined, a whole number without ".0", a flag as true or false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, tuple):
        return LIST_SEPARATOR.join(value)
    return str(value)


def prose(record: m.BaseRecord) -> str:
    """The words of a record, for the full-text index: its own text fields (not codes, ids or dates)."""
    parts: list[str] = []
    for column in own_columns(record.kind):
        if column.name not in NOT_PROSE and not column.name.endswith("_id"):
            value = column.get(record)
            if value is not None:
                parts.append(cell(value))
    return "\n".join(parts)
