"""The pure parts under the app: the org-chart layout and the escaping renderer."""

from __future__ import annotations

import json
import re

import pytest

from graph.layout import LayoutSpec, aligned_layout, choose_parents, tree_layout
from graph.model import Agency, Basis, Category
from tests.app.conftest import chart_nodes
from views import render

HOSTILE = "<img src=x onerror=alert(1)>"


def _agency(agency_id: str, name: str, *, basis: Basis = Basis.SEED) -> Agency:
    return Agency(agency_id, "2019", "xh", name, f"{name} (en)", "t", Category.GOVERNMENT, True, basis, "seed")


def test_parents_sit_above_children_and_centred_over_them() -> None:
    pos = tree_layout(["gov", "a", "b", "c"], [("a", "gov"), ("b", "gov"), ("c", "gov")])
    assert all(pos["gov"][1] < pos[k][1] for k in "abc")
    assert pos["gov"][0] == pytest.approx((pos["a"][0] + pos["c"][0]) / 2)
    assert len(set(pos.values())) == 4


def test_layout_is_deterministic_whatever_the_input_order() -> None:
    nodes = ["gov", *(f"d{i}" for i in range(30))]
    edges = [(f"d{i}", "gov") for i in range(30)]
    assert tree_layout(nodes, edges) == tree_layout(list(reversed(nodes)), list(reversed(edges)))


def test_many_childless_siblings_wrap_into_a_grid_without_overlap() -> None:
    spec = LayoutSpec(wrap=6)
    nodes = ["gov", *(f"d{i:02}" for i in range(40))]
    pos = tree_layout(nodes, [(f"d{i:02}", "gov") for i in range(40)], spec=spec)
    rows = {y for n, (x, y) in pos.items() if n != "gov"}
    assert len(rows) > 1, "forty departments in one row would be unreadable"
    assert len(set(pos.values())) == len(nodes)
    assert max(x for x, _ in pos.values()) < 40 * spec.x_gap


def test_cycles_and_unknown_ends_are_ignored() -> None:
    assert choose_parents(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a"), ("a", "zz")]) == {"a": "b", "b": "c"}
    pos = tree_layout(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
    assert len(pos) == 3


def test_continuing_agencies_keep_their_position_across_snapshots() -> None:
    before = ["g18", "env18", "land18", "plan18", "arch18"]
    after = ["g19", "env19", "nr19", "em19"]
    b_edges = [(x, "g18") for x in before[1:]]
    a_edges = [(x, "g19") for x in after[1:]]
    same = {"g18": "g19", "env18": "env19", "land18": "nr19", "plan18": "nr19"}
    pos_b, pos_a = aligned_layout(before, b_edges, after, a_edges, same)
    assert pos_b["g18"] == pos_a["g19"] and pos_b["env18"] == pos_a["env19"]
    assert pos_b["land18"] == pos_a["nr19"]  # the first predecessor of a merge takes the successor's place
    placed = list(pos_a.values()) + [pos_b[x] for x in ("plan18", "arch18")]
    assert len(set(placed)) == len(placed), "removed agencies get slots of their own"


def test_chart_page_is_offline_utf8_and_keeps_hostile_text_inert() -> None:
    agency = _agency("x1", HOSTILE, basis=Basis.MODELED)
    boss = _agency("g1", "镶黄旗人民政府")
    nodes = [
        render.agency_node(agency, (0, 100), lang="zh", rows=[("note", "</script><b>x</b>")]),
        render.agency_node(boss, (0, 0), lang="zh"),
    ]
    page = render.chart_html(
        nodes, [render.ChartLink("x1", "g1", "dispatched")], legend=render.Legend(boxes=[(HOSTILE, "#fff", "#000")])
    )
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "cdn.jsdelivr" not in page and not re.search(r"<(script|link)[^>]+(src|href)=\"?https?://", page)
    assert "<img" not in page  # neither the JSON data nor the legend carries a live tag
    assert "</script><b>" not in page
    data = json.loads(re.search(r"nodes = new vis\.DataSet\((.*?)\);\n", page).group(1))
    hostile = next(n for n in data if n["id"] == "x1")
    assert hostile["label"].replace("\n", " ") == HOSTILE  # drawn on canvas exactly as named
    assert "&lt;img src=x onerror=alert(1)&gt;" in hostile["title"]  # tooltip HTML has it escaped
    assert hostile["shapeProperties"]["borderDashes"], "modeled facts get a dashed outline"
    assert not next(n for n in data if n["id"] == "g1")["shapeProperties"]["borderDashes"]
    assert '"physics": {"enabled": false}' in page


def test_markdown_and_plot_text_are_escaped() -> None:
    assert "<img" not in render.md(HOSTILE).replace("\\<", "")
    assert render.plot_text(HOSTILE) == "&lt;img src=x onerror=alert(1)&gt;"
    assert "href" not in render.tooltip("a href=b")  # pyvis would switch its popup to innerHTML mode


@pytest.mark.parametrize(
    "url,shown",
    [
        ("https://example.org/plan", "https://example.org/plan"),
        ("HTTP://example.org", "HTTP://example.org"),
        ("javascript:alert(1)", None),
        ("  JavaScript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("", None),
    ],
)
def test_source_links_are_limited_to_http(url: str, shown: str | None) -> None:
    assert render.safe_link(url) == shown


def test_only_agencies_are_marked_for_a_click_to_focus() -> None:
    """A click focuses a node on the Explorer only if it is an agency (chart_assets.PAGE_JS reads `agency`)."""
    body = render.agency_node(_agency("2019-xh-a", HOSTILE), (0.0, 0.0), lang="zh")
    group = render.ChartNode(id="group:xh", label="xh", x=0.0, y=90.0, fill="#fff", border="#000")
    page = render.chart_html([body, group], [])
    drawn = {n["id"]: n for n in chart_nodes(page)}
    assert drawn["2019-xh-a"].get("agency") is True and "agency" not in drawn["group:xh"]
    assert 'network.on("click"' in page and 'searchParams.set("agency"' in page
