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

from conftest import PRELUDE, Outcome, as_nobody
from indoruss.loading import loader
from indoruss.loading.paths import bundled_data_dir
from indoruss.model.records import FactBase, Topic
from indoruss.search.index import SearchIndex
from indoruss.storage import cache
from indoruss.storage.store import Store

Run = Callable[..., Outcome]


def _plant(path: Path, key: str, payload: bytes) -> None:
    """A cache file whose header passes every check (key, length, CRC-32): only the unpickler stands in the way."""
    path.write_bytes(cache._header(key, len(payload), zlib.crc32(payload)) + payload)


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
    _plant(target, key, payload)
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
    _plant(target, key, payload)
    original = FactBase.of
    assert cache.read("factbase", key, FactBase, Store(data_copy).allowed) is None
    assert FactBase.of is original
    again = Store(data_copy).factbase
    assert again == expected and again.of is not None


# -- exact behaviour, on a small fact base: folder, key, freshness, pruning, trust, files ------------------------

OLD = 60.0  # seconds: data files older than this are settled and may be cached


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """PRELUDE alone (a source, a topic, an entity), old enough to be cached."""
    folder = tmp_path / "small"
    folder.mkdir()
    base = folder / "base.yaml"
    base.write_text(PRELUDE, encoding="utf-8")
    old = time.time() - OLD
    os.utime(base, (old, old))
    return folder


def crc(text: str) -> str:
    return f"{zlib.crc32(text.encode()):08x}"


def test_the_cache_folder_is_indoruss_under_xdg_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "indoruss"


