"""The views on a real terminal: the installed entry point run on a pseudo-terminal of a given size, its screen
read back. Ids are never wrapped or cut, no line is wider than the terminal, and below the width where a table
no longer fits each record is a block with its id alone on the first line. Then the pager and colour."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios

import pytest

from conftest import PRELUDE

WIDTHS = (40, 60, 80, 120, 200)
# Long ids, as real ones are (the one that broke at 80 columns among them), next to short ones.
FACTBASE = (
    PRELUDE
    + """\
  - id: russia
    name: Russia
    category: country
    description: A country spanning Eastern Europe and Northern Asia, India's oldest defence partner.
    topics: [trade]
    source: {id: report, paragraph: 1}
facts:
  - id: russia-largest-defence-supplier
    statement: Russia is India's largest defence supplier, by far, over the last two decades of purchases.
    status: confirmed
    date: "2025-12-04"
    topics: [trade]
    entities: [russia, india]
    source: {id: report, paragraph: 2}
  - id: trade-deal-expected
    statement: A trade deal is expected at the summit, according to officials of both governments.
    status: expected
    date: "2025-12"
    topics: [trade]
    entities: [india, russia]
    source: {id: report, paragraph: 3}
  - id: deal-signed-at-the-summit-in-delhi
    statement: The deal was signed at the summit in New Delhi, on its second day.
    status: confirmed
    date: "2025-12-05"
    topics: [trade]
    entities: [india, russia]
    source: {id: later-wire-report-on-the-summit-2025-12-06}
figures:
  - id: russia-share-of-defence-imports
    value: 77
    unit: percent
    display: "77%"
    qualifier: exact
    measures: Russia's share of India's defence imports over the five years to 2024
    period: "2020-2024"
    status: confirmed
    date: "2024"
    topics: [trade]
    entities: [russia, india]
    source: {id: report, paragraph: 4}
quotes:
  - id: quote-india-on-the-partnership
    text: "Our partnership has stood the test of time and will grow stronger in every field."
    speaker: india
    context: statement at the summit
    fragment: false
    topics: [trade]
    source: {id: report, paragraph: 5}
events:
  - id: summit-opens-in-new-delhi-on-4-december
    title: The annual summit opens in New Delhi with talks between the two leaders
    date: "2025-12-04"
    status: confirmed
    topics: [trade]
    entities: [india, russia]
    source: {id: report, paragraph: 6}
outcomes:
  - id: outcome-trade-deal-expected
    expectation: trade-deal-expected
    verdict: happened
    as_of: "2025-12-06"
    summary: The deal was signed on the second day of the summit, as the wire report says.
    evidence: [deal-signed-at-the-summit-in-delhi]
conflicts:
  - id: conflict-largest-supplier
    question: Whether Russia is still India's largest defence supplier.
    claims: [russia-largest-defence-supplier, deal-signed-at-the-summit-in-delhi]
    topics: [trade]
"""
).replace(
    "topics:\n  - id: trade",
    """  - id: later-wire-report-on-the-summit-2025-12-06
    title: What the summit signed
    publisher: A Wire
    published: "2025-12-06"
    kind: wire
    language: en
    url: https://wire.example.org/summit
