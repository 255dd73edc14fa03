"""The fact base and its search index, loaded once per run, through the cache when it may be used."""

from __future__ import annotations

import gc
import time
from array import array
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ..loading.paths import data_files
from ..model.records import RECORD_TYPES, SCHEMA_VERSION, VALUE_TYPES, FactBase, Record
from . import cache

if TYPE_CHECKING:
    from ..search.index import SearchIndex

T = TypeVar("T")


class _IndexEntry:
    """What the cache keeps for search: the index, and where the shelf keeps each record (or None)."""

    __slots__ = ("index", "table")

    def __init__(self, index: SearchIndex, table: array[int] | None) -> None:
        self.index = index
        self.table = table

    def __reduce__(self) -> tuple[type[_IndexEntry], tuple[SearchIndex, array[int] | None]]:
        return (_IndexEntry, (self.index, self.table))


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
        self.shelf_table: array[int] | None = None  # where the shelf keeps each record, once known

    @cached_property
    def _files(self) -> list[Path]:
        return data_files(self.path)

    @cached_property
    def cache_key(self) -> str | None:
        if not self.use_cache:
            return None
        try:
            cache.cache_dir()  # no cache folder to be had only costs speed
            return cache.cache_key(self.path, self._files, SCHEMA_VERSION)
        except OSError:
            return None

    @cached_property
    def allowed(self) -> frozenset[tuple[str, str]]:
        from ..search.index import SearchIndex

        return cache.allowed_names((*VALUE_TYPES, FactBase, SearchIndex, _IndexEntry))

    def _cached(self, kind: str, expected: type[T], build: Callable[[], T], store: Callable[[str, T], None]) -> T:
        """Read `kind` from the cache, or build it and write it there."""
        key = self.cache_key
        with _no_gc_while_building(self.short_lived):
            if key is not None and (found := cache.read(kind, key, expected, self.allowed)) is not None:
                return found
            built = build()
        now = time.time()
        if key is not None and cache.settled(self._files, now):
            store(key, built)
            cache.prune(key, now)
        return built

    @cached_property
    def factbase(self) -> FactBase:
        def build() -> FactBase:
            from ..loading.loader import load_factbase  # YAML parsing is only needed on a cold start

            return load_factbase(self.path)

        def store(key: str, loaded: FactBase) -> None:
            cache.write("factbase", key, loaded, shares_nothing=True)

        return self._cached("factbase", FactBase, build, store)

    @cached_property
    def index(self) -> SearchIndex:
        from ..search.index import SearchIndex

        def build() -> _IndexEntry:
            return _IndexEntry(SearchIndex(self.factbase), None)

        def store(key: str, built: _IndexEntry) -> None:
            records = [self.factbase.by_id[record_id] for record_id in shelf_order(built.index)]
            built.table = cache.write_shelf(key, records)
            cache.write("index", key, built)

        entry = self._cached("index", _IndexEntry, build, store)
        if not isinstance(entry.index, SearchIndex):
            entry = build()
        self.shelf_table = entry.table
        return entry.index

    @cached_property
    def records(self) -> Mapping[str, Record]:
        """Records by id, read one at a time from the cache's shelf when the whole fact base is not loaded."""
        index = self.index
        if "factbase" in self.__dict__ or self.cache_key is None or self.shelf_table is None:
            return self.factbase.by_id
        shelf = cache.Shelf(self.cache_key, self.shelf_table, self.allowed)
        return _ShelfRecords(self, shelf, shelf_order(index))

    def subset(self, ids: list[str]) -> FactBase:
        """A fact base of just these records and every source: what rendering a few results needs."""
        chosen = [self.records[record_id] for record_id in dict.fromkeys(ids)]
        index = self.index
        return FactBase.of_records([*index.sources, *chosen], index.fingerprint)


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
            self.loaded[record_id] = found  # type: ignore[assignment]
        return self.loaded[record_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self.order)

    def __len__(self) -> int:
        return len(self.order)
