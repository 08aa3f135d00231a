"""`python cli.py history AGENCY`: an agency's whole life as text or JSON, by id or by name, on real datasets."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from paths import MINI, ROOT, STATE_COUNCIL, XILINGOL
from sweep import NAMES, swept

import cli


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_poverty_office_became_the_rural_revitalization_bureau_then_merged_into_agriculture(capsys) -> None:
    code, out, _ = run(capsys, "history", "国务院扶贫办", "--dataset", str(STATE_COUNCIL))
    assert code == 0
    blocks = out.split("\n\n")
    assert "国务院扶贫开发领导小组办公室" in blocks[0] and "国家乡村振兴局" in blocks[0]  # both names
    assert blocks[1].startswith("2017") and "parent      国务院 [2017-state_council] (leads)" in blocks[1]
    assert blocks[2].startswith("2018") and "continued" in blocks[2].splitlines()[0]
    assert blocks[3].startswith("2022") and "renamed" in blocks[3].splitlines()[0]
    assert "parent      农业农村部 [2022-agriculture_rural] (manages)" in blocks[3]
    assert "to          merged → 农业农村部 [2023-agriculture_rural] (2023)" in blocks[3]
    assert blocks[4].startswith("2023   — no longer on its own: merged into 农业农村部")


def test_two_regulators_merged_and_the_merged_one_merged_again(capsys) -> None:
    code, out, _ = run(capsys, "history", "中国银行保险监督管理委员会", "--dataset", str(STATE_COUNCIL))
    assert code == 0
    assert "2017   — not yet" in out
    assert "merged ← 中国银行业监督管理委员会 [2017-banking_regulation] (2017)" in out
    assert "merged ← 中国保险监督管理委员会 [2017-insurance_regulation] (2017)" in out
    assert "merged → 国家金融监督管理总局 [2023-financial_regulation] (2023)" in out
    code, out, _ = run(capsys, "history", "China Banking Regulatory Commission", "--dataset", str(STATE_COUNCIL))
    assert code == 0
    assert "merged → 中国银行保险监督管理委员会 [2018-banking_insurance_regulation] (2018)" in out
    assert "transferred prudential_rulemaking" in out and "→ 中国人民银行 [2018-central_bank]" in out


def test_json_holds_every_stage_with_its_lines_and_links(capsys) -> None:
    code, out, _ = run(capsys, "history", "m19-xh-emergency", "--dataset", str(MINI), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["dataset"] == "mini" and data["snapshots"] == ["2018", "2019"]
    (stage,) = data["stages"]
    assert stage["agency"]["id"] == "m19-xh-emergency" and stage["snapshot"] == "2019"
    assert stage["parent"]["id"] == "m19-xh-gov"
    assert [p["id"] for p in stage["places"]][0] == "xh"
    assert sorted(x["other"]["id"] for x in stage["predecessors"]) == ["m18-xh-flood", "m18-xh-safety"]
    assert {x["change"] for x in stage["predecessors"]} == {"merged"}
    assert data["names"] == [
        {"name_zh": "镶黄旗应急管理局", "name_en": "Emergency Management Bureau", "first": "2019", "last": "2019"}
    ]


def test_a_renamed_bureau_on_xilingol(capsys) -> None:
    code, out, _ = run(capsys, "history", "镶黄旗应急管理局", "--dataset", str(XILINGOL))
    assert code == 0
    assert "merged ← 镶黄旗安全生产监督管理局" in out
    assert "in          镶黄旗 ‹ 锡林郭勒盟 ‹ 内蒙古自治区" in out


def test_an_ambiguous_name_exits_2_listing_the_bodies(capsys) -> None:
    code, out, err = run(capsys, "history", "应急管理局", "--dataset", str(MINI))
    assert code == 2 and out == ""
    assert "names 2 different bodies" in err and "m19-xh-emergency" in err and "m19-xlht-emergency" in err


def test_an_unknown_agency_exits_2_naming_it(capsys) -> None:
    code, _, err = run(capsys, "history", "不存在的局", "--dataset", str(MINI))
    assert code == 2 and "不存在的局" in err


def test_the_neo4j_backend_tells_the_same_history(neo4j_driver: object) -> None:
    """As a script on both backends (neo4j_driver: the server is there, else the test fails in CI)."""
    env = {  # the test server's settings, as tests/conftest.py's neo4j_settings reads them
        **os.environ,
        "NEO4J_URI": os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"),
        "NEO4J_USER": os.environ.get("NEO4J_USER", "neo4j"),
        "NEO4J_PASSWORD": os.environ.get("NEO4J_PASSWORD", "orgraph-test"),
    }
    outputs = []
    for backend in ("networkx", "neo4j"):
        proc = subprocess.run(
            [sys.executable, "cli.py", "history", "m18-xh-landres", "--dataset", str(MINI), "--backend", backend],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
        )
        assert proc.returncode == 0, proc.stderr
        outputs.append(proc.stdout)
    assert outputs[0] == outputs[1]
    assert "split → 镶黄旗自然资源局" in outputs[0]


@pytest.mark.parametrize("name", NAMES)
def test_history_on_every_swept_dataset(name: str, capsys) -> None:
    """An agency with a past (tests/sweep.py) on every dataset: its life spans two snapshots or more, as text and
    JSON, and nothing of another dataset is shown."""
    s = swept(name)
    agency = s.agency_with_past()
    code, out, err = run(capsys, "history", agency, "--dataset", str(s.folder), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert agency in [stage["agency"]["id"] for stage in data["stages"]]
    assert len(data["stages"]) >= 2 or data["stages"][0]["predecessors"]
    code, text, err = run(capsys, "history", agency, "--dataset", str(s.folder))
    assert code == 0 and agency in text
    assert not s.foreign(out + text + err)
