//! The DOCX package: the parts around `document.xml`, rendered over the
//! model and the package values ([`super::package_values`]), and the
//! deterministic ZIP.
//!
//! Identical input gives identical bytes: fixed entry order, fixed
//! timestamps (1980-01-01), fixed permissions and compression level.

use super::state::{BildRel, Liste};
use super::word_template;
use super::{Body, Teile};
use crate::embedded::templates::DOCX;
use crate::render::shared::TemplateError;
use handlebars::Handlebars;
use serde::Serialize;
use serde_json::Value;
use std::io::{Cursor, Write};

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
        Some(s) => word_template::with_page_setup(&document, s),
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
        word_template::apply(
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
