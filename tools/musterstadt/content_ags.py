"""Inhalte der sieben Arbeitsgruppen des Beispielprojekts „Musterstadt“.

Ziele und Maßnahmen folgen ../../../shared/domain/example-content.md (B und C).
Die Kosten sind GESAMTKOSTEN über die ganze Laufzeit einer Maßnahme (Jahresbetrag mal
Anzahl der Jahre); generate.py verteilt sie anteilig nach Tagen auf die Kalenderjahre.

Die Arbeitsmappen benutzen absichtlich unterschiedliche, aber zulässige Schreibweisen
(Datum als Datumszelle oder als Text, Beträge als Zahl oder Text, Prioritäten als
hoch/mittel/niedrig, A/B/C oder 1/2/3, Kopfzeilen-Aliasse, Titelzeilen über dem Kopf),
so wie sie in echten Verwaltungen vorkommen. Werte-Konventionen wie in content.py.
"""

from datetime import date

# Kurznamen für oft genannte Akteure (müssen exakt einem Akteur in content.AKTEURE entsprechen)
AIV = "Amt für Integration und Vielfalt"
KITA = "Arbeitsgemeinschaft der Kita-Träger Musterstadt"
FZ = "Familienzentren Musterstadt (Verbund)"
GS = "Schulleitungskonferenz der Grundschulen"
WS = "Schulleitungskonferenz der weiterführenden Schulen"
IHK = "Industrie- und Handelskammer Musterstadt"
HWK = "Handwerkskammer Musterstadt"
TDU = "Türkisch-Deutsche Unternehmervereinigung Musterstadt e. V."
TDK = "Türkisch-Deutscher Kulturverein e. V."
UKR = "Українська громада Musterstadt e. V."
GRI = "Ελληνική Κοινότητα Musterstadt"
SYR = "الجمعية السورية الألمانية"
POL = "Polski Klub Kulturalny Musterstadt e. V."
ROM = "Asociația Culturală Româno-Germană Musterstadt"
AFG = "Afghanischer Frauenverein Musterstadt e. V."
ELT = "Elternnetzwerk Vielfalt e. V."
GDD = "Gemeindedolmetscherdienst Musterstadt"
SSB = "Stadtsportbund Musterstadt e. V."
SJR = "Stadtjugendring Musterstadt e. V."


def m(nr, ziel, titel, beschreibung, zielgruppe, ff, partner, beginn, ende, kosten, fin, prio, status):
    return dict(nr=nr, ziel=ziel, titel=titel, beschreibung=beschreibung, zielgruppe=zielgruppe,
                ff=ff, partner=partner, beginn=beginn, ende=ende, kosten=kosten, fin=fin,
                prio=prio, status=status)


# Standard-Spalten (Schlüssel -> Überschrift); einzelne Mappen überschreiben Reihenfolge/Aliasse
MASSNAHMEN_SPALTEN = [
    ("nr", "Nr"), ("ziel", "Ziel"), ("titel", "Maßnahme"), ("beschreibung", "Beschreibung"),
    ("zielgruppe", "Zielgruppe"), ("ff", "Federführung"), ("partner", "Partner"),
    ("beginn", "Beginn"), ("ende", "Ende"), ("kosten", "Kosten"), ("fin", "Finanzierung"),
    ("prio", "Priorität"), ("status", "Status"),
]
ZIELE_SPALTEN = ["Nr", "Ziel", "Indikator", "Quelle", "Ausgangswert", "Basisjahr", "Zielwert", "Einheit", "Zieljahr"]
AUSGANGSLAGE_SPALTEN = ["Kennzahl", "Wert", "Einheit", "Jahr", "Quelle"]
MITGLIEDER_SPALTEN = ["Name", "Institution", "Funktion"]
EMPFEHLUNGEN_SPALTEN = ["Nr", "Empfehlung", "Adressat", "Priorität"]

AGS = []

# ===========================================================================
# B – Bildung und Sprachförderung (.xlsx; Prozentwerte als Prozentzellen; Titelzeilen)
# ===========================================================================
AGS.append(dict(
    datei="ag-bildung", format="xlsx",
    prozent="zelle",
    titel={"Ziele": "Ziele der AG Bildung und Sprachförderung",
           "Maßnahmen": "Maßnahmenkatalog der AG Bildung und Sprachförderung"},
    arbeitsgruppe=[
        ("Handlungsfeld", "Bildung und Sprachförderung"),
        ("Bezeichnung", "AG Bildung und Sprachförderung"),
        ("Leitung", "Frank Hermann (Amt für Schule und Bildung)"),
        ("Stand", date(2026, 9, 24)),
    ],
    mitglieder=[
        ("Frank Hermann", "Amt für Schule und Bildung", "Amtsleiter, Leitung der AG"),
        ("Dr. Birgit Hoffmann", "Staatliches Schulamt für die Stadt Musterstadt", "Schulamtsdirektorin"),
        ("Yasemin Koç", AIV, "Bildungskoordinatorin im Kommunalen Integrationszentrum"),
        ("Birgit Lehmann", KITA, "Sprecherin"),
        ("Monika Schmitz", GS, "Rektorin der Lindenschule"),
        ("Dr. Oliver Krause", WS, "Schulleiter der Gesamtschule Nord"),
        ("Dr. Sandra Keller", "Volkshochschule Musterstadt", "Direktorin"),
        ("Gülşen Aydın", ELT, "Vorsitzende"),
        ("Олена Коваленко", UKR, "Elternvertreterin"),
    ],
    ausgangslage=[
        ("Schulabgänge ohne Ersten Schulabschluss, ausländische Jugendliche", 17.5, "%", 2024, "Schulstatistik IT.NRW"),
        ("Schulabgänge ohne Ersten Schulabschluss, deutsche Jugendliche", 5.8, "%", 2024, "Schulstatistik IT.NRW"),
        ("U3-Betreuungsquote, Kinder mit Migrationshintergrund", 22, "%", 2024, "Kita-Statistik des Jugendamtes (Schätzung)"),
        ("Vorschulkinder nichtdeutscher Staatsangehörigkeit mit intensivem Sprachförderbedarf", 65, "%", 2024, "Schuleingangsuntersuchung des Gesundheitsamtes"),
        ("Seiteneinsteigerinnen und Seiteneinsteiger im Schuljahr 2024/25", 640, "Schülerinnen und Schüler", 2024, "Amt für Schule und Bildung"),
    ],
    befund=[
        ("Ausgangslage", """\
In Musterstadt hat fast jedes zweite Kind unter 18 Jahren einen Migrationshintergrund. Viele Kinder wachsen mehrsprachig auf – eine Stärke, die im Bildungssystem noch zu wenig genutzt wird. Bei der Schuleingangsuntersuchung 2024 hatten 65 Prozent der Vorschulkinder nichtdeutscher Staatsangehörigkeit einen intensiven Sprachförderbedarf.

Im Schuljahr 2024/25 kamen rund 640 Kinder und Jugendliche als Seiteneinsteigerinnen und Seiteneinsteiger neu an die Schulen der Stadt. Die Wartezeit auf einen Schulplatz betrug zum Teil mehr als drei Monate."""),
        ("Handlungsbedarf", """\
Die Arbeitsgruppe sieht vor allem Handlungsbedarf bei:

- **früher Sprachförderung:** Kinder mit Migrationshintergrund besuchen seltener eine Kita unter drei Jahren (22 % gegenüber 38 %),
- **Übergängen:** Nur 28 % der Kinder mit nichtdeutscher Familiensprache wechseln auf ein Gymnasium,
- **Schulabschlüssen:** 17,5 % der ausländischen Jugendlichen verlassen die Schule ohne Ersten Schulabschluss,
- **Elternarbeit:** Viele Eltern kennen das Schulsystem zu wenig, um ihre Kinder gut zu begleiten."""),
        ("Stärken", """\
Musterstadt verfügt über ein dichtes Netz von Familienzentren, ein erfahrenes Kommunales Integrationszentrum und viele engagierte Ehrenamtliche. Die Elternprogramme *Rucksack KiTa* und *Griffbereit* laufen seit Jahren erfolgreich in zwölf Gruppen."""),
    ],
    ziele=[
        ("B1", "Weniger Jugendliche verlassen die Schule ohne Abschluss",
         "Anteil ausländischer Schulabgängerinnen und Schulabgänger ohne Ersten Schulabschluss",
         "Schulstatistik IT.NRW", 17.5, 12.0, "%"),
        ("B2", "Mehr Kinder mit nichtdeutscher Familiensprache wechseln auf ein Gymnasium",
         "Übergangsquote auf das Gymnasium nach Klasse 4, Kinder mit nichtdeutscher Familiensprache",
         "Amt für Schule und Bildung (Schätzung)", 28, 34, "%"),
        ("B3", "Kinder mit Migrationshintergrund besuchen früher eine Kita",
         "U3-Betreuungsquote der Kinder mit Migrationshintergrund",
         "Kita-Statistik des Jugendamtes (Schätzung)", 22, 30, "%"),
        ("B4", "Sprachförderung setzt vor der Einschulung an",
         "Anteil der Vorschulkinder nichtdeutscher Staatsangehörigkeit mit intensivem Sprachförderbedarf",
         "Schuleingangsuntersuchung des Gesundheitsamtes", 65, 55, "%"),
    ],
    massnahmen=[
        m("B1", "B3; B4", "Rucksack KiTa und Griffbereit ausbauen",
          "Die Elternbildungsprogramme Rucksack KiTa und Griffbereit werden von 12 auf 24 Gruppen ausgebaut. Eltern stärken die Familiensprache ihrer Kinder und lernen, wie sie Deutsch im Alltag fördern können.",
          "Eltern mit Kindern von 1 bis 6 Jahren", AIV, [KITA, FZ],
          date(2026, 1, 1), date(2029, 12, 31), 240000, "Landesmittel und Eigenmittel", "hoch", "in Umsetzung"),
        m("B2", "B1", "Clearingstelle für neu zugewanderte Schulkinder",
          "Eine Clearingstelle berät die Familien neu zugewanderter Kinder und Jugendlicher, klärt den Sprachstand und vermittelt innerhalb von vier Wochen einen passenden Schulplatz.",
          "Seiteneinsteigerinnen und Seiteneinsteiger von 6 bis 18 Jahren und ihre Eltern",
          "Amt für Schule und Bildung", ["Staatliches Schulamt für die Stadt Musterstadt", AIV],
          date(2026, 1, 1), "fortlaufend", 375000, "Eigenmittel (1 Vollzeitstelle)", "hoch", "in Umsetzung"),
        m("B3", "B1; B2", "Lernpatenschaften und Hausaufgabenhilfe an acht Grundschulen",
          "Ehrenamtliche Lernpatinnen und Lernpaten begleiten Kinder mit Förderbedarf einmal in der Woche. Die Freiwilligenagentur gewinnt, schult und begleitet die Ehrenamtlichen.",
          "Grundschulkinder mit Förderbedarf in der deutschen Sprache", "Amt für Schule und Bildung",
          ["Freiwilligenagentur Musterstadt", "Bürgerstiftung Musterstadt", GS],
          date(2026, 8, 1), date(2030, 7, 31), 160000, "Eigenmittel und Stiftung", "mittel", "in Umsetzung"),
        m("B4", "B2", "Mehrsprachige Elternabende zum Übergang in die weiterführende Schule",
          "In den vierten Klassen finden jährlich Elternabende in den häufigsten Familiensprachen statt. Sie erklären das Schulsystem, die Schulformen und das Anmeldeverfahren.",
          "Eltern von Kindern der Klassen 3 und 4", "Amt für Schule und Bildung", [GS, ELT, GDD],
          "01.01.2027", "2030", 40000, "Eigenmittel", "mittel", "geplant"),
        m("B5", "B4", "Integrations- und Elternkurse mit Kinderbetreuung",
          "Die Volkshochschule bietet Integrationskurse für Eltern in Kitas und Familienzentren an. Eine Kinderbetreuung während der Kurszeiten ermöglicht besonders Müttern die Teilnahme.",
          "Eltern mit Deutschförderbedarf, vor allem Mütter kleiner Kinder", "Volkshochschule Musterstadt",
          ["Bundesamt für Migration und Flüchtlinge (Regionalstelle)", "Jobcenter Musterstadt", FZ],
          None, "laufend", 150000, "Bundesmittel (BAMF) und Eigenmittel für die Kinderbetreuung", "mittel", "laufend"),
        m("B6", "B4", "Fachberatung für alltagsintegrierte Sprachbildung in Kitas",
          "Eine Fachberatung (halbe Stelle) unterstützt die Kita-Teams dabei, Sprachbildung in den Alltag einzubinden, und qualifiziert Sprachförderkräfte.",
          "pädagogische Fachkräfte in Kindertageseinrichtungen", "Jugendamt", [KITA],
          date(2026, 4, 1), date(2028, 12, 31), 123750, "Eigenmittel", "mittel", "in Umsetzung"),
        m("B7", "B1", "Schulsozialarbeit mit interkulturellem Schwerpunkt an drei Sekundarschulen",
          "An drei Sekundarschulen mit vielen neu zugewanderten Schülerinnen und Schülern wird je eine Stelle Schulsozialarbeit mit interkulturellem Schwerpunkt eingerichtet. Sie beugt Schulabbrüchen vor und stärkt die Zusammenarbeit mit den Eltern.",
          "Schülerinnen und Schüler der Klassen 5 bis 10 und ihre Eltern", "Jugendamt",
          [WS, "Caritasverband Musterstadt e. V.", "AWO Kreisverband Musterstadt e. V."],
          date(2027, 1, 1), date(2030, 12, 31), 840000, "Eigenmittel", "hoch", "geplant"),
        m("B8", "B2", "Herkunftssprachlicher Unterricht in weiteren Sprachen",
          "Der herkunftssprachliche Unterricht wird um Ukrainisch, Arabisch und Rumänisch erweitert. Die Stadt stellt Räume bereit und wirbt bei den Eltern für das Angebot.",
          "Schülerinnen und Schüler mit anderer Familiensprache", "Staatliches Schulamt für die Stadt Musterstadt",
          ["Amt für Schule und Bildung", UKR, SYR, ROM],
          "Q3 2027", "fortlaufend", 0, "Landesmittel (Lehrerstellen des Landes)", "niedrig", "geplant"),
    ],
    empfehlungen=[
        (1, "Das Land sollte die Lehrerstellen für Deutsch als Zweitsprache an den tatsächlichen Bedarf der Seiteneinstiegsklassen anpassen.", "Land Nordrhein-Westfalen", "hoch"),
        (2, "Kitas in Stadtteilen mit hohem Sprachförderbedarf sollten beim Ausbau von Plätzen und bei zusätzlichen Fachkräften Vorrang erhalten.", "Jugendamt", "hoch"),
        (3, "Die Schuleingangsuntersuchung sollte den Sprachstand mehrsprachiger Kinder in beiden Sprachen erfassen.", "Gesundheitsamt", "mittel"),
        (4, "Die Schulen sollten Mehrsprachigkeit als Kompetenz würdigen, zum Beispiel durch Sprachzertifikate in Herkunftssprachen.", "Schulleitungen der weiterführenden Schulen", "niedrig"),
    ],
))

