"""Characters that must never reach a terminal from data or queries, and how to show them instead."""

from __future__ import annotations

import re

# C0 and C1 controls (ESC among them) and the characters that reorder or break text: bidirectional marks,
# embeddings, overrides and isolates, and the Unicode line and paragraph separators.
UNSAFE_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# The same in a whole file, where tab, line feed and carriage return are layout.
UNSAFE_IN_FILE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def printable(text: str) -> str:
    """Text safe to write to a terminal: control and bidirectional characters shown as escapes."""
    return UNSAFE_CHARS.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


# In a one-line message, line breaks and tabs are control characters too: a newline in a file name must not
# forge a line of its own ("OK: 142 records").
_UNSAFE_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
MAX_SHOWN = 300


def printable_line(text: str) -> str:
    """Text safe as one line of a terminal: every control character escaped, and cut at a sane length."""
    if len(text) > MAX_SHOWN * 4:
        text = text[: MAX_SHOWN * 4] + "\u2026"
    return _UNSAFE_IN_LINE.sub(lambda found: f"\\u{ord(found.group()):04x}", _surrogates(text))


def shorten(text: str, most: int = MAX_SHOWN) -> str:
    """A long value (a 100 KB --data) shown by its ends."""
    return text if len(text) <= most else f"{text[: most // 2]}\u2026{text[-most // 2 :]}"


def _surrogates(text: str) -> str:
    # A file name that is not UTF-8 reaches Python as lone surrogates: show its bytes as escapes.
    if not any("\udc80" <= c <= "\udcff" for c in text):
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
