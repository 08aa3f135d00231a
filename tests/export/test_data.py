"""Data exports round-trip: GraphML, GEXF and JSON read back into networkx with the same nodes, edges and
typed attributes; the CSV folder loads back as the same dataset; every fact keeps its basis and source."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import networkx as nx
import pytest

from exporters import Selection, collect, render, render_to_path
from exporters.data import to_networkx
from graph.model import Dataset, RelType
from tests.export.builders import HOSTILE_NAME, HOSTILE_NAME_EN


def _edges(g: nx.MultiDiGraph) -> dict[tuple[str, str, str], dict[str, object]]:
    return {(u, v, k): d for u, v, k, d in g.edges(keys=True, data=True)}


@pytest.fixture(params=["whole", "county", "compare"])
def graph(request: pytest.FixtureRequest, changes: Dataset, changes_store: object):  # type: ignore[no-untyped-def]
    selection = {
        "whole": Selection(),
        "county": Selection(snapshots=("2019",), jurisdiction="xh"),
        "compare": Selection(compare=("2018", "2019"), jurisdiction="xh"),
    }[request.param]
    return collect(changes_store, changes, selection)  # type: ignore[arg-type]


def test_graphml_round_trips_nodes_edges_and_typed_attributes(graph) -> None:  # type: ignore[no-untyped-def]
    original = to_networkx(graph)
    back = nx.read_graphml(io.BytesIO(render(graph, "graphml")), force_multigraph=True)
    yed = {"x", "y", "shape_type"}  # networkx reads yEd's node graphics back as these; they are drawing, not data
    nodes = {n: {k: v for k, v in d.items() if k not in yed} for n, d in back.nodes(data=True)}
    assert nodes == dict(original.nodes(data=True))
    assert _edges(back) == _edges(original)
    assert all(isinstance(d["label"], str) and d["label"] for _, d in back.nodes(data=True))
    quotas = [d["agency_quota"] for _, d in back.nodes(data=True) if "agency_quota" in d]
    assert quotas and all(type(q) is int for q in quotas)
    flags = [d["counts_toward_quota"] for _, d in back.nodes(data=True) if d["kind"] == "Agency"]
    assert flags and all(type(f) is bool for f in flags) and False in flags


def test_graphml_has_no_empty_or_none_values(graph) -> None:  # type: ignore[no-untyped-def]
    text = render(graph, "graphml").decode("utf-8")
    assert ">None<" not in text
    back = nx.read_graphml(io.BytesIO(text.encode("utf-8")), force_multigraph=True)
    for _, data in back.nodes(data=True):
        assert None not in data.values()


def test_json_round_trips(graph) -> None:  # type: ignore[no-untyped-def]
    original = to_networkx(graph)
    text = render(graph, "json").decode("utf-8")
    back = nx.node_link_graph(json.loads(text), edges="edges", source="from", target="to")
    assert isinstance(back, nx.MultiDiGraph)
    # node-link keeps the orgraph id as each node's "id" (what D3 and most readers expect), so reading it
    # back makes it the node key rather than an attribute; by construction they are the same value.
    assert {n: {**d, "id": n} for n, d in back.nodes(data=True)} == dict(original.nodes(data=True))
    assert _edges(back) == _edges(original)
    assert "镶黄旗" in text  # Chinese is written as text, not \u escapes


def test_gexf_reads_back_with_labels(graph) -> None:  # type: ignore[no-untyped-def]
    original = to_networkx(graph)
    back = nx.read_gexf(io.BytesIO(render(graph, "gexf")))
    assert set(back.nodes) == set(original.nodes)
    assert back.number_of_edges() == original.number_of_edges()
    for node, data in back.nodes(data=True):
        assert data["label"] == original.nodes[node]["label"]
        assert data["basis"] == original.nodes[node]["basis"]


def test_every_exported_fact_carries_basis_and_source(graph) -> None:  # type: ignore[no-untyped-def]
    g = to_networkx(graph)
    for node, data in g.nodes(data=True):
        if data["kind"] != "Function":
            assert data["basis"] and data["source"], node
    for u, v, data in g.edges(data=True):
        assert data["basis"] and data["source"], (u, v)


def test_hostile_names_survive_every_data_format(changes: Dataset, changes_store: object) -> None:
    graph = collect(changes_store, changes, Selection(snapshots=("2019",), jurisdiction="xh"))  # type: ignore[arg-type]
    for fmt, read in (
        ("graphml", lambda b: nx.read_graphml(io.BytesIO(b), force_multigraph=True)),
        ("json", lambda b: nx.node_link_graph(json.loads(b), edges="edges", source="from", target="to")),
    ):
        node = read(render(graph, fmt)).nodes["2019-xh-hostile"]  # type: ignore[no-untyped-call]
        assert (node["name_zh"], node["name_en"]) == (HOSTILE_NAME, HOSTILE_NAME_EN), fmt


def _facts(ds: Dataset) -> tuple[set[object], set[object], set[object], set[object]]:
    return (
        set(ds.agencies),
        set(ds.jurisdictions),
        set(ds.functions),
        {e for e in ds.edges if e.type is not RelType.IN},
    )


def test_whole_mini_dataset_round_trips_through_csv(mini_dataset: Dataset, mini_store: object, out_dir: Path) -> None:
    from loaders import load_dataset

    graph = collect(mini_store, mini_dataset, Selection())  # type: ignore[arg-type]
    folder = render_to_path(graph, "csv", out_dir / "mini-export")
    back = load_dataset(folder)
    assert back.id == mini_dataset.id
    assert _facts(back) == _facts(mini_dataset)
    assert set(back.snapshots) == set(mini_dataset.snapshots)
    used = {a.source for a in mini_dataset.agencies} | {e.source for e in mini_dataset.edges}
    assert used <= {s.id for s in back.sources}


def test_one_county_exports_as_a_valid_dataset(changes: Dataset, changes_store: object, out_dir: Path) -> None:
    """A county's snapshot loads back on its own, with the league agency it reports to kept as context."""
    from loaders import load_dataset

    graph = collect(changes_store, changes, Selection(snapshots=("2019",), jurisdiction="xh"))  # type: ignore[arg-type]
    back = load_dataset(render_to_path(graph, "csv", out_dir / "xh-2019", dataset_id="xh-2019"))
    assert back.id == "xh-2019"
    assert {a.id for a in back.agencies} == {a.id for a in graph.agencies}
    assert "2019-xlgl-env" in {a.id for a in back.agencies}
    assert {e.key for e in back.edges if e.type is not RelType.IN} == {e.key for e in graph.edges}
    hostile = back.agency("2019-xh-hostile")
    assert hostile is not None and (hostile.name_zh, hostile.name_en) == (HOSTILE_NAME, HOSTILE_NAME_EN)


