"""--format and --fields, the columns of every kind, the list filters, and `export --format sqlite`, each
parsed back the way a reader's tool reads it (the csv module, json, the sqlite3 command-line client)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import PRELUDE, Outcome

Run = Callable[..., Outcome]

# A second file beside PRELUDE: a later web source in Russian, a speaker, facts in three scripts, figures
# with a whole and a fractional value, a quote, an event and the outcome of one expectation.
MORE = """\
schema: 2
sources:
  - id: wire
    title: Что подписал саммит
    publisher: A Wire
    published: "2025-12-06"
    kind: wire
    language: ru
    url: https://wire.example.org/summit
entities:
  - id: peskov
    name: Dmitry Peskov
    category: person
    description: Kremlin spokesman.
    aliases: [Песков, Peskov]
    topics: [trade]
    source: {id: report, paragraph: 2}
facts:
  - id: pipeline-expected
    statement: A pipeline deal is expected, says Peskov.
    status: expected
    attribution: peskov
    topics: [trade]
    entities: [india, peskov]
    source: {id: report, paragraph: 3}
  - id: oil-in-russian
    statement: Нефтяная сделка подписана, пишет агентство.
    status: confirmed
    date: "2025-12-05"
    date_label: 5 December 2025
    topics: [trade]
    source: {id: wire}
  - id: trade-in-hindi
    statement: व्यापार समझौते पर "हस्ताक्षर" हो सकते हैं।
    status: possible
    attribution: officials
    topics: [trade]
    entities: [india]
    source: [{id: report, paragraph: 4}, {id: wire}]
figures:
  - id: share-77
    value: 77
    unit: percent
    display: 77%
    qualifier: exact
    measures: Share of the pipeline in trade
    status: confirmed
    topics: [trade]
    source: {id: report, paragraph: 5}
  - id: talks-length
    value: 1.5
    unit: days
    display: a day and a half
    qualifier: approximately
    measures: Length of the pipeline talks
    period: in December
    status: expected
    date: "2025-12"
    topics: [trade]
    source: {id: report, paragraph: 5}
quotes:
  - id: quote-peskov-pipeline
    text: The pipeline is on track, and the price is fair
    speaker: peskov
    context: told reporters
    fragment: false
    topics: [trade]
    source: {id: report, paragraph: 6}
events:
  - id: event-signing
    title: The pipeline deal is signed
    date: "2025-12-05"
    status: confirmed
    topics: [trade]
    entities: [india]
    source: {id: wire}
outcomes:
  - id: outcome-pipeline
    expectation: pipeline-expected
    verdict: happened
    as_of: "2025-12-06"
    summary: The wire reports the pipeline deal signed.
    evidence: [event-signing]
