//! The concept's front and back matter and its resources beyond euros: the
//! summary page, the participation log, the staff plan, the glossary and the
//! sources (re-exported by [`crate::model`]).

use super::{Datum, VorlageFeld, Zahl};
use crate::input::markdown::RichText;
use serde::Serialize;

/// „Das Wichtigste auf einen Blick“: one page generated from the data.
#[derive(Debug, Clone, Serialize)]
pub struct AufEinenBlick {
    /// Large figures with their labels: „7“ „Handlungsfelder“.
    pub eckwerte: Vec<Eckwert>,
    /// Goals, measures, high priority and costs per field, and their sums.
    pub felder: Vec<VorlageFeld>,
    pub felder_summe: VorlageFeld,
    /// Sentences as a bullet list: Laufzeit, participation, priorities,
    /// money, staff.
    pub punkte: RichText,
}

/// A large figure of the summary page.
#[derive(Debug, Clone, Serialize)]
pub struct Eckwert {
    pub wert: String,
    pub name: String,
}

/// The participation log (steering workbook, sheet „Beteiligung“).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Beteiligung {
    /// The events, by date.
    pub veranstaltungen: Vec<Veranstaltung>,
    /// Participants summed over all events.
    pub teilnehmende: u64,
    /// Institutions summed over all events.
    pub institutionen: u64,
    /// „rund 200 Personen aus 85 Institutionen“ (empty without figures).
    pub umfang: String,
    /// The sentence for the document and the Beschlussvorlage (empty
    /// without events).
    pub satz: String,
}

/// One event of the participation log.
#[derive(Debug, Clone, Serialize)]
pub struct Veranstaltung {
    pub datum: Datum,
    pub format: String,
    pub teilnehmende: Option<u64>,
    pub institutionen: Option<u64>,
    pub beschreibung: Option<String>,
}

/// Staff (Stellen in VZÄ) by field and year, for appendix B.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stellenplan {
    /// Whether any measure names staff.
    pub vorhanden: bool,
    /// The years, as in [`super::Kostenplan::jahre`].
    pub jahre: Vec<i32>,
    /// Only fields with staff.
    pub felder: Vec<StellenFeld>,
    pub summe_je_jahr: Vec<Zahl>,
    /// Measures with a rough cost estimate.
    pub grob_geschaetzt: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct StellenFeld {
    pub name: String,
    pub kurz: String,
    pub je_jahr: Vec<Zahl>,
}

/// A term of the glossary („Begriffe und Erläuterungen“).
#[derive(Debug, Clone, Serialize)]
pub struct Begriff {
    pub begriff: String,
    pub erlaeuterung: String,
}

/// „Quellen“: where the figures come from, and the literature.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Quellen {
    /// Whether the section is printed (literature is given).
    pub vorhanden: bool,
    /// The sources of the statistics, key figures and indicators, once each.
    pub daten: Vec<String>,
    /// The same as a bullet list.
    pub daten_liste: RichText,
    pub literatur: Vec<Literatur>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Literatur {
    pub angabe: String,
    pub link: Option<String>,
}
