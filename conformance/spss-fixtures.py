#!/usr/bin/env python3
"""Writes the generated SPSS fixtures into Tests/SurveyIOTests/Fixtures/spss/generated/:
files written by GNU PSPP (from the syntax below) and by pyreadstat, one feature set in every
kind of file. Run from the repository root, then run conformance/spss-expectations.py.

Needs: pspp (apt-get install pspp; tested with 1.6.2) and pyreadstat (pip install pyreadstat;
tested with 1.3.7). Neither can write big-endian files; the big-endian fixtures come from
fixtures/readers (spsslib_net/BigEndian.sav, readstat_jl/types.sav).
"""
import os
import subprocess
import tempfile

import pandas as pd
import pyreadstat

OUT = os.path.abspath("Tests/SurveyIOTests/Fixtures/spss/generated")

FEATURES = r"""
SET LOCALE='UTF-8'.
DATA LIST LIST /id (F4.0) sex (F1.0) age (F3.0) income (F10.2) visited (DATE11)
  stamp (DATETIME20) dur (TIME8) city (A20) comment (A300) q1a (F1.0) q1b (F1.0) q1c (F1.0)
  wt (F8.4) code (A3) lang (A2).
BEGIN DATA
1 1 34 1250.50 15-MAR-2022 "15-MAR-2022 10:30:00" 01:30:00 "Almaty" "Short answer" 1 0 1 1.25 "AB" "kk"
2 2 0 -99 01-JAN-1970 "01-JAN-1970 00:00:00" 00:00:01 "Astana" "" 0 0 1 0.75 "XX" "ru"
3 9 999 . 29-FEB-2000 "29-FEB-2000 23:59:59" 12:00:00 "Шымкент" "Ответ на русском языке, довольно длинный" 1 1 1 1.00 "CD" "ru"
4 2 61 3100 31-DEC-1899 "31-DEC-1899 12:00:00" 23:59:59 "unknown" "A very long answer that goes on and on beyond two hundred and fifty five bytes so that it has to be stored as a very long string in segments: lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud." 0 1 0 2.50 "AB" "en"
5 1 18 . . . . "" "Қазақша жауап" 1 1 0 0.50 "" "kk"
END DATA.
RENAME VARIABLES (income = household_income_monthly).
VARIABLE LABELS id 'Respondent number' sex 'Sex of respondent' age 'Age in years'
  household_income_monthly 'Monthly household income (tenge)' visited 'Date of interview'
  stamp 'Start of interview' dur 'Duration' city 'City of residence' comment 'Open answer: why?'
  q1a 'Watches Kazakh TV' q1b 'Watches Russian TV' q1c 'Uses the internet' wt 'Design weight'
  code 'Two-letter code' lang 'Language of interview'.
VALUE LABELS sex 1 'Male' 2 'Female' 9 'Refused'
  /age 0 'Not asked' 999 'Don''t know'
  /q1a q1b q1c 0 'No' 1 'Yes'
  /code 'AB' 'Alpha Beta' 'CD' 'Charlie Delta' 'XX' 'Unknown'
  /city 'Almaty' 'Largest city' 'Astana' 'Capital'
  /lang 'kk' 'Kazakh' 'ru' 'Russian' 'en' 'English'.
MISSING VALUES sex (9) age (LO THRU 0, 999) household_income_monthly (-99 THRU -1)
  code ('XX') city ('unknown').
VARIABLE LEVEL sex code lang city (NOMINAL) age household_income_monthly wt (SCALE) q1a q1b q1c (ORDINAL).
MRSETS /MDGROUP NAME=$media LABEL='Media used' VARIABLES=q1a q1b q1c VALUE=1
  /MCGROUP NAME=$langs LABEL='Languages' VARIABLES=code lang
  /MDGROUP NAME=$tv CATEGORYLABELS=COUNTEDVALUES LABELSOURCE=VARLABEL VARIABLES=q1a q1b VALUE=1.
DOCUMENT 'Made by conformance/spss-fixtures.py for Barometer.'
  'Second line of the documents.'.
FILE LABEL 'Barometer SPSS feature fixture'.
WEIGHT BY wt.
SAVE OUTFILE='pspp_features.sav' /COMPRESSED.
SAVE OUTFILE='pspp_features_uncompressed.sav' /UNCOMPRESSED.
SAVE OUTFILE='pspp_features.zsav' /ZCOMPRESSED.
EXPORT OUTFILE='pspp_features.por'.
"""

