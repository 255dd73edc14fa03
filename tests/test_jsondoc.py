"""The JSON contract: every command's --json output has the documented shape."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from conftest import Outcome

Run = Callable[..., Outcome]


LIST_COMMANDS = [
    ["search", "S-400", "--limit", "100"],  # every match, so that stderr has no "10 of N" note
    ["topics"],
    ["topics", "trade"],
    ["quotes"],
    ["quotes", "--by", "Peskov"],
    ["figures"],
    ["actors"],
    ["timeline"],
]


# What claims share, after a record's own fields, in this order; then what a command adds.
SHARED_KEYS = ("status", "attribution", "date", "topics", "entities", "qualifies", "source", "sources")
ADDED_KEYS = ("score", "matched", "counts", "same_claim")
CITATION_KEYS = {"id", "title", "publisher", "published", "paragraph", "url", "citation"}
STATUSES = {"confirmed", "expected", "likely", "possible", "proposed"}


def check_citation(source: dict[str, object]) -> None:
    assert set(source) == CITATION_KEYS
    if source["url"] is None:  # a document, such as the preview, cited by paragraph
        assert isinstance(source["paragraph"], int)
    else:  # a web page, which has no numbered paragraphs
        assert source["paragraph"] is None
        assert isinstance(source["url"], str) and source["url"].startswith(("http://", "https://"))


@pytest.mark.parametrize("args", LIST_COMMANDS, ids=lambda a: " ".join(a))
def test_json_contract_of_list_commands(run: Run, args: list[str]) -> None:
    out = run(*args, "--json")
    assert out.code == 0, out.stderr
    records = json.loads(out.stdout)
    assert isinstance(records, list) and records
    for record in records:
        assert isinstance(record["id"], str)
        assert record["kind"] in {"fact", "figure", "quote", "entity", "topic", "event", "outcome", "conflict"}
        keys = list(record)
        assert keys[:2] == ["id", "kind"]
        shared = [key for key in keys if key in SHARED_KEYS]
        assert shared == sorted(shared, key=SHARED_KEYS.index)
        if shared:
            assert all(key in SHARED_KEYS or key in ADDED_KEYS for key in keys[keys.index(shared[0]) :]), keys
        if record["kind"] in {"entity", "fact", "figure", "quote", "event"}:
            check_citation(record["source"])
        else:
            assert "source" not in record
        if record["kind"] in {"fact", "figure", "quote", "event"}:
            assert record["sources"] and record["sources"][0] == record["source"]
            for source in record["sources"]:
                check_citation(source)
            assert isinstance(record["qualifies"], list)
            attribution = record["attribution"]
            assert attribution is None or set(attribution) == {"id", "name"}
        if record["kind"] == "quote":
            assert isinstance(record["text"], str)
            assert set(record["speaker"]) >= {"id", "name"}
            assert isinstance(record["context"], str)
        if record["kind"] in {"fact", "figure", "event"}:
            assert record["status"] in STATUSES
        if args[0] == "search":
            assert isinstance(record["score"], float)
            assert set(record["matched"]) == {"field", "text", "spans", "via", "complete"}
    assert out.stderr == ""


def test_json_contract_of_object_commands(run: Run) -> None:
    shown = json.loads(run("show", "s-400", "--json").stdout)
    assert shown["kind"] == "entity" and isinstance(shown["related"], list)
    assert set(shown["related"][0]) == {"id", "kind", "shared", "strength"}
    cite = json.loads(run("cite", "s-400", "--json").stdout)
    assert list(cite) == ["id", "kind", "source", "claim", "sources", "citation"]
    assert cite["claim"] == {
        "text": "Russian air defence system; India is likely to discuss buying more of them.",
        "status": None,
        "attribution": None,
    }
    check_citation(cite["source"])
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
        "outcomes",
        "conflicts",
    }
