"""The generic rule kinds a dataset's rules.toml may use, and their one registry, KINDS (an explicit dict).

A kind knows nothing of any dataset: the places, types and names it is about come from the rule's `select`,
`levels`, `jurisdictions` and `params` (docs/data-format.md, "rules.toml"). Each kind declares its parameters
(KINDS[...].params) so the loader can validate a rules file before anything runs, and a check
`(context, judged jurisdictions, spec) -> violations` over one snapshot.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from graph.model import Agency, AgencySelect, HostMode, Jurisdiction, ReportMode, RuleSpec
from graph.rules.base import RuleContext, Violation, jurisdiction_name, select_label, selects

__all__ = ["KINDS", "PRESENCE_KINDS", "Kind", "Param", "presence"]

KindCheck = Callable[[RuleContext, Sequence[Jurisdiction], RuleSpec], list[Violation]]


@dataclass(frozen=True, slots=True)
class Param:
    """One parameter of a kind. type: int (>= 0), bool, strings, jurisdictions (ids), select (a table), selects
    (an array of tables, each with label_zh/label_en), choice (one of `choices`)."""

    type: str
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()
    default: object = None


@dataclass(frozen=True, slots=True)
class Kind:
    id: str
    doc: str
    check: KindCheck = field(repr=False)
    params: Mapping[str, Param] = field(default_factory=dict)
    #: a problem with the combination of parameters, or "" (the types are checked by the loader)
    validate: Callable[[Mapping[str, object]], str] = field(default=lambda params: "", repr=False)
    only_with_quota: bool = False


def _int(spec: RuleSpec, name: str) -> int | None:
    value = spec.param(name)
    return value if isinstance(value, int) else None


def _texts(spec: RuleSpec, name: str) -> tuple[str, ...]:
    value = spec.param(name, ())
    return tuple(str(v) for v in value) if isinstance(value, tuple) else ()


def _ids(agencies: Sequence[Agency]) -> tuple[str, ...]:
    return tuple(sorted(a.id for a in agencies))


def _picked(ctx: RuleContext, select: AgencySelect, agencies: Sequence[Agency]) -> list[Agency]:
    return [a for a in agencies if selects(select, a, ctx.level_of(a))]


def _v(j: Jurisdiction, zh: str, en: str, agencies: Sequence[Agency] = ()) -> Violation:
    """A violation in j; `{j}` in the messages is replaced by its name in that language."""
    return Violation(
        j.id,
        zh.replace("{j}", jurisdiction_name(j, "zh")),
        en.replace("{j}", jurisdiction_name(j, "en")),
        _ids(agencies),
    )


# ---- counting -------------------------------------------------------------------------------------------------------
def quota(ctx: RuleContext, judged: Sequence[Jurisdiction], spec: RuleSpec) -> list[Violation]:
    exact = spec.param("mode", "at_most") == "exact"
    out = []
    for j in judged:
        counted = [a for a in _picked(ctx, spec.select, ctx.of(j.id)) if a.counts_toward_quota]
        q, n = j.agency_quota, len(counted)
        if q is None or n == q or (n < q and not exact):
            continue
        if n > q:
            out.append(
                _v(
                    j,
                    f"{{j}} 计入限额机构 {n} 个，超出限额 {q} 个中的 {n - q} 个",
                    f"{{j}}: {n} counted agencies, {n - q} over the quota of {q}",
                    counted,
                )
            )
        else:
            out.append(
                _v(
                    j,
                    f"{{j}} 计入限额机构 {n} 个，少于限额 {q} 个",
                    f"{{j}}: {n} counted agencies, the quota is exactly {q}",
                    counted,
                )
            )
    return out


def _count_problem(params: Mapping[str, object]) -> str:
    given = [k for k in ("exactly", "at_most", "at_least") if params.get(k) is not None]
    if not given:
        return "give exactly, at_most or at_least"
    if "exactly" in given and len(given) > 1:
        return "exactly cannot be combined with at_most or at_least"
    lo, hi = params.get("at_least"), params.get("at_most")
    if isinstance(lo, int) and isinstance(hi, int) and lo > hi:
        return f"at_least ({lo}) is above at_most ({hi})"
    return ""


def count(ctx: RuleContext, judged: Sequence[Jurisdiction], spec: RuleSpec) -> list[Violation]:
    exactly, at_most, at_least = (_int(spec, k) for k in ("exactly", "at_most", "at_least"))
    zh, en = select_label(spec.select, "zh"), select_label(spec.select, "en")
    out = []
    for j in judged:
        found = _picked(ctx, spec.select, ctx.of(j.id))
        n = len(found)
        if exactly is not None and n != exactly:
            out.append(
                _v(
                    j,
                    f"{{j}} 有{zh} {n} 个（应为 {exactly} 个）",
                    f"{{j}} has {n} {en} (expected exactly {exactly})",
                    found,
                )
            )
        elif at_most is not None and n > at_most:
            out.append(_v(j, f"{{j}} 有{zh} {n} 个（上限 {at_most}）", f"{{j}} has {n} {en} (limit {at_most})", found))
        elif at_least is not None and n < at_least:
            out.append(
                _v(j, f"{{j}} 有{zh} {n} 个（至少 {at_least} 个）", f"{{j}} has {n} {en} (at least {at_least})", found)
            )
    return out


# ---- presence -------------------------------------------------------------------------------------------------------
PRESENCE_KINDS = ("present_only_in", "present_except")


def presence(
    ctx: RuleContext, judged: Sequence[Jurisdiction], spec: RuleSpec
) -> list[tuple[Jurisdiction, list[Agency], bool]]:
    """(jurisdiction, the selected agencies found there, whether the rule wants some there) for a presence rule.

    The check below and the Overview's matrix both read this, so they cannot disagree."""
    where = set(_texts(spec, "where"))
    inside = spec.kind == "present_only_in"
    return [(j, _picked(ctx, spec.select, ctx.of(j.id)), (j.id in where) is inside) for j in judged]