# ===========================================================================
# A – Arbeit und Wirtschaft (.xlsx; Handlungsfeld „Arbeit und Beruf“; Prozent und Beträge als Text)
# ===========================================================================
AGS.append(dict(
    datei="ag-arbeit", format="xlsx",
    prozent="text",
    arbeitsgruppe=[
        ("Handlungsfeld", "Arbeit und Beruf"),
        ("Bezeichnung", "AG Arbeit und Beruf"),
        ("Leitung", "Petra Lange (Jobcenter Musterstadt)"),
        ("Stand", "30.09.2026"),
    ],
    mitglieder=[
        ("Petra Lange", "Jobcenter Musterstadt", "Geschäftsführerin, Leitung der AG"),
        ("Ulrich Zimmermann", "Agentur für Arbeit Musterstadt", "Teamleiter Berufsberatung"),
        ("Claudia Neumann", IHK, "Geschäftsführerin Aus- und Weiterbildung"),
        ("Markus Engel", HWK, "Leiter der Ausbildungsberatung"),
        ("Tobias Klein", "Wirtschaftsförderung Musterstadt GmbH", "Prokurist"),
        ("Emre Doğan", TDU, "Vorsitzender"),
        ("Bernd Hoffmann", "DGB-Stadtverband Musterstadt", "Vorsitzender"),
        ("Irina Schmidt", "IQ Netzwerk NRW – Beratungsstelle Musterstadt", "Anerkennungsberaterin"),
        ("محمد الأحمد", SYR, "Vorstand"),
    ],
    ausgangslage=[
        ("Arbeitslosenquote insgesamt", 6.8, "%", 2024, "Bundesagentur für Arbeit, Jahresdurchschnitt"),
        ("Arbeitslosenquote ausländischer Staatsangehöriger", 14.5, "%", 2024, "Bundesagentur für Arbeit, Jahresdurchschnitt"),
        ("Beschäftigungsquote ausländischer Staatsangehöriger", 54, "%", 2024, "Bundesagentur für Arbeit"),
        ("SGB-II-Hilfequote ausländischer Staatsangehöriger", 21, "%", 2024, "Jobcenter Musterstadt (Schätzung)"),
        ("Beratene Anerkennungsverfahren", 250, "Verfahren", 2024, "IQ Netzwerk NRW – Beratungsstelle Musterstadt"),
    ],
    befund=[
        ("Ausgangslage", """\
Der Arbeitsmarkt in Musterstadt ist aufnahmefähig: In Pflege, Handwerk, Logistik und Kinderbetreuung fehlen Fachkräfte. Dennoch lag die Arbeitslosenquote ausländischer Staatsangehöriger 2024 mit 14,5 % fast dreimal so hoch wie die der Deutschen (4,9 %). Nur etwa 40 % der ausländischen Frauen sind sozialversicherungspflichtig beschäftigt."""),
        ("Handlungsbedarf", """\
- Anerkennungsverfahren dauern zu lange; viele Zugewanderte arbeiten unter ihrer Qualifikation.
- Geflüchtete Frauen finden selten Zugang zu Angeboten, weil eine Kinderbetreuung fehlt.
- Betriebe mit migrantischen Inhaberinnen und Inhabern bilden bislang unterdurchschnittlich aus.
- Die Angebote von Jobcenter, Agentur für Arbeit, Ausländerbehörde und Sozialamt sind noch zu wenig verzahnt."""),
        ("Stärken", """\
Mit der **Jugendberufsagentur** und dem **Kommunalen Integrationsmanagement** gibt es bewährte Strukturen der rechtskreisübergreifenden Zusammenarbeit. Kammern und Gewerkschaften unterstützen das Konzept ausdrücklich."""),
    ],
    ziele=[
        ("A1", "Arbeitslosigkeit ausländischer Staatsangehöriger senken",
         "Arbeitslosenquote ausländischer Staatsangehöriger (Jahresdurchschnitt)",
         "Bundesagentur für Arbeit", 14.5, 11.0, "%"),
        ("A2", "Mehr ausländische Jugendliche beginnen eine Ausbildung",
         "Ausbildungsanfängerquote ausländischer Jugendlicher",
         "BIBB-Datenreport, kommunale Auswertung (Schätzung)", 34, 40, "%"),
        ("A3", "Ausländische Berufsabschlüsse schneller anerkennen",
         "Beratene Anerkennungsverfahren pro Jahr",
         "IQ Netzwerk NRW – Beratungsstelle Musterstadt", 250, 400, "Verfahren"),
        ("A4", "Erwerbsbeteiligung ausländischer Frauen erhöhen",
         "Beschäftigungsquote ausländischer Frauen",
         "Bundesagentur für Arbeit (Schätzung)", 40, 46, "%"),
    ],
    massnahmen=[
        m("A1", "A3", "Anerkennungs- und Qualifizierungsberatung",
          "Zugewanderte mit ausländischen Berufsabschlüssen erhalten Beratung zur Anerkennung und zu Anpassungsqualifizierungen aus einer Hand. Die Sprechstunde findet wöchentlich im Jobcenter statt.",
          "Zugewanderte mit ausländischem Berufs- oder Studienabschluss", "Jobcenter Musterstadt",
          ["Agentur für Arbeit Musterstadt", "IQ Netzwerk NRW – Beratungsstelle Musterstadt", IHK, HWK],
          "2026", "laufend", "0 €", "Bundesmittel (Förderprogramm IQ)", "hoch", "laufend"),
        m("A2", "A2", "Ausbildungsakquise in Betrieben mit migrantischen Inhaberinnen und Inhabern",
          "Ausbildungsakquisiteure sprechen gezielt Betriebe an, deren Inhaberinnen und Inhaber eine Einwanderungsgeschichte haben, und begleiten sie bis zur Ausbildungsberechtigung. Ziel sind 40 zusätzliche Ausbildungsplätze.",
          "Betriebe und ausbildungsinteressierte Jugendliche", "Wirtschaftsförderung Musterstadt GmbH",
          [IHK, HWK, TDU], "Q1 2027", "Q4 2028", "100.000 €", "Eigenmittel", "mittel", "geplant"),
        m("A3", "A1; A4", "Jobcoaching für geflüchtete Frauen mit Kinderbetreuung",
          "Geflüchtete Frauen werden in Kleingruppen und im Einzelcoaching auf Ausbildung und Arbeit vorbereitet. Eine begleitende Kinderbetreuung macht die Teilnahme möglich.",
          "geflüchtete Frauen im Leistungsbezug nach dem SGB II", "Jobcenter Musterstadt",
          ["AWO Kreisverband Musterstadt e. V.", AFG],
          "01.03.2026", "28.02.2029", "240.000,00 EUR", "EU-Mittel (ESF Plus)", "hoch", "in Umsetzung"),
        m("A4", "A2", "Sprechstunde für Neuzugewanderte in der Jugendberufsagentur",
          "Die Jugendberufsagentur bietet eine wöchentliche Sprechstunde für neu zugewanderte Jugendliche an, bei Bedarf mit Sprachmittlung. Sie verbindet Berufsberatung, Jugendhilfe und Leistungen des Jobcenters.",
          "neu zugewanderte Jugendliche und junge Erwachsene von 16 bis 25 Jahren", "Agentur für Arbeit Musterstadt",
          ["Jobcenter Musterstadt", "Jugendamt", "Berufskolleg am Stadtgarten", "Jugendmigrationsdienst Musterstadt"],
          "09/2026", "fortlaufend", "175 T€", "Agentur für Arbeit und Eigenmittel (halbe Stelle)", "mittel", "in Umsetzung"),
        m("A5", "A1; A4", "Case-Management im Kommunalen Integrationsmanagement (KIM)",
          "Vier Case-Managerinnen und Case-Manager begleiten Zugewanderte mit komplexem Unterstützungsbedarf über alle Rechtskreise hinweg – vom Aufenthaltsrecht über Sprachkurse bis zur Arbeitsaufnahme.",
          "Zugewanderte mit mehrfachem Unterstützungsbedarf", AIV,
          ["Ausländerbehörde", "Jobcenter Musterstadt", "Sozialamt"],
          None, "dauerhaft", "1.600 T€", "Landesmittel (Kommunales Integrationsmanagement)", "hoch", "laufend"),
        m("A6", "A1", "Gründungsberatung für Migrantinnen und Migranten",
          "Die Wirtschaftsförderung bietet eine mehrsprachige Gründungsberatung und ein Mentoring durch erfahrene Unternehmerinnen und Unternehmer an.",
          "Gründungsinteressierte mit Einwanderungsgeschichte", "Wirtschaftsförderung Musterstadt GmbH",
          [IHK, "Sparkasse Musterstadt", TDU],
          "3. Quartal 2027", "12/2029", "47.000 €", "Eigenmittel", "mittel", "geplant"),
        m("A7", "A2", "Ausbildungspatenschaften",
          "Ehrenamtliche Patinnen und Paten begleiten Jugendliche von der Berufsorientierung bis zum Ende des ersten Ausbildungsjahres.",
          "Schülerinnen und Schüler ab Klasse 9 und Auszubildende", "Freiwilligenagentur Musterstadt",
          [WS, HWK, TDU], "2026", "laufend", "75.000 €", "Eigenmittel", "niedrig", "laufend"),
        m("A8", "A1; A4", "Berufsbezogene Deutschkurse für Pflege und Kindertagesbetreuung",
          "Die Volkshochschule bietet berufsbezogene Deutschkurse mit Praxisanteilen im Klinikum und in Kitas an. Die Teilnehmenden erreichen das für die Anerkennung nötige Sprachniveau B2.",
          "Zugewanderte mit Berufserfahrung in Pflege oder Erziehung", "Volkshochschule Musterstadt",
          ["Klinikum Musterstadt gGmbH", "Jobcenter Musterstadt", "Caritasverband Musterstadt e. V."],
          "01.01.2027", "31.12.2030", "140.000 €", "Bundesmittel (BAMF-Berufssprachkurse) und Eigenmittel", "mittel", "geplant"),
    ],
    empfehlungen=[
        (1, "Die Ausländerbehörde sollte Beschäftigungserlaubnisse innerhalb von zwei Wochen erteilen und dafür ein Schnellverfahren mit dem Jobcenter vereinbaren.", "Ausländerbehörde", "hoch"),
        (2, "Das Land sollte die Förderung der Anerkennungsberatung über das Jahr 2028 hinaus sichern.", "Land Nordrhein-Westfalen", "hoch"),
        (3, "Betriebe sollten Teilzeitausbildung und Ausbildung mit begleitendem Sprachunterricht häufiger anbieten.", "Kammern und Unternehmen", "mittel"),
        (4, "Die Stadt sollte als Arbeitgeberin vorangehen und mehr Praktikumsplätze für Geflüchtete anbieten.", "Stadtverwaltung (Personalamt)", "mittel"),
    ],
))

