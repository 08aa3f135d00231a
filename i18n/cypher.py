"""The Cypher page's words: named queries and parameters, limits, the result table and graph, the editor's hints and
completion kinds, the query history.

Imports nothing; i18n/__init__.py merges this table into i18n.STRINGS."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # cypher
    "named_query": ("从已命名查询开始", "Start from a named query"),
    "custom": ("（自定义）", "(custom)"),
    "query_text": ("Cypher 语句（只读）", "Cypher (read-only)"),
    "params": ("参数", "Parameters"),
    "run": ("运行", "Run"),
    "limits": (
        "只读 · 超时 {timeout:g} 秒 · 最多 {cap} 行 · 后端 {backend}",
        "Read-only · timeout {timeout:g} s · at most {cap} rows · backend {backend}",
    ),
    "rows_in": ("{n} 行，用时 {s:.3f} 秒", "{n} rows in {s:.3f} s"),
    "truncated": ("结果已截断到 {cap} 行。", "Result truncated at {cap} rows."),
    "download_csv": ("下载 CSV", "Download CSV"),
    "result_graph": ("结果中的节点与关系", "Nodes and relationships in the result"),
    "running": ("正在查询…", "Running the query…"),
    "editor_placeholder": (
        "在此输入 Cypher，例如 MATCH (a:Agency) RETURN a LIMIT 10",
        "Type Cypher here, e.g. MATCH (a:Agency) RETURN a LIMIT 10",
    ),
    "editor_hint": (
        "Ctrl+Enter 运行 · Ctrl+空格 补全（冒号后为标签和关系类型，点号后为属性）",
        "Ctrl+Enter runs · Ctrl+Space completes (labels and relationship types after a colon, properties after a dot)",
    ),
    "kind_label": ("标签", "label"),
    "kind_type": ("关系类型", "relationship type"),
    "kind_property": ("属性", "property"),
    "kind_keyword": ("关键字", "keyword"),
    "kind_function": ("函数", "function"),
    "param_help": (
        "按文本传入；数字、列表或真假值写成 :=JSON，例如 :=3",
        "Passed as text; write a number, list or boolean as :=JSON, e.g. :=3",
    ),
    "history": ("本次会话的查询", "Queries this session"),
    "history_empty": (
        "运行过的查询会列在这里，点击即可再次运行。",
        "Queries you run are listed here; click one to run it again.",
    ),
    "error_original": ("查询引擎的原文（英文）", "The query engine's own words"),
    "history_again": ("放回编辑器并再次运行", "Put it back in the editor and run it again"),
}
