"""Fixtures for export tests: stores loaded with the mini dataset, the change-classes dataset and (when it
exists) data/xilingol, all on the embedded backend unless a test asks for the `store` fixture of both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.model import Dataset
from tests.export.builders import changes_dataset


def _networkx_store(dataset: Dataset) -> object:
    from graph.embedded.store import NetworkxStore

    store = NetworkxStore()
    store.load(dataset)
    return store


@pytest.fixture(scope="module")
def mini_store(mini_dataset: Dataset) -> Iterator[object]:
    store = _networkx_store(mini_dataset)
    yield store
    store.close()  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def changes() -> Dataset:
    return changes_dataset()


@pytest.fixture(scope="module")
def changes_store(changes: Dataset) -> Iterator[object]:
    store = _networkx_store(changes)
    yield store
    store.close()  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def xilingol_store(xilingol_dataset: Dataset) -> Iterator[object]:
    store = _networkx_store(xilingol_dataset)
    yield store
    store.close()  # type: ignore[attr-defined]


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    return tmp_path