def test_csv_download_is_a_zip_of_the_dataset_folder(changes: Dataset, changes_store: object, out_dir: Path) -> None:
    from loaders import load_dataset

    graph = collect(changes_store, changes, Selection())  # type: ignore[arg-type]
    with zipfile.ZipFile(io.BytesIO(render(graph, "csv"))) as zf:
        zf.extractall(out_dir)
    back = load_dataset(out_dir / changes.id)
    assert _facts(back) == _facts(changes)


def test_csv_export_refuses_a_folder_with_other_files(changes: Dataset, changes_store: object, out_dir: Path) -> None:
    from graph.errors import OrgraphError

    (out_dir / "keep.txt").write_text("mine", encoding="utf-8")
    graph = collect(changes_store, changes, Selection())  # type: ignore[arg-type]
    with pytest.raises(OrgraphError, match="keep.txt"):
        render_to_path(graph, "csv", out_dir)


def test_a_dataset_alone_exports_like_its_store(mini_dataset: Dataset, mini_store: object) -> None:
    """export(None, dataset, ...) loads an embedded store itself and gives the same bytes."""
    from exporters import export

    selection = Selection(snapshots=(mini_dataset.snapshot_ids()[-1],))
    assert export(None, mini_dataset, selection, "json") == export(mini_store, mini_dataset, selection, "json")  # type: ignore[arg-type]


def test_graphml_opens_styled_in_yed(graph) -> None:  # type: ignore[no-untyped-def]
    """Every node carries a yFiles ShapeNode (fill by category, its name as the label) and every edge a line
    style by mode, in yEd's namespace; the names are XML text, so a hostile name stays text."""
    import xml.etree.ElementTree as ET

    y = "{http://www.yworks.com/xml/graphml}"
    root = ET.fromstring(render(graph, "graphml"))
    nodes = root.findall(".//{http://graphml.graphdrawing.org/xmlns}node")
    assert nodes and all(n.find(f".//{y}ShapeNode") is not None for n in nodes)
    labels = {n.get("id"): n.find(f".//{y}NodeLabel").text for n in nodes}  # type: ignore[union-attr]
    for a in graph.agencies:
        assert labels[a.id] == (a.name_zh or a.name_en)
    styles = {ls.get("type") for ls in root.iter(f"{y}LineStyle")}
    assert styles and styles <= {"line", "dashed", "dotted"}
    fills = {f.get("color") for f in root.iter(f"{y}Fill")}
    assert len(fills) > 1  # coloured by category, not all the same
