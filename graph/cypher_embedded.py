"""Ad-hoc read-only Cypher on the embedded (networkx) backend, run by LadybugDB over a mirror of the graph.

LadybugDB was chosen over grand-cypher by measurement (docs/cypher.md, bench/bench_cypher_engines.py): it
runs far more of the queries analysts type, correctly and faster. What it spells differently from Neo4j is
rewritten here (`type(r)`, `labels(n)`, the `IN` relationship type, column names as typed); what it would
answer differently (`(a:A:B)` means A or B there) or not at all is refused with UnsupportedCypher naming the
construct. Writes are refused by graph.cypher_guard before anything runs.
"""

from __future__ import annotations

import decimal
import re
import threading
import time
from collections.abc import Mapping
from typing import Any

import networkx as nx

from graph.cypher_guard import Token, refuse_writes
from graph.cypher_mirror import ENDPOINT_PROPERTIES, Mirror, mirror_of, rebuild_mirror
from graph.errors import (
    CypherError,
    CypherSyntaxError,
    CypherTimeout,
    UnsupportedCypher,
)
from graph.store import GraphNode, GraphRel, QueryResult

__all__ = ["BACKEND", "prepare_embedded", "run_embedded"]

BACKEND = "networkx"
#: Hops an unbounded `*` / `*1..` path may take. LadybugDB stops silently at 30 by default, which would cut a
#: long chain short without a word; orgraph's reporting chains are under 10 deep, so 100 is generous.
MAX_PATH_HOPS = 100

#: Functions Neo4j has and LadybugDB lacks (or means differently), with what to write instead.
_UNSUPPORTED_FUNCTIONS = {
    "shortestpath": "shortestPath()",
    "allshortestpaths": "allShortestPaths()",
    "elementid": "elementId()",
    "id": "id() (use the `id` property, e.g. a.id)",
    "startnode": "startNode()",
    "endnode": "endNode()",
    "reduce": "reduce()",
}
#: Neo4j function names LadybugDB spells differently (same meaning).
_RENAMED_FUNCTIONS = {
    "tostring": "to_string",
    "tointeger": "to_int64",
    "tofloat": "to_double",
    "split": "string_split",
}
_CLAUSE_WORDS = {
    "WHERE",
    "AND",
    "OR",
    "NOT",
    "XOR",
    "WHEN",
    "THEN",
    "ELSE",
    "RETURN",
    "WITH",
}
_END_OF_RETURN = {"ORDER", "SKIP", "LIMIT", "UNION"}


def prepare_embedded(graph: nx.MultiDiGraph, *, background: bool = False) -> float:
    """Build the query mirror of `graph` now (at load time, or after changing its edges in place) instead of
    on the first query; returns the seconds it took. With background=True it is built in a daemon thread
    (returns 0.0): a query that arrives meanwhile waits for it, nothing else does."""
    if background:
        threading.Thread(
            target=rebuild_mirror, args=(graph,), name="cypher-mirror", daemon=True
        ).start()
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
    """Run a read-only query over `graph`; rows hold plain values, at most `row_cap` of them."""
    started = time.perf_counter()
    if not text.strip():
        raise CypherSyntaxError("the query is empty")
    tokens = refuse_writes(text)
    spelled = {t.text.lower(): t.text for t in tokens if t.kind == "word"}
    if not tokens:
        raise CypherSyntaxError("the query is empty (only comments)")
    mirror = mirror_of(graph)
    schema_rows = _schema_procedure(tokens, mirror)
    if schema_rows is not None:
        columns, rows = schema_rows
        return QueryResult(
            columns,
            rows[:row_cap],
            BACKEND,
            len(rows) > row_cap,
            time.perf_counter() - started,
        )
    _refuse_unsupported(tokens)
    rewritten = _rewrite(text, tokens)
    used = _parameters(tokens, params or {})
    columns_as_typed = _return_columns(text, tokens)

    conn = mirror.connect()
    try:
        conn.set_query_timeout(max(1, int(timeout_s * 1000)))
        conn.execute(
            f"CALL var_length_extend_max_depth={MAX_PATH_HOPS}"
        )  # our constant, not user text
        try:
            result = conn.execute(rewritten, used)
            raw_rows: list[list[Any]] = []
            while result.has_next() and len(raw_rows) <= row_cap:
                raw_rows.append(result.get_next())
            engine_columns = result.get_column_names()
        except RuntimeError as exc:
            raise _translate(str(exc), timeout_s, spelled) from None
    finally:
        conn.close()

    columns = (
        columns_as_typed
        if len(columns_as_typed) == len(engine_columns)
        else engine_columns
    )
    truncated = len(raw_rows) > row_cap
    collector = _Collector(graph)
    rows = [
        dict(zip(columns, (collector.plain(v) for v in raw)))
        for raw in raw_rows[:row_cap]
    ]
    return QueryResult(
        columns=list(columns),
        rows=rows,
        backend=BACKEND,
        truncated=truncated,
        seconds=time.perf_counter() - started,
        nodes=collector.nodes(),
        relationships=collector.relationships(),
    )


