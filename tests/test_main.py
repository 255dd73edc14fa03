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
    out = run("search", "--", query)  # after --, even "-0" is a query, not an option
    # A query is never a usage error, and never an unexpected failure: results (0) or none (1).
    assert out.code in (0, 1), out.stderr
    assert "Traceback" not in out.stderr and "Error: unexpected" not in out.stderr
    assert "\x1b" not in out.stderr and "\x1b" not in out.stdout
    if out.code == 1:
        assert out.stdout == "" and out.stderr.startswith("No results for ")
    else:
        assert out.stdout.strip(), "exit 0 with nothing printed"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    speaker=st.text(max_size=20),
    topic=st.sampled_from(["trade", "defence", "nope", "Energy", ""]),
)
def test_any_quote_lookup_ends_in_0_1_or_2(run: Run, speaker: str, topic: str) -> None:
    args = ["quotes", "--by", speaker] + (["--topic", topic] if topic else [])
    out = run(*args)
    assert out.code in (0, 1, 2)
    assert "Traceback" not in out.stderr and "Error: unexpected" not in out.stderr
    if out.code == 2:  # only a usage error: an unknown topic, a speaker that fits several, a blank name
        assert out.stderr.startswith("Error: ") and out.stderr.count("\n") == 1
    if out.code == 0:
        assert out.stdout.strip()


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
heavy = ("yaml", "rich", "json", "indoruss.views.pager")
sys.stderr.write("heavy modules: " + ",".join(m for m in heavy if m in sys.modules) + "\\n")
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


# -- output that is whole or an error: closed pipes, full disks, closed streams, any encoding ---------------------


def _run(args: list[str], env: dict[str, str] | None = None, **streams: object) -> subprocess.CompletedProcess[bytes]:
    base = {k: v for k, v in os.environ.items() if k not in ("INDORUSS_OUTPUT", "INDORUSS_DATA")}
    return subprocess.run(
        [sys.executable, "-m", "indoruss", *args], env={**base, **(env or {})}, check=False, **streams
    )  # type: ignore[call-overload, no-any-return]


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--help"], {"INDORUSS_OUTPUT": "rich"}),
        (["--help"], {}),
        (["--version"], {}),
        (["topics"], {"INDORUSS_OUTPUT": "rich"}),
        (["export"], {"PYTHONUNBUFFERED": "1"}),
        (["search", "S-400", "--json"], {}),
        (["search", "zzqqxx", "--json"], {}),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else ",".join(f"{k}={x}" for k, x in v.items()),
)
def test_a_reader_that_went_away_is_exit_141_in_every_mode(
    tmp_path: Path, args: list[str], env: dict[str, str]
) -> None:
    reader, writer = os.pipe()
    os.close(reader)
    done = _run(args, {**env, "XDG_CACHE_HOME": str(tmp_path)}, stdout=writer, stderr=subprocess.PIPE)
    os.close(writer)
    assert (done.returncode, done.stderr) == (141, b"")


@pytest.mark.parametrize("unbuffered", ["", "1"])
def test_a_full_disk_is_exit_2_with_one_line(tmp_path: Path, unbuffered: str) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full, which Linux has")
    env = {"XDG_CACHE_HOME": str(tmp_path), "PYTHONUNBUFFERED": unbuffered}
    with open("/dev/full", "wb") as full:
        done = _run(["export"], env, stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 2
    assert done.stderr == b"Error: cannot write output: No space left on device\n"


def test_a_closed_stdout_is_exit_2_and_a_closed_stderr_keeps_the_exit_code(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path)}
    closed_out = subprocess.run(
        f"'{sys.executable}' -m indoruss topics >&-", shell=True, env={**os.environ, **env}, capture_output=True
    )
    assert (closed_out.returncode, closed_out.stderr) == (2, b"Error: standard output is closed\n")
    closed_err = subprocess.run(
        f"'{sys.executable}' -m indoruss show no-such-record 2>&-",
        shell=True,
        env={**os.environ, **env},
        capture_output=True,
    )
    assert closed_err.returncode == 1


