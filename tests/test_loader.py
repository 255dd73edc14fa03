"""The loader refuses every kind of broken fact base with one exact, located message, and never crashes.

Each file in tests/bad_data/ is a complete fact base with one thing wrong. Most start with PRELUDE below (a
valid source, topic and entity) and add the broken record after it, so a case's line numbers are those of the
file. Every case is checked twice: through load_factbase() and through the command line, where the first
problem becomes "Error: <problem>" on stderr with exit code 2.

The corpus also holds what once crashed the loader (YAML 1.1 base-60 and binary numbers, giant integers, deep
nesting) or slipped through it (impossible dates, non-ASCII digits, a bidirectional mark, an empty date).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import PRELUDE
from indoruss.errors import FactBaseError
from indoruss.loading.loader import load_factbase
from indoruss.model.records import FactBase

BAD = Path(__file__).parent / "bad_data"


STATUSES = "confirmed, expected, likely, possible, proposed"
DATE_FORMS = "is not a date of the form YYYY, YYYY-MM, YYYY-MM-DD or START/END"
RANGE_RULE = "a range needs two dates of the same precision, in order"

# file name -> the one problem it must produce, "{file}" standing for the path the loader was given.
CASES: dict[str, str] = {
    "python_tag.yaml": "{file}:24:16: YAML tag !!python/object/apply:os.system is not allowed",
    "python_name_tag.yaml": "{file}:24:16: YAML tag !!python/name:os.system is not allowed",
    "tag_str.yaml": "{file}:24:16: YAML tag !!str is not allowed",
    "tag_local.yaml": "{file}:24:16: YAML tag !include is not allowed",
    "tag_set.yaml": "{file}:27:15: YAML tag !!set is not allowed",
    "anchor_alias.yaml": "{file}:28:13: YAML anchors and aliases are not allowed",
    "alias_undefined.yaml": "{file}:28:13: YAML anchors and aliases are not allowed",
    "alias_bomb.yaml": "{file}:22:7: YAML anchors and aliases are not allowed",
    "not_utf8.yaml": "{file}:24:28: file is not valid UTF-8 (byte 0xe9)",
    "empty.yaml": "{file}: file is empty",
    "comment_only.yaml": "{file}: file holds no YAML document",
    "bom.yaml": "{file}:1:1: file starts with a byte-order mark; save it as UTF-8 without BOM",
    "top_level_list.yaml": "{file}:1: top level must be a mapping of sections",
    "two_documents.yaml": "{file}:22: only one YAML document per file is allowed",
    "invalid_syntax.yaml": "{file}:27:13: invalid YAML: did not find expected ',' or ']'",
    "duplicate_key.yaml": "{file}:28:5: status: key appears twice in the same mapping",
    "schema_version_3.yaml": "{file}:1:9: schema: unsupported schema version 3 (this indoruss reads 2)",
    "schema_version_1.yaml": "{file}:1:9: schema: unsupported schema version 1 (this indoruss reads 2); schema 2 separates"
    " who makes a claim (the new `attribution` field) from how firm it is (`status`, which no longer has `reported`),"
    " and gives sources `url` or `document`, `language` and a new set of kinds",
    "unknown_section.yaml": "{file}:22:1: opinions: unknown section (allowed: schema, sources, topics, entities, facts, figures, quotes, events, outcomes, conflicts)",
    "section_not_list.yaml": "{file}:23:3: facts: must be a list of records",
    "unknown_field.yaml": "{file}:28:5: facts[0].comment: unknown field",
    "missing_field.yaml": "{file}:23:5: facts[0].status: required field is missing",
    "number_for_text.yaml": "{file}:24:16: facts[0].statement: expected text, got the number 42; put it in quotes",
    "list_for_text.yaml": "{file}:24:16: facts[0].statement: expected a single value, got a list",
    "text_for_number.yaml": "{file}:24:12: figures[0].value: expected a number, got text '77'",
    "text_for_paragraph.yaml": "{file}:28:37: facts[0].source.paragraph: expected a whole number of at least 1, got text '2'",
    "text_for_boolean.yaml": "{file}:27:15: quotes[0].fragment: expected true or false, got text 'no'",
    "unquoted_no.yaml": "{file}:24:11: quotes[0].text: expected text, got the boolean No; put it in quotes",
    "unquoted_date.yaml": '{file}:28:11: facts[0].date: unquoted date 2025-12-04; write it in quotes: "2025-12-04"',
    "unquoted_year.yaml": "{file}:28:11: facts[0].date: expected text, got the number 2025; put it in quotes",
    "paragraph_zero.yaml": "{file}:28:37: facts[0].source.paragraph: expected a whole number of at least 1, got the number 0",
    "empty_topics.yaml": "{file}:26:13: facts[0].topics: must list at least one id",
    "duplicate_id.yaml": "{file}:29: facts[1].id: duplicate id 'a-fact' (first defined at {file}:23)",
    "invalid_id.yaml": "{file}:23:9: facts[0].id: 'A_Fact' is not a valid id (lowercase letters, digits and '-')",
    "unknown_topic.yaml": "{file}:26:21: facts[0].topics: unknown topic id 'tourism'",
    "unknown_entity.yaml": "{file}:27:23: facts[0].entities: unknown entity id 'atlantis'",
    "unknown_source.yaml": "{file}:28: facts[0].source.id: unknown source id 'another-report'",
    "unknown_speaker.yaml": "{file}:25: quotes[0].speaker: unknown entity id 'nobody'",
    "wrong_kind_source.yaml": "{file}:28: facts[0].source.id: 'trade' is a topic, not a source",
    "invalid_status.yaml": "{file}:25:13: facts[0].status: unknown value 'reported' (allowed: confirmed, expected, likely, possible, proposed)",
    "invalid_category.yaml": "{file}:17:15: entities[0].category: unknown value 'nation' (allowed: person, organisation, country, weapon-system, agreement, project, event, place)",
    "invalid_unit.yaml": "{file}:25:11: figures[0].unit: unknown value 'EUR' (allowed: USD, percent, MW, people, squadrons, years, days, barrels-per-day)",
    "invalid_qualifier.yaml": "{file}:27:16: figures[0].qualifier: unknown value 'roughly' (allowed: exact, approximately, at-least, over, target, total)",
    "date_day_first.yaml": "{file}:28:11: facts[0].date: '04-12-2025' is not a date of the form YYYY, YYYY-MM, YYYY-MM-DD or START/END",
    "date_with_time.yaml": "{file}:28:11: facts[0].date: '2025-12-04T10:00' is not a date of the form YYYY, YYYY-MM, YYYY-MM-DD or START/END",
    "date_three_parts.yaml": "{file}:28:11: facts[0].date: '2025-12-04/2025-12-05/2025-12-06' is not a date of the form YYYY, YYYY-MM, YYYY-MM-DD or START/END",
    "date_month_13.yaml": "{file}:28:11: facts[0].date: '2025-13' is not a real date",
    "date_day_32.yaml": "{file}:28:11: facts[0].date: '2025-12-32' is not a real date",
    "date_range_mixed.yaml": "{file}:28:11: facts[0].date: '2025-12-04/2025-12': a range needs two dates of the same precision, in order",
    "date_range_reversed.yaml": "{file}:28:11: facts[0].date: '2025-12-05/2025-12-04': a range needs two dates of the same precision, in order",
    "date_label_without_date.yaml": "{file}:28:17: facts[0].date_label: is given without a date",
    "event_without_date.yaml": "{file}:23:5: events[0].date: required field is missing",
    "control_escape.yaml": "{file}:24:16: facts[0].statement: control or bidirectional character U+001B is not allowed in text",
    "bidi_override.yaml": "{file}:24:33: control or bidirectional character U+202E is not allowed",
    "crash_sexagesimal.yaml": "{file}:28:17: unsupported number '10:30'; write a plain decimal number, or quote it if it is text",
    "crash_empty_binary.yaml": "{file}:24:16: unsupported number '0b_'; write a plain decimal number, or quote it if it is text",
    "crash_long_integer.yaml": "{file}:24:12: unsupported number '11111111111111111111111…'; write a plain decimal number, or quote it if it is text",
    "crash_deep_nesting.yaml": "{file}:24:46: nested more than 32 levels deep",
    "null_date_drops_record.yaml": "{file}:28:10: facts[0].date: must not be empty (leave the field out instead)",
    "date_february_31.yaml": "{file}:28:11: facts[0].date: '2025-02-31' is not a real date",
    "date_non_ascii_digits.yaml": "{file}:28:11: facts[0].date: '٢٠٢٥' is not a date of the form YYYY, YYYY-MM, YYYY-MM-DD or START/END",
    "bidi_arabic_letter_mark.yaml": "{file}:24:33: control or bidirectional character U+061C is not allowed",
    "published_not_a_day.yaml": "{file}:6:16: sources[0].published: '2025' is not a date of the form YYYY-MM-DD",
    "control_c1_raw.yaml": "{file}:24:32: control or bidirectional character U+009B is not allowed",
    "wrong_kind_topic.yaml": "{file}:26:14: facts[0].topics: 'india' is an entity, not a topic",
    "wrong_kind_speaker.yaml": "{file}:25: quotes[0].speaker: 'trade' is a topic, not an entity",
    "invalid_source_kind.yaml": "{file}:7:11: sources[0].kind: unknown value 'blog-post' (allowed: official-text, wire, news-report, interview, analysis, aggregator, dataset)",
    "duplicate_id_other_kind.yaml": "{file}:23: facts[0].id: duplicate id 'trade' (first defined at {file}:11)",
}

# Files that differ from a valid fact base by one changed line of PRELUDE rather than by an added record.
CHANGED_PRELUDE = (
    "invalid_category.yaml",
    "invalid_source_kind.yaml",
    "schema_version_1.yaml",
    "schema_version_3.yaml",
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
        *CHANGED_PRELUDE,
        "no_yaml",
        "duplicate_id_across_files",
        "several_problems.yaml",
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
        " (first defined at duplicate_id_across_files/a.yaml:23)"
    )
    assert load_problems(folder) == [message]
    assert_cli_error(run_cli(folder, "topics", cache=tmp_path), message)


def test_each_file_of_a_folder_is_valid_alone(tmp_path: Path) -> None:
    folder = BAD / "duplicate_id_across_files"
    assert [r.id for r in load_factbase(folder / "a.yaml").facts] == ["a-fact"]


# -- several problems: the loader keeps them all, validate lists them ------------------------------------------

SEVERAL = [
    f"{{file}}:25:13: facts[0].status: unknown value 'rumoured' (allowed: {STATUSES})",
    # In reading order, although the reference is checked after every record is read.
    "{file}:32:14: facts[1].topics: unknown topic id 'tourism'",
    "{file}:40:37: facts[2].source.paragraph: expected a whole number of at least 1, got the number 0",
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
        (25, 13, "facts[0].status"),
        (32, 14, "facts[1].topics"),
        (40, 37, "facts[2].source.paragraph"),
    ]
    assert {p["file"] for p in report["problems"]} == {str(path)}
    assert result.returncode == 1


def test_validate_passes_a_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "valid.yaml"
    path.write_text(VALID, encoding="utf-8")
    result = run_cli(path, "validate", cache=tmp_path)
    # The fingerprint is the first 12 hex digits of SHA-256 over the file's shown name and text, each ended by NUL.
    text = VALID
    expected = hashlib.sha256(str(path).encode() + b"\0" + text.encode() + b"\0").hexdigest()[:12]
    assert result.stdout == f"OK: 7 records, content {expected}\n"
    assert result.stderr == ""
    assert result.returncode == 0


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
    status: expected
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


def test_a_file_of_too_many_values_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from indoruss.loading import yamlsource

    monkeypatch.setattr(yamlsource, "MAX_NODES", 100)
    path = tmp_path / "tiny.yaml"
    path.write_text("schema: 2\nfacts: [" + ", ".join(["1"] * 200) + "]\n", encoding="utf-8")
    assert load_problems(path) == [f"{path}:2: holds more than 100 YAML values; split it into smaller files"]


def test_problems_past_a_thousand_are_counted_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from indoruss.loading import loader

    monkeypatch.setattr(loader, "MAX_PROBLEMS", 5)
    path = tmp_path / "bad.yaml"
    path.write_text(PRELUDE + "facts: [" + ", ".join(["1"] * 20) + "]\n", encoding="utf-8")
    found = load_problems(path)
    assert len(found) == 6
    assert found[:5] == [
        f"{path}:22:{col}: facts[{i}]: must be a mapping" for i, col in zip(range(5), range(9, 24, 3), strict=True)
    ]
    assert found[5] == f"{path}: 15 more problems not listed (only the first 5 are kept)"


# -- exact records: every field of every kind, as written ----------------------------------------------------

EVERY_KIND = """\
schema: 2
sources:
  - id: report
    title: A preview of the visit
    publisher: null
    published: "2025-12-03"
    kind: analysis
    document: report.txt
    language: en
  - id: wire
    title: What the summit signed
    publisher: A Wire
    published: "2025-12-06"
    kind: wire
    url: https://wire.example.org/summit?day=6
    language: ru
    note: Read in translation.
    via: Another Agency
