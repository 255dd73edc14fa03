"""brief, timeline and cite: analysis across records, through the commands that show it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import yaml

from conftest import PRELUDE, Outcome
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


def test_timeline_is_in_time_order_with_precision(run: Run) -> None:
    out = run("timeline", "--json")
    assert out.code == 0
    entries = json.loads(out.stdout)
    # Every dated record is listed once, as before the grouping: counted from the YAML itself.
    dated = set()
    for file in bundled_data_dir().rglob("*.yaml"):
        document = yaml.safe_load(file.read_text(encoding="utf-8"))
        for section in ("facts", "figures", "events", "quotes"):
            dated |= {r["id"] for r in document.get(section) or [] if r.get("date")}
    assert sorted(e["id"] for e in entries) == sorted(dated)
    # The earliest dated record: a figure of the later trade sources, for 2019.
    assert entries[0]["id"] == "russian-tourists-2019"
    assert entries[0]["date"] == {"text": "2019", "precision": "year", "start": "2019", "end": None, "label": None}
    assert entries[0]["same_claim"] == []
    ids = [e["id"] for e in entries]
    # "By the end of 2025" comes after every day and month of 2025, and before 2026.
    assert ids.index("indians-employed-in-russia-2025") > ids.index("event-putin-visit-india")
    assert ids.index("indians-employed-in-russia-2025") > ids.index("india-third-buyer-december-crea")
    first_of_2026 = next(i for i, e in enumerate(entries) if e["date"]["start"].startswith("2026"))
    assert ids.index("indians-employed-in-russia-2025") < first_of_2026
    # The event, the fact and the figure of the 77% share are one entry, the event first.
    share = ids.index("event-defence-imports-2024")
    assert ids[share : share + 3] == [
        "event-defence-imports-2024",
        "russia-largest-defence-supplier",
        "russia-share-defence-imports",
    ]
    assert entries[share]["same_claim"] == ["russia-largest-defence-supplier", "russia-share-defence-imports"]
    assert entries[share + 2]["same_claim"] == ["event-defence-imports-2024", "russia-largest-defence-supplier"]
    grouped = {e["id"]: e["same_claim"] for e in entries if e["same_claim"]}
    assert sorted(grouped) == sorted(
        [
            "event-defence-imports-2024",
            "russia-largest-defence-supplier",
            "russia-share-defence-imports",
            "event-putin-visit-india",
            "visit-length-two-days",
            "event-indian-employment-2025",
            "indians-employed-in-russia-2025",
            "indians-employed-in-russia",
            "event-relos-ratified",
            "relos-ratified",
        ]
    )


def test_timeline_topic_filter_and_plain_columns(run: Run) -> None:
    out = run("timeline", "--topic", "defence")
    rows = [line.split("\t") for line in out.stdout.splitlines()]
    assert rows and all(len(r) == 9 for r in rows)
    assert {r[1] for r in rows} <= {"year", "month", "day"}
    # Counted from the YAML itself: every dated fact, figure and event filed under defence, less the two
    # records that the 77% share's event and the RELOS event stand for.
    dated = 0
    for file in bundled_data_dir().rglob("*.yaml"):
        document = yaml.safe_load(file.read_text(encoding="utf-8"))
        for section in ("facts", "figures", "events", "quotes"):
            dated += sum(1 for r in document.get(section) or [] if r.get("date") and "defence" in r["topics"])
    assert len(rows) == dated - 3
    share = next(r for r in rows if r[4] == "event-defence-imports-2024")
    assert share == [
        "2024",
        "year",
        "2024",
        "event",
        "event-defence-imports-2024",
        "confirmed",
        "Russia supplies 77% of India's defence imports, according to SIPRI",
        "¶12",
        "fact russia-largest-defence-supplier, figure russia-share-defence-imports",
    ]


# A fact base of its own for the timeline: every order and grouping rule, each with its one exception.
TIMELINE_BASE = (
    PRELUDE
    + """  - id: russia
    name: Russia
    category: country
    description: A country in Europe and Asia.
    topics: [trade]
    source: {id: report, paragraph: 1}
facts:
  - id: jobs-by-end-of-2025
    statement: More Indians should hold jobs in Russia by the end of 2025.
    status: expected
    date: "2025"
    date_label: by the end of 2025
    topics: [trade]
    entities: [india]
    source: {id: report, paragraph: 2}
  - id: december-slowdown
    statement: Trade slowed in December 2025.
    status: confirmed
    date: "2025-12"
    topics: [trade]
    entities: [russia]
    source: {id: report, paragraph: 3}
  - id: talks-held
    statement: Talks were held on 4 December.
    status: confirmed
    date: "2025-12-04"
    topics: [trade]
    entities: [india]
    source: {id: report, paragraph: 4}
  - id: share-fact
    statement: Russia supplied 77% of India's defence imports in 2024.
    status: confirmed
    attribution: officials
    date: "2024"
    date_label: in 2024
    topics: [trade]
    entities: [india, russia]
    source: {id: report, paragraph: 5}
  - id: share-second-fact
    statement: India bought less from Russia in 2024 than before.
    status: confirmed
    attribution: officials
    date: "2024"
    topics: [trade]
    entities: [india, russia]
    source: {id: report, paragraph: 5}
  - id: share-other-voice
    statement: Russia supplied most of India's arms in 2024.
    status: confirmed
    date: "2024"
    topics: [trade]
    entities: [india, russia]
    source: {id: report, paragraph: 5}
  - id: january-2026
    statement: A ministerial meeting took place in January 2026.
    status: confirmed
    date: "2026-01"
    topics: [trade]
    entities: [india]
    source: {id: report, paragraph: 6}
