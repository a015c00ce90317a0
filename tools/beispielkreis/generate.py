#!/usr/bin/env python3
"""Erzeugt das zweite Beispielprojekt examples/beispielkreis/.

Gleiche Arbeitsmappen wie examples/musterstadt/, aber eine eigene Gestaltung:
dunkelgrün und orange, ein SVG-Logo, ein Titelbild (JPEG), die Schrift
DejaVu Sans aus dem Projektordner (schriften/), ein Absenderblock, andere
Seitenränder und eine Word-Vorlage (vorlage-kreis.dotx) als Grundlage des DOCX.

Aufruf aus dem Wurzelverzeichnis des Repositorys:

    python3 tools/beispielkreis/generate.py

Voraussetzungen: Python 3, Pillow, python-docx und das Debian-Paket
fonts-dejavu-core (für die Schriftdateien). Das Ergebnis ist reproduzierbar:
feste Zeitstempel im ZIP der Vorlage, keine Zufallswerte in den Bildern.
"""

import html
import io
import re
import shutil
import zipfile
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[2]
QUELLE = ROOT / "examples" / "musterstadt"
ZIEL = ROOT / "examples" / "beispielkreis"

GRUEN = (30, 92, 58)        # #1E5C3A
GRUEN_HELL = (92, 150, 96)
ORANGE = (232, 115, 26)     # #E8731A
HIMMEL = (226, 238, 230)

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
DEJAVU_LIZENZ = Path("/usr/share/doc/fonts-dejavu-core/copyright")
SCHRIFTEN = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"]

