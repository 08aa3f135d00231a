"""The subcommands of `python cli.py`, one module per group; cli.py is the entry point that parses and dispatches.

Each module holds a `COMMANDS` dict (name -> function of the parsed arguments, returning the exit code) and an
`add_parsers(parsers)` that declares its arguments. They call service.py (the one service API) and print; they
never import the app (app_pages/, views/). Output helpers, exit codes and opening the service are in common.py.

The package imports only what a command reading the compiled cache needs: the loaders (pydantic) and the
exporters are imported by the service when a command asks it to parse a folder or export.
"""
