"""Settings come from the environment without leaking secrets; the named-query registry parses its headers."""

from __future__ import annotations

import re

import pytest
from paths import MINI, ROOT

from graph.errors import InvalidRequest
from queries import DATASET_DEFAULTS, all_queries, parse_query
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
    assert q.params == ["snapshot", "n"] and q.required == []
    assert q.text.startswith("MATCH") and "//" not in q.text


DEMO = (
    "// params: snapshot=@last_snapshot, first=@first_snapshot, level=@bottom_level, j=, agency_id\n"
    "MATCH (a:Agency) WHERE a.dataset = $dataset AND a.id = $agency_id AND a.snapshot IN [$snapshot, $first]\n"
    "AND ($j = '' OR a.jurisdiction = $j) AND $level <> '' AND a.type = $type RETURN a.id AS id\n"
)


def test_a_header_names_dataset_defaults_and_required_parameters(mini_dataset):
    q = parse_query("demo", DEMO)
    assert q.params == ["agency_id", "snapshot", "first", "j", "level", "type"]
    assert q.required == ["agency_id", "type"]  # `agency_id` alone in the header; `$type` not in it at all
    bound = q.bind(mini_dataset)
    first, *_, last = mini_dataset.snapshot_ids()
    assert bound.defaults == {"snapshot": last, "first": first, "level": mini_dataset.bottom_level(), "j": ""}
    assert q.defaults["snapshot"] == "@last_snapshot"  # binding makes a copy
    assert bound.missing({"agency_id": "", "type": "x"}) == ["agency_id"]  # empty is missing, as the app sends it
    with pytest.raises(InvalidRequest, match=r"\$agency_id, \$type"):
        bound.check_params(bound.defaults)
    with pytest.raises(ValueError, match="@latest"):
        parse_query("bad", "// params: snapshot=@latest\nRETURN $snapshot AS s\n")


def _ids_of_every_dataset() -> set[str]:
    from loaders import load_dataset

    found: set[str] = set()
    for folder in [*sorted((ROOT / "data").iterdir()), *sorted((ROOT / "tests" / "data").iterdir())]:
        if (folder / "manifest.toml").exists():
            ds = load_dataset(folder)
            found |= {ds.id, *ds.snapshot_ids(), *(j.id for j in ds.jurisdictions), *(a.id for a in ds.agencies)}
    return found


def test_every_parameter_has_a_default_that_fits_any_dataset_or_is_required():
    """A fixed default naming a dataset's snapshot, jurisdiction or agency would answer nothing elsewhere."""
    ids = _ids_of_every_dataset()
    for q in all_queries():
        for name, value in q.defaults.items():
            assert value in DATASET_DEFAULTS or value not in ids, f"{q.name}: ${name}={value} names a dataset's id"
        assert set(q.params) == set(q.defaults) | set(q.required), q.name


@pytest.mark.parametrize("dataset", [MINI, ROOT / "data" / "state-council"], ids=["mini", "state-council"])
def test_a_missing_required_parameter_is_bad_input_naming_it(dataset, capsys):
    import cli

    required = [q for q in all_queries() if q.required]
    assert {"lineage_of_agency", "reporting_chain"} <= {q.name for q in required}
    for q in required:
        assert cli.main(["query", "--named", q.name, "--dataset", str(dataset)]) == 2
        err = capsys.readouterr().err
        assert all(f"${p}" in err for p in q.required), err
        assert "Traceback" not in err


def test_every_named_query_is_documented_and_titled():
    doc = (ROOT / "docs" / "cypher.md").read_text(encoding="utf-8")
    queries = all_queries()
    assert queries, "queries/ has no .cypher files"
    for q in queries:
        assert q.title and q.description, f"{q.name}.cypher needs // title: and // description:"
        assert q.title_zh and q.description_zh, f"{q.name}.cypher needs // title_zh: and // description_zh:"
        assert q.title_in("zh") == q.title_zh and q.title_in("en") == q.title
        assert re.search(rf"\b{re.escape(q.name)}\b", doc), f"docs/cypher.md does not mention {q.name}"
        for p in q.required:  # a required parameter is one the header lists without a default
            assert re.search(rf"//\s*params:.*\b{p}\b(?!\s*=)", q.path.read_text(encoding="utf-8")), (
                f"{q.name}: ${p} has no default; list it in // params: without one to make it required"
            )
