"""The ranking rules' exact scores, orders and matches (search/ranking.py, search/lexicon.py), on small fact bases."""

from __future__ import annotations

from pathlib import Path

import pytest

from indoruss.loading.loader import load_factbase
from indoruss.model.records import Record
from indoruss.search.index import SearchIndex
from indoruss.search.ranking import Filters, search, search_counted, suggestions
from search_bases import LATER, MISC, Found, entity_yaml, exact_base, fact_yaml, ids, small_index

# -- exact scores, orders and matches on a fact base whose every text is four words long (EXACT) ----------
# Every record's searchable text (besides names) is four words, so no length norm applies (norm 1.0), and a
# one-word query scores 100 x how well a record holds it (its weight cancels out). Expected values are worked
# out by hand from the rules in ranking.py's docstring and constants: a statement holds a word at 0.7, a
# description at 0.6; a prefix at 0.85 of that; a near spelling at 0.9 x its similarity; a synonym at 0.8; a
# record linked to what the query names at 0.85 (0.45 when that is linked from over 30% of the records,
# 0.94 x that when it is not the record's first topic), plus 0.15 x how well its own text holds the word.


@pytest.fixture(scope="module")
def exact() -> Found:
    return exact_base()


Row = tuple[str, float, str, str, tuple[tuple[int, int], ...], str | None, bool]


def rows(found: tuple[SearchIndex, dict[str, Record]], query: str, filters: Filters = Filters()) -> list[Row]:
    index, records = found
    return [
        (h.record_id, h.score, h.match.field, h.match.text, h.match.spans, h.match.via, h.complete)
        for h in search(index, query, filters, limit=None, records=records)
    ]


def test_an_exact_name_its_records_that_say_it_and_those_only_linked_to_it(exact: Found) -> None:
    # rosneft: its name, exactly: 100. deal: linked 0.85 + 0.15 x its statement 0.7 = 0.955. other: linked only,
    # shown through the name that linked it.
    assert rows(exact, "Rosneft") == [
        ("rosneft", 100.0, "name", "Rosneft", ((0, 7),), None, True),
        ("deal", 95.5, "statement", "Rosneft signed a contract.", ((0, 7),), "rosneft", True),
        ("other", 85.0, "entities", "Rosneft", (), "rosneft", True),
    ]


def test_a_named_topic_brings_its_records_less_when_not_their_first_topic(exact: Found) -> None:
    # rail is filed under Transport first: 0.85 x 0.94 = 0.799.
    assert rows(exact, "Energy") == [
        ("energy", 100.0, "title", "Energy", ((0, 6),), None, True),
        ("deal", 85.0, "topics", "Energy", (), "energy", True),
        ("other", 85.0, "topics", "Energy", (), "energy", True),
        ("rail", 79.9, "topics", "Energy", (), "energy", True),
    ]


def test_a_generic_topic_links_its_records_at_045(exact: Found) -> None:
    assert [(r[0], r[1], r[2], r[5]) for r in rows(exact, "transport")] == [
        ("transport", 100.0, "title", None),
        ("grain", 45.0, "topics", "transport"),
        ("port", 45.0, "topics", "transport"),
        ("rail", 45.0, "topics", "transport"),
        ("ship", 45.0, "topics", "transport"),
    ]


def test_a_prefix_holds_at_085_of_the_field(exact: Found) -> None:
    # "contr" begins "contract": 0.7 x 0.85.
    assert rows(exact, "contr") == [("deal", 59.5, "statement", "Rosneft signed a contract.", ((17, 25),), None, True)]


def test_a_near_spelling_holds_at_09_of_its_similarity(exact: Found) -> None:
    # "rasneft" is 6/7 like "rosneft" (q = 0.9 x 0.857 = 0.771). rosneft: its name holds it at 0.99 x q;
    # deal: linked 0.85 x q + 0.15 x 0.7 x q; other: 0.85 x q.
    assert [(r[0], r[1], r[5]) for r in rows(exact, "Rasneft")] == [
        ("rosneft", 76.4, None),
        ("deal", 73.7, "rosneft"),
        ("other", 65.6, "rosneft"),
    ]
    # "outpat" is 5/6 like "output" (83.3 >= 80 for a word under eight letters): 0.7 x 0.9 x 0.833.
    assert rows(exact, "outpat") == [("other", 52.5, "statement", "The output fell sharply.", ((4, 10),), None, True)]
    # "stte": four letters, one missing from "state" (88.9): the topic's description, 0.6 x 0.9 x 0.889.
    assert [(r[0], r[1], r[2]) for r in rows(exact, "stte")] == [("energy", 48.0, "description")]


def test_a_near_spelling_of_eight_letters_or_more_must_be_closer(exact: Found) -> None:
    # "cuntaner" is 82.4 like "container": enough under eight letters (80), not from eight on (85).
    assert rows(exact, "cuntaner") == []
    # Three letters: no near spelling at all ("oil" is a word of rosneft's description).
    assert rows(exact, "oyl") == []


