"""Records as JSON-ready dicts: the contract scripts rely on (documented in the README)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from . import model as m
from .describe import Citation, citation

if TYPE_CHECKING:
    from .analysis import Detail
    from .query import TopicCount
    from .search import Hit


def date_json(date: m.DateSpec | None) -> dict[str, Any] | None:
    if date is None:
        return None
    return {"text": date.text, "precision": date.precision, "start": date.start, "end": date.end, "label": date.label}


def citation_json(cite: Citation | None) -> dict[str, Any] | None:
    if cite is None:
        return None
    return {
        "id": cite.source.id,
        "title": cite.source.title,
        "publisher": cite.source.publisher,
        "published": cite.source.published,
        "paragraph": cite.paragraph,
        "citation": cite.plain(),
    }


def record_json(fb: m.FactBase, record: m.Record) -> dict[str, Any]:
    out: dict[str, Any] = {"id": record.id, "kind": record.kind}
    if isinstance(record, m.Source):
        out.update(
            title=record.title,
            publisher=record.publisher,
            published=record.published,
            source_kind=record.source_kind,
            note=record.note,
        )
        return out
    if isinstance(record, m.Topic):
        out.update(title=record.title, description=record.description, aliases=list(record.aliases))
        return out
    if isinstance(record, m.Entity):
        out.update(
            name=record.name,
            category=record.category,
            description=record.description,
            aliases=list(record.aliases),
            topics=list(record.topics),
        )
    elif isinstance(record, m.Fact):
        out.update(
            statement=record.statement,
            status=record.status,
            topics=list(record.topics),
            entities=list(record.entities),
            date=date_json(record.date),
        )
    elif isinstance(record, m.Figure):
        out.update(
            display=record.display,
            value=record.value,
            unit=record.unit,
            qualifier=record.qualifier,
            measures=record.measures,
            period=record.period,
            status=record.status,
            date=date_json(record.date),
            topics=list(record.topics),
            entities=list(record.entities),
        )
    elif isinstance(record, m.Quote):
        speaker: dict[str, Any] = {"id": record.speaker.id, "name": record.speaker.name}
        if record.speaker.id is None:
            speaker["description"] = record.speaker.description
        out.update(
            text=record.text,
            speaker=speaker,
            context=record.context,
            fragment=record.fragment,
            entities=list(record.entities),
            topics=list(record.topics),
        )
    elif isinstance(record, m.Event):
        out.update(
            title=record.title,
            date=date_json(record.date),
            status=record.status,
            topics=list(record.topics),
            entities=list(record.entities),
        )
    out["source"] = citation_json(citation(fb, record))
    return out


def hit_json(fb: m.FactBase, hit: Hit) -> dict[str, Any]:
    out = record_json(fb, fb.by_id[hit.record_id])
    out["score"] = hit.score
    out["matched"] = {
        "field": hit.match.field,
        "text": hit.match.text,
        "spans": [list(span) for span in hit.match.spans],
        "via": hit.match.via,
    }
    return out


def topic_count_json(fb: m.FactBase, row: TopicCount) -> dict[str, Any]:
    out = record_json(fb, row.topic)
    out["counts"] = {"facts": row.facts, "figures": row.figures, "quotes": row.quotes, "events": row.events}
    return out


def detail_json(fb: m.FactBase, shown: Detail) -> dict[str, Any]:
    out = record_json(fb, shown.record)
    out["related"] = [
        {"id": r.record.id, "kind": r.record.kind, "shared": list(r.shared), "strength": r.strength}
        for r in shown.related
    ]
    return out


def export_json(fb: m.FactBase) -> dict[str, Any]:
    return {
        "schema_version": fb.schema_version,
        "fingerprint": fb.fingerprint,
        "sources": [record_json(fb, r) for r in fb.sources],
        "topics": [record_json(fb, r) for r in fb.topics],
        "entities": [record_json(fb, r) for r in fb.entities],
        "facts": [record_json(fb, r) for r in fb.facts],
        "figures": [record_json(fb, r) for r in fb.figures],
        "quotes": [record_json(fb, r) for r in fb.quotes],
        "events": [record_json(fb, r) for r in fb.events],
    }


def dumps(document: Any) -> str:
    # ensure_ascii=False keeps Cyrillic and Devanagari readable; json still escapes every control character.
    return json.dumps(document, ensure_ascii=False, indent=2)
