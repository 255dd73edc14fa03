"""Ranking a query over the search index, in named phases: read the query, gather where its words occur,
find the entities and topics it names, score each record, then filter, order and cut.

A record is scored by how well it matches the query as a whole: a sum over the query's words, each weighed by
how rare it is in the fact base (an inverse document frequency, as in BM25; a word found only through a guessed
form, as if a few more records held it), of how well the record holds that word. What a word may match: itself,
longer words it begins, near spellings, a few synonyms, its other verb forms, a noun's verb, and for a Russian or
Hindi word the English of the glossary (lexicon.py). How well a record holds a word:
- in its name or an alias (an entity or topic): 0.9 to 1.0, and 1.0 for the whole query as its exact name;
- through a link: a record about an entity or topic the query names ("about it") holds the words of that
  name at 0.85, above any mere mention; less when what is named is generic (India, Russia), when it is filed
  second under a named topic, when it is about one named system, pact or plant within a named topic, or when
  it lists another such thing first; for a named person, a record the person neither says nor acts in holds
  the name less than one they do;
- in its text: the field's weight (0.5 to 0.85), less for a prefix or a near spelling; a month in an event's
  date or a figure's period as a link holds a name;
- through what it settles: an outcome holds the words as its expectation does, a conflict as its claims do;
- by its kind, when a query word names the kind ("outcomes of the visit", "visit programme"), by its verdict
  when the query asks whether something happened, by its status when it asks what is expected.
Among the records about what the query names, those whose text says it (by any of its names) come first. A
name's words weigh more than the other words of a query, and so does a month. "How many" puts the records that
state a count first. Words that occur nowhere are left out (a kind word, a word of happening or of expecting is
held by its records), and the results are then partial; so are results none of which hold every word, and
those far below the best are not shown.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import NamedTuple

from ..model import records as m
from ..text import STOPWORDS, Token, compact, spelled_numbers, tokens
from . import lexicon
from .index import FIELD_BITS, MONTHS, NAME_FIELDS, NAMED_KINDS, SearchIndex, searchable_fields

FIELD_WEIGHTS: dict[str, float] = {
    "name": 1.0,
    "alias": 0.97,
    "title": 0.92,
    "display": 0.85,
    "statement": 0.7,
    "text": 0.7,
    "measures": 0.7,
    "summary": 0.7,
    "question": 0.7,
    "speaker": 0.65,
    "description": 0.6,
    "period": 0.5,
    "date": 0.5,
    "verdict": 0.5,
    "context": 0.5,
    "note": 0.5,
}
NAME_FLOOR = 0.9  # a name or alias that holds a word, before how much of the name the query is
LINKED = 0.85  # a record about a named entity or topic holds the words of its name this well
GENERIC_LINKED = 0.45  # ... when what is named is linked from a large share of the fact base
GENERIC_SHARE = 0.3  # India and Russia: each is linked from a third or more of the records
EXACT_DISPLAY = 0.95  # the query is a figure as written: "77%", "$100 billion"
LONGEST_NAME = 5  # words in the longest name looked for in a query
SECONDARY_TOPIC = 0.94  # a record linked to a named topic that is not its first topic
ONLY_NAMES_FLOOR = 99.0  # each thing a list of names names, above the records about all of them
NAMED_SELF = 0.96  # the entity or topic a run of the query names holds those words this well, at least
MENTION_BONUS = 0.15  # a record about what the query names gains this share of how well its text holds it
SETTLES = 0.99  # an outcome or a conflict holds each word this share as well as what it settles or compares
LENGTH_NORM = 0.4  # BM25's b: how much a long text's matches count for less than a short one's
NAME_SAID = 0.35  # a record about a named thing that says its main name holds it in its text this well
ALIAS_SAID = 0.9  # ... and this share of that for an alias
SAID_SPREAD = 3  # a name's word found in more than this many times the records about it tells nothing
# Words that name a kind of record, folded, and the kind.
KIND_WORDS = {
    "outcome": "outcome",
    "event": "event",
    "schedule": "event",
    "itinerary": "event",
    "timeline": "event",
    "quote": "quote",
    "figure": "figure",
    "conflict": "conflict",
}
KIND_HELD = 0.7  # ... a record of that kind holds the word this well, as a text holds it
# Words that ask what is expected ("what does the Kremlin expect"): each claim that looks ahead (an expected, likely,
# possible or proposed status) holds them as a record of a kind holds its kind word.
EXPECTING = frozenset({"expect", "expected", "expecting", "expectation", "anticipate", "anticipated"})
# Words that name a kind only when they are of an occasion: a visit's or a summit's programme is its events,
# a nuclear programme is not.
OCCASION_KIND_WORDS = {"programme": "event"}
OCCASIONS = frozenset({"visit", "summit", "trip", "tour", "forum", "conference", "meeting", "day"})
# Asking whether something happened ("did the visit go ahead", "what did not happen", "was there a deal") is
# asking for a verdict: each outcome holds the words of happening as a kind word is held, and when the query
# denies them ("not", "didn't", "never") only the outcomes whose verdict says it did not happen hold them, and
# the negation too.
HAPPENING = (
    ("happen",),
    ("happened",),
    ("happening",),
    ("go", "ahead"),
    ("went", "ahead"),
    ("gone", "ahead"),
    ("take", "place"),
    ("took", "place"),
    ("taken", "place"),
    ("as", "planned"),
    ("was", "there"),
    ("were", "there"),
)
NEGATIONS = frozenset({"not", "no", "never", "didn", "nothing"})
# How well an outcome of each verdict holds the words, as a share of KIND_HELD: asked whether it happened, every
# verdict answers, a yes a little better ("what happened"); asked what did not happen, only a no, or a part.
HAPPENED = {"happened": 1.0, "partly": 0.9, "did-not-happen": 0.8, "not-reported": 0.8}
NOT_HAPPENED = {"did-not-happen": 1.0, "not-reported": 1.0, "partly": 0.5}
NOT_AN_OUTCOME = 0.9  # ... and a record that is not an outcome answers it at most in part: it keeps this share
# "how many", "how much" ask for a count or an amount: a record that states none answers at most in part, and
# counts this share of its score.
COUNTING = (("how", "many"), ("how", "much"))
COUNTING_WORDS = frozenset({"скольк", "कितने", "कितना", "कितनी"})  # the same in Russian (folded) and Hindi
NUMBERLESS = 0.9
# Words a question uses for what the records say otherwise.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "work": ("employed", "worker", "job", "employment"),
    "job": ("employed", "employment", "worker"),
    "weapon": ("arm", "defence"),
    "buy": ("purchase", "import", "order"),
    "arrive": ("visit", "begin"),
    "deal": ("agreement", "contract"),
    "target": ("goal",),
    "goal": ("target",),
    "agreement": ("pact", "accord", "mou", "deal"),
    "pact": ("agreement", "accord"),
    "document": ("agreement", "mou", "pact", "accord"),  # what a summit signs are documents: "documents signed"
    "killed": ("died", "dead"),
    "died": ("dead", "killed"),
    "dead": ("died", "killed"),
    "order": ("contract", "purchase"),  # an order of arms is a contract to buy them: "fighter jet order"
    "shortage": ("shortfall",),
    "shortfall": ("shortage",),
    # A summit's documents are signed, or adopted (a joint statement, a programme) or exchanged (pacts signed apart):
    # "what was signed" asks for all of them.
    "sign": ("adopted", "exchanged"),
    "signed": ("adopted", "exchanged"),
    "signing": ("adopted", "exchanged"),
}
# A verb's other forms ("buying": "buy", "bought" aside; "signed": "sign", "signing") are the same word, as sure as a
# prefix: the fact base folds plurals, not the forms of a verb. Only English words of at least VERB_STEM letters once
# the ending is cut are read this way. (A form does not bring its base's synonyms: "buying" is not "import".)
VERB_FORM = 0.85
VERB_STEM = 3
# A Russian or Hindi word of the glossary (lexicon.py) holds its English words this well: a translation, as
# sure as a synonym; a known foreign word that the fact base does not hold is not guessed at by near spellings.
TRANSLATED = 0.8
PARTIAL_FLOOR = 30.0  # when no record holds every word: the least score worth showing
# ... or less when the best partial match, above that floor, holds little of the query: this share of its score.
# When even the best holds only a third of the query ("Indians killed fighting for Russia"), those holding nearly as
# much are as worth showing, not stray words. A best match under the floor is itself a stray word: nothing is shown.
PARTIAL_SHARE = 0.6
# A query word the fact base does not hold as written, found only through a form guessed at (a prefix, a near
# spelling, a verb form, a synonym), weighs by that form's rarity as if VARIANT_PRIOR more records held it: that a
# form is held by one or two records says little of how rare the word asked for is, and the form may be another word
# ("fighting": "fight", once, of terrorism; "block": "bloc"). So a rare form does not outweigh the words the records
# do say; a common one ("Peskow": "peskov", "defnce": "defence") weighs nearly as before. A word of the glossary or
# a Russian case of a word the fact base holds is no guess: it weighs as its translation or base does.
VARIANT_PRIOR = 5
PARTIAL_LINKED = 0.8  # a record about an entity or topic whose name holds a query word, but is not it
PARTIAL_NAME_HOLDERS = 3  # ... when no more than this many entities and topics hold that word
NAME_WEIGHT = 1.5  # a name's words in a query weigh this many times its rarest word
DESCRIBED = 0.6  # a record about an entity or topic whose description holds the query
DESCRIBED_SHARE = 0.5  # ... when that description holds at least this share of the query's weight
# A query for a topic ("defence cooperation", "оборона") asks for the topic as a whole: a record about one named
# system, pact or plant within it (index.PART_CATEGORIES: the S-400, RELOS, Kudankulam), or that thing found by the
# topic's words alone, holds them this share as well as the records about the topic as a whole, unless the query
# names that thing too.
PART_OF_TOPIC = 0.9
# A name query asks for the records mainly about the thing named. A record that lists another named system, pact or
# project (index.PART_CATEGORIES) before it among its entities is mainly about that other thing (the 48N6 missile
# "for the S-400", the joint statement "covering Kudankulam"): it holds the name this share as well as the records
# about the thing itself, as a record filed second under a topic does (SECONDARY_TOPIC).
BEHIND_PART = SECONDARY_TOPIC

# A query naming one topic by its title or a phrase and another by a lone word that is only an alias of it ("defence
# imports", "Russian oil imports", "tariff on Russian crude") asks about the first, narrowed by the word: the records
# filed under the second topic hold that word as a description would (FIELD_WEIGHTS), no longer as its name, so those
# whose text says it ("defence imports", "arms imports") rank above those only filed under Trade.
ALIAS_WORD_LINKED = FIELD_WEIGHTS["description"]
# A noun of a deed ("recruitment", "deployment") meets the verb it is made from as the records may say it
# ("recruit", "recruited"), as a synonym does: when its root has at least FAMILY_ROOT letters.
DEED_ENDING = "ment"
VERB_ENDINGS = ("", "s", "ed", "d")
FAMILY_ROOT = 5
WORD_FAMILY = 0.8

# Numbers and the words of a date (MONTHS) say when or how many, not what: a description holding them ("50",
# "4 December 2025" in Putin's) describes nothing the query asks about (_says_when_or_how_many).

# A month in a query is the period it asks about ("oil imports in January"): it weighs NAME_WEIGHT times as much as
# its rarity, as a name does, and a record's date or period that holds it holds it as a link holds a name. (A
# year is too wide a period to narrow a question; it stays a word.)
DATE_FIELDS = ("date", "period")
DATED = LINKED

# A query naming a person asks for what that person says and does: a record in which the person neither
# speaks nor acts (it mentions them, cites them as a source, or settles or compares one that does) holds
# the person's name this share as well. Low enough that every record the person speaks or acts in, however
# long its text, ranks above every record that only mentions them, even for a name with a typo.
PERSON_MENTIONED = 0.8
PERSON_MENTIONED_IN_QUERY = 0.95  # ... when the query says more than the name: there the rest of it decides

# A question naming two or more persons and asking something more ("what did Putin and Modi sign", "did Modi raise
# the army with Putin") asks for what they did together: the persons are its participants, named in nearly every
# record of their meeting, and the rest of the query (the deed) is what tells the answers apart. Their words then
# weigh, all together, PARTICIPANTS_SHARE of what the rest weighs, whatever their rarity, and no name's NAME_WEIGHT:
# a record of the deed that does not name them ranks above one naming both that does not hold the deed, and one
# holding both ranks first.
PARTICIPANTS = 2
PARTICIPANTS_SHARE = 0.5

# A question what was signed ("what agreements were signed", "что подписали") asks for the signings and the pacts
# signed, not for who signed them: the description of a party to a pact (an organisation, a person, a country: an
# entity that is not itself a named pact, system or project, index.PART_CATEGORIES) that says it signed one tells
# what the party is, and holds the words of signing PARTY_SIGNED as well as a description holds other words; nor do
# they make the query describe the party (_described).
SIGNING = frozenset({"sign", "signed", "signing", "signature", "inked", "concluded"})
PARTY_SIGNED = 0.5

# Where a query's words occur, and how well: the position of the query word -> best quality (1.0 exact,
# less for a prefix or a near spelling) ...
WordQualities = dict[int, float]
# ... for each field of a record (by field code) ...
FieldMatches = dict[int, WordQualities]
# ... for each record (by its position in the index).
Occurrences = dict[int, FieldMatches]


class Match(NamedTuple):
    field: str
    text: str
    spans: tuple[tuple[int, int], ...]
    via: str | None = None  # the entity or topic through which a linked record was found


class Hit(NamedTuple):
    record_id: str
    kind: str
    score: float
    match: Match
    complete: bool = True  # the record holds every word of the query


class Filters(NamedTuple):
    topic: str | None = None
    kind: str | None = None
    status: str | None = None


class Named(NamedTuple):
    """An entity or topic the query names: its id, its place in the index, the field naming it, the query
    words that name it, and how well its linked records hold those words."""

    record_id: str
    doc: int
    code: int
    words: tuple[int, ...]
    linked: float
    whole: bool = True  # a run of the query is this name or alias; False: one word stands in it


class Query(NamedTuple):
    text: str
    words: list[Token]
    expansions: list[dict[str, float]]  # per query word: the index terms that stand for it, with quality
    weights: list[float]  # per query word: how rare it is; 0 for a word found nowhere
    asks_verdict: tuple[int, ...] = ()  # the words that ask whether something happened, and their negations
    denied: bool = False  # ... asking what did not happen
    happened: bool = False  # it asks whether something happened, in words that mean something or in filler
    counting: bool = False  # it asks how many or how much

    @property
    def whole(self) -> bool:
        """Every word of the query was found somewhere in the fact base (a kind word is found in its kind, a word
        of happening in the outcomes, a word of expecting in the claims that look ahead)."""
        return all(
            options or kind_named(self.words, i) or i in self.asks_verdict or self.words[i].term in EXPECTING
            for i, options in enumerate(self.expansions)
        )


class Holding(NamedTuple):
    held: list[float]  # per query word: how well the record holds it
    code: int  # the field that holds the query best
    via: str | None  # the named entity or topic whose link counted, if one did


class Scored(NamedTuple):
    score: float
    doc: int
    code: int  # the field that holds the query best
    via: str | None  # the named entity or topic whose link counted, if one did
    complete: bool


def query_tokens(query: str) -> list[Token]:
    """The words that carry meaning: not filler or question words, except a short English word in capitals
    ("IT", "US", "UN"), which is a name (a Russian "ЧТО" stays filler), and a Russian or Hindi one joined to a
    number ("с-400"), a piece of a name."""
    found = []
    read = spelled_numbers(tokens(query))
    for position, token in enumerate(read):
        after = read[position + 1] if position + 1 < len(read) else None
        written = query[token.start : token.end]
        filler = token.term in STOPWORDS or written.casefold() in STOPWORDS
        if not filler and lexicon.filler(token.term):
            filler = after is None or not after.term.isdigit() or query[token.end : after.start] not in ("", "-")
        if not filler or (written.isupper() and len(written) <= 3 and written.isascii()):
            found.append(token)
    return found


def kind_named(words: list[Token], position: int) -> str | None:
    """The kind of record the query's word at `position` names, if it names one, in English or through the glossary
    ("outcomes", "visit programme", "итоги")."""
    term = words[position].term
    if term in OCCASION_KIND_WORDS and any(word.term in OCCASIONS for word in words):
        return OCCASION_KIND_WORDS[term]
    return KIND_WORDS.get(term) or next((KIND_WORDS[t] for t in lexicon.translate(term) if t in KIND_WORDS), None)


def search(
    index: SearchIndex,
    query: str,
    filters: Filters = Filters(),
    limit: int | None = 10,
    records: Mapping[str, m.Record] | None = None,
) -> list[Hit]:
    """The best records for `query`, best first. With `records`, each match carries its text and spans."""
    return search_counted(index, query, filters, limit, records)[0]


def search_counted(
    index: SearchIndex,
    query: str,
    filters: Filters = Filters(),
    limit: int | None = 10,
    records: Mapping[str, m.Record] | None = None,
) -> tuple[list[Hit], int]:
    """The best records for `query`, best first, and how many records match in all (the hits are the first
    `limit` of them)."""
    parsed = read_query(index, query)
    if parsed is None:
        return [], 0
    found = gather(index, parsed)
    named = find_names(index, parsed, found)
    parsed = weigh_names(parsed, named)
    parsed = weigh_participants(index, parsed, named)
    scored = score_records(index, parsed, found, named)
    if not any(row.complete for row in scored):
        # No record holds every word the fact base knows: keep those that hold the better part of the
        # query, not stray words.
        floor = partial_floor(scored)
        scored = [row for row in scored if row.score >= floor]
    passing = scored if filters == Filters() else [row for row in scored if _passes(index, row.doc, filters)]
    ranked = order(index, passing, limit)
    accepted = set().union(*parsed.expansions)
    # A word found nowhere makes every result a partial match.
    hits = [_hit(index, row._replace(complete=row.complete and parsed.whole), accepted, records) for row in ranked]
    return hits, len(passing)


def read_query(index: SearchIndex, text: str) -> Query | None:
    """The query's words, what each may match, and its weight; None when no word matches anything."""
    words = query_tokens(text)
    if not words:
        return None
    read = tokens(text)  # every word, filler too: the phrases of the verdict and count rules
    asks_verdict, denied, happened = _verdict_words(read, words) if index.verdicts else ((), False, False)
    # The words of happening are read by the verdict rule, each form of them on its own ("happened", "happen").
    expansions = [_with_synonyms(index, t.term, i not in asks_verdict) for i, t in enumerate(words)]
    if not any(expansions) and not asks_verdict:
        return None
    total = max(1, len(index.record_ids))
    weights = []
    for position, (token, options) in enumerate(zip(words, expansions, strict=True)):
        frequency = _frequency(index, token.term, options)
        kind = kind_named(words, position)
        if kind:  # held by every record of its kind, whether or not a text says the word
            frequency = max(frequency, index.kind_counts.get(kind, 0))
        elif position in asks_verdict:  # held by the outcomes
            frequency = max(frequency, len(index.verdicts))
            kind = "outcome"
        elif token.term in EXPECTING:  # held by the claims that look ahead
            frequency = max(frequency, sum(1 for status in index.statuses if status in m.FORWARD_STATUSES))
            kind = "expected"
        # A lone letter ("S" of S-400) can help name something, but says nothing by itself; a lone digit is a
        # number ("4 December").
        meaningful = (options or kind) and (len(token.term) > 1 or token.term.isdigit() or len(words) == 1)
        weights.append(math.log(1.0 + total / (1.0 + frequency)) if meaningful else 0.0)
    if not any(weights):
        return None
    found = [token.term for token in read]
    counting = not COUNTING_WORDS.isdisjoint(found) or any(
        found[i : i + 2] == list(pair) for pair in COUNTING for i in range(len(found) - 1)
    )
    return Query(text, words, expansions, weights, asks_verdict, denied, happened, counting)