KONZEPT_TOML = '''\
# Integrationskonzept des Kreises Beispielkreis – Projektdatei
#
# Zweites Beispiel neben examples/musterstadt: dieselben Arbeitsmappen, aber die
# Gestaltung des Kreises – Farben, Logo, Schrift, Absender, Titelbild, Seitenränder
# und die Word-Vorlage des Kreises als Grundlage des DOCX.
#
# Prüfen:   konzept check examples/beispielkreis
# Erzeugen: konzept build examples/beispielkreis   (PDF, DOCX und ODT im Ordner „ausgabe“)
#
# Hinweis: Dieses Beispiel wird mit tools/beispielkreis/generate.py erzeugt.
# Änderungen bitte dort vornehmen, sonst gehen sie beim nächsten Erzeugen verloren.

[kommune]
name = "Beispielkreis"
art = "Kreis"                        # Stadt | Gemeinde | Landkreis | Kreis | Stadtbezirk
bundesland = "Niedersachsen"
logo = "logo.svg"                    # PNG, JPEG oder SVG, relativ zu dieser Datei

[dokument]
titel = "Integrationskonzept des Kreises Beispielkreis"
untertitel = "Ankommen, teilhaben, bleiben – Handlungsprogramm 2026 bis 2030"
kurztitel = "Integrationskonzept Beispielkreis"
version = "1.0"
stand = 2026-11-15
status = "Beschlussvorlage"          # Entwurf | Beschlussvorlage | Beschlossen
laufzeit = { von = 2026, bis = 2030 }
vorlage = "Kreistagsdrucksache 2026/142"
gremium = "Kreistag des Kreises Beispielkreis"
sitzung = 2027-02-04
verantwortlich = "Fachdienst Migration und Teilhabe"
# Kopf der Beschlussvorlage
vorlageart = "Beschlussvorlage"      # z. B. auch „Mitteilungsvorlage“
dezernat = "Dezernat II – Jugend, Soziales und Gesundheit"
beteiligt = ["Fachdienst Schule und Bildung", "Jobcenter Beispielkreis", "Fachdienst Finanzen"]
bearbeitung = "Frau Okonkwo, Tel. 05999 123-4561"
aktenzeichen = "50.3-01/2026"
vorgang = [{ vorlage = "Kreistagsdrucksache 2024/088", datum = 2024-05-14, text = "Auftrag zur Erarbeitung eines Integrationskonzepts" }]
unterzeichnung = { name = "Dr. Anna Beispiel", funktion = "Erste Kreisrätin", vertretung = true }
haushalt = { art = "konsumtiv", produkt = "Produkt 31.30.01 Integration und Teilhabe", ansatz = "jährlich rund 1,4 Mio. € Eigenmittel im Ergebnishaushalt 2026 bis 2030", deckung = "Ansätze im Haushaltsplanentwurf; Landes-, Bundes- und EU-Mittel werden beantragt", folgekosten = "keine über die Laufzeit hinaus", stellen = "keine zusätzlichen Stellen" }
# weitere Abschnitte der Vorlage; ihre Texte stehen im Blatt „Texte“ der Steuerungsmappe
abschnitte = ["Bezug zu strategischen Zielen", "Auswirkungen auf den Klimaschutz", "Gleichstellung"]

# Beratungsfolge: rolle = Anhörung | Empfehlung | Vorberatung | Kenntnisnahme | Entscheidung
[[beratung]]
gremium = "Migrationsbeirat des Kreises Beispielkreis"
sitzung = 2027-01-12
oeffentlich = true
rolle = "Anhörung"

[[beratung]]
gremium = "Ausschuss für Soziales, Migration und Teilhabe"
sitzung = 2027-01-19
oeffentlich = true
rolle = "Empfehlung"
beschlussvorschlag = "Der Ausschuss für Soziales, Migration und Teilhabe empfiehlt dem Kreistag, das Integrationskonzept des Kreises Beispielkreis 2026–2030 wie vorgeschlagen zu beschließen."

[[beratung]]
gremium = "Kreisausschuss"
sitzung = 2027-01-26
oeffentlich = false
rolle = "Vorberatung"
beschlussvorschlag = "Der Kreisausschuss schließt sich der Empfehlung des Fachausschusses an und empfiehlt dem Kreistag den Beschluss."

[[beratung]]
gremium = "Kreistag des Kreises Beispielkreis"
sitzung = 2027-02-04
oeffentlich = true
rolle = "Entscheidung"

[ausgabe]
formate = ["pdf", "docx", "odt", "vorlage"]   # ODT: OpenDocument für LibreOffice

[gestaltung]
farbe = "#1E5C3A"                    # Akzentfarbe: Dunkelgrün des Kreises
farbe2 = "#E8731A"                   # zweite Farbe: Orange
schrift = "DejaVu Sans"              # aus dem Ordner schriften/ (Lizenz dort)
schriften = "schriften/"
titelbild = "titel.jpg"              # Titelbild der Titelseite (PNG oder JPEG)
titelbild_text = "Zeichnung: grüne Hügel mit Dörfern und einer orangefarbenen Sonne"
word_vorlage = "vorlage-kreis.dotx"  # Formatvorlagen, Design, Seite und Kopfzeilenbild fürs DOCX
raender = { oben = "2,7cm", unten = "2,5cm", links = "3cm", rechts = "2cm" }
absender = { fachbereich = "Fachdienst Migration und Teilhabe", anschrift = """
Kreishaus, Am Markt 4
31999 Beispielstadt""", telefon = "05999 123-4560", email = "teilhabe@beispielkreis.example", internet = "www.beispielkreis.example" }

# Querschnittsthemen: die Arbeitsmappen ordnen Ziele und Maßnahmen in der Spalte
# „Querschnittsthemen“ zu. Die Spalte „Ort“ der Maßnahmen nennt die Gemeinden, die eine
# Maßnahme betrifft; den Auszug für eine Gemeinde schreibt
#   konzept build examples/beispielkreis --auszug Kirchberg
[[querschnittsthema]]
name = "Antidiskriminierung"
beschreibung = "Der Kreis tritt jeder Form von Diskriminierung und Rassismus entgegen – in der Verwaltung, in Schulen, auf dem Arbeits- und Wohnungsmarkt und in der Freizeit."

[[querschnittsthema]]
name = "Gleichstellung der Geschlechter"
beschreibung = "Zugewanderte Frauen sind seltener erwerbstätig und seltener in Kursen. Angebote mit Kinderbetreuung und gezielte Ansprache sollen das ändern."

[[querschnittsthema]]
name = "Sozialraumorientierung"
beschreibung = "Integration geschieht vor Ort. Maßnahmen mit diesem Thema setzen in den Städten und Gemeinden an, in denen der Bedarf am größten ist."

[[querschnittsthema]]
name = "Ehrenamt"
beschreibung = "Ohne Ehrenamtliche gelingt Integration nicht. Diese Maßnahmen gewinnen, schulen und begleiten freiwillig Engagierte."

[[querschnittsthema]]
name = "Barrierefreiheit"
'''

