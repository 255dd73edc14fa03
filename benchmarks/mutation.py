"""Mutation testing: how many small, deliberate bugs in a module do the tests that exercise it catch?

    python benchmarks/mutation.py [--modules search/ranking.py model/citing.py] [--sample N] [--seed 1]
                                  [--jobs 2] [--time-budget 40] [--tests tests/test_x.py ...] [--equivalent FILE]

What it measures. For each module it makes mutants, one small change each (mutmut-like operators, applied one
at a time at each AST node where they fit): comparisons swapped (== <-> !=, < <-> >=, > <-> <=, in <-> not in,
is <-> is not), `and` <-> `or`, `not x` -> `x`, + <-> - and * <-> / (also in +=, -=, *=, /=), a number n -> n+1,
True <-> False, a string "x" -> "XXxXX", `return x` -> `return None` (not in a function annotated `-> None`),
`continue` <-> `break`, and a call statement replaced by `pass`. Docstrings, f-string parts, type annotations and
`if TYPE_CHECKING:` blocks are left alone. Each mutant is written with `ast.unparse` (comments are lost) and
the tests listed for its module run against it (`pytest -x -q`). A mutant is killed when they fail, survives when
they pass, and times out when they run over three times the module's baseline time; a time-out counts as
killed. The score is killed / (killed + survived); a surviving mutant is a change no test noticed, listed as
`module:line: description` (the line is the line in the original source).

How. The repository's src/ is copied into a temporary folder and the working tree is never written to: each
mutant gets its own copy of that package, and pytest runs from the repository (its own tests) with PYTHONPATH
pointing at the copy first, PYTHONDONTWRITEBYTECODE=1, no cache provider, its own --basetemp and its own
Hypothesis database. A tiny subprocess first checks that `import indoruss` finds the copy and not the editable
install. A baseline run per module, with the module unparsed but unchanged, must pass first: it times the test
selection and shows that `ast.unparse` alone changes nothing the tests see.

Options. --sample N tries N mutants per module, chosen at random (seeded by --seed, per module, so choosing
other modules does not change a module's sample); without it, every mutant runs. --jobs runs that many
mutants at once. --time-budget MINUTES stops starting mutants after that long and says how many were left
untested. --equivalent FILE sets aside mutants known to be equivalent (no test could kill them): a plain-text
file with one `module:line: description` a line, or a YAML list of them (`- "model/citing.py:20: ..."`); `#`
starts a comment. They are not run nor counted, and the report says how many were set aside. By default the
list is benchmarks/mutation-equivalent.yaml, where each entry says why no test could kill it.

A full run takes long (tens of seconds of tests per mutant): this is a measurement to run by hand, and it does
not run in CI. The exit code is 0 whatever the score, and 2 only when the measurement cannot run (a baseline
that fails, a copy that is not imported, an unknown module).
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "indoruss"
PACKAGE_DIR = ROOT / "src" / PACKAGE
EQUIVALENT = ROOT / "benchmarks" / "mutation-equivalent.yaml"  # the default --equivalent, when it exists

# Each module (under src/indoruss/) and the tests that exercise it.
MODULE_TESTS: dict[str, tuple[str, ...]] = {
    "search/ranking.py": (
        "tests/test_ranking.py",
        "tests/test_ranking_scores.py",
        "tests/test_search.py",
        "tests/test_cli.py",
    ),
    # The ranking tests check what the index holds for a rule (parts of a topic, records about another thing).
    "search/index.py": (
        "tests/test_index.py",
        "tests/test_ranking.py",
        "tests/test_ranking_scores.py",
        "tests/test_search.py",
        "tests/test_cli.py",
    ),
    "model/queries.py": ("tests/test_model.py", "tests/test_cli.py", "tests/test_index.py"),
    "model/analysis.py": ("tests/test_analysis.py", "tests/test_outcomes.py", "tests/test_cli.py"),
    "model/outcomes.py": ("tests/test_outcomes.py", "tests/test_analysis.py", "tests/test_cli.py"),
    "loading/loader.py": ("tests/test_loader.py", "tests/test_paths.py", "tests/test_outcomes.py"),
    "loading/paths.py": ("tests/test_paths.py", "tests/test_loader.py", "tests/test_outcomes.py"),
    "storage/cache.py": ("tests/test_cache.py",),
    "storage/store.py": ("tests/test_cache.py",),
    "model/citing.py": ("tests/test_analysis.py", "tests/test_outcomes.py"),
    "loading/yamlsource.py": ("tests/test_loader.py",),
    "loading/crosscheck.py": ("tests/test_crosscheck.py",),
    "text.py": (
        "tests/test_text.py",
        "tests/test_search.py",
        "tests/test_index.py",
        "tests/test_ranking.py",
        "tests/test_ranking_scores.py",
    ),
}

# Mutants set aside as equivalent unless --equivalent names another file.
EQUIVALENT = ROOT / "benchmarks" / "mutation-equivalent.yaml"

TIMEOUT_FACTOR = 3.0
TIMEOUT_FLOOR = 10.0  # seconds: a very quick selection still gets time to start Python and pytest
# Variables that would change what the package or the tests do; the runs set their own.
CLEARED = ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "INDORUSS_DATA", "INDORUSS_OUTPUT", "PYTEST_ADDOPTS")

COMPARISONS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Lt: ast.GtE,
    ast.GtE: ast.Lt,
    ast.Gt: ast.LtE,
    ast.LtE: ast.Gt,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
ARITHMETIC: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
}
SYMBOLS: dict[type[ast.AST], str] = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.GtE: ">=",
    ast.Gt: ">",
    ast.LtE: "<=",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.And: "and",
    ast.Or: "or",
}


class CannotRun(Exception):
    """The measurement cannot be made (exit code 2)."""


# --- Finding and applying mutations ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Mutant:
    module: str  # relative to src/indoruss, e.g. "search/ranking.py"
    node: int  # index of the node in ast.walk order of the parsed module
    kind: str  # which operator: "compare:<i>", "boolop", "not", "binop", "augop", "number", "bool", ...
    line: int
    description: str

    @property
    def label(self) -> str:
        return f"{self.module}:{self.line}: {self.description}"


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _returns_none(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    returns = function.returns
    if returns is None:
        return False
    if isinstance(returns, ast.Constant):
        return returns.value is None or returns.value == "None"
    return isinstance(returns, ast.Name) and returns.id == "None"


def _docstring(body: Sequence[ast.stmt]) -> ast.stmt | None:
    if body and isinstance(body[0], ast.Expr):
        value = body[0].value
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            return body[0]
    return None


def _excluded(tree: ast.Module) -> tuple[set[int], set[int]]:
    """Ids of nodes never mutated (docstrings, annotations, TYPE_CHECKING blocks) and of f-string parts."""
    skipped: set[int] = set()
    in_fstrings: set[int] = set()

    def skip(node: ast.AST) -> None:
        skipped.update(id(child) for child in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            doc = _docstring(node.body)
            if doc is not None:
                skip(doc)
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            skip(node.test)
            for statement in node.body:
                skip(statement)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.returns is not None:
            skip(node.returns)
        if isinstance(node, ast.arg) and node.annotation is not None:
            skip(node.annotation)
        if isinstance(node, ast.AnnAssign):
            skip(node.annotation)
        if isinstance(node, ast.JoinedStr):
            in_fstrings.update(id(child) for child in ast.walk(node))
    return skipped, in_fstrings


def _none_functions(tree: ast.Module) -> set[int]:
    """Ids of `return` statements that belong to a function annotated `-> None`."""
    found: set[int] = set()

    def visit(node: ast.AST, none_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, _returns_none(child))
            elif isinstance(child, ast.Lambda | ast.ClassDef):
                visit(child, False)
            else:
                if isinstance(child, ast.Return) and none_function:
                    found.add(id(child))
                visit(child, none_function)

    visit(tree, False)
    return found


def find_mutants(module: str, source: str) -> list[Mutant]:
    tree = ast.parse(source)
    skipped, in_fstrings = _excluded(tree)
    none_returns = _none_functions(tree)
    found: list[tuple[int, str, int, str]] = []
    for index, node in enumerate(ast.walk(tree)):
        if id(node) in skipped:
            continue
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                swapped = COMPARISONS[type(op)]
                found.append((index, f"compare:{i}", line, f"{SYMBOLS[type(op)]} -> {SYMBOLS[swapped]}"))
        elif isinstance(node, ast.BoolOp):
            other = ast.Or if isinstance(node.op, ast.And) else ast.And
            found.append((index, "boolop", line, f"{SYMBOLS[type(node.op)]} -> {SYMBOLS[other]}"))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            found.append((index, "not", line, f"not {_short(ast.unparse(node.operand), 30)} -> drop not"))
        elif isinstance(node, ast.BinOp) and type(node.op) in ARITHMETIC:
            swapped_op = ARITHMETIC[type(node.op)]
            found.append((index, "binop", line, f"{SYMBOLS[type(node.op)]} -> {SYMBOLS[swapped_op]}"))
        elif isinstance(node, ast.AugAssign) and type(node.op) in ARITHMETIC:
            swapped_op = ARITHMETIC[type(node.op)]
            found.append((index, "augop", line, f"{SYMBOLS[type(node.op)]}= -> {SYMBOLS[swapped_op]}="))
        elif isinstance(node, ast.Constant):
            value = node.value
            if isinstance(value, bool):
                found.append((index, "bool", line, f"{value} -> {not value}"))
            elif isinstance(value, int | float):
                found.append((index, "number", line, f"{value!r} -> {value + 1!r}"))
            elif isinstance(value, str) and id(node) not in in_fstrings:
                found.append(
                    (index, "string", line, f"{_short(repr(value), 30)} -> {_short(repr('XX' + value + 'XX'), 34)}")
                )
        elif isinstance(node, ast.Return) and node.value is not None and id(node) not in none_returns:
            if not (isinstance(node.value, ast.Constant) and node.value.value is None):
                found.append((index, "return", line, f"return {_short(ast.unparse(node.value), 30)} -> return None"))
        elif isinstance(node, ast.Continue):
            found.append((index, "continue", line, "continue -> break"))
        elif isinstance(node, ast.Break):
            found.append((index, "break", line, "break -> continue"))
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            found.append((index, "call", line, f"{_short(ast.unparse(node.value.func), 30)}(...) -> pass"))
    found.sort(key=lambda item: (item[2], item[0], item[1]))
    # Two mutants alike on one line (two `==`, say) get a number, so each has a label of its own.
    seen: dict[tuple[int, str], int] = {}
    mutants: list[Mutant] = []
    for index, kind, line, description in found:
        count = seen[(line, description)] = seen.get((line, description), 0) + 1
        shown = description if count == 1 else f"{description} (#{count})"
        mutants.append(Mutant(module, index, kind, line, shown))
    return mutants


def _replace(parent: ast.AST, old: ast.AST, new: ast.AST) -> None:
    for name, value in ast.iter_fields(parent):
        if value is old:
            setattr(parent, name, new)
            return
        if isinstance(value, list):
            for i, item in enumerate(value):
                if item is old:
                    value[i] = new
                    return
    raise ValueError("node not found in its parent")


def apply_mutant(source: str, mutant: Mutant) -> str:
    """The module's source with this one mutation, written by ast.unparse."""
    tree = ast.parse(source)
    nodes = list(ast.walk(tree))
    node = nodes[mutant.node]
    parents = {id(child): parent for parent in nodes for child in ast.iter_child_nodes(parent)}
    kind = mutant.kind
    if kind.startswith("compare:"):
        assert isinstance(node, ast.Compare)
        i = int(kind.split(":")[1])
        node.ops[i] = COMPARISONS[type(node.ops[i])]()
    elif kind == "boolop":
        assert isinstance(node, ast.BoolOp)
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    elif kind == "not":
        assert isinstance(node, ast.UnaryOp)
        _replace(parents[id(node)], node, node.operand)
    elif kind in ("binop", "augop"):
        assert isinstance(node, ast.BinOp | ast.AugAssign)
        node.op = ARITHMETIC[type(node.op)]()
    elif kind == "bool":
        assert isinstance(node, ast.Constant)
        node.value = not node.value
    elif kind == "number":
        assert isinstance(node, ast.Constant) and isinstance(node.value, int | float)
        node.value = node.value + 1
    elif kind == "string":
        assert isinstance(node, ast.Constant) and isinstance(node.value, str)
        node.value = "XX" + node.value + "XX"
    elif kind == "return":
        assert isinstance(node, ast.Return)
        node.value = ast.Constant(value=None)
    elif kind in ("continue", "break"):
        _replace(parents[id(node)], node, ast.Break() if kind == "continue" else ast.Continue())
    elif kind == "call":
        _replace(parents[id(node)], node, ast.Pass())
    else:
        raise ValueError(f"unknown mutation {kind}")
    return ast.unparse(ast.fix_missing_locations(tree)) + "\n"