def _frequency(index: SearchIndex, term: str, options: dict[str, float]) -> int:
    """How many records hold the query word `term` by the index terms that stand for it: those of its most frequent
    one, and VARIANT_PRIOR more when they are only guessed at."""
    frequency = max((len(index.postings[other]) for other in options), default=0)
    if not options or term in options or lexicon.translate(term) or any(b in options for b in lexicon.case_bases(term)):
        return frequency
    return frequency + VARIANT_PRIOR


def partial_floor(scored: list[Scored]) -> float:
    """The least score of a partial match worth showing: PARTIAL_FLOOR, or PARTIAL_SHARE of the best one when that
    is lower and the best one is worth showing."""
    best = max((row.score for row in scored), default=0.0)
    return PARTIAL_FLOOR if best < PARTIAL_FLOOR else min(PARTIAL_FLOOR, PARTIAL_SHARE * best)


def _with_synonyms(index: SearchIndex, term: str, with_forms: bool = True) -> dict[str, float]:
    translated = lexicon.translate(term)
    if term not in index.postings:
        # A Russian word in a case the index's stemmer does not fold (Путиным, Роснефтью): the same word.
        base = next((b for b in lexicon.case_bases(term) if b in index.postings), None)
        if base is not None:
            term = base
    found = index.expand(term) if term in index.postings or not translated else {}
    forms = [form for form in verb_forms(term) if form in index.postings] if with_forms else []
    synonyms = [other for other in SYNONYMS.get(term, ()) if other in index.postings]
    if synonyms and term not in index.postings:
        # A word with synonyms is a known word, not a typo: its near spellings ("skilled" for "killed") are other
        # words; the longer words it begins stay.
        found = {other: quality for other, quality in found.items() if other.startswith(term)}
    for form in forms:
        found[form] = max(found.get(form, 0.0), VERB_FORM)
    for other in synonyms:
        found.setdefault(other, 0.8)
    for other in _word_family(index, term):
        found.setdefault(other, WORD_FAMILY)
    for other in translated:
        if other in index.postings:
            found.setdefault(other, TRANSLATED)
    return found


