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
from pathlib import Path

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
    "search": (["search", "russia"], 80),  # score 5 + kind 9 (a source as "web") + record 39 + matched 14, + 13
    "topics": (["topics"], 62),  # topic 5 + title 14 + facts 5 + figures 7 + quotes 6 + events 6 = 43, + 19
    "topics TOPIC": (["topics", "trade"], 77),  # events: id 39 + status 9 + record 14 + ¶ 2 = 64, + 13
    "quotes": (["quotes"], 50),  # a panel a quote: its id (30) + 8 in its border, and 50 at least
    "facts": (["facts"], 73),  # id 34 + status 9 + record 14 + ¶ 3 ("web", not the source's id) = 60, + 13
    "events": (["events"], 77),  # id 39 + status 9 + record 14 + ¶ 2 = 64, + 13
    "figures": (["figures"], 59),  # record 31 + figure 9 + status 9 = 49, + 10
    "actors": (["actors"], 47),  # id 6 + category 8 + name 6 + description 14 = 34, + 13
    "show": (["show", "russia-largest-defence-supplier"], 68),  # linked: record 39 + kind 9 + shares 10, + 10
    "timeline": (["timeline"], 68),  # date 10 + record 39 + kind 9 = 58, + 10
    "outcomes": (["outcomes"], 75),  # expectation 19 + status 8 + verdict 8 + summary 14 + sources 10, + 16
    "sources": (["sources"], 79),  # id 42 + source 15 + publisher 12 = 69, + 10
    "conflicts": (["conflicts"], 68),  # claim 34 + says 14 + source 10 = 58, + 10
}


def _screen(args: list[str], width: int, env: dict[str, str], lines: int = 500, raw: bool = False) -> tuple[int, str]:
    """Run indoruss on a pseudo-terminal `width` columns wide and `lines` high: its exit code and what it wrote
    (stdout and stderr both), ANSI removed unless `raw`."""
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            # Sized from the child's side, before it starts: the size is there whenever it is first read.
            fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", lines, width, 0, 0))
            os.execve(sys.executable, [sys.executable, "-m", "indoruss", *args], env)
        finally:
            os._exit(127)
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
    if raw:
        return os.waitstatus_to_exitcode(status), text
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


# Every id of the fact base, the sources' among them: wherever one begins on a line, it is there whole.
ALL_IDS = re.findall(r"^ *- id: (\S+)$", FACTBASE, flags=re.MULTILINE)
WIRE = "later-wire-report-on-the-summit-2025-12-06"


def _cut(lines: list[str]) -> list[str]:
    """The lines with an id broken off (folded onto the next line, or cut): a word that only begins an id."""
    cut = []
    for line in lines:
        for word in re.split(r"[\s\u2502()\[\]:,]+", line):
            if len(word) >= 8 and "-" in word and any(rid.startswith(word) and rid != word for rid in ALL_IDS):
                cut.append(line)
    return cut


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
    assert _cut(lines) == [], screen
    # Only an id longer than the terminal is wider: alone on its line, whole, for the terminal to wrap.
    too_wide = [line for line in lines if len(line.rstrip()) > width and line.strip() not in ALL_IDS]
    assert too_wide == [], screen
    alone = [rid for rid in ids if rid in (line.strip() for line in lines)]
    if width < table_from:
        assert alone == ids, screen  # stacked: each record's block starts with its id on a line of its own
    else:
        assert alone == [], screen  # a table, or panels: every id shares its line with a border or a column
    if view == "facts":
        # The source of a record is named by its id where the table has room for it (from 34 + 9 + 14 + 42
        # + 13 = 112 columns), else "web"; the stacked blocks have room for it in any case.
        if width < table_from:
            assert any(_whole(WIRE, line) for line in lines), screen
        else:
            cited = next(line for line in lines if "deal-signed-at-the-summit-in-delhi" in line)
            assert _whole(WIRE, cited) == (width >= 112), screen
            assert cited.rstrip().endswith("web") == (width < 112), screen


@pytest.mark.parametrize("width", WIDTHS)
def test_the_brief_fits_every_width_and_keeps_the_source_ids_that_fit(width: int, factbase: dict[str, str]) -> None:
    code, screen = _screen(["--no-pager", "brief"], width, factbase)
    assert code == 0, screen
    lines = screen.splitlines()
    assert [line for line in lines if len(line.rstrip()) > width] == [], screen
    assert any(line.strip() == "Trade" for line in lines), screen
    # Rich's Markdown folds a word longer than the line: a source id is whole wherever it fits beside the
    # bullet's indent ("later-wire-report-on-the-summit-2025-12-06", 42 long, does not at 40 columns).
    for source_id in ("report", "later-wire-report-on-the-summit-2025-12-06"):
        if len(source_id) + 4 <= width:
            assert any(_whole(source_id, line) for line in lines), (source_id, screen)


