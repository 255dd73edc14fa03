"""Standard output, written whole or not at all. Used by every view; imports nothing of the views."""

from __future__ import annotations

import os
import sys

from ..errors import OutputClosed, OutputFailed


class CheckedOutput:
    """Standard output written whole or not at all: every byte is written and checked, whatever Python's
    buffering (PYTHONUNBUFFERED makes a short write on a full disk pass unnoticed otherwise). A reader that
    went away raises OutputClosed; any other failure, OutputFailed. Text that the output's encoding cannot
    hold is written as escapes, never as a failure."""

    def write(self, text: str) -> int:
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
