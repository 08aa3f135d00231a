"""The Neo4j backend: a GraphStore over a real Neo4j server, reached through one shared driver.

Loading is one write transaction per dataset that diffs the dataset against what the server holds (create the new,
update the changed, delete the stale), so a reload changes nothing, a failed load changes nothing, and datasets that
share the database never touch each other. Ad-hoc Cypher is checked with EXPLAIN and refused unless read-only.
"""

from __future__ import annotations

import re
import time
import weakref
from typing import Any, Mapping

import neo4j
from neo4j import exceptions as neo

from graph.errors import BackendUnavailable, NotFound, OrgraphError
from graph.model import Agency, Basis, Category, Change, Dataset, Edge, RelType, ReportMode
from graph.neo4j_cypher import run_read_only
from graph.store import DEFAULT_ROW_CAP, DEFAULT_TIMEOUT_S, ChainStep, LoadReport, QueryResult

__all__ = ["Neo4jStore", "connect_driver"]

BATCH = 5000
LOAD_TIMEOUT_S = 900.0
LABELS = ("Agency", "Jurisdiction", "Function")
META_LABEL = "OrgraphDataset"  # one per loaded dataset; carries no `dataset` property, so data queries never see it
MODE_PRIORITY = {m.value: i for i, m in enumerate(ReportMode)}
STRUCTURAL = ["REPORTS_TO", "HOSTED_BY", "HAS_FUNCTION", "BECAME"]

SCHEMA = [
    "CREATE CONSTRAINT orgraph_agency_key IF NOT EXISTS FOR (n:Agency) REQUIRE (n.dataset, n.id) IS UNIQUE",
    "CREATE CONSTRAINT orgraph_jurisdiction_key IF NOT EXISTS FOR (n:Jurisdiction) REQUIRE (n.dataset, n.id) IS UNIQUE",
    "CREATE CONSTRAINT orgraph_function_key IF NOT EXISTS FOR (n:Function) REQUIRE (n.dataset, n.id) IS UNIQUE",
    "CREATE CONSTRAINT orgraph_dataset_key IF NOT EXISTS FOR (n:OrgraphDataset) REQUIRE n.dataset_id IS UNIQUE",
    "CREATE INDEX orgraph_agency_snapshot IF NOT EXISTS FOR (n:Agency) ON (n.dataset, n.snapshot)",
    "CREATE INDEX orgraph_agency_id IF NOT EXISTS FOR (n:Agency) ON (n.id)",
    "CREATE INDEX orgraph_jurisdiction_id IF NOT EXISTS FOR (n:Jurisdiction) ON (n.id)",
]

# Labels and relationship types cannot be parameters; these templates are filled once, from the fixed schema
# vocabulary above (never from input), so every value still travels as a $parameter.
_CREATE_NODES = {lb: "UNWIND $rows AS row CREATE (n:%s) SET n = row RETURN count(*) AS n" % lb for lb in LABELS}
# Existing rows come back as one list per query (one record), which the driver decodes far faster than records.
_EXISTING_NODES = {
    lb: "MATCH (n:%s {dataset: $ds}) RETURN collect([n.id, elementId(n), properties(n)]) AS rows" % lb
    for lb in LABELS
}
_EXISTING_RELS = {
    lb: "MATCH (a:%s {dataset: $ds})-[r]->(b) WHERE b.dataset = $ds "
    "RETURN collect([type(r), a.id, labels(b), b.id, elementId(r), properties(r)]) AS rows" % lb
    for lb in ("Agency", "Jurisdiction")
}
_REL_ENDS = {  # (type, start label, end label) for every edge the schema allows
    (t.value, s, e)
    for t, s, e in [(RelType.IN, "Agency", "Jurisdiction"), (RelType.IN, "Jurisdiction", "Jurisdiction"),
                    (RelType.REPORTS_TO, "Agency", "Agency"), (RelType.HOSTED_BY, "Agency", "Agency"),
                    (RelType.HAS_FUNCTION, "Agency", "Function"), (RelType.BECAME, "Agency", "Agency")]
}
_CREATE_RELS = {
    k: "UNWIND $rows AS row MATCH (a:%s {dataset: $ds, id: row.start}) MATCH (b:%s {dataset: $ds, id: row.end}) "
    "CREATE (a)-[r:%s]->(b) SET r = row.props RETURN count(*) AS n" % (k[1], k[2], k[0])
    for k in _REL_ENDS
}

