"""Compare: two snapshots side by side (continuing agencies at the same positions), an overlay coloured by
change, a Sankey of the lineage, the change table with a plain-language summary, and the rule checks."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from app_pages.common import (
    LEAGUE,
    category_name,
    chart_legend,
    default_scope,
    default_snapshots,
    get_service,
    lang,
    publish,
    scope_label,
    scope_options,
    settings,
    show_chart,
    snapshot_label,
    tr,
    url_state,
)
from graph.errors import OrgraphError
from graph.model import Change, RelType
from views import charts, render


def _flag(raw: object) -> bool:
    """A URL flag ("1"/"true") as a bool."""
    return raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes")


CLASS_ORDER = ["added", "removed", "merged_away", "merged", "split", "moved", "renamed", "reporting", "unchanged"]

service = get_service()
dataset = service.dataset
st.title(tr("compare"))

scopes = scope_options(dataset)
# labels are fixed per run: a format_func must not read session state later (AppTest calls it outside a run)
scope_names = {s: scope_label(dataset, s) for s in scopes}
snapshot_names = {s: snapshot_label(dataset.snapshot(s)) for s in dataset.snapshot_ids()}
snapshots = dataset.snapshot_ids()
first, last = default_snapshots(dataset)
c1, c2, c3 = st.columns([2.2, 1.6, 1.6])
with c1:
    scope = st.selectbox(
        tr("jurisdiction"), scopes, key=url_state("j", default_scope(dataset), scopes), format_func=scope_names.get
    )
with c2:
    before = st.selectbox(
        tr("snapshot_before"), snapshots, key=url_state("before", first, snapshots), format_func=snapshot_names.get
    )
with c3:
    after = st.selectbox(
        tr("snapshot_after"), snapshots, key=url_state("after", last, snapshots), format_func=snapshot_names.get
    )
stacked_key = url_state("stacked", False, [False, True], cast=_flag)
publish(j=scope, before=before, after=after, stacked="1" if st.session_state[stacked_key] else None)
if before == after:
    st.warning(tr("same_snapshot"))
    st.stop()
jurisdiction = None if scope == LEAGUE else scope


def _change_classes(diff) -> dict[str, str]:
    """Agency id -> change class for the scope's agencies, from the page's one comparison (the same classes the
    exported before/after diagrams use)."""
    from graph.diff.classes import ChangeClass, classes_from_diff

    found = classes_from_diff(diff) if diff is not None else {}
    scoped = [*service.agencies(before, jurisdiction), *service.agencies(after, jurisdiction)]
    return {a.id: found.get(a.id, ChangeClass.UNCHANGED).value for a in scoped}


try:  # one comparison feeds the colours, the headline figures, the summary and the change table, so they agree
    diff = service.diff(before, after, jurisdiction)
except OrgraphError as exc:
    st.error(str(exc))
    diff = None

max_drawn = settings().max_drawn_elements
# Drawn elements of the three charts grow with both snapshots; above the budget each pane aggregates by
# jurisdiction (a box per county, as in the Explorer) and the overlay asks for one jurisdiction.
aggregate = jurisdiction is None and (len(service.agencies(before)) + len(service.agencies(after))) * 2 > max_drawn
try:
    with st.spinner(tr("computing")):
        classes = _change_classes(diff)
        if aggregate:
            pane_old = charts.structure_chart(service, before, None, lang=lang(), max_elements=0)
            pane_new = charts.structure_chart(service, after, None, lang=lang(), max_elements=0)
            overlay = charts.Chart()
        else:
            pane_old, pane_new, overlay = charts.compare_charts(
                service, before, after, jurisdiction, lang=lang(), classes=classes
            )
except OrgraphError as exc:
    st.error(str(exc))
    st.stop()

if diff is not None:
    headline = [
        ("change_established", len(diff.established)),
        ("change_abolished", len(diff.abolished)),
        ("change_merged", len(diff.merged)),
        ("change_split", len(diff.split)),
        ("change_renamed", len(diff.renamed)),
        ("change_transferred", len(diff.transferred)),
        ("change_reporting", len(diff.reporting)),
    ]
    for col, (key, value) in zip(st.columns(len(headline)), headline):
        col.metric(tr(key).capitalize(), value)

side, over, flow, table, checks = st.tabs(
    [tr("side_by_side"), tr("overlay"), tr("sankey"), tr("changes_table"), tr("checks")]
)
with side:
    if aggregate:
        st.info(tr("too_big", n=pane_old.total_elements + pane_new.total_elements, max=max_drawn))
    stacked = st.toggle(tr("stacked"), key=stacked_key, help=tr("stacked_help"))
    frame = render.bounding_box([*pane_old.nodes, *pane_new.nodes])  # one frame: same spot on screen in both
    width = 1150 if stacked else 560
    height = render.fit_height([*pane_old.nodes, *pane_new.nodes], width, high=1100)
    pane_legend = chart_legend([*pane_old.nodes, *pane_new.nodes], [*pane_old.links, *pane_new.links])
    left, right = (st.container(), st.container()) if stacked else st.columns(2)
    for column, pane, snap in ((left, pane_old, before), (right, pane_new, after)):
        with column:
            st.markdown(
                f"**{render.md(snapshot_label(dataset.snapshot(snap)))}** · {tr('n_agencies', n=len(pane.nodes))}"
            )
            show_chart(
                render.chart_html(
                    pane.nodes, pane.links, height=height, frame=frame, legend=pane_legend, direction="LR"
                ),
                height,
            )
with over:
    if aggregate:
        st.info(tr("overlay_too_big", max=max_drawn))
    legend = render.Legend(
        boxes=[(tr(f"change_{c}"), *render.CHANGE_COLOURS[c]) for c in CLASS_ORDER],
        lines=[(tr(f"mode_{m}"), m) for m in ("leads", "unified", "dispatched", "guides")]
        + [(tr("change_merged"), "became")],
        dashed_note=tr("modeled_dashed"),
    )
    if overlay.nodes:
        height = render.fit_height(overlay.nodes, 1150)
        show_chart(render.chart_html(overlay.nodes, overlay.links, height=height, legend=legend), height)

old_agencies = {a.id: a for a in service.agencies(before, jurisdiction)}
new_agencies = {a.id: a for a in service.agencies(after, jurisdiction)}
became = [e for e in service.edges(before, jurisdiction) if e.type is RelType.BECAME and e.end in new_agencies]

with flow:
    changes_only = st.toggle(tr("changes_only"), value=True, key="sankey_changes_only")
    shown_became = [e for e in became if not (changes_only and e.change is Change.CONTINUED)]
    by_category = jurisdiction is None and len(shown_became) > 150
    if by_category:
        st.caption(tr("sankey_by_category"))
        keys_old = {a: f"{before}:{old_agencies[a].category.value}" for a in old_agencies}
        keys_new = {a: f"{after}:{new_agencies[a].category.value}" for a in new_agencies}
        label_of = {
            k: f"{k.split(':')[0]} · {category_name(k.split(':')[1])}" for k in [*keys_old.values(), *keys_new.values()]
        }
    else:
        keys_old = {a: a for a in old_agencies}
        keys_new = {a: a for a in new_agencies}
        label_of = {a.id: a.name(lang()) for a in [*old_agencies.values(), *new_agencies.values()]}
    flows = Counter(
        (keys_old[e.start], keys_new[e.end], e.change.value if e.change else "")
        for e in shown_became
        if e.start in keys_old
    )
    node_ids = sorted({k for (s, t_, _) in flows for k in (s, t_)}, key=lambda k: (k in keys_new.values(), k))
    index = {k: i for i, k in enumerate(node_ids)}
    change_colour = {
        "continued": "rgba(144,164,174,.45)",
        "renamed": "rgba(21,101,192,.45)",
        "merged": "rgba(106,27,154,.45)",
        "split": "rgba(173,20,87,.45)",
        "transferred": "rgba(230,81,0,.45)",
    }
    if flows:
        sankey = go.Figure(
            go.Sankey(
                arrangement="snap",
                node={
                    "label": [render.plot_text(label_of[k]) for k in node_ids],
                    "pad": 8,
                    "thickness": 14,
                    "color": ["#90a4ae" if k in set(keys_old.values()) else "#1f5fa8" for k in node_ids],
                },
                link={
                    "source": [index[s] for (s, _, _) in flows],
                    "target": [index[t_] for (_, t_, _) in flows],
                    "value": list(flows.values()),
                    "color": [change_colour.get(c, "#ccc") for (_, _, c) in flows],
                    "label": [tr(f"change_{c}") for (_, _, c) in flows],
                },
            )
        )
        tallest = max(len({s for s, _, _ in flows}), len({t_ for _, t_, _ in flows}))
        sankey.update_layout(
            height=max(420, 26 * tallest),
            margin={"l": 8, "r": 8, "t": 8, "b": 8},
            font={"family": "Noto Sans CJK SC, sans-serif", "size": 12},
        )
        st.caption(
            f"⬜ {tr('change_continued')}　🟦 {tr('change_renamed')}　🟪 {tr('change_merged')}　"
            f"🟥 {tr('change_split')}　🟧 {tr('change_transferred')}"
        )
        st.plotly_chart(sankey, width="stretch", config={"displayModeBar": False})
    else:
        st.info(tr("no_lineage"))

with table:
    from graph.diff.report import change_rows, summaries

    if diff is not None:
        st.markdown(f"**{tr('summary')}**")
        for line in summaries(diff):
            st.markdown("- " + render.md(line.en if lang() == "en" else line.zh))

        def _names(ids: str) -> str:
            found = [dataset.agency(i.strip()) for i in ids.split(";") if i.strip()]
            return "；".join(a.name(lang()) for a in found if a)

        rows = [
            {
                tr("change"): tr(f"change_{r['change']}"),
                tr("jurisdiction"): scope_names.get(r["jurisdiction"], r["jurisdiction"]),
                tr("from"): _names(r["before"]),
                tr("to"): _names(r["after"]),
                tr("note"): r["detail"],
            }
            for r in change_rows(diff)
        ]
        st.dataframe(
            pd.DataFrame(rows, columns=[tr("change"), tr("jurisdiction"), tr("from"), tr("to"), tr("note")]),
            hide_index=True,
            width="stretch",
        )

with checks:
    try:
        results = service.check(snapshot=after)
    except OrgraphError as exc:
        st.error(str(exc))
        results = []
    if not dataset.rules:
        st.info(tr("no_declared_rules"))
    scoped = [r for r in results if jurisdiction is None or r.jurisdiction == jurisdiction]
    failed = sum(1 for r in scoped if not r.passed)
    (st.warning if failed else st.success)(tr("checks_result", failed=failed, total=len(scoped)))
    st.dataframe(
        pd.DataFrame(
            [
                {
                    tr("rule"): r.rule.title_en if lang() == "en" else r.rule.title_zh,
                    tr("jurisdiction"): scope_names.get(r.jurisdiction, r.jurisdiction),
                    tr("result"): "✓" if r.passed else "✗",
                    tr("violations"): "；".join(v.message_en if lang() == "en" else v.message_zh for v in r.violations),
                    tr("source"): r.rule.source,
                }
                for r in sorted(scoped, key=lambda r: (r.passed, r.rule.id, r.jurisdiction))
            ]
        ),
        hide_index=True,
        width="stretch",
    )
