"""The command line: thin Typer commands that load, ask the query layer, and hand the result to render."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from . import __version__
from . import model as m
from .errors import DataPathError, FactBaseError, IndorussError, LookupFailed
from .render import OutputClosed, emit, warn, write
from .safety import printable

_APP_SETTINGS: dict[str, Any] = {
    "name": "indoruss",
    "rich_markup_mode": None,
    "pretty_exceptions_enable": False,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}
app = typer.Typer(**_APP_SETTINGS)

Kind = Enum("Kind", {k: k for k in m.KINDS if k != "source"}, type=str)  # type: ignore[misc]
Status = Enum("Status", {s: s for s in m.STATUSES}, type=str)  # type: ignore[misc]
Category = Enum("Category", {c: c for c in m.CATEGORIES}, type=str)  # type: ignore[misc]


class State:
    def __init__(self, data: str | None, use_cache: bool, debug: bool) -> None:
        self.data = data
        self.use_cache = use_cache
        self.debug = debug
        self._store: Any = None

    @property
    def store(self) -> Any:
        if self._store is None:
            from .paths import resolve_data_path
            from .store import Store

            self._store = Store(resolve_data_path(self.data), use_cache=self.use_cache, short_lived=True)
        return self._store

    @property
    def factbase(self) -> m.FactBase:
        fb: m.FactBase = self.store.factbase
        return fb


_state = State(None, True, False)


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
    from .query import speakers

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

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON to stdout instead of a view for people.")]


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
    from .query import resolve_topic

    return resolve_topic(topics, text)


# -- commands ------------------------------------------------------------------------------------------------


def _show_version(value: bool) -> None:
    if value:
        fb = _state.factbase
        from .paths import bundled_data_dir

        path = _state.store.path
        where = "bundled" if path == bundled_data_dir() else str(path)
        typer.echo(f"indoruss {__version__} (fact base schema {fb.schema_version}, content {fb.fingerprint}, {where})")
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
    version: Annotated[
        bool, typer.Option("--version", help="Print the version and the fact base's identity, then exit.")
    ] = False,
) -> None:
    """Look up the facts, figures, quotes and actors of Putin's December 2025 visit to India.

    Example: indoruss search S-400
    """
    global _state
    _state = State(data, not no_cache, debug)
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
    json: JsonOption = False,
) -> None:
    """Search every record, best match first; typos and spelling variants are forgiven.

    Example: indoruss search S-400
    """
    from .search import Filters, suggestions
    from .search import search as run_search

    # Search ranks on the index alone and then loads only the records it shows, so that a large fact
    # base is never read whole for one query.
    store = _state.store
    index = store.index
    chosen = _topic(index.topic_records, topic)
    filters = Filters(chosen.id if chosen else None, kind.value if kind else None, status.value if status else None)
    hits = run_search(index, query, filters, limit, records=store.records)
    if not hits:
        close = suggestions(index, query)
        if json:
            emit(True, list, "search")
        if filters != Filters() and run_search(index, query, Filters(), 1):
            warn(f"No results for {query!r} match the --topic, --kind or --status given.")
        else:
            warn(f"No results for {query!r}." + (f" Did you mean: {', '.join(close)}?" if close else ""))
        raise typer.Exit(1)
    fb = store.subset([h.record_id for h in hits])
    emit(json, lambda: _hits_json(fb, hits), "search", fb, hits, query)


def _hits_json(fb: m.FactBase, hits: list[Any]) -> list[dict[str, Any]]:
    from .serialize import hit_json

    return [hit_json(fb, h) for h in hits]


@app.command()
def topics(
    topic: Annotated[
        str | None,
        typer.Argument(metavar="[TOPIC]", help="Show everything in this topic.", autocompletion=complete_topic),
    ] = None,
    json: JsonOption = False,
) -> None:
    """List the topics with their number of facts, figures and quotes, or show one topic in full.

    Example: indoruss topics defence
    """
    from . import query

    fb = _state.factbase
    if topic is None:
        rows = query.topic_counts(fb)
        emit(json, lambda: _topic_rows_json(fb, rows), "topics", fb, rows)
        return
    shown = query.topic_detail(fb, query.resolve_topic(fb.topics, topic))
    emit(json, lambda: _records_json(fb, list(shown.records)), "topic", fb, shown)


def _topic_rows_json(fb: m.FactBase, rows: list[Any]) -> list[dict[str, Any]]:
    from .serialize import topic_count_json

    return [topic_count_json(fb, r) for r in rows]


def _none_found(json: bool, message: str) -> NoReturn:
    """Nothing to show: exit code 1 with a message, and still a valid (empty) JSON array for scripts."""
    if json:
        emit(True, list, "")
    raise LookupFailed(message)


def _records_json(fb: m.FactBase, records: list[Any]) -> list[dict[str, Any]]:
    from .serialize import record_json

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
    json: JsonOption = False,
) -> None:
    """Show the quotes, verbatim, with speaker, context and source.

    Example: indoruss quotes --by Peskov
    """
    from . import query

    fb = _state.factbase
    try:
        speaker = query.resolve_speaker(fb, by) if by else None
    except LookupFailed:
        if json:
            emit(True, list, "")  # scripts still get valid JSON: an empty array
        raise
    chosen = query.quotes(fb, speaker, _topic(fb.topics, topic))
    if not chosen:
        _none_found(json, "no quotes match these options")
    emit(json, lambda: _records_json(fb, chosen), "quotes", fb, chosen)


@app.command()
def figures(topic: TopicOption = None, json: JsonOption = False) -> None:
    """Show every figure: as written, what it measures, qualifier, period and source.

    Example: indoruss figures --topic trade
    """
    from .query import in_topic

    fb = _state.factbase
    chosen = in_topic(fb.figures, _topic(fb.topics, topic))
    if not chosen:
        _none_found(json, "no figures match these options")
    emit(json, lambda: _records_json(fb, chosen), "figures", fb, chosen)


@app.command()
def actors(
    category: Annotated[Category | None, typer.Option("--category", "-c", help="Only this category.")] = None,
    json: JsonOption = False,
) -> None:
    """List the people, organisations, countries, weapon systems and other entities.

    Example: indoruss actors --category person
    """
    from .query import actors as list_actors

    fb = _state.factbase
    chosen = list_actors(fb, category.value if category else None)
    if not chosen:
        _none_found(json, "no actors match these options")
    emit(json, lambda: _records_json(fb, chosen), "actors", fb, chosen)


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
    from .analysis import detail
    from .query import find_record
    from .serialize import detail_json

    fb = _state.factbase
    shown = detail(fb, find_record(fb, id_or_name), limit)
    emit(json, lambda: detail_json(fb, shown), "show", fb, shown)


@app.command()
def export(json: JsonOption = True) -> None:
    """Print the whole validated fact base as one JSON document.

    Example: indoruss export > factbase.json
    """
    from .serialize import export_json

    fb = _state.factbase
    emit(True, lambda: export_json(fb), "export")


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
    from .loader import load_factbase
    from .paths import resolve_data_path
    from .validate import check_against

    text = None
    if against is not None:
        try:
            text = against.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataPathError(f"cannot read {against}: {getattr(exc, 'strerror', None) or exc}") from None
    path = resolve_data_path(_state.data)
    try:
        fb = load_factbase(path)
        problems = check_against(fb, text, str(against)) if text is not None else []
    except FactBaseError as exc:
        fb, problems = None, exc.problems
    if json:
        from .serialize import dumps

        listed = [
            {"file": p.file, "line": p.line, "column": p.column, "field": p.field, "message": p.message}
            for p in problems
        ]
        write(dumps({"ok": not problems, "fingerprint": fb.fingerprint if fb else None, "problems": listed}) + "\n")
    else:
        for problem in problems:
            write(printable(str(problem)) + "\n")
        if not problems and fb is not None:
            checked = f"; {len(fb.quotes)} quotes and {len(fb.figures)} figures found in {against}" if text else ""
            write(printable(f"OK: {len(fb.records())} records, content {fb.fingerprint}{checked}") + "\n")
    if problems:
        warn(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found")
        raise typer.Exit(1)


@app.command()
def brief(topic: TopicOption = None, markdown: MarkdownOption = False) -> None:
    """A one-page briefing: per topic, the key facts with their status, the figures and the quotes.

    Example: indoruss brief --topic defence --markdown > defence.md
    """
    from .analysis import brief as build

    fb = _state.factbase
    sections = build(fb, _topic(fb.topics, topic))
    if markdown:
        from .markdown import brief as as_markdown

        write(as_markdown(fb, sections))
        return
    emit(False, list, "brief", fb, sections)


@app.command()
def timeline(topic: TopicOption = None, json: JsonOption = False) -> None:
    """Every dated record in order, with its date precision (year, month, day) and status.

    Example: indoruss timeline --topic defence
    """
    from .analysis import timeline as build

    fb = _state.factbase
    entries = build(fb, _topic(fb.topics, topic))
    if not entries:
        _none_found(json, "no dated records match these options")
    emit(json, lambda: _records_json(fb, entries), "timeline", fb, entries)


@app.command()
def cite(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="The record to cite.", autocompletion=complete_record)],
    markdown: MarkdownOption = False,
    json: JsonOption = False,
) -> None:
    """A citation for a record: source title, publisher, date and paragraph.

    Example: indoruss cite s-400-on-agenda --markdown
    """
    from .describe import citation
    from .query import find_record
    from .serialize import citation_json

    fb = _state.factbase
    record = find_record(fb, record_id)
    found = citation(fb, record)
    if found is None:
        raise LookupFailed(f"{record.kind} {record.id!r} has no source to cite")
    emit(
        json,
        lambda: {"id": record.id, "kind": record.kind, "source": citation_json(found)},
        "cite",
        fb,
        found,
        markdown,
    )


# -- the one place errors become messages and exit codes ---------------------------------------------------------


def _fail(message: str, code: int) -> NoReturn:
    sys.stderr.write(printable(message) + "\n")
    raise SystemExit(code)


def main(args: list[str] | None = None) -> None:
    from typer._click import exceptions as click_exceptions

    command = typer.main.get_command(_only_the_invoked_command(sys.argv[1:] if args is None else args))
    try:
        result = command.main(args=args, prog_name="indoruss", standalone_mode=False)
        code = result if isinstance(result, int) else 0
        if code == 130:  # Typer turns Ctrl-C inside a command into exit code 130
            _fail("Interrupted.", 130)
    except click_exceptions.NoArgsIsHelpError as exc:
        typer.echo(exc.ctx.get_help() if exc.ctx else "")
        code = 2
    except click_exceptions.UsageError as exc:
        where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
        _fail(f"Error: {exc.format_message()}{where}", 2)
    except click_exceptions.ClickException as exc:
        _fail(f"Error: {exc.format_message()}", exc.exit_code)
    except OutputClosed:
        _quiet_closed_pipe()
    except LookupFailed as exc:
        hint = f" Did you mean: {', '.join(exc.suggestions)}?" if exc.suggestions else ""
        _fail(f"{str(exc)[:1].upper()}{str(exc)[1:]}.{hint}", 1)
    except IndorussError as exc:
        _fail(f"Error: {exc}", 2)
    except (KeyboardInterrupt, typer.Abort):
        _fail("Interrupted.", 130)
    except BrokenPipeError:
        _quiet_closed_pipe()
    except Exception as exc:
        if _state.debug:
            raise
        _fail(f"Error: unexpected {type(exc).__name__}: {exc} (rerun with --debug to see the traceback)", 2)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        _quiet_closed_pipe()
    if args is None:
        # The process ends here: skip freeing a large fact base object by object on the way out.
        import os

        os._exit(code)
    raise SystemExit(code)


GLOBAL_OPTIONS_WITH_VALUE = frozenset({"--data"})


def _command_name(info: Any) -> str:
    return str(info.name or getattr(info.callback, "__name__", ""))


def _only_the_invoked_command(args: list[str]) -> typer.Typer:
    """The app with just the command this run invokes, when that is clear from the arguments.

    Typer inspects the signature of every registered command when it builds the click group; building one
    instead of eleven is a measurable part of start-up. Help, completion and anything unclear get them all.
    """
    import os

    names = {_command_name(c) for c in app.registered_commands}
    skip_next = False
    for arg in args:
        if skip_next:
            skip_next = False
            continue
        if arg in GLOBAL_OPTIONS_WITH_VALUE:
            skip_next = True
            continue
        if arg.startswith("-"):
            continue
        if arg not in names or any(k.endswith("_COMPLETE") for k in os.environ):
            return app
        lean = typer.Typer(**{k: v for k, v in _APP_SETTINGS.items()})
        lean.registered_callback = app.registered_callback
        lean.registered_commands = [c for c in app.registered_commands if _command_name(c) == arg]
        return lean
    return app


def _quiet_closed_pipe() -> NoReturn:
    # The reader went away (`indoruss export | head`): stop quietly, and keep Python from complaining
    # again when it flushes stdout at exit.
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise SystemExit(141)
