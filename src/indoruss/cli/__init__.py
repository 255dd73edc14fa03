"""The command line: thin Typer commands and the one funnel from errors to exit codes."""
