"""Pure questions asked of a FactBase: topics, speakers, quotes, actors, finding one record. Each returns
data; rendering decides how it looks. Analysis across records (links, time, briefs) is in analysis.py."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from . import model as m
from .describe import label
from .errors import IndorussError, LookupFailed


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


def resolve_topic(topics: Sequence[m.Topic], text: str) -> m.Topic:
    """A topic by id, title or alias, case and spelling folded."""
    from .text import compact

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
    from .text import compact

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
    from .text import compact

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
