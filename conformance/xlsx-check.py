#!/usr/bin/env python3
"""Checks the XLSX workbooks Barometer writes with two other readers: openpyxl and LibreOffice.

For each pair (a workbook from `--format xlsx --out FILE.xlsx` and the CSV of the same result
from `--format csv`), the first sheet must hold the CSV: the same number of columns (headers
are in the output's language, so only their number is compared), and under the header every
cell equal to its CSV field — empty cells empty, text exactly, and numbers as numbers (a CSV
field of a numeric column must be a number cell whose value is the field's double, exactly).
Then LibreOffice converts the workbook to CSV (headless, UTF-8, values as stored rather than as
shown) and that CSV must agree with Barometer's the same way, numbers to a relative 1e-14
(LibreOffice writes 15 significant digits).

    python3 conformance/xlsx-check.py FILE.xlsx FILE.csv [FILE2.xlsx FILE2.csv ...]
    python3 conformance/xlsx-check.py --barometer .build/debug/barometer

With --barometer it makes the pairs itself: estimate, crosstab, trend, polls average, codebook
and polls list on the
committed fixtures, in English, Russian and Kazakh. Installs what it needs when missing:
libreoffice-calc-nogui (apt) and openpyxl (pip). Exits 1 when any cell disagrees.

With --barometer it also checks the coders' workbooks of `barometer code export --format xlsx`:
in openpyxl, the first sheet holds the CSV sheet's cells with a frozen bold header, wrapped
answers and a drop-down list of the `codes` sheet, which lists the frame's codes with their
Russian labels; in LibreOffice, the first sheet converts to the CSV sheet. Then the coders fill
in codes with openpyxl, LibreOffice saves a copy of the filled workbooks, and `barometer code
import` must read both to the codings of the CSV sheets filled in alike.
"""
import re
import argparse
import csv
import glob
import io
import os
import shutil
import subprocess
import sys
import tempfile

# The columns of the CSV outputs that hold numbers (EstimateColumns and CodebookCSV in
# Sources/Reports); every other column holds text, even when it looks like a number (codes).
NUMERIC = {"estimate", "standard_error", "ci_lower", "ci_upper", "ci_level", "design_effect", "df",
           "unweighted_count", "weighted_count", "valid", "missing", "count",
           "share", "margin_of_error"}  # PollTable's columns (`polls list`)
# Columns that hold a number where the CSV has one, else text ("unpublished").
NUMERIC_OR_TEXT = {"sample_size"}