@pytest.mark.parametrize(
    ("query", "record_id"), [("weapon", "port"), ("buy", "ship"), ("agreement", "grain"), ("deal", "deal")]
)
def test_a_synonym_holds_at_08(exact: Found, query: str, record_id: str) -> None:
    # weapon -> arms, buy -> order, agreement -> deal, deal -> contract: 0.7 x 0.8. "deal" is itself a word of
    # grain: 0.7.
    found = [(r[0], r[1]) for r in rows(exact, query)]
    assert found == ([("grain", 70.0), ("deal", 56.0)] if query == "deal" else [(record_id, 56.0)])


def test_filters_by_kind_status_and_topic(exact: Found) -> None:
    def filtered(**given: str) -> list[tuple[str, float]]:
        return [(r[0], r[1]) for r in rows(exact, "Rosneft", Filters(**given))]

    assert filtered(kind="fact") == [("deal", 95.5), ("other", 85.0)]
    assert filtered(kind="entity") == [("rosneft", 100.0)]
    assert filtered(status="expected") == [("other", 85.0)]
    assert filtered(status="confirmed") == [("deal", 95.5)]
    assert filtered(topic="energy") == [("rosneft", 100.0), ("deal", 95.5), ("other", 85.0)]
    assert filtered(topic="transport") == []
    assert filtered(kind="fact", status="expected", topic="energy") == [("other", 85.0)]


def test_the_count_is_of_every_match_and_the_limit_cuts_the_best(exact: Found) -> None:
    index, records = exact
    hits, count = search_counted(index, "Energy", limit=2, records=records)
    assert ([h.record_id for h in hits], count) == (["energy", "deal"], 4)
    hits, count = search_counted(index, "Energy", Filters(kind="fact"), limit=1)
    assert ([(h.record_id, h.score, h.match.text) for h in hits], count) == ([("deal", 85.0, "")], 3)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # The query is no longer rosneft's name exactly: the thing named holds its words at 0.96. "banana" is
        # found nowhere and weighs 0.
        ("Rosneft banana", [("rosneft", 96.0, False), ("deal", 95.5, False), ("other", 85.0, False)]),
        # No outcome among the ten records: "outcome" weighs ln 11 (as rare as can be), rosneft 1.5 x ln 13/3; no
        # record holds "outcome": 0.96, 0.955 and 0.85 of 2.1995 / 4.5974.
        ("Rosneft outcome", [("rosneft", 45.9, False), ("deal", 45.7, False), ("other", 40.7, False)]),
    ],
)
def test_a_word_no_record_holds_makes_every_hit_partial(
    exact: Found, query: str, expected: list[tuple[str, float, bool]]
) -> None:
    assert [(r[0], r[1], r[6]) for r in rows(exact, query)] == expected


def test_a_list_of_names_gives_each_thing_named_at_99_and_no_record_about_only_one(exact: Found) -> None:
    assert [(r[0], r[1], r[2]) for r in rows(exact, "Rosneft Gazprom")] == [
        ("gazprom", 99.0, "name"),
        ("rosneft", 99.0, "name"),
    ]


def test_a_word_of_a_longer_name_holds_by_the_share_of_the_name_it_is(exact: Found) -> None:
    # "flame" is half of the alias "Blue Flame": 0.9 + 0.09 x 1/2, no length norm for a name.
    assert rows(exact, "flame") == [("gazprom", 94.5, "alias", "Blue Flame", ((5, 10),), None, True)]


def described_index(tmp_path: Path) -> SearchIndex:
    return small_index(
        tmp_path,
        MISC
        + "entities:\n"
        + entity_yaml("e1", "Aero One", "Fighter jet engine maker.")
        + "".join(entity_yaml(f"e{i}", f"Aero {i}", "Fighter jet for sale.") for i in (2, 3, 4))
        + "facts:\n"
        + "".join(fact_yaml(f"f{i}", "Plain words said here.", f"e{i}") for i in (1, 2, 3, 4)),
    )


def test_only_the_three_things_a_query_best_describes_bring_their_records(tmp_path: Path) -> None:
    # Four texts each: no length norm. e1's description holds all three words, e2 to e4's two (fighter, jet:
    # 4 records each, engine: 1 of 9; weights ln 2.8, ln 2.8, ln 5.5, so two words are 55% of the query):
    # e1, e2 and e3 are described (0.6), e4 is not (only three are). Each holds its words at 0.96 x 0.6 / 0.85;
    # e4 its two at 0.6. f1 holds the three words through e1 at 0.6 (60.0), f2 and f3 two (32.8), f4 none.
    index = described_index(tmp_path)
    assert [
        (h.record_id, h.score, h.match.via, h.complete) for h in search(index, "fighter jet engine", limit=None)
    ] == [
        ("e1", 67.8, None, True),
        ("f1", 60.0, "e1", True),
        ("e2", 37.1, None, False),
        ("e3", 37.1, None, False),
        ("e4", 32.8, None, False),
        ("f2", 32.8, "e2", False),
        ("f3", 32.8, "e3", False),
    ]


