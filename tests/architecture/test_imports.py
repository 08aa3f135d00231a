"""The shape of the code: no import circle between the project's modules, and the core knows no package above it.

Read from the source with `ast` (nothing is imported), so a circle hidden inside a function or behind
TYPE_CHECKING counts too: a reader follows those imports just the same.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
from paths import ROOT

PACKAGES = (
    "graph",
    "loaders",
    "usecases",
    "exporters",
    "views",
    "app_pages",
    "queries",
    "bench",
    "cli_commands",
    "i18n",
)
TOP_MODULES = ("service", "cli", "settings", "app")


def project_modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the project (tests excluded)."""
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    for name in TOP_MODULES:
        if (ROOT / f"{name}.py").exists():
            found[name] = ROOT / f"{name}.py"
    return found


def imported_modules(path: Path, module: str, known: dict[str, Path]) -> set[str]:
    """Project modules that `module` imports anywhere in its file (resolving `from pkg import mod`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    package = module if is_package else module.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".") if package else []
                anchor = anchor[: len(anchor) - (node.level - 1)] if node.level > 1 else anchor
                base = ".".join([*anchor, base] if base else anchor)
            names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        else:
            continue
        for name in names:
            # the longest known prefix: `graph.diff.compare.SnapshotDiff` -> graph.diff.compare
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != module:
                targets.add(name)
    return targets


def import_graph() -> nx.DiGraph:
    known = project_modules()
    graph = nx.DiGraph()
    graph.add_nodes_from(known)
    for module, path in known.items():
        for target in imported_modules(path, module, known):
            graph.add_edge(module, target)
    return graph


def test_the_import_graph_is_read() -> None:
    """The walker sees real imports (guards the tests below against passing on an empty graph)."""
    graph = import_graph()
    assert graph.has_edge("service", "graph.store")
    assert graph.has_edge("cli_commands.common", "service")
    assert graph.number_of_edges() > 100


def test_no_import_circle_between_project_modules() -> None:
    """A package's `__init__` re-exporting its own modules is not a circle of ideas, so it is left out."""
    graph = import_graph()
    inits = [m for m in graph if (ROOT / m.replace(".", "/") / "__init__.py").exists()]
    graph.remove_edges_from([(m, t) for m in inits for t in list(graph.successors(m)) if t.startswith(m + ".")])
    graph.remove_edges_from([(m, p) for p in inits for m in list(graph.predecessors(p)) if m.startswith(p + ".")])
    cycles = sorted(sorted(c) for c in nx.simple_cycles(graph))
    assert cycles == [], f"import circles: {cycles}"


def test_the_core_imports_no_package_above_it() -> None:
    """graph/'s core (model, store, errors, ...) knows nothing of its sub-packages, loaders, exporters or the UI."""
    graph = import_graph()
    core = [m for m in graph if m.startswith("graph.") and m.count(".") == 1 or m.startswith("graph.model.")]
    above = ("graph.embedded", "graph.neo4j", "graph.diff", "graph.rules", "exporters", "views", "app_pages")
    above += ("service", "cli", "cli_commands", "loaders")
    leaks = sorted((m, t) for m in core for t in graph.successors(m) if t.startswith(above))
    assert leaks == []


def test_the_model_imports_nothing_of_ours() -> None:
    """graph/model/ is pure: its modules import the standard library and each other, nothing else of ours."""
    graph = import_graph()
    model = sorted(m for m in graph if m == "graph.model" or m.startswith("graph.model."))
    assert len(model) > 3  # the package and its modules are seen
    outside = sorted((m, t) for m in model for t in graph.successors(m) if not t.startswith("graph.model"))
    assert outside == []
