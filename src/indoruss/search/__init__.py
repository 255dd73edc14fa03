"""Ranked search: an inverted index of folded terms and the ranking over it."""
