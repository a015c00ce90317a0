//! The sheets and columns of the two kinds of workbook (spec: input.md), in
//! one place for the reader, and later for `konzept new` and the user guide.

use crate::input::workbook::Column as C;

/// A sheet: its name, aliases, and columns.
pub struct SheetSpec {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub columns: &'static [C],
}

impl SheetSpec {
    /// The sheet name followed by its aliases, for lookups.
    pub fn names(&self) -> Vec<&'static str> {
        std::iter::once(self.name)
            .chain(self.aliases.iter().copied())
            .collect()
    }
}

// ---------------------------------------------------------------- steuerung.xlsx

pub const TEXTE: SheetSpec = SheetSpec {
    name: "Texte",
    aliases: &["Text"],
    columns: &[
        C::req("abschnitt", "Abschnitt", &["Kapitel"]),
        C::req("text", "Text", &["Inhalt"]),
    ],
};

pub const STEUERUNGSGRUPPE: SheetSpec = SheetSpec {
    name: "Steuerungsgruppe",
    aliases: &["Lenkungsgruppe"],
    columns: &[
        C::req("name", "Name", &[]),
        C::opt("funktion", "Funktion", &[]),
        C::req("institution", "Institution", &["Organisation"]),
        C::opt("rolle", "Rolle", &[]),
    ],
};

pub const AKTEURE: SheetSpec = SheetSpec {
    name: "Akteure",
    aliases: &["Akteursliste"],
    columns: &[
        C::req("akteur", "Akteur", &["Name", "Organisation"]),
        C::req("kategorie", "Kategorie", &[]),
        C::opt(
            "ansprechperson",
            "Ansprechperson",
            &["Kontakt", "Ansprechpartner"],
        ),
        C::opt("felder", "Handlungsfelder", &["Handlungsfeld"]),
    ],
};

pub const LEITLINIEN: SheetSpec = SheetSpec {
    name: "Leitlinien",
    aliases: &[],
    columns: &[
        C::req("nr", "Nr", &["Nummer", "Nr."]),
        C::req("leitlinie", "Leitlinie", &["Titel"]),
        C::opt("erlaeuterung", "Erläuterung", &["Text"]),
        C::opt("ziele", "Ziele", &["Ziel", "Zielbezug", "führt zu"]),
    ],
};

pub const OBERZIELE: SheetSpec = SheetSpec {
    name: "Oberziele",
    aliases: &["Leitziele", "Wirkungsziele", "Oberziel"],
    columns: &[
        C::req("nr", "Nr", &["Nummer", "Nr."]),
        C::req(
            "oberziel",
            "Oberziel",
            &["Leitziel", "Wirkungsziel", "Titel"],
        ),
        C::opt("feld", "Handlungsfeld", &["Feld"]),
        C::opt("erlaeuterung", "Erläuterung", &["Text", "Beschreibung"]),
    ],
};

pub const STATISTIK: SheetSpec = SheetSpec {
    name: "Ausgangslage",
    aliases: &["Statistik"],
    columns: &[
        C::req("merkmal", "Merkmal", &["Kennzahl"]),
        C::req("insgesamt", "Insgesamt", &["Gesamt"]),
        C::opt(
            "mh",
            "Mit Migrationshintergrund",
            &["MH", "davon mit Migrationshintergrund"],
        ),
        C::opt("einheit", "Einheit", &[]),
        C::req("jahr", "Jahr", &["Stichtag"]),
        C::opt("quelle", "Quelle", &[]),
    ],
};

pub const FINANZEN: SheetSpec = SheetSpec {
    name: "Finanzen",
    aliases: &["Budget", "Haushalt"],
    columns: &[
        C::req("jahr", "Jahr", &["Haushaltsjahr"]),
        C::req("posten", "Posten", &["Position"]),
        C::req("betrag", "Betrag", &["Betrag in EUR", "Summe"]),
        C::opt("quelle", "Quelle", &["Finanzierung", "Mittelherkunft"]),
    ],
};

pub const ZEITPLAN: SheetSpec = SheetSpec {
    name: "Zeitplan",
    aliases: &[],
    columns: &[
        C::req("phase", "Phase", &["Meilenstein"]),
        C::req("beginn", "Beginn", &["Start", "von"]),
        C::req("ende", "Ende", &["bis"]),
        C::opt("beschreibung", "Beschreibung", &[]),
    ],
};

pub const BETEILIGUNG: SheetSpec = SheetSpec {
    name: "Beteiligung",
    aliases: &["Beteiligungsprozess"],
    columns: &[
        C::req("datum", "Datum", &["Termin", "Wann"]),
        C::req(
            "format",
            "Format",
            &["Veranstaltung", "Art", "Beteiligungsformat"],
        ),
        C::opt(
            "teilnehmende",
            "Teilnehmende",
            &["Teilnehmer", "Personen", "Anzahl Teilnehmende"],
        ),
        C::opt(
            "institutionen",
            "Institutionen",
            &["Einrichtungen", "Organisationen", "Anzahl Institutionen"],
        ),
        C::opt("beschreibung", "Beschreibung", &["Thema", "Inhalt"]),
    ],
};

