"""Records as JSON-ready dicts: the contract scripts rely on (documented in the README)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, cast

from ..model import records as m
from ..model.citing import Citation, ClaimCitation, citation, citations

if TYPE_CHECKING:
    from ..model.analysis import Detail, Entry
    from ..model.queries import TopicCount
    from ..search.ranking import Hit


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
        "url": cite.source.url,
        "citation": cite.plain(),
    }


def _own_fields(record: m.Record) -> dict[str, Any]:
    """The fields particular to the record's kind, in the order the README documents."""
    if isinstance(record, m.Source):
        return {
            "title": record.title,
            "publisher": record.publisher,
            "published": record.published,
            "source_kind": record.source_kind,
            "url": record.url,
            "document": record.document,
            "language": record.language,
            "via": record.via,
            "note": record.note,
        }
    if isinstance(record, m.Topic):
        return {"title": record.title, "description": record.description, "aliases": list(record.aliases)}
    if isinstance(record, m.Entity):
        return {
            "name": record.name,
            "category": record.category,
            "description": record.description,
            "aliases": list(record.aliases),
        }
    if isinstance(record, m.Fact):
        return {"statement": record.statement}
    if isinstance(record, m.Figure):
        return {
            "display": record.display,
            "value": record.value,
            "unit": record.unit,
            "qualifier": record.qualifier,
            "measures": record.measures,
            "period": record.period,
        }
    if isinstance(record, m.Quote):
        speaker: dict[str, Any] = {"id": record.speaker.id, "name": record.speaker.name}
        if record.speaker.id is None:
            speaker["description"] = record.speaker.description
        return {"text": record.text, "speaker": speaker, "context": record.context, "fragment": record.fragment}
    if isinstance(record, m.Outcome):
        return {
            "expectation": record.expectation,
            "verdict": record.verdict,
            "as_of": record.as_of.text,
            "summary": record.summary,
            "evidence": list(record.evidence),
        }
    if isinstance(record, m.Conflict):
        return {"question": record.question, "claims": list(record.claims), "note": record.note}
    return {"title": record.title}


def attribution_json(attribution: m.Attribution | None) -> dict[str, Any] | None:
    return None if attribution is None else {"id": attribution.id, "name": attribution.name}


def record_json(fb: m.FactBase, record: m.Record) -> dict[str, Any]:
    """One record: id and kind, its own fields, then what claims share, then its source (none for a source).

    Every kind lists its keys in this one order: id, kind, own fields, status, attribution, date, topics,
    entities, qualifies, source, sources (each where the kind has it).
    """
    out: dict[str, Any] = {"id": record.id, "kind": record.kind, **_own_fields(record)}
    if isinstance(record, m.Claim):
        if record.status is not None:
            out["status"] = record.status
        out["attribution"] = attribution_json(record.attribution)
        out["date"] = date_json(record.date)
    if isinstance(record, m.Claim | m.Entity | m.Outcome | m.Conflict):
        out["topics"] = list(record.topics)
    if isinstance(record, m.Claim | m.Outcome):
        out["entities"] = list(record.entities)
    if isinstance(record, m.Claim):
        out["qualifies"] = list(record.qualifies)
    if isinstance(record, m.Claim | m.Entity):
        out["source"] = citation_json(citation(fb, record))
    if isinstance(record, m.Claim):
        out["sources"] = [citation_json(c) for c in citations(fb, record)]
    return out


def cite_json(cited: ClaimCitation) -> dict[str, Any]:
    """`cite --json`: the record's id and kind and its main source, as ever; added: the claim (its words, status
    and voice, each null where the record has none), every source, and the whole citation as `cite` prints it."""
    main = cited.sources[0]
    return {
        "id": cited.record.id,
        "kind": cited.record.kind,
        "source": citation_json(main),
        "claim": {"text": cited.said, "status": cited.status, "attribution": cited.voice},
        "sources": [citation_json(c) for c in cited.sources],
        "citation": cited.plain(),
    }


def timeline_json(fb: m.FactBase, entries: list[Entry]) -> list[dict[str, Any]]:
    """Every dated record, one item each as before, in timeline order; `same_claim` (added) names the other
    records of its entry, the records of other kinds that state the same claim, so a script can group them."""
    out = []
    for entry in entries:
        for record in entry.records:
            same = [other.id for other in entry.records if other is not record]
            out.append({**record_json(fb, record), "same_claim": same})
    return out


def hit_json(fb: m.FactBase, hit: Hit) -> dict[str, Any]:
    out = record_json(fb, fb.by_id[hit.record_id])
    out["score"] = hit.score
    out["matched"] = {
        "field": hit.match.field,
        "text": hit.match.text,
        "spans": [list(span) for span in hit.match.spans],
        "via": hit.match.via,
        "complete": hit.complete,
    }
    return out


def topic_count_json(fb: m.FactBase, row: TopicCount) -> dict[str, Any]:
    out = record_json(fb, row.topic)
    out["counts"] = dict(row.counts)
    return out


def detail_json(fb: m.FactBase, shown: Detail) -> dict[str, Any]:
    out = record_json(fb, shown.record)
    if isinstance(shown.record, m.Claim):
        out["outcome"] = record_json(fb, shown.outcome) if shown.outcome else None
        out["qualified_by"] = [c.id for c in shown.qualified_by]
        out["conflicts"] = [c.id for c in shown.conflicts]
    out["related"] = [
        {"id": r.record.id, "kind": r.record.kind, "shared": list(r.shared), "strength": r.strength}
        for r in shown.related
    ]
    return out


def export_json(fb: m.FactBase) -> dict[str, Any]:
    document: dict[str, Any] = {"schema_version": fb.schema_version, "fingerprint": fb.fingerprint}
    for kind in m.REGISTRY:
        document[kind.section] = [record_json(fb, cast(m.Record, r)) for r in fb.sections[kind.name]]
    return document


def dumps(document: Any) -> str:
    # ensure_ascii=False keeps Cyrillic and Devanagari readable; json still escapes every control character.
    return json.dumps(document, ensure_ascii=False, indent=2)
