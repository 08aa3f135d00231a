"""Loading into a real Neo4j server: idempotent, atomic (a failed or interrupted load changes nothing),
and datasets side by side in one database never touch each other."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from typing import Any

import pytest

from graph.errors import OrgraphError
from graph.model import Basis, Edge, RelType
from tests.neo4j import builders
from tests.neo4j.builders import (
    agency,
    graph_state,
    small_dataset,
    unique_id,
)

make_store = builders.make_store  # the fixture: pytest finds it under this name


def count(driver: Any, query: str, **params: Any) -> int:
    records, _, _ = driver.execute_query(query, params)
    return records[0][0]


def test_first_load_holds_every_node_and_edge(make_store, neo4j_driver) -> None:
    dataset = small_dataset(unique_id())
    report = make_store().load(dataset)
    nodes = len(dataset.agencies) + len(dataset.jurisdictions) + len(dataset.functions)
    assert (report.nodes, report.relationships) == (nodes, len(dataset.edges))
    assert count(neo4j_driver, "MATCH (n {dataset: $ds}) RETURN count(n)", ds=dataset.id) == nodes
    assert count(neo4j_driver, "MATCH (n {dataset: $ds})-[r]->() RETURN count(r)", ds=dataset.id) == len(dataset.edges)


def test_reload_changes_nothing_and_creates_no_duplicates(make_store, neo4j_driver) -> None:
    dataset = small_dataset(unique_id())
    store = make_store()
    store.load(dataset)
    before = graph_state(neo4j_driver, dataset.id)
    store.load(dataset)
    make_store().load(dataset)  # a second store (another process, say) loading the same data
    assert graph_state(neo4j_driver, dataset.id) == before  # same element ids, same properties
    dupes = count(
        neo4j_driver,
        "MATCH (a:Agency {dataset: $ds}) WITH a.id AS id, count(*) AS n WHERE n > 1 RETURN count(id)",
        ds=dataset.id,
    )
    assert dupes == 0


def test_reload_updates_changed_rows_and_removes_only_stale_ones(make_store, neo4j_driver) -> None:
    first, other = unique_id(), unique_id()
    store = make_store()
    store.load(small_dataset(other))
    other_before = graph_state(neo4j_driver, other)
    store.load(small_dataset(first, agencies=6))

    smaller = small_dataset(first, agencies=4)
    renamed = tuple(replace(a, name_zh="新名称") if a.id == "a2" else a for a in smaller.agencies)
    store.load(replace(smaller, agencies=renamed))

    assert [a.id for a in store.agencies("2019")] == ["a1", "a2", "a3", "a4"]
    assert store.agency("a2").name_zh == "新名称"
    assert (
        count(
            neo4j_driver,
            "MATCH (:Agency {dataset: $ds})-[r:REPORTS_TO]->() RETURN count(r)",
            ds=first,
        )
        == 3
    )
    assert graph_state(neo4j_driver, other) == other_before
    assert {first, other} <= set(store.datasets())


def test_load_failing_in_a_later_batch_keeps_the_previous_graph(make_store, neo4j_driver) -> None:
    dataset = small_dataset(unique_id())
    store = make_store()
    store.load(dataset)
    before = graph_state(neo4j_driver, dataset.id)
    # 6,000 new agencies, then one whose (dataset, id) repeats the first: the uniqueness constraint fails
    # in the second batch, after 5,000 rows were already written inside the transaction.
    many = tuple(agency(f"n{i}") for i in range(6000)) + (agency("n0"),)
    broken = small_dataset(dataset.id, extra_agencies=many)
    with pytest.raises(OrgraphError, match="constraint"):
        store.load(broken)
    assert graph_state(neo4j_driver, dataset.id) == before
    assert [a.id for a in store.agencies("2019")] == [a.id for a in dataset.agencies_in("2019")]


def test_load_with_a_dangling_edge_keeps_the_previous_graph(make_store, neo4j_driver) -> None:
    dataset = small_dataset(unique_id())
    store = make_store()
    store.load(dataset)
    before = graph_state(neo4j_driver, dataset.id)
    dangling = Edge(RelType.REPORTS_TO, "a1", "nobody", Basis.MODELED, "src", mode="leads")
    with pytest.raises(OrgraphError, match="do not exist"):
        store.load(small_dataset(dataset.id, agencies=3, extra_edges=(dangling,)))
    assert graph_state(neo4j_driver, dataset.id) == before


def test_load_terminated_by_the_server_keeps_the_previous_graph(make_store, neo4j_driver) -> None:
    dataset = small_dataset(unique_id())
    store = make_store()
    store.load(dataset)
    before = graph_state(neo4j_driver, dataset.id)
    big = small_dataset(dataset.id, extra_agencies=tuple(agency(f"n{i}") for i in range(100_000)))
    outcome: list[BaseException | None] = []

    def load_big() -> None:
        try:
            store.load(big)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)

    worker = threading.Thread(target=load_big)
    worker.start()
    terminated: list = []
    deadline = time.monotonic() + 60
    while not terminated and worker.is_alive() and time.monotonic() < deadline:
        records, _, _ = neo4j_driver.execute_query(
            "SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.op = 'load' AND metaData.dataset = $ds "
            "RETURN transactionId",
            ds=dataset.id,
        )
        for record in records:
            neo4j_driver.execute_query("TERMINATE TRANSACTIONS $id", id=record["transactionId"])
            terminated.append(record["transactionId"])
        time.sleep(0.05)
    worker.join(120)
    assert terminated, "the load transaction was never seen running"
    assert len(outcome) == 1 and isinstance(outcome[0], OrgraphError), outcome
    assert graph_state(neo4j_driver, dataset.id) == before


def test_datasets_with_the_same_ids_coexist(make_store, neo4j_driver) -> None:
    one, two = unique_id(), unique_id()
    store_one, store_two = make_store(), make_store()
    store_one.load(small_dataset(one, agencies=3))
    two_state = None
    store_two.load(small_dataset(two, agencies=5))
    two_state = graph_state(neo4j_driver, two)
    store_one.load(small_dataset(one, agencies=2))
    assert [a.id for a in store_one.agencies("2019")] == ["a1", "a2"]
    assert [a.id for a in store_two.agencies("2019")] == ["a1", "a2", "a3", "a4", "a5"]
    assert graph_state(neo4j_driver, two) == two_state
    assert [s.agency.id for s in store_two.reporting_chain("a3")] == ["a2", "a1"]


def test_close_leaves_the_shared_driver_open(make_store, neo4j_driver) -> None:
    store = make_store()
    store.load(small_dataset(unique_id()))
    store.close()
    assert count(neo4j_driver, "RETURN 1") == 1


@pytest.fixture
def batched_new_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make even the small test datasets take the path of a large new dataset: many committed batches."""
    import graph.neo4j.batches
    import graph.neo4j.load

    monkeypatch.setattr(graph.neo4j.load, "SINGLE_TX_ROWS", 5)
    monkeypatch.setattr(graph.neo4j.batches, "NEW_BATCH", 2)


