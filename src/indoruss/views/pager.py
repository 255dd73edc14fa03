"""The pager, chosen and run the way git runs its own: only for a terminal, only when the view is longer than
the screen, and never at the cost of the output itself.

$INDORUSS_PAGER, else $PAGER, else `less -FRX`; an empty value or `cat` means no pager. LESS=FRX is set only
when LESS is not (so a reader's own less settings win), as git does: -R keeps the colour, -F quits at once
when the text fits after all, -X leaves it on the screen.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Callable

from .stream import STDOUT, warn, write

DEFAULT = "less -FRX"
# What makes a pager command a shell command line rather than a program and its arguments (git's list, less
# the blanks and quotes that shlex reads itself).
_SHELL = set("|&;<>()$`\\*?[#~=%")
# A shell that could not run the command: the pager never started, so the output is written directly.
_NOT_STARTED = (126, 127)


def command() -> str | None:
    """The pager command line, or None when paging is off."""
    for variable in ("INDORUSS_PAGER", "PAGER"):
        chosen = os.environ.get(variable)
        if chosen is not None:
            break
    else:
        chosen = DEFAULT
    chosen = chosen.strip()
    return None if chosen in ("", "cat") else chosen


def paged(draw: Callable[[], None]) -> None:
    """Draw the view held back, then page it if it is longer than the screen, else write it."""
    pager = command()
    if pager is None:
        draw()
        return
    with STDOUT.holding() as held:
        try:
            draw()
        except BaseException:
            text = "".join(held)
            held.clear()
            write(text)  # what was drawn before the failure still reaches the reader
            raise
    text = "".join(held)
    # A line is kept for the shell's prompt: text that leaves no room for it has scrolled off the screen.
    if text.count("\n") < shutil.get_terminal_size().lines or not _page(pager, text):
        write(text)


def _page(pager: str, text: str) -> bool:
    """Show the text in the pager; False when the pager could not be started (the caller writes the text)."""
    environment = dict(os.environ)
    environment.setdefault("LESS", "FRX")
    environment.setdefault("LV", "-c")
    through_shell = any(c in _SHELL for c in pager)
    try:
        if through_shell:
            argv = ["sh", "-c", pager]
        else:
            import shlex

            argv = shlex.split(pager)
        # Unbuffered: a pager that quit early leaves no buffer behind to fail again when it is closed.
        process = subprocess.Popen(argv, stdin=subprocess.PIPE, env=environment, bufsize=0)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        warn(f"Cannot start the pager {pager!r} ({reason}); writing directly.")
        return False
    assert process.stdin is not None
    # While the pager runs it owns the keyboard: Ctrl-C is for it (less stops a search with it), not for us.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        data = memoryview(text.encode(STDOUT.encoding, "backslashreplace"))
        try:
            while data:
                data = data[os.write(process.stdin.fileno(), data) :]
        except BrokenPipeError:
            pass  # the reader quit the pager before the end: that is reading, not an error
        except OSError as exc:
            warn(f"The pager {pager!r} failed: {exc.strerror or exc}.")
        process.stdin.close()
        code = process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    if through_shell and code in _NOT_STARTED:
        warn(f"Cannot start the pager {pager!r}; writing directly.")
        return False
    return True
