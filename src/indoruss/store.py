"""The fact base and its search index, loaded once per run, through the cache when it may be used."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from . import cache
from .model import FactBase
from .paths import data_files

if TYPE_CHECKING:
    from .search import SearchIndex


@contextmanager
def _no_gc_while_building() -> Iterator[None]:
    """Building or unpickling millions of small objects makes the collector rescan them over and over,
    for nothing: none of them is garbage. Pause it, then freeze what was built out of its sight."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


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
        with _no_gc_while_building():
            if key is not None and (found := cache.read("factbase", key, FactBase)) is not None:
                return found
            from .loader import load_factbase  # YAML parsing is only needed on a cold start

            loaded = load_factbase(self.path)
        if key is not None:
            cache.write("factbase", key, loaded)
        return loaded

    @cached_property
    def index(self) -> SearchIndex:
        from .search import SearchIndex

        key = self._key
        with _no_gc_while_building():
            if key is not None and (found := cache.read("index", key, SearchIndex)) is not None:
                return found
            built = SearchIndex(self.factbase)
        if key is not None:
            cache.write("index", key, built)
        return built
