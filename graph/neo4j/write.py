"""Writing rows in one transaction: the diffing write (create the new, update the changed, delete the stale) that
replaces a dataset atomically, the batched sends it is made of, and deleting a dataset's nodes in batches."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import neo4j

from graph.errors import OrgraphError
from graph.neo4j.rows import RelKey, existing_rel_key, group_rels, node_props, rel_props
from graph.neo4j.vocab import CREATE_NODES, EXISTING_NODES, EXISTING_RELS, LABELS, create_rels_query, schema_query

__all__ = ["BATCH", "delete_dataset_in_batches", "delete_nodes_in_batches", "run_batches", "write_dataset"]

BATCH = 5000


def run_batches(
    tx: neo4j.Transaction,
    query: str,
    rows: list[Any],
    *,
    expect_all: bool = False,
    batch: int = BATCH,
    **params: Any,
) -> None:
    """Send `rows` in batches; with expect_all, every row must have produced one result (no missing endpoint)."""
    for start in range(0, len(rows), batch):
        chunk = rows[start : start + batch]
        result = tx.run(query, rows=chunk, **params)
        if expect_all:
            done = result.single(strict=True)["n"]
            if done != len(chunk):
                raise OrgraphError(f"{len(chunk) - done} row(s) refer to nodes that do not exist; nothing was loaded")
        else:
            result.consume()


def write_dataset(
    tx: neo4j.Transaction,
    dataset_id: str,
    nodes: Mapping[str, list[list[Any]]],
    rels: Mapping[RelKey, list[Any]],
) -> None:
    """Make the dataset's nodes and edges in `tx` equal the rows, touching only what differs."""
    ds = dataset_id
    stale_rels: list[str] = []
    rel_updates: list[dict[str, Any]] = []
    existing_rels: set[RelKey] = set()
    for start_label, query in EXISTING_RELS.items():
        for row in tx.run(query, ds=ds).single(strict=True)["rows"]:
            key = existing_rel_key(row, start_label)
            wanted = rels.get(key)
            if wanted is None or key in existing_rels:
                stale_rels.append(row[4])
                continue
            existing_rels.add(key)
            if row[5] != rel_props(wanted):
                rel_updates.append({"eid": row[4], "props": rel_props(wanted)})
    run_batches(tx, "UNWIND $rows AS eid MATCH ()-[r]->() WHERE elementId(r) = eid DELETE r", stale_rels)

    for label, rows in nodes.items():
        _write_nodes(tx, ds, label, rows)

    run_batches(tx, "UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.eid SET r = row.props", rel_updates)
    for (rel_type, start_label, end_label), rows in group_rels(rels, existing_rels).items():
        run_batches(tx, create_rels_query(ds, rel_type, start_label, end_label), rows, ds=ds, expect_all=True)


def _write_nodes(tx: neo4j.Transaction, ds: str, label: str, rows: list[list[Any]]) -> None:
    wanted_nodes = {row[0]: row for row in rows}
    stale, updates, seen = [], [], set()
    for node_id, eid, props in tx.run(EXISTING_NODES[label], ds=ds).single(strict=True)["rows"]:
        row = wanted_nodes.get(node_id)
        if row is None:
            stale.append(eid)
        else:
            seen.add(node_id)
            wanted = node_props(label, row, ds)
            if props != wanted:
                updates.append({"eid": eid, "props": wanted})
    run_batches(tx, "UNWIND $rows AS eid MATCH (n) WHERE elementId(n) = eid DETACH DELETE n", stale)
    run_batches(tx, "UNWIND $rows AS row MATCH (n) WHERE elementId(n) = row.eid SET n = row.props", updates)
    run_batches(tx, CREATE_NODES[label], [row for row in rows if row[0] not in seen], expect_all=True, ds=ds)


def delete_nodes_in_batches(session: neo4j.Session, dataset_id: str) -> None:
    """Delete a dataset's nodes and their edges in small committed transactions (its records stay)."""
    for label in LABELS:
        session.run(
            schema_query(
                "MATCH (n:{label} {dataset: $ds}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
                label=label,
            ),
            ds=dataset_id,
        ).consume()


def delete_dataset_in_batches(session: neo4j.Session, dataset_id: str) -> None:
    """Drop a dataset: its nodes and edges in small transactions, then its record and any load journal."""
    delete_nodes_in_batches(session, dataset_id)
    session.run(
        "OPTIONAL MATCH (d:OrgraphDataset {dataset_id: $ds}) OPTIONAL MATCH (j:OrgraphLoad {dataset_id: $ds}) "
        "DELETE d, j",
        ds=dataset_id,
    ).consume()