pub const BEGRIFFE: SheetSpec = SheetSpec {
    name: "Begriffe",
    aliases: &["Glossar", "Begriffe und Erläuterungen"],
    columns: &[
        C::req("begriff", "Begriff", &["Stichwort"]),
        C::req("erlaeuterung", "Erläuterung", &["Erklärung", "Bedeutung"]),
    ],
};

pub const LITERATUR: SheetSpec = SheetSpec {
    name: "Literatur",
    aliases: &["Literaturverzeichnis"],
    columns: &[
        C::req("angabe", "Quelle", &["Literatur", "Titel", "Angabe"]),
        C::opt("link", "Link", &["Internet", "URL", "Fundstelle"]),
    ],
};

// ---------------------------------------------------------------- arbeitsgruppen/*.xlsx

pub const ARBEITSGRUPPE: SheetSpec = SheetSpec {
    name: "Arbeitsgruppe",
    aliases: &["AG"],
    columns: &[],
};

/// Keys of the key/value sheet `Arbeitsgruppe`.
pub const AG_KEYS: &[C] = &[
    C::req("feld", "Handlungsfeld", &[]),
    C::req(
        "bezeichnung",
        "Bezeichnung",
        &["Name der AG", "Name", "Arbeitsgruppe"],
    ),
    C::req("leitung", "Leitung", &["AG-Leitung", "Leitung der AG"]),
    C::opt("stand", "Stand", &["Datum"]),
];

pub const MITGLIEDER: SheetSpec = SheetSpec {
    name: "Mitglieder",
    aliases: &[],
    columns: &[
        C::req("name", "Name", &[]),
        C::req("institution", "Institution", &["Organisation"]),
        C::opt("funktion", "Funktion", &[]),
    ],
};

pub const KENNZAHLEN: SheetSpec = SheetSpec {
    name: "Ausgangslage",
    aliases: &["Kennzahlen"],
    columns: &[
        C::req("kennzahl", "Kennzahl", &["Merkmal"]),
        C::req("wert", "Wert", &[]),
        C::opt("einheit", "Einheit", &[]),
        C::req("jahr", "Jahr", &["Stichtag"]),
        C::opt("quelle", "Quelle", &[]),
    ],
};

pub const BEFUND: SheetSpec = SheetSpec {
    name: "Befund",
    aliases: &[],
    columns: &[
        C::req("abschnitt", "Abschnitt", &[]),
        C::req("text", "Text", &[]),
    ],
};

pub const ZIELE: SheetSpec = SheetSpec {
    name: "Ziele",
    aliases: &[],
    columns: &[
        C::req("nr", "Nr", &["Nummer", "Nr."]),
        C::req("ziel", "Ziel", &[]),
        C::opt("indikator", "Indikator", &[]),
        C::opt("quelle", "Quelle", &["Datenquelle"]),
        C::opt("ausgangswert", "Ausgangswert", &["Istwert"]),
        C::opt("basisjahr", "Basisjahr", &[]),
        C::opt("zielwert", "Zielwert", &["Sollwert"]),
        C::opt("einheit", "Einheit", &[]),
        C::opt("zieljahr", "Zieljahr", &[]),
        C::opt(
            "oberziel",
            "Oberziel",
            &["Leitziel", "Wirkungsziel", "Oberziel-Nr"],
        ),
        C::opt(
            "themen",
            "Querschnittsthemen",
            &["Themen", "Querschnittsthema"],
        ),
        C::opt("prioritaet", "Priorität", &["Prio"]),
    ],
};

pub const MASSNAHMEN: SheetSpec = SheetSpec {
    name: "Maßnahmen",
    aliases: &["Maßnahmenkatalog"],
    columns: &[
        C::req("nr", "Nr", &["Nummer", "Nr."]),
        C::opt("ziel", "Ziel", &["Ziel-Nr", "Ziele"]),
        C::req("titel", "Maßnahme", &["Titel"]),
        C::opt("beschreibung", "Beschreibung", &[]),
        C::opt("zielgruppe", "Zielgruppe", &[]),
        C::req(
            "federfuehrung",
            "Federführung",
            &["Verantwortlich", "Zuständig"],
        ),
        C::opt("partner", "Partner", &["Beteiligte", "Kooperationspartner"]),
        C::opt("beginn", "Beginn", &["Start"]),
        C::opt("ende", "Ende", &[]),
        C::opt(
            "kosten",
            "Kosten",
            &["Kosten in EUR", "Kosten (EUR)", "Kosten EUR"],
        ),
        C::opt("finanzierung", "Finanzierung", &[]),
        C::opt("prioritaet", "Priorität", &[]),
        C::opt("status", "Status", &[]),
        C::opt(
            "themen",
            "Querschnittsthemen",
            &["Themen", "Querschnittsthema"],
        ),
        C::opt(
            "ort",
            "Ort",
            &["Sozialraum", "Quartier", "Gemeinde", "Stadtteil", "Orte"],
        ),
        C::opt(
            "stellen",
            "Stellen (VZÄ)",
            &["VZÄ", "Stellen in VZÄ", "Personal (VZÄ)"],
        ),
        C::opt(
            "schaetzung",
            "Grobe Kostenschätzung",
            &["Kostenschätzung", "Schätzung", "Kosten geschätzt"],
        ),
        C::opt("art", "Art", &["Art der Maßnahme", "Maßnahmenart"]),
    ],
};

