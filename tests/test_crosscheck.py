"""validate --against: quotes and figures checked against the report the fact base was built from."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from conftest import Outcome, require_report

Run = Callable[..., Outcome]
REPORT_ID = "putin-india-visit-2025-12-04"


def test_quotes_in_json_are_verbatim_from_the_report(run: Run) -> None:
    report_path = require_report()
    report = report_path.read_text(encoding="utf-8")
    # The quotes taken from the report; the later sources' quotes are checked against pages not kept here.
    from_report = [q for q in json.loads(run("quotes", "--json").stdout) if q["source"]["id"] == REPORT_ID]
    assert {q["id"] for q in from_report} == {
        "quote-peskov-obstacles",
        "quote-peskov-sputnik-trade",
        "quote-peskov-s-400",
        "quote-peskov-su-57",
        "quote-peskov-kudankulam",
        "quote-officials-labour-pact",
        "quote-kotwani-pti",
        "quote-peskov-significant-outcomes",
    }
    for quote in from_report:
        assert quote["text"] in report


def test_bundled_data_validates_against_the_report(run: Run) -> None:
    report_path = require_report()
    out = run("validate", "--against", str(report_path))
    assert out.code == 0, out.stdout
    assert out.stdout.startswith("OK: ")
    assert "8 quotes and" in out.stdout


def test_validate_reports_a_quote_missing_from_the_text(run: Run, tmp_path: Path) -> None:
    report_path = require_report()
    edited = tmp_path / "edited.txt"
    edited.write_text(
        report_path.read_text(encoding="utf-8").replace("the best plane in the world", "a fine plane"), encoding="utf-8"
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
    report_path = require_report()
    plain = report_path.read_text(encoding="utf-8").replace("\u2019", "'").replace("\u2014", "-").replace("  ", " ")
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


# -- check_against on a fact base and a text of its own ---------------------------------------------------------

CHECKED = """\
figures:
  - id: share
    value: 77
    unit: percent
    display: 77%
    qualifier: exact
    measures: A share
    status: confirmed
    topics: [trade]
    source: {id: report, paragraph: 1}
  - id: misplaced
    value: 5
    unit: years
    display: five years
    qualifier: exact
    measures: A horizon
    status: confirmed
    topics: [trade]
    source: {id: report, paragraph: 1}
  - id: beyond
    value: 3
    unit: people
    display: three people
    qualifier: exact
    measures: Units
    status: confirmed
    topics: [trade]
    source: {id: report, paragraph: 9}
quotes:
  - id: last-paragraph
    text: "we shall see"
    speaker: {name: Dmitry Peskov}
    context: a statement
    fragment: true
    topics: [trade]
    source: {id: report, paragraph: 3}
  - id: missing
    text: "never said"
    speaker: {name: Dmitry Peskov}
    context: a statement
    fragment: true
    topics: [trade]
    source: {id: report, paragraph: 2}
"""
# Three paragraphs: blank lines do not count, and typography is normalised on both sides.
TEXT = "Russia\u2019s share is 77% of it.\n\n   \nIn five years, trade doubles.\nPeskov: \u201cwe shall see\u201d.\n"


def test_check_against_reports_exactly_what_is_misplaced_or_missing(tmp_path: Path) -> None:
    from conftest import PRELUDE
    from indoruss.errors import Problem
    from indoruss.loading.crosscheck import check_against, paragraphs
    from indoruss.loading.loader import load_factbase

    assert paragraphs(TEXT) == [
        "Russia's share is 77% of it.",
        "In five years, trade doubles.",
        'Peskov: "we shall see".',
    ]
    path = tmp_path / "fb.yaml"
    path.write_text(PRELUDE + CHECKED, encoding="utf-8")
    fb = load_factbase(path)
    lines = {r.id: r.origin.line for r in fb.records()}
    found = check_against(fb, TEXT, "the text")
    assert found == [
        # a quote in its cited paragraph, the last one, passes; one in no paragraph is named with its words
        Problem(str(path), "quote does not appear in the text: 'never said'", lines["missing"], None, "missing.text"),
        # a figure in its cited paragraph passes; one cited to the wrong paragraph is told where it is
        Problem(
            str(path),
            "figure display form is in paragraph 2 of the text, not in the cited paragraph 1",
            lines["misplaced"],
            None,
            "misplaced.display",
        ),
        # a paragraph past the end of the text is no paragraph
        Problem(
            str(path),
            "figure display form does not appear in the text: 'three people'",
            lines["beyond"],
            None,
            "beyond.display",
        ),
    ]
