"""Cypher as analysts type it for Neo4j, rewritten to mean the same on LadybugDB.

Works on tokens (graph.cypher_gate.tokenize), so string literals and comments are never touched. Besides
spelling (`type(r)` → `label(r)`, `labels(n)` → `[label(n)]`, `:IN` → `` :`IN` ``, `toString` → `to_string`
…) it restores Neo4j's relationship uniqueness, which LadybugDB does not apply: within one MATCH no
relationship is used twice (`(a)-[:REPORTS_TO]->(boss)<-[:REPORTS_TO]-(peer)` must not return a as its own
peer), and a variable-length path is a trail (`* TRAIL`), not a walk that goes back over the same edge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations

from graph.cypher_gate import Token
from graph.embedded.nulls import (
    additive_chain,
    expression_start,
    holds_null,
    is_binary,
    list_elements,
    mark_operators,
)
from graph.embedded.properties import EntityColumns, Kind, keys_expression, properties_expression, variable_kinds
from graph.embedded.reserved import reserved_quotes
from graph.embedded.scoping import shadow_renames, with_order_edits
from graph.embedded.subscript import index_expr, operand_start, slice_expr, subscripts
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
}


def rewrite(
    text: str,
    tokens: list[Token],
    *,
    plain_index: bool = True,
    string_reverse: frozenset[int] = frozenset(),
    columns: EntityColumns | None = None,
) -> str:
    """Splice in LadybugDB spellings (type(r) → label(r), labels(n) → [label(n)], toString → to_string, …,
    head(l) → list_extract(l, 1), :IN → :`IN`, list positions and slices), Neo4j's relationship uniqueness
    and its scoping of aliases (graph/embedded/scoping.py). `plain_index=False` indexes lists of nodes,
    `string_reverse` the reverse() calls (by offset) that reverse strings, not lists (LadybugDB's reverse() of a list
    reverses its text). `columns` (the mirror's) lets keys() list only the properties an entity has."""
    quotes = reserved_quotes(tokens)  # a reserved word used as a name is a quoted name to every pass below
    tokens = [Token("quoted", quotes[t.start], t.start, t.end) if t.start in quotes else t for t in tokens]
    tokens = mark_operators(tokens)
    extra = _uniqueness_edits(tokens) + with_order_edits(tokens)
    renames = {**quotes, **shadow_renames(tokens)}
    rewriter = _Rewriter(text, tokens, renames, plain_index)
    rewriter.string_reverse = string_reverse
    rewriter.columns = columns or EntityColumns((), ())
    rewriter.kinds = variable_kinds(tokens) if columns is not None else {}
    return rewriter.span(0, len(tokens), 0, len(text), extra)


class _Rewriter:
    """Rewrites a range of tokens; a subscript's list and index are rewritten as ranges of their own."""

    string_reverse: frozenset[int] = frozenset()  # offsets of reverse() calls on strings (set by rewrite())

    def __init__(self, text: str, tokens: list[Token], renames: dict[int, str], plain_index: bool) -> None:
        self.text, self.tokens, self.renames, self.plain_index = text, tokens, renames, plain_index
        self.columns = EntityColumns((), ())  # the mirror's columns, for keys() (set by rewrite())
        self.kinds: dict[str, Kind] = {}  # node or rel, of the pattern variables (set by rewrite())

    def span(self, lo: int, hi: int, begin: int, end: int, extra: Sequence[Edit] = ()) -> str:
        tokens = self.tokens
        edits: list[Edit] = list(extra)
        i = lo
        while i < hi:
            tok = tokens[i]
            prev = tokens[i - 1] if i > lo else None
            if tok.text == "[" and prev is not None and subscripts(prev):
                close = _matching(tokens, i)
                first = operand_start(tokens, i, lo)
                edits = _replace(edits, tokens[first].start, tokens[close].end, self._subscript(first, i, close))
                i = close + 1
                continue
            if tok.text == "+" and is_binary(tokens, i, lo):
                first, stop, operands = additive_chain(tokens, i, lo, hi)
                new = self._null_guarded_chain(operands)
                if new is not None:
                    edits = _replace(edits, tokens[first].start, tokens[stop - 1].end, new)
                    i = stop
                    continue
            if tok.upper == "IN" and i + 1 < hi and tokens[i + 1].text == "[" and is_binary(tokens, i, lo):
                close = _matching(tokens, i + 1)
                elements = list_elements(tokens, i + 1, close)
                if holds_null(tokens, elements):
                    first = expression_start(tokens, i, lo)
                    kept = ", ".join(self._text(a, b) for a, b in elements if tokens[a].upper != "NULL" or b != a + 1)
                    new = f"(({self._text(first, i)}) IN [{kept}] OR NULL)"  # true, else null (unknown)
                    edits = _replace(edits, tokens[first].start, tokens[close].end, new)
                    i = close + 1
                    continue
            if _calls(tokens, i, lo, hi) and tok.text.lower() in _COMPOSED:
                close = _matching(tokens, i + 1)
                new = self._compose(tok.text.lower(), _arguments(tokens, i + 1, close), tok.start)
                edits = _replace(edits, tok.start, tokens[close].end, new)
                i = close + 1
                continue
            edits += self._token_edits(i, lo, hi)
            i += 1
        return _apply(self.text[begin:end], begin, edits)

    def _token_edits(self, i: int, lo: int, hi: int) -> list[Edit]:
        tokens, tok = self.tokens, self.tokens[i]
        prev = tokens[i - 1] if i > lo else None
        nxt = tokens[i + 1] if i + 1 < hi else None
        after_dot = prev is not None and prev.text == "."
        if tok.start in self.renames:
            return [(tok.start, tok.end, self.renames[tok.start])]
        if tok.kind == "word" and nxt is not None and nxt.text == "(" and not after_dot:
            name = tok.text.lower()
            if name in _RENAMED_FUNCTIONS:
                return [(tok.start, tok.end, _RENAMED_FUNCTIONS[name])]
            if name == "head":
                close = _matching(tokens, i + 1)
                return [(tok.start, tok.end, "list_extract"), (tokens[close].start, tokens[close].end, ", 1)")]
            if name == "round":
                return _one_based_args(tokens, i + 1, name)
        if tok.kind == "word" and tok.upper == "IN" and prev is not None and prev.text in (":", "|"):
            return [(tok.start, tok.end, "`IN`")]
        return []

    def _null_guarded_chain(self, operands: list[tuple[int, int]]) -> str | None:
        """`a + b - c` as null when any operand is null (LadybugDB concatenates a null string as '')."""
        tokens = self.tokens
        checked = [
            self._text(a, b)
            for a, b in operands
            if a < b and not (b == a + 1 and tokens[a].kind in ("string", "number"))
        ]
        if not checked:
            return None
        pieces = []
        for n, (a, b) in enumerate(operands):
            if n:
                pieces.append(tokens[a - 1].text)
            pieces.append(self._text(a, b))
        test = " OR ".join(f"({c}) IS NULL" for c in checked)
        return f"(CASE WHEN {test} THEN NULL ELSE {' '.join(pieces)} END)"

    def _compose(self, name: str, args: list[tuple[int, int]], start: int) -> str:
        """Functions whose Neo4j meaning needs their arguments more than once (see _COMPOSED)."""
        texts = [self._text(a, b) for a, b in args]
        if name == "reverse" and [t.lower() for t in texts] == ["null"]:
            return "NULL"
        if name == "reverse":
            return f"{'reverse' if start in self.string_reverse else 'list_reverse'}({', '.join(texts)})"
        if name in ("keys", "properties") and len(args) == 1:
            spell = keys_expression if name == "keys" else properties_expression
            return spell(self.tokens[args[0][0] : args[0][1]], texts[0], self.kinds, self.columns)
        if name == "sum":
            return f"coalesce(sum({', '.join(texts)}), 0)"
        if name in ("labels", "type") and len(texts) == 1:
            value = f"[label({texts[0]})]" if name == "labels" else f"label({texts[0]})"
            return f"(CASE WHEN ({texts[0]}) IS NULL THEN NULL ELSE {value} END)"
        if name == "substring" and len(texts) in (2, 3):
            whole, offset = texts[0], texts[1]
            safe = f"coalesce({whole}, '')"
            length = f"coalesce({texts[2]}, 0)" if len(texts) == 3 else f"size({safe})"
            return (
                f"(CASE WHEN ({whole}) IS NULL THEN NULL WHEN ({offset}) >= size({safe}) THEN '' "
                f"ELSE substring({safe}, coalesce({offset}, 0) + 1, {length}) END)"
            )
        if name == "replace" and len(texts) == 3:
            whole = texts[0]
            return f"(CASE WHEN ({whole}) IS NULL THEN NULL ELSE replace(coalesce({whole}, ''), {texts[1]}, {texts[2]}) END)"
        if name == "split" and len(texts) == 2:
            a, b = args[1]
            if b != a + 1 or self.tokens[a].kind != "string":
                raise UnsupportedCypher("split() with a separator that is not a string literal")
            pattern = "(?s)(.*?)" + re.escape(_unquote(self.tokens[a].text))
            literal = "'" + pattern.replace("\\", "\\\\").replace("'", "\\'") + "'"
            whole = texts[0]
            return (
                f"(CASE WHEN ({whole}) IS NULL THEN NULL "
                f"ELSE regexp_extract_all(concat({whole}, {texts[1]}), {literal}, 1) END)"
            )
        raise CypherSyntaxError(f"{name}() takes other arguments")

    def _subscript(self, first: int, open_index: int, close: int) -> str:
        """`list[i]` or `list[a..b]` (tokens first..close) in LadybugDB's functions."""
        tokens = self.tokens
        lst = self._text(first, open_index)
        inner = list(range(open_index + 1, close))
        dots = [j for j in inner if tokens[j].text == ".." and _depth_zero(tokens, open_index + 1, j)]
        if dots:
            low, high = self._text(open_index + 1, dots[0]), self._text(dots[0] + 1, close)
            return slice_expr(lst, low, high)
        if len(inner) == 1 and tokens[inner[0]].kind == "string":
            raise UnsupportedCypher("dynamic property or map access x['key']", "write x.key")
        return index_expr(lst, self._text(open_index + 1, close), plain=self.plain_index)

    def _text(self, lo: int, hi: int) -> str:
        if lo >= hi:
            return ""
        return self.span(lo, hi, self.tokens[lo].start, self.tokens[hi - 1].end)


Edit = tuple[int, int, str]
#: Functions rewritten as a whole: labels()/type() of null are null (LadybugDB gives the table's label), sum()
#: of no rows is 0, substring() past the end is '' and split() keeps empty pieces, as on Neo4j. LadybugDB 0.22's
#: three-argument string functions answer null for every row of a batch that holds a null string (substring,
#: replace), so they get a string without nulls and the null is put back around them. keys() lists only the
#: properties that are not null, and properties() of a relationship leaves out the mirror's endpoint ids
#: (graph/embedded/properties.py).
_COMPOSED = {"labels", "type", "sum", "substring", "split", "reverse", "replace", "keys", "properties"}


def _calls(tokens: list[Token], i: int, lo: int, hi: int) -> bool:
    """Is tokens[i] the name of a function called here (not a property `x.name(`)?"""
    return (
        tokens[i].kind == "word"
        and i + 1 < hi
        and tokens[i + 1].text == "("
        and not (i > lo and tokens[i - 1].text == ".")
    )


def _arguments(tokens: list[Token], open_index: int, close: int) -> list[tuple[int, int]]:
    """Token ranges of a call's arguments."""
    args: list[tuple[int, int]] = []
    depth, start = 0, open_index + 1
    for j in range(open_index + 1, close):
        if tokens[j].text in ("(", "[", "{"):
            depth += 1
        elif tokens[j].text in (")", "]", "}"):
            depth -= 1
        elif tokens[j].text == "," and depth == 0:
            args.append((start, j))
            start = j + 1
    if start < close:
        args.append((start, close))
    return args


def _unquote(literal: str) -> str:
    body = literal[1:-1]
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


def _replace(edits: list[Edit], at: int, to: int, new: str) -> list[Edit]:
    """Replace the text from `at` to `to` with `new`, dropping the edits inside it (`new` includes them)."""
    kept = [e for e in edits if not (at <= e[0] and e[1] <= to and not (e[0] == e[1] in (at, to)))]
    return [*kept, (at, to, new)]


def _apply(text: str, offset: int, edits: list[Edit]) -> str:
    """Apply (start, end, new) edits to `text` (which starts at `offset`), right to left; an insertion where a
    replacement starts goes before it, and of two insertions at one place the one added first ends up first."""
    ordered = sorted(
        ((start, end > start, n, end, new) for n, (start, end, new) in enumerate(edits)),
        reverse=True,
    )
    out = text
    for start, _, _, end, new in ordered:
        out = out[: start - offset] + new + out[end - offset :]
    return out


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