pub const EMPFEHLUNGEN: SheetSpec = SheetSpec {
    name: "Empfehlungen",
    aliases: &["Handlungsempfehlungen"],
    columns: &[
        C::req("nr", "Nr", &["Nummer", "Nr."]),
        C::req("empfehlung", "Empfehlung", &["Handlungsempfehlung"]),
        C::opt("adressat", "Adressat", &[]),
        C::opt("prioritaet", "Priorität", &[]),
    ],
};

/// The sections of the `Texte` sheet, with their model keys.
pub const TEXT_SECTIONS: &[(&str, &str)] = &[
    ("Vorwort", "vorwort"),
    ("Einleitung", "einleitung"),
    ("Warum Integration", "warum_integration"),
    ("Auftrag", "auftrag"),
    ("Netzwerk", "netzwerk"),
    ("Projektrahmen", "projektrahmen"),
    ("Steuerung", "steuerung"),
    ("Akteure", "akteure"),
    ("Leitlinien", "leitlinien"),
    ("Ausgangslage", "ausgangslage"),
    ("Schwerpunkte", "schwerpunkte"),
    ("Umsetzung und Monitoring", "umsetzung_und_monitoring"),
    ("Beschlussvorschlag", "beschlussvorschlag"),
    ("Das Wichtigste auf einen Blick", "auf_einen_blick"),
    ("Beteiligungsprozess", "beteiligung"),
];

/// The sections of the `Befund` sheet.
pub const BEFUND_SECTIONS: &[&str] = &["Ausgangslage", "Handlungsbedarf", "Stärken"];

/// The guide's actor categories (2.5), plus Verwaltung and Sonstige.
pub const KATEGORIEN: &[&str] = &[
    "Politische Akteure",
    "Migrantenorganisationen und -vereine",
    "Kirchen und Wohlfahrtsorganisationen",
    "Unternehmen",
    "Gewerkschaften",
    "Bildungseinrichtungen",
    "Polizei",
    "Jugendhilfe",
    "Kultureinrichtungen",
    "Sportvereine",
    "Verwaltung",
    "Sonstige",
];

/// Funding sources of the `Finanzen` sheet.
pub const QUELLEN: &[&str] = &[
    "Eigenmittel",
    "Landesmittel",
    "Bundesmittel",
    "EU-Mittel",
    "Stiftung",
    "Sonstige",
];

/// Formats of the participation log (suggestions; other formats are kept).
pub const FORMATE: &[&str] = &[
    "Auftakt",
    "Fachrunde",
    "Workshop",
    "Online-Beteiligung",
    "Bürgerforum",
    "Befragung",
    "Abschlussveranstaltung",
];

/// The kinds of measure.
pub const ARTEN: &[&str] = &["neu", "Fortführung", "Ausbau"];

/// The answers of a yes/no column.
pub const JA_NEIN: &[&str] = &["ja", "nein"];

/// Roles in the steering group, in the order the table lists them.
pub const ROLLEN: &[&str] = &["Vorsitz", "Geschäftsführung", "Mitglied"];

// ---------------------------------------------------------------- help for the users

/// What a column holds. Drives the explanation in a workbook's `Anleitung`
/// sheet and the data validation that `konzept new` puts on the column; the
/// reader itself does not use it (it parses by column key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Art {
    /// Short free text.
    Text,
    /// Longer text with the Markdown subset (paragraphs, lists, bold, italic).
    Langtext,
    /// A number of a goal, measure, guideline or recommendation.
    Nr,
    /// Several values in one cell.
    Liste,
    /// A number or a percentage.
    Zahl,
    /// An amount in euros, never negative.
    Geld,
    /// A measure's costs: an amount in euros, per year or month
    /// (`5.000 € jährlich`), or `kostenneutral`.
    Kosten,
    /// Goal numbers of the Ziele sheet, separated by semicolons.
    Ziele,
    /// Actors of the Akteure list, separated by semicolons.
    Akteure,
    /// Cross-cutting themes of `konzept.toml`, separated by semicolons.
    Themen,
    /// The year of a figure (may lie before the Laufzeit).
    Jahr,
    /// A year within the Laufzeit (target year, budget year).
    Planjahr,
    /// A day, month, quarter or year.
    Datum,
    /// As [`Art::Datum`], or open-ended (`fortlaufend`).
    Ende,
    Prioritaet,
    Status,
    /// One of the configured fields of action.
    Handlungsfeld,
    /// One of [`TEXT_SECTIONS`].
    Textabschnitt,
    /// One of [`BEFUND_SECTIONS`].
    Befundabschnitt,
    /// One of [`KATEGORIEN`].
    Kategorie,
    /// One of [`ROLLEN`].
    Rolle,
    /// One of [`QUELLEN`] (the budget's source of funds).
    Quelle,
    /// One of [`QUELLEN`] or any other text (a measure's funding, e.g. a programme).
    Finanzierung,
    /// One of [`FORMATE`] or any other text.
    Format,
    /// A count of people or institutions (whole number).
    Anzahl,
    /// Staff in full-time equivalents (a number, no percent).
    Stellen,
    /// A day, month, quarter or year, also before the Laufzeit (an event).
    Termin,
    /// One of [`ARTEN`].
    Massnahmenart,
    /// ja or nein.
    JaNein,
}

