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


def _imported(path: Path, name: str, modules: dict[str, Path]) -> list[str]:
    """Return the absolute names module ``name`` (at ``path``) imports, anywhere in it."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(name, path.name == "__init__.py", node)
            # `from . import x` imports the module x when there is one
            found += [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base
                      for a in node.names]
    return found


def _modules(package: Path) -> dict[str, Path]:
    return {_module(p, package): p for p in package.rglob("*.py")}


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Return every module of the package and the package modules it imports, anywhere."""
    modules = _modules(package)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets: set[str] = set()
        for target in _imported(path, name, modules):
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


# --- no side channels: a report's language and tables travel with the report -------------

HIGHLIGHTS = ("title", "headline_cards", "headline_trend", "about", "programme_shares",
              "stories", "awareness", "priorities", "intergovernmental", "knowledge", "sdgs",
              "cases", "web", "data_quality", "method")


def _render(ctx, name):
    from htmss_analysis import report

    section = getattr(report, name)
    return str(section(ctx, "highlights at a glance") if name == "title" else section(ctx))


def test_two_languages_interleaved_give_what_each_gives_alone(tiny_data):
    from htmss_analysis import languages
    from htmss_analysis import report as r

    alone = {}
    for lang in ("en", "fr"):
        ctx = r.context(tiny_data, 2018, None, lang=lang)
        alone[lang] = ([_render(ctx, n) for n in HIGHLIGHTS], ctx.tables.sheets)
    english, french = (r.context(tiny_data, 2018, None, lang=lang) for lang in ("en", "fr"))
    mixed = {"en": [], "fr": []}
    for name in HIGHLIGHTS:  # one section of each, turn about
        mixed["fr"].append(_render(french, name))
        mixed["en"].append(_render(english, name))
    assert mixed["en"] == alone["en"][0] and mixed["fr"] == alone["fr"][0]
    for lang, ctx in (("en", english), ("fr", french)):
        sheets = alone[lang][1]
        assert list(ctx.tables.sheets) == list(sheets)
        assert all(ctx.tables.sheets[k].equals(sheets[k]) for k in sheets)
    assert "Activités de coopération technique" in "".join(mixed["fr"])
    assert "Activités" not in "".join(mixed["en"])
    assert languages.current() == "en"  # nothing leaks out of a section


def test_two_languages_in_two_threads_at_once(tiny_data):
    from concurrent.futures import ThreadPoolExecutor

    from htmss_analysis import report as r

    def page(lang):  # the sections that draw charts or write numbers and dates
        ctx = r.context(tiny_data, 2018, None, lang=lang)
        return [_render(ctx, n) for n in ("title", "headline_cards", "headline_trend",
                                          "programme_shares", "sdgs", "web")]

    alone = {lang: page(lang) for lang in ("en", "es")}
    with ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(page, ["en", "es"]))
    assert runs == [alone["en"], alone["es"]]


def test_a_report_writes_its_workbook_only_where_it_is_told(tiny_data, tmp_path, monkeypatch):
    from htmss_analysis import report as r

    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    ctx = r.context(tiny_data, 2018, "GLOT59")
    r.headline_cards(ctx)
    said = str(r.tables_workbook(ctx))  # papermill without out_dir: no folder was given
    assert "No workbook was written" in said and list(cwd.iterdir()) == []
    told = tmp_path / "told"
    told.mkdir()
    said = str(r.tables_workbook(ctx, told))
    assert [p.name for p in told.iterdir()] == ["GLOT59.xlsx"] and 'href="GLOT59.xlsx"' in said
    beside = tmp_path / "notebooks"
    beside.mkdir()
    monkeypatch.setenv("JPY_SESSION_NAME", str(beside / "programme_report.ipynb"))
    r.tables_workbook(ctx)  # JupyterLab names the notebook: the workbook goes beside it
    assert [p.name for p in beside.iterdir()] == ["GLOT59.xlsx"]
    assert list(cwd.iterdir()) == []


def test_no_module_keeps_the_language_or_the_tables_in_a_global():
    """The language and the tables being collected are context variables, nothing else."""
    from contextvars import ContextVar

    from htmss_analysis import languages
    from htmss_analysis.report import collect

    assert isinstance(languages._current, ContextVar)
    assert isinstance(collect._RECORDING, ContextVar)
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert not [n for n in ast.walk(tree) if isinstance(n, ast.Global)], path


def test_what_a_kernel_imports_ahead_exists():
    from htmss_analysis.build import PRELOAD

    exec(PRELOAD)  # a module renamed away would slow every build down, silently


def test_the_generated_docs_are_current():
    """docs/ holds what the declarations say today (``make docs`` rewrites it)."""
    from htmss_analysis.docs import documents

    stale = [name for name, text in documents().items()
             if (ROOT / "docs" / name).read_text(encoding="utf-8") != text]
    assert not stale, f"{stale}: run make docs"