# ===========================================================================
# W – Wohnen und Zusammenleben (.xlsx; Kopfzeilen-Aliasse, andere Spaltenreihenfolge, Priorität A/B/C)
# ===========================================================================
AGS.append(dict(
    datei="ag-wohnen", format="xlsx",
    prozent="zahl",
    massnahmen_spalten=[
        ("nr", "Nr"), ("titel", "Titel"), ("ff", "Verantwortlich"), ("partner", "Kooperationspartner"),
        ("ziel", "Ziel-Nr"), ("beschreibung", "Beschreibung"), ("zielgruppe", "Zielgruppe"),
        ("beginn", "Beginn"), ("ende", "Ende"), ("kosten", "Kosten in EUR"), ("fin", "Finanzierung"),
        ("prio", "Priorität"), ("status", "Status"),
    ],
    ziele_spalten=["Nr", "Ziel", "Indikator", "Datenquelle", "Ausgangswert", "Basisjahr", "Zielwert", "Einheit", "Zieljahr"],
    ausgangslage_spalten=["Merkmal", "Wert", "Einheit", "Jahr", "Quelle"],
    mitglieder_spalten=["Name", "Funktion", "Institution"],
    empfehlungen_spalten=["Nr", "Handlungsempfehlung", "Adressat", "Priorität"],
    arbeitsgruppe=[
        ("Handlungsfeld", "Wohnen und Zusammenleben"),
        ("Bezeichnung", "AG Wohnen und Zusammenleben"),
        ("Leitung", "Christian Bauer (Amt für Wohnen)"),
        ("Stand", date(2026, 9, 17)),
    ],
    mitglieder=[
        ("Christian Bauer", "Amt für Wohnen", "Amtsleiter, Leitung der AG"),
        ("Julia Roth", "Amt für Stadtentwicklung", "Abteilungsleiterin Quartiersentwicklung"),
        ("Gabriele Sommer", "Sozialamt", "Amtsleiterin"),
        ("Ralf Steiner", "Musterstädter Wohnungsbaugesellschaft mbH", "Leiter Vermietung"),
        ("Kerstin Meier", "Diakonie Musterstadt", "Quartiersmanagerin Nordstadt"),
        ("Uwe Kramer", "Mieterverein Musterstadt e. V.", "Geschäftsführer"),
        ("Ștefan Mureșan", ROM, "Vorsitzender"),
        ("Wolfgang Richter", "Bezirksvertretung Nord", "Bezirksbürgermeister"),
    ],
    ausgangslage=[
        ("Geflüchtete in Gemeinschaftsunterkünften", 1850, "Personen", 2024, "Sozialamt, Unterbringungsstatistik"),
        ("davon länger als 12 Monate in Gemeinschaftsunterkünften", 45, "%", 2024, "Sozialamt, Unterbringungsstatistik"),
        ("Zufriedenheit mit dem Zusammenleben im Stadtteil", 68, "%", 2024, "Bürgerumfrage der Stadt Musterstadt"),
        ("Aktive Quartierstreffpunkte und Begegnungsorte", 6, "Treffpunkte", 2024, "Amt für Integration und Vielfalt"),
        ("Wohnungsuchende Haushalte mit Wohnberechtigungsschein", 4300, "Haushalte", 2024, "Amt für Wohnen (Schätzung)"),
    ],
    befund=[
        ("Ausgangslage", """\
Der Wohnungsmarkt in Musterstadt ist angespannt. Rund 1.850 Geflüchtete lebten Ende 2024 in Gemeinschaftsunterkünften, fast die Hälfte davon seit mehr als einem Jahr. Sie finden trotz Aufenthaltserlaubnis und Arbeit oft keine Wohnung.

In der Nordstadt und im Hafenviertel leben überdurchschnittlich viele Menschen mit Migrationshintergrund. Hier gibt es lebendige Nachbarschaften, aber auch Konflikte um Lärm, Sauberkeit und die Nutzung öffentlicher Plätze."""),
        ("Handlungsbedarf", """\
1. Den Auszug aus Gemeinschaftsunterkünften beschleunigen.
2. Begegnungsorte in Stadtteilen ohne Treffpunkt schaffen.
3. Konflikte in der Nachbarschaft früh und mit Sprachkompetenz bearbeiten.
4. Diskriminierung auf dem Wohnungsmarkt sichtbar machen und abbauen."""),
        ("Stärken", """\
Die städtische Wohnungsbaugesellschaft ist ein verlässlicher Partner. Das Quartiersmanagement in der Nordstadt hat gezeigt, wie Beteiligung gelingt: Der *Nachbarschaftsgarten am Hafen* wird heute von über 40 Familien aus zwölf Ländern gepflegt."""),
    ],
    ziele=[
        ("W1", "Der Auszug aus Gemeinschaftsunterkünften gelingt schneller",
         "Anteil der Geflüchteten, die länger als 12 Monate in Gemeinschaftsunterkünften leben",
         "Sozialamt, Unterbringungsstatistik (Schätzung)", 45, 25, "%"),
        ("W2", "Das Zusammenleben in den Stadtteilen verbessert sich",
         "Anteil der Befragten, die mit dem Zusammenleben in ihrem Stadtteil zufrieden sind",
         "Bürgerumfrage der Stadt Musterstadt", 68, 75, "%"),
        ("W3", "Es gibt mehr Orte der Begegnung",
         "Anzahl aktiver Quartierstreffpunkte und Begegnungsorte",
         "Amt für Integration und Vielfalt", 6, 10, "Treffpunkte"),
    ],
    massnahmen=[
        m("W1", "W1", "Auszugsmanagement aus Gemeinschaftsunterkünften",
          "Ein Team aus Sozialarbeit und Wohnungsvermittlung (1,5 Stellen) unterstützt Geflüchtete bei der Wohnungssuche, vermittelt zwischen Mietparteien und Vermietenden und begleitet die ersten Monate in der eigenen Wohnung.",
          "Geflüchtete in Gemeinschaftsunterkünften", "Sozialamt",
          ["Amt für Wohnen", "Musterstädter Wohnungsbaugesellschaft mbH", "Deutsches Rotes Kreuz Kreisverband Musterstadt e. V."],
          date(2026, 1, 1), date(2028, 12, 31), 330000, "Eigenmittel", "A", "in Umsetzung"),
        m("W2", "W2; W3", "Quartiersmanagement in der Nordstadt und im Hafenviertel",
          "Zwei Quartiersbüros bündeln die Angebote vor Ort, beteiligen die Bewohnerschaft und stoßen Nachbarschaftsprojekte an. Das Quartiersmanagement wird zu zwei Dritteln aus der Städtebauförderung finanziert.",
          "Bewohnerinnen und Bewohner der Nordstadt und des Hafenviertels", "Amt für Stadtentwicklung",
          ["Diakonie Musterstadt", "Musterstädter Wohnungsbaugesellschaft mbH", "Bezirksvertretung Nord"],
          date(2026, 1, 1), date(2030, 12, 31), 1200000, "Bundes- und Landesmittel (Städtebauförderung) und Eigenmittel", "A", "laufend"),
        m("W3", "W2", "Integrationslotsinnen und Stadtteilmütter",
          "Acht Integrationslotsinnen und Stadtteilmütter mit eigener Einwanderungsgeschichte besuchen Familien, informieren in ihrer Sprache und begleiten zu Behörden, Kitas und Beratungsstellen.",
          "neu zugewanderte Familien", AIV, ["Diakonie Musterstadt", "AWO Kreisverband Musterstadt e. V."],
          date(2026, 1, 1), date(2029, 12, 31), 800000, "Eigenmittel und Landesmittel", "B", "in Umsetzung"),
        m("W4", "W2; W3", "Verfügungsfonds für Nachbarschaft und Begegnung",
          "Bürgervereine, Initiativen und Migrantenorganisationen können unbürokratisch bis zu 1.500 € für Nachbarschaftsfeste, Begegnungscafés und gemeinsame Aktionen beantragen.",
          "Vereine und Initiativen in den Stadtteilen", AIV,
          ["Arbeitsgemeinschaft der Bürgervereine Musterstadt", "Integrationsrat der Stadt Musterstadt"],
          "2027", "2030", 60000, "Eigenmittel", "B", "geplant"),
        m("W5", "W1", "Mehrsprachige Mieterberatung",
          "Sprechstunden in Arabisch, Türkisch, Ukrainisch und Rumänisch informieren über Rechte und Pflichten im Mietverhältnis, Nebenkosten und Energiesparen.",
          "Mieterinnen und Mieter mit geringen Deutschkenntnissen", "Amt für Wohnen",
          ["Mieterverein Musterstadt e. V.", "Verbraucherzentrale NRW – Beratungsstelle Musterstadt"],
          "07/2026", "06/2029", 30000, "Eigenmittel", "B", "in Umsetzung"),
        m("W6", "W2", "Nachbarschaftsmediation",
          "Geschulte Mediatorinnen und Mediatoren, darunter mehrsprachige Ehrenamtliche, schlichten Konflikte in der Nachbarschaft, bevor sie eskalieren.",
          "Nachbarschaften in Konfliktlagen", "Ordnungsamt",
          ["Schiedsamt Musterstadt", "Freiwilligenagentur Musterstadt"],
          "2027", "fortlaufend", 100000, "Eigenmittel", "C", "geplant"),
        m("W7", "W3", "Vier neue Begegnungsorte in Stadtteilzentren",
          "In Stadtteilen ohne Treffpunkt werden vier Begegnungsorte eingerichtet, unter anderem in einer Zweigstelle der Stadtbibliothek und in Gemeindehäusern.",
          "Bewohnerinnen und Bewohner der Stadtteile", "Amt für Stadtentwicklung",
          ["Stadtbibliothek Musterstadt", "Evangelischer Kirchenkreis Musterstadt", "Islamische Gemeinde Musterstadt e. V."],
          "Q2 2027", "Q4 2029", 120000, "Eigenmittel", "B", "geplant"),
    ],
    empfehlungen=[
        (1, "Die städtische Wohnungsbaugesellschaft sollte jährlich ein festes Kontingent an Wohnungen für Haushalte aus Gemeinschaftsunterkünften bereitstellen.", "Musterstädter Wohnungsbaugesellschaft mbH", "A"),
        (2, "In neuen Bebauungsplänen sollte ein Anteil von mindestens 30 % gefördertem Wohnraum festgesetzt werden.", "Rat der Stadt Musterstadt", "A"),
        (3, "Die Bürgerumfrage sollte Fragen zum Zusammenleben und zu Diskriminierungserfahrungen dauerhaft enthalten.", "Amt für Statistik und Wahlen", "B"),
        (4, "Vermietende sollten für eine diskriminierungsfreie Wohnungsvergabe sensibilisiert werden.", "Haus- und Grundeigentümerverein Musterstadt", "C"),
    ],
))

