"""The Neo4j backend over the official driver: the store (store.py); the loader (load.py), split by concern into
the schema vocabulary (vocab.py), row encoding (rows.py), the one-transaction writer (write.py), the batch writer
(batches.py) and crash safety (journal.py); and read-only Cypher (cypher.py). The only package that imports `neo4j`; it translates driver errors into graph.errors.

May import the core of `graph`; nothing from `graph.embedded`, the diff or rules.
"""