def _schema_procedure(
    tokens: list[Token], mirror: Mirror
) -> tuple[list[str], list[dict[str, Any]]] | None:
    """Answer the allowlisted `CALL db.labels()` / `db.relationshipTypes()` / `db.propertyKeys()` alone."""
    words = [t.text for t in tokens]
    if (
        len(words) < 5
        or words[0].upper() != "CALL"
        or words[1].lower() != "db"
        or words[2] != "."
    ):
        return None
    answers = {
        "labels": ("label", mirror.labels),
        "relationshiptypes": ("relationshipType", mirror.rel_types),
        "propertykeys": ("propertyKey", mirror.property_keys),
    }
    name = words[3].lower()
    if name not in answers or words[4:] != ["(", ")"]:
        raise UnsupportedCypher(
            f"CALL db.{words[3]}(…) beyond a bare CALL db.labels()/relationshipTypes()/propertyKeys()"
        )
    column, values = answers[name]
    return [column], [{column: v} for v in values]


def _refuse_unsupported(tokens: list[Token]) -> None:
    """Raise UnsupportedCypher for constructs LadybugDB lacks or would answer differently from Neo4j."""
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        text = tok.text
        calls = (
            tok.kind == "word"
            and nxt is not None
            and nxt.text == "("
            and (prev is None or prev.text != ".")
        )
        if calls and text.lower() in _UNSUPPORTED_FUNCTIONS:
            raise UnsupportedCypher(_UNSUPPORTED_FUNCTIONS[text.lower()])
        if text == "[" and nxt is not None and nxt.text == "(":
            raise UnsupportedCypher("pattern comprehension [(a)-->(b) | …]")
        if (
            text == "["
            and nxt is not None
            and nxt.kind == "word"
            and i + 2 < len(tokens)
            and tokens[i + 2].upper == "IN"
        ):
            raise UnsupportedCypher(
                "list comprehension [x IN list | …]", "use UNWIND and collect()"
            )
        if text == ":" and prev is not None and prev.kind in ("word", "quoted"):
            before = tokens[i - 2] if i >= 2 else None
            if before is not None and before.text == ":":
                raise UnsupportedCypher(
                    "several labels on one node (a:A:B)",
                    "an orgraph node has exactly one label",
                )
            if before is not None and before.upper in _CLAUSE_WORDS:
                raise UnsupportedCypher(
                    f"a label test in an expression ({prev.text}:{nxt.text if nxt else ''})",
                    "put the label in the MATCH pattern",
                )
        if (
            text in ("&", "!")
            and prev is not None
            and prev.kind in ("word", "quoted")
            and i >= 2
            and tokens[i - 2].text in (":", "|", "&")
        ):
            raise UnsupportedCypher(f"the label expression operator {text}")
        if (
            tok.kind == "word"
            and nxt is not None
            and nxt.text == "{"
            and prev is not None
            and prev.upper in ("RETURN", "WITH", ",")
            and tok.upper not in ("EXISTS", "COUNT", "COLLECT")
        ):
            raise UnsupportedCypher(
                "map projection a {.x, .y}", "return the properties one by one"
            )
        if tok.upper == "CALL" and nxt is not None and nxt.text == "{":
            raise UnsupportedCypher("CALL { … } subqueries")
        if tok.upper in ("COUNT", "COLLECT") and nxt is not None and nxt.text == "{":
            raise UnsupportedCypher(f"{tok.upper} {{ … }} subqueries")
        if tok.upper in ("USE", "SHOW", "PROFILE", "EXPLAIN") and i == 0:
            raise UnsupportedCypher(tok.upper)


