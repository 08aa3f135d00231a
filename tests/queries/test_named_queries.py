"""Every named query (queries/*.cypher) and every analyst query of docs/schema.md gives the same rows on both
backends, on every dataset of data/ and tests/data (Xilingol, mini, the State Council, three snapshots, English
only): the same order where the query has ORDER BY (rows that tie
on its keys may come in any order, as Cypher allows), the same multiset of rows where it has none.

Each dataset is loaded once per module into a NetworkxStore and a Neo4jStore, under a dataset id of its own
(so concurrent loads elsewhere cannot change what this reads), and dropped from Neo4j afterwards.
"""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from paths import MINI, ROOT, TESTS, XILINGOL

from graph.errors import UnsupportedCypher
from graph.model import Dataset, RelType
from queries import NamedQuery, all_queries

#: Named queries the embedded engine cannot run, with the construct its UnsupportedCypher must name. Empty: all
#: of them run. A query added here must fail on the embedded engine with that message and still run on Neo4j.
EMBEDDED_UNSUPPORTED: dict[str, str] = {}

#: Values for the queries' required parameters (they have no default that fits every dataset), per dataset.
REQUIRED = {
    "xilingol": {"agency_id": "152528-2019-emergency_management"},
    "mini": {"agency_id": "m19-xh-emergency"},
}
DATASETS = {
    "xilingol": XILINGOL,
    "mini": MINI,
    "state-council": ROOT / "data" / "state-council",
    "three-rounds": TESTS / "data" / "three-rounds",  # three snapshots
    "national-en": TESTS / "data" / "national-en",  # English names only, national level
}
#: Datasets the queries were written for: most of them answer there (elsewhere parity on few rows is the point).
WRITTEN_FOR = {"xilingol", "mini"}
QUERIES = all_queries()


@pytest.fixture(scope="module", params=list(DATASETS))
def pair(request: pytest.FixtureRequest) -> Iterator[tuple[Any, Any, Dataset]]:
    """(networkx store, Neo4j store, dataset) with the dataset loaded in both."""
    from graph.embedded.store import NetworkxStore
    from graph.neo4j.store import Neo4jStore
    from loaders import load_dataset

    loaded = load_dataset(DATASETS[request.param])
    dataset = replace(loaded, id=f"named-{request.param}-{uuid.uuid4().hex[:10]}")
    driver = request.getfixturevalue("neo4j_driver")
    networkx, neo4j = NetworkxStore(), Neo4jStore(driver)
    networkx.load(dataset)
    try:
        neo4j.load(dataset)
        yield networkx, neo4j, dataset
    finally:
        driver.execute_query("MATCH (n {dataset: $ds}) DETACH DELETE n", ds=dataset.id)
        driver.execute_query("MATCH (d:OrgraphDataset {dataset_id: $ds}) DELETE d", ds=dataset.id)


def _name(dataset: Dataset) -> str:
    """'named-three-rounds-0123456789' -> 'three-rounds'."""
    return dataset.id.removeprefix("named-")[:-11]


def _required(dataset: Dataset) -> dict[str, str]:
    """REQUIRED's values, or an agency of the last snapshot with a reporting line and a predecessor."""
    if _name(dataset) in REQUIRED:
        return REQUIRED[_name(dataset)]
    reports = {e.start for e in dataset.edges_of(RelType.REPORTS_TO)}
    became = {e.end for e in dataset.edges_of(RelType.BECAME)}
    last = dataset.snapshot_ids()[-1]
    return {"agency_id": next(a.id for a in dataset.agencies if a.snapshot == last and a.id in reports & became)}


def params_for(query: NamedQuery, dataset: Dataset, **override: str) -> dict[str, Any]:
    """The query's defaults read off `dataset`, plus this dataset's values for its required parameters."""
    params: dict[str, Any] = {"dataset": dataset.id, **query.bind(dataset).defaults}
    params.update({k: v for k, v in _required(dataset).items() if k in query.params})
    params.update(override)
    assert not query.missing(params), f"REQUIRED lacks {query.missing(params)} for {_name(dataset)}"
    return params


# ---- comparing rows ----------------------------------------------------------------------------------------

_ORDER_BY = re.compile(r"\border\s+by\s+(.+?)(?:\s+skip\b|\s+limit\b|$)", re.IGNORECASE | re.DOTALL)
_DIRECTION = re.compile(r"\s+(asc|ascending|desc|descending)$", re.IGNORECASE)


def order_keys(text: str, columns: list[str]) -> list[str] | None:
    """The returned columns the final ORDER BY sorts on; None when it sorts on anything but plain columns."""
    found = _ORDER_BY.findall(text)
    if not found:
        return None
    keys = [_DIRECTION.sub("", item.strip()) for item in found[-1].split(",")]
    return keys if all(k in columns for k in keys) else None


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def assert_same_rows(text: str, ours: Any, theirs: Any) -> None:
    assert ours.columns == theirs.columns
    assert len(ours.rows) == len(theirs.rows), (ours.rows, theirs.rows)
    assert Counter(map(_canon, ours.rows)) == Counter(map(_canon, theirs.rows))
    if re.search(r"\border\s+by\b", text, re.IGNORECASE):
        keys = order_keys(text, ours.columns)
        if keys is None:  # sorted on an expression: only the exact order can be compared
            assert ours.rows == theirs.rows
        else:  # rows that tie on the sort keys may come in either order; the keys themselves may not
            assert [[r[k] for k in keys] for r in ours.rows] == [[r[k] for k in keys] for r in theirs.rows]


