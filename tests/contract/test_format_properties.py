"""Format 2 on both backends: a dataset's declared jurisdiction attributes (text, integer, boolean, enum) and the
agencies' agency_class load as properties that Cypher reads the same on networkx and Neo4j, and the store gives
agency_class back on the Agency objects."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from contract.contract_support import renamed, unique_id
from graph.model import AttributeDef
from loaders import load_dataset
from tests.conftest import MINI

BACKENDS = ["networkx", pytest.param("neo4j", marks=pytest.mark.neo4j)]
ATTRIBUTES = (
    AttributeDef("seat", "text"),
    AttributeDef("population", "integer"),
    AttributeDef("border", "boolean"),
    AttributeDef("size_class", "enum", ("small", "large")),
)
VALUES = {"xh": (("seat", "新宝拉格镇"), ("population", 31000), ("border", True), ("size_class", "small"))}


def _dataset() -> Any:
    base = load_dataset(MINI)
    jurisdictions = tuple(replace(j, attributes=VALUES.get(j.id, ())) for j in base.jurisdictions)
    agencies = tuple(
        replace(a, agency_class="constituent_department" if a.type == "organization" else "") for a in base.agencies
    )
    return renamed(
        replace(base, jurisdictions=jurisdictions, agencies=agencies, attributes=ATTRIBUTES),
        unique_id("format"),
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_attributes_and_agency_class_read_the_same_on_every_backend(
    make_store: Callable[[str], Any], backend: str
) -> None:
    dataset = _dataset()
    store = make_store(backend)
    store.load(dataset)
    rows = store.run_cypher(
        "MATCH (j:Jurisdiction) WHERE j.dataset = $dataset RETURN j.id AS id, j.seat AS seat, "
        "j.population AS population, j.border AS border, j.size_class AS size_class ORDER BY id",
        {"dataset": dataset.id},
    ).rows
    by_id = {r["id"]: r for r in rows}
    assert by_id["xh"] == {"id": "xh", "seat": "新宝拉格镇", "population": 31000, "border": True, "size_class": "small"}
    assert all(by_id[j][k] is None for j in by_id if j != "xh" for k in ("seat", "population", "border"))
    classes = store.run_cypher(
        "MATCH (a:Agency) WHERE a.dataset = $dataset AND a.agency_class <> '' "
        "RETURN a.id AS id, a.agency_class AS class ORDER BY id",
        {"dataset": dataset.id},
    ).rows
    expected = sorted(a.id for a in dataset.agencies if a.agency_class)
    assert [r["id"] for r in classes] == expected and {r["class"] for r in classes} == {"constituent_department"}
    assert store.agency(expected[0]).agency_class == "constituent_department"
    assert store.agency(next(a.id for a in dataset.agencies if not a.agency_class)).agency_class == ""
