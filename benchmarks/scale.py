"""Scale benchmark: how the first run, warm search and peak memory grow with the size of the fact base.

    .venv/bin/python benchmarks/scale.py [--sizes 1000,10000,100000] [--runs 7] [--seed 1]

For each size, synth.py writes a synthetic fact base into a temporary folder; then, with a private, empty
XDG_CACHE_HOME, `indoruss search S-400` runs once cold (parse, validate, index and write the load cache) and
`--runs` times warm (from the cache). Each command is the installed console script next to this interpreter,
with its output on /dev/null; its wall time is measured around spawn and wait, and its peak resident memory
is the child's own ru_maxrss from os.wait4 (not a getrusage(RUSAGE_CHILDREN) delta, which keeps the
maximum of every child so far).

The goals, at 100,000 records, are printed as PASS/FAIL; the exit code is 0 whatever they say, and 2 only
when the benchmark cannot run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bench import compile_package  # beside this script

PYTHON = sys.executable
SYNTH = Path(__file__).resolve().parent / "synth.py"
QUERY = ("search", "S-400")
CLEARED = ("INDORUSS_DATA", "INDORUSS_OUTPUT", "COLUMNS", "LINES", "XDG_CACHE_HOME")
GOAL_SIZE = 100_000
GOAL_WARM_SECONDS = 0.5
GOAL_PEAK_MIB = 400.0
GOAL_FIRST_RUN_SECONDS = 15.0
GROWTH_FROM = 10_000


class CannotRun(Exception):
    pass


@dataclass(frozen=True)
class Sample:
    seconds: float
    peak_mib: float


@dataclass(frozen=True)
class Row:
    records: int
    cold: Sample
    warm_median_seconds: float
    warm_peak_mib: float
    cache_mib: float
    cache_rewritten: bool  # a warm run missed the cache (e.g. the package's source changed meanwhile)


def timed(argv: list[str], env: Mapping[str, str]) -> Sample:
    """Run a command to completion: its wall time and its own peak resident memory."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace")[-2000:]
            raise CannotRun(f"{' '.join(argv)} exited with {proc.returncode}:\n{message}")
    return Sample(seconds, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


def generate(records: int, out: Path, seed: int) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [PYTHON, str(SYNTH), "--records", str(records), "--out", str(out), "--seed", str(seed)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise CannotRun(f"synth.py --records {records} failed:\n{done.stderr[-2000:]}")
    seconds = time.perf_counter() - start
    # The tool does not cache files changed in the last two seconds (a coarse clock's tick): date the fresh
    # files back, as files a user measures would be, so that the cold run writes the cache.
    settled = time.time() - 60
    for file in out.rglob("*.yaml"):
        os.utime(file, (settled, settled))
    return seconds


def folder_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / (1024 * 1024)


def snapshot(folder: Path) -> dict[str, int]:
    """The files under `folder` and their modification times, to tell whether a run rewrote the cache."""
    return {str(p): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()} if folder.exists() else {}


def measure(records: int, script: Path, runs: int, seed: int) -> Row:
    with tempfile.TemporaryDirectory(prefix="indoruss-scale-") as temporary:
        data, cache = Path(temporary) / "data", Path(temporary) / "cache"
        seconds = generate(records, data, seed)
        print(f"{records:,} records: generated in {seconds:.1f} s; cold run", file=sys.stderr, flush=True)
        env = {key: value for key, value in os.environ.items() if key not in CLEARED}
        env.update(XDG_CACHE_HOME=str(cache), INDORUSS_DATA=str(data))
        argv = [str(script), *QUERY]
        cold = timed(argv, env)
        cache_mib = folder_mib(cache) if cache.exists() else 0.0
        if cache_mib == 0.0:
            print(f"warning: the cold run wrote no cache under {cache}; warm runs are not warm", file=sys.stderr)
        print(f"{records:,} records: {runs} warm runs", file=sys.stderr, flush=True)
        before = snapshot(cache)
        warm = [timed(argv, env) for _ in range(runs)]
        rewritten = snapshot(cache) != before
    return Row(
        records,
        cold,
        statistics.median(s.seconds for s in warm),
        max(s.peak_mib for s in warm),
        cache_mib,
        rewritten,
    )


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report(rows: list[Row], runs: int) -> None:
    columns = ("records", "cold first run s", f"warm search median s ({runs} runs)", "peak MiB cold", "peak MiB warm")
    print(f"| {' | '.join(columns)} | cache MiB |")
    print("|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row.records:,} | {row.cold.seconds:.2f} | {row.warm_median_seconds:.3f} "
            f"| {row.cold.peak_mib:.0f} | {row.warm_peak_mib:.0f} | {row.cache_mib:.1f} |"
        )
    for row in rows:
        if row.cache_rewritten:
            print(f"\nNote: at {row.records:,} records a warm run rewrote the cache (a miss; was the source edited?).")
    print()
    by_size = {row.records: row for row in rows}
    goal = by_size.get(GOAL_SIZE)
    if goal is None:
        print(f"Goals are set at {GOAL_SIZE:,} records, which this run did not measure.")
        return
    print(f"Goals at {GOAL_SIZE:,} records:")
    warm, first = goal.warm_median_seconds, goal.cold.seconds
    print(f"- {verdict(warm <= GOAL_WARM_SECONDS)}: warm search median {warm:.3f} s <= {GOAL_WARM_SECONDS} s")
    for label, peak in (("cold first run", goal.cold.peak_mib), ("warm search", goal.warm_peak_mib)):
        print(f"- {verdict(peak <= GOAL_PEAK_MIB)}: peak memory, {label}, {peak:.0f} MiB <= {GOAL_PEAK_MIB:.0f} MiB")
    print(f"- {verdict(first <= GOAL_FIRST_RUN_SECONDS)}: first run {first:.2f} s <= {GOAL_FIRST_RUN_SECONDS:.0f} s")
    smaller = by_size.get(GROWTH_FROM)
    if smaller is None:
        print(f"- growth of warm search from {GROWTH_FROM:,}: not measured")
        return
    growth = goal.warm_median_seconds / smaller.warm_median_seconds
    factor = GOAL_SIZE // GROWTH_FROM
    shape = "sub-linear" if growth < factor else "linear or worse"
    print(
        f"- {verdict(growth < factor)}: warm search grows {growth:.1f}x from {GROWTH_FROM:,} to {GOAL_SIZE:,} "
        f"records ({shape}; sub-linear means < {factor})"
    )


def sizes(text: str) -> list[int]:
    try:
        found = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of record counts: {text!r}") from None
    if not found or min(found) < 50:
        raise argparse.ArgumentTypeError("each size must be at least 50 records")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=sizes, default=[1_000, 10_000, 100_000], help="record counts, comma-separated")
    parser.add_argument("--runs", type=int, default=7, help="warm runs per size (default 7)")
    parser.add_argument("--seed", type=int, default=1, help="synth.py seed (default 1)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    script = Path(PYTHON).parent / "indoruss"
    if not script.is_file():
        print(f"cannot run: no indoruss console script next to {PYTHON}; use the venv's python", file=sys.stderr)
        return 2
    compile_package()
    try:
        rows = [measure(records, script, args.runs, args.seed) for records in args.sizes]
    except CannotRun as exc:
        print(f"cannot run: {exc}", file=sys.stderr)
        return 2
    print(
        f"indoruss at scale: `indoruss {' '.join(QUERY)}`, synthetic fact bases (seed {args.seed}), output to /dev/null"
    )
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs\n")
    report(rows, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
