"""brief, timeline and cite: analysis across records, through the commands that show it."""

from __future__ import annotations

import dataclasses
import io
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
    claims = [line for line in lines if line.startswith("- ") and not line.startswith(("- **", "- `"))]
    cited = re.compile(
        r"\*\((\w+)\)\* \[`[a-z0-9-]+` ([a-z0-9-]+) (¶\d+|web)\]( Outcome as of [0-9-]+: \*\*[a-z-]+\*\*, .+)?$"
    )
    assert claims and all(cited.search(line) for line in claims)
    assert (
        "- Peskov said certain countries are attempting to hinder trade between India and Russia. *(confirmed)* "
        "[`peskov-trade-obstacles` putin-india-visit-2025-12-04 ¶4]"
    ) in lines
    assert "| Figure | Measures | Qualifier | Period | Status | Id and source |" in text
    assert re.search(r"^\| \\\$100 billion \|", text, re.M) or "| $100 billion |" in text
    quotes = [line for line in lines if line.startswith("> \u201c")]
    assert len(quotes) == 18  # 8 in the preview, 5 from the later energy sources, 5 from the later trade sources
    assert (
        "> \u2014 Dmitry Peskov, interview with Sputnik News "
        "[`quote-peskov-sputnik-trade` putin-india-visit-2025-12-04 ¶5]"
    ) in text


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
    out = run("timeline", "--topic", "defence", "--format", "plain")
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
    out = run("--data", str(path), "timeline", "--format", "plain")
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
    # The lead record of an entry, then its text, status and source, then the records that state it too.
    assert [line.split() for line in lines[4:9]] == [
        ["2024", "share-event", "event"],
        ["Russia", "supplies", "77%", "of", "India's", "defence", "imports", "confirmed"],
        ["also", "stated", "as", "¶5"],
        ["fact", "share-fact"],
        ["figure", "share-figure"],
    ]
    visit = next(line for line in lines if line.split()[-2:] == ["visit", "event"])
    assert visit.split() == ["2025-12-04/2025-12-05", "4-5", "December", "2025", "visit", "event"]
    year = next(line for line in lines if "jobs-by-end-of-2025" in line)
    assert year.split() == ["2025", "by", "the", "end", "of", "2025", "jobs-by-end-of-2025", "fact"]
    # A date that is all its wording says is not repeated beside itself.
    talks = next(line for line in lines if "talks-held" in line)
    assert talks.split() == ["2025-12-04", "talks-held", "fact"]


def test_cite_plain_markdown_json(run: Run) -> None:
    plain = run("cite", "relos-ratified")
    assert plain.code == 0
    source = (
        "India and Russia To Strike New Defence and Trade Deals During Putins Visit Today. "
        "publisher not stated, 2025-12-04, paragraph 11."
    )
    claim = (
        "Russia ratified the RELOS defence logistics pact before the visit. (Status: confirmed; stated by the source.)"
    )
    assert plain.stdout == f"{claim} Source: {source}\n"
    markdown = run("cite", "relos-ratified", "--markdown")
    assert markdown.stdout == (
        f"{claim} Source: *India and Russia To Strike New Defence and Trade Deals During Putins Visit Today*. "
        "publisher not stated, 2025-12-04, ¶11.\n"
    )
    assert run("cite", "relos-ratified", "--style", "markdown").stdout == markdown.stdout
    document = json.loads(run("cite", "relos-ratified", "--json").stdout)
    assert list(document) == ["id", "kind", "source", "claim", "sources", "citation"]
    assert (document["id"], document["kind"]) == ("relos-ratified", "fact")
    assert document["source"]["paragraph"] == 11
    assert document["source"]["citation"] == source
    assert document["sources"] == [document["source"]]
    assert document["claim"] == {
        "text": "Russia ratified the RELOS defence logistics pact before the visit.",
        "status": "confirmed",
        "attribution": None,
    }
    assert document["citation"] == plain.stdout.strip()


