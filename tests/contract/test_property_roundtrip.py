"""Every field of every node and relationship type comes back through Cypher with the same value on every backend.

The field list is graph/schema.py's, and a test below holds it to the model's dataclass fields, so a field added to
the model fails here until the schema stores it. The expected property maps are written out here from that list
(enums as their values, absent values absent, a Jurisdiction's `attributes` as properties of their own), never
taken from a backend's own encoding; what a backend returns is also decoded back (graph.schema.decode_node and
decode_edge) and must equal the model object it came from. A probe dataset fills every field with a value that
is not its default, so the round trip cannot pass on defaults.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, fields
from enum import Enum
from typing import Any

import pytest

from contract.contract_support import unique_id
from graph.model import (
    Agency,
    AttributeDef,
    Basis,
    Category,
    Change,
    Dataset,
    Edge,
    Function,
    Jurisdiction,
    RelType,
    Snapshot,
    SnapshotRole,
    Source,
)
from graph.schema import (
    DATASET,
    EDGE_NOT_PROPERTIES,
    EDGE_PROPS,
    NODE_TYPES,
    Node,
    decode_edge,
    decode_node,
)

LABELS = {"Agency": "agencies", "Jurisdiction": "jurisdictions", "Function": "functions"}


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def expected_properties(obj: Any, dataset_id: str | None = None) -> dict[str, Any]:
    """The stored property map of a node (with `dataset_id`) or an edge, from the schema's field list."""
    if isinstance(obj, Edge):
        names, spread = [p.name for p in EDGE_PROPS], None
    else:
        node_type = NODE_TYPES[type(obj).__name__]
        names, spread = list(node_type.names), node_type.spread
    props = {name: _plain(getattr(obj, name)) for name in names if getattr(obj, name) is not None}
    if spread is not None:
        props.update({name: _plain(v) for name, v in getattr(obj, spread) if v is not None})
    if dataset_id is not None:
        props[DATASET] = dataset_id
    return props


def _model_fields(model: type) -> set[str]:
    return {f.name for f in fields(model) if not f.name.startswith("_")}


@pytest.mark.parametrize("label", sorted(LABELS))
def test_the_schema_stores_every_field_of_every_node_type(label: str) -> None:
    node_type = NODE_TYPES[label]
    stored = set(node_type.names) | set(node_type.not_properties)
    assert stored == _model_fields(node_type.model), "graph/schema.py must say how each model field is stored"
    assert node_type.spread is None or node_type.spread in node_type.not_properties


def test_the_schema_stores_every_field_of_an_edge() -> None:
    assert {p.name for p in EDGE_PROPS} | set(EDGE_NOT_PROPERTIES) == _model_fields(Edge)


def _jurisdiction_parents(store: Any) -> dict[str, str]:
    result = store.run_cypher(
        "MATCH (j:Jurisdiction)-[:IN]->(p:Jurisdiction) WHERE j.dataset = $dataset RETURN j.id AS j, p.id AS p",
        row_cap=100_000,
    )
    return {row["j"]: row["p"] for row in result.rows}


def _assert_nodes_round_trip(store: Any, dataset: Dataset) -> None:
    parents = _jurisdiction_parents(store)
    for label, attr in LABELS.items():
        result = store.run_cypher(f"MATCH (n:{label}) WHERE n.dataset = $dataset RETURN n", row_cap=100_000)
        got = {row["n"]["id"]: row["n"] for row in result.rows}
        objects: list[Node] = list(getattr(dataset, attr))
        assert len(got) == len(objects), (store.backend, label)
        for obj in objects:
            assert got.get(obj.id) == expected_properties(obj, dataset.id), (store.backend, label, obj.id)
            extra: dict[str, Any] = {}
            if label == "Jurisdiction":
                extra = {"parent": parents.get(obj.id), "spread_order": [a.id for a in dataset.attributes]}
            assert decode_node(label, got[obj.id], **extra) == obj, (store.backend, label, obj.id)


def _assert_edges_round_trip(store: Any, dataset: Dataset) -> None:
    result = store.run_cypher(
        "MATCH (a)-[r]->(b) WHERE a.dataset = $dataset AND b.dataset = $dataset "
        "RETURN a.id AS src, b.id AS dst, type(r) AS rel_type, r",
        row_cap=100_000,
    )
    got: dict[tuple[str, str, str, str, str], dict[str, Any]] = {}
    for row in result.rows:
        props = {k: v for k, v in row["r"].items() if k != "type"}
        edge = decode_edge(row["rel_type"], row["src"], row["dst"], props)
        got[edge.key] = props
        assert edge in dataset.edges, (store.backend, edge)
    wanted = {e.key: expected_properties(e) for e in dataset.edges}
    assert set(got) == set(wanted), store.backend
    for key, props in wanted.items():
        assert got[key] == props, (store.backend, key)
    assert {k[0] for k in got} == {t.value for t in RelType}


def test_every_node_property_round_trips(store: Any, mini_dataset: Dataset) -> None:
    _assert_nodes_round_trip(store, mini_dataset)


def test_every_relationship_property_round_trips(store: Any, mini_dataset: Dataset) -> None:
    _assert_edges_round_trip(store, mini_dataset)


