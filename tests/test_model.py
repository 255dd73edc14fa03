"""The model the loader builds: frozen records, tuple collections, lookup by id, and dates with their precision."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from conftest import PRELUDE
from indoruss.loading.loader import load_factbase
from indoruss.loading.paths import bundled_data_dir
from indoruss.model import records as m

SECTIONS = ("sources", "topics", "entities", "facts", "figures", "quotes", "events", "outcomes", "conflicts")

# The tuple fields every kind of claim has.
CLAIM_TUPLES = ("topics", "entities", "sources", "qualifies")

SMALL = (
    PRELUDE
    + """\
quotes:
  - id: officials-quote
    text: "significant outcomes"
    speaker: {name: Officials, description: Unnamed Indian officials}
    context: told PTI
    fragment: true
    topics: [trade]
    source: {id: report, paragraph: 3}
"""
)


def small_factbase(tmp_path: Path, dates: dict[str, tuple[str | None, str | None]]) -> m.FactBase:
    """SMALL plus one fact per entry of `dates`: id -> (date, date_label), None leaving the field out."""
    text = SMALL + ("facts:\n" if dates else "")
    for rid, (date, label) in dates.items():
        text += f"  - id: {rid}\n    statement: Something happened.\n    status: confirmed\n    topics: [trade]\n"
        if date is not None:
            text += f'    date: "{date}"\n'
        if label is not None:
            text += f'    date_label: "{label}"\n'
        text += "    source: {id: report, paragraph: 2}\n"
    path = tmp_path / "small.yaml"
    path.write_text(text, encoding="utf-8")
    return load_factbase(path)


@pytest.fixture(scope="module")
def fb() -> m.FactBase:
    return load_factbase(bundled_data_dir())


def one_of_each(fb: m.FactBase) -> list[m.Record]:
    found = [getattr(fb, section)[0] for section in SECTIONS]
    assert [r.kind for r in found] == [
        "source",
        "topic",
        "entity",
        "fact",
        "figure",
        "quote",
        "event",
        "outcome",
        "conflict",
    ]
    return found


# -- frozen -----------------------------------------------------------------------------------------------------


def test_every_kind_of_record_is_frozen(fb: m.FactBase) -> None:
    for record in one_of_each(fb):
        for field in dataclasses.fields(record):
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(record, field.name, None)
            with pytest.raises(dataclasses.FrozenInstanceError):
                delattr(record, field.name)


def test_fact_base_is_frozen(fb: m.FactBase) -> None:
    for name in (*SECTIONS, "fingerprint", "schema_version", "by_id"):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(fb, name, ())
    with pytest.raises(dataclasses.FrozenInstanceError):
        fb.new_attribute = 1  # type: ignore[attr-defined]


def test_nested_values_are_frozen(fb: m.FactBase) -> None:
    fact = next(f for f in fb.facts if f.date is not None)
    quote = fb.quotes[0]
    for value, name in (
        (fact.source, "paragraph"),
        (fact.date, "precision"),
        (fact.origin, "line"),
        (quote.speaker, "name"),
    ):
        with pytest.raises(AttributeError):  # frozen: a dataclass or a named tuple refuses the change
            setattr(value, name, None)


def test_by_id_cannot_be_changed(tmp_path: Path) -> None:
    small = small_factbase(tmp_path, {})
    with pytest.raises(TypeError):
        small.by_id["intruder"] = small.topics[0]  # type: ignore[index]


# -- tuples -------------------------------------------------------------------------------------------------------


def test_sections_are_tuples(fb: m.FactBase) -> None:
    for section in SECTIONS:
        rows = getattr(fb, section)
        assert type(rows) is tuple, section
        assert rows, section
    assert type(fb.records()) is tuple
    assert type(fb.claims()) is tuple


def test_fields_declared_as_tuples_hold_tuples_of_text(fb: m.FactBase) -> None:
    checked = set()
    for record in fb.records():
        for field in dataclasses.fields(record):
            if str(field.type).startswith("tuple"):
                value = getattr(record, field.name)
                assert type(value) is tuple, (record.id, field.name)
                # A claim's sources are references (an id and maybe a paragraph); every other tuple is of ids or text.
                item_type = m.SourceRef if field.name == "sources" else str
                assert all(type(item) is item_type for item in value), (record.id, field.name)
                checked.add((record.kind, field.name))
    assert checked == {
        ("topic", "aliases"),
        ("entity", "aliases"),
        ("entity", "topics"),
        *((kind, name) for kind in ("fact", "figure", "quote", "event") for name in CLAIM_TUPLES),
        ("quote", "about"),
        ("outcome", "evidence"),
        ("outcome", "topics"),
        ("outcome", "entities"),
        ("conflict", "claims"),
        ("conflict", "topics"),
    }


def test_records_are_hashable(fb: m.FactBase) -> None:
    # A list anywhere inside a record would make hash() raise TypeError.
    assert len({hash(record) for record in fb.records()}) == len(fb.records())


# -- lookup -------------------------------------------------------------------------------------------------------


def test_by_id_finds_every_record_itself(fb: m.FactBase) -> None:
    assert len(fb.by_id) == len(fb.records())
    for record in fb.records():
        assert fb.by_id[record.id] is record


def test_by_id_knows_each_kind(fb: m.FactBase) -> None:
    assert isinstance(fb.by_id["putin-india-visit-2025-12-04"], m.Source)
    assert isinstance(fb.by_id["defence"], m.Topic)
    assert isinstance(fb.by_id["peskov"], m.Entity)
    assert isinstance(fb.by_id["visit-begins-december-4"], m.Fact)
    assert isinstance(fb.by_id["bilateral-trade-target"], m.Figure)
    assert isinstance(fb.by_id["quote-peskov-s-400"], m.Quote)
    assert isinstance(fb.by_id["event-putin-visit-india"], m.Event)
    assert "no-such-record" not in fb.by_id


def test_records_and_claims_keep_section_order(fb: m.FactBase) -> None:
    assert fb.records() == tuple(r for section in SECTIONS for r in getattr(fb, section))
    assert fb.claims() == (*fb.facts, *fb.figures, *fb.quotes, *fb.events)


def main_sources_as_written() -> dict[str, str | None]:
    """Each bundled record's main source id, read from the YAML itself: the first of a list, None if it has none."""
    found: dict[str, str | None] = {}
    for path in sorted(bundled_data_dir().rglob("*.yaml")):
        for section, rows in yaml.safe_load(path.read_text(encoding="utf-8")).items():
            if section == "schema":
                continue
            for row in rows:
                source = row.get("source")
                found[row["id"]] = (source[0] if isinstance(source, list) else source)["id"] if source else None
    return found