LOGO_SVG = '''<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 240" width="200" height="240">
  <title>Wappen des Kreises Beispielkreis</title>
  <path d="M10 10 H190 V120 C190 185 140 220 100 232 C60 220 10 185 10 120 Z" fill="#1E5C3A"/>
  <path d="M22 22 H178 V118 C178 176 134 207 100 218 C66 207 22 176 22 118 Z" fill="none" stroke="#FFFFFF" stroke-width="4"/>
  <circle cx="136" cy="70" r="24" fill="#E8731A"/>
  <path d="M22 150 C60 112 92 112 124 140 C146 120 164 116 178 124 V160 H22 Z" fill="#5C9660"/>
  <path d="M30 176 C70 146 118 150 170 172 C150 200 128 212 100 218 C72 210 48 196 30 176 Z" fill="#E8731A"/>
  <path d="M70 150 V104 M70 104 L52 128 M70 104 L88 128 M70 118 L56 138 M70 118 L84 138" stroke="#FFFFFF" stroke-width="6" stroke-linecap="round" fill="none"/>
</svg>
'''


def titelbild(path: Path) -> None:
    """Eine Landschaft: Himmel, Sonne, drei Hügelketten, Häuser."""
    w, h = 1600, 700
    img = Image.new("RGB", (w, h), HIMMEL)
    d = ImageDraw.Draw(img)
    for y in range(h):  # Himmel: von hell oben zu fast weiß
        t = y / h
        c = tuple(round(a + (b - a) * t) for a, b in zip((196, 222, 208), (246, 243, 232)))
        d.line([(0, y), (w, y)], fill=c)
    d.ellipse([1180, 90, 1360, 270], fill=ORANGE)

    def huegel(basis, amp, perioden, phase, farbe):
        import math
        pts = [(0, h)]
        for x in range(0, w + 1, 8):
            y = basis - amp * math.sin(2 * math.pi * (x / w * perioden + phase))
            pts.append((x, y))
        pts.append((w, h))
        d.polygon(pts, fill=farbe)

    huegel(430, 60, 1.3, 0.10, (150, 190, 150))
    huegel(500, 50, 1.8, 0.55, GRUEN_HELL)
    # Häuser auf dem mittleren Hügel
    for i, x in enumerate(range(260, 760, 90)):
        y = 470 - (i % 3) * 8
        d.rectangle([x, y, x + 56, y + 44], fill=(250, 248, 240))
        d.polygon([(x - 6, y), (x + 28, y - 30), (x + 62, y)], fill=ORANGE if i % 2 else (160, 70, 30))
        d.rectangle([x + 22, y + 18, x + 34, y + 44], fill=GRUEN)
    huegel(590, 40, 1.1, 0.30, GRUEN)
    # Ein Weg in Orange
    d.polygon([(700, h), (760, 600), (800, 600), (940, h)], fill=(236, 160, 90))
    img.save(path, "JPEG", quality=88, optimize=False, progressive=False)


def kopfband(path: Path) -> None:
    """Das Bild der Kopfzeile der Word-Vorlage: ein grünes Band mit Akzent."""
    w, h = 1800, 90
    img = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 30, w - 260, 60], fill=GRUEN)
    d.rectangle([w - 240, 30, w, 60], fill=ORANGE)
    img.save(path, "PNG", optimize=False)


