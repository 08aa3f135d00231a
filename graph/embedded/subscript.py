"""List positions and slices as Neo4j means them, in LadybugDB's functions.

Neo4j counts from 0, from the end when negative, gives null for a position outside the list, and slices
`l[a..b]` from a up to (not including) b, clamped to the list. LadybugDB counts from 1, raises on a position
outside the list (even in an untaken CASE branch: it evaluates eagerly), and has no `..` slices. So
`l[i]` becomes `list_max(list_slice(l, p, p))` (a slice of zero or one element never raises; list_max of it is
the element or null) and `l[a..b]` becomes `list_slice(l, start, end)` with the bounds worked out as Neo4j
does. list_max only takes lists of plain values; for a list of nodes, relationships or lists, the engine
reruns the query with `list_extract` (exact, but raising outside the list).
"""

from __future__ import annotations

from graph.cypher_gate import Token

__all__ = ["index_expr", "operand_start", "slice_expr", "subscripts"]

#: Words after which `[` opens a list literal, not a subscript.
_BEFORE_LIST = {
    "IN",
    "RETURN",
    "WITH",
    "WHERE",
    "AND",
    "OR",
    "NOT",
    "XOR",
    "UNWIND",
    "THEN",
    "ELSE",
    "WHEN",
    "CASE",
    "AS",
    "DISTINCT",
    "BY",
    "CONTAINS",
    "IS",
    "SET",
    "SKIP",
    "LIMIT",
}


def subscripts(prev: Token) -> bool:
    """Does a `[` after `prev` index or slice what comes before it?"""
    if prev.text in (")", "]") or prev.kind == "param":
        return True
    return prev.kind in ("word", "quoted") and prev.upper not in _BEFORE_LIST


def operand_start(tokens: list[Token], open_index: int, lo: int) -> int:
    """Index of the first token of the expression that `tokens[open_index]` (a subscript `[`) applies to."""
    j = open_index - 1
    while True:
        text = tokens[j].text
        if text == ")":
            j = _opening(tokens, j)
            if j - 1 >= lo and tokens[j - 1].kind == "word":
                j -= 1
        elif text == "]":
            k = _opening(tokens, j)
            if k - 1 >= lo and subscripts(tokens[k - 1]):
                j = k - 1
                continue
            j = k
        if j - 2 >= lo and tokens[j - 1].text == ".":
            j -= 2
            continue
        return j


def _opening(tokens: list[Token], close_index: int) -> int:
    depth = 0
    for j in range(close_index, -1, -1):
        if tokens[j].text in (")", "]", "}"):
            depth += 1
        elif tokens[j].text in ("(", "[", "{"):
            depth -= 1
            if depth == 0:
                return j
    return 0


def _literal(text: str) -> int | None:
    stripped = text.replace(" ", "")
    digits = stripped.lstrip("-")
    if digits.isdigit() and stripped.count("-") <= 1 and (stripped == digits or stripped.startswith("-")):
        return int(stripped)
    return None


def _position(lst: str, bound: str, *, start: bool, low: str = "") -> str:
    """A Neo4j bound (0-based, negative from the end) as LadybugDB's 1-based start or inclusive end; `low`
    is what a bound before the start of the list becomes (clamped to the start by default)."""
    shift = " + 1" if start else ""
    value = _literal(bound)
    if value is not None and value >= 0:
        return str(value + 1) if start else str(value)
    low = low or ("1" if start else "0")
    return (
        f"(CASE WHEN ({bound}) < 0 THEN (CASE WHEN size({lst}) + ({bound}) < 0 THEN {low} "
        f"ELSE size({lst}) + ({bound}){shift} END) ELSE ({bound}){shift} END)"
    )


def index_expr(lst: str, index: str, *, plain: bool) -> str:
    """`lst[index]`: null outside the list; `plain` when the elements are plain values (see module doc)."""
    value = _literal(index)
    if value is not None and value < 0:
        at = f"(CASE WHEN size({lst}) < {-value} THEN size({lst}) + 1 ELSE size({lst}) - {-value - 1} END)"
    else:
        at = _position(lst, index, start=True, low=f"size({lst}) + 1")
    if plain:
        return f"list_max(list_slice({lst}, {at}, {at}))"
    return f"list_extract({lst}, {at})"


def slice_expr(lst: str, low: str, high: str) -> str:
    """`lst[low..high]` (either bound may be empty)."""
    start = _position(lst, low, start=True) if low.strip() else "1"
    end = _position(lst, high, start=False) if high.strip() else f"size({lst})"
    return f"list_slice({lst}, {start}, {end})"
