"""The loader refuses every kind of broken fact base with one exact, located message, and never crashes.

Each file in tests/bad_data/ is a complete fact base with one thing wrong. Most start with PRELUDE below (a
valid source, topic and entity) and add the broken record after it, so a case's line numbers are those of the
file. Every case is checked twice: through load_factbase() and through the command line, where the first
problem becomes "Error: <problem>" on stderr with exit code 2.

Cases marked xfail(strict=True) at the end are problems found while writing these tests (see each reason);
they pass, and so fail as XPASS, once the loader is fixed, and the marker can then go.
"""

from __future__ import annotations

import difflib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indoruss.errors import FactBaseError
from indoruss.loader import load_factbase
from indoruss.model import FactBase

BAD = Path(__file__).parent / "bad_data"

PRELUDE = """\
schema: 1
sources:
  - id: report
    title: A report on the visit
    publisher: null
    published: "2025-12-04"
    kind: news-report
topics:
  - id: trade
    title: Trade
    description: Trade between India and Russia.
entities:
  - id: india
    name: India
    category: country
    description: A country in South Asia.
    aliases: [Bharat]
    topics: [trade]
    source: {id: report, paragraph: 1}
"""

STATUSES = "confirmed, reported, expected, likely, possible, proposed"
DATE_FORMS = "is not a date of the form YYYY, YYYY-MM, YYYY-MM-DD or START/END"
RANGE_RULE = "a range needs two dates of the same precision, in order"