# --- layers: io <- data/public <- metrics <- report <- build <- cli -----------------------

LAYERS = {
    # declarations every layer may read: programmes, languages, countries, kinds...
    "facts": ("marks", "programmes", "countries", "languages", "sdg", "glossary", "kinds",
              "paths", "frames", "problems"),
    "io": ("io",),
    "data": ("data", "public"),
    "metrics": ("metrics", "links"),
    "report": ("report", "docs"),
    "build": ("build",),
    "cli": ("cli",),
}
"""Each room of the package by layer, lowest first (``htmss_analysis`` itself, the
analyst's face, may import any)."""


def layer_of(module: str) -> int | None:
    """Return the rank of ``module``'s layer (None for the package's face)."""
    room = module.removeprefix(f"{NAME}.").split(".")[0] if module != NAME else ""
    for rank, rooms in enumerate(LAYERS.values()):
        if room in rooms:
            return rank
    return None


def upward(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    """Return every import of a module from a layer above its own."""
    found = []
    for module, targets in graph.items():
        here = layer_of(module)
        for target in targets:
            there = layer_of(target)
            if here is not None and there is not None and there > here:
                found.append((module, target))
    return sorted(found)


def test_every_module_has_a_layer():
    graph = import_graph()
    assert [m for m in graph if m != NAME and layer_of(m) is None] == []


def test_no_layer_imports_one_above_it():
    assert upward(import_graph()) == []


def test_the_layer_check_finds_an_upward_import(tmp_path):
    pkg = tmp_path / NAME
    (pkg / "metrics").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "metrics" / "__init__.py").write_text("")
    (pkg / "report.py").write_text("")
    (pkg / "metrics" / "figures.py").write_text("def f():\n    from ..report import x\n")
    assert upward(import_graph(pkg)) == [(f"{NAME}.metrics.figures", f"{NAME}.report")]


def kind_names_spelled(folder: Path, names: set[str]) -> list[tuple[str, int, str]]:
    """Return each string literal in ``folder``'s modules that is one of ``names``."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and node.value in names:
                found.append((path.name, node.lineno, node.value))
    return found


def _kind_names(registry) -> set[str]:
    names = set()
    for kind in registry.values():
        names |= {kind.key, *kind.fixed, *({kind.folder} - {""})}
    return names


def test_the_build_never_tells_a_report_kind_by_its_name():
    from htmss_analysis import kinds

    assert kind_names_spelled(PACKAGE / "build", _kind_names(kinds.REGISTRY)) == []


def test_the_kind_name_check_finds_a_kind_spelled_in_the_build(tmp_path):
    from dataclasses import replace

    from htmss_analysis import kinds

    toy = replace(kinds.REGISTRY["highlights"], key="toy", fixed=("toy",))
    (tmp_path / "plan.py").write_text('def special(name):\n    return name == "toy"\n')
    assert kind_names_spelled(tmp_path, _kind_names({"toy": toy})) == [("plan.py", 2, "toy")]


def _third_party_imports(package: Path) -> dict[str, str]:
    """Each top-level module the package imports (not its own, not the standard library's)."""
    import sys

    modules = _modules(package)
    found: dict[str, str] = {}
    for name, path in sorted(modules.items()):
        for target in _imported(path, name, modules):
            top = target.split(".")[0]
            if top and top not in sys.stdlib_module_names and top != package.name:
                found.setdefault(top, str(path.relative_to(package)))
    return found


def _undeclared(imports: dict[str, str], declared: set[str]) -> list[str]:
    import importlib.metadata

    from packaging.utils import canonicalize_name

    owners = importlib.metadata.packages_distributions()
    return sorted(f"{module} ({where})" for module, where in imports.items()
                  if not {canonicalize_name(d) for d in owners.get(module, [])} & declared)


def _declared() -> set[str]:
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {canonicalize_name(Requirement(r).name) for r in project["dependencies"]}


def test_every_package_the_library_imports_is_a_declared_dependency():
    # A package imported but only brought in by another (or by the test extras) works in the
    # checkout and breaks the day that other stops bringing it: `pip install` of the package
    # alone must give everything it imports.
    imports = _third_party_imports(ROOT / "src" / "htmss_analysis")
    assert {"pandas", "pandera", "python_calamine", "jupyter_client"} <= set(imports)
    assert _undeclared(imports, _declared()) == []


def test_the_dependency_check_finds_an_undeclared_import(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "m.py").write_text("import json\nimport yaml\nfrom pandas import DataFrame\n"
                                  "from . import m\n")
    assert _undeclared(_third_party_imports(package), {"pandas"}) == ["yaml (m.py)"]
