"""The fact base and its search index, loaded once per run, through the cache when it may be used."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from . import cache
from .model import FactBase
from .paths import data_files
from .search import SearchIndex


class Store:
    def __init__(self, path: Path, *, use_cache: bool = True) -> None:
        self.path = path
        self.use_cache = use_cache

    @cached_property
    def _key(self) -> str | None:
        if not self.use_cache:
            return None
        try:
            return cache.cache_key(data_files(self.path))
        except OSError:
            return None

    @cached_property
    def factbase(self) -> FactBase:
        key = self._key
        if key is not None and (found := cache.read("factbase", key, FactBase)) is not None:
            return found
        from .loader import load_factbase  # YAML parsing is only needed on a cold start

        loaded = load_factbase(self.path)
        if key is not None:
            cache.write("factbase", key, loaded)
        return loaded

    @cached_property
    def index(self) -> SearchIndex:
        key = self._key
        if key is not None and (found := cache.read("index", key, SearchIndex)) is not None:
            return found
        built = SearchIndex(self.factbase)
        if key is not None:
            cache.write("index", key, built)
        return built
