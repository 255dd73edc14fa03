"""The entry point, and the one funnel where every error becomes a message on stderr and an exit code."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from typing import Any, NoReturn

import typer
from typer.main import get_command

from ..errors import EXIT_INTERRUPTED, EXIT_USAGE, FactBaseError, IndorussError, OutputClosed
from ..safety import printable_line
from .app import APP_SETTINGS, app, state


def _fail(message: str, code: int) -> NoReturn:
    if sys.stderr is not None:  # with stderr closed (2>&-), the exit code still says what happened
        try:
            sys.stderr.write(printable_line(message) + "\n")
            sys.stderr.flush()
        except OSError:
            pass
    raise SystemExit(code)


def _prepare_streams() -> None:
    """Output never fails on a character the locale cannot encode (LC_ALL=C, PYTHONIOENCODING=ascii): it is
    written as an escape instead."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(OSError, ValueError):
                reconfigure(errors="backslashreplace")


def _message(exc: IndorussError) -> str:
    if isinstance(exc, FactBaseError) and exc.more:
        return f"{exc.message()} (and {exc.more} more problem{'s' if exc.more > 1 else ''}: run 'indoruss validate')"
    return exc.message()


# Typer raises click's exceptions for usage errors, from a click it vendors under a private name. Reach the
# classes through Typer's public BadParameter (a UsageError, itself a ClickException) instead of that path.
_USAGE_ERROR: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")
_CLICK_EXCEPTION: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


def main(args: list[str] | None = None) -> None:
    _prepare_streams()
    if sys.stdout is None:
        _fail("Error: standard output is closed", EXIT_USAGE)
    given = sys.argv[1:] if args is None else args
    args = _global_options_first(given)
    command = get_command(_only_the_invoked_command(args))
    if "_INDORUSS_COMPLETE" in os.environ or any(a.startswith(_COMPLETION_OPTIONS) for a in args):
        _completion(args)
    option: Any
    for option in command.params:
        if option.name in _COMPLETION_HELP:
            option.help = _COMPLETION_HELP[option.name]
    try:
        try:
            result = command.main(args=args, prog_name="indoruss", standalone_mode=False)
        except SystemExit as exc:
            # click ends a run whose reader went away (--help, --version) with exit code 1, after putting a
            # wrapper on stdout; that is a closed pipe, which the contract says is 141.
            if type(sys.stdout).__name__ == "PacifyFlushWrapper":
                raise OutputClosed from None
            raise exc
        code = result if isinstance(result, int) else 0
        if code == EXIT_INTERRUPTED:  # Typer turns Ctrl-C inside a command into exit code 130
            _fail("Interrupted.", EXIT_INTERRUPTED)
    except _USAGE_ERROR as exc:
        ctx: Any = getattr(exc, "ctx", None)
        if type(exc).__name__ == "NoArgsIsHelpError":
            typer.echo(ctx.get_help() if ctx else "")
            code = EXIT_USAGE
        else:
            where = f" (see '{ctx.command_path} --help')" if ctx else ""
            _fail(f"Error: {getattr(exc, 'format_message', exc.__str__)()}{where}", EXIT_USAGE)
    except _CLICK_EXCEPTION as exc:
        _fail(f"Error: {getattr(exc, 'format_message', exc.__str__)()}", getattr(exc, "exit_code", EXIT_USAGE))
    except (OutputClosed, BrokenPipeError):
        _quiet_closed_pipe()
    except IndorussError as exc:
        if state().empty_json is not None and exc.exit_code != EXIT_USAGE:
            _write_empty_json(state().empty_json or "")
        _fail(_message(exc), exc.exit_code)
    except (KeyboardInterrupt, typer.Abort):
        _fail("Interrupted.", EXIT_INTERRUPTED)
    except MemoryError:
        _fail("Error: out of memory (is the input far larger than a fact base?)", EXIT_USAGE)
    except Exception as exc:
        if state().debug:
            raise
        _fail(f"Error: unexpected {type(exc).__name__}: {exc} (rerun with --debug to see the traceback)", EXIT_USAGE)
    try:
        sys.stdout.flush()
        if sys.stderr is not None:
            sys.stderr.flush()
    except BrokenPipeError:
        _quiet_closed_pipe()
    except OSError as exc:
        _fail(f"Error: cannot write output: {exc.strerror or exc}", EXIT_USAGE)
    if args is None:
        # The process ends here: skip freeing a large fact base object by object on the way out.
        os._exit(code)
    raise SystemExit(code)


