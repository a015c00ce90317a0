#!/usr/bin/env python3
"""Fills the Musterstadt example's status workbooks of a report round.

The workbooks themselves come from konzept (pre-filled from the adopted
concept, indicator values carried over); this script only types what the
working groups would: status, Stand, Mittel verausgabt, Erläuterung, Nächste
Schritte, the Stellen besetzt (VZÄ) where the concept plans Stellen, and the
measured indicator values of the year.

    konzept report new examples/musterstadt --jahr 2027
    python3 tools/musterstadt/sachstand.py examples/musterstadt 2027
    konzept report new examples/musterstadt --jahr 2028
    python3 tools/musterstadt/sachstand.py examples/musterstadt 2028
"""
import datetime
import pathlib
import sys

import openpyxl

# Nr -> (status, Stand, verausgabt, Erläuterung, Nächste Schritte) per year.
# Stand and money are typed in the forms people use („11/2028“, „12,5 T€“).
DONE_2027 = {"V3"}
DONE_2028 = {"V3", "G5", "V7", "B6", "W1", "J5"}
NOT_STARTED_2027 = {"B4", "B8", "A6", "W4", "W6", "W7", "J3", "J6", "J7", "G4", "K6", "K7", "V8", "V6"}
NOT_STARTED_2028 = {"K7", "V8"}
REASONS = {
    2027: {},
    2028: {
        "A6": ("verzögert", "Die Trägersuche hat ein Jahr länger gedauert; die IHK übernimmt die Beratung erst ab 04/2029.",
               "Kooperationsvertrag mit der IHK im ersten Quartal 2029 schließen."),
        "J7": ("entfallen", "Das Land fördert seit 2028 ein gleichartiges Ferienprogramm in allen Gemeinschaftsunterkünften; ein eigenes Angebot der Stadt ist nicht mehr nötig.",
               "Die eingeplanten Mittel fließen in das Integrationsbudget (K3)."),
    },
}
NEXT = {
    "in Umsetzung": "Fortführung wie geplant; Zwischenbilanz im nächsten Bericht.",
    "nicht begonnen": "Start wie im Konzept vorgesehen.",
    "umgesetzt": "Abschluss dokumentiert; Erfahrungen fließen in die Fortschreibung ein.",
}
# Nr -> Stellen besetzt (VZÄ) where the concept plans Stellen. 2028 names only
# what changed; the other values stay as konzept carried them over from 2027.
STAFF = {
    2027: {"B2": 1, "B6": 0.5, "B7": 2, "A2": 0.5, "A4": 0.5, "A5": 4.5, "J5": 0.5, "V5": 2, "V6": 0},
    2028: {"B7": 3, "A5": 4, "V6": 0.5},
}
# Nr -> Erläuterung of a measure that runs as planned but has something to say.
NOTES = {
    2028: {"A5": "Eine der fünf Stellen ist seit 09/2028 unbesetzt; die Nachbesetzung ist ausgeschrieben."},
}
# Goal Nr -> measured value per year (the indicator values of the example).
INDICATORS = {
    "B1": {2027: 16.8, 2028: 15.9},   # behind the target path
    "A1": {2027: 13.7, 2028: 12.0},   # on course
    "W2": {2027: 67.0, 2028: 66.0},   # moving away from the target
}
SOURCES = {"B1": "Schulstatistik IT.NRW", "A1": "Bundesagentur für Arbeit", "W2": "Bürgerbefragung Musterstadt"}


def headers(ws):
    return {str(c.value).strip(): c.column for c in ws[1] if c.value}


def money(plan, share, i):
    value = round(plan * share / 500) * 500
    if value == 0:
        return None
    # Every third amount as typed text, the way groups write it.
    if i % 3 == 1:
        return f"{value / 1000:.1f} T€".replace(".", ",")
    if i % 3 == 2:
        return f"{value:,} €".replace(",", ".")
    return value


def fill(path, year):
    wb = openpyxl.load_workbook(path)
    ws = wb["Maßnahmen"]
    h = headers(ws)
    done = DONE_2027 if year == 2027 else DONE_2028
    waiting = NOT_STARTED_2027 if year == 2027 else NOT_STARTED_2028
    for i, row in enumerate(range(2, ws.max_row + 1)):
        nr = ws.cell(row, h["Nr"]).value
        if not nr:
            continue
        plan = ws.cell(row, h["Kosten geplant"]).value
        plan = plan if isinstance(plan, (int, float)) else 0
        reason = REASONS[year].get(nr)
        if reason:
            status, why, nxt = reason
        elif nr in done:
            status, why, nxt = "umgesetzt", None, NEXT["umgesetzt"]
        elif nr in waiting:
            status, why, nxt = "nicht begonnen", None, NEXT["nicht begonnen"]
        else:
            status, why, nxt = "in Umsetzung", None, NEXT["in Umsetzung"]
        ws.cell(row, h["Status"]).value = status
        stand = ["11/2027", "Q4 2027"] if year == 2027 else ["11/2028", "Q4 2028"]
        ws.cell(row, h["Stand"]).value = (
            datetime.date(year, 11, 30) if i % 3 == 0 else stand[i % 2]
        )
        share = {"umgesetzt": 1.0, "in Umsetzung": 0.25 if year == 2027 else 0.5,
                 "verzögert": 0.05, "entfallen": 0.0, "nicht begonnen": 0.0}[status]
        ws.cell(row, h["Mittel verausgabt"]).value = money(plan, share, i)
        ws.cell(row, h["Erläuterung"]).value = why or NOTES.get(year, {}).get(nr)
        if "Stellen besetzt (VZÄ)" in h and nr in STAFF[year]:
            ws.cell(row, h["Stellen besetzt (VZÄ)"]).value = STAFF[year][nr]
        ws.cell(row, h["Nächste Schritte"]).value = nxt
    ws = wb["Indikatoren"]
    h = headers(ws)
    for row in range(2, ws.max_row + 1):
        nr = ws.cell(row, h["Ziel"]).value
        value = INDICATORS.get(nr, {}).get(year)
        if value is not None:
            ws.cell(row, h[f"Ist {year}"]).value = value
            ws.cell(row, h[f"Quelle {year}"]).value = SOURCES[nr]
    # Fixed properties, so that the example's files only change with content.
    wb.properties.modified = datetime.datetime(year, 12, 1)
    wb.properties.lastModifiedBy = "Arbeitsgruppe"
    wb.save(path)


def main():
    root, year = pathlib.Path(sys.argv[1]), int(sys.argv[2])
    for path in sorted((root / "sachstand" / str(year)).glob("sachstand-*.xlsx")):
        fill(path, year)
        print("ausgefüllt:", path)


if __name__ == "__main__":
    main()
