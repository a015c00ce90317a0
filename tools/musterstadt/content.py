"""Inhalte des Beispielprojekts „Musterstadt“ (Steuerungsgruppe).

Alle Zahlen sind illustrativ und folgen ../../../shared/domain/example-content.md
(Stichtag 31.12.2024). Die Arbeitsgruppen stehen in content_ags.py.

Werte-Konventionen für generate.py:
- datetime.date  -> echte Datumszelle (Format TT.MM.JJJJ)
- str            -> Textzelle, so wie eingetragen ("Q3 2027", "12.500 €", "fortlaufend" …)
- int / float    -> Zahlenzelle
- None           -> leere Zelle
"""

from datetime import date

ALLE_FELDER = "B; A; W; J; G; K; V"

# ---------------------------------------------------------------------------
# konzept.toml (wird unverändert geschrieben)
# ---------------------------------------------------------------------------

KONZEPT_TOML = """\
# Integrationskonzept der Stadt Musterstadt – Projektdatei
#
# Diese Datei beschreibt das Dokument: Kommune, Titel, Stand, Beratungsfolge und
# Gestaltung. Die Inhalte selbst stehen in den Arbeitsmappen:
#   steuerung.xlsx        – Texte, Steuerungsgruppe, Akteure, Leitlinien, Ausgangslage,
#                           Finanzen und Zeitplan (Geschäftsstelle der Steuerungsgruppe)
#   arbeitsgruppen/*      – je eine Arbeitsmappe pro Handlungsfeld (.xlsx, .ods oder .xls)
#
# Prüfen:   konzept check examples/musterstadt
# Erzeugen: konzept build examples/musterstadt   (PDF, DOCX und ODT im Ordner „ausgabe“)
#
# Hinweis: Dieses Beispiel wird mit tools/musterstadt/generate.py erzeugt.
# Änderungen bitte dort vornehmen, sonst gehen sie beim nächsten Erzeugen verloren.

[kommune]
name = "Musterstadt"
art = "Stadt"                        # Stadt | Gemeinde | Landkreis | Kreis | Stadtbezirk
bundesland = "Nordrhein-Westfalen"
logo = "logo.png"                    # PNG, JPEG oder SVG, relativ zu dieser Datei

[dokument]
titel = "Integrationskonzept der Stadt Musterstadt"
untertitel = "Vielfalt gemeinsam gestalten – Handlungsprogramm 2026 bis 2030"
version = "1.0"
stand = 2026-11-15                   # wird als „Stand“ gedruckt (TOML-Datum: JJJJ-MM-TT)
status = "Beschlussvorlage"          # Entwurf | Beschlussvorlage | Beschlossen
                                     # („Entwurf“ druckt ein Wasserzeichen auf jede Seite)
laufzeit = { von = 2026, bis = 2030 }  # Jahre, die das Konzept abdeckt
vorlage = "Drucksache 2026/0815"     # Nummer der Ratsvorlage
gremium = "Rat der Stadt Musterstadt"
sitzung = 2027-01-28                 # Sitzung, in der der Rat beschließt
verantwortlich = "Amt für Integration und Vielfalt"

# Beratungsfolge: die Gremien in der Reihenfolge, in der sie beraten
[[beratung]]
gremium = "Integrationsrat"
sitzung = 2026-12-08
oeffentlich = true

[[beratung]]
gremium = "Ausschuss für Soziales und Integration"
sitzung = 2027-01-14
oeffentlich = true

[[beratung]]
gremium = "Rat der Stadt Musterstadt"
sitzung = 2027-01-28
oeffentlich = true

[ausgabe]
formate = ["pdf", "docx", "odt", "vorlage"]   # ODT: OpenDocument für LibreOffice

[gestaltung]
farbe = "#005CA9"                    # Akzentfarbe für Überschriften, Tabellenköpfe und Diagramme

# Die Handlungsfelder sind hier nicht aufgeführt: Es gelten die sieben Felder des
# Leitfadens mit ihren Kürzeln, die auch die Nummern der Ziele und Maßnahmen bilden:
#   B Bildung und Sprachförderung         A Arbeit und Wirtschaft („Arbeit und Beruf“)
#   W Wohnen und Zusammenleben            J Jugend und Soziales
#   G Gesundheitsversorgung               K Kultur und Religion
#   V Interkulturelle Öffnung der Verwaltung
# Wer eigene Felder oder eine andere Reihenfolge braucht, ergänzt Abschnitte wie:
#   [[handlungsfeld]]
#   name = "Bildung und Sprachförderung"
#   kurz = "B"

# Querschnittsthemen: Anliegen, die alle Handlungsfelder betreffen. Die Arbeitsgruppen
# ordnen ihre Ziele und Maßnahmen in der Spalte „Querschnittsthemen“ zu; das Konzept
# bekommt einen Abschnitt je Thema.
[[querschnittsthema]]
name = "Antidiskriminierung"
beschreibung = "Musterstadt tritt jeder Form von Diskriminierung und Rassismus entgegen – in der Verwaltung, in Schulen, auf dem Arbeits- und Wohnungsmarkt und in der Freizeit."

[[querschnittsthema]]
name = "Gleichstellung der Geschlechter"
beschreibung = "Zugewanderte Frauen sind seltener erwerbstätig und seltener in Kursen. Angebote mit Kinderbetreuung und gezielte Ansprache sollen das ändern."

[[querschnittsthema]]
name = "Sozialraumorientierung"
beschreibung = "Integration geschieht im Quartier. Maßnahmen mit diesem Thema setzen in den Stadtteilen an, in denen der Bedarf am größten ist."

[[querschnittsthema]]
name = "Ehrenamt"
beschreibung = "Ohne Ehrenamtliche gelingt Integration nicht. Diese Maßnahmen gewinnen, schulen und begleiten freiwillig Engagierte."

[[querschnittsthema]]
name = "Barrierefreiheit"
"""

# ---------------------------------------------------------------------------
# Texte (Abschnitt, Text) – Markdown-Teilmenge: Absätze, "- ", "1. ", **fett**, *kursiv*
# ---------------------------------------------------------------------------

