"""The Neo4j backend: a GraphStore over a real Neo4j server, reached through one shared driver.

Loading (graph/neo4j/load.py) writes only the differences, so a reload changes nothing; a load that fails or dies
at any moment leaves the previous dataset, and what it wrote is removed before this store serves its first read
(docs/neo4j-loading.md). Datasets that share the database never touch each other. Ad-hoc Cypher is checked with
EXPLAIN and refused unless read-only.
"""

from __future__ import annotations

import re
import time
import weakref
from collections.abc import Collection, Mapping
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

import neo4j
from neo4j import exceptions as neo

from graph.errors import BackendUnavailable, NotFound, OrgraphError, mask_uri
from graph.model import Agency, Dataset, Edge, mode_rank
from graph.neo4j.cypher import run_read_only
from graph.neo4j.journal import loaded_hash, recover_interrupted_loads
from graph.neo4j.load import load_dataset
from graph.neo4j.vocab import SCHEMA
from graph.schema import decode_edge, decode_node
from graph.store import (
    DEFAULT_ROW_CAP,
    DEFAULT_TIMEOUT_S,
    ChainStep,
    CompiledSource,
    LoadReport,
    QueryResult,
)

__all__ = ["Neo4jStore", "connect_driver", "split_credentials"]

STRUCTURAL = ["REPORTS_TO", "HOSTED_BY", "HAS_FUNCTION", "BECAME"]

_SCHEMA_DONE: weakref.WeakKeyDictionary[neo4j.Driver, set[str | None]] = weakref.WeakKeyDictionary()
_URIS: weakref.WeakKeyDictionary[neo4j.Driver, str] = weakref.WeakKeyDictionary()


def split_credentials(uri: str, user: str, password: str) -> tuple[str, str, str]:
    """(uri without userinfo, user, password): credentials written into the URI (bolt://user:password@host)
    take precedence, since the driver refuses a URI that carries them.

    >>> split_credentials("bolt://neo4j:p%40ss@db:7687", "", "")
    ('bolt://db:7687', 'neo4j', 'p@ss')
    >>> split_credentials("bolt://db:7687", "neo4j", "secret")
    ('bolt://db:7687', 'neo4j', 'secret')
    """
    try:
        parts = urlsplit(uri)
    except ValueError:
        return uri, user, password  # the driver reports the malformed URI (masked by BackendUnavailable)
    if "@" not in parts.netloc:
        return uri, user, password
    userinfo, _, host = parts.netloc.rpartition("@")
    name, has_password, secret = userinfo.partition(":")
    clean = urlunsplit(parts._replace(netloc=host))
    return clean, unquote(name) or user, unquote(secret) if has_password else password


def connect_driver(uri: str, user: str, password: str) -> neo4j.Driver:
    """A verified driver; BackendUnavailable (naming the URI, never the password) when the server cannot be used."""
    shown = mask_uri(uri)
    uri, user, password = split_credentials(uri, user, password)
    secrets = (password,)
    try:
        driver = neo4j.GraphDatabase.driver(
            uri,
            auth=(user, password),
            connection_timeout=5.0,
            connection_acquisition_timeout=10.0,
        )
    except (neo.ConfigurationError, ValueError) as exc:
        raise BackendUnavailable(shown, f"invalid URI or settings ({exc})", secrets=secrets) from None
    try:
        driver.verify_connectivity()
    except neo.AuthError:
        driver.close()
        raise BackendUnavailable(shown, f"authentication failed for user {user!r}", secrets=secrets) from None
    except (neo.Neo4jError, neo.DriverError, OSError, ValueError) as exc:  # ValueError: an unresolvable address
        driver.close()
        raise BackendUnavailable(shown, str(exc) or type(exc).__name__, secrets=secrets) from None
    _URIS[driver] = shown
    return driver


