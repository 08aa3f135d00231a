"""What every subcommand shares: exit codes, table/JSON/CSV output, progress, opening the service, the parsers."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from graph.csvcells import write_csv
from graph.errors import InvalidRequest
from service import OrgService
from settings import SETTINGS, Settings, bounded

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_FAILURE",
    "EXIT_OK",
    "EXIT_RULE_FAILED",
    "Command",
    "Parsers",
    "format_rows",
    "format_table",
    "open_service",
    "progress",
]

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT, EXIT_RULE_FAILED = 0, 1, 2, 3

#: A subcommand: the parsed arguments in, the exit code out.
Command = Callable[[argparse.Namespace], int]

NO_CACHE_HELP = "parse the dataset folder instead of opening its compiled copy in $ORGRAPH_CACHE_DIR"


# ---- output ------------------------------------------------------------------------------------------------
def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def display_width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def format_table(columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> str:
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([display_width(c)] + [display_width(r[i]) for r in cells]) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - display_width(v)) for v, w in zip(values, widths)).rstrip()

    out = [line(columns), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    return "\n".join(out)


def format_rows(columns: Sequence[str], rows: Sequence[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2, default=str)
    if fmt == "csv":  # cells a spreadsheet would run as formulas get a leading quote (graph/csvcells.py)
        return write_csv(columns, ([_cell(row.get(c)) for c in columns] for row in rows)).rstrip("\n")
    return format_table(columns, rows)


def progress(stage: str, done: int, total: int) -> None:
    """Progress on stderr, so stdout stays clean for --format json/csv."""
    if sys.stderr.isatty() or total >= 10000:
        end = "\n" if done >= total else "\r"
        print(f"  {stage}: {done}/{total}", end=end, file=sys.stderr, flush=True)


def open_service(args: argparse.Namespace) -> OrgService:
    """Open the dataset; a Neo4j server that is configured but unreachable falls back to the embedded
    backend with a warning, unless --backend neo4j asked for it explicitly."""
    settings = Settings.from_env()
    path = args.dataset or settings.dataset
    use_cache = not getattr(args, "no_cache", False)
    if getattr(args, "backend", None):
        settings = replace(settings, backend=args.backend)
        return OrgService.open(path, settings=settings, progress=progress, use_cache=use_cache)
    service, warning = OrgService.open_with_fallback(path, settings=settings, progress=progress, use_cache=use_cache)
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    return service


# ---- parsers -----------------------------------------------------------------------------------------------
@dataclass
class Parsers:
    """The subparsers of `python cli.py`, with the options every subcommand takes."""

    sub: argparse._SubParsersAction[argparse.ArgumentParser]
    commands: dict[str, Command] = field(default_factory=dict)

    def common(self, p: argparse.ArgumentParser) -> None:
        """--dataset, --no-cache and --backend."""
        default = os.path.relpath(next(s.default for s in SETTINGS if s.env == "ORGRAPH_DATASET"))
        p.add_argument("--dataset", help=f"dataset folder (default: $ORGRAPH_DATASET or {default})")
        p.add_argument("--no-cache", action="store_true", default=argparse.SUPPRESS, help=NO_CACHE_HELP)
        backend_help = "storage backend (default: networkx, or neo4j when NEO4J_URI is set)"
        p.add_argument("--backend", choices=["networkx", "neo4j"], help=backend_help)

    def add(
        self, name: str, help_text: str, *, formats: Sequence[str] = ("table", "json", "csv")
    ) -> argparse.ArgumentParser:
        """A subcommand with the common options and --format (the first of `formats` is the default)."""
        p = self.sub.add_parser(name, help=help_text, description=help_text)
        self.common(p)
        p.add_argument("--format", choices=list(formats), default=formats[0], help="output format")
        return p


def bounded_option(key: str, kind: type[float] | type[int]) -> Callable[[str], float]:
    """An argparse type within settings.BOUNDS[key]: a bad value exits 2 naming the option (argparse does that)."""

    def parse(raw: str) -> float:
        try:
            return bounded(key, raw, kind, label="value")
        except InvalidRequest as exc:
            raise argparse.ArgumentTypeError(str(exc).removeprefix("value: ")) from None

    return parse