@pytest.mark.parametrize("xdg", ["", "relative/cache"])
def test_an_empty_or_relative_xdg_cache_home_means_the_home_folder(
    xdg: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "indoruss"


def no_home() -> Path:
    raise RuntimeError("Could not determine home directory.")


def test_no_home_folder_means_no_cache_and_the_fact_base_still_loads(
    small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    with pytest.raises(OSError) as info:
        cache.cache_dir()
    assert str(info.value) == "no cache folder: Could not determine home directory."
    store = Store(small)
    assert store.cache_key is None
    assert [r.id for r in store.factbase.records()] == ["report", "trade", "india"]
    assert [r.id for r in store.subset(["india"]).records()] == ["report", "india"]


def test_the_key_names_versions_folder_modules_and_each_file(tmp_path: Path) -> None:
    import indoruss

    data = tmp_path / "data"
    data.mkdir()
    file = data / "base.yaml"
    file.write_text(PRELUDE, encoding="utf-8")
    fields = cache.cache_key(data, [file], 2).split("|")
    assert fields[:5] == [
        indoruss.__version__,
        "2",
        f"({sys.version_info.major}, {sys.version_info.minor})",
        str(pickle.HIGHEST_PROTOCOL),
        str(data),
    ]
    st = file.stat()
    assert fields[-1] == f"{file}@{st.st_size}@{st.st_mtime_ns}@{st.st_ctime_ns}@{st.st_ino}"
    package = Path(indoruss.__file__).parent
    modules = sorted(
        p.relative_to(package).as_posix()
        for p in package.rglob("*.py")
        if not any(part.startswith(("_", ".")) or part == "data" for part in p.relative_to(package).parts[:-1])
    )
    stamps = fields[5:-1]
    assert [s.rpartition("@")[0] for s in stamps] == sorted(modules, key=lambda m: m.split("/"))
    assert f"storage/cache.py@{os.stat(cache.__file__).st_mtime_ns}" in stamps
    assert f"__init__.py@{os.stat(indoruss.__file__).st_mtime_ns}" in stamps


def test_a_new_line_in_a_file_name_does_not_break_the_key_line(tmp_path: Path) -> None:
    file = tmp_path / "odd\nname.yaml"
    file.write_text(PRELUDE, encoding="utf-8")
    key = cache.cache_key(tmp_path, [file], 2)
    assert "\n" not in key
    assert f"|{tmp_path}/odd name.yaml@" in key


def test_module_stamps_list_python_files_below_the_package_only(tmp_path: Path) -> None:
    for name in ("b.py", "a.py", "notes.txt", "sub/c.py", "_private/d.py", ".hidden/e.py", "data/f.py"):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text("", encoding="utf-8")
    (tmp_path / "empty").mkdir()

    def ns(name: str) -> int:
        return (tmp_path / name).stat().st_mtime_ns

    assert cache._module_stamps(str(tmp_path), "") == [
        f"a.py@{ns('a.py')}",
        f"b.py@{ns('b.py')}",
        f"sub/c.py@{ns('sub/c.py')}",
    ]
    assert cache._module_stamps(str(tmp_path / "sub"), "pkg/") == [f"pkg/c.py@{ns('sub/c.py')}"]


def test_a_stamp_is_size_times_and_inode(tmp_path: Path) -> None:
    file = tmp_path / "f.yaml"
    file.write_text("abc", encoding="utf-8")
    st = file.stat()
    assert cache.stamp(st) == f"3@{st.st_mtime_ns}@{st.st_ctime_ns}@{st.st_ino}"


def test_a_file_is_settled_two_seconds_after_its_last_change(tmp_path: Path) -> None:
    file = tmp_path / "f.yaml"
    file.write_text("abc", encoding="utf-8")
    moment = 1_700_000_000.0
    os.utime(file, (moment, moment))
    assert cache.settled([file], moment + 2.0)
    assert not cache.settled([file], moment + 1.9)
    assert not cache.settled([file], moment - 5.0)
    assert cache.settled([file], moment + 0.5, margin=0.5)
    assert not cache.settled([file, tmp_path / "gone.yaml"], moment + 100)
    assert cache.settled([], moment)


def test_the_root_tag_is_the_checksum_of_the_key_s_folder_field() -> None:
    assert cache._root_tag("0.1.0|2|(3, 12)|5|/data/mine|m.py@1|f@1") == crc("/data/mine")
    assert cache._root_tag("a|b|c|d|folder") == crc("folder")
    assert cache._root_tag("a|b|c|d") == crc("a|b|c|d")


def test_a_cache_file_is_named_by_folder_key_checksum_and_key_length() -> None:
    key = "0.1.0|2|(3, 12)|5|/data/mine|m.py@1"
    assert cache._path("factbase", key) == cache.cache_dir() / f"{crc('/data/mine')}-{crc(key)}-{len(key):x}.factbase"


PRUNE_KEY = "0.1.0|2|(3, 12)|5|/data/mine|m.py@1"


def fabricate(folder: Path, name: str, mtime: float) -> Path:
    path = folder / name
    path.write_bytes(b"x")
    os.utime(path, (mtime, mtime))
    return path


def test_prune_keeps_this_generation_and_the_seven_latest_other_folders(tmp_path: Path) -> None:
    folder = cache.cache_dir()
    folder.mkdir(parents=True)
    now = time.time()
    mine = cache._path("factbase", PRUNE_KEY).name
    fabricate(folder, mine, now - 5000)
    fabricate(folder, mine.replace(".factbase", ".index"), now - 5000)
    fabricate(folder, f"{crc('/data/mine')}-00000000-10.factbase", now - 100)  # an older key of this folder
    for number in range(10):  # ten other folders, 0000000a the oldest
        fabricate(folder, f"{number + 10:08x}-12345678-20.factbase", now - 9000 + number)
    # A name ending in .tmp that does not start with a dot is not a temporary file of ours.
    fabricate(folder, "stray.tmp", now - 700)
    # Entries that cannot be stat'ed are skipped, not the end of the scan.
    for number in range(10):
        (folder / f"ffff{number:04x}-dangling.index").symlink_to(folder / "nowhere")
    cache.prune(PRUNE_KEY, now)
    kept = sorted(p.name for p in folder.iterdir())
    others = [f"{number + 10:08x}-12345678-20.factbase" for number in range(10)]
    dangling = [f"ffff{number:04x}-dangling.index" for number in range(10)]
    assert kept == sorted([mine, mine.replace(".factbase", ".index"), *others[4:], "stray.tmp", *dangling])


def test_prune_removes_temporary_files_ten_minutes_old_and_unheld(tmp_path: Path) -> None:
    import fcntl

    folder = cache.cache_dir()
    folder.mkdir(parents=True)
    now = 1_700_000_000.0
    stale = [fabricate(folder, f".factbase-{n}.tmp", now - 600) for n in range(20)]
    young = fabricate(folder, ".factbase-young.tmp", now - 599)
    held = fabricate(folder, ".index-held.tmp", now - 3600)
    with held.open("rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        cache.prune(PRUNE_KEY, now)
    assert sorted(p.name for p in folder.iterdir()) == [young.name, held.name]
    assert not any(p.exists() for p in stale)


def test_prune_without_a_cache_folder_does_nothing(tmp_path: Path) -> None:
    cache.prune(PRUNE_KEY, time.time())
    assert not cache.cache_dir().exists()


def test_a_cache_others_may_read_but_not_write_is_used(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = Store(small).factbase
    target = next(p for p in cache_files() if p.suffix == ".factbase")
    target.chmod(0o755)
    cache.cache_dir().chmod(0o755)
    assert cache.read("factbase", Store(small).cache_key, FactBase, Store(small).allowed) == expected


def probe_key(root: str = "/data/probe") -> str:
    return f"0.1.0|2|(3, 12)|5|{root}|m.py@1"


def test_a_payload_whose_checksum_does_not_match_is_not_unpickled(tmp_path: Path) -> None:
    key = probe_key()
    cache.write("probe", key, frozenset({"alpha"}))
    allowed = cache.allowed_names(())
    assert cache.read("probe", key, frozenset, allowed) == frozenset({"alpha"})
    assert cache.read("probe", key, dict, allowed) is None  # not the type the caller expects
    target = cache._path("probe", key)
    blob = target.read_bytes()
    assert blob.count(b"alpha") == 1
    target.write_bytes(blob.replace(b"alpha", b"alphb"))  # same length, a different CRC-32
    assert cache.read("probe", key, frozenset, allowed) is None


def test_a_file_written_by_write_has_the_key_length_and_checksum_in_its_header(tmp_path: Path) -> None:
    key = probe_key()
    cache.write("probe", key, frozenset({"alpha"}))
    blob = cache._path("probe", key).read_bytes()
    payload = pickle.dumps(frozenset({"alpha"}), protocol=pickle.HIGHEST_PROTOCOL)
    header = b"indoruss-cache 1\n" + key.encode() + b"\n" + f"{len(payload):016d} {zlib.crc32(payload):08x}\n".encode()
    assert blob == header + payload
    assert oct(cache.cache_dir().stat().st_mode & 0o777) == "0o700"


def test_write_keeps_shared_values_shared_unless_told_they_share_nothing(tmp_path: Path) -> None:
    shared = frozenset({"alpha"})
    allowed = cache.allowed_names(())
    cache.write("probe", probe_key(), (shared, shared))
    cache.write("probe", probe_key("/data/other"), (shared, shared), shares_nothing=True)
    first, second = cache.read("probe", probe_key(), tuple, allowed)
    assert first is second
    first, second = cache.read("probe", probe_key("/data/other"), tuple, allowed)
    assert first == second and first is not second


def test_atomic_write_fills_a_held_dot_temporary_then_renames_it(tmp_path: Path) -> None:
    target = cache._path("probe", probe_key())
    during: list[str] = []

    def fill(out: object) -> None:
        assert hasattr(out, "write")
        out.write(b"content")  # type: ignore[attr-defined]
        during.extend(p.name for p in cache.cache_dir().iterdir())
        cache.prune(probe_key(), time.time() + 3600)  # another run, an hour on: the file is held, so it stays
        during.extend(p.name for p in cache.cache_dir().iterdir())

    assert cache.atomic_write(target, fill) is True
    assert len(during) == 2 and during[0] == during[1]
    assert during[0].startswith(".probe-") and during[0].endswith(".tmp")
    assert target.read_bytes() == b"content"
    assert [p.name for p in cache.cache_dir().iterdir()] == [target.name]


def test_atomic_write_that_fails_leaves_nothing_behind(tmp_path: Path) -> None:
    target = cache._path("probe", probe_key())

    def fill(out: object) -> None:
        raise OSError("disk full")

    assert cache.atomic_write(target, fill) is False
    assert list(cache.cache_dir().iterdir()) == []


def test_atomic_write_into_an_unusable_folder_returns_false(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "indoruss").write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert cache.atomic_write(cache._path("probe", probe_key()), lambda out: None) is False


@pytest.mark.parametrize(("mode", "used"), [(0o711, True), (0o777, False), (0o720, False)])
def test_a_cache_folder_others_can_write_is_not_written(tmp_path: Path, mode: int, used: bool) -> None:
    folder = cache.cache_dir()
    folder.mkdir(parents=True)
    folder.chmod(mode)
    target = cache._path("probe", probe_key())
    assert cache.atomic_write(target, lambda out: out.write(b"x") and None) is used
    assert target.exists() is used


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="changing a folder's owner needs root")
def test_a_cache_folder_owned_by_someone_else_is_not_written(tmp_path: Path) -> None:
    folder = cache.cache_dir()
    folder.mkdir(parents=True)
    os.chown(folder, 65534, 65534)
    target = cache._path("probe", probe_key())
    assert cache.atomic_write(target, lambda out: None) is False
    assert not target.exists()


def test_missing_cache_folders_are_made_private_whatever_the_umask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "a" / "b"))
    previous = os.umask(0o277)  # mkdir alone would give r-x, not rwx
    try:
        assert cache.atomic_write(cache._path("probe", probe_key()), lambda out: None) is True
    finally:
        os.umask(previous)
    modes = [oct(p.stat().st_mode & 0o777) for p in (tmp_path / "a", tmp_path / "a" / "b", cache.cache_dir())]
    assert modes == ["0o700", "0o700", "0o700"]


def test_a_non_utf8_file_name_still_gives_a_usable_cache(small: Path) -> None:
    odd = os.path.join(os.fsencode(small), b"odd-\xff.yaml")
    with open(odd, "wb") as handle:
        handle.write(b"schema: 2\n")
    old = time.time() - OLD
    os.utime(odd, (old, old))
    expected = Store(small).factbase
    assert {p.suffix for p in cache_files()} == {".factbase"}
    assert cache.read("factbase", Store(small).cache_key, FactBase, Store(small).allowed) == expected


def shelf_records(small: Path) -> tuple[str, list[object]]:
    fb = loader.load_factbase(small)
    return probe_key(), [fb.by_id["trade"], fb.by_id["india"], fb.by_id["report"]]


def test_a_shelf_holds_each_record_as_its_own_checksummed_pickle(small: Path) -> None:
    key, records = shelf_records(small)
    table = cache.write_shelf(key, records)
    assert table is not None
    blobs = [pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL) for r in records]
    header = b"indoruss-cache 1\n" + key.encode() + b"\n" + f"{3:016d} {0:08x}\n".encode()
    offsets = [len(header), len(header) + len(blobs[0]), len(header) + len(blobs[0]) + len(blobs[1])]
    assert list(table) == [
        value for offset, blob in zip(offsets, blobs, strict=True) for value in (offset, len(blob), zlib.crc32(blob))
    ]
    assert cache._path("shelf", key).read_bytes() == header + b"".join(blobs)
    shelf = cache.Shelf(key, table, Store(small).allowed)
    assert [shelf.get(i) for i in range(3)] == records
    assert shelf.get(-1) is None
    assert shelf.get(3) is None


