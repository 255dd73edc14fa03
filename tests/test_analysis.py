"""brief, timeline and cite: analysis across records, through the commands that show it."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import PRELUDE, RUSSIA, Outcome, ids, with_more_topics
from indoruss.loading.loader import load_factbase
from indoruss.loading.paths import bundled_data_dir
from indoruss.model import analysis
from indoruss.model import records as m

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
    out = run("timeline", "--topic", "defence")
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


# -- related records, details, the timeline and the brief, on a fact base of their own -------------------------

# Three topics, three entities, four facts (one qualifying another, one citing two sources), a figure, a quote,
# an event, an outcome and a conflict; every expected value below is read from this text by hand.
LINKED = (
    with_more_topics(PRELUDE).replace(
        "    language: en\ntopics:",
        """\
    language: en
  - id: later
    title: What came of it
    publisher: A Wire
    published: "2025-12-06"
    kind: wire
    url: https://wire.example.org/later
    language: en
topics:""",
    )
    + RUSSIA
    + """\
  - id: s-400
    name: S-400
    category: weapon-system
    description: A missile system.
    topics: [defence]
    source: {id: report, paragraph: 2}
facts:
  - id: trade-grew
    statement: Trade grew.
    status: confirmed
    date: "2025-12-05"
    topics: [trade]
    entities: [india, russia]
    source: [{id: report, paragraph: 3}, {id: later}]
  - id: s-400-due
    statement: More S-400 units are due.
    status: expected
    date: "2025-12-05"
    topics: [defence, trade]
    entities: [s-400]
    source: {id: report, paragraph: 4}
  - id: deals-possible
    statement: New deals may follow.
    status: possible
    topics: [trade]
    source: {id: report, paragraph: 5}
  - id: s-400-delivered
    statement: Two more S-400 units were delivered.
    status: confirmed
    date: "2025-12-06"
    topics: [defence]
    entities: [s-400, russia]
    qualifies: [s-400-due]
    source: {id: later}
figures:
  - id: trade-2024
    value: 65
    unit: USD
    display: "$65"
    qualifier: exact
    measures: Trade in 2024
    status: expected
    date: "2024"
    topics: [trade]
    entities: [india]
    source: {id: report, paragraph: 7}
quotes:
  - id: quote-officials
    text: "S-400 talks went well"
    speaker: {name: Officials, description: Unnamed Russian officials}
    context: told TASS
    fragment: false
    topics: [defence]
    entities: [russia]
    source: {id: report, paragraph: 8}
events:
  - id: summit
    title: The annual summit
    date: "2025-12-05"
    status: confirmed
    topics: [trade, defence]
    entities: [india, russia]
    source: {id: report, paragraph: 9}
outcomes:
  - id: outcome-s-400
    expectation: s-400-due
    verdict: happened
    as_of: "2025-12-06"
    summary: Two units were delivered.
    evidence: [s-400-delivered]
conflicts:
  - id: conflict-units
    question: How many S-400 units are coming.
    claims: [s-400-due, s-400-delivered]
    topics: [defence]
