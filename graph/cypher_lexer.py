"""A strict Cypher tokenizer that reads a query the way BOTH engines (LadybugDB and Neo4j 5) read it, or refuses it.

The read-only gate (graph/cypher_gate.py) decides on these tokens, so a text the gate and an engine would cut
into different tokens is a way around it (`LIMIT 1SET` is one number to a naive tokenizer but `1` then `SET` to
LadybugDB). Wherever the two engines' lexers disagree with each other or could disagree with this one, the text
is refused with WriteRefused instead of guessed (each rule below was checked on LadybugDB 0.22 and Neo4j 5.26):

- a number glued to a word, `$`, or `.`: `1SET`, `1.5e3x`, `0x1Fz`, `1.SET`, `1.` (Neo4j lexes one bad number,
  LadybugDB a number then a keyword). `1..3` ranges, `1e3`, `.5`, `0x1F`, `0o17` and `1_000` are read as numbers.
- a `$` glued after a name (`a$b` is one name to both engines) or not followed directly by a parameter name;
  `$1SET` (LadybugDB: `$1` then `SET`).
- `\\u` / `\\U` escapes anywhere: Neo4j decodes `\\u0027` BEFORE lexing (so it ends a string, a backtick name or
  a `//` comment), LadybugDB decodes it inside the string.
- string escapes other than \\\\ \\' \\" \\b \\f \\n \\r \\t; a string directly followed by a quote (`'a''b'`).
- block comments that are nested (`/* /* */`) or end in `**/` (LadybugDB's comment runs on to a later `*/`),
  unterminated comments, strings and backtick names, and a carriage return not followed by a line feed
  (it ends a `//` comment for Neo4j, not for LadybugDB).
- outside strings, backtick names and comments: any character but ASCII, the whitespace both engines skip,
  and letters of scripts without case (CJK, kana, hangul ...). Fullwidth and lookalike letters, zero-width and
  other invisible characters, the unicode dashes and angle brackets LadybugDB reads as arrows are refused.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal, NamedTuple

from graph.errors import CypherSyntaxError, WriteRefused

__all__ = ["Token", "tokenize"]

TokenKind = Literal["word", "string", "quoted", "number", "param", "punct"]

#: Whitespace both engines skip (their grammars list exactly these; U+180E is whitespace to LadybugDB only).
#: A carriage return is accepted only as part of CR LF.
WHITESPACE = frozenset(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\u00a0\u1680\u2028\u2029\u202f\u205f\u3000") | frozenset(
    chr(c) for c in range(0x2000, 0x200B)
)
_ASCII_WORD_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_ASCII_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ASCII_SPACES = re.compile(r"[ \t\n]+")
_PUNCT_2 = ("..", "<>", "<=", ">=", "=~", "->", "<-", "+=")
_PUNCT_1 = frozenset("()[]{},.:;|*+-/%^=<>!&")
_ESCAPES = frozenset("\\'\"bfnrt")
_NUMBER = re.compile(
    r"0[xX][0-9a-fA-F]+|0o[0-7]+"
    r"|(?:[0-9]+(?:_[0-9]+)*(?:\.[0-9]+(?:_[0-9]+)*)?|\.[0-9]+(?:_[0-9]+)*)(?:[eE][+-]?[0-9]+)?"
)


class Token(NamedTuple):
    """One lexical token; `start`/`end` index the original text so rewriters can splice it."""

    kind: TokenKind
    text: str
    start: int
    end: int

    @property
    def upper(self) -> str:
        return self.text.upper()


def _refuse(why: str, at: int) -> WriteRefused:
    return WriteRefused(f"refused: {why} (offset {at}); the query was not run")


def _is_ascii_name_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


def _is_caseless_letter(ch: str) -> bool:
    """A letter of a script without case (Chinese, kana, hangul ...): the same name to both engines."""
    if ch.isascii() or unicodedata.category(ch) not in ("Lo", "Lm"):
        return False
    return not any(c.isascii() for c in unicodedata.normalize("NFKC", ch))


def _is_name_char(ch: str) -> bool:
    return _is_ascii_name_char(ch) or _is_caseless_letter(ch)


def _glued(ch: str) -> bool:
    """True if `ch` right after a number or name could be read as part of it by one engine and not the other."""
    return ch == "$" or ch == "`" or ch == "'" or ch == '"' or _is_ascii_name_char(ch) or not ch.isascii()


def _describe(ch: str) -> str:
    name = unicodedata.name(ch, "unnamed character")
    return f"U+{ord(ch):04X} {name}"


def _match_end(pattern: re.Pattern[str], text: str, start: int) -> int:
    """Where `pattern` ends when matched at `start`; callers check the first character, so it always matches."""
    match = pattern.match(text, start)
    assert match is not None
    return match.end()


def tokenize(text: str) -> list[Token]:
    """Split Cypher into tokens, dropping comments and whitespace; raise WriteRefused where an engine could
    read the text differently (see the module docstring).

    >>> [t.text for t in tokenize("MATCH (a {n: 'x // y'}) // c\\nRETURN a")]
    ['MATCH', '(', 'a', '{', 'n', ':', "'x // y'", '}', ')', 'RETURN', 'a']
    """
    escape = re.search(r"\\[uU]", text)
    if escape:
        raise _refuse(
            "a \\u escape: Neo4j decodes it before reading the query (so it can end a string or a comment) "
            "and LadybugDB does not; type the character itself",
            escape.start(),
        )
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _ASCII_WORD_START:  # the common cases first: ASCII names and keywords, ASCII spaces
            j = _match_end(_ASCII_WORD, text, i)
            if j < n and not text[j].isascii():
                j = _end_of_name(text, j)
            tokens.append(Token("word", text[i:j], i, j))
            i = j
        elif ch in " \t\n":
            i = _match_end(_ASCII_SPACES, text, i)
        elif ch in WHITESPACE:
            if ch == "\r" and text[i + 1 : i + 2] != "\n":
                raise _refuse("a carriage return without a line feed (the engines end a line differently)", i)
            i += 1
        elif text.startswith("//", i):
            i = _end_of_line_comment(text, i)
        elif text.startswith("/*", i):
            i = _end_of_block_comment(text, i)
        elif ch in "'\"":
            j = _end_of_string(text, i)
            tokens.append(Token("string", text[i:j], i, j))
            i = j
        elif ch == "`":
            j = _end_of_quoted(text, i)
            tokens.append(Token("quoted", text[i:j], i, j))
            i = j
        elif ch == "$":
            j = _end_of_param(text, i)
            tokens.append(Token("param", text[i:j], i, j))
            i = j
        elif text.startswith("..", i):
            tokens.append(Token("punct", "..", i, i + 2))
            i += 2
        elif "0" <= ch <= "9" or (ch == "." and "0" <= text[i + 1 : i + 2] <= "9" and text[i + 1 : i + 2] != ""):
            j = _end_of_number(text, i)
            tokens.append(Token("number", text[i:j], i, j))
            i = j
        elif ch in _PUNCT_1:
            width = 2 if text[i : i + 2] in _PUNCT_2 else 1
            tokens.append(Token("punct", text[i : i + width], i, i + width))
            i += width
        elif _is_caseless_letter(ch):
            j = _end_of_name(text, i)
            tokens.append(Token("word", text[i:j], i, j))
            i = j
        else:
            raise _refuse(
                f"the character {_describe(ch)} outside a string: an engine may read it as something else "
                "(an arrow, a space, part of a name); put it in quotes or remove it",
                i,
            )
    return tokens


def _end_of_name(text: str, i: int) -> int:
    n = len(text)
    while i < n and _is_name_char(text[i]):
        i += 1
    if i < n and not text[i].isascii() and text[i] not in WHITESPACE:
        raise _refuse(f"the character {_describe(text[i])} inside a name", i)
    return i


def _end_of_line_comment(text: str, start: int) -> int:
    j = text.find("\n", start)
    end = len(text) if j < 0 else j
    body = text[start:end].removesuffix("\r")
    if "\r" in body:
        raise _refuse("a carriage return inside a // comment (the engines end the comment differently)", start)
    return end


def _end_of_block_comment(text: str, start: int) -> int:
    j = text.find("*/", start + 2)
    if j < 0:
        raise CypherSyntaxError(f"an unterminated /* comment starting at offset {start}")
    body = text[start + 2 : j]
    if "/*" in body:
        raise _refuse("a /* comment inside a /* comment (comments do not nest)", start)
    if body.endswith("*"):
        raise _refuse("a /* comment that ends in **/ (LadybugDB reads on to the next */); write * /", start)
    return j + 2


def _end_of_string(text: str, start: int) -> int:
    quote, i, n = text[start], start + 1, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\":
            nxt = text[i + 1 : i + 2]
            if nxt not in _ESCAPES or not nxt:
                raise _refuse(
                    f"the escape \\{nxt} in a string (allowed: \\\\ \\' \\\" \\b \\f \\n \\r \\t)",
                    i,
                )
            i += 2
            continue
        if ch == quote:
            if text[i + 1 : i + 2] in ("'", '"'):
                raise _refuse("a string directly followed by a quote (write \\' for a quote inside a string)", i)
            return i + 1
        i += 1
    raise CypherSyntaxError(f"an unterminated string literal starting at offset {start}")


def _end_of_quoted(text: str, start: int) -> int:
    i, n = start + 1, len(text)
    while i < n:
        if text[i] == "`":
            if text[i + 1 : i + 2] == "`":
                i += 2
                continue
            return i + 1
        i += 1
    raise CypherSyntaxError(f"an unterminated `name` starting at offset {start}")


def _end_of_param(text: str, start: int) -> int:
    if start and _is_name_char(text[start - 1]) or text[start - 1 : start] in ("$", "`"):
        raise _refuse("a $ glued to the name before it (both engines read `a$b` as one name)", start)
    i, n = start + 1, len(text)
    nxt = text[i : i + 1]
    if nxt == "`":
        return _end_of_quoted(text, i)
    if "0" <= nxt <= "9" and nxt:
        while i < n and "0" <= text[i] <= "9":
            i += 1
    elif nxt and _is_name_char(nxt) and not ("0" <= nxt <= "9"):
        while i < n and _is_name_char(text[i]):
            i += 1
    else:
        raise _refuse("a $ not directly followed by a parameter name", start)
    if i < n and _glued(text[i]) and text[i] not in WHITESPACE:
        raise _refuse(f"the parameter {text[start:i]} glued to {text[i]!r}: put a space between them", start)
    return i


def _end_of_number(text: str, start: int) -> int:
    match = _NUMBER.match(text, start)
    end = match.end() if match else start + 1
    after = text[end : end + 1]
    if after and (_glued(after) and after not in WHITESPACE or (after == "." and text[end + 1 : end + 2] != ".")):
        word = re.split(r"[\s()\[\]{},;]", text[end:], maxsplit=1)[0][:20]
        raise _refuse(
            f"the number {text[start:end]} glued to {word!r}: the engines split this differently "
            f"(LadybugDB reads {text[start:end]} then {word!r}); put a space between them",
            start,
        )
    return end