impl Art {
    /// The accepted forms, in plain German, as the reader accepts them
    /// (input.md, "Value types"). `{von}` and `{bis}` stand for the Laufzeit.
    /// Closed lists are spelt out from the same constants the reader uses.
    pub fn accepted_forms(self) -> String {
        let list = |a: Art| {
            let values = a.choices().expect("a list");
            match values.split_last() {
                Some((last, rest)) if !rest.is_empty() => {
                    format!("{} oder {last}", rest.join(", "))
                }
                _ => values.join(""),
            }
        };
        match self {
            Art::Text => "freier Text".into(),
            Art::Langtext => "freier Text, gern mehrere Absätze: eine Leerzeile beginnt einen neuen Absatz, Zeilen mit „- “ werden eine Aufzählung, **fett**, *kursiv*. Neue Zeile in der Zelle: Alt+Eingabe (Excel) bzw. Strg+Eingabe (LibreOffice)".into(),
            Art::Nr => "eine Nummer wie 1, 2 oder 2.1; jede Nummer nur einmal im Blatt".into(),
            Art::Liste => "mehrere Einträge mit Semikolon trennen, z. B. „B; A“".into(),
            Art::Ziele => "die Nummern der Ziele aus dem Blatt Ziele, mit Semikolon getrennt, z. B. „B1; B3“ (oder kurz „1; 3“)".into(),
            Art::Themen => "Querschnittsthemen, wie sie in der Projektdatei konzept.toml unter [[querschnittsthema]] stehen, genau so geschrieben, mit Semikolon getrennt, z. B. „Barrierefreiheit; Ehrenamt“; leer = keinem besonderen Thema zugeordnet".into(),
            Art::Akteure => "Akteure aus der Akteursliste der Steuerungsgruppe, genau so geschrieben wie dort, mit Semikolon getrennt, z. B. „Volkshochschule; Jobcenter“; kein Komma innerhalb eines Namens".into(),
            Art::Zahl => "eine Zahl wie 412 oder 1.234,5 oder ein Prozentwert wie 17,5 % (Dezimalstellen mit Komma)".into(),
            Art::Geld => "ein Betrag in Euro: 12500, 12.500, 12.500,50, 12.500 € oder 12,5 T€ (Tausend Euro); nicht negativ. Leer = keine Angabe, 0 = keine Kosten".into(),
            Art::Kosten => "die Gesamtkosten in Euro (12.500 €, 12,5 T€, 1,2 Mio. €) oder laufende Kosten je Jahr bzw. Monat („5.000 € jährlich“, „400 € monatlich“); „kostenneutral“ oder 0 = keine Kosten, leer = noch nicht bekannt".into(),
            Art::Jahr => "eine vierstellige Jahreszahl, z. B. 2025".into(),
            Art::Planjahr => "eine vierstellige Jahreszahl innerhalb der Laufzeit {von}–{bis}".into(),
            Art::Datum => "ein Tag (31.12.2027), ein Monat (12/2027 oder März 2027), ein Quartal (Q3 2027), ein Halbjahr (2. Halbjahr 2027), Anfang/Mitte/Ende 2027 oder ein Jahr (2027), möglichst innerhalb der Laufzeit {von}–{bis}; schon begonnen: laufend".into(),
            Art::Ende => "wie Beginn: 31.12.2027, 12/2027, März 2027, Q3 2027, Ende 2028 oder 2028; ohne festes Ende: fortlaufend oder Daueraufgabe".into(),
            Art::Handlungsfeld => "ein Handlungsfeld aus der Liste".into(),
            Art::Textabschnitt | Art::Befundabschnitt => format!(
                "{} (aus der Liste wählen); ein Abschnitt darf mehrere Zeilen haben",
                list(self)
            ),
            Art::Rolle => format!("{} (leer = Mitglied)", list(self)),
            Art::Finanzierung => "aus der Liste wählen (Eigenmittel, Landesmittel …) oder eigenen Text schreiben, z. B. „Landesprogramm KOMM-AN“".into(),
            // The words depend on the project's scheme (`Projekt::years`).
            Art::Prioritaet => "{prioritaeten}".into(),
            Art::Format => "aus der Liste wählen (Auftakt, Fachrunde, Workshop …) oder eigenen Text schreiben, z. B. „Stadtteilspaziergang“".into(),
            Art::Anzahl => "eine ganze Zahl wie 25; leer = nicht gezählt".into(),
            Art::Stellen => "Vollzeitstellen als Zahl wie 1 oder 0,5 (ohne „VZÄ“ und ohne Prozentzeichen); leer = keine Angabe".into(),
            Art::Termin => "ein Tag (12.03.2026), ein Monat (03/2026 oder März 2026), ein Quartal (Q2 2026) oder ein Jahr (2026); auch vor der Laufzeit".into(),
            Art::Massnahmenart => format!("{} (aus der Liste wählen; leer = keine Angabe)", list(self)),
            Art::JaNein => "„ja“, wenn die Kosten nur grob geschätzt sind; sonst leer lassen".into(),
            Art::Status | Art::Kategorie | Art::Quelle => {
                format!("{} (aus der Liste wählen)", list(self))
            }
        }
    }