def test_a_damaged_record_on_a_shelf_reads_as_none_and_the_others_still_read(small: Path) -> None:
    key, records = shelf_records(small)
    table = cache.write_shelf(key, records)
    assert table is not None
    path = cache._path("shelf", key)
    blob = path.read_bytes()
    assert blob.count(b"Trade between India") == 1
    path.write_bytes(blob.replace(b"Trade between India", b"Trade between Indio"))  # same length
    shelf = cache.Shelf(key, table, Store(small).allowed)
    assert [shelf.get(i) for i in range(3)] == [None, records[1], records[2]]


def test_a_shelf_whose_header_does_not_match_its_table_reads_nothing(small: Path) -> None:
    key, records = shelf_records(small)
    table = cache.write_shelf(key, records)
    assert table is not None
    assert cache.Shelf(key, table[:6], Store(small).allowed).get(0) is None
    assert cache.Shelf(probe_key("/data/other"), table, Store(small).allowed).get(0) is None
    cache._path("shelf", key).unlink()
    assert cache.Shelf(key, table, Store(small).allowed).get(0) is None


# -- the store: once per run, through the cache when it may be -------------------------------------------------


def test_loading_leaves_the_garbage_collector_as_it_found_it(small: Path) -> None:
    import gc

    assert gc.isenabled()
    before = gc.get_freeze_count()
    Store(small).factbase  # noqa: B018 - cold
    Store(small).factbase  # noqa: B018 - warm
    assert gc.isenabled()
    assert gc.get_freeze_count() == before
    gc.disable()
    try:
        Store(small).factbase  # noqa: B018
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_short_lived_store_freezes_what_it_loaded(small: Path) -> None:
    import gc

    before = gc.get_freeze_count()
    try:
        Store(small, short_lived=True).factbase  # noqa: B018
        assert gc.get_freeze_count() > before
        assert gc.isenabled()
    finally:
        gc.unfreeze()


