"""Ranked search over every kind of record: an inverted index of folded tokens, fuzzy only when needed.

Ranking, highest first:
- an entity or topic whose name or alias is the query (score 100), or contains all of it;
- records linked to such an entity or topic ("about" the query: its facts, figures, quotes, events);
- records whose text merely mentions every word of the query.
A record must account for every word of the query, so unrelated words find nothing rather than noise.
"""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass

from . import model as m
from .text import STOPWORDS, Token, compact, tokens

FIELD_WEIGHTS: dict[str, float] = {
    "name": 1.0,
    "alias": 0.97,
    "title": 0.92,
    "display": 0.85,
    "statement": 0.7,
    "text": 0.7,
    "measures": 0.7,
    "speaker": 0.65,
    "description": 0.6,
    "period": 0.5,
    "context": 0.5,
}
NAME_FIELDS = ("name", "alias", "title")
_FIELD_BITS = 6  # up to 64 fields a record: room for many aliases
EXACT_NAME_SCORE = 100.0
NAME_FLOOR = 90.0
LINKED_SCORE = 75.0
MENTION_CEILING = 70.0
FUZZY_MIN_LENGTH = 4
PREFIX_MIN_LENGTH = 4


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


class SearchIndex:
    """Everything search needs, built once from a FactBase (and cached with it)."""

    def __init__(self, factbase: m.FactBase) -> None:
        self.record_ids: list[str] = []
        self.kinds: list[str] = []
        self.fields: list[tuple[tuple[str, str], ...]] = []
        self.statuses: list[str | None] = []
        self.topics: list[tuple[str, ...]] = []
        self.postings: dict[str, array[int]] = {}
        self.names: dict[str, list[int]] = {}
        self.linked_from: dict[str, array[int]] = {}
        for record in factbase.records():
            if isinstance(record, m.Source):
                continue
            self._add(record)
        self.vocabulary: list[str] = sorted(self.postings)
        self.topic_ids = frozenset(t.id for t in factbase.topics)

    def _add(self, record: m.Record) -> None:
        doc = len(self.record_ids)
        self.record_ids.append(record.id)
        self.kinds.append(record.kind)
        fields = searchable_fields(record)
        self.fields.append(fields)
        self.statuses.append(getattr(record, "status", None))
        self.topics.append((record.id,) if isinstance(record, m.Topic) else getattr(record, "topics", ()))
        for target in record_links(record):
            self.linked_from.setdefault(target, array("I")).append(doc)
        for index, (field, text) in enumerate(fields):
            code = (doc << _FIELD_BITS) | min(index, (1 << _FIELD_BITS) - 1)
            seen: set[str] = set()
            for token in tokens(text):
                if token.term not in seen:
                    seen.add(token.term)
                    self.postings.setdefault(token.term, array("I")).append(code)
            if field in NAME_FIELDS:
                self.names.setdefault(compact(text), []).append(doc)

    def expand(self, term: str) -> dict[str, float]:
        """Index terms that stand for `term`: itself, then longer words it begins, then near spellings."""
        found: dict[str, float] = {}
        if term in self.postings:
            found[term] = 1.0
            return found
        if len(term) >= PREFIX_MIN_LENGTH:
            start = bisect.bisect_left(self.vocabulary, term)
            for candidate in self.vocabulary[start : start + 50]:
                if not candidate.startswith(term):
                    break
                found[candidate] = 0.85
        if len(term) >= FUZZY_MIN_LENGTH and not term.isdigit():
            from rapidfuzz import fuzz, process

            cutoff = 80.0 if len(term) < 8 else 85.0
            for candidate, score, _ in process.extract(
                term, self.vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8
            ):
                if not candidate.isdigit():
                    found.setdefault(candidate, 0.9 * score / 100.0)
        return found


def searchable_fields(record: m.Record) -> tuple[tuple[str, str], ...]:
    if isinstance(record, m.Entity):
        return (("name", record.name), *(("alias", a) for a in record.aliases), ("description", record.description))
    if isinstance(record, m.Topic):
        return (("title", record.title), *(("alias", a) for a in record.aliases), ("description", record.description))
    if isinstance(record, m.Fact):
        return (("statement", record.statement),)
    if isinstance(record, m.Figure):
        fields = [("display", record.display), ("measures", record.measures)]
        if record.period:
            fields.append(("period", record.period))
        return tuple(fields)
    if isinstance(record, m.Quote):
        return (("text", record.text), ("speaker", record.speaker.name), ("context", record.context))
    if isinstance(record, m.Event):
        return (("title", record.title),)
    return ()


