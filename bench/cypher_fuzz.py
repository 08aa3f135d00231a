"""A seeded, grammar-based generator of read queries over the orgraph schema (docs/schema.md), for the
differential tester (bench/cypher_diff.py runs each query on both backends and compares the rows).

Every query is anchored on `$dataset` (the Neo4j test server holds many datasets) and is meant to be valid
Neo4j Cypher of definite meaning: where the order of rows or of a collected list is not decided by the query,
the query says so (FuzzQuery.ordered, FuzzQuery.unordered) and the comparison ignores it; a LIMIT or SKIP only
follows an ORDER BY that decides the order. Shapes follow the openCypher TCK's features (match, optional match,
with, aggregation, order by, skip/limit, unwind, list and string functions, var-length patterns, null logic).

    queries = generate(seed=1, count=2000, vocab=Vocab.of(dataset))
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bench.cypher_expr import ExprMaker
from bench.cypher_grammar import (
    AGG_TAILS,
    Scope,
    Var,
    Vocab,
    order_clause,
    start_pattern,
)

__all__ = ["FuzzQuery", "Vocab", "generate"]


@dataclass(frozen=True)
class FuzzQuery:
    """A query, its parameters, and what of its answer is decided: the row order (`ordered`) and which
    columns hold lists whose element order is not (`unordered`)."""

    text: str
    params: dict[str, Any]
    ordered: bool
    unordered: frozenset[str] = frozenset()
    shapes: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return self.text + repr(sorted(self.params.items()))


@dataclass
class _Build:
    """One query under construction."""

    rng: random.Random
    vocab: Vocab
    clauses: list[str] = field(default_factory=list)
    shapes: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)

    def text(self) -> str:
        return " ".join(self.clauses)


def generate(seed: int, count: int, vocab: Vocab) -> list[FuzzQuery]:
    """`count` distinct queries, the same ones for the same seed and vocabulary."""
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[FuzzQuery] = []
    attempts = 0
    while len(out) < count and attempts < count * 20:
        attempts += 1
        maker = rng.choices(_MAKERS, weights=[w for w, _ in _MAKER_WEIGHTS])[0]
        query = maker(_Build(random.Random(rng.random()), vocab))
        if query.key not in seen:
            seen.add(query.key)
            out.append(query)
    return out


def _matched(b: _Build) -> Scope:
    """MATCH [OPTIONAL MATCH …] [WHERE …]: the scope of variables the rest of the query may use."""
    rng = b.rng
    scope = Scope()
    text, shapes = start_pattern(rng, scope, b.vocab, b.params)
    b.clauses.append(text)
    b.shapes += shapes
    exprs = ExprMaker(rng, scope, b.vocab, b.params)
    if rng.random() < 0.55:
        b.clauses.append("WHERE " + exprs.predicate())
        b.shapes.append("where")
    if rng.random() < 0.3:
        optional = _optional(rng, scope)
        if optional:
            b.clauses.append(optional)
            b.shapes.append("optional match")
            if rng.random() < 0.4:
                b.clauses.append("WITH * WHERE " + exprs.predicate(nullable_first=True))
                b.shapes.append("with where")
    return scope


_OPTIONALS = {
    "Agency": [
        ("OPTIONAL MATCH ({v})-[{r}:HOSTED_BY]->({n}:Agency)", "Agency", "HOSTED_BY"),
        ("OPTIONAL MATCH ({v})<-[{r}:REPORTS_TO]-({n}:Agency)", "Agency", "REPORTS_TO"),
        ("OPTIONAL MATCH ({v})-[{r}:BECAME]->({n}:Agency)", "Agency", "BECAME"),
        ("OPTIONAL MATCH ({v})-[{r}:HAS_FUNCTION]->({n}:Function)", "Function", "HAS_FUNCTION"),
        ("OPTIONAL MATCH ({v})-[{r}:REPORTS_TO]->({n}:Agency {{category: 'leadership'}})", "Agency", "REPORTS_TO"),
    ],
    "Jurisdiction": [
        ("OPTIONAL MATCH ({v})-[{r}:IN]->({n}:Jurisdiction)", "Jurisdiction", "IN"),
        ("OPTIONAL MATCH ({v})<-[{r}:IN]-({n}:Jurisdiction)", "Jurisdiction", "IN"),
    ],
}


def _optional(rng: random.Random, scope: Scope) -> str | None:
    nodes = [v for v in scope.nodes() if v.label in _OPTIONALS]
    if not nodes:
        return None
    var = rng.choice(nodes)
    template, label, rel_type = rng.choice(_OPTIONALS[var.label])
    name, rel = scope.fresh("o"), scope.fresh("or")
    scope.add(Var(name, "node", label, nullable=True))
    scope.add(Var(rel, "rel", rel_type, nullable=True))
    return template.format(v=var.name, r=rel, n=name)


def _plain_return(b: _Build) -> FuzzQuery:
    """MATCH … RETURN [DISTINCT] items [ORDER BY all of them [SKIP] [LIMIT]]."""
    scope = _matched(b)
    exprs = ExprMaker(b.rng, scope, b.vocab, b.params)
    items = exprs.projection(b.rng.randint(1, 3), allow_graph=True)
    distinct = b.rng.random() < 0.25
    b.shapes += ["distinct"] * distinct + ["alias shadows"] * any(i.shadows for i in items)
    text = ("RETURN DISTINCT " if distinct else "RETURN ") + ", ".join(i.text for i in items)
    b.clauses.append(text)
    ordered = False
    if all(i.orderable for i in items) and b.rng.random() < 0.7:
        b.clauses.append(order_clause(b.rng, items, b.params, b.shapes))
        ordered = True
    return _done(b, ordered, items)


def _aggregate_return(b: _Build) -> FuzzQuery:
    """Aggregation with implicit grouping keys, in RETURN or in a WITH (then WHERE on the aggregate)."""
    scope = _matched(b)
    exprs = ExprMaker(b.rng, scope, b.vocab, b.params)
    keys = exprs.projection(b.rng.randint(0, 2), allow_graph=False)
    aggs = [exprs.aggregate(i) for i in range(b.rng.randint(1, 2))]
    items = keys + aggs
    b.shapes.append("aggregation")
    ordered = False
    tail = b.rng.choice(AGG_TAILS)
    if tail == "with":
        b.clauses.append("WITH " + ", ".join(i.text for i in items))
        b.shapes.append("with aggregation")
        after = Scope.of_items(items)
        if b.rng.random() < 0.6:
            b.clauses.append("WHERE " + ExprMaker(b.rng, after, b.vocab, b.params).predicate())
            b.shapes.append("with where")
        items = [i.passed_on() for i in items]
    b.clauses.append("RETURN " + ", ".join(i.text for i in items))
    if all(i.orderable for i in items) and b.rng.random() < 0.6:
        b.clauses.append(order_clause(b.rng, items, b.params, b.shapes))
        ordered = True
    return _done(b, ordered, items)


def _with_order(b: _Build) -> FuzzQuery:
    """WITH … ORDER BY (a total order) then a RETURN that keeps it: LIMIT in the final RETURN, or collect()."""
    scope = _matched(b)
    exprs = ExprMaker(b.rng, scope, b.vocab, b.params)
    items = exprs.projection(b.rng.randint(1, 2), allow_graph=False, scalar_only=True)
    b.clauses.append("WITH " + ", ".join(i.text for i in items))
    b.clauses.append(order_clause(b.rng, items, b.params, b.shapes, limit=b.rng.random() < 0.3))
    b.shapes.append("with order by")
    passed = [i.passed_on() for i in items]
    if b.rng.random() < 0.85:
        limit = b.rng.randint(1, 6)
        b.clauses.append("RETURN " + ", ".join(i.text for i in passed) + f" LIMIT {limit}")
        b.shapes.append("limit after with order")
        return _done(b, True, passed)
    first = passed[0]
    lst = ExprMaker(b.rng, Scope.of_items(passed), b.vocab, b.params).ordered_list_use(f"collect({first.name})")
    b.clauses.append(f"RETURN {lst} AS l")
    b.shapes.append("collect after order")
    return _done(b, True, [])


def _unwind(b: _Build) -> FuzzQuery:
    """UNWIND of a literal, a parameter, a range or a split string, with list and string functions."""
    rng = b.rng
    exprs = ExprMaker(rng, Scope(), b.vocab, b.params)
    source, kind = exprs.list_source()
    b.clauses.append(f"UNWIND {source} AS x")
    b.shapes.append("unwind")
    scope = Scope()
    scope.add(Var("x", "value", kind, nullable=True))
    if kind == "str" and rng.random() < 0.4:
        b.clauses.append("MATCH (a:Agency {dataset: $dataset}) WHERE a.id = x OR a.category = x")
        scope.add(Var("a", "node", "Agency"))
        b.shapes.append("unwind match")
    exprs = ExprMaker(rng, scope, b.vocab, b.params)
    if rng.random() < 0.4:
        b.clauses.append("WITH * WHERE " + exprs.predicate())
        b.shapes.append("with where")
    if rng.random() < 0.4:
        keys = exprs.projection(rng.randint(0, 1), allow_graph=False)
        items = keys + [exprs.aggregate(0)]
        b.shapes.append("aggregation")
    else:
        items = exprs.projection(rng.randint(1, 3), allow_graph=False)
    b.clauses.append("RETURN " + ", ".join(i.text for i in items))
    ordered = all(i.orderable for i in items) and rng.random() < 0.6
    if ordered:
        b.clauses.append(order_clause(rng, items, b.params, b.shapes))
    return _done(b, ordered, items)


def _collect_unwind(b: _Build) -> FuzzQuery:
    """WITH key, collect(x) AS l: then list functions on l, or UNWIND l again."""
    scope = _matched(b)
    exprs = ExprMaker(b.rng, scope, b.vocab, b.params)
    keys = exprs.projection(b.rng.randint(0, 1), allow_graph=False, scalar_only=True)
    value = exprs.scalar(b.rng.choice(["str", "int"]))
    distinct = "DISTINCT " if b.rng.random() < 0.5 else ""
    b.clauses.append("WITH " + ", ".join([i.text for i in keys] + [f"collect({distinct}{value}) AS l"]))
    passed = [i.passed_on() for i in keys]
    b.shapes.append("collect")
    if b.rng.random() < 0.5:
        b.clauses.append("UNWIND l AS y")
        b.clauses.append("RETURN " + ", ".join([i.text for i in passed] + ["y", "size(l) AS size_l"]))
        b.shapes.append("unwind collected")
        return _done(b, False, passed)
    b.clauses.append(
        "RETURN " + ", ".join([i.text for i in passed] + ["size(l) AS size_l", "l[0] IS NULL AS empty", "l AS l"])
    )
    query = _done(b, False, passed)
    return FuzzQuery(query.text, query.params, False, frozenset({"l"}), query.shapes)


def _done(b: _Build, ordered: bool, items: list[Any]) -> FuzzQuery:
    unordered = frozenset(i.name for i in items if getattr(i, "unordered", False))
    return FuzzQuery(b.text(), dict(b.params), ordered, unordered, tuple(dict.fromkeys(b.shapes)))


_MAKER_WEIGHTS: list[tuple[int, Callable[[_Build], FuzzQuery]]] = [
    (30, _plain_return),
    (25, _aggregate_return),
    (15, _with_order),
    (15, _unwind),
    (10, _collect_unwind),
]
_MAKERS = [m for _, m in _MAKER_WEIGHTS]