_SCHEMA_DONE: "weakref.WeakKeyDictionary[neo4j.Driver, set[str | None]]" = weakref.WeakKeyDictionary()
_URIS: "weakref.WeakKeyDictionary[neo4j.Driver, str]" = weakref.WeakKeyDictionary()


def connect_driver(uri: str, user: str, password: str) -> neo4j.Driver:
    """A verified driver; BackendUnavailable (naming the URI, never the password) when the server cannot be used."""
    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=(user, password), connection_timeout=5.0,
                                            connection_acquisition_timeout=10.0)
    except (neo.ConfigurationError, ValueError) as exc:
        raise BackendUnavailable(uri, f"invalid URI or settings ({exc})") from None
    try:
        driver.verify_connectivity()
    except neo.AuthError:
        driver.close()
        raise BackendUnavailable(uri, f"authentication failed for user {user!r}") from None
    except (neo.Neo4jError, neo.DriverError, OSError) as exc:
        driver.close()
        raise BackendUnavailable(uri, _scrub(str(exc), password) or type(exc).__name__) from None
    _URIS[driver] = uri
    return driver


def _scrub(text: str, secret: str) -> str:
    return text.replace(secret, "***") if secret else text


class Neo4jStore:
    """GraphStore on Neo4j. The driver is shared and owned by the caller; close() leaves it open."""

    backend = "neo4j"

    def __init__(self, driver: neo4j.Driver, *, database: str | None = None) -> None:
        self._driver = driver
        self._database = database or None
        self._uri = _URIS.get(driver, "the configured Neo4j server")
        self.dataset_id: str | None = None

    # ---- loading --------------------------------------------------------------------------------------
    def load(self, dataset: Dataset) -> LoadReport:
        """Replace `dataset` in one transaction: a failure or interruption rolls everything back."""
        started = time.perf_counter()
        nodes = _node_rows(dataset)
        rels = _rel_rows(dataset)
        self._ensure_schema()
        try:
            with self._driver.session(database=self._database) as session:
                tx = session.begin_transaction(metadata={"app": "orgraph", "op": "load", "dataset": dataset.id},
                                               timeout=LOAD_TIMEOUT_S)
                try:
                    _write_dataset(tx, dataset, nodes, rels)
                    tx.commit()
                finally:
                    if tx.closed() is False:
                        tx.rollback()
        except neo.ConstraintError as exc:
            raise OrgraphError(f"dataset {dataset.id!r} breaks a Neo4j constraint ({exc.message}); "
                               "nothing was loaded, the previous graph is unchanged") from None
        except (neo.ServiceUnavailable, neo.SessionExpired) as exc:
            raise BackendUnavailable(self._uri, f"connection lost while loading ({exc})") from None
        except neo.Neo4jError as exc:
            raise OrgraphError(f"loading dataset {dataset.id!r} into Neo4j failed ({exc.code}: {exc.message}); "
                               "the previous graph is unchanged") from None
        self.dataset_id = dataset.id
        return LoadReport(dataset.id, self.backend, sum(len(v) for v in nodes.values()), len(rels),
                          time.perf_counter() - started)

    def _ensure_schema(self) -> None:
        """Constraints and indexes, once per driver and database (they must exist before the first MERGE/seek)."""
        done = _SCHEMA_DONE.setdefault(self._driver, set())
        if self._database in done:
            return
        for statement in SCHEMA:
            try:
                self._driver.execute_query(statement, database_=self._database)
            except neo.ClientError as exc:  # another process created it at the same moment
                if "AlreadyExists" not in (exc.code or ""):
                    raise
        done.add(self._database)

    def datasets(self) -> list[str]:
        records = self._read("MATCH (d:OrgraphDataset) RETURN d.dataset_id AS id ORDER BY id")
        return [r["id"] for r in records]

    # ---- reads ----------------------------------------------------------------------------------------
    def agencies(self, snapshot: str, *, jurisdiction: str | None = None) -> list[Agency]:
        records = self._read(
            "MATCH (a:Agency {dataset: $ds, snapshot: $snapshot}) "
            "WHERE $jurisdiction IS NULL OR a.jurisdiction = $jurisdiction RETURN properties(a) AS a",
            snapshot=snapshot, jurisdiction=jurisdiction)
        return sorted((_agency(r["a"]) for r in records), key=lambda a: a.id)

    def agency(self, agency_id: str) -> Agency:
        records = self._read("MATCH (a:Agency {dataset: $ds, id: $id}) RETURN properties(a) AS a", id=agency_id)
        if not records:
            raise NotFound(f"no agency {agency_id!r} in dataset {self.dataset_id!r}")
        return _agency(records[0]["a"])

    def edges(self, snapshot: str, *, jurisdiction: str | None = None) -> list[Edge]:
        records = self._read(
            "MATCH (a:Agency {dataset: $ds, snapshot: $snapshot})-[r]->(b) "
            "WHERE type(r) IN $types AND b.dataset = $ds AND ($jurisdiction IS NULL OR a.jurisdiction = $jurisdiction) "
            "RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props",
            snapshot=snapshot, jurisdiction=jurisdiction, types=STRUCTURAL)
        return sorted((_edge(r) for r in records), key=lambda e: e.key)

    def reporting_chain(self, agency_id: str) -> list[ChainStep]:
        self.agency(agency_id)
        steps: list[ChainStep] = []
        seen = {agency_id}
        current = agency_id
        while True:
            ups = self._read(
                "MATCH (a:Agency {dataset: $ds, id: $id})-[r:REPORTS_TO]->(b:Agency {dataset: $ds}) "
                "RETURN r.mode AS mode, properties(b) AS b", id=current)
            if not ups:
                return steps
            best = min(ups, key=lambda r: (MODE_PRIORITY.get(r["mode"], len(MODE_PRIORITY)), r["b"]["id"]))
            above = _agency(best["b"])
            if above.id in seen:  # a cycle in the data: stop rather than loop
                return steps
            steps.append(ChainStep(above, len(steps) + 1, best["mode"], current))
            seen.add(above.id)
            current = above.id

    def subordinates(self, agency_id: str, *, depth: int = 1) -> list[ChainStep]:
        self.agency(agency_id)
        found: dict[str, ChainStep] = {}
        frontier = [agency_id]
        for level in range(1, depth + 1):
            if not frontier:
                break
            records = self._read(
                "MATCH (c:Agency {dataset: $ds})-[r:REPORTS_TO]->(p:Agency {dataset: $ds}) WHERE p.id IN $ids "
                "RETURN properties(c) AS c, r.mode AS mode, p.id AS via", ids=frontier)
            best: dict[str, Mapping[str, Any]] = {}
            for rec in sorted(records, key=lambda r: (MODE_PRIORITY.get(r["mode"], 99), r["via"])):
                child = rec["c"]["id"]
                if child != agency_id and child not in found and child not in best:
                    best[child] = rec
            for child, rec in best.items():
                found[child] = ChainStep(_agency(rec["c"]), level, rec["mode"], rec["via"])
            frontier = sorted(best)
        return sorted(found.values(), key=lambda s: (s.depth, s.agency.id))

    def lineage(self, agency_id: str) -> list[Edge]:
        self.agency(agency_id)
        records = self._read(
            "MATCH (a:Agency {dataset: $ds, id: $id}) "
            "CALL (a) { MATCH (a)-[:BECAME*0..]->(x)-[r:BECAME]->(y) RETURN x, r, y "
            "  UNION MATCH (x)-[r:BECAME]->(y)-[:BECAME*0..]->(a) RETURN x, r, y } "
            "RETURN DISTINCT 'BECAME' AS type, x.id AS start, y.id AS end, properties(r) AS props",
            id=agency_id)
        return sorted((_edge(r) for r in records), key=lambda e: e.key)

    # ---- ad-hoc Cypher --------------------------------------------------------------------------------
    def run_cypher(self, text: str, params: Mapping[str, object] | None = None, *,
                   timeout_s: float = DEFAULT_TIMEOUT_S, row_cap: int = DEFAULT_ROW_CAP) -> QueryResult:
        """Read-only Cypher: EXPLAIN first and refuse anything but a read, then run with a timeout and row cap."""
        merged = dict(params or {})
        if "dataset" not in merged and re.search(r"\$(dataset\b|`dataset`)", text):
            merged["dataset"] = self.dataset_id
        return run_read_only(self._driver, self._database, self._uri, text, merged,
                             timeout_s=timeout_s, row_cap=row_cap)

    def close(self) -> None:
        """Nothing to release: the driver belongs to whoever created it."""

    # ---- helpers --------------------------------------------------------------------------------------
    def _read(self, query: str, **params: Any) -> list[neo4j.Record]:
        try:
            records, _, _ = self._driver.execute_query(query, {"ds": self.dataset_id, **params},
                                                       routing_=neo4j.RoutingControl.READ, database_=self._database)
        except (neo.ServiceUnavailable, neo.SessionExpired) as exc:
            raise BackendUnavailable(self._uri, f"connection lost ({exc})") from None
        return records


