"""Where the fact base is: --data, else INDORUSS_DATA, else the copy bundled with the package."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import DataPathError, FactBaseError, Problem

ENV_VAR = "INDORUSS_DATA"


def bundled_data_dir() -> Path:
    """The fact base shipped with the package.

    A wheel carries it as package data (indoruss/data), found next to this module as importlib.resources
    would find it, without importing that machinery at start-up. An editable install of a source checkout
    has no copy inside the package, so it falls back to the checkout's top-level data/ folder, found from this
    file's location and never from the current folder.
    """
    package = Path(__file__).resolve().parents[1]
    packaged = package / "data"
    if packaged.is_dir():
        return packaged
    checkout = package.parents[1] / "data"
    if checkout.is_dir():
        return checkout
    raise DataPathError("the bundled fact base is missing from this installation; reinstall indoruss")


def resolve_data_path(option: str | None) -> Path:
    chosen = option if option else os.environ.get(ENV_VAR) or None
    if chosen is None:
        return bundled_data_dir()
    path = Path(chosen).expanduser()
    origin = "--data" if option else ENV_VAR
    if not path.exists():
        raise DataPathError(f"data path does not exist: {chosen} (from {origin})")
    if not (path.is_dir() or path.is_file()):
        raise DataPathError(f"data path is neither a folder nor a file: {chosen} (from {origin})")
    return path


def data_files(path: Path) -> list[Path]:
    """The YAML files that make up the fact base at `path` (a folder, searched recursively, or one file)."""
    if path.is_file():
        return [path]
    try:
        found = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    except OSError as exc:
        raise FactBaseError(Problem(str(path), f"cannot list folder: {exc.strerror or exc}")) from None
    if not found:
        raise FactBaseError(Problem(str(path), "folder holds no .yaml files"))
    return found


def shown_name(file: Path, root: Path) -> str:
    if root.is_dir():
        try:
            return str(Path(root.name) / file.relative_to(root))
        except ValueError:
            pass
    return str(file)