def test_large_new_dataset_loaded_in_batches_equals_one_transaction(
    make_store, neo4j_driver, batched_new_loads
) -> None:
    batched, single = make_store(), make_store()
    dataset = small_dataset(unique_id(), agencies=7)
    batched.load(dataset)
    import graph.neo4j.load

    graph.neo4j.load.SINGLE_TX_ROWS = 10**9  # monkeypatch restores it afterwards
    single.load(replace(dataset, id=unique_id()))
    assert batched.agencies("2019") == single.agencies("2019")
    assert (
        batched.edges("2019")
        == single.edges("2019")
        == sorted(
            (e for e in dataset.edges if e.type is not RelType.IN and dataset.agency(e.start).snapshot == "2019"),
            key=lambda e: e.key,
        )
    )
    assert dataset.id in batched.datasets()
    before = graph_state(neo4j_driver, dataset.id)
    batched.load(dataset)  # now a reload: the diffing transaction, which changes nothing
    assert graph_state(neo4j_driver, dataset.id) == before


def test_large_new_dataset_failing_in_a_later_batch_leaves_nothing(make_store, neo4j_driver, batched_new_loads) -> None:
    store = make_store()
    dangling = Edge(RelType.BECAME, "x1", "nobody", Basis.MODELED, "src", change="continued")
    dataset = small_dataset(unique_id(), agencies=7, extra_edges=(dangling,))
    with pytest.raises(OrgraphError, match="do not exist"):
        store.load(dataset)
    assert graph_state(neo4j_driver, dataset.id) == ([], [])
    assert dataset.id not in store.datasets()


def test_reads_before_any_load_say_so(make_store) -> None:
    from graph.errors import NotFound

    store = make_store()
    with pytest.raises(NotFound, match="no dataset is loaded"):
        store.agencies("2019")
    assert isinstance(store.datasets(), list)
