"""brief, timeline, cite, validate, completion, the JSON contract and the process-level behaviour."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPORT, Outcome

Run = Callable[..., Outcome]


def test_brief_markdown_structure(run: Run) -> None:
    out = run("brief", "--markdown")
    assert out.code == 0
    text = out.stdout
    lines = text.splitlines()
    assert lines[0] == "# Briefing: the India-Russia summit of December 2025"
    headings = [line[3:] for line in lines if line.startswith("## ")]
    assert headings[:2] == ["Trade", "Defence"]
    assert headings[-1] == "Sources"
    # The legend names every status.
    for status in ("confirmed", "reported", "expected", "likely", "possible", "proposed"):
        assert f"- **{status}**: " in text
    # Every claim line ends with its paragraph citation.
    claims = [line for line in lines if line.startswith("- ") and not line.startswith("- **") and "`" not in line]
    assert claims and all(re.search(r"\*\((\w+)\)\* \[¶\d+\]$", line) for line in claims)
    assert "| Figure | Measures | Qualifier | Period | Status | Source |" in text
    assert re.search(r"^\| \\\$100 billion \|", text, re.M) or "| $100 billion |" in text
    quotes = [line for line in lines if line.startswith("> \u201c")]
    assert len(quotes) == 8
    assert "> \u2014 Dmitry Peskov, interview with Sputnik News [¶5]" in text


def test_brief_for_one_topic_only(run: Run) -> None:
    out = run("brief", "--topic", "nuclear-energy", "--markdown")
    headings = [line for line in out.stdout.splitlines() if line.startswith("## ")]
    assert headings == ["## Civil nuclear energy", "## Sources"]
    assert "Kudankulam" in out.stdout


def test_brief_rich_view(run: Run) -> None:
    out = run("brief", "--topic", "defence", env={"INDORUSS_OUTPUT": "rich", "NO_COLOR": "1"})
    assert out.code == 0
    assert "Defence" in out.stdout and "S-400" in out.stdout
    assert "## " not in out.stdout  # rendered, not raw Markdown


def test_timeline_is_ordered_with_precision(run: Run) -> None:
    out = run("timeline", "--json")
    assert out.code == 0
    entries = json.loads(out.stdout)
    starts = [e["date"]["start"] for e in entries]
    assert starts == sorted(starts)
    assert entries[0]["date"] == {
        "text": "2022",
        "precision": "year",
        "start": "2022",
        "end": None,
        "label": entries[0]["date"]["label"],
    }
    by_id = {e["id"]: e for e in entries}
    visit = next(e for e in entries if e["kind"] == "event" and e["date"]["precision"] == "day")
    assert visit["date"]["start"] == "2025-12-04" and visit["date"]["end"] == "2025-12-05"
    assert any(e["date"]["start"] == "2024" and e["kind"] == "figure" for e in entries)
    assert any(e["date"]["label"] and "end of 2025" in e["date"]["label"] for e in entries)
    assert any(e["date"]["end"] == "2030" and e["date"]["precision"] == "year" for e in entries)  # trade horizon
    assert all(e["date"]["precision"] in ("year", "month", "day") for e in by_id.values())


def test_timeline_topic_filter_and_plain_columns(run: Run) -> None:
    out = run("timeline", "--topic", "defence")
    rows = [line.split("\t") for line in out.stdout.splitlines()]
    assert rows and all(len(r) == 8 for r in rows)
    assert {r[1] for r in rows} <= {"year", "month", "day"}
    everything = json.loads(run("timeline", "--json").stdout)
    assert len(rows) == sum(1 for e in everything if "defence" in e["topics"])


def test_cite_plain_markdown_json(run: Run) -> None:
    plain = run("cite", "relos-ratified")
    assert plain.code == 0
    assert plain.stdout == (
        "India and Russia To Strike New Defence and Trade Deals During Putins Visit Today. "
        "publisher not stated, 2025-12-04, paragraph 11.\n"
    )
    markdown = run("cite", "relos-ratified", "--markdown")
    assert markdown.stdout.startswith("*India and Russia To Strike") and markdown.stdout.endswith(", ¶11.\n")
    document = json.loads(run("cite", "relos-ratified", "--json").stdout)
    assert document["id"] == "relos-ratified"
    assert document["source"]["paragraph"] == 11
    assert document["source"]["citation"] == plain.stdout.strip()


def test_cite_a_topic_has_no_source(run: Run) -> None:
    out = run("cite", "trade")
    assert out.code == 1
    assert out.stderr == "Topic 'trade' has no source to cite.\n"


LIST_COMMANDS = [
    ["search", "S-400"],
    ["topics"],
    ["topics", "trade"],
    ["quotes"],
    ["quotes", "--by", "Peskov"],
    ["figures"],
    ["actors"],
    ["timeline"],
]


@pytest.mark.parametrize("args", LIST_COMMANDS, ids=lambda a: " ".join(a))
def test_json_contract_of_list_commands(run: Run, args: list[str]) -> None:
    out = run(*args, "--json")
    assert out.code == 0, out.stderr
    records = json.loads(out.stdout)
    assert isinstance(records, list) and records
    for record in records:
        assert isinstance(record["id"], str)
        assert record["kind"] in {"fact", "figure", "quote", "entity", "topic", "event"}
        if record["kind"] != "topic":
            source = record["source"]
            assert set(source) == {"id", "title", "publisher", "published", "paragraph", "citation"}
            assert isinstance(source["paragraph"], int)
        if record["kind"] == "quote":
            assert isinstance(record["text"], str)
            assert set(record["speaker"]) >= {"id", "name"}
            assert isinstance(record["context"], str)
        if record["kind"] in {"fact", "figure", "event"}:
            assert record["status"] in {"confirmed", "reported", "expected", "likely", "possible", "proposed"}
        if args[0] == "search":
            assert isinstance(record["score"], float)
            assert set(record["matched"]) == {"field", "text", "spans", "via"}
    assert out.stderr == ""


def test_json_contract_of_object_commands(run: Run) -> None:
    shown = json.loads(run("show", "s-400", "--json").stdout)
    assert shown["kind"] == "entity" and isinstance(shown["related"], list)
    assert set(shown["related"][0]) == {"id", "kind", "shared", "strength"}
    cite = json.loads(run("cite", "s-400", "--json").stdout)
    assert set(cite) == {"id", "kind", "source"}
    export = json.loads(run("export").stdout)
    assert set(export) == {
        "schema_version",
        "fingerprint",
        "sources",
        "topics",
        "entities",
        "facts",
        "figures",
        "quotes",
        "events",
    }


def test_quotes_in_json_are_verbatim_from_the_report(run: Run) -> None:
    if not REPORT.exists():
        pytest.skip("the report is not beside the project")
    report = REPORT.read_text(encoding="utf-8")
    for quote in json.loads(run("quotes", "--json").stdout):
        assert quote["text"] in report


def test_bundled_data_validates_against_the_report(run: Run) -> None:
    if not REPORT.exists():
        pytest.skip("the report is not beside the project")
    out = run("validate", "--against", str(REPORT))
    assert out.code == 0, out.stdout
    assert out.stdout.startswith("OK: ")
    assert "8 quotes and" in out.stdout


def test_validate_reports_a_quote_missing_from_the_text(run: Run, tmp_path: Path) -> None:
    if not REPORT.exists():
        pytest.skip("the report is not beside the project")
    edited = tmp_path / "edited.txt"
    edited.write_text(
        REPORT.read_text(encoding="utf-8").replace("the best plane in the world", "a fine plane"), encoding="utf-8"
    )
    out = run("validate", "--against", str(edited))
    assert out.code == 1
    problems = out.stdout.splitlines()
    assert len(problems) == 1
    assert re.fullmatch(
        rf"data/quotes\.yaml:\d+: quote-peskov-su-57\.text: quote does not appear in {re.escape(str(edited))}: "
        r"'the best plane in the world'",
        problems[0],
    )
    assert out.stderr == "1 problem found\n"


def test_validate_normalises_typography(run: Run, tmp_path: Path) -> None:
    if not REPORT.exists():
        pytest.skip("the report is not beside the project")
    plain = REPORT.read_text(encoding="utf-8").replace("\u2019", "'").replace("\u2014", "-").replace("  ", " ")
    edited = tmp_path / "plain.txt"
    edited.write_text(plain, encoding="utf-8")
    assert run("validate", "--against", str(edited)).code == 0


def test_validate_cannot_run_without_its_text(run: Run, tmp_path: Path) -> None:
    out = run("validate", "--against", str(tmp_path / "missing.txt"))
    assert out.code == 2
    assert out.stderr == f"Error: cannot read {tmp_path / 'missing.txt'}: No such file or directory\n"


def test_validate_json(run: Run) -> None:
    out = run("validate", "--json")
    assert out.code == 0
    assert json.loads(out.stdout)["ok"] is True


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