TEXTE = [
    ("Vorwort", """\
Liebe Musterstädterinnen und Musterstädter,

Musterstadt ist seit jeher eine Stadt, in die Menschen kommen, um hier zu arbeiten, zu lernen und eine Familie zu gründen. Heute hat gut ein Drittel unserer Einwohnerinnen und Einwohner eine Einwanderungsgeschichte; bei den Kindern und Jugendlichen ist es fast jedes zweite Kind. Menschen aus mehr als 140 Staaten leben in unserer Stadt. Diese Vielfalt ist längst Alltag – in den Kitas und Schulen, in den Betrieben, in den Vereinen und in der Nachbarschaft.

Gelingende Integration entsteht nicht von selbst. Sie braucht gute Sprachförderung von Anfang an, faire Chancen in Schule und Beruf, bezahlbaren Wohnraum, eine Verwaltung, die für alle da ist, und vor allem Menschen, die aufeinander zugehen. Mit dem vorliegenden Integrationskonzept legen wir erstmals ein gemeinsames Handlungsprogramm mit **messbaren Zielen** und **konkreten Maßnahmen** für die Jahre 2026 bis 2030 vor.

Mein herzlicher Dank gilt allen, die daran mitgewirkt haben: den Mitgliedern der Steuerungsgruppe und der sieben Arbeitsgruppen, dem Integrationsrat, den Migrantenorganisationen, Kirchen und Religionsgemeinschaften, Wohlfahrtsverbänden, Unternehmen, Schulen und Vereinen. Über 120 Menschen haben ihre Erfahrung und ihre Zeit eingebracht. Lassen Sie uns dieses Konzept nun gemeinsam mit Leben füllen.

Dr. Katrin Albers
Oberbürgermeisterin der Stadt Musterstadt"""),

    ("Einleitung", """\
Das Integrationskonzept der Stadt Musterstadt beschreibt, wie Stadtverwaltung, Politik und Stadtgesellschaft das Zusammenleben in einer vielfältigen Stadt in den kommenden fünf Jahren gestalten wollen. Es bündelt, was bereits gut funktioniert, benennt Lücken und legt fest, wer bis wann was tut.

Das Konzept folgt dem *Leitfaden zur kommunalen Integrationsarbeit* und ist in drei Teile gegliedert:

1. **Warum Integration?** – die Ausgangsfragen und der Anspruch der Stadt,
2. **Initiierung** – Auftrag, Netzwerke, Projektrahmen, Steuerung und beteiligte Akteure,
3. **Durchführung** – Leitlinien, Analyse der Ausgangslage, Schwerpunkte sowie Ziele und Maßnahmen in sieben Handlungsfeldern.

Die Inhalte der Handlungsfelder haben sieben Arbeitsgruppen zwischen April und September 2026 erarbeitet. Jede Arbeitsgruppe hat die Ausgangslage beschrieben, Ziele mit Indikatoren, Ausgangs- und Zielwerten festgelegt und einen Maßnahmenkatalog mit Federführung, Zeitraum, Kosten und Priorität aufgestellt. Die Steuerungsgruppe hat die Ergebnisse abgestimmt und zu diesem Konzept zusammengeführt."""),

    ("Warum Integration", """\
Integration ist ein langfristiger Prozess, der vor Ort stattfindet: in der Kita, in der Schule, im Betrieb, im Sportverein und im Wohnquartier. Sie verlangt Offenheit von allen Seiten – von den Menschen, die neu in unsere Stadt kommen, ebenso wie von der aufnehmenden Stadtgesellschaft und ihren Institutionen.

Die Analyse der Ausgangslage zeigt, dass Menschen mit Einwanderungsgeschichte in Musterstadt in wichtigen Lebensbereichen noch nicht die gleichen Chancen haben:

- Sprachliche Hürden erschweren den Zugang zu Bildung, Arbeit, Gesundheitsversorgung und Verwaltungsleistungen.
- Ausländische Jugendliche verlassen die Schule dreimal so häufig ohne Ersten Schulabschluss wie deutsche Jugendliche.
- Die Arbeitslosenquote ausländischer Staatsangehöriger ist fast dreimal so hoch wie die der Deutschen.
- Viele Geflüchtete leben lange in Gemeinschaftsunterkünften, weil bezahlbarer Wohnraum fehlt.
- In Gremien, Vereinen und in der Stadtverwaltung selbst ist die Vielfalt der Stadtgesellschaft noch zu wenig sichtbar.

Zugleich ist Zuwanderung eine Chance: Musterstadt braucht Fachkräfte, und viele Zugewanderte bringen Qualifikationen, Sprachen und Unternehmergeist mit. Eine vorausschauende Integrationsarbeit verbessert die Lebenschancen der Einzelnen, stärkt den Zusammenhalt in den Stadtteilen und beugt Konflikten, Ausgrenzung und Diskriminierung vor."""),

    ("Auftrag", """\
Der Rat der Stadt Musterstadt hat die Verwaltung am 27. März 2025 beauftragt, unter breiter Beteiligung der Stadtgesellschaft ein Integrationskonzept zu erarbeiten und bis Ende 2026 zur Beschlussfassung vorzulegen (Drucksache 2025/0231).

Die Verantwortung liegt bewusst an der Spitze der Verwaltung: Oberbürgermeisterin Dr. Katrin Albers hat das Thema *Migration und Integration* zur Chefsache erklärt und den Vorsitz der Steuerungsgruppe übernommen. Federführend für die Erarbeitung und die spätere Umsetzung ist das **Amt für Integration und Vielfalt**, in dem auch das Kommunale Integrationszentrum und das Kommunale Integrationsmanagement angesiedelt sind. Das Amt führt die Geschäfte der Steuerungsgruppe, begleitet die Arbeitsgruppen und verantwortet das Integrationsmonitoring.

Alle Fachämter sind verpflichtet, die Ziele des Konzepts in ihrer eigenen Planung zu berücksichtigen und über den Stand ihrer Maßnahmen zu berichten."""),

    ("Netzwerk", """\
Integration kann keine Stelle allein bewältigen. Musterstadt kann auf gewachsene Netzwerke zurückgreifen, in denen Verwaltung, freie Träger, Migrantenorganisationen und Ehrenamtliche seit Jahren zusammenarbeiten. Das Integrationskonzept verbindet sie auf drei Ebenen:

1. **Strategische Ebene:** Steuerungsgruppe, Integrationsrat und Ausschuss für Soziales und Integration.
2. **Fachliche Ebene:** die sieben Arbeitsgruppen, der Arbeitskreis Flucht und Asyl, das Netzwerk Frühe Hilfen und die Jugendberufsagentur.
3. **Stadtteilebene:** Quartiersmanagements, Stadtteilkonferenzen, Familienzentren und der Runde Tisch der Religionen.

Neu ist, dass diese Netzwerke an gemeinsamen Zielen arbeiten und ihre Fortschritte im Integrationsbericht sichtbar machen. Migrantenorganisationen sind in allen Arbeitsgruppen vertreten; ihre Stimme soll auch in der Umsetzung Gewicht haben."""),

    ("Projektrahmen", """\
Das Integrationskonzept gilt für die Jahre **2026 bis 2030**. Es verfolgt drei übergeordnete Ziele:

- gleiche Chancen auf Bildung, Arbeit, Wohnen und Gesundheit für alle Einwohnerinnen und Einwohner,
- ein gutes Zusammenleben in den Stadtteilen und
- eine Verwaltung, die die Vielfalt der Stadtgesellschaft widerspiegelt und allen gleich gut dient.

Der Zeitplan unten zeigt die Phasen von der Bestandsaufnahme bis zur Fortschreibung. Die Maßnahmen werden aus Haushaltsmitteln der Stadt sowie aus Förderprogrammen von Land, Bund und Europäischer Union finanziert; die Bürgerstiftung Musterstadt und die Kulturstiftung beteiligen sich an einzelnen Vorhaben. Alle Maßnahmen stehen unter dem Vorbehalt der Bereitstellung der Mittel im jeweiligen Haushaltsjahr. Die Kosten einer Maßnahme werden im Kosten- und Finanzierungsplan anteilig auf die Jahre ihrer Laufzeit verteilt."""),

    ("Steuerung", """\
Die **Steuerungsgruppe** begleitet die Erarbeitung und die Umsetzung des Konzepts. Ihr gehören Vertreterinnen und Vertreter der Stadtspitze, der Fachämter, des Integrationsrats, der Arbeitsverwaltung, der Schulaufsicht, der Wohlfahrtsverbände, der Wirtschaft, der Polizei und der Migrantenorganisationen an. Sie tagt viermal im Jahr, entscheidet über Prioritäten und legt dem Rat die Integrationsberichte vor.

Für jedes der sieben Handlungsfelder wurde eine **Arbeitsgruppe** gebildet. Die Arbeitsgruppen werden von Fachleuten aus Verwaltung und Zivilgesellschaft geleitet und sind offen zusammengesetzt; sie haben jeweils fünf- bis siebenmal getagt. Ihre Aufgabe war es, die Ausgangslage zu analysieren, erreichbare Ziele festzulegen und Maßnahmen sowie Handlungsempfehlungen zu formulieren. In der Umsetzungsphase treffen sie sich mindestens zweimal jährlich, um den Stand der Maßnahmen zu bewerten."""),

    ("Akteure", """\
Am Integrationskonzept haben Akteure aus allen Bereichen der Stadtgesellschaft mitgewirkt: politische Gremien, Migrantenorganisationen und -vereine, Kirchen und Religionsgemeinschaften, Wohlfahrtsverbände, Unternehmen und Kammern, Gewerkschaften, Bildungseinrichtungen, die Polizei, Träger der Jugendhilfe, Kultureinrichtungen, Sportvereine und die Fachämter der Stadtverwaltung.

Die folgende Übersicht nennt für jede Organisation eine Ansprechperson und die Handlungsfelder, in denen sie mitarbeitet. Sie dient zugleich als Adressverzeichnis für die Umsetzung: Wer bei einer Maßnahme federführend oder als Partner genannt ist, findet hier die richtige Ansprechperson."""),

    ("Leitlinien", """\
Die Leitlinien beschreiben die Haltung, mit der Stadt und Stadtgesellschaft Integration gestalten wollen. Sie wurden in der Auftaktveranstaltung im Februar 2026 mit rund 200 Teilnehmenden diskutiert und von der Steuerungsgruppe beschlossen. Sie sind Maßstab für alle Maßnahmen dieses Konzepts und für künftige Entscheidungen der Verwaltung."""),

    ("Ausgangslage", """\
Musterstadt hatte am 31.12.2024 rund 250.000 Einwohnerinnen und Einwohner. Davon hatten 85.000 Menschen einen Migrationshintergrund; 45.000 besaßen ausschließlich eine ausländische Staatsangehörigkeit, 40.000 waren Deutsche mit Migrationshintergrund. Bei den unter 18-Jährigen liegt der Anteil mit Migrationshintergrund bei 48 Prozent. Die größten Gruppen ausländischer Staatsangehöriger kommen aus der Türkei, Syrien, der Ukraine, Rumänien und Polen.

Die Zahlen zeigen deutliche Unterschiede in der Teilhabe: Die Arbeitslosenquote ausländischer Staatsangehöriger lag 2024 bei 14,5 Prozent gegenüber 4,9 Prozent bei Deutschen. 17,5 Prozent der ausländischen Schulabgängerinnen und Schulabgänger verließen die Schule ohne Ersten Schulabschluss (Deutsche: 5,8 Prozent).

Wo keine Daten zum Migrationshintergrund vorliegen, weist die Tabelle die Werte für ausländische Staatsangehörige aus; dies ist in der Bezeichnung vermerkt. Werte, die auf Schätzungen beruhen, sind in der Quellenangabe gekennzeichnet. Die Statistikstelle wird die Datengrundlage bis zum ersten Integrationsbericht verbessern."""),

    ("Schwerpunkte", """\
Aus der Analyse und den Beratungen der Arbeitsgruppen ergeben sich fünf Schwerpunkte für die Jahre 2026 bis 2030:

- **Sprache und Bildung von Anfang an:** frühe Sprachförderung in Kita und Familie, gute Übergänge und weniger Schulabgänge ohne Abschluss.
- **Zugang zu Ausbildung und Arbeit:** schnellere Anerkennung, Jobcoaching für geflüchtete Frauen und Ausbildung in migrantischen Betrieben.
- **Wohnen und Nachbarschaft:** Auszug aus Gemeinschaftsunterkünften und starke Quartiere mit Begegnungsorten.
- **Gesundheit und soziale Teilhabe:** Information in vielen Sprachen, Lotsinnen und Lotsen, Sprachmittlung.
- **Eine Verwaltung für alle:** mehr Vielfalt im Personal, Fortbildung und ein schneller, freundlicher Service bei der Einbürgerung.

Die folgende Übersicht nennt die Maßnahmen aller Handlungsfelder, denen die Arbeitsgruppen eine hohe Priorität gegeben haben. Sie sollen vorrangig umgesetzt und finanziert werden."""),

    ("Umsetzung und Monitoring", """\
Ein Konzept wirkt nur, wenn seine Umsetzung verbindlich verfolgt wird. Die Stadt Musterstadt setzt dafür auf ein schlankes, regelmäßiges Verfahren:

1. Die federführenden Stellen berichten dem Amt für Integration und Vielfalt jährlich zum 31. März über den Stand ihrer Maßnahmen.
2. Das Amt für Statistik und Wahlen schreibt die Indikatoren jährlich fort.
3. Alle zwei Jahre legt die Verwaltung dem Rat einen **Integrationsbericht** vor, der jedes Ziel mit einer Ampel bewertet (*grün:* im Plan, *gelb:* verzögert, *rot:* gefährdet).
4. Die Arbeitsgruppen bewerten die Ergebnisse und schlagen bei Bedarf Anpassungen vor.
5. Im Jahr 2030 wird das Konzept auf Grundlage der Erfahrungen für die folgenden Jahre fortgeschrieben.

Die Übersicht unten zeigt alle Indikatoren mit Ausgangs- und Zielwerten. Sie ist die Grundlage des Integrationsmonitorings."""),

    ("Beschlussvorschlag", """\
Der Rat der Stadt Musterstadt beschließt:

1. Das Integrationskonzept der Stadt Musterstadt 2026 bis 2030 wird als gesamtstädtisches Handlungsprogramm beschlossen.
2. Die Verwaltung wird beauftragt, die Maßnahmen im Rahmen der jeweils im Haushalt bereitgestellten Mittel umzusetzen und Fördermittel von Land, Bund und Europäischer Union einzuwerben.
3. Die Verwaltung legt dem Rat ab 2028 alle zwei Jahre einen Integrationsbericht vor und schreibt das Konzept bis Ende 2030 fort."""),

    ("Das Wichtigste auf einen Blick", """Musterstadt will, dass alle Menschen, die hier leben, gleichberechtigt teilhaben können – in Kita und Schule, im Beruf, in der Nachbarschaft und in der Verwaltung. Das Konzept legt dafür fest, wer bis wann was tut und was es kostet."""),

    ("Beteiligungsprozess", """Das Konzept ist nicht am Schreibtisch entstanden: Von der Auftaktveranstaltung im Februar bis zur Abstimmung des Entwurfs im Oktober 2026 haben Fachleute, Migrantenorganisationen und Einwohnerinnen und Einwohner in Fachrunden, Workshops, einem Bürgerforum und einer mehrsprachigen Online-Umfrage mitgearbeitet."""),
]

