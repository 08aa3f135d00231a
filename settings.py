"""Every knob of orgraph in one table, read from the environment (or Streamlit secrets in the app).

Passwords are kept out of repr() so they never reach a log or an error message.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from graph.errors import mask_uri

ROOT = Path(__file__).resolve().parent

__all__ = ["ROOT", "SETTINGS", "Setting", "Settings"]


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    env: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("dataset", "ORGRAPH_DATASET", str(ROOT / "data" / "xilingol"), "dataset folder to open"),
    Setting("backend", "ORGRAPH_BACKEND", "", "networkx or neo4j (default: neo4j when NEO4J_URI is set)"),
    Setting("neo4j_uri", "NEO4J_URI", "", "Bolt URI of a Neo4j server, e.g. bolt://127.0.0.1:7687"),
    Setting("neo4j_user", "NEO4J_USER", "neo4j", "Neo4j user"),
    Setting("neo4j_password", "NEO4J_PASSWORD", "", "Neo4j password (never logged)"),
    Setting("neo4j_database", "NEO4J_DATABASE", "", "Neo4j database name (default: the server's default)"),
    Setting("cypher_timeout_s", "ORGRAPH_CYPHER_TIMEOUT_S", "10", "time limit of one ad-hoc Cypher query, seconds"),
    Setting("cypher_row_cap", "ORGRAPH_CYPHER_ROW_CAP", "1000", "most rows an ad-hoc query returns"),
    Setting("max_drawn_elements", "ORGRAPH_MAX_DRAWN", "1000", "most nodes+edges drawn at once before aggregating"),
    Setting(
        "cache_dir",
        "ORGRAPH_CACHE_DIR",
        "",
        "folder of compiled datasets (default: $XDG_CACHE_HOME/orgraph or ~/.cache/orgraph)",
    ),
)


@dataclass(frozen=True, slots=True)
class Settings:
    dataset: str = SETTINGS[0].default
    backend: str = ""
    neo4j_uri: str = ""
    neo4j_user: str = "neo4j"
    neo4j_password: str = field(default="", repr=False)
    neo4j_database: str = ""
    cypher_timeout_s: float = 10.0
    cypher_row_cap: int = 1000
    max_drawn_elements: int = 1000
    cache_dir: str = ""

    def __repr__(self) -> str:
        """Every setting, with the password left out and any password inside the URI masked."""
        shown = ", ".join(
            f"{f.name}={mask_uri(getattr(self, f.name)) if f.name == 'neo4j_uri' else getattr(self, f.name)!r}"
            for f in fields(self)
            if f.repr
        )
        return f"Settings({shown})"

    @property
    def effective_backend(self) -> str:
        if self.backend:
            return self.backend
        return "neo4j" if self.neo4j_uri else "networkx"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, secrets: Mapping[str, Any] | None = None) -> Settings:
        """Environment first, then Streamlit secrets (flat keys named like the env variables), then defaults."""
        env = os.environ if env is None else env
        secrets = secrets or {}
        values: dict[str, Any] = {}
        types = {f.name: f.type for f in fields(cls)}
        for setting in SETTINGS:
            raw = env.get(setting.env)
            if raw is None and setting.env in secrets:
                raw = str(secrets[setting.env])
            if raw is None or raw == "":
                continue
            kind = types[setting.name]
            if kind in ("float", float):
                values[setting.name] = float(raw)
            elif kind in ("int", int):
                values[setting.name] = int(raw)
            else:
                values[setting.name] = raw
        return cls(**values)
