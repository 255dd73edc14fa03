"""The model the loader builds: frozen records, tuple collections, lookup by id, and dates with their precision."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

import pytest
import yaml

from conftest import PRELUDE, RUSSIA, ids, with_more_topics
from indoruss.errors import Ambiguous, LookupFailed, UnknownChoice
from indoruss.loading.loader import load_factbase
from indoruss.loading.paths import bundled_data_dir
from indoruss.model import queries
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


# -- queries: topics, speakers, quotes, actors, finding a record ------------------------------------------------

# Three topics, six entities and a few claims of each kind, each filed where the tests below read it.
QUERIES = (
    with_more_topics(PRELUDE)
    + RUSSIA
    + """\
  - id: peskov
    name: Dmitry Peskov
    category: person
    description: The Kremlin's spokesman.
    aliases: [Kremlin spokesman]
    topics: [defence]
    source: {id: report, paragraph: 2}
  - id: jaishankar
    name: S. Jaishankar
    category: person
    description: India's foreign minister.
    aliases: [EAM]
    source: {id: report, paragraph: 2}
  - id: rosatom
    name: Rosatom
    category: organisation
    description: Russia's nuclear energy company.
    topics: [nuclear]
    source: {id: report, paragraph: 3}
  - id: s-400
    name: S-400
    category: weapon-system
    description: A missile system.
    topics: [defence]
    source: {id: report, paragraph: 3}
facts:
  - id: trade-grew
    statement: Trade between the two countries grew.
    status: confirmed
    topics: [trade]
    entities: [india, russia]
    source: {id: report, paragraph: 4}
  - id: s-400-deliveries
    statement: More S-400 units are due.
    status: expected
    topics: [defence, trade]
    entities: [s-400]
    source: {id: report, paragraph: 5}
figures:
  - id: trade-target
    value: 100000000000
    unit: USD
    display: "$100 billion"
    qualifier: target
    measures: Target level of bilateral trade
    status: expected
    topics: [trade]
    entities: [india, russia]
    source: {id: report, paragraph: 6}
quotes:
  - id: quote-peskov-s-400
    text: "S-400 is on the agenda."
    speaker: peskov
    context: a briefing
    fragment: false
    topics: [defence]
    entities: [s-400]
    source: {id: report, paragraph: 7}
  - id: quote-officials
    text: "significant outcomes"
    speaker: {name: Officials, description: Unnamed Indian officials}
    context: told PTI
    fragment: true
    topics: [trade]
    source: {id: report, paragraph: 8}
  - id: quote-jaishankar
    text: "Our trade must be balanced."
    speaker: jaishankar
    context: a press conference
    fragment: false
    topics: [trade]
    source: {id: report, paragraph: 9}
  - id: quote-peskov-trade
    text: "Trade will grow."
    speaker: peskov
    context: an interview
    fragment: false
    topics: [trade]
    entities: [india]
    source: {id: report, paragraph: 10}
events:
  - id: summit
    title: The annual summit
    date: "2025-12-05"
    status: confirmed
    topics: [trade, defence]
    entities: [india, russia]
    source: {id: report, paragraph: 11}
"""
)


def load_text(tmp_path: Path, *texts: str) -> m.FactBase:
    """A fact base of these YAML files, written in a folder of their own."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    for number, text in enumerate(texts):
        (folder / f"part{number}.yaml").write_text(text, encoding="utf-8")
    return load_factbase(folder)


@pytest.fixture
def qfb(tmp_path: Path) -> m.FactBase:
    return load_text(tmp_path, QUERIES)


def test_topic_counts_are_per_topic_and_kind_in_registry_order(qfb: m.FactBase) -> None:
    rows = [(row.topic.id, list(row.counts.items())) for row in queries.topic_counts(qfb)]
    assert rows == [
        ("trade", [("facts", 2), ("figures", 1), ("quotes", 3), ("events", 1)]),
        ("defence", [("facts", 1), ("figures", 0), ("quotes", 1), ("events", 1)]),
        ("nuclear", [("facts", 0), ("figures", 0), ("quotes", 0), ("events", 0)]),
    ]


