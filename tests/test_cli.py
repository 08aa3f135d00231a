"""The CLI contract: commands, output formats and exit codes (0 ok, 2 bad input, 1 other failure)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from paths import MINI, ROOT

import cli
from cli_commands.cypher import parse_param


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_query_json_is_one_array_keyed_by_return_columns(capsys, mini_dataset):
    code, out, _ = run(
        capsys,
        "query",
        "MATCH (a:Agency) WHERE a.snapshot = '2019' RETURN a.id AS id, a.name_zh AS name",
        "--dataset",
        str(MINI),
        "--backend",
        "networkx",
        "--format",
        "json",
    )
    assert code == 0
    rows = json.loads(out)
    expected = {a.id: a.name_zh for a in mini_dataset.agencies if a.snapshot == "2019"}
    assert {r["id"]: r["name"] for r in rows} == expected
    assert all(set(r) == {"id", "name"} for r in rows)


def test_query_csv_has_header_and_chinese_text(capsys, mini_dataset):
    code, out, _ = run(
        capsys,
        "query",
        "MATCH (j:Jurisdiction) RETURN j.id AS id, j.name_zh AS name ORDER BY id",
        "--dataset",
        str(MINI),
        "--format",
        "csv",
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "id,name"
    expected = sorted((j.id, j.name_zh) for j in mini_dataset.jurisdictions)
    assert [tuple(line.split(",", 1)) for line in lines[1:]] == expected


def test_write_query_is_refused_with_exit_2(capsys):
    code, out, err = run(capsys, "query", "CREATE (n:Agency {id: 'x'}) RETURN n", "--dataset", str(MINI))
    assert code == 2
    assert "read-only" in err.lower() or "refuse" in err.lower() or "write" in err.lower()
    assert out == ""


def test_info_counts_agencies_per_snapshot(capsys, mini_dataset):
    code, out, _ = run(capsys, "info", "--dataset", str(MINI), "--format", "json")
    assert code == 0
    rows = {r["snapshot"]: r for r in json.loads(out)}
    for snap in mini_dataset.snapshot_ids():
        assert rows[snap]["agencies"] == len(mini_dataset.agencies_in(snap))


def test_chain_prints_one_line_per_step_with_mode(capsys, mini_dataset):
    from graph.embedded.store import NetworkxStore

    store = NetworkxStore()
    store.load(mini_dataset)
    # the agency with the longest chain in the mini dataset
    agency_id, steps = max(
        ((a.id, store.reporting_chain(a.id)) for a in mini_dataset.agencies), key=lambda item: len(item[1])
    )
    assert len(steps) >= 2
    code, out, _ = run(capsys, "chain", agency_id, "--dataset", str(MINI))
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(steps) + 1
    for line, step in zip(lines[1:], steps):
        assert step.agency.id in line and step.mode in line


def test_unknown_agency_exits_2_naming_it(capsys):
    code, _, err = run(capsys, "chain", "no-such-agency", "--dataset", str(MINI))
    assert code == 2
    assert "no-such-agency" in err


def test_bad_dataset_exits_2_with_file_and_line(capsys, tmp_path: Path):
    import shutil

    bad = tmp_path / "bad"
    shutil.copytree(MINI, bad)
    agencies = bad / "agencies.csv"
    lines = agencies.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    row = lines[1].split(",")
    row[header.index("category")] = "ministry"
    lines[1] = ",".join(row)
    agencies.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run(capsys, "info", "--dataset", str(bad))
    assert code == 2
    assert "agencies.csv:2" in err and "category" in err and "ministry" in err


def test_every_command_has_help():
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert set(sub.choices) >= {"query", "info", "chain"}
    for name, subparser in sub.choices.items():
        assert subparser.description, f"command {name} has no help text"


def test_cli_runs_as_a_script_with_utf8_output():
    proc = subprocess.run(
        [
            sys.executable,
            "cli.py",
            "query",
            "MATCH (j:Jurisdiction) RETURN j.name_zh AS name",
            "--dataset",
            str(MINI),
            "--format",
            "json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    names = {r["name"] for r in json.loads(proc.stdout)}
    assert any("\u4e00" <= ch <= "\u9fff" for name in names for ch in name)


def test_params_are_text_unless_given_as_json():
    assert parse_param("snapshot=2019") == ("snapshot", "2019")
    assert parse_param("depth:=3") == ("depth", 3)
    assert parse_param('ids:=["a","b"]') == ("ids", ["a", "b"])


def test_export_as_a_script_exits_cleanly(tmp_path: Path):
    """A short command must not leave a background thread that crashes the process at exit."""
    out = tmp_path / "xh.svg"
    for _ in range(2):
        proc = subprocess.run(
            [
                sys.executable,
                "cli.py",
                "export",
                "--format",
                "svg",
                "--dataset",
                str(MINI),
                "--jurisdiction",
                "xh",
                "--snapshot",
                "2019",
                "-o",
                str(out),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=180,
        )
        assert proc.returncode == 0, proc.stderr
    assert "镶黄旗" in out.read_text(encoding="utf-8")


def test_diff_the_wrong_way_round_is_bad_input(capsys):
    code, out, err = run(capsys, "diff", "--from", "2019", "--to", "2018", "--dataset", str(MINI))
    assert code == 2 and out == ""
    assert "swap --from and --to" in err


def test_diff_json_names_the_dispatched_ecology_office(capsys, mini_dataset):
    code, out, _ = run(capsys, "diff", "--from", "2018", "--to", "2019", "--dataset", str(MINI), "--format", "json")
    assert code == 0
    text = json.loads(out)
    assert "dispatched" in json.dumps(text)
