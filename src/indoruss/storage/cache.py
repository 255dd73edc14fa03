"""A load cache so that warm starts skip YAML parsing, validation and indexing.

Files live under $XDG_CACHE_HOME/indoruss (default ~/.cache/indoruss). A file's key lists the data files'
paths, sizes and times and the package, schema and Python versions, so any edit gives a new key; the file
is named by a checksum of the key and carries the whole key in its header, which must match exactly.

Trust: a cache file is read only if this user owns it and its folder and neither is writable by anyone
else; its header must carry the expected key, the payload's length and its CRC-32 (damage, not malice, is
what the checksum catches); and the payload is unpickled by an unpickler that can build nothing but this
package's own record classes and a few containers. Anything
that fails a check is ignored and rebuilt. Writes go to a temporary file renamed into place, so a reader
never sees half a file; a folder that cannot be written only costs speed.
"""

from __future__ import annotations

import contextlib
import copyreg
import io
import os
import pickle
import sys
import zlib
from array import array
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, Any, TypeVar

from .. import __version__

MAGIC = b"indoruss-cache 1\n"
RACY_SECONDS = 2.0  # FAT's timestamps are two seconds apart; ext3's and HFS+'s one
MAX_FOLDERS = 8  # data folders whose caches are kept; the least recently written go first
STALE_TEMPORARY_SECONDS = 600.0
T = TypeVar("T")

# Containers any cached value may hold, besides the classes its caller allows.
_CONTAINERS = frozenset(
    {
        ("array", "array"),
        ("array", "_array_reconstructor"),
        ("builtins", "set"),
        ("builtins", "frozenset"),
    }
)


def allowed_names(types: Iterable[type]) -> frozenset[tuple[str, str]]:
    """The (module, name) pairs an unpickler may build: these classes and plain containers, nothing else."""
    return _CONTAINERS | {(t.__module__, t.__qualname__) for t in types}


class _AllowedOnly(pickle.Unpickler):
    def __init__(self, file: IO[bytes], allowed: frozenset[tuple[str, str]]) -> None:
        super().__init__(file)
        self.allowed = allowed

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in self.allowed:
            raise pickle.UnpicklingError(f"cache names a forbidden class {module}.{name}")
        return super().find_class(module, name)

    def load(self) -> Any:
        """Unpickle, and refuse a payload that changed one of the allowed classes themselves.

        A crafted pickle can fetch an allowed class and set an attribute on it (pickle's BUILD with a
        state), which would break every later use of that class. Such a payload is undone and refused.
        """
        before = _snapshot(self.allowed)
        try:
            value = super().load()
        finally:  # a payload that fails after changing a class is undone too
            changed = _undo(before)
        if changed:
            raise pickle.UnpicklingError("cache payload changed a class")
        return value


def _undo(before: list[tuple[type, dict[str, object]]]) -> bool:
    """Put back what a payload changed on the allowed classes (a __dict__ cannot be set); whether any had changed."""
    changed = False
    for cls, attributes in before:
        now = vars(cls)
        if now == attributes:  # one comparison in C: the common case costs next to nothing
            continue
        changed = True
        for extra in set(now) - set(attributes):
            delattr(cls, extra)
        for name, original in attributes.items():
            if now.get(name) is not original and name != "__dict__":
                setattr(cls, name, original)
    return changed


_SNAPSHOTS: dict[frozenset[tuple[str, str]], list[tuple[type, dict[str, object]]]] = {}


def _snapshot(allowed: frozenset[tuple[str, str]]) -> list[tuple[type, dict[str, object]]]:
    """The allowed classes as they were before any cache was read in this process."""
    found = _SNAPSHOTS.get(allowed)
    if found is None:
        classes = [c for c in (_class(module, name) for module, name in allowed) if c is not None]
        for cls in classes:
            # Pickling caches a class's slot names on the class (copyreg, `__slotnames__`): let that happen
            # now, so that the snapshot already holds it and a later pickle does not look like a change.
            copyreg._slotnames(cls)  # type: ignore[attr-defined]
        found = [(c, dict(vars(c))) for c in classes]
        _SNAPSHOTS[allowed] = found
    return found


def _class(module: str, name: str) -> type | None:
    found = getattr(sys.modules.get(module), name, None)
    return found if isinstance(found, type) else None


def cache_dir() -> Path:
    """The cache folder; OSError when there is none to be had (no XDG_CACHE_HOME and no home folder)."""
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if base and Path(base).is_absolute():
        return Path(base) / "indoruss"
    try:
        return Path.home() / ".cache" / "indoruss"
    except (RuntimeError, KeyError) as exc:  # HOME unset and a user with no passwd entry
        raise OSError(f"no cache folder: {exc}") from None


