"""Where the fact base is and which files make it: nothing skipped in silence, no link out of the folder."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import PRELUDE, Outcome, as_nobody

Run = Callable[..., Outcome]
QUOTE = """\
schema: 2
quotes:
  - id: a-quote
    text: "Words."
    speaker: india
    context: somewhere
    fragment: false
    topics: [trade]
    source: {id: report, paragraph: 1}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    (data / "base.yaml").write_text(PRELUDE, encoding="utf-8")
    return data


def check(run: Run, folder: Path, message: str) -> None:
    out = run("--data", str(folder), "validate")
    assert out.code == 1, out.stderr
    assert message in out.stdout, out.stdout


def test_a_dangling_link_named_as_a_data_file_is_an_error(run: Run, folder: Path) -> None:
    (folder / "quotes.yaml").symlink_to(folder / "gone.yaml")
    check(run, folder, f"{folder / 'quotes.yaml'}: cannot follow link: it leads nowhere")


def test_a_link_loop_is_an_error(run: Run, folder: Path) -> None:
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    check(run, folder, f"{folder / 'loop.yaml'}: cannot follow link: link loop")


def test_a_folder_named_as_a_data_file_is_an_error(run: Run, folder: Path) -> None:
    (folder / "foo.yaml").mkdir()
    check(run, folder, f"{folder / 'foo.yaml'}: is a folder, not a YAML file")


def test_a_fifo_is_refused_without_being_opened(run: Run, folder: Path) -> None:
    os.mkfifo(folder / "pipe.yaml")
    check(run, folder, f"{folder / 'pipe.yaml'}: is not a regular file (a FIFO, socket or device); refused")


def test_a_link_out_of_the_folder_is_refused_and_never_read(run: Run, folder: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:SECRET-HASH:19000:0:99999:7:::\n", encoding="utf-8")
    (folder / "shadow.yaml").symlink_to(secret)
    out = run("--data", str(folder), "validate")
    assert out.code == 1
    assert f"{folder / 'shadow.yaml'}: link leads out of the data folder; refused" in out.stdout
    assert "SECRET" not in out.stdout + out.stderr


def test_a_linked_folder_outside_is_refused_and_one_inside_is_followed(run: Run, folder: Path, tmp_path: Path) -> None:
    inside = folder / "real"
    inside.mkdir()
    (inside / "quotes.yaml").write_text(QUOTE, encoding="utf-8")
    (folder / "alias").symlink_to(inside, target_is_directory=True)
    out = run("--data", str(folder), "quotes", "--json")
    assert out.code == 0, out.stderr
    assert [q["id"] for q in __import__("json").loads(out.stdout)] == ["a-quote"]  # read once, not twice
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "more.yaml").write_text(QUOTE.replace("a-quote", "b-quote"), encoding="utf-8")
    (folder / "outside").symlink_to(elsewhere, target_is_directory=True)
    check(run, folder, f"{folder / 'outside'}: link leads out of the data folder; refused")


NEEDS_ROOT = pytest.mark.skipif(
    not hasattr(os, "getuid") or os.getuid() != 0, reason="gives up root for 'nobody', which needs root"
)


def _problems_as_nobody(folder: Path) -> list[str]:
    """data_files run as 'nobody', so that permissions apply."""
    from indoruss.errors import FactBaseError
    from indoruss.loading.paths import data_files

    def work() -> str:
        try:
            data_files(folder)
        except FactBaseError as exc:
            return "\n".join(str(p) for p in exc.problems)
        return "no problem"

    return as_nobody(work, folder.parent).splitlines()


@pytest.mark.skipif(
    not hasattr(os, "getuid") or os.getuid() != 0, reason="gives up root for 'nobody', which needs root"
)
def test_an_unreadable_sub_folder_is_an_error_not_a_smaller_fact_base(folder: Path) -> None:
    hidden = folder / "hidden"
    hidden.mkdir()
    (hidden / "quotes.yaml").write_text(QUOTE, encoding="utf-8")
    hidden.chmod(0o000)
    folder.chmod(0o755)
    assert _problems_as_nobody(folder) == [f"{hidden}: cannot read folder: permission denied"]


@pytest.mark.skipif(
    not hasattr(os, "getuid") or os.getuid() != 0, reason="gives up root for 'nobody', which needs root"
)
def test_an_unreadable_data_folder_says_permission_denied(folder: Path) -> None:
    folder.chmod(0o000)
    assert _problems_as_nobody(folder) == [f"{folder}: cannot read folder: permission denied"]


def test_a_file_name_that_is_not_utf8_loads_and_prints(run: Run, folder: Path) -> None:
    odd = os.path.join(os.fsencode(folder), b"odd-\xff.yaml")
    with open(odd, "wb") as handle:
        handle.write(b"schema: 2\nfacts: [1]\n")
    out = run("--data", str(folder), "validate")
    assert out.code == 1
    assert out.stdout == f"{folder}/odd-\\xff.yaml:2:9: facts[0]: must be a mapping\n".replace(str(folder), "data")
