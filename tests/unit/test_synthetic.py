"""bench/synthetic.py: deterministic, shaped like the reform (every change kind), and readable by the loader."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bench.synthetic import make_synthetic, write_synthetic_csv
from graph.embedded.store import NetworkxStore
from graph.model import Change, Dataset, RelType
from loaders import load_dataset


def test_same_seed_same_dataset_other_seed_other_functions() -> None:
    assert make_synthetic(400, seed=5) == make_synthetic(400, seed=5)
    assert make_synthetic(400, seed=5).edges != make_synthetic(400, seed=6).edges


def test_size_is_about_what_was_asked_and_ids_are_unique() -> None:
    for n in (100, 1000, 5000):
        ds = make_synthetic(n)
        assert abs(len(ds.agencies) - n) <= 0.05 * n + 40, n
        assert len({a.id for a in ds.agencies}) == len(ds.agencies)


def test_every_relationship_and_change_kind_occurs() -> None:
    ds = make_synthetic(300)
    assert {e.type for e in ds.edges} == set(RelType)
    assert {e.change for e in ds.edges_of(RelType.BECAME)} == set(Change)
    transferred = [e for e in ds.edges_of(RelType.BECAME) if e.change is Change.TRANSFERRED]
    assert transferred and all(e.function for e in transferred)
    assert "dispatched" in {e.mode for e in ds.edges_of(RelType.REPORTS_TO)}


def test_reporting_chains_are_three_to_four_deep_on_average() -> None:
    ds = make_synthetic(1000)
    store = NetworkxStore()
    store.load(ds)
    lengths = Counter(len(store.reporting_chain(a.id)) for a in ds.agencies)
    mean = sum(k * v for k, v in lengths.items()) / len(ds.agencies)
    assert 3 <= mean <= 4.5 and max(lengths) >= 4
    first = store.reporting_chain("2019-c000000-eco")[0]
    assert (first.agency.id, first.mode) == ("2019-league-eco", "dispatched")


def test_written_csv_loads_back_to_the_same_dataset(tmp_path: Path) -> None:
    ds = make_synthetic(600, seed=2)
    back: Dataset = load_dataset(write_synthetic_csv(ds, tmp_path / "syn"))
    assert back.id == ds.id and back.snapshots == ds.snapshots
    for part in ("jurisdictions", "agencies", "functions", "edges"):
        assert Counter(getattr(back, part)) == Counter(getattr(ds, part)), part
