"""Small datasets built in code (no CSV), so the Neo4j tests control exactly what is loaded, and the
`make_store` fixture (imported by the test modules: a conftest.py here would shadow tests/conftest.py).

Every test loads datasets under fresh ids (unique_id), so concurrent runs and the contract suite
(which loads the mini dataset) never see or disturb each other's data."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from graph.model import (
    Agency,
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
from graph.neo4j.store import Neo4jStore
from graph.neo4j.write import delete_dataset_in_batches


def unique_id(prefix: str = "t") -> str:
    """A dataset id no other test (or concurrent run) uses, so tests never see each other's data."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def agency(aid: str, snapshot: str = "2019", jurisdiction: str = "c1", **kw: object) -> Agency:
    values: dict = {
        "id": aid,
        "snapshot": snapshot,
        "jurisdiction": jurisdiction,
        "name_zh": f"机构{aid}",
        "name_en": f"Agency {aid}",
        "type": "office",
        "category": Category.GOVERNMENT,
        "counts_toward_quota": True,
        "basis": Basis.MODELED,
        "source": "src",
    }
    values.update(kw)
    return Agency(**values)  # type: ignore[arg-type]


def small_dataset(
    dataset_id: str,
    *,
    agencies: int = 6,
    extra_edges: tuple[Edge, ...] = (),
    extra_agencies: tuple[Agency, ...] = (),
) -> Dataset:
    """A league with one county; agencies a1..aN in 2019 form a chain a2->a1, a3->a2, ...; 2018 x1 became a1."""
    jurisdictions = (
        Jurisdiction(
            "league",
            "锡林郭勒盟",
            "Xilingol League",
            "league",
            None,
            Basis.SEED,
            "src",
        ),
        Jurisdiction(
            "c1",
            "阿巴嘎旗",
            "Abag Banner",
            "county",
            "league",
            Basis.SEED,
            "src",
            agency_quota=20,
            attributes=(("border", True),),
        ),
    )
    ags = [agency(f"a{i}") for i in range(1, agencies + 1)]
    ags.append(agency("x1", snapshot="2018", name_zh="旧机构"))
    ags.extend(extra_agencies)
    functions = (Function("f1", "宗教事务", "Religious affairs"),)
    edges: list[Edge] = [Edge(RelType.IN, "c1", "league", Basis.SEED, "src")]
    edges += [Edge(RelType.IN, a.id, a.jurisdiction, a.basis, "src") for a in ags]
    edges += [
        Edge(RelType.REPORTS_TO, f"a{i}", f"a{i - 1}", Basis.MODELED, "src", mode="leads")
        for i in range(2, agencies + 1)
    ]
    edges += [
        Edge(RelType.HAS_FUNCTION, "a1", "f1", Basis.SEED, "src"),
        Edge(RelType.BECAME, "x1", "a1", Basis.SEED, "src", change=Change.RENAMED),
    ]
    edges += list(extra_edges)
    return Dataset(
        id=dataset_id,
        title_zh="测试",
        title_en="Test",
        snapshots=(
            Snapshot("2018", "2018-12-31", SnapshotRole.BEFORE),
            Snapshot("2019", "2019-12-31", SnapshotRole.AFTER),
        ),
        sources=(Source("src", "测试来源", Basis.MODELED),),
        jurisdictions=jurisdictions,
        agencies=tuple(ags),
        functions=functions,
        edges=tuple(edges),
    )


def drop_dataset(driver: Any, dataset_id: str) -> None:
    with driver.session() as session:
        delete_dataset_in_batches(session, dataset_id)


def graph_state(driver: Any, dataset_id: str) -> tuple[list, list]:
    """Every node and relationship of a dataset with element ids and properties: equal states = untouched."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n {dataset: $ds}) RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props ORDER BY eid",
        ds=dataset_id,
    )
    rels, _, _ = driver.execute_query(
        "MATCH (a {dataset: $ds})-[r]->(b) RETURN elementId(r) AS eid, type(r) AS type, a.id AS start, "
        "b.id AS end, properties(r) AS props ORDER BY eid",
        ds=dataset_id,
    )
    return [r.data() for r in nodes], [r.data() for r in rels]


@pytest.fixture
def make_store(neo4j_driver: Any) -> Iterator[Callable[[], Neo4jStore]]:
    """Makes stores on the shared driver; drops every dataset they loaded afterwards."""
    stores: list[Neo4jStore] = []
    loaded: set[str] = set()

    def make() -> Neo4jStore:
        store = Neo4jStore(neo4j_driver)
        original_load = store.load

        def load(dataset: Any) -> Any:
            loaded.add(dataset.id)
            return original_load(dataset)

        store.load = load  # type: ignore[method-assign]
        stores.append(store)
        return store

    yield make
    for store in stores:
        store.close()
    for dataset_id in loaded:
        drop_dataset(neo4j_driver, dataset_id)
