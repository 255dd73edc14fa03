"""Checking a fact base against the text it was built from: quotes verbatim, figures as written."""

from __future__ import annotations

from ..errors import Problem
from ..model import records as m
from ..text import normalise_typography


def paragraphs(text: str) -> list[str]:
    """The report's paragraphs: its non-empty lines, normalised, numbered from 1 by their position + 1."""
    return [normalise_typography(line) for line in text.splitlines() if line.strip()]


def check_against(fb: m.FactBase, text: str, shown: str) -> list[Problem]:
    """Every quote must stand verbatim, and every figure's display form appear, in its cited paragraph."""
    paras = paragraphs(text)
    problems: list[Problem] = []

    def check(record: m.Quote | m.Figure, needle: str, field: str, what: str) -> None:
        wanted = normalise_typography(needle)
        paragraph = record.source.paragraph or 0
        if 1 <= paragraph <= len(paras) and wanted in paras[paragraph - 1]:
            return
        elsewhere = [i + 1 for i, para in enumerate(paras) if wanted in para]
        if elsewhere:
            message = f"{what} is in paragraph {elsewhere[0]} of {shown}, not in the cited paragraph {paragraph}"
        else:
            message = f"{what} does not appear in {shown}: {needle!r}"
        problems.append(Problem(record.origin.file, message, record.origin.line, None, f"{record.id}.{field}"))

    # Only what cites a document by paragraph can be checked against a text; web pages are cited by URL.
    for quote in fb.of(m.Quote):
        if quote.source.paragraph is not None:
            check(quote, quote.text, "text", "quote")
    for figure in fb.of(m.Figure):
        if figure.source.paragraph is not None:
            check(figure, figure.display, "display", "figure display form")
    return problems