topics:
  - id: trade
    title: Trade
    description: Trade between India and Russia.
    aliases: [Commerce, Bilateral trade]
  - id: defence
    title: Defence
    description: Arms and the armed forces.
    aliases: []
entities:
  - id: india
    name: India
    category: country
    description: A country in South Asia.
    topics: [trade]
    aliases: [Bharat, Hindustan]
    source: {id: report, paragraph: 1}
  - id: putin
    name: Vladimir Putin
    category: person
    description: President of Russia.
    source: {id: wire}
facts:
  - id: deal-expected
    statement: A trade deal is expected.
    status: expected
    attribution: putin
    topics: [trade, defence]
    entities: [india]
    date: "2025-12"
    date_label: December 2025
    source:
      - {id: report, paragraph: 2}
      - {id: report, paragraph: 6}
  - id: deal-signed
    statement: A trade deal was signed.
    status: confirmed
    attribution: officials
    qualifies: [deal-expected]
    topics: [trade]
    source: {id: wire}
figures:
  - id: trade-target
    value: 1.5e+11
    unit: USD
    display: "$150 billion"
    qualifier: target
    measures: Annual bilateral trade
    period: by 2030
    status: likely
    date: "2030"
    topics: [trade]
    source: {id: report, paragraph: 3}
quotes:
  - id: putin-quote
    text: "We trade."
    speaker: putin
    context: at the summit
    fragment: false
    topics: [trade]
    entities: [india, putin]
    source: {id: report, paragraph: 4}
  - id: officials-quote
    text: significant outcomes
    speaker: {name: officials, description: Indian officials}
    context: told PTI
    fragment: true
    topics: [trade]
    source: {id: report, paragraph: 5}
