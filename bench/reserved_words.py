"""Derive the words LadybugDB reserves that Neo4j accepts as variable names (`RETURN a.id AS end`).

graph/embedded/reserved.py quotes such a name where the query defines it and wherever it refers to it, so the
embedded engine reads it as Neo4j does. Its list, RESERVED_ON_LADYBUG, is this derivation's output, written down
(52 words with LadybugDB and Neo4j 5.26 on 2026-12-05); tests/neo4j/test_cypher_reserved.py runs such names on both.

Candidates: every word Neo4j 5's grammar knows as a keyword (below), and every identifier-like string in
LadybugDB's library (its parser's keyword table is among them). A candidate is reserved on LadybugDB when
`WITH 1 AS word WHERE word = 1 RETURN word AS x ORDER BY word` does not give 1 there (in lower or upper case),
and accepted by Neo4j when it does there.
Run `python -m bench.reserved_words` (needs the Neo4j test server) to print the list.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

import ladybug

__all__ = ["NEO4J_KEYWORDS", "candidates", "derive", "ladybug_reserved", "neo4j_accepts"]

#: The keywords of Neo4j 5's Cypher grammar (its lexer's keyword tokens).
NEO4J_KEYWORDS = frozenset(
    """
    ACCESS ACTIVE ADMIN ADMINISTRATOR ALIAS ALIASES ALL ALLSHORTESTPATHS ALTER AND ANY ARRAY AS ASC ASCENDING ASSERT
    ASSIGN AT AUTH BINDINGS BOOL BOOLEAN BOOSTED BOTH BREAK BRIEF BTREE BUILT BY CALL CASCADE CASE CHANGE CIDR COLLECT
    COMMAND COMMANDS COMMIT COMPOSITE CONCURRENT CONSTRAINT CONSTRAINTS CONTAINS CONTINUE COPY COUNT CREATE CSV
    CURRENT DATA DATABASE DATABASES DATE DATETIME DBMS DEALLOCATE DEFAULT DEFINED DELETE DENY DESC DESCENDING DESTROY
    DETACH DIFFERENT DISTINCT DRIVER DROP DRYRUN DUMP DURATION EACH EDGE ELEMENT ELEMENTS ELSE ENABLE ENCRYPTED END
    ENDS ERROR EXECUTABLE EXECUTE EXIST EXISTENCE EXISTS FAIL FALSE FIELDTERMINATOR FINISH FLOAT FOR FOREACH FROM
    FULLTEXT FUNCTION FUNCTIONS GRANT GRAPH GRAPHS GROUP GROUPS HEADERS HOME ID IF IMMUTABLE IMPERSONATE IN INDEX
    INDEXES INF INFINITY INSERT INT INTEGER IS JOIN KEY LABEL LABELS LEADING LIMIT LIST LOAD LOCAL LOOKUP MANAGEMENT
    MAP MATCH MERGE NAME NAMES NAN NEW NODE NODES NODETACH NONE NORMALIZE NOT NOTHING NOWAIT NULL OF OFFSET ON ONLY
    OPTION OPTIONAL OPTIONS OR ORDER OUTPUT PASSWORD PASSWORDS PATH PATHS PERIODIC PLAINTEXT POINT POPULATED
    PRIMARIES PRIMARY PRIVILEGE PRIVILEGES PROCEDURE PROCEDURES PROPERTIES PROPERTY PROVIDER PROVIDERS RANGE READ
    REALLOCATE REDUCE REL RELATIONSHIP RELATIONSHIPS REMOVE RENAME REPEATABLE REPLACE REPORT REQUIRE REQUIRED RESTRICT
    RETURN REVOKE ROLE ROLES ROW ROWS SCAN SEC SECOND SECONDARY SECONDS SEEK SERVER SERVERS SET SETTING SETTINGS
    SHORTEST SHORTESTPATH SHOW SIGNED SINGLE SKIP START STARTS STATUS STOP STRING SUPPORTED SUSPENDED TARGET TERMINATE
    TEXT THEN TIME TIMESTAMP TIMEZONE TO TOPOLOGY TRAILING TRANSACTION TRANSACTIONS TRAVERSE TRIM TRUE TYPE TYPED
    TYPES UNION UNIQUE UNIQUENESS UNWIND URL USE USER USERS USING VALUE VARCHAR VECTOR VERTEX WAIT WHEN WHERE WITH
    WITHOUT WRITE XOR YIELD ZONE ZONED
    """.split()
)


def _library_words() -> set[str]:
    """Identifier-like strings in LadybugDB's shared library, upper-cased (its parser's keywords among them)."""
    folder = Path(ladybug.__file__).parent
    words: set[str] = set()
    for library in folder.glob("_lbug*.so"):
        out = subprocess.run(["strings", "-n", "2", str(library)], capture_output=True, text=True, check=True).stdout
        words.update(s.upper() for s in out.split("\n") if re.fullmatch(r"[A-Za-z_][A-Za-z_0-9]{1,24}", s))
    return words


def candidates() -> set[str]:
    return set(NEO4J_KEYWORDS) | _library_words()


def ladybug_reserved(words: set[str]) -> set[str]:
    """The words LadybugDB does not read as a variable where it is defined or used (unquoted, in either case)."""
    connection = ladybug.Connection(ladybug.Database(":memory:"))
    reserved = set()
    for word in sorted(words):
        for spelling in (word.lower(), word):
            try:
                result = connection.execute(_PROBE.format(w=spelling))
                rows = [result.get_next() for _ in iter(result.has_next, False)]  # type: ignore[union-attr]
            except RuntimeError:
                rows = []
            if rows != [[1]]:
                reserved.add(word)
                break
    return reserved


#: A variable defined, filtered on, returned and ordered by: where a name is used in a read query.
_PROBE = "WITH 1 AS {w} WHERE {w} = 1 RETURN {w} AS x ORDER BY {w}"


def neo4j_accepts(session: Any, word: str) -> bool:
    """Does Neo4j read `word` as a variable, where it is defined and where it is used (in any case)?"""
    for spelling in (word.lower(), word):
        try:
            rows = session.run(_PROBE.format(w=spelling)).data()
        except Exception:  # noqa: BLE001 - any refusal means no
            return False
        if rows != [{"x": 1}]:
            return False
    return True


def derive(session: Any) -> list[str]:
    """The LadybugDB-reserved words Neo4j accepts as variable names, sorted."""
    return sorted(w for w in ladybug_reserved(candidates()) if neo4j_accepts(session, w))


if __name__ == "__main__":
    from neo4j import GraphDatabase

    auth = (os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "orgraph-test"))
    with GraphDatabase.driver(os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"), auth=auth) as driver:
        with driver.session() as session:
            words = derive(session)
    print(len(words), " ".join(words))