def _word_family(index: SearchIndex, term: str) -> list[str]:
    """The forms of the verb a noun of a deed is made from that the fact base holds ("recruitment": "recruited")."""
    root = term.removesuffix(DEED_ENDING)
    if root == term or len(root) < FAMILY_ROOT or not root.isascii():
        return []
    return [root + end for end in VERB_ENDINGS if root + end in index.postings]


def verb_forms(term: str) -> tuple[str, ...]:
    """The other regular forms of an English verb, whatever form `term` is in: its base without "-ing" or "-ed"
    (with an "e", a "y" or a doubled consonant given back), and each base with those endings. A word of one
    syllable ending consonant, vowel, consonant doubles its last letter ("stop", "stopped"), so "noted" is "note",
    not "not". Not all are words; the caller keeps those the fact base holds."""
    if not (term.isascii() and term.isalpha()):
        return ()
    bases = set()
    for ending in ("ing", "ed"):
        stem = term[: -len(ending)]
        if term.endswith(ending) and len(stem) >= VERB_STEM:
            if stem[-1] == stem[-2] and _doubles(stem[:-1]):
                bases.add(stem[:-1])  # "stopped", "planning"
            elif ending == "ed" and stem.endswith("i"):
                bases.add(stem[:-1] + "y")  # "supplied"
            else:
                bases.add(stem + "e")
                if not _doubles(stem):
                    bases.add(stem)
    forms = set(bases)
    for base in bases or {term}:
        if len(base) < VERB_STEM:
            continue
        if _doubles(base):
            forms.update((base + base[-1] + "ed", base + base[-1] + "ing"))
        elif base.endswith("e"):
            forms.update((base + "d", base[:-1] + "ing"))
        elif base.endswith("y") and base[-2] not in _VOWELS:
            forms.update((base[:-1] + "ied", base + "ing"))
        else:
            forms.update((base + "ed", base + "ing"))
    forms.discard(term)
    return tuple(sorted(forms))