def verdicts_index(tmp_path: Path) -> SearchIndex:
    def expected(record_id: str, statement: str) -> str:
        return (
            f"  - id: {record_id}\n    statement: {statement}\n    status: expected\n    topics: [misc]\n"
            "    source: {id: preview, paragraph: 2}\n"
        )

    def outcome(record_id: str, verdict: str, summary: str) -> str:
        evidence = "[]" if verdict == "not-reported" else "[talks]"
        return (
            f"  - id: o-{record_id}\n    expectation: {record_id}\n    verdict: {verdict}\n"
            f'    as_of: "2025-12-06"\n    summary: {summary}\n    evidence: {evidence}\n'
        )

    talks = (
        "  - id: talks\n    statement: Talks did not happen in June.\n    status: confirmed\n    topics: [misc]\n"
        "    source: {id: wire-later}\n"
    )
    return small_index(
        tmp_path,
        LATER[: LATER.index("topics:")]
        + MISC[MISC.index("topics:") :]
        + "facts:\n"
        + expected("visit", "The visit is set for May.")
        + expected("tanks", "A tank deal is near.")
        + expected("plant", "A plant will be built.")
        + expected("loan", "A loan will be agreed.")
        + talks
        + "outcomes:\n"
        + outcome("visit", "happened", "The visit was held in May.")
        + outcome("tanks", "not-reported", "Nothing found.")
        + outcome("plant", "partly", "Half was built.")
        + outcome("loan", "did-not-happen", "The loan was refused."),
    )


@pytest.mark.parametrize("query", ["what did not happen", "what didn't happen", "what never happened"])
def test_asking_what_did_not_happen_finds_the_outcomes_whose_verdict_says_so(tmp_path: Path, query: str) -> None:
    # Each outcome holds the words as a kind word is held (0.7), the "no" verdicts wholly, a part half; a happened
    # verdict not at all. The fact's own text holds both words (0.7 x a length norm of 1.27 > 0.84; "not" 0.7),
    # but it is no outcome and keeps 0.9 of its score.
    scores = [(h.record_id, h.score) for h in search(verdicts_index(tmp_path), query, limit=None)]
    if query == "what never happened":  # no text holds "never"; the happened verdict's words hold "happened" (0.5)
        assert scores == [("o-loan", 70.0), ("o-tanks", 70.0), ("o-plant", 36.4), ("o-visit", 20.4)]
    else:
        assert scores == [("talks", 70.9), ("o-loan", 70.0), ("o-tanks", 70.0), ("o-plant", 35.0)]


def test_asking_whether_something_went_ahead_finds_its_outcome_first_whatever_the_verdict(tmp_path: Path) -> None:
    index = verdicts_index(tmp_path)
    # Every outcome holds "go ahead", a yes (0.7) a little better than a part (0.9 of it) or a no (0.8 of it);
    # the expectation holds "visit" alone, the outcome "visit" as it does and "go ahead".
    assert ids(index, "did the visit go ahead") == ["o-visit", "o-plant", "o-loan", "o-tanks", "visit"]
    assert ids(index, "did the tank deal take place")[:2] == ["o-tanks", "tanks"]
    assert ids(index, "what happened") == ["o-visit", "o-plant", "o-loan", "o-tanks"]
    # "was there" is all filler: no word to hold, but the question is still whether it happened. The expectation
    # holds "tank deal" as its outcome does (which holds it 0.99 as well) and keeps 0.9 of its score.
    assert [(h.record_id, h.score) for h in search(index, "was there a tank deal", limit=None)] == [
        ("o-tanks", 82.4),
        ("tanks", 74.9),
    ]


def test_how_many_ranks_the_records_that_state_a_count_above_those_that_state_none(tmp_path: Path) -> None:
    # Six statements of six words, each holding "workers" and "Russia" alike: without "how many" they tie and
    # come in the order of their ids. A year, a day of a month and the digits of a name are no count; a spelled
    # number is. The records that state no count keep 0.9 of their score.
    statements = {
        "a-welcome": "Workers are very welcome in Russia.",
        "b-year": "Workers came to Russia in 2020.",
        "c-date": "Workers reached Russia on 4 December.",
        "d-name": "Workers in Russia make S-400.",
        "e-count": "Workers in Russia number 70,000 now.",
        "f-spelled": "Workers in Russia number two thousand.",
    }
    index = small_index(tmp_path, MISC + "facts:\n" + "".join(fact_yaml(k, v) for k, v in statements.items()))
    assert ids(index, "workers in Russia") == list(statements)
    counted = ["e-count", "f-spelled", "a-welcome", "b-year", "c-date", "d-name"]
    assert ids(index, "how many workers are in Russia?") == counted
    assert ids(index, "how much work in Russia") == counted
    # Seven texts of six words and the topic's four: each statement holds its words at 0.7 x 0.98 (68.6).
    assert [h.score for h in search(index, "how many workers in Russia", limit=3)] == [68.6, 68.6, 61.8]


