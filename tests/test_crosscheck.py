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
