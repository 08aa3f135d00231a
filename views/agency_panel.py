"""The Explorer's tables: the focused agency's side panel (identity, chain, subordinates, functions, lineage,
sources) and the table of the agencies a scope view shows. Names reach markdown through render.md and tables as
plain cells; links only when http(s) (render.safe_link)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st

from graph.filters import ViewFilter, filtered_subordinates, line_mode
from graph.model import Agency, Dataset, Edge, RelType, mode_rank
from graph.store import ChainStep
from i18n import t
from usecases.profile import AgencyProfile
from views import render
from views.labels import category_name

__all__ = ["breadcrumb", "scope_rows", "show_profile", "show_scope_table"]


def _where(dataset: Dataset, jurisdiction_id: str, lang: str) -> str:
    j = dataset.jurisdiction(jurisdiction_id)
    return j.name(lang) if j else jurisdiction_id


def _table(rows: list[dict[str, object]], **options: object) -> None:
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", **options)  # type: ignore[arg-type]


def breadcrumb(chain: Sequence[ChainStep], on_focus: Callable[[str], None], lang: str) -> None:
    """Buttons back up the chain (top first, up to four steps) and back to the whole chart."""
    steps = list(chain)[:4]
    crumbs = st.columns([2] + [3] * len(steps), gap="small")
    crumbs[0].button(t("whole_chart", lang), key="crumb_top", on_click=on_focus, args=("",))
    for column, step in zip(crumbs[1:], reversed(steps), strict=True):
        name = step.agency.name(lang)
        column.button(f"› {name}", key=f"crumb_{step.agency.id}", on_click=on_focus, args=(step.agency.id,))


def _step_rows(steps: Sequence[ChainStep], dataset: Dataset, lang: str) -> list[dict[str, object]]:
    return [
        {
            t("depth", lang): s.depth,
            t("agency", lang): s.agency.name(lang),
            t("mode", lang): t(f"mode_{s.mode or 'leads'}", lang),
            t("jurisdiction", lang): _where(dataset, s.agency.jurisdiction, lang),
            "id": s.agency.id,
        }
        for s in steps
    ]


def show_profile(profile: AgencyProfile, dataset: Dataset, lang: str, view: ViewFilter) -> None:
    """The focused agency: identity, the whole chain up, the subordinates the filter chooses, functions, lineage and
    the sources they cite."""
    agency = profile.agency
    st.subheader(render.md(agency.name(lang)))
    st.caption(render.md(f"{agency.name('en' if lang == 'zh' else 'zh')} · {agency.id}"))
    facts = {
        t("jurisdiction", lang): _where(dataset, agency.jurisdiction, lang),
        t("snapshot", lang): agency.snapshot,
        t("category", lang): category_name(agency.category, lang),
        t("type", lang): agency.type,
        t("counts_toward_quota", lang): t("yes" if agency.counts_toward_quota else "no", lang),
        t("basis", lang): t(f"basis_{agency.basis.value}", lang),
    }
    st.markdown("  \n".join(f"**{render.md(k)}**：{render.md(str(v))}" for k, v in facts.items()))
    st.markdown(f"**{t('chain', lang)}**")
    if profile.chain:
        _table(_step_rows(profile.chain, dataset, lang))
    else:
        st.caption(t("top", lang))
    subs = filtered_subordinates(view, agency.id, profile.subordinates)
    st.markdown(f"**{t('subordinates', lang)}** ({len(subs)})")
    if subs:
        _table(_step_rows(subs, dataset, lang))
    if profile.functions:
        st.markdown(f"**{t('functions', lang)}**")
        st.markdown("\n".join(f"- {render.md(f.name(lang))}" for f in profile.functions))
    st.markdown(f"**{t('lineage', lang)}**")
    if profile.lineage:
        _table(
            [
                {
                    t(
                        "from", lang
                    ): f"{s.start.name(lang) if s.start else s.edge.start} ({s.start.snapshot if s.start else ''})",
                    t("change", lang): t(f"change_{s.edge.change.value}", lang) if s.edge.change else "",
                    t("to", lang): f"{s.end.name(lang) if s.end else s.edge.end} ({s.end.snapshot if s.end else ''})",
                    t("functions", lang): s.edge.function or "",
                }
                for s in profile.lineage
            ]
        )
    else:
        st.caption(t("no_lineage", lang))
    if profile.sources:
        st.markdown(f"**{t('sources', lang)}**")
        link = t("link", lang)
        rows = [
            {
                "id": s.id,
                t("title", lang): s.title,
                t("basis", lang): t(f"basis_{s.basis.value}", lang),
                t("publisher", lang): s.publisher,
                link: render.safe_link(s.url),
            }
            for s in profile.sources
        ]
        _table(rows, column_config={link: st.column_config.LinkColumn(link)})


def scope_rows(
    agencies: Sequence[Agency], edges: Sequence[Edge], dataset: Dataset, lang: str, view: ViewFilter
) -> list[dict[str, object]]:
    """One row per agency the filter chooses: its category, its first shown line (mode and superior) and basis."""
    lines = [e for e in view.lines(edges) if e.type in (RelType.REPORTS_TO, RelType.HOSTED_BY)]
    first: dict[str, Edge] = {}
    for e in sorted(lines, key=lambda e: (e.type is not RelType.REPORTS_TO, mode_rank(e.mode), e.end)):
        first.setdefault(e.start, e)
    names = {a.id: a.name(lang) for a in agencies}
    rows = []
    for a in view.agencies(agencies, lines):
        line = first.get(a.id)
        rows.append(
            {
                t("agency", lang): a.name(lang),
                t("category", lang): category_name(a.category, lang),
                t("mode", lang): t(f"mode_{line_mode(line)}", lang) if line else "",
                t("reports_to", lang): (names.get(line.end) or _outside_name(dataset, line.end, lang)) if line else "",
                t("jurisdiction", lang): _where(dataset, a.jurisdiction, lang),
                t("basis", lang): t(f"basis_{a.basis.value}", lang),
                "id": a.id,
            }
        )
    return rows


def _outside_name(dataset: Dataset, agency_id: str, lang: str) -> str:
    other = dataset.agency(agency_id)
    return other.name(lang) if other else agency_id


def show_scope_table(rows: list[dict[str, object]], lang: str, view: ViewFilter, limit: int) -> None:
    """The table of a scope's agencies, open when a filter is on; at most `limit` rows (a whole large dataset would
    make a grid no one reads and a page that loads slowly), saying so when it cuts."""
    with st.expander(t("view_table", lang, n=len(rows)), expanded=view.active):
        if len(rows) > limit:
            st.caption(t("table_capped", lang, n=limit, total=len(rows)))
        _table(rows[:limit])
