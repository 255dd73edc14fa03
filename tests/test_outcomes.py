"""What came of the visit: sources with their kinds, attribution apart from status, outcomes, corrections,
conflicts, --as-of, and the loader's checks on each. The bundled figures are the data's own, read by hand."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Outcome, ids
from indoruss.loading.loader import load_factbase
from indoruss.loading.paths import bundled_data_dir
from indoruss.model import outcomes
from indoruss.model import records as m

Run = Callable[..., Outcome]

BASE = """\
schema: 2
sources:
  - id: preview
    title: A preview of the visit
    publisher: null
    published: "2025-12-04"
    kind: news-report
    language: en
    document: preview.txt
  - id: wire-later
    title: What the summit signed
    publisher: A Wire
    published: "2025-12-06"
    kind: wire
    language: en
    url: https://wire.example.org/summit
  - id: same-day
    title: A same-day report
    publisher: A Paper
    published: "2025-12-04"
    kind: news-report
    language: en
    url: https://paper.example.org/day
topics:
  - id: trade
    title: Trade
    description: Trade between India and Russia.
entities:
  - id: india
    name: India
    category: country
    description: A country in South Asia.
    topics: [trade]
    source: {id: preview, paragraph: 1}
facts:
  - id: deal-expected
    statement: A trade deal is expected.
    status: expected
    topics: [trade]
    source: {id: preview, paragraph: 2}
  - id: deal-signed
    statement: A trade deal was signed.
    status: confirmed
    attribution: officials
    date: "2025-12-05"
    topics: [trade]
    entities: [india]
    qualifies: [deal-expected]
    source: {id: wire-later}
  - id: deal-same-day
    statement: A paper said the deal was close.
    status: confirmed
    date: "2025-12-04"
    topics: [trade]
    source: {id: same-day}
"""
OUTCOME = """\
outcomes:
  - id: outcome-deal
    expectation: {expectation}
    verdict: {verdict}
    as_of: "2025-12-06"
    summary: The deal was signed.
    evidence: [{evidence}]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "factbase.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def with_outcome(
    tmp_path: Path, expectation: str = "deal-expected", verdict: str = "happened", evidence: str = "deal-signed"
) -> Path:
    return write(tmp_path, BASE + OUTCOME.format(expectation=expectation, verdict=verdict, evidence=evidence))


def test_a_valid_outcome_loads_with_its_expectations_topics(tmp_path: Path) -> None:
    fb = load_factbase(with_outcome(tmp_path))
    (outcome,) = fb.of(m.Outcome)
    assert (outcome.expectation, outcome.verdict, outcome.evidence) == ("deal-expected", "happened", ("deal-signed",))
    assert outcome.topics == ("trade",)
    signed = fb.by_id["deal-signed"]
    assert isinstance(signed, m.Fact)
    assert signed.attribution == m.Attribution(None, "unnamed officials")
    assert signed.qualifies == ("deal-expected",)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            {"expectation": "deal-signed"},
            "{path}:57: outcome-deal.expectation: 'deal-signed' is confirmed, not an expectation "
            "(expected, likely, possible, proposed)",
        ),
        (
            {"evidence": "deal-same-day"},
            "{path}:57: outcome-deal.evidence: evidence 'deal-same-day' comes from a source published "
            "2025-12-04, not after the expectation's source (2025-12-04)",
        ),
        (
            {"verdict": "maybe"},
            "{path}:59:14: outcomes[0].verdict: unknown value 'maybe' "
            "(allowed: happened, partly, did-not-happen, not-reported)",
        ),
        ({"evidence": "nothing-here"}, "{path}:62:16: outcomes[0].evidence: unknown claim id 'nothing-here'"),
    ],
)
def test_a_bad_outcome_is_one_clear_error(run: Run, tmp_path: Path, args: dict[str, str], message: str) -> None:
    path = with_outcome(tmp_path, **args)
    out = run("--data", str(path), "outcomes")
    assert out.code == 2
    assert out.stdout == ""
    assert out.stderr == f"Error: {message.format(path=path)}\n"


