"""The Export page's words: formats, options and the download of the view on screen.

Imports nothing; i18n/__init__.py merges this table into i18n.STRINGS."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
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
}