topics:
  - id: trade""",
)

# Each view, and the width from which it is a table (or panels) rather than stacked blocks, worked out by hand
# from the fact base above: the table's floors (an id column's is its longest id; a column narrower than its
# floor counts its own width) plus three columns of padding a column and one more.
VIEWS: dict[str, tuple[list[str], int]] = {
    "search": (["search", "russia"], 80),  # score 5 + kind 9 + record 39 + matched 14 = 67, + 13
    "topics": (["topics"], 62),  # topic 5 + title 14 + facts 5 + figures 7 + quotes 6 + events 6 = 43, + 19
    "topics TOPIC": (["topics", "trade"], 77),  # events: id 39 + status 9 + record 14 + ¶ 2 = 64, + 13
    "quotes": (["quotes"], 50),  # a panel a quote: its id (30) + 8 in its border, and 50 at least
    "facts": (["facts"], 76),  # id 34 + status 9 + record 14 + ¶ 6 (a source id there folds) = 63, + 13
    "events": (["events"], 77),  # id 39 + status 9 + record 14 + ¶ 2 = 64, + 13
    "figures": (["figures"], 59),  # record 31 + figure 9 + status 9 = 49, + 10
    "actors": (["actors"], 47),  # id 6 + category 8 + name 6 + description 14 = 34, + 13
    "show": (["show", "russia-largest-defence-supplier"], 68),  # linked: record 39 + kind 9 + shares 10, + 10
    "timeline": (["timeline"], 68),  # date 10 + record 39 + kind 9 = 58, + 10
    "outcomes": (["outcomes"], 75),  # expectation 19 + status 8 + verdict 8 + summary 14 + sources 10, + 16
    "sources": (["sources"], 79),  # id 42 + source 15 + publisher 12 = 69, + 10
    "conflicts": (["conflicts"], 68),  # claim 34 + says 14 + source 10 = 58, + 10
}


def _screen(args: list[str], width: int, env: dict[str, str], lines: int = 500) -> tuple[int, str]:
    """Run indoruss on a pseudo-terminal `width` columns wide; its exit code and what it wrote, ANSI removed."""
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.execve(sys.executable, [sys.executable, "-m", "indoruss", *args], env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", lines, width, 0, 0))
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child closed its side: Linux reports EIO
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(fd)
    _, status = os.waitpid(pid, 0)
    text = b"".join(chunks).decode()
    return os.waitstatus_to_exitcode(status), re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text).replace("\r\n", "\n")


@pytest.fixture(scope="module")
def factbase(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a run: the small fact base, a warm cache, no pager, nothing from the caller's own."""
    folder = tmp_path_factory.mktemp("terminal")
    (folder / "factbase.yaml").write_text(FACTBASE, encoding="utf-8")
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "SYSTEMROOT", "VIRTUAL_ENV")
    env = {k: v for k, v in os.environ.items() if k in keep}
    env.update(
        {
            "INDORUSS_DATA": str(folder / "factbase.yaml"),
            "XDG_CACHE_HOME": str(folder / "cache"),
            "TERM": "xterm-256color",
            "PYTHONIOENCODING": "utf-8",
        }
    )
    done = subprocess.run(
        [sys.executable, "-m", "indoruss", "validate"], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return env


def _shown_ids(args: list[str], env: dict[str, str]) -> list[str]:
    """The ids of the records a command shows, read from its JSON, not from the view under test."""
    done = subprocess.run(
        [sys.executable, "-m", "indoruss", *args, "--json"], env=env, capture_output=True, text=True, check=True
    )
    found = json.loads(done.stdout)
    if args[0] == "show":
        return [found["id"], *(r["id"] for r in found["related"])]
    if args[0] == "outcomes":
        return [row["id"] for row in found]
    if args[0] == "conflicts":
        return [c["id"] for c in found] + [r["id"] for c in found for r in c["claimed"]]
    return [r["id"] for r in found]


_IDS: dict[str, list[str]] = {}


def _ids_of(view: str, env: dict[str, str]) -> list[str]:
    if view not in _IDS:
        _IDS[view] = _shown_ids(VIEWS[view][0], env)
    return _IDS[view]


def _whole(record_id: str, line: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(record_id)}(?![\w-])", line) is not None


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("view", list(VIEWS))
def test_every_view_keeps_its_ids_whole_within_the_width(view: str, width: int, factbase: dict[str, str]) -> None:
    args, table_from = VIEWS[view]
    code, screen = _screen(["--no-pager", *args], width, factbase)
    assert code == 0, screen
    lines = screen.splitlines()
    ids = _ids_of(view, factbase)
    broken = [rid for rid in ids if not any(_whole(rid, line) for line in lines)]
    assert broken == [], screen
    # Only an id longer than the terminal is wider: alone on its line, whole, for the terminal to wrap.
    too_wide = [line for line in lines if len(line.rstrip()) > width and line.strip() not in ids]
    assert too_wide == [], screen
    alone = [rid for rid in ids if rid in (line.strip() for line in lines)]
    if width < table_from:
        assert alone == ids, screen  # stacked: each record's block starts with its id on a line of its own
    else:
        assert alone == [], screen  # a table, or panels: every id shares its line with a border or a column
