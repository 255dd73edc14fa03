"""Text folding and number reading, checked against independent references."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from indoruss.text import number_term, tokens

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