def _rewrite(text: str, tokens: list[Token]) -> str:
    """Splice in LadybugDB spellings: type(r) → label(r), labels(n) → [label(n)], toString → to_string, …,
    head(l) → list_extract(l, 1), and :IN → :`IN` (a keyword there)."""
    edits: list[tuple[int, int, str]] = []
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        after_dot = prev is not None and prev.text == "."
        if tok.kind == "word" and nxt is not None and nxt.text == "(" and not after_dot:
            name = tok.text.lower()
            if name == "type":
                edits.append((tok.start, tok.end, "label"))
            elif name in _RENAMED_FUNCTIONS:
                edits.append((tok.start, tok.end, _RENAMED_FUNCTIONS[name]))
            elif name == "head":
                close = _matching(tokens, i + 1)
                edits.append((tok.start, tok.end, "list_extract"))
                edits.append((tokens[close].start, tokens[close].start, ", 1"))
            elif tok.text.lower() == "labels":
                close = _matching(tokens, i + 1)
                edits.append((tok.start, tok.end, "[label"))
                edits.append((tokens[close].end, tokens[close].end, "]"))
        if (
            tok.kind == "word"
            and tok.upper == "IN"
            and prev is not None
            and prev.text in (":", "|")
        ):
            edits.append((tok.start, tok.end, "`IN`"))
    out = text
    for start, end, new in sorted(edits, reverse=True):
        out = out[:start] + new + out[end:]
    return out


def _matching(tokens: list[Token], open_index: int) -> int:
    depth = 0
    for j in range(open_index, len(tokens)):
        if tokens[j].text in "([{":
            depth += 1
        elif tokens[j].text in ")]}":
            depth -= 1
            if depth == 0:
                return j
    raise CypherSyntaxError(
        f"unbalanced parenthesis at offset {tokens[open_index].start}"
    )


def _parameters(tokens: list[Token], params: Mapping[str, object]) -> dict[str, Any]:
    """The parameters the query names (the service always passes $dataset, LadybugDB rejects extras)."""
    used: dict[str, Any] = {}
    for tok in tokens:
        if tok.kind != "param":
            continue
        name = tok.text[1:].strip("`")
        if name not in params:
            raise CypherSyntaxError(
                f"missing parameter ${name}: pass it with the query"
            )
        used[name] = _engine_value(params[name])
    return used


def _engine_value(value: object) -> Any:
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_engine_value(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _engine_value(v) for k, v in value.items()}
    return getattr(value, "value", value)


def _return_columns(text: str, tokens: list[Token]) -> list[str]:
    """Column names as Neo4j gives them: the alias, else the expression as typed."""
    depth, start = 0, -1
    for i, tok in enumerate(tokens):
        if tok.text in "([{":
            depth += 1
        elif tok.text in ")]}":
            depth -= 1
        elif depth == 0 and tok.upper == "RETURN":
            start = i + 1
    if start < 0:
        return []
    if start < len(tokens) and tokens[start].upper == "DISTINCT":
        start += 1
    items: list[list[Token]] = [[]]
    depth = 0
    for tok in tokens[start:]:
        if depth == 0 and tok.upper in _END_OF_RETURN:
            break
        if tok.text in "([{":
            depth += 1
        elif tok.text in ")]}":
            depth -= 1
        if depth == 0 and tok.text == ",":
            items.append([])
        else:
            items[-1].append(tok)
    columns = []
    for item in items:
        if not item or (len(item) == 1 and item[0].text == "*"):
            return []
        if len(item) >= 3 and item[-2].upper == "AS":
            columns.append(item[-1].text.strip("`"))
        else:
            columns.append(text[item[0].start : item[-1].end])
    return columns


