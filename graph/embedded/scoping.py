"""Neo4j's scoping of projections, which LadybugDB resolves differently, restored by renaming.

After `RETURN a.id AS a` (or WITH), Neo4j's ORDER BY, the WITH's WHERE and every later clause see the alias
`a`, not the node `a`; LadybugDB sees the node (`Order by NODE is not supported`, or, for a value, a silent
sort by the old value). So an alias that shadows a variable used before it gets a hidden name, and every
later reference follows it. The column keeps its name (the engine names columns from the text as typed).
Also: `WITH … ORDER BY` without SKIP/LIMIT gets `SKIP 0` (LadybugDB requires one; the order is kept).
"""

from __future__ import annotations

from graph.cypher_gate import Token
from graph.errors import UnsupportedCypher

__all__ = ["SHADOW_PREFIX", "orders_mid_query", "shadow_renames", "with_order_edits"]

SHADOW_PREFIX = "__orgraph_s"
_END_OF_ITEMS = {"ORDER", "SKIP", "LIMIT", "WHERE", "UNION", "MATCH", "OPTIONAL", "WITH", "RETURN", "UNWIND", "CALL"}
_NEXT_CLAUSE = {"UNION", "MATCH", "OPTIONAL", "WITH", "RETURN", "UNWIND", "CALL", "WHERE"}


def _is_variable(tokens: list[Token], i: int, braces: list[str]) -> bool:
    """Is tokens[i] a variable reference (not a property, label, type, map key, function or parameter)?"""
    tok = tokens[i]
    if tok.kind not in ("word", "quoted"):
        return False
    prev = tokens[i - 1].text if i else ""
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    if prev in (".", ":", "|") or nxt == "(":
        return False
    return not (braces and braces[-1] == "{" and prev in ("{", ",") and nxt == ":")


def _name(tok: Token) -> str:
    return tok.text.strip("`") if tok.kind == "quoted" else tok.text


def shadow_renames(tokens: list[Token]) -> dict[int, str]:
    """{token start offset: hidden name} for aliases that shadow a variable, and for what refers to them."""
    renames: dict[int, str] = {}
    active: dict[str, str] = {}
    seen: set[str] = set()
    braces: list[str] = []
    pending: list[tuple[int, str, str]] = []  # (token index where it takes effect, name, hidden)
    count = 0
    for i, tok in enumerate(tokens):
        while pending and pending[0][0] <= i:
            _, name, hidden = pending.pop(0)
            active[name] = hidden
        if tok.text in ("(", "[", "{"):
            braces.append(tok.text)
        elif tok.text in (")", "]", "}") and braces:
            braces.pop()
        if not braces and tok.upper == "UNION":
            active.clear()
            seen.clear()
            continue
        if _is_variable(tokens, i, braces):
            name = _name(tok)
            if name in active:
                renames.setdefault(tok.start, active[name])
            seen.add(name)
        if not braces and tok.upper in ("WITH", "RETURN"):
            for alias_at, end in _aliases(tokens, i + 1):
                name = _name(tokens[alias_at])
                if name not in seen or _passes_through(tokens, alias_at, name):
                    continue
                count += 1
                hidden = f"{SHADOW_PREFIX}{count}_{name}"
                renames[tokens[alias_at].start] = hidden
                pending.append((end, name, hidden))
            pending.sort()
    return renames


def _passes_through(tokens: list[Token], alias_at: int, name: str) -> bool:
    """Is the item just `name AS name`?"""
    source, before = tokens[alias_at - 2], tokens[alias_at - 3]
    return _name(source) == name and (before.text == "," or before.upper in ("WITH", "RETURN", "DISTINCT"))


def _aliases(tokens: list[Token], start: int) -> list[tuple[int, int]]:
    """(index of each `AS name` alias token, index where the item list ends) of a projection at `start`."""
    depth, end = 0, len(tokens)
    found: list[int] = []
    for j in range(start, len(tokens)):
        text = tokens[j].text
        if text in ("(", "[", "{"):
            depth += 1
        elif text in (")", "]", "}"):
            depth -= 1
        elif depth == 0 and tokens[j].upper in _END_OF_ITEMS:
            end = j
            break
        if depth == 0 and tokens[j].upper == "AS" and j + 1 < len(tokens):
            found.append(j + 1)
    return [(a, end) for a in found]


def with_order_edits(tokens: list[Token]) -> list[tuple[int, int, str]]:
    """`SKIP 0` after a WITH's ORDER BY that has neither SKIP nor LIMIT (LadybugDB requires one)."""
    edits: list[tuple[int, int, str]] = []
    depth, in_with = 0, False
    j = 0
    while j < len(tokens):
        tok = tokens[j]
        if tok.text in ("(", "[", "{"):
            depth += 1
        elif tok.text in (")", "]", "}"):
            depth -= 1
        elif depth == 0 and tok.upper in ("WITH", "RETURN", "MATCH", "UNWIND", "UNION"):
            in_with = tok.upper == "WITH"
        elif depth == 0 and in_with and tok.upper == "ORDER":
            end = _order_end(tokens, j + 1)
            if end >= len(tokens) or tokens[end].upper not in ("SKIP", "LIMIT"):
                at = tokens[end - 1].end
                edits.append((at, at, " SKIP 0"))
            j = end
            continue
        j += 1
    return edits


def _order_end(tokens: list[Token], start: int) -> int:
    depth = 0
    for j in range(start, len(tokens)):
        text = tokens[j].text
        if text in ("(", "[", "{"):
            depth += 1
        elif text in (")", "]", "}"):
            depth -= 1
        elif depth == 0 and (tokens[j].upper in _NEXT_CLAUSE | {"SKIP", "LIMIT"} or text == ";"):
            return j
    return len(tokens)


def orders_mid_query(tokens: list[Token]) -> bool:
    """Does a WITH order its rows? Then the engine runs on one thread, so later clauses keep that order.
    collect() does not keep it on LadybugDB, so that is refused."""
    at = _mid_query_order(tokens)
    if at is None:
        return False
    for j in range(at, len(tokens) - 1):
        if tokens[j].text.lower() == "collect" and tokens[j + 1].text == "(":
            raise UnsupportedCypher(
                "collect() after WITH … ORDER BY (LadybugDB does not collect in that order)",
                "sort the list afterwards, or order the final RETURN",
            )
    return True


def _mid_query_order(tokens: list[Token]) -> int | None:
    depth, in_with = 0, False
    for j, tok in enumerate(tokens):
        if tok.text in ("(", "[", "{"):
            depth += 1
        elif tok.text in (")", "]", "}"):
            depth -= 1
        elif depth == 0 and tok.upper in ("WITH", "RETURN", "MATCH", "UNWIND", "UNION"):
            in_with = tok.upper == "WITH"
        elif depth == 0 and in_with and tok.upper == "ORDER":
            return j
    return None
