"""The commands: thin Typer functions that load, ask the model or search, and hand the result to a view.

Each command returns nothing and raises the project's own errors; cli/main.py turns those into messages and
exit codes, once.
"""

from __future__ import annotations

from enum import Enum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .. import __version__
from ..errors import DataPathError, FactBaseError, LookupFailed, ProblemsFound
from ..model import records as m
from ..safety import printable_line
from ..views.formats import FORMATS, Extra, render
from ..views.output import View, emit
from ..views.stream import configure, write

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ..search.ranking import Hit
    from ..storage.store import Store
    from ..views.columns import Rows, Value
    from ..views.formats import Choice

APP_SETTINGS: dict[str, Any] = {
    "name": "indoruss",
    "rich_markup_mode": None,
    "pretty_exceptions_enable": False,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}
app = typer.Typer(**APP_SETTINGS)

Kind = Enum("Kind", {k: k for k in m.KINDS if k != "source"}, type=str)  # type: ignore[misc]
ClaimKind = Enum("ClaimKind", {k: k for k in m.KINDS if k in m.CLAIM_KINDS}, type=str)  # type: ignore[misc]
BriefKind = Enum("BriefKind", {k: k for k in ("fact", "figure", "quote")}, type=str)  # type: ignore[misc]
Status = Enum("Status", {s: s for s in m.STATUSES}, type=str)  # type: ignore[misc]
Category = Enum("Category", {c: c for c in m.CATEGORIES}, type=str)  # type: ignore[misc]
Verdict = Enum("Verdict", {v: v for v in (*m.VERDICTS, "open")}, type=str)  # type: ignore[misc]
Format = Enum("Format", {f: f for f in FORMATS}, type=str)  # type: ignore[misc]
ExportFormat = Enum("ExportFormat", {f: f for f in ("json", "jsonl", "sqlite")}, type=str)  # type: ignore[misc]
SEARCHED_KINDS = tuple(k.value for k in Kind)


class State:
    def __init__(self, data: str | None, use_cache: bool, debug: bool, as_of: str | None = None) -> None:
        self.data = data
        self.use_cache = use_cache
        self.debug = debug
        self.as_of = as_of  # a day YYYY-MM-DD: show the fact base as it stood then
        # Set by --json on a command whose JSON is a list: when nothing is found, scripts still get `[]`.
        self.empty_json: str | None = None
        self.cut: str | None = None  # "10 of 31; --limit to see more", said after the list
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            from ..loading.paths import resolve_data_path
            from ..storage.store import Store

            self._store = Store(resolve_data_path(self.data), use_cache=self.use_cache, short_lived=True)
        return self._store

    @property
    def factbase(self) -> m.FactBase:
        fb: m.FactBase = self.store.factbase
        if self.as_of is None:
            return fb
        from ..model.outcomes import as_of

        return as_of(fb, self.as_of)


_state = State(None, True, False)


def state() -> State:
    """The options of this run, as the main callback set them."""
    return _state


# -- completion -------------------------------------------------------------------------------------------


def _completion_factbase(ctx: typer.Context) -> m.FactBase | None:
    root = ctx.find_root()
    try:
        return State(root.params.get("data"), True, False).factbase
    except Exception:
        return None


def complete_topic(ctx: typer.Context, incomplete: str) -> list[str]:
    fb = _completion_factbase(ctx)
    return [t.id for t in fb.topics if t.id.startswith(incomplete.casefold())] if fb else []


