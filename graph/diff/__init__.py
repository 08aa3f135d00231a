"""Comparing two snapshots: the pure diff over BECAME lineage (compare.py), its result types (model.py), the
per-agency change classes drawn by diagrams and the app (classes.py), and tables and summaries (report.py).

May import the core of `graph` (model, store, errors); knows nothing of exporters, views or the app.
"""
