"""The Overview page's words: the quota chart and size classes, the special-department matrix, the reform's dates,
published versus modeled.

Imports nothing; i18n/__init__.py merges this table into i18n.STRINGS."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
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
}
