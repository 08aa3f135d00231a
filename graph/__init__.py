"""The core of orgraph: the pure domain model (model/, a package by concept), the storage protocol (store.py), the
error tree (errors.py), the one Cypher gate in front of both backends (cypher_gate.py), the layout (layout.py), the org
chart's structure that the app and the diagrams both draw (orgchart.py) and a view narrowed by category and reporting
mode (filters.py: the Explorer's filters and the export of that view).

Sub-packages, one concept each, import the core and never each other's internals:
`embedded/` (the networkx store and the embedded Cypher engine), `neo4j/` (the Neo4j store, loader and Cypher),
`diff/` (comparing snapshots) and `rules/` (the reform's own rules as checks). The core imports none of them.
"""