# ---------------------------------------------------------------------------
# Steuerungsgruppe (Name, Funktion, Institution, Rolle)
# ---------------------------------------------------------------------------

STEUERUNGSGRUPPE = [
    ("Dr. Katrin Albers", "Oberbürgermeisterin", "Stadt Musterstadt", "Vorsitz"),
    ("Sevgi Arslan", "Leiterin des Amtes für Integration und Vielfalt", "Stadt Musterstadt", "Geschäftsführung"),
    ("Michael Schröder", "Beigeordneter für Soziales, Jugend und Integration", "Stadt Musterstadt", "Mitglied"),
    ("Mehmet Kaya", "Vorsitzender", "Integrationsrat der Stadt Musterstadt", "Mitglied"),
    ("Petra Lange", "Geschäftsführerin", "Jobcenter Musterstadt", "Mitglied"),
    ("Dr. Birgit Hoffmann", "Schulamtsdirektorin", "Staatliches Schulamt für die Stadt Musterstadt", "Mitglied"),
    ("Andreas Vogel", "Leiter des Jugendamtes", "Stadt Musterstadt", "Mitglied"),
    ("Johannes Brandt", "Vorstand", "Caritasverband Musterstadt e. V.", "Mitglied"),
    ("Claudia Neumann", "Geschäftsführerin Aus- und Weiterbildung", "Industrie- und Handelskammer Musterstadt", "Mitglied"),
    ("Frank Weber", "Leitender Polizeidirektor", "Polizeipräsidium Musterstadt", "Mitglied"),
    ("Małgorzata Wiśniewska", "Sprecherin der Migrantenorganisationen", "Polski Klub Kulturalny Musterstadt e. V.", "Mitglied"),
]

