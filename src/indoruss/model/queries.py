"""Pure questions asked of a FactBase: topics, speakers, quotes, actors, finding one record. Each returns
data; the views decide how it looks. Analysis across records (links, time, briefs) is in analysis.py."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..errors import Ambiguous, LookupFailed, UnknownChoice
from . import records as m


def ambiguous(text: str, candidates: tuple[m.Record, ...]) -> Ambiguous:
    return Ambiguous(text, tuple((r.label, r.kind, r.id) for r in candidates))


class TopicCount(NamedTuple):
    topic: m.Topic
    counts: dict[str, int]  # per kind of claim, by section name ("facts", "figures"...), in registry order


class TopicDetail(NamedTuple):
    topic: m.Topic
    records: tuple[m.Record, ...]  # grouped by kind: entities, facts, figures, quotes, events


def resolve_topic(topics: Sequence[m.Topic], text: str) -> m.Topic:
    """A topic by id, title or alias, case and spelling folded."""
    from ..text import compact  # only when a name is looked up: `topics` starts without it

    wanted = compact(text)
    for topic in topics:
        if text == topic.id or wanted in {compact(topic.id), compact(topic.title), *map(compact, topic.aliases)}:
            return topic
    from rapidfuzz import fuzz, process

    forms = [(compact(form), topic.id) for topic in topics for form in (topic.id, topic.title, *topic.aliases)]
    close = process.extract(wanted, [f for f, _ in forms], scorer=fuzz.ratio, score_cutoff=80.0, limit=5)
    near = list(dict.fromkeys(forms[i][1] for _, _, i in close))
    hint = f"; did you mean {' or '.join(near[:2])}?" if near else ""
    raise UnknownChoice(f"unknown topic {text!r}{hint} (topics: {', '.join(t.id for t in topics)})")


def topic_counts(fb: m.FactBase) -> list[TopicCount]:
    return count_topics(fb.topics, ((c.kind, c.topics) for c in fb.claims()))


def count_topics(topics: Sequence[m.Topic], filed: Iterable[tuple[str, tuple[str, ...]]]) -> list[TopicCount]:
    """How many claims of each kind each topic has, from (kind, topics) pairs: records or the search index."""
    counts: Counter[tuple[str, str]] = Counter()
    for kind, topic_ids in filed:
        for topic in topic_ids:
            counts[(topic, kind)] += 1
    claim_kinds = [m.KIND_BY_NAME[name] for name in m.CLAIM_KINDS]
    return [TopicCount(t, {k.section: counts[(t.id, k.name)] for k in claim_kinds}) for t in topics]


def topic_detail(fb: m.FactBase, topic: m.Topic) -> TopicDetail:
    members: list[m.Record] = [e for e in fb.of(m.Entity) if topic.id in e.topics]
    members += [c for c in fb.claims() if topic.id in c.topics]
    return TopicDetail(topic, tuple(members))


def in_topic(records: Sequence[m.R], topic: m.Topic | None) -> list[m.R]:
    if topic is None:
        return list(records)
    return [r for r in records if isinstance(r, m.Claim | m.Entity) and topic.id in r.topics]


# -- quotes, figures, actors ---------------------------------------------------------------------------


def speakers(fb: m.FactBase) -> dict[str, str]:
    """Every speaker of a quote, id (or name, for an unnamed speaker) -> display name."""
    found: dict[str, str] = {}
    for quote in fb.of(m.Quote):
        found.setdefault(quote.speaker.id or quote.speaker.name, quote.speaker.name)
    return found


def resolve_speaker(fb: m.FactBase, text: str) -> str:
    """The speaker key that `text` names: id, full name, surname, alias, or a small typo of one of them."""
    from ..text import compact  # only when a name is looked up: `topics` starts without it

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
        # One speaker's whole name or id beats a word of another's: "Officials" is not "Indian officials".
        whole = [key for key in exact if wanted in {compact(key), compact(keys[key])}]
        if len(whole) == 1:
            return whole[0]
        raise Ambiguous(
            text,
            tuple((r.label, r.kind, r.id) if (r := fb.by_id.get(k)) else (keys[k], "speaker", k) for k in exact),
        )
    from rapidfuzz import fuzz, process

    choices = [(key, form) for key, forms in names.items() for form in forms if len(form) >= 3]
    best = process.extractOne(wanted, [form for _, form in choices], scorer=fuzz.ratio, score_cutoff=80.0)
    if best is not None and len(wanted) >= 4:
        return choices[best[2]][0]
    close = process.extract(wanted, [form for _, form in choices], scorer=fuzz.ratio, score_cutoff=65.0, limit=5)
    suggestions = tuple(dict.fromkeys(keys[choices[i][0]] for _, _, i in close))
    if suggestions:
        raise LookupFailed(f"no quotes by {text!r}", suggestions)
    if not keys:
        raise LookupFailed(f"no quotes by {text!r}: the fact base holds no quotes (as of this date)")
    raise LookupFailed(f"no quotes by {text!r} (speakers: {', '.join(sorted(keys.values()))})")


def quotes(fb: m.FactBase, speaker: str | None, topic: m.Topic | None) -> list[m.Quote]:
    chosen = [q for q in fb.of(m.Quote) if speaker is None or (q.speaker.id or q.speaker.name) == speaker]
    return [q for q in chosen if topic is None or topic.id in q.topics]


def actors(fb: m.FactBase, category: str | None) -> list[m.Entity]:
    chosen = [e for e in fb.of(m.Entity) if category is None or e.category == category]
    order = {c: i for i, c in enumerate(m.CATEGORIES)}
    return sorted(chosen, key=lambda e: (order[e.category], e.name.casefold()))


# -- one record and what is linked to it ---------------------------------------------------------------


def find_record(fb: m.FactBase, text: str) -> m.Record:
    """A record by exact id, else by a name, title or alias that equals `text` once folded."""
    from ..text import compact  # only when a name is looked up: `topics` starts without it

    if text in fb.by_id:
        return fb.by_id[text]
    wanted = compact(text)
    if not wanted:
        raise LookupFailed(f"no record named {text!r}")
    found: list[m.Record] = []
    names: list[tuple[str, m.Record]] = []  # every form a record can be called by, compacted
    for record in fb.records():
        forms = [record.id, record.label if not isinstance(record, m.Fact | m.Quote | m.Outcome) else ""]
        if isinstance(record, m.Entity | m.Topic):
            forms += record.aliases
        compacted = {compact(f) for f in forms if f}
        if wanted in compacted:
            found.append(record)
        names += [(form, record) for form in compacted if len(form) <= 80]
    if len(found) == 1:
        return found[0]
    if found:
        raise ambiguous(text, tuple(found))
    return _closest(text, wanted, names)


def _closest(text: str, wanted: str, names: list[tuple[str, m.Record]]) -> m.Record:
    """A small typo of one record's id or name is forgiven; otherwise the nearest ones are suggested."""
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Levenshtein

    forms = [form for form, _ in names]
    if len(wanted) >= 5:
        allowed = 1 if len(wanted) < 8 else 2
        near = process.extract(wanted, forms, scorer=Levenshtein.distance, score_cutoff=allowed, limit=12)
        owners_near = {names[i][1].id: names[i][1] for _, _, i in near}
        if len(owners_near) == 1:
            return next(iter(owners_near.values()))
    close = process.extract(wanted, forms, scorer=fuzz.ratio, score_cutoff=70.0, limit=12)
    owners = list(dict.fromkeys(names[i][1].id for _, _, i in close))
    raise LookupFailed(f"no record with the id or name {text!r}", tuple(owners[:3]))


