"""An in-memory LadybugDB copy of the networkx graph, so the embedded backend can run real Cypher.

LadybugDB (the maintained Kùzu fork) needs a schema, so every node table gets the union of all node
properties (and every relationship table the union of all relationship properties): then `a.level` on an
Agency is null as on Neo4j instead of a binder error. Nulls are dropped again when results are translated.
Relationships also carry their endpoints' orgraph ids (`_start`, `_end`) so results can name them.
The mirror is written once (bulk COPY from Arrow tables) to a database file, by `cli.py compile` into the
cache (graph/embedded/compiled.py) or, for a graph built in memory, to a temporary file; either way it is then
opened READ-ONLY, so no query can change it, whatever text gets past graph.cypher_gate.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import threading
import time
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ladybug
import networkx as nx

from graph.schema import LABELS, REL_ENDS, Kind, edge_kinds, node_kinds

__all__ = ["Mirror", "MirrorInfo", "mirror_of", "open_mirror", "rebuild_mirror", "write_mirror"]

#: LadybugDB's column type for each kind of property graph.schema declares.
COLUMN_TYPES: dict[Kind, str] = {"string": "STRING", "integer": "INT64", "boolean": "BOOLEAN"}
#: The schema's properties and their column types (graph/schema.py); other properties found in a graph are added.
NODE_PROPERTIES: dict[str, str] = {name: COLUMN_TYPES[kind] for name, kind in node_kinds().items()}
REL_PROPERTIES: dict[str, str] = {name: COLUMN_TYPES[kind] for name, kind in edge_kinds().items()}
#: Tables that exist even in an empty graph, so a query on an empty store returns no rows, not an error.
BASE_NODE_LABELS = LABELS
BASE_REL_PAIRS: dict[str, set[tuple[str, str]]] = {
    rel.value: {(start, end) for other, start, end in REL_ENDS if other is rel} for rel, _, _ in REL_ENDS
}
ENDPOINT_PROPERTIES = ("_start", "_end")

_MIRRORS: weakref.WeakKeyDictionary[nx.MultiDiGraph, Mirror] = weakref.WeakKeyDictionary()
_BUILD_LOCK = threading.Lock()
#: Memory of a read-only mirror: the pages of the file it reads plus the working memory of a query, capped so a
#: query on a million agencies stays under 1.5 GB resident (LadybugDB's default reserves most of the machine's RAM).
READ_POOL_MIN, READ_POOL_MAX = 256 << 20, 1 << 30
#: Address space a database file may grow into while written (a power of two). LadybugDB's default, 8 TB of
#: reserved address space per open database, runs a process out of it after a dozen mirrors.
WRITE_MAX_DB = 1 << 37


@dataclass(frozen=True)
class MirrorInfo:
    """What a mirror holds, kept beside its file so opening it needs no query: the `CALL db.*()` answers."""

    labels: list[str]
    rel_types: list[str]
    property_keys: list[str]


@dataclass(eq=False)  # compared and hashed by identity: engines and caches key on it
class Mirror:
    """A LadybugDB database, opened read-only, holding the nodes and relationships of a graph or dataset."""

    database: ladybug.Database
    info: MirrorInfo
    fingerprint: tuple[int, ...] = ()
    seconds: float = 0.0

    @property
    def labels(self) -> list[str]:
        return self.info.labels

    @property
    def rel_types(self) -> list[str]:
        return self.info.rel_types

    @property
    def property_keys(self) -> list[str]:
        return self.info.property_keys

    def connect(self) -> ladybug.Connection:
        return ladybug.Connection(self.database)


def open_mirror(path: Path, info: MirrorInfo, *, seconds: float = 0.0) -> Mirror:
    """Open a mirror file READ-ONLY: the engine refuses any write, whatever text gets past the gate."""
    size = path.stat().st_size
    pool = min(max(READ_POOL_MIN, READ_POOL_MIN + 2 * size), READ_POOL_MAX)
    database = ladybug.Database(
        str(path), read_only=True, buffer_pool_size=pool, max_db_size=1 << max(30, (2 * size).bit_length())
    )
    return Mirror(database, info, seconds=seconds)


def mirror_of(graph: nx.MultiDiGraph) -> Mirror:
    """The mirror of `graph`, built on first use and rebuilt when its node count changed.

    Counting edges of a MultiDiGraph walks all of them (0.1 s at 100k), too slow for every query, so an edge
    changed in place without a node change needs `rebuild_mirror(graph)`; the store builds a new
    graph on every load, which always gets a new mirror.
    """
    return _mirror(graph, rebuild=False)


def rebuild_mirror(graph: nx.MultiDiGraph) -> Mirror:
    """Build the mirror of `graph` now (at load time, or after changing its edges in place)."""
    return _mirror(graph, rebuild=True)


def _mirror(graph: nx.MultiDiGraph, *, rebuild: bool) -> Mirror:
    fingerprint = (graph.number_of_nodes(),)
    with _BUILD_LOCK:
        mirror = _MIRRORS.get(graph)
        if rebuild or mirror is None or mirror.fingerprint != fingerprint:
            mirror = _temporary_mirror(graph)
            mirror.fingerprint = fingerprint
            _MIRRORS[graph] = mirror
        return mirror


def _temporary_mirror(graph: nx.MultiDiGraph) -> Mirror:
    """A mirror of a graph that has no compiled cache (a Dataset built in memory, --no-cache): written to a
    temporary file and opened read-only like a compiled one; the file goes when the mirror is collected."""
    started = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="orgraph-mirror-"))
    path = folder / "graph.lbug"
    info = write_mirror(graph, path)
    mirror = open_mirror(path, info, seconds=time.perf_counter() - started)
    weakref.finalize(mirror, _remove_folder, mirror.database, folder)
    return mirror


def _remove_folder(database: ladybug.Database, folder: Path) -> None:
    with contextlib.suppress(Exception):
        database.close()
    shutil.rmtree(folder, ignore_errors=True)


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


Attrs = Mapping[str, Any]


def write_mirror(graph: nx.MultiDiGraph, path: Path) -> MirrorInfo:
    """Copy `graph` column by column into a new database file at `path` (row dicts would double the time)."""
    nodes_by_label: dict[str, list[tuple[Any, Attrs]]] = {label: [] for label in BASE_NODE_LABELS}
    label_of: dict[Any, str] = {}
    node_keys: set[str] = set()
    for key, attrs in graph.nodes(data=True):
        label = _label(attrs)
        label_of[key] = label
        nodes_by_label.setdefault(label, []).append((key, attrs))
        node_keys.update(attrs)
    node_keys -= {"labels"}
    node_types = dict(NODE_PROPERTIES)
    for name in sorted(node_keys - node_types.keys()):
        node_types[name] = _column_type(a.get(name) for _, a in graph.nodes(data=True))

    pairs: dict[str, set[tuple[str, str]]] = {t: set(p) for t, p in BASE_REL_PAIRS.items()}
    edges: dict[tuple[str, str, str], list[tuple[Any, Any, Attrs]]] = {}
    rel_keys: set[str] = set()
    for start, end, attrs in graph.edges(data=True):
        rel_type = str(getattr(attrs.get("type"), "value", attrs.get("type", "RELATED")))
        pair = (label_of[start], label_of[end])
        pairs.setdefault(rel_type, set()).add(pair)
        edges.setdefault((rel_type, *pair), []).append((start, end, attrs))
        rel_keys.update(attrs)
    rel_keys -= {"type"}
    rel_types = dict(REL_PROPERTIES)
    for name in sorted(rel_keys - rel_types.keys()):
        rel_types[name] = _column_type(a.get(name) for *_, a in graph.edges(data=True))

    database = ladybug.Database(str(path), buffer_pool_size=_pool_bytes(graph), max_db_size=WRITE_MAX_DB)
    conn = ladybug.Connection(database)
    _write_nodes(conn, nodes_by_label, node_types)
    _write_rels(conn, pairs, edges, rel_types)
    conn.close()
    database.close()  # checkpoints: the file alone now holds everything
    return MirrorInfo(
        labels=sorted(label for label, items in nodes_by_label.items() if items),
        rel_types=sorted({t for t, *_ in edges}),
        property_keys=sorted(node_keys | rel_keys),
    )


def _write_nodes(
    conn: ladybug.Connection, nodes_by_label: dict[str, list[tuple[Any, Attrs]]], node_types: dict[str, str]
) -> None:
    """One node table per label, filled by one COPY from an Arrow frame."""
    node_columns = ", ".join(f"{_q(name)} {kind}" for name, kind in node_types.items())
    for label, items in nodes_by_label.items():
        conn.execute(f"CREATE NODE TABLE {_q(label)}({node_columns}, PRIMARY KEY (id))")
        if items:
            columns = {name: [a.get(name) for _, a in items] for name in node_types}
            columns["id"] = [a.get("id", str(k)) for k, a in items]
            frame = _arrow(columns, node_types)  # noqa: F841 - read by COPY below
            conn.execute(f"COPY {_q(label)} FROM frame")


def _write_rels(
    conn: ladybug.Connection,
    pairs: dict[str, set[tuple[str, str]]],
    edges: dict[tuple[str, str, str], list[tuple[Any, Any, Attrs]]],
    rel_types: dict[str, str],
) -> None:
    """One relationship table per type over all its label pairs, filled by one COPY per pair."""
    rel_columns = ", ".join(
        f"{_q(name)} {kind}"
        for name, kind in {
            **rel_types,
            **dict.fromkeys(ENDPOINT_PROPERTIES, "STRING"),
        }.items()
    )
    for rel_type, type_pairs in pairs.items():
        ends = ", ".join(f"FROM {_q(a)} TO {_q(b)}" for a, b in sorted(type_pairs))
        conn.execute(f"CREATE REL TABLE {_q(rel_type)}({ends}, {rel_columns})")
    for (rel_type, start_label, end_label), edge_items in edges.items():
        starts = [str(u) for u, _, _ in edge_items]
        ends_ = [str(v) for _, v, _ in edge_items]
        edge_columns: dict[str, list[Any]] = {
            "from": starts,
            "to": ends_,
            **{name: [a.get(name) for *_, a in edge_items] for name in rel_types},
        }
        edge_columns.update({"_start": starts, "_end": ends_})
        types = {
            "from": "STRING",
            "to": "STRING",
            **rel_types,
            "_start": "STRING",
            "_end": "STRING",
        }
        frame = _arrow(edge_columns, types)  # noqa: F841 - read by COPY below
        conn.execute(f"COPY {_q(rel_type)} FROM frame (from='{start_label}', to='{end_label}')")


def _pool_bytes(graph: nx.MultiDiGraph) -> int:
    """Memory for the mirror and its queries. LadybugDB's default reserves most of the machine's RAM per database
    (44 MB resident each, even when empty); 128 MB was too little for 100k agencies, 512 MB enough."""
    return (256 << 20) + 4096 * int(graph.number_of_nodes() + graph.number_of_edges())


def _arrow(columns: Mapping[str, list[Any]], types: Mapping[str, str]) -> Any:
    """An Arrow table (it keeps nulls as nulls; pandas would turn a missing int or bool into NaN)."""
    import pyarrow as pa  # with numpy 0.2-0.3 s to import: only compiling needs it, a query on the cache never does

    arrow_types = {"STRING": pa.string(), "BOOLEAN": pa.bool_(), "INT64": pa.int64(), "DOUBLE": pa.float64()}
    arrays = {}
    for name, kind in types.items():
        values = columns[name]
        try:
            arrays[name] = pa.array(values, arrow_types[kind])
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # enum members or odd values: spell them out
            plain = [getattr(v, "value", v) for v in values]
            arrays[name] = pa.array(
                [None if v is None else str(v) for v in plain] if kind == "STRING" else plain,
                arrow_types[kind],
            )
    return pa.table(arrays)


def _q(name: str) -> str:
    """A backtick-quoted identifier (labels and types come from data; `IN` is also a keyword)."""
    return "`" + name.replace("`", "``") + "`"
