"""Start-up of two installations of indoruss, timed interleaved: is a change faster or slower?

    python benchmarks/compare.py OLD_VENV NEW_VENV [--old-data DIR] [--new-data DIR] [--rounds 45]

Each round runs `indoruss search S-400` and `indoruss topics` with each installation, piped and on a
pseudo-terminal, alternating which goes first; each installation has its own warm load cache. Give both
the same fact base (or fact bases of the same size, when the schema differs between them) to compare the
code alone. Prints the median wall time of each case and the difference. A measurement: exit code 0.
"""

from __future__ import annotations

import argparse
import os
import pty
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

CASES = {"search S-400": ["search", "S-400"], "topics": ["topics"]}
CLEARED = ("INDORUSS_DATA", "INDORUSS_OUTPUT", "COLUMNS", "LINES", "XDG_CACHE_HOME")


def run(command: list[str], env: dict[str, str], terminal: bool) -> float:
    start = time.perf_counter()
    if terminal:
        pid, fd = pty.fork()
        if pid == 0:  # pragma: no cover - the child
            os.execve(command[0], command, env)
        while True:
            try:
                if not os.read(fd, 65536):
                    break
            except OSError:
                break
        os.waitpid(pid, 0)
        os.close(fd)
    else:
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old", type=Path, help="the old installation's venv")
    parser.add_argument("new", type=Path, help="the new installation's venv")
    parser.add_argument("--old-data", type=Path, help="fact base for the old one (default: its bundled one)")
    parser.add_argument("--new-data", type=Path, help="fact base for the new one (default: its bundled one)")
    parser.add_argument("--rounds", type=int, default=45)
    args = parser.parse_args()
    base = {k: v for k, v in os.environ.items() if k not in CLEARED}
    with tempfile.TemporaryDirectory(prefix="indoruss-compare-") as caches:
        sides: dict[str, tuple[str, dict[str, str]]] = {}
        for name, venv, data in (("old", args.old, args.old_data), ("new", args.new, args.new_data)):
            # No pager: the time to draw the view, not the time a pager waits for a reader.
            env = {**base, "XDG_CACHE_HOME": str(Path(caches) / name), "INDORUSS_PAGER": ""}
            if data is not None:
                env["INDORUSS_DATA"] = str(data.resolve())
            sides[name] = (str(venv / "bin" / "indoruss"), env)
        times: dict[tuple[str, str, bool], list[float]] = {}
        for script, env in sides.values():  # fill the caches
            for words in CASES.values():
                run([script, *words], env, False)
        for number in range(args.rounds):
            order = ("old", "new") if number % 2 else ("new", "old")
            for case, words in CASES.items():
                for terminal in (False, True):
                    for name in order:
                        script, env = sides[name]
                        env = {**env, "COLUMNS": "120"} if terminal else env
                        times.setdefault((name, case, terminal), []).append(run([script, *words], env, terminal))
    for case in CASES:
        for terminal in (False, True):
            old = statistics.median(times[("old", case, terminal)]) * 1000
            new = statistics.median(times[("new", case, terminal)]) * 1000
            where = "pty" if terminal else "pipe"
            print(f"indoruss {case} ({where}): old {old:.1f} ms, new {new:.1f} ms ({new - old:+.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