def complete_speaker(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Speakers by surname, full name or id; the shell quotes a name with spaces (cli/completion.py)."""
    fb = _completion_factbase(ctx)
    if fb is None:
        return []
    from ..model.queries import speakers

    wanted = incomplete.casefold()
    offers: dict[str, str] = {}
    for key, name in speakers(fb).items():
        for form in (name.split()[-1], name, key):
            if form.casefold().startswith(wanted):
                offers.setdefault(form, name if form != name else "")
    return list(offers.items())


def complete_record(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Record ids, and the names and aliases of entities and topics that name one record only: every
    candidate is something `show` and `cite` accept."""
    fb = _completion_factbase(ctx)
    if fb is None:
        return []
    from ..text import compact

    wanted = incomplete.casefold()
    offers = {r.id: f"{r.kind}: {_short(r.label)}" for r in fb.records() if r.id.startswith(wanted)}
    named: dict[str, set[str]] = {}  # a folded name -> the ids of the records it names
    forms: dict[str, str] = {}  # a name or alias as written -> the record's id
    for record in fb.records():
        if isinstance(record, m.Entity | m.Topic):
            for form in (record.label, *record.aliases):
                named.setdefault(compact(form), set()).add(record.id)
                if form.casefold().startswith(wanted) and form not in offers:
                    forms.setdefault(form, record.id)
    for form, record_id in forms.items():
        if named[compact(form)] == {record_id} and form not in offers:
            offers[form] = f"{fb.by_id[record_id].kind} {record_id}"
    return list(offers.items())


def complete_source(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    fb = _completion_factbase(ctx)
    chosen = fb.of(m.Source) if fb else ()
    return [(s.id, _short(s.title)) for s in chosen if s.id.startswith(incomplete.casefold())]


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:59].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


# -- shared options, defined once --------------------------------------------------------------------------


def _remember_json_list(value: bool) -> bool:
    if value:
        state().empty_json = "[]"
    return value


JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON to stdout instead of a view for people.")]
# For commands whose JSON is an array: when nothing is found, that array is printed empty.
JsonListOption = Annotated[
    bool,
    typer.Option("--json", help="Print JSON to stdout instead of a view for people.", callback=_remember_json_list),
]


def positive_int(text: str) -> int:
    """--limit values: whole numbers from 1 up, with a message that says so."""
    try:
        value = int(str(text).strip())
    except ValueError:
        value = 0
    if value < 1:
        raise typer.BadParameter(f"{text!r} is not a whole number of 1 or more.")
    return value


LimitOption = Annotated[
    int, typer.Option("--limit", "-n", metavar="N", parser=positive_int, help="Show at most this many results.")
]
TopicOption = Annotated[
    str | None,
    typer.Option(
        "--topic",
        "-t",
        metavar="TOPIC",
        help="Only records of this topic (id, title or alias).",
        autocompletion=complete_topic,
    ),
]
MarkdownOption = Annotated[bool, typer.Option("--markdown", help="Print Markdown, ready to paste into a report.")]
StatusFilter = Annotated[Status | None, typer.Option("--status", "-s", help="Only records with this status.")]
SourceOption = Annotated[
    str | None, typer.Option("--source", metavar="SOURCE_ID", help="Only records that cite this source.")
]
VerdictOption = Annotated[
    Verdict | None,
    typer.Option("--verdict", "-v", help="Only expectations (and outcomes) with this verdict, or 'open'."),
]
ClaimKindOption = Annotated[ClaimKind | None, typer.Option("--kind", "-k", help="Only records of this kind.")]
ListLimit = Annotated[
    int, typer.Option("--limit", "-n", metavar="N", parser=positive_int, help="Show at most this many.")
]
# For the lists that show everything unless told otherwise.
AnyLimit = Annotated[
    int | None,
    typer.Option("--limit", "-n", metavar="N", parser=positive_int, help="Show at most this many (default: all)."),
]


def _remember_format(value: Any) -> Any:
    if value is None:
        return None
    if value.value == "json":
        state().empty_json = "[]"
    return value.value  # Typer turns the name back into the choice; a choice itself it would lose


FORMATS_LISTED = "table, plain, tsv, csv, json, jsonl or markdown"
FORMAT_HELP = f"{FORMATS_LISTED} (default: table on a terminal, tsv in a pipe)."
# A document (`show`, `brief`) goes to a pipe as its plain lines: a record with its related records, or a
# briefing, is no table.
DOCUMENT_FORMAT_HELP = f"{FORMATS_LISTED} (default: table on a terminal, plain lines in a pipe)."
# For commands whose JSON is an array (see JsonListOption).
FormatOption = Annotated[
    Format | None, typer.Option("--format", metavar="FORMAT", help=FORMAT_HELP, callback=_remember_format)
]
DocumentFormatOption = Annotated[
    Format | None, typer.Option("--format", metavar="FORMAT", help=DOCUMENT_FORMAT_HELP, callback=_remember_format)
]
OneFormatOption = Annotated[Format | None, typer.Option("--format", metavar="FORMAT", help=DOCUMENT_FORMAT_HELP)]
FieldsOption = Annotated[
    str | None,
    typer.Option(
        "--fields",
        metavar="A,B,C",
        help="Only these columns, in this order, or 'all' (csv, tsv, table, markdown).",
    ),
]


def _choice(
    fmt: Any,
    as_json: bool,
    fields: str | None,
    kinds: tuple[str, ...],
    extras: Sequence[Extra] = (),
    piped: str = "tsv",
) -> Choice:
    """The format asked for, checked before anything is looked up: a wrong field is a usage error. In a
    pipe a list is `tsv`; a document passes `piped="plain"`."""
    from ..views.formats import checked_fields, choose

    chosen = choose(fmt.value if fmt is not None else None, as_json, fields, piped)
    if chosen.fields and kinds:
        from ..views.columns import listing_columns

        names = [c.name for c in listing_columns(kinds)] + [e.name for e in extras]
        checked_fields(chosen.fields, names)
    return chosen


def _rows(
    records: Sequence[m.BaseRecord],
    kinds: tuple[str, ...],
    extras: Sequence[Extra] = (),
    values: Callable[[Any], tuple[Value, ...]] | None = None,
    default: Sequence[str] = (),
) -> Callable[[], Rows]:
    def build() -> Rows:
        from ..views.columns import rows

        return rows(records, kinds, extras, values, default)

    return build


def _first(chosen: list[Any], limit: int | None) -> list[Any]:
    """At most `limit` of the records; when that is fewer, _show says so on stderr after the list."""
    if limit is None or len(chosen) <= limit:
        return chosen
    _cut(limit, len(chosen))
    return chosen[:limit]


def _cut(shown: int, total: int, what: str = "") -> None:
    """Remember that a limit showed `shown` of `total`, for _show to say after the list."""
    _state.cut = f"{shown} of {total}{what}; --limit to see more"


def _show(
    choice: Choice,
    to_json: Callable[[], Any],
    rows: Callable[[], Rows],
    show: Callable[[View], None],
    as_markdown: Callable[[], str] | None = None,
) -> None:
    """The result in the chosen format, then how many of how many it shows when a limit cut it: last, where
    a reader at a terminal sees it below the list."""
    render(choice, to_json, rows, show, as_markdown)
    if _state.cut:
        from ..views.output import warn

        warn(_state.cut)


def _only(
    fb: m.FactBase,
    topic: str | None = None,
    kind: Any = None,
    status: Any = None,
    source: str | None = None,
    verdict: Any = None,
) -> Any:
    from ..model.queries import Only, check_source

    return Only(
        _topic(fb.topics, topic),
        (kind.value,) if kind is not None else None,
        status.value if status is not None else None,
        check_source(fb, source) if source is not None else None,
        verdict.value if verdict is not None else None,
    )


def _topic(topics: tuple[m.Topic, ...], text: str | None) -> m.Topic | None:
    if not text:
        return None
    from ..model.queries import resolve_topic

    return resolve_topic(topics, text)


# -- the global options and the commands ----------------------------------------------------------------------


def _day(text: str) -> str:
    """--as-of values: a real day written YYYY-MM-DD."""
    import datetime
    import re

    written = text.strip()
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", written):
        raise typer.BadParameter(f"{text!r} is not a date of the form YYYY-MM-DD.")
    try:
        return datetime.date.fromisoformat(written).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a real date.") from None


class ColorChoice(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


def _show_version(value: bool) -> None:
    if value:
        fb = _state.factbase
        from ..loading.paths import bundled_data_dir

        path = _state.store.path
        where = "bundled" if path == bundled_data_dir() else str(path)
        write(f"indoruss {__version__} (fact base schema {fb.schema_version}, content {fb.fingerprint}, {where})\n")
        raise typer.Exit(0)


@app.callback(invoke_without_command=True)
def main_options(
    ctx: typer.Context,
    data: Annotated[
        str | None,
        typer.Option(
            "--data", metavar="PATH", help="Fact base folder or file (default: $INDORUSS_DATA, else bundled)."
        ),
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the load cache.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback when something unexpected fails.")] = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help="The fact base as it stood on DATE (YYYY-MM-DD): sources published by then, outcomes dated by then.",
            parser=_day,
        ),
    ] = None,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Never page: write straight to the terminal, however long.")
    ] = False,
    color: Annotated[
        ColorChoice,
        typer.Option(
            "--color",
            help="Colour in tables: auto (on a terminal, unless NO_COLOR is set), always (a pipe too), never.",
        ),
    ] = ColorChoice.auto,
    version: Annotated[
        bool, typer.Option("--version", help="Print the version and the fact base's identity, then exit.")
    ] = False,
) -> None:
    """Look up the facts, figures, quotes and actors of Putin's December 2025 visit to India.

    \b
    Examples:
      indoruss search S-400
      indoruss show peskov
      indoruss quotes --by Peskov --topic defence
    """
    global _state
    _state = State(data, not no_cache, debug, as_of)
    configure(pager=not no_pager, color=color.value)
    _show_version(version)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


