"""The layers as the README draws them: what each package may import, and no import cycles anywhere.

Imports inside functions count too: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import indoruss

PACKAGE = Path(indoruss.__file__).resolve().parent
BASE = {"errors", "safety", "text", "__init__"}
# Each layer and the project packages it may import, besides the base modules.
MAY_IMPORT = {
    "model": {"model"},
    "search": {"model", "search"},
    "loading": {"model", "loading", "search"},
    "storage": {"model", "loading", "search", "storage"},
    "views": {"model", "search", "views"},
    "cli": {"model", "search", "loading", "storage", "views", "cli"},
    "__main__": {"cli"},
}
CORE = ("model", "search", "loading", "storage")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every project module this file imports, at any depth of the file, resolved to dotted names."""
    name = _module_name(path)
    package = name.split(".")[:-1]  # for an __init__.py ("cli.__init__") too, this is the package itself
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = [*base, *(node.module.split(".") if node.module else [])]
            elif node.module and node.module.startswith("indoruss"):
                target = node.module.split(".")[1:]
            else:
                continue
            for alias in node.names:
                candidate = [*target, alias.name]
                if (PACKAGE.joinpath(*candidate).with_suffix(".py")).exists():
                    found.add(".".join(candidate))
                elif target:
                    found.add(".".join(target))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("indoruss."):
                    found.add(alias.name.removeprefix("indoruss."))
    found.discard("")
    return {f for f in found if f != name}


def _graph() -> dict[str, set[str]]:
    return {_module_name(p): _imports(p) for p in PACKAGE.rglob("*.py")}


def test_each_layer_imports_only_what_the_readme_allows() -> None:
    wrong = []
    for module, targets in _graph().items():
        layer = module.split(".")[0]
        allowed = MAY_IMPORT.get(layer, set())
        for target in targets:
            top = target.split(".")[0]
            if top not in BASE and top not in allowed and top != "__init__":
                wrong.append(f"{module} imports {target}")
    assert wrong == []


def test_the_core_never_imports_typer_rich_or_the_views() -> None:
    for path in PACKAGE.rglob("*.py"):
        if _module_name(path).split(".")[0] not in (*CORE, *BASE):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.append(node.module)
            for imported in names:
                assert imported.split(".")[0] not in ("typer", "rich", "click"), f"{path.name} imports {imported}"


def test_no_import_cycles() -> None:
    graph = _graph()
    visiting: list[str] = []
    done: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        if node in done:
            return
        if node in visiting:
            cycles.append([*visiting[visiting.index(node) :], node])
            return
        visiting.append(node)
        for target in sorted(graph.get(node, ())):
            visit(target)
        visiting.pop()
        done.add(node)

    for module in sorted(graph):
        visit(module)
    assert cycles == []


def test_every_dataclass_writes_its_own_docstring() -> None:
    """A dataclass without a docstring gets one made from inspect.signature when its module is imported,
    which costs more start-up than everything else the decorator does (about 3 ms for the first)."""
    import dataclasses
    import importlib
    import pkgutil

    import indoruss

    undocumented = []
    for info in pkgutil.walk_packages(indoruss.__path__, "indoruss."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            ours = isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == info.name
            if ours and (not value.__dict__.get("__doc__") or value.__doc__.startswith(f"{name}(")):
                undocumented.append(f"{info.name}.{name}")
    assert undocumented == []
