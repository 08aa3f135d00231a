"""The Overview's numbers: agencies per jurisdiction of the lowest tier against the quota, the special-department
matrix (each cell judged by the presence rule's own select, so it cannot disagree with `check`), and how much of the
data is published versus modeled."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from graph.model import Basis, Dataset, Jurisdiction, LevelDef
from graph.rules.base import Rule
from graph.rules.engine import PresenceCell, presence_matrix
from graph.store import GraphStore

__all__ = ["Overview", "PresenceColumn", "QuotaRow", "build_overview"]


@dataclass(frozen=True, slots=True)
class QuotaRow:
    """One jurisdiction of the lowest tier: its agencies that count toward the quota, before and after."""

    jurisdiction: Jurisdiction
    before: int
    after: int

    @property
    def quota(self) -> int | None:
        return self.jurisdiction.agency_quota


@dataclass(frozen=True, slots=True)
class PresenceColumn:
    """One declared presence rule (present_only_in / present_except) and its verdict per judged jurisdiction."""

    rule: Rule
    cells: tuple[PresenceCell, ...]


@dataclass(frozen=True, slots=True)
class Overview:
    before: str  # snapshot ids
    after: str
    tier: LevelDef | None  # the lowest tier of jurisdictions (its name), None when the dataset has none
    agencies_before: int
    agencies_after: int
    quota: tuple[QuotaRow, ...]
    presence: tuple[PresenceColumn, ...]
    basis: Mapping[str, int]  # Basis value -> agencies and edges resting on it

    @property
    def published_share(self) -> float:
        """Seed and public facts over all facts (0.0 for an empty dataset)."""
        total = sum(self.basis.values())
        published = self.basis.get(Basis.SEED.value, 0) + self.basis.get(Basis.PUBLIC.value, 0)
        return published / total if total else 0.0


def basis_counts(dataset: Dataset) -> dict[str, int]:
    """How many agencies and edges rest on each basis (published versus modeled)."""
    counts = {b.value: 0 for b in Basis}
    for agency in dataset.agencies:
        counts[agency.basis.value] += 1
    for edge in dataset.edges:
        counts[edge.basis.value] += 1
    return counts


def build_overview(store: GraphStore, dataset: Dataset, before: str, after: str) -> Overview:
    """The Overview of `before` → `after` (snapshot ids the caller has checked)."""
    old, new = store.agencies(before), store.agencies(after)
    old_quota = Counter(a.jurisdiction for a in old if a.counts_toward_quota)
    new_quota = Counter(a.jurisdiction for a in new if a.counts_toward_quota)
    bottom = dataset.bottom_jurisdictions()
    return Overview(
        before=before,
        after=after,
        tier=dataset.level(bottom[0].level) if bottom else None,
        agencies_before=len(old),
        agencies_after=len(new),
        quota=tuple(QuotaRow(j, old_quota[j.id], new_quota[j.id]) for j in bottom),
        presence=tuple(PresenceColumn(rule, tuple(cells)) for rule, cells in presence_matrix(store, dataset, after)),
        basis=basis_counts(dataset),
    )
