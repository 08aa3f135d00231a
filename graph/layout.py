"""Top-down org-chart positions for agencies, computed once on the server so a drawn chart is instant and stable.

Pure functions over ids and (child, parent) pairs: no networkx, no UI. The same input always gives the same
positions, and `aligned_layout` puts an agency that continues from one snapshot to the next at the same spot
in both, so two charts can be compared by eye.

    >>> pos = tree_layout(["gov", "a", "b"], [("a", "gov"), ("b", "gov")])
    >>> pos["gov"][1] < pos["a"][1] == pos["b"][1]
    True
    >>> pos["gov"][0] == (pos["a"][0] + pos["b"][0]) / 2
    True
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["SIDEWAYS", "LayoutSpec", "aligned_layout", "choose_parents", "tree_layout"]

Position = tuple[float, float]


@dataclass(frozen=True, slots=True)
class LayoutSpec:
    """Spacing in pixels; `wrap` is how many childless siblings sit in one row before they wrap into a grid.

    `direction` "TB" puts parents above children; "LR" puts them to the left, siblings stacked in a column
    (narrow panes), and then `x_gap` is the spacing between siblings and `y_gap` between levels.
    """

    x_gap: float = 172.0
    y_gap: float = 130.0
    grid_row_gap: float = 0.62  # rows of a wrapped grid, as a fraction of y_gap
    wrap: int = 6
    direction: str = "TB"


#: Left-to-right spacing for narrow panes: siblings 60 px apart in a column, levels 250 px apart; long sibling
#: columns wrap into several columns.
SIDEWAYS = LayoutSpec(x_gap=60.0, y_gap=250.0, grid_row_gap=0.74, wrap=16, direction="LR")


@dataclass(slots=True)
class _Block:
    """A laid-out subtree: unit-grid positions relative to its top-left corner, its width and height in units."""

    width: float
    height: float
    positions: dict[str, Position] = field(default_factory=dict)


def choose_parents(nodes: Iterable[str], parent_edges: Iterable[tuple[str, str]]) -> dict[str, str]:
    """One parent per node: the first (child, parent) pair that joins two known nodes without closing a cycle.

    >>> choose_parents(["a", "b"], [("a", "b"), ("b", "a")])
    {'a': 'b'}
    """
    known = set(nodes)
    parent: dict[str, str] = {}
    for child, up in parent_edges:
        if child == up or child not in known or up not in known or child in parent:
            continue
        walk, seen = up, {child}
        while walk in parent and walk not in seen:  # would `up` reach `child` going upwards?
            seen.add(walk)
            walk = parent[walk]
        if walk in seen:
            continue
        parent[child] = up
    return parent


def tree_layout(
    nodes: Sequence[str],
    parent_edges: Iterable[tuple[str, str]],
    *,
    order: Callable[[str], Any] | None = None,
    spec: LayoutSpec = LayoutSpec(),
) -> dict[str, Position]:
    """Positions {id: (x, y)} for `nodes`, parents above their children, roots side by side.

    `parent_edges` are (child, parent) pairs in priority order (a node keeps its first usable parent);
    `order` sorts siblings (default: by id). Childless siblings beyond `spec.wrap` wrap into a grid so a
    county government with forty departments stays readable.
    """
    sort_key = order or (lambda node_id: node_id)
    unique = sorted(set(nodes), key=lambda n: (sort_key(n), n))
    parent = choose_parents(unique, parent_edges)
    children: dict[str, list[str]] = {n: [] for n in unique}
    for child in unique:
        if child in parent:
            children[parent[child]].append(child)
    roots = [n for n in unique if n not in parent]
    # Roots are packed like siblings: real trees first, then lone agencies (no parent, no children) in a grid.
    trees = [r for r in roots if children[r]]
    singles = [r for r in roots if not children[r]]
    blocks = [_place(r, children, spec) for r in trees]
    if singles:
        blocks.append(_grid(singles, spec, columns=_columns(len(singles), spec)))
    forest, _ = _pack(blocks, spec, top=0.0)
    if spec.direction == "LR":
        return {n: (y * spec.y_gap, x * spec.x_gap) for n, (x, y) in forest.positions.items()}
    return {n: (x * spec.x_gap, y * spec.y_gap) for n, (x, y) in forest.positions.items()}


def aligned_layout(
    before: Sequence[str],
    before_edges: Iterable[tuple[str, str]],
    after: Sequence[str],
    after_edges: Iterable[tuple[str, str]],
    same: Mapping[str, str],
    *,
    order: Callable[[str], Any] | None = None,
    spec: LayoutSpec = LayoutSpec(),
) -> tuple[dict[str, Position], dict[str, Position]]:
    """Positions for two snapshots where a BEFORE agency continuing as an AFTER one (`same`: before -> after)
    sits exactly where its successor sits. Removed and added agencies get slots of their own.

    >>> b, a = aligned_layout(["g1", "x1"], [("x1", "g1")], ["g2", "x2", "n2"], [("x2", "g2"), ("n2", "g2")],
    ...                       {"g1": "g2", "x1": "x2"})
    >>> b["x1"] == a["x2"] and b["g1"] == a["g2"]
    True
    """
    after_set = set(after)
    mapping = {b: a for b, a in same.items() if a in after_set}
    taken: set[str] = set()
    slot: dict[str, str] = {}
    for b in sorted(before):
        target = mapping.get(b)
        if target is not None and target not in taken:  # a merge keeps one predecessor on the successor's slot
            slot[b] = target
            taken.add(target)
        else:
            slot[b] = b
    union = list(after_set | set(slot.values()))
    edges = list(after_edges) + [(slot.get(c, c), slot.get(p, p)) for c, p in before_edges]
    reverse = {v: k for k, v in slot.items()}
    key = order or (lambda node_id: node_id)
    positions = tree_layout(union, edges, order=lambda n: key(n if n in after_set else reverse.get(n, n)), spec=spec)
    return ({b: positions[slot[b]] for b in before}, {a: positions[a] for a in after})


def _place(node: str, children: Mapping[str, list[str]], spec: LayoutSpec) -> _Block:
    """Lay out the subtree under `node`: children's subtrees in rows below it, leaf children as a row or grid."""
    kids = children[node]
    if not kids:
        return _Block(width=1.0, height=1.0, positions={node: (0.0, 0.0)})
    inner = [k for k in kids if children[k]]
    leaves = [k for k in kids if not children[k]]
    blocks = [_place(k, children, spec) for k in inner]
    if leaves:
        if len(leaves) <= spec.wrap or len(leaves) + len(inner) <= spec.wrap:
            blocks.extend(_Block(1.0, 1.0, {leaf: (0.0, 0.0)}) for leaf in leaves)
        else:
            columns = _columns(len(leaves), spec)
            blocks.append(_grid(leaves, spec, columns=columns))
    block, first_row = _pack(blocks, spec, top=1.0)
    centre = (min(first_row) + max(first_row)) / 2 if first_row else (block.width - 1) / 2
    block.positions[node] = (centre, 0.0)
    return block