# ===========================================================================
# J – Jugend und Soziales (.xlsx; Titelzeilen; gemischte Datums- und Betragsformen)
# ===========================================================================
AGS.append(dict(
    datei="ag-jugend", format="xlsx",
    prozent="zahl",
    titel={"Ziele": "Ziele der AG Jugend und Soziales (Stand: September 2026)",
           "Maßnahmen": "Maßnahmenkatalog der AG Jugend und Soziales"},
    arbeitsgruppe=[
        ("Handlungsfeld", "Jugend und Soziales"),
        ("Bezeichnung", "AG Jugend und Soziales"),
        ("Leitung", "Andreas Vogel (Jugendamt)"),
        ("Stand", date(2026, 9, 10)),
    ],
    mitglieder=[
        ("Andreas Vogel", "Jugendamt", "Amtsleiter, Leitung der AG"),
        ("Gabriele Sommer", "Sozialamt", "Amtsleiterin"),
        ("Tomasz Zieliński", "Jugendmigrationsdienst Musterstadt", "Koordinator"),
        ("Lara Gómez", SJR, "Vorsitzende"),
        ("Christine Wagner", "Netzwerk Frühe Hilfen Musterstadt", "Netzwerkkoordinatorin"),
        ("Anna Schulte", "Polizeipräsidium Musterstadt", "Kriminalhauptkommissarin, Kriminalprävention"),
        ("Γιώργος Παπαδόπουλος", GRI, "Jugendreferent"),
        ("Sofia Ivanova", FZ, "Sprecherin"),
    ],
    ausgangslage=[
        ("Anteil der unter 18-Jährigen mit Migrationshintergrund", 48, "%", 2024, "Melderegister, Amt für Statistik und Wahlen"),
        ("SGB-II-Hilfequote ausländischer Staatsangehöriger", 21, "%", 2024, "Jobcenter Musterstadt (Schätzung)"),
        ("Durch Frühe Hilfen erreichte Familien mit Migrationshintergrund", 40, "%", 2024, "Jugendamt, Dokumentation Frühe Hilfen (Schätzung)"),
        ("Anteil Jugendlicher mit Migrationshintergrund in den Jugendzentren", 35, "%", 2024, "Besuchsstatistik des Jugendamtes (Schätzung)"),
    ],
    befund=[
        ("Ausgangslage", """\
Fast jedes zweite Kind in Musterstadt hat einen Migrationshintergrund. Kinder aus zugewanderten Familien wachsen überdurchschnittlich häufig in Haushalten auf, die Leistungen nach dem SGB II beziehen. Frühe Hilfen und Beratungsangebote erreichen zugewanderte Familien bislang nur zu etwa 40 Prozent."""),
        ("Handlungsbedarf", """\
- Sprachbarrieren in Beratung und Hilfeplanung abbauen,
- Familien früher und aufsuchend erreichen,
- Jugendzentren und Jugendverbände für alle Jugendlichen attraktiv machen,
- Diskriminierung und Radikalisierung vorbeugen."""),
        ("Stärken", """\
Das **Netzwerk Frühe Hilfen** ist gut aufgestellt, der Jugendmigrationsdienst ist ein anerkannter Partner, und viele Sportvereine leisten schon heute wichtige Integrationsarbeit."""),
    ],
    ziele=[
        ("J1", "Das Armutsrisiko zugewanderter Familien sinkt",
         "SGB-II-Hilfequote ausländischer Staatsangehöriger",
         "Jobcenter Musterstadt (Schätzung)", 21, 17, "%"),
        ("J2", "Familien werden früh erreicht",
         "Anteil der Familien mit Migrationshintergrund, die durch Willkommensbesuche oder Frühe Hilfen erreicht werden",
         "Jugendamt, Dokumentation Frühe Hilfen (Schätzung)", 40, 60, "%"),
        ("J3", "Jugendzentren sind offen für alle Jugendlichen",
         "Anteil Jugendlicher mit Migrationshintergrund unter den Stammbesucherinnen und Stammbesuchern der Jugendzentren",
         "Besuchsstatistik des Jugendamtes (Schätzung)", 35, 48, "%"),
    ],
    massnahmen=[
        m("J1", "J2", "Mehrsprachige Willkommensbesuche und Frühe Hilfen",
          "Familien mit Neugeborenen erhalten einen Willkommensbesuch, auf Wunsch in ihrer Familiensprache. Familienhebammen begleiten belastete Familien im ersten Lebensjahr.",
          "Familien mit Neugeborenen", "Jugendamt",
          ["Gesundheitsamt", "Netzwerk Frühe Hilfen Musterstadt", GDD],
          None, "fortlaufend", 200000, "Eigenmittel", "hoch", "laufend"),
        m("J2", "J1; J2", "Sprachmittlerpool für soziale Dienste",
          "Ein Pool qualifizierter Sprachmittlerinnen und Sprachmittler steht den sozialen Diensten für Beratungsgespräche zur Verfügung – vor Ort oder per Video. Gespräche können innerhalb von 48 Stunden gebucht werden.",
          "Fachkräfte der sozialen Dienste und ihre Klientinnen und Klienten", "Sozialamt",
          [GDD, "Jugendamt"], date(2026, 1, 1), "fortlaufend", 300000, "Eigenmittel", "hoch", "in Umsetzung"),
        m("J3", "J3", "Interkulturelle Öffnung der Jugendzentren",
          "Die Teams der städtischen Jugendzentren werden fortgebildet; bei Neubesetzungen wird gezielt Personal mit Einwanderungsgeschichte gewonnen. Jugendliche gestalten das Programm mit.",
          "Jugendliche von 12 bis 21 Jahren", "Jugendamt", [SJR, "Jugendmigrationsdienst Musterstadt"],
          "Q1 2027", "Q4 2029", 45000, "Eigenmittel", "mittel", "geplant"),
        m("J4", "J3", "Empowerment-Angebote für Mädchen und Jungen",
          "Gruppenangebote zu Selbstbehauptung, Sport und Berufsorientierung stärken Mädchen und Jungen mit Einwanderungsgeschichte. Vereine und Migrantenorganisationen gestalten die Angebote mit.",
          "Kinder und Jugendliche von 10 bis 17 Jahren", "Jugendamt",
          [SSB, "SC Anadolu Musterstadt e. V.", AFG],
          "2026", "laufend", "100.000 €", "Eigenmittel", "mittel", "laufend"),
        m("J5", "J3", "Prävention von Diskriminierung und Radikalisierung",
          "Workshops an Schulen und in Jugendzentren sensibilisieren für Diskriminierung, Rassismus, Antisemitismus und Radikalisierung. Fachkräfte erhalten Beratung in konkreten Fällen.",
          "Jugendliche und pädagogische Fachkräfte", "Jugendamt",
          ["Polizeipräsidium Musterstadt", WS, "Islamische Gemeinde Musterstadt e. V."],
          "01.03.2026", date(2028, 12, 31), 85000, "Bundesmittel (Bundesprogramm „Demokratie leben!“)", "hoch", "in Umsetzung"),
        m("J6", "J2", "Elterncafés in Familienzentren",
          "In sechs Familienzentren treffen sich Eltern regelmäßig zu Themen wie Erziehung, Schule und Gesundheit. Die Treffen werden mehrsprachig moderiert.",
          "Eltern mit Kindern bis 10 Jahren", FZ, [ELT, "Volkshochschule Musterstadt"],
          "3. Quartal 2027", "fortlaufend", "42 T€", "Eigenmittel", "niedrig", "geplant"),
        m("J7", "J3", "Ferienprogramm für Kinder aus Gemeinschaftsunterkünften",
          "Kinder aus Gemeinschaftsunterkünften nehmen gemeinsam mit Kindern aus der Nachbarschaft am städtischen Ferienprogramm teil; Fahrtkosten und Beiträge werden übernommen.",
          "Kinder von 6 bis 14 Jahren in Gemeinschaftsunterkünften", "Jugendamt",
          ["Deutsches Rotes Kreuz Kreisverband Musterstadt e. V.", SJR],
          "2027", "2030", 32000, "Eigenmittel", "niedrig", "pausiert"),
    ],
    empfehlungen=[
        (1, "Die Träger der Jugendhilfe sollten Fachkräfte mit Einwanderungsgeschichte gezielt gewinnen und ausbilden.", "Träger der Jugendhilfe", "hoch"),
        (2, "Leistungen für Bildung und Teilhabe sollten mehrsprachig erklärt und mit einem einfachen Antrag angeboten werden.", "Jobcenter Musterstadt und Sozialamt", "hoch"),
        (3, "Sportvereine sollten Beitragsermäßigungen für Kinder aus Familien mit geringem Einkommen anbieten.", "Stadtsportbund Musterstadt e. V.", "mittel"),
    ],
))