events:
  - id: the-visit
    title: The visit
    date: "2025-12-04/2025-12-05"
    status: confirmed
    topics: [defence]
    entities: [putin, india]
    source: {id: report, paragraph: 2}
outcomes:
  - id: deal-outcome
    expectation: deal-expected
    verdict: happened
    as_of: "2025-12-07"
    summary: It was signed.
    evidence: [deal-signed]
conflicts:
  - id: deal-conflict
    question: Was the deal signed?
    claims: [deal-expected, deal-signed]
    topics: [trade]
    note: The sources differ.
"""


def line(text: str, needle: str, nth: int = 1) -> int:
    """The line of the nth line of `text` that contains `needle`."""
    found = [number for number, content in enumerate(text.splitlines(), 1) if needle in content]
    return found[nth - 1]


def test_every_field_of_every_kind_is_read_as_written(tmp_path: Path) -> None:
    from indoruss.model import records as m

    path = tmp_path / "every.yaml"
    path.write_text(EVERY_KIND, encoding="utf-8")
    fb = load_factbase(path)
    f = str(path)

    def at(needle: str, nth: int = 1) -> m.Origin:
        return m.Origin(f, line(EVERY_KIND, f"- id: {needle}", nth))

    expected = [
        m.Source(
            id="report",
            title="A preview of the visit",
            publisher=None,
            published="2025-12-03",
            source_kind="analysis",
            note=None,
            url=None,
            document="report.txt",
            language="en",
            via=None,
            origin=at("report"),
        ),
        m.Source(
            id="wire",
            title="What the summit signed",
            publisher="A Wire",
            published="2025-12-06",
            source_kind="wire",
            note="Read in translation.",
            url="https://wire.example.org/summit?day=6",
            document=None,
            language="ru",
            via="Another Agency",
            origin=at("wire"),
        ),
        m.Topic(
            id="trade",
            title="Trade",
            description="Trade between India and Russia.",
            aliases=("Commerce", "Bilateral trade"),
            origin=at("trade"),
        ),
        m.Topic(
            id="defence", title="Defence", description="Arms and the armed forces.", aliases=(), origin=at("defence")
        ),
        m.Entity(
            id="india",
            name="India",
            category="country",
            description="A country in South Asia.",
            aliases=("Bharat", "Hindustan"),
            topics=("trade",),
            source=m.SourceRef("report", 1),
            origin=at("india"),
        ),
        m.Entity(
            id="putin",
            name="Vladimir Putin",
            category="person",
            description="President of Russia.",
            aliases=(),
            topics=(),
            source=m.SourceRef("wire", None),
            origin=at("putin"),
        ),
        m.Fact(
            id="deal-expected",
            statement="A trade deal is expected.",
            status="expected",
            topics=("trade", "defence"),
            entities=("india",),
            date=m.DateSpec("2025-12", "month", "2025-12", None, "December 2025"),
            sources=(m.SourceRef("report", 2), m.SourceRef("report", 6)),
            attribution=m.Attribution("putin", "Vladimir Putin"),
            qualifies=(),
            origin=at("deal-expected"),
        ),
        m.Fact(
            id="deal-signed",
            statement="A trade deal was signed.",
            status="confirmed",
            topics=("trade",),
            entities=(),
            date=None,
            sources=(m.SourceRef("wire", None),),
            attribution=m.Attribution(None, "unnamed officials"),
            qualifies=("deal-expected",),
            origin=at("deal-signed"),
        ),
        m.Figure(
            id="trade-target",
            value=150000000000.0,
            unit="USD",
            display="$150 billion",
            qualifier="target",
            measures="Annual bilateral trade",
            period="by 2030",
            status="likely",
            topics=("trade",),
            entities=(),
            date=m.DateSpec("2030", "year", "2030", None, None),
            sources=(m.SourceRef("report", 3),),
            attribution=None,
            origin=at("trade-target"),
        ),
        m.Quote(
            id="putin-quote",
            text="We trade.",
            speaker=m.Speaker("putin", "Vladimir Putin", "President of Russia."),
            context="at the summit",
            fragment=False,
            about=("india", "putin"),
            topics=("trade",),
            entities=("putin", "india"),
            sources=(m.SourceRef("report", 4),),
            origin=at("putin-quote"),
        ),
        m.Quote(
            id="officials-quote",
            text="significant outcomes",
            speaker=m.Speaker(None, "officials", "Indian officials"),
            context="told PTI",
            fragment=True,
            about=(),
            topics=("trade",),
            entities=(),
            sources=(m.SourceRef("report", 5),),
            origin=at("officials-quote"),
        ),
        m.Event(
            id="the-visit",
            title="The visit",
            status="confirmed",
            date=m.DateSpec("2025-12-04/2025-12-05", "day", "2025-12-04", "2025-12-05", None),
            topics=("defence",),
            entities=("putin", "india"),
            sources=(m.SourceRef("report", 2),),
            origin=at("the-visit"),
        ),
        m.Outcome(
            id="deal-outcome",
            expectation="deal-expected",
            verdict="happened",
            as_of=m.DateSpec("2025-12-07", "day", "2025-12-07", None, None),
            summary="It was signed.",
            evidence=("deal-signed",),
            topics=("trade", "defence"),
            entities=("india",),
            origin=at("deal-outcome"),
        ),
        m.Conflict(
            id="deal-conflict",
            question="Was the deal signed?",
            claims=("deal-expected", "deal-signed"),
            topics=("trade",),
            note="The sources differ.",
            origin=at("deal-conflict"),
        ),
    ]
    assert list(fb.records()) == expected
    # The fingerprint: the first 12 hex digits of SHA-256 over the shown name and the text, each ended by NUL.
    assert fb.fingerprint == hashlib.sha256(f"{path}\0{EVERY_KIND}\0".encode()).hexdigest()[:12]


def test_a_folder_of_files_is_one_fact_base_in_file_order(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    (folder / "more").mkdir(parents=True)
    (folder / "a.yaml").write_text(PRELUDE, encoding="utf-8")
    second = "schema: 2\ntopics:\n  - id: defence\n    title: Defence\n    description: Arms.\n"
    (folder / "more" / "b.yaml").write_text(second, encoding="utf-8")
    fb = load_factbase(folder)
    assert [(r.id, r.origin) for r in fb.records()] == [
        ("report", ("data/a.yaml", 3)),
        ("trade", ("data/a.yaml", 11)),
        ("defence", ("data/more/b.yaml", 3)),
        ("india", ("data/a.yaml", 15)),
    ]
    digest = hashlib.sha256(f"data/a.yaml\0{PRELUDE}\0data/more/b.yaml\0{second}\0".encode()).hexdigest()[:12]
    assert fb.fingerprint == digest


# -- exact problems, each with file, line, column and field ---------------------------------------------------


def problems_of(tmp_path: Path, text: str, name: str = "case.yaml") -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [p.replace(str(path), "{file}") for p in load_problems(path)]


FACT = """\
facts:
  - id: a-fact
    statement: Something happened.
    status: confirmed
    topics: [trade]
    source: {id: report, paragraph: 1}
