"""Shell completion as bash, zsh and fish do it: each script is sourced (or installed) in that shell, which is
asked for its candidates, or typed into on a pseudo-terminal, TAB included, to read back the command line
it completed, and that line is then run.

zsh and fish are installed by .ci/run; in CI a missing shell fails these tests, elsewhere it skips them.
"""

from __future__ import annotations

import fcntl
import os
import select
import shutil
import signal
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
import yaml

from indoruss.loading.paths import bundled_data_dir

BIN = Path(sys.executable).parent  # where the installation put the `indoruss` command
SHELLS = ("bash", "zsh", "fish")


def need(shell: str) -> str:
    found = shutil.which(shell)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{shell} is not installed; .ci/run installs it, and CI never skips this test")
        pytest.skip(f"{shell} is not installed here (.ci/run installs it with apt-get for CI)")
    return found


def shell_env(home: Path) -> dict[str, str]:
    """A user whose home is `home`, with the `indoruss` under test first on PATH."""
    env = {k: v for k, v in os.environ.items() if k not in ("ZDOTDIR", "BASH_ENV", "ENV", "PROMPT_COMMAND")}
    assert (BIN / "indoruss").exists(), f"no indoruss command in {BIN}"
    return {
        **env,
        "HOME": str(home),
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "TERM": "xterm",
        "NO_COLOR": "1",
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
    }


def indoruss(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "indoruss"), *args], env=shell_env(home), capture_output=True, text=True, check=False
    )


def script(shell: str, home: Path) -> str:
    done = indoruss(home, "--show-completion", shell)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return done.stdout


def ids_in_yaml(section: str | None = None) -> set[str]:
    """The ids of every record (or of one section: "sources"...) as the YAML files write them."""
    found: set[str] = set()
    for file in bundled_data_dir().rglob("*.yaml"):
        for name, records in yaml.safe_load(file.read_text(encoding="utf-8")).items():
            if isinstance(records, list) and section in (None, name):
                found.update(r["id"] for r in records)
    return found


def peskov_quotes() -> list[str]:
    return sorted(
        q["id"]
        for file in bundled_data_dir().rglob("quotes.yaml")
        for q in yaml.safe_load(file.read_text(encoding="utf-8"))["quotes"]
        if q["speaker"] == "peskov"
    )


def ids_listed(stdout: str) -> list[str]:
    """The ids of the quotes a command line listed: in a pipe, TSV under its header row."""
    header, *rows = stdout.splitlines()
    assert header.startswith("id\tkind\t")
    return sorted(line.split("\t")[0] for line in rows)


# -- bash: the function the script defines fills COMPREPLY ------------------------------------------------


