"""Invisible edges that keep dot's drawings compact: org charts are flat (a government with thirty bureaus),
so left alone dot draws a county as one very wide row, and a league as a strip of counties 30,000 px wide.

- Wrap: the childless subordinates of one superior are stacked `WRAP` to a row (leaf j -> leaf j+WRAP).
- Grid: clusters (one per snapshot and jurisdiction) are chained `cols` to a column (cluster i -> i+cols, from
  its deepest node to the next one's roots), `cols` chosen so the whole drawing is roughly as wide as tall.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Iterable, Sequence

__all__ = ["WRAP", "grid_edges", "wrap_edges"]

WRAP = 6
#: inches a node takes (across, along) the rank direction, gaps included, roughly
NODE_EXTENT = {"TB": (1.9, 1.25), "LR": (0.75, 2.6)}


def wrap_edges(links: Iterable[tuple[str, str]], wrap: int = WRAP) -> list[tuple[str, str]]:
    """(leaf, leaf) pairs to draw invisibly so a superior's childless subordinates wrap `wrap` to a row.

    `links` are (superior, subordinate) pairs.

    >>> wrap_edges([("g", f"b{i}") for i in range(8)], wrap=3)
    [('b0', 'b3'), ('b1', 'b4'), ('b2', 'b5'), ('b3', 'b6'), ('b4', 'b7')]
    """
    children: dict[str, list[str]] = defaultdict(list)
    for sup, sub in links:
        if sub not in children[sup]:
            children[sup].append(sub)
    placed: set[str] = set()
    pairs: list[tuple[str, str]] = []
    for sup in sorted(children):
        leaves = [c for c in children[sup] if c not in children and c not in placed]
        placed.update(leaves)
        pairs += [(leaves[j], leaves[j + wrap]) for j in range(len(leaves) - wrap)]
    return pairs


def _depths(members: Sequence[str], links: Iterable[tuple[str, str]]) -> dict[str, int]:
    """Longest distance from a root within one cluster (bounded, so a stray cycle cannot loop forever)."""
    inside = set(members)
    subs: dict[str, list[str]] = defaultdict(list)
    has_sup: set[str] = set()
    for sup, sub in links:
        if sup in inside and sub in inside and sup != sub:
            subs[sup].append(sub)
            has_sup.add(sub)
    depth = {m: 0 for m in members}
    frontier = [m for m in members if m not in has_sup] or list(members[:1])
    for _ in range(len(members)):
        nxt = []
        for node in frontier:
            for sub in subs[node]:
                if depth[sub] < depth[node] + 1:
                    depth[sub] = depth[node] + 1
                    nxt.append(sub)
        if not nxt:
            break
        frontier = nxt
    return depth


def grid_edges(
    clusters: Sequence[Sequence[str]], links: Sequence[tuple[str, str]], *, rankdir: str = "TB", wrap: int = WRAP
) -> list[tuple[str, str]]:
    """(node, node) pairs that chain clusters into a grid of roughly square overall shape.

    Each cluster's extent is estimated from its depth and its widest row once wrapped.
    """
    if len(clusters) < 2:
        return []
    across, along = NODE_EXTENT.get(rankdir, NODE_EXTENT["TB"])
    wrapped = list(links) + wrap_edges(links, wrap)
    shapes = []
    for members in clusters:
        depth = _depths(members, wrapped)
        per_rank: dict[int, int] = defaultdict(int)
        for d in depth.values():
            per_rank[d] += 1
        shapes.append((depth, max(per_rank.values()) * across, (max(depth.values()) + 1) * along + 0.8))
    width = sum(s[1] for s in shapes) / len(shapes)
    height = sum(s[2] for s in shapes) / len(shapes)
    # c chains of n/c clusters: c*width across, (n/c)*height along the ranks; equal when c = sqrt(n*h/w)
    cols = max(1, min(len(clusters), round(math.sqrt(len(clusters) * height / width))))
    pairs = []
    for i in range(len(clusters) - cols):
        depth, _, _ = shapes[i]
        deepest = max(depth, key=lambda n: (depth[n], n))
        nxt_depth = shapes[i + cols][0]
        pairs += [(deepest, root) for root, d in sorted(nxt_depth.items()) if d == 0]
    return pairs
