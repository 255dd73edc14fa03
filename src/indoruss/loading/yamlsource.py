"""Reading YAML files safely: size, encoding and structure are checked before anything walks them.

The result is a tree of plain values in which every mapping and list knows the line of each of its
items, so the loader can name file, line and field in every error.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, cast

from ..errors import Problem
from ..safety import unsafe_chars, unsafe_in_file

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 32
# Values (scalars, lists and mappings) in one file. A fact base file of 5,000 records holds about 80,000; a
# 50 MiB file of tiny values would hold 25 million and take gigabytes to build. Past this, one clear error.
MAX_NODES = 1_000_000


class Mark(NamedTuple):
    # A tuple, not a frozen dataclass: a large file has millions of them, and tuples are made fastest.
    line: int
    column: int


@dataclass(slots=True)
class Scalar:
    """A YAML scalar with where it stands in its file."""

    value: str | int | float | bool | None
    mark: Mark
    raw: str = ""  # as written in the file, for messages


@dataclass(slots=True)
class Mapping:
    """A YAML mapping with where it and each of its keys stand in the file."""

    items: dict[str, Node]
    mark: Mark
    keys: dict[str, Mark] = field(default_factory=dict)


@dataclass(slots=True)
class Sequence:
    """A YAML sequence with where it stands in its file."""

    items: list[Node]
    mark: Mark


Node = Scalar | Mapping | Sequence


class YamlProblem(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def describe_char(char: str) -> str:
    return f"U+{ord(char):04X}"


def unsafe_char_problem(text: str, file: str, line: int, column: int, field: str | None) -> Problem | None:
    found = unsafe_chars().search(text)
    if found is None:
        return None
    return Problem(
        file,
        f"control or bidirectional character {describe_char(found.group())} is not allowed in text",
        line,
        column,
        field,
    )


def read_text(path: Path, shown: str) -> str:
    """The file's text, or a YamlProblem saying exactly why it cannot be used."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise YamlProblem(
                Problem(shown, f"file is {size} bytes, over the {MAX_FILE_BYTES // (1024 * 1024)} MiB limit")
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlProblem(Problem(shown, f"cannot read file: {exc.strerror or exc}")) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raise YamlProblem(Problem(shown, "file starts with a byte-order mark; save it as UTF-8 without BOM", 1, 1))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlProblem(
            Problem(shown, f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})", line, column)
        ) from None
    if not text.strip():
        raise YamlProblem(Problem(shown, "file is empty"))
    found = unsafe_in_file().search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        message = f"control or bidirectional character {describe_char(found.group())} is not allowed"
        raise YamlProblem(Problem(shown, message, line, column))
    return text


def parse(text: str, shown: str) -> Node:
    """Parse one document into located values in a single pass over the parser's events.

    Anchors, aliases and tags are refused as they are met, before anything could expand or construct
    them; no PyYAML node graph is built, which halves the work on a large file.
    """
    import yaml

    loader_cls: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        loader = loader_cls(text)
        try:
            root = _build(loader, shown)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = exc.problem or exc.context or "invalid YAML"
        raise YamlProblem(
            Problem(
                shown,
                f"invalid YAML: {reason}",
                mark.line + 1 if mark else None,
                mark.column + 1 if mark else None,
            )
        ) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        what = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise YamlProblem(Problem(shown, f"invalid YAML: character {what} is not allowed", line, column)) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(Problem(shown, f"invalid YAML: {' '.join(str(exc).split())}")) from None
    if root is None:
        raise YamlProblem(Problem(shown, "file holds no YAML document"))
    return root


