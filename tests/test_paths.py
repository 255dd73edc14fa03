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


# -- where the data is: --data, INDORUSS_DATA, the bundled copy; each refusal names what and where from -----------


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--data", "{tmp}/missing"], {}, "data path does not exist: {tmp}/missing (from --data)"),
        ([], {"INDORUSS_DATA": "{tmp}/missing"}, "data path does not exist: {tmp}/missing (from INDORUSS_DATA)"),
        (["--data", "/dev/null"], {}, "data path is neither a folder nor a file: /dev/null (from --data)"),
        (
            [],
            {"INDORUSS_DATA": "/dev/null"},
            "data path is neither a folder nor a file: /dev/null (from INDORUSS_DATA)",
        ),
        (["--data", "{tmp}/base.yaml/inner"], {}, "data path does not exist: {tmp}/base.yaml/inner (from --data)"),
    ],
)
def test_a_data_path_that_cannot_be_used_says_why_and_where_it_came_from(
    run: Run, folder: Path, args: list[str], env: dict[str, str], message: str
) -> None:
    tmp = str(folder)

    def fill(text: str) -> str:
        return text.replace("{tmp}", tmp)

    out = run(*[fill(a) for a in args], "topics", env={k: fill(v) for k, v in env.items()})
    assert (out.code, out.stdout) == (2, "")
    assert out.stderr == f"Error: {fill(message)}\n"


def test_a_data_path_too_long_to_look_up_says_so(run: Run) -> None:
    from indoruss.errors import DataPathError
    from indoruss.loading.paths import resolve_data_path

    with pytest.raises(DataPathError) as info:
        resolve_data_path("/" + "a" * 5000)
    assert str(info.value).startswith("cannot read data path /aaaa")
    assert str(info.value).endswith(": file name too long (from --data)")


