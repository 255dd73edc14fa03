"""A load cache so that warm starts skip YAML parsing, validation and indexing.

Files live under $XDG_CACHE_HOME/indoruss (default ~/.cache/indoruss), named by a key made of the data
files' paths, sizes and times and of the package, schema and Python versions: any edit gives a new key.

Trust: a cache file is read only if this user owns it and its folder and neither is writable by anyone
else; its header must carry the expected key and a digest of the payload; and the payload is unpickled by
an unpickler that can build nothing but this package's own record classes and a few containers. Anything
that fails a check is ignored and rebuilt. Writes go to a temporary file renamed into place, so a reader
never sees half a file; a folder that cannot be written only costs speed.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any, TypeVar

from . import __version__
from .model import SCHEMA_VERSION

MAGIC = b"indoruss-cache 1\n"
T = TypeVar("T")

_ALLOWED = {
    ("indoruss.model", name)
    for name in (
        "FactBase",
        "Source",
        "Topic",
        "Entity",
        "Fact",
        "Figure",
        "Quote",
        "Event",
        "Speaker",
        "SourceRef",
        "DateSpec",
        "Origin",
    )
} | {
    ("indoruss.search", "SearchIndex"),
    ("array", "array"),
    ("array", "_array_reconstructor"),
    ("builtins", "set"),
    ("builtins", "frozenset"),
}


class _RecordsOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"cache names a forbidden class {module}.{name}")
        return super().find_class(module, name)


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or ""
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / "indoruss"


def cache_key(files: list[Path]) -> str:
    digest = hashlib.sha256()
    digest.update(f"{__version__}|{SCHEMA_VERSION}|{sys.version_info[:2]}|{pickle.HIGHEST_PROTOCOL}".encode())
    # The modules that decide what a cached object holds: a changed file (an upgrade, an edited checkout)
    # must not meet objects built by the old code.
    here = Path(__file__).parent
    for module in ("model.py", "loader.py", "search.py", "text.py", "yamlsource.py"):
        digest.update(f"|{module}|{(here / module).stat().st_mtime_ns}".encode())
    for file in files:
        st = file.stat()
        digest.update(f"|{file.resolve()}|{st.st_size}|{st.st_mtime_ns}|{st.st_ctime_ns}|{st.st_ino}".encode())
    return digest.hexdigest()


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


def read(kind: str, key: str, expected: type[T]) -> T | None:
    path = cache_dir() / f"{key[:32]}.{kind}"
    try:
        if not _trusted(path):
            return None
        blob = path.read_bytes()
    except OSError:
        return None
    header_end = len(MAGIC) + 2 * 65
    if not blob.startswith(MAGIC) or len(blob) < header_end:
        return None
    stored_key = blob[len(MAGIC) : len(MAGIC) + 64].decode("ascii", "replace")
    stored_digest = blob[len(MAGIC) + 65 : len(MAGIC) + 129].decode("ascii", "replace")
    payload = memoryview(blob)[header_end:]
    if stored_key != key or hashlib.sha256(payload).hexdigest() != stored_digest:
        return None
    try:
        value = _RecordsOnly(io.BytesIO(payload)).load()
    except Exception:
        return None
    return value if isinstance(value, expected) else None


def write(kind: str, key: str, value: object) -> None:
    folder = cache_dir()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        header = MAGIC + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n"
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(header)
                out.write(payload)
            os.replace(temporary, folder / f"{key[:32]}.{kind}")
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return