CITED = "deal-signed-at-the-summit-in-delhi"


@pytest.mark.parametrize("width", WIDTHS)
def test_a_citation_is_one_line_at_every_width(width: int, factbase: dict[str, str]) -> None:
    piped = subprocess.run(
        [sys.executable, "-m", "indoruss", "cite", CITED], env=factbase, capture_output=True, text=True, check=True
    )
    assert piped.stdout == (
        "The deal was signed at the summit in New Delhi, on its second day. (Status: confirmed; stated by the "
        "source.) Source: What the summit signed. A Wire, 2025-12-06, https://wire.example.org/summit.\n"
    )
    code, screen = _screen(["cite", CITED], width, factbase)
    assert (code, screen) == (0, piped.stdout)  # no hard line break: the terminal wraps it, and copies it whole


# -- the pager -----------------------------------------------------------------------------------------------

FAKE_PAGER = """\
import os, sys
data = sys.stdin.buffer.read()
with open(sys.argv[1], "wb") as shown:
    shown.write(data)
with open(sys.argv[1] + ".less", "w") as less:
    less.write(os.environ.get("LESS", "(unset)"))
"""


@pytest.fixture
def pager(tmp_path: Path) -> tuple[str, Path]:
    """A pager that keeps what it is given (and the LESS it sees) in a file: its command line and that file."""
    script = tmp_path / "pager.py"
    script.write_text(FAKE_PAGER, encoding="utf-8")
    return f"{sys.executable} {script} {tmp_path / 'paged'}", tmp_path / "paged"


def test_a_view_longer_than_the_screen_is_paged_with_its_colour(
    factbase: dict[str, str], pager: tuple[str, Path]
) -> None:
    command, paged = pager
    code, screen = _screen(["facts"], 80, {**factbase, "INDORUSS_PAGER": command}, lines=10)
    assert code == 0, screen
    assert "russia-largest-defence-supplier" not in screen  # the pager had it, not the screen
    shown = paged.read_text(encoding="utf-8")
    assert "\x1b[1mrussia-largest-defence-supplier" in shown  # ANSI passes through to the pager
    assert "\x1b[1;32mconfirmed" in shown
    assert Path(f"{paged}.less").read_text() == "FRX"


def test_a_reader_s_own_less_settings_are_kept(factbase: dict[str, str], pager: tuple[str, Path]) -> None:
    command, paged = pager
    code, _ = _screen(["facts"], 80, {**factbase, "INDORUSS_PAGER": command, "LESS": "-S"}, lines=10)
    assert code == 0
    assert Path(f"{paged}.less").read_text() == "-S"


@pytest.mark.parametrize(
    ("args", "lines"),
    [(["facts"], 500), (["--no-pager", "facts"], 10), (["facts", "--no-pager"], 10), (["facts", "--json"], 10)],
    ids=["fits the screen", "--no-pager first", "--no-pager after the command", "json"],
)
def test_no_pager_when_the_view_fits_or_when_told_or_for_json(
    factbase: dict[str, str], pager: tuple[str, Path], args: list[str], lines: int
) -> None:
    command, paged = pager
    code, screen = _screen(args, 80, {**factbase, "INDORUSS_PAGER": command}, lines=lines, raw=True)
    assert code == 0, screen
    assert "russia-largest-defence-supplier" in screen
    assert not paged.exists()
    if "--json" in args:
        assert "\x1b" not in screen  # JSON never gets colour, even on a terminal
        assert json.loads(screen)[0]["id"] == "russia-largest-defence-supplier"


