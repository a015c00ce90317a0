//! The priority scheme of a concept (`dokument.prioritaeten`): how the
//! column „Priorität“ of goals and measures is filled and printed. Every
//! scheme has three ranks (the first is what the chapter „Schwerpunkte“
//! lists); „punkte“ takes the points of a vote instead and ranks the top
//! `dokument.punkte_top` measures of each field first.

use super::Config;

/// The schemes `dokument.prioritaeten` names.
pub const PRIORITAETEN: [&str; 5] = [
    "hoch-mittel-niedrig",
    "abc",
    "fristen",
    "schwerpunkt",
    "punkte",
];

/// How many measures per field a vote puts first, unless `punkte_top` says.
pub const PUNKTE_TOP: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriorityScheme {
    /// hoch, mittel, niedrig (the default).
    Standard,
    /// A, B, C.
    Abc,
    /// kurzfristig, mittelfristig, langfristig.
    Fristen,
    /// Schwerpunktmaßnahme, Quick-Win, weitere Maßnahme (Lindau).
    Schwerpunkt,
    /// Points from a vote; the top `n` of each field are the Schwerpunkte.
    Punkte(usize),
}

impl PriorityScheme {
    /// The scheme `konzept.toml` names (an unknown name is reported by the
    /// config check; it counts as the default).
    pub fn of(c: &Config) -> Self {
        match c.dokument.prioritaeten.as_deref().map(str::trim) {
            Some("abc") => PriorityScheme::Abc,
            Some("fristen") => PriorityScheme::Fristen,
            Some("schwerpunkt") => PriorityScheme::Schwerpunkt,
            Some("punkte") => PriorityScheme::Punkte(c.dokument.punkte_top.unwrap_or(PUNKTE_TOP)),
            _ => PriorityScheme::Standard,
        }
    }

    /// The words of the three ranks, highest first (none for points).
    pub fn labels(self) -> Option<[&'static str; 3]> {
        Some(match self {
            PriorityScheme::Standard => ["hoch", "mittel", "niedrig"],
            PriorityScheme::Abc => ["A", "B", "C"],
            PriorityScheme::Fristen => ["kurzfristig", "mittelfristig", "langfristig"],
            PriorityScheme::Schwerpunkt => ["Schwerpunktmaßnahme", "Quick-Win", "weitere Maßnahme"],
            PriorityScheme::Punkte(_) => return None,
        })
    }

    /// Other spellings of each rank the reader accepts, normalized.
    pub fn aliases(self) -> [&'static [&'static str]; 3] {
        match self {
            PriorityScheme::Fristen => [
                &["kurzfristig", "kurz", "sofort"],
                &["mittelfristig", "mittel"],
                &["langfristig", "lang"],
            ],
            PriorityScheme::Schwerpunkt => [
                &[
                    "schwerpunktmassnahme",
                    "schwerpunkt",
                    "schwerpunktmassnahmen",
                ],
                &["quickwin", "quickwins", "schnellerfolg"],
                &["weiteremassnahme", "weitere", "sonstige"],
            ],
            _ => [&[], &[], &[]],
        }
    }

    /// The chapter „Schwerpunkte“: caption of its table and the sentence
    /// before it; the submission's column and phrase.
    pub fn wording(self) -> Wording {
        let (titel, satz, spalte, phrase) = match self {
            PriorityScheme::Standard => (
                "Maßnahmen mit hoher Priorität".to_string(),
                "Mit hoher Priorität sollen die folgenden umgesetzt werden:".to_string(),
                "davon hohe Priorität",
                " mit hoher Priorität".to_string(),
            ),
            PriorityScheme::Abc => (
                "Maßnahmen der Priorität A".into(),
                "Mit Priorität A sollen die folgenden umgesetzt werden:".into(),
                "davon Priorität A",
                " mit Priorität A".into(),
            ),
            PriorityScheme::Fristen => (
                "Kurzfristig umzusetzende Maßnahmen".into(),
                "Kurzfristig sollen die folgenden umgesetzt werden:".into(),
                "davon kurzfristig",
                " als kurzfristig umzusetzen".into(),
            ),
            PriorityScheme::Schwerpunkt => (
                "Schwerpunktmaßnahmen".into(),
                "Als Schwerpunktmaßnahmen sollen die folgenden umgesetzt werden:".into(),
                "davon Schwerpunkt",
                String::new(),
            ),
            PriorityScheme::Punkte(n) => (
                format!("Die {n} Maßnahmen je Handlungsfeld mit den meisten Punkten"),
                format!("In der Abstimmung haben je Handlungsfeld die folgenden {n} die meisten Punkte erhalten:"),
                "davon Schwerpunkt",
                format!(" mit den meisten Punkten der Abstimmung (je Handlungsfeld die ersten {n})"),
            ),
        };
        Wording {
            titel,
            satz,
            spalte: spalte.into(),
            phrase,
        }
    }
}

/// The words the documents use for the first rank of a scheme.
pub struct Wording {
    pub titel: String,
    pub satz: String,
    pub spalte: String,
    /// After „Als Schwerpunkte der Umsetzung sind 19 Maßnahmen“, with its
    /// leading space (empty: nothing to add).
    pub phrase: String,
}
