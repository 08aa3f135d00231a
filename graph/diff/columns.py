"""One snapshot as columns: numpy arrays over its agencies in id order, built once per SnapshotData (graph/diff/
model.py keeps them with it), so that a large diff runs as array operations (graph/diff/vector.py) and touches
Python objects only where something changed.

Why columns: a diff of two snapshots of 500k agencies each looks at every agency and every line. Done one Python
object at a time that costs more per agency the larger the snapshots (the objects are scattered in memory and
nothing stays in cache); the same comparisons over compact int arrays cost the same per agency at every size.

What a row holds (-1: none):
- place: the jurisdiction's code in `places`; category: its index in Category; quota: counts toward the quota;
- report_to / report_mode: the target row and mode code (in `modes`) of its one REPORTS_TO line to an agency of
  this snapshot, or -2 when it has several (then the diff looks at the lines themselves, `reports`);
- hosted: it has a HOSTED_BY line to an agency of this snapshot;
- the BECAME edges out of the snapshot, as start rows, end ids (resolved against the other snapshot by the diff)
  and change codes (a missing change is `continued`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import attrgetter
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from graph.model import Agency, Category, Change, Edge, RelType

__all__ = [
    "CATEGORIES",
    "CHANGES",
    "CHANGE_CODE",
    "AgenciesById",
    "EdgesByRow",
    "SnapshotColumns",
    "build_columns",
    "rows_of",
    "translate",
]

V = TypeVar("V")
Ints = npt.NDArray[np.int64]
Flags = npt.NDArray[np.bool_]

CATEGORIES: tuple[Category, ...] = tuple(Category)
CHANGES: tuple[Change, ...] = tuple(Change)
_CATEGORY_CODE = {c.value: i for i, c in enumerate(CATEGORIES)}
_CHANGE_CODE = {c.value: i for i, c in enumerate(CHANGES)}
CHANGE_CODE: dict[Change, int] = {c: i for i, c in enumerate(CHANGES)}

# `_value_` is an enum member's value as a plain attribute (`.value` goes through a descriptor; hashing a member
# runs Python code): the codes are looked up by these str values
_ID, _START, _END = attrgetter("id"), attrgetter("start"), attrgetter("end")
_PLACE, _QUOTA, _CATEGORY = (
    attrgetter("jurisdiction"),
    attrgetter("counts_toward_quota"),
    attrgetter("category._value_"),
)
_TYPE, _MODE = attrgetter("type._value_"), attrgetter("mode")


class AgenciesById(Mapping[str, Agency]):
    """id -> Agency over the columns' rows (a dict view without a second dict of every agency)."""

    __slots__ = ("_agencies", "_row")

    def __init__(self, agencies: Sequence[Agency], row: dict[str, int]) -> None:
        self._agencies, self._row = agencies, row

    def __getitem__(self, agency_id: str) -> Agency:
        return self._agencies[self._row[agency_id]]

    def get(self, agency_id: str, default: Any = None) -> Any:  # Mapping.get goes through a raised KeyError
        row = self._row.get(agency_id)
        return default if row is None else self._agencies[row]

    def __contains__(self, agency_id: object) -> bool:
        return agency_id in self._row

    def __iter__(self) -> Iterator[str]:
        return iter(self._row)

    def __len__(self) -> int:
        return len(self._row)


@dataclass(frozen=True, slots=True)
class EdgesByRow:
    """Edges grouped by their start row (in edge order within a row): the lines of one agency without a dict of
    every agency's lines."""

    edges: tuple[Edge, ...]
    offsets: Ints  # row r's edges are edges[offsets[r]:offsets[r + 1]]


class RowGroups(Mapping[str, list[V]]):
    """id -> the values grouped under its row (rows' groups are [offsets[r], offsets[r + 1]), read by `pick`): an
    agency's lines, or its successors, without a dict of every agency's list. `get` gives `default` for an agency
    with an empty group, as a dict of the non-empty groups would."""

    __slots__ = ("_offsets", "_pick", "_row")

    def __init__(self, row: dict[str, int], offsets: Ints, pick: Callable[[int, int], list[V]]) -> None:
        self._row, self._offsets, self._pick = row, offsets, pick

    def get(self, key: str, default: Any = None) -> Any:  # Mapping.get goes through a raised KeyError
        row = self._row.get(key)
        if row is None:
            return default
        lo, hi = int(self._offsets[row]), int(self._offsets[row + 1])
        return self._pick(lo, hi) if hi > lo else default

    def __getitem__(self, key: str) -> list[V]:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[str]:
        return (i for i in self._row if self.get(i) is not None)

    def __len__(self) -> int:
        return int(np.count_nonzero(np.diff(self._offsets)))


def lines_by_id(lines: EdgesByRow, row: dict[str, int]) -> RowGroups[Edge]:
    """id -> its lines (the object diff's Lines dict)."""
    return RowGroups(row, lines.offsets, lambda lo, hi: list(lines.edges[lo:hi]))


