"""Laying records out on a terminal of any width: a table while its columns fit, else stacked blocks, one a
record. Ids are never wrapped or cut. Every string goes in as Text, never as markup."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.measure import Measurement
from rich.segment import Segment, Segments
from rich.table import Table
from rich.text import Text

from ..safety import printable

# The narrowest a column of running text can be in a table before the table gives way to stacked blocks.
TEXT_FLOOR = 14
# The floor of a column that is never wrapped (a source id among short words): its own width.
WHOLE = -1


def make_table(*columns: str, title: str | None = None) -> Table:
    # Titles can carry a query: escape what a terminal would act on, as everywhere else.
    shown = Text(printable(title)) if title else None
    table = Table(box=box.SIMPLE_HEAD, title=shown, expand=False, show_lines=False)
    for column in columns:
        table.add_column(Text(column), overflow="fold")
    return table


def longest(texts: Iterable[str], at_least: int = 0) -> int:
    return max([at_least, *(cell_len(t) for t in texts)])


def cell_lines(*parts: Text) -> Text:
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
            stack_blocks(console, self.title, [(record_id, fields) for record_id, _, fields, _ in self.rows])
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
        table = make_table(*(name for name, _ in self.columns), title=self.title)
        for cells in self._cells():
            table.add_row(*cells)
        if sum(natural) > room:
            wants = [n - w for n, w in zip(natural, needed, strict=True)]
            spare, wanted = room - sum(needed), sum(wants)
            for column, width, want in zip(table.columns, needed, wants, strict=True):
                column.width = width + want * spare // wanted
        return table


def stack_blocks(console: Console, title: str | None, blocks: Sequence[tuple[str, Sequence[tuple[str, Text]]]]) -> None:
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
            labels = longest(label for label, _ in shown) + 2
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
