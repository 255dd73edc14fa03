"""Ranked search over every kind of record: an inverted index of folded tokens, fuzzy only when needed.

Ranking, highest first:
- an entity or topic whose name or alias is the query (score 100), or contains all of it;
- records linked to such an entity or topic ("about" the query: its facts, figures, quotes, events);
- records whose text merely mentions every word of the query.
A record must account for every word of the query, so unrelated words find nothing rather than noise.

The index holds no record text: ranking needs only postings, field names and links, and the few records
shown are fetched afterwards. That keeps a warm search on a large fact base from loading all of it.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Mapping
from dataclasses import dataclass

from . import model as m
from .text import STOPWORDS, Token, compact, terms, tokens

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
NAMED_KINDS = ("entity", "topic")
_FIELD_BITS = 6  # a record's fields are numbered in 6 bits: room for 63 aliases
_FIELD_MASK = (1 << _FIELD_BITS) - 1
EXACT_NAME_SCORE = 100.0
NAME_FLOOR = 90.0
LINKED_SCORE = 75.0
MENTION_CEILING = 70.0
EXACT_DISPLAY_SCORE = 95.0
NAMING_SHARE = 0.67
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
    if isinstance(record, m.Fact | m.Figure | m.Event | m.Quote):
        return (*record.entities, *record.topics)
    return ()


class SearchIndex:
    """Everything ranking needs, built once from a FactBase (and cached with it)."""

    def __init__(self, factbase: m.FactBase) -> None:
        self.fingerprint = factbase.fingerprint
        self.record_ids: list[str] = []
        self.kinds: list[str] = []
        self.layouts: list[tuple[str, ...]] = []  # field names of each record, shared between records
        self.statuses: list[str | None] = []
        self.topics: list[tuple[str, ...]] = []
        self.postings: dict[str, array[int]] = {}
        self.names: dict[str, list[int]] = {}  # a whole name or alias, compacted -> record and field
        self.name_sizes: dict[int, int] = {}  # record and field of a name -> how many tokens it has
        self.linked_from: dict[str, array[int]] = {}
        self.suggestion_forms: list[str] = []
        self.suggestion_owners: list[str] = []
        self.topic_records: tuple[m.Topic, ...] = factbase.topics
        self.sources: tuple[m.Source, ...] = factbase.sources
        layouts: dict[tuple[str, ...], tuple[str, ...]] = {}
        for record in factbase.records():
            if not isinstance(record, m.Source):
                self._add(record, layouts)
        self.vocabulary: list[str] = sorted(self.postings)
        self.topic_ids = frozenset(t.id for t in factbase.topics)
        # Where the cache keeps each record (offset, length, checksum), in record_ids order then sources.
        self.shelf: array[int] | None = None

    def _add(self, record: m.Record, layouts: dict[tuple[str, ...], tuple[str, ...]]) -> None:
        doc = len(self.record_ids)
        self.record_ids.append(record.id)
        self.kinds.append(record.kind)
        fields = searchable_fields(record)
        layout = tuple(field for field, _ in fields)
        self.layouts.append(layouts.setdefault(layout, layout))
        self.statuses.append(getattr(record, "status", None))
        self.topics.append((record.id,) if isinstance(record, m.Topic) else getattr(record, "topics", ()))
        for target in record_links(record):
            self.linked_from.setdefault(target, array("I")).append(doc)
        for index, (field, text) in enumerate(fields):
            code = (doc << _FIELD_BITS) | min(index, _FIELD_MASK)
            found = terms(text)
            for term in set(found):
                self.postings.setdefault(term, array("I")).append(code)
            if field == "display":
                self.names.setdefault("".join(found), []).append(code)
            if field in NAME_FIELDS and record.kind in NAMED_KINDS:
                whole = "".join(found)
                self.names.setdefault(whole, []).append(code)
                self.name_sizes[code] = len(found)
                self.suggestion_forms.append(whole)
                self.suggestion_owners.append(fields[0][1])

    def field_of(self, code: int) -> str:
        layout = self.layouts[code >> _FIELD_BITS]
        return layout[min(code & _FIELD_MASK, len(layout) - 1)]

    def expand(self, term: str) -> dict[str, float]:
        """Index terms that stand for `term`: itself, else longer words it begins and near spellings."""
        if term in self.postings:
            return {term: 1.0}
        found: dict[str, float] = {}
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
    wanted = query_tokens(query)
    if not wanted:
        return []
    expansions = [index.expand(t.term) for t in wanted]
    if not all(expansions):
        return []
    # record -> field -> position of the query word -> best quality found there
    found: dict[int, dict[int, dict[int, float]]] = {}
    for position, options in enumerate(expansions):
        for term, quality in options.items():
            for code in index.postings[term]:
                slots = found.setdefault(code >> _FIELD_BITS, {}).setdefault(code, {})
                if slots.get(position, 0.0) < quality:
                    slots[position] = quality
    exact_codes = set(index.names.get(compact(query), ()))
    scored: dict[int, tuple[float, int, str | None]] = {}  # record -> score, field code, via
    # Entities and topics the query names: (id, the field that names it, which query word, or -1 for all).
    about: list[tuple[str, int, int]] = []
    for doc, by_field in found.items():
        if len(set().union(*by_field.values())) < len(wanted):
            continue
        best_score, best_code = -1.0, 0
        for code, slots in by_field.items():
            score = _field_score(index, doc, code, slots, len(wanted), code in exact_codes)
            if score > best_score:
                best_score, best_code = score, code
        # A record that has the query's words in different fields (a figure's "50%" and its "tariff")
        # scores by each word's best field, where that beats any single field.
        spread = _spread_score(index, by_field, len(wanted))
        if spread > best_score:
            best_score = spread
        scored[doc] = (best_score, best_code, None)
        slots = by_field[best_code]
        if index.kinds[doc] in NAMED_KINDS and _names_the_query(index, best_code, slots, len(wanted), exact_codes):
            about.append((index.record_ids[doc], best_code, -1))
    if not about and len(wanted) > 1:
        about = _named_together(index, wanted, found)
        for _, code, _ in about:
            # Each of the things the query names is itself a result, just below a whole-query name.
            doc = code >> _FIELD_BITS
            if scored.get(doc, (0.0,))[0] < NAME_FLOOR:
                scored[doc] = (NAME_FLOOR, code, None)
    mentions = {doc: score for doc, (score, _, _) in scored.items()}
    linked_to: dict[int, list[tuple[str, int, int]]] = {}
    for named in about:
        for doc in index.linked_from.get(named[0], ()):
            linked_to.setdefault(doc, []).append(named)
    words = {word for _, _, word in about}
    for doc, targets in linked_to.items():
        if len(words) > 1 and {word for _, _, word in targets} != words:
            continue  # the query names several things: keep the records about all of them
        target, name_code, _ = targets[0]
        linked = LINKED_SCORE + 0.2 * mentions.get(doc, 0.0)
        earlier = scored.get(doc)
        if earlier is None:
            scored[doc] = (linked, name_code, target)
        elif earlier[0] < linked:
            scored[doc] = (linked, earlier[1], target)
    ranked = sorted(
        (
            (round(score, 1), doc, code, via)
            for doc, (score, code, via) in scored.items()
            if _passes(index, doc, filters)
        ),
        key=lambda row: (-row[0], m.KIND_ORDER[index.kinds[row[1]]], index.record_ids[row[1]]),
    )
    if limit is not None:
        ranked = ranked[:limit]
    accepted = set().union(*expansions)
    return [_hit(index, score, doc, code, via, accepted, records) for score, doc, code, via in ranked]


def _field_score(index: SearchIndex, doc: int, code: int, slots: dict[int, float], wanted: int, exact: bool) -> float:
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


def _share(index: SearchIndex, code: int, slots: dict[int, float]) -> float:
    return min(1.0, len(slots) / max(1, index.name_sizes.get(code, 1)))


def _spread_score(index: SearchIndex, by_field: dict[int, dict[int, float]], wanted: int) -> float:
    best: dict[int, float] = {}
    for code, slots in by_field.items():
        weight = FIELD_WEIGHTS[index.field_of(code)]
        for position, quality in slots.items():
            best[position] = max(best.get(position, 0.0), weight * quality)
    return min(100.0 * sum(best.values()) / wanted, MENTION_CEILING)


def _names_the_query(index: SearchIndex, code: int, slots: dict[int, float], wanted: int, exact: set[int]) -> bool:
    """Whether this name stands for the query (so records linked to its owner are about the query): it
    must hold every query word and be mostly made of them. "trade" names the topic Trade, not the entity
    whose alias is "arms trade"; "India" names India, not the Indian Business Alliance."""
    if index.field_of(code) not in NAME_FIELDS or len(slots) < wanted:
        return False
    return code in exact or _share(index, code, slots) >= NAMING_SHARE


def _named_together(
    index: SearchIndex, wanted: list[Token], found: dict[int, dict[int, dict[int, float]]]
) -> list[tuple[str, int, int]]:
    """For a query that names several things ("Modi Putin"): the entities or topics each word names."""
    named: list[tuple[str, int, int]] = []
    for position, token in enumerate(wanted):
        for code in index.names.get(token.term, ()):
            doc = code >> _FIELD_BITS
            if doc in found and index.kinds[doc] in NAMED_KINDS:
                named.append((index.record_ids[doc], code, position))
    # Only when every word names something: "Modi Putin", not "Indians employed".
    return named if {position for _, _, position in named} == set(range(len(wanted))) else []


def _hit(
    index: SearchIndex,
    score: float,
    doc: int,
    code: int,
    via: str | None,
    accepted: set[str],
    records: Mapping[str, m.Record] | None,
) -> Hit:
    record_id = index.record_ids[doc]
    linked_only = via is not None and code >> _FIELD_BITS != doc
    field = "topics" if linked_only and via in index.topic_ids else "entities" if linked_only else index.field_of(code)
    text = ""
    spans: tuple[tuple[int, int], ...] = ()
    if records is not None:
        # A record found only through a link shows the name that linked it.
        source = records[via] if linked_only and via is not None else records[record_id]
        fields = searchable_fields(source)
        text = fields[min(code & _FIELD_MASK, len(fields) - 1)][1]
        spans = () if linked_only else tuple((t.start, t.end) for t in tokens(text) if t.term in accepted)
    return Hit(record_id, index.kinds[doc], score, Match(field, text, spans, via))


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
