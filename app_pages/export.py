"""Export: the selected scope as diagrams (SVG/PNG/PDF), an offline interactive page, or data files.

Each download is produced only when its button is clicked (the button's data is a callable), through the
same service.export the CLI uses, so the app and `python cli.py export` give the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from app_pages.common import (
    LEAGUE,
    default_scope,
    default_snapshots,
    get_service,
    publish,
    scope_label,
    scope_options,
    snapshot_label,
    tr,
    url_state,
)
from views import render

service = get_service()
dataset = service.dataset
st.title(tr("export"))
st.caption(tr("export_intro"))

try:
    from exporters import DIAGRAM_FORMATS, FORMATS, MEDIA_TYPES
except ImportError as exc:  # the exporters package is optional for the rest of the app
    st.info(tr("export_unavailable", error=str(exc)))
    st.stop()

scopes = scope_options(dataset)
# labels are fixed per run: a format_func must not read session state later (AppTest calls it outside a run)
scope_names = {s: scope_label(dataset, s) for s in scopes}
snapshot_names = {s: snapshot_label(dataset.snapshot(s)) for s in dataset.snapshot_ids()}
snapshots = dataset.snapshot_ids()
first, last = default_snapshots(dataset)
kinds = ["snapshot", "compare"]
kind_names = {k: tr(f"export_kind_{k}") for k in kinds}
c1, c2, c3, c4 = st.columns([2.2, 1.4, 1.6, 1.2])
with c1:
    scope = st.selectbox(
        tr("jurisdiction"), scopes, key=url_state("j", default_scope(dataset), scopes), format_func=scope_names.get
    )
with c2:
    kind = st.radio(tr("export_scope"), kinds, key=url_state("kind", "snapshot", kinds), format_func=kind_names.get)
with c3:
    if kind == "snapshot":
        snapshot = st.selectbox(
            tr("snapshot"), snapshots, key=url_state("snap", last, snapshots), format_func=snapshot_names.get
        )
        before = after = None
    else:
        snapshot = None
        before = st.selectbox(
            tr("snapshot_before"), snapshots, key=url_state("before", first, snapshots), format_func=snapshot_names.get
        )
        after = st.selectbox(
            tr("snapshot_after"), snapshots, key=url_state("after", last, snapshots), format_func=snapshot_names.get
        )
with c4:
    label_names = {"both": tr("labels_both"), "zh": "中文", "en": "English"}
    label_lang = st.selectbox(
        tr("labels"), list(label_names), key=url_state("labels", "both", list(label_names)), format_func=label_names.get
    )
publish(j=scope, kind=kind, snap=snapshot, before=before, after=after, labels=label_lang)

jurisdiction = None if scope == LEAGUE else scope
compare = (before, after) if kind == "compare" and before and after else None
if compare and before == after:
    st.warning(tr("same_snapshot"))
    st.stop()
stem = "-".join(x for x in [dataset.id, jurisdiction or "league", snapshot or f"{before}-{after}"] if x)


def _producer(fmt: str) -> Callable[[], bytes]:
    """Bytes of one format, made when the button is clicked."""
    options = {"lang": label_lang} if fmt in DIAGRAM_FORMATS + ("html",) else {}

    def produce() -> bytes:
        return service.export(fmt, snapshot=snapshot, jurisdiction=jurisdiction, compare=compare, **options)

    return produce


diagram_col, data_col = st.columns(2, gap="large")
with diagram_col:
    st.subheader(tr("diagrams"))
    for fmt in [f for f in FORMATS if f in DIAGRAM_FORMATS + ("html",)]:
        mime, ext = MEDIA_TYPES[fmt]
        st.download_button(
            tr("download", fmt=fmt.upper()),
            data=_producer(fmt),
            file_name=f"{stem}.{ext}",
            mime=mime,
            key=f"dl_{fmt}",
            icon=":material/image:",
            width="stretch",
        )
with data_col:
    st.subheader(tr("data_files"))
    for fmt in [f for f in FORMATS if f not in DIAGRAM_FORMATS + ("html",)]:
        mime, ext = MEDIA_TYPES[fmt]
        st.download_button(
            tr("download", fmt=fmt.upper()),
            data=_producer(fmt),
            file_name=f"{stem}.{ext}",
            mime=mime,
            key=f"dl_{fmt}",
            icon=":material/dataset:",
            width="stretch",
        )

if st.toggle(tr("preview"), key="export_preview"):
    try:
        with st.spinner("…"):
            svg = service.export("svg", snapshot=snapshot, jurisdiction=jurisdiction, compare=compare, lang=label_lang)
        text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
        st.image(text[text.find("<svg") :], width="stretch")
    except Exception as exc:  # noqa: BLE001 - a preview failure must not hide the downloads
        st.error(render.md(str(exc)))
