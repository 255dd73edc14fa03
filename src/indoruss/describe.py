"""How a record is named and cited in every view: the small, light part of the query layer."""

from __future__ import annotations

from dataclasses import dataclass

from . import model as m


@dataclass(frozen=True)
class Citation:
    record_id: str
    source: m.Source
    paragraph: int

    @property
    def publisher(self) -> str:
        return self.source.publisher or "publisher not stated"

    def plain(self) -> str:
        title = " ".join(self.source.title.split())
        return f"{title}. {self.publisher}, {self.source.published}, paragraph {self.paragraph}."

    def markdown(self) -> str:
        from .markdown import escape

        return f"*{escape(self.source.title)}*. {escape(self.publisher)}, {self.source.published}, ¶{self.paragraph}."


def label(record: m.Record) -> str:
    """A record in one line: its name, title, statement, figure or quote."""
    if isinstance(record, m.Entity):
        return record.name
    if isinstance(record, m.Topic | m.Source | m.Event):
        return record.title
    if isinstance(record, m.Fact):
        return record.statement
    if isinstance(record, m.Figure):
        return f"{record.display}: {record.measures}"
    return f"{record.speaker.name}: \u201c{record.text}\u201d"


def citation(fb: m.FactBase, record: m.Record) -> Citation | None:
    ref = getattr(record, "source", None)
    source = fb.source_of(record)
    if ref is None or source is None:
        return None
    return Citation(record.id, source, ref.paragraph)


def when(date: m.DateSpec | None) -> str:
    if date is None:
        return ""
    return f"{date.label or date.text} ({date.precision}: {date.text})"


def fields(fb: m.FactBase, record: m.Record) -> list[tuple[str, str]]:
    """What `show` prints about a record, in order, as (label, text) pairs."""
    rows: list[tuple[str, str]] = [("id", record.id), ("kind", record.kind)]
    if isinstance(record, m.Entity):
        rows += [("name", record.name), ("category", record.category), ("description", record.description)]
        if record.aliases:
            rows.append(("aliases", ", ".join(record.aliases)))
    elif isinstance(record, m.Topic):
        rows += [("title", record.title), ("description", record.description)]
    elif isinstance(record, m.Source):
        rows += [
            ("title", record.title),
            ("publisher", record.publisher or "not stated"),
            ("published", record.published),
            ("source kind", record.source_kind),
        ]
        if record.note:
            rows.append(("note", record.note))
    elif isinstance(record, m.Fact):
        rows += [("statement", record.statement), ("status", record.status)]
    elif isinstance(record, m.Figure):
        rows += [
            ("display", record.display),
            ("measures", record.measures),
            ("qualifier", record.qualifier),
            ("status", record.status),
        ]
        if record.period:
            rows.append(("period", record.period))
    elif isinstance(record, m.Quote):
        rows += [("text", record.text), ("speaker", record.speaker.name), ("context", record.context)]
    elif isinstance(record, m.Event):
        rows += [("title", record.title), ("status", record.status)]
    date = getattr(record, "date", None)
    if isinstance(date, m.DateSpec):
        rows.append(("date", when(date)))
    for key in ("topics", "entities"):
        ids = getattr(record, key, ())
        if ids:
            rows.append((key, ", ".join(ids)))
    cite = citation(fb, record)
    if cite is not None:
        rows.append(("source", cite.plain()))
    return rows