def _pack(blocks: Sequence[_Block], spec: LayoutSpec, *, top: float) -> tuple[_Block, list[float]]:
    """Blocks side by side from `top` down, in rows of near-square width (many sibling subtrees in one row
    would make a chart too wide to read); also returns the x of the first row's top nodes."""
    total = sum(b.width for b in blocks)
    widest_block = max((b.width for b in blocks), default=0.0)
    limit = max(spec.wrap + 2.0, widest_block, math.ceil(math.sqrt(total * 2.5))) if total > spec.wrap else total
    rows: list[list[_Block]] = [[]]
    for child_block in blocks:
        if rows[-1] and sum(b.width for b in rows[-1]) + child_block.width > limit:
            rows.append([])
        rows[-1].append(child_block)
    widest = max((sum(b.width for b in row) for row in rows), default=0.0)
    block = _Block(width=widest, height=0.0)
    first_row: list[float] = []
    for index, row in enumerate(rows):
        x = (widest - sum(b.width for b in row)) / 2
        for child_block in row:
            _paste(block, child_block, x, top)
            if index == 0:
                first_row.extend(cx + x for (cx, cy) in child_block.positions.values() if cy == 0.0)
            x += child_block.width
            block.height = max(block.height, top + child_block.height)
        flat = all(b.height == 1.0 and len(b.positions) == 1 for b in row)
        top += spec.grid_row_gap if flat else max((b.height for b in row), default=1.0) + spec.grid_row_gap * 0.5
    return block, first_row


def _columns(count: int, spec: LayoutSpec) -> int:
    """Grid width for `count` childless siblings: a little wider than square, but never so wide that a
    full-width chart must shrink its labels below reading size."""
    return max(spec.wrap, min(spec.wrap + 2, math.ceil(math.sqrt(count * 2.5))))


def _grid(items: Sequence[str], spec: LayoutSpec, *, columns: int) -> _Block:
    columns = max(1, min(columns, len(items)))
    rows = math.ceil(len(items) / columns)
    positions = {item: (float(i % columns), (i // columns) * spec.grid_row_gap) for i, item in enumerate(items)}
    return _Block(width=float(columns), height=1.0 + (rows - 1) * spec.grid_row_gap, positions=positions)


def _paste(target: _Block, block: _Block, dx: float, dy: float) -> None:
    for node, (x, y) in block.positions.items():
        target.positions[node] = (x + dx, y + dy)
