"""Shared test helpers: every test gets its own cache folder and no data path from the environment."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from indoruss.cli.main import main
from indoruss.loading.paths import bundled_data_dir

# A minimal valid fact base (a source, a topic and an entity) that test files extend with one more thing.
PRELUDE = """\
schema: 2
sources:
  - id: report
    title: A report on the visit
    publisher: null
    published: "2025-12-04"
    kind: news-report
    document: report.txt
    language: en
topics:
  - id: trade
    title: Trade
    description: Trade between India and Russia.
entities:
  - id: india
    name: India
    category: country
    description: A country in South Asia.
    aliases: [Bharat]
    topics: [trade]
    source: {id: report, paragraph: 1}
"""

# PRELUDE's further topics and second country, which the fact bases of the model's tests share.
MORE_TOPICS = """\
  - id: defence
    title: Defence
    description: Arms and the military.
    aliases: [Military]
  - id: nuclear
    title: Civil nuclear energy
    description: Power plants.
"""
RUSSIA = """\
  - id: russia
    name: Russia
    category: country
    description: A country in Europe and Asia.
    topics: [trade, defence]
    source: {id: report, paragraph: 1}
"""


def with_more_topics(text: str) -> str:
    """A fact base that starts with PRELUDE: MORE_TOPICS added to its topics."""
    anchor = "    description: Trade between India and Russia.\n"
    return text.replace(anchor, anchor + MORE_TOPICS, 1)


def ids(records: Iterable[Any]) -> list[str]:
    """The ids of these records, in their order."""
    return [r.id for r in records]


REPORT = Path(__file__).resolve().parents[2] / "shared" / "source" / "putin-india-visit-2025-12-04.txt"


def require_report() -> Path:
    """The report the fact base was built from, which CI lays beside the checkout in ../shared/source.

    Missing, it fails the test with where it was looked for; INDORUSS_SKIP_REPORT=1 turns that into a skip
    that says why, for a checkout on its own.
    """
    if REPORT.exists():
        return REPORT
    if os.environ.get("INDORUSS_SKIP_REPORT") == "1":
        pytest.skip(f"INDORUSS_SKIP_REPORT=1 and the report is not at {REPORT}")
    pytest.fail(f"the report is expected at {REPORT} (../shared/source beside the checkout); not found")


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("INDORUSS_DATA", raising=False)
    monkeypatch.delenv("INDORUSS_OUTPUT", raising=False)
    monkeypatch.setenv("COLUMNS", "120")
    yield


def invoke(*args: str, env: dict[str, str] | None = None) -> Outcome:
    """Run the real entry point (error handling included) with captured stdout and stderr."""
    runner = CliRunner()
    with runner.isolation(env=env) as (out, err, _):
        try:
            main(list(args))
            code = 0
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        sys.stdout.flush()
        sys.stderr.flush()
        stdout, stderr = out.getvalue().decode(), err.getvalue().decode()
    return Outcome(code, stdout, stderr)


@pytest.fixture
def run() -> Callable[..., Outcome]:
    return invoke


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private, writable copy of the bundled fact base."""
    target = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), target)
    return target


def as_nobody(work: Callable[[], str], *reachable: Path) -> str:
    """Run `work` in a forked child that has given up root for 'nobody', so that file permissions apply
    (root ignores them), and return what it returns. The folders above each reachable path are opened for
    passing through: pytest's own are private to root."""
    import pwd

    nobody = pwd.getpwnam("nobody")
    for path in reachable:
        for parent in (path, *path.parents):
            if parent == Path("/tmp") or parent == Path(parent.anchor):
                break
            parent.chmod(parent.stat().st_mode | 0o711)
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        os.close(reader)
        try:
            os.setgid(nobody.pw_gid)
            os.setuid(nobody.pw_uid)
            try:
                answer = work()
            except Exception as exc:
                answer = f"unexpected {type(exc).__name__}: {exc}"
            os.write(writer, answer.encode())
        finally:
            os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        answer = pipe.read().decode()
    os.waitpid(child, 0)
    return answer
