"""Crash safety of Neo4j loads: the per-dataset write lock, the load journal, and the recovery that removes what
an interrupted load left behind before the next process serves a read (design: docs/neo4j-loading.md).

- The lock is the dataset's record (`OrgraphDataset`), written at the start of every load in the load's guard
  transaction and committed only at its end: loads of one dataset run one after the other, readers never see a
  record that is not complete, and a dead loader's lock goes with its transaction (the server rolls it back when
  the client's connection closes, or when the server restarts).
- The journal (`OrgraphLoad`, committed before the first batch of a batched load) marks nodes written outside the
  guard transaction. The guard deletes it in the same commit that makes the record visible, so a journal that
  outlives its loader marks exactly the nodes of a load that never completed.
"""

from __future__ import annotations

import contextlib
import os
import socket
import uuid

import neo4j
import neo4j.exceptions as neo

from graph.model import Dataset
from graph.neo4j.batches import LOAD_TIMEOUT_S
from graph.neo4j.write import delete_nodes_in_batches

__all__ = [
    "PROBE_S",
    "close_journal",
    "drop_journal",
    "loaded_hash",
    "lock_dataset",
    "open_journal",
    "recover_interrupted_loads",
    "set_titles",
]

PROBE_S = 1.0  # how long recovery waits for a dataset's lock before concluding that its loader is alive

_LOCK = (
    "MERGE (d:OrgraphDataset {dataset_id: $ds}) ON CREATE SET d.orgraph_new = true "
    "WITH d, d.orgraph_new IS NOT NULL AS new SET d.dataset_id = $ds REMOVE d.orgraph_new RETURN new"
)  # the SET takes the record's write lock even when it exists (a MERGE that only matches takes none)


def lock_dataset(tx: neo4j.Transaction, dataset_id: str) -> bool:
    """Take the dataset's write lock in `tx` (waiting for another load of it); True if the dataset is complete
    in the database (its record was committed before), False if this transaction created the record."""
    return not tx.run(_LOCK, ds=dataset_id).single(strict=True)["new"]


def set_titles(tx: neo4j.Transaction, dataset: Dataset, content_hash: str | None = None) -> None:
    """The record's titles and `content_hash`: the key of the compiled files loaded (graph/embedded/compiled.py),
    or None for a Dataset built in memory, so that only a reload of those very files is ever skipped."""
    tx.run(
        "MATCH (d:OrgraphDataset {dataset_id: $ds}) SET d.title_zh = $zh, d.title_en = $en, d.content_hash = $hash",
        ds=dataset.id,
        zh=dataset.title_zh,
        en=dataset.title_en,
        hash=content_hash,
    ).consume()


def loaded_hash(driver: neo4j.Driver, database: str | None, dataset_id: str) -> str | None:
    """The content hash on the record of a completely loaded dataset (None: none, or not loaded)."""
    records, _, _ = driver.execute_query(
        "MATCH (d:OrgraphDataset {dataset_id: $ds}) WHERE NOT EXISTS { MATCH (:OrgraphLoad {dataset_id: $ds}) } "
        "RETURN d.content_hash AS hash",
        ds=dataset_id,
        database_=database,
        routing_=neo4j.RoutingControl.READ,
    )
    return records[0]["hash"] if records else None


def open_journal(session: neo4j.Session, dataset_id: str) -> str:
    """Commit the journal of a batched load of `dataset_id` (whose lock the caller holds); returns its load id."""
    load_id = uuid.uuid4().hex
    session.run(
        "MERGE (j:OrgraphLoad {dataset_id: $ds}) SET j.load_id = $load, j.started = datetime(), "
        "j.host = $host, j.pid = $pid",
        ds=dataset_id,
        load=load_id,
        host=socket.gethostname(),
        pid=os.getpid(),
    ).consume()
    return load_id


def close_journal(tx: neo4j.Transaction, dataset_id: str) -> None:
    """Delete the dataset's journal in the guard transaction, so it goes in the commit that completes the load."""
    tx.run("MATCH (j:OrgraphLoad {dataset_id: $ds}) DELETE j", ds=dataset_id).consume()


def drop_journal(session: neo4j.Session, dataset_id: str) -> None:
    session.run("MATCH (j:OrgraphLoad {dataset_id: $ds}) DELETE j", ds=dataset_id).consume()


def recover_interrupted_loads(driver: neo4j.Driver, database: str | None) -> list[str]:
    """Remove the nodes of every load that died before completing (its journal remains, its lock is free), and
    their journals; returns those dataset ids. Loads still running (their lock is held) are left alone."""
    records, _, _ = driver.execute_query(
        "MATCH (j:OrgraphLoad) RETURN j.dataset_id AS ds ORDER BY ds",
        routing_=neo4j.RoutingControl.READ,
        database_=database,
    )
    recovered = []
    for record in records:
        dataset_id = record["ds"]
        if not _loader_alive(driver, database, dataset_id) and _roll_back(driver, database, dataset_id):
            recovered.append(dataset_id)
    return recovered


def _loader_alive(driver: neo4j.Driver, database: str | None, dataset_id: str) -> bool:
    """True when another transaction holds the dataset's lock: PROBE_S passes without getting it."""
    metadata = {"app": "orgraph", "op": "recover-probe", "dataset": dataset_id}
    with driver.session(database=database) as session:
        tx = session.begin_transaction(metadata=metadata, timeout=PROBE_S)
        try:
            lock_dataset(tx, dataset_id)
            return False
        except neo.Neo4jError as exc:  # the server stopped our wait: e.g. LockClientStopped, TransactionTimedOut
            if any(word in (exc.code or "") for word in ("Lock", "TimedOut", "Terminated")):
                return True
            raise
        finally:
            with contextlib.suppress(Exception):
                tx.rollback()


def _roll_back(driver: neo4j.Driver, database: str | None, dataset_id: str) -> bool:
    """Under the dataset's lock (held until done, so no load of it starts meanwhile): delete the nodes of the
    interrupted load, unless a complete dataset owns them, then the journal. False if another process did it."""
    metadata = {"app": "orgraph", "op": "recover", "dataset": dataset_id}
    with driver.session(database=database) as guard_session, driver.session(database=database) as session:
        guard = guard_session.begin_transaction(metadata=metadata, timeout=LOAD_TIMEOUT_S)
        try:
            complete = lock_dataset(guard, dataset_id)
            found = session.run("MATCH (j:OrgraphLoad {dataset_id: $ds}) RETURN count(j) AS n", ds=dataset_id)
            if not found.single(strict=True)["n"]:
                return False
            if not complete:
                delete_nodes_in_batches(session, dataset_id)
            drop_journal(session, dataset_id)
            return True
        finally:
            with contextlib.suppress(Exception):
                guard.rollback()