def test_a_web_source_without_a_url_is_an_error(run: Run, tmp_path: Path) -> None:
    broken = BASE.replace("    url: https://wire.example.org/summit\n", "")
    path = write(tmp_path, broken)
    out = run("--data", str(path), "outcomes")
    assert out.code == 2
    assert out.stderr == (
        f"Error: {path}:10:5: sources[1].url: required field is missing (a web source needs its url; a text file,"
        " document)\n"
    )


def test_a_url_must_be_absolute_http(run: Run, tmp_path: Path) -> None:
    broken = BASE.replace("https://wire.example.org/summit", "wire.example.org/summit")
    out = run("--data", str(write(tmp_path, broken)), "outcomes")
    assert out.code == 2
    assert "sources[1].url: 'wire.example.org/summit' is not an absolute http(s) URL" in out.stderr


def test_a_schema_1_fact_base_is_told_what_changed(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, BASE.replace("schema: 2", "schema: 1"))
    out = run("--data", str(path), "topics")
    assert out.code == 2
    assert out.stderr == (
        f"Error: {path}:1:9: schema: unsupported schema version 1 (this indoruss reads 2); schema 2 separates"
        " who makes a claim (the new `attribution` field) from how firm it is (`status`, which no longer has"
        " `reported`), and gives sources `url` or `document`, `language` and a new set of kinds\n"
    )


def test_as_of_must_be_a_day(run: Run) -> None:
    out = run("--as-of", "2025-12", "outcomes")
    assert out.code == 2
    assert out.stderr == (
        "Error: Invalid value for '--as-of': '2025-12' is not a date of the form YYYY-MM-DD. (see 'indoruss --help')\n"
    )


def test_as_of_hides_later_sources_and_outcomes(run: Run, tmp_path: Path) -> None:
    data = str(with_outcome(tmp_path))
    before = run("--data", data, "--as-of", "2025-12-05", "outcomes", "--format", "plain")
    assert before.code == 0
    assert before.stdout == (
        "# happened=0 partly=0 did-not-happen=0 not-reported=0 open=1\n"
        "deal-expected\texpected\topen\tA trade deal is expected.\t\t\n"
    )
    after = run("--data", data, "outcomes", "--format", "plain")
    assert after.stdout == (
        "# happened=1 partly=0 did-not-happen=0 not-reported=0 open=0\n"
        "deal-expected\texpected\thappened\tA trade deal is expected.\tThe deal was signed.\tA Wire 2025-12-06\n"
    )
    assert run("--data", data, "--as-of", "2025-12-05", "show", "deal-signed").code == 1


def test_show_gives_an_expectation_its_outcome_and_a_claim_its_corrections(run: Run, tmp_path: Path) -> None:
    data = str(with_outcome(tmp_path))
    out = run("--data", data, "show", "deal-expected", "--json")
    assert out.code == 0
    import json

    shown = json.loads(out.stdout)
    assert shown["outcome"]["id"] == "outcome-deal"
    assert shown["outcome"]["verdict"] == "happened"
    assert shown["qualified_by"] == ["deal-signed"]
    assert shown["conflicts"] == []


def test_an_outcome_names_each_evidence_source_once_in_the_order_first_cited(run: Run, tmp_path: Path) -> None:
    review = """\
  - id: review-later
    title: What the deal means
    publisher: A Review
    published: "2025-12-06"
    kind: analysis
    language: en
    url: https://review.example.org/deal
topics:
"""
    facts = """\
  - id: deal-details
    statement: The deal covers fertiliser.
    status: confirmed
    date: "2025-12-06"
    topics: [trade]
    source: {id: wire-later}
  - id: deal-reviewed
    statement: A review judged the deal modest.
    status: confirmed
    date: "2025-12-06"
    topics: [trade]
    source: {id: review-later}
"""
    text = BASE.replace("topics:\n", review, 1) + facts
    evidence = "deal-signed, deal-reviewed, deal-details"
    path = write(tmp_path, text + OUTCOME.format(expectation="deal-expected", verdict="happened", evidence=evidence))
    out = run("--data", str(path), "outcomes", "--format", "plain")
    assert out.code == 0, out.stderr
    assert out.stdout.splitlines()[1] == (
        "deal-expected\texpected\thappened\tA trade deal is expected.\tThe deal was signed.\t"
        "A Wire 2025-12-06; A Review 2025-12-06"
    )


