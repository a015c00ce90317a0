#!/usr/bin/env python3
"""Erzeugt das Beispielprojekt examples/musterstadt/ neu.

Aufruf aus dem Wurzelverzeichnis des Repositorys:

    python3 tools/musterstadt/generate.py

Benötigt Python 3.11, openpyxl, Pillow und LibreOffice (`soffice`, für die .ods- und
.xls-Mappen). Die Inhalte stehen in content.py und content_ags.py. Das Ergebnis ist
deterministisch: Zeitstempel in den Dateien sind fest auf den Stand des Konzepts gesetzt.

Vor dem Schreiben prüft das Skript selbst, was `konzept check` prüft (Akteure, Ziel-Nummern,
Datumsbereiche, Prozentwerte, Kosten je Jahr gegenüber den Finanzen) und bricht bei einem
Widerspruch ab.
"""

from __future__ import annotations

import calendar
import io
import math
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from PIL import Image, ImageDraw, ImageFont

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER))
sys.dont_write_bytecode = True          # kein __pycache__ neben den Inhaltsdateien

import content as C  # noqa: E402
import content_ags as AG  # noqa: E402

REPO = HIER.parent.parent
ZIEL = REPO / "examples" / "musterstadt"

STAND = datetime(2026, 11, 15, 9, 0, 0)          # fester Zeitstempel für alle Dateien
LAUFZEIT_VON = date(2026, 1, 1)
LAUFZEIT_BIS = date(2030, 12, 31)
AKZENT = "005CA9"

# ---------------------------------------------------------------------------
# Werte so lesen, wie konzept sie liest (für die eigene Prüfung und die Kostenrechnung)
# ---------------------------------------------------------------------------

OFFEN = {"fortlaufend", "laufend", "dauerhaft"}


def zeitraum(wert) -> tuple[date, date] | None:
    """Erster und letzter Tag eines Datumswerts; None für leer oder offen."""
    if wert is None:
        return None
    if isinstance(wert, date):
        return wert, wert
    s = str(wert).strip()
    if s.lower() in OFFEN:
        return None
    if mt := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", s):
        d = date(int(mt[3]), int(mt[2]), int(mt[1]))
        return d, d
    if mt := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s):
        d = date(int(mt[1]), int(mt[2]), int(mt[3]))
        return d, d
    if mt := re.fullmatch(r"(\d{1,2})[/.](\d{4})", s):
        j, mo = int(mt[2]), int(mt[1])
        return date(j, mo, 1), date(j, mo, calendar.monthrange(j, mo)[1])
    if mt := re.fullmatch(r"(\d{4})", s):
        j = int(mt[1])
        return date(j, 1, 1), date(j, 12, 31)
    if mt := re.fullmatch(r"(?:Q([1-4])\s+(\d{4})|([1-4])\.\s*Quartal\s+(\d{4}))", s):
        q = int(mt[1] or mt[3])
        j = int(mt[2] or mt[4])
        m1, m3 = 3 * q - 2, 3 * q
        return date(j, m1, 1), date(j, m3, calendar.monthrange(j, m3)[1])
    raise ValueError(f"unbekanntes Datumsformat: {wert!r}")


def ist_offen(wert) -> bool:
    return isinstance(wert, str) and wert.strip().lower() in OFFEN


def betrag(wert) -> float | None:
    """Geldbetrag wie im Spec: Zahl, '12.500', '12.500,50', '12.500 €', '12.500,00 EUR', '12,5 T€'."""
    if wert is None:
        return None
    if isinstance(wert, (int, float)):
        return float(wert)
    s = str(wert).strip()
    faktor = 1.0
    if s.endswith("T€"):
        faktor, s = 1000.0, s[:-2]
    s = s.replace("EUR", "").replace("€", "").strip()
    s = s.replace(".", "").replace(",", ".")
    return float(s) * faktor


def liste(text: str | None) -> list[str]:
    if not text:
        return []
    return [t.strip() for t in re.split(r"[;,\n]", text) if t.strip()]


# ---------------------------------------------------------------------------
# Kosten anteilig auf Jahre verteilen
# ---------------------------------------------------------------------------

