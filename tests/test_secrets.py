"""Secrets never reach the screen: a password in NEO4J_URI (bolt://user:password@host) or in NEO4J_PASSWORD is
masked (`bolt://neo4j:***@host:7687`) in every error and warning of the CLI; URI credentials work."""

from __future__ import annotations

import os
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from paths import MINI, ROOT

import cli
from graph.errors import BackendUnavailable, mask_uri
from settings import Settings
from tests.conftest import neo4j_settings

SECRET = "s3cret-Pw-7788"
CLOSED_PORT_URI = f"bolt://neo4j:{SECRET}@127.0.0.1:1"  # nothing listens on port 1: refused at once


def _with_credentials(uri: str, user: str, password: str) -> str:
    parts = urlsplit(uri)
    return parts._replace(netloc=f"{user}:{password}@{parts.netloc}").geturl()


def _info(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    code = cli.main(["info", "--dataset", str(MINI), "--format", "csv", *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_mask_uri_hides_only_the_password() -> None:
    assert mask_uri(f"bolt://neo4j:{SECRET}@db.example:7687") == "bolt://neo4j:***@db.example:7687"
    assert mask_uri("neo4j+s://db.example:7687") == "neo4j+s://db.example:7687"
    assert SECRET not in str(BackendUnavailable(f"bolt://neo4j:{SECRET}@h:1", f"echo {SECRET}", secrets=[SECRET]))


def test_settings_repr_masks_the_uri_and_leaves_out_the_password() -> None:
    shown = repr(Settings(neo4j_uri=f"bolt://neo4j:{SECRET}@h:7687", neo4j_password="other-" + SECRET))
    assert SECRET not in shown
    assert "bolt://neo4j:***@h:7687" in shown


def test_password_in_the_uri_is_masked_when_the_server_is_unreachable(capsys, monkeypatch) -> None:
    monkeypatch.setenv("NEO4J_URI", CLOSED_PORT_URI)
    code, out, err = _info(capsys, "--backend", "neo4j")
    assert code == 1
    assert SECRET not in out + err
    assert "bolt://neo4j:***@127.0.0.1:1" in err


def test_fallback_warning_masks_the_password(capsys, monkeypatch) -> None:
    monkeypatch.setenv("NEO4J_URI", CLOSED_PORT_URI)
    code, out, err = _info(capsys)  # no --backend: falls back to the embedded backend with a warning
    assert code == 0
    assert "warning:" in err and "bolt://neo4j:***@127.0.0.1:1" in err
    assert SECRET not in out + err


def test_a_malformed_uri_is_reported_masked(capsys, monkeypatch) -> None:
    monkeypatch.setenv("NEO4J_URI", f"bolt://neo4j:{SECRET}@127.0.0.1:7687:99")
    code, out, err = _info(capsys, "--backend", "neo4j")
    assert code == 1
    assert SECRET not in out + err
    assert "bolt://neo4j:***@127.0.0.1:7687:99" in err


@pytest.mark.neo4j
def test_wrong_password_in_the_uri_is_never_printed(capsys, monkeypatch, neo4j_driver) -> None:
    uri, user, _ = neo4j_settings()
    monkeypatch.setenv("NEO4J_URI", _with_credentials(uri, user, SECRET))
    code, out, err = _info(capsys, "--backend", "neo4j")
    assert code == 1
    assert SECRET not in out + err
    assert "authentication failed" in err and mask_uri(_with_credentials(uri, user, SECRET)) in err


@pytest.mark.neo4j
def test_wrong_password_in_the_environment_is_never_printed(capsys, monkeypatch, neo4j_driver) -> None:
    uri, user, _ = neo4j_settings()
    monkeypatch.setenv("NEO4J_URI", uri)
    monkeypatch.setenv("NEO4J_USER", user)
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    code, out, err = _info(capsys, "--backend", "neo4j")
    assert code == 1
    assert SECRET not in out + err
    assert "authentication failed" in err


@pytest.mark.neo4j
def test_credentials_in_the_uri_connect_as_a_script(neo4j_driver) -> None:
    """The issue's reproduction: `NEO4J_URI=bolt://neo4j:PASSWORD@host cli.py info --backend neo4j` used to exit 1
    and print the password twice; the driver refuses userinfo, so orgraph takes the credentials out of the URI."""
    uri, user, password = neo4j_settings()
    env = {k: v for k, v in os.environ.items() if k not in ("NEO4J_PASSWORD", "NEO4J_USER")}
    env["NEO4J_URI"] = _with_credentials(uri, user, password)
    done = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "info", "--backend", "neo4j", "--dataset", str(MINI)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "backend: neo4j" in done.stdout
    assert password not in done.stdout + done.stderr