# ---------------------------------------------------------------------------
# Akteure (Akteur, Kategorie, Ansprechperson, Handlungsfelder)
# Namen ohne "," und ";" – Federführung und Partner der Maßnahmen verweisen darauf.
# ---------------------------------------------------------------------------

POL = "Politische Akteure"
MIG = "Migrantenorganisationen und -vereine"
KIR = "Kirchen und Wohlfahrtsorganisationen"
UNT = "Unternehmen"
GEW = "Gewerkschaften"
BIL = "Bildungseinrichtungen"
POLI = "Polizei"
JUG = "Jugendhilfe"
KUL = "Kultureinrichtungen"
SPO = "Sportvereine"
VER = "Verwaltung"
SON = "Sonstige"

AKTEURE = [
    # Politische Akteure
    ("Rat der Stadt Musterstadt", POL, "Dr. Katrin Albers", ALLE_FELDER),
    ("Integrationsrat der Stadt Musterstadt", POL, "Mehmet Kaya", ALLE_FELDER),
    ("Ausschuss für Soziales und Integration", POL, "Sabine Krüger", "Jugend und Soziales; Wohnen und Zusammenleben; Gesundheitsversorgung"),
    ("Bezirksvertretung Nord", POL, "Wolfgang Richter", "W"),
    # Migrantenorganisationen und -vereine
    ("Türkisch-Deutscher Kulturverein e. V.", MIG, "Ayşe Yılmaz", "B; K; V"),
    ("Українська громада Musterstadt e. V.", MIG, "Олена Коваленко", "B; A; K"),
    ("Ελληνική Κοινότητα Musterstadt", MIG, "Γιώργος Παπαδόπουλος", "Kultur und Religion; Jugend und Soziales"),
    ("الجمعية السورية الألمانية", MIG, "محمد الأحمد", "A; J; K"),
    ("Polski Klub Kulturalny Musterstadt e. V.", MIG, "Małgorzata Wiśniewska", "K; B"),
    ("Asociația Culturală Româno-Germană Musterstadt", MIG, "Ștefan Mureșan", "A; W; K"),
    ("Afghanischer Frauenverein Musterstadt e. V.", MIG, "Parwana Ahmadi", "J; G"),
    ("Elternnetzwerk Vielfalt e. V.", MIG, "Gülşen Aydın", "Bildung und Sprachförderung; Jugend und Soziales"),
    ("Arbeitskreis afrikanischer Vereine Musterstadt", MIG, "Dr. Emmanuel Mensah", "A; K"),
    # Kirchen und Wohlfahrtsorganisationen
    ("Evangelischer Kirchenkreis Musterstadt", KIR, "Pfarrerin Ulrike Hahn", "K; W"),
    ("Katholisches Stadtdekanat Musterstadt", KIR, "Stadtdechant Stefan Lorenz", "K"),
    ("Islamische Gemeinde Musterstadt e. V.", KIR, "İbrahim Çelik", "K; J"),
    ("Jüdische Kultusgemeinde Musterstadt", KIR, "Dr. Miriam Rosenthal", "K"),
    ("Caritasverband Musterstadt e. V.", KIR, "Johannes Brandt", "A; G; J"),
    ("Diakonie Musterstadt", KIR, "Kerstin Meier", "W; G"),
    ("AWO Kreisverband Musterstadt e. V.", KIR, "Dragan Petrović", "A; W; G"),
    ("Deutsches Rotes Kreuz Kreisverband Musterstadt e. V.", KIR, "Lena Fischer", "W; J"),
    ("Psychosoziales Zentrum für Geflüchtete Musterstadt", KIR, "Dr. Leyla Karimi", "G"),
    # Unternehmen
    ("Musterstädter Wohnungsbaugesellschaft mbH", UNT, "Ralf Steiner", "W"),
    ("Sparkasse Musterstadt", UNT, "Nicole Becker", "A"),
    ("Klinikum Musterstadt gGmbH", UNT, "Prof. Dr. Hans-Peter Kühn", "G; A"),
    ("Stadtwerke Musterstadt GmbH", UNT, "Anja Wolf", "A; V"),
    ("Industrie- und Handelskammer Musterstadt", UNT, "Claudia Neumann", "Arbeit und Wirtschaft"),
    ("Handwerkskammer Musterstadt", UNT, "Markus Engel", "A"),
    ("Türkisch-Deutsche Unternehmervereinigung Musterstadt e. V.", UNT, "Emre Doğan", "A"),
    # Gewerkschaften
    ("DGB-Stadtverband Musterstadt", GEW, "Bernd Hoffmann", "A"),
    ("ver.di Bezirk Musterstadt", GEW, "Żaneta Kowalczyk", "A; V"),
    ("IG Metall Musterstadt", GEW, "Giuseppe Russo", "A"),
    # Bildungseinrichtungen
    ("Volkshochschule Musterstadt", BIL, "Dr. Sandra Keller", "B; A"),
    ("Schulleitungskonferenz der Grundschulen", BIL, "Monika Schmitz", "B"),
    ("Schulleitungskonferenz der weiterführenden Schulen", BIL, "Dr. Oliver Krause", "B; J"),
    ("Berufskolleg am Stadtgarten", BIL, "Heike Jansen", "A; B"),
    ("Hochschule Musterstadt", BIL, "Prof. Dr. Nadia Haddad", "B; A; K"),
    ("Studieninstitut für kommunale Verwaltung Musterstadt", BIL, "Peter Lang", "V"),
    # Polizei
    ("Polizeipräsidium Musterstadt", POLI, "Kriminalhauptkommissarin Anna Schulte", "J; W"),
    # Jugendhilfe
    ("Jugendmigrationsdienst Musterstadt", JUG, "Tomasz Zieliński", "J; A"),
    ("Stadtjugendring Musterstadt e. V.", JUG, "Lara Gómez", "J"),
    ("Arbeitsgemeinschaft der Kita-Träger Musterstadt", JUG, "Birgit Lehmann", "B; J"),
    ("Familienzentren Musterstadt (Verbund)", JUG, "Sofia Ivanova", "B; J"),
    ("Netzwerk Frühe Hilfen Musterstadt", JUG, "Christine Wagner", "J; G"),
    # Kultureinrichtungen
    ("Stadtbibliothek Musterstadt", KUL, "Eva Martens", "K; B"),
    ("Theater Musterstadt", KUL, "Jonas Albrecht", "K"),
    ("Stadtmuseum Musterstadt", KUL, "Dr. Friederike Hansen", "K"),
    ("Musikschule Musterstadt", KUL, "Andrzej Wójcik", "K; J"),
    # Sportvereine
    ("Stadtsportbund Musterstadt e. V.", SPO, "Thomas Reuter", "J; K"),
    ("SV Musterstadt 1911 e. V.", SPO, "Kevin Schäfer", "J"),
    ("SC Anadolu Musterstadt e. V.", SPO, "Serkan Kılıç", "J; K"),
    ("TuS Nordstadt 1898 e. V.", SPO, "Marija Horvat", "J; W"),
    # Verwaltung
    ("Amt für Integration und Vielfalt", VER, "Sevgi Arslan", ALLE_FELDER),
    ("Büro der Oberbürgermeisterin", VER, "Jan Roeder", "K; V"),
    ("Amt für Schule und Bildung", VER, "Frank Hermann", "B"),
    ("Jugendamt", VER, "Andreas Vogel", "J; B"),
    ("Sozialamt", VER, "Gabriele Sommer", "J; W; G"),
    ("Amt für Wohnen", VER, "Christian Bauer", "W"),
    ("Amt für Stadtentwicklung", VER, "Julia Roth", "W"),
    ("Ordnungsamt", VER, "Markus Frank", "W"),
    ("Gesundheitsamt", VER, "Dr. Elif Demir", "G; J"),
    ("Kulturamt", VER, "Stefanie Winter", "K"),
    ("Sportamt", VER, "Matthias Koch", "K; J"),
    ("Personalamt", VER, "Karin Schuster", "V"),
    ("Amt für Digitalisierung", VER, "Daniel Weiß", "V"),
    ("Presse- und Kommunikationsamt", VER, "Laura Hartmann", "V"),
    ("Ausländerbehörde", VER, "Holger Peters", "V; A"),
    ("Bürgeramt", VER, "Svetlana Morozova", "V"),
    ("Amt für Statistik und Wahlen", VER, "Dr. Ingo Berg", "V"),
    ("Gesamtpersonalrat der Stadt Musterstadt", VER, "Ralf Dietrich", "V"),
    ("Pflegestützpunkt Musterstadt", VER, "Annette Vogt", "G"),
    ("Wirtschaftsförderung Musterstadt GmbH", VER, "Tobias Klein", "A"),
    ("Jobcenter Musterstadt", VER, "Petra Lange", "A; J"),
    ("Agentur für Arbeit Musterstadt", VER, "Ulrich Zimmermann", "A"),
    ("Staatliches Schulamt für die Stadt Musterstadt", VER, "Dr. Birgit Hoffmann", "B"),
    ("Bundesamt für Migration und Flüchtlinge (Regionalstelle)", VER, "Nina Scholz", "B; A"),
    # Sonstige
    ("Freiwilligenagentur Musterstadt", SON, "Heike Brinkmann", "B; A; W"),
    ("Bürgerstiftung Musterstadt", SON, "Dr. Georg Baumann", "B; K"),
    ("Mieterverein Musterstadt e. V.", SON, "Uwe Kramer", "W"),
    ("Verbraucherzentrale NRW – Beratungsstelle Musterstadt", SON, "Sandra Hübner", "W"),
    ("Ethno-Medizinisches Zentrum e. V.", SON, "Dr. Ahmet Kocaman", "G"),
    ("IQ Netzwerk NRW – Beratungsstelle Musterstadt", SON, "Irina Schmidt", "A"),
    ("Gemeindedolmetscherdienst Musterstadt", SON, "Oksana Melnyk", "J; G"),
    ("Schiedsamt Musterstadt", SON, "Hans-Dieter Lohmann", "W"),
    ("Arbeitsgemeinschaft der Bürgervereine Musterstadt", SON, "Gerd Pohl", "W"),
    ("Berufsverband der Kinder- und Jugendärzte – Bezirk Musterstadt", SON, "Dr. Katharina Lindner", "G"),
    ("AOK – Regionaldirektion Musterstadt", SON, "Michael Busch", "G"),
]