@app.command()
def search(
    query: Annotated[str, typer.Argument(metavar="QUERY", help="Words, names or aliases to look for, in any script.")],
    topic: TopicOption = None,
    kind: Annotated[Kind | None, typer.Option("--kind", "-k", help="Only records of this kind.")] = None,
    status: Annotated[Status | None, typer.Option("--status", "-s", help="Only claims with this status.")] = None,
    limit: LimitOption = 10,
    json: JsonListOption = False,
    fmt: FormatOption = None,
    fields: FieldsOption = None,
) -> None:
    """Search every record, best match first; typos and spelling variants are forgiven.

    \b
    Examples:
      indoruss search S-400
      indoruss search "what did Peskov say about the S-400" --limit 2
      indoruss search oil --kind figure --json
    """

    extras = (Extra("score", "REAL"), Extra("matched"))
    choice = _choice(fmt, json, fields, SEARCHED_KINDS, extras)
    from ..search.ranking import Filters, search_counted, suggestions
    from ..search.ranking import search as run_search

    # Search ranks on the index alone and then loads only the records it shows, so that a large fact
    # base is never read whole for one query.
    store = _state.store
    if _state.as_of is None:
        index, records = store.index, store.records
    else:
        from ..search.index import SearchIndex

        dated = _state.factbase
        index, records = SearchIndex(dated), dated.by_id
    chosen = _topic(index.topic_records, topic)
    filters = Filters(chosen.id if chosen else None, kind.value if kind else None, status.value if status else None)
    hits, matching = search_counted(index, query, filters, limit, records=records)
    if not hits:
        if filters != Filters() and run_search(index, query, Filters(), 1):
            raise LookupFailed(f"no results for {query!r} match the --topic, --kind or --status given")
        raise LookupFailed(f"no results for {query!r}", tuple(suggestions(index, query)))
    if not any(h.complete for h in hits):
        from ..views.output import warn

        warn(f"No record matches every word of {query!r}; closest matches:")
    if matching > len(hits):
        _cut(len(hits), matching)
    fb = store.subset([h.record_id for h in hits]) if _state.as_of is None else _state.factbase
    matched = {h.record_id: (round(h.score, 1), h.match.field) for h in hits}
    _show(
        choice,
        lambda: _hits_json(fb, hits),
        _rows([fb.by_id[h.record_id] for h in hits], SEARCHED_KINDS, extras, lambda r: matched[r.id]),
        lambda view: view.search(fb, hits, query),
    )


def _hits_json(fb: m.FactBase, hits: list[Hit]) -> list[dict[str, Any]]:
    from ..views.jsondoc import hit_json

    return [hit_json(fb, h) for h in hits]