def ensure_tools():
    if not shutil.which("soffice"):
        print("installing libreoffice-calc-nogui (apt)", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        # A fresh machine has no package lists yet: read them once first.
        subprocess.run(["apt-get", "update", "-q"], check=True, env=env, stdout=subprocess.DEVNULL)
        subprocess.run(["apt-get", "install", "-y", "-q", "--no-install-recommends", "libreoffice-calc-nogui"],
                       check=True, env=env, stdout=subprocess.DEVNULL)
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        print("installing openpyxl (pip)", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--break-system-packages", "openpyxl"], check=True)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def same_number(value, field, relative):
    a, b = float(value), float(field)
    return a == b if relative == 0 else abs(a - b) <= relative * max(abs(a), abs(b))


def compare(rows, expected, where, numbers_typed, relative=0.0):
    """Differences between sheet rows (header first) and the CSV records `expected`.

    `numbers_typed`: the rows hold typed values (openpyxl), so a numeric column must hold
    numbers and a text column text; else the rows are text too (LibreOffice's CSV).
    `relative`: the relative difference numbers may have (0: exactly the same double).
    """
    problems = []
    header = expected[0]
    if len(rows) != len(expected):
        problems.append(f"{where}: {len(rows)} rows, the CSV has {len(expected)}")
    if rows and len(rows[0]) != len(header):
        problems.append(f"{where}: {len(rows[0])} header cells, the CSV has {len(header)} columns")
    for r, (row, record) in enumerate(zip(rows[1:], expected[1:]), start=2):
        row = list(row) + [None] * (len(record) - len(row))
        for c, (value, field) in enumerate(zip(row, record)):
            name = header[c]
            cell = f"{where}: row {r}, column {c + 1} ({name})"
            if field == "":
                if value not in (None, ""):
                    problems.append(f"{cell}: {value!r} where the CSV is empty")
            elif name in NUMERIC or (name in NUMERIC_OR_TEXT and is_number(field)):
                if numbers_typed and (isinstance(value, bool) or not isinstance(value, (int, float))):
                    problems.append(f"{cell}: {value!r} is not a number (CSV {field})")
                else:
                    try:
                        if not same_number(value, field, relative):
                            problems.append(f"{cell}: {value!r} != CSV {field}")
                    except (TypeError, ValueError):
                        problems.append(f"{cell}: {value!r} does not read as the number {field}")
            else:
                if numbers_typed and not isinstance(value, str):
                    problems.append(f"{cell}: {value!r} is not text (CSV {field!r})")
                elif str(value) != field:
                    problems.append(f"{cell}: {value!r} != CSV {field!r}")
    return problems


def check_openpyxl(xlsx, expected):
    import openpyxl

    book = openpyxl.load_workbook(xlsx)
    sheet = book.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    problems = compare(rows, expected, f"openpyxl {os.path.basename(xlsx)}", numbers_typed=True)
    if sheet.freeze_panes != "A2":
        problems.append(f"openpyxl {os.path.basename(xlsx)}: the header row is not frozen ({sheet.freeze_panes})")
    if not all(cell.font.b for cell in sheet[1]):
        problems.append(f"openpyxl {os.path.basename(xlsx)}: the header row is not bold")
    return problems


def check_libreoffice(xlsx, expected, scratch):
    out = tempfile.mkdtemp(dir=scratch)
    profile = "file://" + tempfile.mkdtemp(dir=scratch)
    # Comma, double quotes, UTF-8 (76), from line 1; text not all quoted, cells as stored
    # (not as shown: full precision).
    options = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false"
    run = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", options,
                          "--outdir", out, xlsx], capture_output=True, text=True, timeout=300)
    converted = glob.glob(os.path.join(out, "*.csv"))
    if run.returncode != 0 or not converted:
        return [f"LibreOffice could not convert {os.path.basename(xlsx)}: {run.stderr.strip() or run.stdout.strip()}"]
    rows = read_csv(converted[0])
    # LibreOffice writes numbers in CSV with 15 significant digits (its most), so they agree
    # to a relative 1e-14 (half a unit in the 15th digit is at most 5e-15); openpyxl reads the
    # stored doubles and must agree exactly.
    return compare(rows, expected, f"LibreOffice {os.path.basename(xlsx)}", numbers_typed=False, relative=1e-14)


def generated_pairs(barometer, scratch):
    """Runs the CLI to make (xlsx, csv) pairs of several verbs and languages."""
    fixtures = "Tests/BarometerCLITests/Fixtures"
    commands = {
        "estimate": ["estimate", "Tests/ConformanceTests/Fixtures/apistrat.csv", "--weight", "pw", "--strata", "stype",
                     "--fpc", "fpc", "--mean", "api00", "--proportion", "stype", "--by", "sch.wide", "--deff"],
        "crosstab": ["crosstab", f"{fixtures}/opinion.csv", "sex", "q1", "--codebook", f"{fixtures}/opinion.yaml",
                     "--weight", "wt"],
        "trend": ["trend", "Tests/StudiesTests/Fixtures/study", "opinion"],
        "polls": ["polls", "average", "examples/polls-war-side.csv", "--question", "war_side", "--answer", "Russia"],
        "codebook": ["codebook", f"{fixtures}/opinion.csv", "--codebook", f"{fixtures}/opinion.yaml"],
        "polls-list": ["polls", "list", "examples/polls-war-side.csv"],
    }
    pairs = []
    for name, arguments in commands.items():
        # `polls list` has no --lang: its columns are the import format's names.
        languages = [None] if arguments[:2] == ["polls", "list"] else ["en", "ru", "kk"]
        for language in languages:
            stem = os.path.join(scratch, f"{name}-{language or 'any'}")
            lang = ["--lang", language] if language else []
            for fmt, extra in [("csv", []), ("xlsx", ["--out", stem + ".xlsx"])]:
                run = subprocess.run([barometer, *arguments, *lang, "--format", fmt, *extra],
                                     capture_output=True, text=True)
                if run.returncode != 0:
                    raise SystemExit(f"{' '.join(arguments)} --format {fmt} failed: {run.stderr.strip()}")
                if fmt == "csv":
                    with open(stem + ".csv", "w", encoding="utf-8", newline="") as f:
                        f.write(run.stdout)
            pairs.append((stem + ".xlsx", stem + ".csv"))
    return pairs


FRAME = "examples/code-frames/russia-reasons.yaml"


