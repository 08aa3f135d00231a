"""Export tests: every format (diagrams, HTML, GraphML, GEXF, JSON, CSV, Cypher) from both backends and the CLI,
on a small graph built in builders.py."""