# --- Running the tests against a copy --------------------------------------------------------------------------


@dataclass
class Workspace:
    base: Path  # the temporary folder: src/ (pristine copy) and data/
    python: str = sys.executable
    _counter: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _running: set[subprocess.Popen[bytes]] = field(default_factory=set)
    _stopping: bool = False

    @classmethod
    def create(cls) -> Workspace:
        base = Path(tempfile.mkdtemp(prefix="indoruss-mutation-"))
        base.chmod(0o755)  # a test loads the package as 'nobody' when run as root
        shutil.copytree(ROOT / "src", base / "src", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        # The package finds the bundled fact base beside src/ in a checkout (loading/paths.py).
        if (ROOT / "data").is_dir():
            shutil.copytree(ROOT / "data", base / "data")
        return cls(base)

    def pristine(self, module: str) -> str:
        return (self.base / "src" / PACKAGE / module).read_text(encoding="utf-8")

    def new_copy(self) -> Path:
        with self._lock:
            self._counter += 1
            folder = self.base / f"run-{self._counter}"
        folder.mkdir()
        folder.chmod(0o755)
        shutil.copytree(self.base / "src", folder / "src")
        (folder / "data").symlink_to(self.base / "data", target_is_directory=True)
        return folder

    def environment(self, folder: Path) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in CLEARED}
        env["PYTHONPATH"] = str(folder / "src")
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["HYPOTHESIS_STORAGE_DIRECTORY"] = str(folder / "hypothesis")  # not the repository's .hypothesis/
        return env

    def check_import(self) -> str:
        folder = self.new_copy()
        try:
            result = subprocess.run(
                [self.python, "-c", f"import {PACKAGE}; print({PACKAGE}.__file__)"],
                cwd=ROOT,
                env=self.environment(folder),
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            where = result.stdout.strip()
            expected = folder / "src" / PACKAGE / "__init__.py"
            if result.returncode != 0 or Path(where).resolve() != expected.resolve():
                raise CannotRun(
                    f"`import {PACKAGE}` does not find the copy: got {where or result.stderr.strip()!r},"
                    f" expected {expected}"
                )
            return where
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def run_tests(self, module: str, text: str, tests: Sequence[str], timeout: float | None) -> tuple[str, float, str]:
        """Run the tests with `module` replaced by `text`: ("passed" | "failed" | "timeout", seconds, log tail)."""
        folder = self.new_copy()
        try:
            (folder / "src" / PACKAGE / module).write_text(text, encoding="utf-8")
            command = [self.python, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
            command += ["--basetemp", str(folder / "pytest"), *tests]
            log_path = folder / "pytest.log"
            start = time.perf_counter()
            with self._lock:
                if self._stopping:
                    return "timeout", 0.0, "stopped"
            with log_path.open("wb") as log:
                process = subprocess.Popen(
                    command,
                    cwd=ROOT,
                    env=self.environment(folder),
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # its own process group, so a time-out ends its children too
                )
                with self._lock:
                    self._running.add(process)
                try:
                    code = process.wait(timeout=timeout)
                    status = "passed" if code == 0 else "failed"
                except subprocess.TimeoutExpired:
                    _kill_group(process)
                    status = "timeout"
                finally:
                    with self._lock:
                        self._running.discard(process)
            seconds = time.perf_counter() - start
            tail = "\n".join(log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-25:])
            return status, seconds, tail
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def stop_all(self) -> None:
        with self._lock:
            self._stopping = True
            running = list(self._running)
        for process in running:
            _kill_group(process)

    def remove(self) -> None:
        shutil.rmtree(self.base, ignore_errors=True)


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


# --- Equivalent mutants ----------------------------------------------------------------------------------------


def normalise_label(label: str) -> str:
    label = " ".join(label.split())
    for prefix in (f"src/{PACKAGE}/", f"{PACKAGE}/"):
        if label.startswith(prefix):
            label = label[len(prefix) :]
    return label


def read_equivalent(path: Path) -> set[str]:
    """`module:line: description` lines from a plain-text file or a YAML list (a top-level key is allowed)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CannotRun(f"cannot read {path}: {exc.strerror or exc}") from None
    labels: set[str] = set()
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or line == "---":
            continue
        if re.fullmatch(r"[A-Za-z_][\w-]*:", line):  # a YAML key holding the list, e.g. `equivalent:`
            continue
        if line.startswith("- "):
            line = line[2:].strip()
        if len(line) >= 2 and line[0] == line[-1] == '"':
            line = line[1:-1].replace('\\"', '"').replace("\\\\", "\\")
        elif len(line) >= 2 and line[0] == line[-1] == "'":
            line = line[1:-1].replace("''", "'")
        elif " #" in line:
            line = line.split(" #", 1)[0].rstrip()
        if not re.match(r"[^:]+\.py:\d+: .", line):
            raise CannotRun(f"{path}: not a `module:line: description` line: {raw.strip()!r}")
        labels.add(normalise_label(line))
    return labels


# --- The measurement -------------------------------------------------------------------------------------------


@dataclass
class ModuleReport:
    module: str
    tests: tuple[str, ...]
    candidates: int = 0
    set_aside: int = 0
    sampled: list[Mutant] = field(default_factory=list)
    baseline: float = 0.0
    timeout: float = 0.0
    killed: int = 0
    timed_out: int = 0
    invalid: int = 0
    survivors: list[Mutant] = field(default_factory=list)
    untested: int = 0

    @property
    def tried(self) -> int:
        return self.killed + self.timed_out + len(self.survivors)


def normalise_module(name: str) -> str:
    name = name.replace("\\", "/").removeprefix("./")
    for prefix in (f"src/{PACKAGE}/", f"{PACKAGE}/"):
        name = name.removeprefix(prefix)
    return name if name.endswith(".py") else name.replace(".", "/") + ".py"


def round_robin(groups: Sequence[Sequence[Mutant]]) -> Iterator[Mutant]:
    for i in range(max((len(g) for g in groups), default=0)):
        for group in groups:
            if i < len(group):
                yield group[i]


def measure(args: argparse.Namespace) -> int:
    started = time.monotonic()
    deadline = started + args.time_budget * 60
    modules = [normalise_module(m) for m in (args.modules or MODULE_TESTS)]
    reports: dict[str, ModuleReport] = {}
    for module in modules:
        if not (PACKAGE_DIR / module).is_file():
            raise CannotRun(f"no such module: src/{PACKAGE}/{module}")
        tests = tuple(args.tests) if args.tests else MODULE_TESTS.get(module)
        if not tests:
            raise CannotRun(f"no tests are listed for {module}; name them with --tests")
        for test in tests:
            if not (ROOT / test.split("::")[0]).exists():
                raise CannotRun(f"no such test file: {test}")
        reports[module] = ModuleReport(module, tests)
    equivalent = read_equivalent(args.equivalent) if args.equivalent else set()

    workspace = Workspace.create()

    def interrupted(signum: int, _frame: object) -> None:
        workspace.stop_all()  # end the running pytest process groups, and start no more
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupted)
    signal.signal(signal.SIGTERM, interrupted)
    try:
        where = workspace.check_import()
        print(f"copy of src/ in {workspace.base}; `import {PACKAGE}` finds {where}")
        return _run(args, workspace, reports, equivalent, started, deadline)
    except KeyboardInterrupt:
        workspace.stop_all()
        print("interrupted", file=sys.stderr)
        return 2
    finally:
        workspace.remove()


def _run(
    args: argparse.Namespace,
    workspace: Workspace,
    reports: dict[str, ModuleReport],
    equivalent: set[str],
    started: float,
    deadline: float,
) -> int:
    sources = {module: workspace.pristine(module) for module in reports}
    matched: set[str] = set()
    for module, report in reports.items():
        mutants = find_mutants(module, sources[module])
        report.candidates = len(mutants)
        kept = []
        for mutant in mutants:
            if normalise_label(mutant.label) in equivalent:
                matched.add(normalise_label(mutant.label))
                report.set_aside += 1
            else:
                kept.append(mutant)
        if args.sample is not None and args.sample < len(kept):
            kept = sorted(random.Random(f"{args.seed}:{module}").sample(kept, args.sample), key=lambda m: m.line)
        report.sampled = kept

    # Baselines: the module unparsed but not mutated must pass, and its time sets the time-out.
    print(f"baselines ({len(reports)} module(s), {args.jobs} at a time)...", flush=True)
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        baselines = {
            module: pool.submit(
                workspace.run_tests, module, ast.unparse(ast.parse(sources[module])) + "\n", report.tests, 600.0
            )
            for module, report in reports.items()
        }
        failed = []
        for module, future in baselines.items():
            status, seconds, tail = future.result()
            report = reports[module]
            report.baseline = seconds
            report.timeout = max(TIMEOUT_FACTOR * seconds, TIMEOUT_FLOOR)
            if status != "passed":
                failed.append(f"{module} ({' '.join(report.tests)}): {status}\n{tail}")
    if failed:
        raise CannotRun("the tests fail without any mutation, so nothing can be measured:\n" + "\n".join(failed))

    queue = list(round_robin([report.sampled for report in reports.values()]))
    total = len(queue)
    print(f"{total} mutant(s) to run, {args.jobs} at a time, time budget {args.time_budget:g} min", flush=True)
    done = 0
    out_of_time = False
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        pending: dict[Future[tuple[str, float, str]], Mutant] = {}
        position = 0
        while position < len(queue) or pending:
            while position < len(queue) and len(pending) < args.jobs and not out_of_time:
                if time.monotonic() >= deadline:
                    out_of_time = True
                    break
                mutant = queue[position]
                position += 1
                report = reports[mutant.module]
                try:
                    text = apply_mutant(sources[mutant.module], mutant)
                    compile(text, mutant.module, "exec")
                except (SyntaxError, ValueError, RecursionError):
                    report.invalid += 1
                    continue
                pending[pool.submit(workspace.run_tests, mutant.module, text, report.tests, report.timeout)] = mutant
            if not pending:
                break
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                mutant = pending.pop(future)
                status, _seconds, _tail = future.result()
                report = reports[mutant.module]
                if status == "passed":
                    report.survivors.append(mutant)
                elif status == "timeout":
                    report.timed_out += 1
                else:
                    report.killed += 1
                done += 1
                mark = {"passed": "survived", "failed": "killed", "timeout": "timed out"}[status]
                print(f"  [{done}/{total}] {mutant.label}: {mark}", flush=True)
        for mutant in queue[position:]:
            reports[mutant.module].untested += 1

    print_report(reports, equivalent, matched, time.monotonic() - started, out_of_time, args)
    return 0


def print_report(
    reports: dict[str, ModuleReport],
    equivalent: set[str],
    matched: set[str],
    elapsed: float,
    out_of_time: bool,
    args: argparse.Namespace,
) -> None:
    print()
    print(f"Mutation score (seed {args.seed}, sample {args.sample or 'all'}); timeouts count as killed.")
    killed = survived = 0
    for report in reports.values():
        caught = report.killed + report.timed_out
        survived_here = len(report.survivors)
        killed, survived = killed + caught, survived + survived_here
        score = f"{100 * caught / (caught + survived_here):.1f}%" if caught + survived_here else "n/a"
        print()
        print(f"{report.module}  (tests: {' '.join(report.tests)})")
        print(
            f"  mutants: {report.candidates} found, {report.set_aside} set aside as equivalent,"
            f" {len(report.sampled)} chosen; baseline {report.baseline:.1f} s, time-out {report.timeout:.1f} s"
        )
        print(
            f"  tried {report.tried}: killed {report.killed}, survived {survived_here},"
            f" timed out {report.timed_out} (counted as killed)"
            + (f", {report.invalid} not valid Python (skipped)" if report.invalid else "")
            + (f", {report.untested} left untested" if report.untested else "")
        )
        print(f"  score {score} = killed / (killed + survived), with time-outs as killed")
        if report.survivors:
            print("  survivors:")
            for mutant in sorted(report.survivors, key=lambda m: (m.line, m.description)):
                print(f"    {mutant.label}")
    print()
    overall = f"{100 * killed / (killed + survived):.1f}%" if killed + survived else "n/a"
    set_aside = sum(report.set_aside for report in reports.values())
    print(f"overall: killed {killed} (time-outs included), survived {survived}, score {overall}; {elapsed:.0f} s")
    if args.equivalent:
        print(f"set aside as equivalent: {set_aside} (listed in {args.equivalent})")
        stale = sorted(equivalent - matched)
        relevant = [label for label in stale if label.split(":", 1)[0] in reports]
        if relevant:
            print(f"  {len(relevant)} listed line(s) match no mutant of these modules (the source moved?):")
            for label in relevant:
                print(f"    {label}")
    untested = sum(report.untested for report in reports.values())
    if out_of_time:
        print(f"time budget of {args.time_budget:g} min reached: {untested} mutant(s) left untested")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--modules", nargs="+", metavar="MODULE", help="modules under src/indoruss (default: all listed)"
    )
    parser.add_argument("--tests", nargs="+", metavar="TEST", help="test files to run for every module chosen")
    parser.add_argument("--sample", type=int, metavar="N", help="mutants per module, chosen at random (default: all)")
    parser.add_argument("--seed", type=int, default=1, help="seed for --sample (default: 1)")
    parser.add_argument("--jobs", type=int, default=2, help="mutants run at once (default: 2)")
    parser.add_argument(
        "--time-budget", type=float, default=40.0, metavar="MINUTES", help="stop after this long (default: 40)"
    )
    parser.add_argument(
        "--equivalent",
        type=Path,
        default=EQUIVALENT if EQUIVALENT.is_file() else None,
        metavar="FILE",
        help=f"mutants to set aside, one label a line (default: {EQUIVALENT.relative_to(ROOT)})",
    )
    args = parser.parse_args(argv)
    if args.sample is not None and args.sample < 1:
        parser.error("--sample must be at least 1")
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if args.time_budget <= 0:
        parser.error("--time-budget must be positive")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        import pytest  # noqa: F401  # only to say early that it is missing
    except ImportError:
        print("mutation: pytest is not installed in this environment", file=sys.stderr)
        return 2
    try:
        return measure(args)
    except CannotRun as exc:
        print(f"mutation: cannot run: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
