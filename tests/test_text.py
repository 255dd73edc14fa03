"""Text folding and number reading, checked against independent references."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indoruss.text import fold, normalise_typography, number_term, spelled_numbers, terms, tokens

MULTIPLIERS = {"k": 10**3, "mn": 10**6, "million": 10**6, "bn": 10**9, "lakh": 10**5, "crore": 10**7}


def decimal_reference(digits: str, multiplier: str | None) -> str:
    """The same number read with the decimal module: the written form the integer arithmetic must give."""
    value = Decimal(digits.replace(",", "").replace(" ", ""))
    if multiplier:
        value *= MULTIPLIERS[multiplier.lower()]
    return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")


def test_number_terms_of_written_forms() -> None:
    assert number_term("70,000", None) == "70000"
    assert number_term("70 000", None) == "70000"
    assert number_term("70", "k") == "70000"
    assert number_term("100", "bn") == "100000000000"
    assert number_term("1.25", "million") == "1250000"
    # as many decimals as were written, as exact decimal arithmetic keeps them
    assert number_term("1.2345", "k") == "1234.5000"
    assert number_term("0.50", None) == "0.50"
    assert number_term("10.0", None) == "10"
    assert number_term("007", None) == "7"
    assert number_term("0.001", None) == "0.001"


@given(
    whole=st.integers(min_value=0, max_value=10**9),
    decimals=st.one_of(st.none(), st.text(alphabet="0123456789", min_size=1, max_size=6)),
    multiplier=st.one_of(st.none(), st.sampled_from(sorted(MULTIPLIERS)), st.just("BN")),
)
def test_number_terms_agree_with_decimal_arithmetic(whole: int, decimals: str | None, multiplier: str | None) -> None:
    digits = str(whole) if decimals is None else f"{whole}.{decimals}"
    assert number_term(digits, multiplier) == decimal_reference(digits, multiplier)


def test_tokens_carry_term_and_span() -> None:
    found = tokens("S-400 costs $5bn")
    assert [(t.term, t.start, t.end) for t in found] == [
        ("s", 0, 1),
        ("400", 2, 5),
        ("cost", 6, 11),
        ("usd", 12, 13),
        ("5000000000", 13, 16),
    ]


def test_typography_plain_quotes_dashes_and_spaces() -> None:
    # curly double quotes become '"', curly single ones "'"; plain letters (X included) stay as written
    assert (
        normalise_typography("Xi said \u201cMake in India\u201d and \u201eX\u201f") == 'Xi said "Make in India" and "X"'
    )
    assert normalise_typography("Modi\u2019s  S\u2013400\u00a0deal") == "Modi's S-400 deal"


def test_fold_spelling_variants_and_plurals() -> None:
    # American spellings meet the British ones the fact base is written in, after the plural is taken off
    assert fold("center") == "centre"
    assert fold("Centers") == "centre"
    assert fold("centre") == "centre"
    assert fold("labor") == "labour"
    # words that only look plural keep their s
    assert fold("series") == "series"
    assert fold("species") == "species"
    assert fold("news") == "news"
    assert fold("famous") == "famous"
    assert fold("status") == "status"
    assert fold("analysis") == "analysis"
    assert fold("class") == "class"
    # real plurals lose it
    assert fold("countries") == "country"
    assert fold("taxes") == "tax"
    assert fold("deals") == "deal"


def test_written_multipliers_read_as_numbers() -> None:
    assert number_term("2", "billion") == "2000000000"
    assert number_term("3", "trillion") == "3000000000000"
    assert number_term("1.5", "thousand") == "1500"
    assert terms("a 100 billion target") == ["a", "100000000000", "target"]


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("100 миллиардов долларов", ["100000000000", "долларов"]),
        ("5 млрд", ["5000000000"]),
        ("70 тысяч рабочих", ["70000", "рабочих"]),
        ("70 тыс", ["70000"]),
        ("10 करोड़", ["100000000"]),
        ("2 लाख", ["200000"]),
        ("70 हज़ार", ["70000"]),
        ("10 \u0915\u0930\u094b\u095c", ["100000000"]),  # करोड़ and हज़ार with the nukta composed
        ("7 \u0939\u095b\u093e\u0930", ["7000"]),
        ("7 \u0939\u091c\u093e\u0930", ["7000"]),  # हजार, without the nukta
        ("100 अरब डॉलर", ["100000000000", "डॉलर"]),
        ("тысяча", ["тысяч"]),  # a multiplier alone is a word
    ],
)
def test_russian_and_hindi_multipliers_read_as_numbers(written: str, read: list[str]) -> None:
    assert terms(written) == read
    assert [t.term for t in tokens(written)] == read


@pytest.mark.parametrize("written", ["5 mıllion", "5 MİLLİON", "5 thouſand"])
def test_a_look_alike_letter_in_a_multiplier_leaves_the_number_as_written(written: str) -> None:
    # Matching ignores case across Unicode, so these match the pattern, but they name no multiplier.
    assert terms(written)[0] == "5"


def test_a_run_of_more_than_60_digits_is_no_number() -> None:
    # Python refuses to read a run of over 4,300 digits as an integer; no quantity is written with 61.
    assert terms("9" * 60) == ["9" * 60]
    assert terms("9" * 5000) == ["9" * 5000]
    # Thousands in groups: at most 20 groups read as one number; the rest are words of their own.
    grouped = terms("1" + ",000" * 2000)
    assert grouped[0] == "1" + "000" * 20
    assert set(grouped[1:]) == {"000"}


def spelled(text: str) -> list[str]:
    return [t.term for t in spelled_numbers(tokens(text))]


def test_spelled_out_numbers_read_as_one_term() -> None:
    assert spelled("nine hundred") == ["900"]
    assert spelled("forty thousand troops") == ["40000", "troop"]
    assert spelled("seventy thousand") == ["70000"]
    assert spelled("two hundred forty nine") == ["249"]
    assert spelled("one thousand zero") == ["1000"]
    assert spelled("zero zero seven") == ["7"]
    assert spelled("ninety nine") == ["99"]
    # a lone number word stays a word
    assert spelled("nine years") == ["nine", "year"]
    assert spelled("forty") == ["forty"]
    found = spelled_numbers(tokens("about forty thousand jobs"))
    assert [(t.term, t.start, t.end) for t in found] == [("about", 0, 5), ("40000", 6, 20), ("job", 21, 25)]


def test_fold_russian_case_forms_lose_one_ending() -> None:
    # only the last vowel or soft sign goes, and only from words of five letters or more
    assert fold("Путина") == "путин"
    assert fold("Путин") == "путин"
    assert fold("Индию") == "инди"
    assert fold("нефти") == "нефт"
    assert fold("мира") == "мира"
