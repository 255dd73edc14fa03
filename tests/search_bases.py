"""Fact bases and their builders shared by the search tests (test_index, test_ranking, test_ranking_scores)."""

from __future__ import annotations

from pathlib import Path

from conftest import PRELUDE
from indoruss.loading.loader import load_factbase
from indoruss.model.records import Record
from indoruss.search.index import SearchIndex
from indoruss.search.ranking import search

# The schema line and the one source of the minimal fact base, for fact bases of their own.
SOURCES = PRELUDE[: PRELUDE.index("topics:")]


MISC = SOURCES + "topics:\n  - id: misc\n    title: Misc\n    description: Sundry things noted here.\n"


def small_index(tmp_path: Path, text: str) -> SearchIndex:
    path = tmp_path / "factbase.yaml"
    path.write_text(text, encoding="utf-8")
    return SearchIndex(load_factbase(path))


def entity_yaml(record_id: str, name: str, description: str, aliases: tuple[str, ...] = ()) -> str:
    also = f"    aliases: [{', '.join(aliases)}]\n" if aliases else ""
    return (
        f"  - id: {record_id}\n    name: {name}\n    category: project\n    description: {description}\n{also}"
        "    topics: [misc]\n    source: {id: report, paragraph: 1}\n"
    )


def fact_yaml(record_id: str, statement: str, entity: str | None = None) -> str:
    return (
        f"  - id: {record_id}\n    statement: {statement}\n    status: confirmed\n    topics: [misc]\n"
        + (f"    entities: [{entity}]\n" if entity else "")
        + "    source: {id: report, paragraph: 2}\n"
    )


def ids(index: SearchIndex, query: str) -> list[str]:
    return [h.record_id for h in search(index, query, limit=None)]


LATER = """\
schema: 2
sources:
  - id: preview
    title: A preview
    publisher: null
    published: "2025-12-04"
    kind: news-report
    document: preview.txt
    language: en
  - id: wire-later
    title: A later report
    publisher: A Wire
    published: "2025-12-06"
    kind: wire
    language: en
    url: https://wire.example.org/summit
topics:
  - id: trade
    title: Trade
    description: Trade.
  - id: energy
    title: Energy
    description: Energy cooperation.
    aliases: [oil, нефть]
  - id: nuclear
    title: Nuclear energy
    description: Reactors.
    aliases: [civil nuclear]
entities:
  - id: jet-x
    name: Su-99
    category: weapon-system
    description: A fighter jet.
    topics: [trade]
    source: {id: preview, paragraph: 1}
  - id: plan-2030
    name: Programme 2030
    category: project
    description: A plan.
    topics: [nuclear]
    source: {id: preview, paragraph: 1}
facts:
  - id: pipeline-expected
    statement: A pipeline accord is expected.
    status: expected
    topics: [trade]
    source: {id: preview, paragraph: 2}
  - id: grid-talks
    statement: Grid talks went on.
    status: confirmed
    topics: [energy]
    source: {id: preview, paragraph: 3}
  - id: oil-flows
    statement: Oil flows went on.
    status: confirmed
    topics: [energy]
    source: {id: preview, paragraph: 4}
  - id: accord-signed
    statement: The accord was signed.
    status: confirmed
    date: "2025-12-05"
    topics: [trade]
    source: {id: wire-later}
  - id: reactor-site
    statement: A second site for reactors.
    status: confirmed
    topics: [nuclear]
    source: {id: preview, paragraph: 5}
  - id: share-96
    statement: Ninety-six per cent of payments settle at home.
    status: confirmed
    topics: [trade]
    source: {id: preview, paragraph: 6}
  - id: share-90
    statement: Ninety per cent of payments settle at home.
    status: confirmed
    topics: [trade]
    source: {id: wire-later}
  - id: squadrons
    statement: Two squadrons may be bought.
    status: possible
    topics: [trade]
    entities: [jet-x]
    source: {id: preview, paragraph: 9}
  - id: port-deal
    statement: A port deal was signed.
    status: confirmed
    topics: [trade]
    source: {id: preview, paragraph: 10}
  - id: goal-set
    statement: The goal is five billion.
    status: confirmed
    topics: [trade]
    source: {id: preview, paragraph: 11}
  - id: worker-died
    statement: One worker died.
    status: confirmed
    topics: [trade]
    source: {id: preview, paragraph: 12}
events:
  - id: fuel-arrives
    title: Fuel arrives
    date: "2025-12-04"
    status: confirmed
    topics: [nuclear]
    source: {id: preview, paragraph: 7}
  - id: talks-held
    title: Talks held
    date: "2025-12-05"
    status: confirmed
    topics: [nuclear]
    source: {id: preview, paragraph: 8}
outcomes:
  - id: outcome-pipeline
    expectation: pipeline-expected
    verdict: happened
    as_of: "2025-12-06"
    summary: It happened.
    evidence: [accord-signed]
  - id: outcome-squadrons
    expectation: squadrons
    verdict: not-reported
    as_of: "2025-12-06"
    summary: Nothing came of it.
    evidence: []
conflicts:
  - id: conflict-share
    question: How much is settled at home.
    claims: [share-96, share-90]
    topics: [trade]
"""


