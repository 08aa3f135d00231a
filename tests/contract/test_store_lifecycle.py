"""Loading on both backends: what a load reports, reads before a load, a reload that replaces the data, and a
failed load that leaves the previous graph queryable as it was. Each test loads under dataset ids of its own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from contract import oracle
from contract.contract_support import BACKENDS, renamed, unique_id
from graph.errors import NotFound, OrgraphError
from graph.model import Basis, Dataset, Edge, RelType

MakeStore = Callable[[str], Any]


def _everything(store: Any, dataset: Dataset) -> dict[str, Any]:
    """Every read of the store API over the whole dataset, for before/after comparisons."""
    ids = [a.id for a in dataset.agencies]
    return {
        "agencies": {s: store.agencies(s) for s in dataset.snapshot_ids()},
        "edges": {s: store.edges(s) for s in dataset.snapshot_ids()},
        "chains": {i: store.reporting_chain(i) for i in ids},
        "subordinates": {i: store.subordinates(i, depth=2) for i in ids},
        "lineage": {i: store.lineage(i) for i in ids},
    }


def _expected(dataset: Dataset) -> dict[str, Any]:
    ids = [a.id for a in dataset.agencies]
    return {
        "agencies": {s: oracle.agencies(dataset, s) for s in dataset.snapshot_ids()},
        "edges": {s: oracle.edges(dataset, s) for s in dataset.snapshot_ids()},
        "chains": {i: oracle.reporting_chain(dataset, i) for i in ids},
        "subordinates": {i: oracle.subordinates(dataset, i, 2) for i in ids},
        "lineage": {i: oracle.lineage(dataset, i) for i in ids},
    }


def _changed(dataset: Dataset) -> Dataset:
    """mini with the abolished grain bureau gone, the veterans bureau renamed, and the converged media centre
    moved from `entrusted` to `leads` under the publicity department."""
    gone = "m18-xh-grain"
    agencies = tuple(
        replace(a, name_zh="镶黄旗退役军人事务局(改)") if a.id == "m19-xh-veterans" else a
        for a in dataset.agencies
        if a.id != gone
    )
    edges = tuple(
        replace(e, mode="leads") if (e.type is RelType.REPORTS_TO and e.start == "m19-xh-media") else e
        for e in dataset.edges
        if gone not in (e.start, e.end)
    )
    return replace(dataset, agencies=agencies, edges=edges)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_load_reports_what_it_loaded(make_store: MakeStore, mini_dataset: Dataset, backend: str) -> None:
    store = make_store(backend)
    dataset = renamed(mini_dataset, unique_id())
    report = store.load(dataset)
    assert (report.dataset, report.backend) == (dataset.id, store.backend)
    nodes = len(dataset.jurisdictions) + len(dataset.agencies) + len(dataset.functions)
    assert (report.nodes, report.relationships) == (nodes, len(dataset.edges)) == (61, 148)
    assert report.seconds >= 0
    assert dataset.id in store.datasets()


@pytest.mark.parametrize("backend", BACKENDS)
def test_reads_before_any_load_raise_not_found(make_store: MakeStore, backend: str) -> None:
    store = make_store(backend)
    for read in (
        lambda: store.agencies("2019"),
        lambda: store.agency("m19-xh-gov"),
        lambda: store.edges("2019"),
        lambda: store.reporting_chain("m19-xh-gov"),
        lambda: store.subordinates("m19-xh-gov"),
        lambda: store.lineage("m19-xh-gov"),
    ):
        with pytest.raises(NotFound, match="load"):
            read()


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_reload_replaces_the_data(make_store: MakeStore, mini_dataset: Dataset, backend: str) -> None:
    store = make_store(backend)
    original = renamed(mini_dataset, unique_id("reload"))
    store.load(original)
    changed = _changed(original)
    store.load(changed)

    with pytest.raises(NotFound):
        store.agency("m18-xh-grain")
    assert "m18-xh-grain" not in {a.id for a in store.agencies("2018")}
    assert store.agency("m19-xh-veterans").name_zh == "镶黄旗退役军人事务局(改)"
    assert [(s.agency.id, s.mode) for s in store.reporting_chain("m19-xh-media")][:1] == [
        ("m19-xh-propaganda", "leads")
    ]
    assert _everything(store, changed) == _expected(changed)

    store.load(original)  # and back: nothing of the change is left
    assert _everything(store, original) == _expected(original)


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_store_answers_for_the_dataset_it_loaded_last(
    make_store: MakeStore, mini_dataset: Dataset, backend: str
) -> None:
    store = make_store(backend)
    first, second = renamed(mini_dataset, unique_id("first")), _changed(renamed(mini_dataset, unique_id("second")))
    store.load(first)
    store.load(second)
    assert second.id in store.datasets()  # (Neo4j keeps the first too: datasets share its database)
    assert _everything(store, second) == _expected(second)
    rows = store.run_cypher("MATCH (a:Agency) WHERE a.dataset = $dataset RETURN count(*) AS n").rows
    assert rows == [{"n": len(second.agencies)}]


def _broken(dataset: Dataset) -> Dataset:
    """A dataset that must not load: one agency renamed (a change that would show) plus a REPORTS_TO edge to an
    agency that does not exist."""
    agencies = tuple(replace(a, name_zh="不该出现") if a.id == "m19-xh-gov" else a for a in dataset.agencies)
    dangling = Edge(RelType.REPORTS_TO, "m19-xh-veterans", "m19-xh-ghost", Basis.MODELED, "model", mode="leads")
    return replace(dataset, agencies=agencies, edges=(*dataset.edges, dangling))


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("same_id", [True, False], ids=["same-id", "other-id"])
def test_a_failed_load_keeps_the_previous_graph_queryable(
    make_store: MakeStore, mini_dataset: Dataset, backend: str, same_id: bool
) -> None:
    store = make_store(backend)
    good = renamed(mini_dataset, unique_id("good"))
    store.load(good)
    bad = _broken(good if same_id else renamed(good, unique_id("bad")))
    with pytest.raises(OrgraphError):
        store.load(bad)
    assert store.agency("m19-xh-gov").name_zh == mini_dataset.agency("m19-xh-gov").name_zh
    assert _everything(store, good) == _expected(good)
    if not same_id:
        assert bad.id not in store.datasets()
