"""Ranking rules for questions about a deed whose named persons are only its participants ("what did Putin and
Modi sign"), each with a small fact base of its own."""

from __future__ import annotations

from pathlib import Path

from conftest import PRELUDE
from indoruss.loading.loader import load_factbase
from indoruss.search.index import SearchIndex
from indoruss.search.ranking import search

SOURCES = PRELUDE[: PRELUDE.index("topics:")]
MISC = SOURCES + "topics:\n  - id: misc\n    title: Misc\n    description: Sundry things noted here.\n"


def small_index(tmp_path: Path, text: str) -> SearchIndex:
    path = tmp_path / "factbase.yaml"
    path.write_text(text, encoding="utf-8")
    return SearchIndex(load_factbase(path))


def person_yaml(record_id: str, name: str, alias: str) -> str:
    return (
        f"  - id: {record_id}\n    name: {name}\n    category: person\n    description: A minister.\n"
        f"    aliases: [{alias}]\n    topics: [misc]\n    source: {{id: report, paragraph: 1}}\n"
    )


def fact_yaml(record_id: str, statement: str, entities: tuple[str, ...] = ()) -> str:
    return (
        f"  - id: {record_id}\n    statement: {statement}\n    status: confirmed\n    topics: [misc]\n"
        + (f"    entities: [{', '.join(entities)}]\n" if entities else "")
        + "    source: {id: report, paragraph: 2}\n"
    )


BOTH = ("kovac", "lind")
# Two ministers who meet: most records name both; the pacts signed at their meeting name neither.
MEETING = (
    MISC
    + "entities:\n"
    + person_yaml("kovac", "Ivan Kovac", "Kovac")
    + person_yaml("lind", "Eva Lind", "Lind")
    + "facts:\n"
    + fact_yaml("both-met", "Kovac and Lind met at the palace.", BOTH)
    + fact_yaml("both-dined", "Kovac and Lind dined together.", BOTH)
    + fact_yaml("both-talked", "Kovac and Lind talked for three hours about farming.", BOTH)
    + fact_yaml("both-walked", "Kovac and Lind walked in the garden.", BOTH)
    + fact_yaml("both-signed", "Kovac and Lind signed a shipping pact.", BOTH)
    + fact_yaml("kovac-signed", "Kovac signed a rail law at home.", ("kovac",))
    + fact_yaml("farm-pact", "A farm pact was signed by the ministers of farming.")
    + fact_yaml("port-accord", "A port accord was signed.")
    + "".join(fact_yaml(f"kovac-{i}", f"Kovac spoke to the press, part {i}.", ("kovac",)) for i in range(4))
    + "".join(fact_yaml(f"lind-{i}", f"Lind spoke to the press, part {i}.", ("lind",)) for i in range(4))
)


def ids(index: SearchIndex, query: str, limit: int | None = None) -> list[str]:
    return [hit.record_id for hit in search(index, query, limit=limit)]


def test_two_persons_asked_what_they_did_give_way_to_the_deed(tmp_path: Path) -> None:
    # What they signed: the record of both signing first, then every signing, then what else they did together.
    assert ids(small_index(tmp_path, MEETING), "what did Kovac and Lind sign", 6) == [
        "both-signed",
        "kovac-signed",
        "port-accord",
        "farm-pact",
        "both-dined",
        "both-met",
    ]


def entity_yaml(record_id: str, name: str, category: str, description: str) -> str:
    return (
        f"  - id: {record_id}\n    name: {name}\n    category: {category}\n    description: {description}\n"
        "    topics: [misc]\n    source: {id: report, paragraph: 1}\n"
    )


# Pacts signed, and the parties that signed them, whose descriptions say so.
PARTIES = (
    MISC
    + "entities:\n"
    + entity_yaml("seed-pact", "Seed Pact", "agreement", "A pact on seed trade, signed in May.")
    + entity_yaml("agro-corp", "Agro Corp", "organisation", "A farm firm that signed a pact.")
    + entity_yaml("port-board", "Port Board", "organisation", "A port authority that signed a pact on berths.")
    + "facts:\n"
    + fact_yaml("pacts-signed", "Two pacts were signed at the palace, on seeds and on berths.")
    + fact_yaml("pact-due", "A pact on grain is due next year.")
    + fact_yaml("board-berths", "The board runs six berths.", ("port-board",))
)


def test_a_party_that_signed_is_not_what_was_signed(tmp_path: Path) -> None:
    # The signing and the pact signed first; the firms whose descriptions say they signed one last.
    assert ids(small_index(tmp_path, PARTIES), "what pacts were signed") == [
        "seed-pact",
        "pacts-signed",
        "agro-corp",
        "port-board",
        "pact-due",
    ]


SIGNINGS = (
    MISC
    + "facts:\n"
    + fact_yaml("pact-signed", "A farm pact was signed.")
    + fact_yaml("plan-adopted", "A joint plan for the decade was adopted.")
    + fact_yaml("pacts-exchanged", "Port pacts were exchanged by the ministers.")
    + fact_yaml("ministers-met", "The ministers met.")
)


def test_what_was_signed_is_also_what_was_adopted_or_exchanged(tmp_path: Path) -> None:
    # A summit's documents are signed, adopted or exchanged: the word signed says it best, then the two others.
    assert ids(small_index(tmp_path, SIGNINGS), "what was signed") == ["pact-signed", "pacts-exchanged", "plan-adopted"]