_FUNCTION_MISSING = re.compile(r"function (\w+) does not exist", re.IGNORECASE)
_NO_PROPERTY = re.compile(r"Cannot find property (\w+) for (\w+)")
_NO_TABLE = re.compile(r"Table (\w+) does not exist")


def _translate(
    message: str, timeout_s: float, spelled: Mapping[str, str]
) -> CypherError:
    if message.strip().startswith("Interrupted"):
        return CypherTimeout(
            f"the query ran longer than its {timeout_s:g} s time limit and was stopped; "
            "narrow it (anchor a node, bound the path length) or raise the limit"
        )
    if match := _FUNCTION_MISSING.search(message):
        name = match.group(1).lower()
        return UnsupportedCypher(f"the function {spelled.get(name, name)}()")
    if "buffer pool is full" in message:
        return CypherError(
            "the query needs more memory than the embedded engine has; narrow it (anchor a node, bound the "
            "path length, return fewer columns) or use the Neo4j backend"
        )
    if "exceeds maximum" in message:
        return UnsupportedCypher(
            f"a variable-length path bound above {MAX_PATH_HOPS} hops"
        )
    if match := _NO_PROPERTY.search(message):
        return CypherSyntaxError(
            f"no property {match.group(1)!r} on {match.group(2)} in this graph (see docs/schema.md)"
        )
    if match := _NO_TABLE.search(message):
        return CypherSyntaxError(
            f"no label or relationship type {match.group(1)!r} in this graph (see docs/schema.md)"
        )
    if "Parser exception" in message:
        return CypherSyntaxError(
            "the embedded engine cannot parse this query: "
            + message.replace("Parser exception: ", "")
            + "\nIf it runs on Neo4j, it uses syntax outside the embedded subset (docs/cypher.md); "
            "try --backend neo4j."
        )
    return CypherError(f"the embedded engine refused the query: {message}")


class _Collector:
    """Turns engine values into plain values and remembers the nodes and relationships met."""

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self._graph = graph
        self._nodes: dict[str, GraphNode] = {}
        self._rels: dict[str, GraphRel] = {}

    def plain(self, value: Any) -> Any:
        if isinstance(value, dict):
            if "_NODES" in value and "_RELS" in value:
                return self._path(value)
            if "_SRC" in value and "_LABEL" in value:
                return self._rel(value)
            if "_ID" in value and "_LABEL" in value:
                return self._node(value)
            return {k: self.plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.plain(v) for v in value]
        if isinstance(value, decimal.Decimal):
            return int(value) if value == value.to_integral_value() else float(value)
        if hasattr(value, "isoformat"):
            return value.isoformat()
        return value

    def _node(self, value: Mapping[str, Any]) -> dict[str, Any]:
        props = {
            k: v for k, v in value.items() if not k.startswith("_") and v is not None
        }
        key = str(props.get("id", value["_ID"]))
        self._nodes.setdefault(key, GraphNode(key, (value["_LABEL"],), props))
        return dict(props)

    def _rel(self, value: Mapping[str, Any]) -> dict[str, Any]:
        props = {
            k: v
            for k, v in value.items()
            if not k.startswith("_") and k not in ENDPOINT_PROPERTIES and v is not None
        }
        ident = value["_ID"]
        key = (
            f"{ident['table']}:{ident['offset']}"
            if isinstance(ident, dict)
            else str(ident)
        )
        start, end = str(value.get("_start")), str(value.get("_end"))
        self._rels.setdefault(key, GraphRel(key, value["_LABEL"], start, end, props))
        for endpoint in (start, end):
            if endpoint not in self._nodes and endpoint in self._graph:
                attrs = self._graph.nodes[endpoint]
                labels = attrs.get("labels") or ()
                node_props = {
                    k: getattr(v, "value", v)
                    for k, v in attrs.items()
                    if k != "labels" and v is not None
                }
                self._nodes[endpoint] = GraphNode(endpoint, tuple(labels), node_props)
        return {"type": value["_LABEL"], **props}

    def _path(self, value: Mapping[str, Any]) -> list[Any]:
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