def word_vorlage(path: Path, band: Path) -> None:
    """Eine Word-Vorlage aus der Standardvorlage von python-docx."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    doc = docx.Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(2.7), Cm(2.5)
    sec.left_margin, sec.right_margin = Cm(3), Cm(2)
    sec.header_distance, sec.footer_distance = Cm(1.0), Cm(1.0)

    def schrift(style, groesse=None, farbe=None, fett=None):
        f = style.font
        f.name = "DejaVu Sans"
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        for a in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            if fonts is not None and fonts.get(qn(a)) is not None:
                del fonts.attrib[qn(a)]
        if groesse:
            f.size = Pt(groesse)
        if farbe:
            f.color.rgb = RGBColor(*farbe)
        if fett is not None:
            f.bold = fett

    st = doc.styles
    schrift(st["Normal"], 10)
    schrift(st["Title"], 30, GRUEN, True)
    schrift(st["Subtitle"], 15, (90, 90, 90), False)
    schrift(st["Heading 1"], 18, GRUEN, True)
    schrift(st["Heading 2"], 13.5, (200, 90, 10), True)
    schrift(st["Heading 3"], 11, GRUEN, True)
    schrift(st["Caption"], 8.5, (90, 90, 90), False)
    from docx.enum.style import WD_STYLE_TYPE
    for i in (1, 2, 3):
        toc = st.add_style(f"toc {i}", WD_STYLE_TYPE.PARAGRAPH)
        toc.base_style = st["Normal"]
        toc.font.size = Pt(10)
        if i == 1:
            toc.font.bold = True
            toc.font.color.rgb = RGBColor(*GRUEN)
    for name in ("List Bullet", "List Number"):
        ppr = st[name].element.pPr
        if ppr is not None and ppr.numPr is not None:
            ppr.remove(ppr.numPr)
    # Überschrift 1 mit einer orangefarbenen Linie darunter.
    ppr = st["Heading 1"].element.get_or_add_pPr()
    bdr = ppr.makeelement(qn("w:pBdr"), {})
    unten = bdr.makeelement(qn("w:bottom"), {qn("w:val"): "single", qn("w:sz"): "12",
                                            qn("w:space"): "4", qn("w:color"): "E8731A"})
    bdr.append(unten)
    ppr.insert_element_before(bdr, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing",
                              "w:ind", "w:jc", "w:outlineLvl", "w:rPr")

    kopf = sec.header
    kopf.is_linked_to_previous = False
    p = kopf.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p.add_run().add_picture(str(band), width=Cm(16))

    buf = io.BytesIO()
    doc.save(buf)
    # Als .dotx: anderer Inhaltstyp des Hauptteils; das Thema mit den Farben
    # und der Schrift des Kreises; feste Zeitstempel.
    quelle = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in quelle.infolist():
            data = quelle.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"wordprocessingml.document.main+xml",
                    b"wordprocessingml.template.main+xml",
                )
            if info.filename == "word/styles.xml":
                # Die Linie unter dem Titel in Orange statt im Blau der Standardvorlage.
                data = data.replace(b'w:color="4F81BD"', b'w:color="E8731A"')
            if info.filename == "word/theme/theme1.xml":
                t = data.decode("utf-8")
                t = t.replace('<a:latin typeface="Calibri"/>', '<a:latin typeface="DejaVu Sans"/>')
                t = t.replace('<a:latin typeface="Cambria"/>', '<a:latin typeface="DejaVu Sans"/>')
                t = t.replace('<a:srgbClr val="4F81BD"/>', '<a:srgbClr val="1E5C3A"/>', 1)
                t = t.replace('<a:srgbClr val="C0504D"/>', '<a:srgbClr val="E8731A"/>', 1)
                data = t.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            out.writestr(zi, data)

# Die Texte der Steuerungsgruppe stammen aus Musterstadt; ein Konzept mit
# Status „Beschlussvorlage“, dessen Texte noch „Musterstadt“ nennen, meldet
# `konzept check` als Warnung. Diese Ersetzungen machen daraus Texte des
# Kreises (der Reihe nach angewandt, nur im Blatt „Texte“).
TEXTE_KREIS = [
    ("Liebe Musterstädterinnen und Musterstädter,\n\nMusterstadt ist seit jeher eine Stadt, in die Menschen",
     "Liebe Bürgerinnen und Bürger des Beispielkreises,\n\nder Beispielkreis ist seit jeher ein Kreis, in den Menschen"),
    ("leben in unserer Stadt.", "leben in unseren Städten und Gemeinden."),
    ("Oberbürgermeisterin der Stadt Musterstadt", "Landrätin des Kreises Beispielkreis"),
    ("Der Rat der Stadt Musterstadt beschließt:", "Der Kreistag des Kreises Beispielkreis beschließt:"),
    ("Das Integrationskonzept der Stadt Musterstadt 2026 bis 2030 wird als gesamtstädtisches Handlungsprogramm",
     "Das Integrationskonzept des Kreises Beispielkreis 2026 bis 2030 wird als kreisweites Handlungsprogramm"),
    ("legt dem Rat ab 2028", "legt dem Kreistag ab 2028"),
    ("Das Integrationskonzept der Stadt Musterstadt beschreibt, wie Stadtverwaltung, Politik und Stadtgesellschaft",
     "Das Integrationskonzept des Kreises Beispielkreis beschreibt, wie Kreisverwaltung, Politik und Zivilgesellschaft"),
    ("Einwanderungsgeschichte in Musterstadt", "Einwanderungsgeschichte im Beispielkreis"),
    ("Musterstadt braucht Fachkräfte", "Der Beispielkreis braucht Fachkräfte"),
    ("Der Rat der Stadt Musterstadt hat", "Der Kreistag des Kreises Beispielkreis hat"),
    ("Musterstadt kann auf gewachsene", "Der Beispielkreis kann auf gewachsene"),
    ("Bürgerstiftung Musterstadt", "Bürgerstiftung Beispielkreis"),
    ("Musterstadt hatte am", "Der Beispielkreis hatte am"),
    ("Die Stadt Musterstadt setzt", "Der Kreis Beispielkreis setzt"),
    ("Musterstadt will, dass alle Menschen", "Der Beispielkreis will, dass alle Menschen"),
]

# Abschnitte der Beschlussvorlage, die die Geschäftsordnung des Kreises
# verlangt (`dokument.abschnitte` in konzept.toml): neue Zeilen im Blatt „Texte“.
TEXTE_VORLAGE = [
    ("Bezug zu strategischen Zielen",
     "Das Konzept setzt das strategische Ziel 3 „Zusammenhalt und Teilhabe“ des Kreisentwicklungskonzepts 2035 um. "
     "Es greift außerdem die Ziele 1 „Fachkräfte sichern“ und 5 „Bildung von Anfang an“ auf."),
    ("Auswirkungen auf den Klimaschutz",
     "Keine unmittelbaren Auswirkungen. Die Maßnahmen werden überwiegend in bestehenden Gebäuden umgesetzt; "
     "Veranstaltungen werden, wo möglich, mit Bus und Bahn erreichbar angeboten."),
    ("Gleichstellung",
     "Das Konzept berücksichtigt die besondere Lage von Frauen mit Einwanderungsgeschichte, etwa durch "
     "Sprachkurse mit Kinderbetreuung und Beratung zum Berufseinstieg. Die Gleichstellungsbeauftragte wurde beteiligt."),
]

ZELLE = re.compile(r'(<c r="([A-Z]+\d+)"[^>]*t="inlineStr"><is><t[^>]*>)(.*?)(</t></is></c>)', re.S)


def xml_text(t: str) -> str:
    """Wie openpyxl: &, <, > maskiert, alles außerhalb von ASCII als &#N;."""
    t = t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join(c if ord(c) < 128 else f"&#{ord(c)};" for c in t)