def test_cite_a_web_source_gives_publisher_title_date_and_url(run: Run, tmp_path: Path) -> None:
    out = run("--data", str(with_outcome(tmp_path)), "cite", "deal-signed")
    assert out.code == 0
    assert out.stdout == (
        "A trade deal was signed. (Status: confirmed; according to unnamed officials.) "
        "Source: What the summit signed. A Wire, 2025-12-06, https://wire.example.org/summit.\n"
    )


# -- the bundled fact base ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fb() -> m.FactBase:
    return load_factbase(bundled_data_dir())


def test_every_expectation_has_exactly_one_outcome(fb: m.FactBase) -> None:
    expectations = [c.id for c in fb.claims() if c.looks_ahead]
    followed = [o.expectation for o in fb.of(m.Outcome)]
    assert len(expectations) == 62
    assert sorted(followed) == sorted(expectations)


def test_the_bundled_scorecard(run: Run) -> None:
    out = run("outcomes", "--format", "plain")
    assert out.code == 0
    assert out.stdout.splitlines()[0] == "# happened=28 partly=15 did-not-happen=0 not-reported=19 open=0"
    opened = run("--as-of", "2025-12-04", "outcomes", "--format", "plain")
    assert opened.stdout.splitlines()[0] == "# happened=0 partly=0 did-not-happen=0 not-reported=0 open=54"


def test_sources_are_many_kinds_each_cited_and_the_preview_first(fb: m.FactBase) -> None:
    sources = fb.sources
    assert len(sources) == 87
    assert sources[0].id == "putin-india-visit-2025-12-04"
    assert sources[0].document == "putin-india-visit-2025-12-04.txt"
    cited = {ref.source_id for c in fb.claims() for ref in c.sources} | {e.source.source_id for e in fb.of(m.Entity)}
    assert [s.id for s in sources if s.id not in cited] == []
    assert all(s.url and s.url.startswith(("http://", "https://")) for s in sources[1:])
    kinds = {s.source_kind for s in sources}
    assert {"official-text", "wire", "news-report", "analysis", "aggregator"} <= kinds


def test_later_records_are_dated_and_cite_later_sources(fb: m.FactBase) -> None:
    preview = "putin-india-visit-2025-12-04"
    later = [c for c in fb.claims() if c.source.source_id != preview]
    assert len(later) >= 60
    assert [c.id for c in later if c.date is None] == []


def test_conflicts_group_claims_from_several_sources(fb: m.FactBase) -> None:
    conflicts = fb.of(m.Conflict)
    assert len(conflicts) == 12
    for conflict in conflicts:
        sources = {fb.by_id[c].source.source_id for c in conflict.claims}  # type: ignore[union-attr]
        assert len(sources) >= 2, conflict.id


def test_no_claim_is_reported_any_more_and_the_unnamed_have_an_attribution(fb: m.FactBase) -> None:
    assert {c.status for c in fb.claims()} <= {None, *m.STATUSES}
    for record_id, claimant in [
        ("labour-agreement-top-development", "unnamed officials"),
        ("visit-navigates-pressures", "observers"),
        ("trade-defence-dominate", "observers"),
        ("analysts-deeper-ties", "analysts"),
    ]:
        claim = fb.by_id[record_id]
        assert isinstance(claim, m.Claim)
        assert claim.attribution is not None and claim.attribution.name == claimant, record_id


QUALIFIER_WORDS = {
    "over": ("over ", "more than "),
    "approximately": ("~", "around ", "about "),
    "at-least": ("at least ",),
}


def test_a_preview_figure_carries_its_qualifier_word(fb: m.FactBase) -> None:
    for figure in fb.of(m.Figure):
        if figure.source.paragraph is None or figure.qualifier not in QUALIFIER_WORDS:
            continue
        assert figure.display.startswith(QUALIFIER_WORDS[figure.qualifier]), figure.id


def test_lists_with_nothing_as_of_a_date_exit_1_with_an_empty_array(run: Run) -> None:
    for args in (["sources"], ["topics", "trade"], ["outcomes"]):
        out = run("--as-of", "1900-01-01", *args, "--json")
        assert (out.code, out.stdout) == (1, "[]\n"), args


