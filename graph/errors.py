"""The one exception tree of orgraph. Entry points (CLI, app pages) translate these; nothing else catches them.

OrgraphError
 +-- DatasetError        (.problems: every Problem found, with file, line, column)
 +-- NotFound            (an agency, jurisdiction, snapshot or query that does not exist)
 +-- InvalidRequest      (an argument or setting out of bounds; names it; the CLI exits 2)
 +-- BackendUnavailable  (names the URI it could not reach, with any password masked)
 +-- CypherError
 |    +-- CypherSyntaxError
 |    +-- CypherTimeout
 |    +-- WriteRefused
 |    +-- UnsupportedCypher (names the construct; points to the Neo4j backend)
 +-- ComparisonError     (e.g. two snapshots without lineage between them)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "BackendUnavailable",
    "ComparisonError",
    "CypherError",
    "CypherSyntaxError",
    "CypherTimeout",
    "DatasetError",
    "InvalidRequest",
    "NotFound",
    "OrgraphError",
    "Problem",
    "UnsupportedCypher",
    "WriteRefused",
    "mask_uri",
]

# scheme://user:password@host -> the password part (up to the last @ before the host)
_USERINFO = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]*:)(?P<password>[^\s]*)@")


def mask_uri(text: str) -> str:
    """Every `scheme://user:password@host` in `text` with the password shown as ***, so a URI can be printed.

    >>> mask_uri("bolt://neo4j:s3cret@db.example:7687")
    'bolt://neo4j:***@db.example:7687'
    >>> mask_uri("bolt://127.0.0.1:7687")
    'bolt://127.0.0.1:7687'
    """
    return _USERINFO.sub(lambda m: m["head"] + "***@", text)


def scrub(text: str, secrets: Iterable[str]) -> str:
    """`text` with URI passwords masked and every non-empty secret replaced by ***."""
    text = mask_uri(text)
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


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


class InvalidRequest(OrgraphError):
    """An argument or setting is malformed or out of bounds (e.g. a negative time limit); the message names it."""


class BackendUnavailable(OrgraphError):
    """A storage backend cannot be reached; the message names the URI (password masked) and how to fall back.

    `secrets` (e.g. the configured password) are masked in `reason` too: driver messages may echo them.
    """

    def __init__(self, uri: str, reason: str = "", *, secrets: Iterable[str] = ()) -> None:
        secrets = tuple(secrets)
        self.uri = scrub(uri, secrets)
        msg = f"cannot reach the Neo4j server at {self.uri}"
        if reason:
            msg += f": {scrub(reason, secrets)}"
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
        msg += "; the Neo4j backend runs it."
        super().__init__(msg)


class ComparisonError(OrgraphError):
    """Two snapshots cannot be compared as asked."""
