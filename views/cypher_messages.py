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

__all__ = ["Explained", "explain", "where"]


@dataclass(frozen=True, slots=True)
class Explained:
    headline: str  # what happened and what to do
    detail: str = ""  # the specific cause, in the reader's language ("" when the headline says it all)
    original: str = ""  # the engine's own words, when no translation fits


_T: dict[str, tuple[str, str]] = {
    "h_refused": (
        "此查询被拒绝：这里只运行只读查询（MATCH、WITH、RETURN 等）。请删去下面指出的部分后再运行。",
        "Refused: only read-only queries (MATCH, WITH, RETURN …) run here. Remove the part named below and run it again.",
    ),
    "h_syntax": (
        "查询有语法错误。请按下面指出的位置修改后再运行。",
        "The query has a syntax error. Correct it where shown below and run it again.",
    ),
    "h_timeout": (
        "查询超过了 {timeout} 秒的时间限制，已停止。请缩小范围（加 WHERE 条件、LIMIT，或给路径长度设上限）后再运行。",
        "The query ran past its {timeout} s time limit and was stopped. Narrow it (a WHERE condition, a LIMIT, a bound "
        "on path length) and run it again.",
    ),
    "h_unsupported": (
        "内嵌查询引擎不支持此写法。请按下面的说明改写查询后再运行。",
        "The embedded query engine does not support this construct. Rewrite the query as described below.",
    ),
    "h_param": ("参数值有误。请修改参数后再运行。", "A parameter value is wrong. Correct it and run the query again."),
    "h_other": ("查询未能运行。", "The query could not run."),
    "at": ("第 {line} 行第 {col} 列，“{near}”处", "line {line}, column {col}, at “{near}”"),
    "at_end": ("第 {line} 行第 {col} 列（查询末尾）", "line {line}, column {col} (the end of the query)"),
    "parse": (
        "在{where}无法读下去。请检查那里的括号、引号、逗号和关键字拼写。",
        "The query cannot be read at {where}. Check the brackets, quotes, commas and keyword spelling there.",
    ),
    "parse_nowhere": (
        "查询无法解析。请检查括号、引号、逗号和关键字拼写。",
        "The query cannot be read. Check its brackets, quotes, commas and keyword spelling.",
    ),
    "no_property": (
        "图中没有属性“{name}”。在编辑器里输入点号（.）可列出已有的属性。",
        "The graph has no property “{name}”. Type a dot (.) in the editor to list the properties it has.",
    ),
    "no_label": (
        "图中没有标签或关系类型“{name}”。在编辑器里输入冒号（:）可列出已有的标签和关系类型。",
        "The graph has no label or relationship type “{name}”. Type a colon (:) in the editor to list those it has.",
    ),
    "unterminated": ("{what}没有结束，始于{where}。", "{what} is not closed; it starts at {where}."),
    "string": ("字符串的引号", "A string's quote"),
    "comment": ("/* 注释", "A /* comment"),
    "backtick": ("反引号名称", "A `name`"),
    "empty": (
        "查询是空的。请输入查询，或从上方选择一个已命名查询。",
        "The query is empty. Type one, or start from a named query above.",
    ),
    "missing_param": (
        "缺少参数 ${name}。请在“参数”中填写。",
        "The parameter ${name} is missing. Fill it in under Parameters.",
    ),
    "wrong_type": (
        "值的类型不匹配：文本要与文本比较（加引号，如 '100001'），数字与数字比较。",
        "A value has the wrong type: compare text with text (quote it, e.g. '100001') and numbers with numbers.",
    ),
    "bad_arguments": ("函数 {name}() 的参数不对。", "The function {name}() takes other arguments."),
    "unbalanced": ("括号不配对，位于{where}。", "A bracket is not matched, at {where}."),
    "r_write": ("“{word}”会写入图或其结构（{where}）。", "“{word}” writes to the graph or its schema ({where})."),
    "r_files": (
        "“{word}”会读写文件或加载扩展（{where}）。",
        "“{word}” reads or writes files, or loads extensions ({where}).",
    ),
    "r_call": (
        "“{word}”会调用过程或表函数（{where}）。要列出标签，可改用 MATCH (n) RETURN DISTINCT labels(n)。",
        "“{word}” calls a procedure or table function ({where}). To list labels, use MATCH (n) RETURN DISTINCT labels(n).",
    ),
    "r_admin": (
        "“{word}”用于管理数据库、事务或设置（{where}）。",
        "“{word}” administers the database, its transactions or settings ({where}).",
    ),
    "r_prefix": (
        "“{word}”是查询前缀（{where}）：请只运行查询本身。",
        "“{word}” is a query prefix ({where}): run the query itself.",
    ),
    "r_statements": (
        "一次只能运行一条语句，{where}有分号。请分开运行。",
        "Only one statement runs at a time; there is a semicolon at {where}. Run them one by one.",
    ),
    "r_function": (
        "函数 {word}() 不在只读函数之列（{where}）。按 Ctrl+空格 可列出可用的函数。",
        "The function {word}() is not one of the read-only functions ({where}). Press Ctrl+Space to list those that are.",
    ),
    "r_unknown_word": (
        "“{word}”既不是读取关键字，也不是查询里定义的变量（{where}），可能拼写有误。",
        "“{word}” is neither a read keyword nor a variable the query defines ({where}); it may be misspelt.",
    ),
    "r_namespaced": (
        "带命名空间的函数或过程不能调用（{where}）。请直接使用内置函数名。",
        "Namespaced functions and procedures cannot be called ({where}). Call built-in functions by their name.",
    ),
    "r_start": (
        "查询必须以 MATCH、OPTIONAL MATCH、WITH、UNWIND 或 RETURN 开头（{where}是“{word}”）。",
        "A query must start with MATCH, OPTIONAL MATCH, WITH, UNWIND or RETURN ({where} is “{word}”).",
    ),
    "r_clause": (
        "“{word}”不是这里允许的读取子句（{where}）。",
        "“{word}” is not one of the read clauses allowed here ({where}).",
    ),
    "r_glued": (
        "在{where}，数字与后面的词连在一起。请在两者之间加一个空格。",
        "At {where} a number is glued to the word after it. Put a space between them.",
    ),
    "r_lexer": (
        "{where}的写法会被两个查询引擎读成不同的意思，已拒绝。请把那里的字符放进引号、加空格或删去。",
        "The text at {where} would be read differently by the two query engines, so it was refused. Quote it, add a "
        "space or remove it.",
    ),
    "r_server": (
        "服务器判断此查询不是纯读取查询，已拒绝。",
        "The server found that the query is not a plain read and refused it.",
    ),
    "u_function": (
        "内嵌引擎没有函数 {name}()。请换用其他函数。",
        "The embedded engine has no function {name}(). Use another one.",
    ),
    "u_order": (
        "WITH … ORDER BY 之后需要 SKIP 或 LIMIT。请在最后的 RETURN 中排序。",
        "WITH … ORDER BY needs a SKIP or LIMIT after it. Order the final RETURN instead.",
    ),
    "u_hops": (
        "变长路径的上限超过 {n} 跳。请把上限设为 {n} 或更小。",
        "A variable-length path is bound above {n} hops. Use {n} or fewer.",
    ),
    "u_empty_list": (
        "此处不能用空列表。请在列表为空时去掉这个条件。",
        "An empty list cannot be used here. Leave the condition out when it is empty.",
    ),
    "u_other": ("不支持的写法：{construct}。", "Not supported: {construct}."),
    "memory": (
        "查询需要的内存超过内嵌引擎的上限。请缩小范围（锚定一个节点、限制路径长度、少返回几列）。",
        "The query needs more memory than the embedded engine has. Narrow it (anchor a node, bound the path length, "
        "return fewer columns).",
    ),
    "needs_value": (
        "此查询需要 {names} 的值（它没有适用于所有数据集的默认值）。请在“参数”中填写后再运行。",
        "This query needs a value for {names} (it has no default that fits every dataset). Fill it in under "
        "Parameters and run it again.",
    ),
    "param_json": (
        '参数值 {raw} 在 := 之后不是有效的 JSON（例如 :=3、:=true、:=["a", "b"]）。',
        'The parameter value {raw} is not valid JSON after := (e.g. :=3, :=true, :=["a", "b"]).',
    ),
}


