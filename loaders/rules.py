"""Reading rules.toml: the rules a dataset declares (docs/data-format.md, "rules.toml"), validated against the
kinds' declared parameters (graph/rules/kinds.py KINDS) and the dataset's own ids, then built as RuleSpecs.

A missing file means the dataset declares no rules. Every problem names rules.toml and a line: tomllib reports
its own positions; for a rule that parses but does not make sense, the line of the key is found under the
rule's `[[rules]]` header (or its `[rules.select]` / `[rules.params]` table).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.errors import Problem
from graph.model import AgencySelect, Category, RuleSpec
from graph.rules.kinds import KINDS, Param

from .csvfile import decode, read_inside

__all__ = ["RULES", "RuleRefs", "parse_rules", "read_rules"]

RULES = "rules.toml"
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
_TOP = (
    "id",
    "kind",
    "title_zh",
    "title_en",
    "quote",
    "source",
    "snapshots",
    "levels",
    "jurisdictions",
    "select",
    "params",
)
_LISTS = ("agency_class", "type", "category", "name_keywords", "level")
_SELECT = (*_LISTS, "counts_toward_quota", "any_of", "label_zh", "label_en")
_CATEGORIES = tuple(c.value for c in Category)


@dataclass(frozen=True, slots=True)
class RuleRefs:
    """The dataset's ids a rule may name; None where the data was too broken to know (not checked then)."""

    jurisdictions: Mapping[str, str] | None  # id -> level
    levels: frozenset[str] | None
    snapshots: frozenset[str] | None
    sources: frozenset[str] | None


