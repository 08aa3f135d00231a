"""The State Council dataset generator: templates (CSV, TOML) next to this file, tables.py reads them, build.py turns
them into agencies and edges, write.py writes data/state-council and the basis report. Imports only the standard
library and scripts/templates.py."""
