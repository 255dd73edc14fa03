"""Every exception the user can see, each with the exit code it ends the run with.

The core raises these; the CLI's one funnel (cli/main.py) turns them into a line on stderr and that code.
Nothing here knows the command line.
"""

from __future__ import annotations

from typing import NamedTuple

EXIT_NOTHING_FOUND = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_CLOSED_PIPE = 141


class IndorussError(Exception):
    """Base class of every error the tool reports to the user as a one-line message (exit code 2)."""

    exit_code = EXIT_USAGE

    def message(self) -> str:
        return f"Error: {self}"


class Problem(NamedTuple):
    """One thing wrong with the fact base, located as precisely as the input allows."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        what = f"{self.field}: " if self.field else ""
        return f"{where}: {what}{self.message}"


class FactBaseError(IndorussError):
    """The fact base could not be loaded. Carries every problem found; its message is the first."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__(str(self.problems[0]))

    @property
    def more(self) -> int:
        """How many problems there are besides the first."""
        return len(self.problems) - 1


class DataPathError(IndorussError):
    """The data location given by --data or INDORUSS_DATA does not exist or cannot be read."""


class UnknownChoice(IndorussError):
    """An option value that names nothing in the fact base (a usage error)."""


class BadSetting(IndorussError):
    """An environment variable set to a value the tool does not know (a usage error)."""


class Ambiguous(IndorussError):
    """A name that fits several records equally well; the user must choose one.

    `candidates` are (one-line label, kind, id) of each record it could be.
    """

    def __init__(self, text: str, candidates: tuple[tuple[str, str, str], ...]) -> None:
        listed = ", ".join(f"{label} ({kind} {rid})" for label, kind, rid in candidates)
        super().__init__(f"{text!r} is ambiguous; it could be: {listed}")
        self.candidates = candidates


class LookupFailed(IndorussError):
    """A name, id or query the user gave matches nothing: exit code 1, not a usage error."""

    exit_code = EXIT_NOTHING_FOUND

    def __init__(self, message: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.suggestions = suggestions

    def message(self) -> str:
        text = str(self)
        hint = f" Did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        return f"{text[:1].upper()}{text[1:]}.{hint}"


class ProblemsFound(IndorussError):
    """A check ran and found problems, already listed on stdout: exit code 1, with a count."""

    exit_code = EXIT_NOTHING_FOUND

    def message(self) -> str:
        return str(self)


class OutputFailed(IndorussError):
    """Standard output cannot be written: closed, a full disk, an I/O error. Exit code 2, one line."""


class OutputClosed(Exception):
    """The reader of stdout went away (`indoruss export | head`). Not an OSError, so that nothing on the way
    up (Typer turns a broken pipe into exit code 1) mistakes it for another failure."""

    exit_code = EXIT_CLOSED_PIPE


class WouldOverwrite(IndorussError):
    """A file to be written exists, and --force was not given (a usage error: nothing is written)."""


class CannotWrite(IndorussError):
    """A file the user asked for cannot be written (no such folder, no permission, a full disk)."""
