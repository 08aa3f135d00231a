"""The dataset as a networkx MultiDiGraph in the schema's shape: the graph the embedded store reads and the Cypher
mirror is compiled from. Its own module so the store and the compiled cache share it without importing each other.

Node attributes are graph.schema's property maps plus `labels`; edge attributes its relationship properties plus
`type`. The encoding itself (enums, absent values, spread attributes) is graph/schema.py's.
"""

from __future__ import annotations

import networkx as nx

from graph.errors import OrgraphError
from graph.model import Dataset
from graph.schema import edge_properties, node_encoder

__all__ = ["build_graph"]


def build_graph(dataset: Dataset) -> nx.MultiDiGraph:
    """The dataset as a MultiDiGraph in the schema's shape (what exporters and the Cypher engine read).

    Raises OrgraphError when an edge names a node the dataset does not have (checked before any edge is
    added, since networkx would silently create the missing node)."""
    graph = nx.MultiDiGraph(dataset=dataset.id)
    ds = dataset.id
    for label, nodes in (
        ("Jurisdiction", dataset.jurisdictions),
        ("Function", dataset.functions),
        ("Agency", dataset.agencies),
    ):
        encode = node_encoder(label, ds, labels=(label,))
        graph.add_nodes_from((n.id, encode(n)) for n in nodes)
    nodes = graph.nodes
    missing = [e for e in dataset.edges if e.start not in nodes or e.end not in nodes]
    if missing:
        first = missing[0]
        raise OrgraphError(
            f"dataset {ds!r} has {len(missing)} edge(s) whose ends are not in it (first: {first.type._value_} "
            f"{first.start} -> {first.end}); nothing was loaded, the previous graph is unchanged"
        )
    add_edge = graph.add_edge  # one call per edge: add_edges_from goes through a view per edge (2x slower)
    for i, e in enumerate(dataset.edges):
        add_edge(e.start, e.end, i, type=e.type._value_, **edge_properties(e))
    return graph
