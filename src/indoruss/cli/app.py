"""The commands: thin Typer functions that load, ask the model or search, and hand the result to a view.

Each command returns nothing and raises the project's own errors; cli/main.py turns those into messages and
exit codes, once.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .. import __version__
from ..errors import DataPathError, FactBaseError, LookupFailed, ProblemsFound
from ..model import records as m
from ..safety import printable_line
from ..views.output import View, emit
from ..views.stream import write

if TYPE_CHECKING:
    from ..search.ranking import Hit
    from ..storage.store import Store

APP_SETTINGS: dict[str, Any] = {
    "name": "indoruss",
    "rich_markup_mode": None,
    "pretty_exceptions_enable": False,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}
app = typer.Typer(**APP_SETTINGS)

Kind = Enum("Kind", {k: k for k in m.KINDS if k != "source"}, type=str)  # type: ignore[misc]
Status = Enum("Status", {s: s for s in m.STATUSES}, type=str)  # type: ignore[misc]
Category = Enum("Category", {c: c for c in m.CATEGORIES}, type=str)  # type: ignore[misc]


class State:
    def __init__(self, data: str | None, use_cache: bool, debug: bool, as_of: str | None = None) -> None:
        self.data = data
        self.use_cache = use_cache
        self.debug = debug
        self.as_of = as_of  # a day YYYY-MM-DD: show the fact base as it stood then
        # Set by --json on a command whose JSON is a list: when nothing is found, scripts still get `[]`.
        self.empty_json: str | None = None
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


def complete_speaker(ctx: typer.Context, incomplete: str) -> list[str]:
    fb = _completion_factbase(ctx)
    if fb is None:
        return []
    from ..model.queries import speakers

    wanted = incomplete.casefold()
    offers: list[str] = []
    for key, name in speakers(fb).items():
        for form in (name.split()[-1], name, key):
            if form.casefold().startswith(wanted) and form not in offers:
                offers.append(form)
    return offers


def complete_record(ctx: typer.Context, incomplete: str) -> list[str]:
    fb = _completion_factbase(ctx)
    return [r.id for r in fb.records() if r.id.startswith(incomplete.casefold())] if fb else []


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
    version: Annotated[
        bool, typer.Option("--version", help="Print the version and the fact base's identity, then exit.")
    ] = False,
) -> None:
    """Look up the facts, figures, quotes and actors of Putin's December 2025 visit to India.

    Example: indoruss search S-400
    """
    global _state
    _state = State(data, not no_cache, debug, as_of)
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
) -> None:
    """Search every record, best match first; typos and spelling variants are forgiven.

    Example: indoruss search S-400
    """
    from ..search.ranking import Filters, suggestions
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
    hits = run_search(index, query, filters, limit, records=records)
    if not hits:
        if filters != Filters() and run_search(index, query, Filters(), 1):
            raise LookupFailed(f"no results for {query!r} match the --topic, --kind or --status given")
        raise LookupFailed(f"no results for {query!r}", tuple(suggestions(index, query)))
    if not any(h.complete for h in hits):
        from ..views.output import warn

        warn(f"No record matches every word of {query!r}; closest matches:")
    fb = store.subset([h.record_id for h in hits]) if _state.as_of is None else _state.factbase
    emit(json, lambda: _hits_json(fb, hits), lambda view: view.search(fb, hits, query))


def _hits_json(fb: m.FactBase, hits: list[Hit]) -> list[dict[str, Any]]:
    from ..views.jsondoc import hit_json

    return [hit_json(fb, h) for h in hits]


@app.command()
def topics(
    topic: Annotated[
        str | None,
        typer.Argument(metavar="[TOPIC]", help="Show everything in this topic.", autocompletion=complete_topic),
    ] = None,
    json: JsonListOption = False,
) -> None:
    """List the topics with their number of facts, figures and quotes, or show one topic in full.

    Example: indoruss topics defence
    """
    from ..model import queries

    if topic is None and _state.as_of is None:
        # The counts come from the search index, which is much smaller to load than the whole fact base.
        index = _state.store.index
        rows = queries.count_topics(index.topic_records, zip(index.kinds, index.topics, strict=True))
        topics_only = m.FactBase.of_records(index.topic_records, index.fingerprint)
        emit(json, lambda: _topic_rows_json(topics_only, rows), lambda view: view.topics(topics_only, rows))
        return
    fb = _state.factbase
    if topic is None:
        rows = queries.topic_counts(fb)
        emit(json, lambda: _topic_rows_json(fb, rows), lambda view: view.topics(fb, rows))
        return
    shown = queries.topic_detail(fb, queries.resolve_topic(fb.topics, topic))
    if not shown.records:
        raise LookupFailed(f"no records in topic {shown.topic.id!r} match these options")
    emit(json, lambda: _records_json(fb, list(shown.records)), lambda view: view.topic(fb, shown))


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
    json: JsonListOption = False,
) -> None:
    """Show the quotes, verbatim, with speaker, context and source.

    Example: indoruss quotes --by Peskov
    """
    from ..model import queries

    fb = _state.factbase
    speaker = queries.resolve_speaker(fb, by) if by else None
    chosen = queries.quotes(fb, speaker, _topic(fb.topics, topic))
    if not chosen:
        raise LookupFailed("no quotes match these options")
    emit(json, lambda: _records_json(fb, chosen), lambda view: view.quotes(fb, chosen))


SourceOption = Annotated[
    str | None, typer.Option("--source", metavar="SOURCE_ID", help="Only records that cite this source.")
]


def _list_claims(
    cls: type[m.Fact] | type[m.Event], topic: str | None, status: Any, source: str | None, limit: int, json: bool
) -> None:
    from ..model.queries import in_topic

    fb = _state.factbase
    chosen: list[m.Claim] = list(in_topic(fb.of(cls), _topic(fb.topics, topic)))
    if status is not None:
        chosen = [c for c in chosen if c.status == status.value]
    if source is not None:
        if not isinstance(fb.by_id.get(source), m.Source):
            from ..errors import UnknownChoice

            raise UnknownChoice(f"unknown source {source!r} (see 'indoruss sources')")
        chosen = [c for c in chosen if any(ref.source_id == source for ref in c.sources)]
    if not chosen:
        raise LookupFailed(f"no {m.KIND_BY_NAME[cls.kind].section} match these options")
    shown = chosen[:limit]
    if len(shown) < len(chosen):
        from ..views.output import warn

        warn(f"{len(shown)} of {len(chosen)}; --limit to see more")
    title = f"{m.KIND_BY_NAME[cls.kind].section.capitalize()} ({len(shown)} of {len(chosen)})"
    emit(json, lambda: _records_json(fb, shown), lambda view: view.records(fb, shown, title))


StatusFilter = Annotated[Status | None, typer.Option("--status", "-s", help="Only records with this status.")]
ListLimit = Annotated[
    int, typer.Option("--limit", "-n", metavar="N", parser=positive_int, help="Show at most this many.")
]


def _lister(cls: type[m.Fact] | type[m.Event], example: str) -> Any:
    """One listing command per kind of claim: the same options, its own help."""

    def command(
        topic: TopicOption = None,
        status: StatusFilter = None,
        source: SourceOption = None,
        limit: ListLimit = 50,
        json: JsonListOption = False,
    ) -> None:
        _list_claims(cls, topic, status, source, limit, json)

    section = m.KIND_BY_NAME[cls.kind].section
    command.__doc__ = f"""List the {section}, filtered by topic, status or source, in file order.

    Example: {example}
    """
    return command


app.command("facts")(_lister(m.Fact, "indoruss facts --status possible"))
app.command("events")(_lister(m.Event, "indoruss events --topic defence"))


@app.command()
def figures(topic: TopicOption = None, json: JsonListOption = False) -> None:
    """Show every figure: as written, what it measures, qualifier, period and source.

    Example: indoruss figures --topic trade
    """
    from ..model.queries import in_topic

    fb = _state.factbase
    chosen = in_topic(fb.of(m.Figure), _topic(fb.topics, topic))
    if not chosen:
        raise LookupFailed("no figures match these options")
    emit(json, lambda: _records_json(fb, chosen), lambda view: view.figures(fb, chosen))


@app.command()
def actors(
    category: Annotated[Category | None, typer.Option("--category", "-c", help="Only this category.")] = None,
    json: JsonListOption = False,
) -> None:
    """List the people, organisations, countries, weapon systems and other entities.

    Example: indoruss actors --category person
    """
    from ..model.queries import actors as list_actors

    fb = _state.factbase
    chosen = list_actors(fb, category.value if category else None)
    if not chosen:
        raise LookupFailed("no actors match these options")
    emit(json, lambda: _records_json(fb, chosen), lambda view: view.actors(fb, chosen))


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
) -> None:
    """Show one record in full, with the records linked to it, most related first.

    Example: indoruss show peskov
    """
    from ..model.analysis import detail
    from ..model.queries import find_record
    from ..views.jsondoc import detail_json

    fb = _state.factbase
    shown = detail(fb, find_record(fb, id_or_name), limit)
    emit(json, lambda: detail_json(fb, shown), lambda view: view.show(fb, shown))


@app.command()
def export() -> None:
    """Print the whole validated fact base as one JSON document.

    Example: indoruss export > factbase.json
    """
    from ..views.jsondoc import export_json

    fb = _state.factbase
    emit(True, lambda: export_json(fb), lambda view: None)


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

    Example: indoruss validate --against putin-india-visit-2025-12-04.txt
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
def brief(topic: TopicOption = None, markdown: MarkdownOption = False) -> None:
    """A one-page briefing: per topic, the key facts with their status, the figures and the quotes.

    Example: indoruss brief --topic defence --markdown > defence.md
    """
    from ..model.analysis import brief as build

    fb = _state.factbase
    sections = build(fb, _topic(fb.topics, topic))
    if markdown:
        from ..views.markdown import brief as as_markdown

        write(as_markdown(fb, sections))
        return
    emit(False, list, lambda view: view.brief(fb, sections))


@app.command()
def timeline(topic: TopicOption = None, json: JsonListOption = False) -> None:
    """Every dated record in time order; the records that state one claim make one entry.

    A record dated to a month or a year comes after the days it contains ("by the end of 2025" after 4
    December 2025). An event, a fact and a figure from one paragraph with the same date, status and
    attribution state one claim: one entry, the others named under it.

    Example: indoruss timeline --topic defence
    """
    from ..model.analysis import entries
    from ..model.analysis import timeline as build
    from ..views.jsondoc import timeline_json

    fb = _state.factbase
    shown = entries(build(fb, _topic(fb.topics, topic)))
    if not shown:
        raise LookupFailed("no dated records match these options")
    emit(json, lambda: timeline_json(fb, shown), lambda view: view.timeline(fb, shown))


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

    Example: indoruss cite relos-ratified --style bibtex >> references.bib
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


Verdict = Enum("Verdict", {v: v for v in (*m.VERDICTS, "open")}, type=str)  # type: ignore[misc]


@app.command()
def outcomes(
    verdict: Annotated[
        Verdict | None, typer.Option("--verdict", "-v", help="Only expectations with this verdict (or 'open').")
    ] = None,
    topic: TopicOption = None,
    json: JsonListOption = False,
) -> None:
    """The scorecard: each pre-visit expectation, what came of it, and the sources that say so.

    Example: indoruss outcomes --verdict not-reported
    """
    from ..model.outcomes import scorecard

    fb = _state.factbase
    card = scorecard(fb, verdict.value if verdict else None, _topic(fb.topics, topic))
    if not card.rows:
        raise LookupFailed("no expectations match these options")
    emit(json, lambda: _scorecard_json(fb, card), lambda view: view.outcomes(fb, card))


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
            metavar="[ID]", help="Show this source and the records that cite it.", autocompletion=complete_record
        ),
    ] = None,
    json: JsonListOption = False,
) -> None:
    """Every source with its kind, publisher, date, language and how many records cite it.

    Example: indoruss sources indiatoday-2025-12-15-relos-signed
    """
    from ..model.outcomes import source_uses

    fb = _state.factbase
    uses = source_uses(fb)
    if source_id is None:
        if not uses:
            raise LookupFailed("no sources in the fact base as of this date")
        emit(json, lambda: _source_uses_json(fb, uses), lambda view: view.sources(fb, uses))
        return
    found = next((u for u in uses if u.source.id == source_id), None)
    if found is None:
        from rapidfuzz import process

        close = process.extract(source_id, [u.source.id for u in uses], limit=3, score_cutoff=60)
        raise LookupFailed(f"no source with the id {source_id!r}", tuple(c[0] for c in close))

    def draw(view: View) -> None:
        view.sources(fb, [found])
        view.topic(fb, _citing(found))

    emit(json, lambda: _source_uses_json(fb, [found]), draw)


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
def conflicts(topic: TopicOption = None, json: JsonListOption = False) -> None:
    """Where sources disagree: each question with the competing claims side by side, each with its source.

    Example: indoruss conflicts --topic trade
    """
    from ..model.outcomes import conflicts as find

    fb = _state.factbase
    shown = find(fb, _topic(fb.topics, topic))
    if not shown:
        raise LookupFailed("no conflicts match these options")
    emit(json, lambda: _conflicts_json(fb, shown), lambda view: view.conflicts(fb, shown))


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