def test_a_pipe_is_never_paged(factbase: dict[str, str], pager: tuple[str, Path]) -> None:
    command, paged = pager
    env = {**factbase, "INDORUSS_PAGER": command, "INDORUSS_OUTPUT": "rich", "LINES": "5"}
    done = subprocess.run(
        [sys.executable, "-m", "indoruss", "facts"], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "russia-largest-defence-supplier" in done.stdout
    assert not paged.exists()


@pytest.mark.parametrize(
    ("chosen", "pages"),
    [
        ({"PAGER": "{pager}"}, True),
        ({"INDORUSS_PAGER": "{pager}", "PAGER": "cat"}, True),
        ({"INDORUSS_PAGER": "", "PAGER": "{pager}"}, False),
        ({"INDORUSS_PAGER": "cat", "PAGER": "{pager}"}, False),
        ({"PAGER": " "}, False),
    ],
    ids=["PAGER", "INDORUSS_PAGER first", "INDORUSS_PAGER empty", "INDORUSS_PAGER cat", "PAGER blank"],
)
def test_the_pager_is_chosen_as_git_chooses_it(
    factbase: dict[str, str], pager: tuple[str, Path], chosen: dict[str, str], pages: bool
) -> None:
    command, paged = pager
    env = {**factbase, **{k: v.replace("{pager}", command) for k, v in chosen.items()}}
    code, screen = _screen(["facts"], 80, env, lines=10)
    assert code == 0, screen
    assert paged.exists() == pages
    assert ("russia-largest-defence-supplier" in screen) != pages


@pytest.mark.parametrize("command", ["/nowhere/pager -R", "LESS=R no-such-pager-anywhere"], ids=["exec", "shell"])
def test_a_pager_that_cannot_start_leaves_the_output_on_the_screen(factbase: dict[str, str], command: str) -> None:
    code, screen = _screen(["facts"], 80, {**factbase, "INDORUSS_PAGER": command}, lines=10)
    assert code == 0, screen
    assert "russia-largest-defence-supplier" in screen
    assert f"Cannot start the pager {command!r}" in screen
    assert "Traceback" not in screen


QUITTER = "import os\nos.close(0)\n"  # a reader who quits at once: the rest of the output has nowhere to go


def test_quitting_the_pager_early_is_not_an_error(tmp_path: Path) -> None:
    script = tmp_path / "quit.py"
    script.write_text(QUITTER, encoding="utf-8")
    keep = ("PATH", "HOME", "LANG", "LC_ALL")
    env = {k: v for k, v in os.environ.items() if k in keep}
    env.update({"XDG_CACHE_HOME": str(tmp_path / "cache"), "TERM": "xterm-256color", "PYTHONIOENCODING": "utf-8"})
    env["INDORUSS_PAGER"] = f"{sys.executable} {script}"
    # The bundled timeline at 200 columns is far more than a pipe holds (64 KiB), so the write meets the
    # closed pipe rather than a buffer.
    code, screen = _screen(["timeline"], 200, env, lines=20)
    assert (code, screen) == (0, "")


# -- colour ---------------------------------------------------------------------------------------------------

_SGR = re.compile(r"\x1b\[([0-9;]*)m")


def _colours(text: str) -> set[str]:
    """The colour codes among the terminal's style codes (bold, italic or reverse are not colours)."""
    found = set()
    for params in _SGR.findall(text):
        for code in params.split(";"):
            if code and (30 <= int(code) <= 49 or 90 <= int(code) <= 107):
                found.add(code)
    return found


@pytest.mark.parametrize(
    ("args", "env", "colour", "styles"),
    [
        (["topics", "trade"], {}, True, True),
        (["topics", "trade"], {"NO_COLOR": "1"}, False, True),
        (["--color", "never", "topics", "trade"], {}, False, False),
        (["topics", "trade", "--color", "always"], {"NO_COLOR": "1"}, True, True),
    ],
    ids=["auto", "auto with NO_COLOR", "never", "always beats NO_COLOR"],
)
def test_colour_on_a_terminal(
    factbase: dict[str, str], args: list[str], env: dict[str, str], colour: bool, styles: bool
) -> None:
    code, screen = _screen(["--no-pager", *args], 120, {**factbase, **env}, raw=True)
    assert code == 0, screen
    assert bool(_colours(screen)) == colour
    assert ("\x1b[" in screen) == styles


def test_colour_always_through_a_pipe_but_never_in_json(factbase: dict[str, str]) -> None:
    def run(*args: str) -> str:
        env = {**factbase, "INDORUSS_OUTPUT": "rich"}
        done = subprocess.run(
            [sys.executable, "-m", "indoruss", *args], env=env, capture_output=True, text=True, check=True
        )
        return done.stdout

    assert _colours(run("--color", "always", "topics", "trade")) == {"32", "33"}  # confirmed, expected
    assert "\x1b" not in run("topics", "trade")  # auto: a pipe gets none
    assert "\x1b" not in run("--color", "always", "topics", "trade", "--json")