@app.command()
def topics(
    topic: Annotated[
        str | None,
        typer.Argument(metavar="[TOPIC]", help="Show everything in this topic.", autocompletion=complete_topic),
    ] = None,
    kind: Annotated[Kind | None, typer.Option("--kind", "-k", help="Only records of this kind.")] = None,
    status: StatusFilter = None,
    source: SourceOption = None,
    verdict: VerdictOption = None,
    limit: AnyLimit = None,
    json: JsonListOption = False,
    fmt: FormatOption = None,
    fields: FieldsOption = None,
) -> None:
    """List the topics with their number of facts, figures and quotes, or show one topic in full.

    \b
    Examples:
      indoruss topics
      indoruss topics defence --status expected
      indoruss topics trade --json
    """
    from ..model import queries

    if topic is None:
        options = (("--kind", kind), ("--status", status), ("--source", source), ("--verdict", verdict))
        given = [name for name, value in options if value is not None]
        if given or limit is not None:
            from ..errors import UnknownChoice

            raise UnknownChoice(f"{(given or ['--limit'])[0]} filters the records of one topic: 'topics TOPIC'")
        _topic_list(json, fmt, fields)
        return
    chosen_kinds = tuple(k for k in m.KINDS if k == "entity" or k in m.CLAIM_KINDS)
    choice = _choice(fmt, json, fields, chosen_kinds)
    fb = _state.factbase
    shown = queries.topic_detail(fb, queries.resolve_topic(fb.topics, topic))
    kept = _first(queries.select(fb, shown.records, _only(fb, None, kind, status, source, verdict)), limit)
    if not kept:
        raise LookupFailed(f"no records in topic {shown.topic.id!r} match these options")
    shown = queries.TopicDetail(shown.topic, tuple(kept))
    _show(
        choice,
        lambda: _records_json(fb, kept),
        _rows(kept, chosen_kinds),
        lambda view: view.topic(fb, shown),
    )


def _topic_list(json: bool, fmt: Any, fields: str | None) -> None:
    from ..model import queries

    extras = tuple(Extra(m.KIND_BY_NAME[k].section, "INTEGER") for k in m.CLAIM_KINDS)
    choice = _choice(fmt, json, fields, ("topic",), extras)
    if _state.as_of is None:
        # The counts come from the search index, which is much smaller to load than the whole fact base.
        index = _state.store.index
        rows = queries.count_topics(index.topic_records, zip(index.kinds, index.topics, strict=True))
        fb = m.FactBase.of_records(index.topic_records, index.fingerprint)
    else:
        fb = _state.factbase
        rows = queries.topic_counts(fb)
    counts = {row.topic.id: tuple(row.counts.values()) for row in rows}
    _show(
        choice,
        lambda: _topic_rows_json(fb, rows),
        _rows([row.topic for row in rows], ("topic",), extras, lambda t: counts[t.id]),
        lambda view: view.topics(fb, rows),
    )


def _topic_rows_json(fb: m.FactBase, rows: list[Any]) -> list[dict[str, Any]]:
    from ..views.jsondoc import topic_count_json

    return [topic_count_json(fb, r) for r in rows]


def _records_json(fb: m.FactBase, records: list[Any]) -> list[dict[str, Any]]:
    from ..views.jsondoc import record_json

    return [record_json(fb, r) for r in records]


@app.command()
def quotes(
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            "-b",
            metavar="SPEAKER",
            help="Speaker: id, name, surname or alias.",
            autocompletion=complete_speaker,
        ),
    ] = None,
    topic: TopicOption = None,
    source: SourceOption = None,
    limit: AnyLimit = None,
    json: JsonListOption = False,
    fmt: FormatOption = None,
    fields: FieldsOption = None,
) -> None:
    """Show the quotes, verbatim, with speaker, context and source.

    \b
    Examples:
      indoruss quotes --by Peskov
      indoruss quotes --by "Dmitry Peskov" --topic defence
      indoruss quotes --topic trade --json
    """
    from ..model import queries

    choice = _choice(fmt, json, fields, ("quote",))
    fb = _state.factbase
    speaker = queries.resolve_speaker(fb, by) if by else None
    only = _only(fb, topic, source=source)
    chosen = _first(queries.select(fb, queries.quotes(fb, speaker, None), only), limit)
    if not chosen:
        raise LookupFailed("no quotes match these options")
    _show(choice, lambda: _records_json(fb, chosen), _rows(chosen, ("quote",)), lambda view: view.quotes(fb, chosen))


def _list_claims(
    cls: type[m.Fact] | type[m.Event], only: Callable[[m.FactBase], Any], limit: int, choice: Choice
) -> None:
    from ..model.queries import select

    fb = _state.factbase
    chosen: list[m.Claim] = select(fb, fb.of(cls), only(fb))
    if not chosen:
        raise LookupFailed(f"no {m.KIND_BY_NAME[cls.kind].section} match these options")
    shown = _first(chosen, limit)
    title = f"{m.KIND_BY_NAME[cls.kind].section.capitalize()} ({len(shown)} of {len(chosen)})"
    _show(
        choice,
        lambda: _records_json(fb, shown),
        _rows(shown, (cls.kind,)),
        lambda view: view.records(fb, shown, title),
    )


def _lister(cls: type[m.Fact] | type[m.Event], *examples: str) -> Any:
    """One listing command per kind of claim: the same options, its own help."""

    def command(
        topic: TopicOption = None,
        status: StatusFilter = None,
        source: SourceOption = None,
        verdict: VerdictOption = None,
        limit: ListLimit = 50,
        json: JsonListOption = False,
        fmt: FormatOption = None,
        fields: FieldsOption = None,
    ) -> None:
        choice = _choice(fmt, json, fields, (cls.kind,))
        _list_claims(cls, lambda fb: _only(fb, topic, None, status, source, verdict), limit, choice)

    section = m.KIND_BY_NAME[cls.kind].section
    shown = "".join(f"      {example}\n" for example in examples)
    command.__doc__ = f"""List the {section}, filtered by topic, status, source or verdict, in file order.

    \b
    Examples:
{shown}    """
    return command