def massnahme_zeitraum(mn) -> tuple[date, date]:
    """Beginn..Ende einer Maßnahme nach der Regel des Kostenplans:
    fehlender Beginn = 1.1.2026, offenes Ende = 31.12.2030 (Ende der Laufzeit);
    Jahr/Monat/Quartal beginnt am ersten und endet am letzten Tag."""
    b = zeitraum(mn["beginn"])
    e = zeitraum(mn["ende"])
    start = b[0] if b else LAUFZEIT_VON
    ende = e[1] if e else LAUFZEIT_BIS
    return start, ende


def kosten_je_jahr(mn) -> dict[int, float]:
    k = betrag(mn["kosten"]) or 0.0
    start, ende = massnahme_zeitraum(mn)
    tage = (ende - start).days + 1
    anteile = {}
    for j in C.JAHRE:
        a = max(start, date(j, 1, 1))
        b = min(ende, date(j, 12, 31))
        t = (b - a).days + 1 if a <= b else 0
        anteile[j] = k * t / tage
    return anteile


# ---------------------------------------------------------------------------
# Eigene Prüfung der Inhalte
# ---------------------------------------------------------------------------

FELD_KURZ = {"Bildung und Sprachförderung": "B", "Arbeit und Wirtschaft": "A", "Arbeit und Beruf": "A",
             "Wohnen und Zusammenleben": "W", "Jugend und Soziales": "J", "Gesundheitsversorgung": "G",
             "Kultur und Religion": "K", "Interkulturelle Öffnung der Verwaltung": "V"}
KURZ = set("BAWJGKV")
PRIO = {"hoch": "hoch", "mittel": "mittel", "niedrig": "niedrig", "1": "hoch", "2": "mittel", "3": "niedrig",
        "a": "hoch", "b": "mittel", "c": "niedrig"}
STATUS = {"geplant", "in umsetzung", "laufend", "begonnen", "umgesetzt", "abgeschlossen", "erledigt",
          "zurückgestellt", "pausiert"}


def pruefen() -> dict[int, float]:
    fehler: list[str] = []
    akteure = [a[0] for a in C.AKTEURE]
    if len(set(akteure)) != len(akteure):
        fehler.append("Akteure doppelt: " + str({a for a in akteure if akteure.count(a) > 1}))
    for a, kat, person, felder in C.AKTEURE:
        if "," in a or ";" in a:
            fehler.append(f"Akteursname mit Trennzeichen: {a}")
        for f in liste(felder):
            if f not in KURZ and f not in FELD_KURZ:
                fehler.append(f"Akteur {a}: unbekanntes Handlungsfeld {f}")
    akteur_set = set(akteure)

    for _, s, e, _ in C.ZEITPLAN:
        zs, ze = zeitraum(s), zeitraum(e)
        anfang = zs[0]
        schluss = ze[1] if ze else LAUFZEIT_BIS
        if not (LAUFZEIT_VON <= anfang <= schluss <= LAUFZEIT_BIS):
            fehler.append(f"Zeitplan außerhalb der Laufzeit: {s} – {e}")

    gesamt = {j: 0.0 for j in C.JAHRE}
    prios = []
    for ag in AG.AGS:
        name = ag["datei"]
        hf = dict(ag["arbeitsgruppe"])["Handlungsfeld"]
        kurz = hf if hf in KURZ else FELD_KURZ[hf]
        ziele = [z[0] for z in ag["ziele"]]
        if len(set(ziele)) != len(ziele):
            fehler.append(f"{name}: Ziel-Nr doppelt")
        for z in ag["ziele"]:
            nr, _, ind, _, aus, zw, einheit = z
            if not nr.startswith(kurz):
                fehler.append(f"{name}: Ziel {nr} passt nicht zum Kürzel {kurz}")
            if zw is not None and not ind:
                fehler.append(f"{name}: Ziel {nr} hat Zielwert, aber keinen Indikator")
            if einheit == "%" and not (0 <= aus <= 100 and 0 <= zw <= 100):
                fehler.append(f"{name}: Ziel {nr} Prozentwert außerhalb 0–100")
        nrn = [mn["nr"] for mn in ag["massnahmen"]]
        if len(set(nrn)) != len(nrn):
            fehler.append(f"{name}: Maßnahmen-Nr doppelt")
        if not 6 <= len(nrn) <= 12:
            fehler.append(f"{name}: {len(nrn)} Maßnahmen (erwartet 6–12)")
        for mn in ag["massnahmen"]:
            wo = f"{name} {mn['nr']}"
            for zn in liste(mn["ziel"]):
                if zn not in ziele:
                    fehler.append(f"{wo}: Ziel {zn} gibt es nicht")
            if mn["ff"] not in akteur_set:
                fehler.append(f"{wo}: Federführung kein Akteur: {mn['ff']}")
            for p in mn["partner"]:
                if p not in akteur_set:
                    fehler.append(f"{wo}: Partner kein Akteur: {p}")
            for feld in ("beginn", "ende"):
                v = mn[feld]
                if v is None or ist_offen(v):
                    continue
                a, b = zeitraum(v)
                if not (LAUFZEIT_VON <= a and b <= LAUFZEIT_BIS):
                    fehler.append(f"{wo}: {feld} {v} außerhalb der Laufzeit")
            start, ende = massnahme_zeitraum(mn)
            if start > ende:
                fehler.append(f"{wo}: Beginn nach Ende")
            if str(mn["prio"]).lower() not in PRIO:
                fehler.append(f"{wo}: Priorität {mn['prio']}")
            prios.append(PRIO[str(mn["prio"]).lower()])
            if mn["status"].lower() not in STATUS:
                fehler.append(f"{wo}: Status {mn['status']}")
            for j, k in kosten_je_jahr(mn).items():
                gesamt[j] += k
        for ab, _ in ag["befund"]:
            if ab not in ("Ausgangslage", "Handlungsbedarf", "Stärken"):
                fehler.append(f"{name}: Befund-Abschnitt {ab}")
        for e in ag["empfehlungen"]:
            if str(e[3]).lower() not in PRIO:
                fehler.append(f"{name}: Empfehlung {e[0]} Priorität {e[3]}")
    hoch = prios.count("hoch")
    print(f"Prioritäten der Maßnahmen: {hoch} von {len(prios)} hoch ({100 * hoch / len(prios):.0f} %)")
    if fehler:
        print("Widersprüche in den Inhalten:", *fehler, sep="\n  ")
        sys.exit(1)
    return gesamt


