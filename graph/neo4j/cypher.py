"""Ad-hoc read-only Cypher on Neo4j: refuse anything that is not a plain read, then run it under a timeout
and a row cap, and turn the driver's values into plain Python values plus drawable nodes/relationships.

First the read-only gate (graph/cypher_gate.py), the same one the embedded engine uses, so both backends refuse
the same texts (SHOW, CALL, admin commands included). Behind it, READ access mode only routes a query; it does
not stop a write on a single server. So every admitted query is also planned with EXPLAIN and refused unless the
planner says it is a read ("r") without a refused operator.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

import neo4j
from neo4j import exceptions as neo
from neo4j import graph as ng

from graph.cypher_gate import admit
from graph.errors import (
    BackendUnavailable,
    CypherError,
    CypherSyntaxError,
    CypherTimeout,
    WriteRefused,
)
from graph.store import GraphNode, GraphRel, QueryResult

__all__ = ["plain_value", "run_read_only"]

#: Plan operators refused even in a query the planner calls a read: file access, killing other
#: transactions, administration; and every writing operator, in case query_type misses one.
REFUSED_OPERATORS = (
    "LoadCSV",
    "Terminate",
    "Administration",
    "Create",
    "Merge",
    "Delete",
    "DetachDelete",
    "Set",
    "Remove",
    "Drop",
    "Alter",
)
_TIMEOUT_CODES = (
    "TransactionTimedOut",
    "Transaction.Terminated",
    "TransactionMarkedAsFailed",
)


def run_read_only(
    driver: neo4j.Driver,
    database: str | None,
    uri: str,
    text: str,
    params: Mapping[str, Any],
    *,
    timeout_s: float,
    row_cap: int,
) -> QueryResult:
    """Pass `text` through the read-only gate, EXPLAIN-check it, then run it in a READ session and fetch at most
    row_cap + 1 rows."""
    text = admit(text).text  # the same gate as the embedded engine: same texts refused on both backends
    started = time.perf_counter()
    try:
        with driver.session(
            database=database,
            default_access_mode=neo4j.READ_ACCESS,
            fetch_size=max(row_cap + 1, 1),
        ) as session:
            _refuse_unless_read(session, text, params)
            result = session.run(neo4j.Query(text, timeout=timeout_s), dict(params))
            columns = list(result.keys())
            records = []
            for record in result:
                records.append(record)
                if len(records) > row_cap:
                    break
            truncated = len(records) > row_cap
            records = records[:row_cap]
            collector = _Collector()
            rows = [{key: collector.plain(record[key]) for key in columns} for record in records]
            collector.add_missing_endpoints(session)
    except CypherError:
        raise
    except Exception as exc:  # noqa: BLE001 - translated; anything unknown goes up unchanged
        raise _translate(exc, uri, timeout_s) from None
    return QueryResult(
        columns=columns,
        rows=rows,
        backend="neo4j",
        truncated=truncated,
        seconds=time.perf_counter() - started,
        nodes=collector.nodes(),
        relationships=collector.relationships(),
    )


def _refuse_unless_read(session: neo4j.Session, text: str, params: Mapping[str, Any]) -> None:
    summary = session.run(neo4j.Query("EXPLAIN " + text), dict(params)).consume()
    kind = summary.query_type or "?"
    if kind != "r":
        what = {
            "w": "writes",
            "rw": "reads and writes",
            "s": "changes the schema or administers the database",
        }
        raise WriteRefused(
            f"refused: the query {what.get(kind, 'is not a plain read')} ({kind!r}); ad-hoc Cypher is read-only"
        )
    for operator in _operators(summary.plan or {}):
        if operator.startswith(REFUSED_OPERATORS):
            raise WriteRefused(
                f"refused: the query uses {operator}, which ad-hoc Cypher does not allow "
                "(read-only, no file access, no administration)"
            )


def _operators(plan: Mapping[str, Any]) -> list[str]:
    name = str(plan.get("operatorType", "")).split("@")[0]
    return [name] + [op for child in plan.get("children", []) for op in _operators(child)]


def _translate(exc: Exception, uri: str, timeout_s: float) -> Exception:
    if isinstance(exc, neo.CypherSyntaxError):
        return CypherSyntaxError(exc.message or str(exc))
    if isinstance(exc, (neo.ServiceUnavailable, neo.SessionExpired)):
        return BackendUnavailable(uri, f"connection lost ({exc})")
    if isinstance(exc, neo.Neo4jError):
        code = exc.code or ""
        if any(part in code for part in _TIMEOUT_CODES):
            return CypherTimeout(
                f"the query ran longer than its {timeout_s:g} s time limit and was stopped; "
                "narrow it (anchor a node, bound the path length) or raise the limit"
            )
        if code.startswith("Neo.ClientError.Security") or "AccessMode" in code:
            return WriteRefused(f"refused by the server: {exc.message}")
        return CypherError(f"{exc.message or exc} ({code})")
    if isinstance(exc, neo.DriverError) and "timed out" in str(exc).lower():
        return CypherTimeout(f"the query ran longer than its {timeout_s:g} s time limit")
    return exc


def plain_value(value: Any) -> Any:
    """A driver value as plain Python (nodes and relationships as dicts, paths as lists)."""
    return _Collector().plain(value)


class _Collector:
    """Converts values and remembers every node and relationship met, so the app can draw them."""

    def __init__(self) -> None:
        self._nodes: dict[str, ng.Node] = {}
        self._rels: dict[str, ng.Relationship] = {}

    def plain(self, value: Any) -> Any:
        if isinstance(value, ng.Node):
            self._nodes.setdefault(value.element_id, value)
            return dict(value.items())
        if isinstance(value, ng.Relationship):
            self._rels.setdefault(value.element_id, value)
            return {"type": value.type, **dict(value.items())}
        if isinstance(value, ng.Path):
            out: list[Any] = [self.plain(value.start_node)]
            for rel, node in zip(value.relationships, value.nodes[1:]):
                out += [self.plain(rel), self.plain(node)]
            return out
        if isinstance(value, list):
            return [self.plain(v) for v in value]
        if isinstance(value, dict):
            return {k: self.plain(v) for k, v in value.items()}
        if hasattr(value, "iso_format"):  # neo4j.time Date/DateTime/Time/Duration
            return value.iso_format()
        return value

    def add_missing_endpoints(self, session: neo4j.Session) -> None:
        """Fetch the end nodes of returned relationships that the query did not return itself."""
        missing = sorted(
            {
                n.element_id
                for r in self._rels.values()
                for n in (r.start_node, r.end_node)
                if n is not None and n.element_id not in self._nodes
            }
        )
        if not missing:
            return
        for record in session.run("MATCH (n) WHERE elementId(n) IN $ids RETURN n", ids=missing):
            self._nodes.setdefault(record["n"].element_id, record["n"])

    def _key(self, element_id: str) -> str:
        node = self._nodes.get(element_id)
        if node is not None and node.get("id") is not None:
            return str(node.get("id"))
        return element_id

    def nodes(self) -> list[GraphNode]:
        return [GraphNode(self._key(eid), tuple(sorted(n.labels)), dict(n.items())) for eid, n in self._nodes.items()]

    def relationships(self) -> list[GraphRel]:
        out = []
        for eid, r in self._rels.items():
            start = r.start_node.element_id if r.start_node is not None else ""
            end = r.end_node.element_id if r.end_node is not None else ""
            out.append(GraphRel(eid, r.type, self._key(start), self._key(end), dict(r.items())))
        return out
