"""Cross-file checks: ids unique and known, edges between the right snapshots, no REPORTS_TO cycles.

Each check is one pass with dict/set lookups (O(n) overall), so a dataset of 100k agencies is checked in
well under a second. A reference into a file that could not be read is not checked: it would only
repeat that file's problem many times over.
"""

from __future__ import annotations

from graph.errors import Problem

from .edge_checks import check_edges
from .node_checks import check_agencies, check_events, check_functions, check_jurisdictions
from .parsed import AGENCIES, EDGES, FUNCTIONS, JURISDICTIONS, Parsed

__all__ = ["AGENCIES", "EDGES", "FUNCTIONS", "JURISDICTIONS", "Parsed", "cross_check"]


def cross_check(parsed: Parsed, problems: list[Problem]) -> None:
    """Append every cross-file problem of `parsed` to `problems`."""
    jurisdictions = check_jurisdictions(parsed, problems)
    snapshot_of = check_agencies(parsed, jurisdictions, problems)
    functions = check_functions(parsed, problems)
    check_events(parsed, problems)
    check_edges(parsed, snapshot_of, functions, problems)
