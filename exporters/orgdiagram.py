"""The Graphviz diagram of one jurisdiction in one snapshot drawn as an org chart, the same chart as the app's
(graph/orgchart.py decides the structure for both): the leading bodies side by side in the top band, the party
committee first; under each of them its departments in boxed blocks by category, stacked, `COLUMNS` to a row; a
sub-unit under the body it hangs from. A head's line reaches each block once (per reporting mode) rather than every
box, so no line runs through a block; lines that do not give a body its place, and lines to bodies elsewhere (greyed,
in their own box at the side), are drawn without moving anything (constraint=false). Every line has its mode's style.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import graphviz

from exporters.dotparts import agency_lines, dot_label, line_attrs, node_attrs
from exporters.selection import ExportGraph
from exporters.style import CATEGORY_STYLE, MODE_STYLE
from graph.model import Basis, Category, Edge, RelType
from graph.orgchart import Card, OrgChart, build_org_chart

__all__ = ["COLUMNS", "add_org_chart", "org_chart_of"]

#: Boxes to a row inside a block: a county government's thirty bureaus make six rows, not one row 60 inches wide.
COLUMNS = 5
#: Boxes to a row in the side column (bodies run from elsewhere, bodies elsewhere), beside the blocks.
SIDE_COLUMNS = 2
#: Words for the boxes no leading body of the chart holds, and for the bodies elsewhere that lines lead to.
OUTSIDE = ("由上级或他处管理", "run from elsewhere")
CONTEXT = ("上级/关联机构", "superiors and related bodies elsewhere")


def org_chart_of(graph: ExportGraph, rankdir: str) -> OrgChart | None:
    """The org chart of the selection if it is one jurisdiction in one snapshot drawn top-down, else None."""
    sel = graph.selection
    if rankdir != "TB" or sel.compare or sel.agency or len(sel.snapshots) != 1:
        return None
    chosen = [a for a in graph.agencies if a.id not in graph.context]
    if not chosen or len({a.jurisdiction for a in chosen}) != 1:
        return None
    names = {a.id: a.name("zh") for a in graph.agencies if a.id in graph.context}
    chart = build_org_chart(chosen, graph.edges, names)
    return chart if chart.columns else None


def _words(pair: tuple[str, str], lang: str) -> str:
    zh, en = pair
    return zh if lang == "zh" else en if lang == "en" else f"{zh} {en}"


def _walk(cards: Sequence[Card]) -> Iterator[Card]:
    for card in cards:
        yield card
        yield from _walk(card.children)


def add_org_chart(
    dot: graphviz.Digraph, graph: ExportGraph, chart: OrgChart, ids: Mapping[str, str], lang: str, legend: bool
) -> None:
    """Draw `chart` into `dot`: nodes, tree lines, other lines, and the invisible edges that hold the shape."""
    dot.attr("graph", compound="true", ranksep="0.45")
    heads = [column.head.agency for column in chart.columns]
    band = graphviz.Digraph(name="top_band")
    band.attr(rank="same")
    for head in heads:
        band.node(ids[head.id], dot_label(*agency_lines(head, lang)), **node_attrs(head, False, None), fontsize="14")
    for left, right in zip(heads, heads[1:]):
        band.edge(ids[left.id], ids[right.id], style="invis")  # the band's order, left to right
    dot.subgraph(band)
    n = 0
    for column in chart.columns:
        above = [ids[column.head.agency.id]]  # the lowest boxes above: the next block stacks under them
        for category, cards in column.blocks:
            look = CATEGORY_STYLE[category]
            block = Block(f"cluster_b{n}", (look.label_zh, look.label_en), cards, column.head.agency.id)
            above = _add_block(dot, block, ids, lang, above)
            n += 1
    # A last column at the side: the bodies elsewhere that lines lead to, the bodies run from elsewhere, the legend.
    above = [ids[heads[-1].id]]
    order = list(Category)  # the top band's superiors first, in the row nearest to it: their lines stay short
    elsewhere = sorted((a for a in graph.agencies if a.id in graph.context), key=lambda a: order.index(a.category))
    context = tuple(Card(a, "") for a in elsewhere)
    if context:
        above = _add_block(dot, Block("cluster_context", CONTEXT, context, context=True), ids, lang, above)
    if chart.outside:
        above = _add_block(dot, Block("cluster_outside", OUTSIDE, chart.outside), ids, lang, above)
    if legend:
        for node in above:
            dot.edge(node, "legend", style="invis", weight="0")
    _add_other_lines(dot, graph.edges, chart, ids)


@dataclass(frozen=True, slots=True)
class Block:
    """A boxed block of cards: `head` is the leading body whose line reaches it (none for the side column)."""

    name: str
    title: tuple[str, str]
    cards: Sequence[Card]
    head: str | None = None
    context: bool = False


def _add_block(
    dot: graphviz.Digraph, block: Block, ids: Mapping[str, str], lang: str, above: Sequence[str]
) -> list[str]:
    """One boxed block in rows of COLUMNS (SIDE_COLUMNS at the side) under the nodes `above`; returns its lowest
    boxes."""
    cards, width = block.cards, COLUMNS if block.head else SIDE_COLUMNS
    box = graphviz.Digraph(name=block.name)
    box.attr(label=dot_label(f"{_words(block.title, lang)} · {len(cards)}"), labeljust="l", fontsize="12")
    if block.context:
        box.attr(style="rounded,dashed", color="#bbbbbb")
    else:
        box.attr(style="rounded,filled", fillcolor="#fafbfc", color="#b0bec5")
    level: dict[str, int] = {}  # rank below the block's first row
    for j, card in enumerate(cards):
        level.update(_add_card(box, card, ids, lang, j // width, block.context))
    for row in range(0, len(cards), width):
        same = graphviz.Digraph()
        same.attr(rank="same")
        for card in cards[row : row + width]:
            same.node(ids[card.agency.id])
        box.subgraph(same)
    for upper, lower in zip(cards, cards[width:]):
        box.edge(ids[upper.agency.id], ids[lower.agency.id], style="invis")
    dot.subgraph(box)
    for mode in dict.fromkeys(card.mode for card in cards if card.mode) if block.head else ():
        anchor = next(ids[c.agency.id] for c in cards if c.mode == mode)  # the head's line, once per mode
        style = {k: v for k, v in line_attrs(_line(mode)).items() if k != "tooltip"}
        dot.edge(ids[block.head or ""], anchor, lhead=block.name, **style)
    head_node = ids.get(block.head or "")
    for top in cards[:width]:  # the whole first row under the band, or under the block above
        for node in above:
            dot.edge(node, ids[top.agency.id], style="invis", weight="1" if node == head_node else "0")
    deepest = max(level.values())
    return [node for node, d in level.items() if d == deepest]


def _line(mode: str) -> Edge:
    """A stand-in reporting line of `mode`, so a block's line is drawn exactly like a box's."""
    return Edge(RelType.REPORTS_TO, "", "", Basis.PUBLIC, "", mode=mode if mode in MODE_STYLE else "leads")


def _add_card(
    block: graphviz.Digraph, card: Card, ids: Mapping[str, str], lang: str, depth: int, context: bool = False
) -> dict[str, int]:
    """A box and its nested sub-units (each under it, joined by a line in its mode); returns node -> depth."""
    node = ids[card.agency.id]
    block.node(node, dot_label(*agency_lines(card.agency, lang)), **node_attrs(card.agency, context, None))
    level = {node: depth}
    for child in card.children:
        level.update(_add_card(block, child, ids, lang, depth + 1))
        block.edge(node, ids[child.agency.id], **line_attrs(_line(child.mode)))
    return level


def _add_other_lines(dot: graphviz.Digraph, edges: Sequence[Edge], chart: OrgChart, ids: Mapping[str, str]) -> None:
    """Every reporting or hosting line the tree does not draw, in its mode's style, moving nothing."""
    drawn = {(c.agency.id, c.mode) for column in chart.columns for _, cards in column.blocks for c in _walk(cards)}
    tree = {c.agency.id for column in chart.columns for _, cards in column.blocks for c in _walk(cards)}
    heads = {column.head.agency.id for column in chart.columns}
    parents = _tree_parents(chart)
    for e in edges:
        if e.type not in (RelType.REPORTS_TO, RelType.HOSTED_BY) or e.start not in ids or e.end not in ids:
            continue
        if e.start in tree and parents.get(e.start) == e.end and (e.start, e.mode or "") in drawn:
            continue  # drawn by the tree: a block's line or a sub-unit's line
        constraint = "true" if e.start in heads and e.end in heads else "false"
        dot.edge(ids[e.end], ids[e.start], constraint=constraint, **line_attrs(e))


def _tree_parents(chart: OrgChart) -> dict[str, str]:
    """Each box's place in the tree: the head of its column, or the box it is nested in."""
    parents: dict[str, str] = {}

    def nest(card: Card) -> None:
        for child in card.children:
            parents[child.agency.id] = card.agency.id
            nest(child)

    for column in chart.columns:
        for _, cards in column.blocks:
            for card in cards:
                parents[card.agency.id] = column.head.agency.id
                nest(card)
    return parents