    /// The fixed values a dropdown offers, where they do not depend on the
    /// project (the fields of action do: see [`Art::Handlungsfeld`]).
    pub fn choices(self) -> Option<Vec<&'static str>> {
        use crate::input::values::{Priority, Status};
        Some(match self {
            Art::Prioritaet => Priority::ALL.iter().map(|p| p.label()).collect(),
            Art::Status => Status::ALL.iter().map(|s| s.label()).collect(),
            Art::Textabschnitt => TEXT_SECTIONS.iter().map(|(name, _)| *name).collect(),
            Art::Befundabschnitt => BEFUND_SECTIONS.to_vec(),
            Art::Kategorie => KATEGORIEN.to_vec(),
            Art::Rolle => ROLLEN.to_vec(),
            Art::Quelle | Art::Finanzierung => QUELLEN.to_vec(),
            Art::Format => FORMATE.to_vec(),
            Art::Massnahmenart => ARTEN.to_vec(),
            Art::JaNein => JA_NEIN.to_vec(),
            _ => return None,
        })
    }
}

/// The explanation of one column (or one key of the `Arbeitsgruppe` sheet).
pub struct Hilfe {
    /// The column's key in [`SheetSpec::columns`] (or [`AG_KEYS`]).
    pub key: &'static str,
    pub art: Art,
    /// What belongs in the column, in plain German.
    pub inhalt: &'static str,
    /// A filled example value; `{von}`, `{von+1}` and `{bis}` stand for years
    /// of the Laufzeit.
    pub beispiel: &'static str,
}

const fn h(key: &'static str, art: Art, inhalt: &'static str, beispiel: &'static str) -> Hilfe {
    Hilfe {
        key,
        art,
        inhalt,
        beispiel,
    }
}

/// The explanation of one sheet.
pub struct BlattHilfe {
    pub blatt: &'static SheetSpec,
    /// Whether the reader requires the sheet.
    pub pflicht: bool,
    /// What the sheet is for, in plain German.
    pub zweck: &'static str,
    /// One entry per column of [`SheetSpec::columns`], in the same order.
    pub spalten: &'static [Hilfe],
}

impl BlattHilfe {
    /// The columns with their explanations, in sheet order.
    pub fn columns(&self) -> impl Iterator<Item = (&'static C, &'static Hilfe)> {
        let spalten = self.spalten;
        self.blatt.columns.iter().map(move |c| {
            let help = spalten
                .iter()
                .find(|h| h.key == c.key)
                .expect("every column has its help (tested)");
            (c, help)
        })
    }
}

/// The keys of the `Arbeitsgruppe` sheet, explained.
pub const AG_KEYS_HILFE: &[Hilfe] = &[
    h("feld", Art::Handlungsfeld, "das Handlungsfeld, für das diese Arbeitsgruppe schreibt. Ist bereits eingetragen, bitte nicht ändern", "Bildung und Sprachförderung"),
    h("bezeichnung", Art::Text, "der Name der Arbeitsgruppe, wie er im Konzept stehen soll", "AG Bildung"),
    h("leitung", Art::Text, "wer die Arbeitsgruppe leitet: Name und Stelle. „N. N.“ bedeutet: noch nicht benannt – bitte ersetzen", "Dr. Petra Schulz, Schulamt"),
    h("stand", Art::Datum, "Datum, an dem die Mappe zuletzt bearbeitet wurde", "15.09.{von}"),
];

