"""Loading a Dataset into Neo4j: schema, rows, and the two write paths (one diffing transaction, or committed
batches for a large dataset new to the database). Used by graph/neo4j_store.py; bench/bench_neo4j.py reuses the rows.

Labels and relationship types cannot be parameters; the query templates here are filled once, from the fixed schema
vocabulary (never from input), so every value still travels as a $parameter.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Any

import neo4j

from graph.errors import OrgraphError
from graph.model import Dataset, RelType

__all__ = [
    "LABELS",
    "SCHEMA",
    "SINGLE_TX_ROWS",
    "delete_dataset_in_batches",
    "has_nodes",
    "node_rows",
    "rel_rows",
    "schema_query",
    "write_dataset",
    "write_new_in_batches",
]

BATCH = 5000
SINGLE_TX_ROWS = 50_000  # nodes + edges; above this a dataset new to the database is loaded in batches
NEW_BATCH = 10_000
LOAD_TIMEOUT_S = 900.0
LABELS = ("Agency", "Jurisdiction", "Function")
SCHEMA_NAMES = frozenset(LABELS) | {t.value for t in RelType}


def schema_query(template: str, **names: str) -> str:
    """Fill label/type slots like `{label}` with schema names only (checked), never with input values."""
    for slot, name in names.items():
        if name not in SCHEMA_NAMES:
            raise ValueError(
                f"{name!r} is not a label or relationship type of the schema"
            )
        template = template.replace("{" + slot + "}", name)
    return template


SCHEMA = [
    "CREATE CONSTRAINT orgraph_agency_key IF NOT EXISTS FOR (n:Agency) REQUIRE (n.dataset, n.id) IS UNIQUE",
    "CREATE CONSTRAINT orgraph_jurisdiction_key IF NOT EXISTS FOR (n:Jurisdiction) REQUIRE (n.dataset, n.id) IS UNIQUE",
    "CREATE CONSTRAINT orgraph_function_key IF NOT EXISTS FOR (n:Function) REQUIRE (n.dataset, n.id) IS UNIQUE",
    "CREATE CONSTRAINT orgraph_dataset_key IF NOT EXISTS FOR (n:OrgraphDataset) REQUIRE n.dataset_id IS UNIQUE",
    "CREATE INDEX orgraph_agency_snapshot IF NOT EXISTS FOR (n:Agency) ON (n.dataset, n.snapshot)",
    "CREATE INDEX orgraph_agency_id IF NOT EXISTS FOR (n:Agency) ON (n.id)",
    "CREATE INDEX orgraph_jurisdiction_id IF NOT EXISTS FOR (n:Jurisdiction) ON (n.id)",
]

_CREATE_NODES = {
    lb: schema_query(
        "UNWIND $rows AS row CREATE (n:{label}) SET n = row RETURN count(*) AS n",
        label=lb,
    )
    for lb in LABELS
}
# Existing rows come back as one list per query (one record), which the driver decodes far faster than records.
_EXISTING_NODES = {
    lb: schema_query(
        "MATCH (n:{label} {dataset: $ds}) RETURN collect([n.id, elementId(n), properties(n)]) AS rows",
        label=lb,
    )
    for lb in LABELS
}
_EXISTING_RELS = {
    lb: schema_query(
        "MATCH (a:{label} {dataset: $ds})-[r]->(b) WHERE b.dataset = $ds "
        "RETURN collect([type(r), a.id, labels(b), b.id, elementId(r), properties(r)]) AS rows",
        label=lb,
    )
    for lb in ("Agency", "Jurisdiction")
}
_REL_ENDS = {  # (type, start label, end label) for every edge the schema allows
    (t.value, s, e)
    for t, s, e in [
        (RelType.IN, "Agency", "Jurisdiction"),
        (RelType.IN, "Jurisdiction", "Jurisdiction"),
        (RelType.REPORTS_TO, "Agency", "Agency"),
        (RelType.HOSTED_BY, "Agency", "Agency"),
        (RelType.HAS_FUNCTION, "Agency", "Function"),
        (RelType.BECAME, "Agency", "Agency"),
    ]
}
_CREATE_RELS = {
    k: schema_query(
        "UNWIND $rows AS row MATCH (a:{start} {dataset: $ds, id: row.start}) "
        "MATCH (b:{end} {dataset: $ds, id: row.end}) "
        "CREATE (a)-[r:{type}]->(b) SET r = row.props RETURN count(*) AS n",
        start=k[1],
        end=k[2],
        type=k[0],
    )
    for k in _REL_ENDS
}


def _props(values: Mapping[str, Any]) -> dict[str, Any]:
    """Neo4j property map: enums as their values, None left out (Neo4j has no null properties)."""
    return {k: getattr(v, "value", v) for k, v in values.items() if v is not None}


def node_rows(dataset: Dataset) -> dict[str, list[dict[str, Any]]]:
    ds = dataset.id
    jurisdictions = [
        _props(
            {
                "id": j.id,
                "name_zh": j.name_zh,
                "name_en": j.name_en,
                "level": j.level,
                "size_class": j.size_class,
                "agency_quota": j.agency_quota,
                "border": j.border,
                "poverty": j.poverty,
                "basis": j.basis,
                "source": j.source,
                "note": j.note,
                "dataset": ds,
            }
        )
        for j in dataset.jurisdictions
    ]
    agencies = [
        _props(
            {
                "id": a.id,
                "snapshot": a.snapshot,
                "jurisdiction": a.jurisdiction,
                "name_zh": a.name_zh,
                "name_en": a.name_en,
                "type": a.type,
                "category": a.category,
                "counts_toward_quota": a.counts_toward_quota,
                "basis": a.basis,
                "source": a.source,
                "note": a.note,
                "dataset": ds,
            }
        )
        for a in dataset.agencies
    ]
    functions = [
        _props(
            {
                "id": f.id,
                "name_zh": f.name_zh,
                "name_en": f.name_en,
                "basis": f.basis,
                "source": f.source,
                "dataset": ds,
            }
        )
        for f in dataset.functions
    ]
    return {"Agency": agencies, "Jurisdiction": jurisdictions, "Function": functions}


def rel_rows(dataset: Dataset) -> dict[tuple, dict[str, Any]]:
    """Edges keyed by (type, start label, start, end label, end, mode/change, function); the last one wins."""
    rows: dict[tuple, dict[str, Any]] = {}
    parents = {j.id: j.parent for j in dataset.jurisdictions}
    for e in dataset.edges:
        start_label = "Agency"
        if (
            e.type is RelType.IN
        ):  # an agency in its jurisdiction, or a jurisdiction in its parent
            member = dataset.agency(e.start)
            if (member is None or member.jurisdiction != e.end) and parents.get(
                e.start
            ) == e.end:
                start_label = "Jurisdiction"
        end_label = {RelType.IN: "Jurisdiction", RelType.HAS_FUNCTION: "Function"}.get(
            e.type, "Agency"
        )
        key = (e.type.value, start_label, e.start, end_label, e.end) + e.key[3:]
        rows[key] = {
            "start": e.start,
            "end": e.end,
            "props": _props(
                {
                    "basis": e.basis,
                    "source": e.source,
                    "mode": e.mode,
                    "change": e.change,
                    "function": e.function,
                    "note": e.note,
                }
            ),
        }
    return rows


def _existing_rel_key(row: list[Any], start_label: str) -> tuple:
    rel_type, start, end_labels, end, _, props = row
    end_label = next((lb for lb in LABELS if lb in end_labels), "?")
    return (
        rel_type,
        start_label,
        start,
        end_label,
        end,
        props.get("mode") or props.get("change") or "",
        props.get("function") or "",
    )


def has_nodes(session: neo4j.Session, dataset_id: str) -> bool:
    query = " UNION ".join(
        schema_query("MATCH (n:{label} {dataset: $ds}) RETURN 1 AS x LIMIT 1", label=lb)
        for lb in LABELS
    )
    return session.run(query, ds=dataset_id).peek() is not None


def _lock_meta(tx: neo4j.Transaction, dataset: Dataset) -> None:
    """Write the dataset's meta node (taking its lock): concurrent loads of one dataset run one after the other."""
    tx.run(
        "MERGE (d:OrgraphDataset {dataset_id: $ds}) SET d.title_zh = $zh, d.title_en = $en",
        ds=dataset.id,
        zh=dataset.title_zh,
        en=dataset.title_en,
    ).consume()