def _present_where(ctx: RuleContext, judged: Sequence[Jurisdiction], spec: RuleSpec) -> list[Violation]:
    """Selected agencies present where the rule wants them and absent elsewhere."""
    zh, en = select_label(spec.select, "zh"), select_label(spec.select, "en")
    out = []
    for j, found, should in presence(ctx, judged, spec):
        if should and not found:
            out.append(_v(j, f"{{j}} 应设置{zh}，但没有", f"{{j}} should have {en} but has none"))
        elif not should and found:
            out.append(
                _v(
                    j,
                    f"{{j}} 不在原文所列地区，却设置了{zh}",
                    f"{{j}} is not among the places the source names, yet has {en}",
                    found,
                )
            )
    return out


def present_only_in(ctx: RuleContext, judged: Sequence[Jurisdiction], spec: RuleSpec) -> list[Violation]:
    return _present_where(ctx, judged, spec)


def present_except(ctx: RuleContext, judged: Sequence[Jurisdiction], spec: RuleSpec) -> list[Violation]:
    return _present_where(ctx, judged, spec)


def _has_host(ctx: RuleContext, agency: Agency, mode: str) -> bool:
    return any(e.mode == mode and e.end in ctx.by_id for e in ctx.hosted.get(agency.id, ()))


def _groups(spec: RuleSpec) -> tuple[AgencySelect, ...]:
    groups = spec.param("groups")
    if isinstance(groups, tuple) and groups:
        return tuple(g for g in groups if isinstance(g, AgencySelect))
    return (AgencySelect(label_zh=spec.select.label_zh, label_en=spec.select.label_en),)


def _in_every(ctx: RuleContext, judged: Sequence[Jurisdiction], spec: RuleSpec, *, new: bool) -> list[Violation]:
    """Every group (each a select within the rule's select) has a body in every judged jurisdiction; with
    `hosted`, at least one body of each group has a HOSTED_BY of that mode (its office)."""
    hosted = spec.param("hosted")
    allow_merged = bool(spec.param("allow_merged", False))
    out = []
    for j in judged:
        bodies = _picked(ctx, spec.select, ctx.of(j.id))
        if new:
            bodies = [a for a in bodies if ctx.is_new(a, allow_merged=allow_merged)]
        missing, homeless = [], []
        for group in _groups(spec):
            matching = _picked(ctx, group, bodies)
            if not matching:
                missing.append(group)
            elif hosted and not any(_has_host(ctx, a, str(hosted)) for a in matching):
                homeless += matching
        if missing:
            what = "新设" if new else ""
            out.append(
                _v(
                    j,
                    f"{{j}} 缺少{what}：{'、'.join(select_label(g, 'zh') for g in missing)}",
                    f"{{j}} lacks{' new' if new else ''}: {', '.join(select_label(g, 'en') for g in missing)}",
                )
            )
        if homeless:
            out.append(
                _v(
                    j,
                    f"{{j}} 有机构未设办事机构（HOSTED_BY {hosted}）",
                    f"{{j}}: bodies without an office (HOSTED_BY {hosted})",
                    homeless,
                )
            )
    return out


def present_in_every(ctx: RuleContext, judged: Sequence[Jurisdiction], spec: RuleSpec) -> list[Violation]:
    return _in_every(ctx, judged, spec, new=False)


def new_in_every(ctx: RuleContext, judged: Sequence[Jurisdiction], spec: RuleSpec) -> list[Violation]:
    return _in_every(ctx, judged, spec, new=True)


# ---- names and lines ------------------------------------------------------------------------------------------------
def name_suffix_forbidden(ctx: RuleContext, judged: Sequence[Jurisdiction], spec: RuleSpec) -> list[Violation]:
    suffixes = _texts(spec, "suffixes")
    out = []
    for j in judged:
        for a in _picked(ctx, spec.select, ctx.of(j.id)):
            ending = next((s for s in suffixes if a.name_zh.endswith(s) or a.name_en.endswith(s)), None)
            if ending is not None:
                out.append(
                    _v(
                        j,
                        f"{a.name_zh or a.name_en} 名称以“{ending}”结尾",
                        f"{a.name_en or a.name_zh} has a name ending in {ending}",
                        [a],
                    )
                )
    return out


