"""The diff's fast path gives the same SnapshotDiff as before it was made fast: a digest of every field of the
diff of synthetic datasets and data/xilingol (whole, one county, the league level), recorded with the former implementation.

The digest is taken over ids, labels, counts and order (not reprs), so it changes only when the diff's answer
does. If bench/synthetic.py changes on purpose, re-record with `python tests/unit/test_diff_golden.py`."""

from __future__ import annotations

import dataclasses
import hashlib
from enum import Enum

import pytest
from paths import XILINGOL

from bench.synthetic import make_synthetic
from graph.diff.compare import SnapshotData, diff_snapshots
from graph.embedded.store import NetworkxStore
from graph.model import Agency, Jurisdiction
from loaders import load_dataset

#: every test here runs on both diff implementations (tests/unit/conftest.py)
pytestmark = pytest.mark.usefixtures("diff_path")

#: (agencies, seed, scope) -> sha256 of the canonical diff, recorded before the fast path (2026-12-05).
GOLDEN = {
    (3000, 7, None): "d0a11d2b21451b8509ebd3dedd8c375a66a2533c87cec4574ae8e38d842b030f",
    (3000, 7, "league"): "d599a404f71f4466f18d867ad3452348eed74bbc791a61b659053c2fe7ea39b6",
    (3000, 7, "county"): "594f1a28662997c0cbda6dabbab4fb7b6ac433a21cc978935a70b3fcee9014fc",
    (12000, 11, None): "c349d5ac2c3ef59de7c4a9a202cf9a6b5841b6ab635af4132db016b123c15b7b",
    (
        0,
        0,
        None,
    ): "1b62caaf542e63917dac684b3b14513ba1159883850c6de62ad19b5bec203315",
    (0, 0, "county"): "afa8b3748b864b12ec1e26c0926203b409d1c21b27764464e8d5a737413acbf1",
}


def canonical(value: object) -> object:
    """Ids for agencies and jurisdictions, values for enums, tuples for everything nested, fields in order."""
    if isinstance(value, (Agency, Jurisdiction)):
        return value.id
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value):
        return tuple((f.name, canonical(getattr(value, f.name))) for f in dataclasses.fields(value))
    if isinstance(value, (tuple, list)):
        return tuple(canonical(v) for v in value)
    return value


def digest(n: int, seed: int, scope: str | None) -> str:
    dataset = make_synthetic(n, seed=seed) if n else load_dataset(XILINGOL)
    store = NetworkxStore()
    store.load(dataset)
    before, after = dataset.snapshot_ids()[0], dataset.snapshot_ids()[-1]
    if scope == "county":
        scope = dataset.bottom_jurisdictions()[1].id
    diff = diff_snapshots(
        SnapshotData.from_store(store, before),
        SnapshotData.from_store(store, after),
        dataset.jurisdictions,
        scope=scope,
    )
    assert diff.continued and diff.counts
    if scope is None and n:
        assert diff.reporting and diff.merged and diff.split and diff.moved and diff.transferred and diff.categories
    return hashlib.sha256(repr(canonical(diff)).encode()).hexdigest()


@pytest.mark.parametrize(("n", "seed", "scope"), list(GOLDEN))
def test_the_diff_is_the_one_recorded_before_the_fast_path(n: int, seed: int, scope: str | None) -> None:
    assert digest(n, seed, scope) == GOLDEN[(n, seed, scope)]


if __name__ == "__main__":
    for key in GOLDEN:
        print(f"    {key!r}: {digest(*key)!r},")
