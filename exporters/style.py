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
    """How one reporting or hosting mode is drawn everywhere: Graphviz, vis.js (the app and the HTML export) and
    CSS (the app's org chart). Width, pattern and colour together tell every mode apart."""

    pattern: str  # solid | dashed | dotted
    colour: str
    width: float  # in px (Graphviz penwidth, vis width, CSS border width)
    label_zh: str
    label_en: str

    @property
    def style(self) -> str:
        """Graphviz style."""
        return self.pattern + (",bold" if self.width >= 2.5 else "")

    @property
    def dashes(self) -> list[int] | bool:
        """vis.js dash pattern (False: solid)."""
        return {"dashed": [9, 5], "dotted": [2, 5]}.get(self.pattern, False)

    @property
    def css(self) -> str:
        """A CSS border drawing the same line."""
        return f"{max(self.width, 1.0):g}px {self.pattern} {self.colour}"

    @property
    def svg_dasharray(self) -> str:
        return {"dashed": "9 5", "dotted": "2 5"}.get(self.pattern, "none")


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
    ReportMode.LEADS.value: EdgeStyle("solid", "#263238", 3.0, "领导", "leads"),
    ReportMode.MANAGES.value: EdgeStyle("solid", "#5c7f99", 1.4, "管理", "manages"),
    ReportMode.UNIFIED.value: EdgeStyle("dashed", "#1565c0", 1.6, "归口管理", "unified management"),
    ReportMode.DISPATCHED.value: EdgeStyle("dashed", "#00838f", 3.0, "派出", "dispatched office"),
    ReportMode.ENTRUSTED.value: EdgeStyle("dotted", "#6d4c41", 3.0, "代管", "entrusted"),
    ReportMode.GUIDES.value: EdgeStyle("dotted", "#2e7d32", 1.6, "业务指导", "guides"),
    HostMode.OFFICE_IN.value: EdgeStyle("solid", "#9e9e9e", 1.0, "办公室设在", "office in"),
    HostMode.PLATE.value: EdgeStyle("dashed", "#9e9e9e", 1.0, "加挂牌子 (挂靠)", "second plate"),
    HostMode.CO_LOCATED.value: EdgeStyle("dotted", "#9e9e9e", 1.0, "合署办公", "co-located"),
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
