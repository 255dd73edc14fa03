"""Markdown for briefs and citations."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import records as m
from ..model.citing import Citation
from ..model.citing import citation as find_citation

if TYPE_CHECKING:
    from ..model.analysis import BriefSection

# `&` too: a Markdown renderer would otherwise decode entities such as &rlm; into real characters.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&])")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def citation(found: Citation) -> str:
    source = found.source
    where = f"¶{found.paragraph}" if found.paragraph is not None else f"<{source.url}>"
    return f"*{escape(source.title)}*. {escape(source.publisher_shown)}, {source.published}, {where}."


def _cite(fb: m.FactBase, record: m.Record) -> str:
    """The record's id, to pass on to `show` or `cite`, then its source: ` [`id` source ¶N]`."""
    cite = find_citation(fb, record)
    if cite is None:
        return f" [`{record.id}`]"
    prefix = "" if len(fb.sources) == 1 else f"{cite.source.id} "
    where = f"¶{cite.paragraph}" if cite.paragraph is not None else "web"
    return f" [`{record.id}` {prefix}{where}]"


def _came(section: BriefSection, claim_id: str) -> str:
    outcome = section.outcomes.get(claim_id)
    if outcome is None:
        return ""
    return f" Outcome as of {outcome.as_of.text}: **{outcome.verdict}**, {escape(outcome.summary)}"


def brief(fb: m.FactBase, sections: list[BriefSection]) -> str:
    out = ["# Briefing: the India-Russia summit of December 2025", ""]
    out.append(
        f"Fact base {fb.fingerprint}. Each claim ends with its id and its source (¶: a paragraph of a document); "
        "statuses:"
    )
    out.append("")
    out += [f"- **{status}**: {meaning}" for status, meaning in m.STATUSES.items()]
    for section in sections:
        out += ["", f"## {escape(section.topic.title)}", ""]
        for fact in section.facts:
            out.append(f"- {escape(fact.statement)} *({fact.status})*{_cite(fb, fact)}{_came(section, fact.id)}")
        if section.figures:
            out += [
                "",
                "| Figure | Measures | Qualifier | Period | Status | Id and source |",
                "|---|---|---|---|---|---|",
            ]
            for fig in section.figures:
                cells = [fig.display, fig.measures, fig.qualifier, fig.period or "", fig.status]
                out.append("| " + " | ".join([*(escape(c) for c in cells), _cite(fb, fig).strip()]) + " |")
        for quote in section.quotes:
            out += [
                "",
                f"> \u201c{escape(quote.shown_text)}\u201d",
                ">",
                f"> \u2014 {escape(quote.speaker.name)}, {escape(quote.context)}{_cite(fb, quote)}",
            ]
    out += ["", "## Sources", ""]
    for source in fb.sources:
        out.append(f"- `{source.id}`: *{escape(source.title)}*. {escape(source.publisher_shown)}, {source.published}.")
    return "\n".join(out) + "\n"