# file name -> the one problem it must produce, "{file}" standing for the path the loader was given.
CASES: dict[str, str] = {
    # tags, anchors and aliases are refused before any value is built
    "python_tag.yaml": "{file}:22:16: YAML tag tag:yaml.org,2002:python/object/apply:os.system is not allowed",
    "python_name_tag.yaml": "{file}:22:16: YAML tag tag:yaml.org,2002:python/name:os.system is not allowed",
    "tag_str.yaml": "{file}:22:16: YAML tag tag:yaml.org,2002:str is not allowed",
    "tag_local.yaml": "{file}:22:16: YAML tag !include is not allowed",
    "tag_set.yaml": "{file}:25:15: YAML tag tag:yaml.org,2002:set is not allowed",
    "anchor_alias.yaml": "{file}:26:13: YAML anchors and aliases are not allowed",
    "alias_undefined.yaml": "{file}:26:13: YAML anchors and aliases are not allowed",
    "alias_bomb.yaml": "{file}:20:7: YAML anchors and aliases are not allowed",
    # bytes and file shape
    "not_utf8.yaml": "{file}:22:28: file is not valid UTF-8 (byte 0xe9)",
    "empty.yaml": "{file}: file is empty",
    "comment_only.yaml": "{file}: file holds no YAML document",
    "bom.yaml": "{file}:1:1: file starts with a byte-order mark; save it as UTF-8 without BOM",
    "top_level_list.yaml": "{file}:1: top level must be a mapping of sections",
    "two_documents.yaml": "{file}:20: only one YAML document per file is allowed",
    "invalid_syntax.yaml": "{file}:25:13: invalid YAML: did not find expected ',' or ']'",
    "duplicate_key.yaml": "{file}:26:5: status: key appears twice in the same mapping",
    "schema_version_2.yaml": "{file}:1:9: schema: unsupported schema version (this indoruss reads 1)",
    "unknown_section.yaml": (
        "{file}:21:3: opinions: unknown section (allowed: schema, sources, topics, entities, facts, figures, quotes,"
        " events)"
    ),
    "section_not_list.yaml": "{file}:21:3: facts: must be a list of records",
    # fields
    "unknown_field.yaml": "{file}:26:14: facts[0].comment: unknown field",
    "missing_field.yaml": "{file}:21:5: facts[0].status: required field is missing",
    "number_for_text.yaml": "{file}:22:16: facts[0].statement: expected text, got a number 42; put it in quotes",
    "list_for_text.yaml": "{file}:22:16: facts[0].statement: expected a single value, got a list",
    "text_for_number.yaml": "{file}:22:12: figures[0].value: expected a number, got a value '77'",
    "text_for_paragraph.yaml": (
        "{file}:26:37: facts[0].source.paragraph: expected a whole number of at least 1, got '2'"
    ),
    "text_for_boolean.yaml": "{file}:25:15: quotes[0].fragment: expected true or false, got 'no'",
    "unquoted_no.yaml": "{file}:22:11: quotes[0].text: expected text, got a boolean False; put it in quotes",
    "unquoted_date.yaml": '{file}:26:11: facts[0].date: unquoted date 2025-12-04; write it in quotes: "2025-12-04"',
    "unquoted_year.yaml": "{file}:26:11: facts[0].date: expected text, got a number 2025; put it in quotes",
    "paragraph_zero.yaml": "{file}:26:37: facts[0].source.paragraph: expected a whole number of at least 1, got 0",
    "empty_topics.yaml": "{file}:24:13: facts[0].topics: must list at least one id",
    # ids and references
    "duplicate_id.yaml": "{file}:27: facts[1].id: duplicate id 'a-fact' (first defined at {file}:21)",
    "invalid_id.yaml": "{file}:21:9: facts[0].id: 'A_Fact' is not a valid id (lowercase letters, digits and '-')",
    "unknown_topic.yaml": "{file}:24: facts[0].topics: unknown topic id 'tourism'",
    "unknown_entity.yaml": "{file}:25: facts[0].entities: unknown entity id 'atlantis'",
    "unknown_source.yaml": "{file}:26: facts[0].source.id: unknown source id 'another-report'",
    "unknown_speaker.yaml": "{file}:23: quotes[0].speaker: unknown entity id 'nobody'",
    "wrong_kind_source.yaml": "{file}:26: facts[0].source.id: 'trade' is a topic, not a source",
    # closed sets name every allowed value
    "invalid_status.yaml": f"{{file}}:23:13: facts[0].status: unknown value 'rumoured' (allowed: {STATUSES})",
    "invalid_category.yaml": (
        "{file}:15:15: entities[0].category: unknown value 'nation' (allowed: person, organisation, country,"
        " weapon-system, agreement, project, event, place)"
    ),
    "invalid_unit.yaml": (
        "{file}:23:11: figures[0].unit: unknown value 'EUR' (allowed: USD, percent, MW, people, squadrons, years, days)"
    ),
    "invalid_qualifier.yaml": (
        "{file}:25:16: figures[0].qualifier: unknown value 'roughly' (allowed: exact, approximately, at-least, over,"
        " target, total)"
    ),
    # dates
    "date_day_first.yaml": f"{{file}}:26:11: facts[0].date: '04-12-2025' {DATE_FORMS}",
    "date_with_time.yaml": f"{{file}}:26:11: facts[0].date: '2025-12-04T10:00' {DATE_FORMS}",
    "date_three_parts.yaml": f"{{file}}:26:11: facts[0].date: '2025-12-04/2025-12-05/2025-12-06' {DATE_FORMS}",
    "date_month_13.yaml": "{file}:26:11: facts[0].date: '2025-13' is not a real date",
    "date_day_32.yaml": "{file}:26:11: facts[0].date: '2025-12-32' is not a real date",
    "date_range_mixed.yaml": f"{{file}}:26:11: facts[0].date: '2025-12-04/2025-12': {RANGE_RULE}",
    "date_range_reversed.yaml": f"{{file}}:26:11: facts[0].date: '2025-12-05/2025-12-04': {RANGE_RULE}",
    "date_label_without_date.yaml": "{file}:26:17: facts[0].date_label: is given without a date",
    "event_without_date.yaml": "{file}:21:5: events[0].date: required field is missing",
    # characters that could hide or rewrite text on a terminal
    "control_escape.yaml": (
        "{file}:22:16: facts[0].statement: control or bidirectional character U+001B is not allowed in text"
    ),
    "bidi_override.yaml": (
        "{file}:22:16: facts[0].statement: control or bidirectional character U+202E is not allowed in text"
    ),
}