def dispatched_by(ctx: RuleContext, judged: Sequence[Jurisdiction], spec: RuleSpec) -> list[Violation]:
    """Each selected body is a dispatched office (REPORTS_TO mode dispatched) of a body `by` selects."""
    by = spec.param("by")
    assert isinstance(by, AgencySelect)
    required = bool(spec.param("required", True))
    zh, en = select_label(spec.select, "zh"), select_label(spec.select, "en")
    by_zh, by_en = select_label(by, "zh"), select_label(by, "en")
    out = []
    for j in judged:
        bodies = _picked(ctx, spec.select, ctx.of(j.id))
        if required and not bodies:
            out.append(_v(j, f"{{j}} 没有{zh}", f"{{j}} has no {en}"))
        for a in bodies:
            ok = any(
                e.mode == ReportMode.DISPATCHED.value
                and e.end in ctx.by_id
                and selects(by, ctx.by_id[e.end], ctx.level_of(ctx.by_id[e.end]))
                for e in ctx.reports.get(a.id, ())
            )
            if not ok:
                out.append(
                    _v(
                        j,
                        f"{a.name_zh or a.name_en} 不是{by_zh}的派出机构",
                        f"{a.name_en or a.name_zh} is not a dispatched office of {by_en}",
                        [a],
                    )
                )
    return out


def hosted_by(ctx: RuleContext, judged: Sequence[Jurisdiction], spec: RuleSpec) -> list[Violation]:
    """Each selected body has a HOSTED_BY edge of the mode to a body of the snapshot (e.g. its office)."""
    mode = str(spec.param("mode", HostMode.OFFICE_IN.value))
    return [
        _v(
            j,
            f"{a.name_zh or a.name_en} 没有办事机构（HOSTED_BY {mode}）",
            f"{a.name_en or a.name_zh} has no HOSTED_BY {mode}",
            [a],
        )
        for j in judged
        for a in _picked(ctx, spec.select, ctx.of(j.id))
        if not _has_host(ctx, a, mode)
    ]


_WHERE = Param("jurisdictions", "the jurisdiction ids the source names", required=True)
_HOST_MODES = tuple(m.value for m in HostMode)

#: The registry: kind id -> Kind. Adding a kind is a function above and one entry here (docs/data-format.md).
KINDS: dict[str, Kind] = {
    k.id: k
    for k in (
        Kind(
            "quota",
            "the selected agencies that count toward the quota, against each jurisdiction's agency_quota "
            "(jurisdictions without a quota are not judged)",
            quota,
            {"mode": Param("choice", "exact or at_most (default)", choices=("exact", "at_most"), default="at_most")},
            only_with_quota=True,
        ),
        Kind(
            "count",
            "the number of selected agencies per jurisdiction",
            count,
            {
                "exactly": Param("int", "exactly this many"),
                "at_most": Param("int", "no more than this"),
                "at_least": Param("int", "no fewer than this"),
            },
            validate=_count_problem,
        ),
        Kind(
            "present_only_in",
            "selected agencies present in the `where` jurisdictions and absent elsewhere",
            present_only_in,
            {"where": _WHERE},
        ),
        Kind(
            "present_except",
            "selected agencies present everywhere except the `where` jurisdictions (absent there)",
            present_except,
            {"where": _WHERE},
        ),
        Kind(
            "present_in_every",
            "each group (or the select) has a body in every judged jurisdiction",
            present_in_every,
            {
                "groups": Param("selects", "named alternatives within the select, each must be present"),
                "hosted": Param(
                    "choice", "a body of each group must have a HOSTED_BY of this mode", choices=_HOST_MODES
                ),
            },
        ),
        Kind(
            "new_in_every",
            "as present_in_every, but the body must be new: no structural BECAME predecessor",
            new_in_every,
            {
                "groups": Param("selects", "named alternatives within the select, each must be present and new"),
                "hosted": Param(
                    "choice", "a body of each group must have a HOSTED_BY of this mode", choices=_HOST_MODES
                ),
                "allow_merged": Param("bool", "a body formed by merging others counts as new", default=False),
            },
        ),
        Kind(
            "name_suffix_forbidden",
            "no selected agency's Chinese or English name ends in one of `suffixes`",
            name_suffix_forbidden,
            {"suffixes": Param("strings", "the forbidden endings", required=True)},
        ),
        Kind(
            "dispatched_by",
            "each selected body is a dispatched office (REPORTS_TO mode dispatched) of a body `by` selects",
            dispatched_by,
            {
                "by": Param("select", "the body it is dispatched by", required=True),
                "required": Param(
                    "bool", "each judged jurisdiction must have a selected body (default true)", default=True
                ),
            },
        ),
        Kind(
            "hosted_by",
            "each selected body has a HOSTED_BY edge of `mode` (default office_in) to a body of the snapshot",
            hosted_by,
            {"mode": Param("choice", "the HOSTED_BY mode", choices=_HOST_MODES, default="office_in")},
        ),
    )
}
