"""Loading a Dataset into Neo4j, crash-safe (docs/neo4j-loading.md): under the dataset's lock, either one
transaction that applies the differences, or, for a large dataset new to the database, journaled committed
batches that become visible together when the lock's transaction commits the dataset's record.

Used by graph/neo4j/store.py; the vocabulary, rows and writers live in vocab.py, rows.py, write.py and batches.py.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import neo4j

from graph.model import Dataset
from graph.neo4j.batches import LOAD_TIMEOUT_S, write_new_in_batches
from graph.neo4j.journal import close_journal, drop_journal, lock_dataset, open_journal, set_titles
from graph.neo4j.rows import RelKey, node_rows, rel_rows
from graph.neo4j.write import delete_nodes_in_batches, write_dataset

__all__ = ["SINGLE_TX_ROWS", "load_dataset"]

SINGLE_TX_ROWS = 50_000  # nodes + edges; above this a dataset new to the database is loaded in batches


def load_dataset(
    driver: neo4j.Driver, database: str | None, dataset: Dataset, content_hash: str | None = None
) -> tuple[int, int]:
    """Load or replace `dataset`; returns (nodes, relationships). Nothing of it is visible until all of it is.

    The guard transaction takes the dataset's lock first and commits last, with the dataset's record. A replace
    (or any small dataset) is written inside it; a large new dataset is written beside it in journaled batches.
    """
    nodes = node_rows(dataset)
    # The edge rows are built in a thread while the node batches are on the wire (the server is busy then).
    pool = ThreadPoolExecutor(max_workers=1)
    rels_future = pool.submit(rel_rows, dataset)
    metadata = {"app": "orgraph", "op": "load", "dataset": dataset.id}
    try:
        with driver.session(database=database) as session:
            guard = session.begin_transaction(metadata=metadata, timeout=LOAD_TIMEOUT_S)
            try:
                complete = lock_dataset(guard, dataset.id)
                set_titles(guard, dataset, content_hash)
                rows = sum(len(v) for v in nodes.values()) + len(dataset.edges)
                if rows > SINGLE_TX_ROWS and not complete:
                    _write_journaled(driver, database, dataset.id, nodes, rels_future.result, metadata)
                else:
                    write_dataset(guard, dataset.id, nodes, rels_future.result())
                close_journal(guard, dataset.id)
                guard.commit()
            finally:
                if guard.closed() is False:
                    guard.rollback()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return sum(len(v) for v in nodes.values()), len(rels_future.result())


def _write_journaled(
    driver: neo4j.Driver,
    database: str | None,
    dataset_id: str,
    nodes: Mapping[str, list[list[Any]]],
    rels: Callable[[], Mapping[RelKey, list[Any]]],
    metadata: dict[str, str],
) -> None:
    """The batches of a new dataset, under its journal; on a failure here, delete them (best effort: if this
    process dies first, the journal tells the next one to)."""
    with driver.session(database=database) as session, driver.session(database=database) as committer:
        open_journal(session, dataset_id)  # committed before any batch
        try:
            delete_nodes_in_batches(
                session, dataset_id
            )  # an earlier interrupted load's: no record, and we hold the lock
            write_new_in_batches(session, dataset_id, nodes, rels, metadata, committer)
        except BaseException:
            with contextlib.suppress(Exception):
                delete_nodes_in_batches(session, dataset_id)
                drop_journal(session, dataset_id)
            raise
