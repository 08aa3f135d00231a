"""LadybugDB's error messages as orgraph errors a user can act on: a refusal that names the construct
(UnsupportedCypher), a syntax or type error with what to write instead, a timeout, or a full buffer pool."""

from __future__ import annotations

import re
from collections.abc import Mapping

from graph.errors import CypherError, CypherSyntaxError, CypherTimeout, UnsupportedCypher

__all__ = ["PoolFull", "translate"]


class PoolFull(CypherError):
    """LadybugDB's buffer pool is full: retried once on a new connection, then shown as is."""


_FUNCTION_MISSING = re.compile(r"function (\w+) does not exist", re.IGNORECASE)
_NO_PROPERTY = re.compile(r"Cannot find property (\w+) for (\w+)")
_NO_OVERLOAD = re.compile(
    r"(?:for given function|Function) (\S+?)(?:\(| did not receive correct arguments:\s*Actual:\s*\()([^)]*)\)"
)
_NO_TABLE = re.compile(r"Table (\w+) does not exist")


def translate(message: str, timeout_s: float, spelled: Mapping[str, str], max_hops: int) -> CypherError:
    """The orgraph error for a LadybugDB message: what was refused or went wrong, and what to do."""
    if message.strip().startswith("Interrupted"):
        return CypherTimeout(
            f"the query ran longer than its {timeout_s:g} s time limit and was stopped; "
            "narrow it (anchor a node, bound the path length) or raise the limit"
        )
    if match := _FUNCTION_MISSING.search(message):
        name = match.group(1).lower()
        return UnsupportedCypher(f"the function {spelled.get(name, name)}()")
    if "ORDER BY must be followed by SKIP or LIMIT" in message:
        return UnsupportedCypher("WITH … ORDER BY without SKIP or LIMIT", "order the final RETURN instead")
    if ("Cast failed" in message or "Implicit cast is not supported" in message) and "[]" in spelled.get("[]", ""):
        return UnsupportedCypher(
            "an empty list here (LadybugDB takes [] for a list of numbers)", "leave the condition out when it is empty"
        )
    if "Cast failed" in message or "Implicit cast is not supported" in message:
        return CypherSyntaxError(
            "a value has the wrong type here ("
            + message.split(": ", 1)[-1].strip()
            + "); compare text with text (quote it: '100001') and numbers with numbers"
        )
    if "buffer pool is full" in message:
        return PoolFull(
            "the query needs more memory than the embedded engine has; narrow it (anchor a node, bound the "
            "path length, return fewer columns) or use the Neo4j backend"
        )
    if refusal := _type_refusal(message):
        return refusal
    if "exceeds maximum" in message:
        return UnsupportedCypher(f"a variable-length path bound above {max_hops} hops")
    if match := _NO_PROPERTY.search(message):
        return CypherSyntaxError(
            f"no property {match.group(1)!r} on {match.group(2)} in this graph (see docs/schema.md)"
        )
    if match := _NO_TABLE.search(message):
        return CypherSyntaxError(f"no label or relationship type {match.group(1)!r} in this graph (see docs/schema.md)")
    if "Parser exception" in message:
        return CypherSyntaxError(
            "the embedded engine cannot parse this query: "
            + message.replace("Parser exception: ", "")
            + "\nIf it runs on Neo4j, it uses syntax outside the embedded subset (docs/cypher.md); "
            "the Neo4j backend runs it."
        )
    return CypherError(f"the embedded engine refused the query: {message}")


def _type_refusal(message: str) -> UnsupportedCypher | None:
    """LadybugDB's binder and runtime errors for what Neo4j types or evaluates otherwise, as a clear refusal."""
    if match := _NO_OVERLOAD.search(message):
        return UnsupportedCypher(
            f"{match.group(1)} on ({match.group(2)})",
            "LadybugDB types it differently; add parentheses, or convert with toString()/toInteger()",
        )
    if "Type Mismatch" in message:
        return UnsupportedCypher(
            "a comparison of values LadybugDB types differently (" + message.split(":", 1)[-1].strip()[:80] + ")",
            "an operator precedence LadybugDB reads differently: add parentheses",
        )
    if "with ANY type" in message or "UNREACHABLE_CODE" in message or "should not be modified" in message:
        return UnsupportedCypher(
            "an empty list parameter or literal here (LadybugDB cannot tell its element type)",
            "leave the condition out when the list is empty",
        )
    if "Cannot evaluate expression with type VARIABLE" in message:
        return UnsupportedCypher("EXISTS { … } or a pattern in RETURN/WITH expressions", "use it in WHERE")
    if "is out of range" in message:
        return UnsupportedCypher("a position outside a list of nodes, relationships or lists", "check size() first")
    return None