# ---------------------------------------------------------------------------
# Leitlinien (Nr, Leitlinie, Erläuterung)
# ---------------------------------------------------------------------------

# Oberziele (Nr, Oberziel, Handlungsfeld – leer: für das ganze Konzept, Erläuterung).
# Die Ziele der Arbeitsgruppen nennen ihr Oberziel in der Spalte „Oberziel“
# (content_ags.OBERZIEL_JE_ZIEL).
OBERZIELE = [
    (1, "Gleiche Chancen in Bildung und Beruf", None,
     "Herkunft entscheidet nicht über Schulabschluss, Ausbildung und Arbeit."),
    (2, "Frühe Förderung für alle Kinder", "Bildung und Sprachförderung",
     "Sprachförderung beginnt vor der Schule, in der Familie und in der Kita."),
    (3, "Gute Nachbarschaft in allen Stadtteilen", None,
     "Wohnen, Freizeit und Begegnung verbinden Alteingesessene und Neuzugewanderte."),
    (4, "Gesundheit und Pflege für alle erreichbar", "Gesundheitsversorgung", None),
    (5, "Offene Institutionen und gelebte Vielfalt", None,
     "Verwaltung, Kultur und Religionsgemeinschaften öffnen sich für die ganze Stadtgesellschaft."),
]

