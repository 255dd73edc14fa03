"""Characters that must never reach a terminal from data or queries, and how to show them instead."""

from __future__ import annotations

import re
from functools import cache

# C0 and C1 controls (ESC among them) and the characters that reorder or break text: bidirectional marks,
# embeddings, overrides and isolates, and the Unicode line and paragraph separators. Compiled on first use:
# most runs print text that str.isprintable() already clears.
_CONTROLS = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"


@cache
def unsafe_chars() -> re.Pattern[str]:
    return re.compile(f"[\x00-\x08\x0b-\x1f{_CONTROLS}]")


@cache
def unsafe_in_file() -> re.Pattern[str]:
    """The same in a whole file, where tab, line feed and carriage return are layout."""
    return re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f{_CONTROLS}]")


@cache
def _unsafe_in_line() -> re.Pattern[str]:
    # In a one-line message, line breaks and tabs are control characters too: a newline in a file name must
    # not forge a line of its own ("OK: 142 records").
    return re.compile(f"[\x00-\x1f{_CONTROLS}]")


def printable(text: str) -> str:
    """Text safe to write to a terminal: control and bidirectional characters shown as escapes."""
    if text.isprintable() or ("\n" in text and text.replace("\n", " ").replace("\t", " ").isprintable()):
        return text
    return unsafe_chars().sub(lambda found: f"\\u{ord(found.group()):04x}", text)


MAX_SHOWN = 300


def printable_line(text: str) -> str:
    """Text safe as one line of a terminal: every control character escaped, and cut at a sane length."""
    if len(text) > MAX_SHOWN * 4:
        text = text[: MAX_SHOWN * 4] + "\u2026"
    if text.isprintable():  # no control, format or separator character, and no lone surrogate
        return text
    return _unsafe_in_line().sub(lambda found: f"\\u{ord(found.group()):04x}", _surrogates(text))


def shorten(text: str, most: int = MAX_SHOWN) -> str:
    """A long value (a 100 KB --data) shown by its ends."""
    return text if len(text) <= most else f"{text[: most // 2]}\u2026{text[-most // 2 :]}"


def _surrogates(text: str) -> str:
    # A file name that is not UTF-8 reaches Python as lone surrogates: show its bytes as escapes.
    if not any("\udc80" <= c <= "\udcff" for c in text):
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
