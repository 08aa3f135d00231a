"""Deterministic variants of a dataset that break its rules in many ways, for the rules-as-data equivalence test.

tests/unit/fixtures/xilingol_rule_results.json holds what the OLD rule code (graph/rules/defs.py, deleted when the
rules moved into data/xilingol/rules.toml) answered on the real dataset, on tests/data/mini and on each mutant
below; tests/unit/test_rules_equivalence.py asserts that the rules read from rules.toml answer the same. The
mutants pick counties by position in jurisdictions.csv, never by name, and touch only the snapshot the rules judge.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from graph.model import Agency, Category, Dataset, Edge, RelType

SNAPSHOT = "2019"
Mutant = Callable[[Dataset], Dataset]


def _counties(ds: Dataset) -> list[str]:
    return [j.id for j in ds.jurisdictions if j.level == "county"]


def _with(ds: Dataset, agencies: list[Agency] | None = None, edges: list[Edge] | None = None) -> Dataset:
    """The dataset with other agencies/edges: edges touching a dropped agency go, IN edges follow the agencies."""
    agencies = list(ds.agencies) if agencies is None else agencies
    places = {j.id for j in ds.jurisdictions}
    known = {a.id for a in agencies} | places | {f.id for f in ds.functions}
    kept = [
        e
        for e in (ds.edges if edges is None else edges)
        if (e.start in places if e.type is RelType.IN else e.start in known and e.end in known)
    ]
    kept += [Edge(RelType.IN, a.id, a.jurisdiction, a.basis, a.source) for a in agencies]
    return replace(ds, agencies=tuple(agencies), edges=tuple(kept))


def drop_types(types: set[str], every: int) -> Mutant:
    """Drop 2019 agencies of `types` in every `every`-th county (positions 0, every, 2*every, ...)."""

    def mutate(ds: Dataset) -> Dataset:
        hit = set(_counties(ds)[::every])
        return _with(
            ds, [a for a in ds.agencies if not (a.snapshot == SNAPSHOT and a.type in types and a.jurisdiction in hit)]
        )

    return mutate


def add_everywhere(type_: str, name_zh: str, category: Category, counted: bool) -> Mutant:
    """Add one 2019 agency of `type_` named `name_zh` to every county."""

    def mutate(ds: Dataset) -> Dataset:
        template = next(a for a in ds.agencies if a.snapshot == SNAPSHOT)
        extra = [
            replace(
                template,
                id=f"mut-{jid}-{type_}",
                jurisdiction=jid,
                type=type_,
                name_zh=name_zh,
                name_en=f"mutant {type_}",
                category=category,
                counts_toward_quota=counted,
            )
            for jid in _counties(ds)
        ]
        return _with(ds, list(ds.agencies) + extra)

    return mutate


def add_teams(n: int, every: int) -> Mutant:
    def mutate(ds: Dataset) -> Dataset:
        template = next(a for a in ds.agencies if a.snapshot == SNAPSHOT)
        extra = [
            replace(
                template,
                id=f"mut-{jid}-team{i}",
                jurisdiction=jid,
                type="enforcement_team",
                name_zh=f"执法大队{i}",
                name_en=f"team {i}",
                category=Category.ENFORCEMENT,
                counts_toward_quota=False,
            )
            for jid in _counties(ds)[::every]
            for i in range(n)
        ]
        return _with(ds, list(ds.agencies) + extra)

    return mutate


def count_institutions(ds: Dataset) -> Dataset:
    """Every 2019 public institution counts toward the quota (quota and special-department rules react)."""
    return _with(
        ds,
        [
            replace(a, counts_toward_quota=True) if a.snapshot == SNAPSHOT and a.category is Category.INSTITUTION else a
            for a in ds.agencies
        ],
    )


def rename_institutions(ds: Dataset) -> Dataset:
    """Every third 2019 public institution gets a name ending in 局."""
    out, seen = [], 0
    for a in ds.agencies:
        if a.snapshot == SNAPSHOT and a.category is Category.INSTITUTION:
            seen += 1
            if seen % 3 == 0:
                a = replace(a, name_zh=a.name_zh + "管理局")
        out.append(a)
    return _with(ds, out)


def edges_where(keep: Callable[[Dataset, Edge, int], bool]) -> Mutant:
    def mutate(ds: Dataset) -> Dataset:
        return _with(ds, edges=[e for i, e in enumerate(ds.edges) if keep(ds, e, i)])

    return mutate


def _snap_of(ds: Dataset, e: Edge) -> str:
    a = ds.agency(e.start)
    return a.snapshot if a else ""


def no_offices_every_other(ds: Dataset, e: Edge, i: int) -> bool:
    """Drop every other HOSTED_BY office_in edge of 2019."""
    return not (e.type is RelType.HOSTED_BY and e.mode == "office_in" and _snap_of(ds, e) == SNAPSHOT and i % 2 == 0)


def undispatch(ds: Dataset) -> Dataset:
    """Every third 2019 dispatched REPORTS_TO becomes `leads`."""
    out, seen = [], 0
    for e in ds.edges:
        if e.type is RelType.REPORTS_TO and e.mode == "dispatched" and _snap_of(ds, e) == SNAPSHOT:
            seen += 1
            if seen % 3 == 1:
                e = replace(e, mode="leads")
        out.append(e)
    return _with(ds, edges=out)


def drop_coordination_by_position(ds: Dataset) -> Dataset:
    """Drop every seventh 2019 coordination body."""
    out, seen = [], 0
    for a in ds.agencies:
        if a.snapshot == SNAPSHOT and a.category is Category.COORDINATION:
            seen += 1
            if seen % 7 == 0:
                continue
        out.append(a)
    return _with(ds, out)


MUTANTS: dict[str, Mutant] = {
    "drop-special-depts": drop_types({"poverty_alleviation", "foreign_affairs", "forestry_grassland"}, 2),
    "drop-mandated": drop_types({"supervision", "emergency_management", "veterans_affairs", "medical_security"}, 3),
    "drop-ecology": drop_types({"ecology_environment"}, 4),
    "add-poverty-everywhere": add_everywhere("poverty_alleviation", "扶贫办", Category.GOVERNMENT, True),
    "add-poverty-uncounted": add_everywhere("poverty_alleviation", "扶贫中心", Category.INSTITUTION, False),
    "add-foreign-by-name": add_everywhere("office", "人民政府外事办公室", Category.GOVERNMENT, True),
    "add-forestry-by-name": add_everywhere("office", "林业和草原局", Category.GOVERNMENT, True),
    "add-coordination-no-office": add_everywhere("coord_misc", "某某工作领导小组", Category.COORDINATION, False),
    "add-teams": add_teams(9, 2),
    "add-eight-teams": add_teams(1, 1),
    "count-institutions": count_institutions,
    "rename-institutions": rename_institutions,
    "drop-offices": edges_where(no_offices_every_other),
    "undispatch": undispatch,
    "drop-coordination": drop_coordination_by_position,
}
