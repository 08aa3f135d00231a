"""The one read-only gate in front of both backends: an allowlist of read clauses over a tokenizer that reads the
query as both engines do (graph/cypher_lexer.py).

A query is admitted only if it is ONE statement that starts with MATCH, OPTIONAL MATCH, WITH, UNWIND or RETURN
and every word in it is one of:
- a read keyword (MATCH, WHERE, WITH, UNWIND, RETURN, ORDER BY, SKIP, LIMIT, UNION [ALL], CASE ..., EXISTS {...});
- a function on the read-only list, called by its bare name (no `db.`/`apoc.` namespaces);
- a variable the query itself binds (in a pattern, after AS, as a path or comprehension variable);
- a name: a property after `.`, a label or type after `:`, a map key, anything in `backticks`, a string.

So every write (CREATE, MERGE, SET, DELETE, REMOVE, FOREACH ...), file access (LOAD, COPY, EXPORT, ATTACH,
INSTALL ...), procedure and table function (CALL ... of any kind), SHOW, USE, administration, transactions,
EXPLAIN/PROFILE/CYPHER prefixes and several statements are refused with WriteRefused, before any engine sees the
text. A refused read costs an analyst a rewrite; an admitted write would cost the data. The embedded engine
then opens its database read-only, and Neo4j's EXPLAIN check stays behind this gate: neither replaces it.
"""

from __future__ import annotations

from typing import NamedTuple

from graph.cypher_lexer import Token, tokenize
from graph.errors import CypherSyntaxError, WriteRefused

__all__ = ["FUNCTIONS", "READ_KEYWORDS", "Admitted", "Token", "admit", "tokenize"]

#: Words a query may start with (and a UNION branch).
_STARTS = frozenset({"MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN"})

#: Keywords of read queries and their expressions, in both engines' spelling.
READ_KEYWORDS = _STARTS | frozenset(
    "WHERE ORDER BY SKIP LIMIT UNION ALL DISTINCT AS ASC ASCENDING DESC DESCENDING AND OR XOR NOT IN IS NULL "
    "TRUE FALSE STARTS ENDS CONTAINS CASE WHEN THEN ELSE END EXISTS COUNT COLLECT ANY NONE SINGLE REDUCE "
    "SHORTESTPATH ALLSHORTESTPATHS SHORTEST TRAIL ACYCLIC WSHORTEST CAST NAN INF INFINITY".split()
)

#: Functions that only compute a value from their arguments (Neo4j 5 built-ins and their LadybugDB spellings).
#: Not here on purpose: anything namespaced (db.*, apoc.*, ...), LadybugDB's nextval/currval (sequences) and
#: table functions (show_tables, read_csv, ...), which must not be reachable from a query.
FUNCTIONS = frozenset(
    """
    abs acos asin atan atan2 avg btrim ceil char_length character_length coalesce collect cos cot count date
    datetime degrees duration e elementid endnode exp floor haversin head id isempty isnan keys labels last left
    length localdatetime localtime log log10 lower ltrim max min nodes normalize percentilecont percentiledisc pi
    point properties radians rand randomuuid range reduce relationships replace reverse right round rtrim sign sin
    size split sqrt startnode stdev stdevp substring sum tail tan time timestamp toboolean tobooleanlist
    tobooleanornull tofloat tofloatlist tofloatornull tointeger tointegerlist tointegerornull tolower tostring
    tostringlist tostringornull toupper trim type upper valuetype shortestpath allshortestpaths exists all any
    none single cast concat contains starts_with ends_with prefix suffix lcase ucase list_contains list_concat
    list_sort list_distinct list_extract list_element string_split label
    """.split()
)