# ===========================================================================
# G – Gesundheitsversorgung (.xls über LibreOffice; Partner mit Komma getrennt)
# ===========================================================================
AGS.append(dict(
    datei="ag-gesundheit", format="xls",
    prozent="zahl",
    partner_trenner=", ",
    arbeitsgruppe=[
        ("Handlungsfeld", "Gesundheitsversorgung"),
        ("Bezeichnung", "AG Gesundheit"),
        ("Leitung", "Dr. Elif Demir (Gesundheitsamt)"),
        ("Stand", date(2026, 9, 29)),
    ],
    mitglieder=[
        ("Dr. Elif Demir", "Gesundheitsamt", "Amtsärztin, Leitung der AG"),
        ("Prof. Dr. Hans-Peter Kühn", "Klinikum Musterstadt gGmbH", "Ärztlicher Direktor"),
        ("Dr. Leyla Karimi", "Psychosoziales Zentrum für Geflüchtete Musterstadt", "Leiterin"),
        ("Annette Vogt", "Pflegestützpunkt Musterstadt", "Pflegeberaterin"),
        ("Dr. Katharina Lindner", "Berufsverband der Kinder- und Jugendärzte – Bezirk Musterstadt", "Obfrau"),
        ("Parwana Ahmadi", AFG, "Vorsitzende"),
        ("Dragan Petrović", "AWO Kreisverband Musterstadt e. V.", "Fachbereichsleiter Migration"),
    ],
    ausgangslage=[
        ("Teilnahme an U8 und U9, Kinder nichtdeutscher Staatsangehörigkeit", 85, "%", 2024, "Schuleingangsuntersuchung, Gesundheitsamt"),
        ("Masern-Impfquote (2 Dosen) bei der Einschulung, Kinder nichtdeutscher Staatsangehörigkeit", 88, "%", 2024, "Schuleingangsuntersuchung, Gesundheitsamt"),
        ("Muttersprachliche Gesundheitsveranstaltungen", 30, "Veranstaltungen", 2024, "Gesundheitsamt, MiMi-Dokumentation"),
        ("Teilnehmende an muttersprachlichen Gesundheitsveranstaltungen", 300, "Personen", 2024, "Gesundheitsamt, MiMi-Dokumentation"),
    ],
    befund=[
        ("Ausgangslage", """\
Die Schuleingangsuntersuchungen zeigen, dass Kinder nichtdeutscher Staatsangehörigkeit seltener an Vorsorgeuntersuchungen teilnehmen (U8/U9: 85 %) und seltener vollständig gegen Masern geimpft sind (88 %). Viele Zugewanderte kennen das deutsche Gesundheitssystem wenig; Sprachbarrieren erschweren Diagnose und Behandlung."""),
        ("Handlungsbedarf", """\
- mehrsprachige Information über Vorsorge, Impfungen und Notdienste,
- Sprachmittlung in Praxen, im Klinikum und in Beratungsstellen,
- psychosoziale Versorgung traumatisierter Geflüchteter,
- kultursensible Angebote für ältere Zugewanderte und pflegende Angehörige."""),
        ("Stärken", """\
Mit dem Gesundheitsamt, dem Klinikum und den Wohlfahrtsverbänden gibt es engagierte Partner. Das Projekt *MiMi – Mit Migranten für Migranten* hat 2024 bereits 30 Veranstaltungen mit rund 300 Teilnehmenden durchgeführt."""),
    ],
    ziele=[
        ("G1", "Vorsorgeuntersuchungen werden stärker genutzt",
         "Teilnahmequote an den Früherkennungsuntersuchungen U8 und U9, Kinder nichtdeutscher Staatsangehörigkeit",
         "Schuleingangsuntersuchung, Gesundheitsamt (Schätzung)", 85, 92, "%"),
        ("G2", "Der Impfschutz von Kindern verbessert sich",
         "Masern-Impfquote (2 Dosen) bei der Einschulung, Kinder nichtdeutscher Staatsangehörigkeit",
         "Schuleingangsuntersuchung, Gesundheitsamt (Schätzung)", 88, 95, "%"),
        ("G3", "Gesundheitswissen wird in vielen Sprachen vermittelt",
         "Muttersprachliche Gesundheitsveranstaltungen pro Jahr",
         "Gesundheitsamt, MiMi-Dokumentation", 30, 60, "Veranstaltungen"),
        ("G4", "Mehr Menschen werden mit Gesundheitsinformationen erreicht",
         "Teilnehmende an muttersprachlichen Gesundheitsveranstaltungen pro Jahr",
         "Gesundheitsamt, MiMi-Dokumentation", 300, 600, "Personen"),
        ("G5", "Die kultursensible Pflegeberatung wird ausgebaut",
         "Pflegeberatungen in Herkunftssprachen pro Jahr",
         "Pflegestützpunkt Musterstadt (Schätzung)", 80, 200, "Beratungen"),
    ],
    massnahmen=[
        m("G1", "G3; G4", "MiMi-Gesundheitslotsinnen und -lotsen",
          "Zwanzig mehrsprachige Gesundheitsmediatorinnen und -mediatoren werden nach dem MiMi-Konzept geschult. Sie informieren in Vereinen, Moscheegemeinden, Kitas und Sprachkursen über Vorsorge, Impfungen und das Gesundheitssystem.",
          "Zugewanderte aller Altersgruppen", "Gesundheitsamt",
          ["Ethno-Medizinisches Zentrum e. V.", "AOK – Regionaldirektion Musterstadt"],
          date(2026, 1, 1), date(2029, 12, 31), 100000, "Eigenmittel und Krankenkassen (Präventionsgesetz)", "hoch", "in Umsetzung"),
        m("G2", "G1; G2", "Mehrsprachige Impf- und Vorsorgekampagnen",
          "Jährliche Kampagnen mit Plakaten, Kurzvideos und Aktionstagen in Kitas werben in zehn Sprachen für Vorsorgeuntersuchungen und Impfungen.",
          "Eltern von Kindern bis 6 Jahre", "Gesundheitsamt",
          ["Berufsverband der Kinder- und Jugendärzte – Bezirk Musterstadt", KITA],
          date(2027, 1, 1), date(2030, 12, 31), 40000, "Eigenmittel", "hoch", "geplant"),
        m("G3", None, "Zuschuss für das Psychosoziale Zentrum für Geflüchtete",
          "Die Stadt beteiligt sich an der Finanzierung des Psychosozialen Zentrums, das traumatisierte Geflüchtete berät und therapeutisch begleitet. So werden die Wartezeiten kürzer.",
          "traumatisierte Geflüchtete", "Sozialamt",
          ["Psychosoziales Zentrum für Geflüchtete Musterstadt", "Caritasverband Musterstadt e. V."],
          date(2026, 1, 1), "fortlaufend", 250000, "Eigenmittel", "mittel", "laufend"),
        m("G4", "G5", "Kultursensible Altenhilfe und Pflegeberatung",
          "Der Pflegestützpunkt bietet Sprechstunden in Türkisch, Russisch und Arabisch an und schult ambulante Pflegedienste in kultursensibler Pflege.",
          "ältere Zugewanderte und pflegende Angehörige", "Sozialamt",
          ["Pflegestützpunkt Musterstadt", "Caritasverband Musterstadt e. V.", "Diakonie Musterstadt", "AWO Kreisverband Musterstadt e. V."],
          date(2027, 4, 1), date(2029, 12, 31), 41250, "Eigenmittel", "mittel", "geplant"),
        m("G5", "G1", "Mehrsprachiger Gesundheitswegweiser",
          "Ein Wegweiser in zwölf Sprachen erklärt, wie Arztpraxen, Notdienste, Krankenkassen und Beratungsstellen in Musterstadt erreichbar sind. Er erscheint gedruckt und online.",
          "Zugewanderte, besonders Neuzugewanderte", "Gesundheitsamt",
          ["Amt für Digitalisierung", "Klinikum Musterstadt gGmbH"],
          date(2027, 1, 1), date(2027, 12, 31), 18000, "Eigenmittel", "niedrig", "geplant"),
        m("G6", "G1; G2", "Sprachmittlung im Klinikum und in der Geburtshilfe",
          "Das Klinikum stellt für Aufklärungsgespräche, Geburtshilfe und Entlassungsgespräche Sprachmittlung per Video bereit und schult das Personal im Umgang damit.",
          "Patientinnen und Patienten mit geringen Deutschkenntnissen", "Klinikum Musterstadt gGmbH",
          [GDD, "Gesundheitsamt"],
          date(2026, 10, 1), "fortlaufend", 0, "Eigenmittel des Klinikums", "mittel", "in Umsetzung"),
    ],
    empfehlungen=[
        (1, "Die Krankenkassen sollten Sprachmittlung in der ambulanten Versorgung als Regelleistung finanzieren.", "Krankenkassen und Bundesgesetzgeber", "hoch"),
        (2, "Das Gesundheitsamt sollte in der Gesundheitsberichterstattung Daten nach Staatsangehörigkeit auswerten.", "Gesundheitsamt", "mittel"),
        (3, "Arztpraxen sollten ihre Sprachkenntnisse im Arztsuchdienst angeben.", "Kassenärztliche Vereinigung", "niedrig"),
    ],
))

