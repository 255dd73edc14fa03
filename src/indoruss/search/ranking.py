"""Ranking a query over the search index, in named phases: read the query, gather where its words occur,
score each record, follow links from the things the query names, then filter, order and cut.

Ranking, highest first:
- an entity or topic whose name or alias is the query (score 100), or contains all of it;
- records linked to such an entity or topic ("about" the query: its facts, figures, quotes, events);
- records whose text merely mentions every word of the query.
A record must account for every word of the query, so unrelated words find nothing rather than noise.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from ..model import records as m
from ..text import STOPWORDS, Token, compact, tokens
from .index import NAME_FIELDS, NAMED_KINDS, SearchIndex, searchable_fields

FIELD_WEIGHTS: dict[str, float] = {
    "name": 1.0,
    "alias": 0.97,
    "title": 0.92,
    "display": 0.85,
    "statement": 0.7,
    "summary": 0.7,
    "question": 0.7,
    "note": 0.5,
    "text": 0.7,
    "measures": 0.7,
    "speaker": 0.65,
    "description": 0.6,
    "period": 0.5,
    "context": 0.5,
}
EXACT_NAME_SCORE = 100.0
NAME_FLOOR = 90.0
LINKED_SCORE = 75.0
MENTION_CEILING = 70.0
EXACT_DISPLAY_SCORE = 95.0
NAMING_SHARE = 0.67

# Where a query's words occur, and how well: the position of the query word -> best quality (1.0 exact,
# less for a prefix or a near spelling) ...
WordQualities = dict[int, float]
# ... for each field of a record (by field code) ...
FieldMatches = dict[int, WordQualities]
# ... for each record (by its position in the index).
Occurrences = dict[int, FieldMatches]


@dataclass(frozen=True)
class Match:
    field: str
    text: str
    spans: tuple[tuple[int, int], ...]
    via: str | None = None  # the entity or topic through which a linked record was found


@dataclass(frozen=True)
class Hit:
    record_id: str
    kind: str
    score: float
    match: Match


@dataclass(frozen=True)
class Filters:
    topic: str | None = None
    kind: str | None = None
    status: str | None = None


class Scored(NamedTuple):
    score: float
    code: int  # the field that earned the score
    via: str | None  # the named entity or topic that linked the record, if that is how it was found


class Named(NamedTuple):
    """An entity or topic the query names: its id, the field naming it, and which query word (-1: all)."""

    record_id: str
    code: int
    word: int


@dataclass(frozen=True)
class Query:
    text: str
    words: list[Token]
    expansions: list[dict[str, float]]  # per query word: the index terms that stand for it, with quality


def query_tokens(query: str) -> list[Token]:
    return [t for t in tokens(query) if t.term not in STOPWORDS]


def search(
    index: SearchIndex,
    query: str,
    filters: Filters = Filters(),
    limit: int | None = 10,
    records: Mapping[str, m.Record] | None = None,
) -> list[Hit]:
    """The best records for `query`, best first. With `records`, each match carries its text and spans."""
    parsed = read_query(index, query)
    if parsed is None:
        return []
    found = gather(index, parsed)
    scored, named = score_records(index, parsed, found)
    follow_links(index, scored, named)
    ranked = order(index, scored, filters, limit)
    accepted = set().union(*parsed.expansions)
    return [_hit(index, row, accepted, records) for row in ranked]


def read_query(index: SearchIndex, text: str) -> Query | None:
    """The query's words and what each may match; None when some word matches nothing at all."""
    words = query_tokens(text)
    if not words:
        return None
    expansions = [index.expand(t.term) for t in words]
    if not all(expansions):
        return None
    return Query(text, words, expansions)


def gather(index: SearchIndex, query: Query) -> Occurrences:
    found: Occurrences = {}
    for position, options in enumerate(query.expansions):
        for term, quality in options.items():
            for code in index.postings[term]:
                slots = found.setdefault(index.doc_of(code), {}).setdefault(code, {})
                if slots.get(position, 0.0) < quality:
                    slots[position] = quality
    return found


def score_records(index: SearchIndex, query: Query, found: Occurrences) -> tuple[dict[int, Scored], list[Named]]:
    """Each record that holds every query word, with its score; and the entities and topics named."""
    wanted = len(query.words)
    exact_codes = set(index.names.get(compact(query.text), ()))
    scored: dict[int, Scored] = {}
    named: list[Named] = []
    for doc, by_field in found.items():
        if len(set().union(*by_field.values())) < wanted:
            continue
        best_score, best_code = -1.0, 0
        for code, slots in by_field.items():
            score = _field_score(index, doc, code, slots, wanted, code in exact_codes)
            if score > best_score:
                best_score, best_code = score, code
        # A record that has the query's words in different fields (a figure's "50%" and its "tariff")
        # scores by each word's best field, where that beats any single field.
        best_score = max(best_score, _spread_score(index, by_field, wanted))
        scored[doc] = Scored(best_score, best_code, None)
        if index.kinds[doc] in NAMED_KINDS and _names_the_query(
            index, best_code, by_field[best_code], wanted, exact_codes
        ):
            named.append(Named(index.record_ids[doc], best_code, -1))
    if not named and wanted > 1:
        named = _named_together(index, query.words, found)
        for item in named:
            # Each of the things the query names is itself a result, just below a whole-query name.
            doc = index.doc_of(item.code)
            if scored.get(doc, Scored(0.0, 0, None)).score < NAME_FLOOR:
                scored[doc] = Scored(NAME_FLOOR, item.code, None)
    return scored, named


