"""The bundled fact base covers everything the report names, quotes and counts.

The lists below are written out by hand from the report (putin-india-visit-2025-12-04.txt), not derived from
the data, so that a record dropped or renamed by mistake shows up as its own failure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from indoruss.loading.loader import load_factbase
from indoruss.loading.paths import bundled_data_dir

if TYPE_CHECKING:
    from indoruss.model.records import FactBase

# Every person, organisation, country, weapon system, agreement, project, event and place the report names,
# as the report writes it. Each must be an entity's name or one of its aliases (case-insensitive).
NAMED_IN_REPORT = (
    # people
    "Vladimir Putin",
    "Narendra Modi",
    "Dmitry Peskov",
    "Donald Trump",
    "Steve Witkoff",
    "Jared Kushner",
    "Sammy Manoj Kotwani",
    # countries and groupings
    "India",
    "Russia",
    "Ukraine",
    "United States",
    "US",
    "France",
    "the West",
    # places
    "New Delhi",
    "Moscow",
    "Far East",
    # organisations
    "Kremlin",
    "Sputnik News",
    "PTI",
    "Rosneft",
    "GazpromNeft",
    "ONGC Videsh Ltd",
    "Lukoil",
    "Bharat Dynamics Limited",
    "Stockholm International Peace Research Institute",
    "Russian Ministry of Labour",
    "Indian Business Alliance",
    "Ministry of External Affairs",
    "Russian army",
    "X",
    # weapon systems
    "S-400",
    "S-500 Prometheus",
    "Su-57",
    "48N6",
    # agreements, mechanisms and projects
    "Reciprocal Exchange of Logistic Support",
    "RELOS",
    "labour mobility agreement",
    "framework to insulate trade",
    "national currencies",
    "Sakhalin-1",
    "Kudankulam",
    "small modular reactors",
    # events
    "India-Russia Business Forum",
    "Russia-Ukraine war",
    "war in Ukraine",
    "India's independence",
)

# Spelling, formatting and cross-script variants a reader may type: (entity id, alias).
REQUIRED_ALIASES = (
    ("putin", "Putin"),
    ("putin", "President Putin"),
    ("putin", "Путин"),
    ("putin", "Владимир Путин"),
    ("putin", "पुतिन"),
    ("putin", "व्लादिमीर पुतिन"),
    ("modi", "Modi"),
    ("modi", "Моди"),
    ("modi", "Нарендра Моди"),
    ("modi", "मोदी"),
    ("modi", "नरेंद्र मोदी"),
    ("peskov", "Peskov"),
    ("peskov", "Kremlin spokesman"),
    ("peskov", "Kremlin spokesperson"),
    ("peskov", "Песков"),
    ("peskov", "Дмитрий Песков"),
    ("peskov", "पेसकोव"),
    ("trump", "Трамп"),
    ("trump", "ट्रंप"),
    ("india", "Индия"),
    ("india", "भारत"),
    ("india", "Bharat"),
    ("russia", "Россия"),
    ("russia", "रूस"),
    ("united-states", "USA"),
    ("united-states", "США"),
    ("united-states", "अमेरिका"),
    ("ukraine", "Украина"),
    ("ukraine", "यूक्रेन"),
    ("s-400", "S400"),
    ("s-400", "S-400 Triumf"),
    ("s-400", "Triumf"),
    ("s-400", "С-400"),
    ("s-400", "С-400 Триумф"),
    ("s-400", "एस-400"),
    ("su-57", "Su57"),
    ("su-57", "Su-57 Felon"),
    ("su-57", "Felon"),
    ("su-57", "Су-57"),
    ("s-500", "S-500"),
    ("s-500", "Prometheus"),
    ("s-500", "С-500"),
    ("gazpromneft", "Gazprom Neft"),
    ("gazpromneft", "Газпром нефть"),
    ("relos", "RELOS pact"),
    ("sakhalin-1", "Сахалин-1"),
    ("kudankulam", "Куданкулам"),
    ("kudankulam", "कुडनकुलम"),
    ("rosneft", "Роснефть"),
    ("lukoil", "Лукойл"),
    ("ongc-videsh", "OVL"),
    ("sipri", "SIPRI"),
    ("bharat-dynamics", "BDL"),
    ("ministry-of-external-affairs", "MEA"),
    ("pti", "Press Trust of India"),
)

# Every number of the report, in the form the report writes it.
FIGURE_DISPLAYS = (
    "two-day",
    "$100 billion",
    "five years",
    "totaling 50%",
    "20%",
    "at least two squadrons",
    "77%",
    "~300 MW",
    "over 70,000",
    "around 50",
    "25%",
)

# Every full quotation of the report, by its opening words.
QUOTE_OPENINGS = (
    "There are some countries that would try",
    "S-400 is on the agenda",
    "We were deeply involved in creating a sector of peaceful nuclear energy",
    "India has one of the world",
)

# Every short quoted fragment of the report, word for word.
QUOTE_FRAGMENTS = (
    "obstacles",
    "the best plane in the world",
    "the single most important development",
    "significant outcomes",
)

TOPIC_IDS = (
    "trade",
    "defence",
    "energy",
    "nuclear-energy",
    "labour-mobility",
    "us-tariffs-sanctions",
    "ukraine-war",
    "visit",
)


@pytest.fixture(scope="module")
def factbase() -> FactBase:
    return load_factbase(bundled_data_dir())


def _names(factbase: FactBase) -> set[str]:
    found: set[str] = set()
    for entity in factbase.entities:
        found.add(entity.name.casefold())
        found.update(alias.casefold() for alias in entity.aliases)
    return found


@pytest.mark.parametrize("name", NAMED_IN_REPORT)
def test_named_thing_is_an_entity(factbase: FactBase, name: str) -> None:
    assert name.casefold() in _names(factbase), f"no entity is named or aliased {name!r}"


@pytest.mark.parametrize(("entity_id", "alias"), REQUIRED_ALIASES)
def test_entity_has_alias(factbase: FactBase, entity_id: str, alias: str) -> None:
    entities = {entity.id: entity for entity in factbase.entities}
    assert entity_id in entities, f"entity {entity_id!r} is missing"
    entity = entities[entity_id]
    known = {entity.name.casefold(), *(a.casefold() for a in entity.aliases)}
    assert alias.casefold() in known, f"entity {entity_id!r} lacks the alias {alias!r}"


@pytest.mark.parametrize("display", FIGURE_DISPLAYS)
def test_figure_is_recorded(factbase: FactBase, display: str) -> None:
    displays = {figure.display for figure in factbase.figures}
    assert display in displays, f"no figure is displayed as {display!r}"


@pytest.mark.parametrize("opening", QUOTE_OPENINGS)
def test_quote_is_recorded(factbase: FactBase, opening: str) -> None:
    assert any(opening in quote.text and not quote.fragment for quote in factbase.quotes), (
        f"no full quote contains {opening!r}"
    )


@pytest.mark.parametrize("fragment", QUOTE_FRAGMENTS)
def test_quoted_fragment_is_recorded(factbase: FactBase, fragment: str) -> None:
    assert any(quote.text == fragment and quote.fragment for quote in factbase.quotes), (
        f"no fragment quote reads {fragment!r}"
    )


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_topic_exists(factbase: FactBase, topic_id: str) -> None:
    assert topic_id in {topic.id for topic in factbase.topics}, f"topic {topic_id!r} is missing"
