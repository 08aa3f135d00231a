"""Export: the view on screen (a scope in one snapshot, a before/after pair, or an agency's reporting chain, narrowed
by the Explorer's category and mode filters) as diagrams (SVG/PNG/PDF), an offline interactive page, or data files.

The choices are the Explorer's URL state (j, snap, agency, depth, cat, mode), so its "Export this view" link opens
this page on the same view. Each download is produced only when its button is clicked (the button's data is a
callable), through the same service.export the CLI uses, so the app and `python cli.py export` give the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from app_pages.common import (
    LEAGUE,
    default_scope,
    default_snapshots,
    get_service,
    lang,
    publish,
    scope_label,
    scope_options,
    snapshot_label,
    tr,
    url_state,
    view_filter,
)
from exporters import DIAGRAM_FORMATS, FORMATS, MEDIA_TYPES
from views import render
from views.widgets import show_svg

service = get_service()
dataset = service.dataset
st.title(tr("export"))
st.caption(tr("export_intro"))

scopes, snapshots = scope_options(dataset), dataset.snapshot_ids()
# labels are fixed per run: a format_func must not read session state later (AppTest calls it outside a run)
scope_names = {s: scope_label(dataset, s) for s in scopes}
snapshot_names = {s: snapshot_label(dataset.snapshot(s)) for s in snapshots}
first, last = default_snapshots(dataset)
kinds = ["snapshot", "compare", "chain"]
kind_names = {k: tr(f"export_kind_{k}") for k in kinds}
wanted = st.query_params.get("agency") or st.session_state.get("_view", {}).get("agency")
focused = dataset.agency(wanted) if wanted else None  # a link with only an agency opens on its place and snapshot
home = focused.jurisdiction if focused and focused.jurisdiction in scopes else default_scope(dataset)
c1, c2, c3, c4 = st.columns([2.2, 1.4, 1.6, 1.2])
scope = c1.selectbox(tr("jurisdiction"), scopes, key=url_state("j", home, scopes), format_func=scope_names.get)
kind = c2.radio(
    tr("export_scope"),
    kinds,
    key=url_state("kind", "chain" if focused else "snapshot", kinds),
    format_func=kind_names.get,
)
before = after = agency = snapshot = None
with c3:
    if kind == "compare":
        before = st.selectbox(
            tr("snapshot_before"), snapshots, key=url_state("before", first, snapshots), format_func=snapshot_names.get
        )
        after = st.selectbox(
            tr("snapshot_after"), snapshots, key=url_state("after", last, snapshots), format_func=snapshot_names.get
        )
    else:
        own = url_state("snap", focused.snapshot if focused else last, snapshots)
        snapshot = st.selectbox(tr("snapshot"), snapshots, key=own, format_func=snapshot_names.get)
with c4:
    label_names = {"both": tr("labels_both"), "zh": "中文", "en": "English"}
    label_lang = st.selectbox(
        tr("labels"), list(label_names), key=url_state("labels", "both", list(label_names)), format_func=label_names.get
    )
jurisdiction = None if scope == LEAGUE else scope
depth = 1
if kind == "chain" and snapshot:
    bodies = {a.id: a for a in service.agencies(snapshot, jurisdiction)}
    ids = ["", *sorted(bodies, key=lambda i: (bodies[i].jurisdiction, bodies[i].name(lang())))]
    names = {i: f"{a.name(lang())} · {scope_label(dataset, a.jurisdiction)}" for i, a in bodies.items()}
    a1, a2 = st.columns([3, 1])
    agency = (
        a1.selectbox(
            tr("export_agency"), ids, key=url_state("agency", "", ids), format_func=lambda i: names.get(i, "—")
        )
        or None
    )
    depth = int(
        a2.number_input(
            tr("export_depth"), min_value=0, max_value=5, step=1, key=url_state("depth", 1, range(6), cast=int)
        )
    )
view = view_filter()
publish(
    j=scope,
    kind=kind,
    snap=snapshot,
    before=before,
    after=after,
    labels=label_lang,
    agency=agency,
    depth=depth if depth != 1 else None,
)

compare = (before, after) if kind == "compare" and before and after else None
if compare and before == after:
    st.warning(tr("same_snapshot"))
    st.stop()
if kind == "chain" and not agency:
    st.info(tr("export_pick_agency"))
    st.stop()
choice = {"snapshot": None if agency else snapshot, "jurisdiction": None if agency else jurisdiction}
choice |= {"compare": compare, "agency": agency, "depth": depth, "chain": kind == "chain", "view": view}
stem = "-".join(x for x in [dataset.id, agency or jurisdiction or "league", snapshot or f"{before}-{after}"] if x)


def _producer(fmt: str) -> Callable[[], bytes]:
    """Bytes of one format, made when the button is clicked."""
    options = {"lang": label_lang} if fmt in DIAGRAM_FORMATS + ("html",) else {}
    return lambda: service.export(fmt, **choice, **options)  # type: ignore[arg-type]


diagram_col, data_col = st.columns(2, gap="large")
for column, title, icon, formats in (
    (diagram_col, tr("diagrams"), ":material/image:", [f for f in FORMATS if f in DIAGRAM_FORMATS + ("html",)]),
    (data_col, tr("data_files"), ":material/dataset:", [f for f in FORMATS if f not in DIAGRAM_FORMATS + ("html",)]),
):
    column.subheader(title)
    for fmt in formats:
        mime, ext = MEDIA_TYPES[fmt]
        column.download_button(
            tr("download", fmt=fmt.upper()),
            data=_producer(fmt),
            file_name=f"{stem}.{ext}",
            mime=mime,
            key=f"dl_{fmt}",
            icon=icon,
            width="stretch",
        )

if st.toggle(tr("preview"), key="export_preview"):
    try:
        with st.spinner("…"):
            text = _producer("svg")().decode("utf-8")
        show_svg(text)
    except Exception as exc:  # noqa: BLE001 - a preview failure must not hide the downloads
        st.error(render.md(str(exc)))