# ===========================================================================
# K – Kultur und Religion (.ods über LibreOffice; Handlungsfeld als Kürzel; Partner mit Zeilenumbruch)
# ===========================================================================
AGS.append(dict(
    datei="ag-kultur", format="ods",
    prozent="zahl",
    partner_trenner="\n",
    arbeitsgruppe=[
        ("Handlungsfeld", "K"),
        ("Bezeichnung", "AG Kultur und Religion"),
        ("Leitung", "Stefanie Winter (Kulturamt) und Ayşe Yılmaz (Türkisch-Deutscher Kulturverein e. V.)"),
        ("Stand", date(2026, 10, 2)),
    ],
    mitglieder=[
        ("Stefanie Winter", "Kulturamt", "Amtsleiterin, Leitung der AG"),
        ("Ayşe Yılmaz", TDK, "Vorsitzende, Leitung der AG"),
        ("Ulrike Hahn", "Evangelischer Kirchenkreis Musterstadt", "Pfarrerin, Beauftragte für den interreligiösen Dialog"),
        ("İbrahim Çelik", "Islamische Gemeinde Musterstadt e. V.", "Vorsitzender"),
        ("Dr. Miriam Rosenthal", "Jüdische Kultusgemeinde Musterstadt", "Vorstandsmitglied"),
        ("Eva Martens", "Stadtbibliothek Musterstadt", "Direktorin"),
        ("Thomas Reuter", SSB, "Geschäftsführer"),
        ("Dr. Emmanuel Mensah", "Arbeitskreis afrikanischer Vereine Musterstadt", "Sprecher"),
    ],
    ausgangslage=[
        ("Eingetragene Migrantenorganisationen", 64, "Vereine", 2024, "Vereinsregister, Amt für Integration und Vielfalt"),
        ("Geförderte Projekte von Migrantenorganisationen", 12, "Projekte", 2024, "Amt für Integration und Vielfalt"),
        ("Anteil des Publikums städtischer Kultureinrichtungen mit Migrationshintergrund", 15, "%", 2024, "Publikumsbefragung des Kulturamtes (Schätzung)"),
        ("Stützpunktvereine „Integration durch Sport“", 3, "Vereine", 2024, "Stadtsportbund Musterstadt e. V."),
    ],
    befund=[
        ("Ausgangslage", """\
In Musterstadt sind 64 Migrantenorganisationen als Vereine eingetragen. Sie leisten mit Sprachkursen, Kulturangeboten und Beratung einen großen Beitrag zur Integration, meist ehrenamtlich. Die städtischen Kultureinrichtungen erreichen Menschen mit Migrationshintergrund bislang unterdurchschnittlich: Nur 15 % des Publikums haben eine Einwanderungsgeschichte."""),
        ("Handlungsbedarf", """\
Die Arbeitsgruppe empfiehlt,

1. Migrantenorganisationen verlässlich zu fördern und zu beraten,
2. die Programme der Kultureinrichtungen vielfältiger zu gestalten und
3. den interreligiösen Dialog regelmäßig und öffentlich sichtbar zu führen."""),
        ("Stärken", """\
Die **Interkulturelle Woche** hat in Musterstadt eine lange Tradition. Der Runde Tisch der Religionen hat nach den Spannungen im Jahr 2023 gezeigt, wie wichtig ein vertrauensvoller Austausch ist."""),
    ],
    ziele=[
        ("K1", "Migrantenorganisationen werden als Kulturträger gestärkt",
         "Geförderte Projekte von Migrantenorganisationen pro Jahr",
         "Amt für Integration und Vielfalt", 12, 20, "Projekte"),
        ("K2", "Kultureinrichtungen erreichen ein vielfältiges Publikum",
         "Anteil der Besucherinnen und Besucher mit Migrationshintergrund in städtischen Kultureinrichtungen",
         "Publikumsbefragung des Kulturamtes (Schätzung)", 15, 22, "%"),
        ("K3", "Der interreligiöse Dialog wird verstetigt",
         "Sitzungen des Runden Tischs der Religionen pro Jahr",
         "Büro der Oberbürgermeisterin", 2, 4, "Sitzungen"),
        ("K4", "Die Religionsgemeinschaften zeigen gemeinsam Verantwortung",
         "Gemeinsame öffentliche Veranstaltungen der Religionsgemeinschaften pro Jahr",
         "Büro der Oberbürgermeisterin", 0, 1, "Veranstaltungen"),
        ("K5", "Mehr Sportvereine beteiligen sich an „Integration durch Sport“",
         "Stützpunktvereine im Programm „Integration durch Sport“",
         "Stadtsportbund Musterstadt e. V.", 3, 6, "Vereine"),
    ],
    massnahmen=[
        m("K1", "K3; K4", "Runder Tisch der Religionen",
          "Vertreterinnen und Vertreter der Kirchen, der islamischen Gemeinden und der jüdischen Gemeinde treffen sich viermal im Jahr mit der Oberbürgermeisterin. Einmal im Jahr laden sie gemeinsam zu einer öffentlichen Veranstaltung ein.",
          "Religionsgemeinschaften und interessierte Öffentlichkeit", "Büro der Oberbürgermeisterin",
          ["Evangelischer Kirchenkreis Musterstadt", "Katholisches Stadtdekanat Musterstadt",
           "Islamische Gemeinde Musterstadt e. V.", "Jüdische Kultusgemeinde Musterstadt", AIV],
          date(2026, 1, 1), "fortlaufend", 25000, "Eigenmittel", "hoch", "laufend"),
        m("K2", "K2", "Interkulturelle Woche",
          "Die Interkulturelle Woche im September wird zu einem stadtweiten Festival mit Konzerten, Lesungen, offenen Türen und einem Fest der Kulturen auf dem Marktplatz ausgebaut.",
          "alle Einwohnerinnen und Einwohner", "Kulturamt",
          ["Evangelischer Kirchenkreis Musterstadt", "Katholisches Stadtdekanat Musterstadt", TDK, GRI, "Theater Musterstadt"],
          date(2026, 1, 1), date(2030, 12, 31), 100000, "Eigenmittel", "hoch", "laufend"),
        m("K3", "K1", "Integrationsbudget für Projekte von Migrantenorganisationen",
          "Migrantenorganisationen können zweimal im Jahr (Stichtage 31.03. und 31.10.) Zuschüsse für Projekte in Kultur, Bildung und Begegnung beantragen. Ein Beratungsangebot hilft bei der Antragstellung.",
          "Migrantenorganisationen und -vereine", AIV, ["Integrationsrat der Stadt Musterstadt"],
          date(2027, 1, 1), date(2030, 12, 31), "200.000,00 EUR", "Eigenmittel", "hoch", "geplant"),
        m("K4", "K2", "Mehrsprachige Bestände und Vorlesestunden in der Stadtbibliothek",
          "Die Stadtbibliothek erweitert ihre Bestände in den häufigsten Familiensprachen und bietet monatlich mehrsprachige Vorlesestunden an, die Ehrenamtliche gestalten.",
          "Kinder und Familien", "Stadtbibliothek Musterstadt", [ELT, UKR, SYR, POL],
          date(2026, 1, 1), "laufend", 50000, "Eigenmittel", "mittel", "laufend"),
        m("K5", "K5", "Integration durch Sport – Stützpunktvereine",
          "Der Stadtsportbund gewinnt drei weitere Stützpunktvereine für das Bundesprogramm. Die Vereine erhalten Zuschüsse für Übungsleitungen und Mitgliedsbeiträge.",
          "Kinder, Jugendliche und Frauen mit Einwanderungsgeschichte", "Sportamt",
          [SSB, "SV Musterstadt 1911 e. V.", "SC Anadolu Musterstadt e. V.", "TuS Nordstadt 1898 e. V."],
          date(2026, 1, 1), "fortlaufend", 0, "Bundesmittel (Programm „Integration durch Sport“)", "mittel", "laufend"),
        m("K6", "K2", "Ausstellung zur Einwanderungsgeschichte Musterstadts",
          "Das Stadtmuseum erarbeitet gemeinsam mit Migrantenorganisationen eine Ausstellung über sieben Jahrzehnte Einwanderung nach Musterstadt. Zeitzeuginnen und Zeitzeugen erzählen ihre Geschichte.",
          "alle Einwohnerinnen und Einwohner, Schulklassen", "Stadtmuseum Musterstadt",
          [TDK, ROM, POL, "Hochschule Musterstadt"],
          "Q1 2028", "Q4 2028", "60 T€", "Stiftung (Kulturstiftung Musterstadt) und Eigenmittel", "niedrig", "geplant"),
        m("K7", "K2", "Interkulturelle Angebote der Musikschule",
          "Die Musikschule nimmt Instrumente wie Saz, Oud und Bouzouki ins Programm auf und gründet ein interkulturelles Jugendorchester.",
          "Kinder und Jugendliche", "Musikschule Musterstadt", [GRI, TDK],
          date(2027, 8, 1), date(2030, 7, 31), 36000, "Eigenmittel", "niedrig", "geplant"),
    ],
    empfehlungen=[
        (1, "Die Kultureinrichtungen sollten ihre Programme und Informationen mehrsprachig anbieten und gezielt neue Zielgruppen ansprechen.", "Kulturamt und städtische Kultureinrichtungen", "hoch"),
        (2, "Die Stadt sollte Migrantenorganisationen Räume zu günstigen Bedingungen zur Verfügung stellen.", "Rat der Stadt Musterstadt", "mittel"),
        (3, "Sportvereine sollten Übungsleiterinnen und Übungsleiter mit Einwanderungsgeschichte gezielt ausbilden.", "Stadtsportbund Musterstadt e. V.", "mittel"),
        (4, "Die Feiertage der großen Religionsgemeinschaften sollten im städtischen Veranstaltungskalender berücksichtigt werden.", "Büro der Oberbürgermeisterin", "niedrig"),
    ],
))

