"""The global options that change only what a terminal shows: colour and the pager."""

from __future__ import annotations


class Terminal:
    """--color and --no-pager, as the command line set them for this run."""

    def __init__(self) -> None:
        self.pager = True
        self.color = "auto"  # auto, always or never


TERMINAL = Terminal()


def configure(pager: bool, color: str) -> None:
    TERMINAL.pager, TERMINAL.color = pager, color
