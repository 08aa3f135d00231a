"""A comparison in words: the headline tiles, the change table and the rule-check table, in Chinese or English.

The tiles say before → after and what each figure counts, so "57 → 59" cannot read as "two bodies were added";
the table names bodies and places instead of ids and says in words what a merger, a move or a duty transfer was.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from graph.diff.model import Link
from graph.model import Agency
from graph.rules.engine import RuleResult
from i18n import t
from usecases.comparison import ChangeCounts, Comparison

__all__ = ["Tile", "change_table", "check_table", "headline_tiles"]


@dataclass(frozen=True, slots=True)
class Tile:
    label: str
    value: str
    help: str = ""


def headline_tiles(counts: ChangeCounts, *, lang: str) -> tuple[list[Tile], list[Tile], str]:
    """(bodies row, other changes row, a sentence on how the ended bodies ended)."""
    bodies = [
        Tile(
            t("tile_agencies", lang),
            f"{counts.agencies_before} → {counts.agencies_after}",
            t("tile_agencies_help", lang),
        ),
        Tile(t("tile_established", lang), str(counts.established), t("tile_established_help", lang)),
        Tile(t("tile_ended", lang), str(counts.ended), t("tile_ended_help", lang)),
        Tile(t("tile_mergers", lang), str(counts.mergers), t("tile_mergers_help", lang)),
        Tile(t("tile_moved", lang), str(counts.moved), t("tile_moved_help", lang)),
    ]
    others = [
        Tile(t("tile_split", lang), str(counts.splits)),
        Tile(t("tile_renamed", lang), str(counts.renamed)),
        Tile(t("tile_transferred", lang), str(counts.transferred)),
        Tile(t("tile_reporting", lang), str(counts.reporting)),
    ]
    sentence = t(
        "ended_breakdown",
        lang,
        ended=counts.ended,
        abolished=counts.abolished,
        merged_away=counts.merged_away,
        split_up=counts.split_up,
    )
    return bodies, others, sentence


def _names(agencies: Iterable[Agency], lang: str) -> str:
    return "；".join(a.name(lang) for a in agencies)


def _lines(links: Sequence[Link], lang: str) -> str:
    return "、".join(f"{t(f'mode_{l.mode}', lang)} → {l.target.name(lang)}" for l in links) or t("note_nothing", lang)


def change_table(comparison: Comparison, *, lang: str, places: Mapping[str, str]) -> pd.DataFrame:
    """One row per change (the rows and order of graph.diff.report.change_rows), names and notes in `lang`."""
    diff = comparison.diff
    duties_in = Counter(tr.target.id for tr in diff.transferred)
    rows: list[tuple[str, str, Sequence[Agency], Sequence[Agency], str]] = []
    rows += [("established", a.jurisdiction, [], [a], "") for a in diff.established]
    rows += [("abolished", a.jurisdiction, [a], [], "") for a in diff.abolished]
    for m in diff.merged:
        note = t("note_merged", lang, n=len(m.sources)) if len(m.sources) > 1 else t("note_merged_one", lang)
        if duties_in[m.target.id]:
            note += ("；" if lang == "zh" else "; ") + t("note_duties_in", lang, k=duties_in[m.target.id])
        rows.append(("merged", m.target.jurisdiction, m.sources, [m.target], note))
    rows += [
        ("split", s.source.jurisdiction, [s.source], s.targets, t("note_split", lang, n=len(s.targets)))
        for s in diff.split
    ]
    for mv in diff.moved:
        note = t("note_moved", lang, place=places.get(mv.to_place, mv.to_place))
        if mv.manager is not None:
            note += ("，" if lang == "zh" else ", ") + t("note_manager", lang, manager=mv.manager.name(lang))
        rows.append(("moved", mv.after.jurisdiction, [mv.before], [mv.after], note))
    rows += [("renamed", p.after.jurisdiction, [p.before], [p.after], "") for p in diff.renamed]
    for tr in diff.transferred:
        duty = comparison.functions.get(tr.function)
        note = t("note_duty", lang, name=duty.name(lang) if duty else tr.function)
        rows.append(("transferred", tr.target.jurisdiction, [tr.source], [tr.target], note))
    for kind, lines in (("reporting", diff.reporting), ("hosting", diff.hosting)):
        for r in lines:
            note = t("note_was_now", lang, old=_lines(r.removed, lang), new=_lines(r.added, lang))
            rows.append((kind, r.after.jurisdiction, [r.before], [r.after], note))
    for c in diff.categories:
        note = f"{t(f'cat_{c.before.category.value}', lang)} → {t(f'cat_{c.after.category.value}', lang)}"
        rows.append(("category", c.after.jurisdiction, [c.before], [c.after], note))
    rows.sort(key=lambda row: _ORDER.index(row[0]))  # stable: the diff's order within a kind
    columns = [t(k, lang) for k in ("change", "jurisdiction", "from", "to", "note")]
    return pd.DataFrame(
        [
            (t(f"change_{kind}", lang), places.get(place, place), _names(old, lang), _names(new, lang), note)
            for kind, place, old, new, note in rows
        ],
        columns=columns,
    )


_ORDER = (
    "established",
    "abolished",
    "merged",
    "split",
    "moved",
    "renamed",
    "transferred",
    "reporting",
    "category",
    "hosting",
)


def check_table(results: Sequence[RuleResult], *, lang: str, places: Mapping[str, str]) -> pd.DataFrame:
    """The rule checks, failures first."""
    columns = [t(k, lang) for k in ("rule", "jurisdiction", "result", "violations", "source")]
    return pd.DataFrame(
        [
            (
                r.rule.title_en if lang == "en" else r.rule.title_zh,
                places.get(r.jurisdiction, r.jurisdiction),
                "✓" if r.passed else "✗",
                "；".join(v.message_en if lang == "en" else v.message_zh for v in r.violations),
                r.rule.source,
            )
            for r in sorted(results, key=lambda r: (r.passed, r.rule.id, r.jurisdiction))
        ],
        columns=columns,
    )