def test_source_of(fb: m.FactBase) -> None:
    written = main_sources_as_written()
    assert len(written) == len(fb.records())
    for record in fb.records():
        expected = written[record.id]
        assert (None if expected is None else fb.by_id[expected]) is fb.source_of(record), record.id
        if isinstance(record, m.Source | m.Topic | m.Outcome | m.Conflict):
            assert fb.source_of(record) is None, record.id
    # A record of the preview cites the preview; a later one its own source; a claim of several, the first.
    preview = fb.by_id["putin-india-visit-2025-12-04"]
    assert fb.source_of(fb.by_id["peskov"]) is preview
    assert fb.source_of(fb.by_id["alexey-likhachev"]) is fb.by_id["sputnik-2025-12-05-kudankulam-fuel"]
    assert fb.source_of(fb.by_id["relos-only-duma-before-visit"]) is fb.by_id["indiatoday-2025-12-15-relos-signed"]


def test_equal_loads_are_equal_and_by_id_is_left_out(fb: m.FactBase) -> None:
    again = load_factbase(bundled_data_dir())
    assert again == fb
    assert again.fingerprint == fb.fingerprint
    assert len(fb.fingerprint) == 12
    assert all(c in "0123456789abcdef" for c in fb.fingerprint)
    assert "by_id" not in repr(m.FactBase({}, "x"))


def test_fingerprint_follows_content(tmp_path: Path) -> None:
    first = small_factbase(tmp_path, {"a": (None, None)}).fingerprint
    assert small_factbase(tmp_path, {"a": (None, None)}).fingerprint == first
    assert small_factbase(tmp_path, {"b": (None, None)}).fingerprint != first


# -- speakers -----------------------------------------------------------------------------------------------------