_VOWELS = "aeiou"


def _doubles(base: str) -> bool:
    """A word of one syllable that ends consonant, vowel, consonant ("stop", "plan"; not "sign", "buy", "visit")."""
    vowels = [c in _VOWELS for c in base]
    syllables = sum(1 for i, v in enumerate(vowels) if v and (i == 0 or not vowels[i - 1]))
    return (
        len(base) >= VERB_STEM and syllables == 1 and base[-1] not in _VOWELS + "wxy" and vowels[-2] and not vowels[-3]
    )


def gather(index: SearchIndex, query: Query) -> Occurrences:
    found: Occurrences = {}
    for position, options in enumerate(query.expansions):
        for term, quality in options.items():
            for code in index.postings[term]:
                slots = found.setdefault(index.doc_of(code), {}).setdefault(code, {})
                if slots.get(position, 0.0) < quality:
                    slots[position] = quality
    return found


def find_names(index: SearchIndex, query: Query, found: Occurrences) -> list[Named]:
    """Entities and topics named by a run of the query's words ("S-400", "Dmitry Peskov", "Peskow"),
    longest runs first; each word names at most one run."""
    best = [max(options, key=lambda t: (options[t], t)) if options else "" for options in query.expansions]
    generic_from = GENERIC_SHARE * len(index.record_ids)
    named: list[Named] = []
    taken: set[int] = set()
    count = len(query.words)
    for size in range(min(LONGEST_NAME, count), 0, -1):
        for start in range(count - size + 1):
            span = range(start, start + size)
            if taken & set(span) or not all(best[i] for i in span):
                continue
            owners = _name_owners(index, _written_run(query, start, size), found) or _name_owners(
                index, "".join(best[i] for i in span), found
            )
            if not owners:
                continue
            surely = min(query.expansions[i][best[i]] for i in span)
            for doc, code in owners:
                record_id = index.record_ids[doc]
                linked = GENERIC_LINKED if len(index.linked_from.get(record_id, ())) > generic_from else LINKED
                named.append(Named(record_id, doc, code, tuple(span), linked * surely))
            taken.update(span)
    named = _narrowing_alias_words(index, query, named)
    # A word that names nothing whole but stands in the name of a few entities or topics ("Stockholm",
    # "Sukhoi"): those are what the query means, a little less surely.
    for position in range(count):
        if position in taken or not query.weights[position]:
            continue
        holders = _name_holders(index, position, found)
        if 0 < len(holders) <= PARTIAL_NAME_HOLDERS:
            for doc, code in holders:
                named.append(Named(index.record_ids[doc], doc, code, (position,), PARTIAL_LINKED, whole=False))
    named += _described(index, query, found, taken, {name.doc for name in named if name.whole})
    return named


