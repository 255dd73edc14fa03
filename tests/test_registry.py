"""The registry of kinds is the one description of each kind: every layer covers every kind and field.

A new field of some kind fails these tests until the JSON contract, the `show` view and the search index
each either cover it or list it below as deliberately left out, with the reason.
"""

from __future__ import annotations

import dataclasses

import pytest

from indoruss.loading import loader
from indoruss.loading.paths import bundled_data_dir
from indoruss.model import records as m
from indoruss.search.index import searchable_fields
from indoruss.storage.store import Store
from indoruss.views import plain, terminal
from indoruss.views.fields import fields
from indoruss.views.jsondoc import export_json, record_json
from indoruss.views.output import View

# Fields a layer leaves out on purpose, per kind.
NOT_IN_JSON = {
    "*": {"origin"},  # where a record was defined is for error messages, not for scripts
    "quote": {"about", "status"},  # about is folded into "entities"; a quote has no status
}
JSON_KEY = {"source_kind": "source_kind", "as_of": "as_of"}
NOT_SHOWN = {
    "*": {"origin", "id"},  # id is shown first, as "id"
    "topic": {"aliases"},
    "figure": {"value", "unit"},  # the display form says both as the source wrote them
    "quote": {"fragment", "about", "status"},
    "source": set(),
    "fact": set(),
    "entity": {"source"},  # shown through the citation line
    "event": set(),
    "outcome": set(),
    "conflict": set(),
}
SHOW_LABEL = {"source_kind": "source kind", "source": "source", "sources": "source", "as_of": "as of"}
OPTIONAL = ("period", "note", "date", "aliases", "attribution", "qualifies", "url", "document", "via", "entities")
NOT_SEARCHED = {
    # reached through links and filters, or not text a reader searches for
    "*": {"origin", "id", "topics", "entities", "source", "sources", "date", "status", "attribution", "qualifies"},
    "entity": {"category"},
    "figure": {"value", "unit", "qualifier"},
    "quote": {"fragment", "about"},
    # sources are not search results
    "source": {"title", "publisher", "published", "source_kind", "note", "url", "document", "language", "via"},
    "outcome": {"expectation", "verdict", "as_of", "evidence"},
    "conflict": {"claims"},
}
SEARCH_NAME = {"aliases": "alias"}


def _own(kind: str, table: dict[str, set[str]]) -> set[str]:
    return table.get("*", set()) | table.get(kind, set())


@pytest.fixture(scope="module")
def fb() -> m.FactBase:
    return loader.load_factbase(bundled_data_dir())


def _sample(fb: m.FactBase, kind: m.Kind) -> m.Record:
    records = fb.sections[kind.name]
    assert records, f"the bundled fact base has no {kind.name} to check"
    return records[0]  # type: ignore[return-value]


def _field_names(kind: m.Kind) -> set[str]:
    return {f.name for f in dataclasses.fields(kind.cls)}


@pytest.mark.parametrize("kind", m.REGISTRY, ids=lambda k: k.name)
def test_the_json_contract_covers_every_field(fb: m.FactBase, kind: m.Kind) -> None:
    record = _sample(fb, kind)
    keys = set(record_json(fb, record))
    for name in _field_names(kind) - _own(kind.name, NOT_IN_JSON):
        assert JSON_KEY.get(name, name) in keys, f"{kind.name}.{name} is missing from the JSON contract"


@pytest.mark.parametrize("kind", m.REGISTRY, ids=lambda k: k.name)
def test_show_covers_every_field(fb: m.FactBase, kind: m.Kind) -> None:
    record = _sample(fb, kind)
    labels = {label for label, _ in fields(fb, record)}
    for name in _field_names(kind) - _own(kind.name, NOT_SHOWN):
        if name in OPTIONAL and not getattr(record, name):
            continue  # optional fields are shown when they hold something
        assert SHOW_LABEL.get(name, name) in labels, f"{kind.name}.{name} is not shown by `show`"


