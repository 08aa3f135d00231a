"""Cross-file checks: ids unique and known, edges between the right snapshots, no REPORTS_TO cycles.

Each check is one pass with dict/set lookups (O(n) overall), so a dataset of 100k agencies is checked in
well under a second. A reference into a file that could not be read is not checked: it would only
repeat that file's problem many times over.
"""

from __future__ import annotations

import functools
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from graph.errors import Problem
from graph.model import MODES_BY_REL, AttributeValue, Change, RelType

from .attributes import parse_attributes
from .manifest import MANIFEST, ManifestInfo
from .rows import AgencyRow, EdgeRow, FunctionRow, JurisdictionRow

__all__ = ["Parsed", "cross_check"]

AGENCIES, JURISDICTIONS, FUNCTIONS, EDGES = "agencies.csv", "jurisdictions.csv", "functions.csv", "edges.csv"
_UNKNOWN = "\x00unknown"  # sentinel for "not an agency id" (None means: the agency's snapshot cell is bad)


@dataclass(slots=True)
class Parsed:
    """Validated rows with their line numbers; None for a file that is missing or lacks required columns."""

    manifest: ManifestInfo
    jurisdictions: list[tuple[int, JurisdictionRow]] | None
    agencies: list[tuple[int, AgencyRow]] | None
    functions: list[tuple[int, FunctionRow]] | None
    edges: list[tuple[int, EdgeRow]] | None
    attribute_cells: dict[int, dict[str, str]] = field(default_factory=dict)  # jurisdictions.csv line -> cells
    attributes: dict[int, tuple[tuple[str, AttributeValue], ...]] = field(default_factory=dict)  # parsed, by line


def _add(problems: list[Problem], file: str, line: int, column: str, message: str) -> None:
    problems.append(Problem(file, line, column, message))


def _known(ids: Collection[str], limit: int = 8) -> str:
    """A short list of known ids for a message, or nothing when there are too many to help."""
    if not ids or len(ids) > limit:
        return ""
    return ": " + ", ".join(sorted(ids))


def _first_lines(file: str, kind: str, rows: list[tuple[int, str]], problems: list[Problem]) -> dict[str, int]:
    """id -> line of its first definition; a repeated id is a problem naming the first line."""
    first: dict[str, int] = {}
    for line, row_id in rows:
        if row_id in first:
            _add(
                problems,
                file,
                line,
                "id",
                f"duplicate {kind} id {row_id!r}; it is already defined on line {first[row_id]}",
            )
        else:
            first[row_id] = line
    return first


def _check_source(file: str, line: int, source: str, info: ManifestInfo, problems: list[Problem]) -> None:
    if source and info.source_ids is not None and source not in info.source_ids:
        _add(
            problems,
            file,
            line,
            "source",
            f"unknown source {source!r}; sources are defined in manifest.toml [[sources]]{_known(info.source_ids)}",
        )


def _check_attribute_sources(parsed: Parsed, line: int, problems: list[Problem]) -> None:
    """A declared attribute `X_source`, where `X` is another declared attribute, cites the source of the row's `X`
    (docs/data-format.md "Jurisdiction attributes"): its cell must be a declared source id."""
    declared = {a.id for a in parsed.manifest.attributes}
    info = parsed.manifest
    for key, value in parsed.attributes.get(line, ()):
        if key.endswith("_source") and key.removesuffix("_source") in declared and info.source_ids is not None:
            if str(value) not in info.source_ids:
                _add(
                    problems,
                    JURISDICTIONS,
                    line,
                    key,
                    f"unknown source {value!r}; sources are defined in manifest.toml [[sources]]"
                    f"{_known(info.source_ids)}",
                )


def _check_names(file: str, line: int, row: Any, problems: list[Problem]) -> None:
    """name_zh or name_en may be empty, not both (a row that failed validation has None for a bad cell)."""
    if not (row.name_zh or row.name_en) and row.name_zh is not None and row.name_en is not None:
        _add(problems, file, line, "name_zh", "name_zh and name_en are both empty; give at least one of them")


def _check_levels(parsed: Parsed, rows: list[tuple[int, JurisdictionRow]], problems: list[Problem]) -> None:
    """Each level is declared; a parent ranks above its child (only when the manifest declares levels)."""
    ranks = parsed.manifest.levels
    if ranks is None:
        return
    declared = ", ".join(sorted(ranks, key=lambda level: (ranks[level], level)))
    level_of = {r.id: r.level for _, r in rows if r.id}
    for line, row in rows:
        if row.level and row.level not in ranks:
            _add(
                problems,
                JURISDICTIONS,
                line,
                "level",
                f"unknown level {row.level!r}; the levels are declared in manifest.toml [[levels]]: {declared}",
            )
            continue
        parent_level = level_of.get(row.parent) if row.parent else None
        if row.level and parent_level in ranks and ranks[parent_level] >= ranks[row.level]:
            _add(
                problems,
                JURISDICTIONS,
                line,
                "parent",
                f"parent {row.parent!r} is at level {parent_level!r} (rank {ranks[parent_level]}), not above "
                f"{row.id!r} at level {row.level!r} (rank {ranks[row.level]}); a parent must rank above its child",
            )


