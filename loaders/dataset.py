"""load_dataset: validate a dataset folder completely, then build the frozen Dataset.

Nothing is built until every check has run, so a failed load raises one DatasetError listing every
problem (file, line, column, message) and leaves nothing half-loaded behind.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from graph.errors import DatasetError, Problem
from graph.gcpause import paused_gc
from graph.model import (
    Agency,
    Basis,
    Dataset,
    Edge,
    Function,
    Jurisdiction,
    ReformEvent,
    RelType,
    Snapshot,
    Source,
)

from .checks import AGENCIES, EDGES, FUNCTIONS, JURISDICTIONS, Parsed, cross_check
from .csvfile import read_table
from .manifest import MANIFEST, ManifestInfo, read_manifest
from .rows import (
    AgencyRow,
    EdgeRow,
    FunctionRow,
    JurisdictionRow,
    columns_of,
    partial_row,
    validate_row,
)
from .rules import RULES, RuleRefs, read_rules

__all__ = ["Progress", "load_dataset"]

#: progress(stage, done, total): a stage is a file name or "checks"; called at least at 0 and total.
Progress = Callable[[str, int, int], None]
M = TypeVar("M", bound=BaseModel)
_PROGRESS_EVERY = 10_000


def _read_rows(
    folder: Path, file: str, model: type[M], problems: list[Problem], progress: Progress | None
) -> list[tuple[int, M]] | None:
    """Rows of one file with their lines; None if unusable. A bad node row stays in, partially (see
    validate_row), so that its id still counts as defined; a bad edge row is dropped (nothing refers to it)."""
    required, optional = columns_of(model)
    table = read_table(folder, file, required=required, optional=optional, problems=problems)
    if table is None or not table.usable:
        return None
    total = len(table.rows)
    if progress:
        progress(file, 0, total)
    if not table.misshapen:
        try:  # one call for the whole file: the common, clean case, about twice as fast as row by row
            validated = _list_adapter(model).validate_python([cells for _, cells in table.rows])
        except ValidationError:
            pass  # validate row by row below, to report every problem with its line
        else:
            if progress:
                progress(file, total, total)
            return [(line, row) for (line, _), row in zip(table.rows, validated, strict=True)]
    rows: list[tuple[int, M]] = []
    for done, (line, cells) in enumerate(table.rows, start=1):
        if line in table.misshapen:  # already reported; keep just its id so references to it still resolve
            row = None if model is EdgeRow else partial_row(model, {"id": cells["id"]} if "id" in cells else {})
        else:
            row = validate_row(model, file, line, cells, problems, partial=model is not EdgeRow)
        if row is not None:
            rows.append((line, row))
        if progress and done % _PROGRESS_EVERY == 0:
            progress(file, done, total)
    if progress:
        progress(file, total, total)
    return rows


@functools.cache
def _list_adapter(model: type[M]) -> TypeAdapter[list[M]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def load_dataset(path: str | Path, *, progress: Progress | None = None) -> Dataset:
    """Load the dataset folder at `path` (docs/data-format.md), or raise DatasetError with every problem."""
    with paused_gc():
        return _load(Path(path), progress)


def _load(folder: Path, progress: Progress | None) -> Dataset:
    if not folder.is_dir():
        raise DatasetError(
            [
                Problem(
                    str(folder),
                    0,
                    "",
                    "no such dataset folder; it should hold manifest.toml and the CSV files",
                )
            ]
        )
    problems: list[Problem] = []
    manifest = read_manifest(folder, problems)
    if manifest.empty:
        raise DatasetError(problems, dataset=folder.name)
    parsed = Parsed(
        manifest,
        _read_rows(folder, JURISDICTIONS, JurisdictionRow, problems, progress),
        _read_rows(folder, AGENCIES, AgencyRow, problems, progress),
        _read_rows(folder, FUNCTIONS, FunctionRow, problems, progress),
        _read_rows(folder, EDGES, EdgeRow, problems, progress),
    )
    if progress:
        progress("checks", 0, 1)
    cross_check(parsed, problems)
    rules = read_rules(folder, _rule_refs(manifest, parsed), problems)
    if progress:
        progress("checks", 1, 1)
    order = {name: rank for rank, name in enumerate((MANIFEST, JURISDICTIONS, AGENCIES, FUNCTIONS, EDGES, RULES))}
    problems.sort(key=lambda p: (order.get(p.file, len(order)), p.line))  # stable: same line keeps check order
    if problems or manifest.model is None:
        raise DatasetError(problems, dataset=manifest.dataset_id or folder.name)
    return replace(_build(parsed), rules=rules)


def _rule_refs(manifest: ManifestInfo, parsed: Parsed) -> RuleRefs:
    """The ids a rules.toml may name, from the parts of the dataset that could be read."""
    places = (
        None
        if parsed.jurisdictions is None
        else {
            r.id: str(r.level) for _, r in parsed.jurisdictions if getattr(r, "id", None) and getattr(r, "level", None)
        }
    )
    return RuleRefs(
        places,
        None if places is None else frozenset(places.values()),
        None if manifest.snapshot_dates is None else frozenset(manifest.snapshot_dates),
        None if manifest.source_ids is None else frozenset(manifest.source_ids),
    )


def _build(parsed: Parsed) -> Dataset:
    """The frozen Dataset from clean rows, keeping file order; IN edges come from the node rows."""
    model = parsed.manifest.model
    assert model is not None and parsed.jurisdictions is not None and parsed.agencies is not None
    assert parsed.functions is not None and parsed.edges is not None
    jurisdictions = tuple(
        Jurisdiction(
            id=r.id,
            name_zh=r.name_zh,
            name_en=r.name_en,
            level=r.level,
            parent=r.parent or None,
            basis=r.basis,
            source=r.source,
            size_class=r.size_class,
            agency_quota=r.agency_quota,
            border=r.border,
            poverty=r.poverty,
            note=r.note,
        )
        for _, r in parsed.jurisdictions
    )
    agencies = tuple(
        Agency(
            id=r.id,
            snapshot=r.snapshot,
            jurisdiction=r.jurisdiction,
            name_zh=r.name_zh,
            name_en=r.name_en,
            type=r.type,
            category=r.category,
            counts_toward_quota=r.counts_toward_quota,
            basis=r.basis,
            source=r.source,
            note=r.note,
        )
        for _, r in parsed.agencies
    )
    functions = tuple(
        Function(
            id=r.id,
            name_zh=r.name_zh,
            name_en=r.name_en,
            basis=r.basis or Basis.MODELED,
            source=r.source,
        )
        for _, r in parsed.functions
    )
    edges = [Edge(RelType.IN, j.id, j.parent, j.basis, j.source) for j in jurisdictions if j.parent]
    edges += [Edge(RelType.IN, a.id, a.jurisdiction, a.basis, a.source) for a in agencies]
    edges += [
        Edge(
            type=r.type,
            start=r.start,
            end=r.end,
            basis=r.basis,
            source=r.source,
            mode=r.mode or None,
            change=r.change,
            function=r.function or None,
            note=r.note,
        )
        for _, r in parsed.edges
    ]
    return Dataset(
        id=model.id,
        title_zh=model.title_zh,
        title_en=model.title_en,
        description=model.description,
        snapshots=tuple(Snapshot(s.id, s.date, s.role, s.label_zh, s.label_en) for s in model.snapshots),
        sources=tuple(Source(s.id, s.title, s.basis, s.date, s.url, s.publisher, s.note) for s in model.sources),
        jurisdictions=jurisdictions,
        agencies=agencies,
        functions=functions,
        edges=tuple(edges),
        events=tuple(ReformEvent(e.date, e.label_zh, e.label_en, e.source) for e in model.events),
    )
