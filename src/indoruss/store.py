"""The fact base and its search index, loaded once per run, through the cache when it may be used."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from . import cache
from .model import RECORD_TYPES, Entity, Event, Fact, FactBase, Figure, Quote, Record, Topic
from .paths import data_files

if TYPE_CHECKING:
    from .search import SearchIndex


@contextmanager
def _no_gc_while_building(freeze: bool) -> Iterator[None]:
    """Building or unpickling millions of small objects makes the collector rescan them over and over,
    for nothing: none of them is garbage. Pause it; a short-lived process also freezes what was built out
    of its sight for good (a long-lived caller would never get that memory back)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()


class Store:
    def __init__(self, path: Path, *, use_cache: bool = True, short_lived: bool = False) -> None:
        self.path = path
        self.use_cache = use_cache
        self.short_lived = short_lived

    @cached_property
    def _key(self) -> str | None:
        if not self.use_cache:
            return None
        try:
            return cache.cache_key(self.path, data_files(self.path))
        except OSError:
            return None

    @cached_property
    def factbase(self) -> FactBase:
        key = self._key
        with _no_gc_while_building(self.short_lived):
            if key is not None and (found := cache.read("factbase", key, FactBase)) is not None:
                return found
            from .loader import load_factbase  # YAML parsing is only needed on a cold start

            loaded = load_factbase(self.path)
        if key is not None:
            cache.write("factbase", key, loaded, shares_nothing=True)
        return loaded

    @cached_property
    def index(self) -> SearchIndex:
        from .search import SearchIndex

        key = self._key
        with _no_gc_while_building(self.short_lived):
            if key is not None and (found := cache.read("index", key, SearchIndex)) is not None:
                return found
            built = SearchIndex(self.factbase)
        if key is not None:
            records = [self.factbase.by_id[record_id] for record_id in shelf_order(built)]
            built.shelf = cache.write_shelf(key, records)
            cache.write("index", key, built)
        return built

    @cached_property
    def records(self) -> Mapping[str, Record]:
        """Records by id, read one at a time from the cache's shelf when the whole fact base is not loaded."""
        if "factbase" in self.__dict__ or self._key is None or self.index.shelf is None:
            return self.factbase.by_id
        return _ShelfRecords(self, cache.Shelf(self._key, self.index.shelf), shelf_order(self.index))

    def subset(self, ids: list[str]) -> FactBase:
        """A fact base of just these records and every source: what rendering a few results needs."""
        chosen = {record_id: self.records[record_id] for record_id in dict.fromkeys(ids)}
        index = self.index
        return FactBase(
            sources=index.sources,
            topics=tuple(r for r in chosen.values() if isinstance(r, Topic)),
            entities=tuple(r for r in chosen.values() if isinstance(r, Entity)),
            facts=tuple(r for r in chosen.values() if isinstance(r, Fact)),
            figures=tuple(r for r in chosen.values() if isinstance(r, Figure)),
            quotes=tuple(r for r in chosen.values() if isinstance(r, Quote)),
            events=tuple(r for r in chosen.values() if isinstance(r, Event)),
            fingerprint=index.fingerprint,
        )


def shelf_order(index: SearchIndex) -> list[str]:
    return [*index.record_ids, *(source.id for source in index.sources)]


class _ShelfRecords(Mapping[str, Record]):
    """Reads records from the shelf as they are asked for; falls back to the whole fact base if it must."""

    def __init__(self, store: Store, shelf: cache.Shelf, order: list[str]) -> None:
        self.store = store
        self.shelf = shelf
        self.order = order
        self.loaded: dict[str, Record] = {}

    @cached_property
    def positions(self) -> dict[str, int]:
        return {record_id: position for position, record_id in enumerate(self.order)}

    def __getitem__(self, record_id: str) -> Record:
        if record_id not in self.loaded:
            found = self.shelf.get(self.positions[record_id])
            if not isinstance(found, RECORD_TYPES) or found.id != record_id:
                return self.store.factbase.by_id[record_id]
            self.loaded[record_id] = found
        return self.loaded[record_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self.order)

    def __len__(self) -> int:
        return len(self.order)
