"""Concurrency: CLI processes at once on each backend (queries, and the load each one starts with), and loads of
different datasets into one Neo4j at once, with exact counts afterwards (docs/neo4j-loading.md)."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.neo4j.journal import recover_interrupted_loads
from graph.neo4j.store import Neo4jStore
from loaders import load_dataset
from tests.conftest import MINI
from tests.neo4j.builders import drop_dataset, unique_id
from tests.neo4j.faults import cli, committed_nodes, complete, leftovers, synthetic_folder, wait_for

COUNT_BY_SNAPSHOT = "MATCH (a:Agency) WHERE a.dataset = $dataset RETURN a.snapshot AS s, count(a) AS n ORDER BY s"


def mini_copy(folder: Path, dataset_id: str) -> Path:
    """The mini dataset under its own id, so the shared server's other users never see these loads."""
    shutil.copytree(MINI, folder)
    manifest = folder / "manifest.toml"
    text = re.sub(r'(?m)^id = ".*"$', f'id = "{dataset_id}"', manifest.read_text(encoding="utf-8"), count=1)
    manifest.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def shared_ids(request: pytest.FixtureRequest) -> Iterator[list[str]]:
    """Dataset ids to drop from the shared Neo4j server afterwards (nothing to do for a networkx-only test)."""
    ids: list[str] = []
    yield ids
    if ids:
        driver = request.getfixturevalue("neo4j_driver")
        for dataset_id in ids:
            drop_dataset(driver, dataset_id)


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["networkx", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def test_parallel_cli_processes_agree(backend: str, tmp_path: Path, shared_ids: list[str], request) -> None:
    dataset_id = unique_id("conc")
    folder = mini_copy(tmp_path / "mini", dataset_id)
    if backend == "neo4j":
        shared_ids.append(dataset_id)
        request.getfixturevalue("neo4j_driver")  # fails in CI when the server is missing
    common = ("--backend", backend, "--dataset", str(folder))
    runs = [cli("query", *common, "--format", "json", COUNT_BY_SNAPSHOT) for _ in range(4)]
    runs += [cli("info", *common), cli("chain", *common, "--format", "json", "m19-xh-org")]
    outputs = []
    for proc in runs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        outputs.append(out)
    assert [json.loads(out) for out in outputs[:4]] == [[{"s": "2018", "n": 27}, {"s": "2019", "n": 26}]] * 4
    assert "2019      after" in outputs[4]
    assert [step["id"] for step in json.loads(outputs[5])][:2] == ["m19-xh-org", "m19-xh-party"]
    if backend == "neo4j":  # six processes loaded the same dataset at once: one copy, no duplicates
        driver = request.getfixturevalue("neo4j_driver")
        assert leftovers(driver, dataset_id) == complete(load_dataset(folder))


@pytest.mark.neo4j
@pytest.mark.slow
def test_loads_of_different_datasets_at_once_into_one_neo4j(neo4j_driver: Any, tmp_path: Path, shared_ids) -> None:
    """Two new datasets, each in journaled batches, and a second load of the first, at the same time. The first
    load is paused (SIGSTOP) after its first batch: a process connecting then must leave the live load alone."""
    one, two = unique_id("conc"), unique_id("conc")
    shared_ids += [one, two]
    folders = [
        synthetic_folder(one, tmp_path / "one", 20_000, seed=1),
        synthetic_folder(two, tmp_path / "two", 20_000, seed=2),
    ]
    first = cli("info", "--backend", "neo4j", "--dataset", str(folders[0]))
    runs = [first]
    try:
        wait_for(
            lambda: committed_nodes(neo4j_driver, one) > 0,
            "the first batch committed",
            alive=lambda: first.poll() is None,
        )
        os.kill(first.pid, signal.SIGSTOP)
        runs += [cli("info", "--backend", "neo4j", "--dataset", str(folder)) for folder in (folders[1], folders[0])]
        written = leftovers(neo4j_driver, one)
        assert written["journal"] == 1 and written["record"] == 0
        assert recover_interrupted_loads(neo4j_driver, None) == []  # its owner is alive: nothing is touched
        after = leftovers(neo4j_driver, one)  # a batch sent before the pause may still commit meanwhile
        assert after["nodes"] >= written["nodes"] > 0 and (after["journal"], after["record"]) == (1, 0)
    finally:
        os.kill(first.pid, signal.SIGCONT)
    for proc in runs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    assert leftovers(neo4j_driver, one) == complete(load_dataset(folders[0]))
    assert leftovers(neo4j_driver, two) == complete(load_dataset(folders[1]))
    assert {one, two} <= set(Neo4jStore(neo4j_driver).datasets())