# ===========================================================================
# V – Interkulturelle Öffnung der Verwaltung (.xlsx; Priorität 1/2/3 als Zahlenzellen)
# ===========================================================================
AGS.append(dict(
    datei="ag-verwaltung", format="xlsx",
    prozent="zahl",
    arbeitsgruppe=[
        ("Handlungsfeld", "Interkulturelle Öffnung der Verwaltung"),
        ("Bezeichnung", "AG Interkulturelle Öffnung der Verwaltung"),
        ("Leitung", "Karin Schuster (Personalamt)"),
        ("Stand", date(2026, 9, 30)),
    ],
    mitglieder=[
        ("Karin Schuster", "Personalamt", "Amtsleiterin, Leitung der AG"),
        ("Ralf Dietrich", "Gesamtpersonalrat der Stadt Musterstadt", "Vorsitzender"),
        ("Holger Peters", "Ausländerbehörde", "Leiter"),
        ("Svetlana Morozova", "Bürgeramt", "Abteilungsleiterin"),
        ("Daniel Weiß", "Amt für Digitalisierung", "Amtsleiter"),
        ("Peter Lang", "Studieninstitut für kommunale Verwaltung Musterstadt", "Leiter Fortbildung"),
        ("Żaneta Kowalczyk", "ver.di Bezirk Musterstadt", "Gewerkschaftssekretärin"),
        ("Mehmet Kaya", "Integrationsrat der Stadt Musterstadt", "Vorsitzender"),
    ],
    ausgangslage=[
        ("Neu eingestellte Auszubildende mit Migrationshintergrund", 14, "%", 2024, "Personalamt, freiwillige Angabe bei Einstellung"),
        ("Beschäftigte mit Migrationshintergrund", 9, "%", 2024, "Beschäftigtenbefragung des Personalamtes"),
        ("Beschäftigte mit Publikumsverkehr mit Diversity-Fortbildung", 30, "%", 2024, "Fortbildungsstatistik des Personalamtes"),
        ("Durchschnittliche Bearbeitungsdauer von Einbürgerungsanträgen", 14, "Monate", 2024, "Ausländerbehörde, Fachverfahren"),
        ("Eingegangene Einbürgerungsanträge", 2100, "Anträge", 2024, "Ausländerbehörde, Fachverfahren"),
    ],
    befund=[
        ("Ausgangslage", """\
Die Stadtverwaltung beschäftigt rund 4.800 Menschen. Nach der freiwilligen Befragung 2024 haben nur etwa 9 % von ihnen einen Migrationshintergrund – bei einem Anteil von 34 % an der Bevölkerung. Bei den neu eingestellten Auszubildenden liegt der Anteil bei 14 %.

Die Zahl der Einbürgerungsanträge hat sich seit 2022 mehr als verdoppelt; 2024 gingen rund 2.100 Anträge ein. Die Bearbeitung dauert im Durchschnitt 14 Monate."""),
        ("Handlungsbedarf", """\
- **Personalgewinnung:** junge Menschen mit Einwanderungsgeschichte gezielt ansprechen,
- **Qualifizierung:** interkulturelle Kompetenz aller Beschäftigten mit Publikumsverkehr stärken,
- **Service:** verständliche, mehrsprachige Informationen und kürzere Wartezeiten,
- **Daten:** regelmäßige Erhebungen als Grundlage der Steuerung."""),
        ("Stärken", """\
Die Verwaltungsspitze unterstützt die interkulturelle Öffnung ausdrücklich. Das Studieninstitut bietet bereits Fortbildungen an, und viele Beschäftigte bringen Sprachkenntnisse mit, die bisher kaum erfasst und genutzt werden."""),
    ],
    ziele=[
        ("V1", "Mehr Auszubildende mit Einwanderungsgeschichte gewinnen",
         "Anteil neu eingestellter Auszubildender mit Migrationshintergrund",
         "Personalamt, freiwillige Angabe bei Einstellung", 14, 25, "%"),
        ("V2", "Die Vielfalt in der Belegschaft wächst",
         "Anteil der Beschäftigten mit Migrationshintergrund (freiwillige Beschäftigtenbefragung)",
         "Beschäftigtenbefragung des Personalamtes", 9, 15, "%"),
        ("V3", "Die interkulturelle Kompetenz der Beschäftigten wird gestärkt",
         "Anteil der Beschäftigten mit Publikumsverkehr, die an einer Diversity-Fortbildung teilgenommen haben",
         "Fortbildungsstatistik des Personalamtes", 30, 70, "%"),
        ("V4", "Einbürgerungsanträge werden schneller bearbeitet",
         "Durchschnittliche Bearbeitungsdauer von Einbürgerungsanträgen",
         "Ausländerbehörde, Fachverfahren (Schätzung)", 14, 6, "Monate"),
    ],
    massnahmen=[
        m("V1", "V1", "Ausbildungskampagne „Wir sind Musterstadt – bist du dabei?“",
          "Eine Kampagne in sozialen Medien, an Schulen und in Vereinen wirbt für Ausbildung und duales Studium bei der Stadt. Auszubildende mit Einwanderungsgeschichte berichten als Botschafterinnen und Botschafter.",
          "Schülerinnen und Schüler der Abschlussklassen", "Personalamt",
          [WS, TDK, "Integrationsrat der Stadt Musterstadt"],
          date(2026, 1, 1), date(2029, 12, 31), 120000, "Eigenmittel", 1, "in Umsetzung"),
        m("V2", "V3", "Fortbildungsreihe Interkulturelle Kompetenz und Diversity",
          "Alle Beschäftigten mit Publikumsverkehr besuchen bis 2030 eine zweitägige Fortbildung. Führungskräfte erhalten ein eigenes Modul zu diversitätsbewusster Personalführung.",
          "Beschäftigte mit Publikumsverkehr und Führungskräfte", "Personalamt",
          ["Studieninstitut für kommunale Verwaltung Musterstadt"],
          date(2026, 1, 1), "laufend", 125000, "Eigenmittel", 1, "laufend"),
        m("V3", "V4", "Mehrsprachige Online-Dienste und Leichte Sprache",
          "Die wichtigsten Online-Dienste und Informationsseiten der Stadt wurden in Englisch, Türkisch, Arabisch und Ukrainisch sowie in Leichter Sprache bereitgestellt.",
          "Einwohnerinnen und Einwohner mit geringen Deutschkenntnissen", "Amt für Digitalisierung",
          ["Presse- und Kommunikationsamt"],
          date(2026, 2, 1), date(2026, 10, 31), 40000, "Eigenmittel", 2, "abgeschlossen"),
        m("V4", "V2", "Freiwillige Beschäftigtenbefragung zur Vielfalt",
          "Alle zwei Jahre (2026, 2028 und 2030) werden die Beschäftigten anonym und freiwillig zu Migrationshintergrund, Sprachkenntnissen und Diskriminierungserfahrungen befragt.",
          "alle Beschäftigten der Stadtverwaltung", "Personalamt",
          ["Gesamtpersonalrat der Stadt Musterstadt", "Amt für Statistik und Wahlen"],
          "2026", "2030", 15000, "Eigenmittel", 3, "in Umsetzung"),
        m("V5", "V4", "Servicestelle Einbürgerung und Welcome Center",
          "Zwei zusätzliche Stellen in der Ausländerbehörde bauen den Antragsstau ab. Das Welcome Center berät Neuzugewanderte und Fachkräfte zu Aufenthalt, Arbeit und Einbürgerung an einem Ort.",
          "Einbürgerungsinteressierte und neu zugewanderte Fachkräfte", "Ausländerbehörde",
          ["Bürgeramt", AIV],
          date(2026, 7, 1), "fortlaufend", 630000, "Eigenmittel (teilweise durch Gebühren gedeckt)", 1, "in Umsetzung"),
        m("V6", "V1; V2; V3; V4", "Integrationsmonitoring und Integrationsbericht",
          "Das Amt für Statistik und Wahlen schreibt die Indikatoren dieses Konzepts jährlich fort. Alle zwei Jahre erscheint ein Integrationsbericht mit Ampelbewertung.",
          "Rat, Verwaltung und Öffentlichkeit", "Amt für Statistik und Wahlen", [AIV],
          "01.01.2027", "fortlaufend", 160000, "Eigenmittel", 2, "geplant"),
        m("V7", "V4", "Mehrsprachiges Leit- und Informationssystem im Bürgeramt",
          "Ein Aufrufsystem mit Piktogrammen und Hinweisen in acht Sprachen erleichtert die Orientierung im Bürgeramt und in der Ausländerbehörde.",
          "Besucherinnen und Besucher des Bürgeramtes", "Bürgeramt",
          ["Amt für Digitalisierung", "Ausländerbehörde"],
          "Q1 2027", "Q3 2027", 25000, "Eigenmittel", 3, "geplant"),
        m("V8", "V1", "Anonymisierte Bewerbungsverfahren (Pilot)",
          "In zwei Ämtern werden Bewerbungen um Ausbildungsplätze versuchsweise ohne Namen, Foto und Geburtsort gesichtet. Der Pilot ist zurückgestellt, bis das neue Bewerbungsportal eingeführt ist.",
          "Bewerberinnen und Bewerber um Ausbildungsplätze", "Personalamt",
          ["Gesamtpersonalrat der Stadt Musterstadt"],
          "2028", "2029", 0, "keine zusätzlichen Kosten", 2, "zurückgestellt"),
    ],
    empfehlungen=[
        (1, "Die Stadt sollte die Charta der Vielfalt unterzeichnen und sich damit zu einer diversitätsbewussten Personalpolitik bekennen.", "Oberbürgermeisterin", 1),
        (2, "Mehrsprachigkeit sollte bei der Besetzung von Stellen mit Publikumsverkehr als zusätzliche Qualifikation gewertet werden.", "Personalamt", 1),
        (3, "Formulare und Bescheide sollten schrittweise in verständliche Sprache überarbeitet werden.", "alle Fachämter", 2),
        (4, "Für Beschwerden über Diskriminierung durch städtische Stellen sollte eine unabhängige Anlaufstelle eingerichtet werden.", "Büro der Oberbürgermeisterin", 2),
    ],
))


