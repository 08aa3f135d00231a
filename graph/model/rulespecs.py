"""A dataset's declared rules (rules.toml) as data: which agencies a rule is about, and the rule itself. The
rule kinds that judge them live in graph/rules/."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["AgencySelect", "RuleSpec"]


@dataclass(frozen=True, slots=True)
class AgencySelect:
    """Which agencies a declared rule is about (rules.toml `select`). Every given field must match; within a
    field's list any value does; `any_of` adds alternatives of which at least one must match. Empty: every agency.
    The matcher is graph.rules.base.selects, shared by the checks and the app's matrix."""

    agency_class: tuple[str, ...] = ()
    type: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    name_keywords: tuple[str, ...] = ()  # a Chinese or English name containing any of them
    level: tuple[str, ...] = ()  # the level of the agency's jurisdiction
    counts_toward_quota: bool | None = None
    any_of: tuple[AgencySelect, ...] = ()
    label_zh: str = ""  # what the selected agencies are called in messages (e.g. 扶贫部门)
    label_en: str = ""


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One rule a dataset declares in rules.toml: a generic kind (graph/rules/kinds.py) with its parameters, and
    the exact sentence of the source it rests on. `params` holds (name, value) pairs, already validated."""

    id: str
    kind: str
    title_zh: str
    title_en: str
    quote: str
    source: str
    select: AgencySelect = AgencySelect()
    params: tuple[tuple[str, object], ...] = ()
    snapshots: tuple[str, ...] | None = None  # None: every snapshot whose role is "after"
    levels: tuple[str, ...] | None = None  # None: every level
    jurisdictions: tuple[str, ...] | None = None  # None: every jurisdiction (at `levels`)

    def param(self, name: str, default: object = None) -> object:
        return next((v for k, v in self.params if k == name), default)
