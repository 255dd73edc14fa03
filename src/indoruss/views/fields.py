"""What `show` prints about one record, as (label, text) pairs that every human view lays out its own way."""

from __future__ import annotations

from ..model import records as m
from ..model.citing import citations


def when(date: m.DateSpec | None) -> str:
    if date is None:
        return ""
    return f"{date.label or date.text} ({date.precision}: {date.text})"


def _own_fields(record: m.Record) -> list[tuple[str, str]]:
    """The fields particular to the record's kind, in the order a reader wants them."""
    if isinstance(record, m.Entity):
        rows = [("name", record.name), ("category", record.category), ("description", record.description)]
        return rows + ([("aliases", ", ".join(record.aliases))] if record.aliases else [])
    if isinstance(record, m.Topic):
        return [("title", record.title), ("description", record.description)]
    if isinstance(record, m.Source):
        rows = [
            ("title", record.title),
            ("publisher", record.publisher or m.NOT_STATED),
            ("published", record.published),
            ("source kind", record.source_kind),
            ("language", record.language),
        ]
        rows += [(label, value) for label, value in (("url", record.url), ("document", record.document)) if value]
        rows += [("via", record.via)] if record.via else []
        return rows + ([("note", record.note)] if record.note else [])
    if isinstance(record, m.Fact):
        return [("statement", record.statement), ("status", record.status)]
    if isinstance(record, m.Figure):
        rows = [
            ("display", record.display),
            ("measures", record.measures),
            ("qualifier", record.qualifier),
            ("status", record.status),
        ]
        return rows + ([("period", record.period)] if record.period else [])
    if isinstance(record, m.Quote):
        return [("text", record.shown_text), ("speaker", record.speaker.name), ("context", record.context)]
    if isinstance(record, m.Outcome):
        return [
            ("expectation", record.expectation),
            ("verdict", record.verdict),
            ("as of", record.as_of.text),
            ("summary", record.summary),
            ("evidence", ", ".join(record.evidence) or "none found"),
        ]
    if isinstance(record, m.Conflict):
        rows = [("question", record.question), ("claims", ", ".join(record.claims))]
        return rows + ([("note", record.note)] if record.note else [])
    return [("title", record.title), ("status", record.status)]


def fields(fb: m.FactBase, record: m.Record) -> list[tuple[str, str]]:
    """What `show` prints about a record, in order, as (label, text) pairs."""
    rows: list[tuple[str, str]] = [("id", record.id), ("kind", record.kind), *_own_fields(record)]
    if isinstance(record, m.Claim) and record.attribution is not None:
        rows.append(("attribution", record.attribution.name))
    if isinstance(record, m.Claim) and record.date is not None:
        rows.append(("date", when(record.date)))
    if isinstance(record, m.Claim | m.Entity | m.Outcome | m.Conflict) and record.topics:
        rows.append(("topics", ", ".join(record.topics)))
    if isinstance(record, m.Claim | m.Outcome) and record.entities:
        rows.append(("entities", ", ".join(record.entities)))
    if isinstance(record, m.Claim) and record.qualifies:
        rows.append(("qualifies", ", ".join(record.qualifies)))
    for position, cite in enumerate(citations(fb, record)):
        rows.append(("source" if position == 0 else "also in", cite.plain()))
    return rows
