"""The threaded batch writer: a dataset new to the database written as many committed transactions, for a dataset
too large for one. It writes nodes and edges only; the journal and the dataset record around it (which make the
batches invisible to readers until complete, and removable after a crash) are graph/neo4j/journal.py's."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import neo4j
import neo4j.exceptions as neo

from graph.neo4j.rows import RelKey, group_rels
from graph.neo4j.vocab import CREATE_NODES, create_rels_query
from graph.neo4j.write import run_batches

__all__ = ["LOAD_TIMEOUT_S", "NEW_BATCH", "write_new_in_batches"]

NEW_BATCH = 5_000  # rows per committed transaction; commits overlapped, 5,000 measured fastest (50,000: 11.2 s)
LOAD_TIMEOUT_S = 900.0

Pending = tuple[Future[None], str, list[Any], dict[str, Any]]


def write_new_in_batches(
    session: neo4j.Session,
    dataset_id: str,
    nodes: Mapping[str, list[list[Any]]],
    rels: Callable[[], Mapping[RelKey, list[Any]]],
    metadata: dict[str, str],
    committer: neo4j.Session | None = None,
) -> None:
    """Create the nodes, then the edges, of a dataset absent from the database, one committed transaction per batch.

    With a second session (`committer`), a batch commits in a thread while the next one runs on the other session:
    the server spends about as long committing a batch as running it, and has two cores. Edges start only after
    every node batch has committed (their MATCH must see the nodes). Should the two ever deadlock (Neo4j reports a
    transient error), the batch that lost is run again on its own.
    """
    writer = _BatchWriter(session, committer, metadata)
    try:
        for label, rows in nodes.items():
            writer.write(CREATE_NODES[label], rows, ds=dataset_id)
        writer.finish_phase()
        for (rel_type, start_label, end_label), rows in group_rels(rels(), set()).items():
            writer.write(create_rels_query(dataset_id, rel_type, start_label, end_label), rows, ds=dataset_id)
        writer.finish_phase()
    finally:
        writer.close()


class _BatchWriter:
    """Runs batches alternately on one or two sessions; at most one batch commits while the next one runs."""

    def __init__(self, session: neo4j.Session, committer: neo4j.Session | None, metadata: dict[str, str]) -> None:
        self.session = session
        self.sessions = [session] if committer is None else [session, committer]
        self.metadata = metadata
        self.pool = ThreadPoolExecutor(max_workers=1)
        self.pending: list[Pending] = []
        self.lost: list[tuple[str, list[Any], dict[str, Any]]] = []
        self.turn = 0

    def run_batch(self, on: neo4j.Session, query: str, chunk: list[Any], params: dict[str, Any]) -> neo4j.Transaction:
        tx = on.begin_transaction(metadata=self.metadata, timeout=LOAD_TIMEOUT_S)
        try:
            run_batches(tx, query, chunk, expect_all=True, batch=NEW_BATCH, **params)
        except BaseException:
            with contextlib.suppress(Exception):
                tx.rollback()
            raise
        return tx

    def settle(self) -> None:
        while self.pending:
            future, query, chunk, params = self.pending.pop()
            try:
                future.result()
            except neo.TransientError:  # e.g. a deadlock with the batch that ran meanwhile: again, alone, later
                self.lost.append((query, chunk, params))

    def finish_phase(self) -> None:
        self.settle()
        while self.lost:
            commit_or_roll_back(self.run_batch(self.session, *self.lost.pop()))

    def write(self, query: str, rows: list[Any], **params: Any) -> None:
        for start in range(0, len(rows), NEW_BATCH):
            chunk = rows[start : start + NEW_BATCH]
            on = self.sessions[self.turn % len(self.sessions)]
            self.turn += 1
            if len(self.sessions) == 1:
                commit_or_roll_back(self.run_batch(on, query, chunk, params))
                continue
            try:
                tx = self.run_batch(on, query, chunk, params)
            except neo.TransientError:
                self.settle()
                tx = self.run_batch(on, query, chunk, params)
            self.settle()  # the previous batch: at most one commits while one runs
            self.pending.append((self.pool.submit(commit_or_roll_back, tx), query, chunk, params))

    def close(self) -> None:
        with contextlib.suppress(Exception):  # a failure already on its way out wins; this one would follow
            self.settle()
        self.pool.shutdown(wait=True)


def commit_or_roll_back(tx: neo4j.Transaction) -> None:
    """Commit; should the commit fail, make sure the transaction does not stay open."""
    try:
        tx.commit()
    finally:
        if tx.closed() is False:
            tx.rollback()
