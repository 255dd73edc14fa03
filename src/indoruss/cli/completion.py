"""Shell completion for bash, zsh and fish: the scripts, and how each shell is handed its candidates.

Typer's own bash script puts a candidate into the command line as it is, so `quotes --by Dmi<TAB>` gave
`--by Dmitry Peskov`, two words; its zsh script is read only at the second TAB when installed as an
autoloaded function, and breaks on a description with an apostrophe; and for zsh and fish it takes an
escaped or quoted space at the end of the line for the end of a word. Here bash gets each candidate quoted
for the shell (inside the quote the word opens with, if any); zsh gets a script that works both sourced and
autoloaded and lets zsh quote what it inserts; fish, which quotes what it inserts itself, keeps Typer's
script. The program has already kept only the candidates that fit the word typed, in any case, so zsh is
told to use them all (`-U`). `--show-completion` and `--install-completion` take the shell's name; without
it, they use the shell they run in, as Typer does.
"""

from __future__ import annotations

import os
import re
from typing import Any

PROG = "indoruss"
COMPLETE_VAR = "_INDORUSS_COMPLETE"
SHELLS = ("bash", "zsh", "fish")

# The words typed so far reach the program joined by newlines (IFS), so that one word may hold spaces.
BASH_SCRIPT = """\
_%(prog_name)s_completion() {
    local IFS=$'\\n'
    COMPREPLY=( $( env COMP_WORDS="${COMP_WORDS[*]}" \\
                   COMP_CWORD=$COMP_CWORD \\
                   %(autocomplete_var)s=complete_bash "$1" ) )
    return 0
}

complete -o default -F _%(prog_name)s_completion %(prog_name)s
"""

# Sourced, the file registers the function; autoloaded from $fpath (as --install-completion sets it up),
# the file is the function's body, and the first TAB must complete rather than only define it.
ZSH_SCRIPT = """\
#compdef %(prog_name)s

_%(prog_name)s() {
  local -a candidates
  candidates=( "${(@f)$(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" \\
                        %(autocomplete_var)s=complete_zsh %(prog_name)s)}" )
  if [[ -n ${candidates[1]} ]]; then
    _describe -t values %(prog_name)s candidates -U
  else
    _files
  fi
}

if [[ ${funcstack[1]} == _%(prog_name)s ]]; then
  _%(prog_name)s "$@"
else
  compdef _%(prog_name)s %(prog_name)s
fi
"""

_PLAIN_WORD = re.compile(r"[\w@%+=:,./-]+")


def bash_word(value: str, opening: str = "") -> str:
    """The candidate as bash must see it to keep it one word: `Dmitry Peskov` becomes `'Dmitry Peskov'`;
    after an opening double quote, `"Dmitry Peskov"`."""
    import shlex

    if opening == '"':
        return '"' + re.sub(r'(["\\$`])', r"\\\1", value) + '"'
    if opening == "'":
        return "'" + value.replace("'", "'\"'\"'") + "'"
    return value if _PLAIN_WORD.fullmatch(value) else shlex.quote(value)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def register() -> None:
    """Put these scripts and classes in place of Typer's. Typer registers its own each time it builds the
    command, so this runs after that."""
    from typer import _completion_shared as shared
    from typer._click.shell_completion import add_completion_class
    from typer._completion_classes import BashComplete, FishComplete, ZshComplete

    class AnyCase:
        """Typer keeps only candidates that start with the word as typed, case and all; `show Pes` offers
        the ids (`peskov`...) as well as the name, so a word with capitals is also asked for in lower case."""

        def get_completions(self, args: list[str], incomplete: str) -> list[Any]:
            found: list[Any] = super().get_completions(args, incomplete)  # type: ignore[misc]
            folded = incomplete.casefold()
            if folded != incomplete:
                seen = {item.value for item in found}
                more = super().get_completions(args, folded)  # type: ignore[misc]
                found += [item for item in more if item.value not in seen]
            return found

    class Bash(AnyCase, BashComplete):
        source_template = BASH_SCRIPT
        opening = ""  # the quote the word being completed opens with, if any

        def get_completion_args(self) -> tuple[list[str], str]:
            typed = os.environ.get("COMP_WORDS", "").split("\n")  # as the user wrote them, quotes and all
            index = int(os.environ.get("COMP_CWORD", "0"))
            word = typed[index] if 0 <= index < len(typed) else ""
            self.opening = word[:1] if word[:1] in ("'", '"') else ""
            return super().get_completion_args()

        def format_completion(self, item: Any) -> str:
            return bash_word(str(item.value), self.opening)

    class WholeWords:
        """zsh and fish hand over the line as typed; Typer takes a line ending in a space for one ending
        between words, so `show Dmitry\\ <TAB>` or `show 'Dmitry <TAB>` offered nothing."""

        def get_completion_args(self) -> tuple[list[str], str]:
            from typer._click.shell_completion import split_arg_string

            line = os.environ.get("_TYPER_COMPLETE_ARGS", "")
            words = split_arg_string(line)
            if len(words) < 2 or split_arg_string(line + "x")[-1] == "x":  # the line ends between words
                return words[1:], ""
            return words[1:-1], words[-1]

    class Zsh(WholeWords, AnyCase, ZshComplete):
        source_template = ZSH_SCRIPT

        def format_completion(self, item: Any) -> str:
            # _describe reads `value:description`; a colon inside the value is escaped.
            value = _one_line(str(item.value)).replace("\\", "\\\\").replace(":", "\\:")
            return f"{value}:{_one_line(item.help)}" if item.help else value

        def complete(self) -> str:
            args, incomplete = self.get_completion_args()
            return "\n".join(self.format_completion(item) for item in self.get_completions(args, incomplete))

    class Fish(WholeWords, AnyCase, FishComplete):
        pass

    add_completion_class(Bash, "bash")
    add_completion_class(Fish, "fish")
    add_completion_class(Zsh, "zsh")
    shared._completion_scripts["bash"] = BASH_SCRIPT
    shared._completion_scripts["zsh"] = ZSH_SCRIPT


def shell_asked_for(args: list[str]) -> tuple[str, str] | None:
    """(`show` or `install`, shell) when the command line is `--show-completion SHELL` or
    `--install-completion SHELL` (or `=SHELL`): Typer's options take no value and would ignore the shell named."""
    for index, arg in enumerate(args):
        if arg == "--":
            break
        name, _, value = arg.partition("=")
        if name not in ("--show-completion", "--install-completion"):
            continue
        if not value and index + 1 < len(args):
            value = args[index + 1]
        if value:
            return name.removeprefix("--").removesuffix("-completion"), value
    return None


def run_completion_option(action: str, shell: str) -> int:
    """Print the script for `shell`, or install it in the user's shell start-up files; an exit code."""
    import sys

    from typer import _completion_shared as shared

    if shell not in SHELLS:
        sys.stderr.write(f"Error: no completion for the shell {shell!r} (choose from {', '.join(SHELLS)})\n")
        return 2
    register()
    if action == "show":
        script = shared.get_completion_script(prog_name=PROG, complete_var=COMPLETE_VAR, shell=shell)
        sys.stdout.write(script + "\n")
        return 0
    _, path = shared.install(shell=shell, prog_name=PROG, complete_var=COMPLETE_VAR)
    sys.stdout.write(f"{shell} completion installed in {path}\n")
    sys.stdout.write("Completion will take effect once you restart the terminal\n")
    return 0


def completing() -> bool:
    """True when the shell is asking for candidates rather than running a command."""
    return COMPLETE_VAR in os.environ
