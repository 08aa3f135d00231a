"""Cross-file checks of edges.csv: each row's mode, change and function for its type, known endpoints in the right
snapshots, BECAME forward in time between consecutive snapshots, and no REPORTS_TO cycle."""

from __future__ import annotations

import functools

from graph.errors import Problem
from graph.model import MODES_BY_REL, Change, RelType

from .parsed import EDGES, Parsed, add_problem, check_source
from .rows import EdgeRow

__all__ = ["check_edges"]

_UNKNOWN = "\x00unknown"  # sentinel for "not an agency id" (None means: the agency's snapshot cell is bad)


#: Allowed mode values per edge type and their message text, computed once (enum access is slow per row).
_MODES: dict[str, frozenset[str]] = {
    str(rel): frozenset(str(m) for m in vocab) for rel, vocab in MODES_BY_REL.items() if vocab is not None
}
_MODES_TEXT = {rel: ", ".join(str(m) for m in MODES_BY_REL[RelType(rel)] or ()) for rel in _MODES}
_CHANGES_TEXT = ", ".join(str(c) for c in Change)


def _check_edge_fields(line: int, row: EdgeRow, functions: dict[str, int] | None, problems: list[Problem]) -> bool:
    """mode / change / function: which are needed, and allowed, depends on the edge type.

    Returns False for an IN row, which is not checked further."""

    kind = row.type
    allowed = _MODES.get(kind)
    if row.change is None and not row.function:  # fast path for the common clean rows
        if allowed is not None and row.mode in allowed:
            return True
        if kind is RelType.HAS_FUNCTION and not row.mode:
            return True
    elif kind is RelType.BECAME and not (row.mode or row.function) and row.change is not Change.TRANSFERRED:
        return True

    def add(column: str, message: str) -> None:
        problems.append(Problem(EDGES, line, column, message))

    if row.type is RelType.IN:
        add(
            "type",
            "IN edges are not listed in edges.csv; they are derived from agencies.csv (jurisdiction) "
            "and jurisdictions.csv (parent)",
        )
        return False
    if allowed is not None:
        if not row.mode:
            add("mode", f"{kind} needs a mode; allowed values are {_MODES_TEXT[kind]}")
        elif row.mode not in allowed:
            add("mode", f"{row.mode!r} is not a valid mode for {kind}; allowed values are {_MODES_TEXT[kind]}")
    elif row.mode:
        add("mode", f"{kind} edges take no mode (got {row.mode!r}); leave it empty")
    became = row.type is RelType.BECAME
    if became and row.change is None:
        add("change", f"BECAME needs a change; allowed values are {_CHANGES_TEXT}")
    elif not became and row.change is not None:
        add("change", f"only BECAME edges take a change (got {str(row.change)!r})")
    if became and row.change is Change.TRANSFERRED:
        if not row.function:
            add("function", "a transferred BECAME edge needs the function (id) that moved")
        elif functions is not None and row.function not in functions:
            add("function", f"unknown function {row.function!r}; known ids are defined in functions.csv")
    elif row.function:
        add("function", "function is only used on BECAME edges with change transferred; leave it empty")
    return True


