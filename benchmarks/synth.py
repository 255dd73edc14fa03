"""Write a valid synthetic fact base of N records, for the scale benchmarks.

    python benchmarks/synth.py --records 100000 --out /tmp/fb [--seed 1]

The records are spread over every kind (sources, topics, entities, facts, figures, quotes, events) in YAML
files of at most 5,000 records each (`facts-001.yaml`, `facts-002.yaml`, ...). The text is drawn from a fixed
vocabulary of a few thousand words with Zipf frequencies, plus the generated names of the entities, so the
search vocabulary grows as it would with real reports: quickly at first, then mostly through new names.
Records reference each other (facts name 1-4 entities and 1-2 topics, popular entities more often; half the
quotes name an entity they speak of), dates come in all three precisions and as ranges, statuses cover the
closed set, and aliases include Cyrillic and some Devanagari forms.

An entity "S-400" and a speaker "Dmitry Peskov" (id `peskov`) are always present, so that
`indoruss search S-400` and `indoruss quotes --by Peskov` have results at every size. The same seed gives the
same files. The output must pass `INDORUSS_DATA=DIR indoruss validate`.
"""

from __future__ import annotations

import argparse
import calendar
import itertools
import json
import random
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from indoruss.model import records as model

RECORDS_PER_FILE = 5_000
MIN_RECORDS = 50
VOCABULARY_SIZE = 3_000


def _weights(values: tuple[str, ...], known: dict[str, int]) -> tuple[int, ...]:
    return tuple(known.get(value, 5) for value in values)


Scalar = str | int | float | bool | None
Value = Scalar | list[str] | dict[str, Scalar]
Record = dict[str, Value]

# The value lists come from the model, so synthetic data stays valid as the schema grows; the weights say
# how common each value is, and a value the weights do not name yet gets weight 5.
STATUSES = tuple(model.STATUSES)
STATUS_WEIGHTS = _weights(
    STATUSES, {"confirmed": 40, "reported": 20, "expected": 15, "likely": 10, "possible": 8, "proposed": 7}
)
CATEGORIES = model.CATEGORIES
CATEGORY_WEIGHTS = _weights(
    CATEGORIES,
    {
        "person": 35,
        "organisation": 25,
        "country": 4,
        "weapon-system": 10,
        "agreement": 8,
        "project": 8,
        "event": 4,
        "place": 6,
    },
)
SOURCE_KINDS = tuple(model.SOURCE_KINDS)
SOURCE_KIND_WEIGHTS = _weights(SOURCE_KINDS, {"news-report": 60, "official-text": 20, "interview": 15, "dataset": 5})
UNITS = model.UNITS
UNIT_WEIGHTS = _weights(
    UNITS, {"USD": 30, "percent": 25, "MW": 10, "people": 15, "squadrons": 5, "years": 10, "days": 5}
)
QUALIFIERS = model.QUALIFIERS
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")

# Frequent words of news reports, most frequent first: they take the top Zipf ranks.
_COMMON_TEXT = """
the of and to in a on for that with is as by was will at from its be has are have it an this said
india russia trade defence visit deal agreement talks minister government president prime official
cooperation summit energy oil new two also would were which after their more than year years
billion percent first last week bilateral military supply supplies system systems joint production
nuclear plant project projects sanctions tariffs united states west pressure ties relations economic
economy market markets payment payments rupee rouble currency exports imports import export growth
investment investments sector industry companies company state owned talks meeting meetings
spokesperson kremlin ministry foreign affairs external delegation agenda issue issues discuss
discussed discussion expected likely possible proposed confirmed reported purchase purchases order
orders delivery deliveries missile missiles aircraft fighter jets navy army air force security
strategic partnership long standing alliance independence war ukraine peace plan framework labour
workers mobility migration employment skilled professionals shipping corridor route port ports
crude barrels refinery refineries fuel gas pipeline reactor reactors power capacity units unit
target targets value total share largest biggest major key important further additional several
some many most other others both between during before since until under over about around
"""
COMMON_WORDS = _COMMON_TEXT.split()
FUNCTION_WORDS = frozenset(COMMON_WORDS[:26])