# ---- load internals ---------------------------------------------------------------------------------------
def _props(values: Mapping[str, Any]) -> dict[str, Any]:
    """Neo4j property map: enums as their values, None left out (Neo4j has no null properties)."""
    return {k: getattr(v, "value", v) for k, v in values.items() if v is not None}


def _node_rows(dataset: Dataset) -> dict[str, list[dict[str, Any]]]:
    ds = dataset.id
    jurisdictions = [
        _props({"id": j.id, "name_zh": j.name_zh, "name_en": j.name_en, "level": j.level, "size_class": j.size_class,
                "agency_quota": j.agency_quota, "border": j.border, "poverty": j.poverty, "basis": j.basis,
                "source": j.source, "note": j.note, "dataset": ds})
        for j in dataset.jurisdictions
    ]
    agencies = [
        _props({"id": a.id, "snapshot": a.snapshot, "jurisdiction": a.jurisdiction, "name_zh": a.name_zh,
                "name_en": a.name_en, "type": a.type, "category": a.category,
                "counts_toward_quota": a.counts_toward_quota, "basis": a.basis, "source": a.source, "note": a.note,
                "dataset": ds})
        for a in dataset.agencies
    ]
    functions = [
        _props({"id": f.id, "name_zh": f.name_zh, "name_en": f.name_en, "basis": f.basis, "source": f.source,
                "dataset": ds})
        for f in dataset.functions
    ]
    return {"Agency": agencies, "Jurisdiction": jurisdictions, "Function": functions}


