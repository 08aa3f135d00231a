"""Where LadybugDB's null logic differs from Neo4j's, the extent of the expressions to rewrite.

Neo4j: `'a' + null` is null, LadybugDB: 'a' (it concatenates a null string as ''); so a `+` chain gets
`CASE WHEN <an operand> IS NULL … THEN NULL ELSE <chain> END`. Neo4j: `1 IN [2, null]` is null (unknown),
LadybugDB: false; so `x IN [… null …]` becomes `CASE WHEN x IN [the other elements] THEN true ELSE NULL END`.
The operands are found on tokens by Cypher's precedence: `+`/`-` bind tighter than comparisons, IN, IS,
STARTS/ENDS WITH, CONTAINS and the boolean operators, looser than `*`, `/`, `%`, `^`, `.`, `[]` and calls.
"""

from __future__ import annotations

from graph.cypher_gate import Token

__all__ = ["additive_chain", "expression_start", "holds_null", "is_binary", "list_elements", "mark_operators"]

_BOUNDARY_WORDS = {
    "WHERE", "AND", "OR", "XOR", "NOT", "WHEN", "THEN", "ELSE", "END", "CASE", "RETURN", "WITH", "DISTINCT",
    "UNWIND", "BY", "AS", "IN", "IS", "STARTS", "ENDS", "CONTAINS", "SKIP", "LIMIT", "ORDER", "ASC", "DESC",
    "ASCENDING", "DESCENDING", "MATCH", "OPTIONAL", "UNION", "CALL", "·WITH",
}  # fmt: skip
_BOUNDARY_OPS = {"=", "<>", "<", ">", "<=", ">=", "=~", "..", ":", "|", ";", ",", "->", "<-"}
_OPENERS, _CLOSERS = ("(", "[", "{"), (")", "]", "}")


class _OperatorWith(Token):
    """The WITH of STARTS WITH / ENDS WITH: an operator, not the clause."""

    @property
    def upper(self) -> str:
        return "·WITH"


def mark_operators(tokens: list[Token]) -> list[Token]:
    """The tokens, with STARTS WITH / ENDS WITH's WITH no longer taken for a clause."""
    out = list(tokens)
    for i in range(1, len(out)):
        if out[i].upper == "WITH" and out[i - 1].upper in ("STARTS", "ENDS"):
            tok = out[i]
            out[i] = _OperatorWith(tok.kind, tok.text, tok.start, tok.end)
    return out


def _boundary(tok: Token) -> bool:
    return tok.text in _BOUNDARY_OPS or (tok.kind == "word" and tok.upper in _BOUNDARY_WORDS)


def _opens(tok: Token) -> bool:
    """`(`, `[`, `{` and CASE (a CASE … END is one operand)."""
    return tok.text in _OPENERS or (tok.kind == "word" and tok.upper == "CASE")


def _closes(tok: Token) -> bool:
    return tok.text in _CLOSERS or (tok.kind == "word" and tok.upper == "END")


def is_binary(tokens: list[Token], i: int, lo: int) -> bool:
    """Is the operator at tokens[i] binary (it follows an operand)?"""
    if i <= lo:
        return False
    prev = tokens[i - 1]
    if _closes(prev):
        return True
    return prev.kind in ("word", "quoted", "number", "string", "param") and not _boundary(prev)


def expression_start(tokens: list[Token], i: int, lo: int) -> int:
    """First token of the additive expression that ends just before tokens[i]."""
    j, depth = i - 1, 0
    while j >= lo:
        if _closes(tokens[j]):
            depth += 1
        elif _opens(tokens[j]):
            if depth == 0:
                return j + 1
            depth -= 1
        elif depth == 0 and _boundary(tokens[j]):
            return j + 1
        j -= 1
    return lo


def _expression_end(tokens: list[Token], i: int, hi: int) -> int:
    """Index just past the additive expression that starts at tokens[i]."""
    j, depth = i, 0
    while j < hi:
        if _opens(tokens[j]):
            depth += 1
        elif _closes(tokens[j]):
            if depth == 0:
                return j
            depth -= 1
        elif depth == 0 and _boundary(tokens[j]):
            return j
        j += 1
    return hi


def additive_chain(tokens: list[Token], i: int, lo: int, hi: int) -> tuple[int, int, list[tuple[int, int]]]:
    """(first, end, operand ranges) of the `+`/`-` chain around the binary `+` at tokens[i]."""
    first, end = expression_start(tokens, i, lo), _expression_end(tokens, i + 1, hi)
    operands: list[tuple[int, int]] = []
    depth, start = 0, first
    for j in range(first, end):
        text = tokens[j].text
        if _opens(tokens[j]):
            depth += 1
        elif _closes(tokens[j]):
            depth -= 1
        elif depth == 0 and text in ("+", "-") and is_binary(tokens, j, first):
            operands.append((start, j))
            start = j + 1
    operands.append((start, end))
    return first, end, operands


def list_elements(tokens: list[Token], open_index: int, close: int) -> list[tuple[int, int]]:
    """Token ranges of the elements of the list literal tokens[open_index..close]."""
    out: list[tuple[int, int]] = []
    depth, start = 0, open_index + 1
    for j in range(open_index + 1, close):
        if _opens(tokens[j]):
            depth += 1
        elif _closes(tokens[j]):
            depth -= 1
        elif depth == 0 and tokens[j].text == ",":
            out.append((start, j))
            start = j + 1
    if start < close:
        out.append((start, close))
    return out


def holds_null(tokens: list[Token], elements: list[tuple[int, int]]) -> bool:
    return any(b == a + 1 and tokens[a].upper == "NULL" for a, b in elements)
