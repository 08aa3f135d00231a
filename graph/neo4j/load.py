"""Loading a Dataset into Neo4j: schema, rows, and the two write paths (one diffing transaction, or committed
batches for a large dataset new to the database). Used by graph/neo4j/store.py; bench/bench_neo4j.py reuses the rows.

Labels and relationship types cannot be parameters; the query templates here are filled once, from the fixed schema
vocabulary (never from input), so every value still travels as a $parameter.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import neo4j
import neo4j.exceptions as neo

from graph.errors import OrgraphError
from graph.model import Basis, Dataset, RelType

__all__ = [
    "LABELS",
    "SCHEMA",
    "SINGLE_TX_ROWS",
    "delete_dataset_in_batches",
    "has_nodes",
    "node_props",
    "node_rows",
    "rel_props",
    "rel_rows",
    "schema_query",
    "write_dataset",
    "write_new_in_batches",
]

BATCH = 5000
SINGLE_TX_ROWS = 50_000  # nodes + edges; above this a dataset new to the database is loaded in batches
NEW_BATCH = 5_000  # rows per committed transaction; commits overlapped, 5,000 measured fastest (50,000: 11.2 s)
LOAD_TIMEOUT_S = 900.0
LABELS = ("Agency", "Jurisdiction", "Function")
SCHEMA_NAMES = frozenset(LABELS) | {t.value for t in RelType}


def schema_query(template: str, **names: str) -> str:
    """Fill label/type slots like `{label}` with schema names only (checked), never with input values."""
    for slot, name in names.items():
        if name not in SCHEMA_NAMES:
            raise ValueError(f"{name!r} is not a label or relationship type of the schema")
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

# Rows travel as positional lists in these key orders (no per-row key strings to encode and decode), and the
# properties are written inline in CREATE: `SET n = row` costs more, and for relationships adds an Eager.
NODE_KEYS: dict[str, tuple[str, ...]] = {
    "Agency": (
        "id",
        "snapshot",
        "jurisdiction",
        "name_zh",
        "name_en",
        "type",
        "category",
        "counts_toward_quota",
        "basis",
        "source",
        "note",
    ),
    "Jurisdiction": (
        "id",
        "name_zh",
        "name_en",
        "level",
        "size_class",
        "agency_quota",
        "border",
        "poverty",
        "basis",
        "source",
        "note",
    ),
    "Function": ("id", "name_zh", "name_en", "basis", "source"),
}
REL_KEYS = (
    "basis",
    "source",
    "note",
    "mode",
    "change",
    "function",
)  # a rel row is [start, end, *REL_KEYS]


def _inline(keys: tuple[str, ...], offset: int = 0) -> str:
    return ", ".join(f"{key}: row[{i + offset}]" for i, key in enumerate(keys))


_CREATE_NODES = {
    lb: schema_query("UNWIND $rows AS row CREATE (n:{label} {", label=lb)
    + _inline(NODE_KEYS[lb])
    + ", dataset: $ds}) RETURN count(*) AS n"
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
        "UNWIND $rows AS row MATCH (a:{start} {dataset: $ds, id: row[0]}) MATCH (b:{end} {dataset: $ds, id: row[1]}) "
        "CREATE (a)-[r:{type} {",
        start=k[1],
        end=k[2],
        type=k[0],
    )
    + _inline(REL_KEYS, offset=2)
    + "}]->(b) RETURN count(*) AS n"
    for k in _REL_ENDS
}


def _value(v: Any) -> Any:
    return getattr(v, "value", v)  # enums as their values


def node_rows(dataset: Dataset) -> dict[str, list[list[Any]]]:
    """Node rows per label, values in NODE_KEYS order (None: property absent)."""
    jurisdictions = [
        [
            j.id,
            j.name_zh,
            j.name_en,
            j.level.value,
            _value(j.size_class),
            j.agency_quota,
            j.border,
            _value(j.poverty),
            j.basis.value,
            j.source,
            j.note,
        ]
        for j in dataset.jurisdictions
    ]
    agencies = [
        [
            a.id,
            a.snapshot,
            a.jurisdiction,
            a.name_zh,
            a.name_en,
            a.type,
            a.category.value,
            a.counts_toward_quota,
            a.basis.value,
            a.source,
            a.note,
        ]
        for a in dataset.agencies
    ]
    functions = [[f.id, f.name_zh, f.name_en, f.basis.value, f.source] for f in dataset.functions]
    return {"Agency": agencies, "Jurisdiction": jurisdictions, "Function": functions}


def node_props(label: str, row: list[Any], dataset_id: str) -> dict[str, Any]:
    """The property map Neo4j holds for a node row."""
    props = {k: v for k, v in zip(NODE_KEYS[label], row) if v is not None}
    props["dataset"] = dataset_id
    return props


def rel_props(row: list[Any]) -> dict[str, Any]:
    """The property map Neo4j holds for an edge row."""
    return {k: v for k, v in zip(REL_KEYS, row[2:]) if v is not None}


def rel_rows(dataset: Dataset) -> dict[tuple, list[Any]]:
    """Edge rows [start, end, *REL_KEYS] keyed by (type, start label, start, end label, end, mode/change, function);
    the last of two equal keys wins. (Hot loop at 100k agencies: enum values are looked up once, not per edge.)"""
    rows: dict[tuple, list[Any]] = {}
    parents = {j.id: j.parent for j in dataset.jurisdictions}
    agency_in = {a.id: a.jurisdiction for a in dataset.agencies}
    type_names = {
        t: (
            t.value,
            {"IN": "Jurisdiction", "HAS_FUNCTION": "Function"}.get(t.value, "Agency"),
        )
        for t in RelType
    }
    basis_names = {b: b.value for b in Basis}
    for e in dataset.edges:
        type_name, end_label = type_names[e.type]
        start_label = "Agency"
        if type_name == "IN" and agency_in.get(e.start) != e.end and parents.get(e.start) == e.end:
            start_label = "Jurisdiction"  # a jurisdiction in its parent, not an agency in its jurisdiction
        change = None if e.change is None else _value(e.change)
        key = (
            type_name,
            start_label,
            e.start,
            end_label,
            e.end,
            e.mode or change or "",
            e.function or "",
        )
        rows[key] = [
            e.start,
            e.end,
            basis_names.get(e.basis, e.basis),
            e.source,
            e.note,
            e.mode,
            change,
            e.function,
        ]
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
        schema_query("MATCH (n:{label} {dataset: $ds}) RETURN 1 AS x LIMIT 1", label=lb) for lb in LABELS
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
    nodes: Mapping[str, list[list[Any]]],
    rels: Callable[[], Mapping[tuple, list[Any]]],
    metadata: dict[str, str],
    committer: neo4j.Session | None = None,
) -> None:
    """Create a dataset absent from the database, one committed transaction per batch; undo it all on failure.

    With a second session (`committer`), a batch commits in a thread while the next one runs on the other session:
    the server spends about as long committing a batch as running it, and has two cores. Edges start only after
    every node batch has committed (their MATCH must see the nodes). Should the two ever deadlock (Neo4j reports a
    transient error), the batch that lost is run again on its own.
    """
    ds = dataset.id
    sessions = [session] if committer is None else [session, committer]
    pool = ThreadPoolExecutor(max_workers=1)
    pending: list[tuple[Future[None], str, list[Any], dict[str, Any]]] = []
    lost: list[tuple[str, list[Any], dict[str, Any]]] = []
    turn = 0

    def run_batch(on: neo4j.Session, query: str, chunk: list[Any], params: dict[str, Any]) -> neo4j.Transaction:
        tx = on.begin_transaction(metadata=metadata, timeout=LOAD_TIMEOUT_S)
        try:
            _batched(tx, query, chunk, expect_all=True, batch=NEW_BATCH, **params)
        except BaseException:
            with contextlib.suppress(Exception):
                tx.rollback()
            raise
        return tx

    def settle() -> None:
        while pending:
            future, query, chunk, params = pending.pop()
            try:
                future.result()
            except neo.TransientError:  # e.g. a deadlock with the batch that ran meanwhile: again, alone, later
                lost.append((query, chunk, params))

    def finish_phase() -> None:
        settle()
        while lost:
            _commit_or_roll_back(run_batch(session, *lost.pop()))

    def in_tx(query: str, rows: list[Any], **params: Any) -> None:
        nonlocal turn
        for start in range(0, len(rows), NEW_BATCH):
            chunk = rows[start : start + NEW_BATCH]
            on = sessions[turn % len(sessions)]
            turn += 1
            if len(sessions) == 1:
                _commit_or_roll_back(run_batch(on, query, chunk, params))
                continue
            try:
                tx = run_batch(on, query, chunk, params)
            except neo.TransientError:
                settle()
                tx = run_batch(on, query, chunk, params)
            settle()  # the previous batch: at most one commits while one runs
            pending.append((pool.submit(_commit_or_roll_back, tx), query, chunk, params))

    try:
        try:
            for label, rows in nodes.items():
                in_tx(_CREATE_NODES[label], rows, ds=ds)
            finish_phase()
            for (rel_type, start_label, end_label), rows in _group_rels(rels(), set()).items():
                in_tx(_create_rels_query(ds, rel_type, start_label, end_label), rows, ds=ds)
            finish_phase()
        finally:
            with contextlib.suppress(Exception):  # a failure already on its way out wins; this one would follow
                settle()
            pool.shutdown(wait=True)
        tx = session.begin_transaction(metadata=metadata)
        _lock_meta(tx, dataset)
        tx.commit()
    except BaseException:
        with contextlib.suppress(Exception):  # best effort; the next load of this id repairs what is left
            delete_dataset_in_batches(session, ds)
        raise


def _commit_or_roll_back(tx: neo4j.Transaction) -> None:
    try:
        tx.commit()
    finally:
        if tx.closed() is False:
            tx.rollback()


def delete_dataset_in_batches(session: neo4j.Session, dataset_id: str) -> None:
    """Delete a dataset's nodes (and edges) in small transactions, then its meta node."""
    for label in LABELS:
        session.run(
            schema_query(
                "MATCH (n:{label} {dataset: $ds}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
                label=label,
            ),
            ds=dataset_id,
        ).consume()
    session.run("MATCH (d:OrgraphDataset {dataset_id: $ds}) DELETE d", ds=dataset_id).consume()