def _rel_rows(dataset: Dataset) -> dict[tuple, dict[str, Any]]:
    """Edges keyed by (type, start label, start, end label, end, mode/change, function); the last one wins."""
    rows: dict[tuple, dict[str, Any]] = {}
    parents = {j.id: j.parent for j in dataset.jurisdictions}
    for e in dataset.edges:
        start_label = "Agency"
        if e.type is RelType.IN:  # an agency in its jurisdiction, or a jurisdiction in its parent
            member = dataset.agency(e.start)
            if (member is None or member.jurisdiction != e.end) and parents.get(e.start) == e.end:
                start_label = "Jurisdiction"
        end_label = {RelType.IN: "Jurisdiction", RelType.HAS_FUNCTION: "Function"}.get(e.type, "Agency")
        key = (e.type.value, start_label, e.start, end_label, e.end) + e.key[3:]
        rows[key] = {"start": e.start, "end": e.end,
                     "props": _props({"basis": e.basis, "source": e.source, "mode": e.mode, "change": e.change,
                                      "function": e.function, "note": e.note})}
    return rows


def _existing_rel_key(row: list[Any], start_label: str) -> tuple:
    rel_type, start, end_labels, end, _, props = row
    end_label = next((lb for lb in LABELS if lb in end_labels), "?")
    return (rel_type, start_label, start, end_label, end,
            props.get("mode") or props.get("change") or "", props.get("function") or "")


