"""YAML files -> a validated FactBase. The only module that sees raw YAML; each problem names file, line, field."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from pathlib import Path
from typing import Any

from ..errors import FactBaseError, Problem
from ..model import records as m
from ..search.index import MAX_ALIASES
from .paths import data_files, shown_name
from .yamlsource import (
    Mapping,
    Node,
    Scalar,
    Sequence,
    TimestampText,
    YamlProblem,
    parse,
    read_text,
    unsafe_char_problem,
)

URL_PATTERN = re.compile(r"https?://[^\s/?#]+\.[^\s/?#]+[^\s]*\Z")
LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}\Z")
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
DATE_PATTERN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
SECTIONS = tuple(kind.section for kind in m.REGISTRY)


MAX_PROBLEMS = 1000


class ProblemList(list[Problem]):
    """Problems as found, up to a thousand; past that only counted, so a broken file cannot fill memory."""

    def __init__(self) -> None:
        super().__init__()
        self.dropped = 0

    def append(self, problem: Problem) -> None:
        if len(self) < MAX_PROBLEMS:
            super().append(problem)
        else:
            self.dropped += 1


def load_factbase(path: Path) -> m.FactBase:
    """Load and validate the fact base at `path`; raise FactBaseError listing every problem.

    Its fingerprint, the identity a reader cites, is a short hash of the files' names and the very text
    that was parsed.
    """
    files = data_files(path)
    problems: list[Problem] = ProblemList()
    builder = _Builder(problems)
    digest = hashlib.sha256()
    for file in files:
        shown = shown_name(file, path)
        try:
            text = read_text(file, shown)
            digest.update(shown.encode("utf-8", "surrogateescape") + b"\0" + text.encode() + b"\0")
            tree = parse(text, shown)
        except YamlProblem as exc:
            problems.append(exc.problem)
            continue
        builder.add_file(tree, shown)
    factbase = builder.finish(digest.hexdigest()[:12])
    if problems:
        # In reading order, whichever pass found them.
        problems.sort(key=lambda p: (p.file, p.line or 0, p.column or 0))
        dropped = problems.dropped if isinstance(problems, ProblemList) else 0
        if dropped:
            more = f"{dropped:,} more problems not listed (only the first {MAX_PROBLEMS:,} are kept)"
            list.append(problems, Problem(problems[-1].file, more))
        raise FactBaseError(list(problems))
    return factbase


class _Builder:
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.records: dict[str, list[Any]] = {kind.name: [] for kind in m.REGISTRY}
        self.ids: dict[str, str] = {}
        # (kind, target id, file, line, column, record path, field): plain tuples of shared strings, since a
        # large fact base has hundreds of thousands of references and most of them are fine.
        self.refs: list[tuple[str, str, str, int, int | None, str, str]] = []
        self.refused: dict[str, str] = {}
        # (source id, paragraph or None, file, line, record path): checked against the source's kind at the end
        self.paragraphs: list[tuple[str, int | None, str, int, str]] = []

    def add_file(self, tree: Node, shown: str) -> None:
        if not isinstance(tree, Mapping):
            self.problems.append(Problem(shown, "top level must be a mapping of sections", tree.mark.line))
            return
        for key, node in tree.items.items():
            if key == "schema":
                if not (isinstance(node, Scalar) and node.value == m.SCHEMA_VERSION) or isinstance(node.value, bool):
                    found = node.raw if isinstance(node, Scalar) else "a structure"
                    older = (
                        m.SCHEMA_CHANGES.get(node.value)
                        if isinstance(node, Scalar) and type(node.value) is int
                        else None
                    )
                    what = f"; {older}" if isinstance(older, str) else ""
                    self.problems.append(
                        Problem(
                            shown,
                            f"unsupported schema version {found} (this indoruss reads {m.SCHEMA_VERSION}){what}",
                            node.mark.line,
                            node.mark.column,
                            "schema",
                        )
                    )
                continue
            if key not in SECTIONS:
                self.problems.append(
                    Problem(
                        shown,
                        f"unknown section (allowed: schema, {', '.join(SECTIONS)})",
                        tree.keys[key].line,
                        tree.keys[key].column,
                        key,
                    )
                )
                continue
            if not isinstance(node, Sequence):
                self.problems.append(Problem(shown, "must be a list of records", node.mark.line, node.mark.column, key))
                continue
            kind = m.KIND_BY_SECTION[key]
            build = getattr(self, "_read_" + kind.name)
            for index, item in enumerate(node.items):
                where = f"{key}[{index}]"
                if not isinstance(item, Mapping):
                    self.problems.append(Problem(shown, "must be a mapping", item.mark.line, item.mark.column, where))
                    continue
                fields = _Fields(item, shown, where, self.problems)
                record = build(fields)
                fields.reject_unknown()
                if record is not None:
                    self._register(record, fields)
                    self.records[kind.name].append(record)
                elif isinstance(rid := _plain_id(item), str):
                    # Already reported; remembered so that references to it do not report it again.
                    self.refused.setdefault(rid, kind.name)

    def _register(self, record: Any, fields: _Fields) -> None:
        earlier = self.ids.get(record.id)
        line = fields.line_of("id")
        if earlier is not None:
            self.problems.append(
                Problem(
                    fields.file,
                    f"duplicate id {record.id!r} (first defined at {earlier})",
                    line,
                    None,
                    f"{fields.where}.id",
                )
            )
        else:
            self.ids[record.id] = f"{fields.file}:{line}"

    def _ref(self, kind: str, target: str, fields: _Fields, key: str, node: Node | None = None) -> None:
        mark = node.mark if node is not None else None
        line = mark.line if mark else fields.line_of(key)
        self.refs.append((kind, target, fields.file, line, mark.column if mark else None, fields.where, key))

    # -- one method per section: read the fields, return the record (None when unusable) -------------

    def _read_source(self, f: _Fields) -> m.Source | None:
        rid = f.ident()
        title = f.text("title")
        publisher = f.text("publisher", required=False, nullable=True) or None
        published = f.text("published")
        if published and not _is_day(published):
            f.problem(
                "published", f"{published!r} is not a date of the form YYYY-MM-DD", f.get("published", required=False)
            )
            published = ""
        kind = f.choice("kind", tuple(m.SOURCE_KINDS))
        note = f.text("note", required=False)
        url = f.text("url", required=False)
        document = f.text("document", required=False)
        language = f.text("language")
        via = f.text("via", required=False)
        if url and document:
            f.problem(
                "url", "give either url (a web page) or document (a text file), not both", f.get("url", required=False)
            )
        elif not url and not document and "url" not in f.node.items and "document" not in f.node.items:
            f.problem("url", "required field is missing (a web source needs its url; a text file, document)")
        elif url and not URL_PATTERN.match(url):
            f.problem("url", f"{url!r} is not an absolute http(s) URL", f.get("url", required=False))
            url = ""
        if language and not LANGUAGE_PATTERN.match(language):
            f.problem(
                "language",
                f"{language!r} is not a language code such as en, ru or hi",
                f.get("language", required=False),
            )
            language = ""
        if not (rid and title and published and kind and language and (url or document)):
            return None
        return m.Source(
            id=rid,
            title=title,
            publisher=publisher,
            published=published,
            source_kind=kind,
            note=note or None,
            url=url or None,
            document=document or None,
            language=language,
            via=via or None,
            origin=f.origin,
        )

    def _read_topic(self, f: _Fields) -> m.Topic | None:
        rid, title, description = f.ident(), f.text("title"), f.text("description")
        aliases = self._aliases(f)
        if not (rid and title and description):
            return None
        return m.Topic(id=rid, title=title, description=description, aliases=aliases, origin=f.origin)

    def _read_entity(self, f: _Fields) -> m.Entity | None:
        rid, name = f.ident(), f.text("name")
        category = f.choice("category", m.CATEGORIES)
        description = f.text("description")
        aliases = self._aliases(f)
        topics = self._id_list(f, "topics", "topic", required=False)
        source = self._source_ref(f)
        if not (rid and name and category and description and source):
            return None
        return m.Entity(
            id=rid,
            name=name,
            category=category,
            description=description,
            aliases=aliases,
            topics=topics,
            source=source,
            origin=f.origin,
        )

    def _claim(self, f: _Fields, *, date_required: bool = False, entity_key: str = "entities") -> dict[str, Any] | None:
        """The fields every claim has, read once for every kind of claim; None when one is unusable."""
        topics = self._id_list(f, "topics", "topic", required=True)
        entities = self._id_list(f, entity_key, "entity", required=False)
        date, date_ok = self._date(f, required=date_required)
        sources = self._source_refs(f)
        attribution = self._attribution(f)
        qualifies = self._id_list(f, "qualifies", "claim", required=False)
        if not (sources and date_ok and (date or not date_required) and attribution is not False):
            return None
        return {
            "topics": topics,
            "entities": entities,
            "date": date,
            "sources": sources,
            "attribution": attribution or None,
            "qualifies": qualifies,
            "origin": f.origin,
        }

    def _read_fact(self, f: _Fields) -> m.Fact | None:
        rid, statement = f.ident(), f.text("statement")
        status = f.choice("status", tuple(m.STATUSES))
        common = self._claim(f)
        if not (rid and statement and status and common):
            return None
        return m.Fact(id=rid, statement=statement, status=status, **common)

    def _read_figure(self, f: _Fields) -> m.Figure | None:
        rid = f.ident()
        value = f.number("value")
        unit = f.choice("unit", m.UNITS)
        display = f.text("display")
        qualifier = f.choice("qualifier", m.QUALIFIERS)
        measures = f.text("measures")
        period = f.text("period", required=False)
        status = f.choice("status", tuple(m.STATUSES))
        common = self._claim(f)
        if not (rid and unit and display and qualifier and measures and status and common) or value is None:
            return None
        return m.Figure(
            id=rid,
            value=value,
            unit=unit,
            display=display,
            qualifier=qualifier,
            measures=measures,
            period=period,
            status=status,
            **common,
        )

    def _read_quote(self, f: _Fields) -> m.Quote | None:
        rid, text = f.ident(), f.text("text")
        speaker = self._speaker(f)
        context = f.text("context")
        fragment = f.boolean("fragment")
        common = self._claim(f)
        if not (rid and text and speaker and context and fragment is not None and common):
            return None
        about = common["entities"]
        named = (speaker.id,) if speaker.id else ()
        common["entities"] = (*named, *(e for e in about if e != speaker.id))
        return m.Quote(id=rid, text=text, speaker=speaker, context=context, fragment=fragment, about=about, **common)

    def _read_event(self, f: _Fields) -> m.Event | None:
        rid, title = f.ident(), f.text("title")
        status = f.choice("status", tuple(m.STATUSES))
        common = self._claim(f, date_required=True)
        if not (rid and title and status and common):
            return None
        return m.Event(id=rid, title=title, status=status, **common)

    def _read_outcome(self, f: _Fields) -> m.Outcome | None:
        rid = f.ident()
        expectation = f.text("expectation")
        if expectation:
            self._ref("claim", expectation, f, "expectation")
        verdict = f.choice("verdict", tuple(m.VERDICTS))
        as_of = f.text("as_of")
        as_of_spec = _parse_date(as_of, f, "as_of") if as_of else None
        if as_of_spec is not None and as_of_spec.precision != "day":
            f.problem("as_of", f"{as_of!r} is not a day of the form YYYY-MM-DD", f.get("as_of", required=False))
            as_of_spec = None
        summary = f.text("summary")
        evidence = self._id_list(f, "evidence", "claim", required=True, nonempty=False)
        if not (rid and expectation and verdict and as_of_spec and summary):
            return None
        if not evidence and verdict != "not-reported":
            f.problem(
                "evidence",
                f"a verdict of {verdict!r} needs at least one record as evidence",
                f.get("evidence", required=False),
            )
            return None
        # topics and entities are the expectation's, filled in once every record is known
        return m.Outcome(
            id=rid,
            expectation=expectation,
            verdict=verdict,
            as_of=as_of_spec,
            summary=summary,
            evidence=evidence,
            topics=(),
            entities=(),
            origin=f.origin,
        )

    def _read_conflict(self, f: _Fields) -> m.Conflict | None:
        rid, question = f.ident(), f.text("question")
        claims = self._id_list(f, "claims", "claim", required=True)
        topics = self._id_list(f, "topics", "topic", required=True)
        note = f.text("note", required=False)
        if claims and len(claims) < 2:
            f.problem("claims", "a conflict needs at least two claims", f.get("claims", required=False))
            return None
        if not (rid and question and claims):
            return None
        return m.Conflict(id=rid, question=question, claims=claims, topics=topics, note=note or None, origin=f.origin)

    # -- shared pieces --------------------------------------------------------------------------------

    def _aliases(self, f: _Fields) -> tuple[str, ...]:
        aliases = f.text_list("aliases", required=False)
        if len(aliases) > MAX_ALIASES:
            # The search index numbers a record's fields in a few bits; past this they would collide.
            f.problem(
                "aliases",
                f"has {len(aliases)} aliases; at most {MAX_ALIASES} are allowed",
                f.get("aliases", required=False),
            )
            return aliases[:MAX_ALIASES]
        return aliases

    def _id_list(
        self, f: _Fields, key: str, kind: str, *, required: bool, nonempty: bool | None = None
    ) -> tuple[str, ...]:
        items = f.text_items(key, required=required, nonempty=required if nonempty is None else nonempty)
        for target, node in items:
            self._ref(kind, target, f, key, node)
        return tuple(target for target, _ in items)

    def _source_ref(self, f: _Fields) -> m.SourceRef | None:
        """An entity's one source."""
        node = f.get("source", required=True)
        if node is None:
            return None
        if not isinstance(node, Mapping):
            f.problem("source", "must be a mapping {id: SOURCE_ID} (with paragraph: N for a document)", node)
            return None
        return self._one_source(f, node, f"{f.where}.source")

    def _source_refs(self, f: _Fields) -> tuple[m.SourceRef, ...]:
        """A claim's sources: one mapping, or a list of them, main source first."""
        node = f.get("source", required=True)
        if node is None:
            return ()
        if isinstance(node, Mapping):
            one = self._one_source(f, node, f"{f.where}.source")
            return (one,) if one else ()
        if not isinstance(node, Sequence) or not node.items:
            f.problem("source", "must be a mapping {id: SOURCE_ID} or a list of them", node)
            return ()
        refs = []
        for index, item in enumerate(node.items):
            if not isinstance(item, Mapping):
                f.problem("source", "each source must be a mapping {id: SOURCE_ID}", item)
                return ()
            one = self._one_source(f, item, f"{f.where}.source[{index}]")
            if one is None:
                return ()
            refs.append(one)
        return tuple(refs)

    def _one_source(self, f: _Fields, node: Mapping, where: str) -> m.SourceRef | None:
        sub = _Fields(node, f.file, where, self.problems)
        source_id = sub.text("id")
        paragraph = sub.integer("paragraph", minimum=1) if "paragraph" in node.items else None
        sub.reject_unknown()
        if not source_id or ("paragraph" in node.items and paragraph is None):
            return None
        self._ref("source", source_id, sub, "id")
        self.paragraphs.append((source_id, paragraph, f.file, sub.line_of("id"), where))
        return m.SourceRef(source_id, paragraph)

    def _attribution(self, f: _Fields) -> m.Attribution | bool | None:
        """Who makes the claim: an entity (checked once all are known) or an unnamed claimant; False if wrong."""
        text = f.text("attribution", required=False)
        if not text:
            return None if "attribution" not in f.node.items else False
        if text in m.UNNAMED_CLAIMANTS:
            return m.Attribution(None, m.UNNAMED_CLAIMANTS[text])
        self._ref("entity", text, f, "attribution")
        return m.Attribution(text, text)  # the name is filled in once entities are known

    def _speaker(self, f: _Fields) -> m.Speaker | None:
        node = f.get("speaker", required=True)
        if node is None:
            return None
        if isinstance(node, Scalar) and isinstance(node.value, str) and not isinstance(node.value, TimestampText):
            self._ref("entity", node.value, f, "speaker")
            return m.Speaker(node.value, node.value)  # the name is filled in once entities are known
        if isinstance(node, Mapping):
            sub = _Fields(node, f.file, f"{f.where}.speaker", self.problems)
            name = sub.text("name")
            description = sub.text("description", required=False)
            sub.reject_unknown()
            return m.Speaker(None, name, description or None) if name else None
        f.problem("speaker", "must be an entity id or a mapping {name: ..., description: ...}", node)
        return None

    def _date(self, f: _Fields, *, required: bool) -> tuple[m.DateSpec | None, bool]:
        """The record's date (None when it has none) and whether what was written is usable."""
        text = f.text("date", required=required)
        label = f.text("date_label", required=False)
        if not text:
            if label:
                f.problem("date_label", "is given without a date", f.get("date_label", required=False))
            return None, not required and "date" not in f.node.items
        spec = _parse_date(text, f, "date")
        if spec is None:
            return None, False
        return m.DateSpec(spec.text, spec.precision, spec.start, spec.end, label or None), True

    def finish(self, content_hash: str) -> m.FactBase:
        kinds: dict[str, type] = {name: kind.cls for name, kind in m.KIND_BY_NAME.items()}
        kinds["claim"] = m.Claim
        records: dict[str, Any] = {}
        for rows in self.records.values():
            for record in rows:
                records.setdefault(record.id, record)  # a duplicate is reported; the first one stands
        for kind, target, file, line, column, where, key in self.refs:
            found = records.get(target)
            refused = self.refused.get(target)
            # A refused fact is still a claim: a reference to it as one is not reported again.
            if target not in records and (refused == kind or (kind == "claim" and refused in m.CLAIM_KINDS)):
                continue
            if not isinstance(found, kinds[kind]):
                what = f"unknown {kind} id {target!r}"
                if found is not None:
                    what = f"{target!r} is {_article(found.kind)} {found.kind}, not {_article(kind)} {kind}"
                self.problems.append(Problem(file, what, line, column, f"{where}.{key}"))
        self._check_paragraphs(records)
        for name in m.CLAIM_KINDS:
            self.records[name] = [_named(claim, records) for claim in self.records[name]]
        claims = {r.id: r for name in m.CLAIM_KINDS for r in self.records[name]}
        sources = {r.id: r for r in self.records["source"]}
        self.records["outcome"] = self._check_outcomes(claims, sources)
        self._check_conflicts(claims)
        return m.FactBase({name: tuple(rows) for name, rows in self.records.items()}, content_hash)

    def _problem(self, record: m.BaseRecord, field: str, message: str) -> None:
        self.problems.append(Problem(record.origin.file, message, record.origin.line, None, f"{record.id}.{field}"))

    def _check_paragraphs(self, records: dict[str, Any]) -> None:
        for source_id, paragraph, file, line, where in self.paragraphs:
            source = records.get(source_id)
            if not isinstance(source, m.Source):
                continue
            if source.document and paragraph is None:
                message = f"source {source_id!r} is a document: give the paragraph"
                self.problems.append(Problem(file, message, line, None, f"{where}.paragraph"))
            elif source.url and paragraph is not None:
                message = f"source {source_id!r} is a web page, which has no numbered paragraphs"
                self.problems.append(Problem(file, message, line, None, f"{where}.paragraph"))

    def _check_outcomes(self, claims: dict[str, m.Claim], sources: dict[str, m.Source]) -> list[m.Outcome]:
        """Each outcome follows a real expectation, once, with evidence published after it."""

        def latest(claim: m.Claim) -> str:
            return max((sources[r.source_id].published for r in claim.sources if r.source_id in sources), default="")

        def earliest(claim: m.Claim) -> str:
            return min((sources[r.source_id].published for r in claim.sources if r.source_id in sources), default="")

        checked: list[m.Outcome] = []
        seen: dict[str, str] = {}
        for outcome in self.records["outcome"]:
            expectation = claims.get(outcome.expectation)
            if expectation is None:
                continue  # reported as an unknown id
            if not expectation.looks_ahead:
                allowed = ", ".join(m.FORWARD_STATUSES)
                message = (
                    f"{outcome.expectation!r} is {expectation.status or 'a quote'}, not an expectation ({allowed})"
                )
                self._problem(outcome, "expectation", message)
                continue
            if outcome.expectation in seen:
                self._problem(
                    outcome,
                    "expectation",
                    f"{outcome.expectation!r} already has an outcome: {seen[outcome.expectation]}",
                )
                continue
            seen[outcome.expectation] = outcome.id
            since = latest(expectation)
            for evidence_id in outcome.evidence:
                evidence = claims.get(evidence_id)
                if evidence is None:
                    continue
                published = earliest(evidence)
                if published and since and published <= since:
                    message = (
                        f"evidence {evidence_id!r} comes from a source published {published}, not after the"
                        f" expectation's source ({since})"
                    )
                    self._problem(outcome, "evidence", message)
                elif published > outcome.as_of.start:
                    self._problem(outcome, "as_of", f"is before evidence {evidence_id!r}, published {published}")
            checked.append(dataclasses.replace(outcome, topics=expectation.topics, entities=expectation.entities))
        return checked

    def _check_conflicts(self, claims: dict[str, m.Claim]) -> None:
        for conflict in self.records["conflict"]:
            found = [claims[c] for c in conflict.claims if c in claims]
            if len(found) == len(conflict.claims) and len({c.source.source_id for c in found}) < 2:
                self._problem(conflict, "claims", "the claims of a conflict must come from at least two sources")


