"""Faults for the crash tests: a private Neo4j server that a test may kill -9 (never the shared one), a TCP proxy
whose connections a test can cut, CLI subprocesses a test can kill, and polls for "the load got this far"."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.synthetic import make_synthetic, write_synthetic_csv
from graph.model import Dataset
from tests.conftest import ROOT, neo4j_settings, require

SERVER_SCRIPTS = ROOT / "scripts" / "neo4j-server"
PASSWORD = "orgraph-test"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PrivateServer:
    """A second Neo4j from the repo's own scripts/neo4j-server, on its own port and home: safe to kill -9."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.port = free_port()
        self.uri = f"bolt://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "NEO4J_HOME": str(home),
            "NEO4J_PORT": str(self.port),
            "NEO4J_PASSWORD": PASSWORD,
            "NEO4J_HEAP": "1g",
        }

    def start(self) -> None:
        require(shutil.which("java") is not None, "java is needed for a private Neo4j server")
        proc = subprocess.run(
            ["bash", str(SERVER_SCRIPTS / "start.sh")], env=self.env, capture_output=True, text=True, timeout=300
        )
        require(proc.returncode == 0, f"the private Neo4j server did not start: {proc.stderr[-2000:]}")

    def pid(self) -> int:
        return int((self.home / "neo4j.pid").read_text().strip())

    def kill9(self) -> None:
        """kill -9 the server (this one only, by the pid its start wrote) and wait until it is gone."""
        pid = self.pid()
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
            time.sleep(0.05)

    def stop(self) -> None:
        subprocess.run(["bash", str(SERVER_SCRIPTS / "stop.sh")], env=self.env, capture_output=True, timeout=120)


class CuttableProxy:
    """A TCP forwarder on 127.0.0.1 to (host, port); cut() closes every connection at once, as a dead network
    link or a firewall reset would, and refuses new ones."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.down = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
                upstream = socket.create_connection(self.target)
            except OSError:
                return
            if self.down:
                client.close()
                upstream.close()
                return
            with self.lock:
                self.sockets += [client, upstream]
            for src, dst in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(src, dst), daemon=True).start()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass

    def cut(self) -> None:
        self.down = True
        try:  # wakes the thread blocked in accept(), which close() alone would not: no new connections from here on
            self.listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.listener.close()
        with self.lock:
            for s in self.sockets:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()


def synthetic(dataset_id: str, agencies: int = 30_000, seed: int = 1) -> Dataset:
    """bench/synthetic.py's dataset under a test's own id: over SINGLE_TX_ROWS, so a new one loads in batches."""
    return replace(make_synthetic(agencies, seed=seed), id=dataset_id)


def synthetic_folder(dataset_id: str, folder: Path, agencies: int = 30_000, seed: int = 1) -> Path:
    return write_synthetic_csv(synthetic(dataset_id, agencies, seed), folder)


def cli(*argv: str, uri: str | None = None) -> subprocess.Popen[str]:
    """`cli.py argv...` on the Neo4j backend (the shared server unless `uri`), as a process a test can kill."""
    shared_uri, user, password = neo4j_settings()
    env = {**os.environ, "NEO4J_URI": uri or shared_uri, "NEO4J_USER": user, "NEO4J_PASSWORD": password}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.Popen(
        [sys.executable, str(ROOT / "cli.py"), *argv],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def count(driver: Any, query: str, **params: Any) -> int:
    records, _, _ = driver.execute_query(query, params)
    return int(records[0][0])


def committed_nodes(driver: Any, dataset_id: str) -> int:
    """Nodes of the dataset that other transactions can see: what committed batches wrote."""
    return count(driver, "MATCH (n:Agency {dataset: $ds}) RETURN count(n)", ds=dataset_id)


def load_running(driver: Any, dataset_id: str, writing: bool = False) -> bool:
    """Whether a load transaction of the dataset is open on the server (and, with writing, sending rows)."""
    records, _, _ = driver.execute_query(
        "SHOW TRANSACTIONS YIELD metaData, currentQuery "
        "WHERE metaData.op = 'load' AND metaData.dataset = $ds RETURN currentQuery",
        ds=dataset_id,
    )
    return any(not writing or "UNWIND" in (r["currentQuery"] or "") for r in records)


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 90, alive: Callable[[], bool] = lambda: True):
    """Poll until `condition` holds; AssertionError naming `what` if it never does (or `alive` turns false)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        assert alive(), f"the load ended before {what}"
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def leftovers(driver: Any, dataset_id: str) -> dict[str, int]:
    """Everything of a dataset id the database holds: nodes, edges, record and journal."""
    return {
        "nodes": count(driver, "MATCH (n {dataset: $ds}) RETURN count(n)", ds=dataset_id),
        "edges": count(driver, "MATCH (n {dataset: $ds})-[r]->() RETURN count(r)", ds=dataset_id),
        "record": count(driver, "MATCH (d:OrgraphDataset {dataset_id: $ds}) RETURN count(d)", ds=dataset_id),
        "journal": count(driver, "MATCH (j:OrgraphLoad {dataset_id: $ds}) RETURN count(j)", ds=dataset_id),
    }


NOTHING = {"nodes": 0, "edges": 0, "record": 0, "journal": 0}


def complete(dataset: Dataset) -> dict[str, int]:
    """What leftovers() shows for a completely loaded dataset."""
    nodes = len(dataset.agencies) + len(dataset.jurisdictions) + len(dataset.functions)
    return {"nodes": nodes, "edges": len(dataset.edges), "record": 1, "journal": 0}