app.command("facts")(
    _lister(
        m.Fact,
        "indoruss facts --status possible",
        "indoruss facts --topic defence --limit 5",
        "indoruss facts --source indiatoday-2025-12-15-relos-signed --json",
    )
)
app.command("events")(_lister(m.Event, "indoruss events --topic defence", "indoruss events --status expected --json"))


@app.command()
def figures(
    topic: TopicOption = None,
    status: StatusFilter = None,
    source: SourceOption = None,
    verdict: VerdictOption = None,
    limit: AnyLimit = None,
    json: JsonListOption = False,
    fmt: FormatOption = None,
    fields: FieldsOption = None,
) -> None:
    """Show every figure: as written, what it measures, qualifier, period and source.

    \b
    Examples:
      indoruss figures --topic trade
      indoruss figures --topic trade --format csv
      indoruss figures --json
    """
    from ..model.queries import select

    choice = _choice(fmt, json, fields, ("figure",))
    fb = _state.factbase
    chosen = _first(select(fb, fb.of(m.Figure), _only(fb, topic, None, status, source, verdict)), limit)
    if not chosen:
        raise LookupFailed("no figures match these options")
    _show(choice, lambda: _records_json(fb, chosen), _rows(chosen, ("figure",)), lambda view: view.figures(fb, chosen))


@app.command()
def actors(
    category: Annotated[Category | None, typer.Option("--category", "-c", help="Only this category.")] = None,
    topic: TopicOption = None,
    source: SourceOption = None,
    limit: AnyLimit = None,
    json: JsonListOption = False,
    fmt: FormatOption = None,
    fields: FieldsOption = None,
) -> None:
    """List the people, organisations, countries, weapon systems and other entities.

    \b
    Examples:
      indoruss actors --category person
      indoruss actors --category weapon-system --json
    """
    from ..model.queries import actors as list_actors
    from ..model.queries import select

    choice = _choice(fmt, json, fields, ("entity",))
    fb = _state.factbase
    only = _only(fb, topic, source=source)
    chosen = _first(select(fb, list_actors(fb, category.value if category else None), only), limit)
    if not chosen:
        raise LookupFailed("no actors match these options")
    _show(choice, lambda: _records_json(fb, chosen), _rows(chosen, ("entity",)), lambda view: view.actors(fb, chosen))


@app.command()
def show(
    id_or_name: Annotated[
        str,
        typer.Argument(metavar="ID_OR_NAME", help="A record id, or a name or alias.", autocompletion=complete_record),
    ],
    limit: Annotated[
        int,
        typer.Option("--limit", "-n", metavar="N", parser=positive_int, help="Show at most this many linked records."),
    ] = 15,
    json: JsonOption = False,
    fmt: OneFormatOption = None,
    fields: FieldsOption = None,
) -> None:
    """Show one record in full, with the records linked to it, most related first.

    In csv, tsv and markdown, the record alone, as one row of its kind's columns.

    \b
    Examples:
      indoruss show peskov
      indoruss show "Dmitry Peskov" --limit 5
      indoruss show s-400-on-agenda --json
    """
    from ..model.analysis import detail
    from ..model.queries import find_record
    from ..views.jsondoc import detail_json

    choice = _choice(fmt, json, fields, (), piped="plain")
    fb = _state.factbase
    whole = detail(fb, find_record(fb, id_or_name))
    shown = whole
    if len(whole.related) > limit:
        from dataclasses import replace

        shown = replace(whole, related=whole.related[:limit])
        _cut(limit, len(whole.related), " related records")
    record = shown.record
    _show(choice, lambda: detail_json(fb, shown), _rows([record], (record.kind,)), lambda view: view.show(fb, shown))


@app.command()
def export(
    file: Annotated[
        Path | None,
        typer.Argument(metavar="[FILE]", help="Write to this file (required for sqlite) instead of stdout."),
    ] = None,
    fmt: Annotated[
        ExportFormat,
        typer.Option("--format", metavar="FORMAT", help="json (one document), jsonl (a record a line) or sqlite."),
    ] = ExportFormat.json,  # type: ignore[attr-defined]
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    json: Annotated[bool, typer.Option("--json", help="Short for --format json (the default).")] = False,
) -> None:
    """Write the whole validated fact base: one JSON document, JSON Lines, or an SQLite database.

    The database has one table per kind (the columns of --format csv), link tables and a full-text index;
    it is written whole or not at all, and never over an existing file without --force.

    \b
    Examples:
      indoruss export > factbase.json
      indoruss export --format sqlite factbase.db
      indoruss --as-of 2025-12-04 export > before-the-visit.json
    """
    from ..views.jsondoc import export_json

    chosen = fmt.value
    if json and chosen != "json":
        from ..errors import UnknownChoice

        raise UnknownChoice(f"--json is short for --format json; it cannot go with --format {chosen}")
    if chosen == "sqlite" and file is None:
        from ..errors import UnknownChoice

        raise UnknownChoice(
            "--format sqlite writes a database file: give its name (indoruss export --format sqlite FILE)"
        )
    fb = _state.factbase
    if chosen == "sqlite":
        from ..views.sqlite import write_database

        assert file is not None
        write_database(fb, file, force)
        return
    if chosen == "jsonl":
        from ..views.formats import jsonl
        from ..views.jsondoc import record_json

        text = jsonl([record_json(fb, r) for r in fb.records()])
    else:
        from ..views.jsondoc import dumps

        text = dumps(export_json(fb)) + "\n"
    if file is None:
        write(text)
    else:
        from ..views.files import write_atomically

        write_atomically(file, force, lambda path: path.write_text(text, encoding="utf-8"))