def _group_rels(rels: Mapping[tuple, list[Any]], existing: set[tuple]) -> dict[tuple, list[list[Any]]]:
    groups: dict[tuple, list[list[Any]]] = {}
    for key, row in rels.items():
        if key not in existing:
            groups.setdefault((key[0], key[1], key[3]), []).append(row)
    return groups


def _create_rels_query(ds: str, rel_type: str, start_label: str, end_label: str) -> str:
    query = _CREATE_RELS.get((rel_type, start_label, end_label))
    if query is None:
        raise OrgraphError(f"dataset {ds!r}: no {rel_type} edge can join {start_label} to {end_label}")
    return query


def write_dataset(
    tx: neo4j.Transaction,
    dataset: Dataset,
    nodes: Mapping[str, list[list[Any]]],
    rels: Mapping[tuple, list[Any]],
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
            if row[5] != rel_props(wanted):
                rel_updates.append({"eid": row[4], "props": rel_props(wanted)})
    _batched(
        tx,
        "UNWIND $rows AS eid MATCH ()-[r]->() WHERE elementId(r) = eid DELETE r",
        stale_rels,
    )

    for label, rows in nodes.items():
        wanted_nodes = {row[0]: row for row in rows}
        stale, updates, seen = [], [], set()
        for node_id, eid, props in tx.run(_EXISTING_NODES[label], ds=ds).single(strict=True)["rows"]:
            row = wanted_nodes.get(node_id)
            if row is None:
                stale.append(eid)
            else:
                seen.add(node_id)
                wanted = node_props(label, row, ds)
                if props != wanted:
                    updates.append({"eid": eid, "props": wanted})
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
            [row for row in rows if row[0] not in seen],
            expect_all=True,
            ds=ds,
        )

    _batched(
        tx,
        "UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.eid SET r = row.props",
        rel_updates,
    )
    for (rel_type, start_label, end_label), rows in _group_rels(rels, existing_rels).items():
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
                raise OrgraphError(f"{len(chunk) - done} row(s) refer to nodes that do not exist; nothing was loaded")
        else:
            result.consume()
