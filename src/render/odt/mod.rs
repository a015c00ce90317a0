//! ODT: the concept, the council submission and the progress report with
//! its Mitteilungsvorlage as OpenDocument text (ODF 1.3, without
//! LibreOffice extensions), written like the DOCX.
//!
//! Every package part is a Handlebars template in `templates/odt/`. The
//! body of `content.xml` is rendered over the serialised model (the `Value`
//! that `konzept check --model` prints) with helpers of the same names as
//! the DOCX's (`absatz`, `tabelle`, `zelle`, `ueberschrift`, …) that write
//! finished ODF text markup; while it renders, they collect what the other
//! parts need (headings for the table of contents, pictures for
//! `Pictures/` and the manifest, the column styles of the tables). The
//! table of contents is then filled in with the page numbers of the PDF, so
//! that the document opens with a finished table.
//!
//! A document kind is a [`Kind`]: its body template, its header and
//! metadata templates: the concept, the submission, the progress report and
//! its Mitteilungsvorlage; a new kind is one more constant.
//!
//! The files: `escape.rs` (spans), `helpers.rs` (with `params.rs`) and `tables.rs`,
//! `pictures.rs`, `toc.rs` (headings, footnotes and the table of contents),
//! sharing `state.rs`; `page.rs` (margins and text widths); `package.rs` (the other parts and the ZIP: `mimetype`
//! first and stored); `ott.rs` (the styles of the project's `.ott`).

mod escape;
mod helpers;
mod ott;
mod package;
mod page;
mod params;
mod pictures;
mod rich_text;
mod state;
mod tables;
mod toc;

use std::sync::{Arc, Mutex};

use handlebars::Handlebars;
use serde_json::Value;

use crate::embedded::templates::ODT;
use crate::project::Assets;
use crate::render::docx::{escape_xml, package_values, DocHeading};
use crate::render::shared::{self, ChartImage, TemplateError};
use crate::render::typst::HeadingPos;

pub use escape::spans;

use state::{lock, Shared, State};

/// Which templates make a document: its body (`content.xml`'s text), the
/// header of its normal pages and its metadata (`meta.xml`).
pub struct Kind {
    /// The template of the body, rendered over the model.
    pub body: &'static str,
    /// The header text of normal pages (a partial of `styles.xml`).
    pub header: &'static str,
    /// `meta.xml`.
    pub meta: &'static str,
    /// The submission's own heading and title styles.
    pub vorlage: bool,
}

/// The integration concept.
pub const KONZEPT: Kind = Kind {
    body: "inhalt",
    header: "kopf",
    meta: "meta",
    vorlage: false,
};

/// The council submission (Beschlussvorlage).
pub const VORLAGE: Kind = Kind {
    body: "vorlage-inhalt",
    header: "vorlage-kopf",
    meta: "vorlage-meta",
    vorlage: true,
};

/// The progress report (Sachstandsbericht): the report model of
/// `report::documents` (the concept's model with `sachstand`); its running
/// header is the concept's, with the report's title as `meta.kurztitel`.
pub const BERICHT: Kind = Kind {
    body: "bericht-inhalt",
    header: "kopf",
    meta: "bericht-meta",
    vorlage: false,
};

/// The report's Mitteilungsvorlage: the report model with the paper as
/// `vorlage` (so the submission's header and metadata read it) and as
/// `mitteilung`.
pub const MITTEILUNG: Kind = Kind {
    body: "mitteilung-inhalt",
    header: "vorlage-kopf",
    meta: "vorlage-meta",
    vorlage: true,
};

/// The body before the table of contents is filled in, and what its
/// helpers collected.
struct Body {
    xml: String,
    state: State,
}

/// Renders the body template over the model with the ODT helpers.
fn render_body(
    hb: &mut Handlebars<'static>,
    model: &Value,
    assets: &Assets,
    charts: &[ChartImage],
    template: &str,
) -> Result<Body, TemplateError> {
    // Amounts, ranges and abbreviations never break inside (as in the PDF).
    let mut model = model.clone();
    shared::keep_together_all(&mut model);
    let state: Shared = Arc::new(Mutex::new(State::new(
        package_values(&model, None),
        page::seite(&model),
        assets,
        charts,
    )));
    helpers::register_helpers(hb, &state);
    let xml = hb
        .render(template, &model)
        .map_err(|e| TemplateError::from_render_in(&e, ODT, &assets.overrides))?;
    let state = std::mem::replace(
        &mut *lock(&state),
        State::new(
            package_values(&model, None),
            page::seite(&model),
            &Assets::default(),
            &[],
        ),
    );
    Ok(Body { xml, state })
}

/// The headings the ODT has, in document order (level, number as
/// LibreOffice shows it, title): to compare with the PDF's.
pub fn headings(model: &Value) -> Result<Vec<DocHeading>, TemplateError> {
    let mut hb = shared::registry(ODT, escape_xml)?;
    Ok(
        render_body(&mut hb, model, &Assets::default(), &[], KONZEPT.body)?
            .state
            .headings,
    )
}

/// Renders a document of `kind` as an ODT package from the serialised model
/// (what `konzept check --model` prints). `headings` are the PDF's headings
/// with their pages (for the table of contents), `charts` the chart images.
pub fn render(
    kind: &Kind,
    model: &Value,
    assets: &Assets,
    headings: &[HeadingPos],
    charts: &[ChartImage],
) -> Result<Vec<u8>, TemplateError> {
    let mut hb = shared::registry_with(ODT, escape_xml, &assets.overrides)?;
    let body = render_body(&mut hb, model, assets, charts, kind.body)?;
    let text = body.xml.replacen(
        toc::TOC_MARKER,
        &toc::toc(&body.state.headings, headings),
        1,
    );
    package::package(&hb, model, &text, &body.state, kind, assets)
}

/// The concept as ODT (see [`render`]).
pub fn render_odt(
    model: &Value,
    assets: &Assets,
    headings: &[HeadingPos],
    charts: &[ChartImage],
) -> Result<Vec<u8>, TemplateError> {
    render(&KONZEPT, model, assets, headings, charts)
}

/// The council submission as ODT: `vorlage-inhalt.xml.hbs` with the same
/// helpers, styles and page styles as the concept.
pub fn render_submission_odt(model: &Value, assets: &Assets) -> Result<Vec<u8>, TemplateError> {
    render(&VORLAGE, model, assets, &[], &[])
}

#[cfg(test)]
mod tests;