def test_order_keys_reads_the_final_order_by() -> None:
    assert order_keys("RETURN a AS x, b AS y ORDER BY y DESC, x LIMIT 3", ["x", "y"]) == ["y", "x"]
    assert order_keys("RETURN a AS x ORDER BY a.name", ["x"]) is None
    assert order_keys("RETURN a AS x", ["x"]) is None


# ---- named queries -----------------------------------------------------------------------------------------


def test_the_registry_has_the_named_queries() -> None:
    names = {q.name for q in QUERIES}
    assert len(QUERIES) == len(list((ROOT / "queries").glob("*.cypher"))) >= 14
    assert {"reporting_chain", "ecology_dispatched", "quota_counts", "merged_agencies"} <= names
    assert set(EMBEDDED_UNSUPPORTED) <= names


@pytest.mark.neo4j
@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_named_query_gives_the_same_rows_on_both_backends(pair: tuple[Any, Any, Dataset], query: NamedQuery) -> None:
    networkx, neo4j, dataset = pair
    params = params_for(query, dataset)
    theirs = neo4j.run_cypher(query.text, params)
    if query.name in EMBEDDED_UNSUPPORTED:
        with pytest.raises(UnsupportedCypher, match=re.escape(EMBEDDED_UNSUPPORTED[query.name])):
            networkx.run_cypher(query.text, params)
        assert theirs.rows, "a query kept only for Neo4j must at least answer there"
        return
    ours = networkx.run_cypher(query.text, params)
    assert (ours.backend, theirs.backend) == ("networkx", "neo4j")
    assert_same_rows(query.text, ours, theirs)
    if _name(dataset) == "xilingol":
        assert ours.rows, f"{query.name}: its default parameters find nothing in data/xilingol"


@pytest.mark.neo4j
@pytest.mark.parametrize(
    "query", [q for q in QUERIES if "snapshot" in q.params and q.name not in EMBEDDED_UNSUPPORTED], ids=lambda q: q.name
)
def test_named_query_of_the_other_snapshot_agrees_too(pair: tuple[Any, Any, Dataset], query: NamedQuery) -> None:
    networkx, neo4j, dataset = pair
    params = params_for(query, dataset, snapshot=dataset.snapshot_ids()[0])
    assert_same_rows(query.text, networkx.run_cypher(query.text, params), neo4j.run_cypher(query.text, params))


@pytest.mark.neo4j
def test_most_named_queries_find_rows_in_the_mini_dataset_too(pair: tuple[Any, Any, Dataset]) -> None:
    """So that agreeing on mini is not agreeing on empty results (elsewhere: at least the generic ones answer)."""
    networkx, _, dataset = pair
    answered = [
        q.name
        for q in QUERIES
        if q.name not in EMBEDDED_UNSUPPORTED and networkx.run_cypher(q.text, params_for(q, dataset)).rows
    ]
    least = len(QUERIES) - 2 if _name(dataset) in WRITTEN_FOR else 4  # by category, basis, chains, lineage
    assert len(answered) >= least, sorted({q.name for q in QUERIES} - set(answered))


# ---- analysts' queries of docs/schema.md --------------------------------------------------------------------


def doc_queries(path: Path = ROOT / "docs" / "schema.md") -> list[tuple[str, str]]:
    """(comment, query) for each query of the cypher block under "Queries analysts type"."""
    text = path.read_text(encoding="utf-8")
    block = re.search(r"## Queries analysts type.*?```cypher\n(.*?)```", text, re.DOTALL)
    assert block, f"{path}: no cypher block under 'Queries analysts type'"
    found: list[tuple[str, str]] = []
    for chunk in re.split(r"^(?=//)", block.group(1), flags=re.MULTILINE):
        lines = chunk.strip().splitlines()
        if lines and lines[0].startswith("//") and len(lines) > 1:
            found.append((lines[0].lstrip("/ ").strip(), "\n".join(lines[1:]).strip()))
    return found


def scoped(query: str) -> str:
    """The query limited to one dataset, `{dataset: $dataset}` in each labelled node pattern: analysts type
    queries without it, and a Neo4j database shared by several datasets would answer for all of them."""

    def add(match: re.Match[str]) -> str:
        return f"({match[1]}:{match[2]} {{dataset: $dataset" + (", " if match[3] else "}")

    return re.sub(r"\((\w*):(\w+)\s*(\{)?", add, query)


def test_scoped_adds_the_dataset_to_each_node_pattern() -> None:
    assert scoped("MATCH (a:Agency {type: 'x'})-[r:REPORTS_TO]->(b:Agency) RETURN b") == (
        "MATCH (a:Agency {dataset: $dataset, type: 'x'})-[r:REPORTS_TO]->(b:Agency {dataset: $dataset}) RETURN b"
    )


DOC_QUERIES = doc_queries()


def test_schema_md_has_the_analyst_queries() -> None:
    assert len(DOC_QUERIES) >= 5


@pytest.mark.neo4j
@pytest.mark.parametrize("comment, query", DOC_QUERIES, ids=[c[:40] for c, _ in DOC_QUERIES])
def test_analyst_query_of_the_docs_agrees_on_both_backends(
    pair: tuple[Any, Any, Dataset], comment: str, query: str
) -> None:
    networkx, neo4j, dataset = pair
    params = {"dataset": dataset.id, "agency_id": _required(dataset)["agency_id"]}
    ours = networkx.run_cypher(scoped(query), params)
    assert_same_rows(query, ours, neo4j.run_cypher(scoped(query), params))
    # the embedded store holds one dataset: scoping changes nothing there, as typed equals as compared
    assert_same_rows(query, networkx.run_cypher(query, params), ours)
    if _name(dataset) in WRITTEN_FOR:  # the docs' examples name the Xilingol snapshots and types
        assert ours.rows, f"{comment!r} finds nothing in {dataset.id}"