# Zu welchen Zielen oder Oberzielen eine Leitlinie führt (Spalte „Ziele“ des Blatts Leitlinien)
LEITLINIEN_ZIELE = {2: "1; 2", 3: "A3; B2", 4: "3", 5: "3; K3", 6: "J3; V2", 7: "5"}

LEITLINIEN = [
    (1, "Integration ist eine Aufgabe der ganzen Stadtgesellschaft",
     "Integration gelingt nur gemeinsam. Verwaltung, Politik, Wirtschaft, Zivilgesellschaft und die Zugewanderten selbst tragen Verantwortung für ein gutes Zusammenleben."),
    (2, "Chancengerechtigkeit von Anfang an",
     "Jedes Kind soll unabhängig von seiner Herkunft die gleichen Bildungschancen haben. Förderung setzt früh an – in der Familie, in der Kita und beim Übergang in die Schule."),
    (3, "Potenziale erkennen und nutzen",
     "Mehrsprachigkeit, Berufserfahrung und Qualifikationen Zugewanderter sind ein Gewinn für Musterstadt. Wir machen sie sichtbar und schaffen Wege, sie einzubringen."),
    (4, "Teilhabe und Mitgestaltung",
     "Menschen mit Einwanderungsgeschichte gestalten ihre Stadt mit – im Integrationsrat, in Vereinen, in Gremien und in den Arbeitsgruppen dieses Konzepts."),
    (5, "Vielfalt anerkennen, Zusammenhalt stärken",
     "Wir achten unterschiedliche Lebensweisen, Kulturen und Religionen auf der Grundlage des Grundgesetzes und fördern Begegnung im Alltag und in den Stadtteilen."),
    (6, "Klare Haltung gegen Diskriminierung und Rassismus",
     "Die Stadt tritt jeder Form von Diskriminierung, Rassismus, Antisemitismus und Muslimfeindlichkeit entgegen und unterstützt Betroffene."),
    (7, "Interkulturelle Öffnung der Institutionen",
     "Verwaltung und öffentliche Einrichtungen richten ihre Angebote an der vielfältigen Bevölkerung aus und gewinnen Personal mit Einwanderungsgeschichte."),
    (8, "Verbindlichkeit und Transparenz",
     "Ziele werden mit Indikatoren messbar gemacht, Fortschritte regelmäßig berichtet und Maßnahmen bei Bedarf angepasst."),
]

