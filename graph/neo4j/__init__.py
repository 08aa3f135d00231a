"""The Neo4j backend over the official driver: the store (store.py), the loader (load.py) and read-only Cypher
(cypher.py). The only package that imports `neo4j`; it translates driver errors into graph.errors.

May import the core of `graph`; nothing from `graph.embedded`, the diff or rules.
"""