# ---------------------------------------------------------------------------
# Finanzen: der Ausgleichsposten (Eigenmittel) wird so bemessen, dass jedes Jahr die Summe der
# anteiligen Maßnahmenkosten mit Reserve gedeckt ist:
#
#   Ausgleich(j) = aufrunden_auf_10.000( 1,05 × Maßnahmenkosten(j) − feste Posten(j) ),
#                  mindestens 50.000 €
#
# Damit ist Budget(j) = feste Posten(j) + Ausgleich(j) ≥ 1,05 × Maßnahmenkosten(j), also liegt
# kein Jahr über dem Budget (keine Warnung), und die Reserve beträgt mindestens 5 %.
# ---------------------------------------------------------------------------

def finanzen(kosten: dict[int, float]) -> tuple[list[tuple], dict[int, float]]:
    zeilen = []
    budget = {}
    for j in C.JAHRE:
        fest = sum(p[2].get(j, 0) for p in C.FINANZEN_FEST)
        ausgleich = max(50000, math.ceil((1.05 * kosten[j] - fest) / 10000) * 10000)
        budget[j] = fest + ausgleich
        for posten, quelle, betraege in C.FINANZEN_FEST:
            if j in betraege:
                wert = C.FINANZEN_ALS_TEXT.get((j, posten), betraege[j])
                if not isinstance(wert, (int, float)):
                    assert betrag(wert) == betraege[j], (j, posten)
                zeilen.append((j, posten, wert, quelle))
        zeilen.append((j, C.FINANZEN_AUSGLEICH[0], ausgleich, C.FINANZEN_AUSGLEICH[1]))
    return zeilen, budget


# ---------------------------------------------------------------------------
# Tabellen schreiben
# ---------------------------------------------------------------------------

KOPF_FONT = Font(bold=True, color="FFFFFF")
KOPF_FILL = PatternFill("solid", fgColor=AKZENT)
TITEL_FONT = Font(bold=True, size=14, color=AKZENT)
SCHLUESSEL_FONT = Font(bold=True)
RAND = Border(bottom=Side(style="thin", color="A6A6A6"))
OBEN = Alignment(wrap_text=True, vertical="top")