"""

FACT_COLUMNS = [
    "id",
    "kind",
    "statement",
    "status",
    "attribution",
    "attribution_id",
    "date",
    "date_precision",
    "date_label",
    "topics",
    "entities",
    "qualifies",
    "source",
    "paragraph",
    "sources",
]
FACT_ROWS = [
    FACT_COLUMNS,
    [
        "pipeline-expected",
        "fact",
        "A pipeline deal is expected, says Peskov.",
        "expected",
        "Dmitry Peskov",
        "peskov",
        "",
        "",
        "",
        "trade",
        "india; peskov",
        "",
        "report",
        "3",
        "report",
    ],
    [
        "oil-in-russian",
        "fact",
        "Нефтяная сделка подписана, пишет агентство.",
        "confirmed",
        "",
        "",
        "2025-12-05",
        "day",
        "5 December 2025",
        "trade",
        "",
        "",
        "wire",
        "",
        "wire",
    ],
    [
        "trade-in-hindi",
        "fact",
        'व्यापार समझौते पर "हस्ताक्षर" हो सकते हैं।',
        "possible",
        "unnamed officials",
        "",
        "",
        "",
        "",
        "trade",
        "india",
        "",
        "report",
        "4",
        "report; wire",
    ],
]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "a.yaml").write_text(PRELUDE, encoding="utf-8")
    (folder / "b.yaml").write_text(MORE, encoding="utf-8")
    return folder


def parsed_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


# -- each format, parsed back ------------------------------------------------------------------------------


def test_csv_is_rfc_4180_with_a_header_and_exact_rows(run: Run, data: Path) -> None:
    out = run("--data", str(data), "facts", "--format", "csv")
    assert (out.code, out.stderr) == (0, "")
    assert parsed_csv(out.stdout) == FACT_ROWS
    # CRLF after every record, a field with a comma or a quote quoted, inner quotes doubled, no byte-order mark
    assert out.stdout.startswith("id,kind,statement,")
    assert out.stdout.count("\r\n") == 4 and "\n" not in out.stdout.replace("\r\n", "")
    assert '"A pipeline deal is expected, says Peskov."' in out.stdout
    assert '"व्यापार समझौते पर ""हस्ताक्षर"" हो सकते हैं।"' in out.stdout


def test_csv_keeps_cyrillic_and_devanagari_as_utf8(data: Path, tmp_path: Path) -> None:
    # Through a real pipe into a file, as a reader makes a spreadsheet: the bytes are UTF-8 and read back whole.
    target = tmp_path / "facts.csv"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONIOENCODING": "utf-8"}
    env.pop("INDORUSS_OUTPUT", None)
    with target.open("wb") as out:
        done = subprocess.run(
            [sys.executable, "-m", "indoruss", "--data", str(data), "facts", "--format", "csv"],
            stdout=out,
            env=env,
            check=False,
        )
    assert done.returncode == 0
    raw = target.read_bytes()
    assert raw.startswith(b"id,kind,")  # no byte-order mark
    assert "Нефтяная сделка".encode() in raw and "समझौते".encode() in raw
    with target.open(encoding="utf-8", newline="") as handle:
        assert list(csv.reader(handle)) == FACT_ROWS


def test_tsv_with_every_field_has_a_header_and_the_csv_rows(run: Run, data: Path) -> None:
    out = run("--data", str(data), "facts", "--format", "tsv", "--fields", "all")
    assert out.code == 0
    assert [line.split("\t") for line in out.stdout.splitlines()] == FACT_ROWS
    # csv has every column without being asked; tsv and markdown show the default ones
    assert parsed_csv(run("--data", str(data), "facts", "--format", "csv").stdout) == FACT_ROWS
    markdown = run("--data", str(data), "facts", "--format", "markdown").stdout.splitlines()
    assert markdown[0] == "| id | kind | statement | status | attribution | date | source | paragraph |"
    first = "| pipeline-expected | fact | A pipeline deal is expected, says Peskov. | expected | Dmitry Peskov |"
    assert markdown[2] == first + "  | report | 3 |"


def test_tsv_escapes_tabs_line_breaks_and_backslashes() -> None:
    from indoruss.views.columns import Rows
    from indoruss.views.formats import WRITERS, tsv_cell

    assert tsv_cell("a\tb\nc\rd\\e") == "a\\tb\\nc\\rd\\\\e"
    assert tsv_cell("plain words") == "plain words"
    captured = io.StringIO()
    import indoruss.views.formats as formats

    original = formats.write
    formats.write = captured.write  # type: ignore[assignment]
    try:
        WRITERS["tsv"](Rows(("id", "text"), [("x", "one\ttwo\nthree")]))
    finally:
        formats.write = original
    assert captured.getvalue() == "id\ttext\nx\tone\\ttwo\\nthree\n"


def test_json_format_is_the_json_option(run: Run, data: Path) -> None:
    for args in (["facts"], ["figures"], ["timeline"], ["search", "pipeline"], ["topics", "trade"], ["outcomes"]):
        long = run("--data", str(data), *args, "--format", "json")
        short = run("--data", str(data), *args, "--json")
        assert (long.code, long.stdout) == (0, short.stdout), args
    ids = [r["id"] for r in json.loads(run("--data", str(data), "facts", "--format", "json").stdout)]
    assert ids == ["pipeline-expected", "oil-in-russian", "trade-in-hindi"]


def test_jsonl_is_one_record_a_line_as_in_json(run: Run, data: Path) -> None:
    lines = run("--data", str(data), "figures", "--format", "jsonl").stdout.splitlines()
    whole = json.loads(run("--data", str(data), "figures", "--json").stdout)
    assert [json.loads(line) for line in lines] == whole
    assert [r["id"] for r in whole] == ["share-77", "talks-length"]
    assert "Нефтяная" in run("--data", str(data), "facts", "--format", "jsonl").stdout.splitlines()[1]


def test_markdown_is_a_table_with_escaped_cells(run: Run, data: Path) -> None:
    out = run("--data", str(data), "figures", "--format", "markdown", "--fields", "id,value,unit,display,measures")
    assert out.code == 0
    assert out.stdout == (
        "| id | value | unit | display | measures |\n"
        "|---|---|---|---|---|\n"
        "| share-77 | 77 | percent | 77% | Share of the pipeline in trade |\n"
        "| talks-length | 1.5 | days | a day and a half | Length of the pipeline talks |\n"
    )


def test_a_figures_value_and_unit_are_columns(run: Run, data: Path) -> None:
    out = run("--data", str(data), "figures", "--format", "csv")
    rows = parsed_csv(out.stdout)
    assert rows[0][:8] == ["id", "kind", "value", "unit", "display", "qualifier", "measures", "period"]
    assert [row[:8] for row in rows[1:]] == [
        ["share-77", "figure", "77", "percent", "77%", "exact", "Share of the pipeline in trade", ""],
        [
            "talks-length",
            "figure",
            "1.5",
            "days",
            "a day and a half",
            "approximately",
            "Length of the pipeline talks",
            "in December",
        ],
    ]


def test_table_with_fields_draws_those_columns(run: Run, data: Path) -> None:
    out = run("--data", str(data), "figures", "--format", "table", "--fields", "id,unit", env={"NO_COLOR": "1"})
    assert out.code == 0
    lines = [line.split() for line in out.stdout.splitlines() if line.strip()]
    assert lines[0] == ["id", "unit"]
    assert lines[2:] == [["share-77", "percent"], ["talks-length", "days"]]


# -- --fields and the column contract ---------------------------------------------------------------------


def test_fields_pick_and_order_columns(run: Run, data: Path) -> None:
    out = run("--data", str(data), "facts", "--format", "csv", "--fields", "status,id")
    assert parsed_csv(out.stdout) == [
        ["status", "id"],
        ["expected", "pipeline-expected"],
        ["confirmed", "oil-in-russian"],
        ["possible", "trade-in-hindi"],
    ]
    piped = run("--data", str(data), "facts", "--fields", "id,status")  # a pipe: tsv with its header
    assert piped.stdout.splitlines()[:2] == ["id\tstatus", "pipeline-expected\texpected"]


def test_an_unknown_field_exits_2_naming_the_valid_ones(run: Run, data: Path) -> None:
    out = run("--data", str(data), "facts", "--format", "csv", "--fields", "id,colour")
    assert (out.code, out.stdout) == (2, "")
    assert out.stderr == f"Error: unknown field 'colour' (fields: {', '.join(FACT_COLUMNS)}; or all)\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--format", "json", "--fields", "id"],
            "Error: --fields picks the columns of table, tsv, csv, markdown; --format json has none\n",
        ),
        (["--json", "--format", "csv"], "Error: --json is short for --format json; it cannot go with --format csv\n"),
        (["--fields", "id,,status"], "Error: --fields wants column names separated by commas, not 'id,,status'\n"),
    ],
)
def test_formats_that_cannot_go_together_exit_2(run: Run, data: Path, args: list[str], message: str) -> None:
    out = run("--data", str(data), "facts", *args)
    assert (out.code, out.stdout, out.stderr) == (2, "", message)


def test_an_unknown_format_exits_2_listing_the_formats(run: Run, data: Path) -> None:
    out = run("--data", str(data), "facts", "--format", "xlsx")
    assert out.code == 2
    for name in ("table", "plain", "tsv", "csv", "json", "jsonl", "markdown"):
        assert f"'{name}'" in out.stderr


def test_columns_are_stable_across_commands(run: Run, data: Path) -> None:
    """id first, then kind; a fact's columns keep their order in every listing that can hold a fact."""
    headers = {}
    for args in (["search", "pipeline"], ["timeline"], ["topics", "trade"], ["outcomes"], ["brief"]):
        out = run("--data", str(data), *args, "--format", "csv")
        assert out.code == 0, (args, out.stderr)
        headers[args[0]] = parsed_csv(out.stdout)[0]
    for command, header in headers.items():
        assert header[:3] == ["id", "kind", "label"], command
        assert [name for name in header if name in FACT_COLUMNS] == FACT_COLUMNS, command
    # the same record gives the same cells wherever it is listed
    for args in (["timeline"], ["topics", "trade"], ["search", "Нефтяная"]):
        rows = parsed_csv(run("--data", str(data), *args, "--format", "csv", "--fields", ",".join(FACT_COLUMNS)).stdout)
        assert FACT_ROWS[2] in rows, args