def test_as_of_must_be_a_real_day(run: Run) -> None:
    out = run("--as-of", "2025-02-29", "outcomes")
    assert out.code == 2
    assert (
        out.stderr == "Error: Invalid value for '--as-of': '2025-02-29' is not a real date. (see 'indoruss --help')\n"
    )


def test_a_source_cites_itself_and_an_outcome_points_at_its_records(run: Run, tmp_path: Path) -> None:
    data = str(with_outcome(tmp_path))
    source = run("--data", data, "cite", "wire-later")
    assert (source.code, source.stdout) == (
        0,
        "What the summit signed. A Wire, 2025-12-06, https://wire.example.org/summit.\n",
    )
    outcome = run("--data", data, "cite", "outcome-deal")
    assert outcome.code == 1
    assert outcome.stderr == (
        "Outcome 'outcome-deal' is the project's own reading of its sources; cite its records: deal-signed.\n"
    )


# -- scorecard, sources and their uses, conflicts and --as-of, in the model ------------------------------------

# BASE plus a second topic, an entity from the later source, two more expectations (one proposed with a partial
# outcome, one likely and open), a claim of two sources, a source nothing cites, and two conflicts.
LATER = (
    BASE.replace(
        "    url: https://paper.example.org/day\n",
        """\
    url: https://paper.example.org/day
  - id: unused
    title: A source nothing cites
    publisher: A Paper
    published: "2025-12-07"
    kind: news-report
    language: en
    url: https://paper.example.org/unused
""",
    )
    .replace(
        "    description: Trade between India and Russia.\n",
        """\
    description: Trade between India and Russia.
  - id: defence
    title: Defence
    description: Arms and the military.
""",
    )
    .replace(
        "    source: {id: preview, paragraph: 1}\n",
        """\
    source: {id: preview, paragraph: 1}
  - id: russia
    name: Russia
    category: country
    description: A country in Europe and Asia.
    topics: [trade, defence]
    source: {id: wire-later}
""",
    )
    + """\
  - id: jets-proposed
    statement: Russia offers fighter jets.
    status: proposed
    topics: [defence]
    source: {id: preview, paragraph: 3}
  - id: oil-likely
    statement: Oil imports will likely rise.
    status: likely
    topics: [trade]
    source: {id: preview, paragraph: 4}
  - id: deal-both
    statement: Both papers report the deal.
    status: confirmed
    date: "2025-12-04"
    topics: [trade]
    source: [{id: same-day}, {id: wire-later}]
outcomes:
  - id: outcome-deal
    expectation: deal-expected
    verdict: happened
    as_of: "2025-12-06"
    summary: The deal was signed.
    evidence: [deal-signed]
  - id: outcome-jets
    expectation: jets-proposed
    verdict: partly
    as_of: "2025-12-06"
    summary: Talks began.
    evidence: [deal-signed]
conflicts:
  - id: conflict-deal
    question: Whether the deal was signed.
    claims: [deal-same-day, deal-signed]
    topics: [trade]
  - id: conflict-three
    question: When the deal was reported.
    claims: [deal-same-day, deal-both, deal-signed]
    topics: [trade, defence]
"""
)


@pytest.fixture
def later(tmp_path: Path) -> m.FactBase:
    return load_factbase(write(tmp_path, LATER))


def card(found: outcomes.Scorecard) -> tuple[list[tuple[str, str, str | None]], list[tuple[str, int]]]:
    rows = [(r.expectation.id, r.verdict, r.outcome.id if r.outcome else None) for r in found.rows]
    return rows, list(found.counts.items())


def test_scorecard_every_expectation_in_file_order_with_counts(later: m.FactBase) -> None:
    assert card(outcomes.scorecard(later)) == (
        [
            ("deal-expected", "happened", "outcome-deal"),
            ("jets-proposed", "partly", "outcome-jets"),
            ("oil-likely", "open", None),
        ],
        [("happened", 1), ("partly", 1), ("did-not-happen", 0), ("not-reported", 0), ("open", 1)],
    )


