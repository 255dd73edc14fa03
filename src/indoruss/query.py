"""Pure questions asked of a FactBase. Each returns data; rendering decides how it looks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from . import model as m
from .describe import label
from .errors import IndorussError, LookupFailed
from .text import compact


class Ambiguous(IndorussError):
    """A name that fits several records equally well; the user must choose one."""

    def __init__(self, text: str, candidates: tuple[m.Record, ...]) -> None:
        listed = ", ".join(f"{label(r)} ({r.kind} {r.id})" for r in candidates)
        super().__init__(f"{text!r} is ambiguous; it could be: {listed}")
        self.candidates = candidates


class UnknownChoice(IndorussError):
    """An option value that names nothing in the fact base (a usage error, exit code 2)."""


@dataclass(frozen=True)
class TopicCount:
    topic: m.Topic
    facts: int
    figures: int
    quotes: int
    events: int


@dataclass(frozen=True)
class TopicDetail:
    topic: m.Topic
    records: tuple[m.Record, ...]  # grouped by kind: entities, facts, figures, quotes, events


@dataclass(frozen=True)
class Related:
    record: m.Record
    shared: tuple[str, ...]  # the ids of the entities and topics both records share
    strength: float


@dataclass(frozen=True)
class Detail:
    record: m.Record
    related: tuple[Related, ...]


# -- topics --------------------------------------------------------------------------------------------


def resolve_topic(topics: Sequence[m.Topic], text: str) -> m.Topic:
    """A topic by id, title or alias, case and spelling folded."""
    wanted = compact(text)
    for topic in topics:
        if text == topic.id or wanted in {compact(topic.id), compact(topic.title), *map(compact, topic.aliases)}:
            return topic
    raise UnknownChoice(f"unknown topic {text!r} (topics: {', '.join(t.id for t in topics)})")


def topic_counts(fb: m.FactBase) -> list[TopicCount]:
    counts: Counter[tuple[str, str]] = Counter()
    for claim in fb.claims():
        for topic in claim.topics:
            counts[(topic, claim.kind)] += 1
    return [
        TopicCount(
            t, counts[(t.id, "fact")], counts[(t.id, "figure")], counts[(t.id, "quote")], counts[(t.id, "event")]
        )
        for t in fb.topics
    ]


def topic_detail(fb: m.FactBase, topic: m.Topic) -> TopicDetail:
    members: list[m.Record] = [e for e in fb.entities if topic.id in e.topics]
    members += [c for c in fb.claims() if topic.id in c.topics]
    return TopicDetail(topic, tuple(members))


def in_topic(records: tuple[m.Record, ...] | list[m.Record], topic: m.Topic | None) -> list[m.Record]:
    if topic is None:
        return list(records)
    return [r for r in records if topic.id in getattr(r, "topics", ())]


# -- quotes, figures, actors ---------------------------------------------------------------------------


def speakers(fb: m.FactBase) -> dict[str, str]:
    """Every speaker of a quote, id (or name, for an unnamed speaker) -> display name."""
    found: dict[str, str] = {}
    for quote in fb.quotes:
        found.setdefault(quote.speaker.id or quote.speaker.name, quote.speaker.name)
    return found


def resolve_speaker(fb: m.FactBase, text: str) -> str:
    """The speaker key that `text` names: id, full name, surname, alias, or a small typo of one of them."""
    wanted = compact(text)
    keys = speakers(fb)
    names: dict[str, set[str]] = {}
    for key, name in keys.items():
        entity = fb.by_id.get(key)
        forms = {key, name, *name.split()}
        if isinstance(entity, m.Entity):
            forms.update(entity.aliases)
        names[key] = {compact(f) for f in forms if compact(f)}
    exact = [key for key, forms in names.items() if wanted in forms]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise Ambiguous(text, tuple(r for k in exact if (r := fb.by_id.get(k)) is not None))
    from rapidfuzz import fuzz, process

    choices = [(key, form) for key, forms in names.items() for form in forms if len(form) >= 3]
    best = process.extractOne(wanted, [form for _, form in choices], scorer=fuzz.ratio, score_cutoff=80.0)
    if best is not None and len(wanted) >= 4:
        return choices[best[2]][0]
    close = process.extract(wanted, [form for _, form in choices], scorer=fuzz.ratio, score_cutoff=65.0, limit=5)
    suggestions = tuple(dict.fromkeys(keys[choices[i][0]] for _, _, i in close))
    if suggestions:
        raise LookupFailed(f"no quotes by {text!r}", suggestions)
    raise LookupFailed(f"no quotes by {text!r} (speakers: {', '.join(sorted(keys.values()))})")


def quotes(fb: m.FactBase, speaker: str | None, topic: m.Topic | None) -> list[m.Quote]:
    chosen = [q for q in fb.quotes if speaker is None or (q.speaker.id or q.speaker.name) == speaker]
    return [q for q in chosen if topic is None or topic.id in q.topics]


def actors(fb: m.FactBase, category: str | None) -> list[m.Entity]:
    chosen = [e for e in fb.entities if category is None or e.category == category]
    order = {c: i for i, c in enumerate(m.CATEGORIES)}
    return sorted(chosen, key=lambda e: (order[e.category], e.name.casefold()))


# -- one record and what is linked to it ---------------------------------------------------------------


def find_record(fb: m.FactBase, text: str) -> m.Record:
    """A record by exact id, else by a name, title or alias that equals `text` once folded."""
    if text in fb.by_id:
        return fb.by_id[text]
    wanted = compact(text)
    if not wanted:
        raise LookupFailed(f"no record named {text!r}")
    found: list[m.Record] = []
    for record in fb.records():
        forms = [record.id, label(record) if not isinstance(record, m.Fact | m.Quote) else ""]
        forms += list(getattr(record, "aliases", ()))
        if any(f and compact(f) == wanted for f in forms):
            found.append(record)
    if len(found) == 1:
        return found[0]
    if found:
        raise Ambiguous(text, tuple(found))
    raise LookupFailed(f"no record with the id or name {text!r}")


def links_of(record: m.Record) -> set[str]:
    links: set[str] = set(getattr(record, "topics", ()))
    if isinstance(record, m.Fact | m.Figure | m.Event | m.Quote):
        links.update(record.entities)
    if isinstance(record, m.Entity | m.Topic):
        links.add(record.id)
    return links


def related(fb: m.FactBase, record: m.Record, limit: int | None = None) -> list[Related]:
    """Records sharing entities or topics with `record`, most related first.

    A shared entity weighs more than a shared topic (topics are broad), and a record that names the shown
    entity directly weighs most of all.
    """
    mine = links_of(record)
    entity_ids = {e.id for e in fb.entities}
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
    return Detail(record, tuple(related(fb, record, limit)))


# -- time and citation ---------------------------------------------------------------------------------


def timeline(fb: m.FactBase, topic: m.Topic | None) -> list[m.Fact | m.Figure | m.Event]:
    candidates: tuple[m.Fact | m.Figure | m.Event, ...] = (*fb.events, *fb.facts, *fb.figures)
    dated = [r for r in candidates if r.date is not None and (topic is None or topic.id in r.topics)]
    kind_first = {"event": 0, "fact": 1, "figure": 2}
    return sorted(dated, key=lambda r: (r.date.start if r.date else "", kind_first[r.kind], r.id))


@dataclass(frozen=True)
class BriefSection:
    topic: m.Topic
    facts: tuple[m.Fact, ...]
    figures: tuple[m.Figure, ...]
    quotes: tuple[m.Quote, ...]


STATUS_ORDER = {status: i for i, status in enumerate(m.STATUSES)}


def brief(fb: m.FactBase, topic: m.Topic | None) -> list[BriefSection]:
    """Per topic, its facts (firmest first), figures and quotes.

    Without a topic every claim appears once, under its first topic, so the page does not repeat itself.
    """
    sections = []
    for current in fb.topics if topic is None else (topic,):

        def belongs(claim: m.Fact | m.Figure | m.Quote, current: m.Topic = current) -> bool:
            return claim.topics[0] == current.id if topic is None else current.id in claim.topics

        facts = sorted((f for f in fb.facts if belongs(f)), key=lambda f: STATUS_ORDER[f.status])
        figures = tuple(f for f in fb.figures if belongs(f))
        said = tuple(q for q in fb.quotes if belongs(q))
        if facts or figures or said:
            sections.append(BriefSection(current, tuple(facts), figures, said))
    return sections
