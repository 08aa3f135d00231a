"""Reading the readable templates of a dataset generator (scripts/<dataset>/*.csv, *.toml) and writing its files.

The generators (build_xilingol.py, build_state_council.py) keep their data in templates an analyst can edit in a
spreadsheet or a text editor; this module is the little they share: read a template, write a CSV or a TOML value
exactly as the committed dataset files have them.
"""

from __future__ import annotations

import csv
import json
import tomllib
from pathlib import Path
from typing import Any


def read_csv(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV template as dicts (UTF-8, header first)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def read_toml(path: Path) -> dict[str, Any]:
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def flag(cell: str) -> bool:
    """A template's boolean cell: `true` or `false`."""
    if cell not in ("true", "false"):
        raise ValueError(f"{cell!r} is not true or false")
    return cell == "true"


def toml_value(value: object) -> str:
    """A TOML value: a boolean, an integer, a basic string (JSON escaping is valid TOML for these texts) or a list."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def toml_tables(name: str, rows: list[dict[str, Any]], keys: tuple[str, ...] | None = None) -> list[str]:
    """`[[name]]` array-of-tables lines, each preceded by a blank line; `keys` fixes the order and fills gaps."""
    lines: list[str] = []
    for row in rows:
        items = [(k, row.get(k, "")) for k in keys] if keys else list(row.items())
        lines += ["", f"[[{name}]]"] + [f"{k} = {toml_value(v)}" for k, v in items]
    return lines


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