def test_search_and_outcomes_add_their_own_columns_last(run: Run, data: Path) -> None:
    hits = parsed_csv(
        run("--data", str(data), "search", "Нефтяная", "--format", "csv", "--fields", "id,matched").stdout
    )
    assert hits == [["id", "matched"], ["oil-in-russian", "statement"]]
    card = run("--data", str(data), "outcomes", "--format", "csv", "--fields", "id,status,verdict,outcome,evidence")
    assert parsed_csv(card.stdout) == [
        ["id", "status", "verdict", "outcome", "evidence"],
        ["pipeline-expected", "expected", "happened", "outcome-pipeline", "event-signing"],
        ["trade-in-hindi", "possible", "open", "", ""],
        ["talks-length", "expected", "open", "", ""],
    ]


# -- what a pipe gets ------------------------------------------------------------------------------------------

# A conflict between the report and the wire, for `conflicts` (kept apart from MORE, which other tests count).
CONFLICT = """\
schema: 2
conflicts:
  - id: conflict-deal
    question: Whether the pipeline deal was signed.
    claims: [pipeline-expected, oil-in-russian]
    topics: [trade]
"""

# Each list command in a pipe: a header of its default columns, then its first records, exactly.
PIPED = [
    (
        ["search", "pipeline", "--limit", "2"],
        "id\tkind\tlabel\tstatus\tsource\tparagraph\tscore\tmatched",
        "event-signing\tevent\tThe pipeline deal is signed\tconfirmed\twire\t\t84\ttitle",
        "pipeline-expected\tfact\tA pipeline deal is expected, says Peskov.\texpected\treport\t3\t71.8\tstatement",
    ),
    (["topics"], "id\tkind\ttitle\tfacts\tfigures\tquotes\tevents", "trade\ttopic\tTrade\t3\t2\t1\t1"),
    (
        ["topics", "trade", "--kind", "fact"],
        "id\tkind\tlabel\tstatus\tsource\tparagraph",
        "pipeline-expected\tfact\tA pipeline deal is expected, says Peskov.\texpected\treport\t3",
        "oil-in-russian\tfact\tНефтяная сделка подписана, пишет агентство.\tconfirmed\twire\t",
    ),
    (
        ["facts"],
        "id\tkind\tstatement\tstatus\tattribution\tdate\tsource\tparagraph",
        "pipeline-expected\tfact\tA pipeline deal is expected, says Peskov.\texpected\tDmitry Peskov\t\treport\t3",
        "oil-in-russian\tfact\tНефтяная сделка подписана, пишет агентство.\tconfirmed\t\t2025-12-05\twire\t",
    ),
    (
        ["events"],
        "id\tkind\ttitle\tstatus\tattribution\tdate\tsource\tparagraph",
        "event-signing\tevent\tThe pipeline deal is signed\tconfirmed\t\t2025-12-05\twire\t",
    ),
    (
        ["quotes"],
        "id\tkind\ttext\tspeaker\tcontext\tfragment\tsource\tparagraph",
        "quote-peskov-pipeline\tquote\tThe pipeline is on track, and the price is fair\tDmitry Peskov\ttold reporters"
        "\tfalse\treport\t6",
    ),
    (
        ["figures"],
        "id\tkind\tvalue\tunit\tdisplay\tqualifier\tmeasures\tperiod\tstatus\tsource\tparagraph",
        "share-77\tfigure\t77\tpercent\t77%\texact\tShare of the pipeline in trade\t\tconfirmed\treport\t5",
        "talks-length\tfigure\t1.5\tdays\ta day and a half\tapproximately\tLength of the pipeline talks\tin December"
        "\texpected\treport\t5",
    ),
    (
        ["actors"],
        "id\tkind\tname\tcategory\tdescription",
        "peskov\tentity\tDmitry Peskov\tperson\tKremlin spokesman.",
        "india\tentity\tIndia\tcountry\tA country in South Asia.",
    ),
    (
        ["outcomes"],
        "id\tkind\tlabel\tstatus\tverdict\toutcome\tsummary\tevidence",
        "pipeline-expected\tfact\tA pipeline deal is expected, says Peskov.\texpected\thappened\toutcome-pipeline"
        "\tThe wire reports the pipeline deal signed.\tevent-signing",
        'trade-in-hindi\tfact\tव्यापार समझौते पर "हस्ताक्षर" हो सकते हैं।\tpossible\topen\t\t\t',
    ),
    (
        ["sources"],
        "id\tkind\ttitle\tpublisher\tpublished\tsource_kind\turl\tdocument\tlanguage\tcited_by",
        "report\tsource\tA report on the visit\t\t2025-12-04\tnews-report\t\treport.txt\ten\t7",
        "wire\tsource\tЧто подписал саммит\tA Wire\t2025-12-06\twire\thttps://wire.example.org/summit\t\tru\t3",
    ),
    (
        ["conflicts"],
        "id\tkind\tquestion\tclaims",
        "conflict-deal\tconflict\tWhether the pipeline deal was signed.\tpipeline-expected; oil-in-russian",
    ),
    (
        ["timeline", "--kind", "fact"],
        "id\tkind\tlabel\tstatus\tdate\tdate_precision\tdate_label\tsource\tparagraph\tsame_claim",
        "oil-in-russian\tfact\tНефтяная сделка подписана, пишет агентство.\tconfirmed\t2025-12-05\tday"
        "\t5 December 2025\twire\t\t",
    ),
]