class _Reader:
    """Validates one rules file; `problem` places each message on the line of the key it concerns."""

    def __init__(self, text: str, refs: RuleRefs, problems: list[Problem]) -> None:
        self.lines = text.splitlines()
        self.headers = [i for i, t in enumerate(self.lines) if re.match(r"\s*\[\[\s*rules\s*\]\]", t)]
        self.refs, self.problems = refs, problems
        self.index, self.rule_id, self.ok = 0, "", True

    # ---- where -------------------------------------------------------------------------------------------------
    def line(self, *path: str) -> int:
        """1-based line of `path` (("quote",) or ("params", "where")) in the current rule; its header if not found."""
        if self.index >= len(self.headers):
            return 0
        start = self.headers[self.index]
        end = self.headers[self.index + 1] if self.index + 1 < len(self.headers) else len(self.lines)
        if len(path) >= 2:
            table = re.compile(rf"\s*\[\s*rules\s*\.\s*{re.escape(path[0])}\s*\]")
            found = next((i for i in range(start, end) if table.match(self.lines[i])), None)
            if found is not None:
                return self._key(found + 1, end, path[1]) or found + 1
        return self._key(start + 1, end, path[0]) or start + 1

    def _key(self, start: int, end: int, key: str) -> int:
        pattern = re.compile(rf"\s*{re.escape(key)}\s*=")
        for i in range(start, end):
            if re.match(r"\s*\[", self.lines[i]):
                return 0
            if pattern.match(self.lines[i]):
                return i + 1
        return 0

    def problem(self, path: tuple[str, ...], message: str) -> None:
        column = f"rules[{self.index}]" + "".join(f".{p}" for p in path)
        who = f"rule {self.rule_id!r}: " if self.rule_id else ""
        self.problems.append(Problem(RULES, self.line(*path), column, who + message))
        self.ok = False

    # ---- values ------------------------------------------------------------------------------------------------
    def text(self, entry: Mapping[str, Any], key: str, *, required: bool = False) -> str:
        value = entry.get(key, "")
        if not isinstance(value, str):
            self.problem((key,), f"{key} must be text, not {type(value).__name__}")
            return ""
        if required and not value.strip():
            self.problem((key,), f"{key} is required and must not be empty")
        return value.strip()

    def strings(self, value: Any, path: tuple[str, ...], known: Any = None, what: str = "") -> tuple[str, ...]:
        """Text or a list of texts, each in `known` (a set) when given."""
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) and v.strip() for v in items):
            self.problem(path, f"{path[-1]} must be a list of non-empty texts")
            return ()
        if known is not None:
            unknown = [v for v in items if v not in known]
            if unknown:
                some = ", ".join(sorted(known)[:12]) or "none"
                self.problem(path, f"unknown {what} {', '.join(map(repr, unknown))}; known: {some}")
        return tuple(items)

    def select(self, raw: Any, path: tuple[str, ...], *, nested: bool = True) -> AgencySelect:
        if not isinstance(raw, dict):
            self.problem(path, f"{path[-1]} must be a table of {', '.join(_SELECT)}")
            return AgencySelect()
        allowed = _SELECT if nested else tuple(k for k in _SELECT if k != "any_of")
        for key in raw:
            if key not in allowed:
                self.problem((*path[:1], key), f"unknown key {key!r} in {path[-1]}; use {', '.join(allowed)}")
        known = {"category": _CATEGORIES, "level": self.refs.levels}
        lists = {k: self.strings(raw[k], (*path[:1], k), known.get(k), k) for k in _LISTS if k in raw}
        counted = raw.get("counts_toward_quota")
        if counted is not None and not isinstance(counted, bool):
            self.problem((*path[:1], "counts_toward_quota"), "counts_toward_quota must be true or false")
            counted = None
        alternatives: tuple[AgencySelect, ...] = ()
        if "any_of" in raw:
            items = raw["any_of"]
            if not isinstance(items, list) or not items:
                self.problem((*path[:1], "any_of"), "any_of must be a non-empty list of tables")
            else:
                alternatives = tuple(self.select(i, (*path[:1], "any_of"), nested=False) for i in items)
        label_zh, label_en = (raw.get(k, "") for k in ("label_zh", "label_en"))
        if not isinstance(label_zh, str) or not isinstance(label_en, str):
            self.problem((*path[:1], "label_zh"), "label_zh and label_en must be text")
            label_zh = label_en = ""
        return AgencySelect(
            **lists, counts_toward_quota=counted, any_of=alternatives, label_zh=label_zh, label_en=label_en
        )

    def param(self, name: str, spec: Param, value: Any) -> Any:
        path = ("params", name)
        if spec.type == "int" and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            self.problem(path, f"{name} must be a whole number of 0 or more")
        elif spec.type == "bool" and not isinstance(value, bool):
            self.problem(path, f"{name} must be true or false")
        elif spec.type == "choice" and value not in spec.choices:
            self.problem(path, f"{name} must be one of {', '.join(spec.choices)}, not {value!r}")
        elif spec.type == "strings":
            return self.strings(value, path)
        elif spec.type == "jurisdictions":
            return self.strings(value, path, self.refs.jurisdictions, "jurisdiction id(s)")
        elif spec.type == "select":
            return self.select(value, path)
        elif spec.type == "selects":
            if not isinstance(value, list) or not value:
                self.problem(path, f"{name} must be a non-empty array of tables")
                return ()
            return tuple(self.select(v, path) for v in value)
        return value

    def params(self, kind: str, raw: Any) -> tuple[tuple[str, object], ...]:
        declared = KINDS[kind].params
        if not isinstance(raw, dict):
            self.problem(("params",), "params must be a table")
            return ()
        for key in raw:
            if key not in declared:
                names = ", ".join(declared) or "none"
                self.problem(("params", key), f"kind {kind!r} has no parameter {key!r}; its parameters: {names}")
        values: dict[str, object] = {}
        for name, spec in declared.items():
            if name in raw:
                values[name] = self.param(name, spec, raw[name])
            elif spec.required:
                self.problem(("params",), f"kind {kind!r} needs the parameter {name!r} ({spec.doc})")
            elif spec.default is not None:
                values[name] = spec.default
        if self.ok and (message := KINDS[kind].validate(values)):
            self.problem(("params",), message)
        return tuple(values.items())

    # ---- one rule ----------------------------------------------------------------------------------------------
    def rule(self, index: int, entry: Any, seen: dict[str, int]) -> RuleSpec | None:
        self.index, self.rule_id, self.ok = index, "", True
        if not isinstance(entry, dict):
            self.problem((), "each [[rules]] entry must be a table")
            return None
        for key in entry:
            if key not in _TOP:
                self.problem((key,), f"unknown key {key!r}; a rule has {', '.join(_TOP)}")
        rule_id = self.text(entry, "id", required=True)
        if rule_id and not _ID.fullmatch(rule_id):
            self.problem(("id",), f"id {rule_id!r} may hold only letters, digits, '.', '_' and '-'")
        if rule_id in seen:
            self.problem(("id",), f"duplicate rule id {rule_id!r}; it is already defined on line {seen[rule_id]}")
        seen.setdefault(rule_id, self.line("id"))
        self.rule_id = rule_id
        kind = self.text(entry, "kind", required=True)
        if kind and kind not in KINDS:
            self.problem(("kind",), f"unknown kind {kind!r}; the kinds are: {', '.join(KINDS)}")
        title_zh, title_en = self.text(entry, "title_zh"), self.text(entry, "title_en")
        if not title_zh and not title_en:
            self.problem(("title_zh",), "give title_zh or title_en (or both)")
        quote = self.text(entry, "quote", required=True)
        source = self.text(entry, "source", required=True)
        if source and self.refs.sources is not None and source not in self.refs.sources:
            known = ", ".join(sorted(self.refs.sources))
            self.problem(("source",), f"unknown source {source!r}; the manifest's sources: {known}")
        scope = {
            key: self.strings(entry[key], (key,), known, what) if key in entry else None
            for key, known, what in (
                ("snapshots", self.refs.snapshots, "snapshot(s)"),
                ("levels", self.refs.levels, "level(s)"),
                ("jurisdictions", self.refs.jurisdictions, "jurisdiction id(s)"),
            )
        }
        select = self.select(entry.get("select", {}), ("select",))
        params = self.params(kind, entry.get("params", {})) if kind in KINDS else ()
        if not self.ok:
            return None
        return RuleSpec(
            rule_id, kind, title_zh or title_en, title_en or title_zh, quote, source, select, params, **scope
        )


