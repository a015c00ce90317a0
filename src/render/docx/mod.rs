//! DOCX: the concept as templated OOXML, zipped deterministically.
//!
//! Every package part is a Handlebars template in `templates/docx/`.
//! `document.xml` is rendered over the serialised model (the `Value` that
//! `konzept check --model` prints, as for Typst) with helpers that
//! write finished WordprocessingML (runs, paragraphs, table rows, headings,
//! images); while it renders, the helpers collect what the other parts need
//! (headings for the table of contents, list instances for `numbering.xml`,
//! images for the relationships). The table of contents is then filled in
//! with the page numbers of the PDF, because LibreOffice and python-docx
//! never update fields and would otherwise show an empty table.
//!
//! The files: [`package_values`] in `values.rs` (the one step that adds
//! DOCX values to the model: colours, font, tab stops, page widths), the
//! parts and ZIP in `package.rs`; the helpers in `helpers.rs` with
//! `params.rs`, `tables.rs`, `pictures.rs`, `rich_text.rs` and `toc.rs`
//! (headings and the table of contents), sharing `state.rs`; `escape.rs`
//! (XML text and runs), `word_template.rs` (the project's `.dotx` applied
//! to the package).
//!
//! Identical input gives identical bytes: fixed entry order, fixed
//! timestamps (1980-01-01), fixed permissions and compression level.

mod escape;
mod helpers;
mod package;
mod params;
mod pictures;
mod rich_text;
mod state;
pub(crate) mod svg;
mod tables;
mod toc;
mod values;
mod word_template;

use std::sync::{Arc, Mutex};

use handlebars::Handlebars;
use serde_json::Value;

use crate::embedded::templates::{Override, DOCX};
use crate::input::word_template::WordTemplate;
use crate::project::Assets;
use crate::render::shared::{self, TemplateError};
use crate::render::typst::HeadingPos;

pub use crate::render::shared::ChartImage;
pub use escape::{clean, escape_xml, runs, RunStyle};
pub use state::DocHeading;
pub use toc::pages_for;
pub use values::{package_values, PackageValues};

use state::{lock, BildRel, Liste, Shared, State};
use toc::{toc, TOC_MARKER};

/// Which templates make a document: the concept or the submission.
struct Teile {
    document: &'static str,
    header: &'static str,
    core: &'static str,
    vorlage: bool,
}

const KONZEPT: Teile = Teile {
    document: "document",
    header: "header",
    core: "core",
    vorlage: false,
};

const VORLAGE: Teile = Teile {
    document: "vorlage-document",
    header: "vorlage-kopf",
    core: "vorlage-core",
    vorlage: true,
};

/// `document.xml` before the table of contents is filled in, and what its
/// helpers collected.
struct Body {
    xml: String,
    headings: Vec<DocHeading>,
    listen: Vec<Liste>,
    bilder: Vec<BildRel>,
    /// The project's template overrides, for error messages of the parts.
    overrides: Vec<Override>,
    /// Colours, font, page setup and text widths of the package.
    values: PackageValues,
    word_vorlage: Option<WordTemplate>,
}

/// Renders `template` (`document.xml`) over the model with the DOCX helpers.
fn render_body(
    hb: &mut Handlebars<'static>,
    model: &Value,
    assets: &Assets,
    charts: &[ChartImage],
    template: &str,
) -> Result<Body, TemplateError> {
    // Amounts, ranges and abbreviations never break inside (as in the PDF).
    let mut model = model.clone();
    crate::render::shared::keep_together_all(&mut model);
    let model = &model;
    let values = package_values(model, assets.design.word_vorlage.as_ref());
    let state: Shared = Arc::new(Mutex::new(State {
        values: values.clone(),
        headings: Vec::new(),
        counters: [0; 3],
        listen: Vec::new(),
        bilder: Vec::new(),
        next_docpr: 1,
        abbildungen: 0,
        beschriftungen: 0,
        tabellen: Vec::new(),
        tabellen_gesamt: 0,
        ersetzen: Vec::new(),
        logo: assets.logo.clone(),
        titelbild: assets.design.titelbild.clone(),
        charts: charts.to_vec(),
    }));
    helpers::register_helpers(hb, &state);
    let xml = hb
        .render(template, model)
        .map_err(|e| TemplateError::from_render_in(&e, DOCX, &assets.overrides))?;
    let s = lock(&state);
    Ok(Body {
        xml,
        headings: s.headings.clone(),
        listen: s.listen.clone(),
        bilder: s.bilder.clone(),
        overrides: assets.overrides.clone(),
        values,
        word_vorlage: assets.design.word_vorlage.clone(),
    })
}

