"""The validated rows of a dataset folder (Parsed) and the small helpers every cross-file check shares: adding a
problem, listing known ids in a message, first definitions of ids, a known source, a name in some language."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from graph.errors import Problem
from graph.model import AttributeValue

from .manifest import ManifestInfo
from .rows import AgencyRow, EdgeRow, FunctionRow, JurisdictionRow

__all__ = [
    "AGENCIES",
    "EDGES",
    "FUNCTIONS",
    "JURISDICTIONS",
    "Parsed",
    "add_problem",
    "check_names",
    "check_source",
    "first_lines",
    "known_ids",
]

AGENCIES, JURISDICTIONS, FUNCTIONS, EDGES = "agencies.csv", "jurisdictions.csv", "functions.csv", "edges.csv"


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


def add_problem(problems: list[Problem], file: str, line: int, column: str, message: str) -> None:
    problems.append(Problem(file, line, column, message))


def known_ids(ids: Collection[str], limit: int = 8) -> str:
    """A short list of known ids for a message, or nothing when there are too many to help."""
    if not ids or len(ids) > limit:
        return ""
    return ": " + ", ".join(sorted(ids))


def first_lines(file: str, kind: str, rows: list[tuple[int, str]], problems: list[Problem]) -> dict[str, int]:
    """id -> line of its first definition; a repeated id is a problem naming the first line."""
    first: dict[str, int] = {}
    for line, row_id in rows:
        if row_id in first:
            add_problem(
                problems,
                file,
                line,
                "id",
                f"duplicate {kind} id {row_id!r}; it is already defined on line {first[row_id]}",
            )
        else:
            first[row_id] = line
    return first


def check_source(file: str, line: int, source: str, info: ManifestInfo, problems: list[Problem]) -> None:
    if source and info.source_ids is not None and source not in info.source_ids:
        add_problem(
            problems,
            file,
            line,
            "source",
            f"unknown source {source!r}; sources are defined in manifest.toml [[sources]]{known_ids(info.source_ids)}",
        )


def check_names(file: str, line: int, row: Any, problems: list[Problem]) -> None:
    """name_zh or name_en may be empty, not both (a row that failed validation has None for a bad cell)."""
    if not (row.name_zh or row.name_en) and row.name_zh is not None and row.name_en is not None:
        add_problem(problems, file, line, "name_zh", "name_zh and name_en are both empty; give at least one of them")
