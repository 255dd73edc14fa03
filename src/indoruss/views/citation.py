"""A citation in each style `cite --style` offers: plain, Markdown, BibTeX and CSL-JSON.

Every style cites the claim, not only its source: the claim's words, status and voice go in the text (plain,
Markdown) or in each entry's `note` (BibTeX, CSL-JSON), once per source the record cites. No style breaks a
line inside a text: a BibTeX entry has one field a line, and a field is never broken.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import records as m
from ..model.citing import Citation, ClaimCitation
from . import markdown

# A news outlet's article: @article (entrysubtype newspaper) in BibTeX, article-newspaper in CSL.
ARTICLE_KINDS = ("news-report", "wire", "interview", "analysis")


def render(cited: ClaimCitation, style: str) -> str:
    """The citation in `style`, without a final newline."""
    if style == "markdown":
        return as_markdown(cited)
    if style == "bibtex":
        return as_bibtex(cited)
    if style == "csl-json":
        from .jsondoc import dumps

        return dumps(as_csl(cited))
    return cited.plain()


def as_markdown(cited: ClaimCitation) -> str:
    sources = [markdown.citation(c) for c in cited.sources]
    if cited.said is None:
        return " ".join(sources)
    labelled = [("Source: " if i == 0 else "Also in: ") + s for i, s in enumerate(sources)]
    return " ".join([markdown.escape(cited.claim), *labelled])


# -- keys ----------------------------------------------------------------------------------------------------

_UNSAFE_KEY = re.compile(r"[^A-Za-z0-9_.:-]+")


def key(record_id: str, position: int) -> str:
    """A citation key from a record id that BibTeX, biber and pandoc all accept: ASCII letters, digits and
    `_.:-`, starting with a letter or digit; the second source of a record gets `-2`, and so on."""
    safe = _UNSAFE_KEY.sub("-", record_id).strip("-.:") or "record"
    if not safe[0].isalnum():
        safe = "r" + safe
    return safe if position == 0 else f"{safe}-{position + 1}"


# -- BibTeX -----------------------------------------------------------------------------------------------------

# LaTeX's special characters, as text. Braces become commands rather than \{ and \}: BibTeX counts every brace,
# escaped or not, so a lone \{ would leave the field unbalanced. Non-ASCII text stays UTF-8 as it is.
_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_LATEX_SPECIAL = re.compile("[" + re.escape("".join(_LATEX)) + "]")


def latex(text: str) -> str:
    """Text for a BibTeX field: on one line, LaTeX's special characters escaped."""
    return _LATEX_SPECIAL.sub(lambda found: _LATEX[found.group()], " ".join(text.split()))


def bibtex_url(url: str) -> str:
    """A URL for BibTeX's verbatim `url` field: only what would unbalance the field is percent-encoded."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


def _entry_type(source: m.Source) -> str:
    if source.url is None:
        return "misc"  # a document, such as the preview: a text file
    return "article" if source.source_kind in ARTICLE_KINDS and source.publisher else "online"


def _note(cited: ClaimCitation, cite: Citation) -> str:
    """The claim and the place in this source it is read from: what the entry's note holds."""
    where = f" Paragraph {cite.paragraph}." if cite.paragraph is not None else ""
    return (cited.claim + where).strip()


def _bibtex_entry(cited: ClaimCitation, cite: Citation, position: int) -> str:
    source = cite.source
    kind = _entry_type(source)
    fields: list[tuple[str, str]] = [("title", latex(source.title))]
    if kind == "article":
        fields += [("journal", latex(source.publisher or "")), ("entrysubtype", "newspaper")]
    elif source.publisher:
        fields.append(("publisher", latex(source.publisher)))
    fields += [("date", source.published), ("year", source.published[:4])]
    if source.url:
        fields.append(("url", bibtex_url(source.url)))
    elif source.document:
        fields.append(("howpublished", latex(source.document)))
    fields.append(("language", latex(source.language)))
    note = _note(cited, cite)
    if note:
        fields.append(("note", latex(note)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{key(cited.record.id, position)},\n{body}\n}}"


def as_bibtex(cited: ClaimCitation) -> str:
    """One entry per source the record cites, the main one first."""
    return "\n\n".join(_bibtex_entry(cited, cite, i) for i, cite in enumerate(cited.sources))


# -- CSL-JSON ---------------------------------------------------------------------------------------------------


def _csl_type(source: m.Source) -> str:
    if source.source_kind == "dataset":
        return "dataset"
    if source.url is None:
        return "document"
    return "article-newspaper" if source.source_kind in ARTICLE_KINDS else "webpage"


def _csl_item(cited: ClaimCitation, cite: Citation, position: int) -> dict[str, Any]:
    source = cite.source
    kind = _csl_type(source)
    item: dict[str, Any] = {"id": key(cited.record.id, position), "type": kind, "title": source.title}
    if source.publisher:
        # An article's or a web page's outlet is its container; a document's or a data set's, its publisher.
        item["container-title" if kind in ("article-newspaper", "webpage") else "publisher"] = source.publisher
    item["issued"] = {"date-parts": [[int(part) for part in source.published.split("-")]]}
    if source.url:
        item["URL"] = source.url
    item["language"] = source.language
    note = _note(cited, cite)
    if note:
        item["note"] = note
    return item


def as_csl(cited: ClaimCitation) -> list[dict[str, Any]]:
    """CSL-JSON, as pandoc's citeproc and Zotero read it: an array of items, one per source."""
    return [_csl_item(cited, cite, i) for i, cite in enumerate(cited.sources)]
