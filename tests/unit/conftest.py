"""Fixtures of the unit tests."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.model import Dataset
from tests.unit.cypher_support import graph_of


@pytest.fixture(scope="module")
def graph(mini_dataset: Dataset) -> nx.MultiDiGraph:
    """The mini dataset's graph as the embedded engine sees it."""
    return graph_of(mini_dataset)