@pytest.mark.parametrize("kind", m.REGISTRY, ids=lambda k: k.name)
def test_the_search_index_covers_every_text_field(fb: m.FactBase, kind: m.Kind) -> None:
    record = _sample(fb, kind)
    indexed = {name for name, _ in searchable_fields(record)}
    for name in _field_names(kind) - _own(kind.name, NOT_SEARCHED):
        if name in ("period", "aliases", "note") and not getattr(record, name):
            continue
        assert SEARCH_NAME.get(name, name) in indexed, f"{kind.name}.{name} is not in the search index"


def test_export_has_one_section_per_kind_in_registry_order(fb: m.FactBase) -> None:
    document = export_json(fb)
    assert list(document) == ["schema_version", "fingerprint", *(k.section for k in m.REGISTRY)]


def test_every_kind_has_a_loader_reader_and_a_place_in_the_cache() -> None:
    for kind in m.REGISTRY:
        assert callable(getattr(loader._Builder, f"_read_{kind.name}", None)), kind.name
    allowed = Store(bundled_data_dir()).allowed
    for kind in m.REGISTRY:
        assert (kind.cls.__module__, kind.cls.__qualname__) in allowed


def test_registry_orders_are_consistent() -> None:
    assert m.KINDS == ("entity", "topic", "fact", "figure", "quote", "event", "outcome", "conflict", "source")
    assert [k.section for k in m.REGISTRY] == list(loader.SECTIONS)
    assert sorted(k.display_order for k in m.REGISTRY) == list(range(len(m.REGISTRY)))


@pytest.mark.parametrize("view", [plain.PlainView, terminal.RichView], ids=["plain", "rich"])
def test_both_human_views_implement_every_method_of_the_view_protocol(view: type) -> None:
    wanted = {name for name in vars(View) if not name.startswith("_")}
    assert wanted <= set(vars(view)), wanted - set(vars(view))


def _origin() -> m.Origin:
    return m.Origin("facts.yaml", 3)


@pytest.mark.parametrize("kind", m.REGISTRY, ids=lambda k: k.name)
def test_every_kind_builds_by_keyword_and_stays_frozen(kind: m.Kind) -> None:
    """Each kind's __init__ is compiled on first use (a warm start builds no record); it must still take
    exactly the kind's fields, by keyword, with their defaults, and the record must refuse changes."""
    required = [f for f in dataclasses.fields(kind.cls) if f.default is dataclasses.MISSING]
    values = {f.name: f"value of {f.name}" for f in required}
    record = kind.cls(**values)
    assert [getattr(record, f.name) for f in required] == [f"value of {f.name}" for f in required]
    for f in dataclasses.fields(kind.cls):
        if f.default is not dataclasses.MISSING:
            assert getattr(record, f.name) == f.default
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'id'"):
        record.id = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'id'"):
        del record.id  # type: ignore[misc]
    assert record.id == "value of id"
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        kind.cls(**values, colour="red")
    missing = dict(values)
    del missing["id"]
    with pytest.raises(TypeError, match="missing 1 required keyword-only argument: 'id'"):
        kind.cls(**missing)
    with pytest.raises(TypeError, match="positional"):
        kind.cls("x", **values)  # type: ignore[misc]


def test_records_compare_and_hash_by_value_and_replace_keeps_the_kind() -> None:
    first = m.Topic(id="trade", origin=_origin(), title="Trade", description="Trade.", aliases=())
    same = m.Topic(id="trade", origin=_origin(), title="Trade", description="Trade.", aliases=())
    other = dataclasses.replace(first, title="Commerce")
    assert first == same and hash(first) == hash(same)
    assert first != other and type(other) is m.Topic and other.title == "Commerce" and other.id == "trade"
    assert repr(first) == (
        "Topic(id='trade', origin=Origin(file='facts.yaml', line=3), title='Trade', description='Trade.', aliases=())"
    )


def test_a_fact_base_is_immutable_and_compares_by_content() -> None:
    topic = m.Topic(id="trade", origin=_origin(), title="Trade", description="Trade.", aliases=())
    fb = m.FactBase.of_records([topic], "abc")
    assert fb == m.FactBase.of_records([topic], "abc")
    assert fb != m.FactBase.of_records([topic], "abd")
    assert fb.by_id["trade"] is topic and fb.topics == (topic,) and fb.facts == ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        fb.fingerprint = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        hash(fb)
