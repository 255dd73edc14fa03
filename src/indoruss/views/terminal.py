"""Rich views for a terminal. Every string from the data or the user goes in as Text, never as markup."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import records as m
from ..model.citing import ClaimCitation, citation, evidence_sources
from .layout import TEXT_FLOOR, WHOLE, Listing, cell_lines, longest, stack_blocks
from .stream import STDOUT, TERMINAL

if TYPE_CHECKING:
    from ..model.analysis import BriefSection, Detail, Entry, Related
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


# Narrower terminals are drawn at this width: below it even one labelled field a line stops being readable.
MIN_WIDTH = 30


def make_console() -> Console:
    # Made per call, not at import, so the terminal width, NO_COLOR and --color are read when output is written.
    # Written through the checked output, so that a full disk or a closed reader is never missed.
    chosen: dict[str, Any] = {}
    if TERMINAL.color == "always":
        dumb = os.environ.get("TERM", "") in ("dumb", "unknown")
        chosen = {"force_terminal": True, "no_color": False, "color_system": "standard" if dumb else "auto"}
    elif TERMINAL.color == "never":
        chosen = {"color_system": None}
    console = Console(highlight=False, file=STDOUT, **chosen)  # type: ignore[arg-type]
    if console.width < MIN_WIDTH:
        console = Console(highlight=False, file=STDOUT, width=MIN_WIDTH, **chosen)  # type: ignore[arg-type]
    return console


def _status(record: m.BaseRecord) -> Text:
    status = record.status if isinstance(record, m.Claim) else None
    if not status:
        return Text("")
    # The word itself differs too, so statuses stay distinct without colour (NO_COLOR, TERM=dumb).
    return Text(status, style=STATUS_STYLES.get(status, ""))


def _reference(fb: m.FactBase, record: m.BaseRecord) -> tuple[Text, Text]:
    """Where a record comes from, whole (the paragraph, else the source's id) and brief (the paragraph, else
    "web"): a table that has no room for whole source ids shows the brief one rather than break them."""
    cite = citation(fb, record)
    if cite is None:
        return Text(""), Text("")
    brief = f"\u00b6{cite.paragraph}" if cite.paragraph is not None else "web"
    return Text(cite.short, style="dim"), Text(brief, style="dim")


def _highlighted(text: str, spans: tuple[tuple[int, int], ...]) -> Text:
    marked = Text(text)
    for start, end in spans:
        marked.stylize("bold reverse", start, end)
    return marked


def _record_table(fb: m.FactBase, records: Sequence[m.BaseRecord], title: str) -> Listing:
    listing = Listing(
        title, ("id", longest(r.id for r in records)), ("status", 9), ("record", TEXT_FLOOR), ("\u00b6", WHOLE)
    )
    for record in records:
        whole, brief = _reference(fb, record)
        cells = [Text(record.id, style="bold"), _status(record), Text(record.label)]
        fields = [("status", cells[1]), ("record", cells[2]), ("source", whole)]
        listing.add(record.id, [*cells, whole], fields, [*cells, brief])
    return listing


class RichView:
    """Tables and panels for a terminal; stacked blocks where a table would not fit."""

    def search(self, fb: m.FactBase, hits: list[Hit], query: str) -> None:
        # Four columns, each cell stacked: a wide table is the slow part of drawing a result list.
        records = [fb.by_id[hit.record_id] for hit in hits]
        listing = Listing(
            f"Search: {query}",
            ("score", 5),
            ("kind", WHOLE),
            ("record", longest((r.id for r in records), TEXT_FLOOR)),
            ("matched", TEXT_FLOOR),
        )
        for hit, record in zip(hits, records, strict=True):
            shown = record.label
            described = Text(record.id, style="bold")
            described.append("\n")
            how = Text(hit.match.field, style="dim")
            label = _highlighted(shown, hit.match.spans) if hit.match.text == shown else Text(shown)
            if hit.match.text != shown:
                how.append(": ")
                how.append_text(_highlighted(hit.match.text, hit.match.spans))
            described.append_text(label)
            if hit.match.via:
                how.append(f" (via {hit.match.via})", style="dim")
            kind = Text(record.kind, style=KIND_STYLES.get(record.kind, ""))
            status, (whole, brief) = _status(record), _reference(fb, record)
            score = Text(f"{hit.score:.0f}")
            fields = [("score", score), ("kind", kind), ("status", status), ("record", label), ("matched", how)]
            listing.add(
                record.id,
                [score, cell_lines(kind, status, whole), described, how],
                [*fields, ("source", whole)],
                [score, cell_lines(kind, status, brief), described, how],
            )
        listing.print(make_console())

    def topics(self, fb: m.FactBase, rows: list[TopicCount]) -> None:
        sections = list(rows[0].counts) if rows else []
        listing = Listing(
            "Topics",
            ("topic", longest(row.topic.id for row in rows)),
            ("title", TEXT_FLOOR),
            *((section, len(section)) for section in sections),
        )
        for row in rows:
            counts = [Text(str(n)) for n in row.counts.values()]
            title, about = Text(row.topic.title), Text(row.topic.description, style="dim")
            cells = [Text(row.topic.id, style="bold"), title + Text("\n") + about, *counts]
            listing.add(row.topic.id, cells, [("title", title), ("about", about), *zip(sections, counts, strict=True)])
        listing.print(make_console())

    def topic(self, fb: m.FactBase, shown: TopicDetail) -> None:
        console = make_console()
        _panel(console, shown.topic.id, Text(shown.topic.description), Text(shown.topic.title))
        listings = []
        for kind in sorted(m.REGISTRY, key=lambda k: k.display_order):
            group = [r for r in shown.records if r.kind == kind.name]
            if group:
                listings.append(_record_table(fb, group, f"{kind.section} ({len(group)})"))
        # One layout for every group, so that the sections of one topic read alike.
        stacked = not all(listing.fits(console) for listing in listings)
        for listing in listings:
            listing.print(console, stacked)

    def records(self, fb: m.FactBase, chosen: list[m.Claim], title: str) -> None:
        _record_table(fb, chosen, title).print(make_console())

    def quotes(self, fb: m.FactBase, chosen: list[m.Quote]) -> None:
        console = make_console()
        # A panel a quote, its id in the border, while the longest id fits there; else stacked blocks.
        if console.width < max(50, longest(q.id for q in chosen) + 8):
            blocks = []
            for quote in chosen:
                cite = citation(fb, quote)
                blocks.append(
                    (
                        quote.id,
                        [
                            ("quote", Text("\u201c" + quote.shown_text + "\u201d", style="italic")),
                            ("by", Text(quote.speaker.name, style="bold")),
                            ("context", Text(quote.context)),
                            ("source", Text(cite.plain() if cite else "", style="dim")),
                        ],
                    )
                )
            stack_blocks(console, "Quotes", blocks)
            return
        for quote in chosen:
            body = Text("\u201c" + quote.shown_text + "\u201d", style="italic")
            cite = citation(fb, quote)
            footer = Text(f"\u2014 {quote.speaker.name}, {quote.context}", style="bold")
            if cite is not None:
                footer.append(f"\n{cite.plain()}", style="dim")
            console.print(Panel(Group(body, Text(""), footer), title=Text(quote.id), title_align="left"))

    def figures(self, fb: m.FactBase, chosen: list[m.Figure]) -> None:
        listing = Listing(
            "Figures",
            ("record", longest((f.id for f in chosen), TEXT_FLOOR)),
            ("figure", 12),
            ("status", WHOLE),
        )
        for figure in chosen:
            display, measures = Text(figure.display, style="bold cyan"), Text(figure.measures)
            qualifier, period = Text(figure.qualifier, style="dim"), Text(figure.period or "", style="dim")
            status, (whole, brief) = _status(figure), _reference(fb, figure)
            cells = [Text(figure.id, style="bold") + Text("\n") + measures, cell_lines(display, qualifier, period)]
            fields = [
                ("figure", display),
                ("measures", measures),
                ("qualifier", qualifier),
                ("period", period),
                ("status", status),
                ("source", whole),
            ]
            listing.add(figure.id, [*cells, cell_lines(status, whole)], fields, [*cells, cell_lines(status, brief)])
        listing.print(make_console())

    def actors(self, fb: m.FactBase, chosen: list[m.Entity]) -> None:
        listing = Listing(
            "Actors",
            ("id", longest(e.id for e in chosen)),
            ("category", 12),
            ("name", TEXT_FLOOR),
            ("description", TEXT_FLOOR),
        )
        for entity in chosen:
            category, name = Text(entity.category), Text(entity.name, style="bold")
            description = Text(entity.description)
            fields = [("category", category), ("name", name), ("description", description)]
            listing.add(entity.id, [Text(entity.id, style="dim"), category, name, description], fields)
        listing.print(make_console())

    def show(self, fb: m.FactBase, shown: Detail) -> None:
        from .fields import fields as labelled

        console = make_console()
        record = shown.record
        rows = [(key, _status(record) if key == "status" else Text(value)) for key, value in labelled(fb, record)]
        outcome = _outcome_listing(shown.outcome) if shown.outcome is not None else None
        qualified = _record_table(fb, shown.qualified_by, "Later sources qualify it") if shown.qualified_by else None
        related = _related_listing(shown.related) if shown.related else None
        listings = [listing for listing in (outcome, qualified, related) if listing is not None]
        # A panel, the id among the fields, while the id fits beside the labels and every table below fits too;
        # else the record and its tables alike are stacked blocks.
        widest = longest(key for key, _ in rows)
        fits = console.width >= 4 + widest + 2 + max(len(record.id), 20)
        stacked = not (fits and all(listing.fits(console) for listing in listings))
        if stacked:
            stack_blocks(console, None, [(record.id, [(key, value) for key, value in rows if key != "id"])])
        else:
            grid = Table.grid(padding=(0, 2))
            grid.add_column(style="bold")
            grid.add_column(overflow="fold")
            for key, value in rows:
                grid.add_row(Text(key), value)
            console.print(Panel(grid, title=Text(record.label[:80]), title_align="left"))
        for listing in (outcome, qualified):
            if listing is not None:
                listing.print(console, stacked)
        for conflict in shown.conflicts:
            console.print(Text(f"In conflict {conflict.id}: {conflict.question}", style="bold yellow"))
        if related is not None:
            related.print(console, stacked)

    def timeline(self, fb: m.FactBase, entries: list[Entry]) -> None:
        # The date as the fact base holds it (2025-12-04, 2025-12, 2025: its precision shows), the source's
        # wording beside it; the ids of the records of other kinds that state the same claim under the lead's.
        dated = [e.lead.date for e in entries if e.lead.date is not None]
        listing = Listing(
            "Timeline",
            ("date", longest((d.text for d in dated), 4)),
            ("record", longest((r.id for e in entries for r in e.records), TEXT_FLOOR)),
            ("kind", WHOLE),
        )
        for entry in entries:
            record = entry.lead
            assert record.date is not None
            when = Text(record.date.text, style="bold")
            if record.date.label and record.date.label != record.date.text:
                when.append("  ")
                when.append(record.date.label, style="dim")
            kind, status, label = Text(record.kind), _status(record), Text(record.label)
            (whole, brief) = _reference(fb, record)
            also = Text("\n").join(Text(f"{other.kind} {other.id}", style="dim") for other in entry.same)
            record_cell = cell_lines(
                Text(record.id, style="bold"),
                label,
                Text("also stated as", style="dim") if entry.same else Text(""),
                also,
            )
            cells = [when, record_cell]
            fields = [
                ("date", when),
                ("kind", kind),
                ("status", status),
                ("record", label),
                ("also", also),
                ("source", whole),
            ]
            listing.add(
                record.id, [*cells, cell_lines(kind, status, whole)], fields, [*cells, cell_lines(kind, status, brief)]
            )
        listing.print(make_console())

    def brief(self, fb: m.FactBase, sections: list[BriefSection]) -> None:
        # The Markdown is built from escaped data, so Rich renders it as Markdown and never as Rich markup.
        from rich.markdown import Markdown  # markdown-it is heavy; only the brief needs it

        from . import markdown

        make_console().print(Markdown(markdown.brief(fb, sections)))

    def cite(self, fb: m.FactBase, cited: ClaimCitation, style: str) -> None:
        from .citation import render

        # Soft-wrapped: the terminal folds the line, Rich inserts no line break, so a citation copied from the
        # screen is one line whatever the width.
        make_console().print(Text(render(cited, style)), soft_wrap=True)

    def outcomes(self, fb: m.FactBase, card: Scorecard) -> None:
        console = make_console()
        header = Text("Outcomes: ")
        for position, (verdict, n) in enumerate(card.counts.items()):
            header.append(", " if position else "")
            header.append_text(_verdict(verdict))
            header.append(f" {n}")
        console.print(header)
        listing = Listing(
            "What came of each expectation",
            ("expectation", longest((row.expectation.id for row in card.rows), TEXT_FLOOR)),
            ("status", 9),
            ("verdict", 14),
            ("summary", TEXT_FLOOR),
            ("sources", 10),
        )
        for row in card.rows:
            outcome = row.outcome
            label = Text(row.expectation.label)
            status, came = _status(row.expectation), _verdict(row.verdict)
            summary = Text(outcome.summary if outcome else "no outcome recorded by this date")
            sources = Text("\n".join(evidence_sources(fb, outcome.evidence)) if outcome else "", style="dim")
            cells = [Text(row.expectation.id, style="bold") + Text("\n") + label, status, came, summary, sources]
            fields = [
                ("expectation", label),
                ("status", status),
                ("verdict", came),
                ("summary", summary),
                ("sources", sources),
            ]
            listing.add(row.expectation.id, cells, fields)
        listing.print(console)

    def sources(self, fb: m.FactBase, uses: list[SourceUse]) -> None:
        listing = Listing(
            "Sources",
            ("id", longest(use.source.id for use in uses)),
            ("source", 15),
            ("publisher", 12),
        )
        for use in uses:
            source = use.source
            kind, published, language = Text(source.source_kind), Text(source.published), Text(source.language)
            publisher = Text(source.publisher_shown + (f" (via {source.via})" if source.via else ""))
            cited = Text(f"cited by {len(use.citing)}", style="dim")
            when = Text(f"{source.published} \u00b7 {source.language}")
            cells = [Text(source.id, style="bold"), cell_lines(kind, when, cited), publisher]
            fields = [
                ("kind", kind),
                ("publisher", publisher),
                ("published", published),
                ("language", language),
                ("cited by", Text(str(len(use.citing)))),
            ]
            listing.add(source.id, cells, fields)
        listing.print(make_console())

    def conflicts(self, fb: m.FactBase, shown: list[ConflictView]) -> None:
        console = make_console()
        for item in shown:
            listing = Listing(None, ("claim", longest(c.id for c in item.claims)), ("says", TEXT_FLOOR), ("source", 10))
            for claim in item.claims:
                cite = citation(fb, claim)
                says, source = Text(claim.label), Text(cite.brief if cite else "", style="dim")
                listing.add(
                    claim.id, [Text(claim.id, style="bold"), says, source], [("says", says), ("source", source)]
                )
            stacked = not listing.fits(console)
            console.print()
            question = Text(item.conflict.question)
            if stacked:
                console.print(Text(item.conflict.id, style="bold"), soft_wrap=True)
                console.print(question)
            else:
                console.print(Text(item.conflict.id, style="bold") + Text(": ") + question)
            listing.print(console, stacked)
            if item.conflict.note:
                console.print(Text(item.conflict.note, style="italic"))


def _outcome_listing(outcome: m.Outcome) -> Listing:
    listing = Listing(
        f"What came of it ({outcome.id})",
        ("verdict", 14),
        ("as of", 10),
        ("summary", TEXT_FLOOR),
        ("evidence", longest(outcome.evidence, 10)),
    )
    verdict, day, summary = _verdict(outcome.verdict), Text(outcome.as_of.text), Text(outcome.summary)
    evidence = Text("\n".join(outcome.evidence) or "none found", style="dim")
    fields = [("verdict", verdict), ("as of", day), ("summary", summary), ("evidence", evidence)]
    listing.add(outcome.id, [verdict, day, summary, evidence], fields)
    return listing


def _related_listing(related: Sequence[Related]) -> Listing:
    listing = Listing(
        "Linked records, most related first",
        ("record", longest((item.record.id for item in related), TEXT_FLOOR)),
        ("kind", 9),
        ("shares", 10),
    )
    for item in related:
        kind, status = Text(item.record.kind), _status(item.record)
        label, shares = Text(item.record.label), Text(", ".join(item.shared), style="dim")
        cells = [Text(item.record.id, style="bold") + Text("\n") + label, cell_lines(kind, status), shares]
        fields = [("kind", kind), ("status", status), ("record", label), ("shares", shares)]
        listing.add(item.record.id, cells, fields)
    return listing


def _panel(console: Console, record_id: str, body: Text, title: Text) -> None:
    """A panel headed by its title, with the record's id as its first line, or above it when the id is longer
    than the panel is wide."""
    if cell_len(record_id) + 4 <= console.width:
        console.print(Panel(Text(record_id, style="bold") + Text("\n") + body, title=title, title_align="left"))
    else:
        console.print(Text(record_id, style="bold"), soft_wrap=True)
        console.print(Panel(body, title=title, title_align="left"))


def _verdict(verdict: str) -> Text:
    # Distinct words as well as colours, so the verdicts stay apart with NO_COLOR.
    return Text(verdict, style=VERDICT_STYLES.get(verdict, ""))