"""
)


@pytest.fixture
def linked(tmp_path: Path) -> m.FactBase:
    path = tmp_path / "linked.yaml"
    path.write_text(LINKED, encoding="utf-8")
    return load_factbase(path)


def rows(found: list[analysis.Related] | tuple[analysis.Related, ...]) -> list[tuple[str, tuple[str, ...], float]]:
    return [(r.record.id, r.shared, r.strength) for r in found]


def test_related_to_an_entity(linked: m.FactBase) -> None:
    # A shared entity weighs 3, a shared topic 1, and naming the entity shown 5 more; then kind, then id.
    assert rows(analysis.related(linked, linked.by_id["india"])) == [
        ("trade-grew", ("india", "trade"), 9.0),
        ("trade-2024", ("india", "trade"), 9.0),
        ("summit", ("india", "trade"), 9.0),
        ("russia", ("trade",), 1.0),
        ("trade", ("trade",), 1.0),  # the topic it is filed under
        ("deals-possible", ("trade",), 1.0),
        ("s-400-due", ("trade",), 1.0),
        ("outcome-s-400", ("trade",), 1.0),
    ]


def test_related_to_a_claim(linked: m.FactBase) -> None:
    assert rows(analysis.related(linked, linked.by_id["s-400-due"])) == [
        ("outcome-s-400", ("defence", "s-400", "trade"), 5.0),
        ("s-400", ("defence", "s-400"), 4.0),
        ("s-400-delivered", ("defence", "s-400"), 4.0),
        ("russia", ("defence", "trade"), 2.0),
        ("summit", ("defence", "trade"), 2.0),
        ("india", ("trade",), 1.0),
        ("defence", ("defence",), 1.0),
        ("trade", ("trade",), 1.0),
        ("deals-possible", ("trade",), 1.0),
        ("trade-grew", ("trade",), 1.0),
        ("trade-2024", ("trade",), 1.0),
        ("quote-officials", ("defence",), 1.0),
        ("conflict-units", ("defence",), 1.0),
    ]


def test_related_to_a_topic_is_what_is_filed_under_it(linked: m.FactBase) -> None:
    assert rows(analysis.related(linked, linked.by_id["defence"], limit=20)) == [
        ("russia", ("defence",), 6.0),
        ("s-400", ("defence",), 6.0),
        ("s-400-delivered", ("defence",), 6.0),
        ("s-400-due", ("defence",), 6.0),
        ("quote-officials", ("defence",), 6.0),
        ("summit", ("defence",), 6.0),
        ("outcome-s-400", ("defence",), 6.0),
        ("conflict-units", ("defence",), 6.0),
    ]
    assert analysis.related(linked, linked.by_id["nuclear"]) == []


def test_related_limit(linked: m.FactBase) -> None:
    assert rows(analysis.related(linked, linked.by_id["india"], limit=2)) == [
        ("trade-grew", ("india", "trade"), 9.0),
        ("trade-2024", ("india", "trade"), 9.0),
    ]


def test_detail_of_an_expectation_has_its_outcome_corrections_and_conflicts(linked: m.FactBase) -> None:
    shown = analysis.detail(linked, linked.by_id["s-400-due"], limit=3)
    assert shown.record is linked.by_id["s-400-due"]
    assert rows(shown.related) == [
        ("outcome-s-400", ("defence", "s-400", "trade"), 5.0),
        ("s-400", ("defence", "s-400"), 4.0),
        ("s-400-delivered", ("defence", "s-400"), 4.0),
    ]
    assert shown.outcome is linked.by_id["outcome-s-400"]
    assert shown.qualified_by == (linked.by_id["s-400-delivered"],)
    assert shown.conflicts == (linked.by_id["conflict-units"],)


def test_detail_of_an_entity_and_of_a_plain_claim(linked: m.FactBase) -> None:
    entity = analysis.detail(linked, linked.by_id["s-400"], limit=1)
    assert (entity.record.id, rows(entity.related)) == ("s-400", [("s-400-delivered", ("defence", "s-400"), 9.0)])
    assert (entity.outcome, entity.qualified_by, entity.conflicts) == (None, (), ())
    claim = analysis.detail(linked, linked.by_id["trade-grew"], limit=1)
    assert (claim.record.id, rows(claim.related)) == ("trade-grew", [("summit", ("india", "russia", "trade"), 7.0)])
    assert (claim.outcome, claim.qualified_by, claim.conflicts) == (None, (), ())


def test_results_are_frozen(linked: m.FactBase) -> None:
    shown = analysis.detail(linked, linked.by_id["s-400-due"])
    (section, *_) = analysis.brief(linked, None)
    for value, name in ((shown, "outcome"), (shown.related[0], "strength"), (section, "facts")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(value, name, None)


def test_timeline_in_date_order_events_first_on_a_day(linked: m.FactBase) -> None:
    # Undated: deals-possible and the quote. On 5 December the event comes first, then the facts by id.
    assert ids(analysis.timeline(linked, None)) == [
        "trade-2024",
        "summit",
        "s-400-due",
        "trade-grew",
        "s-400-delivered",
    ]
    defence = linked.by_id["defence"]
    assert isinstance(defence, m.Topic)
    assert ids(analysis.timeline(linked, defence)) == ["summit", "s-400-due", "s-400-delivered"]


def brief_rows(
    sections: list[analysis.BriefSection],
) -> list[tuple[str, list[str], list[str], list[str], dict[str, str]]]:
    return [
        (s.topic.id, ids(s.facts), ids(s.figures), ids(s.quotes), {k: o.id for k, o in s.outcomes.items()})
        for s in sections
    ]


def test_brief_files_each_claim_once_under_its_first_topic(linked: m.FactBase) -> None:
    # Facts firmest first (confirmed before expected, though s-400-due comes first in the file); no section for
    # a topic with nothing in it.
    assert brief_rows(analysis.brief(linked, None)) == [
        ("trade", ["trade-grew", "deals-possible"], ["trade-2024"], [], {}),
        ("defence", ["s-400-delivered", "s-400-due"], [], ["quote-officials"], {"s-400-due": "outcome-s-400"}),
    ]


def test_brief_of_one_topic_has_every_claim_filed_under_it(linked: m.FactBase) -> None:
    trade, nuclear = linked.by_id["trade"], linked.by_id["nuclear"]
    assert isinstance(trade, m.Topic) and isinstance(nuclear, m.Topic)
    assert brief_rows(analysis.brief(linked, trade)) == [
        ("trade", ["trade-grew", "s-400-due", "deals-possible"], ["trade-2024"], [], {"s-400-due": "outcome-s-400"}),
    ]
    assert analysis.brief(linked, nuclear) == []