def _narrowing_alias_words(index: SearchIndex, query: Query, named: list[Named]) -> list[Named]:
    """A query naming a topic by its title or a phrase ("defence", "oil" of "Energy (oil)") and another topic by a
    lone word that is only an alias of it ("imports" of Trade) asks about the first, narrowed by that word: the
    second topic's records hold the word at ALIAS_WORD_LINKED, as a description holds it, not as its name."""
    narrowing = [_alias_word(index, query, name) for name in named]
    narrowed = {
        name.record_id
        for name, alias in zip(named, narrowing, strict=True)
        if name.record_id in index.topic_ids and not alias
    }
    return [
        name._replace(linked=min(name.linked, ALIAS_WORD_LINKED)) if alias and narrowed - {name.record_id} else name
        for name, alias in zip(named, narrowing, strict=True)
    ]


def _alias_word(index: SearchIndex, query: Query, name: Named) -> bool:
    """The topic is named by one word that is not a word of its title ("imports" of Trade)."""
    if name.record_id not in index.topic_ids or len(name.words) != 1:
        return False
    title = _title_terms(index, name.doc)
    return not title & query.expansions[name.words[0]].keys()


def weigh_names(query: Query, named: list[Named]) -> Query:
    """A name in a query is what it is about: its words together weigh NAME_WEIGHT times its rarest word, shared
    among them ("S-400" is not just "400", and "was the S-400 deal signed" is about the S-400 first). A month
    weighs NAME_WEIGHT times its own weight."""
    weights = [
        w * NAME_WEIGHT if token.term in MONTHS else w for token, w in zip(query.words, query.weights, strict=True)
    ]
    for name in named:
        if name.whole and name.linked >= PARTIAL_LINKED and len(name.words) < len(weights):
            run = NAME_WEIGHT * max(query.weights[i] for i in name.words)
            for i in name.words:
                weights[i] = run / len(name.words)
    return query._replace(weights=weights)


def weigh_participants(index: SearchIndex, query: Query, named: list[Named]) -> Query:
    """When the query names PARTICIPANTS or more persons and asks something more, the persons' words together weigh
    PARTICIPANTS_SHARE of the other words, shared among the persons as their own weights are."""
    persons = [name for name in named if name.whole and index.voiced(name.doc) is not None]
    if len({name.record_id for name in persons}) < PARTICIPANTS:
        return query
    theirs = {i for name in persons for i in name.words}
    deed = sum(w for i, w in enumerate(query.weights) if i not in theirs)
    own = sum(query.weights[i] for i in theirs)
    if not deed or not own:
        return query
    share = PARTICIPANTS_SHARE * deed / own
    return query._replace(weights=[w * share if i in theirs else w for i, w in enumerate(query.weights)])


