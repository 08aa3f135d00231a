"""The Neo4j schema vocabulary: constraints, the row key orders and the query templates filled from them. Labels,
relationship ends and property orders are graph/schema.py's.

Labels and relationship types cannot be parameters; the templates here are filled once, from this fixed vocabulary
(never from input), so every value still travels as a $parameter.
"""

from __future__ import annotations

from graph.errors import OrgraphError
from graph.model import RelType
from graph.schema import EDGE_PROPS, LABELS, NODE_TYPES, REL_ENDS

__all__ = [
    "CREATE_NODES",
    "EXISTING_NODES",
    "EXISTING_RELS",
    "JOURNAL_LABEL",
    "LABELS",
    "META_LABEL",
    "NODE_KEYS",
    "REL_KEYS",
    "SCHEMA",
    "create_rels_query",
    "schema_query",
]

META_LABEL = "OrgraphDataset"  # one per complete dataset; carries no `dataset` property, so data queries never see it
JOURNAL_LABEL = "OrgraphLoad"  # one per batched load in progress or interrupted (docs/neo4j-loading.md)
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
    "CREATE CONSTRAINT orgraph_load_key IF NOT EXISTS FOR (n:OrgraphLoad) REQUIRE n.dataset_id IS UNIQUE",
    "CREATE INDEX orgraph_agency_snapshot IF NOT EXISTS FOR (n:Agency) ON (n.dataset, n.snapshot)",
    "CREATE INDEX orgraph_agency_id IF NOT EXISTS FOR (n:Agency) ON (n.id)",
    "CREATE INDEX orgraph_jurisdiction_id IF NOT EXISTS FOR (n:Jurisdiction) ON (n.id)",
]

# Rows travel as positional lists in these key orders (no per-row key strings to encode and decode), and the
# properties are written inline in CREATE: `SET n = row` costs more, and for relationships adds an Eager.
# The orders are graph/schema.py's property orders; a Jurisdiction row has a last element more: the map of
# its declared attributes (property names from data).
NODE_KEYS: dict[str, tuple[str, ...]] = {label: NODE_TYPES[label].names for label in LABELS}
REL_KEYS: tuple[str, ...] = tuple(p.name for p in EDGE_PROPS)  # a rel row is [start, end, *REL_KEYS]


def _inline(keys: tuple[str, ...], offset: int = 0) -> str:
    return ", ".join(f"{key}: row[{i + offset}]" for i, key in enumerate(keys))


CREATE_NODES = {
    lb: schema_query("UNWIND $rows AS row CREATE (n:{label} {", label=lb)
    + _inline(NODE_KEYS[lb])
    + ", dataset: $ds})"
    + (f" SET n += row[{len(NODE_KEYS[lb])}]" if NODE_TYPES[lb].spread else "")  # attributes travel as a map
    + " RETURN count(*) AS n"
    for lb in LABELS
}
# Existing rows come back as one list per query (one record), which the driver decodes far faster than records.
EXISTING_NODES = {
    lb: schema_query(
        "MATCH (n:{label} {dataset: $ds}) RETURN collect([n.id, elementId(n), properties(n)]) AS rows",
        label=lb,
    )
    for lb in LABELS
}
EXISTING_RELS = {
    lb: schema_query(
        "MATCH (a:{label} {dataset: $ds})-[r]->(b) WHERE b.dataset = $ds "
        "RETURN collect([type(r), a.id, labels(b), b.id, elementId(r), properties(r)]) AS rows",
        label=lb,
    )
    for lb in ("Agency", "Jurisdiction")
}
_REL_ENDS = {(t.value, start, end) for t, start, end in REL_ENDS}  # every edge the schema allows
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


def create_rels_query(ds: str, rel_type: str, start_label: str, end_label: str) -> str:
    """The CREATE template for one kind of edge; OrgraphError when the schema allows no such edge."""
    query = _CREATE_RELS.get((rel_type, start_label, end_label))
    if query is None:
        raise OrgraphError(f"dataset {ds!r}: no {rel_type} edge can join {start_label} to {end_label}")
    return query
