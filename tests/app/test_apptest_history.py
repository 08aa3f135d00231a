"""Explorer: a focused agency's "History / 沿革" section (views/history.py) tells its life across every snapshot, in
both languages, and its links to the bodies before and after it focus them through the URL."""

from __future__ import annotations

from tests.app.conftest import HOSTILE_ID, shown_text


def _agency_param(at) -> str:  # type: ignore[no-untyped-def]
    value = at.query_params["agency"]
    return value[0] if isinstance(value, list) else value


def test_a_merged_bureau_shows_where_it_came_from_and_a_click_focuses_a_predecessor(open_app, app_service) -> None:
    history = app_service.history("m19-xh-emergency")
    at = open_app("explorer", params={"agency": "m19-xh-emergency"})
    text = shown_text(at)
    assert "历史沿革" in text
    assert "存在于 1/2 个时点" in text and "尚未设立" in text
    labels = {b.key: b.label for b in at.button if b.key and b.key.startswith("life_in_m19-xh-emergency")}
    expected = [link.other for link in history.stages[0].predecessors]
    assert len(labels) == len(expected) == 2
    assert all(label.startswith("合并 ← ") for label in labels.values())
    assert {o.name_zh for o in expected} == {label.split(" ← ")[1].split(" · ")[0] for label in labels.values()}
    first = expected[0]
    at.button(key="life_in_m19-xh-emergency_0").click().run()
    assert not at.exception
    assert at.selectbox(key="w_agency").value == first.id
    assert _agency_param(at) == first.id
    back = at.button(key=f"life_out_{first.id}_0")  # from the predecessor, the link leads on to the bureau
    assert back.label.startswith("合并 → ") and "镶黄旗应急管理局" in back.label
    assert "不再单设" in shown_text(at)


def test_a_renamed_body_in_english_lists_both_stages_and_focuses_the_earlier_one(open_app) -> None:
    at = open_app("explorer", params={"agency": "m19-xh-ecology", "lang": "en"})
    text = shown_text(at)
    assert "History" in text and "In 2 of 2 snapshots" in text
    assert "renamed from the snapshot before" in text
    earlier = at.button(key="life_m18-xh-env")  # the body's own node in 2018: a click focuses it
    earlier.click().run()
    assert not at.exception
    assert _agency_param(at) == "m18-xh-env"
    assert at.button(key="life_m19-xh-ecology").label  # and from there the later stage is the button


def test_a_hostile_name_in_the_history_stays_text(open_app) -> None:
    at = open_app("explorer", params={"agency": HOSTILE_ID})
    assert "历史沿革" in shown_text(at)
    assert "<img" not in shown_text(at).replace("\\<", "")