def _described(
    index: SearchIndex, query: Query, found: Occurrences, taken: set[int], named_whole: set[int]
) -> list[Named]:
    """Entities and topics whose description holds the better part of the query, at least two of its words and
    one that names nothing ("fighter jet" for the Su-57): what the query describes, less surely than a name. A
    thing the query already names by a name ("trade" in "trade target") is not also described by it: the other
    words narrow it, and its records hold them only where their own text does."""
    total = sum(query.weights)
    signing = signing_words(query)
    best: list[tuple[float, int, int, tuple[int, ...]]] = []
    for doc, by_field in found.items():
        if index.kinds[doc] not in NAMED_KINDS or doc in named_whole:
            continue
        for code, slots in by_field.items():
            if index.field_of(code) != "description":
                continue
            held = tuple(sorted(p for p in slots if query.weights[p]))
            if signing and _party_described(index, doc, code):
                held = tuple(p for p in held if p not in signing)
            weight = sum(query.weights[p] for p in held)
            describing = [p for p in held if p not in taken and not _says_when_or_how_many(query.words[p].term)]
            if len(held) >= 2 and describing and weight >= DESCRIBED_SHARE * total:
                best.append((weight, doc, code, held))
    best.sort(key=lambda row: (-row[0], row[1]))
    return [
        Named(index.record_ids[doc], doc, code, held, DESCRIBED, whole=False)
        for _, doc, code, held in best[:PARTIAL_NAME_HOLDERS]
    ]


def _says_when_or_how_many(term: str) -> bool:
    return term in MONTHS or term.replace(".", "", 1).isdigit()


def _name_holders(index: SearchIndex, position: int, found: Occurrences) -> list[tuple[int, int]]:
    holders = []
    for doc, by_field in found.items():
        if index.kinds[doc] not in NAMED_KINDS:
            continue
        code = next((c for c, slots in by_field.items() if position in slots and index.field_of(c) in NAME_FIELDS), -1)
        if code >= 0:
            holders.append((doc, code))
    return holders


def _written_run(query: Query, start: int, size: int) -> str:
    """A run of query words as written, with the filler between them: a name may hold a word that a query drops
    ("война на Украине", "Ministry of Labour")."""
    if size < 2:
        return ""
    return compact(query.text[query.words[start].start : query.words[start + size - 1].end])


def _name_owners(index: SearchIndex, whole: str, found: Occurrences) -> list[tuple[int, int]]:
    owners: dict[int, int] = {}
    for code in index.names.get(whole, ()):
        doc = index.doc_of(code)
        if index.kinds[doc] in NAMED_KINDS and doc in found:
            owners.setdefault(doc, code)
    return list(owners.items())


def score_records(index: SearchIndex, query: Query, found: Occurrences, named: list[Named]) -> list[Scored]:
    """Each record that holds some word of the query, directly or through a link, with its score."""
    wanted = len(query.words)
    total = sum(query.weights) or 1.0
    exact_codes = set(index.names.get(compact(query.text), ()))
    linked_to: dict[int, list[Named]] = {}
    for name in named:
        for doc in index.linked_from.get(name.record_id, ()):
            linked_to.setdefault(doc, []).append(name)
    itself = {name.doc: name for name in named}
    parts = _about_parts(index, query, named, found)
    behind = {name.record_id: set(index.behind_part.get(name.record_id, ())) for name in named}
    # "outcomes of the visit", "visit programme": a word that names a kind of record is held by each record of it.
    kind_words: dict[str, list[int]] = {}
    for i in range(len(query.words)):
        kind = kind_named(query.words, i)
        if kind:
            kind_words.setdefault(kind, []).append(i)
    expecting = [i for i, token in enumerate(query.words) if token.term in EXPECTING]
    # How well each record about a named thing names it in its own words, by any of its names.
    said = {name.doc: _names_said(index, name) for name in named if name.linked >= PARTIAL_LINKED}
    # A list of names with nothing else ("Modi Putin") asks for those things; a question asks about them.
    # Only whole names make a list of names: "civil nuclear programme" names a topic and asks for its programme.
    in_names = {i for name in named if name.whole and name.linked >= PARTIAL_LINKED for i in name.words}
    only_names = wanted > 1 and in_names == set(range(wanted)) and len(tokens(query.text)) == wanted
    average = index.average_length or 1.0
    months = {i for i, token in enumerate(query.words) if token.term in MONTHS}
    signing = signing_words(query)
    holding: dict[int, Holding] = {}
    # A question whether something happened is answered by every outcome's verdict, whatever its text holds.
    candidates = found.keys() | linked_to.keys() | (index.verdicts.keys() if query.asks_verdict else set())
    for doc in candidates:
        by_field = found.get(doc, {})
        held = [0.0] * wanted
        norm = 1.0 / (1.0 - LENGTH_NORM + LENGTH_NORM * index.lengths[doc] / average)
        best_code, best_field_score = -1, -1.0
        for code, slots in by_field.items():
            weight = _field_weight(index, doc, code, slots, wanted, code in exact_codes)
            if not (index.kinds[doc] in NAMED_KINDS and index.field_of(code) in NAME_FIELDS) and weight < EXACT_DISPLAY:
                weight = min(weight * norm, 0.84)  # a short text that holds the word is more about it
            dated = bool(months) and index.field_of(code) in DATE_FIELDS
            party = bool(signing) and _party_described(index, doc, code)
            field_score = 0.0
            for position, quality in slots.items():
                here = DATED if dated and position in months else weight
                if party and position in signing:
                    here *= PARTY_SIGNED
                held[position] = max(held[position], here * quality)
                field_score += query.weights[position] * here * quality
            if field_score > best_field_score:
                best_code, best_field_score = code, field_score
        if kind_words:
            for i in kind_words.get(index.kinds[doc], ()):
                held[i] = max(held[i], KIND_HELD)
        if expecting and index.statuses[doc] in m.FORWARD_STATUSES:
            for i in expecting:
                held[i] = max(held[i], KIND_HELD)
        if index.kinds[doc] == "entity" and doc not in itself:
            _part_by_topic_words(held, doc, named, parts)
        if query.asks_verdict and doc in index.verdicts:
            _hold_verdict(held, query, index.verdicts[doc])
        mentioned = list(held)
        if doc in itself:
            name = itself[doc]
            for i in name.words:
                held[i] = max(held[i], NAMED_SELF * name.linked / LINKED)
        via: str | None = None
        for name in linked_to.get(doc, ()):
            # A record filed first under the named topic is more about it than one that only touches it.
            linked = name.linked if _first_topic(index, doc, name) else name.linked * SECONDARY_TOPIC
            if doc in parts.get(name.record_id, ()):
                linked *= PART_OF_TOPIC
            if doc in behind.get(name.record_id, ()):
                linked *= BEHIND_PART
            gained = any(held[i] < linked for i in name.words)
            says = said[name.doc].get(doc, 0.0) if name.doc in said else 0.0
            if says:
                says = min(says * norm, 0.84)  # a short text saying it is more about it
            for i in name.words:
                held[i] = max(held[i], linked)
                mentioned[i] = max(mentioned[i], says)
            if gained and via is None:
                via = name.record_id
                if best_code < 0 or not by_field:
                    best_code = name.code
        if any(code in exact_codes for code in by_field):
            # The query is this entity's or topic's name, or this figure as written ("77%"), exactly.
            exact = 1.0 if index.kinds[doc] in NAMED_KINDS else EXACT_DISPLAY
            held = [max(h, exact) for h in held]
        if via is not None:
            # About what the query names: its own text breaks the ties between such records.
            held = [h + MENTION_BONUS * t for h, t in zip(held, mentioned, strict=True)]
        holding[doc] = Holding(held, best_code, via)
    _settle(index, holding, kind_words, wanted)
    _mentions_only(index, query, holding, named)
    scored: list[Scored] = []
    for doc, (held, best_code, via) in holding.items():
        score = 100.0 * sum(w * min(h, 1.0) for w, h in zip(query.weights, held, strict=True)) / total
        if query.counting and not index.numbered[doc]:
            score *= NUMBERLESS
        if query.happened and doc not in index.verdicts:
            score *= NOT_AN_OUTCOME
        if only_names and doc in itself and itself[doc].linked >= LINKED * 0.99:
            score = max(score, ONLY_NAMES_FLOOR)  # "Modi Putin": each thing named is itself a result
        holds_known = all(h > 0.0 or not w for h, w in zip(held, query.weights, strict=True))
        if score <= 0.0 or (only_names and not holds_known and doc not in itself):
            continue  # "Modi Putin": the records about both, not every record about one of them
        scored.append(Scored(score, doc, best_code, via, holds_known))
    return scored