@pytest.mark.parametrize(
    ("args", "header", "rows"), [(a, h, list(r)) for a, h, *r in PIPED], ids=[" ".join(p[0]) for p in PIPED]
)
def test_a_list_goes_to_a_pipe_as_tsv_with_its_default_columns(
    run: Run, data: Path, args: list[str], header: str, rows: list[str]
) -> None:
    if args == ["conflicts"]:
        (data / "c.yaml").write_text(CONFLICT, encoding="utf-8")
    out = run("--data", str(data), *args)
    cut = "2 of 6; --limit to see more\n" if args[0] == "search" else ""  # a search shows how many it left out
    assert (out.code, out.stderr) == (0, cut)
    assert out.stdout.splitlines()[: 1 + len(rows)] == [header, *rows]
    assert run("--data", str(data), *args, "--format", "tsv").stdout == out.stdout


def test_documents_stay_plain_in_a_pipe(run: Run, data: Path) -> None:
    """A record with its related records, a briefing, a citation, a check and an export are no tables."""
    shown = run("--data", str(data), "show", "share-77", "--limit", "1")
    assert shown.stdout.splitlines()[:3] == ["id:\tshare-77", "kind:\tfigure", "display:\t77%"]
    assert shown.stdout.splitlines()[-1] == "related\tentity\tindia\t\tIndia\tshares trade"
    assert run("--data", str(data), "show", "share-77", "-n", "1", "--format", "plain").stdout == shown.stdout
    brief = run("--data", str(data), "brief")
    assert brief.stdout.startswith("# Briefing: the India-Russia summit of December 2025\n")
    source = run("--data", str(data), "sources", "wire").stdout.splitlines()
    assert source[0] == "wire\twire\tA Wire\t2025-12-06\tru\t3\thttps://wire.example.org/summit"
    assert source[1] == "fact\toil-in-russian\tconfirmed\tНефтяная сделка подписана, пишет агентство.\twire"
    cite = run("--data", str(data), "cite", "share-77").stdout
    assert cite == (
        "77%: Share of the pipeline in trade. (Status: confirmed; stated by the source.) "
        "Source: A report on the visit. publisher not stated, 2025-12-04, paragraph 5.\n"
    )
    assert run("--data", str(data), "validate").stdout.startswith("OK: 13 records, content ")
    assert run("--data", str(data), "export").stdout.startswith("{\n")
    # asked for, a document still gives its record as one row of the columns
    row = run("--data", str(data), "show", "share-77", "--format", "tsv").stdout.splitlines()
    assert row[0] == "id\tkind\tvalue\tunit\tdisplay\tqualifier\tmeasures\tperiod\tstatus\tsource\tparagraph"


