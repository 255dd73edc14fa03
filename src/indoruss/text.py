"""Turning text into comparable tokens: what lets `S400`, `s 400` and `S-400`, or `labor` and `labour`, meet.

Every token keeps its span in the original text, so a match can be highlighted where it was found.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Letters, digits and the combining marks that Indic scripts need inside a word (Devanagari vowel signs
# are marks, not letters, so a plain \w run would cut मोदी in two).
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0900-\u0dff\u1dc0-\u1dff])+")
# Letters and digits in one word are separate tokens: S400 reads as S 400, Sakhalin1 as Sakhalin 1.
_PIECE = re.compile(r"\d+|\D+")
_POSSESSIVE = re.compile("(?<=\\w)['\u2019]s\\b")
_TYPOGRAPHY = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        "\u00a0": " ",
    }
)

# American forms fold onto the British ones the fact base is written in.
SPELLING = {
    "defense": "defence",
    "labor": "labour",
    "organization": "organisation",
    "program": "programme",
    "center": "centre",
    "favor": "favour",
    "neighbor": "neighbour",
    "catalog": "catalogue",
    "dialog": "dialogue",
    "license": "licence",
    "totaling": "totalling",
    "modeled": "modelled",
    "ukrainian": "ukraine",
    "russian": "russia",
    "indian": "india",
    "spokesperson": "spokesman",
    "spokeswoman": "spokesman",
}

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
    ]
)


@dataclass(frozen=True, slots=True)
class Token:
    term: str
    start: int
    end: int


def normalise_typography(text: str) -> str:
    """Typographic quotes, dashes and spaces as their plain forms, whitespace runs as one space."""
    return " ".join(text.translate(_TYPOGRAPHY).split())


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Case, compatibility forms, Latin accents, spelling variant and plural folded away from one word.

    Cached: a fact base repeats its words, and indexing a large one folds millions of them.
    """
    word = unicodedata.normalize("NFKC", word).casefold()
    if not word.isascii() and _is_latin(word):
        word = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    # Plural first, then spelling: "Indians" and "Indian" must both end as "india".
    word = _singular(word)
    return SPELLING.get(word, word)


def _is_latin(word: str) -> bool:
    return all(ord(c) < 0x250 for c in word)


NOT_PLURALS = frozenset({"news", "series", "species", "means", "physics", "politics", "economics", "headquarters"})


def _singular(word: str) -> str:
    if len(word) <= 3 or not word.isascii() or not word.isalpha() or word in NOT_PLURALS:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")):
        return word[:-1]
    return word


def tokens(text: str) -> list[Token]:
    """The folded tokens of `text`, with their spans in `text` itself."""
    found: list[Token] = []
    cleaned = _POSSESSIVE.sub("  ", text) if "s" in text else text
    for word in _WORD.finditer(cleaned):
        offset = word.start()
        for piece in _PIECE.finditer(word.group()):
            term = fold(piece.group())
            if term:
                found.append(Token(term, offset + piece.start(), offset + piece.end()))
    return found


def terms(text: str) -> list[str]:
    """The folded tokens of `text` without their spans: the same terms as tokens(), made faster."""
    cleaned = _POSSESSIVE.sub("  ", text) if "s" in text else text
    return [term for word in _WORD.findall(cleaned) for term in _word_terms(word) if term]


@lru_cache(maxsize=65536)
def _word_terms(word: str) -> tuple[str, ...]:
    return tuple(fold(piece) for piece in _PIECE.findall(word))


def compact(text: str) -> str:
    """One string for a whole name: `S-400`, `S400` and `s 400` all give `s400`."""
    return "".join(terms(text))
