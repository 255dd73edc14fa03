"""The JSON contract: every command's --json output has the documented shape."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from conftest import Outcome

Run = Callable[..., Outcome]


LIST_COMMANDS = [
    ["search", "S-400"],
    ["topics"],
    ["topics", "trade"],
    ["quotes"],
    ["quotes", "--by", "Peskov"],
    ["figures"],
    ["actors"],
    ["timeline"],
]


@pytest.mark.parametrize("args", LIST_COMMANDS, ids=lambda a: " ".join(a))
def test_json_contract_of_list_commands(run: Run, args: list[str]) -> None:
    out = run(*args, "--json")
    assert out.code == 0, out.stderr
    records = json.loads(out.stdout)
    assert isinstance(records, list) and records
    for record in records:
        assert isinstance(record["id"], str)
        assert record["kind"] in {"fact", "figure", "quote", "entity", "topic", "event"}
        if record["kind"] != "topic":
            source = record["source"]
            assert set(source) == {"id", "title", "publisher", "published", "paragraph", "citation"}
            assert isinstance(source["paragraph"], int)
        if record["kind"] == "quote":
            assert isinstance(record["text"], str)
            assert set(record["speaker"]) >= {"id", "name"}
            assert isinstance(record["context"], str)
        if record["kind"] in {"fact", "figure", "event"}:
            assert record["status"] in {"confirmed", "reported", "expected", "likely", "possible", "proposed"}
        if args[0] == "search":
            assert isinstance(record["score"], float)
            assert set(record["matched"]) == {"field", "text", "spans", "via"}
    assert out.stderr == ""


def test_json_contract_of_object_commands(run: Run) -> None:
    shown = json.loads(run("show", "s-400", "--json").stdout)
    assert shown["kind"] == "entity" and isinstance(shown["related"], list)
    assert set(shown["related"][0]) == {"id", "kind", "shared", "strength"}
    cite = json.loads(run("cite", "s-400", "--json").stdout)
    assert set(cite) == {"id", "kind", "source"}
    export = json.loads(run("export").stdout)
    assert set(export) == {
        "schema_version",
        "fingerprint",
        "sources",
        "topics",
        "entities",
        "facts",
        "figures",
        "quotes",
        "events",
    }
