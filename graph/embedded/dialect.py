"""Cypher as analysts type it for Neo4j, rewritten to mean the same on LadybugDB.

Works on tokens (graph.cypher_gate.tokenize), so string literals and comments are never touched. Besides
spelling (`type(r)` → `label(r)`, `labels(n)` → `[label(n)]`, `:IN` → `` :`IN` ``, `toString` → `to_string`
…) it restores Neo4j's relationship uniqueness, which LadybugDB does not apply: within one MATCH no
relationship is used twice (`(a)-[:REPORTS_TO]->(boss)<-[:REPORTS_TO]-(peer)` must not return a as its own
peer), and a variable-length path is a trail (`* TRAIL`), not a walk that goes back over the same edge.
"""

from __future__ import annotations

from itertools import combinations

from graph.cypher_gate import Token
from graph.errors import CypherSyntaxError, UnsupportedCypher

__all__ = ["HIDDEN_PREFIX", "rewrite"]

#: Names given to anonymous relationships so they can be kept distinct; never shown to the user.
HIDDEN_PREFIX = "__orgraph_r"
_CLAUSE_START = {
    "MATCH",
    "OPTIONAL",
    "WITH",
    "RETURN",
    "UNWIND",
    "ORDER",
    "SKIP",
    "LIMIT",
    "UNION",
    "CALL",
    "WHERE",
    ";",
}

#: Neo4j function names LadybugDB spells differently (same meaning).
_RENAMED_FUNCTIONS = {
    "tostring": "to_string",
    "tointeger": "to_int64",
    "tofloat": "to_double",
    "split": "string_split",
}


def rewrite(text: str, tokens: list[Token]) -> str:
    """Splice in LadybugDB spellings (type(r) → label(r), labels(n) → [label(n)], toString → to_string, …,
    head(l) → list_extract(l, 1), :IN → :`IN`) and Neo4j's relationship uniqueness."""
    edits: list[tuple[int, int, str]] = []
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        after_dot = prev is not None and prev.text == "."
        if tok.kind == "word" and nxt is not None and nxt.text == "(" and not after_dot:
            name = tok.text.lower()
            if name == "type":
                edits.append((tok.start, tok.end, "label"))
            elif name in _RENAMED_FUNCTIONS:
                edits.append((tok.start, tok.end, _RENAMED_FUNCTIONS[name]))
            elif name == "head":
                close = _matching(tokens, i + 1)
                edits.append((tok.start, tok.end, "list_extract"))
                edits.append((tokens[close].start, tokens[close].end, ", 1)"))
            elif name == "labels":
                close = _matching(tokens, i + 1)
                edits.append((tok.start, tok.end, "[label"))
                edits.append((tokens[close].start, tokens[close].end, ")]"))
            elif name in ("substring", "round"):
                edits += _one_based_args(tokens, i + 1, name)
        if tok.text == "[" and prev is not None and _subscripts(prev):
            edits += _one_based_index(tokens, i)
        if tok.kind == "word" and tok.upper == "IN" and prev is not None and prev.text in (":", "|"):
            edits.append((tok.start, tok.end, "`IN`"))
    edits += _uniqueness_edits(tokens)
    out = text
    # right to left; of two insertions at one place, the one added first ends up first
    ordered = sorted(
        ((start, n, end, new) for n, (start, end, new) in enumerate(edits)),
        reverse=True,
    )
    for start, _, end, new in ordered:
        out = out[:start] + new + out[end:]
    return out


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
}


def _subscripts(prev: Token) -> bool:
    if prev.text in (")", "]") or prev.kind == "param":
        return True
    return prev.kind in ("word", "quoted") and prev.upper not in _BEFORE_LIST


def _one_based_index(tokens: list[Token], open_index: int) -> list[tuple[int, int, str]]:
    """Neo4j counts list positions from 0, LadybugDB from 1 (negative ones alike from the end)."""
    close = _matching(tokens, open_index)
    inner = tokens[open_index + 1 : close]
    if any(t.text == ".." for t in inner):
        raise UnsupportedCypher(
            "list slices l[a..b]",
            "Neo4j counts from 0 and excludes the end; LadybugDB does not",
        )
    if len(inner) == 1 and inner[0].kind == "number" and inner[0].text.isdigit():
        return [(inner[0].start, inner[0].end, str(int(inner[0].text) + 1))]
    if len(inner) == 2 and inner[0].text == "-" and inner[1].kind == "number":
        return []
    if len(inner) == 1 and inner[0].kind == "param":
        p = inner[0].text
        return [
            (
                inner[0].start,
                inner[0].end,
                f"CASE WHEN {p} >= 0 THEN {p} + 1 ELSE {p} END",
            )
        ]
    if len(inner) == 1 and inner[0].kind == "string":
        raise UnsupportedCypher("dynamic property or map access x['key']", "write x.key")
    raise UnsupportedCypher("a list index that is an expression", "use a number or a $parameter")