def test_a_number_from_thirteen_to_nineteen_spelled_out_is_a_count(tmp_path: Path) -> None:
    statements = {"a-none": "Workers are welcome in Russia.", "b-teen": "Workers in Russia number fifteen."}
    index = small_index(tmp_path, MISC + "facts:\n" + "".join(fact_yaml(k, v) for k, v in statements.items()))
    assert ids(index, "workers in Russia") == ["a-none", "b-teen"]  # alike: the order of their ids
    assert ids(index, "how many workers in Russia") == ["b-teen", "a-none"]


@pytest.mark.parametrize("asking", ["сколько", "Сколько", "कितने", "कितना", "कितनी"])
def test_how_many_in_russian_or_hindi_asks_for_a_count_too(tmp_path: Path, asking: str) -> None:
    statements = {"a-none": "Workers are welcome in Russia.", "b-count": "Workers in Russia number 70,000."}
    index = small_index(tmp_path, MISC + "facts:\n" + "".join(fact_yaml(k, v) for k, v in statements.items()))
    assert ids(index, "workers in Russia") == ["a-none", "b-count"]
    assert ids(index, f"{asking} workers in Russia") == ["b-count", "a-none"]


def test_a_month_in_a_query_is_the_period_it_asks_about(tmp_path: Path) -> None:
    # "intake" measures crude in January and holds no "imports"; the two facts hold "crude imports" and no month.
    # The month weighs 1.5 times its rarity and the figure's period holds it at 0.85: the figure comes first.
    figure = (
        "figures:\n  - id: intake\n    value: 2\n    unit: barrels-per-day\n    display: 2 bpd\n"
        "    qualifier: exact\n    measures: Crude taken in by India, up from 1 bpd\n    period: January 2026\n"
        "    status: confirmed\n    topics: [misc]\n    source: {id: report, paragraph: 3}\n"
    )
    facts = (
        fact_yaml("rose", "Crude imports rose again.")
        + fact_yaml("fell", "Crude imports fell again.")
        + fact_yaml("talks", "Talks held in January.")
    )
    index = small_index(tmp_path, MISC + "facts:\n" + facts + figure)
    assert ids(index, "crude imports in January") == ["intake", "fell", "rose", "talks"]
    assert ids(index, "crude imports") == ["fell", "rose", "intake"]


def test_a_description_holding_only_a_date_or_a_number_describes_nothing(tmp_path: Path) -> None:
    # The envoy's description holds every word of the date, and f1 is about the envoy; but a date or a count says
    # when or how many, not what: f1 holds none of the words and is not found. The envoy and f2 hold them.
    index = small_index(
        tmp_path,
        MISC
        + "entities:\n"
        + entity_yaml("envoy", "Envoy", "Came on 4 December 2025 with 50 aides.")
        + "facts:\n"
        + fact_yaml("f1", "Plain words said here.", "envoy")
        + fact_yaml("f2", "On 4 December 2025 talks began.")
        + fact_yaml("f3", "Only 50 came.")
        + fact_yaml("f4", "The aides waited."),
    )
    assert ids(index, "4 December 2025") == ["f2", "envoy"]
    # "aides" describes: the envoy's aides are what the query asks about, and f1 follows the envoy.
    assert ids(index, "50 aides")[:2] == ["envoy", "f1"]


def test_suggestions_are_the_three_nearest_owners_among_the_24_nearest_names(tmp_path: Path) -> None:
    alpha = ", ".join(f"Alpha{i}" for i in range(1, 13))
    alphab = ", ".join(f"Alphab{i}" for i in range(1, 13))
    index = small_index(
        tmp_path,
        MISC
        + "entities:\n"
        + entity_yaml("a", "Alpha", "One.", (alpha,))
        + entity_yaml("b", "Alphab", "Two.", (alphab,))
        + entity_yaml("c", "Alphaxyzw", "Three.")
        + "".join(entity_yaml(f"g{i}", name, "Four.") for i, name in enumerate(("Gammaa", "Gammaab", "Gammaabc")))
        + entity_yaml("g9", "Gammaabcd", "Five."),
    )
    # Similarity to "gamma": 90.9, 83.3, 76.9, 71.4: the first three.
    assert suggestions(index, "Gamma") == ["Gammaa", "Gammaab", "Gammaabc"]
    # The 26 names of Alpha and Alphab are all nearer "alpha" than Alphaxyzw (71.4): among the 24 nearest, two
    # owners only.
    assert suggestions(index, "alpha") == ["Alpha", "Alphab"]
    assert suggestions(index, "alpha", limit=1) == ["Alpha"]


