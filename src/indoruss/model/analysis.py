"""Analysis across records: what is linked to what, the order of events in time, a one-page brief."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from . import records as m


@dataclass(frozen=True)
class Related:
    """A record linked to the one shown, with what they share and how strongly."""

    record: m.Record
    shared: tuple[str, ...]  # the ids of the entities and topics both records share
    strength: float


@dataclass(frozen=True)
class Detail:
    """One record in full: the records related to it, and its outcome when it is an expectation."""

    record: m.Record
    related: tuple[Related, ...]
    outcome: m.Outcome | None = None  # what came of it, for an expectation
    qualified_by: tuple[m.Claim, ...] = ()  # later claims that correct or qualify it
    conflicts: tuple[m.Conflict, ...] = ()  # disagreements between sources it takes part in


# -- topics --------------------------------------------------------------------------------------------


def links_of(record: m.Record) -> set[str]:
    found = set(m.links(record))
    if isinstance(record, m.Entity | m.Topic):
        found.add(record.id)
    return found


def related(fb: m.FactBase, record: m.Record, limit: int | None = None) -> list[Related]:
    """Records sharing entities or topics with `record`, most related first.

    A shared entity weighs more than a shared topic (topics are broad), and a record that names the shown
    entity directly weighs most of all.
    """
    mine = links_of(record)
    entity_ids = {e.id for e in fb.of(m.Entity)}
    found: list[Related] = []
    for other in fb.records():
        if other.id == record.id or isinstance(other, m.Source):
            continue
        if isinstance(record, m.Topic) and isinstance(other, m.Topic):
            continue
        shared = mine & links_of(other)
        if not shared:
            continue
        strength = sum(3.0 if s in entity_ids else 1.0 for s in shared)
        if record.id in shared:
            strength += 5.0
        found.append(Related(other, tuple(sorted(shared)), strength))
    found.sort(key=lambda r: (-r.strength, m.KIND_ORDER[r.record.kind], r.record.id))
    return found if limit is None else found[:limit]


def detail(fb: m.FactBase, record: m.Record, limit: int | None = None) -> Detail:
    from .outcomes import conflicts_of, outcome_of, qualified_by

    if not isinstance(record, m.Claim):
        return Detail(record, tuple(related(fb, record, limit)))
    return Detail(
        record,
        tuple(related(fb, record, limit)),
        outcome_of(fb, record.id),
        qualified_by(fb, record.id),
        conflicts_of(fb, record.id),
    )


# -- time and citation ---------------------------------------------------------------------------------


def chronological(date: m.DateSpec) -> tuple[int, int, int]:
    """Where a date stands in time: a month after the days it contains, a year after its months and days.

    A record dated "2025" (say, "by the end of 2025") is known to fall somewhere in that year, so it cannot go
    before 4 December 2025; it goes after every day and month of 2025, and before 2026. A range stands at its
    first day, month or year: the visit of 4-5 December opens the 4th.
    """
    year, month, day = [*date.start.split("-"), "13", "32"][:3]
    return int(year), int(month), int(day)


# A claim of one of the kinds, which is what the JSON and the views take; `m.Claim` is their shared base.
AnyClaim = m.Fact | m.Figure | m.Quote | m.Event


def _in_order(claim: m.Claim) -> tuple[tuple[int, int, int], bool, int, str]:
    assert claim.date is not None
    return chronological(claim.date), not isinstance(claim, m.Event), m.KIND_ORDER[claim.kind], claim.id


def timeline(fb: m.FactBase, topic: m.Topic | None) -> list[AnyClaim]:
    """Every dated claim in time order (see `chronological`); on one date, events before the other kinds."""
    dated = [r for r in fb.claims() if r.date is not None and (topic is None or topic.id in r.topics)]
    return sorted(dated, key=_in_order)


class Entry(NamedTuple):
    """One line of the timeline: a claim, with the records of other kinds that state the same claim."""

    lead: AnyClaim
    same: tuple[AnyClaim, ...] = ()

    @property
    def records(self) -> tuple[AnyClaim, ...]:
        return (self.lead, *self.same)


def _one_claim_key(claim: m.Claim) -> tuple[object, ...] | None:
    """What records that state one claim have in common; None for a record that is never grouped.

    A document's paragraph is the finest place the fact base records, so only claims that cite a paragraph are
    grouped: on a web page, cited as a whole, the same date and voice hold for many different claims.
    """
    if claim.date is None or claim.source.paragraph is None or claim.status is None:
        return None
    # The date as a time, not as worded: one record says "2024", another "in 2024".
    when = (claim.date.precision, claim.date.start, claim.date.end)
    return (when, claim.source, claim.status, claim.attribution)


def entries(claims: list[AnyClaim]) -> list[Entry]:
    """The timeline's claims with each set of records that state one claim made one entry, at its first place.

    Records state one claim when they have the same date, main source and paragraph, status and attribution,
    are of different kinds (two facts, or two figures, are two claims) and share an entity: the event, the fact
    and the figure of "Russia supplied 77% of India's defence imports in 2024" are one entry. A quote is never
    grouped: its words are its own.
    """
    groups: list[list[AnyClaim]] = []
    open_groups: dict[tuple[object, ...], list[list[AnyClaim]]] = {}
    for claim in claims:
        key = _one_claim_key(claim)
        joined = None
        for group in open_groups.get(key, []) if key is not None else []:
            kinds = {member.kind for member in group}
            if claim.kind not in kinds and set(claim.entities) & set(group[0].entities):
                joined = group
                break
        if joined is not None:
            joined.append(claim)
            continue
        groups.append([claim])
        if key is not None:
            open_groups.setdefault(key, []).append(groups[-1])
    return [Entry(group[0], tuple(group[1:])) for group in groups]


@dataclass(frozen=True)
class BriefSection:
    """One topic of the briefing: its key facts, figures and quotes."""

    topic: m.Topic
    facts: tuple[m.Fact, ...]
    figures: tuple[m.Figure, ...]
    quotes: tuple[m.Quote, ...]
    outcomes: dict[str, m.Outcome]  # by expectation id: what came of each expectation listed here


STATUS_ORDER = {status: i for i, status in enumerate(m.STATUSES)}


def brief(fb: m.FactBase, topic: m.Topic | None) -> list[BriefSection]:
    """Per topic, its facts (firmest first), figures and quotes.

    Without a topic every claim appears once, under its first topic, so the page does not repeat itself.
    """
    sections = []
    for current in fb.topics if topic is None else (topic,):

        def belongs(claim: m.Fact | m.Figure | m.Quote, current: m.Topic = current) -> bool:
            return claim.topics[0] == current.id if topic is None else current.id in claim.topics

        facts = sorted((f for f in fb.of(m.Fact) if belongs(f)), key=lambda f: STATUS_ORDER[f.status])
        figures = tuple(f for f in fb.of(m.Figure) if belongs(f))
        said = tuple(q for q in fb.of(m.Quote) if belongs(q))
        if facts or figures or said:
            listed = {c.id for c in (*facts, *figures)}
            came = {o.expectation: o for o in fb.of(m.Outcome) if o.expectation in listed}
            sections.append(BriefSection(current, tuple(facts), figures, said, came))
    return sections
