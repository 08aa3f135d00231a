"""The app shows the dataset's own rules: the Overview's special-department matrix is computed by the presence
rules' select (so it cannot disagree with the check), and a dataset without rules.toml shows no matrix and says
on the Compare page that it declares no rules."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.app.conftest import shown_text


def test_overview_matrix_agrees_with_the_check(open_app, app_service) -> None:
    at = open_app(params={"lang": "en"})
    assert "Special departments" in shown_text(at)
    matrix = at.dataframe[0].value
    presence = app_service.presence_matrix()
    assert presence, "mini's rules.toml declares presence rules"
    after = app_service.dataset.snapshot_ids()[-1]
    verdict = {(r.rule.id, r.jurisdiction): r.passed for r in app_service.check(snapshot=after)}
    order = list(dict.fromkeys(c.jurisdiction for _, cells in presence for c in cells))  # the matrix's rows
    assert len(matrix) == len(order)
    for rule, cells in presence:
        column = list(matrix[rule.title_en])
        for cell in cells:
            shown = column[order.index(cell.jurisdiction)]
            assert ("✗" in shown) is (not verdict[(rule.id, cell.jurisdiction)]), (rule.id, cell.jurisdiction, shown)
            assert shown.startswith("✓" if cell.present else "—")


@pytest.fixture()
def no_rules_app(app_env: Path, app_dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "no-rules"
    shutil.copytree(app_dataset, folder)
    (folder / "rules.toml").unlink()
    monkeypatch.setenv("ORGRAPH_DATASET", str(folder))
    return folder


def test_without_rules_no_matrix_and_compare_says_so(no_rules_app: Path, open_app) -> None:
    at = open_app(params={"lang": "en"})
    assert "Special departments" not in shown_text(at)
    at = open_app("compare", params={"lang": "en"})
    assert "declares no rules" in shown_text(at)