def test_a_name_in_a_query_weighs_one_and_a_half_times_and_a_linked_record_gains_by_its_text(exact: Found) -> None:
    # rosneft: 2 records of 10 hold it (ln 13/3, x 1.5 as a name: 2.1995); output: 1 (ln 6: 1.7918).
    # other: rosneft through its link 0.85, output 0.7 + 0.15 x 0.7: 83.0. rosneft: its name 0.96, output 0:
    # 52.9. deal: rosneft 0.85 + 0.15 x 0.7, output 0: 52.6.
    assert [(r[0], r[1], r[5], r[6]) for r in rows(exact, "Rosneft output")] == [
        ("other", 83.0, "rosneft", True),
        ("rosneft", 52.9, None, False),
        ("deal", 52.6, "rosneft", False),
    ]


def test_when_no_record_holds_every_word_those_under_30_are_left_out(exact: Found) -> None:
    # Three words as rare as each other: other holds two (46.7), deal one (23.3, left out).
    assert [(r[0], r[1], r[6]) for r in rows(exact, "contract sharply output")] == [("other", 46.7, False)]
    assert [(r[0], r[1], r[6]) for r in rows(exact, "contract output")] == [
        ("deal", 35.0, False),
        ("other", 35.0, False),
    ]


def test_an_outcome_holds_a_word_at_099_of_its_expectation(tmp_path: Path) -> None:
    # Lengths 4 (misc), 4 (hope), 11 (the outcome: summary and verdict in words), average 19/3: hope's
    # statement holds "bridge" at 0.7 / (0.6 + 0.4 x 4 / 6.33) = 0.821, the outcome at 0.99 x that.
    index = small_index(
        tmp_path,
        MISC + "facts:\n  - id: hope\n    statement: A bridge may open.\n    status: expected\n    topics: [misc]\n"
        "    source: {id: report, paragraph: 2}\n"
        'outcomes:\n  - id: o\n    expectation: hope\n    verdict: not-reported\n    as_of: "2025-12-06"\n'
        "    summary: It opened on time.\n    evidence: []\n",
    )
    records = dict(load_factbase(tmp_path / "factbase.yaml").by_id)
    hits = search(index, "bridge", limit=None, records=records)
    assert [(h.record_id, h.score, h.match.field, h.match.text, h.match.spans, h.match.via) for h in hits] == [
        ("hope", 82.1, "statement", "A bridge may open.", ((2, 8),), None),
        ("o", 81.3, "summary", "It opened on time.", (), None),
    ]
    # "outcome" names a kind: the outcome holds it at 0.7, and "bridge" at 0.99 x 0.821; both words as rare.
    assert [(h.record_id, h.score, h.complete) for h in search(index, "bridge outcome", limit=None)] == [
        ("o", 75.6, True),
        ("hope", 41.0, False),
    ]


# Ten records of four words: Gazprom (alias Blue Flame), three facts linked to it, five plain ones.
GAS_BASE = (
    MISC
    + "entities:\n"
    + entity_yaml("gas", "Gazprom", "Another big gas firm.", ("Blue Flame",))
    + "facts:\n"
    + fact_yaml("f1", "Blue Flame grew fast.", "gas")
    + fact_yaml("f2", "Gazprom grew very fast.", "gas")
    + fact_yaml("f3", "Nothing else said here.", "gas")
    + "".join(fact_yaml(f"plain-{i}", "Plain words said here.") for i in range(5))
)


def test_a_linked_record_that_says_an_alias_gains_less_than_one_that_says_the_name(tmp_path: Path) -> None:
    # Ten records of four words (Gazprom is linked from three: not generic). f2 says the name (0.35, and its
    # text holds the word: 0.7), f1 the whole alias (0.35 x 0.9), f3 neither: 0.85 + 0.15 x that.
    index = small_index(tmp_path, GAS_BASE)
    found = [(h.record_id, h.score, h.match.via) for h in search(index, "Gazprom", limit=None)]
    assert found == [("gas", 100.0, None), ("f2", 95.5, "gas"), ("f1", 89.7, "gas"), ("f3", 85.0, "gas")]


