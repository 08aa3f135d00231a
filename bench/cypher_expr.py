"""Typed expressions for bench/cypher_fuzz.py: scalars over the variables in scope, predicates with nulls,
lists with indexes and slices, projections and aggregates. Each stays type-correct on Neo4j, so a query the
generator writes has one answer."""

from __future__ import annotations

import random
from typing import Any

from bench.cypher_grammar import PIECES, PROPS, VALUES, Item, Scope, Vocab

__all__ = ["ExprMaker"]

_KINDS = ["str", "str", "str", "int", "int", "bool", "float"]
_NAMES = ["name", "n", "id", "k", "v", "cat", "x", "total"]


class ExprMaker:
    """Random expressions of a wanted type over `scope`."""

    def __init__(self, rng: random.Random, scope: Scope, vocab: Vocab, params: dict[str, Any]) -> None:
        self.rng, self.scope, self.vocab, self.params = rng, scope, vocab, params

    # ---- atoms -----------------------------------------------------------------------------------
    def _atoms(self, kind: str, nullable_first: bool = False) -> list[tuple[str, str | None]]:
        atoms: list[tuple[str, str | None]] = []
        for var in self.scope.vars.values():
            if var.kind == "value" and var.label == kind:
                atoms.append((var.name, None))
            if var.kind in ("node", "rel"):
                for prop, pkind in PROPS.get(var.label, {}).items():
                    if pkind == kind and (var.nullable or not nullable_first):
                        atoms.append((f"{var.name}.{prop}", prop))
        return atoms

    def _atom(self, kind: str, nullable_first: bool = False) -> tuple[str, str | None]:
        atoms = self._atoms(kind, nullable_first) or self._atoms(kind)
        if atoms:
            return self.rng.choice(atoms)
        return (self._literal(kind, None), None)

    def _literal(self, kind: str, prop: str | None) -> str:
        rng = self.rng
        if kind == "int":
            return str(rng.choice([0, 1, 2, 3, 5, 10, 20, 30, 40, -1]))
        if kind == "bool":
            return rng.choice(["true", "false"])
        if kind == "float":
            return rng.choice(["0.5", "2.5", "-1.25", "10.0"])
        pool = VALUES.get(prop or "", [])
        if prop == "id":
            pool = list(self.vocab.agency_ids[:8]) + list(self.vocab.jurisdiction_ids[:4])
        elif prop == "jurisdiction":
            pool = list(self.vocab.jurisdiction_ids)
        elif prop == "type":
            pool = list(self.vocab.types[:10])
        return "'" + rng.choice(pool or PIECES) + "'"

    # ---- scalars ---------------------------------------------------------------------------------
    def scalar(self, kind: str, depth: int = 0) -> str:
        if depth >= 2 or self.rng.random() < 0.45:
            return self._atom(kind)[0]
        return getattr(self, f"_{kind}")(depth + 1)

    def _str(self, d: int) -> str:
        rng, s = self.rng, lambda: self.scalar("str", d)
        k = rng.randint(0, 4)
        forms = [
            lambda: f"toLower({s()})",
            lambda: f"toUpper({s()})",
            lambda: f"trim({s()})",
            lambda: f"left({s()}, {k})",
            lambda: f"right({s()}, {k})",
            lambda: f"substring({s()}, {k})",
            lambda: f"substring({s()}, {k}, {rng.randint(0, 3)})",
            lambda: f"replace({s()}, '{rng.choice(PIECES)}', '{rng.choice(PIECES)}')",
            lambda: f"reverse({s()})",
            lambda: f"{s()} + '/' + {s()}",
            lambda: f"coalesce({s()}, 'none')",
            lambda: f"toString({self.scalar('int', d)})",
            lambda: f"CASE {s()} WHEN {self._literal('str', 'category')} THEN 'yes' ELSE 'no' END",
            lambda: f"CASE WHEN {self.predicate(depth=d)} THEN {s()} ELSE 'other' END",
            lambda: f"{self.list_of('str', d)}[{self._index()}]",
            lambda: f"split({s()}, '{rng.choice(['_', '-', '局', 'e'])}')[{self._index()}]",
        ]
        forms += [lambda: f"type({r.name})" for r in self.scope.of_kind("rel")]
        forms += [lambda: f"labels({n.name})[0]" for n in self.scope.nodes()]
        forms += [lambda: f"head(labels({n.name}))" for n in self.scope.nodes()[:1]]
        return rng.choice(forms)()

    def _int(self, d: int) -> str:
        rng, i = self.rng, lambda: self.scalar("int", d)
        k = rng.randint(1, 7)
        forms = [
            lambda: f"size({self.scalar('str', d)})",
            lambda: f"{i()} + {k}",
            lambda: f"{i()} - {k}",
            lambda: f"{i()} * {k}",
            lambda: f"{i()} % {k}",
            lambda: f"{i()} / {k}",
            lambda: f"abs({i()} - 20)",
            lambda: f"toInteger(toString({i()}))",
            lambda: f"coalesce({i()}, -1)",
            lambda: f"CASE WHEN {self.predicate(depth=d)} THEN 1 ELSE 0 END",
            lambda: f"size({self.list_of(rng.choice(['str', 'int']), d)})",
            lambda: f"{self.list_of('int', d)}[{self._index()}]",
        ]
        entities = [v for v in self.scope.vars.values() if v.kind in ("node", "rel")]
        forms += [lambda v=v: f"size(keys({v.name}))" for v in entities]
        forms += [lambda v=v: f"CASE WHEN 'note' IN keys({v.name}) THEN 1 ELSE 0 END" for v in entities]
        forms += [lambda: f"length({p.name})" for p in self.scope.of_kind("path")]
        forms += [lambda: f"size(nodes({p.name}))" for p in self.scope.of_kind("path")]
        forms += [lambda: f"size(relationships({p.name}))" for p in self.scope.of_kind("path")]
        return rng.choice(forms)()

    def _bool(self, d: int) -> str:
        return self.predicate(depth=d)

    def _float(self, d: int) -> str:
        i = self.scalar("int", d)
        return self.rng.choice(
            [
                f"toFloat({i}) / 4",
                f"sqrt(toFloat(abs({i})))",
                f"round(toFloat({i}) / 3)",
                f"{i} * 0.5",
                f"ceil(toFloat({i}) / 7)",
                f"floor(toFloat({i}) / 7)",
            ]
        )

    def _index(self) -> str:
        roll = self.rng.random()
        if roll < 0.15:
            self.params["i"] = self.rng.randint(-2, 2)
            return "$i"
        return str(self.rng.randint(-3, 3))

    # ---- lists -----------------------------------------------------------------------------------
    def list_of(self, kind: str, d: int = 1) -> str:
        """A list whose order is decided (never a collect())."""
        rng = self.rng
        if kind == "int":
            forms = [
                lambda: f"range(1, {rng.randint(0, 6)})",
                lambda: f"range({rng.randint(3, 9)}, 0, -{rng.randint(1, 3)})",
                lambda: f"[{self.scalar('int', d + 1)}, {rng.randint(0, 9)}, {rng.randint(0, 9)}]",
                lambda: self._param_list("ints", [rng.randint(-5, 20) for _ in range(rng.randint(0, 5))]),
            ]
        else:
            forms = [
                lambda: f"split({self.scalar('str', d + 1)}, '{rng.choice(['_', '-', '局', 'e', ' '])}')",
                lambda: f"[{self.scalar('str', d + 1)}, '{rng.choice(PIECES)}']",
                lambda: self._param_list("strs", rng.sample(VALUES["category"], rng.randint(0, 4))),
            ]
            forms += [lambda: f"labels({n.name})" for n in self.scope.nodes()]
        text = rng.choice(forms)()
        if rng.random() < 0.1:
            text = f"reverse({text})"
        return self.slice(text) if rng.random() < 0.3 else text

    def slice(self, text: str) -> str:
        rng = self.rng
        a, b = rng.randint(-3, 3), rng.randint(-3, 4)
        return rng.choice([f"{text}[{a}..{b}]", f"{text}[..{b}]", f"{text}[{a}..]", f"{text}[1..-1]"])

    def _param_list(self, name: str, values: list[Any]) -> str:
        self.params[name] = values
        return f"${name}"

    def list_source(self) -> tuple[str, str]:
        """What UNWIND reads: (list text, element type)."""
        kind = self.rng.choice(["str", "int"])
        if self.rng.random() < 0.2:
            lit = {"int": "[3, 1, null, 2, 3]", "str": "['b', null, 'a', 'b']"}[kind]
            return self.rng.choice([lit, "[]"]), kind
        if kind == "str" and self.rng.random() < 0.3:
            return self._param_list("ids", list(self.rng.sample(self.vocab.agency_ids, 4))), kind
        return self.list_of(kind), kind

    def ordered_list_use(self, text: str) -> str:
        rng = self.rng
        forms = [
            lambda: text,
            lambda: f"{text}[{self._index()}]",
            lambda: self.slice(text),
            lambda: f"size({text})",
            lambda: f"head({text})",
            lambda: f"reverse({text})",
        ]
        return rng.choice(forms)()

    # ---- predicates ------------------------------------------------------------------------------
    def predicate(self, *, nullable_first: bool = False, depth: int = 0) -> str:
        rng = self.rng
        if depth < 2 and rng.random() < 0.35:
            op = rng.choice(["AND", "OR", "XOR", "NOT"])
            if op == "NOT":
                return f"NOT ({self.predicate(nullable_first=nullable_first, depth=depth + 1)})"
            left = self.predicate(nullable_first=nullable_first, depth=depth + 1)
            return f"({left} {op} {self.predicate(depth=depth + 1)})"
        kind = rng.choice(["str", "str", "str", "int", "bool", "cross", "exists"])
        if kind == "cross":
            return self._cross() or self.predicate(nullable_first=nullable_first, depth=2)
        if kind == "exists":
            return self._exists() or self.predicate(nullable_first=nullable_first, depth=2)
        text, prop = self._atom(kind, nullable_first)
        if rng.random() < 0.3 and depth < 2:
            text = f"({self.scalar(kind, depth + 1)})"  # analysts bracket a computed operand
        return self._compare(kind, text, prop)

    def _compare(self, kind: str, text: str, prop: str | None) -> str:
        rng = self.rng
        lit = lambda: self._literal(kind, prop)  # noqa: E731
        if kind == "bool":
            return rng.choice([text, f"{text} = {lit()}", f"NOT {text}", f"{text} IS NULL"])
        forms = [
            lambda: f"{text} = {lit()}",
            lambda: f"{text} <> {lit()}",
            lambda: f"{text} IN [{lit()}, {lit()}]",
            lambda: f"{text} IS NULL",
            lambda: f"{text} IS NOT NULL",
            lambda: f"{text} {rng.choice(['<', '<=', '>', '>='])} {lit()}",
            lambda: f"{text} IN [{lit()}, null]",
        ]
        if kind == "str":
            piece = rng.choice(PIECES)
            forms += [
                lambda: f"{text} STARTS WITH '{piece}'",
                lambda: f"{text} ENDS WITH '{piece}'",
                lambda: f"{text} CONTAINS '{piece}'",
                lambda: f"{text} =~ '.*{piece}.*'",
                lambda: f"{text} IN {self._param_list('cats', rng.sample(VALUES['category'], 3))}",
            ]
        return rng.choice(forms)()

    def _cross(self) -> str | None:
        nodes = [n for n in self.scope.nodes() if n.label == "Agency"]
        juris = [n for n in self.scope.nodes() if n.label == "Jurisdiction"]
        if len(nodes) >= 2:
            a, b = self.rng.sample(nodes, 2)
            prop = self.rng.choice(["id", "snapshot", "category", "jurisdiction", "type"])
            return f"{a.name}.{prop} {self.rng.choice(['=', '<>', '<'])} {b.name}.{prop}"
        if nodes and juris:
            return f"{nodes[0].name}.jurisdiction = {juris[0].name}.id"
        return None

    def _exists(self) -> str | None:
        agencies = [n for n in self.scope.nodes() if n.label == "Agency"]
        if not agencies:
            return None
        a = self.rng.choice(agencies).name
        body = self.rng.choice([f"({a})-[:HOSTED_BY]->()", f"({a})<-[:REPORTS_TO]-(:Agency)", f"({a})-[:BECAME]->()"])
        return ("NOT " if self.rng.random() < 0.4 else "") + f"EXISTS {{ MATCH {body} }}"

    # ---- projections -----------------------------------------------------------------------------
    def projection(self, n: int, *, allow_graph: bool, scalar_only: bool = False) -> list[Item]:
        """`n` columns (aliased, some with an alias that shadows a variable in scope)."""
        rng, items, names = self.rng, [], set()
        graph_vars = [v for v in self.scope.vars.values() if v.kind in ("node", "rel", "path")]
        for _ in range(n):
            roll = rng.random()
            if allow_graph and not scalar_only and graph_vars and roll < 0.15:
                var = rng.choice(graph_vars)
                if var.name not in names:
                    names.add(var.name)
                    items.append(Item(var.name, var.name, "graph", False))
                continue
            entities = [v for v in graph_vars if v.kind in ("node", "rel")]
            if allow_graph and not scalar_only and entities and roll < 0.2:
                var, name = rng.choice(entities), self._alias(names)
                names.add(name)
                # not keys(x) itself: Neo4j lists keys in the store's order, which differs from node to node, so
                # DISTINCT and grouping split equal sets (tests/neo4j/test_cypher_properties.py compares them sorted)
                items.append(Item(f"properties({var.name}) AS {name}", name, "map", False))
                continue
            if not scalar_only and roll < 0.25:
                text, kind, orderable = self.list_of(rng.choice(["str", "int"])), "list", False
            else:
                kind = rng.choice(_KINDS)
                text, orderable = self.scalar(kind), True
            name = self._alias(names)
            names.add(name)
            items.append(Item(f"{text} AS {name}", name, kind, orderable, shadows=name in self.scope.vars))
        return items or [Item("count(*) AS n0", "n0", "int", True)]

    def _alias(self, taken: set[str]) -> str:
        in_scope = [v for v in self.scope.vars if v not in taken]
        if in_scope and self.rng.random() < 0.35:
            return self.rng.choice(in_scope)
        free = [n for n in _NAMES if n not in taken and n not in self.scope.vars]
        return self.rng.choice(free) if free else f"c{len(taken)}"

    def aggregate(self, i: int) -> Item:
        rng = self.rng
        name = f"agg{i}"
        s, n = self.scalar("str"), self.scalar("int")
        forms: list[tuple[str, str, bool]] = [
            ("count(*)", "int", True),
            (f"count({s})", "int", True),
            (f"count(DISTINCT {s})", "int", True),
            (f"sum({n})", "int", True),
            (f"avg({n})", "float", True),
            (f"min({s})", "str", True),
            (f"max({n})", "int", True),
            (f"sum(CASE WHEN {self.predicate(depth=1)} THEN 1 ELSE 0 END)", "int", True),
            (f"size(collect(DISTINCT {s}))", "int", True),
            (f"collect({s})", "list", False),
            (f"collect(DISTINCT {n})", "list", False),
        ]
        forms += [(f"count({v.name})", "int", True) for v in self.scope.vars.values() if v.nullable][:2]
        text, kind, orderable = rng.choice(forms)
        return Item(f"{text} AS {name}", name, kind, orderable, unordered=not orderable)