def read_rules(folder: Path, refs: RuleRefs, problems: list[Problem]) -> tuple[RuleSpec, ...]:
    """The folder's declared rules, appending problems; () when there is no rules.toml or it has problems."""
    path = folder / RULES
    if not path.is_file() and not path.is_symlink():
        return ()
    raw = read_inside(folder, RULES, problems, missing="the file is a link to a file that does not exist")
    if raw is None:
        return ()
    try:
        text = decode(raw)
    except UnicodeDecodeError:
        problems.append(
            Problem(RULES, 0, "", "cannot decode the file: it is neither UTF-8 nor GB18030; save it as UTF-8")
        )
        return ()
    return parse_rules(text, refs, problems)


def parse_rules(text: str, refs: RuleRefs, problems: list[Problem]) -> tuple[RuleSpec, ...]:
    """The rules of a rules.toml text (see read_rules)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_POSITION.search(str(exc))
        message = _TOML_POSITION.sub("", str(exc)).strip()
        problems.append(Problem(RULES, int(match.group(1)) if match else 0, "", f"not valid TOML: {message}"))
        return ()
    reader = _Reader(text, refs, problems)
    for key in data:
        if key != "rules":
            problems.append(
                Problem(RULES, 0, key, f"unknown top-level key {key!r}; declare each rule as a [[rules]] table")
            )
    entries = data.get("rules", [])
    if not isinstance(entries, list):
        problems.append(Problem(RULES, 0, "rules", "rules must be an array of tables: write each rule as [[rules]]"))
        return ()
    before = len(problems)
    seen: dict[str, int] = {}
    specs = [reader.rule(i, entry, seen) for i, entry in enumerate(entries)]
    if len(problems) > before:
        return ()
    return tuple(s for s in specs if s is not None)
