"""The fact base as an SQLite database for Datasette, sqlite-utils and plain SQL, written atomically.

One table per kind with the columns of `--format csv` (views/columns.py), a `records` table of every id,
link tables for topics, entities, sources cited, an outcome's evidence and a conflict's claims, and an
FTS5 full-text index over the words of every record.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import records as m
from .columns import Value, columns_of, prose
from .files import write_atomically

if TYPE_CHECKING:
    import sqlite3

# Columns that name a record of one table, so that Datasette links them.
REFERENCES = {"source": "sources", "speaker_id": "entities", "attribution_id": "entities"}
FTS_TABLE = "records_fts"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _stored(value: Value) -> Any:
    if isinstance(value, tuple):
        from .columns import cell

        return cell(value)
    return int(value) if isinstance(value, bool) else value


def _kind_tables(db: sqlite3.Connection, fb: m.FactBase) -> None:
    for kind in m.REGISTRY:
        columns = columns_of(kind.name)
        declared = []
        for column in columns:
            extra = " PRIMARY KEY" if column.name == "id" else ""
            if column.name in REFERENCES:
                extra = f" REFERENCES {REFERENCES[column.name]}(id)"
            declared.append(f"{_quoted(column.name)} {column.sql}{extra}")
        db.execute(f"CREATE TABLE {_quoted(kind.section)} ({', '.join(declared)})")
        marks = ", ".join("?" for _ in columns)
        rows = ([_stored(c.get(r)) for c in columns] for r in fb.sections[kind.name])
        db.executemany(f"INSERT INTO {_quoted(kind.section)} VALUES ({marks})", rows)


def _link_tables(db: sqlite3.Connection, fb: m.FactBase) -> None:
    db.executescript(
        """
        CREATE TABLE records (id TEXT PRIMARY KEY, kind TEXT, label TEXT, text TEXT);
        CREATE TABLE record_topics (record_id TEXT, kind TEXT, topic_id TEXT REFERENCES topics(id));
        CREATE TABLE record_entities (record_id TEXT, kind TEXT, entity_id TEXT REFERENCES entities(id));
        CREATE TABLE record_sources (
            record_id TEXT, kind TEXT, source_id TEXT REFERENCES sources(id), paragraph INTEGER, position INTEGER
        );
        CREATE TABLE outcome_evidence (outcome_id TEXT REFERENCES outcomes(id), claim_id TEXT, position INTEGER);
        CREATE TABLE conflict_claims (conflict_id TEXT REFERENCES conflicts(id), claim_id TEXT, position INTEGER);
        CREATE TABLE factbase (schema_version INTEGER, fingerprint TEXT);
        """
    )
    records = fb.records()
    db.executemany("INSERT INTO records VALUES (?, ?, ?, ?)", ((r.id, r.kind, r.label, prose(r)) for r in records))
    topics = [(r.id, r.kind, t) for r in records for t in getattr(r, "topics", ()) if not isinstance(r, m.Topic)]
    db.executemany("INSERT INTO record_topics VALUES (?, ?, ?)", topics)
    entities = [(r.id, r.kind, e) for r in records if isinstance(r, m.Claim | m.Outcome) for e in r.entities]
    db.executemany("INSERT INTO record_entities VALUES (?, ?, ?)", entities)
    cited = [
        (r.id, r.kind, ref.source_id, ref.paragraph, position)
        for r in records
        for position, ref in enumerate(m.source_refs(r))
    ]
    db.executemany("INSERT INTO record_sources VALUES (?, ?, ?, ?, ?)", cited)
    evidence = [(o.id, c, i) for o in fb.of(m.Outcome) for i, c in enumerate(o.evidence)]
    db.executemany("INSERT INTO outcome_evidence VALUES (?, ?, ?)", evidence)
    claims = [(k.id, c, i) for k in fb.of(m.Conflict) for i, c in enumerate(k.claims)]
    db.executemany("INSERT INTO conflict_claims VALUES (?, ?, ?)", claims)
    db.execute("INSERT INTO factbase VALUES (?, ?)", (fb.schema_version, fb.fingerprint))
    for table, column in (
        ("record_topics", "topic_id"),
        ("record_entities", "entity_id"),
        ("record_sources", "source_id"),
    ):
        db.execute(f"CREATE INDEX {table}_{column} ON {table} ({column})")
        db.execute(f"CREATE INDEX {table}_record_id ON {table} (record_id)")


def _full_text(db: sqlite3.Connection) -> None:
    # An index over the `records` table, written as sqlite-utils writes one (content=[records]), so that
    # Datasette finds it and offers a search box on that table. unicode61 splits Cyrillic and Devanagari
    # into words as it does Latin, and folds case and diacritics.
    db.execute(
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(id UNINDEXED, kind UNINDEXED, text, "
        "tokenize='unicode61 remove_diacritics 2', content=[records])"
    )
    db.execute(f"INSERT INTO {FTS_TABLE} (rowid, id, kind, text) SELECT rowid, id, kind, text FROM records")


def fill_database(path: Path, fb: m.FactBase) -> None:
    import sqlite3

    db = sqlite3.connect(path)
    try:
        with db:
            _kind_tables(db, fb)
            _link_tables(db, fb)
            _full_text(db)
    finally:
        db.close()


def write_database(fb: m.FactBase, target: Path, force: bool) -> None:
    write_atomically(target, force, lambda path: fill_database(path, fb))
