//! What the helpers collect while the body renders: headings, pictures,
//! footnotes, the open tables and their column styles.

use crate::project::Assets;
use crate::render::docx::{DocHeading, PackageValues};
use crate::render::shared::ChartImage;
use serde::Serialize;
use std::sync::{Arc, Mutex, MutexGuard};

/// A picture in `Pictures/`.
#[derive(Serialize, Clone)]
pub(super) struct Bild {
    /// The path inside the package: `Pictures/logo.png`.
    pub pfad: String,
    pub mime: &'static str,
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

pub(super) struct Tabelle {
    /// The number of this table in the document (its style names).
    pub nr: usize,
    pub spalten: usize,
    pub col: usize,
    /// The row as the PDF counts it (header 0): even body rows are shaded.
    pub row: usize,
    pub summe: bool,
    /// The columns with right-aligned cells: their headers align right too.
    pub rechts: std::collections::BTreeSet<usize>,
    /// 8 pt instead of 9 pt (the appendix tables, as in the PDF).
    pub klein: bool,
    /// The columns' widths (cm) from their weights, and what their cells
    /// hold (for the widths from the content, as in the DOCX and the PDF).
    pub breiten: Vec<f64>,
    pub texte: Vec<crate::render::shared::widths::ColumnText>,
}

/// What the helpers collect while the body renders.
pub(super) struct State {
    /// Colours of the package (the DOCX's [`crate::render::docx::package_values`]).
    pub values: PackageValues,
    /// Margins and text widths ([`super::page::seite`]).
    pub seite: super::page::Seite,
    pub headings: Vec<DocHeading>,
    pub counters: [usize; 3],
    pub bilder: Vec<Bild>,
    pub abbildungen: usize,
    /// Table captions so far ("Tabelle N"), counted like the PDF's.
    pub beschriftungen: usize,
    pub fussnoten: usize,
    pub tabellen: Vec<Tabelle>,
    pub tabellen_gesamt: usize,
    /// Automatic styles the helpers made (table and column widths).
    pub stile: String,
    /// Markers in the markup of a block that its closing helper resolved
    /// (the header alignment of a table, known only after its rows).
    pub ersetzen: Vec<(String, String)>,
    pub logo: Option<(String, Vec<u8>)>,
    pub titelbild: Option<(String, Vec<u8>)>,
    pub charts: Vec<ChartImage>,
}

impl State {
    pub fn new(
        values: PackageValues,
        seite: super::page::Seite,
        assets: &Assets,
        charts: &[ChartImage],
    ) -> State {
        State {
            values,
            seite,
            headings: Vec::new(),
            counters: [0; 3],
            bilder: Vec::new(),
            abbildungen: 0,
            beschriftungen: 0,
            fussnoten: 0,
            tabellen: Vec::new(),
            tabellen_gesamt: 0,
            stile: String::new(),
            ersetzen: Vec::new(),
            logo: assets.logo.clone(),
            titelbild: assets.design.titelbild.clone(),
            charts: charts.to_vec(),
        }
    }
}

pub(super) type Shared = Arc<Mutex<State>>;

pub(super) fn lock(s: &Shared) -> MutexGuard<'_, State> {
    // A panic in another helper is a bug; the state is still usable.
    s.lock().unwrap_or_else(|e| e.into_inner())
}