def test_topic_detail_lists_its_entities_then_its_claims(qfb: m.FactBase) -> None:
    defence = qfb.by_id["defence"]
    assert isinstance(defence, m.Topic)
    detail = queries.topic_detail(qfb, defence)
    assert detail.topic is defence
    assert ids(detail.records) == ["russia", "peskov", "s-400", "s-400-deliveries", "quote-peskov-s-400", "summit"]


def test_in_topic(qfb: m.FactBase) -> None:
    defence = qfb.by_id["defence"]
    assert isinstance(defence, m.Topic)
    assert ids(queries.in_topic(qfb.of(m.Fact), defence)) == ["s-400-deliveries"]
    assert ids(queries.in_topic(qfb.of(m.Entity), defence)) == ["russia", "peskov", "s-400"]
    assert ids(queries.in_topic(qfb.of(m.Fact), None)) == ["trade-grew", "s-400-deliveries"]
    assert queries.in_topic(qfb.sources, defence) == []  # a source is filed under no topic


@pytest.mark.parametrize(
    ("text", "topic_id"),
    [("defence", "defence"), ("nuclear", "nuclear"), ("Civil Nuclear Energy", "nuclear"), ("military", "defence")],
)
def test_resolve_topic_by_id_title_or_alias(qfb: m.FactBase, text: str, topic_id: str) -> None:
    assert queries.resolve_topic(qfb.topics, text) is qfb.by_id[topic_id]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # "trace" is 80% like "trade" (fuzz.ratio), just at the cut-off.
        ("trace", "unknown topic 'trace'; did you mean trade? (topics: trade, defence, nuclear)"),
        ("weather", "unknown topic 'weather' (topics: trade, defence, nuclear)"),
    ],
)
def test_an_unknown_topic_names_the_near_ones(qfb: m.FactBase, text: str, message: str) -> None:
    with pytest.raises(UnknownChoice) as caught:
        queries.resolve_topic(qfb.topics, text)
    assert str(caught.value) == message


def test_an_unknown_topic_suggests_at_most_two(tmp_path: Path) -> None:
    topics = "".join(
        f"  - id: {name}\n    title: {name.capitalize()}\n    description: About {name}.\n"
        for name in ("grain", "brain", "drain")
    )
    fb = load_text(tmp_path, PRELUDE.replace("topics:\n", "topics:\n" + topics))
    with pytest.raises(UnknownChoice) as caught:
        queries.resolve_topic(fb.topics, "train")
    assert (
        str(caught.value) == "unknown topic 'train'; did you mean grain or brain? (topics: grain, brain, drain, trade)"
    )


def test_speakers_by_key_in_order_of_first_quote(qfb: m.FactBase) -> None:
    assert list(queries.speakers(qfb).items()) == [
        ("peskov", "Dmitry Peskov"),
        ("Officials", "Officials"),  # unnamed: its name is its key
        ("jaishankar", "S. Jaishankar"),
    ]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("peskov", "peskov"),
        ("Dmitry Peskov", "peskov"),
        ("PESKOV", "peskov"),
        ("Kremlin spokesman", "peskov"),  # an alias of the entity
        ("EAM", "jaishankar"),
        ("officials", "Officials"),
        ("Pesk", "peskov"),  # 80% like "peskov", the lowest a guess may be, and four letters, the fewest
        ("Dmitri", "peskov"),  # a typo of a first name gives the speaker's key, not the name
        ("EAMx", "jaishankar"),  # a three-letter alias can be guessed at too
    ],
)
def test_resolve_speaker(qfb: m.FactBase, text: str, key: str) -> None:
    assert queries.resolve_speaker(qfb, text) == key


