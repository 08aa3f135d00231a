"""Invisible edges that keep dot's drawings compact: org charts are flat (a government with thirty bureaus),
so left alone dot draws a county as one very wide row, and a league as a strip of counties 30,000 px wide.

- Wrap: the subordinates of one superior are stacked `WRAP` to a row (child j -> child j+WRAP), childless
  ones first; only links inside one cluster are wrapped, so no invisible edge ties two clusters together.
- Grid: clusters (one per snapshot and jurisdiction) are chained `cols` to a column (cluster i -> i+cols, from
  its deepest node to the next one's roots), `cols` chosen so the whole drawing is roughly as wide as tall.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

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
    for sup in sorted(children, key=lambda k: (-len(children[k]), k)):  # the biggest family claims its leaves
        # leaves first, so the agencies with their own subordinates end up in the lower rows, nearer them
        kids = [c for c in children[sup] if c not in placed]
        leaves = [c for c in kids if not children.get(c)] + [c for c in kids if children.get(c)]
        placed.update(leaves)
        for j in range(len(leaves) - wrap):
            upper, lower = leaves[j], leaves[j + wrap]
            if not _reaches(children, lower, upper):  # never tie a body below one of its own subordinates
                pairs.append((upper, lower))
                children[upper].append(lower)
    return pairs


def _depths(members: Sequence[str], links: Iterable[tuple[str, str]]) -> dict[str, int]:
    """Longest distance from a root within one cluster; edges that close a cycle (a body hosted by the body
    it leads, say) are ignored, as dot itself does."""
    inside = set(members)
    subs: dict[str, list[str]] = defaultdict(list)
    for sup, sub in links:
        if sup in inside and sub in inside and sup != sub:
            subs[sup].append(sub)
    order: list[str] = []  # reverse post-order of a DFS: a topological order of the acyclic part
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    back: set[tuple[str, str]] = set()
    for root in members:
        if root in state:
            continue
        stack = [(root, iter(subs[root]))]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            nxt = next(children, None)
            if nxt is None:
                stack.pop()
                state[node] = 2
                order.append(node)
            elif state.get(nxt) == 1:
                back.add((node, nxt))
            elif nxt not in state:
                state[nxt] = 1
                stack.append((nxt, iter(subs[nxt])))
    depth = {m: 0 for m in members}
    for node in reversed(order):
        for sub in subs[node]:
            if (node, sub) not in back and depth[sub] < depth[node] + 1:
                depth[sub] = depth[node] + 1
    return depth


def _reaches(subs: dict[str, list[str]], start: str, goal: str) -> bool:
    seen, todo = {start}, [start]
    while todo:
        for nxt in subs.get(todo.pop(), ()):
            if nxt == goal:
                return True
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return False


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
