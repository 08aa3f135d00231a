"""The server's warm start: what the first visitor's page would otherwise pay for, done once when the server starts.

A Streamlit server imports a page's modules and opens the dataset only on the first script run, so the first visitor
waited ~1 s of server time (pandas, networkx, pyvis, the compiled dataset) for what every later visitor gets at once.
serve.py calls warm_up() from the server's start-up hook; `streamlit run app.py` still works, with a cold first page.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import time
from pathlib import Path

import plotly.graph_objects as go
from streamlit.logger import get_logger

from app_pages.session import open_configured
from graph.errors import OrgraphError
from service import OrgService
from views import render
from views.labels import default_snapshots

__all__ = ["LAZY_IMPORTS", "page_modules", "warm_up"]

ROOT = Path(__file__).resolve().parent.parent
log = get_logger("orgraph.startup")  # Streamlit's log handler and level: the lines show in the server's output

#: What Streamlit itself imports only on a page's first use of an element: the emoji table (a page icon), pyarrow
#: and its pandas bridge (st.dataframe), plotly's JSON encoder (st.plotly_chart).
LAZY_IMPORTS = ("streamlit.emojis", "pyarrow", "streamlit.dataframe_util", "plotly.io.json")


def page_modules(root: Path = ROOT) -> list[str]:
    """Every module app.py and the pages import, read from their source (a page is a script: it is never imported).

    >>> "app_pages.common" in page_modules()
    True
    """
    names: dict[str, None] = {}
    for script in [root / "app.py", *sorted((root / "app_pages").glob("*.py"))]:
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names[node.module] = None
                names.update(dict.fromkeys(f"{node.module}.{a.name}" for a in node.names))
            elif isinstance(node, ast.Import):
                names.update(dict.fromkeys(a.name for a in node.names))
    return [n for n in names if not n.startswith("__future__")]


def _import(name: str) -> None:
    """Import `name` unless it names something inside a module (`from graph.model import Category` lists
    graph.model.Category: graph.model is imported, Category is in it)."""
    parent, _, attr = name.rpartition(".")
    if parent and hasattr(importlib.import_module(parent), attr):
        return
    importlib.import_module(name)


def warm_up() -> float:
    """Import what the pages import, open the configured dataset into the shared resource cache and compute what
    every visitor's first page reads; the seconds taken.

    A dataset that fails to open is only logged: the first page shows its error as it always did."""
    start = time.perf_counter()
    for name in [*page_modules(), *LAZY_IMPORTS]:
        _import(name)
    try:
        _precompute(open_configured())
    except Exception as exc:  # noqa: BLE001 - the server must start; the page names the problem to its reader
        log.warning("orgraph: the dataset did not open at start-up (%s); the first page will show why", exc)
    # plotly loads its default template on a process's first figure (~0.1 s; Compare's Sankey is one), pyvis its
    # page template and vis.js on the first chart (~0.2 s; Compare's panes and overlay are pyvis charts).
    go.Figure()
    render.chart_html([], [], height=100)
    # Streamlit's first element of a process calls inspect.stack() (delta_generator._maybe_print_use_warning), which
    # maps every loaded module to its file (~0.1 s with the pages' imports); done here, the page finds the map filled.
    inspect.stack()
    return time.perf_counter() - start


def _precompute(service: OrgService) -> None:
    """The reads every first page shares, done once: the dataset unpickled, the store's indexes built, the Cypher
    engine opened, the rule checks of the "after" snapshot (Compare's checks tab) memoised in the service, and the
    whole comparison of the default snapshots (the service keeps the snapshots it read; a large dataset's diff
    columns are built then, graph/diff/columns.py)."""
    dataset = service.dataset
    service.agencies(dataset.snapshot_ids()[-1])
    service.query("RETURN 1 AS ready")
    before, after = default_snapshots(dataset)
    service.check(snapshot=after)
    if before != after:
        try:
            service.diff(before, after)
        except OrgraphError as exc:  # e.g. no lineage between them: Compare says so to its reader
            log.info("orgraph: no start-up comparison of %s and %s (%s)", before, after, exc)
