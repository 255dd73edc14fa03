"""The load cache is correct: fresh after edits, never trusted when damaged or foreign, optional."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Outcome, as_nobody
from indoruss.loading import loader
from indoruss.loading.paths import bundled_data_dir
from indoruss.model.records import FactBase
from indoruss.search.index import SearchIndex
from indoruss.storage import cache
from indoruss.storage.store import Store

Run = Callable[..., Outcome]


def cache_files() -> list[Path]:
    return sorted(p for p in cache.cache_dir().glob("*") if not p.name.startswith("."))


def test_warm_start_reads_the_cache_instead_of_the_yaml(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = Store(data_copy).factbase
    Store(data_copy).index  # noqa: B018 - builds and caches the index
    assert {p.suffix for p in cache_files()} == {".factbase", ".index", ".shelf"}

    def no_parsing(*_: object) -> FactBase:
        raise AssertionError("the YAML was parsed again")

    monkeypatch.setattr("indoruss.loading.loader.load_factbase", no_parsing)
    second = Store(data_copy).factbase
    assert second == first
    assert isinstance(Store(data_copy).index, SearchIndex)


def test_editing_a_data_file_invalidates_the_cache(data_copy: Path) -> None:
    before = Store(data_copy).factbase
    facts = data_copy / "facts.yaml"
    facts.write_text(
        facts.read_text(encoding="utf-8").replace("Russia ratified", "Moscow ratified", 1), encoding="utf-8"
    )
    after = Store(data_copy).factbase
    assert after.fingerprint != before.fingerprint
    assert any(f.statement.startswith("Moscow ratified") for f in after.facts)


@pytest.mark.parametrize("damage", ["garbage", "truncate", "flip", "empty", "wrong-key"])
def test_a_damaged_cache_is_ignored_and_rebuilt(data_copy: Path, damage: str) -> None:
    expected = Store(data_copy).factbase
    target = next(p for p in cache_files() if p.suffix == ".factbase")
    blob = target.read_bytes()
    if damage == "garbage":
        target.write_bytes(os.urandom(len(blob)))
    elif damage == "truncate":
        target.write_bytes(blob[: len(blob) // 2])
    elif damage == "flip":
        target.write_bytes(blob[:-10] + bytes([blob[-10] ^ 0xFF]) + blob[-9:])
    elif damage == "empty":
        target.write_bytes(b"")
    else:
        target.write_bytes(blob.replace(blob[len(cache.MAGIC) : len(cache.MAGIC) + 8], b"00000000", 1))
    assert Store(data_copy).factbase == expected
    # ... and rebuilt, so the next run is warm again.
    assert target.read_bytes()[: len(cache.MAGIC)] == cache.MAGIC
    key = Store(data_copy).cache_key
    assert cache.read("factbase", key, FactBase, Store(data_copy).allowed) == expected


def test_a_crafted_pickle_with_a_valid_header_is_refused_by_the_unpickler(data_copy: Path, tmp_path: Path) -> None:
    Store(data_copy).factbase  # noqa: B018
    target = next(p for p in cache_files() if p.suffix == ".factbase")
    key = Store(data_copy).cache_key
    assert key is not None
    marker = tmp_path / "executed"

    class Exploit:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    payload = pickle.dumps(Exploit())
    # A header that passes every check (key, length, CRC-32), so that only the unpickler stands in the way.
    target.write_bytes(cache._header(key, len(payload), zlib.crc32(payload)) + payload)
    refusals: list[str] = []
    real_find_class = cache._AllowedOnly.find_class

    def spying_find_class(self: cache._AllowedOnly, module: str, name: str) -> object:
        try:
            return real_find_class(self, module, name)
        except pickle.UnpicklingError as exc:
            refusals.append(str(exc))
            raise

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cache._AllowedOnly, "find_class", spying_find_class)
        assert cache.read("factbase", key, FactBase, Store(data_copy).allowed) is None
    assert refusals == ["cache names a forbidden class posix.system"]
    assert not marker.exists()
    assert isinstance(Store(data_copy).factbase, FactBase)
    assert not marker.exists()


def test_a_cache_file_others_can_write_is_not_trusted(data_copy: Path) -> None:
    Store(data_copy).factbase  # noqa: B018
    target = next(p for p in cache_files() if p.suffix == ".factbase")
    key = Store(data_copy).cache_key
    assert cache.read("factbase", key, FactBase, Store(data_copy).allowed) is not None
    target.chmod(0o666)
    assert cache.read("factbase", key, FactBase, Store(data_copy).allowed) is None
    target.chmod(0o600)
    cache.cache_dir().chmod(0o777)
    assert cache.read("factbase", key, FactBase, Store(data_copy).allowed) is None


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="changing a file's owner needs root")
def test_a_cache_file_owned_by_someone_else_is_not_trusted(data_copy: Path) -> None:
    Store(data_copy).factbase  # noqa: B018
    target = next(p for p in cache_files() if p.suffix == ".factbase")
    key = Store(data_copy).cache_key
    os.chown(target, 65534, 65534)
    assert cache.read("factbase", key, FactBase, Store(data_copy).allowed) is None


def test_a_cache_folder_that_cannot_be_written_only_costs_speed(run: Run, tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "indoruss").write_text("a file where the cache folder should be", encoding="utf-8")
    out = run("search", "S-400", "-n", "100", "--format", "plain", env={"XDG_CACHE_HOME": str(blocked)})
    assert out.code == 0 and out.stdout.startswith("100.0\tentity\ts-400")
    assert out.stderr == ""


def test_a_read_only_cache_folder_works(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "ro" / "indoruss"
    folder.mkdir(parents=True)
    folder.chmod(0o500)
    try:
        if hasattr(os, "getuid") and os.getuid() == 0:
            # Root may write into a read-only folder: run the load as 'nobody', for whom the folder is
            # read-only, in a forked child, so that this runs in CI (which runs as root) too.
            for owned in (tmp_path / "ro", folder):  # nobody's own folder, and read-only to them
                shutil.chown(owned, "nobody")
            copy = tmp_path / "data"
            shutil.copytree(bundled_data_dir(), copy)  # where 'nobody' can read it, wherever the checkout is
            outcome = _load_as_nobody(tmp_path / "ro", copy)
            assert outcome == "loaded 538 records", outcome
        else:
            out = run("topics", env={"XDG_CACHE_HOME": str(tmp_path / "ro")})
            assert out.code == 0
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def _load_as_nobody(cache_home: Path, data: Path) -> str:
    for path in data.rglob("*"):
        path.chmod(path.stat().st_mode | (0o755 if path.is_dir() else 0o644))

    def work() -> str:
        os.environ["XDG_CACHE_HOME"] = str(cache_home)
        return f"loaded {len(Store(data, use_cache=True).factbase.records())} records"

    return as_nobody(work, cache_home, data)


def test_no_cache_writes_nothing(run: Run) -> None:
    assert run("--no-cache", "search", "S-400").code == 0
    assert not cache.cache_dir().exists() or cache_files() == []


def test_two_processes_writing_at_once_leave_a_valid_cache(data_copy: Path, tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "shared-cache"), "INDORUSS_DATA": str(data_copy)}
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from indoruss.storage import cache\n"
        "from indoruss.loading.loader import load_factbase, data_files\n"
        "fb = load_factbase(Path(sys.argv[1]))\n"
        "from indoruss.storage.store import Store\n"
        "store = Store(Path(sys.argv[1]))\n"
        "key = store.cache_key\n"
        "for _ in range(30):\n"
        "    cache.write('factbase', key, fb)\n"
        "    got = cache.read('factbase', key, type(fb), store.allowed)\n"
        "    assert got is None or got == fb, 'half-written cache seen'\n"
    )
    writers = [
        subprocess.Popen([sys.executable, "-c", script, str(data_copy)], env=env, stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    os.environ["XDG_CACHE_HOME"] = env["XDG_CACHE_HOME"]
    key = Store(data_copy).cache_key
    assert cache.read("factbase", key, FactBase, Store(data_copy).allowed) == loader.load_factbase(data_copy)
    assert not [p for p in cache.cache_dir().iterdir() if p.name.endswith(".tmp")]


def test_warm_search_reads_only_the_index_and_the_records_it_shows(
    run: Run, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = run("--data", str(data_copy), "search", "S-400", "--json")
    assert cold.code == 0

    def whole_fact_base(*_: object) -> None:
        raise AssertionError("the whole fact base was loaded")

    real_read = cache.read

    def read_but_not_the_fact_base(kind: str, key: str, expected: type, allowed: frozenset[tuple[str, str]]) -> object:
        if kind == "factbase":
            whole_fact_base()
        return real_read(kind, key, expected, allowed)

    monkeypatch.setattr("indoruss.loading.loader.load_factbase", whole_fact_base)
    monkeypatch.setattr(cache, "read", read_but_not_the_fact_base)
    warm = run("--data", str(data_copy), "search", "S-400", "--json")
    assert warm.code == 0, warm.stderr
    assert warm.stdout == cold.stdout


@pytest.mark.parametrize("damage", ["truncate", "flip", "remove"])
def test_a_damaged_shelf_falls_back_to_the_whole_fact_base(run: Run, data_copy: Path, damage: str) -> None:
    cold = run("--data", str(data_copy), "search", "Peskov", "--json")
    shelf = next(p for p in cache_files() if p.suffix == ".shelf")
    blob = shelf.read_bytes()
    if damage == "truncate":
        shelf.write_bytes(blob[: len(blob) // 2])
    elif damage == "flip":
        body = blob.index(b"\n", len(cache.MAGIC)) + 1
        body = blob.index(b"\n", body) + 1
        shelf.write_bytes(blob[:body] + bytes(b ^ 0x55 for b in blob[body:]))
    else:
        shelf.unlink()
    warm = run("--data", str(data_copy), "search", "Peskov", "--json")
    assert warm.code == 0
    assert warm.stdout == cold.stdout


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs a read-only file system such as /proc")
def test_a_cache_folder_on_a_read_only_file_system_works(run: Run) -> None:
    # Even root cannot create folders in /proc, so this holds whoever runs the tests.
    out = run("search", "S-400", "-n", "100", "--format", "plain", env={"XDG_CACHE_HOME": "/proc/self"})
    assert out.code == 0 and out.stdout.startswith("100.0\tentity\ts-400")
    assert out.stderr == ""
    assert not Path("/proc/self/indoruss").exists()


def test_a_same_length_rewrite_within_a_coarse_clock_tick_is_never_served_stale(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file system with whole-second timestamps: size, times and inode stay the same when a file is
    # rewritten in place with the same length within the same second. Simulated by stamping whole seconds.
    monkeypatch.setattr(cache, "stamp", lambda st: f"{st.st_size}@{int(st.st_mtime)}@{int(st.st_mtime)}@{st.st_ino}")
    figures = data_copy / "figures.yaml"
    moment = int(time.time())
    os.utime(figures, (moment, moment))
    first = Store(data_copy).factbase
    assert any(f.value == 100000000000 for f in first.figures)
    text = figures.read_text(encoding="utf-8")
    figures.write_text(text.replace("value: 100000000000", "value: 200000000000", 1), encoding="utf-8")
    os.utime(figures, (moment, moment))  # the same whole second, as the coarse clock would say
    second = Store(data_copy).factbase
    assert any(f.value == 200000000000 for f in second.figures)
    assert not any(f.value == 100000000000 and f.id == "bilateral-trade-target" for f in second.figures)


def test_a_file_changed_just_now_is_read_but_not_cached(data_copy: Path) -> None:
    facts = data_copy / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8"), encoding="utf-8")
    Store(data_copy).factbase  # noqa: B018
    assert cache_files() == []
    old = time.time() - 60
    os.utime(facts, (old, old))
    Store(data_copy).factbase  # noqa: B018
    assert {p.suffix for p in cache_files()} == {".factbase"}


def test_only_the_current_generation_of_a_folder_is_kept(data_copy: Path) -> None:
    Store(data_copy).index  # noqa: B018
    first = sorted(p.name for p in cache_files())
    assert len(first) == 3
    facts = data_copy / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("Russia ratified", "Moscow ratified", 1), "utf-8")
    old = time.time() - 60
    os.utime(facts, (old, old))
    Store(data_copy).index  # noqa: B018
    second = sorted(p.name for p in cache_files())
    assert len(second) == 3 and not set(first) & set(second)


def test_at_most_eight_data_folders_keep_a_cache(tmp_path: Path) -> None:
    from indoruss.loading.paths import bundled_data_dir

    old = time.time() - 60
    for number in range(10):
        copy = tmp_path / f"copy{number}"
        shutil.copytree(bundled_data_dir(), copy)
        for file in copy.rglob("*.yaml"):
            os.utime(file, (old, old))
        Store(copy).factbase  # noqa: B018
    assert len({p.name.partition("-")[0] for p in cache_files()}) == cache.MAX_FOLDERS


def test_a_left_temporary_file_is_removed_unless_a_writer_holds_it(data_copy: Path) -> None:
    import fcntl

    folder = cache.cache_dir()
    folder.mkdir(parents=True, mode=0o700)
    left, held = folder / ".factbase-left.tmp", folder / ".factbase-held.tmp"
    for path in (left, held):
        path.write_bytes(b"partial")
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    with held.open("rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        Store(data_copy).factbase  # noqa: B018
        assert not left.exists()
        assert held.exists()


def test_a_payload_that_changes_an_allowed_class_is_refused_and_undone(data_copy: Path) -> None:
    expected = Store(data_copy).factbase
    target = next(p for p in cache_files() if p.suffix == ".factbase")
    key = Store(data_copy).cache_key
    assert key is not None
    # GLOBAL FactBase, then BUILD with (None, {"of": 1}): pickle would set FactBase.of = 1 on the class.
    payload = b"\x80\x04cindoruss.model.records\nFactBase\nN}X\x02\x00\x00\x00ofK\x01s\x86b."
    target.write_bytes(cache._header(key, len(payload), zlib.crc32(payload)) + payload)
    original = FactBase.of
    assert cache.read("factbase", key, FactBase, Store(data_copy).allowed) is None
    assert FactBase.of is original
    again = Store(data_copy).factbase
    assert again == expected and again.of is not None
