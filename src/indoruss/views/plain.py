"""Plain text: one record a line, tab-separated columns, no header, no colour, no boxes. What a pipe gets
for a document (`show`, `sources ID`, `brief`), and any command with --format plain or INDORUSS_OUTPUT=plain;
a list goes to a pipe as TSV (views/formats.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import records as m
from ..model.citing import ClaimCitation, citation, evidence_sources
from .stream import write

if TYPE_CHECKING:
    from ..model.analysis import BriefSection, Detail, Entry
    from ..model.outcomes import ConflictView, Scorecard, SourceUse
    from ..model.queries import TopicCount, TopicDetail
    from ..search.ranking import Hit


def _line(*columns: object) -> None:
    cells = ("" if c is None else " ".join(str(c).split()) for c in columns)
    write("\t".join(cells) + "\n")


def _paragraph(fb: m.FactBase, record: m.BaseRecord) -> str:
    cite = citation(fb, record)
    return cite.short if cite else ""


def _status(record: m.Record) -> str:
    return (record.status if isinstance(record, m.Claim) else None) or ""


class PlainView:
    """One record a line, tab-separated."""

    def search(self, fb: m.FactBase, hits: list[Hit], query: str) -> None:
        for hit in hits:
            record = fb.by_id[hit.record_id]
            shown = record.label
            how = hit.match.field if hit.match.text in shown else f"{hit.match.field}: {hit.match.text}"
            if hit.match.via:
                how += f" (via {hit.match.via})"
            _line(f"{hit.score:.1f}", record.kind, record.id, _status(record), shown, how, _paragraph(fb, record))

    def topics(self, fb: m.FactBase, rows: list[TopicCount]) -> None:
        for row in rows:
            _line(row.topic.id, row.topic.title, *(f"{section}={n}" for section, n in row.counts.items()))

    def topic(self, fb: m.FactBase, shown: TopicDetail) -> None:
        for record in shown.records:
            _line(record.kind, record.id, _status(record), record.label, _paragraph(fb, record))

    def records(self, fb: m.FactBase, chosen: list[m.Claim], title: str) -> None:
        for record in chosen:
            when = record.date.text if record.date else ""
            _line(record.id, record.kind, record.status, when, record.label, _paragraph(fb, record))

    def quotes(self, fb: m.FactBase, chosen: list[m.Quote]) -> None:
        for quote in chosen:
            _line(quote.id, quote.speaker.name, quote.shown_text, quote.context, _paragraph(fb, quote))

    def figures(self, fb: m.FactBase, chosen: list[m.Figure]) -> None:
        for figure in chosen:
            _line(
                figure.id,
                figure.display,
                figure.measures,
                figure.qualifier,
                figure.period or "",
                figure.status,
                _paragraph(fb, figure),
            )

    def actors(self, fb: m.FactBase, chosen: list[m.Entity]) -> None:
        for entity in chosen:
            _line(entity.id, entity.category, entity.name, entity.description)

    def show(self, fb: m.FactBase, shown: Detail) -> None:
        record = shown.record
        from .fields import fields

        for key, value in fields(fb, record):
            _line(f"{key}:", value)
        if shown.outcome is not None:
            _line("outcome", shown.outcome.id, shown.outcome.verdict, shown.outcome.summary)
            for evidence in shown.outcome.evidence:
                found = fb.by_id.get(evidence)
                _line("evidence", evidence, found.label if found else "")
        for claim in shown.qualified_by:
            _line("qualified by", claim.id, claim.label, _paragraph(fb, claim))
        for conflict in shown.conflicts:
            _line("in conflict", conflict.id, conflict.question)
        for item in shown.related:
            _line(
                "related",
                item.record.kind,
                item.record.id,
                _status(item.record),
                item.record.label,
                "shares " + ", ".join(item.shared),
            )

    def timeline(self, fb: m.FactBase, entries: list[Entry]) -> None:
        for entry in entries:
            record = entry.lead
            assert record.date is not None
            when = record.date.label or record.date.text
            same = ", ".join(f"{other.kind} {other.id}" for other in entry.same)
            _line(
                record.date.text,
                record.date.precision,
                when,
                record.kind,
                record.id,
                record.status,
                record.label,
                _paragraph(fb, record),
                same,
            )

    def brief(self, fb: m.FactBase, sections: list[BriefSection]) -> None:
        from . import markdown

        write(markdown.brief(fb, sections))

    def cite(self, fb: m.FactBase, cited: ClaimCitation, style: str) -> None:
        from .citation import render

        write(render(cited, style) + "\n")

    def outcomes(self, fb: m.FactBase, card: Scorecard) -> None:
        write("# " + " ".join(f"{verdict}={n}" for verdict, n in card.counts.items()) + "\n")
        for row in card.rows:
            outcome = row.outcome
            evidence = "; ".join(evidence_sources(fb, outcome.evidence)) if outcome else ""
            _line(
                row.expectation.id,
                row.expectation.status,
                row.verdict,
                row.expectation.label,
                outcome.summary if outcome else "",
                evidence,
            )

    def sources(self, fb: m.FactBase, uses: list[SourceUse]) -> None:
        for use in uses:
            source = use.source
            where = source.url or source.document or ""
            _line(
                source.id,
                source.source_kind,
                source.publisher_shown,
                source.published,
                source.language,
                len(use.citing),
                where,
            )

    def conflicts(self, fb: m.FactBase, shown: list[ConflictView]) -> None:
        for item in shown:
            _line("conflict", item.conflict.id, item.conflict.question)
            for claim in item.claims:
                cite = citation(fb, claim)
                _line("", claim.id, claim.label, cite.brief if cite else "")