BREITEN = {
    "Nr": 7, "Ziel": 40, "Ziel-Nr": 10, "Maßnahme": 38, "Titel": 38, "Beschreibung": 60, "Zielgruppe": 28,
    "Federführung": 28, "Verantwortlich": 28, "Partner": 38, "Kooperationspartner": 38, "Beginn": 12,
    "Ende": 12, "Kosten": 16, "Kosten in EUR": 16, "Finanzierung": 30, "Priorität": 10, "Status": 14,
    "Indikator": 45, "Quelle": 32, "Datenquelle": 32, "Ausgangswert": 13, "Basisjahr": 10,
    "Zielwert": 11, "Einheit": 14, "Zieljahr": 10, "Kennzahl": 55, "Merkmal": 55, "Wert": 11, "Jahr": 8,
    "Name": 28, "Institution": 45, "Funktion": 40, "Abschnitt": 26, "Text": 110, "Empfehlung": 80,
    "Handlungsempfehlung": 80, "Adressat": 36, "Akteur": 52, "Kategorie": 36, "Ansprechperson": 34,
    "Handlungsfelder": 30, "Rolle": 18, "Leitlinie": 50, "Erläuterung": 90, "Insgesamt": 12,
    "Mit Migrationshintergrund": 16, "Posten": 62, "Betrag": 14, "Phase": 40,
}

DATUM_FMT = "DD.MM.YYYY"
EURO_FMT = '#,##0 "€"'


def zahl_format(v) -> str:
    if isinstance(v, float) and not v.is_integer():
        return "#,##0.0"
    return "#,##0" if abs(v) >= 10000 else "0"


def zeilenhoehe(werte, breiten) -> float | None:
    """Geschätzte Zeilenhöhe für umbrochenen Text (Excel passt sie beim Öffnen nicht selbst an)."""
    zeilen = 1
    for v, b in zip(werte, breiten):
        if not isinstance(v, str):
            continue
        n = 0
        for teil in v.split("\n"):
            n += max(1, math.ceil(len(teil) / (b * 1.05)))
        zeilen = max(zeilen, n)
    if zeilen == 1:
        return None
    return min(409, 15 * (zeilen + 1))


def setze(zelle, v, *, prozent=None, geld=False):
    """Eine Zelle mit passendem Zahlenformat schreiben."""
    if isinstance(v, datetime):
        v = v.date()
    zelle.value = v
    zelle.alignment = OBEN
    if isinstance(v, date):
        zelle.number_format = DATUM_FMT
    elif isinstance(v, bool):
        pass
    elif isinstance(v, (int, float)):
        if geld:
            zelle.number_format = EURO_FMT
        elif prozent == "zelle":
            zelle.value = round(v / 100, 6)
            zelle.number_format = "0%" if float(v).is_integer() else "0.0%"
        else:
            zelle.number_format = zahl_format(v)


def prozent_wert(v, stil):
    """Prozentwert (in Prozentpunkten) in der Form des Arbeitsblatts."""
    if v is None:
        return None
    if stil == "text":
        s = f"{v:.1f}" if isinstance(v, float) else f"{v}"   # 11.0 -> "11,0 %", 34 -> "34 %"
        return s.replace(".", ",") + " %"
    return v


def tabelle(ws, kopf, zeilen, *, titel=None, geld_spalten=(), prozent_spalten=None, querformat=False,
            breiten_extra=None):
    """Kopf + Zeilen schreiben; prozent_spalten: {Spaltenindex: Stil}, gilt für Zeilen mit Einheit %."""
    r0 = 1
    if titel:
        ws.cell(row=1, column=1, value=titel).font = TITEL_FONT
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(kopf))
        ws.row_dimensions[1].height = 24
        r0 = 3  # Titel, Leerzeile, dann Kopf
    breiten = [(breiten_extra or {}).get(k, BREITEN.get(k, 20)) for k in kopf]
    for c, (k, b) in enumerate(zip(kopf, breiten), start=1):
        z = ws.cell(row=r0, column=c, value=k)
        z.font = KOPF_FONT
        z.fill = KOPF_FILL
        z.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(c)].width = b
    ws.row_dimensions[r0].height = 30 if any(len(k) > b for k, b in zip(kopf, breiten)) else 20
    for i, zeile in enumerate(zeilen, start=r0 + 1):
        stile = prozent_spalten(zeile) if callable(prozent_spalten) else {}
        for c, v in enumerate(zeile, start=1):
            z = ws.cell(row=i, column=c)
            setze(z, v, prozent=stile.get(c - 1), geld=(c - 1) in geld_spalten)
            z.border = RAND
        h = zeilenhoehe(zeile, breiten)
        if h:
            ws.row_dimensions[i].height = h
    ws.freeze_panes = ws.cell(row=r0 + 1, column=1)
    ws.print_title_rows = f"{r0}:{r0}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if querformat else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def schluessel_werte(ws, paare):
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 70
    for i, (k, v) in enumerate(paare, start=1):
        ws.cell(row=i, column=1, value=k).font = SCHLUESSEL_FONT
        setze(ws.cell(row=i, column=2), v)


