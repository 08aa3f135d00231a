"""The dataset as a networkx MultiDiGraph in the schema's shape: the graph the embedded store reads and the Cypher
mirror is compiled from. Its own module so the store and the compiled cache share it without importing each other.
"""

from __future__ import annotations

from dataclasses import fields
from enum import Enum
from typing import Any

import networkx as nx

from graph.errors import OrgraphError
from graph.model import Agency, Dataset, Edge, Function, Jurisdiction

__all__ = ["build_graph"]


def _props(obj: Any, names: tuple[str, ...], labels: tuple[str, ...], dataset: str) -> dict[str, Any]:
    """Schema properties of a model object as graph attributes: enums as their values, no None."""
    props: dict[str, Any] = {"labels": labels, "dataset": dataset}
    for name in names:
        value = getattr(obj, name)
        if value is not None:
            props[name] = value.value if isinstance(value, Enum) else value
    return props


def _agency_props(a: Agency, labels: tuple[str, ...], dataset: str) -> dict[str, Any]:
    """_props for an Agency, spelled out: agencies are most of the nodes, and the generic loop costs 3x.
    (`_value_` is the plain attribute behind Enum.value, which is a slow descriptor.)"""
    return {
        "labels": labels,
        "dataset": dataset,
        "id": a.id,
        "snapshot": a.snapshot,
        "jurisdiction": a.jurisdiction,
        "name_zh": a.name_zh,
        "name_en": a.name_en,
        "type": a.type,
        "category": a.category._value_,
        "counts_toward_quota": a.counts_toward_quota,
        "basis": a.basis._value_,
        "source": a.source,
        "note": a.note,
        "agency_class": a.agency_class,
    }


def _jurisdiction_props(j: Jurisdiction, labels: tuple[str, ...], dataset: str) -> dict[str, Any]:
    """A jurisdiction's built-in properties plus its declared attributes (each one a property of its own)."""
    props = _props(j, _JURISDICTION_FIELDS, labels, dataset)
    props.update(j.attributes)
    return props


def _names(cls: type) -> tuple[str, ...]:
    # a Jurisdiction's parent is its IN edge, not a property; its attributes become properties of their own
    return tuple(f.name for f in fields(cls) if f.name not in ("parent", "attributes"))


_JURISDICTION_FIELDS = _names(Jurisdiction)


def build_graph(dataset: Dataset) -> nx.MultiDiGraph:
    """The dataset as a MultiDiGraph in the schema's shape (what exporters and the Cypher engine read).

    Raises OrgraphError when an edge names a node the dataset does not have (checked before any edge is
    added, since networkx would silently create the missing node)."""
    graph = nx.MultiDiGraph(dataset=dataset.id)
    ds = dataset.id
    graph.add_nodes_from((j.id, _jurisdiction_props(j, ("Jurisdiction",), ds)) for j in dataset.jurisdictions)
    names = _names(Function)
    graph.add_nodes_from((f.id, _props(f, names, ("Function",), ds)) for f in dataset.functions)
    agency_labels = ("Agency",)
    graph.add_nodes_from((a.id, _agency_props(a, agency_labels, ds)) for a in dataset.agencies)
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
        add_edge(e.start, e.end, i, **_edge_props(e))
    return graph


def _edge_props(edge: Edge) -> dict[str, Any]:
    props: dict[str, Any] = {"type": edge.type._value_, "basis": edge.basis._value_, "source": edge.source}
    if edge.mode is not None:
        props["mode"] = edge.mode
    if edge.change is not None:
        props["change"] = edge.change._value_
    if edge.function is not None:
        props["function"] = edge.function
    props["note"] = edge.note  # kept when empty, as on nodes and on Neo4j
    return props