#: Words refused with a specific reason (anything else that is not admitted gets a generic one).
_REASONS = {
    **dict.fromkeys(
        "CREATE MERGE SET DELETE DETACH NODETACH REMOVE FOREACH INSERT DROP ALTER RENAME ON".split(),
        "writes to the graph or its schema",
    ),
    **dict.fromkeys(
        "LOAD COPY EXPORT IMPORT ATTACH INSTALL UNINSTALL EXTENSION GLOB HEADERS CSV FIELDTERMINATOR".split(),
        "reads or writes files, or loads extensions",
    ),
    **dict.fromkeys(
        "CALL YIELD".split(),
        "calls a procedure or table function (use MATCH (n) RETURN DISTINCT labels(n) and the like instead)",
    ),
    **dict.fromkeys(
        "SHOW USE GRANT DENY REVOKE TERMINATE".split(),
        "administers the database, its transactions or its settings",
    ),
    **dict.fromkeys("EXPLAIN PROFILE CYPHER".split(), "is a query prefix; run the query itself"),
}

#: Keywords of statements that can only stand alone (after the `;` the gate refuses), or of read-only clauses
#: the gate does not offer: refused as words, but usable as variables the query binds (`AS start`, `AS index`).
_STANDALONE = {
    **dict.fromkeys(
        "START STOP ENABLE DEALLOCATE REALLOCATE ANALYZE CHECKPOINT BEGIN COMMIT ROLLBACK COMMIT_SKIP_CHECKPOINT "
        "ROLLBACK_SKIP_CHECKPOINT TRANSACTION TRANSACTIONS UPDATE FORCE COMMENT MACRO SEQUENCE DATABASE DATABASES "
        "DBMS ALIAS SERVER EXECUTE IMPERSONATE CONSTRAINT INDEX PERIODIC".split(),
        "administers the database, its transactions or its settings",
    ),
    **dict.fromkeys(
        "FINISH USING HINT JOIN MULTI_JOIN LET FILTER NEXT OFFSET".split(),
        "is not one of the read clauses ad-hoc Cypher allows",
    ),
}

_ALLOWED = (
    "ad-hoc Cypher is read-only on every backend: one statement of MATCH, OPTIONAL MATCH, WHERE, WITH, "
    "UNWIND, RETURN, ORDER BY, SKIP, LIMIT and UNION"
)


class Admitted(NamedTuple):
    """A query the gate let through: its text (without a trailing `;` or comment) and its tokens."""

    text: str
    tokens: list[Token]


def admit(text: str) -> Admitted:
    """Return the query as the engines should run it, or raise WriteRefused saying what was refused and why
    (CypherSyntaxError if there is no query at all)."""
    if not text.strip():
        raise CypherSyntaxError("the query is empty")
    tokens = tokenize(text)
    if not tokens:
        raise CypherSyntaxError("the query is empty (only comments)")
    if tokens[-1].text == ";":
        tokens = tokens[:-1]
        if not tokens:
            raise CypherSyntaxError("the query is empty (only a ;)")
    for token in tokens:
        if token.text == ";":
            raise _refused(token, "several statements in one query; run them one at a time")
    _check_clauses(tokens)
    _check_words(tokens, _bound_names(tokens))
    return Admitted(text[: tokens[-1].end], tokens)


def _refused(token: Token, why: str) -> WriteRefused:
    return WriteRefused(f"refused: {why} (at offset {token.start}); {_ALLOWED}")


def _check_clauses(tokens: list[Token]) -> None:
    """The query and every UNION branch start with a read clause; OPTIONAL is OPTIONAL MATCH."""
    first = tokens[0]
    if first.kind != "word" or first.upper not in _STARTS:
        reason = (_REASONS | _STANDALONE).get(first.upper) if first.kind == "word" else None
        what = f"{first.text}: it {reason}" if reason else f"{first.text!r} at the start"
        raise _refused(first, f"{what}; a query must start with MATCH, OPTIONAL MATCH, WITH, UNWIND or RETURN")
    for index, token in enumerate(tokens):
        if token.kind != "word" or _is_name(tokens, index):
            continue
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.upper == "OPTIONAL" and (nxt is None or nxt.upper != "MATCH"):
            raise _refused(token, "OPTIONAL without MATCH")
        if token.upper == "UNION":
            branch = tokens[index + 2] if nxt is not None and nxt.upper == "ALL" else nxt
            if branch is None or branch.kind != "word" or branch.upper not in _STARTS:
                raise _refused(token, "a UNION branch that does not start with a read clause")


