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

/// Roles in the steering group, in the order the table lists them.
pub const ROLLEN: &[&str] = &["Vorsitz", "Geschäftsführung", "Mitglied"];
