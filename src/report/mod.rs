//! The yearly progress report (Sachstandsbericht) after the council adopted
//! the concept, and the Mitteilungsvorlage that carries it into the council.
//!
//! The round: `konzept report new --jahr J` freezes the adopted concept
//! (`snapshot.rs`: `sachstand/beschluss.json`, written once) and writes one
//! status workbook per field (`forms.rs`); the groups fill them in;
//! `konzept report check`/`build` read them back (`intake.rs`, with the
//! same cell readers as the concept workbooks), compute the figures
//! (`figures.rs`) and render the documents through the concept's render
//! pipeline (`documents.rs`).

mod documents;
mod figures;
mod forms;
mod intake;
mod snapshot;
mod staff;

pub use documents::{build, report_model};
pub use forms::{new_round, NewRound};
pub use intake::{check, Round};
pub use snapshot::SNAPSHOT_FILE;

use crate::input::normalize;
use crate::input::values::{CellValue, Rejected};
use crate::input::workbook::Column;

/// The folder of the report rounds inside the project.
pub const FOLDER: &str = "sachstand";

/// The status of a measure in a report year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Umgesetzt,
    InUmsetzung,
    Verzoegert,
    NichtBegonnen,
    Entfallen,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Umgesetzt,
        Status::InUmsetzung,
        Status::Verzoegert,
        Status::NichtBegonnen,
        Status::Entfallen,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Status::Umgesetzt => "umgesetzt",
            Status::InUmsetzung => "in Umsetzung",
            Status::Verzoegert => "verzögert",
            Status::NichtBegonnen => "nicht begonnen",
            Status::Entfallen => "entfallen",
        }
    }

    /// The mark printed before the word: a shape, so that the status does
    /// not rely on colour. The embedded Liberation Sans has all five (its
    /// ◐ is only a half disc without outline, hence ► for „in Umsetzung“).
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Umgesetzt => "●",
            Status::InUmsetzung => "►",
            Status::Verzoegert => "▲",
            Status::NichtBegonnen => "○",
            Status::Entfallen => "×",
        }
    }

    /// Whether the status needs an Erläuterung.
    pub fn needs_reason(self) -> bool {
        matches!(self, Status::Verzoegert | Status::Entfallen)
    }
}

const STATUS_FORMS: &str =
    "umgesetzt, in Umsetzung, verzögert, nicht begonnen oder entfallen (die Auswahlliste der Spalte)";

/// Reads a Status cell; the same forgiving spellings as the concept's
/// Status column where they mean the same.
pub fn parse_status(cell: &CellValue) -> Result<Status, Rejected> {
    let t = match cell {
        CellValue::Text(t) => normalize(t),
        _ => String::new(),
    };
    match t.as_str() {
        "umgesetzt" | "abgeschlossen" | "erledigt" | "fertig" | "beendet" => Ok(Status::Umgesetzt),
        "inumsetzung" | "laufend" | "laeuft" | "fortlaufend" | "begonnen" | "inarbeit"
        | "daueraufgabe" => Ok(Status::InUmsetzung),
        "verzoegert" | "verspaetet" | "inverzug" => Ok(Status::Verzoegert),
        "nichtbegonnen" | "offen" | "geplant" | "nochnichtbegonnen" => Ok(Status::NichtBegonnen),
        "entfallen" | "gestrichen" | "eingestellt" | "abgebrochen" => Ok(Status::Entfallen),
        _ => Err(Rejected::new(
            STATUS_FORMS,
            "einen Eintrag aus der Auswahlliste wählen",
        )),
    }
}

/// The sheet of the measures in a status workbook.
pub const SHEET_MEASURES: &str = "Maßnahmen";
/// The sheet of the indicators in a status workbook.
pub const SHEET_INDICATORS: &str = "Indikatoren";

