"""A Cypher script that recreates the selected graph in an empty Neo4j database (cypher-shell or Browser).

A script file cannot carry $parameters, so values are written as literals; every literal goes through
`cypher_literal`, which escapes quotes, backslashes and control characters (the only place in orgraph
where values are written into Cypher text, and only into a file for a human to run). One statement per line:
nodes are created in batches, relationships by MATCHing both ends on (dataset, id).
"""

from __future__ import annotations

from typing import Any

from exporters.data import agency_props, edge_props, function_props, jurisdiction_props
from exporters.selection import ExportGraph
from graph.errors import OrgraphError
from graph.model import RelType

__all__ = ["cypher_literal", "cypher_statements", "to_cypher"]

NODE_BATCH = 50
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def cypher_literal(value: Any) -> str:
    r"""A Cypher literal for a str, bool, int or float.

    >>> print(cypher_literal("旗委's \\ office\n"))
    '旗委\'s \\ office\n'
    >>> cypher_literal(True), cypher_literal(24)
    ('true', '24')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if not isinstance(value, str):
        raise OrgraphError(f"cannot write {type(value).__name__} value {value!r} as a Cypher literal")
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F or ch in "\u2028\u2029":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def _map(props: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{name}: {cypher_literal(value)}" for name, value in props.items()) + "}"


def cypher_statements(graph: ExportGraph, *, dataset_id: str | None = None) -> list[str]:
    """The statements, in order: nodes (Jurisdiction, Agency, Function), then relationships."""
    ds_id = dataset_id or graph.dataset.id
    labelled: list[tuple[str, dict[str, Any]]] = (
        [("Jurisdiction", jurisdiction_props(j, ds_id)) for j in graph.jurisdictions]
        + [("Agency", agency_props(a, ds_id)) for a in graph.agencies]
        + [("Function", function_props(f, ds_id)) for f in graph.functions]
    )
    label_of = {props["id"]: label for label, props in labelled}
    statements = []
    for i in range(0, len(labelled), NODE_BATCH):
        batch = labelled[i : i + NODE_BATCH]
        statements.append("CREATE " + ", ".join(f"(:{label} {_map(props)})" for label, props in batch) + ";")
    ds = cypher_literal(ds_id)
    for e in graph.all_edges:
        start_label, end_label = label_of.get(e.start), label_of.get(e.end)
        if start_label is None or end_label is None:
            raise OrgraphError(f"{e.type.value} edge {e.start} -> {e.end} has an end outside the selection")
        rel = RelType(e.type).value
        statements.append(
            f"MATCH (a:{start_label} {{dataset: {ds}, id: {cypher_literal(e.start)}}}), "
            f"(b:{end_label} {{dataset: {ds}, id: {cypher_literal(e.end)}}}) "
            f"CREATE (a)-[:{rel} {_map(edge_props(e))}]->(b);"
        )
    return statements


def to_cypher(graph: ExportGraph, *, dataset_id: str | None = None) -> str:
    """The whole script: a comment header, then one statement per line."""
    ds_id = dataset_id or graph.dataset.id
    header = [
        f"// orgraph export: {graph.title('zh')}",
        f"// {graph.title('en')}",
        f"// dataset: {ds_id}; sources: " + "; ".join(f"{s.id} ({s.basis.value}): {s.title}" for s in graph.sources()),
        "// Run in an empty database, e.g. `cypher-shell -f this-file.cypher`. Every node carries `dataset`;",
        "// every node and relationship carries `basis` (seed | public | modeled) and `source`.",
    ]
    header = [line.replace("\n", " ").replace("\r", " ") for line in header]
    return "\n".join(header + cypher_statements(graph, dataset_id=ds_id)) + "\n"