# A fact base of its own for citations: every kind of record and source, and every character BibTeX treats
# specially, in a title, a publisher, a URL and a statement, beside Cyrillic text.
CITE_BASE = (
    PRELUDE.replace(
        "topics:\n",
        """\
  - id: wire
    title: "Deals {signed} at 100% & $5 #1 _now_ ~ ^ \\\\ Путин в Индии"
    publisher: A & B News
    published: "2025-12-06"
    kind: wire
    url: "https://wire.example.org/deals?a=1&b=%20{x}"
    language: ru
  - id: ministry-page
    title: Joint statement
    publisher: Ministry of External Affairs
    published: "2025-12-05"
    kind: official-text
    url: https://mea.example.org/joint
    language: hi
topics:
""",
        1,
    )
    + """\
  - id: peskov
    name: Dmitry Peskov
    category: person
    description: The Kremlin's spokesman
    topics: [trade]
    source: {id: report, paragraph: 1}
facts:
  - id: deal-signed
    statement: A trade deal worth $5 billion was signed.
    status: confirmed
    attribution: officials
    date: "2025-12-05"
    topics: [trade]
    entities: [india]
    source: [{id: wire}, {id: report, paragraph: 3}]
  - id: statement-own-voice
    statement: The joint statement welcomed the deal
    status: expected
    topics: [trade]
    source: {id: ministry-page}
figures:
  - id: deal-value
    value: 5000000000
    unit: USD
    display: "$5 billion"
    qualifier: exact
    measures: Value of the trade deal
    status: confirmed
    topics: [trade]
    entities: [india]
    source: {id: report, paragraph: 3}
quotes:
  - id: peskov-best
    text: "the best plane in the world"
    speaker: peskov
    context: interview with a news agency
    fragment: true
    topics: [trade]
    entities: [india]
    source: {id: report, paragraph: 2}
events:
  - id: deal-event
    title: India and Russia sign a trade deal
    date: "2025-12-05"
    date_label: 5 December 2025
    status: confirmed
    topics: [trade]
    entities: [india]
    source: {id: ministry-page}
"""
)


@pytest.fixture
def cite_data(tmp_path: Path) -> str:
    path = tmp_path / "cite.yaml"
    path.write_text(CITE_BASE, encoding="utf-8")
    return str(path)


WIRE_TITLE = "Deals {signed} at 100% & $5 #1 _now_ ~ ^ \\ Путин в Индии"
REPORT_P3 = "A report on the visit. publisher not stated, 2025-12-04, paragraph 3."


@pytest.mark.parametrize(
    ("record_id", "expected"),
    [
        (
            "deal-signed",
            "A trade deal worth $5 billion was signed. (Status: confirmed; according to unnamed officials.) "
            f"Source: {WIRE_TITLE}. A & B News, 2025-12-06, https://wire.example.org/deals?a=1&b=%20{{x}}. "
            f"Also in: {REPORT_P3}",
        ),
        (
            "statement-own-voice",
            "The joint statement welcomed the deal. (Status: expected; stated by the source.) "
            "Source: Joint statement. Ministry of External Affairs, 2025-12-05, https://mea.example.org/joint.",
        ),
        (
            "deal-value",
            f"$5 billion: Value of the trade deal. (Status: confirmed; stated by the source.) Source: {REPORT_P3}",
        ),
        (
            "peskov-best",
            "\u201c\u2026the best plane in the world\u2026\u201d \u2014 Dmitry Peskov, interview with a news agency. "
            "Source: A report on the visit. publisher not stated, 2025-12-04, paragraph 2.",
        ),
        (
            "deal-event",
            "India and Russia sign a trade deal (5 December 2025). (Status: confirmed; stated by the source.) "
            "Source: Joint statement. Ministry of External Affairs, 2025-12-05, https://mea.example.org/joint.",
        ),
        (
            "peskov",
            "Dmitry Peskov (person): The Kremlin's spokesman. "
            "Source: A report on the visit. publisher not stated, 2025-12-04, paragraph 1.",
        ),
        ("report", "A report on the visit. publisher not stated, 2025-12-04, report.txt."),
    ],
)
def test_cite_gives_the_claim_its_status_and_voice_then_each_source(
    run: Run, cite_data: str, record_id: str, expected: str
) -> None:
    out = run("--data", cite_data, "cite", record_id)
    assert (out.code, out.stdout, out.stderr) == (0, expected + "\n", "")


@pytest.mark.parametrize(
    "statement",
    [
        "Is the deal signed?",
        "The deal is signed!",
        "The deal is signed \u2026",
        "The minister called it \u201ca good deal.\u201d",
    ],
)
def test_a_statement_that_ends_a_sentence_gains_no_full_stop(run: Run, tmp_path: Path, statement: str) -> None:
    path = tmp_path / "ending.yaml"
    path.write_text(
        PRELUDE
        + "facts:\n  - id: ending\n"
        + f"    statement: {json.dumps(statement)}\n"
        + "    status: confirmed\n    topics: [trade]\n    source: {id: report, paragraph: 2}\n",
        encoding="utf-8",
    )
    out = run("--data", str(path), "cite", "ending")
    assert out.stdout == (
        f"{statement} (Status: confirmed; stated by the source.) "
        "Source: A report on the visit. publisher not stated, 2025-12-04, paragraph 2.\n"
    )


