"""Start-up benchmark: whole `indoruss` commands timed as a user runs them, piped and on a terminal.

    .venv/bin/python benchmarks/bench.py [--rounds 30] [--data DIR]

Every case runs once per round, round-robin (each round starts one case later, so no case always runs
right after the same neighbour), after one uncounted warm-up round that also fills the load cache. The
cache lives in a private temporary XDG_CACHE_HOME. Each command runs as the installed console script found
next to this interpreter, with its output either on a pipe or on a pseudo-terminal (stdout and stderr on
the pty's slave side, read until EOF), so the Rich view is timed as well as the plain one.

Two references run in the same rounds: `python -c pass` (the interpreter floor) and the import floor
`python -c "import typer, rich.console, rich.table, yaml, rapidfuzz.process"`, the cost of importing the
libraries the tool is built on. Ratios are to the import floor: a tool that imports lazily can start faster
than its own libraries load. The goals are checked and printed as PASS/FAIL; the exit code is 0 whatever
they say (this is a measurement), and 2 only when the benchmark cannot run.
"""

from __future__ import annotations

import argparse
import errno
import fcntl
import os
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PYTHON = sys.executable
IMPORT_FLOOR = "import typer, rich.console, rich.table, yaml, rapidfuzz.process"
TERMINAL_SIZE = (40, 120)  # rows, columns
# Variables that would change what the CLI does or how it renders; the benchmark sets its own.
CLEARED = ("INDORUSS_DATA", "INDORUSS_OUTPUT", "COLUMNS", "LINES", "XDG_CACHE_HOME")


@dataclass(frozen=True)
class Case:
    name: str
    argv: tuple[str, ...]
    terminal: bool = False
    expect: str = ""  # text the warm-up output must contain, to catch a case that fails quietly


@dataclass(frozen=True)
class Goal:
    case: str
    limit: float  # highest ratio to the import floor that passes


@dataclass(frozen=True)
class Run:
    seconds: float
    returncode: int
    output: bytes


FLOOR = Case("python -c pass", (PYTHON, "-c", "pass"))
IMPORTS = Case("import floor (typer, rich, yaml, rapidfuzz)", (PYTHON, "-c", IMPORT_FLOOR))
GOALS = (
    Goal("indoruss search S-400 (pipe)", 0.85),
    Goal("indoruss topics (pipe)", 0.75),
    Goal("indoruss search S-400 (pty)", 1.0),
)


def cli_cases(script: Path) -> list[Case]:
    commands = (
        (("search", "S-400"), "S-400"),
        (("topics",), "trade"),
        (("quotes", "--by", "Peskov"), "Peskov"),
    )
    cases: list[Case] = []
    for args, expect in commands:
        for terminal in (False, True):
            where = "pty" if terminal else "pipe"
            cases.append(Case(f"indoruss {' '.join(args)} ({where})", (str(script), *args), terminal, expect))
    return cases


def run_piped(case: Case, env: Mapping[str, str]) -> Run:
    start = time.perf_counter()
    proc = subprocess.Popen(
        case.argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env
    )
    output, _ = proc.communicate()
    return Run(time.perf_counter() - start, proc.returncode, output)


def run_on_terminal(case: Case, env: Mapping[str, str]) -> Run:
    master, slave = pty.openpty()
    try:
        rows, columns = TERMINAL_SIZE
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        start = time.perf_counter()
        proc = subprocess.Popen(case.argv, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env)
        os.close(slave)
        slave = -1
        chunks: list[bytes] = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError as exc:  # Linux reports EIO once the last slave descriptor is closed
                if exc.errno != errno.EIO:
                    raise
                break
            if not chunk:
                break
            chunks.append(chunk)
        returncode = proc.wait()
        seconds = time.perf_counter() - start
    finally:
        os.close(master)
        if slave >= 0:
            os.close(slave)
    return Run(seconds, returncode, b"".join(chunks))


def run(case: Case, env: Mapping[str, str]) -> Run:
    return run_on_terminal(case, env) if case.terminal else run_piped(case, env)


def compile_package() -> None:
    """Byte-compile the installed package, as pip does on install.

    An editable install under PYTHONDONTWRITEBYTECODE (or a freshly edited checkout) would otherwise
    recompile every changed module on every run, and the benchmark would time the compiler, not the tool.
    """
    import compileall

    import indoruss

    compileall.compile_dir(str(Path(indoruss.__file__).parent), quiet=1)


