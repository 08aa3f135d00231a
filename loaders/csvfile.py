"""Reading one CSV file of a dataset: decode it, check its header, and keep each row's line number.

Analysts edit these files in Excel, which in China often saves GB18030 and elsewhere adds a UTF-8 BOM, so
decoding tries UTF-8 (with or without BOM) first and GB18030 second. Line numbers are physical lines with
the header as line 1, so an error message points at the line a text editor shows (quoted cells may span
lines; a row is reported at the line it starts on).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import Problem

__all__ = ["CsvTable", "decode", "read_table"]

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(slots=True)
class CsvTable:
    """The rows of one file as (line, {column: cell}); only known columns and non-empty cells are kept
    (cells are stripped: padding from a spreadsheet is never meaningful).

    A row with more cells than the header is reported here and kept in `misshapen`: its cells are shifted,
    so only its id is trusted. `usable` is False when the header lacks a required column: its rows are then not validated, and other
    files' references into it are not checked either (they would only repeat the same problem).
    """

    file: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    usable: bool = True
    misshapen: set[int] = field(default_factory=set)  # lines of rows with too many cells (already reported)


def decode(raw: bytes) -> str:
    """UTF-8 (a leading BOM is dropped), else GB18030; raises UnicodeDecodeError when neither fits."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def _decode_problem(file: str, raw: bytes, error: UnicodeDecodeError) -> Problem:
    if raw.startswith(_UTF16_BOMS):
        hint = "it looks like UTF-16 (Excel's 'Unicode text')"
    else:
        # Report where UTF-8 failed: that is the byte a user can find in a hex editor or text editor.
        try:
            raw.decode("utf-8-sig")
            position = error.start
        except UnicodeDecodeError as utf8_error:
            position = utf8_error.start
        line = raw.count(b"\n", 0, position) + 1
        hint = f"the first byte that is not UTF-8 is on line {line} (byte {position})"
    return Problem(
        file,
        0,
        "",
        f"cannot decode the file: it is neither UTF-8 nor GB18030 ({hint}); save it as CSV UTF-8",
    )


def read_table(
    folder: Path,
    file: str,
    *,
    required: tuple[str, ...],
    optional: tuple[str, ...],
    problems: list[Problem],
) -> CsvTable | None:
    """Read `folder/file`, appending every header and shape problem to `problems`.

    Returns None when the file is missing or cannot be decoded at all.
    """
    path = folder / file
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(file, 0, "", f"file is missing; a dataset folder needs {file}"))
        return None
    except OSError as exc:
        problems.append(Problem(file, 0, "", f"cannot read the file: {exc.strerror or exc}"))
        return None
    try:
        text = decode(raw)
    except UnicodeDecodeError as exc:
        problems.append(_decode_problem(file, raw, exc))
        return None

    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    try:
        header_cells = next(reader)
    except StopIteration:
        problems.append(
            Problem(
                file,
                1,
                "",
                f"file is empty; the first line must be the header: {','.join(required)}",
            )
        )
        return None
    header = [cell.strip() for cell in header_cells]
    table = CsvTable(file, header)
    allowed = set(required) | set(optional)
    seen: set[str] = set()
    keep: list[tuple[int, str]] = []  # (cell index, column) of the known columns
    unnamed: list[int] = []  # spreadsheets often save trailing empty columns; harmless while their cells are empty
    for index, column in enumerate(header):
        if column == "":
            unnamed.append(index)
        elif column in seen:
            problems.append(Problem(file, 1, column, f"column {column!r} appears twice in the header"))
        elif column in allowed:
            keep.append((index, column))
        else:
            message = f"unknown column {column!r}; allowed columns are {', '.join(required + optional)}"
            problems.append(Problem(file, 1, column, message))
        seen.add(column)
    for column in required:
        if column not in seen:
            table.usable = False
            problems.append(Problem(file, 1, column, f"missing required column {column!r}"))

    width = len(header)
    plain = len(keep) == width
    line = reader.line_num
    for cells in reader:
        start, line = line + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue  # a blank line, or one of only commas (a spreadsheet's empty row)
        if len(cells) > width:
            problems.append(
                Problem(
                    file,
                    start,
                    "",
                    f"row has {len(cells)} cells but the header has {width} columns (an unquoted comma inside a cell?)",
                )
            )
            table.misshapen.add(start)
        filled = [i + 1 for i in unnamed if i < len(cells) and cells[i].strip()] if unnamed else None
        if filled:
            message = (
                f"a value in column {filled[0]}, which has no name in the header; name the column or clear the cell"
            )
            problems.append(Problem(file, start, "", message))
        if plain and len(cells) == width:  # fast path: every column known, no short row
            row = {column: cell for column, cell in zip(header, map(str.strip, cells)) if cell}
        else:
            row = {column: cell for index, column in keep if index < len(cells) and (cell := cells[index].strip())}
        table.rows.append((start, row))
    return table