def follow_links(index: SearchIndex, scored: dict[int, Scored], named: list[Named]) -> None:
    """Records linked to the named entities and topics are about the query: raise them to the linked score."""
    mentions = {doc: row.score for doc, row in scored.items()}
    linked_to: dict[int, list[Named]] = {}
    for item in named:
        for doc in index.linked_from.get(item.record_id, ()):
            linked_to.setdefault(doc, []).append(item)
    words = {item.word for item in named}
    for doc, targets in linked_to.items():
        if len(words) > 1 and {item.word for item in targets} != words:
            continue  # the query names several things: keep the records about all of them
        target = targets[0]
        linked = LINKED_SCORE + 0.2 * mentions.get(doc, 0.0)
        earlier = scored.get(doc)
        if earlier is None:
            scored[doc] = Scored(linked, target.code, target.record_id)
        elif earlier.score < linked:
            scored[doc] = Scored(linked, earlier.code, target.record_id)


class Ranked(NamedTuple):
    score: float
    doc: int
    code: int
    via: str | None


def order(index: SearchIndex, scored: dict[int, Scored], filters: Filters, limit: int | None) -> list[Ranked]:
    ranked = sorted(
        (
            Ranked(round(row.score, 1), doc, row.code, row.via)
            for doc, row in scored.items()
            if _passes(index, doc, filters)
        ),
        key=lambda row: (-row.score, m.KIND_ORDER[index.kinds[row.doc]], index.record_ids[row.doc]),
    )
    return ranked if limit is None else ranked[:limit]


def _field_score(index: SearchIndex, doc: int, code: int, slots: WordQualities, wanted: int, exact: bool) -> float:
    field = index.field_of(code)
    quality = sum(slots.values()) / wanted
    if index.kinds[doc] in NAMED_KINDS and field in NAME_FIELDS and len(slots) == wanted:
        if exact:
            return EXACT_NAME_SCORE
        # A name that is mostly the query outranks one that merely contains it.
        return NAME_FLOOR + (EXACT_NAME_SCORE - NAME_FLOOR - 1) * quality * _share(index, code, slots)
    if exact and field == "display":
        return EXACT_DISPLAY_SCORE  # the query is this figure as written: "77%", "$100 billion"
    return min(100.0 * FIELD_WEIGHTS[field] * quality, MENTION_CEILING)


def _share(index: SearchIndex, code: int, slots: WordQualities) -> float:
    return min(1.0, len(slots) / max(1, index.name_sizes.get(code, 1)))


def _spread_score(index: SearchIndex, by_field: FieldMatches, wanted: int) -> float:
    best: dict[int, float] = {}
    for code, slots in by_field.items():
        weight = FIELD_WEIGHTS[index.field_of(code)]
        for position, quality in slots.items():
            best[position] = max(best.get(position, 0.0), weight * quality)
    return min(100.0 * sum(best.values()) / wanted, MENTION_CEILING)


def _names_the_query(index: SearchIndex, code: int, slots: WordQualities, wanted: int, exact: set[int]) -> bool:
    """Whether this name stands for the query (so records linked to its owner are about the query): it
    must hold every query word and be mostly made of them. "trade" names the topic Trade, not the entity
    whose alias is "arms trade"; "India" names India, not the Indian Business Alliance."""
    if index.field_of(code) not in NAME_FIELDS or len(slots) < wanted:
        return False
    return code in exact or _share(index, code, slots) >= NAMING_SHARE


def _named_together(index: SearchIndex, words: list[Token], found: Occurrences) -> list[Named]:
    """For a query that names several things ("Modi Putin"): the entities or topics each word names."""
    named: list[Named] = []
    for position, token in enumerate(words):
        for code in index.names.get(token.term, ()):
            doc = index.doc_of(code)
            if doc in found and index.kinds[doc] in NAMED_KINDS:
                named.append(Named(index.record_ids[doc], code, position))
    # Only when every word names something: "Modi Putin", not "Indians employed".
    return named if {item.word for item in named} == set(range(len(words))) else []


def _hit(index: SearchIndex, row: Ranked, accepted: set[str], records: Mapping[str, m.Record] | None) -> Hit:
    record_id = index.record_ids[row.doc]
    via = row.via
    linked_only = via is not None and index.doc_of(row.code) != row.doc
    field = (
        "topics" if linked_only and via in index.topic_ids else "entities" if linked_only else index.field_of(row.code)
    )
    text = ""
    spans: tuple[tuple[int, int], ...] = ()
    if records is not None:
        # A record found only through a link shows the name that linked it.
        shown = records[via] if linked_only and via is not None else records[record_id]
        fields = searchable_fields(shown)
        text = fields[min(index.field_position(row.code), len(fields) - 1)][1]
        spans = () if linked_only else tuple((t.start, t.end) for t in tokens(text) if t.term in accepted)
    return Hit(record_id, index.kinds[row.doc], row.score, Match(field, text, spans, via))


def _passes(index: SearchIndex, doc: int, filters: Filters) -> bool:
    if filters.kind and index.kinds[doc] != filters.kind:
        return False
    if filters.status and index.statuses[doc] != filters.status:
        return False
    return not filters.topic or filters.topic in index.topics[doc]


def suggestions(index: SearchIndex, query: str, limit: int = 3) -> list[str]:
    """Records whose name or an alias is close to a query that found nothing, by their main name."""
    from rapidfuzz import fuzz, process

    target = compact(query)
    if not target:
        return []
    picks = process.extract(target, index.suggestion_forms, scorer=fuzz.ratio, score_cutoff=60.0, limit=limit * 8)
    return list(dict.fromkeys(index.suggestion_owners[position] for _, _, position in picks))[:limit]