figures:
  - id: share-figure
    value: 77
    unit: percent
    display: "77%"
    qualifier: exact
    measures: Russia's share of India's defence imports
    period: "2024"
    status: confirmed
    attribution: officials
    date: "2024"
    date_label: in 2024
    topics: [trade]
    entities: [russia]
    source: {id: report, paragraph: 5}
  - id: december-figure-elsewhere
    value: 2
    unit: percent
    display: "2%"
    qualifier: exact
    measures: Fall of trade in December 2025
    status: confirmed
    date: "2025-12"
    topics: [trade]
    entities: [russia]
    source: {id: report, paragraph: 7}
events:
  - id: share-event
    title: Russia supplies 77% of India's defence imports
    date: "2024"
    status: confirmed
    attribution: officials
    topics: [trade]
    entities: [russia, india]
    source: {id: report, paragraph: 5}
  - id: visit
    title: The visit
    date: "2025-12-04/2025-12-05"
    date_label: 4-5 December 2025
    status: confirmed
    topics: [trade]
    entities: [india, russia]
    source: {id: report, paragraph: 4}
  - id: day-before
    title: The day before the visit
    date: "2025-12-03"
    status: confirmed
    topics: [trade]
    entities: [india]
    source: {id: report, paragraph: 4}
"""
)


def test_timeline_exact_order_and_grouping(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "timeline.yaml"
    path.write_text(TIMELINE_BASE, encoding="utf-8")
    out = run("--data", str(path), "timeline")
    assert out.code == 0, out.stderr
    rows = [line.split("\t") for line in out.stdout.splitlines()]
    assert [(r[0], r[4], r[8]) for r in rows] == [
        # 2024: the event first, the fact and the figure of the same paragraph, date, status and attribution
        # under it; a second fact is a second claim, and a claim in the source's own voice is another one.
        ("2024", "share-event", "fact share-fact, figure share-figure"),
        ("2024", "share-other-voice", ""),
        ("2024", "share-second-fact", ""),
        # The days of December 2025 (events first on a day), then the month, then the year, then 2026.
        ("2025-12-03", "day-before", ""),
        ("2025-12-04/2025-12-05", "visit", ""),
        ("2025-12-04", "talks-held", ""),
        ("2025-12", "december-slowdown", ""),  # a fact before a figure on one date
        ("2025-12", "december-figure-elsewhere", ""),
        ("2025", "jobs-by-end-of-2025", ""),
        ("2026-01", "january-2026", ""),
    ]
    assert [(r[1], r[2]) for r in rows][3:] == [
        ("day", "2025-12-03"),
        ("day", "4-5 December 2025"),
        ("day", "2025-12-04"),
        ("month", "2025-12"),
        ("month", "2025-12"),
        ("year", "by the end of 2025"),
        ("month", "2026-01"),
    ]
    document = json.loads(run("--data", str(path), "timeline", "--json").stdout)
    assert [(e["id"], e["same_claim"]) for e in document] == [
        ("share-event", ["share-fact", "share-figure"]),
        ("share-fact", ["share-event", "share-figure"]),
        ("share-figure", ["share-event", "share-fact"]),
        ("share-other-voice", []),
        ("share-second-fact", []),
        ("day-before", []),
        ("visit", []),
        ("talks-held", []),
        ("december-slowdown", []),
        ("december-figure-elsewhere", []),
        ("jobs-by-end-of-2025", []),
        ("january-2026", []),
    ]


def test_timeline_on_a_terminal_shows_the_date_with_its_wording_beside_it(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "timeline.yaml"
    path.write_text(TIMELINE_BASE, encoding="utf-8")
    out = run("--data", str(path), "timeline", env={"INDORUSS_OUTPUT": "rich", "NO_COLOR": "1", "COLUMNS": "120"})
    assert out.code == 0
    lines = [line.rstrip() for line in out.stdout.splitlines()]
    assert lines[4].split() == ["2024", "confirmed", "share-event", "event", "¶5"]
    assert lines[5].split() == ["Russia", "supplies", "77%", "of", "India's", "defence", "imports"]
    assert lines[6].split() == ["also", "stated", "as", "fact", "share-fact,", "figure", "share-figure"]
    visit = next(line for line in lines if " visit event " in line)
    assert visit.split()[:5] == ["2025-12-04/2025-12-05", "4-5", "December", "2025", "confirmed"]
    year = next(line for line in lines if "jobs-by-end-of-2025" in line)
    assert year.split()[:6] == ["2025", "by", "the", "end", "of", "2025"]
    # A date that is all its wording says is not repeated beside itself.
    talks = next(line for line in lines if "talks-held" in line)
    assert talks.split()[:2] == ["2025-12-04", "confirmed"]


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