def _about_parts(index: SearchIndex, query: Query, named: list[Named], found: Occurrences) -> dict[str, set[int]]:
    """For each topic the query names, its records about one named thing within it and those things themselves, but
    for a thing the query names too ("S-400 defence") and the records about it, and a record whose text holds a
    query word beyond the topic's title ("defence deals": the records that say "deal"; "nuclear reactors"). A
    thing itself is spared by what it holds (_part_by_topic_words)."""
    if not any(name.record_id in index.topic_ids for name in named):
        return {}
    spared: set[int] = set()
    for name in named:
        if name.record_id in index.parts:
            spared.update(index.linked_from.get(name.record_id, ()))
    about: dict[str, set[int]] = {}
    for name in named:
        if name.record_id not in index.topic_ids:
            continue
        title = _title_terms(index, name.doc)
        beyond = {i for i, w in enumerate(query.weights) if w and not title & query.expansions[i].keys()}
        docs = set(index.about_part.get(name.record_id, ())) - spared
        if beyond:
            docs = {doc for doc in docs if index.kinds[doc] == "entity" or not _holds_any(found.get(doc, {}), beyond)}
        about[name.record_id] = docs
    return about


def _holds_any(by_field: FieldMatches, positions: set[int]) -> bool:
    return any(positions & slots.keys() for slots in by_field.values())


def _part_by_topic_words(held: list[float], doc: int, named: list[Named], parts: dict[str, set[int]]) -> None:
    """A system, pact or plant within a named topic, found by nothing but the words naming the topic (परमाणु in
    "कुडनकुलम परमाणु संयंत्र"), holds them as the records about it do: PART_OF_TOPIC as well."""
    for name in named:
        if doc in parts.get(name.record_id, ()) and all(i in name.words for i, h in enumerate(held) if h):
            for i in name.words:
                held[i] *= PART_OF_TOPIC
            return  # once, if the query named the topic twice


def _verdict_words(found: list[Token], words: list[Token]) -> tuple[tuple[int, ...], bool, bool]:
    """The positions of the query's words that ask whether something happened ("go ahead"), with those of its
    negations ("not"); whether it asks what did not happen ("didn't happen": the negation may be filler); and
    whether it asks whether something happened at all ("was there": filler only). `found`: every word of the
    query, filler too; `words`: those that carry meaning."""
    at = {token.start: i for i, token in enumerate(words)}
    asking: set[int] = set()
    happened = False
    for start in range(len(found)):
        for phrase in HAPPENING:
            run = found[start : start + len(phrase)]
            if tuple(token.term for token in run) == phrase:
                happened = True
                asking.update(at[token.start] for token in run if token.start in at)
    if not happened:
        return (), False, False
    denied = any(token.term in NEGATIONS for token in found)
    negations = {i for i, token in enumerate(words) if token.term in NEGATIONS} if asking else set()
    return tuple(sorted(asking | negations)), denied, True


def _hold_verdict(held: list[float], query: Query, verdict: str) -> None:
    share = (NOT_HAPPENED if query.denied else HAPPENED).get(verdict, 0.0)
    for i in query.asks_verdict:
        held[i] = max(held[i], KIND_HELD * share)


