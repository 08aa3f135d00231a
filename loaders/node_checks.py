"""Cross-file checks of the nodes: jurisdictions (ids, levels, parents, attribute sources, parent loops), agencies
(ids, snapshots, jurisdictions), functions and the manifest's events. Each returns what the edge checks need
(the known ids), or None when its file could not be read."""

from __future__ import annotations

from graph.errors import Problem

from .attributes import parse_attributes
from .manifest import MANIFEST
from .parsed import (
    AGENCIES,
    FUNCTIONS,
    JURISDICTIONS,
    Parsed,
    add_problem,
    check_names,
    check_source,
    first_lines,
    known_ids,
)
from .rows import JurisdictionRow

__all__ = ["check_agencies", "check_events", "check_functions", "check_jurisdictions"]


def _check_attribute_sources(parsed: Parsed, line: int, problems: list[Problem]) -> None:
    """A declared attribute `X_source`, where `X` is another declared attribute, cites the source of the row's `X`
    (docs/data-format.md "Jurisdiction attributes"): its cell must be a declared source id."""
    declared = {a.id for a in parsed.manifest.attributes}
    info = parsed.manifest
    for key, value in parsed.attributes.get(line, ()):
        if key.endswith("_source") and key.removesuffix("_source") in declared and info.source_ids is not None:
            if str(value) not in info.source_ids:
                add_problem(
                    problems,
                    JURISDICTIONS,
                    line,
                    key,
                    f"unknown source {value!r}; sources are defined in manifest.toml [[sources]]"
                    f"{known_ids(info.source_ids)}",
                )


def _check_levels(parsed: Parsed, rows: list[tuple[int, JurisdictionRow]], problems: list[Problem]) -> None:
    """Each level is declared; a parent ranks above its child (only when the manifest declares levels)."""
    ranks = parsed.manifest.levels
    if ranks is None:
        return
    declared = ", ".join(sorted(ranks, key=lambda level: (ranks[level], level)))
    level_of = {r.id: r.level for _, r in rows if r.id}
    for line, row in rows:
        if row.level and row.level not in ranks:
            add_problem(
                problems,
                JURISDICTIONS,
                line,
                "level",
                f"unknown level {row.level!r}; the levels are declared in manifest.toml [[levels]]: {declared}",
            )
            continue
        parent_level = level_of.get(row.parent) if row.parent else None
        if row.level and parent_level in ranks and ranks[parent_level] >= ranks[row.level]:
            add_problem(
                problems,
                JURISDICTIONS,
                line,
                "parent",
                f"parent {row.parent!r} is at level {parent_level!r} (rank {ranks[parent_level]}), not above "
                f"{row.id!r} at level {row.level!r} (rank {ranks[row.level]}); a parent must rank above its child",
            )


def check_jurisdictions(parsed: Parsed, problems: list[Problem]) -> dict[str, int] | None:
    if parsed.jurisdictions is None:
        return None
    rows = parsed.jurisdictions
    known = first_lines(
        JURISDICTIONS,
        "jurisdiction",
        [(line, r.id) for line, r in rows if r.id],
        problems,
    )
    parent_of: dict[str, str] = {}
    defs = parsed.manifest.attributes
    _check_levels(parsed, rows, problems)
    for line, row in rows:
        check_source(JURISDICTIONS, line, row.source, parsed.manifest, problems)
        check_names(JURISDICTIONS, line, row, problems)
        cells = parsed.attribute_cells.get(line, {})
        parsed.attributes[line] = parse_attributes(defs, JURISDICTIONS, line, cells, row.level, problems)
        _check_attribute_sources(parsed, line, problems)
        if not row.parent:
            continue
        if row.parent == row.id:
            add_problem(problems, JURISDICTIONS, line, "parent", f"jurisdiction {row.id!r} cannot be its own parent")
        elif row.parent not in known:
            add_problem(
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
            add_problem(
                problems,
                JURISDICTIONS,
                known[current],
                "parent",
                "jurisdiction parents form a loop: " + " -> ".join(loop + [current]),
            )
        reported.update(loop)
    return known


def check_agencies(
    parsed: Parsed, jurisdictions: dict[str, int] | None, problems: list[Problem]
) -> dict[str, str | None] | None:
    """Returns agency id -> snapshot id (None when that agency's snapshot cell is bad)."""
    if parsed.agencies is None:
        return None
    rows = parsed.agencies
    first_lines(AGENCIES, "agency", [(line, r.id) for line, r in rows if r.id], problems)
    dates = parsed.manifest.snapshot_dates
    snapshot_of: dict[str, str | None] = {}
    for line, row in rows:
        if row.id:
            snapshot_of.setdefault(row.id, row.snapshot)
        check_source(AGENCIES, line, row.source, parsed.manifest, problems)
        if not (row.name_zh or row.name_en):
            check_names(AGENCIES, line, row, problems)
        if dates is not None and row.snapshot and row.snapshot not in dates:
            add_problem(
                problems,
                AGENCIES,
                line,
                "snapshot",
                f"unknown snapshot {row.snapshot!r}; snapshots are defined in manifest.toml [[snapshots]]{known_ids(dates)}",
            )
        if jurisdictions is not None and row.jurisdiction and row.jurisdiction not in jurisdictions:
            add_problem(
                problems,
                AGENCIES,
                line,
                "jurisdiction",
                f"unknown jurisdiction {row.jurisdiction!r}; known ids are defined in jurisdictions.csv",
            )
    return snapshot_of


def check_functions(parsed: Parsed, problems: list[Problem]) -> dict[str, int] | None:
    if parsed.functions is None:
        return None
    known = first_lines(
        FUNCTIONS,
        "function",
        [(line, r.id) for line, r in parsed.functions if r.id],
        problems,
    )
    for line, row in parsed.functions:
        check_source(FUNCTIONS, line, row.source, parsed.manifest, problems)
        check_names(FUNCTIONS, line, row, problems)
    return known


def check_events(parsed: Parsed, problems: list[Problem]) -> None:
    model = parsed.manifest.model
    if model is None:
        return
    for index, event in enumerate(model.events):
        if event.source not in (parsed.manifest.source_ids or set()):
            add_problem(
                problems,
                MANIFEST,
                0,
                f"events[{index}].source",
                f"unknown source {event.source!r}; sources are defined in manifest.toml [[sources]]",
            )
