"""Where the fact base is: --data, else INDORUSS_DATA, else the copy bundled with the package."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from ..errors import DataPathError, FactBaseError, Problem
from ..safety import shorten

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
    shown = shorten(chosen)
    try:
        if not path.exists():
            raise DataPathError(f"data path does not exist: {shown} (from {origin})")
        if not (path.is_dir() or path.is_file()):
            raise DataPathError(f"data path is neither a folder nor a file: {shown} (from {origin})")
    except OSError as exc:  # a name too long, a folder that cannot be entered
        raise DataPathError(
            f"cannot read data path {shown}: {(exc.strerror or str(exc)).lower()} (from {origin})"
        ) from None
    return path


YAML_SUFFIXES = (".yaml", ".yml")


def data_files(path: Path) -> list[Path]:
    """The YAML files that make up the fact base at `path` (a folder, searched recursively, or one file).

    Nothing is skipped in silence. Links are followed while they stay inside the data folder and refused
    when they lead out of it; a `*.yaml` that is not a readable regular file (a dangling link, a folder, a
    FIFO), a link loop and a folder that cannot be read are each an error naming it. Nothing is read from a
    refused path, so no message can show what it holds.
    """
    problems: list[Problem] = []
    try:
        if path.is_file():
            return [path]
        root = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        raise FactBaseError(Problem(str(path), f"cannot read folder: {_reason(exc)}")) from None
    found: list[Path] = []
    _walk(path, root, {root}, found, problems)
    if problems:
        raise FactBaseError(problems)
    if not found:
        raise FactBaseError(Problem(str(path), "folder holds no .yaml files"))
    return sorted(found)


def _walk(folder: Path, root: Path, seen: set[Path], found: list[Path], problems: list[Problem]) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        problems.append(Problem(str(folder), f"cannot read folder: {_reason(exc)}"))
        return
    for entry in entries:
        here = Path(entry.path)
        wanted = entry.name.endswith(YAML_SUFFIXES)
        try:
            is_link = entry.is_symlink()
            target = here.resolve(strict=True) if is_link else here
        except (OSError, RuntimeError) as exc:
            # A dangling link or a link loop: an error if it is named as a data file or could be a folder.
            if wanted or "." not in entry.name:
                problems.append(Problem(str(here), f"cannot follow link: {_reason(exc)}"))
            continue
        if is_link and not target.is_relative_to(root):
            if wanted or target.is_dir():
                problems.append(Problem(str(here), "link leads out of the data folder; refused"))
            continue
        try:
            is_dir = target.is_dir()
            is_file = target.is_file()
        except OSError as exc:
            problems.append(Problem(str(here), f"cannot read: {_reason(exc)}"))
            continue
        if is_dir:
            if wanted:
                problems.append(Problem(str(here), "is a folder, not a YAML file"))
                continue
            real = target.resolve()
            if real in seen:
                continue  # reached again through a link inside the folder: read once
            seen.add(real)
            _walk(here, root, seen, found, problems)
        elif wanted:
            if not is_file:
                problems.append(Problem(str(here), "is not a regular file (a FIFO, socket or device); refused"))
            else:
                found.append(here)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, RuntimeError):
        return "link loop"
    if isinstance(exc, OSError):
        if exc.errno == errno.ELOOP:
            return "link loop"
        if exc.errno == errno.ENOENT:
            return "it leads nowhere"
        return (exc.strerror or str(exc)).lower()
    return str(exc)


def shown_name(file: Path, root: Path) -> str:
    if root.is_dir():
        try:
            return str(Path(root.name) / file.relative_to(root))
        except ValueError:
            pass
    return str(file)