# Files that differ from a valid fact base by one changed line of PRELUDE rather than by an added record.
CHANGED_PRELUDE = (
    "invalid_category.yaml",
    "invalid_source_kind.yaml",
    "schema_version_2.yaml",
    "published_not_a_day.yaml",
)
# Files that are not PRELUDE plus something.
NO_PRELUDE = ("empty.yaml", "comment_only.yaml", "bom.yaml", "top_level_list.yaml", *CHANGED_PRELUDE)


def expected(name: str, path: Path | None = None) -> str:
    return CASES[name].replace("{file}", str(path or BAD / name))


def load_problems(path: Path) -> list[str]:
    with pytest.raises(FactBaseError) as info:
        load_factbase(path)
    return [str(problem) for problem in info.value.problems]


def run_cli(
    data: Path | None, *args: str, cache: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("INDORUSS_DATA", "INDORUSS_OUTPUT")}
    environ.update({"XDG_CACHE_HOME": str(cache), "PYTHONIOENCODING": "utf-8"}, **(env or {}))
    command = [sys.executable, "-m", "indoruss", "--no-cache"]
    if data is not None:
        command += ["--data", str(data)]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, encoding="utf-8", env=environ, timeout=60, check=False
    )


def assert_cli_error(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr == f"Error: {message}\n"
    assert result.stdout == ""
    assert result.returncode == 2


# -- the corpus itself ---------------------------------------------------------------------------------------


def test_prelude_alone_is_a_valid_fact_base(tmp_path: Path) -> None:
    path = tmp_path / "prelude.yaml"
    path.write_text(PRELUDE, encoding="utf-8")
    fb = load_factbase(path)
    assert [r.id for r in fb.records()] == ["report", "trade", "india"]


@pytest.mark.parametrize("name", sorted(p.name for p in BAD.glob("*.yaml") if p.name not in NO_PRELUDE))
def test_case_file_adds_its_fault_after_the_valid_prelude(name: str) -> None:
    data = (BAD / name).read_bytes()
    assert data.startswith(PRELUDE.encode())
    assert data[len(PRELUDE) :].startswith(
        (b"facts:\n", b"figures:\n", b"quotes:\n", b"events:\n", b"---\n", b"opinions:", b"lol1:")
    )


def test_bom_file_is_the_prelude_after_a_bom() -> None:
    assert (BAD / "bom.yaml").read_bytes() == b"\xef\xbb\xbf" + PRELUDE.encode()


@pytest.mark.parametrize("name", CHANGED_PRELUDE)
def test_case_file_changes_one_line_of_the_prelude(name: str) -> None:
    changed = [
        line
        for line in difflib.ndiff(PRELUDE.splitlines(), (BAD / name).read_text(encoding="utf-8").splitlines())
        if line[:1] in "+-"
    ]
    assert len(changed) == 2, changed


def test_every_file_in_the_corpus_is_checked() -> None:
    checked = {
        *CASES,
        *(name for name, _ in KNOWN_CRASHES),
        *(name for name, _ in KNOWN_ACCEPTED),
        *CHANGED_PRELUDE,
        "no_yaml",
        "duplicate_id_across_files",
        "several_problems.yaml",
        "duplicate_id_other_kind.yaml",
        "control_c1_raw.yaml",
        "wrong_kind_topic.yaml",
        "wrong_kind_speaker.yaml",
        "README.md",
    }
    assert {p.name for p in BAD.iterdir()} == checked


# -- one exact message per case, from the loader and from the command line ------------------------------------


@pytest.mark.parametrize("name", sorted(CASES))
def test_loader_names_the_one_problem(name: str) -> None:
    assert load_problems(BAD / name) == [expected(name)]


@pytest.mark.parametrize("name", sorted(CASES))
def test_cli_prints_the_problem_and_exits_2(name: str, tmp_path: Path) -> None:
    assert_cli_error(run_cli(BAD / name, "topics", cache=tmp_path), expected(name))


def test_data_location_from_the_environment(tmp_path: Path) -> None:
    name = "invalid_status.yaml"
    result = run_cli(None, "topics", cache=tmp_path, env={"INDORUSS_DATA": str(BAD / name)})
    assert_cli_error(result, expected(name))


def test_python_tag_runs_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "pwned"
    text = (BAD / "python_tag.yaml").read_text(encoding="utf-8")
    assert "/tmp/indoruss-pwned" in text
    path = tmp_path / "python_tag.yaml"
    path.write_text(text.replace("/tmp/indoruss-pwned", str(marker)), encoding="utf-8")
    called: list[object] = []
    monkeypatch.setattr(os, "system", lambda *args: called.append(args) or 0)

    assert load_problems(path) == [expected("python_tag.yaml", path)]
    assert called == []
    assert not marker.exists()
    assert_cli_error(run_cli(path, "topics", cache=tmp_path), expected("python_tag.yaml", path))
    assert not marker.exists()


def test_python_tag_payload_is_live(tmp_path: Path) -> None:
    """The payload does run under an unsafe YAML loader, so the test above would see it if the loader ran it."""
    marker = tmp_path / "pwned"
    text = (BAD / "python_tag.yaml").read_text(encoding="utf-8").replace("/tmp/indoruss-pwned", str(marker))
    yaml.load(text, Loader=yaml.UnsafeLoader)  # deliberately unsafe, on a file written here
    assert marker.exists()


def test_alias_bomb_is_refused_at_its_first_anchor() -> None:
    (problem,) = load_problems(BAD / "alias_bomb.yaml")
    assert problem == expected("alias_bomb.yaml")
    assert "anchors and aliases" in problem


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    size = 50 * 1024 * 1024 + 1
    with path.open("w", encoding="utf-8") as out:
        out.write(PRELUDE)
        out.truncate(size)  # sparse: nothing is written past the prelude
    message = f"{path}: file is {size} bytes, over the 50 MiB limit"
    assert load_problems(path) == [message]
    assert_cli_error(run_cli(path, "topics", cache=tmp_path), message)


def test_folder_without_yaml_files(tmp_path: Path) -> None:
    folder = BAD / "no_yaml"
    assert sorted(p.name for p in folder.iterdir()) == ["README.txt", "facts.yaml.bak"]
    message = f"{folder}: folder holds no .yaml files"
    assert load_problems(folder) == [message]
    assert_cli_error(run_cli(folder, "topics", cache=tmp_path), message)


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    folder = BAD / "duplicate_id_across_files"
    message = (
        "duplicate_id_across_files/b.yaml:3: facts[0].id: duplicate id 'a-fact'"
        " (first defined at duplicate_id_across_files/a.yaml:21)"
    )
    assert load_problems(folder) == [message]
    assert_cli_error(run_cli(folder, "topics", cache=tmp_path), message)


def test_each_file_of_a_folder_is_valid_alone(tmp_path: Path) -> None:
    folder = BAD / "duplicate_id_across_files"
    assert [r.id for r in load_factbase(folder / "a.yaml").facts] == ["a-fact"]


# -- several problems: the loader keeps them all, validate lists them ------------------------------------------

SEVERAL = [
    f"{{file}}:23:13: facts[0].status: unknown value 'rumoured' (allowed: {STATUSES})",
    "{file}:38:37: facts[2].source.paragraph: expected a whole number of at least 1, got 0",
    "{file}:30: facts[1].topics: unknown topic id 'tourism'",
]


def test_loader_keeps_every_problem() -> None:
    path = BAD / "several_problems.yaml"
    assert load_problems(path) == [p.replace("{file}", str(path)) for p in SEVERAL]


def test_cli_shows_the_first_problem_and_counts_the_rest(tmp_path: Path) -> None:
    path = BAD / "several_problems.yaml"
    first = SEVERAL[0].replace("{file}", str(path))
    assert_cli_error(run_cli(path, "topics", cache=tmp_path), f"{first} (and 2 more problems: run 'indoruss validate')")


def test_validate_lists_every_problem(tmp_path: Path) -> None:
    path = BAD / "several_problems.yaml"
    result = run_cli(path, "validate", cache=tmp_path)
    assert result.stdout == "".join(p.replace("{file}", str(path)) + "\n" for p in SEVERAL)
    assert result.stderr == "3 problems found\n"
    assert result.returncode == 1


def test_validate_json_lists_every_problem(tmp_path: Path) -> None:
    path = BAD / "several_problems.yaml"
    result = run_cli(path, "validate", "--json", cache=tmp_path)
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert report["fingerprint"] is None
    assert [(p["line"], p["column"], p["field"]) for p in report["problems"]] == [
        (23, 13, "facts[0].status"),
        (38, 37, "facts[2].source.paragraph"),
        (30, None, "facts[1].topics"),
    ]
    assert {p["file"] for p in report["problems"]} == {str(path)}
    assert result.returncode == 1


def test_validate_passes_a_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "valid.yaml"
    path.write_text(VALID, encoding="utf-8")
    result = run_cli(path, "validate", cache=tmp_path)
    assert result.stdout == f"OK: 7 records, content {load_factbase(path).fingerprint}\n"
    assert result.stderr == ""
    assert result.returncode == 0


# -- problems found while writing these tests (strict xfail: they turn into failures once fixed) -------------

# Plain YAML 1.1 values that make the loader crash with a Python exception instead of a FactBaseError. Through
# the CLI they come out as "Error: unexpected ValueError: ..." (or RecursionError), exit 2.
KNOWN_CRASHES = [
    ("crash_sexagesimal.yaml", "date_label: 10:30 is a YAML 1.1 sexagesimal int; int('10:30') raises ValueError"),
    ("crash_empty_binary.yaml", "statement: 0b_ resolves as an int; int('0b') raises ValueError"),
    ("crash_long_integer.yaml", "a 5000-digit value exceeds Python's int digit limit; ValueError"),
    ("crash_deep_nesting.yaml", "600 nested [ ] stay under libyaml's depth limit; _convert hits RecursionError"),
]

# Input the schema forbids that loads without any problem.
KNOWN_ACCEPTED = [
    ("null_date_drops_record.yaml", "'date:' left empty on a fact: the fact is silently dropped, no problem"),
    ("date_february_31.yaml", "'2025-02-31' is accepted: only 1 <= day <= 31 is checked"),
    ("date_non_ascii_digits.yaml", "DATE_PATTERN's \\d matches Arabic-Indic digits: '\u0662\u0660\u0662\u0665'"),
    ("bidi_arabic_letter_mark.yaml", "U+061C ARABIC LETTER MARK, a bidi control, is not in UNSAFE_CHARS"),
    ("published_not_a_day.yaml", "sources.published must be YYYY-MM-DD (SCHEMA.md) but '2025' is accepted"),
]


@pytest.mark.xfail(strict=True, raises=(ValueError, RecursionError), reason="loader crashes (see KNOWN_CRASHES)")
@pytest.mark.parametrize(("name", "why"), KNOWN_CRASHES, ids=[name for name, _ in KNOWN_CRASHES])
def test_known_crash_becomes_a_problem(name: str, why: str) -> None:
    problems = load_problems(BAD / name)
    assert problems
    assert all(p.startswith(f"{BAD / name}:") for p in problems)


@pytest.mark.xfail(
    strict=True, raises=AssertionError, reason="loader crashes; the CLI hides it as 'Error: unexpected ...'"
)
@pytest.mark.parametrize(("name", "why"), KNOWN_CRASHES, ids=[name for name, _ in KNOWN_CRASHES])
def test_known_crash_through_the_cli(name: str, why: str, tmp_path: Path) -> None:
    result = run_cli(BAD / name, "topics", cache=tmp_path)
    assert "Traceback" not in result.stderr
    assert "unexpected" not in result.stderr
    assert result.stderr.startswith(f"Error: {BAD / name}:")
    assert result.returncode == 2


@pytest.mark.xfail(strict=True, raises=pytest.fail.Exception, reason="invalid input accepted (see KNOWN_ACCEPTED)")
@pytest.mark.parametrize(("name", "why"), KNOWN_ACCEPTED, ids=[name for name, _ in KNOWN_ACCEPTED])
def test_known_accepted_input_is_refused(name: str, why: str) -> None:
    assert load_problems(BAD / name)


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="raw control character: PyYAML ReaderError text, two lines, no line:column",
)
def test_raw_c1_character_is_one_located_line() -> None:
    # Today: '<file>: invalid YAML: unacceptable character #x009b: control characters are not allowed\n
    #   in "<unicode string>", position 463'
    (problem,) = load_problems(BAD / "control_c1_raw.yaml")
    assert "\n" not in problem
    assert problem.startswith(f"{BAD / 'control_c1_raw.yaml'}:22:")
    assert "U+009B" in problem