CONTRACTIONS = ("let’s", "we’re", "it’s", "don’t", "can’t", "won’t", "they’re", "that’s", "there’s")

ONSETS = (
    *("b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "y"),
    *("sh", "ch", "kh", "tr", "pr", "st", "br", "dr", "gr", "", ""),
)
NUCLEI = ("a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ou", "ia")
CODAS = ("", "", "", "n", "r", "s", "l", "m", "k", "t", "v", "sh")

CYRILLIC_DIGRAPHS = {"sh": "ш", "ch": "ч", "zh": "ж", "kh": "х", "ya": "я", "yu": "ю", "ts": "ц"}
CYRILLIC = dict(zip("abcdefghiklmnopqrstuvwz", "абцдефгхиклмнопкрстуввз", strict=True))
CYRILLIC.update({"j": "дж", "x": "кс", "y": "й"})
DEVANAGARI_CONSONANTS = {
    "b": "ब",
    "c": "च",
    "d": "द",
    "f": "फ",
    "g": "ग",
    "h": "ह",
    "j": "ज",
    "k": "क",
    "l": "ल",
    "m": "म",
    "n": "न",
    "p": "प",
    "q": "क",
    "r": "र",
    "s": "स",
    "t": "त",
    "v": "व",
    "w": "व",
    "x": "क्स",
    "y": "य",
    "z": "ज",
}
DEVANAGARI_VOWELS = {"a": ("अ", ""), "e": ("ए", "े"), "i": ("इ", "ि"), "o": ("ओ", "ो"), "u": ("उ", "ु")}
VIRAMA = "्"

PERSON_TITLES = ("Minister", "Deputy Minister", "Ambassador", "Governor", "General", "Chairman", "Director")
ROLES = ("spokesperson", "foreign minister", "defence minister", "trade envoy", "chief executive", "adviser")
ORG_SUFFIXES = ("Corporation", "Ministry", "Institute", "Limited", "Bank", "Agency", "Council", "Group", "Authority")
AGREEMENT_WORDS = ("Agreement", "Pact", "Treaty", "Memorandum", "Accord", "Framework")
PROJECT_WORDS = ("Project", "Corridor", "Plant", "Pipeline", "Programme", "Port", "Refinery")
EVENT_WORDS = ("Summit", "Forum", "Conference", "Dialogue", "Exercise")
PLACE_ENDINGS = ("pur", "grad", "abad", "sk", "nagar", "ovo", "")
WEAPON_PREFIXES = ("S", "Su", "T", "BM", "K", "Kh", "R", "Mi", "Ka", "Tu", "Il", "MiG", "Pantsir-S", "Tor-M")
UNNAMED_SPEAKERS = ("Officials", "Diplomats", "Industry sources", "Analysts", "A senior official", "Sources")
QUOTE_CONTEXTS = (
    "statement ahead of the visit",
    "told PTI",
    "remarks to reporters",
    "joint press conference",
    "speech at the business forum",
    "written reply to parliament",
    "television interview",
)

# Names that generated records must never take, so that the benchmark queries find exactly one entity.
RESERVED = {"s400", "peskov", "dmitry", "putin", "modi", "india", "russia", "triumf"}

CORE_TOPICS: tuple[Record, ...] = (
    {
        "id": "trade",
        "title": "Trade",
        "description": "Bilateral trade, its targets, payment mechanisms, exports and imports.",
        "aliases": ["bilateral trade", "commerce", "economy", "exports", "imports"],
    },
    {
        "id": "defence",
        "title": "Defence",
        "description": "Defence cooperation, arms purchases, joint production and military logistics.",
        "aliases": ["defense", "military", "arms", "weapons", "defence deals"],
    },
    {
        "id": "energy",
        "title": "Energy (oil)",
        "description": "Energy cooperation, above all crude oil supplies and oil-field stakes.",
        "aliases": ["oil", "crude", "crude oil", "petroleum", "oil and gas"],
    },
    {
        "id": "nuclear-energy",
        "title": "Civil nuclear energy",
        "description": "Cooperation on civil nuclear power, existing plants and small modular reactors.",
        "aliases": ["nuclear power", "nuclear", "atomic energy", "reactors"],
    },
    {
        "id": "labour-mobility",
        "title": "Labour mobility",
        "description": "Migration and employment of workers, and the agreements that govern them.",
        "aliases": ["labor", "labour", "migration", "workers"],
    },
    {
        "id": "us-tariffs-sanctions",
        "title": "US tariffs and sanctions",
        "description": "United States tariffs and sanctions and the pressure they put on the partners.",
        "aliases": ["tariffs", "sanctions", "US pressure"],
    },
    {
        "id": "ukraine-war",
        "title": "Russia-Ukraine war and diplomacy",
        "description": "The war in Ukraine and the diplomacy around a possible peace deal.",
        "aliases": ["Ukraine", "war", "peace deal"],
    },
    {
        "id": "visit",
        "title": "The visit and diplomacy",
        "description": "The state visit itself, its programme and the wider diplomatic relationship.",
        "aliases": ["summit", "state visit", "diplomacy"],
    },
)


def _core_entity(rid: str, name: str, category: str, description: str, aliases: list[str], topics: list[str]) -> Record:
    return {
        "id": rid,
        "name": name,
        "category": category,
        "description": description,
        "aliases": aliases,
        "topics": topics,
    }


CORE_ENTITIES: tuple[Record, ...] = (
    _core_entity(
        "india",
        "India",
        "country",
        "The host country of the summit and a long-standing buyer of Russian arms and oil.",
        ["Republic of India", "Bharat", "New Delhi", "Индия", "भारत"],
        ["visit", "trade"],
    ),
    _core_entity(
        "russia",
        "Russia",
        "country",
        "The visiting country, India's largest supplier of defence equipment and a major oil exporter.",
        ["Russian Federation", "Moscow", "Россия", "रूस"],
        ["visit", "trade"],
    ),
    _core_entity(
        "peskov",
        "Dmitry Peskov",
        "person",
        "Kremlin spokesperson, quoted on the visit's trade, defence and nuclear agenda items.",
        ["Peskov", "Dmitri Peskov", "Kremlin spokesperson", "Kremlin spokesman", "Песков", "Дмитрий Песков", "पेसकोव"],
        ["visit", "trade", "defence"],
    ),
    _core_entity(
        "putin",
        "Vladimir Putin",
        "person",
        "President of Russia, visiting India for a two-day trip in December 2025.",
        ["Putin", "President Putin", "Russian President", "Путин", "Владимир Путин", "पुतिन"],
        ["visit", "defence"],
    ),
    _core_entity(
        "modi",
        "Narendra Modi",
        "person",
        "Prime Minister of India, host and counterpart of the Russian president in the talks.",
        ["Modi", "PM Modi", "Prime Minister Modi", "Моди", "Нарендра Моди", "मोदी"],
        ["visit", "trade"],
    ),
    _core_entity(
        "s-400",
        "S-400",
        "weapon-system",
        "Russian long-range surface-to-air missile system, several squadrons of which India has bought.",
        ["S400", "S 400", "S-400 Triumf", "Triumf", "S-400 air defence system", "С-400", "С-400 «Триумф»", "Триумф"],
        ["defence"],
    ),
)


def slug(text: str, words: int = 5) -> str:
    """An id from the first `words` words of `text` that are not function words."""
    parts = [p for p in re.findall(r"[a-z0-9]+", text.lower()) if p not in FUNCTION_WORDS]
    return "-".join(parts[:words]) or "record"


def to_cyrillic(text: str) -> str:
    """A rough Latin-to-Cyrillic transliteration, word by word, keeping capitals, digits and punctuation."""
    out: list[str] = []
    for word in text.split(" "):
        lower = word.lower()
        letters: list[str] = []
        i = 0
        while i < len(lower):
            pair = lower[i : i + 2]
            if pair in CYRILLIC_DIGRAPHS:
                letters.append(CYRILLIC_DIGRAPHS[pair])
                i += 2
                continue
            letters.append(CYRILLIC.get(lower[i], lower[i]))
            i += 1
        result = "".join(letters)
        if len(word) > 1 and word.isupper():
            result = result.upper()
        elif word[:1].isupper():
            result = result[:1].upper() + result[1:]
        out.append(result)
    return " ".join(out)


def to_devanagari(text: str) -> str:
    """A rough Latin-to-Devanagari transliteration: consonants with vowel signs, virama between consonants."""
    out: list[str] = []
    for word in text.lower().split(" "):
        letters: list[str] = []
        after_consonant = False
        for char in word:
            if char in DEVANAGARI_VOWELS:
                independent, sign = DEVANAGARI_VOWELS[char]
                letters.append(sign if after_consonant else independent)
                after_consonant = False
            elif char in DEVANAGARI_CONSONANTS:
                if after_consonant:
                    letters.append(VIRAMA)
                letters.append(DEVANAGARI_CONSONANTS[char])
                after_consonant = True
            else:
                letters.append(char)
                after_consonant = False
        out.append("".join(letters))
    return " ".join(out)


class Synth:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.vocabulary = self._vocabulary()
        self.cumulative = list(itertools.accumulate(1.0 / rank for rank in range(1, len(self.vocabulary) + 1)))
        self.used_ids: set[str] = set()
        self.suffix: dict[str, int] = {}
        self.used_names: set[str] = set(RESERVED)
        self.publishers = [self._publisher() for _ in range(40)]
        self.first_names = [self._pseudo(2).capitalize() for _ in range(400)]

    # -- words and names ---------------------------------------------------------------------------------

    def _pseudo(self, syllables: int) -> str:
        rng = self.rng
        return "".join(rng.choice(ONSETS) + rng.choice(NUCLEI) + rng.choice(CODAS) for _ in range(syllables))

    def _vocabulary(self) -> list[str]:
        words = list(dict.fromkeys(COMMON_WORDS))
        seen = set(words)
        while len(words) < VOCABULARY_SIZE:
            word = self._pseudo(self.rng.choice((1, 2, 2, 3)))
            if len(word) >= 3 and word not in seen and word not in RESERVED:
                seen.add(word)
                words.append(word)
        return words

    def words(self, count: int) -> list[str]:
        return self.rng.choices(self.vocabulary, cum_weights=self.cumulative, k=count)

    def rare_word(self) -> str:
        """A word from the long tail of the vocabulary, for names and titles."""
        return self.rng.choice(self.vocabulary[len(COMMON_WORDS) :])

    def _publisher(self) -> str:
        word = self._pseudo(2).capitalize()
        return self.rng.choice((f"The {word} Times", f"{word} News Agency", f"{word} Herald", f"{word} Daily"))

    def new_id(self, base: str) -> str:
        base = base[:60].strip("-") or "record"
        candidate = base
        while candidate in self.used_ids:
            number = self.suffix.get(base, 1) + 1
            self.suffix[base] = number
            candidate = f"{base}-{number}"
        self.used_ids.add(candidate)
        return candidate

    def _fresh_name(self, parts: Sequence[str]) -> bool:
        """Whether a name (given as its parts) is new; records it if so."""
        key = "".join(re.findall(r"[a-z0-9]+", " ".join(parts).lower()))
        if key in self.used_names or any(p.lower() in RESERVED for p in parts):
            return False
        self.used_names.add(key)
        return True

    # -- text ----------------------------------------------------------------------------------------------

    def sentence(self, count: int, names: Sequence[str] = (), *, period: bool = True) -> str:
        words = self.words(max(1, count - len(names)))
        for name in names:
            words.insert(self.rng.randrange(len(words) + 1), name)
        text = " ".join(words)
        text = text[:1].upper() + text[1:]
        return text + "." if period else text

    def quote_text(self, count: int, name: str | None) -> str:
        """Quoted speech of `count` words, with typographic apostrophes, naming `name` if given."""
        rng = self.rng
        words = self.words(count)
        if rng.random() < 0.4:
            words[rng.randrange(len(words))] = rng.choice(CONTRACTIONS)
        if name is not None:
            words[rng.randrange(len(words))] = name + "’s"
        sentences: list[str] = []
        start = 0
        while start < len(words):
            end = min(len(words), start + rng.randint(8, 20))
            chunk = " ".join(words[start:end])
            sentences.append(chunk[:1].upper() + chunk[1:] + rng.choice((".", ".", ".", "?", "!")))
            start = end
        return " ".join(sentences)

    # -- shared fields ---------------------------------------------------------------------------------------

    def status(self) -> str:
        return self.rng.choices(STATUSES, weights=STATUS_WEIGHTS)[0]

    def date(self) -> tuple[str, str | None]:
        """A date of year, month or day precision, or a range, and sometimes a label in words."""
        rng = self.rng
        year = rng.randint(1995, 2030)
        month = rng.randint(1, 12)
        month_days = calendar.monthrange(year, month)[1]
        day = rng.randint(1, month_days - 1)
        shape = rng.random()
        if shape < 0.3:
            text, label = f"{year}", rng.choice((f"in {year}", f"by the end of {year}", f"{year}", f"early {year}"))
        elif shape < 0.55:
            text, label = f"{year}-{month:02d}", f"{MONTHS[month - 1]} {year}"
        elif shape < 0.9:
            text, label = f"{year}-{month:02d}-{day:02d}", f"{day} {MONTHS[month - 1]} {year}"
        elif shape < 0.98:
            last = min(month_days, day + rng.randint(1, 3))
            text = f"{year}-{month:02d}-{day:02d}/{year}-{month:02d}-{last:02d}"
            label = f"{day}-{last} {MONTHS[month - 1]} {year}"
        else:
            first = rng.randint(1, 11)
            last = rng.randint(first + 1, 12)
            text = f"{year}-{first:02d}/{year}-{last:02d}"
            label = f"{MONTHS[first - 1]} to {MONTHS[last - 1]} {year}"
        return text, label if rng.random() < 0.5 else None

    def add_date(self, record: Record, probability: float) -> None:
        if self.rng.random() < probability:
            text, label = self.date()
            record["date"] = text
            if label is not None:
                record["date_label"] = label

    def pick_distinct(self, pool: Sequence[str], cumulative: Sequence[float], count: int) -> list[str]:
        """`count` different items, popular ones (early in the pool) more often."""
        count = min(count, len(pool))
        chosen: dict[str, None] = {}
        for _ in range(count * 8):
            chosen[self.rng.choices(pool, cum_weights=cumulative, k=1)[0]] = None
            if len(chosen) == count:
                break
        return list(chosen)

    # -- records -----------------------------------------------------------------------------------------------

    def source(self) -> Record:
        rng = self.rng
        published = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        title = self.sentence(rng.randint(8, 14), period=False)
        record: Record = {
            "id": self.new_id(f"{slug(title, 4)}-{published}"),
            "title": title,
            "publisher": rng.choice(self.publishers) if rng.random() < 0.9 else None,
            "published": published,
            "kind": rng.choices(SOURCE_KINDS, weights=SOURCE_KIND_WEIGHTS)[0],
            "language": "en",
        }
        # Synthetic sources are documents, so that claims cite them by paragraph as the preview is cited.
        record["document"] = f"{record['id']}.txt"
        if rng.random() < 0.4:
            record["note"] = self.sentence(rng.randint(12, 25))
        return record

    def topic(self) -> Record:
        rng = self.rng
        while True:
            parts = [self.rare_word().capitalize(), self.rare_word()]
            if self._fresh_name(parts):
                break
        title = " ".join(parts)
        record: Record = {
            "id": self.new_id(slug(title)),
            "title": title,
            "description": self.sentence(rng.randint(10, 14)),
        }
        aliases = [" ".join(self.words(rng.randint(1, 3))) for _ in range(rng.randint(0, 4))]
        if aliases:
            record["aliases"] = list(dict.fromkeys(aliases))
        return record

    def entity(self, category: str) -> Record:
        rng = self.rng
        name, aliases = self._entity_name(category)
        return {
            "id": self.new_id(slug(name)),
            "name": name,
            "category": category,
            "description": self.sentence(rng.randint(10, 14), [name] if rng.random() < 0.3 else ()),
            "aliases": aliases,
        }

    def _entity_name(self, category: str) -> tuple[str, list[str]]:
        rng = self.rng
        while True:
            if category == "person":
                surname = self._pseudo(rng.randint(2, 3)).capitalize() + rng.choice(("", "ov", "ev", "an", "i", "ar"))
                parts = [rng.choice(self.first_names), surname]
                if not self._fresh_name(parts):
                    continue
                name = " ".join(parts)
                aliases = [surname, f"{rng.choice(PERSON_TITLES)} {surname}", to_cyrillic(name), to_cyrillic(surname)]
                if rng.random() < 0.3:
                    aliases.append(f"{self.rare_word().capitalize()} {rng.choice(ROLES)}")
                if rng.random() < 0.2:
                    aliases.append(to_devanagari(name))
                return name, aliases
            if category == "weapon-system":
                code = f"{rng.choice(WEAPON_PREFIXES)}-{rng.randint(10, 999)}"
                parts = [code, self.rare_word().capitalize()] if rng.random() < 0.4 else [code]
                if not self._fresh_name(parts):
                    continue
                aliases = [code.replace("-", ""), code.replace("-", " "), to_cyrillic(code)]
                if len(parts) > 1:
                    aliases += [code, parts[1]]
                return " ".join(parts), aliases
            if category == "place":
                parts = [self._pseudo(rng.randint(1, 3)).capitalize() + rng.choice(PLACE_ENDINGS)]
            elif category == "country":
                parts = [self._pseudo(2).capitalize() + rng.choice(("ia", "stan", "land", "a"))]
            elif category == "organisation":
                parts = [self.rare_word().capitalize(), self.rare_word().capitalize(), rng.choice(ORG_SUFFIXES)]
            elif category == "agreement":
                parts = [self.rare_word().capitalize(), self.words(1)[0].capitalize(), rng.choice(AGREEMENT_WORDS)]
            elif category == "project":
                parts = [self.rare_word().capitalize(), rng.choice(PROJECT_WORDS)]
            else:
                parts = [self.rare_word().capitalize(), rng.choice(EVENT_WORDS), str(rng.randint(1995, 2030))]
            if not self._fresh_name(parts):
                continue
            name = " ".join(parts)
            aliases = [to_cyrillic(name)] if rng.random() < 0.6 else []
            if len(parts) > 2:
                aliases.append("".join(p[0] for p in parts if p[0].isalpha()).upper())
            if rng.random() < 0.1:
                aliases.append(to_devanagari(name))
            return name, aliases


class FactBaseWriter:
    """Chooses how many records of each kind, builds them with their references, and writes the files."""

    def __init__(self, total: int, seed: int) -> None:
        self.synth = Synth(seed)
        self.counts = allocate(total)

    def build(self) -> dict[str, list[Record]]:
        s = self.synth
        rng = s.rng
        sources = [s.source() for _ in range(self.counts["sources"])]
        topics = [dict(t) for t in CORE_TOPICS[: self.counts["topics"]]]
        for record in topics:
            s.new_id(str(record["id"]))
        topics += [s.topic() for _ in range(self.counts["topics"] - len(topics))]
        topic_ids = [str(t["id"]) for t in topics]
        topic_weights = zipf(len(topic_ids))
        source_ids = [str(r["id"]) for r in sources]

        def source_ref() -> dict[str, Scalar]:
            return {"id": rng.choice(source_ids), "paragraph": rng.randint(1, 40)}

        def some_topics(low: int, high: int) -> list[str]:
            return s.pick_distinct(topic_ids, topic_weights, rng.randint(low, high))

        entities: list[Record] = []
        for core in CORE_ENTITIES:
            record = dict(core)
            s.new_id(str(record["id"]))
            core_topics = core["topics"] if isinstance(core["topics"], list) else []
            record["topics"] = [t for t in core_topics if t in topic_ids] or [topic_ids[0]]
            entities.append(record)
        categories = rng.choices(CATEGORIES, weights=CATEGORY_WEIGHTS, k=self.counts["entities"] - len(entities))
        for category in categories:
            record = s.entity(category)
            chosen = some_topics(0, 3)
            if chosen:
                record["topics"] = chosen
            entities.append(record)
        for record in entities:
            if not record["aliases"]:
                del record["aliases"]
            record["source"] = source_ref()
        entity_ids = [str(e["id"]) for e in entities]
        entity_names = {str(e["id"]): str(e["name"]) for e in entities}
        entity_weights = zipf(len(entity_ids))
        people = [str(e["id"]) for e in entities if e["category"] == "person"]
        people_weights = zipf(len(people))

        facts: list[Record] = []
        for _ in range(self.counts["facts"]):
            linked = s.pick_distinct(entity_ids, entity_weights, rng.randint(1, 4))
            named = [entity_names[e] for e in linked[: rng.randint(0, 2)]]
            statement = s.sentence(rng.randint(15, 35), named)
            record = {"id": s.new_id(slug(statement, 4)), "statement": statement, "status": s.status()}
            record["topics"] = some_topics(1, 2)
            record["entities"] = linked
            s.add_date(record, 0.5)
            record["source"] = source_ref()
            facts.append(record)

        figures: list[Record] = []
        for _ in range(self.counts["figures"]):
            value, unit, display = self.figure_value()
            linked = s.pick_distinct(entity_ids, entity_weights, rng.randint(0, 3))
            measures = s.sentence(rng.randint(6, 12), [entity_names[e] for e in linked[:1]], period=False)
            record = {
                "id": s.new_id(slug(measures, 4)),
                "value": value,
                "unit": unit,
                "display": display,
                "qualifier": rng.choice(QUALIFIERS),
                "measures": measures,
            }
            if rng.random() < 0.5:
                year = rng.randint(1995, 2030)
                record["period"] = rng.choice(
                    ("over the next five years", f"in {year}", f"{year}-{year + 5}", "per year", f"by {year}")
                )
            record["status"] = s.status()
            s.add_date(record, 0.4)
            record["topics"] = some_topics(1, 2)
            if linked:
                record["entities"] = linked
            record["source"] = source_ref()
            figures.append(record)

        quotes: list[Record] = []
        for _ in range(self.counts["quotes"]):
            count = rng.randint(10, 60)
            # Half the quotes name an entity they speak of, and list it in `entities`.
            about = s.pick_distinct(entity_ids, entity_weights, 1) if rng.random() < 0.5 else []
            speaker: Value
            if rng.random() < 0.85:
                speaker = s.pick_distinct(people, people_weights, 1)[0]
                who = speaker
            else:
                name = rng.choice(UNNAMED_SPEAKERS)
                speaker = {"name": name, "description": s.sentence(rng.randint(8, 14))}
                who = name
            record = {
                "id": s.new_id(f"quote-{slug(who, 2)}-{slug(' '.join(s.words(2)), 2)}"),
                "text": s.quote_text(count, entity_names[about[0]] if about else None),
                "speaker": speaker,
                "context": rng.choice((*QUOTE_CONTEXTS, f"interview with {rng.choice(s.publishers)}")),
                "fragment": count <= 14 and rng.random() < 0.7,
                "topics": some_topics(1, 2),
            }
            if about:
                record["entities"] = about
            record["source"] = source_ref()
            quotes.append(record)

        events: list[Record] = []
        for _ in range(self.counts["events"]):
            linked = s.pick_distinct(entity_ids, entity_weights, rng.randint(1, 4))
            title = s.sentence(rng.randint(6, 12), [entity_names[e] for e in linked[:2]], period=False)
            record = {"id": s.new_id(f"event-{slug(title, 4)}"), "title": title}
            text, label = s.date()
            record["date"] = text
            if label is not None:
                record["date_label"] = label
            record["status"] = s.status()
            record["topics"] = some_topics(1, 2)
            record["entities"] = linked
            record["source"] = source_ref()
            events.append(record)

        return {
            "sources": sources,
            "topics": topics,
            "entities": entities,
            "facts": facts,
            "figures": figures,
            "quotes": quotes,
            "events": events,
        }

    def figure_value(self) -> tuple[int | float, str, str]:
        rng = self.synth.rng
        unit = rng.choices(UNITS, weights=UNIT_WEIGHTS)[0]
        if unit == "USD":
            if rng.random() < 0.6:
                amount = rng.choice((1, 2, 2.5, 5, 10, 20, 30, 50, 65, 100))
                return whole(amount * 1_000_000_000), unit, f"${amount} billion"
            millions = rng.randint(10, 900)
            return millions * 1_000_000, unit, f"${millions} million"
        if unit == "percent":
            share = rng.randint(1, 99) if rng.random() < 0.8 else round(rng.uniform(0.5, 99.0), 1)
            return share, unit, f"{share}%"
        if unit == "MW":
            power = rng.randrange(50, 5000, 50)
            return power, unit, rng.choice((f"~{power} MW", f"{power:,} MW"))
        if unit == "people":
            people = rng.randrange(100, 100_000, 100)
            return people, unit, rng.choice((f"{people:,}", f"over {people:,}", f"{people:,} workers"))
        small = rng.randint(1, 10)
        spelled = NUMBER_WORDS[small]
        if unit == "squadrons":
            return small, unit, f"{spelled} squadrons"
        if unit == "years":
            return small, unit, f"{spelled} years"
        return small, unit, f"{spelled}-day"


def whole(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def zipf(size: int) -> list[float]:
    """Cumulative Zipf weights for `size` items: item k is chosen in proportion to 1/k."""
    return list(itertools.accumulate(1.0 / rank for rank in range(1, size + 1)))


def allocate(total: int) -> dict[str, int]:
    """How many records of each kind make `total`: a few sources and topics, mostly claims."""
    sources = max(1, total // 100)
    topics = max(len(CORE_TOPICS), total // 500)
    shares = {"entities": 14, "facts": 43, "figures": 12, "quotes": 16, "events": 15}
    rest = total - sources - topics
    exact = {kind: rest * share / sum(shares.values()) for kind, share in shares.items()}
    counts = {kind: int(value) for kind, value in exact.items()}
    by_remainder = sorted(exact, key=lambda kind: exact[kind] - counts[kind], reverse=True)
    for kind in by_remainder[: rest - sum(counts.values())]:
        counts[kind] += 1
    missing = len(CORE_ENTITIES) - counts["entities"]
    if missing > 0:
        counts["entities"] += missing
        counts["facts"] -= missing
    return {"sources": sources, "topics": topics, **counts}


# -- YAML, written by hand: every string double-quoted (a JSON string is a valid YAML one) ----------------


def scalar(value: Scalar) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)


def record_lines(record: Record) -> list[str]:
    lines: list[str] = []
    for position, (key, value) in enumerate(record.items()):
        lead = "  - " if position == 0 else "    "
        if isinstance(value, list):
            if key == "aliases":
                lines.append(f"{lead}{key}:")
                lines.extend(f"      - {scalar(item)}" for item in value)
            else:
                lines.append(f"{lead}{key}: [{', '.join(scalar(item) for item in value)}]")
        elif isinstance(value, dict):
            inner = ", ".join(f"{k}: {scalar(v)}" for k, v in value.items())
            lines.append(f"{lead}{key}: {{{inner}}}")
        else:
            lines.append(f"{lead}{key}: {scalar(value)}")
    return lines


def write_files(kinds: dict[str, list[Record]], out: Path) -> list[Path]:
    written: list[Path] = []
    for kind, records in kinds.items():
        for number, start in enumerate(range(0, len(records), RECORDS_PER_FILE), start=1):
            lines = [f"schema: {model.SCHEMA_VERSION}", f"{kind}:"]
            for record in records[start : start + RECORDS_PER_FILE]:
                lines.extend(record_lines(record))
                lines.append("")
            path = out / f"{kind}-{number:03d}.yaml"
            path.write_text("\n".join(lines), encoding="utf-8")
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, required=True, help=f"records in total (at least {MIN_RECORDS})")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the YAML files into")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.records < MIN_RECORDS:
        parser.error(f"--records must be at least {MIN_RECORDS}")
    out: Path = args.out
    if out.exists() and any(out.rglob("*.y*ml")):
        parser.error(f"{out} already holds YAML files; choose an empty or new folder")
    out.mkdir(parents=True, exist_ok=True)
    writer = FactBaseWriter(args.records, args.seed)
    kinds = writer.build()
    files = write_files(kinds, out)
    total = sum(len(records) for records in kinds.values())
    assert total == args.records, (total, args.records)
    spread = ", ".join(f"{kind} {len(records)}" for kind, records in kinds.items())
    print(f"wrote {total} records ({spread}) in {len(files)} files to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