def _is_name(tokens: list[Token], index: int) -> bool:
    """A word that both engines read as a name, never a keyword: a property (`a.set`), a label or type
    (`:SET`, `:A|SET`, `::` types), a map key (`{set: 1}`). No clause can start at such a place."""
    prev = tokens[index - 1].text if index else ""
    if prev in (".", ":") or _after_label(tokens, index):
        return True
    nxt = tokens[index + 1].text if index + 1 < len(tokens) else ""
    return nxt == ":" and prev in ("{", ",") and _inside_braces(tokens, index)


def _after_label(tokens: list[Token], index: int) -> bool:
    """`B` in `:B`, `:!B`, `:A|B`, `:A&B`, `:A|!B`: a label (or type) of a label expression."""
    i = index - 1
    while i >= 0 and tokens[i].text == "!":
        i -= 1
    if i < 0:
        return False
    if tokens[i].text == ":":
        return True
    if tokens[i].text not in ("|", "&") or i == 0 or tokens[i - 1].kind not in ("word", "quoted"):
        return False
    return _after_label(tokens, i - 1)


def _inside_braces(tokens: list[Token], index: int) -> bool:
    depth = 0
    for token in reversed(tokens[:index]):
        if token.text in (")", "]", "}"):
            depth += 1
        elif token.text in ("(", "[", "{"):
            if depth == 0:
                return token.text == "{"
            depth -= 1
    return False


def _bound_names(tokens: list[Token]) -> set[str]:
    """Variables the query binds: `(a`, `[r`, `AS x`, `p = (…)`, `p = shortestPath(…)`, `, x IN`, `x ->`."""
    bound: set[str] = set()
    for index, token in enumerate(tokens):
        if token.kind != "word":
            continue
        prev = tokens[index - 1] if index else None
        before = tokens[index - 2] if index > 1 else None
        nxt = tokens[index + 1].text if index + 1 < len(tokens) else ""
        after = tokens[index + 2] if index + 2 < len(tokens) else None
        if prev is not None and (
            prev.text == "[" or prev.upper == "AS" or (prev.text == "(" and not _is_function(before))
        ):
            bound.add(token.text)
        elif nxt == "=" and after is not None and (after.text == "(" or after.kind == "word"):
            bound.add(token.text)
        elif nxt == "->" or (nxt.upper() == "IN" and prev is not None and prev.text == ","):
            bound.add(token.text)  # a lambda variable; `reduce(acc = 0, x IN list | …)`
    return bound


def _is_function(token: Token | None) -> bool:
    return token is not None and token.kind == "word" and token.upper not in READ_KEYWORDS


def _refuse_namespaced_call(tokens: list[Token], index: int) -> None:
    """`db.labels()`, `apoc.text.join(…)`: a dotted name that is called."""
    end = index
    while end + 2 < len(tokens) and tokens[end + 1].text == "." and tokens[end + 2].kind == "word":
        end += 2
    if end > index and end + 1 < len(tokens) and tokens[end + 1].text == "(":
        name = "".join(t.text for t in tokens[index : end + 1])
        raise _refused(tokens[index], f"a namespaced function or procedure ({name}(…)); call built-ins by name")


def _check_words(tokens: list[Token], bound: set[str]) -> None:
    for index, token in enumerate(tokens):
        if token.kind != "word":
            continue
        prev = tokens[index - 1].text if index else ""
        nxt = tokens[index + 1].text if index + 1 < len(tokens) else ""
        if nxt == "." and prev != ".":
            _refuse_namespaced_call(tokens, index)
        if _is_name(tokens, index):
            continue
        word = token.upper
        if word in _REASONS:
            raise _refused(token, f"{token.text} {_REASONS[word]}")
        if word in _STANDALONE and token.text not in bound:
            raise _refused(token, f"{token.text} {_STANDALONE[word]}")
        if word in READ_KEYWORDS:
            continue
        if nxt == "(":
            if token.text.lower() not in FUNCTIONS:
                raise _refused(token, f"the function {token.text}() is not on the list of read-only functions")
            continue
        if token.text not in bound:
            raise _refused(
                token,
                f"{token.text!r} is neither a read keyword nor a variable bound in the query "
                "(a pattern variable, an AS alias, a path or list variable)",
            )