def test_raw_c1_character_is_refused(tmp_path: Path) -> None:
    # What does hold today: the file is refused, through the CLI too, without a traceback.
    path = BAD / "control_c1_raw.yaml"
    (problem,) = load_problems(path)
    assert problem.startswith(f"{path}:")
    assert "009B" in problem.upper()
    result = run_cli(path, "topics", cache=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"Error: {problem.splitlines()[0]}")
    assert "Traceback" not in result.stderr
    assert "unexpected" not in result.stderr


@pytest.mark.xfail(strict=True, raises=AssertionError, reason="message says 'a entity' instead of 'an entity'")
@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("wrong_kind_topic.yaml", "{file}:24: facts[0].topics: 'india' is an entity, not a topic"),
        ("wrong_kind_speaker.yaml", "{file}:23: quotes[0].speaker: 'trade' is a topic, not an entity"),
    ],
    ids=["topic", "speaker"],
)
def test_reference_to_the_wrong_kind(name: str, message: str) -> None:
    assert load_problems(BAD / name) == [message.replace("{file}", str(BAD / name))]


@pytest.mark.parametrize("name", ["wrong_kind_topic.yaml", "wrong_kind_speaker.yaml"])
def test_reference_to_the_wrong_kind_is_refused(name: str, tmp_path: Path) -> None:
    (problem,) = load_problems(BAD / name)
    assert " not a " in problem
    assert_cli_error(run_cli(BAD / name, "topics", cache=tmp_path), problem)