def texte_fuer_den_kreis(pfad: Path) -> None:
    """Schreibt die Texte des Blatts „Texte“ (xl/worksheets/sheet1.xml) für den
    Kreis um; alle anderen Zellen und Teile der Datei bleiben Byte für Byte."""
    with zipfile.ZipFile(pfad) as z:
        eintraege = [(i, z.read(i.filename)) for i in z.infolist()]

    def ersetzen(mt):
        alt = html.unescape(mt[3])
        neu = alt
        for von, nach in TEXTE_KREIS:
            neu = neu.replace(von, nach)
        if "Musterstadt" in neu:
            raise SystemExit(f"steuerung.xlsx › Texte › {mt[2]} nennt noch Musterstadt")
        return mt[0] if neu == alt else mt[1] + xml_text(neu) + mt[4]

    puffer = io.BytesIO()
    with zipfile.ZipFile(puffer, "w") as z:
        for info, daten in eintraege:
            if info.filename == "xl/worksheets/sheet1.xml":
                xml = daten.decode("utf-8")
                assert "<t>Vorwort</t>" in xml, "sheet1.xml ist nicht das Blatt „Texte“"
                xml = ZELLE.sub(ersetzen, xml)
                letzte = max(int(r) for r in re.findall(r'<row r="(\d+)"', xml))
                zeilen = ""
                for i, (abschnitt, text) in enumerate(TEXTE_VORLAGE, start=letzte + 1):
                    zeilen += (f'<row r="{i}" ht="75" customHeight="1">'
                               f'<c r="A{i}" s="2" t="inlineStr"><is><t>{xml_text(abschnitt)}</t></is></c>'
                               f'<c r="B{i}" s="2" t="inlineStr"><is><t>{xml_text(text)}</t></is></c></row>')
                xml = xml.replace("</sheetData>", zeilen + "</sheetData>", 1)
                xml = re.sub(r'<dimension ref="A1:B\d+"/>',
                             f'<dimension ref="A1:B{letzte + len(TEXTE_VORLAGE)}"/>', xml, count=1)
                daten = xml.encode("utf-8")
            z.writestr(info, daten)
    pfad.write_bytes(puffer.getvalue())


