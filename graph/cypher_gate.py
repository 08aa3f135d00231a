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
    view = _View.of(tokens)
    names = _name_positions(view)
    _check_clauses(tokens, view, names)
    _check_words(tokens, view, names, _bound_names(view))
    return Admitted(text[: tokens[-1].end], tokens)


class _View(NamedTuple):
    """Token texts, kinds and upper-cased words as lists with two "" at the end, so that [i - 2] … [i + 2]
    never fall off either end (index -1 and -2 are the padding). Plain lists keep the gate well under 0.1 ms."""

    text: list[str]
    kind: list[str]
    up: list[str]

    @classmethod
    def of(cls, tokens: list[Token]) -> _View:
        text = [t.text for t in tokens] + ["", ""]
        kind = [t.kind for t in tokens] + ["", ""]
        up = [x.upper() if k == "word" else x for x, k in zip(text, kind)]
        return cls(text, kind, up)


def _refused(token: Token, why: str) -> WriteRefused:
    return WriteRefused(f"refused: {why} (at offset {token.start}); {_ALLOWED}")


def _check_clauses(tokens: list[Token], view: _View, names: set[int]) -> None:
    """The query and every UNION branch start with a read clause; OPTIONAL is OPTIONAL MATCH."""
    first, up, kind = tokens[0], view.up, view.kind
    if first.kind != "word" or up[0] not in _STARTS:
        reason = (_REASONS | _STANDALONE).get(up[0]) if first.kind == "word" else None
        what = f"{first.text}: it {reason}" if reason else f"{first.text!r} at the start"
        raise _refused(first, f"{what}; a query must start with MATCH, OPTIONAL MATCH, WITH, UNWIND or RETURN")
    for index, token in enumerate(tokens):
        if up[index] == "OPTIONAL" and kind[index] == "word" and index not in names and up[index + 1] != "MATCH":
            raise _refused(token, "OPTIONAL without MATCH")
        if up[index] == "UNION" and kind[index] == "word" and index not in names:
            branch = index + 2 if up[index + 1] == "ALL" else index + 1
            if kind[branch] != "word" or up[branch] not in _STARTS:
                raise _refused(token, "a UNION branch that does not start with a read clause")


def _name_positions(view: _View) -> set[int]:
    """Indexes of words both engines read as names, never keywords: a property (`a.set`), a label or type
    (`:SET`, `:A|SET`, `:!A`, `::` types), a map key (`{set: 1}`). No clause can start at such a place.
    One pass, so a long query costs linear time."""
    names: set[int] = set()
    labels: set[int] = set()
    openers: list[str] = []
    text, kind = view.text, view.kind
    for i in range(len(text) - 2):
        t = text[i]
        if kind[i] == "punct":
            if t in ("(", "[", "{"):
                openers.append(t)
            elif t in (")", "]", "}") and openers:
                openers.pop()
            continue
        if kind[i] not in ("word", "quoted"):
            continue
        j = i - 1
        while j >= 0 and text[j] == "!":
            j -= 1
        before = text[j] if j >= 0 else ""
        if before == ":" or (before in ("|", "&") and j - 1 in labels):
            labels.add(i)
            names.add(i)
        elif text[i - 1] == "." or (text[i + 1] == ":" and text[i - 1] in ("{", ",") and openers[-1:] == ["{"]):
            names.add(i)
    return names


def _bound_names(view: _View) -> set[str]:
    """Variables the query binds: `(a`, `[r`, `AS x`, `p = (…)`, `p = shortestPath(…)`, `, x IN`, `x ->`."""
    bound: set[str] = set()
    text, kind, up = view
    for i in range(len(text) - 2):
        if kind[i] != "word":
            continue
        prev, nxt = text[i - 1], text[i + 1]
        if (
            prev == "["
            or up[i - 1] == "AS"
            or (prev == "(" and not (kind[i - 2] == "word" and up[i - 2] not in READ_KEYWORDS))
            or (nxt == "=" and (text[i + 2] == "(" or kind[i + 2] == "word"))
            or nxt == "->"
            or (up[i + 1] == "IN" and prev == ",")  # `reduce(acc = 0, x IN list | …)`
        ):
            bound.add(text[i])
    return bound


def _refuse_namespaced_call(tokens: list[Token], view: _View, index: int) -> None:
    """`db.labels()`, `apoc.text.join(…)`: a dotted name that is called."""
    text, kind = view.text, view.kind
    end = index
    while text[end + 1] == "." and kind[end + 2] == "word":
        end += 2
    if end > index and text[end + 1] == "(":
        name = "".join(text[index : end + 1])
        raise _refused(tokens[index], f"a namespaced function or procedure ({name}(…)); call built-ins by name")


def _check_words(tokens: list[Token], view: _View, names: set[int], bound: set[str]) -> None:
    text, kind, up = view
    for index, token in enumerate(tokens):
        if kind[index] != "word":
            continue
        nxt = text[index + 1]
        if nxt == "." and text[index - 1] != ".":
            _refuse_namespaced_call(tokens, view, index)
        if index in names:
            continue
        word = up[index]
        if word in READ_KEYWORDS:
            continue
        if word in _REASONS:
            raise _refused(token, f"{token.text} {_REASONS[word]}")
        if word in _STANDALONE and token.text not in bound:
            raise _refused(token, f"{token.text} {_STANDALONE[word]}")
        if nxt == "(":
            if token.text.lower() not in FUNCTIONS:
                raise _refused(token, f"the function {token.text}() is not on the list of read-only functions")
            continue
        if token.text not in bound and word not in _STANDALONE:
            raise _refused(
                token,
                f"{token.text!r} is neither a read keyword nor a variable bound in the query "
                "(a pattern variable, an AS alias, a path or list variable)",
            )
