"""Rich views for a terminal. Every string from the data or the user goes in as Text, never as markup."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group
from rich.measure import Measurement
from rich.panel import Panel
from rich.segment import Segment, Segments
from rich.table import Table
from rich.text import Text

from ..model import records as m
from ..model.citing import Citation, citation, evidence_sources
from ..safety import printable
from .stream import STDOUT, TERMINAL

if TYPE_CHECKING:
    from ..model.analysis import BriefSection, Detail, Related
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
# The narrowest a column of running text can be in a table before the table gives way to stacked blocks.
TEXT_FLOOR = 14
# The floor of a column that is never wrapped (a source id among short words): its own width.
WHOLE = -1


def _console() -> Console:
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


def _longest(texts: Iterable[str], at_least: int = 0) -> int:
    return max([at_least, *(cell_len(t) for t in texts)])


def _lines(*parts: Text) -> Text:
    """Several short values stacked in one table cell, the empty ones left out."""
    return Text("\n").join(p for p in parts if p.plain)


class Listing:
    """Records as a table while its columns fit the terminal, else stacked: one block a record, its id alone on
    the first line and its fields labelled below.

    Each column has a floor, the narrowest it is still readable at; a column that holds ids has the longest id
    as its floor, so that an id is never wrapped or cut. The table is drawn when the floors fit (a column
    narrower than its floor needs only its own width); columns wider than the terminal allows share the space
    left in proportion to what they would take. Rows may come with brief cells too (a source named "web"
    rather than by its id), tried when the whole ones do not fit.
    """

    def __init__(self, title: str | None, *columns: tuple[str, int]) -> None:
        self.title = title
        self.columns = columns
        self.rows: list[tuple[str, Sequence[Text], Sequence[tuple[str, Text]], Sequence[Text] | None]] = []
        self._brief = False
        self._measured: dict[bool, list[int]] = {}

    def add(
        self,
        record_id: str,
        cells: Sequence[Text],
        fields: Sequence[tuple[str, Text]],
        brief: Sequence[Text] | None = None,
    ) -> None:
        """One record: its cells in the table, its labelled fields (besides the id) when stacked, and the brief
        cells of a narrower table."""
        self.rows.append((record_id, cells, fields, brief))

    def fits(self, console: Console) -> bool:
        """Whether the table fits the terminal with every column at its floor at least, with the whole cells or
        else the brief ones (which the table then shows)."""
        for brief in (False, True):
            if brief and not all(row[3] for row in self.rows):
                break
            self._brief = brief
            if sum(self._needed(console)) <= self._room(console):
                return True
        return False

    def print(self, console: Console, stacked: bool | None = None) -> None:
        """The table if it fits (or `stacked` is False), else the stacked blocks."""
        if stacked is None:
            stacked = not self.fits(console)
        if stacked:
            _stacked(console, self.title, [(record_id, fields) for record_id, _, fields, _ in self.rows])
        else:
            console.print(self._table(self._needed(console), self._natural(console), self._room(console)))

    def _cells(self) -> list[Sequence[Text]]:
        return [(row[3] or row[1]) if self._brief else row[1] for row in self.rows]

    def _natural(self, console: Console) -> list[int]:
        """The width each column takes when nothing is wrapped (measured once for each set of cells)."""
        if self._brief not in self._measured:
            measure = Measurement.get
            rows = self._cells()
            self._measured[self._brief] = [
                max([cell_len(name), *(measure(console, console.options, cells[i]).maximum for cells in rows)])
                for i, (name, _) in enumerate(self.columns)
            ]
        return self._measured[self._brief]

    def _needed(self, console: Console) -> list[int]:
        natural = self._natural(console)
        return [
            width if floor == WHOLE else min(floor, width)
            for (_, floor), width in zip(self.columns, natural, strict=True)
        ]

    def _room(self, console: Console) -> int:
        return console.width - (3 * len(self.columns) + 1)  # a space of padding each side, one between columns

    def _table(self, needed: list[int], natural: list[int], room: int) -> Table:
        table = _table(*(name for name, _ in self.columns), title=self.title)
        for cells in self._cells():
            table.add_row(*cells)
        if sum(natural) > room:
            wants = [n - w for n, w in zip(natural, needed, strict=True)]
            spare, wanted = room - sum(needed), sum(wants)
            for column, width, want in zip(table.columns, needed, wants, strict=True):
                column.width = width + want * spare // wanted
        return table


def _stacked(console: Console, title: str | None, blocks: Sequence[tuple[str, Sequence[tuple[str, Text]]]]) -> None:
    """One block a record: its id alone on a line, never wrapped or cut (a terminal narrower than the id wraps
    the line itself, and copies it whole), then its fields labelled and indented. A value that holds a word
    too long for its column (a source's id, a URL) goes on lines of its own below its label, whole."""
    with console:  # one write for the whole listing
        if title:
            console.print(Text(printable(title), style="bold"))
        for record_id, fields in blocks:
            console.print()
            console.print(Text(record_id, style="bold"), soft_wrap=True)
            shown = [(label, value) for label, value in fields if value.plain]
            labels = _longest(label for label, _ in shown) + 2
            room = console.width - labels - 1
            grid = _fields_grid(labels)
            for label, value in shown:
                if max(cell_len(word) for word in value.plain.split()) <= room:
                    grid.add_row(Text("  " + label), value)
                    continue
                _print_trimmed(console, grid)
                grid = _fields_grid(labels)
                console.print(Text("  " + label, style="dim"))
                for line in value.split("\n"):
                    console.print(Text("    ") + line, soft_wrap=True)
            _print_trimmed(console, grid)


def _print_trimmed(console: Console, grid: Table) -> None:
    """A grid without the blanks that pad its lines to the width, so that a block copies cleanly."""
    trimmed: list[Segment] = []
    for line in console.render_lines(grid, pad=False):
        while line and not line[-1].text.strip():
            line.pop()
        if line:
            last = line[-1]
            line[-1] = Segment(last.text.rstrip(), last.style, last.control)
        trimmed += [*line, Segment.line()]
    console.print(Segments(trimmed))


def _fields_grid(labels: int) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="dim", min_width=labels)
    grid.add_column(overflow="fold")
    return grid


