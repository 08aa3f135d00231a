"""Ad-hoc read-only Cypher on the embedded (networkx) backend, run by LadybugDB over a mirror of the graph.

LadybugDB was chosen over grand-cypher by measurement (docs/cypher.md, bench/bench_cypher_engines.py): it
runs far more of the queries analysts type, correctly and faster. What it spells differently from Neo4j is
rewritten here (`type(r)`, `labels(n)`, the `IN` relationship type, column names as typed); what it would
answer differently (`(a:A:B)` means A or B there) or not at all is refused with UnsupportedCypher naming the
construct. graph.cypher_gate admits only single read statements before anything runs, and the mirror is opened
read-only, so a write that got past the gate would fail in the engine too.
"""

from __future__ import annotations

import contextlib
import decimal
import threading
import time
import weakref
from collections.abc import Iterator, Mapping
from itertools import combinations
from typing import Any

import ladybug
import networkx as nx

from graph.cypher_gate import Token, admit
from graph.embedded.dialect import HIDDEN_PREFIX, rewrite
from graph.embedded.messages import PoolFull, translate
from graph.embedded.mirror import ENDPOINT_PROPERTIES, Mirror, mirror_of, rebuild_mirror
from graph.embedded.nulls import mark_operators
from graph.embedded.properties import EntityColumns
from graph.embedded.scoping import orders_mid_query
from graph.embedded.subset import parameters, refuse_unsupported, return_columns
from graph.errors import (
    CypherError,
)
from graph.store import GraphNode, GraphRel, QueryResult

__all__ = ["BACKEND", "EmbeddedEngine", "engine_of", "prepare_embedded", "run_embedded"]

BACKEND = "networkx"
#: Hops an unbounded `*` / `*1..` path may take. LadybugDB stops silently at 30 by default, which would cut a
#: long chain short without a word; orgraph's reporting chains are under 10 deep, so 100 is generous.
MAX_PATH_HOPS = 100


def prepare_embedded(graph: nx.MultiDiGraph, *, background: bool = False) -> float:
    """Build the query mirror of `graph` now (at load time, or after changing its edges in place) instead of
    on the first query; returns the seconds it took. With background=True it is built in a daemon thread
    (returns 0.0): a query that arrives meanwhile waits for it, nothing else does."""
    if background:
        threading.Thread(target=rebuild_mirror, args=(graph,), name="cypher-mirror", daemon=True).start()
        return 0.0
    return rebuild_mirror(graph).seconds


def run_embedded(
    graph: nx.MultiDiGraph,
    text: str,
    params: Mapping[str, object] | None,
    *,
    timeout_s: float,
    row_cap: int,
) -> QueryResult:
    """Run a read-only query over `graph` (through its mirror); rows hold plain values, at most `row_cap`."""
    return engine_of(mirror_of(graph)).run(text, params, timeout_s=timeout_s, row_cap=row_cap)


_ENGINES: weakref.WeakKeyDictionary[Mirror, EmbeddedEngine] = weakref.WeakKeyDictionary()
_ENGINES_LOCK = threading.Lock()


def engine_of(mirror: Mirror) -> EmbeddedEngine:
    """The one engine (and so the one pool of connections) of a mirror."""
    with _ENGINES_LOCK:
        engine = _ENGINES.get(mirror)
        if engine is None:
            engine = _ENGINES[mirror] = EmbeddedEngine(mirror)
        return engine


#: Queries a connection runs before it is closed and replaced. LadybugDB 0.22 keeps memory in the buffer pool per
#: connection across queries (about 2 MB per distinct query; 126 varied queries filled a 266 MB pool), which a new
#: connection releases; a new connection costs ~0.5 ms, so recycling adds ~0.01 ms per query.
RECYCLE_AFTER = 50


