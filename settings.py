"""Every knob of orgraph in one table, read from the environment (or Streamlit secrets in the app).

Passwords are kept out of repr() so they never reach a log or an error message.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from graph.errors import InvalidRequest, mask_uri

ROOT = Path(__file__).resolve().parent

__all__ = ["BOUNDS", "ROOT", "SETTINGS", "Setting", "Settings", "bounded", "check_limits"]


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
        for setting in SETTINGS:
            raw = env.get(setting.env)
            if raw is None and setting.env in secrets:
                raw = str(secrets[setting.env])
            if raw is None or raw.strip() == "":
                continue
            values[setting.name] = _parse(setting, raw.strip() if setting.name != "neo4j_password" else raw)
        return cls(**values)


#: Inclusive bounds of the numeric settings; the CLI's --timeout and --row-cap share them (check_limits).
BOUNDS: dict[str, tuple[float, float]] = {
    "cypher_timeout_s": (0.001, 3600.0),
    "cypher_row_cap": (1, 1_000_000),
    "max_drawn_elements": (1, 100_000),
}
BACKENDS = ("networkx", "neo4j")
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def bounded(key: str, raw: str | float, kind: type[float] | type[int], *, label: str = "") -> float:
    """`raw` as a number of `kind` within BOUNDS[key]; InvalidRequest naming `label` (default `key`) otherwise.

    >>> bounded("cypher_row_cap", "50", int)
    50
    """
    low, high = BOUNDS[key]
    what = "a whole number" if kind is int else "a number"
    span = f"give {what} from {_number(low)} to {_number(high)}"
    try:
        value = kind(raw)
    except (TypeError, ValueError):
        raise InvalidRequest(f"{label or key}: {raw!r} is not {what}; {span}") from None
    if not math.isfinite(value) or not low <= value <= high:
        raise InvalidRequest(f"{label or key}: {raw!r} is out of bounds; {span}")
    return value


def _number(value: float) -> str:
    return f"{int(value):,}" if value == int(value) else f"{value:g}"


def check_limits(timeout_s: float, row_cap: int) -> None:
    """InvalidRequest when a query's time limit or row cap is out of BOUNDS (the embedded engine clamped a
    negative limit to 1 ms, and a negative row cap returned no rows marked as truncated)."""
    for name, value, kind in (("cypher_timeout_s", timeout_s, float), ("cypher_row_cap", row_cap, int)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (kind is int and value != int(value)):
            raise InvalidRequest(f"{name}: {value!r} is not {'a whole number' if kind is int else 'a number'}")
        bounded(name, value, kind)


def _parse(setting: Setting, raw: str) -> Any:
    """The typed value of one setting, or InvalidRequest naming its variable (never echoing a password)."""
    try:
        if setting.name in BOUNDS:
            kind = int if setting.name in ("cypher_row_cap", "max_drawn_elements") else float
            return bounded(setting.name, raw, kind, label=setting.env)
    except InvalidRequest as exc:
        raise InvalidRequest(f"setting {exc}") from None
    if setting.name == "backend" and raw not in BACKENDS:
        raise InvalidRequest(f"setting {setting.env}: {raw!r} is not a backend; use {' or '.join(BACKENDS)}")
    if setting.name == "neo4j_uri" and raw.partition("://")[0].lower() not in BOLT_SCHEMES:
        raise InvalidRequest(
            f"setting {setting.env}: {mask_uri(raw)!r} is not a Neo4j URI; it starts with "
            f"{', '.join(s + '://' for s in BOLT_SCHEMES)}, e.g. bolt://127.0.0.1:7687"
        )
    return raw
