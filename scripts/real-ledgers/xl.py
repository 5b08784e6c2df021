"""
Shared helpers for the openpyxl-written ledgers in scripts/real-ledgers/ (the Python half of
`npm run fixtures:real`). openpyxl writes workbooks the way many non-Excel tools do (shared
strings, inline styles, no calcChain), which is why some ledgers are written with it.

Deterministic: fixed document properties, the same cells and styles on every run.
Usage of a generator: python3 scripts/real-ledgers/<name>.py <output-dir>
"""
import datetime
import os
import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

FIXED = datetime.datetime(2018, 9, 1, 0, 0, 0)
THIN = Side(style="thin", color="FF000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="FFDDEBF7")
FONT = Font(name="ＭＳ Ｐゴシック", size=10)
BOLD = Font(name="ＭＳ Ｐゴシック", size=11, bold=True)


def new_workbook():
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "kpi-ledger-addin real-ledger fixtures"
    wb.properties.lastModifiedBy = "kpi-ledger-addin real-ledger fixtures"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    return wb


def sheet(wb, name, widths):
    ws = wb.create_sheet(name)
    for i, w in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = w
    return ws


def text(ws, row, col, value, bold=False):
    """A loose line of text (title, heading, note): no border."""
    c = ws.cell(row=row, column=col, value=value)
    c.font = BOLD if bold else FONT
    c.alignment = Alignment(wrap_text=True, vertical="center")
    return c


def table(ws, top, left, rows, header_rows=1, merges=()):
    """A boxed table. rows: lists of values (None = empty). merges: (r1, c1, r2, c2) 0-based
    relative to the table's top-left, inclusive."""
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            cell = ws.cell(row=top + r, column=left + c)
            if value is not None:
                cell.value = value
            cell.border = BOX
            cell.font = FONT
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center" if r < header_rows else None)
            if r < header_rows:
                cell.fill = HEADER_FILL
    for r1, c1, r2, c2 in merges:
        ws.merge_cells(start_row=top + r1, start_column=left + c1, end_row=top + r2, end_column=left + c2)


def save(wb, filename):
    out = sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/real"
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, filename)
    wb.save(path)
    print("wrote " + path)
