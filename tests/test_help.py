"""Every command's help: its examples, each of which runs as written against the bundled fact base."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPORT, invoke, require_report
from indoruss.cli.app import app

COMMANDS = [str(c.name or c.callback.__name__) for c in app.registered_commands if c.callback]
BIN = Path(sys.executable).parent  # where the installation put the `indoruss` command


def examples(help_text: str) -> list[str]:
    """The command lines listed under "Examples:", one a line, as a reader would copy them."""
    found = re.search(r"\n  Examples:\n((?:    .*\n)+)", help_text)
    assert found, f"no Examples: block in\n{help_text}"
    return [line.strip() for line in found.group(1).splitlines()]


def test_every_command_is_in_the_help_tests() -> None:
    assert len(COMMANDS) == 16 and "search" in COMMANDS and "validate" in COMMANDS


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_each_help_has_two_or_three_examples_that_run(command: str, tmp_path: Path) -> None:
    out = invoke(*([command] if command else []), "--help")
    assert out.code == 0 and out.stderr == ""
    listed = examples(out.stdout)
    assert 2 <= len(listed) <= 3, listed
    assert len(set(listed)) == len(listed)
    assert shutil.which("indoruss", path=str(BIN)), f"no indoruss command in {BIN}"
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "NO_COLOR": "1"}
    for example in listed:
        assert example.startswith("indoruss "), example
        words = example.split()
        if command:
            assert command in words, f"{example!r} is not an example of {command}"
        # An example may name its exit code in a trailing comment ("# exit 1"); otherwise it must succeed.
        expected = int(found.group(1)) if (found := re.search(r"# exit (\d)$", example)) else 0
        if REPORT.name in example:
            shutil.copy(require_report(), tmp_path / REPORT.name)
        done = subprocess.run(["bash", "-c", example], cwd=tmp_path, env=env, capture_output=True, text=True)
        assert done.returncode == expected, (example, done.stderr)
        assert "Error" not in done.stderr, (example, done.stderr)
        if database := re.search(r"--format sqlite (\S+)$", example):
            # An export to a file prints nothing: the database it wrote must hold the fact base.
            assert done.stdout == ""
            assert (tmp_path / database.group(1)).read_bytes().startswith(b"SQLite format 3\x00")
            continue
        written = re.search(r"> (\S+)$", example)
        output = (tmp_path / written.group(1)).read_text(encoding="utf-8") if written else done.stdout
        assert output.strip(), f"{example!r} printed nothing"


def test_the_examples_show_what_their_help_promises(tmp_path: Path) -> None:
    # The examples are real: `quotes --by "Dmitry Peskov"` quotes the name, and its rows are Peskov's.
    listed = examples(invoke("quotes", "--help").stdout)
    assert 'indoruss quotes --by "Dmitry Peskov" --topic defence' in listed
    out = invoke("quotes", "--by", "Dmitry Peskov", "--topic", "defence", "--format", "plain")
    rows = [line.split("\t") for line in out.stdout.splitlines()]
    assert [row[1] for row in rows] == ["Dmitry Peskov"] * len(rows) and rows
    assert examples(invoke("--help").stdout)[0] == "indoruss search S-400"