def neue_mappe() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    p = wb.properties
    p.creator = "Stadt Musterstadt – Amt für Integration und Vielfalt"
    p.lastModifiedBy = p.creator
    p.created = STAND
    p.modified = STAND
    return wb


def speichern(wb: Workbook, pfad: Path):
    wb.save(pfad)
    zip_normalisieren(pfad)


START_TAG = re.compile(rb'<([\w:.-]+)((?:\s+[\w:.-]+="[^"]*")+)\s*(/?)>')
ATTRIBUT = re.compile(rb'([\w:.-]+)="([^"]*)"')


def attribute_sortieren(xml: bytes) -> bytes:
    """LibreOffice schreibt die Attribute mancher Elemente in wechselnder Reihenfolge;
    für reproduzierbare Dateien werden sie sortiert (für XML bedeutungslos)."""
    def sortiert(mt):
        attr = sorted(ATTRIBUT.findall(mt[2]))
        return b"<" + mt[1] + b"".join(b" " + k + b'="' + v + b'"' for k, v in attr) + mt[3] + b">"
    return START_TAG.sub(sortiert, xml)


SEITENLAYOUT = re.compile(rb'<style:page-layout [^>]*?style:name="([^"]+)"[^>]*>.*?</style:page-layout>', re.S)
MASTERSEITE = re.compile(rb'<style:master-page [^>]*?style:name="([^"]+)"[^>]*>.*?</style:master-page>', re.S)


def bloecke_ersetzen(xml: bytes, muster, neu: list[bytes]) -> bytes:
    treffer = list(muster.finditer(xml))
    teile, pos = [], 0
    for mt, block in zip(treffer, neu):
        teile += [xml[pos:mt.start()], block]
        pos = mt.end()
    return b"".join(teile) + xml[pos:]


def seitenstile_ordnen(xml: bytes) -> bytes:
    """LibreOffice legt die Seitenvorlagen der Tabellenblätter in wechselnder Reihenfolge ab
    und nummeriert die Seitenlayouts (Mpm1, Mpm2 …) danach. Sortiert und neu nummeriert ist
    der Inhalt gleich, die Datei aber reproduzierbar."""
    layouts = list(SEITENLAYOUT.finditer(xml))
    ohne_name = {mt[1]: mt[0].replace(b'style:name="' + mt[1] + b'"', b'style:name="@"') for mt in layouts}
    reihenfolge = sorted(ohne_name, key=lambda n: ohne_name[n])
    umbenennen = {alt: b"Mpm%d" % (i + 1) for i, alt in enumerate(reihenfolge)}
    neue_layouts = [ohne_name[alt].replace(b'style:name="@"', b'style:name="' + umbenennen[alt] + b'"')
                    for alt in reihenfolge]
    xml = bloecke_ersetzen(xml, SEITENLAYOUT, neue_layouts)
    seiten = sorted(MASTERSEITE.finditer(xml), key=lambda mt: mt[1])
    neue_seiten = [re.sub(rb'style:page-layout-name="([^"]+)"',
                          lambda r: b'style:page-layout-name="' + umbenennen.get(r[1], r[1]) + b'"', mt[0])
                   for mt in seiten]
    return bloecke_ersetzen(xml, MASTERSEITE, neue_seiten)


def zip_normalisieren(pfad: Path):
    """Feste Zeitstempel im ZIP und in den Dokumenteigenschaften (reproduzierbare Dateien)."""
    stempel = STAND.strftime("%Y-%m-%dT%H:%M:%S")
    with zipfile.ZipFile(pfad) as z:
        eintraege = [(i, z.read(i.filename)) for i in z.infolist()]
    puffer = io.BytesIO()
    with zipfile.ZipFile(puffer, "w") as z:
        for info, daten in eintraege:
            if info.filename == "docProps/core.xml":
                daten = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stempel.encode() + b"Z", daten)
                daten = re.sub(rb"(<dcterms:created[^>]*>)[^<]*", rb"\g<1>" + stempel.encode() + b"Z", daten)
            elif info.filename == "meta.xml":
                daten = re.sub(rb"(<dc:date>)[^<]*", rb"\g<1>" + stempel.encode(), daten)
                daten = re.sub(rb"(<meta:creation-date>)[^<]*", rb"\g<1>" + stempel.encode(), daten)
                daten = re.sub(rb"<meta:editing-duration>[^<]*</meta:editing-duration>", b"", daten)
            if pfad.suffix == ".ods" and info.filename.endswith(".xml"):
                daten = attribute_sortieren(daten)
                if info.filename == "styles.xml":
                    daten = seitenstile_ordnen(daten)
            neu = zipfile.ZipInfo(info.filename, date_time=STAND.timetuple()[:6])
            neu.compress_type = info.compress_type
            neu.external_attr = info.external_attr
            z.writestr(neu, daten)
    pfad.write_bytes(puffer.getvalue())