@pytest.mark.xfail(strict=True, raises=AssertionError, reason="one fault cascades into misleading reference problems")
@pytest.mark.parametrize(
    ("name", "first"),
    [
        # The later 'trade' (a fact) replaces the topic in the lookup: "'trade' is a fact, not a topic" twice.
        ("duplicate_id_other_kind.yaml", "{file}:21: facts[0].id: duplicate id 'trade' (first defined at {file}:9)"),
        # The refused source is then "unknown source id 'report'" wherever it is cited.
        (
            "invalid_source_kind.yaml",
            "{file}:7:11: sources[0].kind: unknown value 'blog-post'"
            " (allowed: news-report, official-statement, interview, dataset)",
        ),
    ],
    ids=["duplicate_id_other_kind", "invalid_source_kind"],
)
def test_one_fault_is_one_problem(name: str, first: str) -> None:
    assert load_problems(BAD / name) == [first.replace("{file}", str(BAD / name))]


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("duplicate_id_other_kind.yaml", "{file}:21: facts[0].id: duplicate id 'trade' (first defined at {file}:9)"),
        (
            "invalid_source_kind.yaml",
            "{file}:7:11: sources[0].kind: unknown value 'blog-post'"
            " (allowed: news-report, official-statement, interview, dataset)",
        ),
    ],
    ids=["duplicate_id_other_kind", "invalid_source_kind"],
)
def test_first_problem_is_the_fault(name: str, first: str) -> None:
    assert load_problems(BAD / name)[0] == first.replace("{file}", str(BAD / name))


