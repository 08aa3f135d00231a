"""Shared fixtures: the mini dataset, and a `store` fixture parametrised over both real backends.

Neo4j comes from NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD (default bolt://127.0.0.1:7687, neo4j/orgraph-test,
which `make neo4j-start` serves). Locally a missing server skips Neo4j tests; in CI (CI=true) it fails them.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from paths import MINI, ROOT, STATE_COUNCIL, TESTS, XILINGOL  # noqa: F401  (re-exported for fixtures)

from graph.model import Dataset
from loaders import load_dataset

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

# Compiled datasets go to a cache folder of this session (subprocesses inherit it): tests never read or write the
# user's ~/.cache/orgraph, and every run starts from an empty cache, as on a fresh CI machine.
SESSION_CACHE = Path(tempfile.mkdtemp(prefix="orgraph-test-cache-"))
os.environ["ORGRAPH_CACHE_DIR"] = str(SESSION_CACHE)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(SESSION_CACHE, ignore_errors=True)


#: The two backends as test parameters; the Neo4j one carries the neo4j mark, so `-m "not neo4j"` deselects it.
BACKENDS = ["networkx", pytest.param("neo4j", marks=pytest.mark.neo4j)]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that asks for the Neo4j driver by name needs the server: mark it, so `-m "not neo4j"` leaves it out."""
    for item in items:
        if "neo4j_driver" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.neo4j)


def neo4j_settings() -> tuple[str, str, str]:
    return (
        os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"),
        os.environ.get("NEO4J_USER", "neo4j"),
        os.environ.get("NEO4J_PASSWORD", "orgraph-test"),
    )


def require(condition: bool, why: str) -> None:
    """Skip locally, fail in CI: tests of real parts never skip silently where it matters."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required in CI but unavailable: {why}")
    pytest.skip(why)


@pytest.fixture(scope="session")
def mini_path() -> Path:
    return MINI


@pytest.fixture(scope="session")
def mini_dataset() -> Dataset:
    from loaders import load_dataset

    return load_dataset(MINI)


@pytest.fixture(scope="session")
def xilingol_dataset() -> Dataset:
    """data/xilingol, loaded once for the whole run (a Dataset is immutable, so tests can share it)."""
    return load_dataset(XILINGOL)


@pytest.fixture(scope="session")
def state_council_dataset() -> Dataset:
    """data/state-council, loaded once for the whole run."""
    return load_dataset(STATE_COUNCIL)


@pytest.fixture(scope="session")
def neo4j_driver() -> Iterator[object]:
    """One driver for the whole session (the driver is meant to be shared)."""
    from graph.errors import BackendUnavailable
    from graph.neo4j.store import connect_driver

    uri, user, password = neo4j_settings()
    try:
        driver = connect_driver(uri, user, password)
    except BackendUnavailable as exc:
        require(False, str(exc))
        raise  # unreachable: require() skips or fails
    yield driver
    driver.close()


def _make_store(kind: str, request: pytest.FixtureRequest) -> object:
    if kind == "networkx":
        from graph.embedded.store import NetworkxStore

        return NetworkxStore()
    from graph.neo4j.store import Neo4jStore

    driver = request.getfixturevalue("neo4j_driver")
    return Neo4jStore(driver)


@pytest.fixture(params=BACKENDS)
def store_kind(request: pytest.FixtureRequest) -> str:
    """Each backend's name, for tests that build their own store with `make_store`."""
    return str(request.param)


def _drop(driver: Any, dataset_id: str) -> None:
    driver.execute_query("MATCH (n {dataset: $ds}) DETACH DELETE n", ds=dataset_id)
    driver.execute_query("MATCH (d:OrgraphDataset {dataset_id: $ds}) DELETE d", ds=dataset_id)


@pytest.fixture()
def make_store(request: pytest.FixtureRequest) -> Iterator[Callable[[str], Any]]:
    """The one store factory: make_store(backend) -> an empty store; every dataset id a Neo4j store was asked to load is deleted after."""
    made: list[Any] = []
    loaded: set[str] = set()

    def make(backend: str) -> Any:
        store = _make_store(backend, request)
        if backend == "networkx":
            return store
        original_load = store.load

        def load(dataset: Dataset) -> Any:
            loaded.add(dataset.id)
            return original_load(dataset)

        store.load = load  # type: ignore[method-assign]
        made.append(store)
        return store

    yield make
    for store in made:
        store.close()
    if loaded:
        driver = request.getfixturevalue("neo4j_driver")
        for dataset_id in loaded:
            _drop(driver, dataset_id)


@pytest.fixture(params=["networkx", "networkx-compiled", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest, mini_dataset: Dataset) -> Iterator[object]:
    """A store of each backend with the mini dataset loaded; "networkx-compiled" opens the dataset's compiled copy
    (the CLI's and app's way: Cypher on the cached read-only mirror, the graph built when a read needs it)."""
    if request.param == "networkx-compiled":
        from graph.embedded.compiled import compile_dataset
        from graph.embedded.store import NetworkxStore

        s: object = NetworkxStore()
        s.open_compiled(compile_dataset(MINI))  # type: ignore[attr-defined]
    else:
        s = _make_store(request.param, request)
        s.load(mini_dataset)  # type: ignore[attr-defined]
    yield s
    s.close()  # type: ignore[attr-defined]
