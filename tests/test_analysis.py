"""brief, timeline and cite: analysis across records, through the commands that show it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import yaml

from conftest import Outcome
from indoruss.loading.paths import bundled_data_dir

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
    for status in ("confirmed", "expected", "likely", "possible", "proposed"):
        assert f"- **{status}**: " in text
    # Every claim line gives its status and its source: the report's paragraph, or "web" for a web page (the
    # fact base has several sources, so each citation names its source), then what came of it, if anything.
    claims = [line for line in lines if line.startswith("- ") and not line.startswith("- **") and "`" not in line]
    cited = re.compile(r"\*\((\w+)\)\* \[([a-z0-9-]+) (¶\d+|web)\]( Outcome as of [0-9-]+: \*\*[a-z-]+\*\*, .+)?$")
    assert claims and all(cited.search(line) for line in claims)
    assert (
        "- Peskov said certain countries are attempting to hinder trade between India and Russia. *(confirmed)* "
        "[putin-india-visit-2025-12-04 ¶4]"
    ) in lines
    assert "| Figure | Measures | Qualifier | Period | Status | Source |" in text
    assert re.search(r"^\| \\\$100 billion \|", text, re.M) or "| $100 billion |" in text
    quotes = [line for line in lines if line.startswith("> \u201c")]
    assert len(quotes) == 18  # 8 in the preview, 5 from the later energy sources, 5 from the later trade sources
    assert "> \u2014 Dmitry Peskov, interview with Sputnik News [putin-india-visit-2025-12-04 ¶5]" in text


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
    # The earliest dated record: a figure of the later trade sources, for 2019.
    assert entries[0]["id"] == "russian-tourists-2019"
    assert entries[0]["date"] == {
        "text": "2019",
        "precision": "year",
        "start": "2019",
        "end": None,
        "label": None,
    }
    by_id = {e["id"]: e for e in entries}
    visit = next(e for e in entries if e["kind"] == "event" and e["date"]["precision"] == "day")
    assert visit["date"]["start"] == "2025-12-04" and visit["date"]["end"] == "2025-12-05"
    assert any(e["date"]["start"] == "2024" and e["kind"] == "figure" for e in entries)
    assert any(e["date"]["label"] and "end of 2025" in e["date"]["label"] for e in entries)
    assert any(e["date"]["end"] == "2030" and e["date"]["precision"] == "year" for e in entries)  # trade horizon
    assert all(e["date"]["precision"] in ("year", "month", "day") for e in by_id.values())


def test_timeline_topic_filter_and_plain_columns(run: Run) -> None:
    out = run("timeline", "--topic", "defence", "--format", "plain")
    rows = [line.split("\t") for line in out.stdout.splitlines()]
    assert rows and all(len(r) == 8 for r in rows)
    assert {r[1] for r in rows} <= {"year", "month", "day"}
    # Counted from the YAML itself: every dated fact, figure and event filed under defence.
    dated = 0
    for file in bundled_data_dir().rglob("*.yaml"):
        document = yaml.safe_load(file.read_text(encoding="utf-8"))
        for section in ("facts", "figures", "events", "quotes"):
            dated += sum(1 for r in document.get(section) or [] if r.get("date") and "defence" in r["topics"])
    assert len(rows) == dated


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