def test_the_data_option_wins_over_the_environment_and_a_tilde_is_home(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from indoruss.loading.paths import bundled_data_dir, resolve_data_path

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("INDORUSS_DATA", str(tmp_path / "missing"))
    assert resolve_data_path("~/data") == folder
    monkeypatch.setenv("INDORUSS_DATA", str(folder / "base.yaml"))
    assert resolve_data_path(None) == folder / "base.yaml"
    assert resolve_data_path("") == folder / "base.yaml"
    monkeypatch.setenv("INDORUSS_DATA", "")
    assert resolve_data_path(None) == bundled_data_dir()


def _bundled_in(site: Path) -> str:
    """bundled_data_dir() of a copy of the package installed in `site`, as a new process finds it."""
    import shutil
    import subprocess
    import sys

    import indoruss

    shutil.copytree(
        Path(indoruss.__file__).parent,
        site / "indoruss",
        ignore=shutil.ignore_patterns("__pycache__"),
        dirs_exist_ok=True,
    )
    env = {k: v for k, v in os.environ.items() if k != "INDORUSS_DATA"}
    env["PYTHONPATH"] = str(site)
    result = subprocess.run(
        [sys.executable, "-c", "from indoruss.loading.paths import bundled_data_dir as b\nprint(b())"],
        capture_output=True,
        text=True,
        env=env,
        cwd=site,
        timeout=60,
        check=False,
    )
    return result.stdout + result.stderr.strip().rpartition("\n")[2]


def test_an_installed_package_finds_its_own_data_and_says_so_when_it_is_missing(tmp_path: Path) -> None:
    wheel = tmp_path / "wheel" / "site"
    wheel.mkdir(parents=True)
    (tmp_path / "wheel" / "data").mkdir()  # a data/ beside site-packages is not the package's
    (wheel / "indoruss" / "data").mkdir(parents=True)
    assert _bundled_in(wheel) == f"{wheel / 'indoruss' / 'data'}\n"
    checkout = tmp_path / "checkout"
    (checkout / "src").mkdir(parents=True)
    (checkout / "data").mkdir()
    assert _bundled_in(checkout / "src") == f"{checkout / 'data'}\n"
    bare = tmp_path / "bare" / "site"
    bare.mkdir(parents=True)
    assert _bundled_in(bare) == (
        "indoruss.errors.DataPathError: the bundled fact base is missing from this installation; reinstall indoruss"
    )


# -- which files make the fact base ----------------------------------------------------------------------------


def test_the_files_of_a_folder_are_every_yaml_and_yml_below_it_in_order(folder: Path) -> None:
    from indoruss.loading.paths import data_files

    for name in ("zz.yml", "sub/b.yaml", "sub/a.yml", "sub/deeper/c.yaml", "notes.txt", "old.yaml.bak"):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(QUOTE, encoding="utf-8")
    (folder / "notes-link.txt").symlink_to(folder / "gone.txt")  # dangling, but named as no data file: ignored
    assert data_files(folder) == [
        folder / "base.yaml",
        folder / "sub" / "a.yml",
        folder / "sub" / "b.yaml",
        folder / "sub" / "deeper" / "c.yaml",
        folder / "zz.yml",
    ]
    assert data_files(folder / "notes.txt") == [folder / "notes.txt"]  # a file named on its own is read


def test_a_folder_reached_twice_through_a_link_inside_is_read_once(folder: Path) -> None:
    from indoruss.loading.paths import data_files

    real = folder / "real"
    real.mkdir()
    (real / "quotes.yaml").write_text(QUOTE, encoding="utf-8")
    (folder / "alias").symlink_to(real, target_is_directory=True)
    (folder / "zz.yaml").write_text(QUOTE.replace("a-quote", "z-quote"), encoding="utf-8")
    assert data_files(folder) == [folder / "alias" / "quotes.yaml", folder / "base.yaml", folder / "zz.yaml"]


def test_links_inside_the_folder_are_followed_and_those_out_of_it_ignored_unless_data(
    folder: Path, tmp_path: Path
) -> None:
    from indoruss.loading.paths import data_files

    (tmp_path / "outside.txt").write_text("text", encoding="utf-8")
    (folder / "outside-link.txt").symlink_to(tmp_path / "outside.txt")  # out, but no data file: ignored
    (folder / "inside.yaml").symlink_to(folder / "base.yaml")
    assert data_files(folder) == [folder / "base.yaml", folder / "inside.yaml"]


def test_every_problem_of_a_folder_is_listed_not_only_the_first(folder: Path, tmp_path: Path) -> None:
    from indoruss.errors import FactBaseError
    from indoruss.loading.paths import data_files

    (folder / "a-gone.yaml").symlink_to(folder / "nowhere.yaml")
    (folder / "b-dir.yaml").mkdir()
    (folder / "c-nodot").symlink_to(folder / "nowhere")  # could have been a folder
    (folder / "d-out.yaml").symlink_to(tmp_path)
    (folder / "e-loop").symlink_to(folder / "e-loop")
    with pytest.raises(FactBaseError) as info:
        data_files(folder)
    assert [str(p) for p in info.value.problems] == [
        f"{folder / 'a-gone.yaml'}: cannot follow link: it leads nowhere",
        f"{folder / 'b-dir.yaml'}: is a folder, not a YAML file",
        f"{folder / 'c-nodot'}: cannot follow link: it leads nowhere",
        f"{folder / 'd-out.yaml'}: link leads out of the data folder; refused",
        f"{folder / 'e-loop'}: cannot follow link: link loop",
    ]


@pytest.mark.parametrize(("target", "reason"), [("missing", "it leads nowhere"), ("loop", "link loop")])
def test_a_data_folder_that_cannot_be_resolved_is_one_problem(tmp_path: Path, target: str, reason: str) -> None:
    from indoruss.errors import FactBaseError
    from indoruss.loading.paths import data_files

    path = tmp_path / target
    if target == "loop":
        path.symlink_to(path)
    with pytest.raises(FactBaseError) as info:
        data_files(path)
    assert [str(p) for p in info.value.problems] == [f"{path}: cannot read folder: {reason}"]


def test_a_shown_name_is_relative_to_the_folder_s_name(folder: Path, tmp_path: Path) -> None:
    from indoruss.loading.paths import shown_name

    assert shown_name(folder / "sub" / "a.yaml", folder) == "data/sub/a.yaml"
    assert shown_name(tmp_path / "other.yaml", folder) == str(tmp_path / "other.yaml")
    assert shown_name(folder / "base.yaml", folder / "base.yaml") == str(folder / "base.yaml")


@pytest.mark.skipif(
    not hasattr(os, "getuid") or os.getuid() != 0, reason="gives up root for 'nobody', which needs root"
)
def test_files_in_a_folder_that_can_be_listed_but_not_entered_are_each_an_error(folder: Path) -> None:
    locked = folder / "locked"
    locked.mkdir()
    for name in ("a.yaml", "b.yaml"):
        (locked / name).write_text(QUOTE, encoding="utf-8")
    locked.chmod(0o644)  # its names can be read, but nothing in it can be looked at
    folder.chmod(0o755)
    assert _problems_as_nobody(folder) == [
        f"{locked / 'a.yaml'}: cannot read: permission denied",
        f"{locked / 'b.yaml'}: cannot read: permission denied",
    ]
