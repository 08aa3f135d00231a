"""A failed query explained in the reader's language: what went wrong, where (line, column and the text there, in
words, since a parser's ^^^ under a rewritten query points at the wrong place), and what to do in the app.

The engines and the gate speak English; this module reads their messages (our own gate's wording, LadybugDB's and
Neo4j's parser positions) and says the same in Chinese or English. What it cannot read is shown as the engine wrote
it, under a heading that says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.errors import (
    CypherSyntaxError,
    CypherTimeout,
    InvalidRequest,
    OrgraphError,
    UnsupportedCypher,
    WriteRefused,
)
from i18n import t

__all__ = ["Explained", "explain", "where"]


@dataclass(frozen=True, slots=True)
class Explained:
    headline: str  # what happened and what to do
    detail: str = ""  # the specific cause, in the reader's language ("" when the headline says it all)
    original: str = ""  # the engine's own words, when no translation fits


def _line_col(query: str, offset: int) -> tuple[int, int]:
    before = query[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def where(query: str, offset: int, lang: str) -> str:
    """The place `offset` in `query` in words: line, column (1-based) and the text found there."""
    offset = max(0, min(offset, len(query)))
    while offset < len(query) and query[offset].isspace():
        offset += 1
    line, col = _line_col(query, offset)
    near = re.match(r"\s*(\S{1,24})", query[offset:])
    if not near:
        return t("cypher_at_end", lang, line=line, col=col)
    return t("cypher_at", lang, line=line, col=col, near=near.group(1))


def _engine_offset(message: str, query: str) -> int | None:
    """Where an error points, as an offset into the reader's own query (None: nowhere to be sure of).

    The gate says `at offset N` of the query itself. The engines quote the line they parsed, with a ^ under the
    place; that line may be ours, not the reader's (Neo4j is sent `EXPLAIN …` first, LadybugDB a rewrite), so the
    text before the ^ is looked up in the reader's query."""
    if m := re.search(r"\boffset (\d+)", message):
        return int(m.group(1))
    m = re.search(r'\n"(.*)"\n( *)\^', message)
    if not m:
        return None
    shown, col = m.group(1), len(m.group(2)) - 1
    if shown in query.split("\n"):
        start = query.split("\n").index(shown)
        return sum(len(x) + 1 for x in query.split("\n")[:start]) + col
    lead = shown[:col].rstrip()
    for size in range(min(len(lead), 30), 3, -1):
        found = query.rfind(lead[-size:])
        if found >= 0:
            return found + size
    return None


def _word_at(query: str, offset: int) -> str:
    m = re.match(r"`[^`]*`|[\w.]+|\S", query[offset:])
    return m.group(0) if m else ""


_REFUSALS = (
    ("several statements", "cypher_r_statements"),
    ("writes to the graph", "cypher_r_write"),
    ("reads or writes files", "cypher_r_files"),
    ("calls a procedure", "cypher_r_call"),
    ("administers the database", "cypher_r_admin"),
    ("is a query prefix", "cypher_r_prefix"),
    ("not on the list of read-only functions", "cypher_r_function"),
    ("is neither a read keyword nor a variable", "cypher_r_unknown_word"),
    ("namespaced function", "cypher_r_namespaced"),
    ("a query must start with", "cypher_r_start"),
    ("glued to", "cypher_r_glued"),
    ("the query was not run", "cypher_r_lexer"),
    ("refused by the server", "cypher_r_server"),
    ("the query uses", "cypher_r_server"),
    ("the query is not a plain read", "cypher_r_server"),
)


def _refused(message: str, query: str, lang: str) -> str:
    offset = _engine_offset(message, query)
    place = where(query, offset, lang) if offset is not None else ""
    word = _word_at(query, offset) if offset is not None else ""
    for needle, key in _REFUSALS:
        if needle in message and (place or key == "cypher_r_server"):
            return t(key, lang, word=word, where=place)
    return t("cypher_r_clause", lang, word=word, where=place) if place else ""


def _syntax(message: str, query: str, lang: str) -> str:
    if m := re.search(r"no property '([^']+)'", message):
        return t("cypher_no_property", lang, name=m.group(1))
    if m := re.search(r"no label or relationship type '([^']+)'", message):
        return t("cypher_no_label", lang, name=m.group(1))
    if "the query is empty" in message:
        return t("cypher_empty", lang)
    if m := re.search(r"missing parameter \$(\w+)", message):
        return t("cypher_missing_param", lang, name=m.group(1))
    if "has the wrong type" in message:
        return t("cypher_wrong_type", lang)
    if m := re.search(r"(\w+)\(\) takes other arguments", message):
        return t("cypher_bad_arguments", lang, name=m.group(1))
    offset = _engine_offset(message, query)
    if offset is None:
        return t("cypher_parse_nowhere", lang)
    place = where(query, offset, lang)
    for needle, what in (
        ("string literal", "cypher_string"),
        ("/* comment", "cypher_comment"),
        ("`name`", "cypher_backtick"),
    ):
        if "cypher_unterminated" in message and needle in message:
            return t("cypher_unterminated", lang, what=t(what, lang), where=place)
    if "unbalanced parenthesis" in message:
        return t("cypher_unbalanced", lang, where=place)
    return t("cypher_parse", lang, where=place)


def _unsupported(exc: UnsupportedCypher, lang: str) -> str:
    construct = exc.construct
    if m := re.fullmatch(r"the function (\w+)\(\)", construct):
        return t("cypher_u_function", lang, name=m.group(1))
    if construct.startswith("WITH … ORDER BY"):
        return t("cypher_u_order", lang)
    if m := re.search(r"above (\d+) hops", construct):
        return t("cypher_u_hops", lang, n=m.group(1))
    if construct.startswith("an empty list"):
        return t("cypher_u_empty_list", lang)
    return t("cypher_u_other", lang, construct=construct)


def explain(exc: OrgraphError, query: str, lang: str, *, timeout_s: float = 0.0) -> Explained:
    """`exc`, raised by running `query`, as a headline and a detail in `lang` ("zh" or "en")."""
    message = str(exc)
    if isinstance(exc, WriteRefused):
        detail = _refused(message, query, lang)
        return Explained(t("cypher_h_refused", lang), detail, "" if detail else message)
    if isinstance(exc, CypherSyntaxError):
        return Explained(t("cypher_h_syntax", lang), _syntax(message, query, lang))
    if isinstance(exc, CypherTimeout):
        return Explained(t("cypher_h_timeout", lang, timeout=f"{timeout_s:g}"))
    if isinstance(exc, UnsupportedCypher):
        return Explained(t("cypher_h_unsupported", lang), _unsupported(exc, lang))
    if isinstance(exc, InvalidRequest) and (m := re.search(r"parameter value (.+?) is not valid JSON", message)):
        return Explained(t("cypher_h_param", lang), t("cypher_param_json", lang, raw=m.group(1)))
    if isinstance(exc, InvalidRequest) and (m := re.search(r"needs a value for (\$\w+(?:, \$\w+)*)", message)):
        return Explained(t("cypher_h_param", lang), t("cypher_needs_value", lang, names=m.group(1)))
    if "more memory than the embedded engine has" in message:
        return Explained(t("cypher_h_other", lang), t("cypher_memory", lang))
    return Explained(t("cypher_h_other", lang), "", message)
