"""A conservative lexical write guard for ad-hoc Cypher, shared by both backends, and the tokenizer it needs.

It looks at keywords only outside string literals, backtick-quoted names and comments, so
`WHERE a.name_en = 'Create'` runs while `/* x */ cReAtE (n)` is refused. It refuses more than it must (any
CALL of a procedure not on a short read-only allowlist, any LOAD, the embedded engine's own COPY/ATTACH/...):
a refused read costs an analyst a rewrite, an accepted write would cost the data. On Neo4j it is a first
layer before the EXPLAIN check; on the embedded engine it is the guard.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from graph.errors import CypherSyntaxError, WriteRefused

__all__ = ["READ_ONLY_PROCEDURES", "Token", "refuse_writes", "tokenize"]

TokenKind = Literal["word", "string", "quoted", "number", "param", "punct"]

#: Procedures that only read the schema; any other CALL is refused.
READ_ONLY_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.schema.visualization",
        "db.schema.nodetypeproperties",
        "db.schema.reltypeproperties",
    }
)

#: Keywords that write, administer or reach outside the graph (Neo4j's and the embedded engine's own).
_WRITING = {
    "CREATE": "CREATE",
    "MERGE": "MERGE",
    "SET": "SET",
    "DELETE": "DELETE",
    "DETACH": "DETACH DELETE",
    "REMOVE": "REMOVE",
    "DROP": "DROP",
    "FOREACH": "FOREACH",
    "LOAD": "LOAD (CSV or files)",
    "ALTER": "ALTER",
    "GRANT": "GRANT",
    "REVOKE": "REVOKE",
    "DENY": "DENY",
    "RENAME": "RENAME",
    "TERMINATE": "TERMINATE",
    "COPY": "COPY",
    "INSTALL": "INSTALL",
    "ATTACH": "ATTACH",
    "EXPORT": "EXPORT",
    "IMPORT": "IMPORT",
    "CHECKPOINT": "CHECKPOINT",
    "BEGIN": "BEGIN (transactions)",
    "COMMIT": "COMMIT",
    "ROLLBACK": "ROLLBACK",
}


@dataclass(frozen=True, slots=True)
class Token:
    """One lexical token; `start`/`end` index the original text so rewriters can splice it."""

    kind: TokenKind
    text: str
    start: int
    end: int

    @property
    def upper(self) -> str:
        return self.text.upper()


def tokenize(text: str) -> list[Token]:
    """Split Cypher into tokens, dropping comments and whitespace; raises CypherSyntaxError on an
    unterminated string, backtick name or comment.

    >>> [t.text for t in tokenize("MATCH (a {n: 'x // y'}) // c\\nRETURN a")]
    ['MATCH', '(', 'a', '{', 'n', ':', "'x // y'", '}', ')', 'RETURN', 'a']
    """
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            if j < 0:
                raise CypherSyntaxError(f"unterminated /* comment starting at offset {i}")
            i = j + 2
        elif ch in "'\"":
            j = _end_of_string(text, i)
            tokens.append(Token("string", text[i:j], i, j))
            i = j
        elif ch == "`":
            j = text.find("`", i + 1)
            if j < 0:
                raise CypherSyntaxError(f"unterminated `name` starting at offset {i}")
            tokens.append(Token("quoted", text[i : j + 1], i, j + 1))
            i = j + 1
        elif ch == "$":
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            tokens.append(Token("param", text[i:j], i, j))
            i = j
        elif ch.isdigit():
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "_" or (text[j] == "." and not text.startswith("..", j))):
                j += 1
            tokens.append(Token("number", text[i:j], i, j))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            tokens.append(Token("word", text[i:j], i, j))
            i = j
        else:
            width = 2 if text[i : i + 2] in ("..", "<>", "<=", ">=", "=~", "->", "<-", "+=") else 1
            tokens.append(Token("punct", text[i : i + width], i, i + width))
            i += width
    return tokens


def _end_of_string(text: str, start: int) -> int:
    quote, i = text[start], start + 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            return i + 1
        i += 1
    raise CypherSyntaxError(f"unterminated string literal starting at offset {start}")


def refuse_writes(text: str) -> list[Token]:
    """Raise WriteRefused if the query could write, administer or read files; return its tokens otherwise."""
    tokens = tokenize(text)
    for index, token in enumerate(tokens):
        if token.kind != "word":
            continue
        before = tokens[index - 1].text if index else ""
        after = tokens[index + 1].text if index + 1 < len(tokens) else ""
        if before in (".", ":", "|") or after == ":" and before in ("{", ","):
            continue  # a property, label/type or map key that happens to be spelled like a keyword
        word = token.upper
        if word in _WRITING:
            raise WriteRefused(
                f"refused: the query uses {_WRITING[word]} (offset {token.start}); "
                "ad-hoc Cypher is read-only on every backend"
            )
        if word in ("START", "STOP") and after.upper() == "DATABASE":
            raise WriteRefused(f"refused: {word} DATABASE administers the server; ad-hoc Cypher is read-only")
        if word == "IN" and after.upper() == "TRANSACTIONS":
            raise WriteRefused("refused: CALL { … } IN TRANSACTIONS is for batched writes; ad-hoc Cypher is read-only")
        if word == "CALL" and after != "{":
            procedure = _dotted_name(tokens, index + 1)
            if procedure.lower() not in READ_ONLY_PROCEDURES:
                allowed = ", ".join(sorted(READ_ONLY_PROCEDURES))
                raise WriteRefused(f"refused: CALL {procedure or '?'} is not on the read-only allowlist ({allowed})")
    return tokens


def _dotted_name(tokens: list[Token], index: int) -> str:
    parts: list[str] = []
    while index < len(tokens) and tokens[index].kind in ("word", "quoted"):
        parts.append(tokens[index].text.strip("`"))
        if index + 1 < len(tokens) and tokens[index + 1].text == ".":
            index += 2
        else:
            break
    return ".".join(parts)