# Die Gemeinden, die eine Maßnahme betrifft (Spalte „Ort“ der Maßnahmen); die übrigen
# Maßnahmen gelten für den ganzen Kreis. Daraus entsteht der Auszug für eine Gemeinde:
#   konzept build examples/beispielkreis --auszug Kirchberg
ORTE = {
    "B1": "Neustadt; Kirchberg", "B2": "Neustadt", "B3": "Neustadt; Altdorf; Seedorf",
    "A1": "Neustadt", "A3": "Kirchberg",
    "W1": "Neustadt; Bergheim an der Aue", "W2": "Neustadt", "W4": "Kirchberg; Altdorf",
    "W7": "Altdorf; Seedorf; Kirchberg",
    "J1": "Bergheim an der Aue", "J6": "Kirchberg",
    "V5": "Neustadt",
}


def orte_eintragen(ordner: Path) -> None:
    """Setzt in den .xlsx-Mappen der Arbeitsgruppen die Spalte „Ort“ auf die
    Gemeinden des Kreises (im Beispiel Musterstadt stehen dort Stadtteile)."""
    import sys
    from openpyxl import load_workbook
    sys.path.insert(0, str(ROOT / "tools" / "musterstadt"))
    from generate import zip_normalisieren  # feste Zeitstempel wie in Musterstadt
    for pfad in sorted(ordner.glob("*.xlsx")):
        wb = load_workbook(pfad)
        ws = wb["Maßnahmen"]
        kopf = next(r for r in ws.iter_rows() if any(c.value == "Ort" for c in r))
        spalte_ort = next(c.column for c in kopf if c.value == "Ort")
        spalte_nr = next(c.column for c in kopf if c.value in ("Nr", "Nr.", "Nummer"))
        for zeile in range(kopf[0].row + 1, ws.max_row + 1):
            nr = ws.cell(zeile, spalte_nr).value
            ws.cell(zeile, spalte_ort).value = ORTE.get(nr)
        wb.save(pfad)
        zip_normalisieren(pfad)


def main() -> None:
    ZIEL.mkdir(parents=True, exist_ok=True)
    shutil.copy2(QUELLE / "steuerung.xlsx", ZIEL / "steuerung.xlsx")
    texte_fuer_den_kreis(ZIEL / "steuerung.xlsx")
    ag = ZIEL / "arbeitsgruppen"
    if ag.exists():
        shutil.rmtree(ag)
    shutil.copytree(QUELLE / "arbeitsgruppen", ag)
    orte_eintragen(ag)
    (ZIEL / "konzept.toml").write_text(KONZEPT_TOML, encoding="utf-8")
    (ZIEL / "logo.svg").write_text(LOGO_SVG, encoding="utf-8")
    titelbild(ZIEL / "titel.jpg")
    band = ZIEL / "kopfband.png"
    kopfband(band)
    word_vorlage(ZIEL / "vorlage-kreis.dotx", band)
    band.unlink()
    schriften = ZIEL / "schriften"
    schriften.mkdir(exist_ok=True)
    for f in SCHRIFTEN:
        shutil.copy2(DEJAVU / f, schriften / f)
    shutil.copy2(DEJAVU_LIZENZ, schriften / "LIZENZ-DejaVu.txt")
    print(f"geschrieben: {ZIEL.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
