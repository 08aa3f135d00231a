"""The embedded Cypher engine answers as Neo4j does, or refuses clearly: a fixed-seed differential run of generated
read queries (bench/cypher_fuzz.py) on both backends, and the five ordinary queries it used to refuse.

Needs the Neo4j test server (fails in CI without it). The full run of 2,000+ queries is bench/bench_cypher_diff.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from bench.cypher_diff import differential_pair, run_queries
from bench.cypher_fuzz import Vocab, generate
from bench.synthetic import make_synthetic
from graph.model import Dataset, RelType

#: (dataset, seed, queries): a few hundred in all, under a minute against a local server.
RUNS = [("xilingol", 101, 130), ("synthetic", 102, 120)]
SHAPES = {
    "match",
    "optional match",
    "where",
    "with where",
    "aggregation",
    "distinct",
    "alias shadows",
    "order by",
    "skip",
    "limit",
    "limit after with order",
    "unwind",
    "variable-length path",
    "path",
    "parameters",
    "collect",
}


def _dataset(name: str, request: pytest.FixtureRequest) -> Dataset:
    return request.getfixturevalue("xilingol_dataset") if name == "xilingol" else make_synthetic(300, seed=5)


def test_the_generator_is_seeded_distinct_and_covers_the_shapes(mini_dataset: Dataset) -> None:
    vocab = Vocab.of(mini_dataset)
    first, again = generate(7, 300, vocab), generate(7, 300, vocab)
    assert [q.key for q in first] == [q.key for q in again]
    assert len({q.key for q in first}) == 300
    assert generate(8, 50, vocab) != first[:50]
    covered = {shape for q in first for shape in q.shapes}
    assert SHAPES <= covered, SHAPES - covered
    assert all("$dataset" in q.text or q.text.startswith("UNWIND") for q in first)


@pytest.mark.neo4j
@pytest.mark.parametrize(("name", "seed", "count"), RUNS)
def test_generated_queries_give_neo4j_rows_or_a_clear_refusal(
    neo4j_driver: Any, name: str, seed: int, count: int, request: pytest.FixtureRequest
) -> None:
    dataset = _dataset(name, request)
    queries = generate(seed, count, Vocab.of(dataset))
    with differential_pair(dataset, neo4j_driver) as pair:
        summary = run_queries(pair, queries)
    failures = [f"{o.kind}: {o.query.text} {o.query.params}\n  {o.detail}" for o in summary.failures()]
    assert not failures, "\n".join(failures)
    assert summary.count("same") >= 0.9 * count, summary.lines()


def _ids(dataset: Dataset) -> list[str]:
    return sorted(a.id for a in dataset.agencies)


def _issue_queries(dataset: Dataset) -> list[tuple[str, list[dict[str, Any]]]]:
    """The shapes Neo4j answered and the embedded engine refused (issue 10), with their answers from the data."""
    ids = _ids(dataset)
    reports = sorted((e.start, e.end) for e in dataset.edges if e.type == RelType.REPORTS_TO)
    juris = sorted(((j.name_zh, j.level) for j in dataset.jurisdictions), reverse=True)
    parts = [a.split("-") for a in ids[:4]]
    return [
        ("MATCH (a:Agency {dataset: $dataset}) RETURN a.id AS a ORDER BY a LIMIT 3", [{"a": i} for i in ids[:3]]),
        (
            "MATCH (a:Agency {dataset: $dataset})-[:REPORTS_TO]->(b:Agency) RETURN a.id AS a, b.id AS b ORDER BY b, a",
            [{"a": s, "b": e} for s, e in sorted(reports, key=lambda r: (r[1], r[0]))],
        ),
        (
            "MATCH (j:Jurisdiction {dataset: $dataset}) RETURN j.name_zh AS j, j.level AS level ORDER BY j DESC, level",
            [{"j": n, "level": lvl} for n, lvl in juris],
        ),
        (
            "MATCH (a:Agency {dataset: $dataset}) WITH a ORDER BY a.id DESC RETURN a.id AS id LIMIT 2",
            [{"id": i} for i in ids[::-1][:2]],
        ),
        (
            "MATCH (a:Agency {dataset: $dataset}) WITH a.id AS id ORDER BY id LIMIT 4 "
            "RETURN id, split(id, '-')[1..] AS rest, split(id, '-')[..-1] AS most, split(id, '-')[-1] AS last",
            [{"id": i, "rest": p[1:], "most": p[:-1], "last": p[-1]} for i, p in zip(ids[:4], parts)],
        ),
    ]


@pytest.mark.neo4j
def test_the_queries_the_embedded_engine_used_to_refuse_answer_as_on_neo4j(
    neo4j_driver: Any, mini_dataset: Dataset
) -> None:
    with differential_pair(mini_dataset, neo4j_driver, prefix="issue10") as pair:
        for text, expected in _issue_queries(mini_dataset):
            for store in (pair.embedded, pair.neo4j):
                result = store.run_cypher(text, {"dataset": pair.dataset_id})
                assert result.rows == expected, (store.backend, text)
