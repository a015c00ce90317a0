#!/usr/bin/env python3
"""Makes a larger copy of an example project for benches/vergleich/messen.sh.

    vervielfachen.py BEISPIEL FORMULARE FAKTOR ZIEL

BEISPIEL: the example project (e.g. examples/musterstadt); FORMULARE: the
pre-filled .xlsx forms `konzept workbooks --refresh --out FORMULARE BEISPIEL`
wrote (the working groups' workbooks as .xlsx, whatever format they came
in); ZIEL gets the project with 20 × FAKTOR measures per field (rows of the
sheet „Maßnahmen“ repeated with running numbers), like benches/skalierung.rs.
"""
import glob
import os
import shutil
import sys

import openpyxl

beispiel, formulare, faktor, ziel = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
shutil.rmtree(ziel, ignore_errors=True)
shutil.copytree(beispiel, ziel, ignore=shutil.ignore_patterns("ausgabe", "vorlagen"))
shutil.rmtree(os.path.join(ziel, "arbeitsgruppen"))
os.makedirs(os.path.join(ziel, "arbeitsgruppen"))
for f in sorted(glob.glob(os.path.join(formulare, "*-vorausgefuellt.xlsx"))):
    name = os.path.basename(f).replace("-vorausgefuellt", "")
    wb = openpyxl.load_workbook(f)
    ws = wb["Maßnahmen"]
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0]]
    buchstabe = "".join(c for c in str(rows[0][0]) if c.isalpha())
    for r in range(2, ws.max_row + 1):
        for c in range(1, ws.max_column + 1):
            ws.cell(r, c).value = None
    for i in range(20 * faktor):
        zeile = list(rows[i % len(rows)])
        zeile[0] = f"{buchstabe}{i + 1}"
        for c, v in enumerate(zeile):
            ws.cell(2 + i, c + 1).value = v
    wb.save(os.path.join(ziel, "arbeitsgruppen", name))
