"""`keys(x)` and `properties(x)` as Neo4j answers them: only the properties an entity has.

The mirror gives every node table the union of all node properties and every relationship table the union of all
relationship properties (graph/embedded/mirror.py), so LadybugDB's own keys() lists every column and its
properties() holds a null for each property the entity lacks (and, for a relationship, the endpoint ids the
mirror keeps). Neo4j has no null properties: keys() lists those set, properties() maps only them.
So `keys(x)` is rewritten to keep the names whose value is not null, which needs to know whether `x` is a node or
a relationship (read off the patterns), and a properties() map is recognised in the results by its columns and
its nulls dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from graph.cypher_gate import Token
from graph.errors import UnsupportedCypher

__all__ = ["EntityColumns", "Kind", "keys_expression", "properties_expression", "variable_kinds"]

Kind = Literal["node", "rel"]
_ALIAS_SOURCES = {"nodes": "node", "relationships": "rel"}


@dataclass(frozen=True)
class EntityColumns:
    """The columns of the mirror's node tables and relationship tables (each table has all of its kind's),
    in table order, and the ones that are the mirror's own (endpoint ids), never shown."""

    node: tuple[str, ...]
    rel: tuple[str, ...]
    hidden: frozenset[str] = frozenset()

    def of(self, kind: Kind) -> tuple[str, ...]:
        return tuple(c for c in (self.node if kind == "node" else self.rel) if c not in self.hidden)

    def properties_map(self, value: Mapping[str, Any]) -> bool:
        """Is `value` a properties() map of a node or relationship (its keys are exactly a table's columns)?"""
        keys = set(value)
        return keys == set(self.node) or (bool(self.rel) and keys in (set(self.rel), set(self.of("rel"))))


def variable_kinds(tokens: list[Token]) -> dict[str, Kind]:
    """{variable: node or rel} for the variables named in patterns, `UNWIND nodes(p) AS n` and `WITH x AS y`."""
    kinds: dict[str, Kind] = {}
    conflicts: set[str] = set()

    def note(name: str, kind: Kind) -> None:
        if kinds.setdefault(name, kind) != kind:
            conflicts.add(name)

    for i, tok in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if nxt.kind not in ("word", "quoted") or i + 2 >= len(tokens):
            continue
        after = tokens[i + 2].text
        if tok.text == "(" and after in (":", ")", "{") and not _is_call(tokens, i):
            note(_name(nxt), "node")
        elif tok.text == "[" and i > 0 and tokens[i - 1].text in ("-", "<-") and after in (":", "]", "*", "{"):
            note(_name(nxt), "rel")
    for i, tok in enumerate(tokens):
        if tok.upper != "AS" or i == 0 or i + 1 >= len(tokens):
            continue
        alias = _name(tokens[i + 1])
        source = tokens[i - 1]
        if source.kind in ("word", "quoted") and _name(source) in kinds and (i < 2 or tokens[i - 2].text != "."):
            note(alias, kinds[_name(source)])
        elif source.text == ")" and (kind := _unwound_kind(tokens, i - 1)) is not None:
            note(alias, kind)
    return {name: kind for name, kind in kinds.items() if name not in conflicts}


def keys_expression(argument: list[Token], spelled: str, kinds: Mapping[str, Kind], columns: EntityColumns) -> str:
    """LadybugDB text for Neo4j's `keys(<argument>)`: the names of the properties that are not null, in table
    order (Neo4j's order is the store's, which no query should rely on)."""
    kind = kinds.get(_name(argument[0])) if len(argument) == 1 else None
    if kind is None:
        raise UnsupportedCypher(
            "keys() of a value other than a node or relationship variable named in a pattern",
            "call keys() on a variable of a MATCH pattern",
        )
    names = columns.of(kind)
    pieces = [f"CASE WHEN {spelled}.`{c}` IS NULL THEN CAST([] AS STRING[]) ELSE ['{_quote(c)}'] END" for c in names]
    return f"(CASE WHEN ({spelled}) IS NULL THEN NULL ELSE {_concat(pieces)} END)" if pieces else "[]"


def _concat(pieces: list[str]) -> str:
    """list_concat of the pieces as a balanced tree (shallow for many columns). Not list_filter over a list holding
    nulls: LadybugDB 0.22 crashes or mixes rows up on it when the rows come from several tables."""
    if len(pieces) == 1:
        return pieces[0]
    half = len(pieces) // 2
    return f"list_concat({_concat(pieces[:half])}, {_concat(pieces[half:])})"


def properties_expression(
    argument: list[Token], spelled: str, kinds: Mapping[str, Kind], columns: EntityColumns
) -> str:
    """LadybugDB text for Neo4j's `properties(<argument>)` of a relationship: a map without the mirror's endpoint
    ids, so that DISTINCT and grouping see only the properties (the engine drops the nulls from the result). Nodes
    and other values keep LadybugDB's properties()."""
    kind = kinds.get(_name(argument[0])) if len(argument) == 1 else None
    names = columns.of("rel")
    if kind != "rel" or not names:
        return f"properties({spelled})"
    fields = ", ".join(f"`{c}`: {spelled}.`{c}`" for c in names)
    return f"(CASE WHEN ({spelled}) IS NULL THEN NULL ELSE {{{fields}}} END)"


def _unwound_kind(tokens: list[Token], close: int) -> Kind | None:
    """`nodes(p)` or `relationships(p)` ending at tokens[close] (as in `UNWIND nodes(p) AS n`)."""
    depth = 0
    for j in range(close, -1, -1):
        depth += tokens[j].text == ")"
        depth -= tokens[j].text == "("
        if depth == 0:
            name = tokens[j - 1].text.lower() if j else ""
            unwinds = j >= 2 and tokens[j - 2].upper == "UNWIND"
            kind = _ALIAS_SOURCES.get(name)
            return kind if unwinds and kind in ("node", "rel") else None  # type: ignore[return-value]
    return None


def _is_call(tokens: list[Token], open_index: int) -> bool:
    return open_index > 0 and tokens[open_index - 1].kind == "word" and tokens[open_index - 1].upper not in _CLAUSES


_CLAUSES = {"MATCH", "OPTIONAL", "WHERE", "AND", "OR", "XOR", "NOT", "EXISTS", "WITH", "RETURN", "IN", "CASE"}


def _name(tok: Token) -> str:
    return tok.text.strip("`") if tok.kind == "quoted" else tok.text


def _quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace("'", "\\'")
