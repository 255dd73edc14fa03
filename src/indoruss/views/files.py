"""Files the user asks for (`export ... FILE`), written whole or not at all and never over another by mistake."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..errors import CannotWrite, WouldOverwrite
from ..safety import shorten


def write_atomically(target: Path, force: bool, fill: Callable[[Path], object]) -> None:
    """Fill a temporary file beside `target`, then put it in place: a reader sees the whole file or none.

    Without `force` an existing file is never replaced, even one that appears while this one is written (the
    new file is linked into place, which fails if the name is taken). On any failure the temporary file is
    removed and `target` is as it was.
    """
    import tempfile

    shown = shorten(str(target))
    if target.is_dir():
        raise CannotWrite(f"cannot write {shown}: it is a folder")
    if not force and (target.exists() or target.is_symlink()):
        raise WouldOverwrite(f"{shown} exists; give --force to replace it")
    try:
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise CannotWrite(f"cannot write {shown}: {exc.strerror or exc}") from None
    os.close(handle)
    temporary = Path(name)
    try:
        fill(temporary)
        umask = os.umask(0)
        os.umask(umask)
        temporary.chmod(0o666 & ~umask)  # as any new file, not the private mode of a temporary one
        _put_in_place(temporary, target, force, shown)
    except OSError as exc:
        raise CannotWrite(f"cannot write {shown}: {exc.strerror or exc}") from None
    finally:
        temporary.unlink(missing_ok=True)


def _put_in_place(temporary: Path, target: Path, force: bool, shown: str) -> None:
    if force:
        os.replace(temporary, target)
        return
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise WouldOverwrite(f"{shown} exists; give --force to replace it") from None
    except OSError:
        # A file system without hard links: the check above is the best that can be done.
        if target.exists():
            raise WouldOverwrite(f"{shown} exists; give --force to replace it") from None
        os.replace(temporary, target)
