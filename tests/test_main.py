"""The entry point as a process: exit codes for any input, closed pipes, python -m, shell completion."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Outcome

Run = Callable[..., Outcome]


def test_shell_completion_offers_speakers_topics_and_ids(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "_INDORUSS_COMPLETE": "complete_bash"}
    cases = {
        ("indoruss quotes --by Pes", "3"): ["Peskov"],
        ("indoruss topics de", "2"): ["defence"],
        ("indoruss show s-40", "2"): ["s-400", "s-400-on-agenda"],
        ("indoruss sea", "1"): ["search"],
    }
    for (words, cword), expected in cases.items():
        done = subprocess.run(
            [sys.executable, "-m", "indoruss"],
            env={**env, "COMP_WORDS": words, "COMP_CWORD": cword},
            capture_output=True,
            text=True,
            check=False,
        )
        offered = [line.split(",", 1)[-1] for line in done.stdout.splitlines()]
        assert all(item in offered for item in expected), (words, done.stdout, done.stderr)


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    done = subprocess.run(
        f"'{sys.executable}' -m indoruss export | head -c 10",
        shell=True,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout == '{\n  "schem'
    assert done.stderr == ""


def test_python_dash_m_help(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "indoruss", "--help"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path)},
    )
    assert done.returncode == 0
    assert done.stdout.startswith("Usage: indoruss [OPTIONS] COMMAND [ARGS]...")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(min_size=0, max_size=40))
def test_any_query_ends_in_0_1_or_2_without_traceback(run: Run, query: str) -> None:
    out = run("search", query)
    assert out.code in (0, 1, 2)
    assert "Traceback" not in out.stderr
    assert "\x1b" not in out.stderr and "\x1b" not in out.stdout
    if out.code == 2:
        assert out.stderr.startswith("Error: ") and out.stderr.count("\n") == 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    speaker=st.text(max_size=20),
    topic=st.sampled_from(["trade", "defence", "nope", "Energy", ""]),
)
def test_any_quote_lookup_ends_in_0_1_or_2(run: Run, speaker: str, topic: str) -> None:
    args = ["quotes", "--by", speaker] + (["--topic", topic] if topic else [])
    out = run(*args)
    assert out.code in (0, 1, 2)
    assert "Traceback" not in out.stderr


def test_closed_pipe_exits_141_without_a_word(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte is written
    try:
        done = subprocess.run(
            [sys.executable, "-m", "indoruss", "export"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=env,
            check=False,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 141
    assert done.stderr == b""


LEAN_CHECK = """
import sys
from indoruss.cli.main import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stderr.write("heavy modules: " + ",".join(m for m in ("yaml", "rich", "json") if m in sys.modules) + "\\n")
"""


@pytest.mark.parametrize("args", [["search", "S-400"], ["topics"]], ids=" ".join)
def test_a_warm_piped_run_imports_neither_yaml_rich_nor_json(tmp_path: Path, args: list[str]) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("INDORUSS_OUTPUT", None)
    cold = subprocess.run([sys.executable, "-c", LEAN_CHECK, *args], env=env, capture_output=True, text=True)
    assert "heavy modules: yaml" in cold.stderr  # the cold run parses YAML, as it must
    warm = subprocess.run([sys.executable, "-c", LEAN_CHECK, *args], env=env, capture_output=True, text=True)
    assert warm.stdout.strip(), warm.stderr
    assert warm.stderr.splitlines()[-1] == "heavy modules: "