@pytest.mark.parametrize(
    "env", [{"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "latin-1"}, {"LC_ALL": "C", "PYTHONUTF8": "0"}]
)
def test_any_locale_writes_everything_with_escapes_where_needed(tmp_path: Path, env: dict[str, str]) -> None:
    done = _run(["quotes", "--by", "Putin"], {**env, "XDG_CACHE_HOME": str(tmp_path)}, capture_output=True)
    assert done.returncode == 0, done.stderr
    whole = _run(["quotes", "--by", "Putin"], {"XDG_CACHE_HOME": str(tmp_path)}, capture_output=True)
    assert len(done.stdout.splitlines()) == len(whole.stdout.splitlines())


def test_a_newline_in_a_path_cannot_forge_a_line(run: Run) -> None:
    out = run("--data", "/nowhere\nOK: 142 records", "topics")
    assert out.code == 2
    assert out.stderr == "Error: data path does not exist: /nowhere\\u000aOK: 142 records (from --data)\n"


def test_a_huge_data_value_is_not_echoed_whole(run: Run) -> None:
    out = run("--data", "a" * 100_000, "topics")
    assert out.code == 2
    assert len(out.stderr) < 500


def test_no_home_folder_only_costs_the_cache(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    out = run("topics", "--format", "plain")
    assert out.code == 0 and out.stdout.startswith("trade\t")


def test_a_one_column_terminal_still_shows_the_records(run: Run) -> None:
    out = run("topics", env={"INDORUSS_OUTPUT": "rich", "COLUMNS": "1"})
    assert out.code == 0
    assert "trade" in out.stdout and "defence" in out.stdout


def test_the_cache_folders_are_private_whatever_the_umask(run: Run, tmp_path: Path) -> None:
    base = tmp_path / "deep" / "cache"
    old = os.umask(0)
    try:
        assert run("topics", env={"XDG_CACHE_HOME": str(base)}).code == 0
    finally:
        os.umask(old)
    assert (base / "indoruss").stat().st_mode & 0o777 == 0o700
    assert base.stat().st_mode & 0o777 == 0o700


def test_against_a_file_without_end_is_refused(run: Run) -> None:
    out = run("validate", "--against", "/dev/zero")
    assert out.code == 2
    assert out.stderr == "Error: /dev/zero is larger than 10 MiB; a report to check against is far smaller\n"


def test_running_out_of_memory_is_one_line_not_a_traceback(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    import indoruss.model.queries

    def exhausted(*_: object) -> None:
        raise MemoryError

    monkeypatch.setattr(indoruss.model.queries, "count_topics", exhausted)
    out = run("topics")
    assert (out.code, out.stdout) == (2, "")
    assert out.stderr == "Error: out of memory (is the input far larger than a fact base?)\n"


# -- the options of the terminal: --no-pager, --color, INDORUSS_OUTPUT ---------------------------------------------


def test_the_terminal_options_move_from_after_the_command() -> None:
    from indoruss.cli.main import _global_options_first

    assert _global_options_first(["topics", "trade", "--no-pager", "--color", "never"]) == [
        "--no-pager",
        "--color",
        "never",
        "topics",
        "trade",
    ]
    assert _global_options_first(["brief", "--color=always"]) == ["--color=always", "brief"]


def test_the_terminal_options_are_accepted_before_or_after_and_a_pipe_stays_plain(run: Run) -> None:
    before = run("--no-pager", "--color", "always", "topics")
    after = run("topics", "--color", "always", "--no-pager")
    assert before.code == after.code == 0
    assert after.stdout == before.stdout
    # --color colours tables; a pipe still gets its TSV, without a terminal code
    assert after.stdout.startswith("id\tkind\ttitle\tfacts\tfigures\tquotes\tevents\ntrade\ttopic\tTrade\t")
    assert "\x1b" not in after.stdout


def test_an_unknown_color_is_a_usage_error(run: Run) -> None:
    out = run("topics", "--color", "sometimes")
    assert out.code == 2
    assert out.stderr.startswith("Error: Invalid value for '--color': 'sometimes' is not one of ")
    assert len(out.stderr.splitlines()) == 1


@pytest.mark.parametrize("value", ["fancy", "RICHER", " "])
def test_an_unknown_output_style_is_an_error_naming_the_valid_ones(run: Run, value: str) -> None:
    out = run("topics", env={"INDORUSS_OUTPUT": value})
    assert (out.code, out.stdout) == (2, "")
    assert out.stderr == (
        f"Error: INDORUSS_OUTPUT={value.lower()!r} is not one of rich, plain (or unset: rich on a terminal, plain"
        " elsewhere)\n"
    )


@pytest.mark.parametrize(("value", "first"), [("RICH", "Topics"), ("", "id"), ("Plain", "trade")])
def test_the_output_style_is_read_in_any_case_and_empty_is_unset(run: Run, value: str, first: str) -> None:
    out = run("topics", env={"INDORUSS_OUTPUT": value})
    assert out.code == 0
    assert out.stdout.split()[0] == first  # the Rich table's title, the TSV's header, or the first plain line