def test_scorecard_by_verdict_and_topic_counts_what_it_shows(later: m.FactBase) -> None:
    assert card(outcomes.scorecard(later, "open")) == (
        [("oil-likely", "open", None)],
        [("happened", 0), ("partly", 0), ("did-not-happen", 0), ("not-reported", 0), ("open", 1)],
    )
    defence = later.by_id["defence"]
    assert isinstance(defence, m.Topic)
    assert card(outcomes.scorecard(later, None, defence)) == (
        [("jets-proposed", "partly", "outcome-jets")],
        [("happened", 0), ("partly", 1), ("did-not-happen", 0), ("not-reported", 0), ("open", 0)],
    )
    assert card(outcomes.scorecard(later, "happened", defence))[0] == []


def test_outcome_of(later: m.FactBase) -> None:
    assert outcomes.outcome_of(later, "jets-proposed") is later.by_id["outcome-jets"]
    assert outcomes.outcome_of(later, "oil-likely") is None


def test_source_uses_lists_each_citing_record_once_in_file_order(later: m.FactBase) -> None:
    uses = [(use.source.id, ids(use.citing)) for use in outcomes.source_uses(later)]
    assert uses == [
        ("preview", ["india", "deal-expected", "jets-proposed", "oil-likely"]),
        ("wire-later", ["russia", "deal-signed", "deal-both"]),
        ("same-day", ["deal-same-day", "deal-both"]),
        ("unused", []),
    ]


def test_conflicts_with_their_claims(later: m.FactBase) -> None:
    shown = [(view.conflict.id, ids(view.claims)) for view in outcomes.conflicts(later)]
    assert shown == [
        ("conflict-deal", ["deal-same-day", "deal-signed"]),
        ("conflict-three", ["deal-same-day", "deal-both", "deal-signed"]),
    ]
    defence = later.by_id["defence"]
    assert isinstance(defence, m.Topic)
    assert [view.conflict.id for view in outcomes.conflicts(later, defence)] == ["conflict-three"]


def test_qualified_by_and_conflicts_of(later: m.FactBase) -> None:
    assert ids(outcomes.qualified_by(later, "deal-expected")) == ["deal-signed"]
    assert outcomes.qualified_by(later, "deal-signed") == ()
    assert ids(outcomes.conflicts_of(later, "deal-both")) == ["conflict-three"]
    assert ids(outcomes.conflicts_of(later, "deal-same-day")) == ["conflict-deal", "conflict-three"]
    assert outcomes.conflicts_of(later, "oil-likely") == ()


def test_as_of_keeps_what_was_published_by_then(later: m.FactBase) -> None:
    then = outcomes.as_of(later, "2025-12-05")
    assert then.fingerprint == f"{later.fingerprint}@2025-12-05"
    # wire-later (6 December) and unused (7 December) are not out yet: what only they say is gone, and so
    # are the outcomes (as of 6 December) and the conflict left with one claim.
    assert ids(then.records()) == [
        "preview",
        "same-day",
        "trade",
        "defence",
        "india",
        "deal-expected",
        "deal-same-day",
        "jets-proposed",
        "oil-likely",
        "deal-both",
        "conflict-three",
    ]
    both = then.by_id["deal-both"]
    assert isinstance(both, m.Fact)
    assert both.sources == (m.SourceRef("same-day"),)  # the later source it also cites is dropped
    assert then.by_id["deal-expected"] is later.by_id["deal-expected"]  # nothing to drop: the same record
    three = then.by_id["conflict-three"]
    assert isinstance(three, m.Conflict)
    assert three.claims == ("deal-same-day", "deal-both")


def test_as_of_a_day_with_outcomes_keeps_their_evidence(later: m.FactBase) -> None:
    then = outcomes.as_of(later, "2025-12-06")
    assert ids(then.records()) == [r.id for r in later.records() if r.id != "unused"]
    deal = then.by_id["outcome-deal"]
    assert isinstance(deal, m.Outcome)
    assert deal.evidence == ("deal-signed",)
    assert then.by_id["conflict-deal"] == later.by_id["conflict-deal"]
    assert ids(outcomes.as_of(later, "2025-12-03").records()) == ["trade", "defence"]  # before any source


def test_outcome_results_are_frozen(later: m.FactBase) -> None:
    found = outcomes.scorecard(later)
    values = (
        (found, "rows"),
        (found.rows[0], "outcome"),
        (outcomes.source_uses(later)[0], "citing"),
        (outcomes.conflicts(later)[0], "claims"),
    )
    for value, name in values:
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(value, name, ())