def _t(key: str, lang: str, **values: object) -> str:
    zh, en = _T[key]
    return (en if lang == "en" else zh).format(**values)


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
        return _t("at_end", lang, line=line, col=col)
    return _t("at", lang, line=line, col=col, near=near.group(1))


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
    ("several statements", "r_statements"),
    ("writes to the graph", "r_write"),
    ("reads or writes files", "r_files"),
    ("calls a procedure", "r_call"),
    ("administers the database", "r_admin"),
    ("is a query prefix", "r_prefix"),
    ("not on the list of read-only functions", "r_function"),
    ("is neither a read keyword nor a variable", "r_unknown_word"),
    ("namespaced function", "r_namespaced"),
    ("a query must start with", "r_start"),
    ("glued to", "r_glued"),
    ("the query was not run", "r_lexer"),
    ("refused by the server", "r_server"),
    ("the query uses", "r_server"),
    ("the query is not a plain read", "r_server"),
)


def _refused(message: str, query: str, lang: str) -> str:
    offset = _engine_offset(message, query)
    place = where(query, offset, lang) if offset is not None else ""
    word = _word_at(query, offset) if offset is not None else ""
    for needle, key in _REFUSALS:
        if needle in message and (place or key == "r_server"):
            return _t(key, lang, word=word, where=place)
    return _t("r_clause", lang, word=word, where=place) if place else ""


