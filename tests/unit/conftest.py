"""Fixtures of the unit tests."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.diff import compare
from graph.model import Dataset
from tests.unit.cypher_support import graph_of


@pytest.fixture(scope="module")
def graph(mini_dataset: Dataset) -> nx.MultiDiGraph:
    """The mini dataset's graph as the embedded engine sees it."""
    return graph_of(mini_dataset)


@pytest.fixture(params=["objects", "columns"])
def diff_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a diff test on both implementations: object at a time (small snapshots) and over columns
    (graph/diff/vector.py, large snapshots), by moving the size where the diff switches to columns."""
    monkeypatch.setattr(compare, "COLUMNAR_FROM", 10**12 if request.param == "objects" else 0)
    return str(request.param)
