"""Rich views for a terminal. Every string from the data or the user goes in as Text, never as markup."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import records as m
from ..model.citing import ClaimCitation, citation, evidence_sources
from ..safety import printable
from .stream import STDOUT

if TYPE_CHECKING:
    from ..model.analysis import BriefSection, Detail, Entry
    from ..model.outcomes import ConflictView, Scorecard, SourceUse
    from ..model.queries import TopicCount, TopicDetail
    from ..search.ranking import Hit

STATUS_STYLES = {
    "confirmed": "bold green",
    "expected": "yellow",
    "likely": "dark_orange",
    "possible": "magenta",
    "proposed": "bold blue",
}
VERDICT_STYLES = {
    "happened": "bold green",
    "partly": "yellow",
    "did-not-happen": "bold red",
    "not-reported": "dim",
    "open": "bold blue",
}
KIND_STYLES = {"entity": "bold", "topic": "bold", "fact": "", "figure": "bold cyan", "quote": "italic", "event": ""}


MIN_WIDTH = 60


def _console() -> Console:
    # Made per call, not at import, so the terminal width and NO_COLOR are read when output is written.
    # Written through the checked output, so that a full disk or a closed reader is never missed.
    console = Console(highlight=False, file=STDOUT)  # type: ignore[arg-type]
    if console.width < MIN_WIDTH:
        console = Console(highlight=False, file=STDOUT, width=MIN_WIDTH)  # type: ignore[arg-type]
    return console


def _status(record: m.BaseRecord) -> Text:
    status = record.status if isinstance(record, m.Claim) else None
    if not status:
        return Text("")
    # The word itself differs too, so statuses stay distinct without colour (NO_COLOR, TERM=dumb).
    return Text(status, style=STATUS_STYLES.get(status, ""))


def _paragraph(fb: m.FactBase, record: m.BaseRecord) -> Text:
    cite = citation(fb, record)
    return Text(cite.short if cite else "", style="dim")


def _table(*columns: str, title: str | None = None) -> Table:
    # Titles can carry a query: escape what a terminal would act on, as everywhere else.
    shown = Text(printable(title)) if title else None
    table = Table(box=box.SIMPLE_HEAD, title=shown, expand=False, show_lines=False)
    for column in columns:
        table.add_column(Text(column), overflow="fold")
    return table


def _highlighted(text: str, spans: tuple[tuple[int, int], ...]) -> Text:
    marked = Text(text)
    for start, end in spans:
        marked.stylize("bold reverse", start, end)
    return marked


def _record_table(fb: m.FactBase, records: Sequence[m.BaseRecord], title: str) -> None:
    table = _table("id", "status", "record", "¶", title=title)
    for record in records:
        table.add_row(Text(record.id, style="bold"), _status(record), Text(record.label), _paragraph(fb, record))
    _console().print(table)


class RichView:
    """Tables and panels for a terminal."""

    def search(self, fb: m.FactBase, hits: list[Hit], query: str) -> None:
        # Four columns, each cell stacked: a wide table is the slow part of drawing a result list.
        table = _table("score", "kind", "record", "matched", title=f"Search: {query}")
        for hit in hits:
            record = fb.by_id[hit.record_id]
            shown = record.label
            described = Text(record.id, style="bold")
            described.append("\n")
            how = Text(hit.match.field, style="dim")
            if hit.match.text == shown:
                described.append_text(_highlighted(shown, hit.match.spans))
            else:
                described.append(shown)
                how.append(": ")
                how.append_text(_highlighted(hit.match.text, hit.match.spans))
            if hit.match.via:
                how.append(f" (via {hit.match.via})", style="dim")
            kind = Text(record.kind, style=KIND_STYLES.get(record.kind, ""))
            status = _status(record)
            if status.plain:
                kind.append("\n")
                kind.append_text(status)
            kind.append("\n")
            kind.append_text(_paragraph(fb, record))
            table.add_row(Text(f"{hit.score:.0f}"), kind, described, how)
        _console().print(table)

    def topics(self, fb: m.FactBase, rows: list[TopicCount]) -> None:
        sections = list(rows[0].counts) if rows else []
        table = _table("topic", "title", *sections, title="Topics")
        for row in rows:
            table.add_row(
                Text(row.topic.id, style="bold"),
                Text(row.topic.title) + Text("\n" + row.topic.description, style="dim"),
                *(Text(str(n)) for n in row.counts.values()),
            )
        _console().print(table)

    def topic(self, fb: m.FactBase, shown: TopicDetail) -> None:
        _console().print(Panel(Text(shown.topic.description), title=Text(shown.topic.title), title_align="left"))
        for kind in sorted(m.REGISTRY, key=lambda k: k.display_order):
            group = [r for r in shown.records if r.kind == kind.name]
            if group:
                _record_table(fb, group, f"{kind.section} ({len(group)})")

    def records(self, fb: m.FactBase, chosen: list[m.Claim], title: str) -> None:
        _record_table(fb, chosen, title)

    def quotes(self, fb: m.FactBase, chosen: list[m.Quote]) -> None:
        for quote in chosen:
            body = Text("\u201c" + quote.shown_text + "\u201d", style="italic")
            cite = citation(fb, quote)
            footer = Text(f"\u2014 {quote.speaker.name}, {quote.context}", style="bold")
            if cite is not None:
                footer.append(f"\n{cite.plain()}", style="dim")
            _console().print(Panel(Group(body, Text(""), footer), title=Text(quote.id), title_align="left"))

    def figures(self, fb: m.FactBase, chosen: list[m.Figure]) -> None:
        table = _table("figure", "measures", "qualifier", "period", "status", "¶", title="Figures")
        for figure in chosen:
            table.add_row(
                Text(figure.display, style="bold cyan"),
                Text(figure.measures),
                Text(figure.qualifier),
                Text(figure.period or ""),
                _status(figure),
                _paragraph(fb, figure),
            )
        _console().print(table)

    def actors(self, fb: m.FactBase, chosen: list[m.Entity]) -> None:
        table = _table("id", "category", "name", "description", title="Actors")
        for entity in chosen:
            table.add_row(
                Text(entity.id, style="dim"),
                Text(entity.category),
                Text(entity.name, style="bold"),
                Text(entity.description),
            )
        _console().print(table)

    def show(self, fb: m.FactBase, shown: Detail) -> None:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold")
        grid.add_column(overflow="fold")
        from .fields import fields

        for key, value in fields(fb, shown.record):
            grid.add_row(Text(key), _status(shown.record) if key == "status" else Text(value))
        _console().print(Panel(grid, title=Text(shown.record.label[:80]), title_align="left"))
        if shown.outcome is not None:
            outcome = shown.outcome
            table = _table("verdict", "as of", "summary", "evidence", title=f"What came of it ({outcome.id})")
            evidence = Text("\n".join(outcome.evidence) or "none found", style="dim")
            table.add_row(_verdict(outcome.verdict), Text(outcome.as_of.text), Text(outcome.summary), evidence)
            _console().print(table)
        if shown.qualified_by:
            _record_table(fb, shown.qualified_by, "Later sources qualify it")
        for conflict in shown.conflicts:
            _console().print(Text(f"In conflict {conflict.id}: {conflict.question}", style="bold yellow"))
        if shown.related:
            table = _table("kind", "id", "status", "record", "shares", title="Linked records, most related first")
            for item in shown.related:
                table.add_row(
                    Text(item.record.kind),
                    Text(item.record.id, style="bold"),
                    _status(item.record),
                    Text(item.record.label),
                    Text(", ".join(item.shared), style="dim"),
                )
            _console().print(table)

    def timeline(self, fb: m.FactBase, entries: list[Entry]) -> None:
        # The date as the fact base holds it (2025-12-04, 2025-12, 2025: its precision shows), the source's
        # wording beside it; the ids of the records of other kinds that state the same claim under it.
        table = _table("date", "status", "record", title="Timeline")
        console = _console()
        widest = max((len(e.lead.date.text) for e in entries if e.lead.date), default=4)
        wording = max((len(e.lead.date.label or "") + 2 for e in entries if e.lead.date), default=0)
        table.columns[0].min_width = widest  # a date is never broken in the middle
        # The wording beside the date wraps before the record loses its room: a third of the width at most.
        table.columns[0].max_width = max(widest, min(widest + wording, console.width // 3))
        for entry in entries:
            record = entry.lead
            assert record.date is not None
            when = Text(record.date.text, style="bold")
            if record.date.label and record.date.label != record.date.text:
                when.append("  ")
                when.append(record.date.label, style="dim")
            # The source goes in the record's cell, after its id: a column of long source ids would leave the
            # record too narrow for its own id.
            described = Text(record.id, style="bold")
            described.append(f" {record.kind} ", style="dim")
            described.append_text(_paragraph(fb, record))
            described.append("\n" + record.label)
            if entry.same:
                also = ", ".join(f"{other.kind} {other.id}" for other in entry.same)
                described.append(f"\nalso stated as {also}", style="dim")
            table.add_row(when, _status(record), described)
        console.print(table)

    def brief(self, fb: m.FactBase, sections: list[BriefSection]) -> None:
        # The Markdown is built from escaped data, so Rich renders it as Markdown and never as Rich markup.
        from rich.markdown import Markdown  # markdown-it is heavy; only the brief needs it

        from . import markdown

        _console().print(Markdown(markdown.brief(fb, sections)))

    def cite(self, fb: m.FactBase, cited: ClaimCitation, style: str) -> None:
        from .citation import render

        # Soft-wrapped: the terminal folds the line, Rich inserts no line break, so a citation copied from the
        # screen is one line whatever the width.
        _console().print(Text(render(cited, style)), soft_wrap=True)

    def outcomes(self, fb: m.FactBase, card: Scorecard) -> None:
        header = Text("Outcomes: ")
        for position, (verdict, n) in enumerate(card.counts.items()):
            header.append(", " if position else "")
            header.append_text(_verdict(verdict))
            header.append(f" {n}")
        _console().print(header)
        table = _table("expectation", "status", "verdict", "summary", "sources", title="What came of each expectation")
        for row in card.rows:
            described = Text(row.expectation.id, style="bold")
            described.append("\n" + row.expectation.label)
            outcome = row.outcome
            sources = "\n".join(evidence_sources(fb, outcome.evidence)) if outcome else ""
            table.add_row(
                described,
                _status(row.expectation),
                _verdict(row.verdict),
                Text(outcome.summary if outcome else "no outcome recorded by this date"),
                Text(sources, style="dim"),
            )
        _console().print(table)

    def sources(self, fb: m.FactBase, uses: list[SourceUse]) -> None:
        table = _table("id", "kind", "publisher", "published", "lang", "cited by", title="Sources")
        for use in uses:
            source = use.source
            table.add_row(
                Text(source.id, style="bold"),
                Text(source.source_kind),
                Text(source.publisher_shown + (f" (via {source.via})" if source.via else "")),
                Text(source.published),
                Text(source.language),
                Text(str(len(use.citing))),
            )
        _console().print(table)

    def conflicts(self, fb: m.FactBase, shown: list[ConflictView]) -> None:
        for item in shown:
            table = _table("claim", "says", "source", title=f"{item.conflict.id}: {item.conflict.question}")
            for claim in item.claims:
                cite = citation(fb, claim)
                table.add_row(
                    Text(claim.id, style="bold"), Text(claim.label), Text(cite.brief if cite else "", style="dim")
                )
            _console().print(table)
            if item.conflict.note:
                _console().print(Text(item.conflict.note, style="italic"))


def _verdict(verdict: str) -> Text:
    # Distinct words as well as colours, so the verdicts stay apart with NO_COLOR.
    return Text(verdict, style=VERDICT_STYLES.get(verdict, ""))
