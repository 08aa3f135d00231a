"""The Explorer page's words: search and focus, the reporting chain and subordinates, functions and lineage, the
agency's life across snapshots, the category and mode filters, the table.

Imports nothing; i18n/__init__.py merges this table into i18n.STRINGS."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # explorer
    "search": ("搜索机构（中文或英文名）", "Search an agency (Chinese or English name)"),
    "search_hits": ("匹配的机构", "Matching agencies"),
    "focus_depth": ("下级层数", "Depth below"),
    "focus_on": ("聚焦：{name}", "Focus: {name}"),
    "clear_focus": ("取消聚焦", "Clear focus"),
    "chain": ("上级链条", "Reporting chain"),
    "top": ("（最高层）", "(top)"),
    "subordinates": ("下级机构", "Subordinates"),
    "functions": ("职能", "Functions"),
    "lineage": ("沿革", "Lineage"),
    "no_lineage": ("没有跨时点的沿革记录。", "No lineage to other snapshots."),
    "depth": ("层级", "Depth"),
    "life": ("历史沿革（各时点）", "History"),
    "life_names": ("存在于 {n}/{total} 个时点：{names}", "In {n} of {total} snapshots: {names}"),
    "life_step": ("由上一时点{change}", "{change} from the snapshot before"),
    "life_in": ("所在地区", "In"),
    "life_established": ("新设（此前无对应机构）", "established (no body before it)"),
    "life_not_yet": ("尚未设立", "not yet established"),
    "life_ended": ("不再单设（见上方去向）", "no longer a body of its own (see where it went above)"),
    "life_abolished": ("已撤销", "abolished"),
    "note": ("备注", "Note"),
    "structure_of": ("{scope} · {snapshot}", "{scope} · {snapshot}"),
    "details": ("机构详情", "Agency details"),
    "filter_categories": ("按类别筛选", "Filter by category"),
    "filter_modes": ("按隶属方式筛选", "Filter by reporting mode"),
    "filter_all": ("全部", "All"),
    "filter_note": (
        "已筛选：图中保留领导机构作为框架，表格只列所选机构；上级链条始终完整。",
        "Filtered: the chart keeps the leading bodies as its frame, the table lists only what you chose; the reporting "
        "chain is always shown whole.",
    ),
    "view_table": ("本视图中的机构（{n}）", "Agencies in this view ({n})"),
    "reports_to": ("上级", "Reports to"),
    "table_capped": (
        "仅列出前 {n} 个（共 {total} 个）；请用筛选或选择地区缩小范围。",
        "The first {n} of {total}; narrow the view with the filters or a jurisdiction.",
    ),
}
