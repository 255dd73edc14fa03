"""The search index (search/index.py): what it holds of each record, `expand`, `date_words`, `searchable_fields`."""

from __future__ import annotations

from pathlib import Path

import pytest

from indoruss.loading.loader import load_factbase
from indoruss.loading.paths import bundled_data_dir
from indoruss.search.index import FIELD_BITS, SearchIndex, searchable_fields
from indoruss.search.ranking import search
from search_bases import LATER, MISC, PERSONS, Found, entity_yaml, exact_base, fact_yaml, small_index

INDEX = SearchIndex(load_factbase(bundled_data_dir()))


@pytest.fixture(scope="module")
def exact() -> Found:
    return exact_base()


@pytest.fixture(scope="module")
def later(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    return small_index(tmp_path_factory.mktemp("later"), LATER)


@pytest.fixture(scope="module")
def persons(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    return small_index(tmp_path_factory.mktemp("persons"), PERSONS)


def test_topic_counts_from_the_index_equal_those_from_the_records() -> None:
    from indoruss.model import queries

    fb = load_factbase(bundled_data_dir())
    from_records = queries.topic_counts(fb)
    from_index = queries.count_topics(INDEX.topic_records, zip(INDEX.kinds, INDEX.topics, strict=True))
    assert from_index == from_records
    trade = next(row for row in from_index if row.topic.id == "trade")
    assert trade.counts == {"facts": 49, "figures": 14, "quotes": 4, "events": 15}


def test_the_index_holds_each_record_its_kind_status_topics_length_and_links(exact: Found) -> None:
    index, _ = exact
    assert index.record_ids == [
        "energy", "transport", "rosneft", "gazprom", "deal", "other", "rail", "ship", "grain", "port",
    ]  # fmt: skip
    assert index.kinds == ["topic"] * 2 + ["entity"] * 2 + ["fact"] * 6
    assert index.kind_counts == {"topic": 2, "entity": 2, "fact": 6}
    assert index.statuses == [None] * 4 + ["confirmed", "expected", "confirmed", "confirmed", "confirmed", "confirmed"]
    energy, transport = ("energy",), ("transport",)
    assert (
        index.topics == [energy, transport, energy, energy, energy, energy, ("transport", "energy")] + [transport] * 3
    )
    # Names are not counted in a record's length, only its other text: four words each.
    assert list(index.lengths) == [4] * 10 and index.average_length == 4.0
    # Claims link to their entities, then their topics; entities and topics link to nothing.
    assert {key: list(docs) for key, docs in index.linked_from.items()} == {
        "rosneft": [4, 5],
        "energy": [4, 5, 6],
        "transport": [6, 7, 8, 9],
    }
    assert index.topic_ids == {"energy", "transport"}
    assert index.resolves == {}


def test_the_index_holds_names_their_sizes_and_terms(exact: Found) -> None:
    index, _ = exact
    gazprom = 3 << FIELD_BITS  # record 3, its fields: name 0, alias 1, description 2
    assert {name: index.names[name] for name in ("energy", "rosneft", "gazprom", "blueflame")} == {
        "energy": [0 << FIELD_BITS],
        "rosneft": [2 << FIELD_BITS],
        "gazprom": [gazprom],
        "blueflame": [gazprom | 1],
    }
    assert "fuelsoldbetweenstate" not in index.names  # a description is no name
    assert (index.name_sizes[gazprom], index.name_sizes[gazprom | 1]) == (1, 2)
    assert index.name_terms[3] == "gazprom\nblue flame"
    assert index.suggestion_forms == ["energy", "transport", "rosneft", "gazprom", "blueflame"]
    assert index.suggestion_owners == ["Energy", "Transport", "Rosneft", "Gazprom", "Gazprom"]
    assert [index.field_of(gazprom | i) for i in (0, 1, 2, 9)] == ["name", "alias", "description", "description"]
    assert (index.doc_of(gazprom | 2), index.field_position(gazprom | 2)) == (3, 2)
    assert sorted(index.postings["fuel"]) == [0 << FIELD_BITS | 1]  # energy's description, after its title


def test_expand_a_word_the_words_it_begins_and_its_near_spellings(exact: Found) -> None:
    index, _ = exact
    assert index.expand("rosneft") == {"rosneft": 1.0}
    assert index.expand("cont") == {"container": 0.85, "contract": 0.85}
    assert index.expand("con") == {}  # too short to begin a word
    assert index.expand("rasneft") == {"rosneft": pytest.approx(0.9 * 12 / 14)}
    assert index.expand("outpat") == {"output": pytest.approx(0.9 * 10 / 12)}
    assert index.expand("cuntaner") == {}  # 82.4 like "container": not enough from eight letters on
    assert index.expand("oyl") == {}


def test_expand_never_takes_a_number_for_a_near_spelling(tmp_path: Path) -> None:
    index = small_index(tmp_path, MISC + "entities:\n" + entity_yaml("n", "Unit", "Made 1234 units."))
    assert index.expand("1235") == {}
    assert index.expand("1234x") == {}  # 88.9 like "1234", but that is a number
    assert index.expand("unitz") == {"unit": pytest.approx(0.9 * 8 / 9)}


def test_outcomes_and_conflicts_answer_for_their_expectation_and_claims(later: SearchIndex) -> None:
    answers = {later.record_ids[doc]: [later.record_ids[t] for t in targets] for doc, targets in later.resolves.items()}
    assert answers == {
        "outcome-pipeline": ["pipeline-expected"],
        "outcome-squadrons": ["squadrons"],
        "conflict-share": ["share-96", "share-90"],
    }


def test_date_words_as_people_write_them() -> None:
    from indoruss.model.records import DateSpec
    from indoruss.search.index import date_words

    def spec(start: str, end: str | None = None, label: str | None = None) -> DateSpec:
        return DateSpec(start, "day", start, end, label)

    assert date_words(spec("2025-12-04")) == "4 December 2025"
    assert date_words(spec("2025-03")) == "March 2025"
    assert date_words(spec("2022")) == "2022"
    assert date_words(spec("2025-12-04", "2025-12-05")) == "from 4 December 2025 to 5 December 2025"
    assert date_words(spec("2025-12-04", label="the summit")) == "4 December 2025 (the summit)"
    assert date_words(spec("2025-12", label="December 2025")) == "December 2025"
    # Anything else stays as written (the loader lets no such date through, a hand-made one may be).
    assert [date_words(spec(iso)) for iso in ("2025-12-xx", "2025-xx-04", "2025-xx", "12-2025-04-01")] == [
        "2025-12-xx",
        "2025-xx-04",
        "2025-xx",
        "12-2025-04-01",
    ]


def test_searchable_fields_of_each_kind(exact: Found, tmp_path: Path) -> None:
    path = tmp_path / "factbase.yaml"
    path.write_text(LATER, encoding="utf-8")
    records = load_factbase(path).by_id
    assert searchable_fields(records["fuel-arrives"]) == (("title", "Fuel arrives"), ("date", "4 December 2025"))
    assert searchable_fields(records["outcome-pipeline"]) == (
        ("summary", "It happened."),
        ("verdict", "happened: the later sources report it happened"),
    )
    assert searchable_fields(records["outcome-squadrons"])[1] == (
        "verdict",
        "not reported: nothing found in the sources",
    )
    assert searchable_fields(records["conflict-share"]) == (("question", "How much is settled at home."),)
    assert searchable_fields(records["energy"]) == (
        ("title", "Energy"),
        ("alias", "oil"),
        ("alias", "нефть"),
        ("description", "Energy cooperation."),
    )
    assert searchable_fields(load_factbase(bundled_data_dir()).by_id["bilateral-trade-target"]) == (
        ("display", "$100 billion"),
        ("measures", "Target level of India-Russia bilateral trade"),
        ("period", "over the next five years"),
    )
    assert searchable_fields(exact[1]["gazprom"]) == (
        ("name", "Gazprom"),
        ("alias", "Blue Flame"),
        ("description", "Another big gas firm."),
    )


def test_a_text_of_more_than_65535_words_counts_as_65535_long(tmp_path: Path) -> None:
    index = small_index(tmp_path, MISC + "facts:\n" + fact_yaml("long", "word " * 70_000 + "end."))
    assert list(index.lengths) == [4, 65_535]
    assert [h.record_id for h in search(index, "end")] == ["long"]


def test_the_records_a_person_speaks_or_acts_in(persons: SearchIndex) -> None:
    def voiced(record_id: str) -> list[str] | None:
        docs = persons.voiced(persons.record_ids.index(record_id))
        return None if docs is None else [persons.record_ids[doc] for doc in docs]

    # Not Kovac's possessive, a fact citing him ("according to"), a figure's attribution, or an event where he is
    # greeted.
    assert voiced("kovac") == ["kovac", "kovac-says", "both-due", "quote-kovac", "arrival"]
    assert voiced("lind") == ["lind", "lind-on-kovac", "both-due", "lind-greets-kovac"]
    assert voiced("stats-office") is None  # an organisation: its attributions are sources cited
    assert voiced("office-says") is None
