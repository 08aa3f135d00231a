"""The interactive HTML works offline (nothing to fetch), is UTF-8, escapes every label and title, and
places every node at a fixed position with physics off."""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path
from urllib.parse import urlparse

from exporters import Selection, collect, render
from exporters.html import external_urls, render_html, write_html
from graph.model import Dataset
from tests.export.builders import HOSTILE_NAME

#: URLs that stay inside the inlined vis-network library as plain strings: licence comments, the SVG XML
#: namespace, error-message links. None is in a src/href/url(); a new host here means something changed.
LIBRARY_LITERAL_HOSTS = {
    "almende.com",
    "opensource.org",
    "www.apache.org",
    "www.w3.org",
    "github.com",
    "visjs.github.io",
}


def _dataset_array(page: str, name: str) -> list[dict[str, object]]:
    match = re.search(rf"{name} = new vis\.DataSet\((\[.*?\])\);", page, re.DOTALL)
    assert match, f"no {name} DataSet in the page"
    return json.loads(match.group(1))


def test_page_fetches_nothing_from_the_network(mini_dataset: Dataset, mini_store: object) -> None:
    graph = collect(mini_store, mini_dataset, Selection(snapshots=(mini_dataset.snapshot_ids()[-1],)))  # type: ignore[arg-type]
    page = render_html(graph)
    assert external_urls(page) == []
    assert not re.search(r"<(?:link|script|img|iframe)\b[^>]*(?:src|href)\s*=", page, re.IGNORECASE)
    hosts = {urlparse(url).hostname for url in re.findall(r"https?://[^\s\"'<>()\\]+", page)}
    assert hosts <= LIBRARY_LITERAL_HOSTS, hosts - LIBRARY_LITERAL_HOSTS
    assert "vis.Network" in page and "vis-network" in page  # the library is inlined, not referenced


def test_page_is_utf8_with_chinese_names(mini_dataset: Dataset, mini_store: object, out_dir: Path) -> None:
    county = mini_dataset.bottom_jurisdictions()[0]
    snap = mini_dataset.snapshot_ids()[-1]
    graph = collect(mini_store, mini_dataset, Selection(snapshots=(snap,), jurisdiction=county.id))  # type: ignore[arg-type]
    path = write_html(graph, out_dir / "page.html")
    raw = path.read_bytes()
    page = raw.decode("utf-8")
    assert '<meta charset="utf-8">' in page
    assert county.name_zh.encode("utf-8") in raw
    labels = {n["id"]: n["label"] for n in _dataset_array(page, "nodes")}
    for agency in graph.agencies:
        assert "".join(labels[agency.id].split()).startswith("".join(agency.name_zh.split()))  # wrapped lines


def test_nodes_have_fixed_positions_and_physics_is_off(changes: Dataset, changes_store: object) -> None:
    graph = collect(changes_store, changes, Selection(snapshots=("2019",), jurisdiction="xh"))  # type: ignore[arg-type]
    page = render_html(graph)
    nodes = _dataset_array(page, "nodes")
    assert {n["id"] for n in nodes} == {a.id for a in graph.agencies}
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) and n["physics"] is False for n in nodes)
    assert len({(n["x"], n["y"]) for n in nodes}) == len(nodes)  # no two nodes on top of each other
    options = json.loads(re.search(r"var options = (\{.*?\});\n", page, re.DOTALL).group(1))  # type: ignore[union-attr]
    assert options["physics"]["enabled"] is False
    gov = next(n for n in nodes if n["id"] == "2019-xh-gov")
    below = [n for n in nodes if n["id"] in ("2019-xh-nr", "2019-xh-em")]
    assert all(n["y"] > gov["y"] for n in below)  # superiors above subordinates (top-down)


def test_hostile_agency_name_stays_text(changes: Dataset, changes_store: object) -> None:
    """An agency named <img src=x onerror=alert(1)> appears as text in the label and in the innerHTML popup."""
    graph = collect(changes_store, changes, Selection(snapshots=("2019",), jurisdiction="xh"))  # type: ignore[arg-type]
    page = render(graph, "html").decode("utf-8")
    assert "<img" not in page.lower()
    node = next(n for n in _dataset_array(page, "nodes") if n["id"] == "2019-xh-hostile")
    assert "".join(str(node["label"]).split()).startswith("".join(HOSTILE_NAME.split()))  # canvas text, as typed
    assert escape(HOSTILE_NAME) in str(node["title"])  # the popup's innerHTML shows it as text
    options = json.loads(re.search(r"var options = (\{.*?\});\n", page, re.DOTALL).group(1))  # type: ignore[union-attr]
    assert options["nodes"]["font"]["multi"] is False  # labels are never parsed as markup
    assert "<img" not in str(node["title"])
    edges = _dataset_array(page, "edges")
    assert all("<" not in str(e.get("title", "")).replace("<br>", "") for e in edges)


def test_compare_page_shows_both_snapshots(changes: Dataset, changes_store: object) -> None:
    graph = collect(changes_store, changes, Selection(compare=("2018", "2019"), jurisdiction="xh"))  # type: ignore[arg-type]
    nodes = _dataset_array(render_html(graph, rankdir="LR"), "nodes")
    assert {n["id"] for n in nodes} >= {"2018-xh-land", "2019-xh-nr"}
    edges = _dataset_array(render_html(graph), "edges")
    assert {"from": "2018-xh-land", "to": "2019-xh-nr"}.items() <= next(
        e for e in edges if e["from"] == "2018-xh-land"
    ).items()
