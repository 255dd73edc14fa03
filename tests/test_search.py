"""Tokens and folding, and search end to end on the bundled fact base."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indoruss.loading.loader import load_factbase
from indoruss.loading.paths import bundled_data_dir
from indoruss.search.index import SearchIndex, searchable_fields
from indoruss.search.ranking import Filters, search, suggestions
from indoruss.text import compact, fold, normalise_typography, terms, tokens

INDEX = SearchIndex(load_factbase(bundled_data_dir()))


@pytest.mark.parametrize("written", ["S-400", "S400", "s 400", "S‑400", "S–400"])
def test_name_variants_compact_alike(written: str) -> None:
    assert compact(written) == "s400"


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("Labor", "labour"),
        ("defense", "defence"),
        ("tariffs", "tariff"),
        ("sanctions", "sanction"),
        ("Russia's", "russia"),
        ("industries", "industry"),
        ("Ｓ", "s"),
        ("Café", "cafe"),
        ("ПУТИН", "путин"),
    ],
)
def test_fold(word: str, folded: str) -> None:
    assert terms(word) == [folded]
    assert fold(folded) == folded


def test_tokens_keep_devanagari_words_whole_and_spans_point_into_the_text() -> None:
    text = "Modi (मोदी) met Putin’s team"
    found = tokens(text)
    assert [t.term for t in found] == ["modi", "मोदी", "met", "putin", "team"]
    assert [text[t.start : t.end] for t in found] == ["Modi", "मोदी", "met", "Putin", "team"]


def test_normalise_typography() -> None:
    assert normalise_typography("let’s  “go” — now") == 'let\'s "go" - now'


def test_exact_name_scores_100_and_ranks_first() -> None:
    hits = search(INDEX, "Sakhalin-1")
    assert hits[0].record_id == "sakhalin-1" and hits[0].score == 100.0


def test_linked_records_rank_above_mentions() -> None:
    hits = search(INDEX, "S-400", limit=None)
    linked = [h for h in hits if h.match.via == "s-400"]
    mentions = [h for h in hits if h.match.via is None and h.record_id != "s-400"]
    assert linked and mentions
    assert min(h.score for h in linked) > max(h.score for h in mentions)


def test_a_word_found_nowhere_leaves_partial_matches_of_the_rest() -> None:
    hits = search(INDEX, "S-400 banana")
    assert hits and not any(h.complete for h in hits)
    assert [h.record_id for h in hits[:3]] == ["more-s-400-likely", "outcome-more-s-400-likely", "s-400"]
    assert all(h.complete for h in search(INDEX, "S-400"))
    assert search(INDEX, "the of and") == []
    assert search(INDEX, "") == []
    assert search(INDEX, "zzqqxx") == []


def test_filters_apply_to_every_result() -> None:
    hits = search(INDEX, "Russia", Filters(kind="figure"), limit=None)
    assert hits and {h.kind for h in hits} == {"figure"}


def test_typo_in_a_long_word_is_forgiven_but_short_noise_is_not() -> None:
    assert search(INDEX, "Kudankulum")[0].record_id == "kudankulam"
    assert search(INDEX, "xq") == []


def test_suggestions_for_near_names() -> None:
    assert "S-400" in suggestions(INDEX, "S-401")
    assert suggestions(INDEX, "") == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_search_never_fails_and_scores_are_ordered(query: str) -> None:
    hits = search(INDEX, query, limit=None)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 100 for s in scores)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_fast_terms_agree_with_tokens(text: str) -> None:
    assert terms(text) == [t.term for t in tokens(text)]


def test_a_query_naming_several_things_finds_the_records_about_all_of_them() -> None:
    hits = search(INDEX, "Modi Putin", limit=None)
    assert {h.record_id for h in hits[:2]} == {"modi", "putin"}
    assert [h.score for h in hits[:2]] == [99.0, 99.0]
    fb = load_factbase(bundled_data_dir())
    for hit in hits[2:]:
        record = fb.by_id[hit.record_id]
        linked = set(getattr(record, "entities", ()))
        text = " ".join(t for _, t in searchable_fields(record)).casefold()
        # about both: linked to each, or naming one or both in its own text
        assert all(name in linked or name in text for name in ("modi", "putin")), hit.record_id
    assert len(hits) > 10


def test_a_figure_written_as_the_query_comes_first() -> None:
    for query, figure in (("$100 billion", "bilateral-trade-target"), ("77%", "russia-share-defence-imports")):
        hits = search(INDEX, query)
        assert (hits[0].record_id, hits[0].score) == (figure, 95.0)


def test_a_name_that_only_contains_the_query_does_not_pull_in_its_records() -> None:
    # "arms trade" is an alias of the Defence topic: defence records must not count as about trade.
    hits = search(INDEX, "trade", limit=None)
    defence_only = [h for h in hits if h.match.via == "defence"]
    assert defence_only == []
    assert hits[0].record_id == "trade"


@pytest.mark.parametrize(("word", "same_as"), [("Indians", "Indian"), ("defenses", "defences"), ("news", "news")])
def test_plurals_fold_before_spelling(word: str, same_as: str) -> None:
    assert terms(word) == terms(same_as)
    assert terms("news") == ["news"]  # not a plural of "new"


def test_generic_records_rank_below_the_specific_ones() -> None:
    order = [h.record_id for h in search(INDEX, "tariff on Russian crude", limit=None)]
    assert set(order[:3]) == {"us-tariff-russian-crude", "us-tariff-25-percent", "india-keeps-buying-russian-crude"}
    assert order.index("russia") > 10 and order.index("energy") > 10


def test_a_record_about_what_the_query_names_ranks_above_one_that_mentions_it() -> None:
    hits = search(INDEX, "Sakhalin-1", limit=None)
    linked = [h.score for h in hits if h.match.via == "sakhalin-1"]
    mentions = [h.score for h in hits if h.match.via is None and h.record_id != "sakhalin-1"]
    assert linked and mentions and min(linked) > max(mentions)


def test_runs_of_number_words_read_as_one_number_and_a_lone_one_stays_a_word() -> None:
    from indoruss.text import spelled_numbers

    def read(query: str) -> list[str]:
        return [t.term for t in spelled_numbers(tokens(query))]

    assert read("seventy thousand Indian workers") == ["70000", "india", "worker"]
    assert read("one hundred billion dollars") == ["100000000000", "usd"]
    assert read("seventy-five") == ["75"]
    assert read("twenty one lakh") == ["2100000"]
    assert read("five years") == ["five", "year"]
