//! The DOCX package: the values it adds to the model ([`package_values`]),
//! the parts around `document.xml` and the deterministic ZIP.
//!
//! Identical input gives identical bytes: fixed entry order, fixed
//! timestamps (1980-01-01), fixed permissions and compression level.

use super::state::{BildRel, Liste};
use super::word_template;
use super::{Body, Teile};
use crate::embedded::templates::DOCX;
use crate::input::word_template::{PageSetup, WordTemplate};
use crate::render::shared::TemplateError;
use handlebars::Handlebars;
use serde::Serialize;
use serde_json::Value;
use std::io::{Cursor, Write};

/// Text width of a portrait A4 page with the margins of `sektion.xml.hbs`
/// (twips).
const BREITE_HOCH: u32 = 11906 - 2 * 1417;
/// Text width of a landscape A4 page.
const BREITE_QUER: u32 = 16838 - 2 * 1417;

/// The context of every part except `document.xml` (which sees the model).
#[derive(Serialize)]
struct Paket<'a> {
    /// The serialised model, as `document.xml` sees it.
    konzept: &'a Value,
    farbe: &'a str,
    /// The accent lightened 88 % (note boxes, title page box).
    hell: &'a str,
    /// The accent lightened 50 % (the rule beside a measure).
    mittel: &'a str,
    /// The body font: `gestaltung.schrift`, or Arial (the metric twin of
    /// the PDF's Liberation Sans).
    schrift: &'a str,
    /// Right tab stop (twips): headers and TOC entries.
    tab: u32,
    /// Distinguishes the watermark shapes of the headers.
    nr: u32,
    listen: &'a [Liste],
    bilder: &'a [BildRel],
    /// The council submission: its own heading and title styles.
    vorlage: bool,
}

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

/// The package parts around `document`, zipped.
pub(super) fn package(
    hb: &Handlebars<'static>,
    model: &Value,
    document: String,
    body: &Body,
    teile: &Teile,
) -> Result<Vec<u8>, TemplateError> {
    // The parts differ only in `tab` and `nr`: the data (with the whole
    // model) is converted for Handlebars once, and only those two numbers
    // are changed between parts.
    let context: std::cell::RefCell<Option<handlebars::Context>> = Default::default();
    let render = |name: &str, data: &Paket| -> Result<String, TemplateError> {
        let err =
            |e: &handlebars::RenderError| TemplateError::from_render_in(e, DOCX, &body.overrides);
        let mut context = context.borrow_mut();
        let ctx = match context.as_mut() {
            Some(ctx) => {
                if let Some(map) = ctx.data_mut().as_object_mut() {
                    map.insert("tab".into(), data.tab.into());
                    map.insert("nr".into(), data.nr.into());
                }
                ctx
            }
            None => context.insert(handlebars::Context::wraps(data).map_err(|e| err(&e))?),
        };
        hb.render_with_context(name, ctx).map_err(|e| err(&e))
    };
    let values = &body.values;
    let paket = |tab: u32, nr: u32| Paket {
        konzept: model,
        farbe: &values.farbe,
        hell: &values.hell,
        mittel: &values.mittel,
        schrift: &values.schrift,
        tab,
        nr,
        listen: &body.listen,
        bilder: &body.bilder,
        vorlage: teile.vorlage,
    };
    let (breite_hoch, breite_quer) = (values.breite_hoch, values.breite_quer);
    let document = match &values.seite {
        Some(s) => word_template::seite(&document, s),
        None => document,
    };
    let p = paket(breite_hoch, 1);
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".into(),
            render("content-types", &p)?.into(),
        ),
        ("_rels/.rels".into(), render("rels", &p)?.into()),
        ("docProps/core.xml".into(), render(teile.core, &p)?.into()),
        ("docProps/app.xml".into(), render("app", &p)?.into()),
        ("word/document.xml".into(), document.into()),
        (
            "word/_rels/document.xml.rels".into(),
            render("document-rels", &p)?.into(),
        ),
        ("word/styles.xml".into(), render("styles", &p)?.into()),
        ("word/numbering.xml".into(), render("numbering", &p)?.into()),
        ("word/settings.xml".into(), render("settings", &p)?.into()),
        (
            "word/fontTable.xml".into(),
            render("font-table", &p)?.into(),
        ),
        ("word/header1.xml".into(), render(teile.header, &p)?.into()),
        (
            "word/header2.xml".into(),
            render("header-titel", &paket(breite_hoch, 2))?.into(),
        ),
        (
            "word/header3.xml".into(),
            render("header", &paket(breite_quer, 3))?.into(),
        ),
        ("word/footer1.xml".into(), render("footer", &p)?.into()),
        (
            "word/footer2.xml".into(),
            render("footer-titel", &p)?.into(),
        ),
    ];
    for b in &body.bilder {
        parts.push((format!("word/media/{}", b.datei), b.bytes.clone()));
    }
    if let Some(v) = &body.word_vorlage {
        word_template::anwenden(
            &mut parts,
            v,
            &["word/header1.xml", "word/header3.xml"],
            &["word/footer1.xml"],
        );
    }
    zip_parts(&parts).map_err(|e| TemplateError {
        file: "DOCX".into(),
        line: None,
        message: format!("ZIP: {e}"),
    })
}

/// The parts zipped in the given order with fixed metadata.
fn zip_parts(parts: &[(String, Vec<u8>)]) -> zip::result::ZipResult<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(zip::DateTime::default())
        .system(zip::System::Unix)
        .unix_permissions(0o644)
        .large_file(false);
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        w.start_file(name.as_str(), options)?;
        w.write_all(bytes)?;
    }
    Ok(w.finish()?.into_inner())
}