QUOTE_BASE = (
    MISC
    + "entities:\n"
    + entity_yaml("sp", "Ann Lee", "A speaker at events.")
    + 'quotes:\n  - id: q\n    text: "We will see it."\n    speaker: sp\n    context: At the Sputnik plant.\n'
    + "    fragment: false\n    topics: [misc]\n    entities: [sp]\n    source: {id: report, paragraph: 3}\n"
)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Lengths: misc 4, the speaker 4, the quote 10 (text 4, speaker 2, context 4); average 6. The context
        # holds "Sputnik" at 0.5 / (0.6 + 0.4 x 10 / 6) = 0.395.
        ("Sputnik", ("q", 39.5, "context", "At the Sputnik plant.", ((7, 14),))),
        # The text holds "see" at 0.7 x 0.789, better than the context holds "Sputnik": the text is shown, with
        # the spans of the words it holds.
        ("see Sputnik", ("q", 47.4, "text", "We will see it.", ((8, 11),))),
    ],
)
def test_a_quote_is_found_by_its_context_and_shown_by_its_best_field(
    tmp_path: Path, query: str, expected: tuple[object, ...]
) -> None:
    index = small_index(tmp_path, QUOTE_BASE)
    records = dict(load_factbase(tmp_path / "factbase.yaml").by_id)
    hits = search(index, query, limit=None, records=records)
    assert [(h.record_id, h.score, h.match.field, h.match.text, h.match.spans) for h in hits] == [expected]


SYNONYM_TARGETS = (
    "employed", "worker", "job", "employment", "arm", "defence", "purchase", "import", "order", "visit", "begin",
    "sign", "signing", "agreement", "contract", "goal", "target", "pact", "accord", "mou", "deal", "died", "dead",
    "killed", "shortage", "shortfall",
)  # fmt: skip


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("work", {"worker": 59.5, "employed": 56.0, "job": 56.0, "employment": 56.0}),  # "work" begins "worker"
        ("job", {"job": 70.0, "employed": 56.0, "employment": 56.0, "worker": 56.0}),
        ("weapon", {"arm": 56.0, "defence": 56.0}),
        ("buy", {"purchase": 56.0, "import": 56.0, "order": 56.0}),
        ("arrive", {"visit": 56.0, "begin": 56.0}),
        ("signed", None),
        ("deal", {"deal": 70.0, "agreement": 56.0, "contract": 56.0}),
        ("target", {"target": 70.0, "goal": 56.0}),
        ("goal", {"goal": 70.0, "target": 56.0}),
        ("agreement", {"agreement": 70.0, "pact": 56.0, "accord": 56.0, "mou": 56.0, "deal": 56.0}),
        ("pact", {"pact": 70.0, "agreement": 56.0, "accord": 56.0}),
        ("documents", {"agreement": 56.0, "mou": 56.0, "pact": 56.0, "accord": 56.0}),
        ("killed", {"killed": 70.0, "died": 56.0, "dead": 56.0}),
        ("died", {"died": 70.0, "dead": 56.0, "killed": 56.0}),
        ("dead", {"dead": 70.0, "died": 56.0, "killed": 56.0}),
        ("order", {"order": 70.0, "contract": 56.0, "purchase": 56.0}),
        ("shortages", {"shortage": 70.0, "shortfall": 56.0}),
        ("shortfalls", {"shortfall": 70.0, "shortage": 56.0}),
    ],
)
def test_each_synonym_of_a_query_word_holds_at_08(tmp_path: Path, query: str, found: dict[str, float] | None) -> None:
    # One four-word statement a word: the word itself holds at 0.7, a synonym at 0.7 x 0.8.
    facts = "".join(fact_yaml(word, f"They saw {word} today.") for word in SYNONYM_TARGETS)
    index = small_index(tmp_path, MISC + "facts:\n" + facts)
    scores = {h.record_id: h.score for h in search(index, query, limit=None)}
    if found is None:  # "signed" is also 80% like "sign", a near spelling: only which records
        assert set(scores) == {"sign", "signing"}
    else:
        assert scores == found


@pytest.mark.parametrize(
    "query",
    [
        "summit event",
        "summit schedule",
        "summit timeline",
        "summit events",
        "summit itinerary",
        "summit programme",
        "summit событие",
        "summit घटनाएं",
    ],
)
def test_a_word_naming_events_is_held_by_each_event_at_07(tmp_path: Path, query: str) -> None:
    # Lengths: misc 4, f 4, ev 1 (its date; a title is a name): the title holds "summit" at 0.92 x 1.36, at
    # most 0.84; the kind word 0.7; both words in one record of three. (A kind word alone finds nothing: it
    # only adds to what the other words find.)
    event = (
        'events:\n  - id: ev\n    title: Summit\n    date: "2025"\n    status: confirmed\n    topics: [misc]\n'
        "    source: {id: report, paragraph: 3}\n"
    )
    index = small_index(tmp_path, MISC + "facts:\n" + fact_yaml("f", "They met at noon.") + event)
    assert [(h.record_id, h.score, h.complete) for h in search(index, query, limit=None)] == [("ev", 77.0, True)]
    assert search(index, query.split()[1]) == []