def _one_based_args(tokens: list[Token], open_index: int, name: str) -> list[tuple[int, int, str]]:
    """substring() starts at 0 on Neo4j and at 1 on LadybugDB, which also wants its length; round(x) needs a
    precision there."""
    close = _matching(tokens, open_index)
    args: list[tuple[int, int]] = []
    depth, start = 0, open_index + 1
    for j in range(open_index + 1, close):
        if tokens[j].text in ("(", "[", "{"):
            depth += 1
        elif tokens[j].text in (")", "]", "}"):
            depth -= 1
        elif tokens[j].text == "," and depth == 0:
            args.append((start, j - 1))
            start = j + 1
    if start < close:
        args.append((start, close - 1))
    at_close = (
        tokens[close].start,
        tokens[close].end,
    )  # closers replace the ")" so nested ones keep order
    if name == "round":
        return [(*at_close, ", 0)")] if len(args) == 1 else []
    if len(args) not in (2, 3):
        return []
    first, last = args[1]
    edits = [
        (tokens[first].start, tokens[first].start, "("),
        (tokens[last].end, tokens[last].end, ") + 1"),
    ]
    if len(args) == 2:
        edits.append((*at_close, ", 2147483647)"))
    return edits


def _uniqueness_edits(tokens: list[Token]) -> list[tuple[int, int, str]]:
    """Name anonymous relationships of each top-level MATCH, require them pairwise distinct (Neo4j's
    relationship uniqueness), and make variable-length ones trails."""
    edits: list[tuple[int, int, str]] = []
    depth, hidden, i = 0, 0, 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.text in ("(", "[", "{"):
            depth += 1
        elif tok.text in (")", "]", "}"):
            depth -= 1
        if depth != 0 or tok.upper != "MATCH":
            i += 1
            continue
        fixed: list[str] = []
        j = i + 1
        while j < len(tokens) and not (tokens[j].upper in _CLAUSE_START and _depth_zero(tokens, i + 1, j)):
            if tokens[j].text == "[" and tokens[j - 1].text in ("-", "<-"):
                close = _matching(tokens, j)
                inner = tokens[j + 1 : close]
                stars = [t for t in inner if t.text == "*"]
                if inner and inner[0].kind in ("word", "quoted"):
                    name = inner[0].text
                else:
                    hidden += 1
                    name = f"{HIDDEN_PREFIX}{hidden}"
                    edits.append((tokens[j].end, tokens[j].end, name))
                if stars:
                    edits.append((stars[0].end, stars[0].end, " TRAIL "))
                else:
                    fixed.append(name)
                j = close
            j += 1
        if len(fixed) > 1:
            distinct = " AND ".join(f"{a} <> {b}" for a, b in combinations(fixed, 2))
            edits += _add_condition(tokens, j, distinct)
        i = j
    return edits


def _depth_zero(tokens: list[Token], start: int, end: int) -> bool:
    depth = 0
    for tok in tokens[start:end]:
        if tok.text in ("(", "[", "{"):
            depth += 1
        elif tok.text in (")", "]", "}"):
            depth -= 1
    return depth == 0


def _add_condition(tokens: list[Token], at: int, condition: str) -> list[tuple[int, int, str]]:
    """AND `condition` into the WHERE that starts at tokens[at], or add a WHERE there."""
    if at < len(tokens) and tokens[at].upper == "WHERE":
        end = at + 1
        while end < len(tokens) and not (
            tokens[end].upper in _CLAUSE_START - {"WHERE"} and _depth_zero(tokens, at + 1, end)
        ):
            end += 1
        close_at = tokens[end].start if end < len(tokens) else tokens[-1].end
        return [
            (tokens[at].end, tokens[at].end, f" ({condition}) AND ("),
            (close_at, close_at, ") "),
        ]
    where_at = tokens[at].start if at < len(tokens) else tokens[-1].end
    return [(where_at, where_at, f" WHERE {condition} ")]


def _matching(tokens: list[Token], open_index: int) -> int:
    depth = 0
    for j in range(open_index, len(tokens)):
        if tokens[j].text in "([{":
            depth += 1
        elif tokens[j].text in ")]}":
            depth -= 1
            if depth == 0:
                return j
    raise CypherSyntaxError(f"unbalanced parenthesis at offset {tokens[open_index].start}")
