"""Step 3 of the diff: one pass over every lineage pair (before agency -> after agency) that classifies the 1 -> 1
pairs (continued, renamed) and finds what changed on any pair (reporting and hosting lines, category, the
jurisdiction that runs it).

One pass, in the order of the before agencies (sorted by id) and then of their successors' ids, so that every list
comes out sorted without a sort; on the common pair (one line each way, kept) it does a few dict lookups."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from graph.diff.lineage import Lineage
from graph.diff.lines import LineIndex, Lines, changed_lines, first_place, links
from graph.diff.model import CategoryChange, HostingChange, Merge, Move, Pair, ReportingChange, Split, Transfer
from graph.model import Agency, Category, Change

__all__ = ["DiffParts", "PairChanges", "Tallies", "Tally", "compare_lines", "compare_pairs"]


Tally = Counter[tuple[str, Category | None]]  # (jurisdiction, category) -> agencies; category None: quota ones
Tallies = tuple[Tally, Tally]  # before, after


@dataclass(slots=True)
class DiffParts:
    """What either way of diffing finds (object at a time, or over columns), for compare.py to assemble."""

    established: list[Agency]
    abolished: list[Agency]
    merged: list[Merge]
    split: list[Split]
    transferred: list[Transfer]  # in any order
    pairs: PairChanges
    tallies: Tallies
    has_lineage: bool  # any BECAME edge from before into after


@dataclass(slots=True)
class PairChanges:
    continued: list[Pair] = field(default_factory=list)
    renamed: list[Pair] = field(default_factory=list)
    reporting: list[ReportingChange] = field(default_factory=list)
    hosting: list[HostingChange] = field(default_factory=list)
    categories: list[CategoryChange] = field(default_factory=list)
    moved: list[Move] = field(default_factory=list)


def compare_pairs(
    before: Sequence[Agency],
    lineage: Lineage,
    agencies: tuple[dict[str, Agency], dict[str, Agency]],
    wanted: Collection[str] | None,
    lines: tuple[Lines, Lines, Lines, Lines],
) -> PairChanges:
    """Every pair in scope (either side in `wanted`; None: all), classified and compared."""
    b_by_id, a_by_id = agencies
    succ, pred, change_of = lineage.succ, lineage.pred, lineage.first_change
    split_labelled, merge_labelled = lineage.labelled_split, lineage.labelled_merged
    b_reports, b_hosts, a_reports, a_hosts = lines
    out = PairChanges()
    continued, categories = out.continued, out.categories
    kept_as, same = Change.CONTINUED, Change.CONTINUED
    for b in before:
        bid = b.id
        targets = succ.get(bid)
        if targets is None:
            continue
        one_to_one = len(targets) == 1 and bid not in split_labelled
        for aid in targets if len(targets) == 1 else sorted(targets):
            a = a_by_id[aid]
            if wanted is not None and b.jurisdiction not in wanted and a.jurisdiction not in wanted:
                continue
            if one_to_one and len(pred[aid]) == 1 and aid not in merge_labelled:
                change = change_of[bid]
                if change is same:
                    continued.append(Pair(b, a, kept_as))
                else:
                    _classify(out, b, a, change)
            old, new = b_reports.get(bid), a_reports.get(aid)
            if (  # the common pair: one reporting line each, kept, no hosting line, same category and place
                old is not None
                and new is not None
                and len(old) == 1
                and len(new) == 1
                and old[0].mode == new[0].mode
                and new[0].end in succ.get(old[0].end, ())
                and bid not in b_hosts
                and aid not in a_hosts
                and b.jurisdiction == a.jurisdiction
                and b_by_id[old[0].end].jurisdiction == a_by_id[new[0].end].jurisdiction
            ):
                if b.category is not a.category:
                    categories.append(CategoryChange(b, a))
                continue
            if b.category is not a.category:
                categories.append(CategoryChange(b, a))
            compare_lines(out, b, a, succ, agencies, lines)
    return out


def _classify(out: PairChanges, b: Agency, a: Agency, change: Change) -> None:
    """A 1 -> 1 pair: renamed when the edge says so and a name changed; else continued (a "rename" that keeps
    both names continues)."""
    if change is Change.RENAMED and (b.name_zh != a.name_zh or b.name_en != a.name_en):
        out.renamed.append(Pair(b, a, change))
    elif change is Change.CONTINUED or change is Change.RENAMED:
        out.continued.append(Pair(b, a, Change.CONTINUED))


def compare_lines(
    out: PairChanges,
    b: Agency,
    a: Agency,
    succ: Mapping[str, Sequence[str]],
    agencies: tuple[Mapping[str, Agency], Mapping[str, Agency]],
    lines: tuple[LineIndex, LineIndex, LineIndex, LineIndex],
) -> None:
    """Reporting and hosting lines, and the running jurisdiction of one pair (not the category: the caller
    compares that on every pair)."""
    b_by_id, a_by_id = agencies
    b_reports, b_hosts, a_reports, a_hosts = lines
    old, new = b_reports.get(b.id), a_reports.get(a.id)
    if old or new:
        removed, added = changed_lines(old or [], new or [], succ)
        if removed or added:
            out.reporting.append(ReportingChange(b, a, links(removed, b_by_id), links(added, a_by_id)))
    old_hosts, new_hosts = b_hosts.get(b.id), a_hosts.get(a.id)
    if old_hosts or new_hosts:
        removed, added = changed_lines(old_hosts or [], new_hosts or [], succ)
        if removed or added:
            out.hosting.append(HostingChange(b, a, links(removed, b_by_id), links(added, a_by_id)))
    old_place, _ = first_place(old, b_by_id, b)
    new_place, manager = first_place(new, a_by_id, a)
    if b.jurisdiction != a.jurisdiction or old_place != new_place:
        shown = manager if manager is not None and new_place != a.jurisdiction else None
        out.moved.append(Move(b, a, old_place, new_place, shown))