class EmbeddedEngine:
    """Runs gated, rewritten Cypher on one read-only mirror over reused connections.

    A new connection plus its `var_length_extend_max_depth` setting cost 5.9 ms per query; a reused one 0.25 ms.
    A LadybugDB connection runs one query at a time, so threads (the app's sessions) each borrow one from a pool
    and give it back: as many connections as queries ever ran at once, each set up once.
    """

    def __init__(self, mirror: Mirror) -> None:
        self.mirror = mirror
        self._idle: list[tuple[ladybug.Connection, list[int]]] = []
        self._lock = threading.Lock()
        self._entity_columns: EntityColumns | None = None

    def entity_columns(self, conn: ladybug.Connection) -> EntityColumns:
        """The columns of the mirror's node and relationship tables, read from its catalog once."""
        if self._entity_columns is None:
            node, rel = (
                _table_columns(conn, names[0]) if names else () for names in (self.mirror.labels, self.mirror.rel_types)
            )
            self._entity_columns = EntityColumns(tuple(node), tuple(rel), frozenset(ENDPOINT_PROPERTIES))
        return self._entity_columns

    @contextlib.contextmanager
    def connection(self, timeout_ms: int = 0, *, single_thread: bool = False) -> Iterator[ladybug.Connection]:
        """Borrow a connection, set up once (path bound), with this query's time limit and thread count (each
        changed only when it differs from the borrowed connection's last query)."""
        with self._lock:
            borrowed = self._idle.pop() if self._idle else None
        if borrowed is None:
            conn = self.mirror.connect()
            conn.execute(f"CALL var_length_extend_max_depth={MAX_PATH_HOPS}")  # our constant, not user text
            borrowed = (conn, [-1, 0, 0])  # timeout, threads, queries run
        conn, state = borrowed
        state[2] += 1
        if timeout_ms and state[0] != timeout_ms:
            conn.set_query_timeout(timeout_ms)
            state[0] = timeout_ms
        threads = 1 if single_thread else 0  # 0: the database's default
        if state[1] != threads:
            conn.set_max_threads_for_exec(threads)
            state[1] = threads
        spent = False
        try:
            yield conn
        except PoolFull:
            spent = True
            raise
        finally:
            if spent or state[2] >= RECYCLE_AFTER:
                conn.close()  # frees what the connection holds in the buffer pool; the next borrower opens anew
            else:
                with self._lock:
                    self._idle.append(borrowed)

    def run(
        self,
        text: str,
        params: Mapping[str, object] | None,
        *,
        timeout_s: float,
        row_cap: int,
    ) -> QueryResult:
        """Run a read-only query; rows hold plain values, at most `row_cap` of them."""
        started = time.perf_counter()
        text, tokens = admit(text)  # the read-only gate: refuses anything but one read statement
        refuse_unsupported(tokens)
        single_thread = orders_mid_query(mark_operators(tokens))  # later clauses see the rows in the WITH's order
        try:
            return self._run_once(text, tokens, params, timeout_s, row_cap, single_thread, started)
        except PoolFull:  # a connection's leftovers filled the pool: once more, on a new connection
            return self._run_once(text, tokens, params, timeout_s, row_cap, single_thread, started)

    def _run_once(
        self,
        text: str,
        tokens: list[Token],
        params: Mapping[str, object] | None,
        timeout_s: float,
        row_cap: int,
        single_thread: bool,
        started: float,
    ) -> QueryResult:
        with self.connection(max(1, int(timeout_s * 1000)), single_thread=single_thread) as conn:
            entity_columns = self.entity_columns(conn) if _mentions_properties(tokens) else None
            raw_rows, columns = _execute_gated(conn, text, tokens, params, timeout_s, row_cap, entity_columns)
            truncated = len(raw_rows) > row_cap
            collector = _Collector(entity_columns)
            shown = [i for i, c in enumerate(columns) if not c.startswith(HIDDEN_PREFIX)]
            columns = [columns[i] for i in shown]  # RETURN * would list the relationships we named
            rows = [dict(zip(columns, (collector.plain(raw[i]) for i in shown))) for raw in raw_rows[:row_cap]]
            collector.add_endpoints(conn)
        return QueryResult(
            columns=list(columns),
            rows=rows,
            backend=BACKEND,
            truncated=truncated,
            seconds=time.perf_counter() - started,
            nodes=collector.nodes(),
            relationships=collector.relationships(),
        )


def _execute_gated(
    conn: ladybug.Connection,
    text: str,
    tokens: list[Token],
    params: Mapping[str, object] | None,
    timeout_s: float,
    row_cap: int,
    entity_columns: EntityColumns | None = None,
) -> tuple[list[list[Any]], list[str]]:
    """Rewrite the gated text into LadybugDB's dialect and run it: raw rows (one past the cap) and column names
    as the user typed them."""
    spelled = {t.text.lower(): t.text for t in tokens if t.kind == "word"}
    if any(a.text == "[" and b.text == "]" for a, b in zip(tokens, tokens[1:])) or any(
        v == [] for v in (params or {}).values()
    ):
        spelled["[]"] = "[]"  # an empty list is typed as numbers: a cast error then names it
    used = parameters(tokens, params or {})
    columns_as_typed = return_columns(text, tokens)
    rewritten = rewrite(text, tokens, columns=entity_columns)
    raw_rows, engine_columns = _run_variants(
        conn, text, tokens, rewritten, used, row_cap, timeout_s, spelled, entity_columns
    )
    columns = columns_as_typed if len(columns_as_typed) == len(engine_columns) else engine_columns
    return raw_rows, columns


def _run_variants(
    conn: Any,
    text: str,
    tokens: list[Token],
    rewritten: str,
    used: dict[str, Any],
    row_cap: int,
    timeout_s: float,
    spelled: Mapping[str, str],
    entity_columns: EntityColumns | None = None,
) -> tuple[list[list[Any]], list[str]]:
    """Run the rewritten query; where the types decide the spelling (an index into a list of nodes, reverse() of
    a string), LadybugDB's binder says so and the other spelling is run instead."""
    reverses = [t.start for t, n in zip(tokens, tokens[1:]) if t.text.lower() == "reverse" and n.text == "("]
    # the smallest set of reverse() calls taken as string reverses that binds is exactly the string ones
    string_sets = iter([frozenset(c) for k in range(1, min(len(reverses), 4) + 1) for c in combinations(reverses, k)])
    plain_index, string_reverse = True, frozenset[int]()
    while True:
        try:
            return _execute(conn, rewritten, used, row_cap)
        except RuntimeError as exc:
            message = str(exc)
            if "LIST_MAX" in message and plain_index:
                plain_index = False
            elif ("LIST_REVERSE" in message or "but LIST was expected" in message) and (
                following := next(string_sets, None)
            ) is not None:
                string_reverse = following
            else:
                raise translate(message, timeout_s, spelled, MAX_PATH_HOPS) from None
        rewritten = rewrite(
            text, tokens, plain_index=plain_index, string_reverse=string_reverse, columns=entity_columns
        )