"""
# PRELUDE is 21 lines: a record appended after it starts at line 23 (its section at 22).


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        # a figure without its value, a source reference without its paragraph: each named, none dropped silently
        (
            "figures:\n  - id: f\n    unit: USD\n    display: $1\n    qualifier: exact\n    measures: m\n"
            "    status: confirmed\n    topics: [trade]\n    source: {id: report, paragraph: 1}\n",
            ["{file}:23:5: figures[0].value: required field is missing"],
        ),
        (
            FACT.replace("{id: report, paragraph: 1}", "{id: report}"),
            ["{file}:27: facts[0].source.paragraph: source 'report' is a document: give the paragraph"],
        ),
        (
            FACT.replace("paragraph: 1", "paragraph: true"),
            ["{file}:27:37: facts[0].source.paragraph: expected a whole number of at least 1, got the boolean true"],
        ),
        (FACT.replace("paragraph: 1", "paragraph: 1, page: 2"), ["{file}:27:40: facts[0].source.page: unknown field"]),
        (
            FACT.replace("{id: report, paragraph: 1}", "[]"),
            ["{file}:27:13: facts[0].source: must be a mapping {id: SOURCE_ID} or a list of them"],
        ),
        (
            FACT.replace("{id: report, paragraph: 1}", "report"),
            ["{file}:27:13: facts[0].source: must be a mapping {id: SOURCE_ID} or a list of them"],
        ),
        (
            FACT.replace("{id: report, paragraph: 1}", "[{id: report, paragraph: 1}, report]"),
            ["{file}:27:42: facts[0].source: each source must be a mapping {id: SOURCE_ID}"],
        ),
        (
            FACT.replace("{id: report, paragraph: 1}", "[{id: report, paragraph: 1}, {id: report, paragraph: 0}]"),
            ["{file}:27:66: facts[0].source[1].paragraph: expected a whole number of at least 1, got the number 0"],
        ),
        (
            FACT.replace("{id: report, paragraph: 1}", "{paragraph: 1}"),
            ["{file}:27:13: facts[0].source.id: required field is missing"],
        ),
        (
            FACT.replace("    status: confirmed\n", "    status: confirmed\n    attribution: nobody-known\n"),
            ["{file}:26: facts[0].attribution: unknown entity id 'nobody-known'"],
        ),
        (
            FACT.replace("    status: confirmed\n", "    status: confirmed\n    attribution: ' '\n"),
            ["{file}:26:18: facts[0].attribution: must not be blank"],
        ),
        (
            FACT.replace("    status: confirmed\n", "    status: confirmed\n    qualifies: [nothing]\n"),
            ["{file}:26:17: facts[0].qualifies: unknown claim id 'nothing'"],
        ),
        (FACT.replace("[trade]", "trade"), ["{file}:26:13: facts[0].topics: expected a list, got text 'trade'"]),
        (
            FACT.replace("[trade]", "[trade, [x]]"),
            ["{file}:26:21: facts[0].topics: expected text in the list, got a list"],
        ),
        (
            FACT.replace("[trade]", "[trade, ~]"),
            ["{file}:26:21: facts[0].topics: expected text, got nothing; put it in quotes"],
        ),
        (
            FACT.replace("Something happened.", "{a: 1}"),
            ["{file}:24:16: facts[0].statement: expected a single value, got a mapping"],
        ),
        (FACT.replace("Something happened.", "' '"), ["{file}:24:16: facts[0].statement: must not be blank"]),
        (FACT.replace("Something happened.", "~"), ["{file}:24:16: facts[0].statement: must not be empty"]),
        (FACT.replace("    status: confirmed\n", "    status: confirmed\n    entities: []\n"), []),
        (
            FACT + "    date: 2025-12-04/2025\n",
            ["{file}:28:11: facts[0].date: '2025-12-04/2025': a range needs two dates of the same precision, in order"],
        ),
        (FACT + '    date: "2025/2026"\n', []),
        (FACT + '    date: "2025-02-29"\n', ["{file}:28:11: facts[0].date: '2025-02-29' is not a real date"]),
        (
            FACT + '    date: "2025-12-04/2025-13-01"\n',
            ["{file}:28:11: facts[0].date: '2025-12-04/2025-13-01' is not a real date"],
        ),
        # one bad record does not stop the reading of the next
        (
            "facts:\n  - 1\n" + FACT.replace("facts:\n", "").replace("a-fact", "b-fact") + "  - [x]\n",
            ["{file}:23:5: facts[0]: must be a mapping", "{file}:29:5: facts[2]: must be a mapping"],
        ),
        # a bad section does not stop the reading of the next
        (
            "opinions: []\n" + FACT.replace("[trade]", "[tourism]"),
            [
                "{file}:22:1: opinions: unknown section (allowed: schema, sources, topics, entities, facts, figures,"
                " quotes, events, outcomes, conflicts)",
                "{file}:27:14: facts[0].topics: unknown topic id 'tourism'",
            ],
        ),
        (
            "figures: 1\n" + FACT.replace("[trade]", "[tourism]"),
            [
                "{file}:22:10: figures: must be a list of records",
                "{file}:27:14: facts[0].topics: unknown topic id 'tourism'",
            ],
        ),
    ],
)
def test_a_broken_claim_gives_exactly_these_problems(tmp_path: Path, extra: str, expected: list[str]) -> None:
    if expected:
        assert problems_of(tmp_path, PRELUDE + extra) == expected
    else:
        path = tmp_path / "case.yaml"
        path.write_text(PRELUDE + extra, encoding="utf-8")
        assert [r.id for r in load_factbase(path).claims()] == ["a-fact"]


QUOTE = """\
quotes:
  - id: a-quote
    text: Words.
    speaker: india
    context: somewhere
    fragment: false
    topics: [trade]
    source: {id: report, paragraph: 1}