def test_a_programme_is_the_events_of_an_occasion_it_is_said_of(tmp_path: Path) -> None:
    # A visit's or a summit's programme is its events; a reactor programme is not, and the event holds none of
    # "reactor programme" (a word found nowhere leaves a partial match: "reactor" alone, in f).
    event = (
        'events:\n  - id: ev\n    title: Summit\n    date: "2025"\n    status: confirmed\n    topics: [misc]\n'
        "    source: {id: report, paragraph: 3}\n"
    )
    index = small_index(tmp_path, MISC + "facts:\n" + fact_yaml("f", "The reactor at noon.") + event)
    assert [(h.record_id, h.score) for h in search(index, "summit program", limit=None)] == [("ev", 77.0)]
    assert [(h.record_id, h.complete) for h in search(index, "reactor programme", limit=None)] == [("f", False)]


def test_search_shows_ten_results_unless_told_otherwise(tmp_path: Path) -> None:
    facts = "".join(fact_yaml(word, f"They saw {word} today.") for word in SYNONYM_TARGETS)
    index = small_index(tmp_path, MISC + "facts:\n" + facts)
    # Every statement holds "saw" at 0.7: equal scores, in the order of their ids.
    first_ten = sorted(SYNONYM_TARGETS)[:10]
    assert [(h.record_id, h.score) for h in search(index, "saw")] == [(word, 70.0) for word in first_ten]
    hits, count = search_counted(index, "saw")
    assert ([h.record_id for h in hits], count) == (first_ten, 26)


def test_in_a_fact_base_of_one_record_a_word_weighs_as_found_in_one_of_one(tmp_path: Path) -> None:
    # ln(1 + 1/2) x 1.5 as a name, against "outcome" in no record: ln(1 + 1/1); the topic holds its title at 0.96.
    index = small_index(tmp_path, MISC)
    assert [(h.record_id, h.score, h.complete) for h in search(index, "misc outcome")] == [("misc", 44.9, False)]
    # Its description holds "sundry" at 0.6: one record of four words is as long as the average.
    assert [(h.record_id, h.score) for h in search(index, "sundry")] == [("misc", 60.0)]


def test_a_name_is_found_wherever_it_stands_in_the_query(exact: Found) -> None:
    assert rows(exact, "banana Rosneft") == rows(exact, "Rosneft banana")
    assert rows(exact, "output Rosneft") == rows(exact, "Rosneft output")


def test_a_word_of_a_name_brings_its_records_after_words_found_in_other_records(tmp_path: Path) -> None:
    # "plain" is found first, in five records about nothing; "flame" stands in Gazprom's alias only: f3 holds it
    # at 0.8 through the link. plain: ln(1 + 10/6), flame: ln(1 + 10/3).
    index = small_index(tmp_path, GAS_BASE)
    found = {h.record_id: (h.score, h.match.via, h.complete) for h in search(index, "plain flame", limit=None)}
    assert found["f3"] == (47.9, "gas", False)


def test_what_a_query_describes_is_found_after_words_found_elsewhere(tmp_path: Path) -> None:
    # "plain" (ln 2.8) is found first, in the facts; e1's description holds the other three words (ln 2.8 twice,
    # ln 5.5): f1 holds plain at 0.7 + 0.15 x 0.7 and the rest at 0.6 through e1.
    hits = search(described_index(tmp_path), "plain fighter jet engine", limit=None)
    assert (hits[0].record_id, hits[0].score, hits[0].match.via, hits[0].complete) == ("f1", 64.4, "e1", True)


def test_a_description_is_read_after_a_name_that_holds_a_query_word(tmp_path: Path) -> None:
    # "aero" stands in all four names (too many to mean one); e1's description holds the other three words, 79%
    # of the query's weight (ln 2.8 for each of aero, fighter, jet; ln 5.5 for engine; e2's two: 43%): f1 holds
    # them at 0.6 through e1, 0.6 x 3.764 / 4.794.
    hits = search(described_index(tmp_path), "aero fighter jet engine", limit=None)
    assert [(h.score, h.match.via, h.complete) for h in hits if h.record_id == "f1"] == [(47.1, "e1", False)]


def test_words_of_a_name_in_another_order_hold_by_how_much_of_the_name_they_are(exact: Found) -> None:
    # Not the alias "Blue Flame" as written, but both its words: 0.9 + 0.09 x 1 (all of the name) x 2 / 2.
    assert rows(exact, "flame blue") == [("gazprom", 99.0, "alias", "Blue Flame", ((0, 4), (5, 10)), None, True)]


# -- Russian and Hindi query words (search/lexicon.py) --------------------------------------------------------