# ---------------------------------------------------------------------------
# steuerung.xlsx
# ---------------------------------------------------------------------------

def steuerung(pfad: Path, finanz_zeilen):
    wb = neue_mappe()
    tabelle(wb.create_sheet("Texte"), ["Abschnitt", "Text"], C.TEXTE)
    tabelle(wb.create_sheet("Steuerungsgruppe"), ["Name", "Funktion", "Institution", "Rolle"], C.STEUERUNGSGRUPPE)
    tabelle(wb.create_sheet("Akteure"), ["Akteur", "Kategorie", "Ansprechperson", "Handlungsfelder"], C.AKTEURE)
    tabelle(wb.create_sheet("Leitlinien"), ["Nr", "Leitlinie", "Erläuterung", "Ziele"],
            [(*ll, C.LEITLINIEN_ZIELE.get(ll[0])) for ll in C.LEITLINIEN])
    tabelle(wb.create_sheet("Oberziele"), ["Nr", "Oberziel", "Handlungsfeld", "Erläuterung"], C.OBERZIELE)
    tabelle(wb.create_sheet("Ausgangslage"),
            ["Merkmal", "Insgesamt", "Mit Migrationshintergrund", "Einheit", "Jahr", "Quelle"],
            C.AUSGANGSLAGE, querformat=True)
    tabelle(wb.create_sheet("Finanzen"), ["Jahr", "Posten", "Betrag", "Quelle"], finanz_zeilen,
            geld_spalten={2})
    tabelle(wb.create_sheet("Zeitplan"), ["Phase", "Beginn", "Ende", "Beschreibung"], C.ZEITPLAN)
    wb["Zeitplan"].column_dimensions["D"].width = 70
    tabelle(wb.create_sheet("Beteiligung"),
            ["Datum", "Format", "Teilnehmende", "Institutionen", "Beschreibung"], C.BETEILIGUNG)
    wb["Beteiligung"].column_dimensions["E"].width = 70
    tabelle(wb.create_sheet("Begriffe"), ["Begriff", "Erläuterung"], C.BEGRIFFE)
    wb["Begriffe"].column_dimensions["B"].width = 80
    tabelle(wb.create_sheet("Literatur"), ["Quelle", "Link"], C.LITERATUR)
    wb["Literatur"].column_dimensions["A"].width = 80
    speichern(wb, pfad)


# ---------------------------------------------------------------------------
# Arbeitsgruppen
# ---------------------------------------------------------------------------