def test_plain_and_indoruss_output_plain_keep_the_header_less_lines(run: Run, data: Path) -> None:
    old = "share-77\t77%\tShare of the pipeline in trade\texact\t\tconfirmed\t¶5"
    plain = run("--data", str(data), "figures", "--format", "plain")
    assert plain.stdout.splitlines()[0] == old
    forced = run("--data", str(data), "figures", env={"INDORUSS_OUTPUT": "plain"})
    assert forced.stdout == plain.stdout
    hits = run("--data", str(data), "search", "pipeline", "--limit", "1", env={"INDORUSS_OUTPUT": "plain"})
    assert hits.stdout == "84.0\tevent\tevent-signing\tconfirmed\tThe pipeline deal is signed\ttitle\twire\n"
    # a format or --fields asked for wins over the variable
    picked = run("--data", str(data), "figures", "--fields", "id,value", env={"INDORUSS_OUTPUT": "plain"})
    assert picked.stdout == "id\tvalue\nshare-77\t77\ntalks-length\t1.5\n"
    asked = run("--data", str(data), "figures", "--format", "tsv", env={"INDORUSS_OUTPUT": "plain"})
    assert asked.stdout.splitlines()[0].startswith("id\tkind\tvalue\t")


def test_nothing_found_in_a_pipe_prints_nothing_not_even_a_header(run: Run, data: Path) -> None:
    for args in (["facts", "--status", "proposed"], ["search", "banana"], ["conflicts"], ["figures", "-s", "likely"]):
        out = run("--data", str(data), *args)
        assert (out.code, out.stdout) == (1, ""), args
        assert out.stderr.startswith("No "), args
    assert run("--data", str(data), "facts", "--status", "proposed", "--json").stdout == "[]\n"


def test_a_cut_tsv_list_says_so_on_stderr_only(run: Run, data: Path) -> None:
    out = run("--data", str(data), "facts", "--limit", "1", "--fields", "id")
    assert (out.code, out.stdout, out.stderr) == (0, "id\npipeline-expected\n", "1 of 3; --limit to see more\n")


def test_default_columns_are_contract_columns_in_contract_order() -> None:
    from indoruss.cli.app import OUTCOMES_DEFAULT, SEARCHED_KINDS, TIMELINE_DEFAULT
    from indoruss.model import records as m
    from indoruss.views.columns import DEFAULTS, MIXED_DEFAULT, columns_of, listing_columns

    def in_order(default: tuple[str, ...], names: list[str]) -> bool:
        return default[:2] == ("id", "kind") and [n for n in names if n in default] == list(default)

    assert set(DEFAULTS) == set(m.KINDS)
    for kind, default in DEFAULTS.items():
        assert in_order(default, [c.name for c in columns_of(kind)]), kind
    mixed = [c.name for c in listing_columns(SEARCHED_KINDS)]
    assert in_order(MIXED_DEFAULT, mixed)
    claims = [c.name for c in listing_columns(m.CLAIM_KINDS)]
    assert in_order(TIMELINE_DEFAULT, [*claims, "same_claim"])
    scorecard = [*claims, "verdict", "outcome", "as_of", "summary", "evidence"]
    assert in_order(OUTCOMES_DEFAULT, scorecard)


# -- the list filters ---------------------------------------------------------------------------------------


