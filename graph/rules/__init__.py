"""Rules as checks over one snapshot. A dataset declares its rules in rules.toml (docs/data-format.md); graph/
keeps only the generic vocabulary:

- base.py: RuleContext (one snapshot's data), Violation, Rule and the select matcher;
- kinds.py: the generic rule kinds and their explicit registry KINDS;
- health.py: the built-in data-health rules every dataset meets (HEALTH_RULES);
- engine.py: binds declared rules to their kinds, plans which snapshots they judge, runs them, formats results.

Imports flow one way (engine -> kinds, health -> base); May import the core of `graph`; knows nothing of
loaders, exporters, views or the app.
"""