def test_without_the_cache_there_is_no_key_and_nothing_is_written(small: Path) -> None:
    store = Store(small, use_cache=False)
    assert store.cache_key is None
    assert [r.id for r in store.factbase.records()] == ["report", "trade", "india"]
    assert store.index.record_ids == ["trade", "india"]
    assert [r.id for r in store.subset(["india"]).records()] == ["report", "india"]
    assert not cache.cache_dir().exists()


def test_records_read_from_the_shelf_one_at_a_time_when_warm(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cold = Store(small)
    expected = cold.factbase
    cold.index  # noqa: B018 - writes the index and the shelf
    reads: list[int] = []
    real_get = cache.Shelf.get

    def counting_get(self: cache.Shelf, position: int) -> object | None:
        reads.append(position)
        return real_get(self, position)

    def no_loading(*_: object) -> FactBase:
        raise AssertionError("the whole fact base was loaded")

    monkeypatch.setattr(cache.Shelf, "get", counting_get)
    monkeypatch.setattr("indoruss.loading.loader.load_factbase", no_loading)
    warm = Store(small)
    records = warm.records
    assert list(records) == ["trade", "india", "report"]
    assert len(records) == 3
    assert records["india"] == expected.by_id["india"]
    assert records["india"] is records["india"]
    assert reads == [1]
    assert [r.id for r in warm.subset(["india", "trade", "india"]).records()] == ["report", "trade", "india"]
    assert reads == [1, 0]
    assert "factbase" not in warm.__dict__


def test_a_store_that_has_the_whole_fact_base_does_not_read_the_shelf(
    small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(small).index  # noqa: B018 - cold: writes the shelf
    store = Store(small)
    expected = store.factbase
    monkeypatch.setattr(cache, "Shelf", None)  # any use of the shelf would fail
    assert dict(store.records) == dict(expected.by_id)


def test_a_shelf_record_with_the_wrong_id_falls_back_to_the_fact_base(
    small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(small).index  # noqa: B018
    topic = loader.load_factbase(small).by_id["trade"]
    monkeypatch.setattr(cache.Shelf, "get", lambda self, position: topic)
    store = Store(small)
    assert store.records["india"].name == "India"
    assert store.records["trade"] is topic
    assert "factbase" in store.__dict__


def test_a_payload_that_adds_an_attribute_to_an_allowed_class_is_refused_and_undone(small: Path) -> None:
    expected = Store(small).factbase
    key = Store(small).cache_key
    assert key is not None
    # GLOBAL FactBase, then BUILD with (None, {"brand_new": 1}): pickle would add FactBase.brand_new.
    payload = b"\x80\x04cindoruss.model.records\nFactBase\nN}X\t\x00\x00\x00brand_newK\x01s\x86b."
    _plant(cache._path("factbase", key), key, payload)
    assert cache.read("factbase", key, FactBase, Store(small).allowed) is None
    assert "brand_new" not in vars(FactBase)
    assert Store(small).factbase == expected


def test_prune_dates_a_folder_by_its_newest_file(tmp_path: Path) -> None:
    folder = cache.cache_dir()
    folder.mkdir(parents=True)
    now = time.time()
    pairs = [f"{number + 1:08x}" for number in range(7)]
    for number, tag in enumerate(pairs):  # a new index beside an old fact base: the folder is recent
        fabricate(folder, f"{tag}-00000000-10.index", now - 10 - number)
        fabricate(folder, f"{tag}-00000000-10.factbase", now - 99_999)
    fabricate(folder, "0000000f-00000000-10.factbase", now - 500)  # older than every pair's newest file
    cache.prune(PRUNE_KEY, now)
    assert sorted({p.name.partition("-")[0] for p in folder.iterdir()}) == pairs
    assert len(list(folder.iterdir())) == 14


def test_a_payload_that_changes_a_class_and_then_fails_is_undone_too(small: Path) -> None:
    Store(small).factbase  # noqa: B018 - makes the cache folder
    key = Store(small).cache_key
    assert key is not None
    original = FactBase.of
    # FactBase.of = 1 as above, then a byte that is no pickle opcode: unpickling fails after the change.
    payload = b"\x80\x04cindoruss.model.records\nFactBase\nN}X\x02\x00\x00\x00ofK\x01s\x86b\xff"
    _plant(cache._path("factbase", key), key, payload)
    assert cache.read("factbase", key, FactBase, Store(small).allowed) is None
    assert FactBase.of is original


def test_the_checksumming_writer_passes_on_what_it_writes_and_counts_it() -> None:
    import io

    out = io.BytesIO()
    counted = cache._Checksummed(out)
    assert counted.write(b"abc") == 3
    assert counted.write(b"de") == 2
    assert (out.getvalue(), counted.length, counted.crc) == (b"abcde", 5, zlib.crc32(b"abcde"))


def test_a_payload_that_changes_a_class_s_doc_or_weakref_is_undone(small: Path) -> None:
    Store(small).factbase  # noqa: B018 - makes the cache folder
    key = Store(small).cache_key
    assert key is not None
    # Topic's own __doc__, and the __weakref__ it inherits: a payload must neither replace one nor shadow the other.
    doc, weakref = Topic.__doc__, Topic.__weakref__
    # GLOBAL Topic, then BUILD with (None, {"__doc__": "x", "__weakref__": 1}).
    payload = (
        b"\x80\x04cindoruss.model.records\nTopic\nN}(X\x07\x00\x00\x00__doc__X\x01\x00\x00\x00x"
        b"X\x0b\x00\x00\x00__weakref__K\x01u\x86b."
    )
    _plant(cache._path("factbase", key), key, payload)
    assert cache.read("factbase", key, FactBase, Store(small).allowed) is None
    assert Topic.__doc__ is doc
    assert Topic.__weakref__ is weakref and "__weakref__" not in vars(Topic)


def test_a_payload_that_changes_a_class_is_refused_even_when_it_returns_the_expected_type(small: Path) -> None:
    Store(small).factbase  # noqa: B018 - makes the cache folder
    key = Store(small).cache_key
    assert key is not None
    original = FactBase.of
    # (FactBase with FactBase.of = 1, 1): a tuple, the type asked for, built by a payload that changed a class.
    payload = b"\x80\x04cindoruss.model.records\nFactBase\nN}X\x02\x00\x00\x00ofK\x01s\x86bK\x01\x86."
    _plant(cache._path("probe", key), key, payload)
    assert cache.read("probe", key, tuple, Store(small).allowed) is None
    assert FactBase.of is original


class _Hung(BaseException):
    """Raised by an alarm: a BaseException, so that read()'s `except Exception` cannot swallow it."""


def test_a_fifo_where_the_cache_file_should_be_is_not_opened(small: Path) -> None:
    import signal

    Store(small).factbase  # noqa: B018 - makes the cache folder
    key = Store(small).cache_key
    assert key is not None
    target = cache._path("factbase", key)
    target.unlink()
    os.mkfifo(target, 0o600)

    def hung(*_: object) -> None:
        raise _Hung

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(10)  # opening a FIFO for reading waits for a writer that never comes
    try:
        assert cache.read("factbase", key, FactBase, Store(small).allowed) is None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
