//! The one step that adds DOCX-specific values to the model: colours,
//! font, page setup and text widths, from the model's `gestaltung`.

use crate::input::word_template::{PageSetup, WordTemplate};
use serde_json::Value;

/// Text width of a portrait A4 page with the margins of `sektion.xml.hbs`
/// (twips).
const BREITE_HOCH: u32 = 11906 - 2 * 1417;
/// Text width of a landscape A4 page.
const BREITE_QUER: u32 = 16838 - 2 * 1417;

/// What the DOCX package adds to the model: computed here, in one step, from
/// the model's `gestaltung` values (and the page setup of the project's Word
/// template). The parts see them beside the model (`farbe`, `hell`,
/// `mittel`, `schrift`, `tab`), the helpers through their state.
#[derive(Debug, Clone, PartialEq)]
pub struct PackageValues {
    /// The accent colour `gestaltung.farbe` as `RRGGBB`.
    pub farbe: String,
    /// The accent lightened 88 %: even table rows, note boxes, title page box.
    pub hell: String,
    /// The accent lightened 50 %: the rule beside a measure.
    pub mittel: String,
    /// The accent lightened 75 %: group rows.
    pub gruppe: String,
    /// The body font: `gestaltung.schrift`, or Arial (the metric twin of
    /// the PDF's Liberation Sans).
    pub schrift: String,
    /// Page setup from `gestaltung.raender` or the Word template; `None`:
    /// the one of `sektion.xml.hbs`.
    pub seite: Option<PageSetup>,
    /// Text width of portrait pages (twips): tables, right tab stops.
    pub breite_hoch: u32,
    /// Text width of landscape pages (twips).
    pub breite_quer: u32,
}

/// The DOCX package values of the serialised model (`gestaltung.farbe`,
/// `gestaltung.schrift`, `gestaltung.raender`) and the Word template's page
/// setup, if the project has one.
pub fn package_values(model: &Value, word_template: Option<&WordTemplate>) -> PackageValues {
    let gestaltung = &model["gestaltung"];
    // The merge makes `gestaltung.farbe` a valid `#RRGGBB` (default #005CA9).
    let farbe = gestaltung["farbe"]
        .as_str()
        .unwrap_or_default()
        .trim()
        .trim_start_matches('#')
        .to_ascii_uppercase();
    let seite = page_setup(&gestaltung["raender"], word_template);
    let (breite_hoch, breite_quer) = text_widths(seite);
    PackageValues {
        hell: tint(&farbe, 0.88),
        mittel: tint(&farbe, 0.5),
        gruppe: tint(&farbe, 0.75),
        farbe,
        schrift: docx_font(gestaltung["schrift"].as_str().unwrap_or_default()),
        seite,
        breite_hoch,
        breite_quer,
    }
}

/// The DOCX body font: Liberation Sans (the default) is named by its metric
/// twin Arial, which every Word has; another configured font as it is.
fn docx_font(schrift: &str) -> String {
    let s = schrift.trim();
    if s.is_empty() || s.eq_ignore_ascii_case("Liberation Sans") {
        "Arial".into()
    } else {
        s.to_string()
    }
}

/// The colour mixed with white (`share` of white, 0–1).
fn tint(hex: &str, share: f64) -> String {
    let mut out = String::new();
    for i in 0..3 {
        let c = hex
            .get(2 * i..2 * i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0) as f64;
        let v = c + (255.0 - c) * share;
        out.push_str(&format!("{:02X}", v.round() as u8));
    }
    out
}

/// The page setup of the DOCX when `[gestaltung]` changes it: the Word
/// template's, with the margins of `gestaltung.raender` (mm) over it.
fn page_setup(raender: &Value, word_template: Option<&WordTemplate>) -> Option<PageSetup> {
    let base = word_template.and_then(|v| v.seite);
    let r = raender.as_object();
    if base.is_none() && r.is_none() {
        return None;
    }
    let mut s = base.unwrap_or(PageSetup {
        breite: 11906,
        hoehe: 16838,
        oben: 1417,
        unten: 1247,
        links: 1417,
        rechts: 1417,
        kopf: 680,
        fuss: 567,
    });
    if let Some(r) = r {
        let tw = |key: &str| {
            let mm = r.get(key).and_then(Value::as_f64).unwrap_or_default();
            (mm * 1440.0 / 25.4).round() as u32
        };
        s.oben = tw("oben");
        s.unten = tw("unten");
        s.links = tw("links");
        s.rechts = tw("rechts");
        s.kopf = s.kopf.min(s.oben * 2 / 3);
        s.fuss = s.fuss.min(s.unten * 2 / 3);
    }
    Some(s)
}

/// Text width of portrait and landscape pages (twips).
fn text_widths(seite: Option<PageSetup>) -> (u32, u32) {
    match seite {
        None => (BREITE_HOCH, BREITE_QUER),
        Some(s) => (
            s.breite.saturating_sub(s.links + s.rechts).max(2835),
            s.hoehe.saturating_sub(s.links + s.rechts).max(2835),
        ),
    }
}
