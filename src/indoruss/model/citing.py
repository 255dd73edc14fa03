"""Where a record comes from, as data: its source and paragraph. The views decide how a citation looks."""

from __future__ import annotations

from typing import NamedTuple

from . import records as m


class Citation(NamedTuple):
    record_id: str
    source: m.Source
    paragraph: int | None  # a document's paragraph; a web page has none, and is cited by its URL

    @property
    def place(self) -> str:
        """Where in the source: the paragraph of a document, the address of a web page."""
        if self.paragraph is not None:
            return f"paragraph {self.paragraph}"
        return self.source.url or self.source.document or ""

    @property
    def short(self) -> str:
        """A few characters for a table cell: the paragraph of a document, else the source's id."""
        return f"¶{self.paragraph}" if self.paragraph is not None else self.source.id

    @property
    def brief(self) -> str:
        """Publisher and date, for listing the sources of several records."""
        return f"{self.source.publisher_shown} {self.source.published}"

    def plain(self) -> str:
        title = " ".join(self.source.title.split())
        return f"{title}. {self.source.publisher_shown}, {self.source.published}, {self.place}."


def citations(fb: m.FactBase, record: m.BaseRecord) -> tuple[Citation, ...]:
    """Every source a record cites, main one first."""
    found = ((fb.by_id.get(ref.source_id), ref.paragraph) for ref in m.source_refs(record))
    return tuple(Citation(record.id, s, p) for s, p in found if isinstance(s, m.Source))


def citation(fb: m.FactBase, record: m.BaseRecord) -> Citation | None:
    found = citations(fb, record)
    return found[0] if found else None


def evidence_sources(fb: m.FactBase, ids: tuple[str, ...]) -> list[str]:
    """The main sources of these records, once each, as publisher and date, in the order first cited."""
    shown: list[str] = []
    for record_id in ids:
        record = fb.by_id.get(record_id)
        cite = citation(fb, record) if record is not None else None
        if cite is not None and cite.brief not in shown:
            shown.append(cite.brief)
    return shown