@app.command()
def validate(
    against: Annotated[
        Path | None,
        typer.Option("--against", metavar="TEXT_FILE", help="Also check quotes and figures against this text."),
    ] = None,
    json: JsonOption = False,
) -> None:
    """Check the fact base; with --against, check quotes and figures against the source text.

    Exit code 0 when clean, 1 when problems were found (each listed with file:line), 2 when it cannot run.

    \b
    Examples:
      indoruss validate
      indoruss validate --json
      indoruss validate --against putin-india-visit-2025-12-04.txt
    """
    from ..loading.crosscheck import check_against
    from ..loading.loader import load_factbase
    from ..loading.paths import resolve_data_path

    text = None
    if against is not None:
        text = _read_report(against)
    path = resolve_data_path(_state.data)
    try:
        fb = load_factbase(path)
        problems = check_against(fb, text, str(against)) if text is not None else []
    except FactBaseError as exc:
        fb, problems = None, exc.problems
    if json:
        from ..views.jsondoc import dumps

        listed = [
            {"file": p.file, "line": p.line, "column": p.column, "field": p.field, "message": p.message}
            for p in problems
        ]
        write(dumps({"ok": not problems, "fingerprint": fb.fingerprint if fb else None, "problems": listed}) + "\n")
    else:
        for problem in problems:
            write(printable_line(str(problem)) + "\n")
        if not problems and fb is not None:
            quoted = sum(q.source.paragraph is not None for q in fb.of(m.Quote))
            counted = sum(f.source.paragraph is not None for f in fb.of(m.Figure))
            found = f"{quoted} quotes and {counted} figures found in {against}"
            checked = f"; {found}" if text else ""
            write(printable_line(f"OK: {len(fb.records())} records, content {fb.fingerprint}{checked}") + "\n")
    if problems:
        raise ProblemsFound(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found")


MAX_REPORT_BYTES = 10 * 1024 * 1024


def _read_report(path: Path) -> str:
    """The text to check against: a report, so at most 10 MiB (never /dev/zero read without end)."""
    from ..safety import shorten

    shown = shorten(str(path))
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_REPORT_BYTES + 1)
        if len(data) > MAX_REPORT_BYTES:
            raise DataPathError(f"{shown} is larger than 10 MiB; a report to check against is far smaller")
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise DataPathError(f"cannot read {shown}: not UTF-8 text") from None
    except OSError as exc:
        raise DataPathError(f"cannot read {shown}: {exc.strerror or exc}") from None


@app.command()
def brief(
    topic: TopicOption = None,
    kind: Annotated[BriefKind | None, typer.Option("--kind", "-k", help="Only records of this kind.")] = None,
    status: StatusFilter = None,
    source: SourceOption = None,
    verdict: VerdictOption = None,
    markdown: MarkdownOption = False,
    json: JsonListOption = False,
    fmt: DocumentFormatOption = None,
    fields: FieldsOption = None,
) -> None:
    """A one-page briefing: per topic, the key facts with their status, the figures and the quotes.

    --markdown is short for --format markdown; csv, tsv and json give the brief's records, in its order.

    \b
    Examples:
      indoruss brief --topic defence
      indoruss brief --topic defence --markdown > defence.md
    """
    from ..model.analysis import BriefSection
    from ..model.analysis import brief as build
    from ..model.queries import select

    kinds = tuple(k.value for k in BriefKind)
    if markdown and fmt is not None and fmt.value != "markdown":
        from ..errors import UnknownChoice

        raise UnknownChoice(f"--markdown is short for --format markdown; it cannot go with --format {fmt.value}")
    chosen = Format.markdown if markdown else fmt  # type: ignore[attr-defined]
    choice = _choice(chosen, json, fields, kinds, piped="plain")
    fb = _state.factbase
    only = _only(fb, topic, kind, status, source, verdict)
    sections = []
    for section in build(fb, only.topic):
        kept = BriefSection(
            section.topic,
            tuple(select(fb, section.facts, only)),
            tuple(select(fb, section.figures, only)),
            tuple(select(fb, section.quotes, only)),
            section.outcomes,
        )
        if kept.facts or kept.figures or kept.quotes:
            sections.append(kept)
    if not sections:
        raise LookupFailed("no records for a brief match these options")
    records = [r for section in sections for r in (*section.facts, *section.figures, *section.quotes)]

    def as_markdown() -> str:
        from ..views.markdown import brief as to_markdown

        return to_markdown(fb, sections)

    _show(
        choice,
        lambda: _records_json(fb, records),
        _rows(records, kinds),
        lambda view: view.brief(fb, sections),
        as_markdown,
    )