_COMPLETION_OPTIONS = ("--show-completion", "--install-completion")
# Typer's help says "for the current shell"; here a shell can be named after the option.
_COMPLETION_HELP = {
    "install_completion": "Install completion for [bash|zsh|fish] (default: the current shell).",
    "show_completion": "Print the completion script for [bash|zsh|fish] (default: the current shell).",
}


def _completion(args: list[str]) -> None:
    """Shell completion in place of Typer's (see cli/completion.py); a shell named after --show-completion
    or --install-completion is the one whose script is printed or installed."""
    from . import completion

    completion.register()
    asked = completion.shell_asked_for(args)
    if asked is not None:
        raise SystemExit(completion.run_completion_option(*asked))


def _write_empty_json(document: str) -> None:
    """Nothing found under --json: scripts still get a valid, empty document on stdout."""
    from ..views.stream import write

    try:
        write(document + "\n")
    except OutputClosed:
        _quiet_closed_pipe()
    except IndorussError as exc:
        _fail(exc.message(), exc.exit_code)


@functools.cache
def _global_options_with_value() -> frozenset[str]:
    """The options of the main callback that take a value, read from its signature."""
    import inspect

    callback = app.registered_callback.callback if app.registered_callback else None
    found: set[str] = set()
    if callback is None:
        return frozenset()
    for parameter in inspect.signature(callback, eval_str=True).parameters.values():
        annotation = parameter.annotation
        metadata = getattr(annotation, "__metadata__", ())
        base = getattr(annotation, "__origin__", annotation)
        takes_value = base is not bool
        for info in metadata:
            if isinstance(info, typer.models.OptionInfo) and takes_value:
                declared = (info.default, *(info.param_decls or ()))
                found.update(d for d in declared if isinstance(d, str) and d.startswith("-"))
    return frozenset(found)


def _global_options_first(args: list[str]) -> list[str]:
    """Global options may come after the command too (`indoruss search S-400 --data x`): move them before it,
    where the command line parser wants them. Everything after `--` stays as it is."""
    names = {_command_name(c) for c in app.registered_commands}
    with_value = _global_options_with_value()
    flags = {"--no-cache", "--debug", "--no-pager"}
    position = _first_word(args)
    if position is None or args[position] not in names:
        return args
    before, rest, moved = args[: position + 1], [], []
    tail = args[position + 1 :]
    index = 0
    while index < len(tail):
        arg = tail[index]
        if arg == "--":
            rest += tail[index:]
            break
        name = arg.split("=", 1)[0]
        if name in with_value and "=" in arg:
            moved.append(arg)
        elif name in with_value and index + 1 < len(tail):
            moved += [arg, tail[index + 1]]
            index += 1
        elif arg in flags:
            moved.append(arg)
        else:
            rest.append(arg)
        index += 1
    return [*before[:-1], *moved, before[-1], *rest]


def _first_word(args: list[str]) -> int | None:
    """Where the command stands: the first argument that is neither an option nor a global option's value."""
    with_value = _global_options_with_value()
    skip_next = False
    for index, arg in enumerate(args):
        if skip_next:
            skip_next = False
        elif arg in with_value:
            skip_next = True
        elif not arg.startswith("-"):
            return index
    return None


def _command_name(info: Any) -> str:
    return str(info.name or getattr(info.callback, "__name__", ""))


def _only_the_invoked_command(args: list[str]) -> typer.Typer:
    """The app with just the command this run invokes, when that is clear from the arguments.

    Typer inspects the signature of every registered command when it builds the click group; building one
    instead of eleven is a measurable part of start-up. Help, completion and anything unclear get them all.
    """
    names = {_command_name(c) for c in app.registered_commands}
    position = _first_word(args)
    if position is None:
        return app
    word = args[position]
    if word not in names or any(k.endswith("_COMPLETE") for k in os.environ):
        return app
    lean = typer.Typer(**APP_SETTINGS)
    lean.registered_callback = app.registered_callback
    lean.registered_commands = [c for c in app.registered_commands if _command_name(c) == word]
    return lean


def _quiet_closed_pipe() -> NoReturn:
    # The reader went away (`indoruss export | head`): stop quietly, and keep Python from complaining
    # again when it flushes stdout at exit.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    raise SystemExit(141)
