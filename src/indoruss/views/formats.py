"""--format: which form a command's records take, and the column formats (csv, tsv, markdown, a table of
--fields). A list goes to a pipe as TSV; a document (`show`, `brief`) as its plain lines.

Nothing heavy is imported here: the csv and json modules, the columns and Rich only when a format needs them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import UnknownChoice
from .output import View, for_people, forced_style, human_style
from .stream import write

if TYPE_CHECKING:
    from .columns import Rows

FORMATS = ("table", "plain", "tsv", "csv", "json", "jsonl", "markdown")
COLUMNAR = ("table", "tsv", "csv", "markdown")
# The formats people and line tools read show a listing's default columns unless --fields says otherwise;
# csv has every column, as the SQLite tables do.
SHORT = ("tsv", "markdown")
EVERY_FIELD = "all"
UNBROKEN = frozenset({"id", "value", "paragraph", "score", "cited_by", "facts", "figures", "quotes", "events"})


class Extra(NamedTuple):
    """A column that one command adds after the record's own (a search score, an outcome's verdict)."""

    name: str
    sql: str = "TEXT"


class Choice(NamedTuple):
    format: str
    fields: tuple[str, ...] | None = None


def choose(given: str | None, as_json: bool, fields: str | None, piped: str = "tsv") -> Choice:
    """The format asked for, else JSON for --json, else the default: `table` on a terminal and `piped` in
    a pipe (`tsv` for a list, `plain` for a document), `plain` wherever INDORUSS_OUTPUT=plain, and with
    --fields `table` on a terminal and `tsv` elsewhere."""
    if as_json and given not in (None, "json"):
        raise UnknownChoice(f"--json is short for --format json; it cannot go with --format {given}")
    picked = [f.strip() for f in fields.split(",")] if fields is not None else None
    if picked is not None and (not picked or "" in picked):
        raise UnknownChoice(f"--fields wants column names separated by commas, not {fields!r}")
    style = human_style()
    chosen = given or ("json" if as_json else None)
    if chosen is None and picked:
        chosen = "table" if style == "rich" else "tsv"
    elif chosen is None:
        chosen = "table" if style == "rich" else "plain" if forced_style() == "plain" else piped
    if picked and chosen not in COLUMNAR:
        raise UnknownChoice(f"--fields picks the columns of {', '.join(COLUMNAR)}; --format {chosen} has none")
    return Choice(chosen, tuple(picked) if picked else None)


def render(
    choice: Choice,
    to_json: Callable[[], Any],
    to_rows: Callable[[], Rows],
    show: Callable[[View], None],
    as_markdown: Callable[[], str] | None = None,
) -> None:
    """Show one command's result in the chosen format."""
    if choice.format == "json":
        from .jsondoc import dumps

        write(dumps(to_json()) + "\n")
    elif choice.format == "jsonl":
        write(jsonl(to_json()))
    elif choice.fields is None and choice.format == "table":
        from .terminal import RichView

        for_people(lambda: show(RichView()))
    elif choice.format == "plain":
        from .plain import PlainView

        show(PlainView())
    elif choice.fields is None and choice.format == "markdown" and as_markdown is not None:
        write(as_markdown())
    else:
        table = to_rows()
        if choice.fields is not None:
            table = table.pick(checked_fields(choice.fields, table.names))
        elif choice.format in SHORT:
            table = table.pick([name for name in table.default if name in table.names])
        writer = WRITERS[choice.format]
        if choice.format == "table":  # the one column format for people: paged like their views
            for_people(lambda: writer(table))
        else:
            writer(table)


def checked_fields(fields: Sequence[str], names: Sequence[str]) -> list[str]:
    if tuple(fields) == (EVERY_FIELD,):
        return list(names)
    unknown = [f for f in fields if f not in names]
    if unknown:
        listed = ", ".join(names)
        raise UnknownChoice(f"unknown field {unknown[0]!r} (fields: {listed}; or {EVERY_FIELD})")
    return list(fields)


def jsonl(document: Any) -> str:
    """JSON Lines: each element of the command's JSON array on a line of its own, an object alone on one."""
    import json

    items = document if isinstance(document, list) else [document]
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)


def _csv(table: Rows) -> None:
    # RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, a quote or a line break.
    # UTF-8 without a byte-order mark; the README says why.
    import csv
    import io

    from .columns import cell

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.names)
    writer.writerows([cell(v) for v in row] for row in table.rows)
    write(out.getvalue())


def tsv_cell(text: str) -> str:
    """A value in one TSV field: backslash, tab and line breaks written as \\\\, \\t, \\n and \\r."""
    if not any(c in text for c in "\\\t\n\r"):
        return text
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _tsv(table: Rows) -> None:
    from .columns import cell

    lines = ["\t".join(table.names)]
    lines += ["\t".join(tsv_cell(cell(v)) for v in row) for row in table.rows]
    write("\n".join(lines) + "\n")


def _markdown(table: Rows) -> None:
    from .columns import cell
    from .markdown import escape

    lines = ["| " + " | ".join(table.names) + " |", "|" + "---|" * len(table.names)]
    lines += ["| " + " | ".join(escape(cell(v)) for v in row) + " |" for row in table.rows]
    write("\n".join(lines) + "\n")


def _table(table: Rows) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from ..safety import printable
    from .columns import cell
    from .terminal import make_console

    drawn = Table(box=box.SIMPLE_HEAD, expand=False)
    for name in table.names:
        # An id is never wrapped (it is what a reader passes on to `show` or `cite`), nor is a number.
        whole = name in UNBROKEN or name.endswith("_id")
        drawn.add_column(Text(name), overflow="fold", no_wrap=whole)
    for row in table.rows:
        drawn.add_row(*(Text(printable(cell(v))) for v in row))
    make_console().print(drawn)


WRITERS: dict[str, Callable[[Rows], None]] = {"csv": _csv, "tsv": _tsv, "markdown": _markdown, "table": _table}