def _write_dataset(tx: neo4j.Transaction, dataset: Dataset, nodes: Mapping[str, list[dict[str, Any]]],
                   rels: Mapping[tuple, dict[str, Any]]) -> None:
    ds = dataset.id
    # Locks the dataset's meta node first, so concurrent loads of one dataset run one after the other.
    tx.run("MERGE (d:OrgraphDataset {dataset_id: $ds}) SET d.title_zh = $zh, d.title_en = $en",
           ds=ds, zh=dataset.title_zh, en=dataset.title_en).consume()

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
    _batched(tx, "UNWIND $rows AS eid MATCH ()-[r]->() WHERE elementId(r) = eid DELETE r", stale_rels)

    for label, rows in nodes.items():
        wanted_nodes = {row["id"]: row for row in rows}
        stale, updates, seen = [], [], set()
        for node_id, eid, props in tx.run(_EXISTING_NODES[label], ds=ds).single(strict=True)["rows"]:
            row = wanted_nodes.get(node_id)
            if row is None:
                stale.append(eid)
            else:
                seen.add(node_id)
                if props != row:
                    updates.append({"eid": eid, "props": row})
        _batched(tx, "UNWIND $rows AS eid MATCH (n) WHERE elementId(n) = eid DETACH DELETE n", stale)
        _batched(tx, "UNWIND $rows AS row MATCH (n) WHERE elementId(n) = row.eid SET n = row.props", updates)
        _batched(tx, _CREATE_NODES[label], [row for row in rows if row["id"] not in seen], expect_all=True)

    _batched(tx, "UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.eid SET r = row.props", rel_updates)
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for key, row in rels.items():
        if key not in existing_rels:
            groups.setdefault((key[0], key[1], key[3]), []).append(row)
    for (rel_type, start_label, end_label), rows in groups.items():
        query = _CREATE_RELS.get((rel_type, start_label, end_label))
        if query is None:
            raise OrgraphError(f"dataset {ds!r}: no {rel_type} edge can join {start_label} to {end_label}")
        _batched(tx, query, rows, ds=ds, expect_all=True)


def _batched(tx: neo4j.Transaction, query: str, rows: list[Any], *, expect_all: bool = False, **params: Any) -> None:
    """Send `rows` in batches; with expect_all, every row must have produced one result (no missing endpoint)."""
    for start in range(0, len(rows), BATCH):
        chunk = rows[start:start + BATCH]
        result = tx.run(query, rows=chunk, **params)
        if expect_all:
            done = result.single(strict=True)["n"]
            if done != len(chunk):
                raise OrgraphError(f"{len(chunk) - done} row(s) refer to nodes that do not exist; nothing was loaded")
        else:
            result.consume()


def _agency(p: Mapping[str, Any]) -> Agency:
    return Agency(id=p["id"], snapshot=p["snapshot"], jurisdiction=p["jurisdiction"], name_zh=p.get("name_zh", ""),
                  name_en=p.get("name_en", ""), type=p.get("type", ""), category=Category(p["category"]),
                  counts_toward_quota=bool(p.get("counts_toward_quota", False)), basis=Basis(p["basis"]),
                  source=p.get("source", ""), note=p.get("note", ""))


def _edge(rec: neo4j.Record | Mapping[str, Any]) -> Edge:
    p = rec["props"]
    return Edge(type=RelType(rec["type"]), start=rec["start"], end=rec["end"], basis=Basis(p["basis"]),
                source=p.get("source", ""), mode=p.get("mode"),
                change=Change(p["change"]) if p.get("change") else None, function=p.get("function"),
                note=p.get("note", ""))
