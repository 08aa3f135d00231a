"""Cells of the CSV files orgraph writes, made safe for spreadsheets (CSV or formula injection).

A spreadsheet runs a cell that begins with = + - @ tab or CR as a formula: an agency named `=cmd|' /C calc'!A0`
would run a command when an exported file is opened in Excel. As OWASP advises
(https://owasp.org/www-community/attacks/CSV_Injection), every CSV orgraph writes puts a single quote before
such a cell; plain numbers such as -5 or +1.5 are left alone (a spreadsheet reads them as numbers).

The escape is reversible, so a CSV dataset export loads back exactly: the loader removes one leading quote
from a cell whose text after its leading quotes begins with one of those characters (a cell that already
began with quotes gets one more, so nothing is lost). Spreadsheets treat the leading quote the same way:
it marks text.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

__all__ = ["FORMULA_START", "escape_cell", "unescape_cell", "write_csv"]

#: First characters a spreadsheet takes as the start of a formula (OWASP's list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def _needs_quote(text: str) -> bool:
    bare = text.lstrip("'")
    return bare.startswith(FORMULA_START) and not _NUMBER.fullmatch(bare)


def escape_cell(text: str) -> str:
    """`text` with a leading single quote when a spreadsheet would run it as a formula.

    >>> escape_cell("=cmd|' /C calc'!A0")
    "'=cmd|' /C calc'!A0"
    >>> escape_cell("-5"), escape_cell("某某盟"), escape_cell("'=x")
    ('-5', '某某盟', "''=x")
    """
    return "'" + text if _needs_quote(text) else text


def unescape_cell(text: str) -> str:
    """The inverse of escape_cell: unescape_cell(escape_cell(s)) == s for every string s.

    >>> unescape_cell("'=SUM(A1)"), unescape_cell("'quoted"), unescape_cell("''=x")
    ('=SUM(A1)', "'quoted", "'=x")
    """
    return text[1:] if text.startswith("'") and _needs_quote(text[1:]) else text


def write_csv(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """CSV text (LF line ends) with a header row and every cell escaped."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([escape_cell(c) for c in columns])
    writer.writerows([escape_cell(cell) for cell in row] for row in rows)
    return buf.getvalue()