def write_new_in_batches(
    session: neo4j.Session,
    dataset: Dataset,
    nodes: Mapping[str, list[dict[str, Any]]],
    rels: Mapping[tuple, dict[str, Any]],
    metadata: dict[str, str],
) -> None:
    """Create a dataset absent from the database, one committed transaction per batch; undo it all on failure."""
    ds = dataset.id

    def in_tx(query: str, rows: list[Any], **params: Any) -> None:
        for start in range(0, len(rows), NEW_BATCH):
            tx = session.begin_transaction(metadata=metadata, timeout=LOAD_TIMEOUT_S)
            try:
                _batched(
                    tx,
                    query,
                    rows[start : start + NEW_BATCH],
                    expect_all=True,
                    batch=NEW_BATCH,
                    **params,
                )
                tx.commit()
            finally:
                if tx.closed() is False:
                    tx.rollback()

    try:
        for label, rows in nodes.items():
            in_tx(_CREATE_NODES[label], rows)
        for (rel_type, start_label, end_label), rows in _group_rels(
            rels, set()
        ).items():
            in_tx(_create_rels_query(ds, rel_type, start_label, end_label), rows, ds=ds)
        tx = session.begin_transaction(metadata=metadata)
        _lock_meta(tx, dataset)
        tx.commit()
    except BaseException:
        with contextlib.suppress(
            Exception
        ):  # best effort; the next load of this id repairs what is left
            delete_dataset_in_batches(session, ds)
        raise


