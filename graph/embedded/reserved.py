"""Names Neo4j accepts that LadybugDB reserves (`RETURN a.id AS end`, `UNWIND l AS order`), quoted so both read them.

LadybugDB's grammar refuses its keywords as variable names; Neo4j's does not. So a name that is one of
those words, where a query defines it (after AS, or as a pattern variable) and wherever the query refers to
it later, is written in backticks. Only names the query defines are touched: a keyword that merely shares the
spelling (`CASE … end`, `ORDER BY x desc`) stays a keyword, told apart by where it stands (a reference stands
where an operand is expected). The list is derived, not guessed: `python -m bench.reserved_words` probes
LadybugDB and the Neo4j test server with `WITH 1 AS w WHERE w = 1 RETURN w AS x ORDER BY w` for every candidate.
"""

from __future__ import annotations

from graph.cypher_gate import Token

__all__ = ["RESERVED_ON_LADYBUG", "reserved_quotes"]

#: Words LadybugDB refuses as variable names and Neo4j 5 accepts (in any case), from bench/reserved_words.py.
RESERVED_ON_LADYBUG = frozenset(
    """
    ALL AND ANY ASC ASCENDING CASE CAST COLUMN COMMIT_SKIP_CHECKPOINT CREATE DBTYPE DEFAULT DESC DESCENDING DISTINCT
    ELSE END ENDS EXISTS FOR GLOB GROUP HEADERS HINT IN INDEX JOIN MACRO MULTI_JOIN NONE NOT ON ONLY OPTIONAL OPTIONS
    OR ORDER PRIMARY PROFILE ROLLBACK_SKIP_CHECKPOINT SHORTEST SINGLE SORTED STARTS THEN UNION UNWIND WHEN WHERE WITH
    WSHORTEST XOR
    """.split()
)
#: Keywords that open an expression inside brackets (`(NOT …)`, `(EXISTS { … })`): never a pattern variable.
_NOT_NAMES = {"NOT", "CASE", "EXISTS", "DISTINCT", "ALL", "ANY", "NONE", "SINGLE"}
#: Tokens after which an operand (a variable reference among others) is expected.
_OPERAND_AFTER = {"(", "[", "{", ",", "=", "<>", "<", ">", "<=", ">=", "+", "-", "*", "/", "%", "^", "=~", ":", ".."}
_KEYWORD_LEADS = {"RETURN", "WITH", "WHERE", "BY", "AND", "OR", "XOR", "NOT", "WHEN", "THEN", "ELSE", "CASE", "IN"}
_KEYWORD_LEADS |= {"UNWIND", "DISTINCT", "SKIP", "LIMIT", "CONTAINS", "IS"}
#: Keywords after which an operand has just ended.
_KEYWORD_ENDS = {"END", "ASC", "DESC", "ASCENDING", "DESCENDING", "NULL", "TRUE", "FALSE"}


def reserved_quotes(tokens: list[Token]) -> dict[int, str]:
    """{token start offset: `name`} for every definition of, and reference to, a reserved word used as a name."""
    defined: set[str] = set()
    quotes: dict[int, str] = {}
    expecting = True
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if tok.kind == "word" and tok.upper in RESERVED_ON_LADYBUG and _defines(prev, tok, nxt):
            defined.add(tok.text)
            quotes[tok.start] = f"`{tok.text}`"
            expecting = False
            continue
        if tok.kind == "word" and tok.text in defined and expecting and nxt != "(" and _not_a_key(prev, nxt):
            quotes[tok.start] = f"`{tok.text}`"
            expecting = False
            continue
        expecting = _expects_operand_after(tok, prev, expecting)
    return quotes


def _defines(prev: Token | None, tok: Token, nxt: str) -> bool:
    """Is `tok` a name being defined: an alias after AS, or a pattern variable before its label or properties?"""
    if prev is None:
        return False
    pattern_variable = prev.text in ("(", "[") and nxt in (":", "{") and tok.upper not in _NOT_NAMES
    return prev.upper == "AS" or pattern_variable


def _not_a_key(prev: Token | None, nxt: str) -> bool:
    """A property (`a.end`), label (`:End`) or map key (`{end: 1}`) is not a reference."""
    return not (prev is not None and prev.text in (".", ":", "|")) and nxt != ":"


def _expects_operand_after(tok: Token, prev: Token | None, expecting: bool) -> bool:
    """Whether an operand is expected after `tok`, given whether one was expected at it."""
    if tok.kind in ("string", "number", "param", "quoted"):
        return False
    if tok.kind == "punct":
        if tok.text == "*" and expecting:
            return False  # RETURN *, count(*), -[*]-: the star is the operand
        if tok.text == "." and prev is not None:
            return True  # a property name follows; it ends the operand itself
        return tok.text in _OPERAND_AFTER or tok.text not in (")", "]", "}")
    if tok.upper in _KEYWORD_LEADS:
        return True
    if tok.upper in _KEYWORD_ENDS:
        return False
    return not expecting and tok.upper != "BY"
