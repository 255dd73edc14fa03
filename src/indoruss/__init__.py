"""indoruss: a command-line knowledge base of the India-Russia summit of December 2025."""

__version__ = "0.1.0"