# ---------------------------------------------------------------------------
# Ausgangslage (Merkmal, Insgesamt, Mit Migrationshintergrund, Einheit, Jahr, Quelle)
# Der Anteil wird vom Werkzeug berechnet, wenn beide Werte absolute Zahlen sind.
# ---------------------------------------------------------------------------

AUSGANGSLAGE = [
    ("Einwohnerinnen und Einwohner", 250000, 85000, "Personen", 2024, "Melderegister, Amt für Statistik und Wahlen"),
    ("Deutsche Staatsangehörige", 205000, 40000, "Personen", 2024, "Melderegister, Amt für Statistik und Wahlen"),
    ("Ausländische Staatsangehörige", 45000, None, "Personen", 2024, "Melderegister, Amt für Statistik und Wahlen"),
    ("Kinder und Jugendliche unter 18 Jahren", 41500, 19920, "Personen", 2024, "Melderegister, Amt für Statistik und Wahlen"),
    ("Vertretene Staatsangehörigkeiten", 143, None, "Staaten", 2024, "Ausländerzentralregister"),
    ("Staatsangehörigkeit Türkei", 7200, None, "Personen", 2024, "Ausländerzentralregister"),
    ("Staatsangehörigkeit Syrien", 4500, None, "Personen", 2024, "Ausländerzentralregister"),
    ("Staatsangehörigkeit Ukraine", 4100, None, "Personen", 2024, "Ausländerzentralregister"),
    ("Arbeitslosenquote (Vergleichswert: ausländische Staatsangehörige)", 6.8, 14.5, "%", 2024, "Bundesagentur für Arbeit, Jahresdurchschnitt"),
    ("Beschäftigungsquote (Vergleichswert: ausländische Staatsangehörige)", 66, 54, "%", 2024, "Bundesagentur für Arbeit (Gesamtwert geschätzt)"),
    ("SGB-II-Hilfequote (Vergleichswert: ausländische Staatsangehörige)", 9.5, 21, "%", 2024, "Jobcenter Musterstadt (Schätzung)"),
    ("Schulabgänge ohne Ersten Schulabschluss (Vergleichswert: ausländische Jugendliche)", 7.6, 17.5, "%", 2024, "Schulstatistik IT.NRW"),
    ("Schulabgänge mit Hochschulreife (Vergleichswert: ausländische Jugendliche)", 38, 16, "%", 2024, "Schulstatistik IT.NRW (Schätzung)"),
    ("U3-Betreuungsquote", 30, 22, "%", 2024, "Kita-Statistik des Jugendamtes (Schätzung)"),
]

# ---------------------------------------------------------------------------
# Finanzen: feste Posten je Jahr (Posten, Quelle, {Jahr: Betrag}).
# Der Posten FINANZEN_AUSGLEICH (Eigenmittel) wird in generate.py berechnet, siehe dort.
# ---------------------------------------------------------------------------

JAHRE = [2026, 2027, 2028, 2029, 2030]

FINANZEN_FEST = [
    ("Kommunales Integrationsmanagement (KIM) – Landesförderung", "Landesmittel",
     {2026: 320000, 2027: 320000, 2028: 320000, 2029: 320000, 2030: 320000}),
    ("Kommunales Integrationszentrum – Landesförderung für Projekte", "Landesmittel",
     {2026: 60000, 2027: 60000, 2028: 60000, 2029: 60000, 2030: 30000}),
    ("Städtebauförderung Quartiersmanagement – Bundesanteil", "Bundesmittel",
     {2026: 80000, 2027: 80000, 2028: 80000, 2029: 80000, 2030: 80000}),
    ("Städtebauförderung Quartiersmanagement – Landesanteil", "Landesmittel",
     {2026: 80000, 2027: 80000, 2028: 80000, 2029: 80000, 2030: 80000}),
    ("ESF Plus – Jobcoaching für geflüchtete Frauen", "EU-Mittel",
     {2026: 66000, 2027: 80000, 2028: 80000, 2029: 14000}),
    ("Bundesprogramm „Demokratie leben!“ – Präventionsprojekte", "Bundesmittel",
     {2026: 25000, 2027: 30000, 2028: 30000}),
    ("Bürgerstiftung Musterstadt – Lernpatenschaften", "Stiftung",
     {2026: 5000, 2027: 15000, 2028: 15000, 2029: 15000, 2030: 10000}),
    ("Kulturstiftung Musterstadt – Ausstellung zur Einwanderungsgeschichte", "Stiftung",
     {2028: 30000}),
    ("Kofinanzierung Agentur für Arbeit – Jugendberufsagentur", "Sonstige",
     {2026: 10000, 2027: 25000, 2028: 25000, 2029: 25000, 2030: 25000}),
]