@dataclass(frozen=True, slots=True, eq=False, weakref_slot=True)  # compared and hashed by identity: a cache key
class SnapshotColumns:
    agencies: tuple[Agency, ...]  # sorted by id; row i is agencies[i]
    row: dict[str, int]
    by_id: AgenciesById
    places: tuple[str, ...]
    place: Ints
    category: Ints
    quota: Flags
    modes: tuple[str, ...]
    report_to: Ints
    report_mode: Ints
    hosted: Flags
    reports: RowGroups[Edge]  # REPORTS_TO lines to agencies of this snapshot
    hosts: RowGroups[Edge]  # HOSTED_BY lines to agencies of this snapshot
    became: tuple[Edge, ...]  # BECAME edges out of an agency of this snapshot, in edge order
    became_start: Ints
    became_end: list[str]
    became_change: Ints

    def __len__(self) -> int:
        return len(self.agencies)


def build_columns(agencies: Sequence[Agency], edges: Sequence[Edge]) -> SnapshotColumns:
    """The columns of one snapshot's agencies and the edges out of them (any order)."""
    ids = list(map(_ID, agencies))
    if ids != sorted(ids):
        agencies = sorted(agencies, key=_ID)
        ids = list(map(_ID, agencies))
    n = len(ids)
    row = dict(zip(ids, range(n)))
    places = tuple(dict.fromkeys(map(_PLACE, agencies)))
    place_code = {p: i for i, p in enumerate(places)}
    by_type: dict[str, list[Edge]] = {t.value: [] for t in RelType}
    types = list(map(_TYPE, edges))
    for kind in set(types):
        by_type[kind] = list(compress(edges, map(kind.__eq__, types)))
    reports, report_ends = _lines(by_type[RelType.REPORTS_TO.value], row)
    hosts, _ = _lines(by_type[RelType.HOSTED_BY.value], row)
    report_to, report_mode, modes = _single_line(reports, report_ends, n)
    all_became = by_type[RelType.BECAME.value]
    became_start = rows_of(map(_START, all_became), row, len(all_became))
    known = became_start >= 0
    became = all_became if known.all() else list(compress(all_became, known.tolist()))
    changes = (c._value_ if c is not None else Change.CONTINUED.value for c in map(attrgetter("change"), became))
    return SnapshotColumns(
        agencies=tuple(agencies),
        row=row,
        by_id=AgenciesById(agencies, row),
        places=places,
        place=np.fromiter(map(place_code.__getitem__, map(_PLACE, agencies)), np.int64, n),
        category=np.fromiter(map(_CATEGORY_CODE.__getitem__, map(_CATEGORY, agencies)), np.int64, n),
        quota=np.fromiter(map(_QUOTA, agencies), np.bool_, n),
        modes=modes,
        report_to=report_to,
        report_mode=report_mode,
        hosted=np.diff(hosts.offsets) > 0,
        reports=lines_by_id(reports, row),
        hosts=lines_by_id(hosts, row),
        became=tuple(became),
        became_start=became_start[known],
        became_end=list(map(_END, became)),
        became_change=np.fromiter(map(_CHANGE_CODE.__getitem__, changes), np.int64, len(became)),
    )


def rows_of(ids: Iterator[str], row: dict[str, int], count: int) -> Ints:
    """The row of each id, -1 for an id of no agency here."""
    return np.fromiter(map(row.get, ids, repeat(-1)), np.int64, count)


def _lines(edges: list[Edge], row: dict[str, int]) -> tuple[EdgesByRow, Ints]:
    """The edges whose both ends are agencies of this snapshot, grouped by start row (stable: edge order kept),
    and the row of each one's end, in that order."""
    starts = rows_of(map(_START, edges), row, len(edges))
    ends = rows_of(map(_END, edges), row, len(edges))
    kept = np.flatnonzero((starts >= 0) & (ends >= 0))
    order = kept[np.argsort(starts[kept], kind="stable")]
    offsets = np.zeros(len(row) + 1, np.int64)
    np.cumsum(np.bincount(starts[kept], minlength=len(row)), out=offsets[1:])
    return EdgesByRow(tuple(map(edges.__getitem__, order.tolist())), offsets), ends[order]


def _single_line(lines: EdgesByRow, ends: Ints, n: int) -> tuple[Ints, Ints, tuple[str, ...]]:
    """(target row, mode code) of each agency's one line; -1 for none, -2 for several; and the mode vocabulary."""
    counts = np.diff(lines.offsets)
    starts = np.repeat(np.arange(n, dtype=np.int64), counts)
    modes_of = [m or "" for m in map(_MODE, lines.edges)]
    modes = tuple(dict.fromkeys(modes_of))
    mode_code = {m: i for i, m in enumerate(modes)}
    target = np.full(n, -1, np.int64)
    mode = np.full(n, -1, np.int64)
    target[starts] = ends
    mode[starts] = np.fromiter(map(mode_code.__getitem__, modes_of), np.int64, len(modes_of))
    target[counts > 1] = -2
    return target, mode, modes


def translate(codes: Sequence[str], into: Sequence[str]) -> Ints:
    """Each code of one vocabulary as the code of the same value in another; -3 when the other lacks it, and -3
    for -1 (indexing with -1 reads the appended last entry)."""
    position = {v: i for i, v in enumerate(into)}
    return np.array([position.get(v, -3) for v in codes] + [-3], np.int64)