@app.command()
def timeline(
    topic: TopicOption = None,
    kind: ClaimKindOption = None,
    status: StatusFilter = None,
    source: SourceOption = None,
    verdict: VerdictOption = None,
    limit: AnyLimit = None,
    json: JsonListOption = False,
    fmt: FormatOption = None,
    fields: FieldsOption = None,
) -> None:
    """Every dated record in time order; the records that state one claim make one entry.

    A record dated to a month or a year comes after the days it contains ("by the end of 2025" after 4
    December 2025). An event, a fact and a figure from one paragraph with the same date, status and
    attribution state one claim: one entry, the others named under it. --limit counts entries.

    \b
    Examples:
      indoruss timeline --topic defence
      indoruss timeline --topic defence --kind event
      indoruss timeline --json
    """
    from ..model.analysis import entries
    from ..model.analysis import timeline as build
    from ..model.queries import select
    from ..views.jsondoc import timeline_json

    extras = (Extra("same_claim"),)
    choice = _choice(fmt, json, fields, m.CLAIM_KINDS, extras)
    fb = _state.factbase
    only = _only(fb, topic, kind, status, source, verdict)
    shown = _first(entries(select(fb, build(fb, only.topic), only)), limit)
    if not shown:
        raise LookupFailed("no dated records match these options")
    claims = [record for entry in shown for record in entry.records]
    # Each record names the others of its entry: a column a spreadsheet can group by.
    same = {r.id: tuple(o.id for o in entry.records if o is not r) for entry in shown for r in entry.records}
    _show(
        choice,
        lambda: timeline_json(fb, shown),
        _rows(claims, m.CLAIM_KINDS, extras, lambda record: (same[record.id],), TIMELINE_DEFAULT),
        lambda view: view.timeline(fb, shown),
    )


# The timeline's default columns: those of a mixed listing, with the date in its three columns.
# The records of one entry come together, each naming the others in `same_claim`.
TIMELINE_DEFAULT = (
    "id",
    "kind",
    "label",
    "status",
    "date",
    "date_precision",
    "date_label",
    "source",
    "paragraph",
    "same_claim",
)

CiteStyle = Enum("CiteStyle", {s: s for s in ("plain", "markdown", "bibtex", "csl-json")}, type=str)  # type: ignore[misc]


@app.command()
def cite(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="The record to cite.", autocompletion=complete_record)],
    style: Annotated[
        CiteStyle,
        typer.Option(
            "--style", help="plain, markdown, bibtex (one entry per source) or csl-json (for Zotero, pandoc)."
        ),
    ] = CiteStyle.plain,  # type: ignore[attr-defined]
    markdown: Annotated[bool, typer.Option("--markdown", help="The same as --style markdown.")] = False,
    json: JsonOption = False,
) -> None:
    """Cite a record's claim: its words, status and who makes it, then every source it cites.

    \b
    Examples:
      indoruss cite s-400-on-agenda
      indoruss cite quote-peskov-s-400 --style bibtex > peskov.bib
      indoruss cite s-400-on-agenda --style csl-json
    """
    from ..model.citing import cite as build
    from ..model.queries import find_record

    chosen = "markdown" if markdown else style.value
    if markdown and style.value not in ("plain", "markdown"):
        raise typer.BadParameter(f"--markdown and --style {style.value} ask for two styles; give one.")
    if json and chosen != "plain":
        raise typer.BadParameter(
            f"--json and --style {chosen} ask for two formats; give one (--style csl-json is the JSON that "
            "reference managers read)."
        )
    fb = _state.factbase
    record = find_record(fb, record_id)
    cited = build(fb, record)
    if cited is None:
        if isinstance(record, m.Outcome | m.Conflict):
            refs = record.evidence if isinstance(record, m.Outcome) else record.claims
            what = "the project's own reading of its sources; cite its records" if refs else "without evidence"
            raise LookupFailed(f"{record.kind} {record.id!r} is {what}: {', '.join(refs)}".rstrip(": "))
        raise LookupFailed(f"{record.kind} {record.id!r} has no source to cite")
    emit(json, lambda: _cite_json(cited), lambda view: view.cite(fb, cited, chosen))


def _cite_json(cited: Any) -> dict[str, Any]:
    from ..views.jsondoc import cite_json

    return cite_json(cited)


@app.command()
def outcomes(
    verdict: VerdictOption = None,
    topic: TopicOption = None,
    kind: ClaimKindOption = None,
    status: StatusFilter = None,
    source: Annotated[
        str | None,
        typer.Option("--source", metavar="SOURCE_ID", help="Only expectations that cite it or whose evidence does."),
    ] = None,
    limit: AnyLimit = None,
    json: JsonListOption = False,
    fmt: FormatOption = None,
    fields: FieldsOption = None,
) -> None:
    """The scorecard: each pre-visit expectation, what came of it, and the sources that say so.

    \b
    Examples:
      indoruss outcomes --verdict not-reported
      indoruss outcomes --topic defence --json
    """
    from ..model.outcomes import scorecard
    from ..model.queries import select

    extras = tuple(Extra(name) for name in ("verdict", "outcome", "as_of", "summary", "evidence"))
    choice = _choice(fmt, json, fields, m.CLAIM_KINDS, extras)
    fb = _state.factbase
    only = _only(fb, topic, kind, status, None, verdict)
    among = {c.id for c in select(fb, fb.claims(), only)}
    if source is not None:
        among &= _citing_or_evidenced(fb, _only(fb, source=source).source)
    card = scorecard(fb, among=among)
    if not card.rows:
        raise LookupFailed("no expectations match these options")
    card = type(card)(tuple(_first(list(card.rows), limit)), card.counts)
    by_id = {row.expectation.id: row for row in card.rows}

    def outcome_cells(claim: Any) -> tuple[Value, ...]:
        row = by_id[claim.id]
        found = row.outcome
        if found is None:
            return (row.verdict, None, None, None, None)
        return (row.verdict, found.id, found.as_of.text, found.summary, found.evidence)

    _show(
        choice,
        lambda: _scorecard_json(fb, card),
        _rows([row.expectation for row in card.rows], m.CLAIM_KINDS, extras, outcome_cells, OUTCOMES_DEFAULT),
        lambda view: view.outcomes(fb, card),
    )