/// The sheets of a working group's workbook after `Arbeitsgruppe`, explained.
pub const AG_HILFE: &[BlattHilfe] = &[
    BlattHilfe {
        blatt: &MITGLIEDER,
        pflicht: false,
        zweck: "Wer in der Arbeitsgruppe mitarbeitet: je Person eine Zeile.",
        spalten: &[
            h("name", Art::Text, "Vor- und Nachname", "Aylin Demir"),
            h("institution", Art::Text, "die Einrichtung, für die die Person in der AG sitzt", "Volkshochschule"),
            h("funktion", Art::Text, "die Funktion in dieser Einrichtung", "Fachbereichsleitung"),
        ],
    },
    BlattHilfe {
        blatt: &KENNZAHLEN,
        pflicht: false,
        zweck: "Zahlen, die die Lage im Handlungsfeld beschreiben: je Kennzahl eine Zeile.",
        spalten: &[
            h("kennzahl", Art::Text, "was gezählt oder gemessen wird", "Teilnehmende an Integrationskursen"),
            h("wert", Art::Zahl, "die Zahl", "412"),
            h("einheit", Art::Text, "die Einheit des Werts, z. B. Personen, Plätze oder %", "Personen"),
            h("jahr", Art::Jahr, "das Jahr (der Stichtag) der Zahl", "2025"),
            h("quelle", Art::Text, "woher die Zahl stammt", "Bundesamt für Migration und Flüchtlinge"),
        ],
    },
    BlattHilfe {
        blatt: &BEFUND,
        pflicht: false,
        zweck: "Die Texte der Arbeitsgruppe zu ihrem Handlungsfeld, in drei Abschnitten: Ausgangslage (wie ist es heute?), Handlungsbedarf (was fehlt?) und Stärken (was gelingt schon?).",
        spalten: &[
            h("abschnitt", Art::Befundabschnitt, "zu welchem Abschnitt der Text gehört", "Handlungsbedarf"),
            h("text", Art::Langtext, "der Text dieses Abschnitts", "Viele Familien kennen die Beratungsangebote nicht:\n- Informationen fehlen in den häufigsten Sprachen\n- die Wartezeiten sind lang"),
        ],
    },
    BlattHilfe {
        blatt: &ZIELE,
        pflicht: true,
        zweck: "Was die Arbeitsgruppe in der Laufzeit des Konzepts erreichen will: je Ziel eine Zeile. Wenn möglich mit einem Indikator, an dem sich der Erfolg messen lässt.",
        spalten: &[
            h("nr", Art::Nr, "die Nummer des Ziels; im Konzept steht das Kürzel des Handlungsfelds davor (1 wird z. B. B1)", "1"),
            h("ziel", Art::Text, "das Ziel in einem Satz", "Zugewanderte Familien kennen die Beratungsangebote."),
            h("indikator", Art::Text, "woran gemessen wird, ob das Ziel erreicht ist", "Anteil der befragten Eltern, die die Angebote kennen"),
            h("quelle", Art::Text, "woher die Messwerte kommen", "jährliche Elternbefragung"),
            h("ausgangswert", Art::Zahl, "der Wert heute", "35 %"),
            h("basisjahr", Art::Jahr, "das Jahr des Ausgangswerts", "2025"),
            h("zielwert", Art::Zahl, "der angestrebte Wert", "60 %"),
            h("einheit", Art::Text, "die Einheit von Ausgangs- und Zielwert", "%"),
            h("zieljahr", Art::Planjahr, "bis wann der Zielwert erreicht sein soll", "{bis}"),
            h("oberziel", Art::Text, "die Nummer des Oberziels (Blatt „Oberziele“ der Steuerungsgruppe), zu dem das Ziel beiträgt; leer lassen, wenn es keine Oberziele gibt", "1"),
            h("themen", Art::Themen, "die Querschnittsthemen, denen das Ziel dient", "Barrierefreiheit"),
            h("prioritaet", Art::Prioritaet, "wie dringend das Ziel ist", "hoch"),
        ],
    },
    BlattHilfe {
        blatt: &MASSNAHMEN,
        pflicht: true,
        zweck: "Was getan wird, um die Ziele zu erreichen: je Maßnahme eine Zeile. Maßnahmen mit Priorität „hoch“ erscheinen zusätzlich im Kapitel „Schwerpunkte“.",
        spalten: &[
            h("nr", Art::Nr, "die Nummer der Maßnahme; im Konzept steht das Kürzel des Handlungsfelds davor (1 wird z. B. B1)", "1"),
            h("ziel", Art::Ziele, "die Nummer(n) der Ziele (Blatt Ziele), zu denen die Maßnahme beiträgt", "1; 2"),
            h("titel", Art::Text, "ein kurzer Titel", "Mehrsprachiger Wegweiser zu den Beratungsangeboten"),
            h("beschreibung", Art::Langtext, "was genau getan wird", "Ein Faltblatt in acht Sprachen, verteilt über Kitas, Schulen und Beratungsstellen."),
            h("zielgruppe", Art::Text, "für wen die Maßnahme gedacht ist", "neu zugewanderte Familien"),
            h("federfuehrung", Art::Text, "wer die Maßnahme verantwortet – so geschrieben wie in der Akteursliste der Steuerungsgruppe", "Integrationsbüro"),
            h("partner", Art::Akteure, "wer mitwirkt – so geschrieben wie in der Akteursliste", "Volkshochschule; Migrationsberatung"),
            h("beginn", Art::Datum, "wann die Maßnahme beginnt", "Q1 {von+1}"),
            h("ende", Art::Ende, "wann sie endet", "fortlaufend"),
            h("kosten", Art::Kosten, "die Gesamtkosten für den ganzen Zeitraum, oder laufende Kosten mit „jährlich“ bzw. „monatlich“ dahinter", "12.500"),
            h("finanzierung", Art::Finanzierung, "woher das Geld kommt", "Landesmittel"),
            h("prioritaet", Art::Prioritaet, "wie dringend die Maßnahme ist", "hoch"),
            h("status", Art::Status, "wie weit die Umsetzung ist", "geplant"),
            h("themen", Art::Themen, "die Querschnittsthemen, denen die Maßnahme dient", "Barrierefreiheit"),
            h("ort", Art::Liste, "die Sozialräume, Quartiere oder Gemeinden, die die Maßnahme betrifft, mit Semikolon getrennt; leer = alle", "Nordstadt; Südstadt"),
            h("stellen", Art::Stellen, "wie viel Personal die Maßnahme in jedem Jahr ihrer Laufzeit braucht, in Vollzeitstellen (VZÄ); eine halbe Stelle ist 0,5", "0,5"),
            h("schaetzung", Art::JaNein, "ob die Kosten nur grob geschätzt sind; im Konzept steht dann „ca.“ vor dem Betrag", "ja"),
            h("art", Art::Massnahmenart, "ob die Maßnahme neu ist, ein bestehendes Angebot fortführt oder es ausbaut", "neu"),
        ],
    },
    BlattHilfe {
        blatt: &EMPFEHLUNGEN,
        pflicht: false,
        zweck: "Was die Arbeitsgruppe anderen empfiehlt (Politik, Verwaltung, Träger), ohne es selbst umzusetzen: je Empfehlung eine Zeile.",
        spalten: &[
            h("nr", Art::Nr, "die Nummer der Empfehlung", "1"),
            h("empfehlung", Art::Text, "die Empfehlung in einem Satz", "Beratungsangebote verlässlich über mehrere Jahre finanzieren."),
            h("adressat", Art::Text, "an wen sich die Empfehlung richtet", "{rat}"),
            h("prioritaet", Art::Prioritaet, "wie dringend die Empfehlung ist", "mittel"),
        ],
    },
];

