"""The Explorer's "History / 沿革" section: the focused agency's life across every snapshot (usecases/history.py).

One block per snapshot: the body's name, place, parent and lines there, or a word on why it is absent; every other
body it came from or went into is a button that focuses that body (the page's `on_focus` puts it in the URL).
Names reach markdown through render.md only."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from i18n import t
from usecases.history import AgencyHistory, AgencyRef, HistoryLink, Stage
from views import render

__all__ = ["show_history"]

STRUCTURAL = ("continued", "renamed", "merged", "split")

OnFocus = Callable[[str], None]


def _place_name(zh: str, en: str, lang: str) -> str:
    return (en or zh) if lang == "en" else (zh or en)


def _change(change: str, lang: str) -> str:
    return t(f"change_{change}", lang) if change else ""


def _other(ref: AgencyRef, snapshot_names: dict[str, str], lang: str) -> str:
    return f"{ref.name(lang)} · {snapshot_names.get(ref.snapshot, ref.snapshot)}"


def _link_button(link: HistoryLink, arrow: str, key: str, on_focus: OnFocus, names: dict[str, str], lang: str) -> None:
    """`合并 ← 甲 · 2018年改革前` (a duty moved names it): a click focuses the other body."""
    what = _change(link.change, lang)
    duty = (link.function_en or link.function_zh) if lang == "en" else (link.function_zh or link.function_en)
    if link.function:
        what += f"（{duty or link.function}）" if lang == "zh" else f" ({duty or link.function})"
    label = render.md(f"{what} {arrow} {_other(link.other, names, lang)}")  # button labels render markdown
    st.button(label, key=key, on_click=on_focus, args=(link.other.id,), type="tertiary", icon=":material/link:")


def _stage(stage: Stage, focused: str, on_focus: OnFocus, names: dict[str, str], lang: str, born: bool) -> None:
    agency = stage.agency
    step = f" · {t('life_step', lang, change=_change(stage.step, lang))}" if stage.step else ""
    here = " ◀" if agency.id == focused else ""
    st.markdown(f"**{render.md(names.get(stage.snapshot, stage.snapshot))}**{render.md(step)}{here}")
    if agency.id != focused:
        st.button(
            render.md(agency.name(lang)),
            key=f"life_{agency.id}",
            on_click=on_focus,
            args=(agency.id,),
            type="tertiary",
            icon=":material/center_focus_weak:",
        )
    else:
        st.markdown(render.md(agency.name(lang)))
    places = " ‹ ".join(_place_name(p.name_zh, p.name_en, lang) or p.id for p in stage.places)
    colon, (left, right) = ("：", "（）") if lang == "zh" else (": ", "()")
    facts = [f"{t('life_in', lang)}{colon}{places}"]
    for line in stage.lines:
        label = t("reports_to", lang) if line.rel == "REPORTS_TO" else t("mode_hosted", lang)
        facts.append(f"{label}{colon}{line.target.name(lang)} {left}{t(f'mode_{line.mode}', lang)}{right}")
    if born:
        facts.append(t("life_established", lang))
    st.caption("  \n".join(render.md(f) for f in facts))
    for i, link in enumerate(stage.predecessors):
        _link_button(link, "←", f"life_in_{agency.id}_{i}", on_focus, names, lang)
    for i, link in enumerate(stage.successors):
        _link_button(link, "→", f"life_out_{agency.id}_{i}", on_focus, names, lang)


def show_history(history: AgencyHistory, snapshot_names: dict[str, str], on_focus: OnFocus, lang: str) -> None:
    """The section, headed "沿革" / "History": the names the body carried, then every snapshot in date order."""
    st.markdown(f"**{t('life', lang)}**")
    spans = " → ".join(
        f"{_place_name(n.name_zh, n.name_en, lang)} ({n.first}{'–' + n.last if n.last != n.first else ''})"
        for n in history.names
    )
    st.caption(render.md(t("life_names", lang, n=len(history.stages), total=len(history.snapshots), names=spans)))
    by_snapshot = {s.snapshot: s for s in history.stages}
    first, last = history.stages[0], history.stages[-1]
    order = list(history.snapshots)
    for snapshot in order:
        stage = by_snapshot.get(snapshot)
        if stage is not None:
            born = stage is first and snapshot != order[0]
            born = born and not any(link.change in STRUCTURAL for link in stage.predecessors)
            _stage(stage, history.agency, on_focus, snapshot_names, lang, born)
        elif order.index(snapshot) < order.index(first.snapshot):
            st.markdown(f"**{render.md(snapshot_names.get(snapshot, snapshot))}** · {t('life_not_yet', lang)}")
        else:
            ended = any(link.change in STRUCTURAL for link in last.successors)
            word = t("life_ended" if ended else "life_abolished", lang)
            st.markdown(f"**{render.md(snapshot_names.get(snapshot, snapshot))}** · {word}")
