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