def _ids(out: Outcome) -> list[str]:
    return [line.split("\t")[0] for line in out.stdout.splitlines()[1:]]


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["figures", "--status", "expected"], ["talks-length"]),
        (["figures", "--verdict", "open"], ["talks-length"]),
        (["facts", "--verdict", "happened"], ["pipeline-expected"]),
        (["facts", "--source", "wire"], ["oil-in-russian", "trade-in-hindi"]),
        (["quotes", "--source", "report"], ["quote-peskov-pipeline"]),
        (["timeline", "--kind", "event"], ["event-signing"]),
        (["timeline", "--source", "wire"], ["event-signing", "oil-in-russian"]),
        (["topics", "trade", "--kind", "entity"], ["india", "peskov"]),
        (["topics", "trade", "--status", "possible"], ["trade-in-hindi"]),
        (["topics", "trade", "--verdict", "happened"], ["pipeline-expected"]),
        (["brief", "--kind", "figure", "--status", "confirmed"], ["share-77"]),
        (["brief", "--source", "wire"], ["oil-in-russian", "trade-in-hindi"]),
        (["outcomes", "--kind", "figure"], ["talks-length"]),
        (["outcomes", "--status", "possible"], ["trade-in-hindi"]),
        (["outcomes", "--source", "wire"], ["pipeline-expected", "trade-in-hindi"]),  # evidence, or its own source
        (["actors", "--topic", "trade", "--category", "person"], ["peskov"]),
        (["actors", "--source", "report"], ["peskov", "india"]),  # people first, as `actors` lists them
    ],
)
def test_filters_keep_exactly_the_matching_records(run: Run, data: Path, args: list[str], ids: list[str]) -> None:
    out = run("--data", str(data), *args, "--format", "tsv", "--fields", "id")
    assert (out.code, out.stderr) == (0, "")
    assert _ids(out) == ids


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["figures", "--limit", "1"], "1 of 2; --limit to see more\n"),
        (["timeline", "-n", "2"], "2 of 3; --limit to see more\n"),
        (["topics", "trade", "--limit", "3"], "3 of 9; --limit to see more\n"),
        (["quotes", "--limit", "5"], ""),
        (["outcomes", "--limit", "1"], "1 of 3; --limit to see more\n"),
        (["sources", "--limit", "1"], "1 of 2; --limit to see more\n"),
        (["actors", "--limit", "1"], "1 of 2; --limit to see more\n"),
    ],
)
def test_a_cut_list_says_how_many_of_how_many(run: Run, data: Path, args: list[str], shown: str) -> None:
    out = run("--data", str(data), *args, "--format", "csv")
    assert (out.code, out.stderr) == (0, shown)
    expected = int(shown.split()[0]) if shown else 1
    assert len(parsed_csv(out.stdout)) == 1 + expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["timeline", "--kind", "entity"], "'entity' is not one of 'fact', 'figure', 'quote', 'event'"),
        (["brief", "--kind", "event"], "'event' is not one of 'fact', 'figure', 'quote'"),
        (
            ["figures", "--verdict", "maybe"],
            "'maybe' is not one of 'happened', 'partly', 'did-not-happen', 'not-reported', 'open'",
        ),
        (
            ["outcomes", "--status", "done"],
            "'done' is not one of 'confirmed', 'expected', 'likely', 'possible', 'proposed'",
        ),
    ],
)
def test_a_bad_filter_value_exits_2_listing_the_valid_ones(run: Run, data: Path, args: list[str], message: str) -> None:
    out = run("--data", str(data), *args)
    assert (out.code, out.stdout) == (2, "")
    assert message in out.stderr and len(out.stderr.splitlines()) == 1


def test_an_unknown_source_exits_2_with_the_close_one(run: Run, data: Path) -> None:
    out = run("--data", str(data), "figures", "--source", "wires")
    assert (out.code, out.stderr) == (2, "Error: unknown source 'wires'; did you mean wire? (see 'indoruss sources')\n")


def test_topic_filters_need_a_topic(run: Run, data: Path) -> None:
    out = run("--data", str(data), "topics", "--status", "expected")
    assert (out.code, out.stderr) == (2, "Error: --status filters the records of one topic: 'topics TOPIC'\n")


def test_filters_that_leave_nothing_exit_1_with_an_empty_json_array(run: Run, data: Path) -> None:
    out = run("--data", str(data), "figures", "--status", "proposed", "--format", "json")
    assert (out.code, out.stdout, out.stderr) == (1, "[]\n", "No figures match these options.\n")


# -- SQLite -------------------------------------------------------------------------------------------------

SQLITE = "/usr/bin/sqlite3"
# The YAML keys that hold a record's words (not ids, codes or dates): what the full-text index must find.
TEXT_KEYS = ("title", "publisher", "name", "description", "aliases", "statement", "display", "measures")
TEXT_KEYS += ("period", "text", "context", "summary", "question", "note")


