"""The Russian and Hindi glossary of query words, on folded words as a query gives them."""

from __future__ import annotations

import pytest

from indoruss.search import lexicon
from indoruss.text import terms


def translated(word: str) -> tuple[str, ...]:
    (term,) = terms(word)
    return lexicon.translate(term)


SIGN = ("sign", "signed", "signing")
AGREEMENT = ("agreement", "deal", "pact", "accord")


@pytest.mark.parametrize(
    ("word", "english"),
    [
        # A Russian stem meets its case and verb forms ...
        ("подписали", SIGN),
        ("подписан", SIGN),
        ("подписание", SIGN),
        ("соглашение", AGREEMENT),
        ("соглашениями", AGREEMENT),
        ("визит", ("visit", "trip")),
        ("визитом", ("visit", "trip")),
        ("Индию", ("india",)),
        ("Индией", ("india",)),
        # ... with ё written or not, a Hindi nukta or not, the moon-dot or the nasal dot ...
        ("договорённость", AGREEMENT),
        ("договоренность", AGREEMENT),
        ("самолет", ("aircraft", "plane")),
        ("बाज़ार", ("market",)),
        ("बाजार", ("market",)),
        ("आंकड़े", ("figure",)),
        ("आँकडे", ("figure",)),
        # ... and a Hindi stem its plural and oblique forms.
        ("समझौता", AGREEMENT),
        ("समझौते", AGREEMENT),
        ("समझौतों", AGREEMENT),
        ("हथियारों", ("weapon", "arm")),
        ("आयात", ("import",)),
        # A word written whole meets only itself, as folded ("нефть" and "нефти" fold alike).
        ("тел", ()),
        ("तेल", ("oil", "crude")),
        ("нефти", ("oil", "crude")),
        # The first English word is the first meaning; "US" in capitals is the index's term for the country.
        ("США", ("us_", "american")),
        ("अमेरिका", ("us_", "american")),
    ],
)
def test_a_foreign_word_and_its_forms_stand_for_their_english_words(word: str, english: tuple[str, ...]) -> None:
    assert translated(word) == english


@pytest.mark.parametrize(
    ("word", "english"),
    [
        ("газом", ("gas",)),  # a stem of three letters takes two more ...
        ("газета", ()),  # ... not three: a newspaper is no gas
        ("визитами", ("visit", "trip")),  # a longer stem takes four
        ("подписанных", ()),  # ... not five
        ("контрактов", ("contract",)),
        ("новых", ("new",)),  # a short Russian stem takes the endings of cases and adjectives ...
        ("нового", ("new",)),
        ("Новак", ()),  # ... not any two letters: Alexander Novak is nothing new
        ("Новака", ()),
    ],
)
def test_a_stem_takes_at_most_a_few_letters_more(word: str, english: tuple[str, ...]) -> None:
    assert translated(word) == english


@pytest.mark.parametrize("word", ["oil", "what", "Путин", "मोदी", "бананы"])
def test_an_english_word_a_name_or_an_unknown_word_has_no_translation(word: str) -> None:
    assert translated(word) == ()


@pytest.mark.parametrize(
    ("word", "drop"),
    [
        ("что", True),
        ("и", True),
        ("сколько", True),
        ("еще", True),
        ("ещё", True),
        ("क्या", True),
        ("में", True),
        ("कितने", True),
        ("कहां", True),
        ("कहाँ", True),
        ("нефть", False),
        ("तेल", False),
        ("what", False),
        ("the", False),
    ],
)
def test_question_words_and_particles_of_both_languages_are_filler(word: str, drop: bool) -> None:
    # English filler is text.STOPWORDS' business: here only foreign words are filler.
    (term,) = terms(word)
    assert lexicon.filler(term) is drop


def test_an_english_query_never_reads_the_glossary() -> None:
    lexicon.lookups.cache_clear()
    for term in terms("what did Putin sign in December"):
        assert lexicon.translate(term) == ()
        assert not lexicon.filler(term)
    assert lexicon.lookups.cache_info().currsize == 0
    assert lexicon.translate("визит") == ("visit", "trip")
    assert lexicon.lookups.cache_info().currsize == 1


def test_the_glossary_is_broad_and_each_line_maps_english_to_foreign_words() -> None:
    lines = lexicon.GLOSSARY.strip().splitlines()
    assert len(lines) > 100
    for line in lines:
        english, equals, foreign = line.partition(" = ")
        assert equals and english.isascii() and english.split(), line
        assert foreign.split() and not any(word.isascii() for word in foreign.split()), line


@pytest.mark.parametrize(
    ("word", "bases"),
    [
        ("Путиным", ("путин",)),
        ("Роснефтью", ("роснефт",)),  # fold leaves "роснефть": the soft sign goes
        ("Москвой", ("москв",)),  # fold leaves "москво"
        ("Газпромом", ("газпром",)),
        ("соглашениями", ("соглашени",)),  # fold leaves "соглашениям"
        ("Трампом", ("трамп",)),
        ("Путин", ()),
        ("дом", ()),  # "ом" would leave one letter
        ("того", ("тог",)),  # too short to fold: its "о" goes here, and the base is looked up only if held
        ("मोदी", ()),
        ("मोदी", ()),
        ("oil", ()),
    ],
)
def test_the_russian_case_bases_of_a_word(word: str, bases: tuple[str, ...]) -> None:
    (term,) = terms(word)
    assert lexicon.case_bases(term) == bases
