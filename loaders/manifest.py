"""Reading manifest.toml: dataset id and titles, snapshots (with their dates), sources, reform events, and the
dataset's own vocabulary: its levels, its declared jurisdiction attributes and its interface texts.

tomllib forgets positions once it has parsed, so problems are placed by looking for the key in the text:
`snapshots[1].date` is the `date =` line after the second `[[snapshots]]` header. Even a manifest with
problems yields what it could (snapshot dates, source ids) so the CSV files are still checked against it
and the user sees every problem in one run.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from graph.errors import Problem
from graph.model import AttributeDef

from .csvfile import decode, read_inside
from .rows import ATTRIBUTE_TYPES, BUILTIN_JURISDICTION_COLUMNS, LEGACY_ATTRIBUTES, Manifest, _iso_date, describe_error

__all__ = ["MANIFEST", "ManifestInfo", "read_manifest"]

MANIFEST = "manifest.toml"
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(slots=True)
class ManifestInfo:
    """What the CSV checks need from the manifest; `model` is set only when the manifest is clean.

    snapshot_dates / source_ids are None when the manifest could not be parsed at all: references to
    snapshots and sources are then not checked (each would only repeat the manifest's problem).
    """

    model: Manifest | None = None
    dataset_id: str = ""
    snapshot_dates: dict[str, str | None] | None = None
    source_ids: set[str] | None = None
    source_lines: dict[str, int] = field(default_factory=dict)
    empty: bool = False  # nothing in it: the load stops at this one problem
    readable: bool = False  # parsed as TOML: when False, jurisdictions.csv's extra columns cannot be judged
    format_version: int = 1
    levels: dict[str, int] | None = None  # declared level id -> rank; None: format 1, levels inferred from the CSV
    attributes: list[AttributeDef] = field(default_factory=list)  # declared (or, format 1, the legacy columns)


def _key_line(lines: list[str], loc: tuple[Any, ...]) -> int:
    """Best-effort 1-based line of the key at `loc` (e.g. ("snapshots", 1, "date")); 0 when not found."""
    if not loc:
        return 0
    table = str(loc[0])
    if len(loc) >= 2 and isinstance(loc[1], int):
        headers = [i for i, text in enumerate(lines) if re.match(rf"\s*\[\[\s*{re.escape(table)}\s*\]\]", text)]
        if loc[1] >= len(headers):
            return 0
        start = headers[loc[1]]
        end = next(
            (i for i, text in enumerate(lines) if i > start and re.match(r"\s*\[", text)),
            len(lines),
        )
        if len(loc) >= 3:
            key = re.compile(rf"\s*{re.escape(str(loc[2]))}\s*=")
            for i in range(start + 1, end):
                if key.match(lines[i]):
                    return i + 1
        return start + 1
    if len(loc) >= 2:  # a key of a single table, e.g. ("interface", "title_zh")
        header = next((i for i, text in enumerate(lines) if re.match(rf"\s*\[\s*{re.escape(table)}\s*\]", text)), None)
        if header is not None:
            key = re.compile(rf"\s*{re.escape(str(loc[1]))}\s*=")
            for i in range(header + 1, len(lines)):
                if re.match(r"\s*\[", lines[i]):
                    break
                if key.match(lines[i]):
                    return i + 1
            return header + 1
    key = re.compile(rf"\s*{re.escape(table)}\s*=")
    for i, text in enumerate(lines):
        if re.match(r"\s*\[", text):
            break  # top-level keys come before the first table
        if key.match(text):
            return i + 1
    return 0


def _column(loc: tuple[Any, ...]) -> str:
    """`snapshots[1].date` style name of a manifest key."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _partial(data: dict[str, Any], info: ManifestInfo, lines: list[str]) -> None:
    """Collect whatever ids and dates are usable even when validation failed somewhere."""
    raw_id = data.get("id")
    info.dataset_id = raw_id if isinstance(raw_id, str) else ""
    snapshots = data.get("snapshots")
    if isinstance(snapshots, list):  # when absent, that is the manifest's problem, not one for every CSV row
        info.snapshot_dates = {}
        for entry in snapshots:
            if isinstance(entry, dict) and entry.get("id") is not None:
                try:
                    date: str | None = _iso_date(entry.get("date", ""))
                except ValueError:
                    date = None
                info.snapshot_dates.setdefault(str(entry["id"]), date)
    version = data.get("format_version", 1)
    declared = [
        e
        for e in data.get("jurisdiction_attributes") or []
        if isinstance(e, dict) and isinstance(e.get("id"), str) and isinstance(e.get("values", []), list)
    ]
    if not declared and version == 1:
        declared = [dict(a) for a in LEGACY_ATTRIBUTES]
    info.attributes = [  # lenient: enough to accept the columns and check cells while the manifest has problems
        AttributeDef(
            id=e["id"],
            type=str(e.get("type"))
            if e.get("type") in ATTRIBUTE_TYPES and (e.get("type") != "enum" or e.get("values"))
            else "text",
            values=tuple(str(v) for v in e.get("values", [])),
            label_zh=str(e.get("label_zh", "")),
            label_en=str(e.get("label_en", "")),
        )
        for e in declared
    ]
    info.source_ids = set()
    for index, entry in enumerate(data.get("sources") or []):
        if isinstance(entry, dict) and entry.get("id") is not None:
            info.source_ids.add(str(entry["id"]))
            info.source_lines.setdefault(str(entry["id"]), _key_line(lines, ("sources", index, "id")))


def _duplicates(data: dict[str, Any], lines: list[str], problems: list[Problem]) -> None:
    for table in ("snapshots", "sources", "levels", "jurisdiction_attributes"):
        first: dict[str, int] = {}
        for index, entry in enumerate(data.get(table) or []):
            if not isinstance(entry, dict) or entry.get("id") is None:
                continue
            entry_id = str(entry["id"])
            line = _key_line(lines, (table, index, "id"))
            if entry_id in first:
                problems.append(
                    Problem(
                        MANIFEST,
                        line,
                        f"{table}[{index}].id",
                        f"duplicate {_SINGULAR[table]} id {entry_id!r}; it is already defined on line {first[entry_id]}",
                    )
                )
            else:
                first[entry_id] = line


_SINGULAR = {
    "snapshots": "snapshot",
    "sources": "source",
    "levels": "level",
    "jurisdiction_attributes": "attribute",
}


def _vocabulary(model: Manifest, lines: list[str], problems: list[Problem]) -> None:
    """Checks across keys of a valid manifest: titles, distinct snapshot dates, levels and attributes."""

    def add(loc: tuple[Any, ...], message: str) -> None:
        problems.append(Problem(MANIFEST, _key_line(lines, loc), _column(loc), message))

    if not model.title_zh and not model.title_en:
        add(("title_zh",), "give title_zh or title_en (or both); both are empty")
    for index, event in enumerate(model.events):
        if not event.label_zh and not event.label_en:
            add(("events", index, "label_zh"), "give label_zh or label_en (or both); both are empty")
    dates: dict[str, str] = {}
    for index, snap in enumerate(model.snapshots):
        if snap.date in dates and dates[snap.date] != snap.id:
            add(
                ("snapshots", index, "date"),
                f"snapshot {snap.id!r} has the same date ({snap.date}) as {dates[snap.date]!r}; "
                "snapshots are ordered by date, so each needs its own",
            )
        dates.setdefault(snap.date, snap.id)
    if model.format_version >= 2 and not model.levels:
        add(
            ("format_version",), "format_version 2 needs the dataset's levels: add [[levels]] tables (id, rank, labels)"
        )
    level_ids = {lv.id for lv in model.levels}
    for index, attr in enumerate(model.jurisdiction_attributes):
        if attr.id in BUILTIN_JURISDICTION_COLUMNS:
            add(
                ("jurisdiction_attributes", index, "id"),
                f"{attr.id!r} is a built-in column of jurisdictions.csv; give the attribute another name",
            )
        if attr.type == "enum" and not attr.values:
            add(
                ("jurisdiction_attributes", index, "values"),
                'an enum attribute needs its values, e.g. values = ["a", "b"]',
            )
        elif attr.type != "enum" and attr.values:
            add(
                ("jurisdiction_attributes", index, "values"),
                f"only enum attributes take values (this one is {attr.type})",
            )
        for level in attr.required_at:
            if level_ids and level not in level_ids:
                add(
                    ("jurisdiction_attributes", index, "required_at"),
                    f"unknown level {level!r}; levels are declared in [[levels]]: {', '.join(sorted(level_ids))}",
                )


def _attribute_defs(model: Manifest) -> list[AttributeDef]:
    """The declared attributes; a format-1 manifest that declares none gets the legacy columns implicitly."""
    entries: list[dict[str, Any]] = [a.model_dump() for a in model.jurisdiction_attributes]
    if not entries and model.format_version == 1:
        entries = [dict(a) for a in LEGACY_ATTRIBUTES]
    return [
        AttributeDef(
            id=e["id"],
            type=e["type"],
            values=tuple(e.get("values") or ()),
            label_zh=e.get("label_zh", ""),
            label_en=e.get("label_en", ""),
            required_at=tuple(e.get("required_at") or ()),
        )
        for e in entries
    ]


def read_manifest(folder: Path, problems: list[Problem]) -> ManifestInfo:
    """Parse and validate manifest.toml, appending problems; never raises for bad content."""
    info = ManifestInfo()
    missing = "file is missing; a dataset folder needs manifest.toml (id, titles, snapshots, sources)"
    raw = read_inside(folder, MANIFEST, problems, missing=missing)
    if raw is None:
        return info
    try:
        text = decode(raw)
    except UnicodeDecodeError:
        problems.append(
            Problem(
                MANIFEST,
                0,
                "",
                "cannot decode the file: it is neither UTF-8 nor GB18030; save it as UTF-8",
            )
        )
        return info
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_POSITION.search(str(exc))
        line = int(match.group(1)) if match else 0
        message = _TOML_POSITION.sub("", str(exc)).strip()
        problems.append(Problem(MANIFEST, line, "", f"not valid TOML: {message}"))
        return info
    if not data:  # one message, not one per CSV row that names a snapshot or source
        required = [name for name, field_info in Manifest.model_fields.items() if field_info.is_required()]
        required.insert(1, "title_zh or title_en")  # one title is enough, so neither is a required key
        message = f"the manifest is empty; it needs {', '.join(required)} (see docs/data-format.md)"
        problems.append(Problem(MANIFEST, 0, "", message))
        info.empty = True
        return info
    lines = text.splitlines()
    info.readable = True
    _partial(data, info, lines)
    _duplicates(data, lines, problems)
    try:
        info.model = Manifest.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = tuple(error.get("loc", ()))
            _, message = describe_error(error)
            if error.get("type") == "missing":
                message = f"required key {str(loc[-1])!r} is missing"
            problems.append(Problem(MANIFEST, _key_line(lines, loc), _column(loc), message))
    if info.model is not None:
        _vocabulary(info.model, lines, problems)
        info.format_version = info.model.format_version
        info.levels = {lv.id: lv.rank for lv in info.model.levels} or None
        info.attributes = _attribute_defs(info.model)
        if any(p.file == MANIFEST and p.column.startswith("jurisdiction_attributes") for p in problems):
            # a declaration is wrong: accept its columns, but judge no cell by it (that would only add noise)
            info.attributes = [AttributeDef(a.id, "text") for a in info.attributes]
    if info.model is not None and any(p.file == MANIFEST for p in problems):
        info.model = None  # duplicates make it unusable for building
    return info