def _syntax(message: str, query: str, lang: str) -> str:
    if m := re.search(r"no property '([^']+)'", message):
        return _t("no_property", lang, name=m.group(1))
    if m := re.search(r"no label or relationship type '([^']+)'", message):
        return _t("no_label", lang, name=m.group(1))
    if "the query is empty" in message:
        return _t("empty", lang)
    if m := re.search(r"missing parameter \$(\w+)", message):
        return _t("missing_param", lang, name=m.group(1))
    if "has the wrong type" in message:
        return _t("wrong_type", lang)
    if m := re.search(r"(\w+)\(\) takes other arguments", message):
        return _t("bad_arguments", lang, name=m.group(1))
    offset = _engine_offset(message, query)
    if offset is None:
        return _t("parse_nowhere", lang)
    place = where(query, offset, lang)
    for needle, what in (("string literal", "string"), ("/* comment", "comment"), ("`name`", "backtick")):
        if "unterminated" in message and needle in message:
            return _t("unterminated", lang, what=_t(what, lang), where=place)
    if "unbalanced parenthesis" in message:
        return _t("unbalanced", lang, where=place)
    return _t("parse", lang, where=place)


def _unsupported(exc: UnsupportedCypher, lang: str) -> str:
    construct = exc.construct
    if m := re.fullmatch(r"the function (\w+)\(\)", construct):
        return _t("u_function", lang, name=m.group(1))
    if construct.startswith("WITH … ORDER BY"):
        return _t("u_order", lang)
    if m := re.search(r"above (\d+) hops", construct):
        return _t("u_hops", lang, n=m.group(1))
    if construct.startswith("an empty list"):
        return _t("u_empty_list", lang)
    return _t("u_other", lang, construct=construct)


def explain(exc: OrgraphError, query: str, lang: str, *, timeout_s: float = 0.0) -> Explained:
    """`exc`, raised by running `query`, as a headline and a detail in `lang` ("zh" or "en")."""
    message = str(exc)
    if isinstance(exc, WriteRefused):
        detail = _refused(message, query, lang)
        return Explained(_t("h_refused", lang), detail, "" if detail else message)
    if isinstance(exc, CypherSyntaxError):
        return Explained(_t("h_syntax", lang), _syntax(message, query, lang))
    if isinstance(exc, CypherTimeout):
        return Explained(_t("h_timeout", lang, timeout=f"{timeout_s:g}"))
    if isinstance(exc, UnsupportedCypher):
        return Explained(_t("h_unsupported", lang), _unsupported(exc, lang))
    if isinstance(exc, InvalidRequest) and (m := re.search(r"parameter value (.+?) is not valid JSON", message)):
        return Explained(_t("h_param", lang), _t("param_json", lang, raw=m.group(1)))
    if isinstance(exc, InvalidRequest) and (m := re.search(r"needs a value for (\$\w+(?:, \$\w+)*)", message)):
        return Explained(_t("h_param", lang), _t("needs_value", lang, names=m.group(1)))
    if "more memory than the embedded engine has" in message:
        return Explained(_t("h_other", lang), _t("memory", lang))
    return Explained(_t("h_other", lang), "", message)