def cache_key(root: Path, files: list[Path], schema_version: int) -> str:
    """Everything a cached object depends on, as one line of text.

    The root is part of it because the fingerprint names files relative to it: the same files reached as a
    folder, as its parent or through a link make different fact bases.
    """
    parts = [f"{__version__}|{schema_version}|{sys.version_info[:2]}|{pickle.HIGHEST_PROTOCOL}|{root.absolute()}"]
    # Every module of the package: a changed file (an upgrade, an edited checkout) must not meet objects
    # built or checked by the old code.
    parts += _module_stamps(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "")
    for file in files:
        parts.append(f"{file.resolve()}@{stamp(file.stat())}")
    return "|".join(parts).replace("\n", " ")


def _module_stamps(folder: str, prefix: str) -> list[str]:
    """name@mtime of every module below the package folder (os.scandir: pathlib's rglob costs a millisecond
    more on every start)."""
    found: list[str] = []
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.name.endswith(".py"):
                found.append(f"{prefix}{entry.name}@{entry.stat().st_mtime_ns}")
            elif entry.is_dir() and not entry.name.startswith(("_", ".")) and entry.name != "data":
                found += _module_stamps(entry.path, f"{prefix}{entry.name}/")
    return found


def stamp(st: os.stat_result) -> str:
    """What a data file's metadata says of its content: size, times and inode."""
    return f"{st.st_size}@{st.st_mtime_ns}@{st.st_ctime_ns}@{st.st_ino}"


def settled(files: list[Path], now: float, margin: float = RACY_SECONDS) -> bool:
    """Whether every file was last changed long enough ago to be cached safely.

    A file rewritten within the same tick of a coarse clock (whole seconds on ext3 or HFS+, two on FAT) keeps
    its size and times, so a cache written in that tick could be served after the file changed again: git's
    "racily clean" entries. Files younger than the margin are read, not cached, until they settle.
    """
    try:
        return all(now - file.stat().st_mtime >= margin for file in files)
    except OSError:
        return False


def _b(text: str) -> bytes:
    # A data file whose name is not UTF-8 reaches Python as lone surrogates; its bytes go back as they came.
    return text.encode("utf-8", "surrogateescape")


def _root_tag(key: str) -> str:
    """The same for every generation of one data folder's cache: the key's first fields name the folder."""
    folder = key.split("|", 5)[4] if key.count("|") >= 4 else key
    return f"{zlib.crc32(_b(folder)):08x}"


def _path(kind: str, key: str) -> Path:
    return cache_dir() / f"{_root_tag(key)}-{zlib.crc32(_b(key)):08x}-{len(key):x}.{kind}"


def prune(key: str, now: float) -> None:
    """Keep the current generation of this data folder's cache and a few other folders'; remove the rest,
    and temporary files that no running writer holds."""
    try:
        folder = cache_dir()
    except OSError:
        return
    mine = _path("x", key).stem
    tag = _root_tag(key)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    generations: dict[str, float] = {}
    for entry in entries:
        name = entry.name
        if name.startswith(".") and name.endswith(".tmp"):
            _remove_stale_temporary(entry, now)
            continue
        stem = name.rpartition(".")[0]
        if name.startswith(f"{tag}-") and stem != mine:
            _unlink(entry.path)  # an older generation of this folder's cache
            continue
        try:
            generations[stem.partition("-")[0]] = max(
                generations.get(stem.partition("-")[0], 0.0), entry.stat().st_mtime
            )
        except OSError:
            continue
    others = sorted((t for t in generations if t != tag), key=lambda t: generations[t], reverse=True)
    dropped = set(others[MAX_FOLDERS - 1 :])
    for entry in entries:
        if entry.name.partition("-")[0] in dropped:
            _unlink(entry.path)


def _remove_stale_temporary(entry: os.DirEntry[str], now: float) -> None:
    """A temporary file left by a killed run: old, and locked by no writer (a live writer holds its lock)."""
    try:
        if now - entry.stat().st_mtime < STALE_TEMPORARY_SECONDS:
            return
        import fcntl

        with open(entry.path, "rb") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.unlink(entry.path)
    except (OSError, ImportError):
        return


