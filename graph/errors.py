"""The one exception tree of orgraph. Entry points (CLI, app pages) translate these; nothing else catches them.

OrgraphError
 +-- DatasetError        (.problems: every Problem found, with file, line, column)
 +-- NotFound            (an agency, jurisdiction, snapshot or query that does not exist)
 +-- BackendUnavailable  (names the URI it could not reach)
 +-- CypherError
 |    +-- CypherSyntaxError
 |    +-- CypherTimeout
 |    +-- WriteRefused
 |    +-- UnsupportedCypher (names the construct; points to the Neo4j backend)
 +-- ComparisonError     (e.g. two snapshots without lineage between them)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "BackendUnavailable",
    "ComparisonError",
    "CypherError",
    "CypherSyntaxError",
    "CypherTimeout",
    "DatasetError",
    "NotFound",
    "OrgraphError",
    "Problem",
    "UnsupportedCypher",
    "WriteRefused",
]


class OrgraphError(Exception):
    """Base of every error orgraph raises on purpose; its message tells the user what to do next."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in input data. line is 1-based counting the header as line 1; 0 means the whole file."""

    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}"
        if self.column:
            where += f" [{self.column}]"
        return f"{where}: {self.message}"


class DatasetError(OrgraphError):
    """A dataset failed validation; `problems` lists every problem found, not just the first."""

    def __init__(self, problems: list[Problem], *, dataset: str = "") -> None:
        self.problems = list(problems)
        self.dataset = dataset
        head = f"dataset {dataset!r} " if dataset else "dataset "
        lines = [f"{head}has {len(self.problems)} problem(s); nothing was loaded:"]
        lines += [f"  {p}" for p in self.problems]
        super().__init__("\n".join(lines))


class NotFound(OrgraphError):
    """Something the user named does not exist."""


class BackendUnavailable(OrgraphError):
    """A storage backend cannot be reached; the message names the URI and how to fall back."""

    def __init__(self, uri: str, reason: str = "") -> None:
        self.uri = uri
        msg = f"cannot reach the Neo4j server at {uri}"
        if reason:
            msg += f": {reason}"
        msg += (
            ". Check NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD, start it with `make neo4j-start`, or use --backend networkx."
        )
        super().__init__(msg)


class CypherError(OrgraphError):
    """A Cypher query could not be run."""


class CypherSyntaxError(CypherError):
    pass


class CypherTimeout(CypherError):
    pass


class WriteRefused(CypherError):
    """The query would write; ad-hoc Cypher is read-only on every backend."""


class UnsupportedCypher(CypherError):
    """The embedded engine does not support a construct; the message names it."""

    def __init__(self, construct: str, detail: str = "") -> None:
        self.construct = construct
        msg = f"the embedded Cypher engine does not support {construct}"
        if detail:
            msg += f" ({detail})"
        msg += "; it works on the Neo4j backend (--backend neo4j)."
        super().__init__(msg)


class ComparisonError(OrgraphError):
    """Two snapshots cannot be compared as asked."""