def bash_candidates(tmp_path: Path, *words: str) -> list[str]:
    need("bash")
    (tmp_path / "indoruss.bash").write_text(script("bash", tmp_path), encoding="utf-8")
    typed = " ".join(f"'{w}'" for w in words)
    probe = f"""
source {tmp_path}/indoruss.bash
COMP_WORDS=({typed}); COMP_CWORD={len(words) - 1}
_indoruss_completion indoruss
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    done = subprocess.run(["bash", "-c", probe], env=shell_env(tmp_path), capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return done.stdout.splitlines()


def test_bash_completes_a_name_with_spaces_to_one_quoted_word(tmp_path: Path) -> None:
    assert bash_candidates(tmp_path, "indoruss", "quotes", "--by", "Dmi") == ["'Dmitry Peskov'"]
    # The completed line, as bash reads it, is a working command.
    done = subprocess.run(
        ["bash", "-c", "indoruss quotes --by 'Dmitry Peskov'"], env=shell_env(tmp_path), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert ids_listed(done.stdout) == peskov_quotes()


def test_bash_show_offers_ids_and_names(tmp_path: Path) -> None:
    offered = bash_candidates(tmp_path, "indoruss", "show", "Pes")
    # Peskov's entity lists "Peskov" among its aliases; its id and the ids of records about him start with it.
    assert offered[0] == "Peskov"
    assert sorted(offered[1:]) == sorted(i for i in ids_in_yaml() if i.startswith("pes"))
    assert "peskov" in offered and len(offered) > 2
    for candidate in offered:
        assert indoruss(tmp_path, "show", candidate).returncode == 0, candidate
    two_words = bash_candidates(tmp_path, "indoruss", "show", "Dmitry")
    assert two_words == ["'Dmitry Peskov'"]


def test_bash_offers_topics_sources_and_commands(tmp_path: Path) -> None:
    assert bash_candidates(tmp_path, "indoruss", "topics", "de") == ["defence"]
    assert bash_candidates(tmp_path, "indoruss", "sea") == ["search"]
    # `sources ID` takes a source's id: nothing else is offered there.
    offered = bash_candidates(tmp_path, "indoruss", "sources", "india")
    assert sorted(offered) == sorted(i for i in ids_in_yaml("sources") if i.startswith("india"))
    assert len(offered) > 1


# -- fish: `complete -C` asks fish itself for the candidates ----------------------------------------------


def test_fish_offers_whole_names_and_records(tmp_path: Path) -> None:
    need("fish")
    (tmp_path / "indoruss.fish").write_text(script("fish", tmp_path), encoding="utf-8")

    def ask(line: str) -> list[str]:
        probe = f"source {tmp_path}/indoruss.fish; complete -C'{line}'"
        done = subprocess.run(
            ["fish", "--no-config", "-c", probe], env=shell_env(tmp_path), capture_output=True, text=True
        )
        assert done.returncode == 0 and done.stderr == "", done.stderr
        return done.stdout.splitlines()

    # fish quotes what it inserts itself: the candidate is the name as it is.
    assert ask("indoruss quotes --by Dmi") == ["Dmitry Peskov"]
    assert ask("indoruss show Pes") == ["Peskov\tentity peskov"]
    # A space already typed, escaped or inside an open quote, belongs to the word being completed.
    assert ask("indoruss show Dmitry\\ ") == ask("indoruss show \\'Dmitry ") == ["Dmitry Peskov\tentity peskov"]
    summary = "fact: Peskov confirmed the S-400 will be discussed, saying some\u2026"
    assert ask("indoruss show s-400-on-ag") == [f"s-400-on-agenda\t{summary}"]


# -- every shell, typed into: TAB, then the command line the shell holds -----------------------------------

READY = "ready-for-typing"


def set_up(shell: str, home: Path, how: str, out: Path) -> None:
    """The shell's start-up file: the completion as `how` puts it there, then a key (Ctrl-T) that writes
    the command line being edited to `out`."""
    if how == "install":
        done = indoruss(home, "--install-completion", shell)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(f"{shell} completion installed in {home}/")
    source = home / f"completion.{shell}"
    source.write_text(script(shell, home), encoding="utf-8")
    rc = {
        "bash": home / ".bashrc",
        "zsh": home / ".zshrc",
        "fish": home / ".config" / "fish" / "config.fish",
    }[shell]
    # Installed, the completion is in the start-up files already; sourced, zsh needs its completion system.
    sourced = {"zsh": ["autoload -Uz compinit; compinit -u", f"source {source}"]}.get(shell, [f"source {source}"])
    keys = {
        "bash": [f'bind -x \'"\\C-t": printf "%s\\n" "$READLINE_LINE" > {out}\''],
        "zsh": [f'dump() {{ print -r -- "$BUFFER" > {out} }}', "zle -N dump", "bindkey '^T' dump"],
        "fish": [f"bind \\ct 'commandline > {out}'"],
    }[shell]
    lines = [*(sourced if how == "source" else []), *keys]
    rc.parent.mkdir(parents=True, exist_ok=True)
    with rc.open("a", encoding="utf-8") as handle:
        # fish reads config.fish for `fish -c` too: only the interactive shell says it is ready.
        ready = f"status is-interactive; and echo {READY}" if shell == "fish" else f"echo {READY}"
        handle.write("\n" + "\n".join([*lines, ready]) + "\n")


def line_after_tab(shell: str, home: Path, typed: str, how: str) -> str:
    """Run `shell` interactively on a pseudo-terminal, type `typed`, TAB and Ctrl-T, and return the line."""
    out = home / "line.txt"
    set_up(shell, home, how, out)
    master, slave = os.openpty()

    def terminal() -> None:  # the pseudo-terminal becomes the shell's own, as in a terminal window
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    process = subprocess.Popen(
        [need(shell), "-i"], stdin=slave, stdout=slave, stderr=slave, env=shell_env(home), preexec_fn=terminal
    )
    os.close(slave)
    seen = b""
    try:
        # Waiting is bounded only so that a broken shell cannot hang the suite; nothing here is timed.
        deadline = time.monotonic() + 90
        typed_yet = False
        while time.monotonic() < deadline:
            if select.select([master], [], [], 0.2)[0]:
                try:
                    seen += os.read(master, 65536)
                except OSError:
                    break
            if not typed_yet and READY.encode() in seen:
                os.write(master, typed.encode() + b"\t\x14")
                typed_yet = True
            if out.exists() and out.read_text(encoding="utf-8").endswith("\n"):
                return out.read_text(encoding="utf-8").removesuffix("\n")
        raise AssertionError(f"{shell} wrote no command line; the terminal showed: {seen[-2000:]!r}")
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(master)


BY = "indoruss quotes --by "
# What each shell makes of the name typed three ways: bare, in double quotes, with an escaped space.
COMPLETED = {
    ("bash", "Dmi"): "'Dmitry Peskov' ",
    ("zsh", "Dmi"): "Dmitry\\ Peskov ",
    ("fish", "Dmi"): "Dmitry\\ Peskov ",
    **{(shell, '"Dmi'): '"Dmitry Peskov" ' for shell in SHELLS},
    ("bash", "Dmitry\\ P"): "'Dmitry Peskov' ",
    ("zsh", "Dmitry\\ P"): "Dmitry\\ Peskov ",
    ("fish", "Dmitry\\ P"): "Dmitry\\ Peskov ",
}


@pytest.mark.parametrize("how", ["source", "install"])
@pytest.mark.parametrize("shell", SHELLS)
def test_tab_completes_a_name_with_spaces_into_a_working_command_line(shell: str, how: str, tmp_path: Path) -> None:
    need(shell)
    line = line_after_tab(shell, tmp_path, BY + "Dmi", how)
    assert line == BY + COMPLETED[shell, "Dmi"]
    done = subprocess.run([shell, "-c", line], env=shell_env(tmp_path), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert ids_listed(done.stdout) == peskov_quotes()


@pytest.mark.parametrize("typed", ['"Dmi', "Dmitry\\ P"])
@pytest.mark.parametrize("shell", SHELLS)
def test_tab_completes_a_name_already_quoted_or_escaped(shell: str, typed: str, tmp_path: Path) -> None:
    need(shell)
    line = line_after_tab(shell, tmp_path, BY + typed, "source")
    assert line == BY + COMPLETED[shell, typed]
    done = subprocess.run([shell, "-c", line], env=shell_env(tmp_path), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert ids_listed(done.stdout) == peskov_quotes()


# -- the scripts and their installation -----------------------------------------------------------------


FIRST_LINE = {
    "bash": "_indoruss_completion() {",
    "zsh": "#compdef indoruss",
    "fish": "complete --command indoruss --no-files --arguments",
}


def test_show_completion_prints_the_script_of_the_shell_asked_for(tmp_path: Path) -> None:
    for shell, first in FIRST_LINE.items():
        for args in (["--show-completion", shell], [f"--show-completion={shell}"]):
            done = indoruss(tmp_path, *args)
            assert (done.returncode, done.stderr) == (0, "")
            assert done.stdout.startswith(first + ("\n" if shell == "zsh" else "")), (shell, done.stdout)
    unknown = indoruss(tmp_path, "--show-completion", "tcsh")
    assert (unknown.returncode, unknown.stdout) == (2, "")
    assert unknown.stderr == "Error: no completion for the shell 'tcsh' (choose from bash, zsh, fish)\n"


def test_install_completion_writes_only_under_home(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    places = {
        "bash": home / ".bash_completions" / "indoruss.sh",
        "zsh": home / ".zfunc" / "_indoruss",
        "fish": home / ".config" / "fish" / "completions" / "indoruss.fish",
    }
    for shell, place in places.items():
        done = indoruss(home, "--install-completion", shell)
        assert done.returncode == 0, done.stderr
        assert done.stdout == (
            f"{shell} completion installed in {place}\nCompletion will take effect once you restart the terminal\n"
        )
        assert place.read_text(encoding="utf-8").strip() == script(shell, home).strip()
    assert f"source '{places['bash']}'" in (home / ".bashrc").read_text(encoding="utf-8")
    assert "fpath+=~/.zfunc; autoload -Uz compinit; compinit" in (home / ".zshrc").read_text(encoding="utf-8")
    written = sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file())
    assert written == [
        ".bash_completions/indoruss.sh",
        ".bashrc",
        ".config/fish/completions/indoruss.fish",
        ".zfunc/_indoruss",
        ".zshrc",
    ]


def test_bash_word_keeps_a_candidate_one_word_inside_the_quote_typed() -> None:
    from indoruss.cli.completion import bash_word

    assert bash_word("Dmitry Peskov") == "'Dmitry Peskov'"
    assert bash_word("s-400") == "s-400"
    assert bash_word("Путин") == "Путин"
    assert bash_word("Putin's") == "'Putin'\"'\"'s'"
    assert bash_word("s-400", "'") == "'s-400'"
    assert bash_word('say "no" for $5 `now`', '"') == '"say \\"no\\" for \\$5 \\`now\\`"'
    done = subprocess.run(["bash", "-c", "printf '%s' " + bash_word('say "no" for $5 `now`', '"')], capture_output=True)
    assert done.stdout.decode() == 'say "no" for $5 `now`'