def _unlink(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _trusted(path: Path) -> bool:
    uid = os.getuid() if hasattr(os, "getuid") else None
    for item in (path.parent, path):
        st = item.lstat()
        if uid is not None and st.st_uid != uid:
            return False
        if st.st_mode & 0o022:
            return False
        if item is path and not path.is_file():
            return False
    return True


def read(kind: str, key: str, expected: type[T], allowed: frozenset[tuple[str, str]]) -> T | None:
    path = _path(kind, key)
    try:
        if not _trusted(path):
            return None
        with path.open("rb") as handle:
            header = _header(key, 0, 0)
            key_line = header[: len(MAGIC) + len(_b(key)) + 1]
            if handle.read(len(key_line)) != key_line:
                return None
            length_text, _, crc_text = handle.readline(64).strip().partition(b" ")
            length, crc = int(length_text), int(crc_text, 16)
            start = handle.tell()
            # Check the payload before unpickling it, reading it in pieces so it is never held twice.
            seen, running = 0, 0
            while piece := handle.read(1 << 20):
                seen += len(piece)
                running = zlib.crc32(piece, running)
            if seen != length or running != crc:
                return None
            handle.seek(start)
            value = _AllowedOnly(handle, allowed).load()
    except Exception:  # unreadable, malformed or refused by the unpickler: rebuild instead
        return None
    return value if isinstance(value, expected) else None


def _header(key: str, length: int, crc: int) -> bytes:
    # Fixed width, so the header can be written first and filled in once the payload has streamed out.
    return MAGIC + _b(key) + b"\n" + f"{length:016d} {crc:08x}\n".encode()


class _Checksummed:
    """A file wrapper that counts and checksums what pickle writes through it."""

    def __init__(self, out: Any) -> None:
        self.out = out
        self.length = 0
        self.crc = 0

    def write(self, data: bytes) -> int:
        self.length += len(data)
        self.crc = zlib.crc32(data, self.crc)
        written: int = self.out.write(data)
        return written


def _make_private(folder: Path) -> None:
    """Make the folder and any missing parent readable by this user only, whatever the umask: pathlib's
    parents=True would make the parents with the umask's permissions (all of them, under umask 000)."""
    missing = []
    for path in (folder, *folder.parents):
        if path.exists():
            break
        missing.append(path)
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=0o700)
        path.chmod(0o700)


def _usable_folder() -> Path | None:
    """The cache folder, made if need be, or None when it cannot be written or would not be trusted."""
    try:
        folder = cache_dir()
        _make_private(folder)
        st = folder.lstat()
    except OSError:
        return None
    if (hasattr(os, "getuid") and st.st_uid != os.getuid()) or st.st_mode & 0o022:
        return None  # whatever is written there would be refused when read back
    return folder


def atomic_write(target: Path, fill: Callable[[IO[bytes]], None]) -> bool:
    """Write a file through a temporary one renamed into place, so a reader never sees half of it.

    Returns False when the cache folder cannot be used or written; that only costs speed.
    """
    folder = _usable_folder()
    if folder is None:
        return False
    try:
        import tempfile  # only a cold start writes

        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.suffix[1:]}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                _hold(out)  # so that no other run removes it as left behind while it is being written
                fill(out)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True


def _hold(out: IO[bytes]) -> None:
    try:
        import fcntl

        fcntl.flock(out.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (OSError, ImportError):
        return


def write(kind: str, key: str, value: object, *, shares_nothing: bool = False) -> None:
    """Cache `value`, streamed to disk. `shares_nothing` turns off pickle's memo, which on a large fact base
    costs more memory than the payload; it is only for values that rebuild their shared parts themselves."""

    def fill(out: IO[bytes]) -> None:
        out.write(_header(key, 0, 0))
        counted = _Checksummed(out)
        pickler = pickle.Pickler(counted, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.fast = shares_nothing
        pickler.dump(value)
        out.seek(0)
        out.write(_header(key, counted.length, counted.crc))

    atomic_write(_path(kind, key), fill)


def write_shelf(key: str, records: Sequence[object]) -> array[int] | None:
    """Write each record as its own pickle, one after another, so a reader can load just the few it needs.

    Returns (offset, length, crc) for each record in order, or None when the shelf could not be written.
    """
    table = array("Q")

    def fill(out: IO[bytes]) -> None:
        header = _header(key, len(records), 0)
        out.write(header)
        position = len(header)
        for record in records:
            blob = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
            out.write(blob)
            table.extend((position, len(blob), zlib.crc32(blob)))
            position += len(blob)

    return table if atomic_write(_path("shelf", key), fill) else None


class Shelf:
    """Reads single records from a shelf file; any doubt about the file and it reads nothing.

    The file is opened for each read and closed again: a search reads a handful of records, and nothing
    is left open for a long-lived caller.
    """

    def __init__(self, key: str, table: array[int], allowed: frozenset[tuple[str, str]]) -> None:
        self.table = table
        self.allowed = allowed
        self.path: Path | None = None
        path = _path("shelf", key)
        expected = _header(key, len(table) // 3, 0)
        try:
            if _trusted(path):
                with path.open("rb") as handle:
                    if handle.read(len(expected)) == expected:
                        self.path = path
        except OSError:
            return

    def get(self, position: int) -> object | None:
        if self.path is None or not 0 <= position < len(self.table) // 3:
            return None
        offset, length, crc = self.table[3 * position : 3 * position + 3]
        try:
            with self.path.open("rb") as handle:
                handle.seek(offset)
                blob = handle.read(length)
        except OSError:
            return None
        if len(blob) != length or zlib.crc32(blob) != crc:
            return None
        try:
            found: object = _AllowedOnly(io.BytesIO(blob), self.allowed).load()
        except Exception:
            return None
        return found
