"""Benchmarks (`make bench`, bench/README.md): one `bench_*.py` per question (loading, the networkx store, the
compiled cache, the diff, exports, pages, Neo4j, the Cypher engines and gate), the synthetic dataset builder they
and the tests share (synthetic.py), and the Cypher corpus and fuzzer (cypher_*.py) the differential tests use.

May import anything of the project; nothing of the project imports bench/ except tests.
"""
