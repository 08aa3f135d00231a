"""`diff` and `check`: what changed between two snapshots, and whether the dataset keeps its own rules."""

from __future__ import annotations

import argparse
import json
import sys

from cli_commands.common import EXIT_OK, EXIT_RULE_FAILED, Command, Parsers, format_rows, open_service
from graph.diff.report import CHANGE_COLUMNS, COUNT_COLUMNS, change_rows, count_rows, diff_to_dict, summaries
from graph.embedded.compiled import CompiledDataset
from graph.model import Dataset
from graph.rules.engine import RESULT_COLUMNS, dataset_rules, result_rows, results_to_dict
from settings import Settings

__all__ = ["COMMANDS", "add_parsers"]


def cmd_diff(args: argparse.Namespace) -> int:
    """What changed between two snapshots, from the lineage (graph/diff/compare.py), with a summary per jurisdiction."""
    service = open_service(args)
    try:
        diff = service.diff(args.before, args.after, args.jurisdiction)
        if args.format == "json":
            print(json.dumps(diff_to_dict(diff), ensure_ascii=False, indent=2))
            return EXIT_OK
        rows = change_rows(diff, include_continued=args.all)
        if args.format == "csv":
            print(format_rows(CHANGE_COLUMNS, rows, "csv"))
            return EXIT_OK
        print(f"{diff.before} → {diff.after}, scope: {diff.scope or 'all'}")
        print(format_rows(CHANGE_COLUMNS, rows, "table"))
        print()
        print(format_rows(COUNT_COLUMNS, count_rows(diff), "table"))
        print()
        for summary in summaries(diff):
            print(summary.zh)
            print(summary.en)
        return EXIT_OK
    finally:
        service.close()


def cmd_check(args: argparse.Namespace) -> int:
    """Run the dataset's declared rules (its rules.toml) and the built-in data-health rules; exit 3 when any
    fails. A dataset without rules.toml declares no rules: check says so and exits 0 unless data health fails."""
    if args.list:
        return _list_rules(args)
    service = open_service(args)
    try:
        results = service.check(args.snapshot, args.rule)
        declared = len(service.dataset.rules)
        if args.format == "json":
            print(json.dumps({"declared_rules": declared, **results_to_dict(results)}, ensure_ascii=False, indent=2))
        else:
            print(format_rows(RESULT_COLUMNS, result_rows(results, lang=args.lang), args.format))
        failed = [r for r in results if not r.passed]
        if args.format == "table":
            if not declared:
                print(f"\n{_no_rules(service.dataset.id)}", file=sys.stderr)
            print(f"\n{len(results) - len(failed)} of {len(results)} results pass", file=sys.stderr)
        return EXIT_RULE_FAILED if failed else EXIT_OK
    finally:
        service.close()


def _no_rules(dataset_id: str) -> str:
    return (
        f"dataset {dataset_id!r} declares no rules (no rules.toml in its folder): only the built-in data-health "
        'rules ran. See docs/data-format.md, "rules.toml".'
    )


def _read_dataset(args: argparse.Namespace) -> Dataset:
    """The parsed dataset without a store: from its compiled copy, or (--no-cache) from the folder."""
    settings = Settings.from_env()
    path = args.dataset or settings.dataset
    if getattr(args, "no_cache", False):
        from loaders import load_dataset  # pydantic (~0.1 s to import): only when parsing, not for the cache

        return load_dataset(path)
    return CompiledDataset.open(path, root=settings.cache_dir or None).dataset


def _list_rules(args: argparse.Namespace) -> int:
    """The dataset's rules with the sentences they rest on (declared first, then the built-in data-health rules)."""
    dataset = _read_dataset(args)
    rows = [
        {
            "rule": r.id,
            "kind": r.kind or "health",
            "title": (r.title_zh or r.title_en) if args.lang == "zh" else (r.title_en or r.title_zh),
            "source": r.source,
            "quote": r.quote,
        }
        for r in dataset_rules(dataset)
    ]
    print(format_rows(["rule", "kind", "title", "source", "quote"], rows, args.format))
    if not dataset.rules and args.format == "table":
        print(f"\n{_no_rules(dataset.id)}", file=sys.stderr)
    return EXIT_OK


COMMANDS: dict[str, Command] = {"diff": cmd_diff, "check": cmd_check}


def add_parsers(parsers: Parsers) -> None:
    p = parsers.add(
        "diff",
        "Compare two snapshots from the lineage: established, abolished, merged, split, renamed, "
        "transferred, reporting/category/hosting changes, counts against the quota, a summary per jurisdiction.",
    )
    p.add_argument("--from", dest="before", metavar="SNAPSHOT", help="earlier snapshot (default: role before)")
    p.add_argument("--to", dest="after", metavar="SNAPSHOT", help="later snapshot (default: role after)")
    p.add_argument(
        "--jurisdiction",
        help="id, Chinese or English name, or a level id: every jurisdiction of that level (default: everything)",
    )
    p.add_argument("--all", action="store_true", help="also list agencies that simply continued")
    p = parsers.add(
        "check",
        "Check the dataset's rules (its rules.toml) and the data-health rules per jurisdiction; exit 3 when a rule "
        "fails, 0 when all pass or the dataset declares no rules and its data is sound.",
    )
    p.add_argument(
        "--snapshot",
        help="snapshot to judge (default: each declared rule its own snapshots, else those of role 'after'; "
        "data-health rules every snapshot)",
    )
    p.add_argument("--rule", nargs="+", action="extend", metavar="ID", help="only these rules (see --list)")
    p.add_argument("--list", action="store_true", help="list the dataset's rules and the sentences they rest on")
    p.add_argument("--lang", choices=["zh", "en"], default="en", help="language of titles and messages")