def test_entity_speaker_is_filled_in_from_the_entity(fb: m.FactBase) -> None:
    quote = fb.by_id["quote-peskov-s-400"]
    peskov = fb.by_id["peskov"]
    assert isinstance(quote, m.Quote)
    assert isinstance(peskov, m.Entity)
    assert quote.speaker == m.Speaker("peskov", "Dmitry Peskov", peskov.description)
    # The speaker comes first, then what the quote speaks of.
    assert quote.entities == ("peskov", "s-400")


def test_unnamed_speaker_has_no_id(fb: m.FactBase, tmp_path: Path) -> None:
    quote = fb.by_id["quote-officials-labour-pact"]
    assert isinstance(quote, m.Quote)
    assert quote.speaker.id is None
    assert quote.speaker.name == "Officials"
    assert quote.entities == ("labour-mobility-agreement",)
    small = small_factbase(tmp_path, {})
    assert small.quotes[0].speaker == m.Speaker(None, "Officials", "Unnamed Indian officials")


# -- dates --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record_id", "date"),
    [
        ("visit-begins-december-4", m.DateSpec("2025-12-04", "day", "2025-12-04", None, "4 December 2025")),
        ("first-visit-since-war", m.DateSpec("2025-12-04", "day", "2025-12-04", None, "4 December 2025")),
        ("event-russia-ukraine-war-begins", m.DateSpec("2022", "year", "2022", None, "2022")),
        (
            "event-putin-visit-india",
            m.DateSpec("2025-12-04/2025-12-05", "day", "2025-12-04", "2025-12-05", "4-5 December 2025"),
        ),
    ],
)
def test_bundled_dates(fb: m.FactBase, record_id: str, date: m.DateSpec) -> None:
    record = fb.by_id[record_id]
    assert isinstance(record, m.Fact | m.Figure | m.Event)
    assert record.date == date
    assert record.date.sort_key == date.start


def test_every_bundled_date_has_the_precision_of_its_form(fb: m.FactBase) -> None:
    precision_of_length = {4: "year", 7: "month", 10: "day"}
    dated = [c for c in fb.claims() if getattr(c, "date", None) is not None]
    assert len(dated) >= 10
    for claim in dated:
        date = claim.date  # type: ignore[union-attr]
        start, _, end = date.text.partition("/")
        assert date.start == start, claim.id
        assert date.end == (end or None), claim.id
        assert date.precision == precision_of_length[len(start)], claim.id
    assert all(event.date is not None for event in fb.events)


def test_undated_claims_have_no_date(fb: m.FactBase) -> None:
    fact = fb.by_id["new-deals-expected"]
    assert isinstance(fact, m.Fact)
    assert fact.date is None


@pytest.mark.parametrize(
    ("text", "label", "date"),
    [
        ("2025", None, m.DateSpec("2025", "year", "2025")),
        ("2025-12", "December 2025", m.DateSpec("2025-12", "month", "2025-12", None, "December 2025")),
        ("2025-12-04", None, m.DateSpec("2025-12-04", "day", "2025-12-04")),
        ("2025-01-31", None, m.DateSpec("2025-01-31", "day", "2025-01-31")),
        (
            "2025-12-04/2025-12-05",
            "4-5 December 2025",
            m.DateSpec("2025-12-04/2025-12-05", "day", "2025-12-04", "2025-12-05", "4-5 December 2025"),
        ),
    ],
)
def test_date_forms_give_their_precision(tmp_path: Path, text: str, label: str | None, date: m.DateSpec) -> None:
    small = small_factbase(tmp_path, {"dated": (text, label), "undated": (None, None)})
    dated, undated = small.facts
    assert dated.date == date
    assert undated.date is None


def test_dates_sort_by_their_start(tmp_path: Path) -> None:
    small = small_factbase(
        tmp_path,
        {
            "late": ("2025-12-04/2025-12-05", None),
            "year": ("2024", None),
            "month": ("2025-11", None),
            "day": ("2025-11-30", None),
        },
    )
    ordered = sorted(small.facts, key=lambda fact: fact.date.sort_key)  # type: ignore[union-attr]
    assert [fact.id for fact in ordered] == ["year", "month", "day", "late"]
