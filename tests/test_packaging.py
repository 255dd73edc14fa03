"""The package as installed: entry point, version, bundled data, module execution."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import entry_points, version
from pathlib import Path

import indoruss
from indoruss.loading.paths import bundled_data_dir

ROOT = Path(__file__).resolve().parents[1]


def test_console_script_resolves_to_main() -> None:
    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "indoruss"]
    from indoruss.cli.main import main

    assert script.load() is main


def test_version_is_single_sourced() -> None:
    assert version("indoruss") == indoruss.__version__


def test_bundled_data_is_found_without_the_current_folder(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "indoruss", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"indoruss {indoruss.__version__} (fact base schema 2, content ")
    # Every file, the later sources' in data/later/ too.
    bundled = bundled_data_dir()
    assert sorted(p.relative_to(bundled) for p in bundled.rglob("*.yaml")) == sorted(
        p.relative_to(ROOT / "data") for p in (ROOT / "data").rglob("*.yaml")
    )


def test_the_dependency_pins_hold() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert any(dep.startswith("typer>=0.28,<0.29") for dep in config["project"]["dependencies"])


def test_a_built_wheel_carries_every_data_file_and_module(tmp_path: Path) -> None:
    # Built for real, as `pip install .` does, rather than trusting an editable install's view of data/.
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 and "No module named" in done.stderr and "hatchling" in done.stderr:
        done = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path), str(ROOT)],
            capture_output=True,
            text=True,
            check=False,
        )
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = tmp_path.glob("indoruss-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    data = {f"indoruss/data/{p.relative_to(ROOT / 'data').as_posix()}" for p in (ROOT / "data").rglob("*.yaml")}
    modules = {
        f"indoruss/{p.relative_to(ROOT / 'src' / 'indoruss').as_posix()}"
        for p in (ROOT / "src" / "indoruss").rglob("*.py")
    }
    assert len(data) > 20 and data <= names
    assert modules <= names


def test_ci_runs_the_readme_commands_as_written() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = first_block.splitlines()
    assert commands == [
        "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/indoruss search S-400",
        ".venv/bin/pip install -e '.[test]' && .venv/bin/pytest",
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert [line for line in ci if line in commands] == commands
    # Nothing before them makes or enters an environment that a reader of the README would not have.
    before = [line for line in ci[: ci.index(commands[0])] if not line.startswith(("#", "echo "))]
    assert not [line for line in before if re.search(r"\b(venv|activate|pip|python3?)\b", line)], before
    # On a fresh Debian or Ubuntu machine the system pip refuses to install: the first command needs no
    # program that the reader has not got from python3 itself.
    for command in commands:
        for word in command.replace("&&", " ").split():
            if word.split("/")[-1] in ("pip", "indoruss", "pytest"):
                assert word.startswith(".venv/bin/"), (command, word)
