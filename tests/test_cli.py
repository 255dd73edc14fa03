"""The commands as a user runs them: exit codes, exact messages, the records returned."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import Outcome
from indoruss.loading.paths import bundled_data_dir
from test_completeness import TOPIC_IDS

Run = Callable[..., Outcome]


def first_ids(out: Outcome, n: int = 1) -> list[str]:
    return [line.split("\t")[2] for line in out.stdout.splitlines()[:n]]


def test_search_s400_puts_the_system_and_its_facts_first(run: Run) -> None:
    out = run(
        "search", "S-400", "--limit", "20", "--format", "plain"
    )  # past the first page of ten, to see what merely mentions it
    assert out.code == 0, out.stderr
    lines = [line.split("\t") for line in out.stdout.splitlines()]
    assert lines[0][1:3] == ["entity", "s-400"]
    # Records about the S-400 (linked to it) rank above every record that merely mentions it: its facts, the
    # quote, the outcomes of the expectations about it and the conflict over a claim about it, those that also
    # name it in their text first.
    about = [cols[2] for cols in lines[1:14]]
    assert set(about) == {
        "s-400-on-agenda",
        "more-s-400-likely",
        "48n6-assembly-possible",
        "india-interest-more-s400-dir",
        "dna-no-defence-in-joint-statement",
        "no-platform-named-by-leaders",
        "no-s400-s500-su57-deal",
        "putin-no-s400-timeline",
        "quote-peskov-s-400",
        "outcome-s-400-on-agenda",
        "outcome-more-s-400-likely",
        "outcome-48n6-assembly-possible",
        "conflict-defence-in-joint-statement",
    }
    assert about[0] == "more-s-400-likely"
    mentions = [cols[2] for cols in lines if cols[1] == "entity" and cols[2] != "s-400"]
    assert "s-500" in mentions
    assert lines.index(next(c for c in lines if c[2] == "s-500")) > 12
    assert out.stderr == ""


@pytest.mark.parametrize("query", ["S400", "s 400", "S-400", "s-400", "S 400"])
def test_search_forgives_case_punctuation_and_spacing(run: Run, query: str) -> None:
    out = run("search", query, "--format", "plain")
    assert out.code == 0
    assert first_ids(out, 4) == first_ids(run("search", "S-400", "--format", "plain"), 4)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Su57", "su-57"),
        ("Su-57", "su-57"),
        ("Peskof", "peskov"),
        ("peskov", "peskov"),
        ("Sakhalin1", "sakhalin-1"),
        ("Kremlin spokesman", "peskov"),
        ("Prometheus", "s-500"),
        ("Путин", "putin"),
        ("मोदी", "modi"),
        ("Песков", "peskov"),
        ("С-400", "s-400"),
        ("Felon", "su-57"),
        ("Triumf", "s-400"),
        ("GazpromNeft", "gazpromneft"),
        ("Gazprom Neft", "gazpromneft"),
        ("RELOS", "relos"),
        ("Reciprocal Exchange of Logistic Support", "relos"),
    ],
)
def test_search_finds_the_record_a_user_means(run: Run, query: str, expected: str) -> None:
    out = run("search", query, "--format", "plain")
    assert out.code == 0, out.stderr
    assert first_ids(out) == [expected]


@pytest.mark.parametrize(
    ("query", "expected_topic"),
    [("labor", "labour-mobility"), ("defense", "defence"), ("tariffs", "us-tariffs-sanctions")],
)
def test_search_folds_spelling_and_word_forms(run: Run, query: str, expected_topic: str) -> None:
    out = run("search", query, "--json", "--limit", "50")
    assert out.code == 0
    hits = json.loads(out.stdout)
    assert expected_topic in [h["id"] for h in hits[:3]]
    assert all(expected_topic in h.get("topics", [h["id"]]) or h["kind"] == "entity" for h in hits[:3])


def test_search_says_which_alias_matched(run: Run) -> None:
    hits = json.loads(run("search", "Felon", "--json").stdout)
    assert hits[0]["matched"] == {
        "field": "alias",
        "text": "Felon",
        "spans": [[0, 5]],
        "via": None,
        "complete": True,
    }
    linked = hits[1]
    assert linked["matched"]["via"] == "su-57"


def test_unrelated_words_find_nothing(run: Run) -> None:
    out = run("search", "banana helicopter")
    assert out.code == 1
    assert out.stdout == ""
    assert out.stderr == "No results for 'banana helicopter'.\n"


def test_near_miss_suggests_names_on_stderr(run: Run) -> None:
    out = run("search", "S-401")
    assert out.code == 1
    assert out.stdout == ""
    assert out.stderr.startswith("No results for 'S-401'. Did you mean: ")
    assert "S-400" in out.stderr


def test_search_filters(run: Run) -> None:
    quotes = json.loads(run("search", "Peskov", "--kind", "quote", "--json", "-n", "50").stdout)
    assert quotes and all(h["kind"] == "quote" for h in quotes)
    expected = json.loads(run("search", "S-400", "--status", "expected", "--json").stdout)
    assert expected and all(h["status"] == "expected" for h in expected)
    topical = json.loads(run("search", "Putin", "--topic", "energy", "--json", "-n", "50").stdout)
    assert topical and all("energy" in h["topics"] for h in topical)
    assert len(json.loads(run("search", "Putin", "--limit", "3", "--json").stdout)) == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["search", "x", "--limit", "-3"],
            "Error: Invalid value for '--limit' / '-n': '-3' is not a whole number of 1 or more.",
        ),
        (
            ["search", "x", "--limit", "abc"],
            "Error: Invalid value for '--limit' / '-n': 'abc' is not a whole number of 1 or more.",
        ),
        (
            ["search", "x", "--kind", "person"],
            "Error: Invalid value for '--kind' / '-k': 'person' is not one of "
            "'entity', 'topic', 'fact', 'figure', 'quote', 'event', 'outcome', 'conflict'.",
        ),
        (
            ["search", "x", "--status", "done"],
            "Error: Invalid value for '--status' / '-s': 'done' is not one of "
            "'confirmed', 'expected', 'likely', 'possible', 'proposed'.",
        ),
    ],
)
def test_invalid_option_values_exit_2_naming_option_and_choices(run: Run, args: list[str], message: str) -> None:
    out = run(*args)
    assert out.code == 2
    assert out.stdout == ""
    assert out.stderr == f"{message} (see 'indoruss search --help')\n"


def test_unknown_topic_is_a_usage_error(run: Run) -> None:
    out = run("figures", "--topic", "sports")
    assert out.code == 2
    assert out.stderr == (
        "Error: unknown topic 'sports' (topics: trade, defence, energy, nuclear-energy, labour-mobility, "
        "us-tariffs-sanctions, ukraine-war, visit)\n"
    )


def test_topics_lists_counts(run: Run) -> None:
    out = run("topics", "--json")
    assert out.code == 0
    rows = {t["id"]: t for t in json.loads(out.stdout)}
    assert set(rows) >= set(TOPIC_IDS)
    export = json.loads(run("export").stdout)
    trade_quotes = sum(1 for q in export["quotes"] if "trade" in q["topics"])
    assert rows["trade"]["counts"]["quotes"] == trade_quotes
    plain = run("topics", "--format", "plain").stdout.splitlines()
    assert plain[0].split("\t")[:2] == ["trade", "Trade"]


def test_topic_detail_is_grouped_by_kind(run: Run) -> None:
    out = run("topics", "Defense", "--format", "plain")  # a title or alias works as well as the id
    assert out.code == 0
    kinds = [line.split("\t")[0] for line in out.stdout.splitlines()]
    order = ["entity", "fact", "figure", "quote", "event"]
    assert kinds == sorted(kinds, key=order.index)
    assert "s-400" in out.stdout


@pytest.mark.parametrize("speaker", ["Peskov", "peskov", "Dmitry Peskov", "Peskof", "Песков", "Kremlin spokesman"])
def test_quotes_by_speaker_in_any_form(run: Run, speaker: str) -> None:
    out = run("quotes", "--by", speaker, "--json")
    assert out.code == 0, out.stderr
    quotes = json.loads(out.stdout)
    assert len(quotes) == 7  # six in the preview, one in the later energy sources
    assert {q["speaker"]["id"] for q in quotes} == {"peskov"}


def test_quotes_are_verbatim_and_never_cut(run: Run) -> None:
    out = run("quotes", "--by", "Kotwani", env={"INDORUSS_OUTPUT": "rich", "COLUMNS": "60"})
    assert out.code == 0
    flat = " ".join(out.stdout.replace("│", " ").split())
    assert "providing skilled manpower for Russia’s economy while ensuring secure and dignified employment" in flat
    assert "Indian professionals." in flat
    assert "…" not in out.stdout


def test_unknown_speaker_exits_1_with_suggestions(run: Run) -> None:
    out = run("quotes", "--by", "Peskvo")
    assert out.code == 0  # one transposition is a small typo
    out = run("quotes", "--by", "Petrov")
    assert out.code == 1
    assert out.stdout == ""
    assert out.stderr == "No quotes by 'Petrov'. Did you mean: Dmitry Peskov?\n"
    out = run("quotes", "--by", "Smith")
    assert out.code == 1
    assert out.stderr == (
        "No quotes by 'Smith' (speakers: Dmitry Peskov, Narendra Modi, Officials, Sammy Manoj Kotwani, Vadim Badekha,"
        " Vikram Misri, Vinay Kumar, Vladimir Putin).\n"
    )


def test_quotes_by_unnamed_officials(run: Run) -> None:
    quotes = json.loads(run("quotes", "--by", "officials", "--json").stdout)
    assert [q["text"] for q in quotes] == ["the single most important development"]
    assert quotes[0]["speaker"]["id"] is None


def test_figures_table_and_topic_filter(run: Run) -> None:
    out = run("figures", "--json")
    displays = {f["display"] for f in json.loads(out.stdout)}
    assert {"$100 billion", "77%", "totaling 50%", "25%", "~300 MW", "over 70,000"} <= displays
    trade = json.loads(run("figures", "--topic", "trade", "--json").stdout)
    assert trade and all("trade" in f["topics"] for f in trade)


def test_actors_by_category(run: Run) -> None:
    people = json.loads(run("actors", "--category", "person", "--json").stdout)
    assert {"putin", "modi", "peskov", "trump", "kotwani"} <= {p["id"] for p in people}
    assert all(p["category"] == "person" for p in people)
    out = run("actors", "--category", "robot")
    assert out.code == 2
    assert "is not one of 'person', 'organisation', 'country'" in out.stderr


def test_show_an_actor_with_its_linked_records(run: Run) -> None:
    out = run("show", "Peskov", "--json", "--limit", "100")
    assert out.code == 0
    shown = json.loads(out.stdout)
    assert shown["id"] == "peskov"
    related = shown["related"]
    kinds = {r["kind"] for r in related}
    assert {"fact", "quote"} <= kinds
    strengths = [r["strength"] for r in related]
    assert strengths == sorted(strengths, reverse=True)
    # A quote by Peskov is more related than a record that only shares a topic.
    first_topic_only = next(i for i, r in enumerate(related) if "peskov" not in r["shared"])
    assert first_topic_only >= 5  # the records about Peskov himself come first, and there are several
    assert all("peskov" in r["shared"] for r in related[:first_topic_only])
    assert all("peskov" not in r["shared"] for r in related[first_topic_only:])


def test_show_a_fact_by_id_lists_its_entities(run: Run) -> None:
    out = run("show", "relos-ratified")
    assert out.code == 0
    assert "statement:\t" in out.stdout
    assert "paragraph 11" in out.stdout


def test_show_unknown_exits_1(run: Run) -> None:
    out = run("show", "nothing-like-this")
    assert out.code == 1
    assert out.stderr == "No record with the id or name 'nothing-like-this'.\n"


def test_show_ambiguous_name_lists_candidates(run: Run, data_copy: Path) -> None:
    extra = data_copy / "extra.yaml"
    extra.write_text(
        "entities:\n"
        "  - id: peskov-namesake\n    name: Dmitry Peskov\n    category: person\n"
        "    description: A namesake for the test.\n    source: {id: putin-india-visit-2025-12-04, paragraph: 4}\n",
        encoding="utf-8",
    )
    out = run("--data", str(data_copy), "show", "Dmitry Peskov")
    assert out.code == 2
    assert out.stderr == (
        "Error: 'Dmitry Peskov' is ambiguous; it could be: Dmitry Peskov (entity peskov), "
        "Dmitry Peskov (entity peskov-namesake)\n"
    )


def test_export_is_the_whole_fact_base(run: Run) -> None:
    out = run("export")
    assert out.code == 0
    document = json.loads(out.stdout)
    assert document["schema_version"] == 2
    assert re.fullmatch(r"[0-9a-f]{12}", document["fingerprint"])
    # Counted from the YAML itself, not from the program: every record of every file, by section.
    counted: dict[str, int] = {}
    for file in bundled_data_dir().rglob("*.yaml"):
        for section, records in yaml.safe_load(file.read_text(encoding="utf-8")).items():
            if section != "schema":
                counted[section] = counted.get(section, 0) + len(records)
    assert {k: len(v) for k, v in document.items() if isinstance(v, list)} == counted
    assert [e["id"] for e in document["sources"]][:1] == ["putin-india-visit-2025-12-04"]


def test_version_names_package_and_fact_base(run: Run) -> None:
    out = run("--version")
    assert out.code == 0
    assert re.fullmatch(r"indoruss \d+\.\d+\.\d+ \(fact base schema 2, content [0-9a-f]{12}, bundled\)\n", out.stdout)


def test_version_changes_with_the_data(run: Run, data_copy: Path) -> None:
    bundled = run("--version").stdout.split("content ")[1][:12]
    (data_copy / "topics.yaml").write_text(
        (data_copy / "topics.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    mine = run("--data", str(data_copy), "--version").stdout
    assert bundled not in mine
    assert str(data_copy) in mine


def test_data_path_that_does_not_exist(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    out = run("--data", str(missing), "topics")
    assert out.code == 2
    assert out.stderr == f"Error: data path does not exist: {missing} (from --data)\n"
    out = run("topics", env={"INDORUSS_DATA": str(missing)})
    assert out.code == 2
    assert out.stderr == f"Error: data path does not exist: {missing} (from INDORUSS_DATA)\n"


def test_env_variable_points_at_another_fact_base(run: Run, data_copy: Path) -> None:
    # The preview alone, without its quotes: the later sources' outcomes cite quotes, the preview's facts do not,
    # so the smaller fact base loads and has no quotes.
    shutil.rmtree(data_copy / "later")
    (data_copy / "quotes.yaml").unlink()
    out = run("quotes", env={"INDORUSS_DATA": str(data_copy)})
    assert out.code == 1
    assert out.stderr == "No quotes match these options.\n"


def test_plain_output_has_no_boxes_or_colour(run: Run) -> None:
    out = run("figures", "--format", "plain")
    assert "\x1b" not in out.stdout
    assert not set("┏━│─╭") & set(out.stdout)
    assert all(len(line.split("\t")) == 7 for line in out.stdout.splitlines())


def colour_codes(text: str) -> list[str]:
    """The SGR parameters in `text` that set a colour (bold, reverse and the like are not colours)."""
    found = []
    for sequence in re.findall(r"\x1b\[([0-9;]*)m", text):
        params = [int(p) for p in sequence.split(";") if p]
        found += [str(p) for p in params if 30 <= p <= 49 or 90 <= p <= 107]
    return found


def test_rich_output_on_a_terminal_honours_no_color(run: Run) -> None:
    terminal = {"INDORUSS_OUTPUT": "rich", "FORCE_COLOR": "1", "TERM": "xterm-256color"}
    coloured = run("search", "S-400", env=terminal)
    assert colour_codes(coloured.stdout)
    plain = run("search", "S-400", env={**terminal, "NO_COLOR": "1"})
    assert colour_codes(plain.stdout) == []
    assert "S-400" in plain.stdout


def test_rich_statuses_are_distinct_words(run: Run) -> None:
    out = run("timeline", env={"INDORUSS_OUTPUT": "rich", "COLUMNS": "160"})
    assert {"confirmed", "expected"} <= set(out.stdout.split())  # the statuses dated records have


def test_markup_in_data_is_printed_literally(run: Run, data_copy: Path) -> None:
    extra = data_copy / "markup.yaml"
    extra.write_text(
        "facts:\n"
        "  - id: markup-fact\n"
        '    statement: "Literal [bold]not bold[/bold] and a stray [/] closing tag"\n'
        "    status: confirmed\n    topics: [trade]\n"
        "    source: {id: putin-india-visit-2025-12-04, paragraph: 4}\n",
        encoding="utf-8",
    )
    for style in ("rich", "plain"):
        out = run("--data", str(data_copy), "show", "markup-fact", env={"INDORUSS_OUTPUT": style})
        assert out.code == 0, out.stderr
        assert "[bold]not bold[/bold]" in out.stdout
        assert "[/]" in out.stdout


def test_query_control_characters_are_never_echoed(run: Run) -> None:
    out = run("search", "\x1b[31mred\x1b[0m\u202e")
    assert out.code == 1
    assert "\x1b" not in out.stderr and "\u202e" not in out.stderr
    assert out.stderr == "No results for '\\x1b[31mred\\x1b[0m\\u202e'.\n"


def test_unexpected_error_is_one_line_with_debug_hint(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    import indoruss.model.queries

    def broken(*_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(indoruss.model.queries, "count_topics", broken)
    out = run("topics")
    assert out.code == 2
    assert out.stderr == "Error: unexpected RuntimeError: boom (rerun with --debug to see the traceback)\n"
    with pytest.raises(RuntimeError, match="boom"):
        run("--debug", "topics")


def test_ctrl_c_exits_130_quietly(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    import indoruss.model.queries

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(indoruss.model.queries, "count_topics", interrupted)
    out = run("topics")
    assert out.code == 130
    assert out.stderr == "Interrupted.\n"


def test_an_unknown_speaker_in_json_is_an_empty_array(run: Run) -> None:
    out = run("quotes", "--by", "Smith", "--json")
    assert out.code == 1
    assert out.stdout == "[]\n"
    assert out.stderr.startswith("No quotes by 'Smith'")


def test_no_figures_in_json_is_an_empty_array(run: Run, data_copy: Path) -> None:
    # The preview alone, without its figures (the later sources' outcomes and conflicts cite figures).
    shutil.rmtree(data_copy / "later")
    (data_copy / "figures.yaml").unlink()
    out = run("--data", str(data_copy), "figures", "--json")
    assert out.code == 1
    assert out.stdout == "[]\n"
    assert out.stderr == "No figures match these options.\n"


def test_filters_that_remove_every_result_are_named(run: Run) -> None:
    out = run("search", "S-400", "--kind", "event")
    assert out.code == 1
    assert out.stderr == "No results for 'S-400' match the --topic, --kind or --status given.\n"


def test_rich_title_never_carries_control_characters(run: Run) -> None:
    out = run("search", "S-400\x1b[400@\u202e", env={"INDORUSS_OUTPUT": "rich"})
    assert "\x1b[400@" not in out.stdout and "\u202e" not in out.stdout


def test_markdown_entities_in_data_stay_literal(run: Run, data_copy: Path) -> None:
    (data_copy / "entity.yaml").write_text(
        "facts:\n"
        "  - id: entity-fact\n"
        '    statement: "x &rlm;y &amp; z"\n'
        "    status: confirmed\n    topics: [trade]\n"
        "    source: {id: putin-india-visit-2025-12-04, paragraph: 4}\n",
        encoding="utf-8",
    )
    out = run("--data", str(data_copy), "brief", "--topic", "trade", env={"INDORUSS_OUTPUT": "rich"})
    assert out.code == 0
    assert "\u200f" not in out.stdout
    assert "&rlm;y &amp; z" in out.stdout


def test_partial_matches_say_so_on_stderr_and_still_answer(run: Run) -> None:
    out = run("search", "Sakhalin banana", "--format", "plain", "--limit", "100")
    assert out.code == 0
    assert out.stderr == "No record matches every word of 'Sakhalin banana'; closest matches:\n"
    assert out.stdout.splitlines()[0].split("\t")[2] == "sakhalin-1"
    whole = run("search", "Sakhalin", "--limit", "100")
    assert whole.code == 0 and whole.stderr == ""


@pytest.mark.parametrize(("typed", "meant"), [("peskow", "peskov"), ("relos-ratifed", "relos-ratified")])
def test_show_and_cite_forgive_a_small_typo(run: Run, typed: str, meant: str) -> None:
    shown = run("show", typed, "--json")
    assert shown.code == 0, shown.stderr
    assert json.loads(shown.stdout)["id"] == meant
    cited = run("cite", typed, "--json")
    assert cited.code == 0 and json.loads(cited.stdout)["id"] == meant


def test_show_suggests_what_it_cannot_guess(run: Run) -> None:
    out = run("show", "peskv-x")
    assert out.code == 1
    assert out.stderr == "No record with the id or name 'peskv-x'. Did you mean: peskov?\n"


def test_global_options_may_follow_the_command(run: Run, tmp_path: Path) -> None:
    before = run("--as-of", "2025-12-04", "--no-cache", "outcomes", "--format", "plain")
    after = run("outcomes", "--as-of", "2025-12-04", "--no-cache", "--format", "plain")
    assert after.code == 0 and after.stdout == before.stdout
    assert after.stdout.startswith("# happened=0 partly=0 did-not-happen=0 not-reported=0 open=")
    missing = run("search", "S-400", "--data", str(tmp_path / "nowhere"))
    assert missing.code == 2
    assert missing.stderr == f"Error: data path does not exist: {tmp_path / 'nowhere'} (from --data)\n"
    from indoruss.cli.main import _global_options_first

    assert _global_options_first(["search", "x", "--data", "d", "--no-cache"]) == [
        "--data",
        "d",
        "--no-cache",
        "search",
        "x",
    ]
    assert _global_options_first(["search", "--", "--data", "d"]) == ["search", "--", "--data", "d"]


def test_an_unknown_topic_suggests_the_near_one(run: Run) -> None:
    out = run("topics", "tarde")
    assert out.code == 2
    assert out.stderr.startswith("Error: unknown topic 'tarde'; did you mean trade? (topics: trade, defence")


def test_help_lists_commands_in_the_order_a_reader_uses_them_with_whole_summaries(run: Run) -> None:
    out = run("--help")
    listed = out.stdout.split("Commands:")[1]
    names = [line.split()[0] for line in listed.splitlines() if line.startswith("  ") and line[2] != " "]
    assert names[:8] == ["search", "show", "topics", "facts", "events", "quotes", "figures", "outcomes"]
    assert len(names) == 16
    summary = " ".join(listed.split("\n  show ")[0].split())
    assert summary == "search Search every record, best match first; typos and spelling variants are forgiven."


def test_facts_and_events_list_and_filter(run: Run) -> None:
    expected = []
    for file in sorted(bundled_data_dir().rglob("*.yaml")):
        for record in yaml.safe_load(file.read_text(encoding="utf-8")).get("facts") or []:
            if record["status"] == "possible":
                expected.append(record["id"])
    out = run("facts", "--status", "possible", "--format", "plain")
    assert out.code == 0 and out.stderr == ""
    assert sorted(line.split("\t")[0] for line in out.stdout.splitlines()) == sorted(expected)
    cut = run("events", "--topic", "defence", "--limit", "2", "--format", "plain")
    assert cut.code == 0
    assert len(cut.stdout.splitlines()) == 2
    assert re.fullmatch(r"2 of \d+; --limit to see more\n", cut.stderr)
    by_source = json.loads(run("facts", "--source", "indiatoday-2025-12-15-relos-signed", "--json").stdout)
    assert by_source and all(
        "indiatoday-2025-12-15-relos-signed" in [s["id"] for s in record["sources"]] for record in by_source
    )
    unknown = run("facts", "--source", "nope")
    assert (unknown.code, unknown.stderr) == (2, "Error: unknown source 'nope' (see 'indoruss sources')\n")
    none = run("facts", "--status", "proposed", "--topic", "ukraine-war", "--json")
    assert (none.code, none.stdout) == (1, "[]\n")


def test_a_fragment_is_shown_as_a_fragment_in_every_view(run: Run) -> None:
    plain = run("quotes", "--by", "Peskov", "--format", "plain")
    line = next(row for row in plain.stdout.splitlines() if row.startswith("quote-peskov-obstacles\t"))
    assert line.split("\t")[2] == "\u2026obstacles\u2026"
    assert "text:\t\u2026obstacles\u2026\n" in run("show", "quote-peskov-obstacles").stdout
    assert "> \u201c\u2026obstacles\u2026\u201d" in run("brief", "--markdown").stdout
    rich = run("quotes", "--by", "Peskov", env={"INDORUSS_OUTPUT": "rich"}).stdout
    assert "\u201c\u2026obstacles\u2026\u201d" in rich
    as_json = json.loads(run("show", "quote-peskov-obstacles", "--json").stdout)
    assert (as_json["text"], as_json["fragment"]) == ("obstacles", True)  # the data keeps the words alone
    whole = run("show", "quote-peskov-s-400").stdout
    assert "text:\tS-400 is on the agenda." in whole  # a whole sentence is not marked


def test_search_says_how_many_it_shows_of_how_many_match(run: Run) -> None:
    few = run("search", "Sakhalin", "--limit", "3", "--format", "plain")
    every = run("search", "Sakhalin", "--limit", "100", "--format", "plain")
    assert few.code == every.code == 0
    total = len(every.stdout.splitlines())
    assert total > 3 and every.stderr == ""
    assert few.stderr == f"3 of {total}; --limit to see more\n"
    assert few.stdout.splitlines() == every.stdout.splitlines()[:3]
    # a filter counts only the records that pass it
    facts = run("search", "Sakhalin", "--kind", "fact", "--limit", "100", "--format", "plain")
    one = run("search", "Sakhalin", "--kind", "fact", "--limit", "1", "--format", "plain")
    assert one.stderr == f"1 of {len(facts.stdout.splitlines())}; --limit to see more\n"


def test_show_says_how_many_related_records_it_leaves_out(run: Run) -> None:
    every = run("show", "s-400", "--limit", "1000")
    related = [line for line in every.stdout.splitlines() if line.startswith("related\t")]
    assert every.code == 0 and every.stderr == "" and len(related) > 2
    two = run("show", "s-400", "--limit", "2")
    assert two.code == 0
    assert [line for line in two.stdout.splitlines() if line.startswith("related\t")] == related[:2]
    assert two.stderr == f"2 of {len(related)} related records; --limit to see more\n"
