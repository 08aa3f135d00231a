"""What the embedded engine refuses, and the small parts of a query it reads before running it.

refuse_unsupported() names constructs that LadybugDB lacks or would answer differently from Neo4j, so the
analyst gets UnsupportedCypher pointing at the Neo4j backend instead of a wrong answer; parameters() and
return_columns() give LadybugDB only the parameters it is asked for and the result Neo4j's column names.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph.cypher_gate import Token
from graph.errors import CypherSyntaxError, UnsupportedCypher

__all__ = ["parameters", "refuse_unsupported", "return_columns"]

#: Functions Neo4j has and LadybugDB lacks (or means differently), with what to write instead.
_UNSUPPORTED_FUNCTIONS = {
    "shortestpath": "shortestPath()",
    "allshortestpaths": "allShortestPaths()",
    "elementid": "elementId()",
    "id": "id() (use the `id` property, e.g. a.id)",
    "startnode": "startNode()",
    "endnode": "endNode()",
    "reduce": "reduce()",
}
_CLAUSE_WORDS = {
    "WHERE",
    "AND",
    "OR",
    "NOT",
    "XOR",
    "WHEN",
    "THEN",
    "ELSE",
    "RETURN",
    "WITH",
}
_END_OF_RETURN = {"ORDER", "SKIP", "LIMIT", "UNION"}


def refuse_unsupported(tokens: list[Token]) -> None:
    """Raise UnsupportedCypher for constructs LadybugDB lacks or would answer differently from Neo4j."""
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        text = tok.text
        calls = tok.kind == "word" and nxt is not None and nxt.text == "(" and (prev is None or prev.text != ".")
        if calls and text.lower() in _UNSUPPORTED_FUNCTIONS:
            raise UnsupportedCypher(_UNSUPPORTED_FUNCTIONS[text.lower()])
        if text == "[" and nxt is not None and nxt.text == "(":
            raise UnsupportedCypher("pattern comprehension [(a)-->(b) | …]")
        if (
            text == "["
            and nxt is not None
            and nxt.kind == "word"
            and i + 2 < len(tokens)
            and tokens[i + 2].upper == "IN"
        ):
            raise UnsupportedCypher("list comprehension [x IN list | …]", "use UNWIND and collect()")
        if text == ":" and prev is not None and prev.kind in ("word", "quoted"):
            before = tokens[i - 2] if i >= 2 else None
            if before is not None and before.text == ":":
                raise UnsupportedCypher(
                    "several labels on one node (a:A:B)",
                    "an orgraph node has exactly one label",
                )
            if before is not None and before.upper in _CLAUSE_WORDS:
                raise UnsupportedCypher(
                    f"a label test in an expression ({prev.text}:{nxt.text if nxt else ''})",
                    "put the label in the MATCH pattern",
                )
        if (
            text in ("&", "!")
            and prev is not None
            and prev.kind in ("word", "quoted")
            and i >= 2
            and tokens[i - 2].text in (":", "|", "&")
        ):
            raise UnsupportedCypher(f"the label expression operator {text}")
        if (
            tok.kind == "word"
            and nxt is not None
            and nxt.text == "{"
            and prev is not None
            and prev.upper in ("RETURN", "WITH", ",")
            and tok.upper not in ("EXISTS", "COUNT", "COLLECT")
        ):
            raise UnsupportedCypher("map projection a {.x, .y}", "return the properties one by one")
        if tok.upper == "CALL" and nxt is not None and nxt.text == "{":
            raise UnsupportedCypher("CALL { … } subqueries")
        if tok.upper in ("COUNT", "COLLECT") and nxt is not None and nxt.text == "{":
            raise UnsupportedCypher(f"{tok.upper} {{ … }} subqueries")
        if tok.upper in ("USE", "SHOW", "PROFILE", "EXPLAIN") and i == 0:
            raise UnsupportedCypher(tok.upper)


def parameters(tokens: list[Token], params: Mapping[str, object]) -> dict[str, Any]:
    """The parameters the query names (the service always passes $dataset, LadybugDB rejects extras)."""
    used: dict[str, Any] = {}
    for tok in tokens:
        if tok.kind != "param":
            continue
        name = tok.text[1:].strip("`")
        if name not in params:
            raise CypherSyntaxError(f"missing parameter ${name}: pass it with the query")
        used[name] = _engine_value(params[name])
    return used


def _engine_value(value: object) -> Any:
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_engine_value(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _engine_value(v) for k, v in value.items()}
    return getattr(value, "value", value)


def return_columns(text: str, tokens: list[Token]) -> list[str]:
    """Column names as Neo4j gives them: the alias, else the expression as typed."""
    depth, start = 0, -1
    for i, tok in enumerate(tokens):
        if tok.text in "([{":
            depth += 1
        elif tok.text in ")]}":
            depth -= 1
        elif depth == 0 and tok.upper == "RETURN":
            start = i + 1
    if start < 0:
        return []
    if start < len(tokens) and tokens[start].upper == "DISTINCT":
        start += 1
    items: list[list[Token]] = [[]]
    depth = 0
    for tok in tokens[start:]:
        if depth == 0 and tok.upper in _END_OF_RETURN:
            break
        if tok.text in "([{":
            depth += 1
        elif tok.text in ")]}":
            depth -= 1
        if depth == 0 and tok.text == ",":
            items.append([])
        else:
            items[-1].append(tok)
    columns = []
    for item in items:
        if not item or (len(item) == 1 and item[0].text == "*"):
            return []
        if len(item) >= 3 and item[-2].upper == "AS":
            columns.append(item[-1].text.strip("`"))
        else:
            columns.append(text[item[0].start : item[-1].end])
    return columns
