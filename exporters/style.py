"""The visual vocabulary shared by the Graphviz diagrams and the interactive HTML: one place decides what a
category, a reporting mode, a modeled fact or a change class looks like, so the legend never disagrees.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from dataclasses import dataclass

from graph.diff.classes import ChangeClass
from graph.model import Category, HostMode, ReportMode

__all__ = [
    "CATEGORY_STYLE",
    "CHANGE_COLOUR",
    "CJK_FONTS",
    "EdgeStyle",
    "MODE_STYLE",
    "NodeStyle",
    "cjk_font",
]

#: CJK fonts we can name in the output, best first (Debian: fonts-noto-cjk, fonts-wqy-zenhei).
CJK_FONTS = ("Noto Sans CJK SC", "WenQuanYi Zen Hei", "Noto Serif CJK SC", "WenQuanYi Micro Hei")
FALLBACK_FONT = "Noto Sans CJK SC"


@dataclass(frozen=True, slots=True)
class NodeStyle:
    shape: str
    fill: str
    label_zh: str
    label_en: str


@dataclass(frozen=True, slots=True)
class EdgeStyle:
    style: str  # Graphviz style: solid | dashed | dotted | bold
    colour: str
    label_zh: str
    dashes: bool  # vis.js: dashed line


CATEGORY_STYLE: dict[Category, NodeStyle] = {
    Category.LEADERSHIP: NodeStyle("doubleoctagon", "#f4cccc", "领导机构", "leadership"),
    Category.PARTY: NodeStyle("box", "#fce5cd", "党委机构", "party"),
    Category.GOVERNMENT: NodeStyle("box", "#cfe2f3", "政府部门", "government"),
    Category.DISCIPLINE: NodeStyle("hexagon", "#ead1dc", "纪检监察", "discipline"),
    Category.COORDINATION: NodeStyle("ellipse", "#fff2cc", "议事协调", "coordination"),
    Category.INSTITUTION: NodeStyle("component", "#d9ead3", "事业单位", "institution"),
    Category.ENFORCEMENT: NodeStyle("house", "#d0e0e3", "执法队伍", "enforcement"),
    Category.OTHER: NodeStyle("note", "#eeeeee", "其他", "other"),
}

MODE_STYLE: dict[str, EdgeStyle] = {
    ReportMode.LEADS.value: EdgeStyle("solid", "#333333", "领导", False),
    ReportMode.MANAGES.value: EdgeStyle("dashed", "#333333", "管理", True),
    ReportMode.UNIFIED.value: EdgeStyle("dashed", "#1f6fb2", "归口管理", True),
    ReportMode.DISPATCHED.value: EdgeStyle("bold", "#c0392b", "派出", False),
    ReportMode.ENTRUSTED.value: EdgeStyle("dashed", "#8e44ad", "代管", True),
    ReportMode.GUIDES.value: EdgeStyle("dotted", "#27ae60", "业务指导", True),
    HostMode.OFFICE_IN.value: EdgeStyle("solid", "#999999", "办公室设在", False),
    HostMode.PLATE.value: EdgeStyle("dotted", "#999999", "加挂牌子", True),
    HostMode.CO_LOCATED.value: EdgeStyle("dashed", "#999999", "合署办公", True),
}

CHANGE_COLOUR: dict[ChangeClass, tuple[str, str]] = {
    ChangeClass.ADDED: ("#b6e3a8", "新设"),
    ChangeClass.REMOVED: ("#f4a6a6", "撤销"),
    ChangeClass.MERGED: ("#ffd08a", "合并"),
    ChangeClass.MERGED_AWAY: ("#e8d3b0", "并入他机构"),
    ChangeClass.SPLIT: ("#ffe9a8", "拆分"),
    ChangeClass.MOVED: ("#9fe3e0", "转隶/改为派出"),
    ChangeClass.RENAMED: ("#a9cdf5", "更名"),
    ChangeClass.REPORTING: ("#d7b8f0", "隶属关系变化"),
    ChangeClass.UNCHANGED: ("#ffffff", "未变"),
}

CONTEXT_FILL = "#f3f3f3"
CONTEXT_FONT_COLOUR = "#777777"


@functools.lru_cache(maxsize=1)
def cjk_font() -> str:
    """The first installed CJK font family of CJK_FONTS (asks fontconfig); the preferred name if none is found,
    so the output still names a CJK font that a viewer's machine may have."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return FALLBACK_FONT
    try:
        out = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return FALLBACK_FONT
    families = {name.strip() for line in out.splitlines() for name in line.split(",")}
    return next((f for f in CJK_FONTS if f in families), FALLBACK_FONT)
