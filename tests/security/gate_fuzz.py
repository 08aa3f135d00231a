"""A seeded generator of attempts to get a write, a file read or an admin command past the read-only gate, and of
harmless look-alikes that must still run. Used by tests/security/test_gate_fuzz.py.

Attacks put a refused clause (SET, CREATE, LOAD FROM, CALL, SHOW ...) where an engine would read it as a clause:
glued to a number, a name, a string, a backtick name or a parameter; behind comments, odd whitespace, `;`, UNION,
EXPLAIN; with its keyword in mixed case, fullwidth or lookalike letters, invisible characters or \\u escapes.
Every attack must be refused by the gate itself. Look-alikes put the same words where both engines read them as
data or names (strings, comments, backticks, properties, parameters): they may run, and must change nothing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

__all__ = ["ISSUE_TEXTS", "LEGIT_READS", "Case", "attacks", "lookalikes", "mutants"]

#: The texts of issue 10, verbatim (the LOAD FROM one with a complete option list).
ISSUE_TEXTS = (
    "MATCH (a:Agency) WITH a LIMIT 1SET a.name_zh = 'PWNED' RETURN a.id",
    "MATCH (a:Agency) WITH a LIMIT 1LOAD FROM '/etc/passwd' (header=false, delim=':') RETURN *",
    "MATCH (a:Agency) WITH a LIMIT 1CREATE (:GateProbe {v: 'PWNED'}) RETURN a.id",
    "MATCH (a:Agency) WITH a LIMIT 1MERGE (:GateProbe {v: 'PWNED'}) RETURN a.id",
    "MATCH (:Agency)-[r]->() WITH r LIMIT 5DELETE r",
    "MATCH (a:Agency) WITH a LIMIT 1CALL show_tables() RETURN *",
    "RETURN 1; RETURN 2",
    "SHOW SETTINGS",
    "SHOW TRANSACTIONS",
    "SHOW PROCEDURES",
)

#: Clauses that must never run; {marker} is a file only the test knows, {dir} a scratch folder.
PAYLOADS = (
    "SET a.name_zh = 'PWNED'",
    "SET a += {name_zh: 'PWNED'}",
    "CREATE (:GateProbe {v: 'PWNED'})",
    "MERGE (:GateProbe {v: 'PWNED'})",
    "DELETE a",
    "DETACH DELETE a",
    "REMOVE a.name_zh",
    "FOREACH (x IN [1] | CREATE (:GateProbe))",
    "LOAD FROM '{marker}' (header=false) RETURN *",
    "LOAD WITH HEADERS (line STRING) FROM '{marker}' RETURN *",
    "LOAD CSV FROM 'file://{marker}' AS row RETURN row",
    "LOAD FROM '/etc/passwd' (header=false, delim=':') RETURN *",
    "COPY GateProbe FROM '{marker}'",
    "COPY (MATCH (n) RETURN n.id) TO '{dir}/out.csv'",
    "CALL show_tables() RETURN *",
    "CALL current_setting('threads') RETURN *",
    "CALL threads = 1",
    "CALL db.labels()",
    "CALL dbms.listConfig()",
    "CALL { CREATE (:GateProbe) }",
    "INSTALL httpfs",
    "LOAD EXTENSION httpfs",
    "ATTACH '{marker}' AS x (dbtype duckdb)",
    "EXPORT DATABASE '{dir}'",
    "IMPORT DATABASE '{dir}'",
    "CHECKPOINT",
    "BEGIN TRANSACTION",
    "SHOW SETTINGS",
    "SHOW TRANSACTIONS",
    "SHOW PROCEDURES",
    "USE system",
    "TERMINATE TRANSACTIONS 'x'",
    "DROP TABLE Agency",
    "ALTER TABLE Agency ADD x INT64",
    "CREATE NODE TABLE GateProbe(id INT64, PRIMARY KEY(id))",
)

#: Text before the payload; the payload is glued to its last token.
PREFIXES = (
    "MATCH (a:Agency) WITH a LIMIT 1",
    "MATCH (a:Agency) WITH a SKIP 0",
    "MATCH (a:Agency) WITH a LIMIT 1.5e3",
    "MATCH (a:Agency) WITH a, 0x1F AS k",
    "MATCH (a:Agency) WITH a, .5 AS k",
    "MATCH (a:Agency) WITH a, $p AS k WITH a, k",
    "MATCH (a:Agency) WITH a LIMIT $1",
    "MATCH (a:Agency) WITH a, 'x' AS k WITH a, 'k'",
    "MATCH (a:Agency) WITH a AS `b` WITH `b` AS a, `a`",
    "MATCH (a:Agency) WITH a",
    "MATCH (a:Agency) WHERE a.id <> 'x'",
    "MATCH (a:Agency)",
    "RETURN 1;",
    "MATCH (a:Agency) RETURN a.id UNION",
    "MATCH (a:Agency) RETURN a.id UNION ALL",
    "OPTIONAL",
    "EXPLAIN",
    "PROFILE",
    "CYPHER 5",
    "",
)

GLUES = (
    "",
    " ",
    "\n",
    "\t",
    "/* x */",
    "/**/",
    "// c\n",
    "\u3000",
    "\u00a0",
    "\u2028",
    "\u180e",
    "\u200b",
    "\ufeff",
    "\r",
    "\r\n",
    " /* **/ ",
    " /***/ ",
    "\\u0020",
    "\\u000a",
)

SUFFIXES = ("", " RETURN a.id", " RETURN *", ";", "; RETURN 1", " //", " /* c */")

_LOOKALIKE = {"A": "Α", "C": "С", "E": "Е", "O": "О", "P": "Р", "T": "Т", "S": "Ѕ", "M": "М", "H": "Н", "I": "І"}


@dataclass(frozen=True)
class Case:
    text: str
    params: dict[str, object]
    how: str


def _keyword_form(keyword: str, rng: random.Random) -> tuple[str, str]:
    form = rng.choice(
        ["as-is", "lower", "mixed", "fullwidth", "lookalike", "zero-width", "soft-hyphen", "escape", "split"]
    )
    if form == "lower":
        return keyword.lower(), form
    if form == "mixed":
        return "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in keyword), form
    if form == "fullwidth":
        return "".join(chr(ord(c) + 0xFEE0) if c.isalpha() else c for c in keyword), form
    if form == "lookalike":
        return "".join(_LOOKALIKE.get(c, c) for c in keyword), form
    if form == "zero-width":
        return keyword[:1] + rng.choice(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]) + keyword[1:], form
    if form == "soft-hyphen":
        return keyword[:1] + "\u00ad" + keyword[1:], form
    if form == "split":  # `SE/**/T`, `SE``T`: two words to both engines, one to a careless guard
        return keyword[:2] + rng.choice(["/**/", "/* x */", "``", " "]) + keyword[2:], form
    if form == "escape":
        return f"\\u{ord(keyword[0]):04X}{keyword[1:]}", form
    return keyword, form


def attacks(count: int, *, seed: int, marker: str, scratch: str) -> list[Case]:
    """`count` distinct attack texts (plus the issue's texts verbatim), chosen by a seeded RNG."""
    rng = random.Random(seed)
    cases = {text: Case(text, {"p": 1}, "issue 10 text") for text in ISSUE_TEXTS}
    while len(cases) < count + len(ISSUE_TEXTS):
        payload = rng.choice(PAYLOADS).replace("{marker}", marker).replace("{dir}", scratch)
        keyword, rest = (payload.split(" ", 1) + [""])[:2]
        form_keyword, form = _keyword_form(keyword, rng)
        prefix, glue, suffix = rng.choice(PREFIXES), rng.choice(GLUES), rng.choice(SUFFIXES)
        text = f"{prefix}{glue}{form_keyword} {rest}".rstrip() + suffix
        how = f"prefix={prefix!r} glue={glue!r} keyword={form} suffix={suffix!r}"
        cases.setdefault(text, Case(text, {"p": 1, "1": 1}, how))
    return list(cases.values())


def lookalikes(*, marker: str, scratch: str) -> list[Case]:
    """Refused words where both engines read data or names; each may run and must change nothing."""
    cases: list[Case] = []
    for raw in PAYLOADS:
        payload = raw.replace("{marker}", marker).replace("{dir}", scratch)
        quoted = payload.replace("\\", "\\\\").replace("'", "\\'")
        cases += [
            Case(f"RETURN '{quoted}' AS s", {}, "in a single-quoted string"),
            Case(f"RETURN 'x\\\\' AS s, '{quoted}' AS t", {}, "after an escaped backslash"),
            Case(f"RETURN 'x\\' {quoted} //' AS s", {}, "after an escaped quote"),
            Case(f"RETURN 1 AS `{payload.replace('`', '``')}`", {}, "in a backtick name"),
            Case(f"RETURN 1 AS x // {payload}", {}, "in a line comment"),
            Case(f"RETURN 1 AS x /* {payload} */", {}, "in a block comment"),
            Case(
                "MATCH (a:Agency) WHERE a.id = $p RETURN count(*) AS n",
                {"p": payload},
                "as a parameter value",
            ),
            Case("RETURN $p AS p", {"p": f"1 {payload}"}, "as a returned parameter value"),
        ]
    for word in ("set", "create", "delete", "load", "call", "show", "merge", "remove", "copy", "use"):
        cases.append(Case(f"MATCH (a:Agency) RETURN a.{word} AS x LIMIT 1", {}, "as a property name"))
        cases.append(Case(f"MATCH (a:Agency) RETURN {{{word}: 1}} AS m LIMIT 1", {}, "as a map key"))
        cases.append(Case(f"MATCH (a:`{word.upper()}`) RETURN count(*) AS n", {}, "as a backticked label"))
    return cases


#: Reads that run on both backends over the mini dataset; mutants splice hostile fragments into them.
MUTANT_BASES = (
    "MATCH (a:Agency) WITH a LIMIT 1 RETURN a.id AS id",
    "MATCH (a:Agency) WHERE a.name_zh CONTAINS '局' RETURN a.id AS id ORDER BY id SKIP 1 LIMIT 2",
    "MATCH (a:Agency)-[r:REPORTS_TO]->(b:Agency) RETURN a.id AS x, r.mode AS m, b.id AS y",
    "UNWIND [1, 2, 3] AS x RETURN x AS y",
    "MATCH (a:Agency) RETURN a.category AS c, count(*) AS n",
    "MATCH (a:Agency {id: $p}) RETURN a.name_zh AS name",
)

#: Fragments spliced in at random places: pieces of clauses, quotes, comment marks, escapes, separators.
FRAGMENTS = (
    "SET a.name_zh = 'PWNED'",
    "SET",
    "CREATE (:GateProbe)",
    "MERGE (:GateProbe)",
    "DELETE a",
    "DETACH DELETE a",
    "LOAD FROM '{marker}' (header=false) RETURN *",
    "LOAD CSV FROM 'file://{marker}' AS row",
    "CALL show_tables() RETURN *",
    "CALL db.labels()",
    "SHOW SETTINGS",
    "RETURN 1",
    "'",
    '"',
    "`",
    "\\",
    "\\'",
    "\\u0027",
    "/*",
    "*/",
    "**/",
    "//",
    "\n",
    "\r",
    ";",
    "$",
    "$1",
    "1",
    "1.",
    ".5",
    "0x",
    "e3",
    "{",
    "}",
    ":",
    "|",
    "..",
    "\u200b",
    "\u3000",
    "\u180e",
    "\uff33\uff25\uff34",
)


def mutants(count: int, *, seed: int, marker: str) -> list[Case]:
    """`count` distinct texts made by splicing 1-3 random fragments into a read at random characters."""
    rng = random.Random(seed)
    cases: dict[str, Case] = {}
    while len(cases) < count:
        text = rng.choice(MUTANT_BASES)
        pieces = []
        for _ in range(rng.randint(1, 3)):
            raw = rng.choice(FRAGMENTS).replace("{marker}", marker)
            fragment = raw
            glue = rng.choice(["", " ", ""])
            at = rng.randint(0, len(text))
            text = text[:at] + glue + fragment + glue + text[at:]
            pieces.append(raw)
        cases.setdefault(text, Case(text, {"p": "m19-xh-gov", "1": 1}, f"mutant of {pieces}"))
    return list(cases.values())


#: Read forms that must pass the gate (Neo4j syntax; the embedded engine may still call some unsupported).
LEGIT_READS = (
    "MATCH (a:Agency) RETURN count(*) AS n",
    "MATCH (a:Agency) RETURN a.category AS category, count(*) AS n ORDER BY n DESC, category SKIP 1 LIMIT 3",
    "MATCH (a:Agency)-[r:REPORTS_TO]->(b) RETURN type(r) AS t, labels(b) AS l, collect(a.id)[0] AS first",
    "MATCH p = (a:Agency)-[:REPORTS_TO*1..3]->(b) RETURN nodes(p) AS ns, relationships(p) AS rs, length(p) AS n",
    "MATCH p = shortestPath((a:Agency {id: $id})-[:REPORTS_TO*]-(b:Agency)) RETURN p",
    "MATCH (a:Agency) OPTIONAL MATCH (a)-[:HOSTED_BY]->(h) RETURN a.id AS id, h.id AS host",
    "MATCH (a:Agency) WITH a.jurisdiction AS j, count(*) AS n WHERE n > 1 RETURN j, n",
    "UNWIND [1, 2, 3] AS x RETURN x * 2 AS y",
    "RETURN reduce(acc = 0, x IN [1, 2, 3] | acc + x) AS total",
    "RETURN [x IN range(1, 5) WHERE x % 2 = 0 | x * x] AS squares",
    "MATCH (a:Agency) RETURN a {.id, .name_zh} AS m LIMIT 2",
    "MATCH (a:Agency) WHERE EXISTS { MATCH (a)-[:REPORTS_TO]->() } RETURN COUNT { (a)-[:HAS_FUNCTION]->() } AS n",
    "MATCH (a:Agency) RETURN a.id AS id UNION ALL MATCH (j:Jurisdiction) RETURN j.id AS id",
    "MATCH (a:Agency) WHERE a.name_zh STARTS WITH '镶黄' OR a.name_en ENDS WITH 'Bureau' AND NOT a.id CONTAINS 'x' "
    "RETURN a.id",
    "MATCH (a:Agency) WHERE a.note IS NOT NULL OR a.note IS NULL XOR a.id =~ 'm.*' RETURN DISTINCT a.snapshot",
    "MATCH (a:Agency) RETURN CASE WHEN a.counts_toward_quota THEN 'yes' ELSE 'no' END AS q, size(a.name_zh) AS n",
    "MATCH (a:Agency) WHERE a.id IN $ids RETURN toLower(a.name_en) AS en, coalesce(a.note, '') AS note",
    "MATCH (a:Agency) WHERE any(x IN [1, 2] WHERE x > 1) AND all(y IN [1] WHERE y = 1) RETURN a.id",
    "MATCH (a:Agency) RETURN a.id AS a ORDER BY a",
    "MATCH (a:Agency) WITH a ORDER BY a.id LIMIT 3 RETURN a.id",
    "MATCH (n:Jurisdiction|Function) RETURN count(*) AS n;",
    "MATCH (a:Agency) RETURN a.set AS `set`, a.`create` AS c, {delete: 1, load: 2} AS m",
    "MATCH (a:Agency {name_zh: '应急管理局'}) // 中文注释\nRETURN a.id /* 注释 */",
    "MATCH (a:Agency)\r\nWHERE a.id = 'x'\r\nRETURN a.id",
    "RETURN 1e3 AS a, .5 AS b, 0x1F AS c, 0o17 AS d, 1_000 AS e, -1.5E-3 AS f, [1, 2][0..1] AS g",
    "RETURN 'it\\'s' AS a, \"say \\\"hi\\\"\" AS b, 'tab\\tnew\\nline\\\\' AS c",
    "MATCH (机构:Agency) RETURN 机构.id AS 编号",
    "MATCH (a:Agency)\u3000RETURN\u00a0a.id",
    "MATCH (a:Agency) WHERE a.id = $`agency id` RETURN a.id",
    "MATCH (a:Agency)-[:REPORTS_TO]->(b:Agency)<-[:REPORTS_TO]-(c) RETURN DISTINCT c.id ORDER BY c.id DESC",
)
