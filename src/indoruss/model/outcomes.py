"""What came of the visit: expectations and their outcomes, the fact base as it stood on a date, sources and
who cites them, and the claims that sources disagree on. Pure functions over a FactBase."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from . import records as m

OPEN = "open"  # an expectation with no outcome (yet, or as of the date asked about)


@dataclass(frozen=True)
class ScoreRow:
    """One expectation and what came of it, if anything is recorded."""

    expectation: m.Claim
    outcome: m.Outcome | None

    @property
    def verdict(self) -> str:
        return self.outcome.verdict if self.outcome else OPEN


@dataclass(frozen=True)
class Scorecard:
    """Every expectation with its outcome, and how many of each verdict."""

    rows: tuple[ScoreRow, ...]
    counts: dict[str, int]  # per verdict, in the order of m.VERDICTS, then "open"


def outcome_of(fb: m.FactBase, claim_id: str) -> m.Outcome | None:
    return next((o for o in fb.of(m.Outcome) if o.expectation == claim_id), None)


def scorecard(
    fb: m.FactBase, verdict: str | None = None, topic: m.Topic | None = None, among: Collection[str] | None = None
) -> Scorecard:
    """Every expectation with its outcome, in file order; the counts are of the rows shown. `among`, when
    given, keeps only the expectations with these ids."""
    by_expectation = {o.expectation: o for o in fb.of(m.Outcome)}
    rows = [ScoreRow(c, by_expectation.get(c.id)) for c in fb.claims() if c.looks_ahead]
    rows = [r for r in rows if among is None or r.expectation.id in among]
    rows = [r for r in rows if verdict is None or r.verdict == verdict]
    rows = [r for r in rows if topic is None or topic.id in r.expectation.topics]
    counted = Counter(r.verdict for r in rows)
    counts = {v: counted[v] for v in (*m.VERDICTS, OPEN)}
    return Scorecard(tuple(rows), counts)


@dataclass(frozen=True)
class SourceUse:
    """A source and the records that cite it."""

    source: m.Source
    citing: tuple[m.BaseRecord, ...]  # the records that cite it, in file order


def source_uses(fb: m.FactBase) -> list[SourceUse]:
    citing: dict[str, list[m.BaseRecord]] = {s.id: [] for s in fb.sources}
    for record in fb.records():
        for source_id in dict.fromkeys(ref.source_id for ref in m.source_refs(record)):
            citing.setdefault(source_id, []).append(record)
    return [SourceUse(s, tuple(citing[s.id])) for s in fb.sources]


@dataclass(frozen=True)
class ConflictView:
    """A question the sources disagree on, with the competing claims."""

    conflict: m.Conflict
    claims: tuple[m.Claim, ...]


def conflicts(fb: m.FactBase, topic: m.Topic | None = None) -> list[ConflictView]:
    claims = {c.id: c for c in fb.claims()}
    return [
        ConflictView(c, tuple(claims[i] for i in c.claims if i in claims))
        for c in fb.of(m.Conflict)
        if topic is None or topic.id in c.topics
    ]


def as_of(fb: m.FactBase, day: str) -> m.FactBase:
    """The fact base as it stood on `day` (YYYY-MM-DD): only what sources published by then say, and no
    outcome dated after it. A claim keeps those of its sources that were out by then."""
    known = {s.id for s in fb.sources if s.published <= day}
    kept: list[m.BaseRecord] = []
    for record in fb.records():
        if isinstance(record, m.Source):
            if record.id in known:
                kept.append(record)
        elif isinstance(record, m.Entity):
            if record.source.source_id in known:
                kept.append(record)
        elif isinstance(record, m.Claim):
            sources = tuple(ref for ref in record.sources if ref.source_id in known)
            if sources:
                kept.append(dataclasses.replace(record, sources=sources) if sources != record.sources else record)
        elif not isinstance(record, m.Outcome | m.Conflict):
            kept.append(record)
    claim_ids = {r.id for r in kept if isinstance(r, m.Claim)}
    for outcome in fb.of(m.Outcome):
        if outcome.as_of.start <= day and outcome.expectation in claim_ids:
            evidence = tuple(e for e in outcome.evidence if e in claim_ids)
            kept.append(dataclasses.replace(outcome, evidence=evidence))
    for conflict in fb.of(m.Conflict):
        if sum(c in claim_ids for c in conflict.claims) >= 2:
            kept.append(dataclasses.replace(conflict, claims=tuple(c for c in conflict.claims if c in claim_ids)))
    return m.FactBase.of_records(kept, f"{fb.fingerprint}@{day}")


def qualified_by(fb: m.FactBase, claim_id: str) -> tuple[m.Claim, ...]:
    """Later claims that correct or qualify this one."""
    return tuple(c for c in fb.claims() if claim_id in c.qualifies)


def conflicts_of(fb: m.FactBase, claim_id: str) -> tuple[m.Conflict, ...]:
    return tuple(c for c in fb.of(m.Conflict) if claim_id in c.claims)
