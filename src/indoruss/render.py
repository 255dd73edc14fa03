"""The one place that decides how a command's data is shown: JSON first, then Rich or plain text.

JSON goes to stdout and nothing else does when --json is given. For people, a terminal gets Rich
tables and panels; a pipe or file gets plain tab-separated lines with no colour or boxes, which grep and cut
can use. INDORUSS_OUTPUT=rich|plain overrides the choice (for pagers and tests).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

from .safety import printable


def human_style() -> str:
    chosen = os.environ.get("INDORUSS_OUTPUT", "").lower()
    if chosen in ("rich", "plain"):
        return chosen
    return "rich" if sys.stdout.isatty() else "plain"


class OutputClosed(Exception):
    """The reader of stdout went away (`indoruss export | head`). Not an OSError, so that nothing on the way
    up (Typer turns a broken pipe into exit code 1) mistakes it for another failure."""


def emit(as_json: bool, to_json: Callable[[], Any], view: str, *args: Any) -> None:
    """Show one command's result: the JSON document, or the named view of the chosen human renderer."""
    try:
        if as_json:
            from .serialize import dumps

            sys.stdout.write(dumps(to_json()) + "\n")
        else:
            renderer: ModuleType
            if human_style() == "rich":
                from . import richview

                renderer = richview
            else:
                from . import plainview

                renderer = plainview
            getattr(renderer, view)(*args)
        sys.stdout.flush()
    except BrokenPipeError:
        raise OutputClosed from None


def write(text: str) -> None:
    """Write text that is already safe (a report line, Markdown) to stdout, as emit does."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise OutputClosed from None


def warn(message: str) -> None:
    sys.stderr.write(printable(message) + "\n")
