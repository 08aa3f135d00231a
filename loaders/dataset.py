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
    AttributeDef,
    Basis,
    Dataset,
    Edge,
    Function,
    Interface,
    Jurisdiction,
    LevelDef,
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
    folder: Path,
    file: str,
    model: type[M],
    problems: list[Problem],
    progress: Progress | None,
    extra: dict[int, dict[str, str]] | None = None,
    extra_columns: tuple[str, ...] = (),
) -> list[tuple[int, M]] | None:
    """Rows of one file with their lines; None if unusable. A bad node row stays in, partially (see
    validate_row), so that its id still counts as defined; a bad edge row is dropped (nothing refers to it).

    `extra_columns` (a dataset's declared attribute columns) are accepted too; their cells go to `extra`
    by line, for loaders/attributes.py, and not to the row model."""
    required, optional = columns_of(model)
    optional += tuple(c for c in extra_columns if c not in required and c not in optional)
    lenient = extra is not None and extra_columns == ("*",)  # the manifest is unreadable: any extra column
    table = read_table(folder, file, required=required, optional=optional, problems=problems, accept_unknown=lenient)
    if table is None or not table.usable:
        return None
    if lenient:
        extra_columns = tuple(c for c in table.header if c and c not in required and c not in optional)
    if extra is not None and extra_columns:
        for line, cells in table.rows:
            extra[line] = {c: cells.pop(c) for c in extra_columns if c in cells}
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
    attribute_cells: dict[int, dict[str, str]] = {}
    attribute_columns = tuple(a.id for a in manifest.attributes) if manifest.readable else ("*",)
    parsed = Parsed(
        manifest,
        _read_rows(folder, JURISDICTIONS, JurisdictionRow, problems, progress, attribute_cells, attribute_columns),
        _read_rows(folder, AGENCIES, AgencyRow, problems, progress),
        _read_rows(folder, FUNCTIONS, FunctionRow, problems, progress),
        _read_rows(folder, EDGES, EdgeRow, problems, progress),
        attribute_cells,
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
            agency_quota=r.agency_quota,
            note=r.note,
            attributes=parsed.attributes.get(line, ()),
        )
        for line, r in parsed.jurisdictions
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
            agency_class=r.agency_class,
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
        levels=_levels(parsed),
        attributes=_used_attributes(parsed),
        interface=Interface(**model.interface.model_dump()),
        format_version=model.format_version,
    )


def _levels(parsed: Parsed) -> tuple[LevelDef, ...]:
    """The declared levels by rank; format 1: none (the Dataset infers them from its jurisdictions)."""
    model = parsed.manifest.model
    assert model is not None
    return tuple(
        LevelDef(lv.id, lv.rank, lv.label_zh, lv.label_en) for lv in sorted(model.levels, key=lambda lv: lv.rank)
    )


def _used_attributes(parsed: Parsed) -> tuple[AttributeDef, ...]:
    """Declared attributes; the implicit legacy ones of format 1 only when a row fills them (so a format-1
    dataset without those columns gains no empty properties)."""
    model = parsed.manifest.model
    assert model is not None
    if model.jurisdiction_attributes:
        return tuple(parsed.manifest.attributes)
    used = {key for values in parsed.attributes.values() for key, _ in values}
    return tuple(a for a in parsed.manifest.attributes if a.id in used)