CYRILLIC = r"""
SET LOCALE='{encoding}'.
DATA LIST LIST /id (F4.0) region (A24) trust (F1.0) answer (A40).
BEGIN DATA
1 "Москва" 1 "Доверяю полностью"
2 "Алматы" 2 "Скорее не доверяю"
3 "Астана" 9 ""
4 "Шымкент" 1 "Ёлка и ещё раз ёлка"
END DATA.
VARIABLE LABELS region 'Регион опроса' trust 'Доверие к России' answer 'Почему?'.
VALUE LABELS trust 1 'Доверяю' 2 'Не доверяю' 9 'Затрудняюсь ответить'
  /region 'Москва' 'Столица России'.
MISSING VALUES trust (9).
FILE LABEL 'Кириллица в кодировке {encoding}'.
SAVE OUTFILE='pspp_cyrillic_{suffix}.sav'.
"""


def pspp(syntax):
    with tempfile.NamedTemporaryFile("w", suffix=".sps", encoding="utf-8", delete=False) as fh:
        fh.write(syntax)
        name = fh.name
    try:
        subprocess.run(["pspp", "--syntax-encoding=UTF-8", name], cwd=OUT, check=True,
                       stdout=subprocess.DEVNULL)
    finally:
        os.unlink(name)


def pyreadstat_files():
    df = pd.DataFrame({
        "id": [1.0, 2.0, 3.0, 4.0],
        "opinion_russia": [1.0, 2.0, 8.0, float("nan")],
        "weight_final": [0.8, 1.25, 1.0, 0.95],
        "open_answer": ["Хорошо", "", "Мен білмеймін", "Too long to guess"],
        "region": ["Almaty", "Astana", "Almaty", "Shymkent"],
    })
    meta = dict(
        column_labels=["ID", "Opinion of Russia", "Final weight", "Why?", "Region"],
        variable_value_labels={"opinion_russia": {1.0: "Favourable", 2.0: "Unfavourable", 8.0: "Don't know"}},
        missing_ranges={"opinion_russia": [8.0], "weight_final": [{"lo": -9.0, "hi": -1.0}]},
        variable_measure={"id": "scale", "opinion_russia": "ordinal", "weight_final": "scale",
                          "open_answer": "nominal", "region": "nominal"},
        file_label="Written by pyreadstat",
        note="A note written by pyreadstat.",
    )
    pyreadstat.write_sav(df, os.path.join(OUT, "pyreadstat_written.sav"), row_compress=True, **meta)
    pyreadstat.write_sav(df, os.path.join(OUT, "pyreadstat_written.zsav"), compress=True, **meta)
    short = df[["id", "opinion_russia", "weight_final", "region"]].rename(
        columns={"opinion_russia": "OPINION", "weight_final": "WEIGHT", "id": "ID", "region": "REGION"})
    pyreadstat.write_por(short, os.path.join(OUT, "pyreadstat_written.por"), file_label="Written by pyreadstat",
                         column_labels=["ID", "Opinion of Russia", "Final weight", "Region"])


def main():
    os.makedirs(OUT, exist_ok=True)
    pspp(FEATURES)
    for encoding, suffix in [("windows-1251", "1251"), ("KOI8-R", "koi8r"), ("CP866", "cp866")]:
        pspp(CYRILLIC.format(encoding=encoding, suffix=suffix))
    pyreadstat_files()


if __name__ == "__main__":
    main()