def _execute(conn: Any, query: str, params: dict[str, Any], row_cap: int) -> tuple[list[list[Any]], list[str]]:
    result = conn.execute(query, params)
    if isinstance(result, list):  # several statements: the gate refuses them, so this would be a bug
        raise CypherError("the embedded engine saw several statements; nothing was returned")
    raw_rows: list[list[Any]] = []
    while result.has_next() and len(raw_rows) <= row_cap:
        raw_rows.append(result.get_next())
    return raw_rows, result.get_column_names()


def _table_columns(conn: ladybug.Connection, table: str) -> tuple[str, ...]:
    quoted = table.replace("\\", "\\\\").replace("'", "\\'")  # a table name of the mirror's, not the user's text
    result = conn.execute(f"CALL table_info('{quoted}') RETURN *")
    assert not isinstance(result, list)  # one statement, one result
    names: list[str] = []
    while result.has_next():
        row: Any = result.get_next()  # property id, name, type, default, primary key or direction
        names.append(str(row[1]))
    return tuple(names)


def _mentions_properties(tokens: list[Token]) -> bool:
    """Does the query call keys() or properties(), which need the mirror's columns (graph/embedded/properties.py)?"""
    return any(t.kind == "word" and t.text.lower() in ("keys", "properties") for t in tokens)


class _Collector:
    """Turns engine values into plain values and remembers the nodes and relationships met."""

    def __init__(self, entity_columns: EntityColumns | None = None) -> None:
        self._nodes: dict[str, GraphNode] = {}
        self._rels: dict[str, GraphRel] = {}
        self._columns = entity_columns

    def plain(self, value: Any) -> Any:
        if isinstance(value, dict):
            if "_NODES" in value and "_RELS" in value:
                return self._path(value)
            if "_SRC" in value and "_LABEL" in value:
                return self._rel(value)
            if "_ID" in value and "_LABEL" in value:
                return self._node(value)
            if self._columns is not None and self._columns.properties_map(value):  # properties(x): no nulls
                hidden = self._columns.hidden
                return {k: self.plain(v) for k, v in value.items() if v is not None and k not in hidden}
            return {k: self.plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.plain(v) for v in value]
        if isinstance(value, decimal.Decimal):
            return int(value) if value == value.to_integral_value() else float(value)
        if hasattr(value, "isoformat"):
            return value.isoformat()
        return value

    def _node(self, value: Mapping[str, Any]) -> dict[str, Any]:
        props = {k: v for k, v in value.items() if not k.startswith("_") and v is not None}
        key = str(props.get("id", value["_ID"]))
        self._nodes.setdefault(key, GraphNode(key, (value["_LABEL"],), props))
        return dict(props)

    def _rel(self, value: Mapping[str, Any]) -> dict[str, Any]:
        props = {
            k: v for k, v in value.items() if not k.startswith("_") and k not in ENDPOINT_PROPERTIES and v is not None
        }
        ident = value["_ID"]
        key = f"{ident['table']}:{ident['offset']}" if isinstance(ident, dict) else str(ident)
        start, end = str(value.get("_start")), str(value.get("_end"))
        self._rels.setdefault(key, GraphRel(key, value["_LABEL"], start, end, props))
        return {"type": value["_LABEL"], **props}

    def add_endpoints(self, conn: ladybug.Connection) -> None:
        """The nodes at the ends of the relationships met that no column returned, so the app can draw them."""
        missing = sorted({end for r in self._rels.values() for end in (r.start, r.end)} - self._nodes.keys())
        if not missing:
            return
        result = conn.execute("MATCH (n) WHERE n.id IN $ids RETURN n", {"ids": missing})  # our text, not user's
        assert not isinstance(result, list)  # one statement, one result
        while result.has_next():
            row: Any = result.get_next()  # a list: one value per column
            self._node(row[0])

    def _path(self, value: Mapping[str, Any]) -> list[Any] | None:
        if all(not n or n.get("_ID") is None for n in value["_NODES"]):  # an OPTIONAL MATCH that matched nothing
            return None
        nodes = [self._node(n) for n in value["_NODES"]]
        rels = [self._rel(r) for r in value["_RELS"]]
        out: list[Any] = nodes[:1]
        for rel, node in zip(rels, nodes[1:]):
            out += [rel, node]
        return out

    def nodes(self) -> list[GraphNode]:
        return list(self._nodes.values())

    def relationships(self) -> list[GraphRel]:
        return list(self._rels.values())
