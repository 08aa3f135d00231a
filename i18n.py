"""Interface text in Chinese and English. Data labels (agency names) come from the data, not from here.

>>> t("explorer", "en"), t("explorer", "zh")
('Explorer', '结构浏览')
>>> t("n_agencies", "en", n=3)
'3 agencies'
"""

from __future__ import annotations

__all__ = ["LANGS", "STRINGS", "t"]

LANGS = ("zh", "en")

STRINGS: dict[str, tuple[str, str]] = {
    # navigation and shell
    "app_title": ("orgraph 机构改革图谱", "orgraph: a reform as a graph"),
    "overview": ("总览", "Overview"),
    "explorer": ("结构浏览", "Explorer"),
    "compare": ("改革前后对比", "Compare"),
    "cypher": ("Cypher 查询", "Cypher"),
    "export": ("导出", "Export"),
    "language": ("语言 / Language", "Language / 语言"),
    "backend": ("存储后端", "Backend"),
    "backend_badge": ("后端：{backend}", "Backend: {backend}"),
    "dataset_badge": ("数据集：{dataset}", "Dataset: {dataset}"),
    "loading": ("正在加载数据集…", "Loading the dataset…"),
    "neo4j_down": (
        "已配置 Neo4j（NEO4J_URI），但无法连接：{error}",
        "Neo4j is configured (NEO4J_URI) but unreachable: {error}",
    ),
    "use_embedded": ("改用内置 networkx 后端", "Use the embedded networkx backend"),
    "dataset_error": ("无法加载数据集", "The dataset could not be loaded"),
    # shared words
    "jurisdiction": ("地区", "Jurisdiction"),
    "whole_league": ("全部地区", "All jurisdictions"),
    "snapshot": ("时点", "Snapshot"),
    "before": ("改革前", "Before"),
    "after": ("改革后", "After"),
    "agency": ("机构", "Agency"),
    "agencies": ("机构", "Agencies"),
    "n_agencies": ("{n} 个机构", "{n} agencies"),
    "category": ("类别", "Category"),
    "type": ("类型", "Type"),
    "basis": ("依据", "Basis"),
    "source": ("来源", "Source"),
    "sources": ("资料来源", "Sources"),
    "mode": ("方式", "Mode"),
    "name_zh": ("中文名", "Chinese name"),
    "name_en": ("英文名", "English name"),
    "counts_toward_quota": ("计入限额", "Counts toward quota"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "none_found": ("没有结果。", "Nothing found."),
    "too_big": (
        "共 {n} 个图元，超过上限 {max}：各地区已合并为一个方框，可在下方选择展开。",
        "{n} elements exceed the limit of {max}: each jurisdiction is drawn as one box; expand some below.",
    ),
    "expand": ("展开地区", "Expand jurisdictions"),
    "expand_placeholder": ("选择要展开的地区", "Pick jurisdictions to draw in full"),
    "group_node": ("合并显示的地区", "Jurisdiction drawn as one box"),
    "aggregate_link": ("汇总的隶属关系（数字为条数）", "Summed reporting lines (count)"),
    "group_label": ("{name}\n{n} 个机构", "{name}\n{n} agencies"),
    "modeled_dashed": ("虚线边框：推定（modeled）", "Dashed border: modeled"),
    "context_node": ("范围外机构（上级）", "Outside the scope (superior)"),
    "node_jurisdiction": ("地区（Jurisdiction）", "Jurisdiction"),
    "node_function": ("职能（Function）", "Function"),
    "node_other": ("其他节点", "Other node"),
    "rel_in": ("所在地区（IN）", "in a jurisdiction (IN)"),
    "rel_has_function": ("承担职能（HAS_FUNCTION）", "holds a function (HAS_FUNCTION)"),
    "rel_became": ("沿革（BECAME）", "became (BECAME)"),
    "drawn_count": ("已绘制 {nodes} 个节点、{links} 条连线", "Drawn: {nodes} nodes, {links} links"),
    # categories
    "cat_leadership": ("领导机构", "Leadership"),
    "cat_party": ("党委部门", "Party"),
    "cat_government": ("政府部门", "Government"),
    "cat_discipline": ("纪检监察", "Discipline"),
    "cat_coordination": ("议事协调", "Coordination"),
    "cat_institution": ("事业单位", "Institution"),
    "cat_enforcement": ("执法队伍", "Enforcement"),
    "cat_other": ("其他", "Other"),
    # reporting modes
    "mode_leads": ("领导", "leads"),
    "mode_manages": ("管理", "manages"),
    "mode_unified": ("归口管理", "unified management"),
    "mode_dispatched": ("派出机构", "dispatched office"),
    "mode_entrusted": ("代管", "entrusted"),
    "mode_guides": ("业务指导", "guidance"),
    "mode_office_in": ("办公室设在", "office located in"),
    "mode_plate": ("加挂牌子", "extra name plate"),
    "mode_co_located": ("合署办公", "co-located"),
    "mode_hosted": ("挂靠/合署", "hosted by"),
    "basis_seed": ("种子文章", "seed article"),
    "basis_public": ("公开资料", "public source"),
    "basis_modeled": ("推定", "modeled"),
    # overview
    "overview_intro": (
        "改革前后的机构、限额、特设机构与资料来源。",
        "Agencies before and after, quotas, special departments and sources.",
    ),
    "counties": ("地区", "Jurisdictions"),
    "quota": ("机构限额", "Agency quota"),
    "quota_chart": ("各{tier}计入限额的机构数与限额", "Agencies counting toward the quota, per {tier}"),
    "attributes_of": ("各{tier}的属性", "Attributes per {tier}"),
    "special_matrix": ("特设机构", "Special departments"),
    "special_matrix_help": (
        "数据集规则（rules.toml）所列机构在各地是否设置：✓ 有，— 无；✗ 表示与规则不符。",
        "Where the bodies the dataset's rules (rules.toml) place are set up: ✓ present, — absent; ✗ disagrees with the rule.",
    ),
    "no_declared_rules": (
        "本数据集未声明规则（文件夹中没有 rules.toml），以下仅为内置的数据完整性检查。",
        "This dataset declares no rules (no rules.toml in its folder); below are only the built-in data-health checks.",
    ),
    "reform_dates": ("改革进程", "Reform timeline"),
    "date": ("日期", "Date"),
    "event": ("事项", "Event"),
    "published_vs_modeled": ("已公开与推定", "Published versus modeled"),
    "facts": ("事实数（机构与关系）", "Facts (agencies and relationships)"),
    "title": ("标题", "Title"),
    "publisher": ("发布方", "Publisher"),
    "link": ("链接", "Link"),
    "size_class": ("规模", "Size class"),
    "size_small": ("小类", "small"),
    "size_medium": ("中类", "medium"),
    "size_large": ("大类", "large"),
    "over_quota": ("超出限额", "over quota"),
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
    # compare
    "snapshot_before": ("对比基准（前）", "From (before)"),
    "snapshot_after": ("对比目标（后）", "To (after)"),
    "side_by_side": ("并排", "Side by side"),
    "overlay_too_big": (
        "全部地区的叠加图超过 {max} 个图元：请选择一个地区查看叠加变化。",
        "The overlay of all jurisdictions exceeds {max} drawn elements: pick one jurisdiction to see it.",
    ),
    "changes_only": ("只显示变化（隐藏延续不变的机构）", "Changes only (hide agencies that simply continued)"),
    "stacked": ("上下排列（全宽，便于阅读大图）", "Stack the panes (full width, for large scopes)"),
    "stacked_help": (
        "两幅图使用同一布局：延续的机构在两幅图中位置相同。",
        "Both charts share one layout: a continuing agency sits at the same spot in both.",
    ),
    "overlay": ("叠加变化", "Overlay of changes"),
    "sankey": ("沿革流向", "Lineage flow"),
    "changes_table": ("变化明细", "Changes"),
    "summary": ("概述", "Summary"),
    "checks": ("规则检查", "Rule checks"),
    "no_checks": ("规则检查尚不可用。", "Rule checks are not available yet."),
    "change_added": ("新设", "added"),
    "change_removed": ("撤销", "removed"),
    "change_merged": ("合并", "merged"),
    "change_split": ("拆分", "split"),
    "error_write_refused": (
        "此查询被拒绝：这里只运行只读查询（MATCH、WITH、RETURN 等），不运行写入、读取文件或调用过程的语句。请去掉相应子句后再运行。",
        "Refused: only read-only queries (MATCH, WITH, RETURN …) run here, nothing that writes, reads files or calls "
        "procedures. Remove that clause and run it again.",
    ),
    "error_syntax": (
        "查询有语法错误，位置见下方说明。请修改后再运行。",
        "The query has a syntax error; the detail below shows where. Correct it and run it again.",
    ),
    "error_timeout": (
        "查询超过时间限制。请缩小范围（加 WHERE 条件或 LIMIT）后再运行。",
        "The query ran past the time limit. Narrow it (a WHERE condition or a LIMIT) and run it again.",
    ),
    "error_unsupported": (
        "内嵌引擎不支持此写法（见下方说明）。请改写查询，或设置 ORGRAPH_BACKEND=neo4j 连接 Neo4j 服务器后运行。",
        "The embedded engine does not support this construct (see below). Rewrite the query, or set "
        "ORGRAPH_BACKEND=neo4j to run it on a Neo4j server.",
    ),
    "error_query": ("查询未能运行，原因见下方说明。", "The query could not run; the detail below says why."),
    "error_detail": ("技术说明", "Details"),
    "run_from_elsewhere": (
        "由其他地区机构管理（派出机构等）",
        "Run from a body elsewhere (dispatched offices and the like)",
    ),
    "whole_chart": ("← 返回整体结构", "← Back to the whole chart"),
    "breadcrumb": ("上级链", "Reporting chain"),
    "change_merged_away": ("并入他机构", "merged into another"),
    "change_moved": ("转隶/改为派出", "moved to another jurisdiction"),
    "change_renamed": ("更名", "renamed"),
    "change_reporting": ("隶属关系变化", "reporting line changed"),
    "change_unchanged": ("未变", "unchanged"),
    "change_continued": ("延续", "continued"),
    "change_transferred": ("职能划转", "function transferred"),
    "change": ("变化", "Change"),
    "change_established": ("新设", "established"),
    "change_abolished": ("撤销", "abolished"),
    "change_category": ("类别变化", "category changed"),
    "change_hosting": ("挂靠关系变化", "hosting changed"),
    "rule": ("规则", "Rule"),
    "result": ("结果", "Result"),
    "violations": ("问题", "Violations"),
    "checks_result": (
        "{total} 项检查中 {failed} 项未通过（改革后时点）",
        "{failed} of {total} checks failed (the after snapshot)",
    ),
    "from": ("原机构", "From"),
    "to": ("新机构", "To"),
    "same_snapshot": ("请选择两个不同的时点。", "Pick two different snapshots."),
    "computing": ("正在计算对比…", "Computing the comparison…"),
    "sankey_by_category": ("全部地区按类别汇总。", "Flows across all jurisdictions are summed by category."),
    "tile_agencies": ("机构数（改革前 → 改革后）", "Agencies (before → after)"),
    "tile_agencies_help": (
        "所选范围内两个时点的机构总数；差额不是新设数，见后面各项。",
        "All bodies in the scope at the two dates; the difference is not the number established (see the other tiles).",
    ),
    "tile_established": ("新设机构", "Established"),
    "tile_established_help": ("改革后才有、没有前身的机构。", "Bodies with no predecessor: new after the reform."),
    "tile_ended": ("不再单设", "Ended"),
    "tile_ended_help": (
        "改革前的机构中不再作为独立机构存在的：撤销、并入他机构或被拆分。",
        "Bodies before that no longer exist as themselves: abolished, merged into another, or split up.",
    ),
    "tile_mergers": ("合并组建", "Formed by merger"),
    "tile_mergers_help": (
        "由一个或多个原机构合并组建的新机构。",
        "Bodies formed by merging one or more bodies before.",
    ),
    "tile_moved": ("转隶/改为派出", "Moved elsewhere"),
    "tile_moved_help": (
        "改由其他地区管理的机构，如旗县局改为盟局的派出分局。",
        "Bodies now run from another jurisdiction, e.g. a county bureau become a branch dispatched by the league's.",
    ),
    "tile_split": ("拆分", "Split up"),
    "tile_renamed": ("更名", "Renamed"),
    "tile_transferred": ("职能划转（项）", "Duties transferred"),
    "tile_reporting": ("隶属关系变化", "Reporting line changed"),
    "ended_breakdown": (
        "不再单设 {ended} 个：撤销 {abolished} 个，并入他机构 {merged_away} 个，拆分 {split_up} 个。",
        "{ended} ended: {abolished} abolished, {merged_away} merged into another body, {split_up} split up.",
    ),
    "class_added": ("新设", "established"),
    "class_removed": ("撤销（已不存在）", "abolished (ended)"),
    "class_merged": ("合并组建的新机构", "formed by merger"),
    "class_merged_away": ("并入他机构（已不存在）", "merged into another (ended)"),
    "class_split": ("拆分", "split"),
    "class_moved": ("转隶/改为派出", "moved to another jurisdiction"),
    "class_renamed": ("更名", "renamed"),
    "class_reporting": ("隶属关系变化", "reporting line changed"),
    "class_unchanged": ("未变", "unchanged"),
    "legend_ended": (
        "划线、淡色、点线框：改革后不再单设（撤销、并入他机构或被拆分）",
        "Struck through, faded, dotted box: no longer a body of its own (abolished, merged into another or split up)",
    ),
    "legend_became": ("沿革：原机构 → 承接它的机构", "Lineage: a body before → the body that took it over"),
    "sankey_sides": (
        "左侧为改革前的机构（{before}），右侧为改革后的机构（{after}）；连线颜色表示变化：",
        "Left: bodies before ({before}); right: bodies after ({after}). A flow's colour says what happened:",
    ),
    "compare_too_big": (
        "共 {n} 个图元，超过上限 {max}：每个辖区画成一个方框。可在下方选择一个辖区展开。",
        "{n} elements exceed the limit of {max}: each jurisdiction is drawn as one box. Pick one below to expand it.",
    ),
    "expand_one": ("展开一个辖区", "Expand one jurisdiction"),
    "expand_none": ("（不展开）", "(none)"),
    "expand_too_big": (
        "{name}的机构超过上限 {max}，无法在此展开；请在“地区”中单独选择它。",
        "{name} has too many bodies to expand within the limit of {max}; pick it as the jurisdiction instead.",
    ),
    "n_jurisdictions": ("{n} 个辖区", "{n} jurisdictions"),
    "overlay_expand_hint": (
        "全部辖区的叠加图超过 {max} 个图元：请在上方“展开一个辖区”中选择一个，或在“地区”中选择。",
        "The overlay of all jurisdictions exceeds {max} drawn elements: expand one jurisdiction above, or pick one.",
    ),
    "overlay_of": ("叠加变化：{name}", "Overlay of changes: {name}"),
    "note_merged": ("{n} 个机构合并为 1 个", "{n} bodies merged into one"),
    "note_merged_one": ("并入新组建的机构", "merged into a newly formed body"),
    "note_duties_in": ("另划入 {k} 项职能", "plus {k} duties transferred in"),
    "note_split": ("1 个拆为 {n} 个", "one body split into {n}"),
    "note_moved": ("改由{place}管理", "now run from {place}"),
    "note_manager": ("隶属{manager}", "under {manager}"),
    "note_duty": ("职能：{name}", "duty: {name}"),
    "note_was_now": ("原：{old}；现：{new}", "was: {old}; now: {new}"),
    "note_nothing": ("无", "none"),
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
    # export
    "export_intro": ("将所选范围导出为图表或数据文件。", "Export the selected scope as diagrams or data files."),
    "export_scope": ("范围", "Scope"),
    "export_kind_snapshot": ("单个时点", "One snapshot"),
    "export_kind_compare": ("前后对比", "Before / after"),
    "export_kind_chain": ("机构的上级链条", "An agency's reporting chain"),
    "export_agency": ("机构", "Agency"),
    "export_depth": ("另含下级层数（0 = 仅链条）", "Levels below too (0 = the chain only)"),
    "export_view": ("导出当前视图", "Export this view"),
    "export_pick_agency": ("请先选择一个机构。", "Pick an agency first."),
    "diagrams": ("图表", "Diagrams"),
    "data_files": ("数据", "Data"),
    "labels": ("图中文字", "Labels"),
    "labels_both": ("中英双语", "Chinese and English"),
    "preview": ("预览图表 (SVG)", "Preview the diagram (SVG)"),
    "prepare": ("生成文件", "Prepare files"),
    "download": ("下载 {fmt}", "Download {fmt}"),
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


def t(key: str, lang: str, **values: object) -> str:
    """The interface string `key` in `lang` ("zh" or "en"), formatted with `values`; unknown keys show as-is."""
    pair = STRINGS.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**values) if values else text
