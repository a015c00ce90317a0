//! The ODT package: the parts around the body, rendered over the model and
//! the package values, and the ZIP as ODF wants it: `mimetype` first,
//! stored (not compressed), so that it sits at byte offset 38 and a reader
//! can identify the file; every other part listed in the manifest.
//!
//! Identical input gives identical bytes: fixed entry order, fixed
//! timestamps (1980-01-01), fixed permissions and compression level.

use super::escape::text_styles;
use super::state::{Bild, State};
use super::Kind;
use crate::embedded::templates::ODT;
use crate::project::Assets;
use crate::render::shared::TemplateError;
use handlebars::Handlebars;
use serde::Serialize;
use serde_json::Value;
use std::io::{Cursor, Write};

/// The media type of an OpenDocument text.
pub const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

/// A text style of `styles.xml` (bold, italic, colour combinations).
#[derive(Serialize)]
struct Zeichenstil {
    name: String,
    fett: bool,
    kursiv: bool,
    farbe: Option<String>,
}

/// The context of every part except the body (which sees the model).
#[derive(Serialize)]
struct Paket<'a> {
    /// The serialised model, as the body sees it.
    konzept: &'a Value,
    /// The accent colour `gestaltung.farbe` as `RRGGBB`, and its tints.
    farbe: &'a str,
    hell: &'a str,
    mittel: &'a str,
    gruppe: &'a str,
    /// The body font: `gestaltung.schrift`, or Liberation Sans.
    schrift: String,
    /// The finished body (`content.xml` only).
    koerper: &'a str,
    /// The automatic styles the helpers made (`content.xml` only).
    stile: &'a str,
    bilder: &'a [Bild],
    zeichenstile: Vec<Zeichenstil>,
    /// Margins, text widths and tab stops (cm).
    seite: super::page::Seite,
    /// The header partial of normal pages.
    kopfzeile: &'static str,
    /// The council submission: its own heading and title styles.
    vorlage: bool,
}

/// The package parts around `text`, zipped.
pub(super) fn package(
    hb: &Handlebars<'static>,
    model: &Value,
    text: &str,
    st: &State,
    kind: &Kind,
    assets: &Assets,
) -> Result<Vec<u8>, TemplateError> {
    let v = &st.values;
    let schrift = model["gestaltung"]["schrift"]
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or("Liberation Sans")
        .to_string();
    let paket = Paket {
        konzept: model,
        farbe: &v.farbe,
        hell: &v.hell,
        mittel: &v.mittel,
        gruppe: &v.gruppe,
        schrift,
        koerper: text,
        stile: &st.stile,
        bilder: &st.bilder,
        zeichenstile: text_styles(&v.farbe)
            .into_iter()
            .map(|(name, fett, kursiv, farbe)| Zeichenstil {
                name,
                fett,
                kursiv,
                farbe,
            })
            .collect(),
        seite: st.seite,
        kopfzeile: kind.header,
        vorlage: kind.vorlage,
    };
    let ctx = handlebars::Context::wraps(&paket)
        .map_err(|e| TemplateError::from_render_in(&e, ODT, &assets.overrides))?;
    let render = |name: &str| -> Result<Vec<u8>, TemplateError> {
        hb.render_with_context(name, &ctx)
            .map(String::into_bytes)
            .map_err(|e| TemplateError::from_render_in(&e, ODT, &assets.overrides))
    };
    let mut styles = String::from_utf8(render("styles")?).unwrap_or_default();
    if let Some(v) = &assets.design.odt_vorlage {
        styles = super::ott::apply(&styles, v);
    }
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("mimetype".into(), MIMETYPE.as_bytes().to_vec()),
        ("content.xml".into(), render("content")?),
        ("styles.xml".into(), styles.into_bytes()),
        ("meta.xml".into(), render(kind.meta)?),
        ("settings.xml".into(), render("settings")?),
    ];
    for b in &st.bilder {
        parts.push((b.pfad.clone(), b.bytes.clone()));
    }
    parts.push(("META-INF/manifest.xml".into(), render("manifest")?));
    zip_parts(&parts).map_err(|e| TemplateError {
        file: "ODT".into(),
        line: None,
        message: format!("ZIP: {e}"),
    })
}

/// The parts zipped in the given order with fixed metadata; `mimetype`
/// stored, everything else deflated.
fn zip_parts(parts: &[(String, Vec<u8>)]) -> zip::result::ZipResult<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(zip::DateTime::default())
        .system(zip::System::Unix)
        .unix_permissions(0o644)
        .large_file(false);
    let stored = options
        .compression_method(zip::CompressionMethod::Stored)
        .compression_level(None);
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        let o = if name == "mimetype" { stored } else { options };
        w.start_file(name.as_str(), o)?;
        w.write_all(bytes)?;
    }
    Ok(w.finish()?.into_inner())
}
