"""What a citation of a record says, as data: the claim (its words, how firm it is, whose it is) and where it
comes from (each source and paragraph). The plain sentence lives here, beside the data it is made of; the other
styles (Markdown, BibTeX, CSL-JSON) are views."""

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


class ClaimCitation(NamedTuple):
    """A citation of the claim a record makes, not only of its source.

    `said` is a fact's statement, an event's title, a figure as written with what it measures, an entity's
    description, or a quote verbatim (a fragment marked as one); None for a source, which cites itself.
    """

    record: m.BaseRecord
    said: str | None
    status: str | None  # None for a quote (that it was said is its status), an entity and a source
    voice: str | None  # who makes the claim; None when the source says it in its own voice
    sources: tuple[Citation, ...]  # the main one first

    @property
    def claim(self) -> str:
        """The claim in one line, without its sources: what a reference manager keeps as the entry's note."""
        record = self.record
        if self.said is None:
            return ""
        if isinstance(record, m.Quote):
            return f"\u201c{self.said}\u201d \u2014 {self.voice}, {_sentence(record.context)}"
        if isinstance(record, m.Entity):
            return f"{record.name} ({record.category}): {_sentence(self.said)}"
        # A fact, a figure or an event: each has a status.
        who = f"according to {self.voice}" if self.voice else "stated by the source"
        return f"{_sentence(self.said)} (Status: {self.status}; {who}.)"

    def plain(self) -> str:
        """The claim, then its sources, in one line: never a hard line break, whatever the width."""
        cited = [self.claim] if self.said is not None else []
        for position, cite in enumerate(self.sources):
            cited.append(
                cite.plain() if self.said is None else ("Source: " if position == 0 else "Also in: ") + cite.plain()
            )
        return " ".join(cited)


def _sentence(text: str) -> str:
    """Text that ends as a sentence: a title or a figure gains a full stop, a statement keeps its own."""
    flat = " ".join(text.split())
    return flat if flat.endswith((".", "!", "?", "\u2026", "\u201d")) else flat + "."


def _said(record: m.BaseRecord) -> str | None:
    if isinstance(record, m.Quote):
        return record.shown_text  # verbatim, never re-wrapped: only a fragment's ellipses are added
    if isinstance(record, m.Event):
        when = record.date.label or record.date.text
        return f"{record.title} ({when})"
    if isinstance(record, m.Fact | m.Figure):
        return record.label
    if isinstance(record, m.Entity):
        return record.description
    return None


def cite(fb: m.FactBase, record: m.BaseRecord) -> ClaimCitation | None:
    """The citation of what a record claims, with every source it cites; a source cites itself. None when the
    record has no source (a topic, an outcome, a conflict: the project's own grouping of other records)."""
    if isinstance(record, m.Source):
        return ClaimCitation(record, None, None, None, (Citation(record.id, record, None),))
    found = citations(fb, record)
    if not found:
        return None
    status = record.status if isinstance(record, m.Claim) else None
    voice = record.attribution.name if isinstance(record, m.Claim) and record.attribution else None
    if isinstance(record, m.Quote):
        voice = record.speaker.name
    return ClaimCitation(record, _said(record), status, voice, found)


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