def ag_mappe(ag, pfad: Path):
    wb = neue_mappe()
    stil = ag["prozent"]
    titel = ag.get("titel", {})

    schluessel_werte(wb.create_sheet("Arbeitsgruppe"), ag["arbeitsgruppe"])

    kopf = ag.get("mitglieder_spalten", AG.MITGLIEDER_SPALTEN)
    reihen = []
    for name, inst, funktion in ag["mitglieder"]:
        werte = {"Name": name, "Institution": inst, "Funktion": funktion}
        reihen.append([werte[k] for k in kopf])
    tabelle(wb.create_sheet("Mitglieder"), kopf, reihen)

    kopf = ag.get("ausgangslage_spalten", AG.AUSGANGSLAGE_SPALTEN)
    reihen = []
    for kz, wert, einheit, jahr, quelle in ag["ausgangslage"]:
        if einheit == "%":
            wert = prozent_wert(wert, stil)
        reihen.append([kz, wert, einheit, jahr, quelle])
    tabelle(wb.create_sheet("Ausgangslage"), kopf, reihen,
            prozent_spalten=lambda z: {1: stil} if z[2] == "%" else {})

    tabelle(wb.create_sheet("Befund"), ["Abschnitt", "Text"], ag["befund"])

    kopf = ag.get("ziele_spalten", AG.ZIELE_SPALTEN)
    reihen = []
    for nr, ziel, ind, quelle, aus, zw, einheit in ag["ziele"]:
        if einheit == "%":
            aus, zw = prozent_wert(aus, stil), prozent_wert(zw, stil)
        reihen.append([nr, ziel, ind, quelle, aus, 2024, zw, einheit, 2030,
                       AG.OBERZIEL_JE_ZIEL.get(nr), AG.THEMEN_JE_ZIEL.get(nr)])
    kopf = kopf + ["Oberziel", "Querschnittsthemen"]
    tabelle(wb.create_sheet("Ziele"), kopf, reihen, titel=titel.get("Ziele"), querformat=True,
            prozent_spalten=lambda z: {4: stil, 6: stil} if z[7] == "%" else {})

    spalten = ag.get("massnahmen_spalten", AG.MASSNAHMEN_SPALTEN)
    spalten = spalten + [("themen", "Querschnittsthemen"), ("ort", "Ort")]
    trenner = ag.get("partner_trenner", "; ")
    reihen = []
    for mn in ag["massnahmen"]:
        werte = dict(mn)
        werte["partner"] = trenner.join(mn["partner"])
        werte["themen"] = AG.THEMEN_JE_MASSNAHME.get(mn["nr"])
        werte["ort"] = AG.ORT_JE_MASSNAHME.get(mn["nr"])
        reihen.append([werte.get(k) for k, _ in spalten])
    geld = {i for i, (k, _) in enumerate(spalten) if k == "kosten"}
    tabelle(wb.create_sheet("Maßnahmen"), [h for _, h in spalten], reihen,
            titel=titel.get("Maßnahmen"), geld_spalten=geld, querformat=True,
            breiten_extra={"Ziel": 10})

    kopf = ag.get("empfehlungen_spalten", AG.EMPFEHLUNGEN_SPALTEN)
    tabelle(wb.create_sheet("Empfehlungen"), kopf, ag["empfehlungen"])

    speichern(wb, pfad)


