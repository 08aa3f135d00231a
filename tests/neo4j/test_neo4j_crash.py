"""A load that dies at any moment leaves the database serving the previous complete datasets, and nothing of the
interrupted load is visible once the next process connects (docs/neo4j-loading.md). Each test interrupts a real
load of bench/synthetic.py's 30k-agency dataset after its first batch committed: kill -9 of the server (a private
one, started here from scripts/neo4j-server), kill -9 of a CLI client, and a connection cut by a proxy."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from graph.errors import BackendUnavailable, OrgraphError
from graph.neo4j.store import Neo4jStore, connect_driver
from loaders import load_dataset
from tests.conftest import neo4j_settings
from tests.neo4j.builders import drop_dataset, graph_state, small_dataset, unique_id
from tests.neo4j.faults import (
    NOTHING,
    PASSWORD,
    CuttableProxy,
    PrivateServer,
    cli,
    committed_nodes,
    complete,
    leftovers,
    load_running,
    synthetic,
    synthetic_folder,
    wait_for,
)

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


@pytest.fixture(scope="module")
def private_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivateServer]:
    server = PrivateServer(tmp_path_factory.mktemp("neo4j-kill"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def cleanup(neo4j_driver: Any) -> Iterator[list[str]]:
    """Dataset ids to drop from the shared server afterwards."""
    ids: list[str] = []
    yield ids
    for dataset_id in ids:
        drop_dataset(neo4j_driver, dataset_id)


def in_thread(action: Callable[[], object]) -> tuple[threading.Thread, list[BaseException | None]]:
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            action()
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


def test_server_killed_mid_load_serves_the_previous_datasets_after_restart(private_server: PrivateServer) -> None:
    driver = connect_driver(private_server.uri, "neo4j", PASSWORD)
    kept, replaced = small_dataset(unique_id()), small_dataset(unique_id())
    Neo4jStore(driver).load(kept)
    Neo4jStore(driver).load(replaced)
    before = {ds: graph_state(driver, ds) for ds in (kept.id, replaced.id)}
    new, replacement = synthetic(unique_id()), synthetic(replaced.id, agencies=15_000)

    # Two loads at once: a new dataset (journaled batches) and a replace (one transaction), on their own drivers.
    drivers = [connect_driver(private_server.uri, "neo4j", PASSWORD) for _ in range(2)]
    loads = [in_thread(lambda d=d, ds=ds: Neo4jStore(d).load(ds)) for d, ds in zip(drivers, (new, replacement))]
    alive = lambda: all(t.is_alive() for t, _ in loads)  # noqa: E731
    wait_for(lambda: committed_nodes(driver, new.id) > 0, "the first batch committed", alive=alive)
    wait_for(lambda: load_running(driver, replaced.id, writing=True), "the replace writing", alive=alive)
    private_server.kill9()
    for thread, outcome in loads:
        thread.join(60)
        assert len(outcome) == 1 and isinstance(outcome[0], (BackendUnavailable, OrgraphError)), outcome
    for d in [driver, *drivers]:
        d.close()

    private_server.start()
    driver = connect_driver(private_server.uri, "neo4j", PASSWORD)
    try:
        store = Neo4jStore(driver)
        assert store.datasets() == sorted([kept.id, replaced.id])  # the first read of a new process
        assert leftovers(driver, new.id) == NOTHING
        assert {ds: graph_state(driver, ds) for ds in (kept.id, replaced.id)} == before
        store.load(new)
        assert leftovers(driver, new.id) == complete(new)
        assert graph_state(driver, kept.id) == before[kept.id]
    finally:
        driver.close()


def test_client_killed_after_a_batch_committed_leaves_nothing(neo4j_driver: Any, tmp_path: Path, cleanup) -> None:
    dataset_id = unique_id()
    cleanup.append(dataset_id)
    folder = synthetic_folder(dataset_id, tmp_path / "syn")
    proc = cli("info", "--backend", "neo4j", "--dataset", str(folder))
    try:
        wait_for(
            lambda: committed_nodes(neo4j_driver, dataset_id) > 0,
            "the first batch committed",
            alive=lambda: proc.poll() is None,
        )
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
    assert committed_nodes(neo4j_driver, dataset_id) > 0  # the orphans exist, until a process connects:
    assert dataset_id not in Neo4jStore(neo4j_driver).datasets()
    assert leftovers(neo4j_driver, dataset_id) == NOTHING

    proc = cli("info", "--backend", "neo4j", "--dataset", str(folder))
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert leftovers(neo4j_driver, dataset_id) == complete(load_dataset(folder))


def test_client_killed_while_replacing_keeps_the_previous_version(neo4j_driver: Any, tmp_path: Path, cleanup) -> None:
    previous = small_dataset(unique_id())
    cleanup.append(previous.id)
    Neo4jStore(neo4j_driver).load(previous)
    before = graph_state(neo4j_driver, previous.id)
    proc = cli("info", "--backend", "neo4j", "--dataset", str(synthetic_folder(previous.id, tmp_path / "syn")))
    try:
        wait_for(
            lambda: load_running(neo4j_driver, previous.id, writing=True),
            "the replace writing",
            alive=lambda: proc.poll() is None,
        )
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
    assert Neo4jStore(neo4j_driver).datasets().count(previous.id) == 1
    assert graph_state(neo4j_driver, previous.id) == before


def test_connection_cut_mid_load_leaves_nothing(neo4j_driver: Any, cleanup) -> None:
    uri, user, password = neo4j_settings()
    target = urlparse(uri)
    proxy = CuttableProxy(target.hostname or "127.0.0.1", target.port or 7687)
    dataset = synthetic(unique_id())
    cleanup.append(dataset.id)
    proxied = connect_driver(f"bolt://127.0.0.1:{proxy.port}", user, password)
    thread, outcome = in_thread(lambda: Neo4jStore(proxied).load(dataset))
    wait_for(lambda: committed_nodes(neo4j_driver, dataset.id) > 0, "the first batch committed", alive=thread.is_alive)
    proxy.cut()
    thread.join(120)
    proxied.close()
    assert len(outcome) == 1 and isinstance(outcome[0], BackendUnavailable), outcome
    assert dataset.id not in Neo4jStore(neo4j_driver).datasets()
    assert leftovers(neo4j_driver, dataset.id) == NOTHING
    Neo4jStore(neo4j_driver).load(dataset)
    assert leftovers(neo4j_driver, dataset.id) == complete(dataset)