def test_cite_markdown_escapes_the_claim_and_the_source(run: Run, cite_data: str) -> None:
    out = run("--data", cite_data, "cite", "deal-signed", "--style", "markdown")
    assert out.stdout == (
        "A trade deal worth $5 billion was signed. (Status: confirmed; according to unnamed officials.) "
        "Source: *Deals {signed} at 100% \\& $5 \\#1 \\_now\\_ \\~ ^ \\\\ Путин в Индии*. A \\& B News, 2025-12-06, "
        "<https://wire.example.org/deals?a=1&b=%20{x}>. Also in: *A report on the visit*. "
        "publisher not stated, 2025-12-04, ¶3.\n"
    )


def test_cite_bibtex_is_read_by_a_bibtex_parser(run: Run, cite_data: str) -> None:
    import pybtex.errors
    from pybtex.database import parse_string

    out = run("--data", cite_data, "cite", "deal-signed", "--style", "bibtex")
    assert out.code == 0
    pybtex.errors.set_strict_mode(True)  # any syntax error raises instead of being reported and skipped
    entries = parse_string(out.stdout, "bibtex").entries
    assert list(entries) == ["deal-signed", "deal-signed-2"]
    article, document = entries["deal-signed"], entries["deal-signed-2"]
    assert (article.type, document.type) == ("article", "misc")
    note = "A trade deal worth \\$5 billion was signed. (Status: confirmed; according to unnamed officials.)"
    assert dict(article.fields) == {
        "title": "Deals \\textbraceleft{}signed\\textbraceright{} at 100\\% \\& \\$5 \\#1 \\_now\\_ "
        "\\textasciitilde{} \\textasciicircum{} \\textbackslash{} Путин в Индии",
        "journal": "A \\& B News",
        "entrysubtype": "newspaper",
        "date": "2025-12-06",
        "year": "2025",
        "url": "https://wire.example.org/deals?a=1&b=%20%7Bx%7D",
        "language": "ru",
        "note": note,
    }
    assert dict(document.fields) == {
        "title": "A report on the visit",
        "date": "2025-12-04",
        "year": "2025",
        "howpublished": "report.txt",
        "language": "en",
        "note": note + " Paragraph 3.",
    }
    # A web page that is not a news outlet's article is @online; a source cited alone has no note.
    page = parse_string(run("--data", cite_data, "cite", "deal-event", "--style", "bibtex").stdout, "bibtex")
    assert [(k, e.type, e.fields["publisher"]) for k, e in page.entries.items()] == [
        ("deal-event", "online", "Ministry of External Affairs")
    ]
    alone = parse_string(run("--data", cite_data, "cite", "report", "--style", "bibtex").stdout, "bibtex")
    assert [(k, e.type, "note" in e.fields) for k, e in alone.entries.items()] == [("report", "misc", False)]


@pytest.mark.parametrize(
    ("record_id", "position", "expected"),
    [
        ("relos-ratified", 0, "relos-ratified"),
        ("relos-ratified", 1, "relos-ratified-2"),
        ("a claim {with} spaces, commas", 0, "a-claim-with-spaces-commas"),
        ("-leading.and:trailing-", 2, "leading.and:trailing-3"),
        ("_underscored", 0, "r_underscored"),
        ("выборы-2025", 0, "2025"),
        ("###", 0, "record"),
    ],
)
def test_a_citation_key_is_safe_for_bibtex_and_pandoc(record_id: str, position: int, expected: str) -> None:
    from indoruss.views.citation import key

    assert key(record_id, position) == expected


CSL_TYPES = {"article-newspaper", "webpage", "document", "dataset"}


def check_csl_item(item: dict[str, object]) -> None:
    """The keys pandoc's citeproc and Zotero need, each of the type the CSL-JSON schema gives it."""
    assert isinstance(item["id"], str) and item["type"] in CSL_TYPES and isinstance(item["title"], str)
    issued = item["issued"]
    assert isinstance(issued, dict) and list(issued) == ["date-parts"]
    (parts,) = issued["date-parts"]
    assert len(parts) == 3 and all(isinstance(part, int) for part in parts)
    for text_key in ("container-title", "publisher", "URL", "language", "note"):
        assert text_key not in item or isinstance(item[text_key], str)


