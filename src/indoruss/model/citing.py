"""Where a record comes from, as data: its source and paragraph. The views decide how a citation looks."""

from __future__ import annotations

from dataclasses import dataclass

from . import records as m


@dataclass(frozen=True)
class Citation:
    record_id: str
    source: m.Source
    paragraph: int

    def plain(self) -> str:
        title = " ".join(self.source.title.split())
        return f"{title}. {self.source.publisher_shown}, {self.source.published}, paragraph {self.paragraph}."


def citation(fb: m.FactBase, record: m.BaseRecord) -> Citation | None:
    source = fb.source_of(record)
    if source is None or not isinstance(record, m.Claim | m.Entity):
        return None
    return Citation(record.id, source, record.source.paragraph)