# ===========================================================================
# Zielsystem und Querschnittsthemen (freiwillige Spalten „Oberziel“ und
# „Querschnittsthemen“ der Blätter Ziele und Maßnahmen, „Ort“ der Maßnahmen)
# ===========================================================================
OBERZIEL_JE_ZIEL = {
    "B1": 1, "B2": 1, "B3": 2, "B4": 2,
    "A1": 1, "A2": 1, "A3": 5, "A4": 1,
    "W1": 3, "W2": 3, "W3": 3,
    "J1": 3, "J2": 3, "J3": 3,
    "G1": 4, "G2": 4, "G3": 4, "G4": 4, "G5": 4,
    "K1": 5, "K2": 5, "K3": 5, "K4": 5, "K5": 3,
    "V1": 5, "V2": 5, "V3": 5, "V4": 5,
}

THEMEN_JE_ZIEL = {
    "A4": "Gleichstellung der Geschlechter",
    "W2": "Sozialraumorientierung",
    "J3": "Antidiskriminierung",
    "V2": "Antidiskriminierung",
}

THEMEN_JE_MASSNAHME = {
    "B3": "Ehrenamt", "B5": "Gleichstellung der Geschlechter",
    "A3": "Gleichstellung der Geschlechter", "A7": "Ehrenamt",
    "A8": "Gleichstellung der Geschlechter",
    "W2": "Sozialraumorientierung", "W3": "Sozialraumorientierung; Ehrenamt",
    "W4": "Sozialraumorientierung", "W7": "Sozialraumorientierung",
    "J4": "Gleichstellung der Geschlechter", "J5": "Antidiskriminierung",
    "J6": "Sozialraumorientierung",
    "G1": "Ehrenamt",
    "V2": "Antidiskriminierung", "V3": "Barrierefreiheit", "V7": "Barrierefreiheit",
    "V8": "Antidiskriminierung",
}

ORT_JE_MASSNAHME = {
    "W2": "Nordstadt; Hafenviertel",
    "W7": "Nordstadt; Hafenviertel; Südstadt; Weststadt",
}


# ---------------------------------------------------------------------------
# Ressourcen über Geld hinaus: Spalten „Stellen (VZÄ)“, „Grobe Kostenschätzung“ und „Art“
# (nur in den .xlsx-Mappen B, A, J und V; die übrigen Mappen zeigen, dass die Spalten
# freiwillig sind). Nr -> (Stellen je Jahr, grob geschätzt, Art der Maßnahme)
# ---------------------------------------------------------------------------

RESSOURCEN = {
    "B1": (None, None, "Ausbau"),
    "B2": (1, None, "Fortführung"),
    "B3": (None, None, "Ausbau"),
    "B5": (None, "ja", "Fortführung"),
    "B6": (0.5, None, "neu"),
    "B7": (3, None, "Ausbau"),
    "A2": (0.5, None, "neu"),
    "A4": (0.5, None, "neu"),
    "A5": (5, None, "Fortführung"),
    "A6": (None, "ja", "neu"),
    "J2": (None, "ja", "neu"),
    "J3": (None, None, "Ausbau"),
    "J5": (0.5, None, "Fortführung"),
    "V5": (2, None, "neu"),
    "V6": (0.5, None, "Fortführung"),
    "V7": (None, "ja", "neu"),
}

for _ag in AGS:
    if _ag["format"] != "xlsx" or "massnahmen_spalten" in _ag:
        continue
    _ag["massnahmen_spalten"] = MASSNAHMEN_SPALTEN + [
        ("stellen", "Stellen (VZÄ)"), ("schaetzung", "Grobe Kostenschätzung"), ("art", "Art"),
    ]
    for _mn in _ag["massnahmen"]:
        stellen, schaetzung, art = RESSOURCEN.get(_mn["nr"], (None, None, None))
        _mn.update(stellen=stellen, schaetzung=schaetzung, art=art)