def soffice_umwandeln(quelle: Path, format_: str, zielordner: Path, profil: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice (soffice) wird für die .ods- und .xls-Mappen benötigt.")
    filter_ = {"ods": "ods", "xls": "xls:MS Excel 97"}[format_]
    subprocess.run(
        [soffice, f"-env:UserInstallation={profil.as_uri()}", "--headless", "--norestore",
         "--convert-to", filter_, "--outdir", str(zielordner), str(quelle)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ergebnis = zielordner / f"{quelle.stem}.{format_}"
    if not ergebnis.exists():
        sys.exit(f"LibreOffice hat {ergebnis.name} nicht erzeugt.")
    if format_ == "ods":
        zip_normalisieren(ergebnis)
    return ergebnis


# ---------------------------------------------------------------------------
# Logo: Wappenschild mit stilisiertem Turm und Wellen, darunter „MUSTERSTADT“
# ---------------------------------------------------------------------------

def logo(pfad: Path):
    s = 4                                    # Überabtastung für glatte Kanten
    breite, hoehe = 600, 720
    img = Image.new("RGB", (breite * s, hoehe * s), "white")
    d = ImageDraw.Draw(img)
    blau = (0x00, 0x5C, 0xA9)
    hell = (0x7F, 0xB2, 0xE0)

    def schild(x0, y0, x1, y1, spitze):
        """Umriss eines Wappenschilds: gerade Oberkante, Seiten, zur Spitze gebogen."""
        pkt = [(x0, y0), (x1, y0), (x1, y1)]
        for i in range(1, 41):
            t = i / 40
            cx, cy = x1, y1 + (spitze - y1) * 0.75
            px = (1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t ** 2 * 300
            py = (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t ** 2 * spitze
            pkt.append((px, py))
        for i in range(1, 40):
            t = i / 40
            cx, cy = x0, y1 + (spitze - y1) * 0.75
            px = (1 - t) ** 2 * 300 + 2 * (1 - t) * t * cx + t ** 2 * x0
            py = (1 - t) ** 2 * spitze + 2 * (1 - t) * t * cy + t ** 2 * y1
            pkt.append((px, py))
        return [(x * s, y * s) for x, y in pkt]

    d.polygon(schild(110, 30, 490, 330, 590), fill=blau)
    d.line(schild(128, 48, 472, 330, 566) + [(128 * s, 48 * s)], fill="white", width=5 * s, joint="curve")

    def rechteck(x0, y0, x1, y1, farbe="white"):
        d.rectangle([x0 * s, y0 * s, x1 * s, y1 * s], fill=farbe)

    def zinnen(x0, x1, y, n, h=22):
        b = (x1 - x0) / (2 * n - 1)
        for i in range(n):
            rechteck(x0 + 2 * i * b, y - h, x0 + (2 * i + 1) * b, y)

    # Seitentürme, Mauer, Hauptturm
    rechteck(180, 250, 240, 420)
    zinnen(180, 240, 250, 3)
    rechteck(360, 250, 420, 420)
    zinnen(360, 420, 250, 3)
    rechteck(180, 330, 420, 420)
    zinnen(240, 360, 330, 3, h=18)
    rechteck(250, 150, 350, 420)
    zinnen(250, 350, 150, 3, h=26)
    # Tor und Fenster
    d.rectangle([278 * s, 360 * s, 322 * s, 420 * s], fill=blau)
    d.ellipse([278 * s, 338 * s, 322 * s, 382 * s], fill=blau)
    for x in (272, 312):
        d.rectangle([x * s, 190 * s, (x + 16) * s, 225 * s], fill=blau)
        d.ellipse([x * s, 182 * s, (x + 16) * s, 198 * s], fill=blau)
    for x in (202, 382):
        d.rectangle([x * s, 280 * s, (x + 16) * s, 310 * s], fill=blau)
    # Wellen (Fluss)
    for k, y in enumerate((455, 490)):
        pkt = []
        x0, x1 = 190 + 18 * k, 410 - 18 * k
        for i in range(0, 121):
            x = x0 + (x1 - x0) * i / 120
            pkt.append((x * s, (y + 7 * math.sin((x - x0) / (x1 - x0) * 6 * math.pi)) * s))
        d.line(pkt, fill=hell if k else "white", width=7 * s, joint="curve")

    # Schriftzug mit Sperrung
    schrift = ImageFont.load_default(size=58 * s)
    wort = "MUSTERSTADT"
    sperr = 6 * s
    breiten = [d.textlength(ch, font=schrift) for ch in wort]
    gesamt = sum(breiten) + sperr * (len(wort) - 1)
    x = (breite * s - gesamt) / 2
    for ch, b in zip(wort, breiten):
        d.text((x, 625 * s), ch, font=schrift, fill=blau, stroke_width=int(1.5 * s), stroke_fill=blau)
        x += b + sperr
    img = img.resize((breite, hoehe), Image.LANCZOS)
    img.save(pfad, format="PNG", optimize=False)


# ---------------------------------------------------------------------------

def main():
    kosten = pruefen()
    finanz_zeilen, budget = finanzen(kosten)

    print("Jahr  Maßnahmenkosten (anteilig)        Finanzen   Reserve")
    for j in C.JAHRE:
        print(f"{j}  {kosten[j]:>26,.0f} € {budget[j]:>14,.0f} € {budget[j] - kosten[j]:>9,.0f} €"
              .replace(",", "."))

    ZIEL.mkdir(parents=True, exist_ok=True)
    ag_ordner = ZIEL / "arbeitsgruppen"
    if ag_ordner.exists():
        shutil.rmtree(ag_ordner)
    ag_ordner.mkdir()

    (ZIEL / "konzept.toml").write_text(C.KONZEPT_TOML, encoding="utf-8")
    logo(ZIEL / "logo.png")
    steuerung(ZIEL / "steuerung.xlsx", finanz_zeilen)

    with tempfile.TemporaryDirectory(prefix="musterstadt-") as tmp:
        tmp = Path(tmp)
        profil = tmp / "lo-profil"
        for ag in AG.AGS:
            if ag["format"] == "xlsx":
                ag_mappe(ag, ag_ordner / f"{ag['datei']}.xlsx")
            else:
                zwischen = tmp / f"{ag['datei']}.xlsx"
                ag_mappe(ag, zwischen)
                ergebnis = soffice_umwandeln(zwischen, ag["format"], tmp, profil)
                shutil.move(ergebnis, ag_ordner / ergebnis.name)

    for p in sorted(ZIEL.rglob("*")):
        if p.is_file():
            print(f"  {p.relative_to(REPO)}  ({p.stat().st_size:,} Bytes)".replace(",", "."))


if __name__ == "__main__":
    main()