"""
WEB = """\
  - id: web
    title: A web page
    publisher: A Paper
    published: "2025-12-05"
    kind: wire
    url: https://paper.example.org/a
    language: en
"""
OUTCOMES = """\
facts:
  - id: plan
    statement: A plan.
    status: proposed
    topics: [trade]
    source: {id: report, paragraph: 1}
  - id: done
    statement: Done.
    status: confirmed
    topics: [trade]
    source: {id: web}
outcomes:
  - id: plan-outcome
    expectation: plan
    verdict: happened
    as_of: "2025-12-06"
    summary: It happened.
    evidence: [done]
"""


def with_web(text: str) -> str:
    return PRELUDE.replace("topics:\n", WEB + "topics:\n", 1) + text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            PRELUDE.replace("document: report.txt", "document: report.txt\n    url: https://a.example.org/x"),
            [
                "{file}:9:10: sources[0].url: give either url (a web page) or document (a text file), not both",
                "{file}:22: entities[0].source.paragraph: source 'report' is a web page, which has no numbered paragraphs",
            ],
        ),
        (
            PRELUDE.replace("    document: report.txt\n", ""),
            [
                "{file}:3:5: sources[0].url: required field is missing (a web source needs its url; a text file, document)"
            ],
        ),
        (
            PRELUDE.replace("document: report.txt", "url: ftp://a.example.org/x"),
            ["{file}:8:10: sources[0].url: 'ftp://a.example.org/x' is not an absolute http(s) URL"],
        ),
        (
            PRELUDE.replace("document: report.txt", "url: https://localhost/x"),
            ["{file}:8:10: sources[0].url: 'https://localhost/x' is not an absolute http(s) URL"],
        ),
        (
            PRELUDE.replace("language: en", "language: english"),
            ["{file}:9:15: sources[0].language: 'english' is not a language code such as en, ru or hi"],
        ),
        (
            PRELUDE.replace('"2025-12-04"', '"2025-02-30"'),
            ["{file}:6:16: sources[0].published: '2025-02-30' is not a date of the form YYYY-MM-DD"],
        ),
        (
            PRELUDE.replace("aliases: [Bharat]", "aliases: [" + ", ".join(f"a{n}" for n in range(61)) + "]"),
            ["{file}:19:14: entities[0].aliases: has 61 aliases; at most 60 are allowed"],
        ),
        (
            PRELUDE.replace("source: {id: report, paragraph: 1}", "source: report"),
            ["{file}:21:13: entities[0].source: must be a mapping {id: SOURCE_ID} (with paragraph: N for a document)"],
        ),
        (
            PRELUDE.replace("    source: {id: report, paragraph: 1}\n", ""),
            ["{file}:15:5: entities[0].source: required field is missing"],
        ),
        (
            with_web(
                "facts:\n  - id: f\n    statement: S.\n    status: confirmed\n    topics: [trade]\n"
                "    source: {id: web, paragraph: 2}\n"
            ),
            ["{file}:34: facts[0].source.paragraph: source 'web' is a web page, which has no numbered paragraphs"],
        ),
        (
            QUOTE.join([PRELUDE, ""]).replace("speaker: india", "speaker: 7"),
            ["{file}:25:14: quotes[0].speaker: must be an entity id or a mapping {name: ..., description: ...}"],
        ),
        (
            QUOTE.join([PRELUDE, ""]).replace("speaker: india", "speaker: 2025-12-04"),
            ["{file}:25:14: quotes[0].speaker: must be an entity id or a mapping {name: ..., description: ...}"],
        ),
        (
            QUOTE.join([PRELUDE, ""]).replace("speaker: india", "speaker: {description: someone}"),
            ["{file}:25:14: quotes[0].speaker.name: required field is missing"],
        ),
        (
            QUOTE.join([PRELUDE, ""]).replace("speaker: india", "speaker: {name: X, title: Y}"),
            ["{file}:25:24: quotes[0].speaker.title: unknown field"],
        ),
        (
            QUOTE.join([PRELUDE, ""]).replace("fragment: false", "fragment: 1"),
            ["{file}:27:15: quotes[0].fragment: expected true or false, got the number 1"],
        ),
        (
            PRELUDE + "figures:\n  - id: f\n    value: yes\n    unit: USD\n    display: $1\n    qualifier: exact\n"
            "    measures: m\n    status: confirmed\n    topics: [trade]\n    source: {id: report, paragraph: 1}\n",
            ["{file}:24:12: figures[0].value: expected a number, got the boolean yes"],
        ),
        (
            PRELUDE + "events:\n  - id: e\n    title: E\n    date: '2025'\n    status: confirmed\n    topics: [trade]\n"
            "    source: {id: report, paragraph: 1}\n",
            [],
        ),
        (
            PRELUDE + "conflicts:\n  - id: c\n    question: Q?\n    claims: [x]\n    topics: [trade]\n",
            [
                "{file}:25:13: conflicts[0].claims: a conflict needs at least two claims",
                "{file}:25:14: conflicts[0].claims: unknown claim id 'x'",
            ],
        ),
        (
            PRELUDE
            + FACT
            + FACT.replace("facts:\n", "").replace("a-fact", "b-fact")
            + "conflicts:\n  - id: c\n    question: Q?\n    claims: [a-fact, b-fact]\n    topics: [trade]\n",
            ["{file}:34: c.claims: the claims of a conflict must come from at least two sources"],
        ),
        (with_web(OUTCOMES), []),
        (
            with_web(OUTCOMES).replace('as_of: "2025-12-06"', 'as_of: "2025-12"'),
            ["{file}:44:12: outcomes[0].as_of: '2025-12' is not a day of the form YYYY-MM-DD"],
        ),
        (
            with_web(OUTCOMES).replace('as_of: "2025-12-06"', 'as_of: "2025-12-04"'),
            ["{file}:41: plan-outcome.as_of: is before evidence 'done', published 2025-12-05"],
        ),
        (
            with_web(OUTCOMES).replace("[done]", "[]"),
            ["{file}:46:15: outcomes[0].evidence: a verdict of 'happened' needs at least one record as evidence"],
        ),
        (with_web(OUTCOMES).replace("[done]", "[]").replace("happened", "not-reported"), []),
        (
            with_web(OUTCOMES) + OUTCOMES.split("outcomes:\n")[1].replace("plan-outcome", "again"),
            ["{file}:47: again.expectation: 'plan' already has an outcome: plan-outcome"],
        ),
        (
            with_web(OUTCOMES).replace("status: proposed", "status: confirmed"),
            [
                "{file}:41: plan-outcome.expectation: 'plan' is confirmed, not an expectation"
                " (expected, likely, possible, proposed)"
            ],
        ),
        (
            with_web(OUTCOMES).replace("expectation: plan", "expectation: trade"),
            ["{file}:42: outcomes[0].expectation: 'trade' is a topic, not a claim"],
        ),
        # A record already refused is not reported again where it is referred to ...
        (
            with_web(OUTCOMES).replace("status: proposed", "status: hoped"),
            [
                "{file}:32:13: facts[0].status: unknown value 'hoped' (allowed: confirmed, expected, likely, possible,"
                " proposed)"
            ],
        ),
        (
            PRELUDE.replace("topics: [trade]", "topics: [report]"),
            ["{file}:20:14: entities[0].topics: 'report' is a source, not a topic"],
        ),
        (
            PRELUDE.replace("schema: 2", "schema: true"),
            ["{file}:1:9: schema: unsupported schema version true (this indoruss reads 2)"],
        ),
        (
            PRELUDE.replace("schema: 2", "schema: [2]"),
            ["{file}:1:9: schema: unsupported schema version a structure (this indoruss reads 2)"],
        ),
    ],
)
def test_a_broken_record_gives_exactly_these_problems(tmp_path: Path, text: str, expected: list[str]) -> None:
    if expected:
        assert problems_of(tmp_path, text) == expected
    else:
        path = tmp_path / "case.yaml"
        path.write_text(text, encoding="utf-8")
        load_factbase(path)


def test_a_record_refused_for_another_reason_still_reports_a_reference_of_the_wrong_kind(tmp_path: Path) -> None:
    text = (
        PRELUDE
        + FACT.replace("status: confirmed", "status: hoped")
        + FACT.replace("facts:\n", "").replace("a-fact", "b-fact").replace("[trade]", "[a-fact]")
    )
    assert problems_of(tmp_path, text) == [
        "{file}:25:13: facts[0].status: unknown value 'hoped' (allowed: confirmed, expected, likely, possible,"
        " proposed)",
        "{file}:31:14: facts[1].topics: unknown topic id 'a-fact'",
    ]


def test_problems_of_several_files_come_in_file_then_line_order(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "b.yaml").write_text("schema: 2\nfacts: [1]\ntopics: [2]\n", encoding="utf-8")
    (folder / "a.yaml").write_text(PRELUDE + "facts: [1, 2]\n", encoding="utf-8")
    (folder / "0.yaml").write_text("", encoding="utf-8")  # a file that cannot be read does not end the reading
    assert load_problems(folder) == [
        "data/0.yaml: file is empty",
        "data/a.yaml:22:9: facts[0]: must be a mapping",
        "data/a.yaml:22:12: facts[1]: must be a mapping",
        "data/b.yaml:2:9: facts[0]: must be a mapping",
        "data/b.yaml:3:10: topics[0]: must be a mapping",
    ]


# -- every required field: missing, it is named, and the record is refused (not built half-empty) -------------

CLAIMS_BASE = with_web(OUTCOMES.split("outcomes:\n")[0])
# section -> (the base it goes into, one valid record as its fields in order)
VALID_RECORDS: dict[str, tuple[str, list[str]]] = {
    "sources": (
        PRELUDE,
        [
            "id: report",
            "title: T",
            'published: "2025-12-04"',
            "kind: wire",
            "document: report.txt",
            "language: en",
        ],
    ),
    "topics": (PRELUDE, ["id: trade", "title: Trade", "description: D."]),
    "entities": (
        PRELUDE,
        ["id: india", "name: India", "category: country", "description: D.", "source: {id: report, paragraph: 1}"],
    ),
    "facts": (
        CLAIMS_BASE,
        ["id: plan", "statement: S.", "status: confirmed", "topics: [trade]", "source: {id: report, paragraph: 1}"],
    ),
    "figures": (
        CLAIMS_BASE,
        [
            "id: x",
            "value: 5",
            "unit: USD",
            "display: $5",
            "qualifier: exact",
            "measures: M",
            "status: confirmed",
            "topics: [trade]",
            "source: {id: report, paragraph: 1}",
        ],
    ),
    "quotes": (
        CLAIMS_BASE,
        [
            "id: x",
            "text: Words.",
            "speaker: india",
            "context: C",
            "fragment: false",
            "topics: [trade]",
            "source: {id: report, paragraph: 1}",
        ],
    ),
    "events": (
        CLAIMS_BASE,
        ["id: x", "title: E", 'date: "2025"', "status: confirmed", "topics: [trade]", "source: {id: web}"],
    ),
    "outcomes": (
        CLAIMS_BASE,
        ["id: x", "expectation: plan", "verdict: happened", 'as_of: "2025-12-06"', "summary: S.", "evidence: [done]"],
    ),
    "conflicts": (CLAIMS_BASE, ["id: x", "question: Q?", "claims: [plan, done]", "topics: [trade]"]),
}


def render(fields: list[str]) -> str:
    return "".join(("  - " if i == 0 else "    ") + field + "\n" for i, field in enumerate(fields))


REQUIRED = [
    (section, field.partition(":")[0])
    for section, (_, fields) in VALID_RECORDS.items()
    for field in fields
    if not field.startswith("document:")
]


@pytest.mark.parametrize(("section", "field"), REQUIRED)
def test_a_missing_required_field_is_named_and_its_record_refused(tmp_path: Path, section: str, field: str) -> None:
    base, fields = VALID_RECORDS[section]
    broken = render([f for f in fields if not f.startswith(f"{field}:")])
    if f"\n{section}:\n" in base:
        text = base.replace(f"\n{section}:\n", f"\n{section}:\n{broken}", 1)
        first = line(text, f"\n{section}:\n".strip()) + 1
    else:
        text = f"{base}{section}:\n{broken}{render(fields)}"
        first = line(text, f"{section}:") + 1
    expected = [f"{{file}}:{first}:5: {section}[0].{field}: required field is missing"]
    if field == "topics" and section not in ("sources", "topics", "entities"):
        # A claim or conflict without topics is reported and still built, so its id is taken.
        second = first + len(VALID_RECORDS[section][1]) - 1
        expected.append(
            f"{{file}}:{second}: {section}[1].id: duplicate id '{fields[0][4:]}' (first defined at {{file}}:{first})"
        )
    if field == "evidence":
        expected.append(
            f"{{file}}:{first}:5: {section}[0].evidence: a verdict of 'happened' needs at least one record as evidence"
        )
    # Otherwise the valid record after it has the same id and no "duplicate id": the broken one was never built.
    assert problems_of(tmp_path, text) == expected
    valid = tmp_path / "valid.yaml"
    valid.write_text(text.replace(broken, "", 1), encoding="utf-8")
    load_factbase(valid)


REFUSED_AS = FACT.replace("facts:\n", "")  # a second, valid record with the same id


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("    status: confirmed\n", "    status: confirmed\n    attribution: ' '\n"),
            "{file}:26:18: facts[0].attribution: must not be blank",
        ),
        (
            ("paragraph: 1", "paragraph: 0"),
            "{file}:27:37: facts[0].source.paragraph: expected a whole number of at least 1, got the number 0",
        ),
        (
            ("{id: report, paragraph: 1}", "[{id: report, paragraph: 1}, 7]"),
            "{file}:27:42: facts[0].source: each source must be a mapping {id: SOURCE_ID}",
        ),
        (
            ("{id: report, paragraph: 1}", "{id: ' ', paragraph: 1}"),
            "{file}:27:18: facts[0].source.id: must not be blank",
        ),
        (
            ("{id: report, paragraph: 1}", "{id: report, paragraph: 1}\n    date: ' '"),
            "{file}:28:11: facts[0].date: must not be blank",
        ),
        (
            ("{id: report, paragraph: 1}", "{id: report, paragraph: 1}\n    date: '2025-13-01'"),
            "{file}:28:11: facts[0].date: '2025-13-01' is not a real date",
        ),
        (("status: confirmed", "status: ' '"), "{file}:25:13: facts[0].status: must not be blank"),
        (
            ("status: confirmed", "status: hoped"),
            "{file}:25:13: facts[0].status: unknown value 'hoped' (allowed: confirmed, expected, likely, possible,"
            " proposed)",
        ),
        (
            ("Something happened.", '"Some\\ething"'),
            "{file}:24:16: facts[0].statement: control or bidirectional character U+001B is not allowed in text",
        ),
        (
            ("Something happened.", "42"),
            "{file}:24:16: facts[0].statement: expected text, got the number 42; put it in quotes",
        ),
        (
            ("id: a-fact", "id: A-fact"),
            "{file}:23:9: facts[0].id: 'A-fact' is not a valid id (lowercase letters, digits and '-')",
        ),
    ],
)
def test_a_claim_with_an_unusable_field_is_refused(tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    broken = FACT.replace(*change)
    # Refused, it takes no id: the valid record after it with the same id is no duplicate.
    assert problems_of(tmp_path, PRELUDE + broken + REFUSED_AS) == [expected]


WEB_PRELUDE = PRELUDE.replace("document: report.txt", "url: https://a.example.org/x")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("language: en", "language: x"),
            "{file}:9:15: sources[0].language: 'x' is not a language code such as en, ru or hi",
        ),
        (('"2025-12-04"', '"2025"'), "{file}:6:16: sources[0].published: '2025' is not a date of the form YYYY-MM-DD"),
        (
            ("url: https://a.example.org/x", "url: a.example.org/x"),
            "{file}:8:10: sources[0].url: 'a.example.org/x' is not an absolute http(s) URL",
        ),
        (
            ("kind: news-report", "kind: blog"),
            "{file}:7:11: sources[0].kind: unknown value 'blog' (allowed: official-text, wire, news-report, interview,"
            " analysis, aggregator, dataset)",
        ),
        (("    title: A report on the visit\n", ""), "{file}:3:5: sources[0].title: required field is missing"),
        (
            ("id: report", "id: Report"),
            "{file}:3:9: sources[0].id: 'Report' is not a valid id (lowercase letters, digits and '-')",
        ),
    ],
)
def test_a_refused_source_is_not_checked_against_what_cites_it(
    tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    # A web page cited by paragraph: were the source built anyway, that would be reported too.
    text = WEB_PRELUDE.replace(*change)
    if "Report" in change[1]:
        text = text.replace("{id: report, paragraph: 1}", "{id: Report, paragraph: 1}")
    problems = problems_of(tmp_path, text)
    assert problems[0] == expected
    assert problems[1:] == (
        ["{file}:21: entities[0].source.id: unknown source id 'Report'"] if "Report" in change[1] else []
    )


def test_a_web_source_cited_by_paragraph_is_reported(tmp_path: Path) -> None:
    assert problems_of(tmp_path, WEB_PRELUDE) == [
        "{file}:21: entities[0].source.paragraph: source 'report' is a web page, which has no numbered paragraphs"
    ]


def test_claims_citing_unknown_sources_are_not_also_dated_against_them(tmp_path: Path) -> None:
    text = with_web(OUTCOMES).replace("{id: report, paragraph: 1}\n  - id: done", "{id: nowhere}\n  - id: done")
    text = text.replace("source: {id: web}\noutcomes", "source: {id: elsewhere}\noutcomes")
    assert problems_of(tmp_path, text) == [
        "{file}:34: facts[0].source.id: unknown source id 'nowhere'",
        "{file}:39: facts[1].source.id: unknown source id 'elsewhere'",
    ]


def test_the_count_of_problems_not_kept_names_the_file_of_the_last_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from indoruss.loading import loader

    monkeypatch.setattr(loader, "MAX_PROBLEMS", 3)
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "a.yaml").write_text("schema: 2\nfacts: [1, 2]\n", encoding="utf-8")
    (folder / "b.yaml").write_text("schema: 2\nfacts: [1, 2, 3, 4]\n", encoding="utf-8")
    assert load_problems(folder) == [
        "data/a.yaml:2:9: facts[0]: must be a mapping",
        "data/a.yaml:2:12: facts[1]: must be a mapping",
        "data/b.yaml:2:9: facts[0]: must be a mapping",
        "data/b.yaml: 3 more problems not listed (only the first 3 are kept)",
    ]


def test_paragraphs_are_checked_past_a_reference_to_an_unknown_source(tmp_path: Path) -> None:
    text = (
        PRELUDE
        + FACT.replace("{id: report, paragraph: 1}", "{id: nowhere, paragraph: 1}")
        + REFUSED_AS.replace("a-fact", "b-fact").replace("{id: report, paragraph: 1}", "{id: report}")
    )
    assert problems_of(tmp_path, text) == [
        "{file}:27: facts[0].source.id: unknown source id 'nowhere'",
        "{file}:32: facts[1].source.paragraph: source 'report' is a document: give the paragraph",
    ]


def test_a_conflict_with_an_unknown_claim_is_not_also_judged_on_its_sources(tmp_path: Path) -> None:
    text = (
        PRELUDE + FACT + "conflicts:\n  - id: c\n    question: Q?\n    claims: [a-fact, nothing]\n    topics: [trade]\n"
    )
    assert problems_of(tmp_path, text) == ["{file}:31:22: conflicts[0].claims: unknown claim id 'nothing'"]


def test_every_outcome_is_checked_past_a_bad_one(tmp_path: Path) -> None:
    outcome = OUTCOMES.split("outcomes:\n")[1]
    text = with_web(OUTCOMES.replace("facts:\n", "facts:\n" + REFUSED_AS.replace("a-fact", "said")))
    first = outcome.replace("plan-outcome", "o1").replace("plan", "nothing")
    text = text.replace("outcomes:\n", "outcomes:\n" + first).replace("[done]\n", "[nothing, done]\n")
    text = text.replace(
        'as_of: "2025-12-06"\n    summary: It happened.\n    evidence: [nothing',
        'as_of: "2025-12-04"\n    summary: It happened.\n    evidence: [nothing',
    )
    text += outcome.replace("plan-outcome", "o2").replace("expectation: plan", "expectation: said")
    text += outcome.replace("plan-outcome", "o3")
    assert problems_of(tmp_path, text) == [
        "{file}:47: outcomes[0].expectation: unknown claim id 'nothing'",
        "{file}:51:16: outcomes[0].evidence: unknown claim id 'nothing'",
        "{file}:52: plan-outcome.as_of: is before evidence 'done', published 2025-12-05",
        "{file}:57:16: outcomes[1].evidence: unknown claim id 'nothing'",
        "{file}:58: o2.expectation: 'said' is confirmed, not an expectation (expected, likely, possible, proposed)",
        "{file}:64: o3.expectation: 'plan' already has an outcome: plan-outcome",
    ]


def test_records_with_invalid_ids_are_each_refused(tmp_path: Path) -> None:
    text = PRELUDE + FACT.replace("a-fact", "A-fact") + REFUSED_AS.replace("a-fact", "B_fact")
    assert problems_of(tmp_path, text) == [
        "{file}:23:9: facts[0].id: 'A-fact' is not a valid id (lowercase letters, digits and '-')",
        "{file}:28:9: facts[1].id: 'B_fact' is not a valid id (lowercase letters, digits and '-')",
    ]


def test_an_unnamed_speaker_needs_no_description(tmp_path: Path) -> None:
    from indoruss.model import records as m

    path = tmp_path / "quote.yaml"
    path.write_text(PRELUDE + QUOTE.replace("speaker: india", "speaker: {name: Officials}"), encoding="utf-8")
    (quote,) = load_factbase(path).of(m.Quote)
    assert (quote.speaker, quote.entities, quote.about) == (m.Speaker(None, "Officials", None), (), ())


def test_problems_on_one_line_come_in_column_order(tmp_path: Path) -> None:
    record = "  - {topics: [nothing], id: a-fact, statement: S., status: hoped, source: {id: report, paragraph: 1}}\n"
    assert problems_of(tmp_path, PRELUDE + "facts:\n" + record) == [
        "{file}:23:15: facts[0].topics: unknown topic id 'nothing'",
        "{file}:23:60: facts[0].status: unknown value 'hoped' (allowed: confirmed, expected, likely, possible,"
        " proposed)",
    ]


def test_a_duplicate_id_names_the_lines_of_both_ids(tmp_path: Path) -> None:
    moved = "  - statement: S.\n    id: a-fact\n    status: confirmed\n    topics: [trade]\n    source: {id: report}\n"
    moved = moved.replace("{id: report}", "{id: report, paragraph: 1}")
    assert problems_of(tmp_path, PRELUDE + "facts:\n" + moved + moved) == [
        "{file}:29: facts[1].id: duplicate id 'a-fact' (first defined at {file}:24)"
    ]


def test_every_item_of_a_list_is_checked(tmp_path: Path) -> None:
    assert problems_of(tmp_path, PRELUDE + FACT.replace("[trade]", "[[x], tourism, ~, trade]")) == [
        "{file}:26:14: facts[0].topics: expected text in the list, got a list",
        "{file}:26:19: facts[0].topics: unknown topic id 'tourism'",
        "{file}:26:28: facts[0].topics: expected text, got nothing; put it in quotes",
    ]


def test_an_as_of_that_is_no_date_is_named(tmp_path: Path) -> None:
    text = with_web(OUTCOMES).replace('as_of: "2025-12-06"', "as_of: next week")
    assert problems_of(tmp_path, text) == [
        "{file}:44:12: outcomes[0].as_of: 'next week' is not a date of the form YYYY, YYYY-MM, YYYY-MM-DD or START/END"
    ]


def test_a_range_of_two_precisions_is_refused_even_in_order(tmp_path: Path) -> None:
    assert problems_of(tmp_path, PRELUDE + FACT + '    date: "2025/2025-12"\n') == [
        "{file}:28:11: facts[0].date: '2025/2025-12': a range needs two dates of the same precision, in order"
    ]