def coder_survey(path):
    """A small survey with two open-ended columns in Russian and Kazakh."""
    answers = ["Развитая страна", "Дос ел", "Общая история", "Экономикасы күшті", "Не знаю", "Сильная армия, \"порядок\""]
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["respid", "language", "reason1", "reason2"])
        for i in range(1, 31):
            out.writerow([100 + i, "ru" if i % 2 == 0 else "kk", answers[i % len(answers)],
                          "Торговля,\nсотрудничество" if i % 3 == 0 else ""])


def code_for(unit, coder):
    """The codes a coder gives a unit (the same on the CSV and the XLSX path)."""
    respondent = int(unit.split(":")[0])
    if coder == "bolat" and respondent % 3 == 0:
        return "other"
    return "domestic" if respondent % 2 else "bonds;practical"


def fill_csv(path, coder):
    rows = read_csv(path)
    codes = rows[0].index("codes")
    for row in rows[1:]:
        row[codes] = code_for(row[0], coder)
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)


def fill_openpyxl(path, coder, out):
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    codes = header.index("codes") + 1
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row=row, column=codes, value=code_for(sheet.cell(row=row, column=1).value, coder))
    book.save(out)


def codings(path):
    """The codings file without its times (a file's time differs between the paths)."""
    rows = read_csv(path)
    keep = [rows[0].index(name) for name in ("unit", "coder", "codes", "source", "note")]
    return [[row[i] for i in keep] for row in rows]


def run(arguments):
    return subprocess.run(arguments, capture_output=True, text=True)


def check_coder_workbooks(barometer, scratch):
    """Exports coders' workbooks, checks them in openpyxl and LibreOffice, fills them in and
    imports them again; returns the problems found."""
    import openpyxl

    problems = []
    survey = os.path.join(scratch, "coding-survey.csv")
    coder_survey(survey)
    with open(FRAME, encoding="utf-8") as f:
        frame_codes = re.findall(r"^  - code: (\S+)", f.read(), flags=re.M)
    folders = {fmt: os.path.join(scratch, f"coding-{fmt}") for fmt in ("csv", "xlsx")}
    common = [barometer, "code", "export", survey, "--text", "reason1,reason2", "--id", "respid", "--language-column",
              "language", "--coders", "anna,bolat", "--double", "0.2", "--seed", "7"]
    for fmt, extra in [("csv", []), ("xlsx", ["--format", "xlsx", "--frame", FRAME, "--lang", "ru"])]:
        done = run(common + extra + ["--out", folders[fmt]])
        if done.returncode != 0:
            return [f"code export --format {fmt} failed: {done.stderr.strip()}"]
    for coder in ("anna", "bolat"):
        xlsx = os.path.join(folders["xlsx"], f"{coder}.xlsx")
        expected = read_csv(os.path.join(folders["csv"], f"{coder}.csv"))
        where = f"openpyxl {coder}.xlsx"
        book = openpyxl.load_workbook(xlsx)
        if book.sheetnames != [coder, "codes"]:
            problems.append(f"{where}: sheets {book.sheetnames}, expected {[coder, 'codes']}")
            continue
        sheet = book.worksheets[0]
        rows = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
        rows = [row + [""] * (len(expected[0]) - len(row)) for row in rows]
        if rows != expected:
            problems.append(f"{where}: the first sheet differs from {coder}.csv")
        if sheet.freeze_panes != "A2" or not all(cell.font.b for cell in sheet[1]):
            problems.append(f"{where}: the header row is not frozen and bold")
        answer = expected[0].index("answer") + 1
        if not all(sheet.cell(row=r, column=answer).alignment.wrap_text for r in range(2, sheet.max_row + 1)):
            problems.append(f"{where}: the answers do not wrap")
        letter = openpyxl.utils.get_column_letter(answer)
        if not 8 <= (sheet.column_dimensions[letter].width or 0) <= 60:
            problems.append(f"{where}: the answer column is {sheet.column_dimensions[letter].width} wide")
        lists = sheet.data_validations.dataValidation
        codes_column = openpyxl.utils.get_column_letter(expected[0].index("codes") + 1)
        wanted = f"'codes'!$A$2:$A${len(frame_codes) + 1}"
        if len(lists) != 1 or lists[0].type != "list" or lists[0].formula1 != wanted \
                or str(lists[0].sqref) != f"{codes_column}2:{codes_column}{len(expected)}":
            problems.append(f"{where}: the codes column has no list of {wanted}: {[(d.type, d.formula1, str(d.sqref)) for d in lists]}")
        codes = [list(row) for row in book["codes"].iter_rows(values_only=True)]
        if codes[0][:2] != ["Код", "Метка"] or [row[0] for row in codes[1:]] != frame_codes \
                or not all(re.search("[а-яА-Я]", row[1] or "") for row in codes[1:]):
            problems.append(f"{where}: the codes sheet does not list the frame's codes with Russian labels: {codes[:3]}")
        problems += [p.replace("LibreOffice", "LibreOffice (coder's sheet)") for p in
                     check_libreoffice_text(xlsx, expected, scratch)]

    # The coders fill in their sheets: CSV, and XLSX with openpyxl; LibreOffice saves a copy of
    # the filled workbooks again (its own shared strings and styles).
    for coder in ("anna", "bolat"):
        fill_csv(os.path.join(folders["csv"], f"{coder}.csv"), coder)
        xlsx = os.path.join(folders["xlsx"], f"{coder}.xlsx")
        fill_openpyxl(xlsx, coder, xlsx)
    resaved = os.path.join(scratch, "coding-libreoffice")
    os.makedirs(resaved)
    profile = "file://" + tempfile.mkdtemp(dir=scratch)
    converted = run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                     "--outdir", resaved] + [os.path.join(folders["xlsx"], f"{c}.xlsx") for c in ("anna", "bolat")])
    if converted.returncode != 0:
        problems.append(f"LibreOffice could not save the coders' workbooks again: {converted.stderr.strip()}")
    shutil.copy(os.path.join(folders["xlsx"], "plan.csv"), resaved)
    expected = None
    for name, folder, ext in [("CSV", folders["csv"], "csv"), ("openpyxl", folders["xlsx"], "xlsx"), ("LibreOffice", resaved, "xlsx")]:
        out = os.path.join(folder, "codings.csv")
        done = run([barometer, "code", "import", os.path.join(folder, f"anna.{ext}"), os.path.join(folder, f"bolat.{ext}"),
                    "--plan", os.path.join(folder, "plan.csv"), "--out", out])
        if done.returncode != 0:
            problems.append(f"code import of the sheets filled in with {name} failed: {done.stderr.strip()}")
            continue
        if expected is None:
            expected = codings(out)
        elif codings(out) != expected:
            problems.append(f"code import of the sheets filled in with {name} differs from the CSV sheets'")
    return problems