# The scorecard's default columns: the expectation in one line and what came of it.
OUTCOMES_DEFAULT = ("id", "kind", "label", "status", "verdict", "outcome", "summary", "evidence")


def _citing_or_evidenced(fb: m.FactBase, source: str) -> set[str]:
    """The expectations that cite the source, or whose outcome's evidence does."""
    cites = {r.id for r in fb.claims() if any(ref.source_id == source for ref in r.sources)}
    return cites | {o.expectation for o in fb.of(m.Outcome) if cites.intersection(o.evidence)}


def _scorecard_json(fb: m.FactBase, card: Any) -> list[dict[str, Any]]:
    from ..views.jsondoc import record_json

    return [
        {**record_json(fb, row.expectation), "outcome": record_json(fb, row.outcome) if row.outcome else None}
        for row in card.rows
    ]


@app.command()
def sources(
    source_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]", help="Show this source and the records that cite it.", autocompletion=complete_source
        ),
    ] = None,
    limit: AnyLimit = None,
    json: JsonListOption = False,
    fmt: Annotated[
        Format | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help=f"{FORMATS_LISTED} (default: table on a terminal; in a pipe tsv, or plain lines with an ID).",
            callback=_remember_format,
        ),
    ] = None,
    fields: FieldsOption = None,
) -> None:
    """Every source with its kind, publisher, date, language and how many records cite it.

    \b
    Examples:
      indoruss sources
      indoruss sources indiatoday-2025-12-15-relos-signed
    """
    from ..model.outcomes import source_uses

    extras = (Extra("cited_by", "INTEGER"),)
    # One source with the records that cite it is a document, as `show` is: plain lines in a pipe.
    choice = _choice(fmt, json, fields, ("source",), extras, "tsv" if source_id is None else "plain")
    fb = _state.factbase
    uses = source_uses(fb)
    if source_id is None:
        if not uses:
            raise LookupFailed("no sources in the fact base as of this date")
        uses = _first(uses, limit)
        cited = {u.source.id: (len(u.citing),) for u in uses}
        _show(
            choice,
            lambda: _source_uses_json(fb, uses),
            _rows([u.source for u in uses], ("source",), extras, lambda s: cited[s.id]),
            lambda view: view.sources(fb, uses),
        )
        return
    found = next((u for u in uses if u.source.id == source_id), None)
    if found is None:
        from rapidfuzz import process

        close = process.extract(source_id, [u.source.id for u in uses], limit=3, score_cutoff=60)
        raise LookupFailed(f"no source with the id {source_id!r}", tuple(c[0] for c in close))

    def draw(view: View) -> None:
        view.sources(fb, [found])
        view.topic(fb, _citing(found))

    _show(
        choice,
        lambda: _source_uses_json(fb, [found]),
        _rows([found.source], ("source",), extras, lambda s: (len(found.citing),)),
        draw,
    )


def _citing(use: Any) -> Any:
    from ..model.queries import TopicDetail

    return TopicDetail(
        m.Topic(
            id=use.source.id, title=use.source.title, description=use.source.title, aliases=(), origin=use.source.origin
        ),
        use.citing,
    )


def _source_uses_json(fb: m.FactBase, uses: list[Any]) -> list[dict[str, Any]]:
    from ..views.jsondoc import record_json

    return [{**record_json(fb, u.source), "cited_by": [r.id for r in u.citing]} for u in uses]


@app.command()
def conflicts(
    topic: TopicOption = None,
    limit: AnyLimit = None,
    json: JsonListOption = False,
    fmt: FormatOption = None,
    fields: FieldsOption = None,
) -> None:
    """Where sources disagree: each question with the competing claims side by side, each with its source.

    \b
    Examples:
      indoruss conflicts
      indoruss conflicts --topic trade --json
    """
    from ..model.outcomes import conflicts as find

    choice = _choice(fmt, json, fields, ("conflict",))
    fb = _state.factbase
    shown = _first(find(fb, _topic(fb.topics, topic)), limit)
    if not shown:
        raise LookupFailed("no conflicts match these options")
    _show(
        choice,
        lambda: _conflicts_json(fb, shown),
        _rows([c.conflict for c in shown], ("conflict",)),
        lambda view: view.conflicts(fb, shown),
    )


def _conflicts_json(fb: m.FactBase, shown: list[Any]) -> list[dict[str, Any]]:
    from ..views.jsondoc import record_json

    return [{**record_json(fb, c.conflict), "claimed": [record_json(fb, r) for r in c.claims]} for c in shown]


# The order a reader uses the commands in, for --help; and each command's summary whole, never cut off.
READER_ORDER = (
    "search",
    "show",
    "topics",
    "facts",
    "events",
    "quotes",
    "figures",
    "outcomes",
    "conflicts",
    "sources",
    "actors",
    "timeline",
    "brief",
    "cite",
    "export",
    "validate",
)


def _arrange_commands() -> None:
    def name(info: Any) -> str:
        return str(info.name or getattr(info.callback, "__name__", ""))

    place = {command: position for position, command in enumerate(READER_ORDER)}
    app.registered_commands.sort(key=lambda info: place.get(name(info), len(place)))
    for info in app.registered_commands:
        doc = getattr(info.callback, "__doc__", None) or ""
        info.short_help = info.short_help or doc.strip().splitlines()[0]


_arrange_commands()
