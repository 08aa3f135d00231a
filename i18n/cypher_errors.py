"""A failed query explained on the Cypher page (views/cypher_messages.py reads the engines' messages and
picks one of these): what went wrong and what to do, in the reader's language.

Imports nothing; i18n/__init__.py merges this table into i18n.STRINGS."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # a failed query explained on the Cypher page (views/cypher_messages.py reads the engines' messages)
    "cypher_h_refused": (
        "此查询被拒绝：这里只运行只读查询（MATCH、WITH、RETURN 等）。请删去下面指出的部分后再运行。",
        "Refused: only read-only queries (MATCH, WITH, RETURN …) run here. Remove the part named below and run it again.",
    ),
    "cypher_h_syntax": (
        "查询有语法错误。请按下面指出的位置修改后再运行。",
        "The query has a syntax error. Correct it where shown below and run it again.",
    ),
    "cypher_h_timeout": (
        "查询超过了 {timeout} 秒的时间限制，已停止。请缩小范围（加 WHERE 条件、LIMIT，或给路径长度设上限）后再运行。",
        "The query ran past its {timeout} s time limit and was stopped. Narrow it (a WHERE condition, a LIMIT, a bound "
        "on path length) and run it again.",
    ),
    "cypher_h_unsupported": (
        "内嵌查询引擎不支持此写法。请按下面的说明改写查询后再运行。",
        "The embedded query engine does not support this construct. Rewrite the query as described below.",
    ),
    "cypher_h_param": (
        "参数值有误。请修改参数后再运行。",
        "A parameter value is wrong. Correct it and run the query again.",
    ),
    "cypher_h_other": ("查询未能运行。", "The query could not run."),
    "cypher_at": ("第 {line} 行第 {col} 列，“{near}”处", "line {line}, column {col}, at “{near}”"),
    "cypher_at_end": ("第 {line} 行第 {col} 列（查询末尾）", "line {line}, column {col} (the end of the query)"),
    "cypher_parse": (
        "在{where}无法读下去。请检查那里的括号、引号、逗号和关键字拼写。",
        "The query cannot be read at {where}. Check the brackets, quotes, commas and keyword spelling there.",
    ),
    "cypher_parse_nowhere": (
        "查询无法解析。请检查括号、引号、逗号和关键字拼写。",
        "The query cannot be read. Check its brackets, quotes, commas and keyword spelling.",
    ),
    "cypher_no_property": (
        "图中没有属性“{name}”。在编辑器里输入点号（.）可列出已有的属性。",
        "The graph has no property “{name}”. Type a dot (.) in the editor to list the properties it has.",
    ),
    "cypher_no_label": (
        "图中没有标签或关系类型“{name}”。在编辑器里输入冒号（:）可列出已有的标签和关系类型。",
        "The graph has no label or relationship type “{name}”. Type a colon (:) in the editor to list those it has.",
    ),
    "cypher_unterminated": ("{what}没有结束，始于{where}。", "{what} is not closed; it starts at {where}."),
    "cypher_string": ("字符串的引号", "A string's quote"),
    "cypher_comment": ("/* 注释", "A /* comment"),
    "cypher_backtick": ("反引号名称", "A `name`"),
    "cypher_empty": (
        "查询是空的。请输入查询，或从上方选择一个已命名查询。",
        "The query is empty. Type one, or start from a named query above.",
    ),
    "cypher_missing_param": (
        "缺少参数 ${name}。请在“参数”中填写。",
        "The parameter ${name} is missing. Fill it in under Parameters.",
    ),
    "cypher_wrong_type": (
        "值的类型不匹配：文本要与文本比较（加引号，如 '100001'），数字与数字比较。",
        "A value has the wrong type: compare text with text (quote it, e.g. '100001') and numbers with numbers.",
    ),
    "cypher_bad_arguments": ("函数 {name}() 的参数不对。", "The function {name}() takes other arguments."),
    "cypher_unbalanced": ("括号不配对，位于{where}。", "A bracket is not matched, at {where}."),
    "cypher_r_write": (
        "“{word}”会写入图或其结构（{where}）。",
        "“{word}” writes to the graph or its schema ({where}).",
    ),
    "cypher_r_files": (
        "“{word}”会读写文件或加载扩展（{where}）。",
        "“{word}” reads or writes files, or loads extensions ({where}).",
    ),
    "cypher_r_call": (
        "“{word}”会调用过程或表函数（{where}）。要列出标签，可改用 MATCH (n) RETURN DISTINCT labels(n)。",
        "“{word}” calls a procedure or table function ({where}). To list labels, use MATCH (n) RETURN DISTINCT labels(n).",
    ),
    "cypher_r_admin": (
        "“{word}”用于管理数据库、事务或设置（{where}）。",
        "“{word}” administers the database, its transactions or settings ({where}).",
    ),
    "cypher_r_prefix": (
        "“{word}”是查询前缀（{where}）：请只运行查询本身。",
        "“{word}” is a query prefix ({where}): run the query itself.",
    ),
    "cypher_r_statements": (
        "一次只能运行一条语句，{where}有分号。请分开运行。",
        "Only one statement runs at a time; there is a semicolon at {where}. Run them one by one.",
    ),
    "cypher_r_function": (
        "函数 {word}() 不在只读函数之列（{where}）。按 Ctrl+空格 可列出可用的函数。",
        "The function {word}() is not one of the read-only functions ({where}). Press Ctrl+Space to list those that are.",
    ),
    "cypher_r_unknown_word": (
        "“{word}”既不是读取关键字，也不是查询里定义的变量（{where}），可能拼写有误。",
        "“{word}” is neither a read keyword nor a variable the query defines ({where}); it may be misspelt.",
    ),
    "cypher_r_namespaced": (
        "带命名空间的函数或过程不能调用（{where}）。请直接使用内置函数名。",
        "Namespaced functions and procedures cannot be called ({where}). Call built-in functions by their name.",
    ),
    "cypher_r_start": (
        "查询必须以 MATCH、OPTIONAL MATCH、WITH、UNWIND 或 RETURN 开头（{where}是“{word}”）。",
        "A query must start with MATCH, OPTIONAL MATCH, WITH, UNWIND or RETURN ({where} is “{word}”).",
    ),
    "cypher_r_clause": (
        "“{word}”不是这里允许的读取子句（{where}）。",
        "“{word}” is not one of the read clauses allowed here ({where}).",
    ),
    "cypher_r_glued": (
        "在{where}，数字与后面的词连在一起。请在两者之间加一个空格。",
        "At {where} a number is glued to the word after it. Put a space between them.",
    ),
    "cypher_r_lexer": (
        "{where}的写法会被两个查询引擎读成不同的意思，已拒绝。请把那里的字符放进引号、加空格或删去。",
        "The text at {where} would be read differently by the two query engines, so it was refused. Quote it, add a "
        "space or remove it.",
    ),
    "cypher_r_server": (
        "服务器判断此查询不是纯读取查询，已拒绝。",
        "The server found that the query is not a plain read and refused it.",
    ),
    "cypher_u_function": (
        "内嵌引擎没有函数 {name}()。请换用其他函数。",
        "The embedded engine has no function {name}(). Use another one.",
    ),
    "cypher_u_order": (
        "WITH … ORDER BY 之后需要 SKIP 或 LIMIT。请在最后的 RETURN 中排序。",
        "WITH … ORDER BY needs a SKIP or LIMIT after it. Order the final RETURN instead.",
    ),
    "cypher_u_hops": (
        "变长路径的上限超过 {n} 跳。请把上限设为 {n} 或更小。",
        "A variable-length path is bound above {n} hops. Use {n} or fewer.",
    ),
    "cypher_u_empty_list": (
        "此处不能用空列表。请在列表为空时去掉这个条件。",
        "An empty list cannot be used here. Leave the condition out when it is empty.",
    ),
    "cypher_u_other": ("不支持的写法：{construct}。", "Not supported: {construct}."),
    "cypher_memory": (
        "查询需要的内存超过内嵌引擎的上限。请缩小范围（锚定一个节点、限制路径长度、少返回几列）。",
        "The query needs more memory than the embedded engine has. Narrow it (anchor a node, bound the path length, "
        "return fewer columns).",
    ),
    "cypher_needs_value": (
        "此查询需要 {names} 的值（它没有适用于所有数据集的默认值）。请在“参数”中填写后再运行。",
        "This query needs a value for {names} (it has no default that fits every dataset). Fill it in under "
        "Parameters and run it again.",
    ),
    "cypher_param_json": (
        '参数值 {raw} 在 := 之后不是有效的 JSON（例如 :=3、:=true、:=["a", "b"]）。',
        'The parameter value {raw} is not valid JSON after := (e.g. :=3, :=true, :=["a", "b"]).',
    ),
}
