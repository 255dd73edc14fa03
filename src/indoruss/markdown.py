"""Markdown for briefs and citations, and the field list of one record that every human view shares."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import model as m
from .describe import citation

if TYPE_CHECKING:
    from .analysis import BriefSection

# `&` too: a Markdown renderer would otherwise decode entities such as &rlm; into real characters.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&])")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _cite(fb: m.FactBase, record: m.Record) -> str:
    cite = citation(fb, record)
    if cite is None:
        return ""
    prefix = "" if len(fb.sources) == 1 else f"{cite.source.id} "
    return f" [{prefix}¶{cite.paragraph}]"


def brief(fb: m.FactBase, sections: list[BriefSection]) -> str:
    out = ["# Briefing: the India-Russia summit of December 2025", ""]
    out.append(f"Fact base {fb.fingerprint}. Each claim ends with its source paragraph; statuses:")
    out.append("")
    out += [f"- **{status}**: {meaning}" for status, meaning in m.STATUSES.items()]
    for section in sections:
        out += ["", f"## {escape(section.topic.title)}", ""]
        out += [f"- {escape(f.statement)} *({f.status})*{_cite(fb, f)}" for f in section.facts]
        if section.figures:
            out += ["", "| Figure | Measures | Qualifier | Period | Status | Source |", "|---|---|---|---|---|---|"]
            for fig in section.figures:
                cells = [fig.display, fig.measures, fig.qualifier, fig.period or "", fig.status]
                out.append("| " + " | ".join([*(escape(c) for c in cells), _cite(fb, fig).strip()]) + " |")
        for quote in section.quotes:
            out += [
                "",
                f"> \u201c{escape(quote.text)}\u201d",
                ">",
                f"> \u2014 {escape(quote.speaker.name)}, {escape(quote.context)}{_cite(fb, quote)}",
            ]
    out += ["", "## Sources", ""]
    for source in fb.sources:
        publisher = source.publisher or "publisher not stated"
        out.append(f"- `{source.id}`: *{escape(source.title)}*. {escape(publisher)}, {source.published}.")
    return "\n".join(out) + "\n"
