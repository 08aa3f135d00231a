"""Every field of every model object comes back through Cypher with the same value on every backend.

The expected properties are derived here from the model's dataclass fields (so a field added to the model is
expected at once, on every backend), never from any backend's own encoding: enums as their values, a
Jurisdiction's `parent` as its IN edge, declared `attributes` (name, value) pairs as properties of their own,
absent (None) values absent.
"""

from __future__ import annotations

from dataclasses import fields
from enum import Enum
from typing import Any

from graph.model import Dataset, Edge, RelType

LABELS = {"Agency": "agencies", "Jurisdiction": "jurisdictions", "Function": "functions"}
NOT_PROPERTIES = {"parent", "start", "end"}  # and an edge's type, which is its relationship type


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def expected_properties(obj: Any) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for f in fields(obj):
        if f.name in NOT_PROPERTIES or f.name.startswith("_") or (f.name == "type" and isinstance(obj, Edge)):
            continue
        value = getattr(obj, f.name)
        if f.name == "attributes":
            props.update({name: _plain(v) for name, v in value if v is not None})
        elif value is not None:
            props[f.name] = _plain(value)
    return props


def test_every_node_property_round_trips(store: Any, mini_dataset: Dataset) -> None:
    for label, attr in LABELS.items():
        result = store.run_cypher(f"MATCH (n:{label}) WHERE n.dataset = $dataset RETURN n", row_cap=100_000)
        got = {row["n"]["id"]: row["n"] for row in result.rows}
        for obj in getattr(mini_dataset, attr):
            want = {**expected_properties(obj), "dataset": mini_dataset.id}
            assert got.get(obj.id) == want, (store.backend, label, obj.id)
        assert len(got) == len(getattr(mini_dataset, attr))


def _edge_key(edge: Edge) -> tuple[str, str, str, str, str]:
    return edge.key


def test_every_relationship_property_round_trips(store: Any, mini_dataset: Dataset) -> None:
    result = store.run_cypher(
        "MATCH (a)-[r]->(b) WHERE a.dataset = $dataset AND b.dataset = $dataset "
        "RETURN a.id AS src, b.id AS dst, type(r) AS rel_type, r",
        row_cap=100_000,
    )
    got: dict[tuple[str, str, str, str, str], dict[str, Any]] = {}
    for row in result.rows:
        props = {k: v for k, v in row["r"].items() if k != "type"}
        key = (
            row["rel_type"],
            row["src"],
            row["dst"],
            props.get("mode") or props.get("change") or "",
            props.get("function") or "",
        )
        got[key] = props
    wanted = {e.key: expected_properties(e) for e in mini_dataset.edges}
    assert set(got) == set(wanted), store.backend
    for key, props in wanted.items():
        assert got[key] == props, (store.backend, key)
    assert {k[0] for k in got} == {t.value for t in RelType}
