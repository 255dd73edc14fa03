"""Analysis across records: what is linked to what, the order of events in time, a one-page brief."""

from __future__ import annotations

from dataclasses import dataclass

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


def timeline(fb: m.FactBase, topic: m.Topic | None) -> list[m.Claim]:
    """Every dated claim in date order; on one date, events before the other kinds."""
    dated = [r for r in fb.claims() if r.date is not None and (topic is None or topic.id in r.topics)]
    return sorted(
        dated,
        key=lambda r: (r.date.start if r.date else "", not isinstance(r, m.Event), m.KIND_ORDER[r.kind], r.id),
    )


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