def check_edges(
    parsed: Parsed, snapshot_of: dict[str, str | None] | None, functions: dict[str, int] | None, problems: list[Problem]
) -> None:
    if parsed.edges is None:
        return
    dates = parsed.manifest.snapshot_dates
    if dates is None:  # manifest unreadable: take the agencies' snapshots as they are, without dates
        dates = {snap: None for snap in (snapshot_of or {}).values() if snap}
    seen: dict[tuple[str, ...], int] = {}
    reports: list[tuple[int, str, str]] = []
    for line, row in parsed.edges:
        add = functools.partial(add_problem, problems, EDGES, line)
        check_source(EDGES, line, row.source, parsed.manifest, problems)
        if not _check_edge_fields(line, row, functions, problems):
            continue
        key = (row.type, row.start, row.end, row.mode, row.change or "", row.function)
        first = seen.setdefault(key, line)
        if first != line:
            add("", f"duplicate edge; the same edge is on line {first}")
        if row.start == row.end:
            add("to", f"{row.type} edge from {row.start!r} to itself; an edge must join two nodes")
            continue
        if snapshot_of is None:
            continue
        start_snap = snapshot_of.get(row.start, _UNKNOWN)
        if start_snap is _UNKNOWN:
            add("from", f"unknown agency {row.start!r}; known ids are defined in agencies.csv")
        if row.type is RelType.HAS_FUNCTION:
            if functions is not None and row.end not in functions:
                add("to", f"unknown function {row.end!r}; HAS_FUNCTION points to an id in functions.csv")
            continue
        end_snap = snapshot_of.get(row.end, _UNKNOWN)
        if end_snap is _UNKNOWN:
            add("to", f"unknown agency {row.end!r}; known ids are defined in agencies.csv")
        if start_snap not in dates or end_snap not in dates:
            continue  # an unknown agency, or an agency's bad or unknown snapshot: reported already
        if row.type is RelType.BECAME:
            _check_became(line, row, start_snap, end_snap, dates, problems)
        elif start_snap != end_snap:
            add(
                "to",
                f"{row.type} joins {row.start!r} (snapshot {start_snap!r}) to {row.end!r} (snapshot {end_snap!r}); "
                "structural edges stay within one snapshot (use BECAME across snapshots)",
            )
        elif row.type is RelType.REPORTS_TO:
            reports.append((line, row.start, row.end))
    _check_cycles(reports, snapshot_of or {}, problems)


def _check_became(
    line: int, row: EdgeRow, start_snap: str, end_snap: str, dates: dict[str, str | None], problems: list[Problem]
) -> None:
    if start_snap == end_snap:
        message = (
            f"BECAME joins {row.start!r} and {row.end!r} within snapshot {start_snap!r}; "
            "it must go from an earlier snapshot to a later one"
        )
        problems.append(Problem(EDGES, line, "to", message))
        return
    start_date, end_date = dates.get(start_snap), dates.get(end_snap)
    if start_date and end_date and start_date >= end_date:
        message = (
            f"BECAME goes backwards in time: {row.start!r} is in snapshot {start_snap!r} ({start_date}) "
            f"and {row.end!r} in {end_snap!r} ({end_date}); swap from and to"
        )
        problems.append(Problem(EDGES, line, "to", message))
    elif start_date and end_date:
        between = sorted((d, s) for s, d in dates.items() if d and start_date < d < end_date)
        if between:
            skipped = ", ".join(repr(s) for _, s in between)
            message = (
                f"BECAME joins {row.start!r} (snapshot {start_snap!r}) to {row.end!r} (snapshot {end_snap!r}) and "
                f"skips snapshot {skipped}; BECAME joins consecutive snapshots only (give the agency's version in "
                "each snapshot between, and a BECAME edge for each step)"
            )
            problems.append(Problem(EDGES, line, "to", message))


def _check_cycles(
    reports: list[tuple[int, str, str]],
    snapshot_of: dict[str, str | None],
    problems: list[Problem],
) -> None:
    """Find REPORTS_TO cycles with an iterative depth-first search (recursion would overflow on long chains)."""
    targets: dict[str, list[tuple[str, int]]] = {}
    for line, start, end in reports:
        targets.setdefault(start, []).append((end, line))
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for root in targets:
        if root in state:
            continue
        path: list[str] = [root]
        iterators = [iter(targets.get(root, ()))]
        state[root] = 1
        while iterators:
            step = next(iterators[-1], None)
            if step is None:
                state[path.pop()] = 2
                iterators.pop()
                continue
            node, line = step
            if state.get(node) == 1:
                cycle = path[path.index(node) :]
                problems.append(
                    Problem(
                        EDGES,
                        line,
                        "to",
                        f"REPORTS_TO cycle in snapshot {snapshot_of.get(node, '?')!r}: "
                        + " -> ".join(cycle + [node])
                        + "; an agency cannot (indirectly) report to itself",
                    )
                )
            elif node not in state:
                state[node] = 1
                path.append(node)
                iterators.append(iter(targets.get(node, ())))