def probe_dataset(dataset_id: str) -> Dataset:
    """Every field of every type filled with a value that is not its default (Chinese text, a quota, attributes of
    each type, an agency class, notes, a transferred function), and the optional ones also left empty."""
    attributes = (AttributeDef("size_class", "enum", ("small", "large")), AttributeDef("border", "boolean"))
    attributes += (AttributeDef("population", "integer"), AttributeDef("motto", "text"))
    top = Jurisdiction("p-top", "顶层", "Top", "region", None, Basis.SEED, "src-a", note="顶 note")
    county = Jurisdiction(
        "p-county",
        "某县",
        "Some County",
        "county",
        "p-top",
        Basis.MODELED,
        "src-b",
        agency_quota=24,
        note="县 'note'",
        attributes=(("size_class", "large"), ("border", True), ("population", 123456), ("motto", "为人民服务")),
    )

    def agency(aid: str, snapshot: str, **kw: Any) -> Agency:
        base: dict[str, Any] = {
            "id": aid,
            "snapshot": snapshot,
            "jurisdiction": "p-county",
            "name_zh": f"{aid} 局",
            "name_en": f"{aid} bureau",
            "type": "ecology_environment",
            "category": Category.GOVERNMENT,
            "counts_toward_quota": True,
            "basis": Basis.PUBLIC,
            "source": "src-b",
            "note": "备注 \\ note",
            "agency_class": "constituent_department",
        }
        return Agency(**{**base, **kw})

    agencies = (
        agency("a-old", "2018"),
        agency("a-boss", "2018", category=Category.LEADERSHIP, counts_toward_quota=False, agency_class=""),
        agency("a-new", "2019", name_en="", basis=Basis.MODELED, note=""),
        agency("a-host", "2019", name_zh="", type="coordination_office", category=Category.COORDINATION),
    )
    functions = (Function("f-duty", "宗教事务", "Religious affairs", Basis.SEED, "src-a"),)
    edges = (
        Edge(RelType.IN, "p-county", "p-top", Basis.SEED, "src-a", note="IN note"),
        *(Edge(RelType.IN, a.id, "p-county", a.basis, a.source) for a in agencies),
        Edge(RelType.REPORTS_TO, "a-old", "a-boss", Basis.PUBLIC, "src-b", mode="dispatched", note="派出"),
        Edge(RelType.HOSTED_BY, "a-host", "a-new", Basis.MODELED, "src-a", mode="office_in"),
        Edge(RelType.HAS_FUNCTION, "a-old", "f-duty", Basis.SEED, "src-a"),
        Edge(RelType.BECAME, "a-old", "a-new", Basis.PUBLIC, "src-b", change=Change.RENAMED),
        Edge(RelType.BECAME, "a-old", "a-host", Basis.MODELED, "src-a", change=Change.TRANSFERRED, function="f-duty"),
    )
    snapshots = (
        Snapshot("2018", "2018-12-31", SnapshotRole.BEFORE, "改革前", "before"),
        Snapshot("2019", "2019-12-31", SnapshotRole.AFTER, "改革后", "after"),
    )
    sources = (Source("src-a", "甲", Basis.SEED), Source("src-b", "乙", Basis.PUBLIC))
    return Dataset(
        dataset_id,
        "探针",
        "Probe",
        snapshots,
        sources,
        (top, county),
        agencies,
        functions,
        edges,
        attributes=attributes,
    )


def test_the_probe_fills_every_stored_field() -> None:
    """Each schema property holds, somewhere in the probe, a value other than its field's default (and an optional
    one is also absent somewhere), so the round trip below tests encoding, not defaults."""
    probe = probe_dataset("probe")
    groups: list[tuple[type, tuple[Any, ...], list[str], set[str]]] = [
        (NODE_TYPES[label].model, getattr(probe, attr), list(NODE_TYPES[label].names), set())
        for label, attr in LABELS.items()
    ]
    groups.append((Edge, probe.edges, [p.name for p in EDGE_PROPS], {p.name for p in EDGE_PROPS if p.optional}))
    for model, objects, names, optional in groups:
        defaults = {f.name: f.default for f in fields(model)}
        for name in names:
            values = {getattr(o, name) for o in objects}
            unset = {defaults[name], "", None, False} if defaults[name] is MISSING else {defaults[name], "", None}
            assert values - unset, f"the probe leaves {model.__name__}.{name} at its default"
            if name in optional:
                assert None in values, f"the probe never leaves {model.__name__}.{name} absent"
    assert any(j.attributes for j in probe.jurisdictions)


@pytest.mark.parametrize("check", [_assert_nodes_round_trip, _assert_edges_round_trip], ids=["nodes", "edges"])
def test_every_field_of_the_probe_round_trips(
    store_kind: str, make_store: Callable[[str], Any], check: Callable[[Any, Dataset], None]
) -> None:
    probe = probe_dataset(unique_id("probe"))
    store = make_store(store_kind)
    store.load(probe)
    check(store, probe)
    assert store.agency("a-old") == probe.agency("a-old")  # the store's own reader decodes it alike
    assert sorted(store.edges("2018"), key=lambda e: e.key) == sorted(
        (e for e in probe.edges if e.type is not RelType.IN and e.start in {"a-old", "a-boss"}), key=lambda e: e.key
    )