# -- filters shared by the list commands ---------------------------------------------------------------


class Only(NamedTuple):
    """What a list command keeps: records of these kinds, with this status, citing this source, of this
    topic, or (for an expectation or an outcome) with this verdict. None keeps everything."""

    topic: m.Topic | None = None
    kinds: tuple[str, ...] | None = None
    status: str | None = None
    source: str | None = None
    verdict: str | None = None


def check_source(fb: m.FactBase, source: str) -> str:
    """A --source value: the id of a source of the fact base, or a usage error naming the close ones."""
    if isinstance(fb.by_id.get(source), m.Source):
        return source
    from rapidfuzz import fuzz, process

    close = process.extract(source, [s.id for s in fb.sources], scorer=fuzz.ratio, score_cutoff=75.0, limit=2)
    hint = f"; did you mean {' or '.join(c[0] for c in close)}?" if close else ""
    raise UnknownChoice(f"unknown source {source!r}{hint} (see 'indoruss sources')")


def verdicts(fb: m.FactBase) -> dict[str, str]:
    """The verdict of every expectation by its id ("open" when it has no outcome), and of every outcome."""
    from .outcomes import OPEN

    found = {c.id: OPEN for c in fb.claims() if c.looks_ahead}
    for outcome in fb.of(m.Outcome):
        found[outcome.id] = outcome.verdict
        if outcome.expectation in found:
            found[outcome.expectation] = outcome.verdict
    return found


def select(fb: m.FactBase, records: Iterable[m.R], only: Only) -> list[m.R]:
    """The records that pass every filter given, in their order."""
    judged = verdicts(fb) if only.verdict is not None else {}
    kept: list[m.R] = []
    for record in records:
        if only.kinds is not None and record.kind not in only.kinds:
            continue
        if only.topic is not None and only.topic.id not in getattr(record, "topics", ()):
            continue
        if only.status is not None and getattr(record, "status", None) != only.status:
            continue
        if only.source is not None and all(ref.source_id != only.source for ref in m.source_refs(record)):
            continue
        if only.verdict is not None and judged.get(record.id) != only.verdict:
            continue
        kept.append(record)
    return kept
