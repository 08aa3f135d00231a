"""`history`: an agency's whole life across every snapshot (service.history, usecases/history.py), as text or JSON."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from cli_commands.common import EXIT_OK, Command, Parsers, open_service
from usecases.history import AgencyHistory, AgencyRef, HistoryLink, Stage

__all__ = ["COMMANDS", "add_parsers", "history_text", "history_to_dict"]

STRUCTURAL_CHANGES = ("continued", "renamed", "merged", "split")


def _both(zh: str, en: str) -> str:
    return f"{zh} / {en}" if zh and en and zh != en else zh or en


def _ref(agency: AgencyRef) -> str:
    return f"{agency.name()} [{agency.id}]"


def _link(link: HistoryLink, arrow: str) -> str:
    """`merged ← 甲 [id] (2017)`, or `transferred religious_affairs (宗教事务) → 乙 [id] (2019)`."""
    what = link.change
    if link.function:
        what += f" {link.function}" + (
            f" ({link.function_zh or link.function_en})" if link.function_zh or link.function_en else ""
        )
    return f"{what} {arrow} {_ref(link.other)} ({link.other.snapshot})"


def _stage_lines(stage: Stage, *, established: bool = False) -> list[str]:
    a = stage.agency
    head = " · ".join(x for x in (stage.snapshot, stage.date, stage.label_zh or stage.label_en) if x)
    out = [f"{head}{'   ' + stage.step if stage.step else ''}", f"  {a.id}  {_both(a.name_zh, a.name_en)}"]
    out.append(f"  {'in':<12}" + " ‹ ".join(f"{p.name_zh or p.name_en or p.id}" for p in stage.places))
    reports = [line for line in stage.lines if line.rel == "REPORTS_TO"]
    for i, line in enumerate(reports):
        out.append(f"  {'parent' if i == 0 else 'reports to':<12}{_ref(line.target)} ({line.mode})")
    for line in stage.lines:
        if line.rel == "HOSTED_BY":
            out.append(f"  {'hosted by':<12}{_ref(line.target)} ({line.mode})")
    if stage.functions:
        out.append(f"  {'functions':<12}{', '.join(stage.functions)}")
    out += [f"  {'from':<12}{_link(link, '←')}" for link in stage.predecessors]
    if established:
        out.append(f"  {'from':<12}established (no body before it)")
    out += [f"  {'to':<12}{_link(link, '→')}" for link in stage.successors]
    return out


def history_text(history: AgencyHistory) -> str:
    """The life as lines of text: the names, then one block per snapshot (a dash where the body does not exist)."""
    names = "; ".join(
        f"{_both(n.name_zh, n.name_en)} ({n.first}{'–' + n.last if n.last != n.first else ''})" for n in history.names
    )
    by_snapshot = {s.snapshot: s for s in history.stages}
    first, last = history.stages[0], history.stages[-1]
    asked = next(s.agency for s in history.stages if s.agency.id == history.agency)
    out = [
        f"history of {asked.name()} [{asked.id}], dataset {history.dataset}: "
        f"{len(history.stages)} of {len(history.snapshots)} snapshots",
        f"names: {names}",
    ]
    ended = False
    for snapshot in history.snapshots:
        stage = by_snapshot.get(snapshot)
        out.append("")
        if stage is not None:
            born = stage is first and snapshot != history.snapshots[0]
            out += _stage_lines(stage, established=born and not _structural(stage.predecessors))
        elif history.snapshots.index(snapshot) < history.snapshots.index(first.snapshot):
            out.append(f"{snapshot}   — not yet")
        else:
            out.append(f"{snapshot}   — {'' if ended else _ending(last)}".rstrip())
            ended = True
    return "\n".join(out)


def _structural(links: tuple[HistoryLink, ...]) -> list[HistoryLink]:
    return [link for link in links if link.change in STRUCTURAL_CHANGES]


def _ending(last: Stage) -> str:
    ends = _structural(last.successors)
    if not ends:
        return f"no longer (abolished after {last.snapshot})"
    return "no longer on its own: " + "; ".join(f"{link.change} into {_ref(link.other)}" for link in ends)


def history_to_dict(history: AgencyHistory) -> dict[str, object]:
    return {**asdict(history), "names": [asdict(n) for n in history.names]}


def cmd_history(args: argparse.Namespace) -> int:
    service = open_service(args)
    try:
        history = service.history(args.agency)
        if args.format == "json":
            print(json.dumps(history_to_dict(history), ensure_ascii=False, indent=2))
        else:
            print(history_text(history))
        return EXIT_OK
    finally:
        service.close()


COMMANDS: dict[str, Command] = {"history": cmd_history}


def add_parsers(parsers: Parsers) -> None:
    p = parsers.add(
        "history",
        "An agency's whole life across every snapshot: its names, places, parent and reporting lines at each date, "
        "and the bodies it came from or went into (merged, split, renamed, duties transferred).",
        formats=("text", "json"),
    )
    p.add_argument("agency", metavar="AGENCY", help="an agency id, or a Chinese or English name (or part of one)")