class Neo4jStore:
    """GraphStore on Neo4j. The driver is shared and owned by the caller; close() leaves it open."""

    backend = "neo4j"

    def __init__(self, driver: neo4j.Driver, *, database: str | None = None) -> None:
        self._driver = driver
        self._database = database or None
        self._uri = _URIS.get(driver, "the configured Neo4j server")
        self.dataset_id: str | None = None
        self._prepared = False

    # ---- loading --------------------------------------------------------------------------------------
    def open_compiled(self, compiled: CompiledSource) -> LoadReport:
        """Load a compiled dataset, or nothing at all when the server already holds these very files: the
        dataset's record keeps the compiled key (a hash of the files), so an unchanged reload is one read."""
        started = time.perf_counter()
        self._prepare()
        try:
            unchanged = loaded_hash(self._driver, self._database, compiled.dataset_id) == compiled.key
        except (neo.ServiceUnavailable, neo.SessionExpired) as exc:
            raise BackendUnavailable(self._uri, f"connection lost ({exc})") from None
        if not unchanged:
            return self.load(compiled.dataset, content_hash=compiled.key)
        self.dataset_id = compiled.dataset_id
        nodes, rels = int(compiled.meta.get("nodes", 0)), int(compiled.meta.get("relationships", 0))
        return LoadReport(compiled.dataset_id, self.backend, nodes, rels, time.perf_counter() - started)

    def load(self, dataset: Dataset, *, content_hash: str | None = None) -> LoadReport:
        """Load or replace `dataset`; a failure or interruption leaves the previous graph as it was."""
        started = time.perf_counter()
        self._prepare()
        try:
            nodes, relationships = load_dataset(self._driver, self._database, dataset, content_hash)
        except neo.ConstraintError as exc:
            raise OrgraphError(
                f"dataset {dataset.id!r} breaks a Neo4j constraint ({exc.message}); "
                "nothing was loaded, the previous graph is unchanged"
            ) from None
        except (neo.ServiceUnavailable, neo.SessionExpired) as exc:
            raise BackendUnavailable(self._uri, f"connection lost while loading ({exc})") from None
        except neo.Neo4jError as exc:
            hint = " (raise NEO4J_HEAP for the server)" if "MemoryPool" in (exc.code or "") else ""
            raise OrgraphError(
                f"loading dataset {dataset.id!r} into Neo4j failed ({exc.code}: {exc.message}){hint}; "
                "the previous graph is unchanged"
            ) from None
        self.dataset_id = dataset.id
        return LoadReport(dataset.id, self.backend, nodes, relationships, time.perf_counter() - started)

    def _prepare(self) -> None:
        """Before this store's first load or read: the schema, and the removal of interrupted loads' leftovers."""
        if self._prepared:
            return
        self._ensure_schema()
        try:
            recover_interrupted_loads(self._driver, self._database)
        except (neo.ServiceUnavailable, neo.SessionExpired) as exc:
            raise BackendUnavailable(self._uri, f"connection lost ({exc})") from None
        self._prepared = True

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
        self._prepare()
        records, _, _ = self._driver.execute_query(
            "MATCH (d:OrgraphDataset) RETURN d.dataset_id AS id ORDER BY id",
            routing_=neo4j.RoutingControl.READ,
            database_=self._database,
        )
        return [r["id"] for r in records]

    # ---- reads ----------------------------------------------------------------------------------------
    def agencies(self, snapshot: str, *, jurisdiction: str | None = None) -> list[Agency]:
        records = self._read(
            "MATCH (a:Agency {dataset: $ds, snapshot: $snapshot}) "
            "WHERE $jurisdiction IS NULL OR a.jurisdiction = $jurisdiction RETURN properties(a) AS a",
            snapshot=snapshot,
            jurisdiction=jurisdiction,
        )
        return sorted((_agency(r["a"]) for r in records), key=lambda a: a.id)

    def agency(self, agency_id: str) -> Agency:
        records = self._read(
            "MATCH (a:Agency {dataset: $ds, id: $id}) RETURN properties(a) AS a",
            id=agency_id,
        )
        if not records:
            raise NotFound(f"no agency {agency_id!r} in dataset {self.dataset_id!r}")
        return _agency(records[0]["a"])

    def edges(self, snapshot: str, *, jurisdiction: str | None = None) -> list[Edge]:
        records = self._read(
            "MATCH (a:Agency {dataset: $ds, snapshot: $snapshot})-[r]->(b) "
            "WHERE type(r) IN $types AND b.dataset = $ds AND ($jurisdiction IS NULL OR a.jurisdiction = $jurisdiction) "
            "RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props",
            snapshot=snapshot,
            jurisdiction=jurisdiction,
            types=STRUCTURAL,
        )
        return sorted((_edge(r) for r in records), key=lambda e: e.key)

    def agencies_by_id(self, agency_ids: Collection[str]) -> list[Agency]:
        records = self._read(
            "UNWIND $ids AS id MATCH (a:Agency {dataset: $ds, id: id}) RETURN properties(a) AS a",
            ids=sorted(set(agency_ids)),
        )
        return sorted((_agency(r["a"]) for r in records), key=lambda a: a.id)

    def edges_around(self, agency_ids: Collection[str]) -> list[Edge]:
        # UNION (not UNION ALL): a BECAME edge between two of the ids is found both ways and listed once
        records = self._read(
            "UNWIND $ids AS id MATCH (a:Agency {dataset: $ds, id: id})-[r]->(b) "
            "WHERE type(r) IN $types AND b.dataset = $ds "
            "RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props "
            "UNION UNWIND $ids AS id MATCH (a:Agency {dataset: $ds})-[r:BECAME]->(b:Agency {dataset: $ds, id: id}) "
            "RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props",
            ids=sorted(set(agency_ids)),
            types=STRUCTURAL,
        )
        return sorted((_edge(r) for r in records), key=lambda e: e.key)

    def reporting_chain(self, agency_id: str) -> list[ChainStep]:
        # One round trip: every REPORTS_TO edge above the agency, then the first-edge walk in Python.
        records = self._read(
            "MATCH (a:Agency {dataset: $ds, id: $id}) "
            "OPTIONAL MATCH (a)-[:REPORTS_TO*0..30]->(x:Agency)-[r:REPORTS_TO]->(b:Agency {dataset: $ds}) "
            "RETURN collect(DISTINCT [x.id, r.mode, properties(b)]) AS ups",
            id=agency_id,
        )
        ups: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
        for below, mode, above in records[0]["ups"] if records else ():
            if below is not None:
                ups.setdefault(below, []).append((mode, above))
        if not ups:  # the aggregate returns a row even for an unknown id: tell "top of a chain" from "no such agency"
            self.agency(agency_id)  # raises NotFound
        steps: list[ChainStep] = []
        seen = {agency_id}
        current = agency_id
        while current in ups:
            mode, above = min(
                ups[current],
                key=lambda u: (mode_rank(u[0]), u[1]["id"]),
            )
            if above["id"] in seen:  # a cycle in the data: stop rather than loop
                break
            steps.append(ChainStep(_agency(above), len(steps) + 1, mode, current))
            seen.add(above["id"])
            current = above["id"]
        return steps

    def subordinates(self, agency_id: str, *, depth: int = 1) -> list[ChainStep]:
        self.agency(agency_id)
        found: dict[str, ChainStep] = {}
        frontier = [agency_id]
        for level in range(1, depth + 1):
            if not frontier:
                break
            records = self._read(
                "MATCH (c:Agency {dataset: $ds})-[r:REPORTS_TO]->(p:Agency {dataset: $ds}) WHERE p.id IN $ids "
                "RETURN properties(c) AS c, r.mode AS mode, p.id AS via",
                ids=frontier,
            )
            best: dict[str, Mapping[str, Any]] = {}
            for rec in sorted(records, key=lambda r: (mode_rank(r["mode"]), r["via"])):
                child = rec["c"]["id"]
                if child != agency_id and child not in found and child not in best:
                    best[child] = rec
            for child, row in best.items():
                found[child] = ChainStep(_agency(row["c"]), level, row["mode"], row["via"])
            frontier = sorted(best)
        return sorted(found.values(), key=lambda s: (s.depth, s.agency.id))

    def lineage(self, agency_id: str) -> list[Edge]:
        self.agency(agency_id)
        records = self._read(
            "MATCH (a:Agency {dataset: $ds, id: $id}) "
            "CALL (a) { MATCH (a)-[:BECAME*0..]->(x)-[r:BECAME]->(y) RETURN x, r, y "
            "  UNION MATCH (x)-[r:BECAME]->(y)-[:BECAME*0..]->(a) RETURN x, r, y } "
            "RETURN DISTINCT 'BECAME' AS type, x.id AS start, y.id AS end, properties(r) AS props",
            id=agency_id,
        )
        return sorted((_edge(r) for r in records), key=lambda e: e.key)

    # ---- ad-hoc Cypher --------------------------------------------------------------------------------
    def run_cypher(
        self,
        text: str,
        params: Mapping[str, object] | None = None,
        *,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        row_cap: int = DEFAULT_ROW_CAP,
    ) -> QueryResult:
        """Read-only Cypher: EXPLAIN first and refuse anything but a read, then run with a timeout and row cap."""
        self._prepare()
        merged = dict(params or {})
        if "dataset" not in merged and re.search(r"\$(dataset\b|`dataset`)", text):
            merged["dataset"] = self.dataset_id
        return run_read_only(
            self._driver,
            self._database,
            self._uri,
            text,
            merged,
            timeout_s=timeout_s,
            row_cap=row_cap,
        )

    def close(self) -> None:
        """Nothing to release: the driver belongs to whoever created it."""

    # ---- helpers --------------------------------------------------------------------------------------
    def _read(self, query: str, **params: Any) -> list[neo4j.Record]:
        if self.dataset_id is None:
            raise NotFound("no dataset is loaded in the Neo4j store; load one first")
        try:
            records, _, _ = self._driver.execute_query(
                query,
                {"ds": self.dataset_id, **params},
                routing_=neo4j.RoutingControl.READ,
                database_=self._database,
            )
        except (neo.ServiceUnavailable, neo.SessionExpired) as exc:
            raise BackendUnavailable(self._uri, f"connection lost ({exc})") from None
        return records


def _agency(props: Mapping[str, Any]) -> Agency:
    agency = decode_node("Agency", props)
    assert isinstance(agency, Agency)
    return agency


def _edge(rec: neo4j.Record | Mapping[str, Any]) -> Edge:
    return decode_edge(rec["type"], rec["start"], rec["end"], rec["props"])