def sql(database: Path, query: str) -> list[list[str]]:
    done = subprocess.run([SQLITE, "-batch", "-separator", "\t", str(database), query], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return [line.split("\t") for line in done.stdout.splitlines()]


def yaml_records() -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    for text in (PRELUDE, MORE):
        for key, records in yaml.safe_load(text).items():
            if key != "schema":
                found += records
    return found


def holding(word: str) -> list[str]:
    """The ids of the records whose words hold `word`, read from the YAML written above."""
    ids = []
    for record in yaml_records():
        values = [record.get(k) for k in TEXT_KEYS]
        words = " ".join(" ".join(v) if isinstance(v, list) else str(v) for v in values if v is not None)
        if word.casefold() in (w.strip('.,;:!?"') for w in words.casefold().split()):
            ids.append(str(record["id"]))
    return sorted(ids)


def test_sqlite_export_opens_in_the_sqlite3_client_with_every_record(run: Run, data: Path, tmp_path: Path) -> None:
    database = tmp_path / "factbase.db"
    out = run("--data", str(data), "export", "--format", "sqlite", str(database))
    assert (out.code, out.stdout, out.stderr) == (0, "", "")
    document = json.loads(run("--data", str(data), "export", "--json").stdout)
    sections = ("sources", "topics", "entities", "facts", "figures", "quotes", "events", "outcomes", "conflicts")
    for section in sections:
        assert sql(database, f"SELECT count(*) FROM {section}") == [[str(len(document[section]))]], section
    everything = [r for s in sections for r in document[s]]
    assert sql(database, "SELECT count(*) FROM records") == [[str(len(everything))]]
    topic_links = sum(len(r.get("topics", [])) for r in everything if r["kind"] != "topic")
    source_links = sum(len(r["sources"]) if "sources" in r else int("source" in r) for r in everything)
    entity_links = sum(len(r.get("entities", [])) for r in everything if r["kind"] != "entity")
    assert sql(database, "SELECT count(*) FROM record_topics") == [[str(topic_links)]]
    assert sql(database, "SELECT count(*) FROM record_sources") == [[str(source_links)]]
    assert sql(database, "SELECT count(*) FROM record_entities") == [[str(entity_links)]]
    assert sql(database, "SELECT outcome_id, claim_id FROM outcome_evidence") == [["outcome-pipeline", "event-signing"]]
    # the kind tables have the columns of --format csv, with numbers as numbers
    header = parsed_csv(run("--data", str(data), "figures", "--format", "csv").stdout)[0]
    assert [row[1] for row in sql(database, "PRAGMA table_info(figures)")] == header
    assert sql(database, "SELECT id, value * 2, typeof(value) FROM figures ORDER BY id") == [
        ["share-77", "154.0", "real"],
        ["talks-length", "3.0", "real"],
    ]
    assert sql(
        database, "SELECT source_id, paragraph FROM record_sources WHERE record_id = 'trade-in-hindi' ORDER BY position"
    ) == [
        ["report", "4"],
        ["wire", ""],
    ]


@pytest.mark.parametrize("word", ["pipeline", "Нефтяная", "spokesman", "Песков", "समझौते"])
def test_sqlite_full_text_index_finds_every_record_that_holds_a_word(
    run: Run, data: Path, tmp_path: Path, word: str
) -> None:
    database = tmp_path / "factbase.db"
    assert run("--data", str(data), "export", "--format", "sqlite", str(database)).code == 0
    expected = holding(word)
    assert expected  # the word is in the YAML above
    found = sql(database, f"SELECT id FROM records_fts WHERE records_fts MATCH '\"{word}\"' ORDER BY id")
    assert [row[0] for row in found] == expected


def test_sqlite_export_never_clobbers_without_force(run: Run, data: Path, tmp_path: Path) -> None:
    database = tmp_path / "factbase.db"
    database.write_bytes(b"someone's notes")
    out = run("--data", str(data), "export", "--format", "sqlite", str(database))
    assert (out.code, out.stdout) == (2, "")
    assert out.stderr == f"Error: {database} exists; give --force to replace it\n"
    assert database.read_bytes() == b"someone's notes"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "cache") == ["data", "factbase.db"]
    forced = run("--data", str(data), "export", "--format", "sqlite", str(database), "--force")
    assert forced.code == 0
    assert sql(database, "SELECT count(*) FROM facts") == [["3"]]


def test_sqlite_export_that_fails_leaves_no_file_and_the_old_one_whole(
    run: Run, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from indoruss.views import sqlite

    def half_then_fail(path: Path, fb: object) -> None:
        path.write_bytes(b"SQLite format 3\x00 half a database")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sqlite, "fill_database", half_then_fail)
    database = tmp_path / "factbase.db"
    out = run("--data", str(data), "export", "--format", "sqlite", str(database))
    assert (out.code, out.stderr) == (2, f"Error: cannot write {database}: No space left on device\n")
    assert not database.exists()
    database.write_bytes(b"the old export")
    again = run("--data", str(data), "export", "--format", "sqlite", str(database), "--force")
    assert again.code == 2
    assert database.read_bytes() == b"the old export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "cache") == ["data", "factbase.db"]