def _record_table(fb: m.FactBase, records: Sequence[m.BaseRecord], title: str) -> Listing:
    listing = Listing(
        title, ("id", _longest(r.id for r in records)), ("status", 9), ("record", TEXT_FLOOR), ("\u00b6", WHOLE)
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
            ("record", _longest((r.id for r in records), TEXT_FLOOR)),
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
                [score, _lines(kind, status, whole), described, how],
                [*fields, ("source", whole)],
                [score, _lines(kind, status, brief), described, how],
            )
        listing.print(_console())

    def topics(self, fb: m.FactBase, rows: list[TopicCount]) -> None:
        sections = list(rows[0].counts) if rows else []
        listing = Listing(
            "Topics",
            ("topic", _longest(row.topic.id for row in rows)),
            ("title", TEXT_FLOOR),
            *((section, len(section)) for section in sections),
        )
        for row in rows:
            counts = [Text(str(n)) for n in row.counts.values()]
            title, about = Text(row.topic.title), Text(row.topic.description, style="dim")
            cells = [Text(row.topic.id, style="bold"), title + Text("\n") + about, *counts]
            listing.add(row.topic.id, cells, [("title", title), ("about", about), *zip(sections, counts, strict=True)])
        listing.print(_console())

    def topic(self, fb: m.FactBase, shown: TopicDetail) -> None:
        console = _console()
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
        _record_table(fb, chosen, title).print(_console())

    def quotes(self, fb: m.FactBase, chosen: list[m.Quote]) -> None:
        console = _console()
        # A panel a quote, its id in the border, while the longest id fits there; else stacked blocks.
        if console.width < max(50, _longest(q.id for q in chosen) + 8):
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
            _stacked(console, "Quotes", blocks)
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
            ("record", _longest((f.id for f in chosen), TEXT_FLOOR)),
            ("figure", 12),
            ("status", WHOLE),
        )
        for figure in chosen:
            display, measures = Text(figure.display, style="bold cyan"), Text(figure.measures)
            qualifier, period = Text(figure.qualifier, style="dim"), Text(figure.period or "", style="dim")
            status, (whole, brief) = _status(figure), _reference(fb, figure)
            cells = [Text(figure.id, style="bold") + Text("\n") + measures, _lines(display, qualifier, period)]
            fields = [
                ("figure", display),
                ("measures", measures),
                ("qualifier", qualifier),
                ("period", period),
                ("status", status),
                ("source", whole),
            ]
            listing.add(figure.id, [*cells, _lines(status, whole)], fields, [*cells, _lines(status, brief)])
        listing.print(_console())

    def actors(self, fb: m.FactBase, chosen: list[m.Entity]) -> None:
        listing = Listing(
            "Actors",
            ("id", _longest(e.id for e in chosen)),
            ("category", 12),
            ("name", TEXT_FLOOR),
            ("description", TEXT_FLOOR),
        )
        for entity in chosen:
            category, name = Text(entity.category), Text(entity.name, style="bold")
            description = Text(entity.description)
            fields = [("category", category), ("name", name), ("description", description)]
            listing.add(entity.id, [Text(entity.id, style="dim"), category, name, description], fields)
        listing.print(_console())

    def show(self, fb: m.FactBase, shown: Detail) -> None:
        from .fields import fields as labelled

        console = _console()
        record = shown.record
        rows = [(key, _status(record) if key == "status" else Text(value)) for key, value in labelled(fb, record)]
        outcome = _outcome_listing(shown.outcome) if shown.outcome is not None else None
        qualified = _record_table(fb, shown.qualified_by, "Later sources qualify it") if shown.qualified_by else None
        related = _related_listing(shown.related) if shown.related else None
        listings = [listing for listing in (outcome, qualified, related) if listing is not None]
        # A panel, the id among the fields, while the id fits beside the labels and every table below fits too;
        # else the record and its tables alike are stacked blocks.
        widest = _longest(key for key, _ in rows)
        fits = console.width >= 4 + widest + 2 + max(len(record.id), 20)
        stacked = not (fits and all(listing.fits(console) for listing in listings))
        if stacked:
            _stacked(console, None, [(record.id, [(key, value) for key, value in rows if key != "id"])])
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

    def timeline(self, fb: m.FactBase, entries: list[m.Claim]) -> None:
        listing = Listing(
            "Timeline",
            ("date", 12),
            ("record", _longest((r.id for r in entries), TEXT_FLOOR)),
            ("kind", WHOLE),
        )
        for record in entries:
            assert record.date is not None
            when = Text(record.date.label or record.date.text, style="bold")
            precision, kind = Text(record.date.precision, style="dim"), Text(record.kind)
            status, (whole, brief), label = _status(record), _reference(fb, record), Text(record.label)
            cells = [_lines(when, precision), Text(record.id, style="bold") + Text("\n") + label]
            fields = [
                ("date", when),
                ("precision", precision),
                ("kind", kind),
                ("status", status),
                ("record", label),
                ("source", whole),
            ]
            listing.add(record.id, [*cells, _lines(kind, status, whole)], fields, [*cells, _lines(kind, status, brief)])
        listing.print(_console())

    def brief(self, fb: m.FactBase, sections: list[BriefSection]) -> None:
        # The Markdown is built from escaped data, so Rich renders it as Markdown and never as Rich markup.
        from rich.markdown import Markdown  # markdown-it is heavy; only the brief needs it

        from . import markdown

        _console().print(Markdown(markdown.brief(fb, sections)))

    def cite(self, fb: m.FactBase, found: Citation, as_markdown: bool) -> None:
        from . import markdown

        # One line, whatever the width: the terminal wraps it, and it copies and pastes whole.
        _console().print(Text(markdown.citation(found) if as_markdown else found.plain()), soft_wrap=True)

    def outcomes(self, fb: m.FactBase, card: Scorecard) -> None:
        console = _console()
        header = Text("Outcomes: ")
        for position, (verdict, n) in enumerate(card.counts.items()):
            header.append(", " if position else "")
            header.append_text(_verdict(verdict))
            header.append(f" {n}")
        console.print(header)
        listing = Listing(
            "What came of each expectation",
            ("expectation", _longest((row.expectation.id for row in card.rows), TEXT_FLOOR)),
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
            ("id", _longest(use.source.id for use in uses)),
            ("source", 15),
            ("publisher", 12),
        )
        for use in uses:
            source = use.source
            kind, published, language = Text(source.source_kind), Text(source.published), Text(source.language)
            publisher = Text(source.publisher_shown + (f" (via {source.via})" if source.via else ""))
            cited = Text(f"cited by {len(use.citing)}", style="dim")
            when = Text(f"{source.published} \u00b7 {source.language}")
            cells = [Text(source.id, style="bold"), _lines(kind, when, cited), publisher]
            fields = [
                ("kind", kind),
                ("publisher", publisher),
                ("published", published),
                ("language", language),
                ("cited by", Text(str(len(use.citing)))),
            ]
            listing.add(source.id, cells, fields)
        listing.print(_console())

    def conflicts(self, fb: m.FactBase, shown: list[ConflictView]) -> None:
        console = _console()
        for item in shown:
            listing = Listing(
                None, ("claim", _longest(c.id for c in item.claims)), ("says", TEXT_FLOOR), ("source", 10)
            )
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
        ("evidence", _longest(outcome.evidence, 10)),
    )
    verdict, day, summary = _verdict(outcome.verdict), Text(outcome.as_of.text), Text(outcome.summary)
    evidence = Text("\n".join(outcome.evidence) or "none found", style="dim")
    fields = [("verdict", verdict), ("as of", day), ("summary", summary), ("evidence", evidence)]
    listing.add(outcome.id, [verdict, day, summary, evidence], fields)
    return listing


def _related_listing(related: Sequence[Related]) -> Listing:
    listing = Listing(
        "Linked records, most related first",
        ("record", _longest((item.record.id for item in related), TEXT_FLOOR)),
        ("kind", 9),
        ("shares", 10),
    )
    for item in related:
        kind, status = Text(item.record.kind), _status(item.record)
        label, shares = Text(item.record.label), Text(", ".join(item.shared), style="dim")
        cells = [Text(item.record.id, style="bold") + Text("\n") + label, _lines(kind, status), shares]
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
