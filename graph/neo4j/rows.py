"""Row encoding for Neo4j: a Dataset as positional rows in the vocabulary's key orders (the values encoded by
graph/schema.py), and the property maps the server holds for them (what a reload compares against)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph.model import Dataset, RelType
from graph.neo4j.vocab import LABELS, NODE_KEYS, REL_KEYS
from graph.schema import NODE_TYPES, edge_values

RelKey = tuple[str, ...]  # (type, start label, start, end label, end, mode or change, function)

__all__ = ["RelKey", "existing_rel_key", "group_rels", "node_props", "node_rows", "rel_props", "rel_rows"]


def node_rows(dataset: Dataset) -> dict[str, list[list[Any]]]:
    """Node rows per label, values in NODE_KEYS order (None: property absent; graph/schema.py encodes them); a
    Jurisdiction row ends with the map of its declared attributes."""
    values = {label: node_type.encoder.values for label, node_type in NODE_TYPES.items()}
    jurisdictions = [[*values["Jurisdiction"](j), dict(j.attributes)] for j in dataset.jurisdictions]
    agencies = [values["Agency"](a) for a in dataset.agencies]
    functions = [values["Function"](f) for f in dataset.functions]
    return {"Agency": agencies, "Jurisdiction": jurisdictions, "Function": functions}


def node_props(label: str, row: list[Any], dataset_id: str) -> dict[str, Any]:
    """The property map Neo4j holds for a node row."""
    keys = NODE_KEYS[label]
    props = {k: v for k, v in zip(keys, row) if v is not None}
    if len(row) > len(keys):  # a jurisdiction's declared attributes
        props.update({k: v for k, v in row[len(keys)].items() if v is not None})
    props["dataset"] = dataset_id
    return props


def rel_props(row: list[Any]) -> dict[str, Any]:
    """The property map Neo4j holds for an edge row."""
    return {k: v for k, v in zip(REL_KEYS, row[2:]) if v is not None}


def rel_rows(dataset: Dataset) -> dict[RelKey, list[Any]]:
    """Edge rows [start, end, *REL_KEYS] keyed by (type, start label, start, end label, end, mode/change, function);
    the last of two equal keys wins."""
    rows: dict[RelKey, list[Any]] = {}
    parents = {j.id: j.parent for j in dataset.jurisdictions}
    agency_in = {a.id: a.jurisdiction for a in dataset.agencies}
    type_names = {
        t: (
            t.value,
            {"IN": "Jurisdiction", "HAS_FUNCTION": "Function"}.get(t.value, "Agency"),
        )
        for t in RelType
    }
    change_at = 2 + REL_KEYS.index("change")
    for e in dataset.edges:
        type_name, end_label = type_names[e.type]
        start_label = "Agency"
        if type_name == "IN" and agency_in.get(e.start) != e.end and parents.get(e.start) == e.end:
            start_label = "Jurisdiction"  # a jurisdiction in its parent, not an agency in its jurisdiction
        row = edge_values(e)  # [start, end, *REL_KEYS]
        rows[(type_name, start_label, e.start, end_label, e.end, e.mode or row[change_at] or "", e.function or "")] = (
            row
        )
    return rows


def existing_rel_key(row: list[Any], start_label: str) -> RelKey:
    """The rel_rows key of an edge read back from the server ([type, start, end labels, end, eid, props])."""
    rel_type, start, end_labels, end, _, props = row
    end_label = next((lb for lb in LABELS if lb in end_labels), "?")
    return (
        rel_type,
        start_label,
        start,
        end_label,
        end,
        props.get("mode") or props.get("change") or "",
        props.get("function") or "",
    )


def group_rels(rels: Mapping[RelKey, list[Any]], existing: set[RelKey]) -> dict[RelKey, list[list[Any]]]:
    """Edge rows not in `existing`, grouped by (type, start label, end label): one CREATE template each."""
    groups: dict[RelKey, list[list[Any]]] = {}
    for key, row in rels.items():
        if key not in existing:
            groups.setdefault((key[0], key[1], key[3]), []).append(row)
    return groups