def test_sqlite_export_needs_a_file_and_a_real_folder(run: Run, data: Path, tmp_path: Path) -> None:
    out = run("--data", str(data), "export", "--format", "sqlite")
    assert (out.code, out.stderr) == (
        2,
        "Error: --format sqlite writes a database file: give its name (indoruss export --format sqlite FILE)\n",
    )
    missing = tmp_path / "no-such-folder" / "x.db"
    out = run("--data", str(data), "export", "--format", "sqlite", str(missing))
    assert (out.code, out.stderr) == (2, f"Error: cannot write {missing}: No such file or directory\n")


def test_export_jsonl_is_every_record_of_the_document_a_line(run: Run, data: Path) -> None:
    document = json.loads(run("--data", str(data), "export").stdout)
    lines = run("--data", str(data), "export", "--format", "jsonl").stdout.splitlines()
    sections = ("sources", "topics", "entities", "facts", "figures", "quotes", "events", "outcomes", "conflicts")
    assert [json.loads(line) for line in lines] == [r for s in sections for r in document[s]]
    assert len(lines) == 13


# -- start-up stays lean ------------------------------------------------------------------------------------

LEAN = """
import sys
from indoruss.cli.main import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = ("csv", "sqlite3", "json", "indoruss.views.columns")
sys.stderr.write("loaded: " + ",".join(m for m in heavy if m in sys.modules) + "\\n")
"""


@pytest.mark.parametrize(
    ("args", "loaded"),
    [
        (["search", "S-400"], "indoruss.views.columns"),  # tsv, written without the csv module
        (["search", "S-400", "--format", "plain"], ""),
        (["facts", "--limit", "1"], "indoruss.views.columns"),
        (["facts", "--limit", "1", "--format", "csv"], "csv,indoruss.views.columns"),
    ],
    ids=" ".join,
)
def test_csv_sqlite_and_json_load_only_when_used(tmp_path: Path, args: list[str], loaded: str) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("INDORUSS_OUTPUT", None)
    for _ in range(2):  # the second run is warm
        done = subprocess.run([sys.executable, "-c", LEAN, *args], env=env, capture_output=True, text=True)
    assert done.stdout.strip()
    assert done.stderr.splitlines()[-1] == f"loaded: {loaded}"


# -- the column contract, as the README documents it ----------------------------------------------------------

CLAIM = ["status", "attribution", "attribution_id", "date", "date_precision", "date_label", "topics", "entities"]
CLAIM += ["qualifies", "source", "paragraph", "sources"]
DOCUMENTED = {
    "fact": ["statement", *CLAIM],
    "figure": ["value", "unit", "display", "qualifier", "measures", "period", *CLAIM],
    "quote": ["text", "speaker", "speaker_id", "context", "fragment", *CLAIM[1:]],
    "event": ["title", *CLAIM],
    "entity": ["name", "category", "description", "aliases", "topics", "source", "paragraph"],
    "topic": ["title", "description", "aliases"],
    "outcome": ["expectation", "verdict", "as_of", "summary", "evidence", "topics", "entities"],
    "conflict": ["question", "claims", "note", "topics"],
    "source": ["title", "publisher", "published", "source_kind", "note", "url", "document", "language", "via"],
}


def test_every_kind_has_the_columns_the_readme_documents() -> None:
    """A new field changes a kind's columns: this fails until the README's table (and this copy) say so."""
    from indoruss.model import records as m
    from indoruss.views.columns import columns_of

    assert set(DOCUMENTED) == set(m.KINDS)
    for kind, columns in DOCUMENTED.items():
        assert [c.name for c in columns_of(kind)] == ["id", "kind", *columns], kind


def test_show_in_a_column_format_is_the_record_as_one_row(run: Run, data: Path) -> None:
    out = run("--data", str(data), "show", "peskov", "--format", "csv")
    assert parsed_csv(out.stdout) == [
        ["id", "kind", *DOCUMENTED["entity"]],
        ["peskov", "entity", "Dmitry Peskov", "person", "Kremlin spokesman.", "Песков; Peskov", "trade", "report", "2"],
    ]


def test_export_to_a_file_is_atomic_and_never_clobbers(run: Run, data: Path, tmp_path: Path) -> None:
    target = tmp_path / "factbase.json"
    assert run("--data", str(data), "export", str(target)).code == 0
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(run("--data", str(data), "export").stdout)
    target.write_text("mine", encoding="utf-8")
    refused = run("--data", str(data), "export", "--format", "jsonl", str(target))
    assert (refused.code, target.read_text(encoding="utf-8")) == (2, "mine")
    assert run("--data", str(data), "export", "--format", "jsonl", str(target), "--force").code == 0
    assert len(target.read_text(encoding="utf-8").splitlines()) == 13