def delete_dataset_in_batches(session: neo4j.Session, dataset_id: str) -> None:
    """Delete a dataset's nodes (and edges) in small transactions, then its meta node."""
    for label in LABELS:
        session.run(
            schema_query(
                "MATCH (n:{label} {dataset: $ds}) CALL (n) { DETACH DELETE n } "
                "IN TRANSACTIONS OF 10000 ROWS",
                label=label,
            ),
            ds=dataset_id,
        ).consume()
    session.run(
        "MATCH (d:OrgraphDataset {dataset_id: $ds}) DELETE d", ds=dataset_id
    ).consume()


def _group_rels(
    rels: Mapping[tuple, dict[str, Any]], existing: set[tuple]
) -> dict[tuple, list[dict[str, Any]]]:
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for key, row in rels.items():
        if key not in existing:
            groups.setdefault((key[0], key[1], key[3]), []).append(row)
    return groups


def _create_rels_query(ds: str, rel_type: str, start_label: str, end_label: str) -> str:
    query = _CREATE_RELS.get((rel_type, start_label, end_label))
    if query is None:
        raise OrgraphError(
            f"dataset {ds!r}: no {rel_type} edge can join {start_label} to {end_label}"
        )
    return query


def write_dataset(
    tx: neo4j.Transaction,
    dataset: Dataset,
    nodes: Mapping[str, list[dict[str, Any]]],
    rels: Mapping[tuple, dict[str, Any]],
) -> None:
    ds = dataset.id
    _lock_meta(tx, dataset)

    stale_rels: list[str] = []
    rel_updates: list[dict[str, Any]] = []
    existing_rels: set[tuple] = set()
    for start_label, query in _EXISTING_RELS.items():
        for row in tx.run(query, ds=ds).single(strict=True)["rows"]:
            key = _existing_rel_key(row, start_label)
            wanted = rels.get(key)
            if wanted is None or key in existing_rels:
                stale_rels.append(row[4])
                continue
            existing_rels.add(key)
            if row[5] != wanted["props"]:
                rel_updates.append({"eid": row[4], "props": wanted["props"]})
    _batched(
        tx,
        "UNWIND $rows AS eid MATCH ()-[r]->() WHERE elementId(r) = eid DELETE r",
        stale_rels,
    )

    for label, rows in nodes.items():
        wanted_nodes = {row["id"]: row for row in rows}
        stale, updates, seen = [], [], set()
        for node_id, eid, props in tx.run(_EXISTING_NODES[label], ds=ds).single(
            strict=True
        )["rows"]:
            row = wanted_nodes.get(node_id)
            if row is None:
                stale.append(eid)
            else:
                seen.add(node_id)
                if props != row:
                    updates.append({"eid": eid, "props": row})
        _batched(
            tx,
            "UNWIND $rows AS eid MATCH (n) WHERE elementId(n) = eid DETACH DELETE n",
            stale,
        )
        _batched(
            tx,
            "UNWIND $rows AS row MATCH (n) WHERE elementId(n) = row.eid SET n = row.props",
            updates,
        )
        _batched(
            tx,
            _CREATE_NODES[label],
            [row for row in rows if row["id"] not in seen],
            expect_all=True,
        )

    _batched(
        tx,
        "UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.eid SET r = row.props",
        rel_updates,
    )
    for (rel_type, start_label, end_label), rows in _group_rels(
        rels, existing_rels
    ).items():
        _batched(
            tx,
            _create_rels_query(ds, rel_type, start_label, end_label),
            rows,
            ds=ds,
            expect_all=True,
        )


def _batched(
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
                raise OrgraphError(
                    f"{len(chunk) - done} row(s) refer to nodes that do not exist; nothing was loaded"
                )
        else:
            result.consume()
