"""The search index: postings of folded terms, field layouts and links, built once from a fact base.

The index holds no record text: ranking needs only postings, field names and links, and the few records
shown are fetched afterwards. That keeps a warm search on a large fact base from loading all of it. It knows
nothing of where it is stored.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Callable, Mapping
from typing import NamedTuple

from ..model import records as m

NAME_FIELDS = ("name", "alias", "title")
NAMED_KINDS = ("entity", "topic")
# A posting packs a record's number and a field's number into one integer; the field gets this many bits.
FIELD_BITS = 6
FIELD_MASK = (1 << FIELD_BITS) - 1
# Fields besides the aliases: an entity's name and description. More aliases than this would collide.
MAX_ALIASES = 60
FUZZY_MIN_LENGTH = 4
# Categories of entity that are one named thing within a topic (a system, a pact, a plant): a query for the topic
# wants the records about it as a whole before the records about one of these (ranking.PART_OF_TOPIC). Not an
# organisation or a place: an oil company or a data source (Rosneft, Kpler) is how records on oil say it whole.
PART_CATEGORIES = ("weapon-system", "agreement", "project")
PREFIX_MIN_LENGTH = 4
# A count or an amount in a text: digits that are not part of a name (S-400, Su-57), a day of a month or a year,
# or a number spelled out ("two squadrons"; not "one", which is as often "one of"). What "how many" asks for.
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
MONTHS = frozenset(_MONTHS.split("|"))
_STATED_DIGITS = re.compile(rf"(?<![\w\-\u2010-\u2015.,])(\d[\d,.]*)(?![\d,.])(?!\s+(?:{_MONTHS})\b)", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
NUMBER_WORDS = frozenset(
    """two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
    eighteen nineteen dozen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion
    trillion lakh crore""".split()  # noqa: SIM905
)

PERSON = "person"  # the entity category whose records are told apart by who speaks or acts in them


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
        return (("title", record.title), ("date", date_words(record.date)))
    if isinstance(record, m.Outcome):
        # The verdict in words: what a question such as "what did not happen" asks about.
        verdict = f"{record.verdict.replace('-', ' ')}: {m.VERDICTS.get(record.verdict, '')}"
        return (("summary", record.summary), ("verdict", verdict))
    if isinstance(record, m.Conflict):
        return (("question", record.question), *((("note", record.note),) if record.note else ()))
    return ()


def date_words(date: m.DateSpec) -> str:
    """A date as people write it ("4 December 2025", "December 2025", "2022"), a range as "from ... to ...",
    with its label: what a query naming the day or the year finds an event by."""
    from calendar import month_name  # only when an index is built (English: the process never sets a locale)

    def spelled(iso: str) -> str:
        parts = iso.split("-")
        if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
            return f"{int(parts[2])} {month_name[int(parts[1])]} {parts[0]}"
        if len(parts) == 2 and parts[1].isdigit():
            return f"{month_name[int(parts[1])]} {parts[0]}"
        return iso

    words = spelled(date.start) if not date.end else f"from {spelled(date.start)} to {spelled(date.end)}"
    return f"{words} ({date.label})" if date.label and date.label != words else words


def record_links(record: m.Record) -> tuple[str, ...]:
    """The entities and topics a claim is about: what makes it rank for a query naming them."""
    return m.links(record) if isinstance(record, m.Claim | m.Outcome | m.Conflict) else ()


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
        self.lengths: array[int] = array("H")  # words in each record's searchable text, for length norms
        # An outcome or a conflict -> the records it answers for: the expectation it settles, the claims it
        # sets against each other (positions in the index).
        self.resolves: dict[int, tuple[int, ...]] = {}
        self.verdicts: dict[int, str] = {}  # an outcome (by position) -> its verdict: did what it settles happen
        # Per record: 1 if it states a count or an amount (a figure; a text with a number that is not a date or
        # a name), what a question "how many" asks for. A conflict states what its claims state.
        self.numbered = bytearray()
        # An entity or topic (by position) -> the terms of each of its names, its main name first: how a
        # record's text can name it without the words of the query (a query in Russian, a record in English).
        # One string each, names on lines and terms split by spaces: a few objects to store, not one per term.
        self.name_terms: dict[int, str] = {}
        # A topic -> the records filed under it that are about one named thing within it (PART_CATEGORIES), and
        # those things themselves.
        self.about_part: dict[str, array[int]] = {}
        # A named thing (PART_CATEGORIES) -> the records that list another such thing before it among their
        # entities: records mainly about that other thing (the 48N6 missile, the joint statement), which name
        # this one along the way. Entities are listed main subject first, after the speakers and countries.
        self.behind_part: dict[str, array[int]] = {}
        from ..text import terms  # only when the index is built: a warm start that reads it needs no folding

        self._within_topics = _parts_within(factbase, terms)
        self.parts = frozenset(self._within_topics)
        self.suggestion_forms: list[str] = []
        self.suggestion_owners: list[str] = []
        self.topic_records: tuple[m.Topic, ...] = factbase.topics
        self.sources: tuple[m.Source, ...] = factbase.sources
        layouts: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._dates: dict[str, list[str]] = {}
        # Filled in as the entities are indexed, which come before every record that can name one (REGISTRY's
        # order): their names are folded once, for the index and for telling who speaks.
        self._persons = Persons({}, set())
        self._voiced: list[tuple[str, int]] = []  # a person (entity id) and a record they speak or act in
        answers_for: dict[int, tuple[str, ...]] = {}
        for record in factbase.records():
            if not isinstance(record, m.Source):
                if isinstance(record, m.Outcome | m.Conflict):
                    answers_for[len(self.record_ids)] = _answers_for(record)
                if isinstance(record, m.Outcome):
                    self.verdicts[len(self.record_ids)] = record.verdict
                self._add(record, layouts, terms)
        position = {record_id: doc for doc, record_id in enumerate(self.record_ids)}
        # Each person's entity and the records in which that person speaks or acts (see `voiced_by`), as two
        # arrays in step, ordered by the person's position: two objects to store, however many persons.
        pairs = sorted((position[person], doc) for person, doc in self._voiced if person in position)
        self.voice_persons = array("I", (person for person, _ in pairs))
        self.voice_docs = array("I", (doc for _, doc in pairs))
        del self._dates, self._within_topics, self._persons, self._voiced  # only for the build, not to be cached
        for doc, targets in answers_for.items():
            self.resolves[doc] = tuple(position[t] for t in targets if t in position)
            if self.kinds[doc] == "conflict" and any(self.numbered[t] for t in self.resolves[doc]):
                self.numbered[doc] = 1
        self.vocabulary: list[str] = sorted(self.postings)
        self.average_length = sum(self.lengths) / max(1, len(self.lengths))
        self.kind_counts: dict[str, int] = {}
        for kind in self.kinds:
            self.kind_counts[kind] = self.kind_counts.get(kind, 0) + 1
        self.topic_ids = frozenset(t.id for t in factbase.topics)

    def _add(
        self, record: m.Record, layouts: dict[tuple[str, ...], tuple[str, ...]], terms: Callable[[str], list[str]]
    ) -> None:
        doc = len(self.record_ids)
        self.record_ids.append(record.id)
        self.kinds.append(record.kind)
        fields = searchable_fields(record)
        layout = tuple(field for field, _ in fields)
        self.layouts.append(layouts.setdefault(layout, layout))
        self.statuses.append(record.status if isinstance(record, m.Claim) else None)
        self.topics.append(_topics_of(record))
        for target in record_links(record):
            self.linked_from.setdefault(target, array("I")).append(doc)
        if record.kind in ("entity", "fact", "figure", "quote", "event", "outcome"):
            self._add_parts(record, doc)
        length = 0
        postings = self.postings
        numbered = isinstance(record, m.Figure)
        person_names: list[tuple[str, ...]] | None = (
            [] if isinstance(record, m.Entity) and record.category == PERSON else None
        )
        lead: list[str] = []  # the terms of the first field: a statement, a title, a summary
        for index, (field, text) in enumerate(fields):
            code = (doc << FIELD_BITS) | min(index, FIELD_MASK)
            if field == "date":  # dates repeat across events: read each once
                found = self._dates.get(text) or self._dates.setdefault(text, terms(text))
            else:
                found = terms(text)
            if index == 0:
                lead = found
            if field not in NAME_FIELDS:
                length += len(found)
            if not numbered and field not in ("date", "period"):
                numbered = not NUMBER_WORDS.isdisjoint(found) or (
                    _DIGIT.search(text) is not None and _states_digits(text)
                )
            for term in set(found):
                slot = postings.get(term)
                if slot is None:  # not setdefault: that would build an empty array for every posting
                    slot = postings[term] = array("I")
                slot.append(code)
            if field == "display":
                self.names.setdefault("".join(found), []).append(code)
            if field in NAME_FIELDS and record.kind in NAMED_KINDS:
                if person_names is not None and found:
                    person_names.append(tuple(found))
                names = self.name_terms.get(doc)
                words = " ".join(dict.fromkeys(found))
                self.name_terms[doc] = words if names is None else f"{names}\n{words}"
                whole = "".join(found)
                self.names.setdefault(whole, []).append(code)
                self.name_sizes[code] = len(found)
                self.suggestion_forms.append(whole)
                self.suggestion_owners.append(fields[0][1])
        self.lengths.append(min(length, 65535))
        self.numbered.append(numbered)
        if person_names is not None:
            self._persons.names[record.id] = tuple(person_names)
            self._persons.openers.update(name[0] for name in person_names)
        if record.id in self._persons.names:
            self._voiced.append((record.id, doc))
        self._voiced += ((person, doc) for person in voiced_by(record, self._persons, lead))

    def _add_parts(self, record: m.Record, doc: int) -> None:
        """File `record` under the topics within which it is about a named thing (PART_CATEGORIES), or is that
        thing: one of the things it names is filed under the topic, and none of them lies outside it (a record on
        the joint statement and Kudankulam is about more than one plant); and under each such thing it lists
        after another one, which is not what it is mainly about."""
        if isinstance(record, m.Entity):
            within: tuple[str, ...] = self._within_topics.get(record.id, ())
            things: list[str] = []
        elif isinstance(record, m.Claim | m.Outcome):
            things = [e for e in record.entities if e in self._within_topics]
            if not things:
                return
            within = tuple(t for t in record.topics if all(t in self._within_topics[e] for e in things))
        else:
            return
        for topic in within:
            self.about_part.setdefault(topic, array("I")).append(doc)
        for thing in things[1:]:
            self.behind_part.setdefault(thing, array("I")).append(doc)

    def voiced(self, person: int) -> array[int] | None:
        """The records in which the person at this position speaks or acts, their entity among them; None when
        what is there is not a person."""
        start = bisect.bisect_left(self.voice_persons, person)
        end = bisect.bisect_right(self.voice_persons, person, start)
        return self.voice_docs[start:end] if end > start else None

    @staticmethod
    def doc_of(code: int) -> int:
        """The record a field code belongs to, as its position in `record_ids`."""
        return code >> FIELD_BITS

    @staticmethod
    def field_position(code: int) -> int:
        return code & FIELD_MASK

    def field_of(self, code: int) -> str:
        layout = self.layouts[code >> FIELD_BITS]
        return layout[min(code & FIELD_MASK, len(layout) - 1)]

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


def _parts_within(factbase: m.FactBase, terms: Callable[[str], list[str]]) -> dict[str, tuple[str, ...]]:
    """Each entity of PART_CATEGORIES -> the topics it is one named thing within: those it is filed under, but a
    topic whose title its name holds ("Labour mobility agreement", a "trade" framework): a thing named after the
    topic is the topic itself as much as a part of it."""
    titles = {t.id: set(terms(t.title)) for t in factbase.topics}
    found: dict[str, tuple[str, ...]] = {}
    for entity in factbase.of(m.Entity):
        if entity.category in PART_CATEGORIES:
            name = set(terms(entity.name))
            found[entity.id] = tuple(t for t in entity.topics if not titles.get(t, set()) <= name)
    return found


def _states_digits(text: str) -> bool:
    for found in _STATED_DIGITS.finditer(text):
        digits = found.group(1).rstrip(".,")
        if digits and not (len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100):
            return True  # a year is a date, not a count
    return False


class Persons(NamedTuple):
    """The persons of a fact base (the entities of category person), for telling who speaks or acts in a record."""

    names: dict[str, tuple[tuple[str, ...], ...]]  # each person's names and aliases, folded into terms
    openers: set[str]  # the first term of every one of those names


def voiced_by(record: m.Record, persons: Persons, lead: list[str]) -> tuple[str, ...]:
    """The persons who speak or act in a record, what a query naming one of them asks for: a quote's speaker,
    whoever a fact's attribution names unless the fact gives them as its source ("According to Peskov, ..."; a
    figure's or an event's attribution is whose number or report it is, a source too), an event's first
    entity, and the persons a fact's statement, an event's title or an outcome's summary opens with as its
    subject ("Putin said", "Modi and Putin hold", not "Putin's visit"). `lead`: the terms of that statement,
    title or summary."""
    names = persons.names
    found: list[str | None] = []
    text = ""
    entities: tuple[str, ...] = ()
    if isinstance(record, m.Quote):
        found.append(record.speaker.id)
    elif isinstance(record, m.Fact):
        text, entities = record.statement, record.entities
        claimant = record.attribution.id if record.attribution else None
        if claimant in names and not ("according" in lead and _cited(lead, names[claimant])):
            found.append(claimant)
    elif isinstance(record, m.Event):
        text, entities = record.title, record.entities
        found.append(entities[0] if entities else None)
    elif isinstance(record, m.Outcome):
        text, entities = record.summary, record.entities
    if lead and lead[0] in persons.openers:
        linked = {e: names[e] for e in entities if e in names}
        if any(name[0] == lead[0] for some in linked.values() for name in some):
            found += _subjects(text, linked)  # read again, with spans: only a text that may open with a name
    return tuple(p for p in dict.fromkeys(found) if p is not None and p in names) if found else ()


def _cited(words: list[str], names: tuple[tuple[str, ...], ...]) -> bool:
    """Whether the words give the person as their source ("according to Peskov"), not as one who speaks."""
    return any(
        words[at : at + 2] == ["according", "to"] and any(tuple(words[at + 2 : at + 2 + len(n)]) == n for n in names)
        for at in range(len(words) - 2)
    )


def _subjects(text: str, person_names: Mapping[str, tuple[tuple[str, ...], ...]]) -> list[str]:
    """The persons whose names open `text`, alone or joined by "and"; a possessive ("Putin's") is no subject."""
    from ..text import tokens

    words = tokens(text)
    names = sorted(((n, p) for p, ns in person_names.items() for n in ns), key=lambda row: -len(row[0]))
    found: list[str] = []
    at = 0
    while names and at < len(words):
        match = next((row for row in names if tuple(w.term for w in words[at : at + len(row[0])]) == row[0]), None)
        if match is None:
            break
        at += len(match[0])
        if text[words[at - 1].end : words[at - 1].end + 2] in ("'s", "\u2019s"):
            break
        found.append(match[1])
        if at >= len(words) or words[at].term != "and":
            break
        at += 1
    return found


def _answers_for(record: m.Outcome | m.Conflict) -> tuple[str, ...]:
    return (record.expectation,) if isinstance(record, m.Outcome) else record.claims


def _topics_of(record: m.Record) -> tuple[str, ...]:
    if isinstance(record, m.Topic):
        return (record.id,)
    return record.topics if isinstance(record, m.Claim | m.Entity | m.Outcome | m.Conflict) else ()
