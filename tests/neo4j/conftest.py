"""Fixtures for the Neo4j-only tests: stores on the shared driver, and cleanup of the datasets they load.

Every test loads datasets under fresh ids (builders.unique_id), so concurrent runs and the contract suite
(which loads the mini dataset) never see or disturb each other's data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from graph.neo4j_store import Neo4jStore
from tests.neo4j.builders import drop_dataset


@pytest.fixture
def make_store(neo4j_driver: Any) -> Iterator[Callable[[], Neo4jStore]]:
    """Makes stores on the shared driver; drops every dataset they loaded afterwards."""
    stores: list[Neo4jStore] = []
    loaded: set[str] = set()

    def make() -> Neo4jStore:
        store = Neo4jStore(neo4j_driver)
        original_load = store.load

        def load(dataset: Any) -> Any:
            loaded.add(dataset.id)
            return original_load(dataset)

        store.load = load  # type: ignore[method-assign]
        stores.append(store)
        return store

    yield make
    for store in stores:
        store.close()
    for dataset_id in loaded:
        drop_dataset(neo4j_driver, dataset_id)