FINANZEN_AUSGLEICH = ("Haushaltsmittel Integrationskonzept (Produkt 05.10 Integration)", "Eigenmittel")

# Einige Beträge als Text, wie sie in Verwaltungstabellen vorkommen (Jahr, Posten) -> Text-Format
FINANZEN_ALS_TEXT = {
    (2027, "Kommunales Integrationsmanagement (KIM) – Landesförderung"): "320.000 €",
    (2028, "ESF Plus – Jobcoaching für geflüchtete Frauen"): "80.000,00 EUR",
}

# ---------------------------------------------------------------------------
# Zeitplan (Phase, Beginn, Ende, Beschreibung)
# ---------------------------------------------------------------------------

ZEITPLAN = [
    ("Auftakt und Bestandsaufnahme", "01.01.2026", date(2026, 3, 31),
     "Auftaktveranstaltung, Datenanalyse durch das Amt für Statistik und Wahlen, Bildung der Steuerungsgruppe"),
    ("Arbeitsgruppenphase", "Q2 2026", "Q3 2026",
     "Sieben Arbeitsgruppen erarbeiten Ausgangslage, Ziele, Maßnahmen und Handlungsempfehlungen"),
    ("Redaktion und Abstimmung des Entwurfs", "10/2026", "11/2026",
     "Zusammenführung durch das Amt für Integration und Vielfalt, Abstimmung in der Steuerungsgruppe"),
    ("Politische Beratung und Beschluss", "12/2026", date(2027, 1, 28),
     "Integrationsrat, Ausschuss für Soziales und Integration, Rat der Stadt"),
    ("Umsetzung – erste Phase", "2027", "2028",
     "Start der neuen Maßnahmen, Verstetigung bestehender Angebote"),
    ("Erster Integrationsbericht", "3. Quartal 2028", "12/2028",
     "Bewertung aller Ziele mit Ampel, Beratung im Rat"),
    ("Integrationsmonitoring", "2027", "fortlaufend",
     "Jährliche Fortschreibung der Indikatoren und Sachstandsberichte der Federführungen"),
    ("Umsetzung – zweite Phase und Fortschreibung", "2029", "31.12.2030",
     "Zweiter Integrationsbericht 2030 und Fortschreibung des Konzepts"),
]


# ---------------------------------------------------------------------------
# Beteiligungsprozess (Datum, Format, Teilnehmende, Institutionen, Beschreibung)
# ---------------------------------------------------------------------------

BETEILIGUNG = [
    ("12.02.2026", "Auftakt", 96, 41,
     "Auftaktveranstaltung im Ratssaal: Vorstellung des Vorhabens und der sieben Handlungsfelder"),
    ("Q2 2026", "Fachrunde", 57, 38,
     "Je drei Sitzungen der sieben Arbeitsgruppen zu Ausgangslage, Zielen und Maßnahmen"),
    ("06/2026", "Online-Beteiligung", 214, None,
     "Umfrage in sechs Sprachen zu den wichtigsten Anliegen der Einwohnerinnen und Einwohner"),
    ("04.07.2026", "Workshop", 34, 22,
     "Workshop der Migrantenorganisationen zu Teilhabe und Förderung"),
    ("19.09.2026", "Bürgerforum", 120, 18,
     "Bürgerforum im Stadtteilzentrum Nordstadt: Diskussion der Maßnahmenvorschläge"),
    ("10/2026", "Fachrunde", 28, 19,
     "Abstimmung des Entwurfs mit dem Integrationsrat und den Trägern"),
]

# ---------------------------------------------------------------------------
# Begriffe und Erläuterungen (Begriff, Erläuterung)
# ---------------------------------------------------------------------------

BEGRIFFE = [
    ("Migrationshintergrund",
     "Eine Person hat einen Migrationshintergrund, wenn sie selbst oder mindestens ein Elternteil "
     "nicht mit deutscher Staatsangehörigkeit geboren wurde (Definition des Mikrozensus)."),
    ("Handlungsfeld",
     "Ein Themenbereich der Integrationsarbeit, z. B. Bildung oder Wohnen. Für jedes Handlungsfeld "
     "hat eine Arbeitsgruppe Ziele und Maßnahmen erarbeitet."),
    ("Indikator",
     "Eine messbare Größe, an der sich ablesen lässt, ob ein Ziel erreicht wird."),
    ("VZÄ (Vollzeitäquivalent)",
     "Der Umfang einer Stelle, umgerechnet auf eine Vollzeitstelle: eine halbe Stelle ist 0,5 VZÄ."),
    ("Interkulturelle Öffnung",
     "Die Ausrichtung von Verwaltung und Einrichtungen darauf, dass ihre Angebote alle Menschen "
     "gleichermaßen erreichen, unabhängig von Herkunft und Sprache."),
    ("Kommunales Integrationsmanagement (KIM)",
     "Ein Landesprogramm, das rechtskreisübergreifendes Case-Management für Zugewanderte fördert."),
]

# ---------------------------------------------------------------------------
# Literatur (Quelle, Link)
# ---------------------------------------------------------------------------

LITERATUR = [
    ("Bundesamt für Migration und Flüchtlinge (Hg.): Migrationsbericht der Bundesregierung 2023. "
     "Nürnberg 2024", "https://www.bamf.de"),
    ("Sachverständigenrat für Integration und Migration (Hg.): Jahresgutachten 2024. Berlin 2024",
     "https://www.svr-migration.de"),
    ("Stadt Musterstadt, Amt für Statistik und Wahlen: Bevölkerung mit Migrationshintergrund, "
     "Stand 31.12.2024. Musterstadt 2025", None),
]
