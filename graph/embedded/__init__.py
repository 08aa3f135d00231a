"""The embedded backend: a networkx store (store.py) and the embedded Cypher engine over it (engine.py: a
LadybugDB mirror built by mirror.py, Neo4j dialect rewritten by dialect.py, the supported subset in subset.py).

May import the core of `graph` (model, store, errors, cypher_gate); nothing from `graph.neo4j`, the diff or rules.
"""
