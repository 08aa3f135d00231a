"""The datasets the sweep runs on (tests/test_cli_sweep.py, tests/app/test_apptest_sweep.py) and what each needs.

Every dataset under tests/data (but the broken ones in tests/data/bad) and under data/. For each: an agency with a
reporting chain (for `chain`, `reporting_chain` and the Explorer's focus), an agency with predecessors (for
`lineage_of_agency` and `history`), and the exit code `check` must give.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dataset_words import find_foreign
from paths import ROOT, TESTS

from graph.model import Dataset, RelType

FOLDERS: tuple[Path, ...] = tuple(
    sorted(p.parent for p in (TESTS / "data").glob("*/manifest.toml"))
    + sorted(p.parent for p in (ROOT / "data").glob("*/manifest.toml"))
)
#: Datasets whose whole-dataset diagrams take long: their diagram exports are scoped to one jurisdiction.
LARGE = {"xilingol"}
#: `check` exit codes that are not 0: tests/data/mini keeps six rule failures on purpose (its README).
CHECK_EXIT = {"mini": 3}


@dataclass(frozen=True)
class Swept:
    folder: Path
    dataset: Dataset

    @property
    def name(self) -> str:
        return self.folder.name

    def snapshot_pairs(self) -> list[tuple[str, str]]:
        """Every (earlier, later) pair of snapshots, by date."""
        ids = self.dataset.snapshot_ids()
        return [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]]

    def agency_with_chain(self) -> str:
        reporting = {e.start for e in self.dataset.edges_of(RelType.REPORTS_TO)}
        last = self.dataset.snapshot_ids()[-1]
        return next(a.id for a in self.dataset.agencies if a.id in reporting and a.snapshot == last)

    def agency_with_past(self) -> str:
        """An agency of the latest snapshot with a BECAME predecessor (its life spans snapshots)."""
        targets = {e.end for e in self.dataset.edges_of(RelType.BECAME)}
        last = self.dataset.snapshot_ids()[-1]
        return next(a.id for a in self.dataset.agencies if a.id in targets and a.snapshot == last)

    def foreign(self, text: str) -> list[str]:
        """Words of the other swept datasets that `text` shows (dataset_words.find_foreign)."""
        return find_foreign(text, self.folder, FOLDERS)


@cache
def swept(name: str) -> Swept:
    from loaders import load_dataset

    folder = next(f for f in FOLDERS if f.name == name)
    return Swept(folder, load_dataset(folder))


NAMES = [f.name for f in FOLDERS]