def test_cite_csl_json_is_an_array_of_csl_items(run: Run, cite_data: str) -> None:
    out = run("--data", cite_data, "cite", "deal-signed", "--style", "csl-json")
    assert out.code == 0
    items = json.loads(out.stdout)
    for item in items:
        check_csl_item(item)
    note = "A trade deal worth $5 billion was signed. (Status: confirmed; according to unnamed officials.)"
    assert items == [
        {
            "id": "deal-signed",
            "type": "article-newspaper",
            "title": WIRE_TITLE,
            "container-title": "A & B News",
            "issued": {"date-parts": [[2025, 12, 6]]},
            "URL": "https://wire.example.org/deals?a=1&b=%20{x}",
            "language": "ru",
            "note": note,
        },
        {
            "id": "deal-signed-2",
            "type": "document",
            "title": "A report on the visit",
            "issued": {"date-parts": [[2025, 12, 4]]},
            "language": "en",
            "note": note + " Paragraph 3.",
        },
    ]
    page = json.loads(run("--data", cite_data, "cite", "statement-own-voice", "--style", "csl-json").stdout)
    assert [(i["type"], i["container-title"]) for i in page] == [("webpage", "Ministry of External Affairs")]
    bundled = json.loads(run("cite", "relos-only-duma-before-visit", "--style", "csl-json").stdout)
    for item in bundled:
        check_csl_item(item)
    assert [i["id"] for i in bundled] == ["relos-only-duma-before-visit", "relos-only-duma-before-visit-2"]


@pytest.mark.parametrize("output", ["plain", "rich"])
@pytest.mark.parametrize("style", ["plain", "markdown"])
def test_a_citation_is_one_line_at_any_width(run: Run, output: str, style: str) -> None:
    for columns in ("40", "20"):
        env = {"INDORUSS_OUTPUT": output, "COLUMNS": columns, "NO_COLOR": "1"}
        out = run("cite", "quote-peskov-sputnik-trade", "--style", style, env=env)
        assert out.code == 0
        assert out.stdout.count("\n") == 1 and out.stdout.endswith("\n")
        # The quote stands verbatim: its words, with their own spacing, never re-wrapped.
        assert "\u201cThere are some countries that would try and put obstacles on the way of development" in out.stdout


def test_a_narrow_rich_console_does_not_break_a_citation(monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    from indoruss.loading.loader import load_factbase
    from indoruss.model.citing import cite
    from indoruss.views import terminal

    fb = load_factbase(bundled_data_dir())
    cited = cite(fb, fb.by_id["relos-only-duma-before-visit"])
    assert cited is not None
    narrow = Console(width=30, record=True, file=io.StringIO(), color_system=None)
    monkeypatch.setattr(terminal, "make_console", lambda: narrow)
    terminal.RichView().cite(fb, cited, "plain")
    assert narrow.export_text() == cited.plain() + "\n"
    assert len(cited.plain()) > 500  # far wider than the console


def test_cite_styles_and_json_are_one_choice(run: Run) -> None:
    both = run("cite", "relos-ratified", "--json", "--style", "bibtex")
    assert (both.code, both.stdout) == (2, "")
    assert both.stderr == (
        "Error: Invalid value: --json and --style bibtex ask for two formats; give one (--style csl-json is the "
        "JSON that reference managers read). (see 'indoruss cite --help')\n"
    )
    twice = run("cite", "relos-ratified", "--markdown", "--style", "csl-json")
    assert twice.code == 2
    assert twice.stderr == (
        "Error: Invalid value: --markdown and --style csl-json ask for two styles; give one. "
        "(see 'indoruss cite --help')\n"
    )
    unknown = run("cite", "relos-ratified", "--style", "apa")
    assert unknown.code == 2
    assert "'apa' is not one of 'plain', 'markdown', 'bibtex', 'csl-json'" in unknown.stderr


def test_cite_forgives_a_typo_in_every_style(run: Run) -> None:
    out = run("cite", "relos-ratifed", "--style", "bibtex")
    assert out.code == 0
    assert out.stdout.startswith("@misc{relos-ratified,\n  title = {India and Russia To Strike")


def test_cite_a_topic_has_no_source(run: Run) -> None:
    out = run("cite", "trade")
    assert out.code == 1
    assert out.stderr == "Topic 'trade' has no source to cite.\n"


def test_timeline_in_a_pipe_names_the_records_of_each_entry(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "timeline.yaml"
    path.write_text(TIMELINE_BASE, encoding="utf-8")
    out = run("--data", str(path), "timeline", "--fields", "id,kind,same_claim", "--limit", "2")
    assert out.code == 0, out.stderr
    # --limit counts entries: the first entry's three records, then the next entry's one.
    assert out.stdout.splitlines() == [
        "id\tkind\tsame_claim",
        "share-event\tevent\tshare-fact; share-figure",
        "share-fact\tfact\tshare-event; share-figure",
        "share-figure\tfigure\tshare-event; share-fact",
        "share-other-voice\tfact\t",
    ]
    assert out.stderr == "2 of 10; --limit to see more\n"


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
