"""Standard output, written whole or not at all, and what a terminal's output is set to (colour, pager).
Used by every view; imports nothing of the views."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

from ..errors import OutputClosed, OutputFailed
from ..safety import printable_line


class CheckedOutput:
    """Standard output written whole or not at all: every byte is written and checked, whatever Python's
    buffering (PYTHONUNBUFFERED makes a short write on a full disk pass unnoticed otherwise). A reader that
    went away raises OutputClosed; any other failure, OutputFailed. Text that the output's encoding cannot
    hold is written as escapes, never as a failure.

    While held (see `holding`), text is kept instead of written: the pager decides where it goes once the
    whole view is drawn, and the views still see the terminal they draw for."""

    def __init__(self) -> None:
        self._held: list[str] | None = None

    @contextlib.contextmanager
    def holding(self) -> Iterator[list[str]]:
        """Keep what is written meanwhile in the list given, in order, instead of writing it."""
        kept: list[str] = []
        self._held = kept
        try:
            yield kept
        finally:
            self._held = None

    def write(self, text: str) -> int:
        if self._held is not None:
            self._held.append(text)
            return len(text)
        stream = sys.stdout
        if stream is None:
            raise OutputFailed("standard output is closed")
        encoding = getattr(stream, "encoding", None) or "utf-8"
        data = text.encode(encoding, "backslashreplace")
        try:
            descriptor = stream.fileno()
        except (AttributeError, OSError, ValueError):
            descriptor = -1  # a stream without a file (a test's capture): it writes or raises itself
        try:
            if descriptor < 0:
                stream.write(data.decode(encoding))
                stream.flush()
                return len(text)
            stream.flush()
            view = memoryview(data)
            while view:
                written = os.write(descriptor, view)
                view = view[written:]
        except BrokenPipeError:
            raise OutputClosed from None
        except OSError as exc:
            raise OutputFailed(f"cannot write output: {exc.strerror or exc}") from None
        return len(text)

    def flush(self) -> None:
        return None

    def isatty(self) -> bool:
        return bool(sys.stdout is not None and sys.stdout.isatty())

    @property
    def encoding(self) -> str:
        return getattr(sys.stdout, "encoding", None) or "utf-8"


STDOUT = CheckedOutput()


def write(text: str) -> None:
    """Write text that is already safe (a report line, Markdown, JSON) to stdout, checked."""
    STDOUT.write(text)


def warn(message: str) -> None:
    """A hint or warning, on stderr as one safe line."""
    if sys.stderr is not None:
        sys.stderr.write(printable_line(message) + "\n")


class Terminal:
    """--color and --no-pager, as the command line set them for this run. Kept here, on the path every run
    imports anyway, so that a piped run imports nothing more for options it does not use."""

    def __init__(self) -> None:
        self.pager = True
        self.color = "auto"  # auto, always or never


TERMINAL = Terminal()


def configure(pager: bool, color: str) -> None:
    TERMINAL.pager, TERMINAL.color = pager, color