def _settle(index: SearchIndex, holding: dict[int, Holding], kind_words: dict[str, list[int]], wanted: int) -> None:
    """An outcome holds the query's words as the expectation it settles holds them, and a conflict as its claims
    do, a little less well: each ranks with those records, and is found through what they were found through."""
    for doc, targets in index.resolves.items():
        sources = [holding[t] for t in targets if t in holding]
        if not sources:
            continue
        own = holding.get(doc)
        held = list(own.held) if own else [0.0] * wanted
        if own is None:
            for i in kind_words.get(index.kinds[doc], ()):
                held[i] = KIND_HELD
        for source in sources:
            held = [max(h, SETTLES * s) for h, s in zip(held, source.held, strict=True)]
        via = own.via if own and own.via else next((source.via for source in sources if source.via), None)
        holding[doc] = Holding(held, own.code if own else doc << FIELD_BITS, via)


def _mentions_only(index: SearchIndex, query: Query, holding: dict[int, Holding], named: list[Named]) -> None:
    """For each person a run of the query names, every record that holds the name but in which that person
    neither speaks nor acts (`SearchIndex.voiced`, which holds the person's own entity too) holds it
    PERSON_MENTIONED as well, or PERSON_MENTIONED_IN_QUERY when the query says more than the name."""
    for name in named:
        voiced = index.voiced(name.doc) if name.whole else None
        if voiced is None:
            continue
        speaks = set(voiced)
        alone = all(not weight or i in name.words for i, weight in enumerate(query.weights))
        share = PERSON_MENTIONED if alone else PERSON_MENTIONED_IN_QUERY
        for doc, (held, code, via) in holding.items():
            if doc in speaks or not any(held[i] for i in name.words):
                continue
            lowered = list(held)
            for i in name.words:
                # At most as a record about the person holds it at the link's strength: its text may hold a word
                # of a misspelt name exactly, better than the link does, or the person be linked weakly (generic).
                lowered[i] = min(lowered[i], name.linked * (LINKED + MENTION_BONUS) / LINKED) * share
            holding[doc] = Holding(lowered, code, via)


def _names_said(index: SearchIndex, name: Named) -> dict[int, float]:
    """The records about `name` whose text says one of its names, and how well: its main name whole counts
    most, an alias a little less, part of a name for its share. A lone letter, or a word found in many more
    records than are about the thing ("system" of "S-400 air defence system"), tells nothing and is passed over."""
    about = set(index.linked_from.get(name.record_id, ()))
    spread = SAID_SPREAD * len(about)
    holders: dict[str, set[int]] = {}
    said: dict[int, float] = {}
    for rank, line in enumerate(index.name_terms.get(name.doc, "").split("\n")):
        words = line.split()
        strength = NAME_SAID * (1.0 if rank == 0 else ALIAS_SAID)
        telling = []
        for term in words:
            if term not in holders:
                postings = index.postings.get(term, ())
                wide = len(term) < 2 or len(postings) > spread
                holders[term] = set() if wide else {code >> FIELD_BITS for code in postings} & about
            if holders[term] or len(term) >= 2:
                telling.append(term)
        share: dict[int, int] = {}
        for term in telling:
            for doc in holders[term]:
                share[doc] = share.get(doc, 0) + 1
        for doc, count in share.items():
            said[doc] = max(said.get(doc, 0.0), strength * count / len(telling))
    return said


def _title_terms(index: SearchIndex, doc: int) -> set[str]:
    """The terms of an entity's or topic's main name (its first line in `name_terms`)."""
    return set(index.name_terms.get(doc, "").split("\n", 1)[0].split())


def _first_topic(index: SearchIndex, doc: int, name: Named) -> bool:
    if name.record_id not in index.topic_ids:
        return True
    topics = index.topics[doc]
    return bool(topics) and topics[0] == name.record_id


def signing_words(query: Query) -> set[int]:
    """The query's words of signing (SIGNING), in any form or language that stands for one."""
    return {i for i, options in enumerate(query.expansions) if SIGNING & options.keys()}


def _party_described(index: SearchIndex, doc: int, code: int) -> bool:
    """The field is the description of an entity that is not a named pact, system or project: of a party."""
    return (
        index.kinds[doc] == "entity"
        and index.field_of(code) == "description"
        and index.record_ids[doc] not in index.parts
    )


def _field_weight(index: SearchIndex, doc: int, code: int, slots: WordQualities, wanted: int, exact: bool) -> float:
    field = index.field_of(code)
    if index.kinds[doc] in NAMED_KINDS and field in NAME_FIELDS:
        if exact:
            return 1.0
        # A name that is mostly the query outranks one that merely contains it.
        share = min(1.0, len(slots) / max(1, index.name_sizes.get(code, 1)))
        return NAME_FLOOR + 0.09 * share * len(slots) / wanted
    if exact and field == "display":
        return EXACT_DISPLAY
    return FIELD_WEIGHTS[field]


def order(index: SearchIndex, passing: list[Scored], limit: int | None) -> list[Scored]:
    """The best `limit` of the records that passed the filters, best first; ties by kind, then id."""
    kinds, record_ids, kind_order = index.kinds, index.record_ids, m.KIND_ORDER

    def key(row: Scored) -> tuple[float, int, str]:
        return (-round(row.score, 1), kind_order[kinds[row.doc]], record_ids[row.doc])

    if limit is None or limit >= len(passing):
        chosen = sorted(passing, key=key)
    else:
        import heapq  # the first page of a long list: no need to order all of it

        chosen = heapq.nsmallest(limit, passing, key=key)
    return [row._replace(score=round(row.score, 1)) for row in chosen]


def _hit(index: SearchIndex, row: Scored, accepted: set[str], records: Mapping[str, m.Record] | None) -> Hit:
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
    return Hit(record_id, index.kinds[row.doc], row.score, Match(field, text, spans, via), row.complete)


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