GLOSSED = ("sign", "signed", "signing", "agreement", "deal", "pact", "accord", "visit", "oil")


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("подписали", {"sign": 56.0, "signed": 56.0, "signing": 56.0}),
        ("что подписали", {"sign": 56.0, "signed": 56.0, "signing": 56.0}),  # "что" is a question word
        ("कब हस्ताक्षर किए", {"sign": 56.0, "signed": 56.0, "signing": 56.0}),  # "when ... did"
        ("समझौतों", {"agreement": 56.0, "deal": 56.0, "pact": 56.0, "accord": 56.0}),
        ("визиты", {"visit": 56.0}),  # not "vizir", a near spelling of визит
    ],
)
def test_a_russian_or_hindi_word_holds_its_english_words_at_08(
    tmp_path: Path, query: str, found: dict[str, float]
) -> None:
    # One four-word statement a word, as for synonyms: an English word held at 0.7, its translation at 0.7 x 0.8.
    facts = "".join(fact_yaml(word, f"They saw {word} today.") for word in GLOSSED)
    index = small_index(tmp_path, MISC + "facts:\n" + facts + fact_yaml("vizir", "They saw Визир today."))
    assert {h.record_id: h.score for h in search(index, query, limit=None)} == found


def glossed_names(tmp_path: Path) -> SearchIndex:
    return small_index(
        tmp_path,
        MISC
        + "entities:\n"
        + entity_yaml("putin", "Vladimir Putin", "A president.", ("Putin", "Путин"))
        + entity_yaml("mol", "Ministry of Labour", "A ministry.")
        + entity_yaml("labour", "Labour", "Work.")
        + entity_yaml("war", "Ukraine war", "A war.", ("война на Украине",))
        + entity_yaml("ukraine", "Ukraine", "A country.", ("Украина",))
        + "facts:\n"
        + fact_yaml("f1", "Putin signed the pact.", "putin")
        + fact_yaml("f2", "Putin visited the plant.", "putin")
        + fact_yaml("f3", "The pact was signed at noon.")
        + fact_yaml("f4", "Plain words said here.", "mol")
        + fact_yaml("f5", "Plain words said here.", "labour")
        + fact_yaml("f6", "Plain words said here.", "war")
        + fact_yaml("f7", "Plain words said here.", "ukraine"),
    )


def test_a_question_in_russian_finds_what_its_english_would(tmp_path: Path) -> None:
    # f1 says Putin signed and is about him; the entity holds his name; f2 is about him and says nothing of
    # signing; f3 says "signed" but a name weighs more than the other words. The inflected name (Путина) meets
    # the alias by the stemmer, the verb (подписал) the English "signed" by the glossary.
    index = glossed_names(tmp_path)
    assert ids(index, "что подписал Путин") == ["f1", "putin", "f2", "f3"]
    assert ids(index, "что подписали Путина") == ["f1", "putin", "f2", "f3"]
    assert ids(index, "what did Putin sign") == ["f1", "putin", "f2", "f3"]


def test_a_name_is_looked_up_with_the_filler_words_it_holds(tmp_path: Path) -> None:
    # "of" and "на" are dropped from the query as filler, yet they stand in the name: the run of the query as
    # written names the ministry (the war), and "labour" ("Украине") does not also name Labour (Ukraine).
    index = glossed_names(tmp_path)
    assert ids(index, "ministry of labour") == ["mol", "f4", "labour"]
    assert ids(index, "война на Украине") == ["war", "f6", "ukraine"]


def test_a_russian_filler_letter_joined_to_a_number_is_a_piece_of_a_name(tmp_path: Path) -> None:
    # "с" is a preposition ("with"), but in "с-400" it is the С of С-400: the run names the system, and its record
    # f1 comes before f2, which holds the missiles and a 400. No record holds every word; f3 holds only the
    # missiles, translated (0.8), under the least score shown then, where the English word (1.0) is above it.
    # Apart ("с 400"), "с" is the preposition: "400" only stands in the name, and f2, holding both words, leads.
    index = small_index(
        tmp_path,
        MISC
        + "entities:\n"
        + entity_yaml("s400", "S-400", "A system.", ("С-400",))
        + entity_yaml("s500", "S-500", "A system.", ("С-500",))
        + "facts:\n"
        + fact_yaml("f1", "Plain words said here.", "s400")
        + fact_yaml("f2", "Missiles came in 400 crates.")
        + fact_yaml("f3", "Missiles were made.", "s500"),
    )
    assert ids(index, "ракеты с-400") == ["s400", "f1", "f2"]
    assert ids(index, "S-400 missiles") == ["s400", "f1", "f2", "f3"]
    assert ids(index, "ракеты с 400") == ["f2", "s400", "f1", "f3"]


@pytest.mark.parametrize("query", ["Путиным", "с Путиным"])
def test_a_name_in_a_russian_case_that_the_stemmer_leaves_reaches_its_entity(tmp_path: Path, query: str) -> None:
    # "Путиным" (instrumental) keeps its ending through text.fold; without it, it is the alias Путин: the entity
    # and the records about it score as for "Путин" (putin 100 there, as the query is its exact name; 99 here).
    hits = search(glossed_names(tmp_path), query, limit=None)
    assert [(h.record_id, h.score) for h in hits] == [("putin", 99.0), ("f1", 89.4), ("f2", 89.4)]
