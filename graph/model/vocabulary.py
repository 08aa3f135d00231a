"""The schema's fixed vocabulary (docs/schema.md): categories, bases, relationship types, reporting and hosting
modes, BECAME change kinds and snapshot roles, with the one order of reporting modes (mode_rank)."""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "MODES_BY_REL",
    "Basis",
    "Category",
    "Change",
    "HostMode",
    "RelType",
    "ReportMode",
    "SnapshotRole",
    "mode_rank",
]


class Category(StrEnum):
    LEADERSHIP = "leadership"
    PARTY = "party"
    GOVERNMENT = "government"
    DISCIPLINE = "discipline"
    COORDINATION = "coordination"
    INSTITUTION = "institution"
    ENFORCEMENT = "enforcement"
    OTHER = "other"


class Basis(StrEnum):
    """Where a fact comes from: the seed article, another public source, or our own reasoned assumption."""

    SEED = "seed"
    PUBLIC = "public"
    MODELED = "modeled"


class RelType(StrEnum):
    IN = "IN"
    REPORTS_TO = "REPORTS_TO"
    HOSTED_BY = "HOSTED_BY"
    HAS_FUNCTION = "HAS_FUNCTION"
    BECAME = "BECAME"


class ReportMode(StrEnum):
    LEADS = "leads"  # 领导
    MANAGES = "manages"  # 管理
    UNIFIED = "unified"  # 归口管理
    DISPATCHED = "dispatched"  # 派出机构: the start is a dispatched office of the end
    ENTRUSTED = "entrusted"  # 代管
    GUIDES = "guides"  # 业务指导


_MODE_RANK = {m.value: i for i, m in enumerate(ReportMode)}


def mode_rank(mode: str | None) -> int:
    """The one order of reporting modes (leads, manages, unified, dispatched, entrusted, guides, then anything else):
    a reporting chain follows the first mode in this order, and lists sort by it.

    >>> sorted(["guides", "leads", "", "manages"], key=mode_rank)
    ['leads', 'manages', 'guides', '']
    """
    return _MODE_RANK.get(mode or "", len(_MODE_RANK))


class HostMode(StrEnum):
    OFFICE_IN = "office_in"  # 办公室设在
    PLATE = "plate"  # 加挂牌子
    CO_LOCATED = "co_located"  # 合署办公


class Change(StrEnum):
    CONTINUED = "continued"
    RENAMED = "renamed"
    MERGED = "merged"
    SPLIT = "split"
    TRANSFERRED = "transferred"


class SnapshotRole(StrEnum):
    BEFORE = "before"
    AFTER = "after"
    OTHER = "other"


#: Which mode vocabulary each relationship type takes (None: the type has no mode).
MODES_BY_REL: dict[RelType, type[StrEnum] | None] = {
    RelType.IN: None,
    RelType.REPORTS_TO: ReportMode,
    RelType.HOSTED_BY: HostMode,
    RelType.HAS_FUNCTION: None,
    RelType.BECAME: None,
}