@pytest.mark.parametrize(
    ("text", "message", "suggestions"),
    [
        ("Dmitrov", "no quotes by 'Dmitrov'", ("Dmitry Peskov",)),  # 77% like "dmitry": suggested, not guessed
        ("Pes", "no quotes by 'Pes'", ("Dmitry Peskov",)),  # too short to guess at
        ("Modi", "no quotes by 'Modi' (speakers: Dmitry Peskov, Officials, S. Jaishankar)", ()),
    ],
)
def test_resolve_speaker_fails_with_suggestions(
    qfb: m.FactBase, text: str, message: str, suggestions: tuple[str, ...]
) -> None:
    with pytest.raises(LookupFailed) as caught:
        queries.resolve_speaker(qfb, text)
    assert (str(caught.value), caught.value.suggestions) == (message, suggestions)


def test_resolve_speaker_without_quotes(tmp_path: Path) -> None:
    with pytest.raises(LookupFailed) as caught:
        queries.resolve_speaker(load_text(tmp_path, PRELUDE), "Peskov")
    assert str(caught.value) == "no quotes by 'Peskov': the fact base holds no quotes (as of this date)"
    assert caught.value.suggestions == ()


SPEAKERS_ALIKE = """\
schema: 2
entities:
  - id: putin
    name: Vladimir Putin
    category: person
    description: Russia's president.
    source: {id: report, paragraph: 1}
  - id: medinsky
    name: Vladimir Medinsky
    category: person
    description: A Russian official.
    source: {id: report, paragraph: 1}
quotes:
  - id: quote-putin
    text: "Welcome."
    speaker: putin
    context: a dinner
    fragment: false
    topics: [trade]
    source: {id: report, paragraph: 2}
  - id: quote-medinsky
    text: "Thank you."
    speaker: medinsky
    context: a dinner
    fragment: false
    topics: [trade]
    source: {id: report, paragraph: 2}
  - id: quote-indian-officials
    text: "good talks"
    speaker: {name: Indian officials, description: Unnamed Indian officials}
    context: told PTI
    fragment: true
    topics: [trade]
    source: {id: report, paragraph: 3}
  - id: quote-russian-officials
    text: "useful talks"
    speaker: {name: Russian officials, description: Unnamed Russian officials}
    context: told TASS
    fragment: true
    topics: [trade]
    source: {id: report, paragraph: 3}
"""


def test_an_ambiguous_speaker_lists_every_candidate(tmp_path: Path) -> None:
    fb = load_text(tmp_path, PRELUDE, SPEAKERS_ALIKE)
    with pytest.raises(Ambiguous) as caught:
        queries.resolve_speaker(fb, "Vladimir")
    assert caught.value.candidates == (
        ("Vladimir Putin", "entity", "putin"),
        ("Vladimir Medinsky", "entity", "medinsky"),
    )
    with pytest.raises(Ambiguous) as caught:
        queries.resolve_speaker(fb, "officials")  # a word of two unnamed speakers' names
    assert str(caught.value) == (
        "'officials' is ambiguous; it could be: Indian officials (speaker Indian officials),"
        " Russian officials (speaker Russian officials)"
    )


def test_a_speakers_whole_name_wins_over_a_word_of_another(tmp_path: Path) -> None:
    fb = load_text(tmp_path, QUERIES, SPEAKERS_ALIKE)
    assert queries.resolve_speaker(fb, "Officials") == "Officials"
    assert queries.resolve_speaker(fb, "Indian officials") == "Indian officials"
    assert queries.resolve_speaker(fb, "putin") == "putin"


def test_quotes_by_speaker_and_topic(qfb: m.FactBase) -> None:
    trade = qfb.by_id["trade"]
    assert isinstance(trade, m.Topic)
    everything = ["quote-peskov-s-400", "quote-officials", "quote-jaishankar", "quote-peskov-trade"]
    assert ids(queries.quotes(qfb, None, None)) == everything
    assert ids(queries.quotes(qfb, "peskov", None)) == ["quote-peskov-s-400", "quote-peskov-trade"]
    assert ids(queries.quotes(qfb, "Officials", None)) == ["quote-officials"]
    assert ids(queries.quotes(qfb, None, trade)) == ["quote-officials", "quote-jaishankar", "quote-peskov-trade"]
    assert ids(queries.quotes(qfb, "peskov", trade)) == ["quote-peskov-trade"]


