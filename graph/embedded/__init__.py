"""The embedded backend: a networkx store (store.py, its graph built by graphbuild.py), the on-disk cache of
compiled datasets (compiled.py) and the embedded Cypher engine over it (engine.py: a LadybugDB mirror built by
mirror.py, Neo4j dialect rewritten by dialect.py with nulls.py, scoping.py and subscript.py, the supported subset
in subset.py).

May import the core of `graph` (model, store, errors, cypher_gate) and, in compiled.py only, `loaders` (compiling
a dataset folder means loading it first); nothing from `graph.neo4j`, the diff or rules.
"""
