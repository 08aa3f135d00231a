"""Settings come from the environment without leaking secrets; the named-query registry parses its headers."""

from __future__ import annotations

import re

from paths import ROOT

from queries import all_queries, parse_query
from settings import Settings


def test_settings_read_env_and_hide_password():
    s = Settings.from_env({"NEO4J_URI": "bolt://h:1", "NEO4J_PASSWORD": "s3cret", "ORGRAPH_CYPHER_ROW_CAP": "7"})
    assert s.neo4j_uri == "bolt://h:1" and s.cypher_row_cap == 7
    assert s.effective_backend == "neo4j"
    assert "s3cret" not in repr(s)


def test_settings_fall_back_to_streamlit_secrets():
    s = Settings.from_env({}, secrets={"NEO4J_URI": "bolt://x:2", "NEO4J_PASSWORD": "p"})
    assert s.neo4j_uri == "bolt://x:2" and s.neo4j_password == "p"
    assert Settings.from_env({}).effective_backend == "networkx"


def test_parse_query_header_and_params():
    q = parse_query(
        "demo",
        "// title: Demo\n// description: Says hi.\n// params: snapshot=2019, n=3\n"
        "MATCH (a:Agency {snapshot: $snapshot}) WHERE a.dataset = $dataset RETURN a LIMIT $n\n",
    )
    assert (q.title, q.description) == ("Demo", "Says hi.")
    assert q.defaults == {"snapshot": "2019", "n": "3"}
    assert q.params == ["snapshot", "n"]
    assert q.text.startswith("MATCH") and "//" not in q.text


def test_every_named_query_is_documented_and_titled():
    doc = (ROOT / "docs" / "cypher.md").read_text(encoding="utf-8")
    queries = all_queries()
    assert queries, "queries/ has no .cypher files"
    for q in queries:
        assert q.title and q.description, f"{q.name}.cypher needs // title: and // description:"
        assert q.title_zh and q.description_zh, f"{q.name}.cypher needs // title_zh: and // description_zh:"
        assert q.title_in("zh") == q.title_zh and q.title_in("en") == q.title
        assert re.search(rf"\b{re.escape(q.name)}\b", doc), f"docs/cypher.md does not mention {q.name}"
        for p in q.params:
            assert p in q.defaults, f"{q.name}: parameter ${p} has no default in // params:"