def _build(loader: Any, shown: str) -> Node | None:
    """The located tree of one document, straight from the parser's events (the hot loop of a cold load)."""
    import yaml

    resolve = _resolver()
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    document_start, stream_end = yaml.DocumentStartEvent, yaml.StreamEndEvent
    root: Node | None = None
    stack: list[Mapping | Sequence] = []
    pending: list[tuple[str, Mark] | None] = []  # per open collection: a mapping's key awaiting its value
    in_mapping: list[bool] = []
    documents = 0
    nodes = 0
    get_event = loader.get_event
    while True:
        event = get_event()
        kind = type(event)
        node: Node
        if kind is scalar_event or kind is mapping_start or kind is sequence_start:
            nodes += 1
            if nodes > MAX_NODES:
                line = event.start_mark.line + 1
                message = f"holds more than {MAX_NODES:,} YAML values; split it into smaller files"
                raise YamlProblem(Problem(shown, message, line))
        if kind is scalar_event:
            if event.anchor is not None or event.tag is not None:
                _refuse(event, shown)
            start = event.start_mark
            mark = Mark(start.line + 1, start.column + 1)
            value: str = event.value
            # Quoted and block scalars are text; only plain ones are read as numbers, booleans or null.
            tag = resolve(value) if event.implicit[0] else _STR
            if in_mapping and in_mapping[-1] and pending[-1] is None:
                _check_key(stack[-1], tag, value, mark, shown)
                pending[-1] = (value, mark)
                continue
            node = Scalar(_scalar_value(tag, value, shown, mark), mark, value)
        elif kind is mapping_start or kind is sequence_start:
            if event.anchor is not None or event.tag is not None:
                _refuse(event, shown)
            start = event.start_mark
            mark = Mark(start.line + 1, start.column + 1)
            if in_mapping and in_mapping[-1] and pending[-1] is None:
                raise YamlProblem(Problem(shown, "mapping keys must be plain strings", mark.line, mark.column))
            if len(stack) > MAX_DEPTH:
                raise YamlProblem(Problem(shown, f"nested more than {MAX_DEPTH} levels deep", mark.line, mark.column))
            stack.append(Mapping({}, mark, {}) if kind is mapping_start else Sequence([], mark))
            in_mapping.append(kind is mapping_start)
            pending.append(None)
            continue
        elif kind is mapping_end or kind is sequence_end:
            node = stack.pop()
            in_mapping.pop()
            pending.pop()
        elif kind is alias_event:
            _refuse(event, shown)
        elif kind is document_start:
            documents += 1
            if documents > 1:
                line = event.start_mark.line + 1
                raise YamlProblem(Problem(shown, "only one YAML document per file is allowed", line))
            continue
        elif kind is stream_end or event is None:
            return root
        else:
            continue
        if not stack:
            root = node
        elif not in_mapping[-1]:
            cast(Sequence, stack[-1]).items.append(node)
        else:
            key = pending[-1]
            assert key is not None
            parent = cast(Mapping, stack[-1])
            parent.items[key[0]] = node
            parent.keys[key[0]] = key[1]
            pending[-1] = None


def _refuse(event: Any, shown: str) -> None:
    start = event.start_mark
    tag = getattr(event, "tag", None)
    if tag is not None and getattr(event, "anchor", None) is None:
        message = f"YAML tag {tag.replace('tag:yaml.org,2002:', '!!')} is not allowed"
    else:
        message = "YAML anchors and aliases are not allowed"
    raise YamlProblem(Problem(shown, message, start.line + 1, start.column + 1))


def _check_key(parent: Mapping | Sequence, tag: str, value: str, mark: Mark, shown: str) -> None:
    if tag != _STR:
        raise YamlProblem(Problem(shown, "mapping keys must be plain strings", mark.line, mark.column))
    if (unsafe := unsafe_chars().search(value)) is not None:
        message = f"control or bidirectional character {describe_char(unsafe.group())} is not allowed in a key"
        raise YamlProblem(Problem(shown, message, mark.line, mark.column))
    if value in parent.items:
        raise YamlProblem(Problem(shown, "key appears twice in the same mapping", mark.line, mark.column, value))


@lru_cache(maxsize=1)
def _resolver() -> Callable[[str], str]:
    """YAML 1.1's reading of a plain scalar (int, float, bool, null, timestamp or str), memoised by value."""
    import yaml

    resolver = yaml.resolver.Resolver()
    scalar_node = yaml.ScalarNode

    @lru_cache(maxsize=65536)
    def resolve(value: str) -> str:
        tag: str = resolver.resolve(scalar_node, value, (True, False))  # type: ignore[no-untyped-call]
        return tag

    return resolve


_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def _scalar_value(tag: str, text: str, shown: str, mark: Mark) -> str | int | float | bool | None:
    if tag == _STR:
        return text
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return text.lower() in ("yes", "true", "on", "y")
    if tag in (_INT, _FLOAT):
        return _number(tag, text, shown, mark)
    if tag == _TIMESTAMP:
        # An unquoted 2025-12-04 would silently become a date object; dates are strings here.
        return TimestampText(text)
    raise YamlProblem(Problem(shown, f"unsupported YAML value {text!r}; put it in quotes", mark.line, mark.column))


def _number(tag: str, text: str, shown: str, mark: Mark) -> int | float:
    """Plain decimal numbers only: YAML 1.1's base-60 (10:30), binary and giant forms are refused."""
    cleaned = text.replace("_", "")
    try:
        if tag == _INT and len(cleaned) <= 30:
            return int(cleaned, 10)
        if tag == _FLOAT and len(cleaned) <= 40:
            value = float(cleaned)
            if math.isfinite(value):
                return value
    except ValueError:
        pass
    raise YamlProblem(
        Problem(
            shown,
            f"unsupported number {_shorten(text)!r}; write a plain decimal number, or quote it if it is text",
            mark.line,
            mark.column,
        )
    )


def _shorten(text: str, most: int = 24) -> str:
    return text if len(text) <= most else text[: most - 1] + "\u2026"


class TimestampText(str):
    """A date-like scalar that was not quoted: kept as text but recognisable, so the loader can object."""