/// The columns of the Maßnahmen sheet: five from the adopted concept
/// (locked), five to fill in; where a field's measures plan Stellen for the
/// report year, one more of each („Stellen geplant (VZÄ)“, „Stellen besetzt
/// (VZÄ)“).
pub const MEASURE_COLUMNS: &[Column] = &[
    Column::req("nr", "Nr", &["Nr.", "Nummer", "Maßnahme Nr"]),
    Column::opt("titel", "Maßnahme", &["Titel"]),
    Column::opt("federfuehrung", "Federführung", &["Federfuehrung"]),
    Column::opt("zeitraum", "Zeitraum", &["Laufzeit"]),
    Column::opt("kosten", "Kosten geplant", &["Kosten", "Geplante Kosten"]),
    Column::opt(
        "stellen_geplant",
        "Stellen geplant (VZÄ)",
        &["Stellen geplant", "Geplante Stellen", "Stellen (VZÄ)"],
    ),
    Column::req("status", "Status", &["Sachstand"]),
    Column::opt("stand", "Stand", &["Stand am", "Datum"]),
    Column::opt(
        "verausgabt",
        "Mittel verausgabt",
        &["Verausgabt", "Ausgaben", "Mittel verausgabt (EUR)"],
    ),
    Column::opt(
        "stellen_besetzt",
        "Stellen besetzt (VZÄ)",
        &["Stellen besetzt", "Besetzte Stellen", "Besetzt (VZÄ)"],
    ),
    Column::opt(
        "erlaeuterung",
        "Erläuterung",
        &["Begründung", "Erlaeuterung"],
    ),
    Column::opt(
        "naechste_schritte",
        "Nächste Schritte",
        &["Naechste Schritte", "Ausblick"],
    ),
];

/// The fixed columns of the Indikatoren sheet; after them two per year:
/// „Ist JJJJ“ and „Quelle JJJJ“.
pub const INDICATOR_COLUMNS: &[Column] = &[
    Column::req("nr", "Ziel", &["Ziel Nr", "Nr", "Nr."]),
    Column::opt("indikator", "Indikator", &[]),
    Column::opt("einheit", "Einheit", &[]),
    Column::opt("ausgangswert", "Ausgangswert", &[]),
    Column::opt("zielwert", "Zielwert", &[]),
];

/// `konzept report check --annotate ORDNER`: a copy of every status
/// workbook of the round with errors or warnings, each problem cell filled
/// and commented, in front the sheet „Meldungen“ (as `konzept check
/// --annotate` writes them for the concept workbooks). A workbook that is
/// missing gets no copy; its message stands in the check's output.
pub fn annotate(round: &Round, folder: &std::path::Path) -> crate::annotate::Report {
    let mut present = crate::diag::Diagnostics::new();
    for d in round.diagnostics.sorted() {
        let exists = d
            .location
            .file
            .as_ref()
            .is_some_and(|f| round.root.join(f).is_file());
        if exists {
            present.push(d.clone());
        }
    }
    // konzept.toml only tells the folders that must not take the copies.
    let config = std::fs::read_to_string(round.root.join(crate::config::FILE_NAME))
        .ok()
        .and_then(|src| crate::config::parse(&src, &mut crate::diag::Diagnostics::new()));
    crate::annotate::annotate(&round.root, config.as_ref(), &present, folder)
}

/// The latest report year with a folder under `sachstand/`.
pub fn latest_year(root: &std::path::Path) -> Option<i32> {
    std::fs::read_dir(root.join(FOLDER))
        .ok()?
        .flatten()
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .max()
}

/// The file of a field's status workbook in a round.
pub fn workbook_name(kurz: &str) -> String {
    format!("sachstand-{}.xlsx", kurz.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_spellings() {
        let t = |s: &str| parse_status(&CellValue::Text(s.into()));
        assert_eq!(t("Verzögert").unwrap(), Status::Verzoegert);
        assert_eq!(t("in Umsetzung").unwrap(), Status::InUmsetzung);
        assert_eq!(t("gestrichen").unwrap(), Status::Entfallen);
        assert!(t("bald").is_err());
    }
}
