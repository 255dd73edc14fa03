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
    return _label(record)


def _label(record: m.Record) -> str:
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
