"""`query`, `queries` and `compile`: read-only Cypher on the dataset, the named queries, and the compiled cache."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from cli_commands.common import EXIT_OK, Command, Parsers, bounded_option, format_rows, open_service, progress
from graph.embedded.compiled import compile_dataset
from graph.errors import InvalidRequest
from queries import NamedQuery, all_queries
from settings import Settings

__all__ = ["COMMANDS", "add_parsers", "parse_param"]


def cmd_query(args: argparse.Namespace) -> int:
    service = open_service(args)
    try:
        params = dict(parse_param(p) for p in args.param or [])
        kwargs: dict[str, Any] = {}
        if args.timeout is not None:
            kwargs["timeout_s"] = args.timeout
        if args.row_cap is not None:
            kwargs["row_cap"] = args.row_cap
        if args.named:
            result = service.run_named(args.named, params, **kwargs)
        else:
            if not args.cypher:
                raise InvalidRequest("give a Cypher query, or --named NAME (see `python cli.py queries`)")
            result = service.query(args.cypher, params, **kwargs)
        print(format_rows(result.columns, result.rows, args.format))
        if result.truncated:
            print(f"(truncated at {len(result.rows)} rows; raise --row-cap to see more)", file=sys.stderr)
        return EXIT_OK
    finally:
        service.close()


def parse_param(raw: str) -> tuple[str, Any]:
    """`name=value` gives a string; `name:=json` a typed value (number, list, bool), as in httpie."""
    if ":=" in raw and raw.index(":=") < raw.index("=") + 1:
        name, value = raw.split(":=", 1)
        try:
            return name, json.loads(value)
        except json.JSONDecodeError as exc:
            raise InvalidRequest(f"parameter {name!r}: {value!r} is not valid JSON ({exc.msg})") from exc
    if "=" not in raw:
        raise InvalidRequest(f"parameter {raw!r} must look like name=text or name:=json")
    name, value = raw.split("=", 1)
    return name, value


def cmd_compile(args: argparse.Namespace) -> int:
    """Compile the dataset into the cache now, so the next command opens it in milliseconds."""
    settings = Settings.from_env()
    path, root = args.dataset or settings.dataset, settings.cache_dir or None
    compiled = compile_dataset(path, root=root, progress=progress, force=args.force)
    row = {"dataset": compiled.dataset_id, "key": compiled.key[:16], "folder": str(compiled.folder)}
    row.update({k: compiled.meta.get(k, 0) for k in ("nodes", "relationships", "seconds")})
    print(format_rows(list(row), [row], args.format))
    return EXIT_OK


def cmd_queries(args: argparse.Namespace) -> int:
    rows = [{"name": q.name, "title": q.title, "params": _param_list(q)} for q in all_queries()]
    print(format_rows(["name", "title", "params"], rows, args.format))
    return EXIT_OK


COMMANDS: dict[str, Command] = {"query": cmd_query, "compile": cmd_compile, "queries": cmd_queries}


def add_parsers(parsers: Parsers) -> None:
    p = parsers.add("query", "Run a read-only Cypher query (or a named one) and print the rows.")
    p.add_argument("cypher", nargs="?", help="the Cypher text")
    p.add_argument("--named", metavar="NAME", help="run a named query from queries/ instead")
    param_help = "a $parameter: name=text, or name:=json for numbers and lists"
    p.add_argument("--param", "-p", action="append", metavar="NAME=VALUE", help=param_help)
    p.add_argument(
        "--timeout",
        type=bounded_option("cypher_timeout_s", float),
        help="time limit in seconds (default: setting cypher_timeout_s)",
    )
    p.add_argument(
        "--row-cap",
        type=bounded_option("cypher_row_cap", int),
        help="most rows returned (default: setting cypher_row_cap)",
    )
    p = parsers.add("compile", "Compile the dataset into the cache ($ORGRAPH_CACHE_DIR) ahead of time.")
    p.add_argument("--force", action="store_true", help="compile again even if an up-to-date copy is cached")
    parsers.add("queries", "List the named queries in queries/.")


def _param_list(query: NamedQuery) -> str:
    """`snapshot=@last_snapshot, agency_id (required)`: each parameter with its default, or marked required."""
    return ", ".join(f"{p}={query.defaults[p]}" if p in query.defaults else f"{p} (required)" for p in query.params)
