#!/usr/bin/env python3
"""Writes the workbook that XLSXReaderTests read: a file saved by openpyxl, not by Barometer.

    python3 conformance/xlsx-reader-fixture.py Tests/SurveyIOTests/Fixtures/xlsx/openpyxl-cells.xlsx

The first sheet, "Cells", holds one kind of cell per row (column A names it, column B holds
it), so the test can check each reading; the second sheet, "Коды", a coder's codes with a gap.
openpyxl writes every string to the shared-string table, rich text as runs, numbers as
Python prints them, booleans as b cells and dates as serial numbers with a date format.
The test expects exactly these cells: change both together. Needs openpyxl
(pip install --break-system-packages openpyxl).
"""
import datetime
import sys

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Cells"
    rows = [
        ("kind", "value"),
        ("text", "Развитая страна"),
        ("integer", 42),
        ("float", 0.1 + 0.2),
        ("small", 1e-5),
        ("negative", -3.5),
        ("large", 1e20),
        ("true", True),
        ("false", False),
        ("date", datetime.date(2024, 3, 1)),
        ("rich", CellRichText(["Экономикасы ", TextBlock(InlineFont(b=True), "күшті")])),
        ("spaces", "  two\nlines  "),
        ("escape-like", "_x0041_ as typed"),
    ]
    for row in rows:
        sheet.append(row)
    # A gap in the row (C left out) and a row left out (the one after it).
    sheet.cell(row=len(rows) + 1, column=1, value="gap")
    sheet.cell(row=len(rows) + 1, column=4, value="D")
    sheet.cell(row=len(rows) + 3, column=1, value="after an empty row")
    codes = book.create_sheet("Коды")
    codes.append(["unit", "codes"])
    codes.append(["101:reason1", "domestic"])
    codes.append(["102:reason1", "a;b"])
    codes.append(["103:reason1", 7])
    book.save(sys.argv[1])


if __name__ == "__main__":
    main()
