"""What the networkx store promises beyond the GraphStore contract: the graph shape the embedded Cypher engine
and the exporters read (node attr `labels`, `dataset`, schema properties; edge attr `type`), and that it is
read-only."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.embedded.store import NetworkxStore
from graph.model import Dataset


@pytest.fixture(scope="module")
def store(mini_dataset: Dataset) -> NetworkxStore:
    s = NetworkxStore()
    s.load(mini_dataset)
    return s


def test_nodes_carry_labels_dataset_and_schema_properties(store: NetworkxStore, mini_dataset: Dataset) -> None:
    graph = store.graph
    assert graph.number_of_nodes() == len(mini_dataset.agencies) + len(mini_dataset.jurisdictions) + len(
        mini_dataset.functions
    )
    office = graph.nodes["m19-xh-ecology"]
    assert office["labels"] == ("Agency",) and office["dataset"] == mini_dataset.id
    assert office["name_zh"] == "锡林郭勒盟生态环境局镶黄旗分局"
    agency = mini_dataset.agency("m19-xh-ecology")
    assert agency is not None
    assert (office["category"], office["counts_toward_quota"], office["snapshot"]) == (
        agency.category.value,
        False,
        "2019",
    )
    assert type(office["category"]) is str  # plain values, not enums
    banner = graph.nodes["xh"]
    assert banner["labels"] == ("Jurisdiction",) and banner["level"] == "county"
    assert banner["agency_quota"] == 10 and "parent" not in banner  # the parent is an IN edge
    assert graph.nodes["religious_affairs"]["labels"] == ("Function",)


def test_edges_carry_type_and_their_properties(store: NetworkxStore, mini_dataset: Dataset) -> None:
    graph = store.graph
    assert graph.number_of_edges() == len(mini_dataset.edges)
    up = [d for _, _, d in graph.out_edges("m19-xh-ecology", data=True) if d["type"] == "REPORTS_TO"]
    assert sorted(d["mode"] for d in up) == ["dispatched", "guides"]
    moved = [d for _, end, d in graph.out_edges("m18-xh-religion", data=True) if d["type"] == "BECAME"]
    assert moved == [
        {
            "type": "BECAME",
            "basis": moved[0]["basis"],
            "source": moved[0]["source"],
            "change": "transferred",
            "function": "religious_affairs",
            "note": "",  # kept when empty, as on nodes and on Neo4j
        }
    ]
    assert {d["type"] for *_, d in graph.edges(data=True)} == {
        "IN",
        "REPORTS_TO",
        "HOSTED_BY",
        "HAS_FUNCTION",
        "BECAME",
    }


def test_the_graph_is_read_only(store: NetworkxStore) -> None:
    assert nx.is_frozen(store.graph)
    with pytest.raises(nx.NetworkXError):
        store.graph.add_node("intruder")
    with pytest.raises(nx.NetworkXError):
        store.graph.remove_edge("m19-xh-ecology", "m19-lg-ecology")
    assert "intruder" not in store.graph


def test_a_reload_gives_a_new_graph_and_leaves_the_old_one_intact(mini_dataset: Dataset) -> None:
    s = NetworkxStore()
    s.load(mini_dataset)
    old = s.graph
    s.load(mini_dataset)
    assert s.graph is not old and nx.utils.graphs_equal(s.graph, old)