# -- property tests: whatever the bytes, a FactBase or a FactBaseError ---------------------------------------

VALID = (
    PRELUDE
    + """\
facts:
  - id: visit-begins
    statement: The visit begins on 4 December 2025.
    status: confirmed
    topics: [trade]
    entities: [india]
    date: "2025-12-04"
    date_label: "4 December 2025"
    source: {id: report, paragraph: 2}
figures:
  - id: trade-target
    value: 100000000000
    unit: USD
    display: "$100 billion"
    qualifier: target
    measures: Target value of annual bilateral trade
    period: over the next five years
    status: reported
    date: "2030"
    topics: [trade]
    entities: [india]
    source: {id: report, paragraph: 4}
quotes:
  - id: officials-quote
    text: "significant outcomes"
    speaker: {name: officials, description: Indian officials}
    context: told PTI
    fragment: true
    topics: [trade]
    source: {id: report, paragraph: 3}
events:
  - id: the-visit
    title: The visit
    date: "2025-12-04/2025-12-05"
    status: confirmed
    topics: [trade]
    entities: [india]
    source: {id: report, paragraph: 2}
"""
)

YAML_SIGNIFICANT = list(":-[]{}&*!|>'\"%@`#,?\n\t \\\x00\x1b\x85\u2028\u202e\ufeff")