def _check_jurisdictions(parsed: Parsed, problems: list[Problem]) -> dict[str, int] | None:
    if parsed.jurisdictions is None:
        return None
    rows = parsed.jurisdictions
    known = _first_lines(
        JURISDICTIONS,
        "jurisdiction",
        [(line, r.id) for line, r in rows if r.id],
        problems,
    )
    parent_of: dict[str, str] = {}
    defs = parsed.manifest.attributes
    _check_levels(parsed, rows, problems)
    for line, row in rows:
        _check_source(JURISDICTIONS, line, row.source, parsed.manifest, problems)
        _check_names(JURISDICTIONS, line, row, problems)
        cells = parsed.attribute_cells.get(line, {})
        parsed.attributes[line] = parse_attributes(defs, JURISDICTIONS, line, cells, row.level, problems)
        _check_attribute_sources(parsed, line, problems)
        if not row.parent:
            continue
        if row.parent == row.id:
            _add(problems, JURISDICTIONS, line, "parent", f"jurisdiction {row.id!r} cannot be its own parent")
        elif row.parent not in known:
            _add(
                problems,
                JURISDICTIONS,
                line,
                "parent",
                f"unknown parent {row.parent!r}; known ids are defined in jurisdictions.csv (id column)",
            )
        else:
            parent_of.setdefault(row.id, row.parent)
    reported: set[str] = set()
    for start in parent_of:  # a parent loop (a -> b -> a) would make IN chains endless
        path, current = [start], parent_of.get(start)
        while current is not None and current not in path:
            path.append(current)
            current = parent_of.get(current)
        if current is None:
            continue
        loop = path[path.index(current) :]
        if not reported.intersection(loop):
            _add(
                problems,
                JURISDICTIONS,
                known[current],
                "parent",
                "jurisdiction parents form a loop: " + " -> ".join(loop + [current]),
            )
        reported.update(loop)
    return known


def _check_agencies(
    parsed: Parsed, jurisdictions: dict[str, int] | None, problems: list[Problem]
) -> dict[str, str | None] | None:
    """Returns agency id -> snapshot id (None when that agency's snapshot cell is bad)."""
    if parsed.agencies is None:
        return None
    rows = parsed.agencies
    _first_lines(AGENCIES, "agency", [(line, r.id) for line, r in rows if r.id], problems)
    dates = parsed.manifest.snapshot_dates
    snapshot_of: dict[str, str | None] = {}
    for line, row in rows:
        if row.id:
            snapshot_of.setdefault(row.id, row.snapshot)
        _check_source(AGENCIES, line, row.source, parsed.manifest, problems)
        if not (row.name_zh or row.name_en):
            _check_names(AGENCIES, line, row, problems)
        if dates is not None and row.snapshot and row.snapshot not in dates:
            _add(
                problems,
                AGENCIES,
                line,
                "snapshot",
                f"unknown snapshot {row.snapshot!r}; snapshots are defined in manifest.toml [[snapshots]]{_known(dates)}",
            )
        if jurisdictions is not None and row.jurisdiction and row.jurisdiction not in jurisdictions:
            _add(
                problems,
                AGENCIES,
                line,
                "jurisdiction",
                f"unknown jurisdiction {row.jurisdiction!r}; known ids are defined in jurisdictions.csv",
            )
    return snapshot_of


def _check_functions(parsed: Parsed, problems: list[Problem]) -> dict[str, int] | None:
    if parsed.functions is None:
        return None
    known = _first_lines(
        FUNCTIONS,
        "function",
        [(line, r.id) for line, r in parsed.functions if r.id],
        problems,
    )
    for line, row in parsed.functions:
        _check_source(FUNCTIONS, line, row.source, parsed.manifest, problems)
        _check_names(FUNCTIONS, line, row, problems)
    return known


def _check_events(parsed: Parsed, problems: list[Problem]) -> None:
    model = parsed.manifest.model
    if model is None:
        return
    for index, event in enumerate(model.events):
        if event.source not in (parsed.manifest.source_ids or set()):
            _add(
                problems,
                MANIFEST,
                0,
                f"events[{index}].source",
                f"unknown source {event.source!r}; sources are defined in manifest.toml [[sources]]",
            )


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


def _check_edges(
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
        add = functools.partial(_add, problems, EDGES, line)
        _check_source(EDGES, line, row.source, parsed.manifest, problems)
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


def cross_check(parsed: Parsed, problems: list[Problem]) -> None:
    """Append every cross-file problem of `parsed` to `problems`."""
    jurisdictions = _check_jurisdictions(parsed, problems)
    snapshot_of = _check_agencies(parsed, jurisdictions, problems)
    functions = _check_functions(parsed, problems)
    _check_events(parsed, problems)
    _check_edges(parsed, snapshot_of, functions, problems)