/// The headings the DOCX has, in document order (level, number as Word
/// shows it, title): to compare with the PDF's. `model` is the serialised
/// model (what `konzept check --model` prints).
pub fn headings(model: &Value) -> Result<Vec<DocHeading>, TemplateError> {
    let mut hb = shared::registry(DOCX, escape_xml)?;
    Ok(render_body(&mut hb, model, &Assets::default(), &[], KONZEPT.document)?.headings)
}

/// Renders the concept as a DOCX package from the serialised model (what
/// `konzept check --model` prints). `headings` are the PDF's headings with
/// their pages (for the table of contents), `charts` the chart images.
pub fn render_docx(
    model: &Value,
    assets: &Assets,
    headings: &[HeadingPos],
    charts: &[ChartImage],
) -> Result<Vec<u8>, TemplateError> {
    let t0 = std::time::Instant::now();
    let mut hb = shared::registry_with(DOCX, escape_xml, &assets.overrides)?;
    let t1 = t0.elapsed();
    let body = render_body(&mut hb, model, assets, charts, KONZEPT.document)?;
    let t2 = t0.elapsed();
    let document = body
        .xml
        .replacen(TOC_MARKER, &toc(&body.headings, headings), 1);
    let r = package::package(&hb, model, document, &body, &KONZEPT);
    if std::env::var_os("KONZEPT_DOCXZEIT").is_some() {
        eprintln!(
            "DOCXZEIT registry {t1:?} body {t2:?} total {:?}",
            t0.elapsed()
        );
    }
    r
}

/// Renders the council submission (Beschlussvorlage) as a DOCX package:
/// `vorlage-document.xml.hbs` with the same helpers, styles, numbering,
/// headers, footers and properties as the concept.
pub fn render_submission_docx(model: &Value, assets: &Assets) -> Result<Vec<u8>, TemplateError> {
    let mut hb = shared::registry_with(DOCX, escape_xml, &assets.overrides)?;
    let body = render_body(&mut hb, model, assets, &[], VORLAGE.document)?;
    let document = body.xml.clone();
    package::package(&hb, model, document, &body, &VORLAGE)
}

/// Renders another document in the concept's design (the progress report
/// and its Mitteilungsvorlage of `report/`): `document` and `core` are its
/// templates; `vorlage` gives it the submission's page header and styles
/// (the header reads `vorlage`), otherwise the concept's. No table of
/// contents is filled in.
pub fn render_document_docx(
    model: &Value,
    assets: &Assets,
    document: &'static str,
    core: &'static str,
    vorlage: bool,
    charts: &[ChartImage],
) -> Result<Vec<u8>, TemplateError> {
    let teile = Teile {
        document,
        header: if vorlage {
            VORLAGE.header
        } else {
            KONZEPT.header
        },
        core,
        vorlage,
    };
    let mut hb = shared::registry_with(DOCX, escape_xml, &assets.overrides)?;
    let body = render_body(&mut hb, model, assets, charts, teile.document)?;
    let document = body.xml.clone();
    package::package(&hb, model, document, &body, &teile)
}

#[cfg(test)]
mod tests;
