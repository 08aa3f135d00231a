"""The contract suite: one set of tests run on both backends (the `store` fixture), so the networkx store and the
Neo4j store keep the GraphStore protocol alike: reads, the diff, rules, history, property round trips."""
