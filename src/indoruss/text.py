"""Turning text into comparable tokens: what lets `S400`, `s 400` and `S-400`, or `labor` and `labour`, meet.

Every token keeps its span in the original text, so a match can be highlighted where it was found.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

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
    # Money and shares, however written: "$", "USD" and "dollars" meet; "%", "percent" and "per cent" meet.
    "dollar": "usd",
    "cent": "percent",
    "pct": "percent",
}

# Words that carry no meaning in a query: articles and particles, and the words of a question ("what did
# Peskov say about", "how many", "is it done", "what does Russia want"), with what "didn't" leaves of them. The
# index keeps them; only queries drop them.
STOPWORDS = frozenset(
    """
    a an and are as at be been by for from has have had in is it its of on or that the this these those to
    was were will with per than then there their them they we you i me my our your he she his her
    what who whom whose which when where why how many much did does do done doing say says said saying
    talk talks talked talking tell about any some should would could can might may still also
    anything something between into over under up out going get got know
    didn doesn don isn wasn weren aren hasn haven hadn t
    want wants wanted
    """.split()  # noqa: SIM905 - a word list reads best as words
)

# A number as people write it: 70000, 70,000, 70 000, 1.2, with an optional multiplier (70k, $100bn,
# 100 billion, 1.2 million). Not inside a word: S400's 400 is a piece of a name, read below. At most 60 digits:
# a longer run is no quantity anyone writes, and Python refuses to read one of over 4,300 as an integer.
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<digits>\d{1,3}(?:[,\u00a0 ]\d{3}){1,20}(?![\d])|\d{1,60}(?:\.\d{1,60})?)"
    r"(?:\s?(?P<mult>k|thousand|m|mn|million|bn|billion|tn|trillion|lakh|crore"
    r"|млрд|миллиард\w*|млн|миллион\w*|тыс|тысяч\w*|अरब|लाख"
    # करोड़ and हज़ार, their nukta composed or not
    r"|\u0915\u0930\u094b(?:\u095c|\u0921\u093c?)|\u0939(?:\u095b|\u091c\u093c?)\u093e\u0930)\b)?(?![\w])",
    re.IGNORECASE,
)
_MULTIPLIERS = {
    "k": 10**3,
    "thousand": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "million": 10**6,
    "bn": 10**9,
    "billion": 10**9,
    "tn": 10**12,
    "trillion": 10**12,
    "lakh": 10**5,
    "crore": 10**7,
}
# The same in Russian and Hindi, by how the word begins: "100 миллиардов", "5 млрд", "70 тысяч", "10 करोड़".
_FOREIGN_MULTIPLIERS = (
    ("млрд", 10**9),
    ("миллиард", 10**9),
    ("млн", 10**6),
    ("миллион", 10**6),
    ("тыс", 10**3),
    ("अरब", 10**9),
    ("करोड", 10**7),
    ("लाख", 10**5),
    ("हज", 10**3),
)
_SYMBOLS = {"%": "percent", "$": "usd"}


def number_term(digits: str, multiplier: str | None) -> str:
    """One term for a number, whatever its grouping or multiplier: "70,000", "70 000", "70k" give "70000".

    Exact decimal arithmetic on integers (the decimal module costs a millisecond of start-up to import):
    "1.25 million" is 125 times 10**6 over 10**2, written back with as many decimals as it needs.
    """
    whole, _, decimals = digits.replace(",", "").replace("\u00a0", "").replace(" ", "").partition(".")
    value = int(whole + decimals) * (_multiplier(multiplier) if multiplier else 1)
    scale = 10 ** len(decimals)
    if value % scale == 0:
        return str(value // scale)
    written = str(value).rjust(len(decimals) + 1, "0")
    return f"{written[: -len(decimals)]}.{written[-len(decimals) :]}"


def _multiplier(word: str) -> int:
    word = unicodedata.normalize("NFC", word.lower())  # a composed nukta (U+095C) as a letter and its mark
    # A look-alike letter ("mıllion", "thouſand") matches the pattern, which ignores case across Unicode, and
    # is no multiplier.
    found = _MULTIPLIERS.get(word) or next((value for stem, value in _FOREIGN_MULTIPLIERS if word.startswith(stem)), 1)
    return found


_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 10**3, "lakh": 10**5, "million": 10**6, "crore": 10**7, "billion": 10**9}


def spelled_numbers(found: list[Token]) -> list[Token]:
    """Runs of two or more number words ("seventy thousand", "two hundred") as the one number term the digits
    would give ("70000"). A lone number word ("five years") stays a word: the text may spell it too."""
    result: list[Token] = []
    run: list[Token] = []
    for token in [*found, None]:
        if token is not None and (token.term in _UNITS or token.term in _TENS or token.term in _SCALES):
            run.append(token)
            continue
        if len(run) >= 2:
            total = current = 0
            for word in run:
                if word.term in _SCALES and word.term != "hundred":
                    total += max(current, 1) * _SCALES[word.term]
                    current = 0
                elif word.term == "hundred":
                    current = max(current, 1) * 100
                else:
                    current += _UNITS.get(word.term, 0) + _TENS.get(word.term, 0)
            result.append(Token(str(total + current), run[0].start, run[-1].end))
        else:
            result += run
        run = []
        if token is not None:
            result.append(token)
    return result


# Short words that are also names when written in capitals: US (the United States) against "us".
CAPITAL_WORDS = frozenset({"us", "un", "eu"})


class Token(NamedTuple):
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
    word = _singular(word) if word.isascii() else _cyrillic_stem(word)
    return SPELLING.get(word, word)


_CYRILLIC_ENDINGS = frozenset("аяыиуюеоьй")


def _cyrillic_stem(word: str) -> str:
    """A Russian word without its last vowel or soft sign, so that its case forms meet: Путин and Путина,
    нефть and нефти, Индия and Индию. Light on purpose: the same rule runs on the text and the query."""
    if len(word) >= 5 and word[-1] in _CYRILLIC_ENDINGS and "\u0400" <= word[0] <= "\u04ff":
        return word[:-1]
    return word


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
    numbers = _numbers(cleaned) if _has_number(cleaned) else {}
    covered = _covered(numbers)
    for word in _WORD.finditer(cleaned):
        offset = word.start()
        for piece in _PIECE.finditer(word.group()):
            start = offset + piece.start()
            if start in numbers:
                term, end = numbers[start]
                found.append(Token(term, start, end))
                continue
            if start in covered:
                continue  # part of a number read above: its other digit groups, or its multiplier
            term = _term(piece.group())
            if term:
                found.append(Token(term, start, offset + piece.end()))
    if "%" in cleaned or "$" in cleaned:
        found += [Token(_SYMBOLS[c], i, i + 1) for i, c in enumerate(cleaned) if c in _SYMBOLS]
        found.sort(key=lambda t: t.start)
    return found


def terms(text: str) -> list[str]:
    """The folded tokens of `text` without their spans: the same terms as tokens(), made faster."""
    if "%" in text or "$" in text:
        return [t.term for t in tokens(text)]
    cleaned = _POSSESSIVE.sub("  ", text) if "s" in text else text
    numbers = _numbers(cleaned) if _DIGIT.search(cleaned) is not None else None
    if not numbers:
        return [term for word in _WORD.findall(cleaned) for term in _word_terms(word) if term]
    # A number never starts inside a word, so whole words are either a number's start, a part of one (its
    # other digit groups, its multiplier), or plain words read as usual.
    covered = _covered(numbers)
    found: list[str] = []
    for word in _WORD.finditer(cleaned):
        start = word.start()
        if start in numbers:
            found.append(numbers[start][0])
            end = numbers[start][1]
            if word.end() > end:  # the rest of the word after the number (not produced by the pattern today)
                found += [t.term for t in tokens(cleaned[start : word.end()])][1:]
        elif start not in covered:
            found += [term for term in _word_terms(word.group()) if term]
    return found


_DIGIT = re.compile(r"\d")


def _has_number(text: str) -> bool:
    return _DIGIT.search(text) is not None


def _numbers(text: str) -> dict[int, tuple[str, int]]:
    """Where each written number starts: its term and where it ends."""
    found: dict[int, tuple[str, int]] = {}
    for match in _NUMBER.finditer(text):
        digits = match.group("digits")
        if not digits.isascii():
            continue
        found[match.start()] = (number_term(digits, match.group("mult")), match.end())
    return found


def _covered(numbers: dict[int, tuple[str, int]]) -> set[int]:
    return {position for start, (_, end) in numbers.items() for position in range(start + 1, end)}


@lru_cache(maxsize=65536)
def _word_terms(word: str) -> tuple[str, ...]:
    return tuple(_term(piece) for piece in _PIECE.findall(word))


def _term(piece: str) -> str:
    """A piece's term. A short word in capitals that would otherwise be a common word ("IT", "US") keeps a
    term of its own, so that it neither meets "it" nor is dropped from a query as filler."""
    term = fold(piece)
    if 2 <= len(piece) <= 3 and piece.isupper() and piece.isalpha() and (term in STOPWORDS or term in CAPITAL_WORDS):
        return term + "_"
    return term


def compact(text: str) -> str:
    """One string for a whole name: `S-400`, `S400` and `s 400` all give `s400`."""
    return "".join(terms(text))
