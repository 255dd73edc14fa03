"""The one place that decides how a command's data is shown: JSON first, then Rich or plain text.

JSON goes to stdout and nothing else does when --json is given. For people, a terminal gets Rich
tables and panels; a pipe or file gets plain tab-separated lines with no colour or boxes (the lists are
written as TSV by views/formats.py instead). INDORUSS_OUTPUT=rich|plain overrides the choice (for pagers,
and for scripts that want the header-less lines). On a terminal, a view longer than the screen goes through
the pager (views/pager.py), unless --no-pager.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from ..safety import printable_line, shorten
from .stream import STDOUT, TERMINAL, write
from .stream import warn as warn  # where the commands have always found it

if TYPE_CHECKING:
    from ..model import records as m
    from ..model.analysis import BriefSection, Detail, Entry
    from ..model.citing import ClaimCitation
    from ..model.outcomes import ConflictView, Scorecard, SourceUse
    from ..model.queries import TopicCount, TopicDetail
    from ..search.ranking import Hit


class View(Protocol):
    """What a human view shows, command by command. The plain and the Rich view both implement it."""

    def search(self, fb: m.FactBase, hits: list[Hit], query: str) -> None: ...
    def topics(self, fb: m.FactBase, rows: list[TopicCount]) -> None: ...
    def topic(self, fb: m.FactBase, shown: TopicDetail) -> None: ...
    def quotes(self, fb: m.FactBase, chosen: list[m.Quote]) -> None: ...
    def figures(self, fb: m.FactBase, chosen: list[m.Figure]) -> None: ...
    def actors(self, fb: m.FactBase, chosen: list[m.Entity]) -> None: ...
    def show(self, fb: m.FactBase, shown: Detail) -> None: ...
    def timeline(self, fb: m.FactBase, entries: list[Entry]) -> None: ...
    def brief(self, fb: m.FactBase, sections: list[BriefSection]) -> None: ...
    def cite(self, fb: m.FactBase, cited: ClaimCitation, style: str) -> None: ...
    def outcomes(self, fb: m.FactBase, card: Scorecard) -> None: ...
    def sources(self, fb: m.FactBase, uses: list[SourceUse]) -> None: ...
    def conflicts(self, fb: m.FactBase, shown: list[ConflictView]) -> None: ...
    def records(self, fb: m.FactBase, chosen: list[m.Claim], title: str) -> None: ...


OUTPUT_STYLES = ("rich", "plain")


def forced_style() -> str | None:
    """The view INDORUSS_OUTPUT asks for, rich or plain, or None when it leaves the choice to stdout. Any
    other value is an error, never silently ignored."""
    chosen = os.environ.get("INDORUSS_OUTPUT", "").lower()
    if chosen in OUTPUT_STYLES:
        return chosen
    if chosen:
        from ..errors import BadSetting

        raise BadSetting(
            f"INDORUSS_OUTPUT={printable_line(shorten(chosen, 40))!r} is not one of {', '.join(OUTPUT_STYLES)} "
            "(or unset: rich on a terminal, plain elsewhere)"
        )
    return None


def human_style() -> str:
    forced = forced_style()
    if forced is not None:
        return forced
    return "rich" if sys.stdout is not None and sys.stdout.isatty() else "plain"


def human_view() -> View:
    """The view for people: Rich on a terminal, plain lines elsewhere. Rich is imported only when used."""
    if human_style() == "rich":
        from .terminal import RichView

        return RichView()
    from .plain import PlainView

    return PlainView()


def emit(as_json: bool, to_json: Callable[[], Any], show: Callable[[View], None]) -> None:
    """Show one command's result: the JSON document, or what `show` draws with the chosen human view."""
    if as_json:
        from .jsondoc import dumps

        write(dumps(to_json()) + "\n")
    else:
        for_people(lambda: show(human_view()))


# -- on a terminal: colour and the pager --------------------------------------------------------------------


def for_people(draw: Callable[[], None]) -> None:
    """Draw a view for people: through the pager when it is a terminal's and longer than the screen."""
    if TERMINAL.pager and STDOUT.isatty():
        from .pager import paged  # only a terminal loads the pager

        paged(draw)
    else:
        draw()
