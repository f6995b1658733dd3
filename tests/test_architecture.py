"""The package's rooms: no import cycle, and counting that never reaches the report.

Every import of every module is read from its source (top-level and inside
functions alike), so a loop hidden behind a function-level import fails too.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "src" / "htmss_analysis"
NAME = "htmss_analysis"


def _module(path: Path, package: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Return every module of the package and the package modules it imports, anywhere."""
    modules = {_module(p, package): p for p in package.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(name, path.name == "__init__.py", node)
                # `from . import x` imports the module x when there is one
                found = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base
                         for a in node.names]
            else:
                continue
            for target in found:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target.startswith(NAME) and target != name:
                    targets.add(target)
        graph[name] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return one path of each import cycle found (empty when there is none).

    A package's ``__init__`` importing its own modules is not a cycle of
    rooms: the edges from a package to its submodules are left out.
    """
    found, state = [], {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if nxt.startswith(node + "."):
                continue
            if state.get(nxt) == "open":
                found.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def test_the_cycle_finder_finds_a_hidden_loop(tmp_path):
    pkg = tmp_path / NAME
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from . import b\n")
    (pkg / "b.py").write_text("def f():\n    from .sub import c\n")
    (pkg / "sub" / "c.py").write_text("def g():\n    from ..a import thing\n")
    graph = import_graph(pkg)
    assert graph[f"{NAME}.b"] == {f"{NAME}.sub.c"}
    assert cycles(graph) == [[f"{NAME}.a", f"{NAME}.b", f"{NAME}.sub.c", f"{NAME}.a"]]


def test_the_package_has_no_import_cycle():
    assert cycles(import_graph()) == []


def test_counting_never_imports_the_report_the_build_or_the_cli():
    graph = import_graph()
    counting = [m for m in graph if m.startswith(f"{NAME}.metrics")]
    assert counting
    for module in counting:
        for target in graph[module]:
            assert not target.startswith((f"{NAME}.report", f"{NAME}.build",
                                          f"{NAME}.cli")), (module, target)


def test_programme_facts_import_nothing_that_could_import_them_back():
    assert import_graph()[f"{NAME}.programmes"] <= {f"{NAME}.marks"}