def check_libreoffice_text(xlsx, expected, scratch):
    """LibreOffice's CSV of the first sheet against CSV records that are all text."""
    out = tempfile.mkdtemp(dir=scratch)
    profile = "file://" + tempfile.mkdtemp(dir=scratch)
    options = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false"
    done = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", options,
                           "--outdir", out, xlsx], capture_output=True, text=True, timeout=300)
    converted = glob.glob(os.path.join(out, "*.csv"))
    if done.returncode != 0 or not converted:
        return [f"LibreOffice could not convert {os.path.basename(xlsx)}: {done.stderr.strip() or done.stdout.strip()}"]
    rows = read_csv(converted[0])
    rows = [row + [""] * (len(expected[0]) - len(row)) for row in rows]
    if rows != expected:
        return [f"LibreOffice {os.path.basename(xlsx)}: the first sheet differs from its CSV sheet"]
    return []


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--barometer", help="the barometer executable: make the pairs with it")
    parser.add_argument("files", nargs="*", help="pairs: FILE.xlsx FILE.csv ...")
    args = parser.parse_args()
    if len(args.files) % 2 or (not args.files and not args.barometer):
        parser.error("give pairs of FILE.xlsx FILE.csv, or --barometer BIN")
    ensure_tools()
    scratch = tempfile.mkdtemp(prefix="barometer-xlsx-")
    pairs = list(zip(args.files[0::2], args.files[1::2]))
    if args.barometer:
        pairs += generated_pairs(args.barometer, scratch)
    problems = []
    cells = 0
    for xlsx, csv_path in pairs:
        expected = read_csv(csv_path)
        cells += sum(len(r) for r in expected)
        problems += check_openpyxl(xlsx, expected)
        problems += check_libreoffice(xlsx, expected, scratch)
    if args.barometer:
        problems += check_coder_workbooks(args.barometer, scratch)
    shutil.rmtree(scratch, ignore_errors=True)
    for p in problems[:50]:
        print(p)
    if problems:
        print(f"{len(problems)} disagreements in {len(pairs)} workbooks")
        sys.exit(1)
    print(f"{len(pairs)} workbooks agree with their CSV in openpyxl and LibreOffice ({cells} CSV fields in all)")
    if args.barometer:
        print("the coders' workbooks hold their CSV sheets and the frame's codes, and import like them once filled in")


if __name__ == "__main__":
    main()