# The fact base of tests/test_ranking_scores.py (and of the index's own tests): every record's searchable
# text besides names is four words long, so no length norm applies.
EXACT = (
    SOURCES
    + """\
topics:
  - id: energy
    title: Energy
    description: Fuel sold between states.
  - id: transport
    title: Transport
    description: Moving goods by land.
entities:
  - id: rosneft
    name: Rosneft
    category: organisation
    description: A large oil company.
    topics: [energy]
    source: {id: report, paragraph: 1}
  - id: gazprom
    name: Gazprom
    category: organisation
    description: Another big gas firm.
    aliases: [Blue Flame]
    topics: [energy]
    source: {id: report, paragraph: 1}
facts:
  - id: deal
    statement: Rosneft signed a contract.
    status: confirmed
    topics: [energy]
    entities: [rosneft]
    source: {id: report, paragraph: 2}
  - id: other
    statement: The output fell sharply.
    status: expected
    topics: [energy]
    entities: [rosneft]
    source: {id: report, paragraph: 3}
  - id: rail
    statement: New rail links opened.
    status: confirmed
    topics: [transport, energy]
    source: {id: report, paragraph: 4}
  - id: ship
    statement: Each order was late.
    status: confirmed
    topics: [transport]
    source: {id: report, paragraph: 5}
  - id: grain
    statement: Grain deal was renewed.
    status: confirmed
    topics: [transport]
    source: {id: report, paragraph: 6}
  - id: port
    statement: Arms came by container.
    status: confirmed
    topics: [transport]
    source: {id: report, paragraph: 7}
"""
)
# Ten records: a thing linked from more than three of them is generic (Transport: four), Energy (three) and
# Rosneft (two) are not.


Found = tuple[SearchIndex, dict[str, Record]]


def exact_base() -> Found:
    """EXACT's index and its records by id (each test module builds it once, in its own `exact` fixture)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "factbase.yaml"
        path.write_text(EXACT, encoding="utf-8")
        factbase = load_factbase(path)
    return SearchIndex(factbase), dict(factbase.by_id)


PERSONS = (
    MISC
    + """\
entities:
  - id: kovac
    name: Ivan Kovac
    category: person
    description: A minister.
    aliases: [Kovac]
    topics: [misc]
    source: {id: report, paragraph: 1}
  - id: lind
    name: Eva Lind
    category: person
    description: A minister.
    aliases: [Lind]
    topics: [misc]
    source: {id: report, paragraph: 1}
  - id: stats-office
    name: Stats Office
    category: organisation
    description: An agency.
    topics: [misc]
    source: {id: report, paragraph: 1}
facts:
  - id: kovac-aides
    statement: Kovac's aides came.
    status: confirmed
    topics: [misc]
    entities: [kovac]
    source: {id: report, paragraph: 2}
  - id: kovac-says
    statement: Kovac said the two sides would keep working together on trade, farming, shipping and the rail link.
    status: confirmed
    attribution: kovac
    topics: [misc]
    entities: [kovac]
    source: {id: report, paragraph: 3}
  - id: kovac-cited
    statement: According to Kovac, trade grew.
    status: confirmed
    attribution: kovac
    topics: [misc]
    entities: [kovac]
    source: {id: report, paragraph: 4}
  - id: lind-on-kovac
    statement: Lind said Kovac would come.
    status: expected
    attribution: lind
    topics: [misc]
    entities: [lind, kovac]
    source: {id: report, paragraph: 5}
  - id: both-due
    statement: Lind and Kovac are due to hold several long rounds of talks on trade, farming and shipping.
    status: expected
    topics: [misc]
    entities: [lind, kovac]
    source: {id: report, paragraph: 6}
  - id: office-says
    statement: Stats Office said trade grew by a great deal over the whole of the last two years in every sector.
    status: confirmed
    attribution: stats-office
    topics: [misc]
    entities: [stats-office]
    source: {id: report, paragraph: 7}
  - id: office-cited
    statement: Trade grew, the Stats Office says.
    status: confirmed
    topics: [misc]
    entities: [stats-office]
    source: {id: report, paragraph: 8}
figures:
  - id: kovac-growth
    value: 12
    unit: percent
    display: 12%
    qualifier: exact
    measures: Growth of trade as given by Kovac
    status: confirmed
    attribution: kovac
    topics: [misc]
    entities: [kovac]
    source: {id: report, paragraph: 9}
events:
  - id: arrival
    title: Arrival in the capital for several long rounds of talks on trade and farming
    date: "2025-12-04"
    status: confirmed
    topics: [misc]
    entities: [kovac]
    source: {id: report, paragraph: 10}
  - id: lind-greets-kovac
    title: Lind greets Ivan Kovac
    date: "2025-12-04"
    status: confirmed
    topics: [misc]
    entities: [lind, kovac]
    source: {id: report, paragraph: 11}
quotes:
  - id: quote-kovac
    text: "We will keep working together on trade, farming, shipping and the rail link for many years."
    speaker: kovac
    context: at the talks
    fragment: false
    topics: [misc]
    source: {id: report, paragraph: 12}
"""
).replace(
    # Other records, so that Kovac is not linked from a large share of the fact base (as India is: generic).
    "facts:\n",
    "facts:\n" + "".join(fact_yaml(f"other-{i}", f"Other news number {i}.") for i in range(20)),
)
