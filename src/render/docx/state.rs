//! What the helpers collect while `document.xml` renders: headings, list
//! instances, pictures, the open tables.

use super::values::PackageValues;
use crate::render::shared::ChartImage;
use serde::Serialize;
use std::sync::{Arc, Mutex, MutexGuard};

#[derive(Serialize, Clone)]
pub(super) struct Liste {
    pub id: u32,
    pub abstrakt: u32,
    pub start: u32,
}

#[derive(Serialize, Clone)]
pub(super) struct BildRel {
    pub id: String,
    pub datei: String,
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

pub(super) struct Tabelle {
    pub widths: Vec<u32>,
    pub col: usize,
    pub summe: bool,
    /// The row as the PDF counts it (header 0): even body rows are shaded.
    pub row: usize,
    /// 8 pt instead of 9 pt (the appendix tables, as in the PDF).
    pub klein: bool,
    /// The number of this table in the document (for its header markers).
    pub nr: usize,
    /// The columns with right-aligned cells: their headers align right too.
    pub rechts: std::collections::BTreeSet<usize>,
    /// What each column's cells hold, for the widths ([`super::widths`]).
    pub texte: Vec<crate::render::shared::widths::ColumnText>,
}

impl Tabelle {
    pub fn text_style(&self) -> &'static str {
        if self.klein {
            "TabellentextKlein"
        } else {
            "Tabellentext"
        }
    }
}

/// What the helpers collect while `document.xml` renders.
pub(super) struct State {
    /// Colours and text widths of the package ([`super::package_values`]).
    pub values: PackageValues,
    pub headings: Vec<DocHeading>,
    pub counters: [usize; 3],
    pub listen: Vec<Liste>,
    pub bilder: Vec<BildRel>,
    pub next_docpr: u32,
    pub abbildungen: usize,
    /// Table captions so far ("Tabelle N"), counted like the PDF's figures.
    pub beschriftungen: usize,
    pub tabellen: Vec<Tabelle>,
    /// Tables opened so far.
    pub tabellen_gesamt: usize,
    /// Markers in the markup of a block that its closing helper resolved
    /// (the header alignment of a table, known only after its rows).
    pub ersetzen: Vec<(String, String)>,
    pub logo: Option<(String, Vec<u8>)>,
    pub titelbild: Option<(String, Vec<u8>)>,
    pub charts: Vec<ChartImage>,
}

/// A heading as written into the DOCX.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocHeading {
    pub level: usize,
    /// "2.3" (computed like Word numbers the heading), "A", or none.
    pub number: Option<String>,
    pub title: String,
    pub bookmark: String,
}

pub(super) type Shared = Arc<Mutex<State>>;

pub(super) fn lock(s: &Shared) -> MutexGuard<'_, State> {
    // A panic in another helper is a bug; the state is still usable.
    s.lock().unwrap_or_else(|e| e.into_inner())
}