def _named(claim: m.Claim, records: dict[str, Any]) -> m.Claim:
    """The claim with its speaker's and claimant's names, now that every entity is known."""
    if isinstance(claim, m.Quote) and claim.speaker.id:
        speaker = records.get(claim.speaker.id)
        if isinstance(speaker, m.Entity):
            claim = dataclasses.replace(claim, speaker=m.Speaker(speaker.id, speaker.name, speaker.description))
    if claim.attribution is not None and claim.attribution.id:
        claimant = records.get(claim.attribution.id)
        if isinstance(claimant, m.Entity):
            claim = dataclasses.replace(claim, attribution=m.Attribution(claimant.id, claimant.name))
    return claim


def _parse_date(text: str, f: _Fields, key: str) -> m.DateSpec | None:
    parts = text.split("/")
    specs = []
    for part in parts:
        found = DATE_PATTERN.match(part)
        if not found or len(parts) > 2:
            f.problem(
                key,
                f"{text!r} is not a date of the form YYYY, YYYY-MM, YYYY-MM-DD or START/END",
                f.get(key, required=False),
            )
            return None
        year, month, day = found.groups()
        if not _real_date(int(year), int(month or 1), int(day or 1)):
            f.problem(key, f"{text!r} is not a real date", f.get(key, required=False))
            return None
        specs.append((part, "day" if day else "month" if month else "year"))
    if len(specs) == 2 and (specs[0][1] != specs[1][1] or specs[0][0] > specs[1][0]):
        f.problem(
            key,
            f"{text!r}: a range needs two dates of the same precision, in order",
            f.get(key, required=False),
        )
        return None
    precision: m.Precision = specs[0][1]  # type: ignore[assignment]
    return m.DateSpec(text, precision, specs[0][0], specs[1][0] if len(specs) == 2 else None)