def test_actors_by_category_then_name(qfb: m.FactBase) -> None:
    assert ids(queries.actors(qfb, None)) == ["peskov", "jaishankar", "rosatom", "india", "russia", "s-400"]
    assert ids(queries.actors(qfb, "person")) == ["peskov", "jaishankar"]
    assert queries.actors(qfb, "place") == []


@pytest.mark.parametrize(
    ("text", "record_id"),
    [
        ("trade-grew", "trade-grew"),  # a fact by its id
        ("Dmitry Peskov", "peskov"),
        ("bharat", "india"),  # an entity's alias
        ("Civil nuclear energy", "nuclear"),  # a topic's title
        ("Military", "defence"),  # a topic's alias
        ("$100 billion: target level of bilateral trade", "trade-target"),  # a figure's label
        ("The annual summit", "summit"),  # an event's title
        ("Indja", "india"),  # five letters, one typo: forgiven
        ("Jaishank", "jaishankar"),  # eight letters, two typos: forgiven
    ],
)
def test_find_record(qfb: m.FactBase, text: str, record_id: str) -> None:
    assert queries.find_record(qfb, text) is qfb.by_id[record_id]


@pytest.mark.parametrize(
    ("text", "message", "suggestions"),
    [
        # A fact or a quote is called by its id only: its statement or words are not a name.
        ("Trade between the two countries grew.", "no record with the id or name", ()),
        ("--", "no record named", ()),
        ("Inxja", "no record with the id or name", ()),  # five letters, two typos: not forgiven
        ("Jayshunkur", "no record with the id or name", ("jaishankar",)),  # ten letters, three typos; 70% like
        ("Indi", "no record with the id or name", ("india",)),  # four letters: never guessed
    ],
)
def test_find_record_fails(qfb: m.FactBase, text: str, message: str, suggestions: tuple[str, ...]) -> None:
    with pytest.raises(LookupFailed) as caught:
        queries.find_record(qfb, text)
    assert (str(caught.value), caught.value.suggestions) == (f"{message} {text!r}", suggestions)


def test_find_record_suggests_at_most_three(tmp_path: Path) -> None:
    systems = "".join(
        f"  - id: s-{n}00\n    name: S-{n}00\n    category: weapon-system\n    description: A missile system.\n"
        "    source: {id: report, paragraph: 1}\n"
        for n in (2, 3, 4, 5)
    )
    fb = load_text(tmp_path, PRELUDE + systems)
    with pytest.raises(LookupFailed) as caught:
        queries.find_record(fb, "S-600")
    assert caught.value.suggestions == ("s-200", "s-300", "s-400")


def test_find_record_ambiguous_name(tmp_path: Path) -> None:
    kremlin = """\
schema: 2
entities:
  - id: kremlin
    name: Kremlin
    category: organisation
    description: The Russian presidency.
    source: {id: report, paragraph: 1}
"""
    fb = load_text(tmp_path, QUERIES.replace("aliases: [Kremlin spokesman]", "aliases: [Kremlin]"), kremlin)
    with pytest.raises(Ambiguous) as caught:
        queries.find_record(fb, "Kremlin")  # not its id: ids are matched as written
    assert caught.value.candidates == (("Dmitry Peskov", "entity", "peskov"), ("Kremlin", "entity", "kremlin"))


@pytest.mark.parametrize(("letters", "found"), [(80, True), (81, False)])
def test_a_typo_of_a_name_over_80_letters_is_not_guessed(tmp_path: Path, letters: int, found: bool) -> None:
    # A figure's name is its display and what it measures: "x: " and then letters, all of them one word.
    measures = "a" * (letters - 1)
    figure = f"""\
figures:
  - id: long
    value: 1
    unit: days
    display: "x"
    qualifier: exact
    measures: {measures}
    status: confirmed
    topics: [trade]
    source: {{id: report, paragraph: 2}}
"""
    fb = load_text(tmp_path, PRELUDE + figure)
    typo = "x" + "a" * (letters - 2) + "b"
    if found:
        assert queries.find_record(fb, typo) is fb.by_id["long"]
    else:
        with pytest.raises(LookupFailed):
            queries.find_record(fb, typo)