def child_env(cache: Path, data: Path | None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in CLEARED}
    env["XDG_CACHE_HOME"] = str(cache)
    env["INDORUSS_PAGER"] = ""  # the time to draw the view, not the time a pager waits for a reader
    env.setdefault("TERM", "xterm-256color")
    if data is not None:
        env["INDORUSS_DATA"] = str(data)
    return env


def snapshot(folder: Path) -> dict[str, int]:
    """The files under `folder` and their modification times, to tell whether a run rewrote the cache."""
    return {str(p): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def warm_up(cases: list[Case], env: Mapping[str, str]) -> str | None:
    """Run every case once, uncounted; the reason it cannot be benchmarked, if one fails."""
    for case in cases:
        result = run(case, env)
        text = result.output.decode("utf-8", "replace")
        if result.returncode != 0 or case.expect not in text:
            return f"{case.name} failed (exit code {result.returncode}):\n{text[-2000:]}"
    return None


def measure(cases: list[Case], env: Mapping[str, str], rounds: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {case.name: [] for case in cases}
    for number in range(rounds):
        shift = number % len(cases)
        for case in cases[shift:] + cases[:shift]:
            times[case.name].append(run(case, env).seconds)
        print(f"\rround {number + 1}/{rounds}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return times


def report(cases: list[Case], times: dict[str, list[float]]) -> None:
    medians = {name: statistics.median(values) for name, values in times.items()}
    floor = medians[IMPORTS.name]
    print("| case | median ms | ratio to import floor |")
    print("|---|---:|---:|")
    for case in cases:
        print(f"| {case.name} | {medians[case.name] * 1000:.1f} | {medians[case.name] / floor:.2f} |")
    print()
    print("Goals (ratio of the median to the import floor's median):")
    for goal in GOALS:
        ratio = medians[goal.case] / floor
        verdict = "PASS" if ratio <= goal.limit else "FAIL"
        print(f"- {verdict}: {goal.case}: {ratio:.2f} <= {goal.limit:.2f}")


def wait_until_settled(data: Path | None) -> None:
    """The tool does not cache data files changed in the last two seconds (a coarse clock's tick); wait until
    the fact base is older than that, so that the warm-up round fills the cache (a fresh install would not)."""
    if data is None:
        from indoruss.loading.paths import bundled_data_dir

        data = bundled_data_dir()
    files = [data] if data.is_file() else list(data.rglob("*.yaml"))
    newest = max((f.stat().st_mtime for f in files), default=0.0)
    time.sleep(max(0.0, newest + 2.5 - time.time()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=30, help="measured rounds (default 30)")
    parser.add_argument("--data", type=Path, help="fact base folder or file, passed to the CLI as INDORUSS_DATA")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    data: Path | None = args.data.resolve() if args.data is not None else None
    if data is not None and not data.exists():
        parser.error(f"--data {args.data}: no such file or folder")
    script = Path(PYTHON).parent / "indoruss"
    if not script.is_file():
        print(
            f"cannot run: no indoruss console script next to {PYTHON}; run this with the venv's python", file=sys.stderr
        )
        return 2
    cases = [FLOOR, IMPORTS, *cli_cases(script)]
    compile_package()
    wait_until_settled(data)
    with tempfile.TemporaryDirectory(prefix="indoruss-bench-") as cache:
        env = child_env(Path(cache), data)
        failure = warm_up(cases, env)
        if failure is not None:
            print(f"cannot run: {failure}", file=sys.stderr)
            return 2
        before = snapshot(Path(cache))
        times = measure(cases, env, args.rounds)
        rewritten = snapshot(Path(cache)) != before
    where = str(data) if data is not None else "bundled"
    rows, columns = TERMINAL_SIZE
    place = "venv" if sys.prefix != sys.base_prefix else "system install"
    print(f"indoruss start-up: {args.rounds} rounds, medians; data {where}; interpreter in a {place}")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, pty {columns}x{rows}, warm load cache\n")
    report(cases, times)
    if rewritten:
        print("\nNote: the load cache was rewritten during the measured rounds (a miss; was the source edited?).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
