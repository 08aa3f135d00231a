"""Every CLI subcommand with bad arguments or settings: exit 2 with a message naming what is wrong, never a
traceback or exit 1 (README: 0 ok, 2 bad input, 1 other failure, 3 a rule failed). Closing the output early
(`| head`) is quiet."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from paths import MINI, ROOT

import cli
from graph.errors import InvalidRequest
from service import OrgService
from settings import Settings

DS = ("--dataset", str(MINI))
AGENCY = "m19-xh-emergency"

#: (command line, text the error must contain); every one must exit 2.
BAD_ARGUMENTS: list[tuple[list[str], str]] = [
    ([], "required"),
    (["nosuch"], "invalid choice"),
    (["query", *DS], "give a Cypher query"),
    (["query", "RETURN 1", "--timeout", "-1", *DS], "--timeout"),
    (["query", "RETURN 1", "--timeout", "abc", *DS], "--timeout"),
    (["query", "RETURN 1", "--timeout", "nan", *DS], "--timeout"),
    (["query", "RETURN 1", "--timeout", "1e9", *DS], "--timeout"),
    (["query", "RETURN 1", "--row-cap", "-1", *DS], "--row-cap"),
    (["query", "RETURN 1", "--row-cap", "0", *DS], "--row-cap"),
    (["query", "RETURN 1", "--row-cap", "1.5", *DS], "--row-cap"),
    (["query", "RETURN $x", "-p", "noequals", *DS], "name=text"),
    (["query", "RETURN $x", "-p", "x:=[1,", *DS], "not valid JSON"),
    (["query", "--named", "nosuch", *DS], "nosuch"),
    (["query", "MATCH (a RETURN a", *DS], ""),
    (["query", "CREATE (a:Agency) RETURN a", *DS], ""),
    (["query", "RETURN 1", "--backend", "mysql", *DS], "--backend"),
    (["query", "RETURN 1", "--format", "xml", *DS], "--format"),
    (["queries", "--format", "xml"], "--format"),
    (["info", "--dataset", str(ROOT / "nowhere")], "no such dataset folder"),
    (["compile", "--dataset", str(ROOT / "nowhere")], "no such dataset folder"),
    (["compile", "--format", "xml", *DS], "--format"),
    (["chain", *DS], "agency_id"),
    (["chain", "nosuch-agency", *DS], "nosuch-agency"),
    (["history", *DS], "AGENCY"),
    (["history", "nosuch-agency", *DS], "nosuch-agency"),
    (["history", "应急管理局", *DS], "m19-xlht-emergency"),
    (["history", AGENCY, "--format", "csv", *DS], "--format"),
    (["diff", "--from", "2030", *DS], "2030"),
    (["diff", "--from", "2019", "--to", "2018", *DS], ""),
    (["diff", "--jurisdiction", "nowhere", *DS], "nowhere"),
    (["check", "--snapshot", "2030", *DS], "2030"),
    (["check", "--lang", "fr", *DS], "--lang"),
    (["export", "--format", "svg", *DS], "--output"),
    (["export", "--format", "xyz", "-o", "x", *DS], "--format"),
    (["export", "--format", "svg", "--compare", "2018", "-o", "{tmp}/x.svg", *DS], "BEFORE:AFTER"),
    (["export", "--format", "svg", "--compare", "2019:2019", "-o", "{tmp}/x.svg", *DS], "two different snapshots"),
    (["export", "--format", "svg", "--compare", "2018:2030", "-o", "{tmp}/x.svg", *DS], "2030"),
    (["export", "--format", "svg", "--compare", "2018:2019", "--snapshot", "2019", "-o", "{tmp}/x.svg", *DS], "not"),
    (["export", "--format", "svg", "--agency", AGENCY, "--depth", "-1", "-o", "{tmp}/x.svg", *DS], "--depth"),
    (["export", "--format", "svg", "--agency", "nosuch-agency", "-o", "{tmp}/x.svg", *DS], "nosuch-agency"),
    (["export", "--format", "svg", "--jurisdiction", "nowhere", "-o", "{tmp}/x.svg", *DS], "nowhere"),
    (["export", "--format", "svg", "--layout", "XY", "-o", "{tmp}/x.svg", *DS], "--layout"),
    (["export", "--format", "csv", "-o", "{tmp}/a-file", *DS], "not a folder"),
    (["export", "--format", "csv", "-o", "{tmp}/full", *DS], "already holds other files"),
]

#: (variable, value): every one must exit 2 naming the variable, on a command that opens the dataset.
BAD_SETTINGS = [
    ("ORGRAPH_CYPHER_ROW_CAP", "abc"),
    ("ORGRAPH_CYPHER_ROW_CAP", "-1"),
    ("ORGRAPH_CYPHER_TIMEOUT_S", "-1"),
    ("ORGRAPH_CYPHER_TIMEOUT_S", "inf"),
    ("ORGRAPH_MAX_DRAWN", "0"),
    ("ORGRAPH_BACKEND", "mysql"),
    ("NEO4J_URI", "http://neo4j:hunter2@127.0.0.1:7474"),
]


def _exit_code(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str]:
    try:
        code = cli.main(argv)
    except SystemExit as exc:  # argparse's own errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out + err


@pytest.fixture()
def tmp(tmp_path: Path) -> Path:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("someone's file", encoding="utf-8")
    return tmp_path


def test_every_subcommand_is_walked() -> None:
    walked = {argv[0] for argv, _ in BAD_ARGUMENTS if argv}
    assert set(cli.COMMANDS) <= walked


@pytest.mark.parametrize(("argv", "expected"), BAD_ARGUMENTS, ids=[" ".join(a[:4]) for a, _ in BAD_ARGUMENTS])
def test_bad_arguments_exit_2(capsys, tmp: Path, argv: list[str], expected: str) -> None:
    argv = [a.replace("{tmp}", str(tmp)) for a in argv]
    code, text = _exit_code(capsys, argv)
    assert code == 2, text
    assert expected in text
    assert "Traceback" not in text
    assert (tmp / "full").is_dir() and [p.name for p in (tmp / "full").iterdir()] == ["keep.txt"]


@pytest.mark.parametrize(("variable", "value"), BAD_SETTINGS)
def test_bad_settings_exit_2_naming_the_setting(capsys, monkeypatch, variable: str, value: str) -> None:
    monkeypatch.setenv(variable, value)
    code, text = _exit_code(capsys, ["info", *DS])
    assert code == 2, text
    assert f"setting {variable}" in text
    assert "hunter2" not in text


def test_bad_settings_exit_2_as_a_script() -> None:
    env = {"ORGRAPH_CYPHER_ROW_CAP": "abc", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "info", *DS], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 2
    assert "ORGRAPH_CYPHER_ROW_CAP" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("limits", [{"timeout_s": -1}, {"timeout_s": 0}, {"row_cap": -1}, {"row_cap": 0}])
def test_the_service_refuses_limits_out_of_bounds_on_every_backend(store, mini_dataset, limits) -> None:
    """The embedded engine clamped a negative time limit to 1 ms; a negative row cap gave 0 rows marked truncated;
    Neo4j answered --timeout -1 with a traceback."""
    service = OrgService(store, mini_dataset, settings=Settings())
    with pytest.raises(InvalidRequest, match=next(iter(limits)).replace("_s", "")):
        service.query("MATCH (a:Agency) RETURN a.id", **limits)


# ---- a reader that stops early ------------------------------------------------------------------------------
def _first_line_then_close(argv: list[str]) -> tuple[int, str]:
    process = subprocess.Popen(
        [sys.executable, *argv], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # like `| head -1`
    err = process.stderr.read()
    code = process.wait(timeout=120)
    assert first, err
    return code, err


def test_closing_the_pipe_early_is_quiet_for_the_cli() -> None:
    code, err = _first_line_then_close(
        [str(ROOT / "cli.py"), "query", "UNWIND range(1, 200000) AS x RETURN x", "--row-cap", "200000", *DS]
    )
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert code == 0


def test_closing_the_pipe_early_is_quiet_for_the_loader(tmp_path: Path) -> None:
    folder = tmp_path / "many-problems"
    shutil.copytree(MINI, folder)
    rows = "".join(f"zz{i},2019,xh,名{i},N{i},t,badcat,false,public,xh-site,\n" for i in range(5000))
    with (folder / "agencies.csv").open("a", encoding="utf-8") as handle:
        handle.write(rows)  # 5,000 problems: more than a pipe holds
    code, err = _first_line_then_close(["-m", "loaders", str(folder)])
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert code == 2


@pytest.mark.parametrize(
    "argv",
    [[str(ROOT / "cli.py"), "queries"], [str(ROOT / "cli.py"), "info", *DS], ["-m", "loaders", str(MINI)]],
    ids=["cli queries", "cli info", "loaders"],
)
def test_a_reader_that_closes_before_reading_is_no_error(argv: list[str]) -> None:
    process = subprocess.Popen([sys.executable, *argv], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read().decode("utf-8", "replace")
    assert process.wait(timeout=120) == 0
    assert "Traceback" not in err and "BrokenPipe" not in err, err


@pytest.mark.parametrize(("variable", "value"), [*BAD_SETTINGS, ("ORGRAPH_CYPHER_ROW_CAP", -5)])
def test_bad_settings_from_streamlit_secrets_name_the_setting(variable: str, value: object) -> None:
    """Secrets (the app's .streamlit/secrets.toml) go through the same checks; TOML may give numbers."""
    with pytest.raises(InvalidRequest, match=f"setting {variable}") as caught:
        Settings.from_env(env={}, secrets={variable: value})
    assert "hunter2" not in str(caught.value)


def test_good_settings_are_typed() -> None:
    env = {"ORGRAPH_CYPHER_TIMEOUT_S": "2.5", "ORGRAPH_CYPHER_ROW_CAP": " 50 ", "NEO4J_URI": "neo4j+s://db:7687"}
    settings = Settings.from_env(env=env, secrets={"ORGRAPH_MAX_DRAWN": 300})
    assert (settings.cypher_timeout_s, settings.cypher_row_cap, settings.max_drawn_elements) == (2.5, 50, 300)
    assert settings.effective_backend == "neo4j"