class _Fields:
    """Typed access to one YAML mapping; each failed check becomes a Problem, each read key is noted."""

    def __init__(self, node: Mapping, file: str, where: str, problems: list[Problem]) -> None:
        self.node = node
        self.file = file
        self.where = where
        self.problems = problems
        self.seen: set[str] = set()
        self.origin = m.Origin(file, node.mark.line)

    def line_of(self, key: str) -> int:
        item = self.node.items.get(key)
        return item.mark.line if item is not None else self.node.mark.line

    def problem(self, key: str, message: str, node: Node | None = None) -> None:
        mark = node.mark if node is not None else self.node.mark
        self.problems.append(Problem(self.file, message, mark.line, mark.column, f"{self.where}.{key}"))

    def get(self, key: str, *, required: bool) -> Node | None:
        self.seen.add(key)
        node = self.node.items.get(key)
        if node is None and required:
            self.problem(key, "required field is missing")
        return node

    def reject_unknown(self) -> None:
        for key, mark in self.node.keys.items():
            if key not in self.seen:
                self.problems.append(Problem(self.file, "unknown field", mark.line, mark.column, f"{self.where}.{key}"))

    def _scalar(self, key: str, *, required: bool, nullable: bool = False) -> Scalar | None:
        node = self.get(key, required=required)
        if node is None:
            return None
        if not isinstance(node, Scalar):
            self.problem(key, f"expected a single value, got {_as_written(node)}", node)
            return None
        if node.value is None and not nullable:
            self.problem(
                key, "must not be empty" if required else "must not be empty (leave the field out instead)", node
            )
            return None
        return node

    def text(self, key: str, *, required: bool = True, nullable: bool = False) -> str:
        node = self._scalar(key, required=required, nullable=nullable)
        if node is None or node.value is None:
            return ""
        return self._check_text(key, node.value, node)

    def _check_text(self, key: str, value: object, node: Node) -> str:
        if isinstance(value, TimestampText):
            self.problem(key, f'unquoted date {value}; write it in quotes: "{value}"', node)
            return ""
        if not isinstance(value, str):
            self.problem(key, f"expected text, got {_as_written(node)}; put it in quotes", node)
            return ""
        if not value.strip():
            self.problem(key, "must not be blank", node)
            return ""
        bad = unsafe_char_problem(value, self.file, node.mark.line, node.mark.column, f"{self.where}.{key}")
        if bad is not None:
            self.problems.append(bad)
            return ""
        return value

    def ident(self) -> str:
        value = self.text("id")
        if value and not ID_PATTERN.match(value):
            self.problem(
                "id",
                f"{value!r} is not a valid id (lowercase letters, digits and '-')",
                self.get("id", required=False),
            )
            return ""
        return value

    def text_list(self, key: str, *, required: bool, nonempty: bool = False) -> tuple[str, ...]:
        return tuple(value for value, _ in self.text_items(key, required=required, nonempty=nonempty))

    def text_items(self, key: str, *, required: bool, nonempty: bool = False) -> list[tuple[str, Node]]:
        """The texts of a list field, each with its node, so later problems can point at the item."""
        node = self.get(key, required=required)
        if node is None:
            return []
        if not isinstance(node, Sequence):
            self.problem(key, f"expected a list, got {_as_written(node)}", node)
            return []
        if nonempty and not node.items:
            self.problem(key, "must list at least one id", node)
        values: list[tuple[str, Node]] = []
        for item in node.items:
            if not isinstance(item, Scalar):
                self.problem(key, f"expected text in the list, got {_as_written(item)}", item)
                continue
            value = self._check_text(key, item.value, item)
            if value:
                values.append((value, item))
        return values

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = self.text(key)
        if value and value not in allowed:
            self.problem(key, f"unknown value {value!r} (allowed: {', '.join(allowed)})", self.get(key, required=False))
            return ""
        return value

    def number(self, key: str) -> float | None:
        node = self._scalar(key, required=True)
        if node is None:
            return None
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            self.problem(key, f"expected a number, got {_as_written(node)}", node)
            return None
        return node.value

    def integer(self, key: str, *, minimum: int) -> int | None:
        node = self._scalar(key, required=True)
        if node is None:
            return None
        if isinstance(node.value, bool) or not isinstance(node.value, int) or node.value < minimum:
            self.problem(key, f"expected a whole number of at least {minimum}, got {_as_written(node)}", node)
            return None
        return node.value

    def boolean(self, key: str) -> bool | None:
        node = self._scalar(key, required=True)
        if node is None:
            return None
        if not isinstance(node.value, bool):
            self.problem(key, f"expected true or false, got {_as_written(node)}", node)
            return None
        return node.value


def _as_written(node: Node) -> str:
    """What the file holds at `node`, in words a YAML author recognises."""
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    value = node.value
    if isinstance(value, bool):
        return f"the boolean {node.raw}"
    if isinstance(value, int | float):
        return f"the number {node.raw}"
    if value is None:
        return "nothing"
    return f"text {node.raw!r}"


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _is_day(text: str) -> bool:
    found = DATE_PATTERN.match(text)
    return bool(found and found.group(3) and _real_date(*(int(g) for g in found.groups())))


def _real_date(year: int, month: int, day: int) -> bool:
    import datetime

    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _plain_id(item: Mapping) -> str | None:
    node = item.items.get("id")
    if isinstance(node, Scalar) and isinstance(node.value, str) and ID_PATTERN.match(node.value):
        return node.value
    return None
