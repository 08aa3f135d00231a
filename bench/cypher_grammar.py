"""The grammar of bench/cypher_fuzz.py: the schema's labels and properties, patterns, typed expressions,
predicates with nulls, projections, aggregates and ORDER BY. Every choice comes from one seeded Random."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from graph.model import Dataset

__all__ = ["AGG_TAILS", "Item", "Scope", "Var", "Vocab", "order_clause", "start_pattern"]

PROPS: dict[str, dict[str, str]] = {
    "Agency": {
        "id": "str",
        "snapshot": "str",
        "jurisdiction": "str",
        "name_zh": "str",
        "name_en": "str",
        "type": "str",
        "category": "str",
        "counts_toward_quota": "bool",
        "basis": "str",
    },
    "Jurisdiction": {
        "id": "str",
        "name_zh": "str",
        "name_en": "str",
        "level": "str",
        "size_class": "str",
        "agency_quota": "int",
        "border": "bool",
        "poverty": "str",
    },
    "Function": {"id": "str", "name_zh": "str", "name_en": "str"},
    "REPORTS_TO": {"mode": "str", "basis": "str"},
    "HOSTED_BY": {"mode": "str", "basis": "str"},
    "BECAME": {"change": "str", "function": "str", "basis": "str"},
    "HAS_FUNCTION": {"basis": "str"},
    "IN": {"basis": "str"},
}
VALUES: dict[str, list[str]] = {
    "snapshot": ["2018", "2019"],
    "category": ["leadership", "party", "government", "discipline", "coordination", "institution", "enforcement"],
    "level": ["region", "league", "county"],
    "size_class": ["small", "medium", "large"],
    "poverty": ["national", "regional", "none"],
    "basis": ["seed", "public", "modeled"],
    "mode": ["leads", "manages", "unified", "dispatched", "entrusted", "guides", "office_in", "plate", "co_located"],
    "change": ["continued", "renamed", "merged", "split", "transferred"],
}
PIECES = ["局", "委", "办公室", "中心", "旗", "Bureau", "Office", "Committee", "of", "e", "_", "-", "1", "0"]
AGG_TAILS = ["return", "return", "with"]


@dataclass(frozen=True)
class Vocab:
    """Ids that exist in the dataset, so parameters and literals select something."""

    agency_ids: tuple[str, ...]
    jurisdiction_ids: tuple[str, ...]
    types: tuple[str, ...]

    @classmethod
    def of(cls, dataset: Dataset) -> Vocab:
        agencies = sorted(a.id for a in dataset.agencies)
        step = max(1, len(agencies) // 40)
        return cls(
            tuple(agencies[::step]),
            tuple(sorted(j.id for j in dataset.jurisdictions)),
            tuple(sorted({a.type for a in dataset.agencies}))[:30],
        )


@dataclass(frozen=True)
class Var:
    name: str
    kind: str  # node | rel | path | value
    label: str  # the node label, relationship type, or value type (str, int, bool, float)
    nullable: bool = False


@dataclass
class Scope:
    vars: dict[str, Var] = field(default_factory=dict)
    counter: int = 0

    def add(self, var: Var) -> None:
        self.vars[var.name] = var

    def fresh(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def nodes(self) -> list[Var]:
        return [v for v in self.vars.values() if v.kind == "node"]

    def of_kind(self, kind: str) -> list[Var]:
        return [v for v in self.vars.values() if v.kind == kind]

    @classmethod
    def of_items(cls, items: list[Item]) -> Scope:
        scope = cls()
        for item in items:
            scope.add(Var(item.name, "value", item.type, nullable=True))
        return scope


@dataclass(frozen=True)
class Item:
    """One projected column: `text` as written in RETURN/WITH, `name` the column it makes."""

    text: str
    name: str
    type: str  # str | int | bool | float | list | graph | map (a map is not reused)
    orderable: bool
    unordered: bool = False
    shadows: bool = False

    def passed_on(self) -> Item:
        return Item(self.name, self.name, self.type, self.orderable, self.unordered)


_PATTERNS: list[tuple[int, str, list[tuple[str, str, str]], list[str]]] = [
    (10, "(a:Agency {{dataset: $dataset{extra}}})", [("a", "node", "Agency")], ["match"]),
    (4, "(j:Jurisdiction {{dataset: $dataset}})", [("j", "node", "Jurisdiction")], ["match"]),
    (2, "(f:Function {{dataset: $dataset}})", [("f", "node", "Function")], ["match"]),
    (
        8,
        "(a:Agency {{dataset: $dataset{extra}}})-[r:REPORTS_TO]->(b:Agency)",
        [("a", "node", "Agency"), ("r", "rel", "REPORTS_TO"), ("b", "node", "Agency")],
        ["relationship"],
    ),
    (
        3,
        "(b:Agency {{dataset: $dataset}})<-[r:REPORTS_TO {{mode: '{mode}'}}]-(a:Agency)",
        [("a", "node", "Agency"), ("r", "rel", "REPORTS_TO"), ("b", "node", "Agency")],
        ["relationship", "relationship property map"],
    ),
    (
        3,
        "(a:Agency {{dataset: $dataset{extra}}})-[r:REPORTS_TO]-(b:Agency)",
        [("a", "node", "Agency"), ("r", "rel", "REPORTS_TO"), ("b", "node", "Agency")],
        ["undirected"],
    ),
    (
        6,
        "(a:Agency {{dataset: $dataset{extra}}})-[:IN]->(j:Jurisdiction)",
        [("a", "node", "Agency"), ("j", "node", "Jurisdiction")],
        ["relationship"],
    ),
    (
        3,
        "(c:Jurisdiction {{dataset: $dataset}})-[r:IN]->(j:Jurisdiction)",
        [("c", "node", "Jurisdiction"), ("r", "rel", "IN"), ("j", "node", "Jurisdiction")],
        ["relationship"],
    ),
    (
        4,
        "(a:Agency {{dataset: $dataset{extra}}})-[r:HAS_FUNCTION]->(f:Function)",
        [("a", "node", "Agency"), ("r", "rel", "HAS_FUNCTION"), ("f", "node", "Function")],
        ["relationship"],
    ),
    (
        4,
        "(a:Agency {{dataset: $dataset}})-[r:BECAME]->(b:Agency)",
        [("a", "node", "Agency"), ("r", "rel", "BECAME"), ("b", "node", "Agency")],
        ["relationship"],
    ),
    (
        3,
        "(a:Agency {{dataset: $dataset}})-[r:HOSTED_BY]->(b:Agency)",
        [("a", "node", "Agency"), ("r", "rel", "HOSTED_BY"), ("b", "node", "Agency")],
        ["relationship"],
    ),
    (
        3,
        "(a:Agency {{dataset: $dataset{extra}}})-[:REPORTS_TO]->(b:Agency)-[:REPORTS_TO]->(c:Agency)",
        [("a", "node", "Agency"), ("b", "node", "Agency"), ("c", "node", "Agency")],
        ["two hops"],
    ),
    (
        2,
        "(a:Agency {{dataset: $dataset, category: '{category}'}})-[:REPORTS_TO]->(b:Agency)<-[:REPORTS_TO]-(c:Agency)",
        [("a", "node", "Agency"), ("b", "node", "Agency"), ("c", "node", "Agency")],
        ["relationship uniqueness"],
    ),
    (
        2,
        "(a:Agency {{dataset: $dataset, snapshot: '{snapshot}'}})-[:IN]->(j:Jurisdiction), "
        "(b:Agency {{category: '{category}'}})-[:IN]->(j)",
        [("a", "node", "Agency"), ("j", "node", "Jurisdiction"), ("b", "node", "Agency")],
        ["comma pattern"],
    ),
    (
        6,
        "p = (a:Agency {{dataset: $dataset{extra}}})-[:REPORTS_TO{hops}]->(b:Agency)",
        [("a", "node", "Agency"), ("p", "path", "REPORTS_TO"), ("b", "node", "Agency")],
        ["variable-length path", "path"],
    ),
    (
        2,
        "p = (c:Jurisdiction {{dataset: $dataset}})-[:IN{hops}]->(j:Jurisdiction)",
        [("c", "node", "Jurisdiction"), ("p", "path", "IN"), ("j", "node", "Jurisdiction")],
        ["variable-length path", "path"],
    ),
    (
        2,
        "p = (a:Agency {{dataset: $dataset}})-[:BECAME]->(b:Agency)",
        [("a", "node", "Agency"), ("p", "path", "BECAME"), ("b", "node", "Agency")],
        ["path"],
    ),
]
_HOPS = ["*1..2", "*1..3", "*2", "*..2", "*0..1", "*", "*1..", "*2..3"]


def start_pattern(rng: random.Random, scope: Scope, vocab: Vocab, params: dict[str, Any]) -> tuple[str, list[str]]:
    """The first MATCH (or UNWIND $ids … MATCH) and the variables it binds."""
    params["dataset"] = None  # filled in by the runner
    _, template, binds, shapes = rng.choices(_PATTERNS, weights=[p[0] for p in _PATTERNS])[0]
    extra = ""
    roll = rng.random()
    if roll < 0.25:
        extra = f", snapshot: '{rng.choice(VALUES['snapshot'])}'"
    elif roll < 0.35:
        extra = ", snapshot: $snapshot"
        params["snapshot"] = rng.choice(VALUES["snapshot"])
    elif roll < 0.45:
        extra = f", category: '{rng.choice(VALUES['category'])}'"
    pattern = template.format(
        extra=extra,
        mode=rng.choice(VALUES["mode"][:6]),
        category=rng.choice(VALUES["category"]),
        snapshot=rng.choice(VALUES["snapshot"]),
        hops=rng.choice(_HOPS),
    )
    for name, kind, label in binds:
        scope.add(Var(name, kind, label))
    if "{extra}" in template and rng.random() < 0.12:
        params["ids"] = rng.sample(vocab.agency_ids, min(len(vocab.agency_ids), rng.randint(1, 6)))
        pattern = pattern.replace("(a:Agency {dataset: $dataset", "(a:Agency {dataset: $dataset, id: aid", 1)
        return f"UNWIND $ids AS aid MATCH {pattern}", [*shapes, "unwind parameter", "parameters"]
    word = "OPTIONAL MATCH" if rng.random() < 0.08 else "MATCH"
    return f"{word} {pattern}", shapes + ["parameters"] * ("$snapshot" in pattern)


def order_clause(
    rng: random.Random,
    items: list[Item],
    params: dict[str, Any],
    shapes: list[str],
    *,
    limit: bool | None = None,
) -> str:
    """ORDER BY every column (so the order is decided), each ASC or DESC, then perhaps SKIP and LIMIT."""
    keys = [i.name for i in items]
    rng.shuffle(keys)
    parts = [k + rng.choice(["", " ASC", " DESC", " DESC"]) for k in keys]
    text = "ORDER BY " + ", ".join(parts)
    shapes.append("order by")
    if limit is None:
        limit = rng.random() < 0.5
        if rng.random() < 0.25:
            text += f" SKIP {rng.randint(0, 5)}"
            shapes.append("skip")
    if limit:
        if rng.random() < 0.2:
            params["n"] = rng.randint(1, 10)
            text += " LIMIT $n"
            shapes.append("parameters")
        else:
            text += f" LIMIT {rng.randint(1, 10)}"
        shapes.append("limit")
    return text
