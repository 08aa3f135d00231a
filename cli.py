"""orgraph's command line: a thin layer over service.py (the app uses the same service).

The subcommands live in cli_commands/ (one module per group); this file parses the command line and dispatches.
Exit codes: 0 ok, 2 bad input (dataset problems, unknown ids, bad Cypher, an argument or setting out of bounds:
graph.errors.InvalidRequest), 1 any other failure;
`check` exits 3 when a rule fails.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from cli_commands import cypher, export, history, judging, reading
from cli_commands.common import EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, NO_CACHE_HELP, Command, Parsers
from graph.errors import (
    ComparisonError,
    CypherError,
    CypherSyntaxError,
    DatasetError,
    InvalidRequest,
    NotFound,
    OrgraphError,
    UnsupportedCypher,
)
from settings import SETTINGS

#: The command groups in the order `--help` lists them.
GROUPS = (cypher, reading, history, judging, export)
COMMANDS: dict[str, Command] = {name: fn for group in GROUPS for name, fn in group.COMMANDS.items()}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python cli.py", description="orgraph: government agencies as a graph.")
    parser.add_argument("--no-cache", action="store_true", help=NO_CACHE_HELP)
    parsers = Parsers(parser.add_subparsers(dest="command", required=True, metavar="COMMAND"))
    for group in GROUPS:
        group.add_parsers(parsers)
    parser.epilog = "settings (environment): " + "; ".join(f"{s.env}: {s.help}" for s in SETTINGS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (DatasetError, NotFound, CypherError, ComparisonError, InvalidRequest) as exc:
        print(f"error: {exc}", file=sys.stderr)
        if isinstance(exc, (UnsupportedCypher, CypherSyntaxError)) and "Neo4j backend runs it" in str(exc):
            print("hint: run it with --backend neo4j", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OrgraphError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except BrokenPipeError:
        raise  # run() quiets it


def run() -> int:
    """main() for the console: a reader that stops early (`cli.py ... | head`) ends the output quietly."""
    try:
        code = main()
        sys.stdout.flush()  # a pipe closed early surfaces here (or in main) rather than as a message at exit
        return code
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush at exit
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(run())