@st.composite
def mutations(draw: st.DrawFn) -> bytes:
    data = VALID.encode()
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        lines = data.splitlines(keepends=True) or [b""]
        kind = draw(st.sampled_from(["delete", "duplicate", "replace", "truncate", "insert"]))
        if kind == "delete":
            index = draw(st.integers(0, len(lines) - 1))
            data = b"".join(lines[:index] + lines[index + 1 :])
        elif kind == "duplicate":
            index = draw(st.integers(0, len(lines) - 1))
            data = b"".join(lines[: index + 1] + lines[index:])
        elif kind == "replace":
            text = data.decode("utf-8", "surrogateescape")
            if not text:
                continue
            index = draw(st.integers(0, len(text) - 1))
            char = draw(st.characters(codec="utf-8") | st.sampled_from(YAML_SIGNIFICANT))
            data = (text[:index] + char + text[index + 1 :]).encode("utf-8", "surrogateescape")
        elif kind == "truncate":
            data = data[: draw(st.integers(0, len(data)))]
        else:
            index = draw(st.integers(0, len(data)))
            data = data[:index] + draw(st.binary(min_size=1, max_size=16)) + data[index:]
    return data


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mutations")


def test_valid_file_loads(scratch: Path) -> None:
    path = scratch / "valid.yaml"
    path.write_text(VALID, encoding="utf-8")
    fb = load_factbase(path)
    assert [r.kind for r in fb.records()] == ["source", "topic", "entity", "fact", "figure", "quote", "event"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=mutations())
def test_mutated_file_loads_or_raises_fact_base_error(scratch: Path, data: bytes) -> None:
    path = scratch / "mutated.yaml"
    path.write_bytes(data)
    try:
        fb = load_factbase(path)
    except FactBaseError as exc:
        assert exc.problems
        assert all(problem.file == str(path) for problem in exc.problems)
    else:
        assert isinstance(fb, FactBase)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=mutations())
def test_mutated_file_through_the_cli(scratch: Path, data: bytes) -> None:
    path = scratch / "mutated-cli.yaml"
    path.write_bytes(data)
    result = run_cli(path, "topics", cache=scratch)
    assert result.returncode in (0, 2)
    assert "Traceback" not in result.stdout + result.stderr
    # main() turns an unforeseen exception into "Error: unexpected <type>: ..." with exit 2: a crash in disguise.
    assert "Error: unexpected" not in result.stderr
    if result.returncode == 2:
        assert result.stderr.startswith(f"Error: {path}")
        assert result.stdout == ""