def record_links(record: m.Record) -> tuple[str, ...]:
    """The entities and topics a record is about: what makes it rank for a query naming them."""
    if isinstance(record, m.Fact | m.Figure | m.Event):
        return (*record.entities, *record.topics)
    if isinstance(record, m.Quote):
        return (*record.entities, *record.topics)
    return ()


def query_tokens(query: str) -> list[Token]:
    return [t for t in tokens(query) if t.term not in STOPWORDS]


def search(index: SearchIndex, query: str, filters: Filters = Filters(), limit: int | None = 10) -> list[Hit]:
    wanted = query_tokens(query)
    if not wanted:
        return []
    expansions = [index.expand(t.term) for t in wanted]
    if not all(expansions):
        return []
    # doc -> field -> position of the query word -> best quality found there
    found: dict[int, dict[int, dict[int, float]]] = {}
    for position, options in enumerate(expansions):
        for term, quality in options.items():
            for code in index.postings[term]:
                slots = found.setdefault(code >> _FIELD_BITS, {}).setdefault(code & ((1 << _FIELD_BITS) - 1), {})
                if slots.get(position, 0.0) < quality:
                    slots[position] = quality
    whole = compact(query)
    exact_docs = set(index.names.get(whole, ()))
    scored: dict[int, tuple[float, Match]] = {}
    about: dict[str, str] = {}  # entity or topic id -> the name it was found by
    for doc, by_field in found.items():
        if len(set().union(*by_field.values())) < len(wanted):
            continue
        best: tuple[float, int] | None = None
        for field_index, slots in by_field.items():
            field, text = index.fields[doc][field_index]
            quality = sum(slots.values()) / len(wanted)
            if index.kinds[doc] in ("entity", "topic") and field in NAME_FIELDS and len(slots) == len(wanted):
                if doc in exact_docs and compact(text) == whole:
                    score = EXACT_NAME_SCORE
                else:
                    # A name that is mostly the query outranks one that merely contains it.
                    share = min(1.0, len(slots) / max(1, len(tokens(text))))
                    score = NAME_FLOOR + (EXACT_NAME_SCORE - NAME_FLOOR - 1) * quality * share
            else:
                score = min(100.0 * FIELD_WEIGHTS[field] * quality, MENTION_CEILING)
            if best is None or score > best[0]:
                best = (score, field_index)
        assert best is not None
        field, text = index.fields[doc][best[1]]
        scored[doc] = (best[0], Match(field, text, _spans(text, expansions)))
        names_whole_query = len(by_field[best[1]]) == len(wanted)
        if field in NAME_FIELDS and index.kinds[doc] in ("entity", "topic") and names_whole_query:
            about[index.record_ids[doc]] = text
    mentions = {doc: score for doc, (score, _) in scored.items()}
    for target, name in about.items():
        field = "topics" if target in index.topic_ids else "entities"
        for doc in index.linked_from.get(target, ()):
            earlier = scored.get(doc)
            linked = LINKED_SCORE + 0.2 * mentions.get(doc, 0.0)
            if earlier is None:
                scored[doc] = (linked, Match(field, name, (), via=target))
            elif earlier[0] < linked:
                scored[doc] = (linked, Match(earlier[1].field, earlier[1].text, earlier[1].spans, via=target))
    hits = [
        Hit(index.record_ids[doc], index.kinds[doc], round(score, 1), match)
        for doc, (score, match) in scored.items()
        if _passes(index, doc, filters)
    ]
    hits.sort(key=lambda h: (-h.score, KIND_ORDER.get(h.kind, 9), h.record_id))
    return hits if limit is None else hits[:limit]


KIND_ORDER = {"entity": 0, "topic": 1, "fact": 2, "figure": 3, "quote": 4, "event": 5}


def _spans(text: str, expansions: list[dict[str, float]]) -> tuple[tuple[int, int], ...]:
    accepted = set().union(*expansions)
    return tuple((t.start, t.end) for t in tokens(text) if t.term in accepted)


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
    forms: list[str] = []
    owners: list[str] = []
    for doc, fields in enumerate(index.fields):
        if index.kinds[doc] not in ("entity", "topic"):
            continue
        main_name = fields[0][1]
        for field, text in fields:
            if field in NAME_FIELDS:
                forms.append(compact(text))
                owners.append(main_name)
    picks = process.extract(target, forms, scorer=fuzz.ratio, score_cutoff=60.0, limit=limit * 8)
    return list(dict.fromkeys(owners[position] for _, _, position in picks))[:limit]
