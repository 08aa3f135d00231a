"""An in-memory LadybugDB copy of the networkx graph, so the embedded backend can run real Cypher.

LadybugDB (the maintained Kùzu fork) needs a schema, so every node table gets the union of all node
properties (and every relationship table the union of all relationship properties): then `a.level` on an
Agency is null as on Neo4j instead of a binder error. Nulls are dropped again when results are translated.
Relationships also carry their endpoints' orgraph ids (`_start`, `_end`) so results can name them.
The mirror is built once per graph object (bulk COPY from Arrow tables) and reused.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import ladybug
import networkx as nx
import pyarrow as pa

__all__ = ["Mirror", "mirror_of"]

#: The schema's properties and their types (docs/schema.md); other properties found in a graph are added.
NODE_PROPERTIES: dict[str, str] = {
    "id": "STRING",
    "dataset": "STRING",
    "snapshot": "STRING",
    "jurisdiction": "STRING",
    "name_zh": "STRING",
    "name_en": "STRING",
    "type": "STRING",
    "category": "STRING",
    "counts_toward_quota": "BOOLEAN",
    "level": "STRING",
    "size_class": "STRING",
    "agency_quota": "INT64",
    "border": "BOOLEAN",
    "poverty": "STRING",
    "basis": "STRING",
    "source": "STRING",
    "note": "STRING",
}
REL_PROPERTIES: dict[str, str] = {
    "mode": "STRING",
    "change": "STRING",
    "function": "STRING",
    "basis": "STRING",
    "source": "STRING",
    "note": "STRING",
}
#: Tables that exist even in an empty graph, so a query on an empty store returns no rows, not an error.
BASE_NODE_LABELS = ("Agency", "Jurisdiction", "Function")
BASE_REL_PAIRS = {
    "IN": {("Agency", "Jurisdiction"), ("Jurisdiction", "Jurisdiction")},
    "REPORTS_TO": {("Agency", "Agency")},
    "HOSTED_BY": {("Agency", "Agency")},
    "HAS_FUNCTION": {("Agency", "Function")},
    "BECAME": {("Agency", "Agency")},
}
ENDPOINT_PROPERTIES = ("_start", "_end")

_MIRRORS: weakref.WeakKeyDictionary[nx.MultiDiGraph, Mirror] = weakref.WeakKeyDictionary()
_BUILD_LOCK = threading.Lock()


@dataclass
class Mirror:
    """A LadybugDB database holding the same nodes and relationships as `graph` had when it was built."""

    database: ladybug.Database
    fingerprint: tuple[int, int]
    labels: list[str]
    rel_types: list[str]
    property_keys: list[str]
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def connect(self) -> ladybug.Connection:
        return ladybug.Connection(self.database)


def mirror_of(graph: nx.MultiDiGraph) -> Mirror:
    """The mirror of `graph`, built on first use and rebuilt if nodes or edges were added or removed since."""
    fingerprint = (graph.number_of_nodes(), graph.number_of_edges())
    with _BUILD_LOCK:
        mirror = _MIRRORS.get(graph)
        if mirror is None or mirror.fingerprint != fingerprint:
            mirror = _build(graph, fingerprint)
            _MIRRORS[graph] = mirror
        return mirror


def _plain(value: Any) -> Any:
    return getattr(value, "value", value)  # StrEnum members as their values


def _column_type(values: Iterable[Any]) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds == {bool}:
        return "BOOLEAN"
    if kinds and kinds <= {int}:
        return "INT64"
    if kinds and kinds <= {int, float}:
        return "DOUBLE"
    return "STRING"


def _label(attrs: Mapping[str, Any]) -> str:
    labels = attrs.get("labels") or ()
    if isinstance(labels, str):
        return labels
    return next(iter(labels), "Node")


def _build(graph: nx.MultiDiGraph, fingerprint: tuple[int, int]) -> Mirror:
    import time

    started = time.perf_counter()
    rows_by_label: dict[str, list[dict[str, Any]]] = {label: [] for label in BASE_NODE_LABELS}
    label_of: dict[Any, str] = {}
    for key, attrs in graph.nodes(data=True):
        label = _label(attrs)
        label_of[key] = label
        row = {k: _plain(v) for k, v in attrs.items() if k != "labels" and v is not None}
        row.setdefault("id", str(key))
        rows_by_label.setdefault(label, []).append(row)
    node_types = dict(NODE_PROPERTIES)
    for rows in rows_by_label.values():
        for name in {k for row in rows for k in row} - node_types.keys():
            node_types[name] = _column_type(row.get(name) for row in rows)

    pairs: dict[str, set[tuple[str, str]]] = {t: set(p) for t, p in BASE_REL_PAIRS.items()}
    rels: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for start, end, attrs in graph.edges(data=True):
        rel_type = str(_plain(attrs.get("type", "RELATED")))
        pair = (label_of[start], label_of[end])
        pairs.setdefault(rel_type, set()).add(pair)
        row = {k: _plain(v) for k, v in attrs.items() if k != "type" and v is not None}
        row.update({"from": str(start), "to": str(end), "_start": str(start), "_end": str(end)})
        rels.setdefault((rel_type, *pair), []).append(row)
    rel_types = dict(REL_PROPERTIES)
    for rows in rels.values():
        for name in {k for row in rows for k in row} - rel_types.keys() - {"from", "to", *ENDPOINT_PROPERTIES}:
            rel_types[name] = _column_type(row.get(name) for row in rows)
    rel_types.update({name: "STRING" for name in ENDPOINT_PROPERTIES})

    database = ladybug.Database(":memory:")
    conn = ladybug.Connection(database)
    columns = ", ".join(f"{_q(name)} {kind}" for name, kind in node_types.items())
    for label, rows in rows_by_label.items():
        conn.execute(f"CREATE NODE TABLE {_q(label)}({columns}, PRIMARY KEY (id))")
        if rows:
            frame = _arrow(rows, node_types)  # noqa: F841 - read by COPY below
            conn.execute(f"COPY {_q(label)} FROM frame")
    rel_columns = ", ".join(f"{_q(name)} {kind}" for name, kind in rel_types.items())
    for rel_type, type_pairs in pairs.items():
        ends = ", ".join(f"FROM {_q(a)} TO {_q(b)}" for a, b in sorted(type_pairs) if a in rows_by_label)
        conn.execute(f"CREATE REL TABLE {_q(rel_type)}({ends}, {rel_columns})")
    for (rel_type, start_label, end_label), rows in rels.items():
        frame = _arrow(rows, {"from": "STRING", "to": "STRING", **rel_types})  # noqa: F841 - read by COPY below
        conn.execute(f"COPY {_q(rel_type)} FROM frame (from='{start_label}', to='{end_label}')")
    conn.close()
    return Mirror(
        database=database,
        fingerprint=fingerprint,
        labels=sorted(label for label, rows in rows_by_label.items() if rows),
        rel_types=sorted({t for t, *_ in rels}),
        property_keys=sorted(
            {k for rows in rows_by_label.values() for row in rows for k in row}
            | {k for rows in rels.values() for row in rows for k in row} - {"from", "to", *ENDPOINT_PROPERTIES}
        ),
        seconds=time.perf_counter() - started,
    )


_ARROW_TYPES = {"STRING": pa.string(), "BOOLEAN": pa.bool_(), "INT64": pa.int64(), "DOUBLE": pa.float64()}


def _arrow(rows: list[dict[str, Any]], types: Mapping[str, str]) -> pa.Table:
    """An Arrow table (it keeps nulls as nulls; pandas would turn a missing int or bool into NaN)."""
    columns = {}
    for name, kind in types.items():
        values = [row.get(name) for row in rows]
        if kind == "STRING":
            values = [None if v is None else str(v) for v in values]
        columns[name] = pa.array(values, _ARROW_TYPES[kind])
    return pa.table(columns)


def _q(name: str) -> str:
    """A backtick-quoted identifier (labels and types come from data; `IN` is also a keyword)."""
    return "`" + name.replace("`", "``") + "`"
