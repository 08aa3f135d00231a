"""A SnapshotDiff as table rows, as JSON-ready dicts, and as a short plain-language summary per jurisdiction.

Kept apart from graph/diff/compare.py so the computation stays small; everything here is presentation of the same data.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from graph.diff.compare import CountRow, Link, SnapshotDiff
from graph.model import Agency, Jurisdiction

__all__ = [
    "CHANGE_COLUMNS",
    "COUNT_COLUMNS",
    "Summary",
    "change_rows",
    "count_rows",
    "diff_to_dict",
    "summaries",
]

CHANGE_COLUMNS = [
    "change",
    "jurisdiction",
    "before",
    "before_name",
    "after",
    "after_name",
    "detail",
]
COUNT_COLUMNS = ["jurisdiction", "category", "before", "after", "quota", "within_quota"]


@dataclass(frozen=True, slots=True)
class Summary:
    jurisdiction: str
    zh: str
    en: str


def _ids(agencies: Iterable[Agency]) -> str:
    return "; ".join(a.id for a in agencies)


def _names(agencies: Iterable[Agency]) -> str:
    return "; ".join(a.name("zh") for a in agencies)  # a name in either language


def _links(links: Iterable[Link]) -> str:
    return ", ".join(f"{l.mode}→{l.target.id}" for l in links)


def _moved(removed: tuple[Link, ...], added: tuple[Link, ...]) -> str:
    parts = []
    if removed:
        parts.append(f"no longer {_links(removed)}")
    if added:
        parts.append(f"now {_links(added)}")
    return "; ".join(parts)


def _move_detail(from_place: str, to_place: str, manager: Agency | None) -> str:
    detail = f"run from {from_place} → {to_place}"
    return f"{detail}, reports to {manager.id}" if manager is not None else detail


def _row(
    change: str,
    jurisdiction: str,
    before: Iterable[Agency],
    after: Iterable[Agency],
    detail: str = "",
) -> dict[str, Any]:
    before, after = list(before), list(after)
    return {
        "change": change,
        "jurisdiction": jurisdiction,
        "before": _ids(before),
        "before_name": _names(before),
        "after": _ids(after),
        "after_name": _names(after),
        "detail": detail,
    }


def change_rows(diff: SnapshotDiff, *, include_continued: bool = False) -> list[dict[str, Any]]:
    """One row per change, in a fixed order of kinds (continued pairs only when asked: they are the bulk)."""
    rows = _body_rows(diff)
    if include_continued:
        rows += [_row("continued", p.after.jurisdiction, [p.before], [p.after]) for p in diff.continued]
    return rows + _duty_and_line_rows(diff)


def _body_rows(diff: SnapshotDiff) -> list[dict[str, Any]]:
    """The rows of bodies that begin, end, merge, split, move or change their name."""
    rows = [_row("established", a.jurisdiction, [], [a]) for a in diff.established]
    rows += [_row("abolished", a.jurisdiction, [a], []) for a in diff.abolished]
    rows += [
        _row(
            "merged",
            m.target.jurisdiction,
            m.sources,
            [m.target],
            f"{len(m.sources)} → 1",
        )
        for m in diff.merged
    ]
    rows += [
        _row(
            "split",
            s.source.jurisdiction,
            [s.source],
            s.targets,
            f"1 → {len(s.targets)}",
        )
        for s in diff.split
    ]
    rows += [
        _row("moved", m.after.jurisdiction, [m.before], [m.after], _move_detail(m.from_place, m.to_place, m.manager))
        for m in diff.moved
    ]
    rows += [_row("renamed", p.after.jurisdiction, [p.before], [p.after]) for p in diff.renamed]
    return rows


def _duty_and_line_rows(diff: SnapshotDiff) -> list[dict[str, Any]]:
    """The rows of duties transferred, reporting lines, categories and hosting that changed."""
    rows = [
        _row(
            "transferred",
            t.target.jurisdiction,
            [t.source],
            [t.target],
            f"function {t.function}",
        )
        for t in diff.transferred
    ]
    rows += [
        _row(
            "reporting",
            r.after.jurisdiction,
            [r.before],
            [r.after],
            _moved(r.removed, r.added),
        )
        for r in diff.reporting
    ]
    rows += [
        _row(
            "category",
            c.after.jurisdiction,
            [c.before],
            [c.after],
            f"{c.before.category.value} → {c.after.category.value}",
        )
        for c in diff.categories
    ]
    rows += [
        _row(
            "hosting",
            h.after.jurisdiction,
            [h.before],
            [h.after],
            _moved(h.removed, h.added),
        )
        for h in diff.hosting
    ]
    return rows


def count_rows(diff: SnapshotDiff) -> list[dict[str, Any]]:
    return [
        {
            "jurisdiction": c.jurisdiction,
            "category": c.category.value if c.category else "counted (quota)",
            "before": c.before,
            "after": c.after,
            "quota": c.quota,
            "within_quota": c.within_quota,
        }
        for c in diff.counts
    ]


def _agency(a: Agency) -> dict[str, Any]:
    return {
        "id": a.id,
        "jurisdiction": a.jurisdiction,
        "name_zh": a.name_zh,
        "name_en": a.name_en,
        "category": a.category.value,
    }


def _link(l: Link) -> dict[str, Any]:
    return {"mode": l.mode, "target": _agency(l.target)}


def diff_to_dict(diff: SnapshotDiff) -> dict[str, Any]:
    """The whole diff as plain JSON-ready values (continued pairs by id only, to keep it small)."""
    return {
        "before": diff.before,
        "after": diff.after,
        "scope": diff.scope,
        "established": [_agency(a) for a in diff.established],
        "abolished": [_agency(a) for a in diff.abolished],
        "ended": [_agency(a) for a in diff.ended],
        "moved": [
            {
                "before": _agency(m.before),
                "after": _agency(m.after),
                "from_jurisdiction": m.from_place,
                "to_jurisdiction": m.to_place,
                "manager": _agency(m.manager) if m.manager is not None else None,
            }
            for m in diff.moved
        ],
        "continued": [{"before": p.before.id, "after": p.after.id} for p in diff.continued],
        "renamed": [{"before": _agency(p.before), "after": _agency(p.after)} for p in diff.renamed],
        "merged": [{"sources": [_agency(a) for a in m.sources], "target": _agency(m.target)} for m in diff.merged],
        "split": [{"source": _agency(s.source), "targets": [_agency(a) for a in s.targets]} for s in diff.split],
        "transferred": [
            {
                "source": _agency(t.source),
                "target": _agency(t.target),
                "function": t.function,
            }
            for t in diff.transferred
        ],
        "reporting": [
            {
                "before": _agency(r.before),
                "after": _agency(r.after),
                "removed": [_link(l) for l in r.removed],
                "added": [_link(l) for l in r.added],
            }
            for r in diff.reporting
        ],
        "categories": [{"before": _agency(c.before), "after": _agency(c.after)} for c in diff.categories],
        "hosting": [
            {
                "before": _agency(h.before),
                "after": _agency(h.after),
                "removed": [_link(l) for l in h.removed],
                "added": [_link(l) for l in h.added],
            }
            for h in diff.hosting
        ],
        "counts": count_rows(diff),
        "summaries": [{"jurisdiction": s.jurisdiction, "zh": s.zh, "en": s.en} for s in summaries(diff)],
    }


def _tally(diff: SnapshotDiff) -> dict[str, dict[str, int]]:
    """Per jurisdiction: how many of each kind of change it owns (an event belongs where its result sits)."""
    kinds = (
        "established",
        "abolished",
        "ended",
        "moved",
        "merged",
        "renamed",
        "split",
        "transferred",
        "reporting",
    )
    out: dict[str, dict[str, int]] = {j.id: dict.fromkeys(kinds, 0) for j in diff.jurisdictions}

    def add(jurisdiction: str, kind: str) -> None:
        if jurisdiction in out:
            out[jurisdiction][kind] += 1

    for a in diff.established:
        add(a.jurisdiction, "established")
    for a in diff.abolished:
        add(a.jurisdiction, "abolished")
    for a in diff.ended:
        add(a.jurisdiction, "ended")
    for move in diff.moved:
        add(move.before.jurisdiction, "moved")
    for m in diff.merged:
        add(m.target.jurisdiction, "merged")
    for p in diff.renamed:
        add(p.after.jurisdiction, "renamed")
    for s in diff.split:
        add(s.source.jurisdiction, "split")
    for t in diff.transferred:
        add(t.target.jurisdiction, "transferred")
    for r in diff.reporting:
        add(r.after.jurisdiction, "reporting")
    return out


def _quota_text(row: CountRow, total: int) -> tuple[str, str]:
    """The quota clause; a jurisdiction without a quota (league, region) gets its agency total instead."""
    if row.quota is None:
        return f"机构 {total} 个", _plural(total, "agency", "agencies")
    zh = f"计入限额机构 {row.after} 个"
    en = f"{row.after} {'agency counts' if row.after == 1 else 'agencies count'} toward the quota"
    over = row.after - row.quota
    zh += f"（限额 {row.quota}" + (f"，超出 {over} 个）" if over > 0 else "）")
    en += f" (quota {row.quota}" + (f", over by {over})" if over > 0 else ")")
    return zh, en


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _top_down(jurisdictions: Sequence[Jurisdiction]) -> list[Jurisdiction]:
    """Upper tiers first (by depth in the parent tree), file order within a tier."""
    parent = {j.id: j.parent for j in jurisdictions}

    def depth(j: Jurisdiction) -> int:
        steps, current, seen = 0, j.parent, {j.id}
        while current in parent and current not in seen:
            seen.add(current)
            steps, current = steps + 1, parent[current]
        return steps

    return sorted(jurisdictions, key=depth)


def summaries(diff: SnapshotDiff) -> list[Summary]:
    """One short sentence per jurisdiction with agencies, in Chinese and English, league before counties,
    e.g. "某某旗：新设 5 个、撤销 3 个、合并 4 起、更名 6 个；计入限额机构 35 个（限额 35）"."""
    tally = _tally(diff)
    quota = {c.jurisdiction: c for c in diff.counts if c.category is None}
    totals: dict[str, int] = {}
    for c in diff.counts:
        if c.category is not None:
            totals[c.jurisdiction] = totals.get(c.jurisdiction, 0) + c.after
    ordered = _top_down(diff.jurisdictions)
    out: list[Summary] = []
    for j in ordered:
        if j.id not in quota:
            continue  # no agencies on either side
        t = tally[j.id]
        zh, en = [f"新设 {t['established']} 个"], [f"{t['established']} established"]
        gone_by_change = t["ended"] - t["abolished"]  # merged into another body or split up: they end all the same
        if gone_by_change:
            zh.append(f"不再单设 {t['ended']} 个（撤销 {t['abolished']} 个，因合并或拆分不再保留 {gone_by_change} 个）")
            en.append(f"{t['ended']} ended ({t['abolished']} abolished, {gone_by_change} merged away or split up)")
        else:
            zh.append(f"撤销 {t['abolished']} 个")
            en.append(f"{t['abolished']} abolished")
        zh += [f"合并 {t['merged']} 起", f"更名 {t['renamed']} 个"]
        en += [_plural(t["merged"], "merger", "mergers"), f"{t['renamed']} renamed"]
        if t["moved"]:
            zh.append(f"转隶或改为派出 {t['moved']} 个")
            en.append(_plural(t["moved"], "moved under another jurisdiction", "moved under another jurisdiction"))
        if t["split"]:
            zh.append(f"拆分 {t['split']} 起")
            en.append(_plural(t["split"], "split", "splits"))
        if t["transferred"]:
            zh.append(f"职能划转 {t['transferred']} 项")
            en.append(_plural(t["transferred"], "function transferred", "functions transferred"))
        if t["reporting"]:
            zh.append(f"隶属关系调整 {t['reporting']} 个")
            en.append(_plural(t["reporting"], "reporting line changed", "reporting lines changed"))
        q_zh, q_en = _quota_text(quota[j.id], totals.get(j.id, 0))
        out.append(
            Summary(
                j.id,
                f"{j.name('zh')}：{'、'.join(zh)}；{q_zh}",
                f"{j.name('en')}: {', '.join(en)}; {q_en}",
            )
        )
    return out
