"""The reform's rules as checks over one snapshot: the engine and its registry (engine.py), the reform's rules
(defs.py) and data-health rules (health.py).

May import the core of `graph`; knows nothing of exporters, views or the app.
"""
