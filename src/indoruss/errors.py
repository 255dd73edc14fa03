"""The project's own exceptions. The CLI catches these once and turns them into one line on stderr."""

from __future__ import annotations

from dataclasses import dataclass


class IndorussError(Exception):
    """Base class of every error the tool reports to the user as a one-line message."""


@dataclass(frozen=True)
class Problem:
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
        first = str(self.problems[0])
        more = len(self.problems) - 1
        if more:
            first += f" (and {more} more problem{'s' if more > 1 else ''}: run 'indoruss validate')"
        super().__init__(first)


class DataPathError(IndorussError):
    """The data location given by --data or INDORUSS_DATA does not exist or cannot be read."""


class LookupFailed(IndorussError):
    """A name or id the user gave matches nothing (exit code 1, not a usage error)."""

    def __init__(self, message: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.suggestions = suggestions
