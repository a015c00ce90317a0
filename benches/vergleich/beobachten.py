#!/usr/bin/env python3
"""Times `konzept build --watch` on single-cell changes.

    beobachten.py KONZEPT PROJEKT [ÄNDERUNGEN]

Starts the watch, waits for the first build, then changes the cell
„Beschreibung“ of the first measure in arbeitsgruppen/ag-bildung.xlsx to a
new text ÄNDERUNGEN times (default 10), 2.5 s apart, and prints the rebuild
time konzept reports for each („aktualisiert: … (PDF, N ms)“) and a summary
line: median, maximum, how many under 100 and 150 ms; for programs that
write the PDF first, also the time until the last file („fertig nach“).
"""
import os
import re
import statistics
import subprocess
import sys
import threading
import time

import openpyxl

konzept, projekt = sys.argv[1], sys.argv[2]
anzahl = int(sys.argv[3]) if len(sys.argv) > 3 else 10
mappe = os.path.join(projekt, "arbeitsgruppen", "ag-bildung.xlsx")
proc = subprocess.Popen(
    [konzept, "build", "--watch", projekt],
    stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
)
zeiten, alle, erster = [], [], threading.Event()
# Seit der PDF-zuerst-Änderung nennt jede Zeile ihre eigene Zeit und
# „fertig nach N ms“ die Zeit bis zur letzten Datei (DOCX, ODT,
# Beschlussvorlage); ältere Programme nennen überall die Gesamtzeit.
fertig = re.compile(r"^fertig nach (\d+) ms")
muster = re.compile(r"^(geschrieben|aktualisiert): .*Integrationskonzept.*\.pdf \(PDF, [^)]*?(\d+) ms\)")


def lesen():
    for zeile in proc.stderr:
        f = fertig.match(zeile)
        if f and erster.is_set() and len(alle) < len(zeiten):
            alle.append(int(f.group(1)))
        m = muster.match(zeile)
        if m:
            if m.group(1) == "geschrieben":
                erster.set()
            else:
                zeiten.append(int(m.group(2)))


threading.Thread(target=lesen, daemon=True).start()
erster.wait(600)
time.sleep(2)
for i in range(anzahl):
    wb = openpyxl.load_workbook(mappe)
    ws = wb["Maßnahmen"]
    kopfzeile = next(r for r in range(1, 20) if "Beschreibung" in [c.value for c in ws[r]])
    spalte = [c.value for c in ws[kopfzeile]].index("Beschreibung") + 1
    ws.cell(kopfzeile + 1, spalte).value = f"Geänderte Beschreibung Nummer {i + 1} ({time.time():.0f}): " + "ein neuer Satz. " * (i % 3 + 1)
    wb.save(mappe + ".tmp.xlsx")
    os.replace(mappe + ".tmp.xlsx", mappe)
    vorher = len(zeiten)
    for _ in range(100):
        time.sleep(0.1)
        if len(zeiten) > vorher:
            break
    time.sleep(2.5)
proc.terminate()
proc.wait()
print(" ".join(f"{z}" for z in zeiten))
if zeiten:
    print(
        f"Median {statistics.median(zeiten):.0f} ms, längste {max(zeiten)} ms, "
        f"unter 100 ms: {sum(z < 100 for z in zeiten)} von {len(zeiten)}, "
        f"unter 150 ms: {sum(z < 150 for z in zeiten)} von {len(zeiten)}"
    )
if alle:
    print(f"alle Dateien: Median {statistics.median(alle):.0f} ms, längste {max(alle)} ms")