/// The sheets of the steering group's workbook, explained.
pub const STEUERUNG_HILFE: &[BlattHilfe] = &[
    BlattHilfe {
        blatt: &TEXTE,
        pflicht: false,
        zweck: "Die Texte der allgemeinen Kapitel: je Zeile ein Kapitel (oder ein Teil davon). Fehlt ein Text, sagt das Konzept an seiner Stelle, dass er noch fehlt.",
        spalten: &[
            h("abschnitt", Art::Textabschnitt, "zu welchem Kapitel der Text gehört", "Einleitung"),
            h("text", Art::Langtext, "der Text des Kapitels", "Vielfalt prägt unsere Stadt. Mit diesem Konzept legen wir fest, wie wir Integration in den nächsten Jahren gemeinsam gestalten."),
        ],
    },
    BlattHilfe {
        blatt: &STEUERUNGSGRUPPE,
        pflicht: false,
        zweck: "Die Mitglieder der Steuerungsgruppe: je Person eine Zeile. Im Konzept steht der Vorsitz zuerst, dann die Geschäftsführung, dann die Mitglieder.",
        spalten: &[
            h("name", Art::Text, "Vor- und Nachname", "Anna Beispiel"),
            h("funktion", Art::Text, "die Funktion der Person", "Bürgermeisterin"),
            h("institution", Art::Text, "die Einrichtung, für die die Person in der Steuerungsgruppe sitzt", "Stadtverwaltung"),
            h("rolle", Art::Rolle, "die Rolle in der Steuerungsgruppe", "Vorsitz"),
        ],
    },
    BlattHilfe {
        blatt: &AKTEURE,
        pflicht: false,
        zweck: "Alle Einrichtungen, die an der Integrationsarbeit beteiligt sind: je Akteur eine Zeile. Die Arbeitsgruppen müssen Federführung und Partner ihrer Maßnahmen genau so schreiben wie hier.",
        spalten: &[
            h("akteur", Art::Text, "der Name der Einrichtung", "Volkshochschule"),
            h("kategorie", Art::Kategorie, "welcher Gruppe der Akteur angehört", "Bildungseinrichtungen"),
            h("ansprechperson", Art::Text, "wer dort ansprechbar ist", "Jonas Weber"),
            h("felder", Art::Liste, "in welchen Handlungsfeldern der Akteur mitwirkt: Namen oder Kürzel, mit Semikolon getrennt", "B; A"),
        ],
    },
    BlattHilfe {
        blatt: &LEITLINIEN,
        pflicht: false,
        zweck: "Die Leitlinien, die über allen Handlungsfeldern stehen: je Leitlinie eine Zeile.",
        spalten: &[
            h("nr", Art::Nr, "die Nummer der Leitlinie", "1"),
            h("leitlinie", Art::Text, "die Leitlinie als kurzer Satz", "Integration ist Aufgabe der ganzen Stadtgesellschaft."),
            h("erlaeuterung", Art::Langtext, "was die Leitlinie bedeutet", "Verwaltung, Vereine, Unternehmen und Nachbarschaften tragen gemeinsam Verantwortung."),
            h("ziele", Art::Liste, "die Ziele (mit Kürzel des Handlungsfelds, z. B. B1) oder Oberziele (z. B. 1), zu denen die Leitlinie führt, mit Semikolon getrennt; darf leer bleiben", "B1; A2"),
        ],
    },
    BlattHilfe {
        blatt: &OBERZIELE,
        pflicht: false,
        zweck: "Die Oberziele (Leit- oder Wirkungsziele), aus denen die Ziele der Arbeitsgruppen abgeleitet sind: je Oberziel eine Zeile. Ein Oberziel gilt für ein Handlungsfeld oder – ohne Eintrag in „Handlungsfeld“ – für das ganze Konzept. Die Arbeitsgruppen tragen die Nummer des Oberziels in der Spalte „Oberziel“ ihrer Ziele ein. Das Blatt darf fehlen.",
        spalten: &[
            h("nr", Art::Nr, "die Nummer des Oberziels", "1"),
            h("oberziel", Art::Text, "das Oberziel als kurzer Satz", "Alle Kinder haben die gleichen Bildungschancen."),
            h("feld", Art::Handlungsfeld, "das Handlungsfeld, zu dem das Oberziel gehört; leer = für das ganze Konzept", "Bildung und Sprachförderung"),
            h("erlaeuterung", Art::Langtext, "was das Oberziel bedeutet", "Bildungserfolg hängt nicht von der Herkunft ab."),
        ],
    },
    BlattHilfe {
        blatt: &STATISTIK,
        pflicht: false,
        zweck: "Statistische Zahlen zur Bevölkerung: je Merkmal eine Zeile. Den Anteil mit Migrationshintergrund bitte nicht eintragen – er wird berechnet.",
        spalten: &[
            h("merkmal", Art::Text, "was gezählt wird", "Einwohnerinnen und Einwohner"),
            h("insgesamt", Art::Zahl, "die Zahl insgesamt", "84.500"),
            h("mh", Art::Zahl, "davon mit Migrationshintergrund", "21.300"),
            h("einheit", Art::Text, "die Einheit, z. B. Personen oder %", "Personen"),
            h("jahr", Art::Jahr, "das Jahr (der Stichtag) der Zahl", "2025"),
            h("quelle", Art::Text, "woher die Zahl stammt", "Melderegister"),
        ],
    },
    BlattHilfe {
        blatt: &FINANZEN,
        pflicht: false,
        zweck: "Das Budget für die Umsetzung: je Jahr und Posten eine Zeile. Die Kosten der Maßnahmen werden damit verglichen.",
        spalten: &[
            h("jahr", Art::Planjahr, "das Haushaltsjahr", "{von+1}"),
            h("posten", Art::Text, "wofür das Geld eingeplant ist", "Sachmittel Integrationsbüro"),
            h("betrag", Art::Geld, "der Betrag dieses Jahres", "25.000"),
            h("quelle", Art::Quelle, "woher das Geld kommt", "Eigenmittel"),
        ],
    },
    BlattHilfe {
        blatt: &ZEITPLAN,
        pflicht: false,
        zweck: "Die Phasen der Erarbeitung und Umsetzung des Konzepts: je Phase eine Zeile.",
        spalten: &[
            h("phase", Art::Text, "der Name der Phase", "Beratung in den Gremien"),
            h("beginn", Art::Datum, "wann die Phase beginnt", "Q4 {von}"),
            h("ende", Art::Ende, "wann die Phase endet", "Q1 {von+1}"),
            h("beschreibung", Art::Langtext, "was in der Phase geschieht", "Integrationsrat, Fachausschuss und Rat beraten den Entwurf."),
        ],
    },
    BlattHilfe {
        blatt: &BETEILIGUNG,
        pflicht: false,
        zweck: "Der Beteiligungsprozess: je Veranstaltung (Auftakt, Fachrunde, Workshop, Online-Beteiligung …) eine Zeile. Das Konzept zeigt die Veranstaltungen als Zeitleiste und nennt die Summen, die Beschlussvorlage zitiert sie.",
        spalten: &[
            h("datum", Art::Termin, "wann die Veranstaltung stattfand", "12.03.{von}"),
            h("format", Art::Format, "die Art der Veranstaltung", "Auftakt"),
            h("teilnehmende", Art::Anzahl, "wie viele Personen teilgenommen haben", "85"),
            h("institutionen", Art::Anzahl, "aus wie vielen Einrichtungen sie kamen", "40"),
            h("beschreibung", Art::Text, "was dort geschah, in einer Zeile", "Auftaktveranstaltung im Rathaus mit Vorstellung der Handlungsfelder"),
        ],
    },
    BlattHilfe {
        blatt: &BEGRIFFE,
        pflicht: false,
        zweck: "Begriffe, die das Konzept erklärt: je Begriff eine Zeile. Sie erscheinen am Ende des Konzepts unter „Begriffe und Erläuterungen“, alphabetisch sortiert.",
        spalten: &[
            h("begriff", Art::Text, "der Begriff", "Migrationshintergrund"),
            h("erlaeuterung", Art::Text, "was er bedeutet, in ein bis drei Sätzen", "Eine Person hat einen Migrationshintergrund, wenn sie selbst oder mindestens ein Elternteil nicht mit deutscher Staatsangehörigkeit geboren wurde."),
        ],
    },
    BlattHilfe {
        blatt: &LITERATUR,
        pflicht: false,
        zweck: "Literatur und Quellen, auf die sich das Konzept stützt: je Quelle eine Zeile. Sie erscheinen am Ende des Konzepts unter „Quellen“, zusammen mit den Datenquellen der Kennzahlen.",
        spalten: &[
            h("angabe", Art::Text, "die vollständige Angabe: wer, Titel, Ort und Jahr", "Bundesamt für Migration und Flüchtlinge (Hg.): Migrationsbericht 2023. Nürnberg 2024"),
            h("link", Art::Text, "die Internetadresse, falls vorhanden", "https://www.bamf.de"),
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every column of every sheet is explained exactly once, so the guide
    /// and `konzept new` cannot silently miss a column added to the reader.
    #[test]
    fn every_column_has_its_help() {
        for help in AG_HILFE.iter().chain(STEUERUNG_HILFE) {
            let keys: Vec<_> = help.blatt.columns.iter().map(|c| c.key).collect();
            let explained: Vec<_> = help.spalten.iter().map(|h| h.key).collect();
            assert_eq!(keys, explained, "sheet {}", help.blatt.name);
            assert_eq!(help.columns().count(), keys.len());
        }
        let keys: Vec<_> = AG_KEYS.iter().map(|c| c.key).collect();
        let explained: Vec<_> = AG_KEYS_HILFE.iter().map(|h| h.key).collect();
        assert_eq!(keys, explained);
    }

    #[test]
    fn required_sheets_are_marked() {
        let required: Vec<_> = AG_HILFE
            .iter()
            .filter(|h| h.pflicht)
            .map(|h| h.blatt.name)
            .collect();
        assert_eq!(required, ["Ziele", "Maßnahmen"]);
        assert!(STEUERUNG_HILFE.iter().all(|h| !h.pflicht));
    }
}
