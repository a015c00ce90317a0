//! The generated Typst source: the templates rendered over the model as
//! the Typst templates see it ([`super::model::for_typst`]), with the files
//! it imports (style library, design values, logo, cover image).

use super::{Compiled, PdfStandard, TypstInput, TypstMessage};
use crate::embedded::templates::{TYPST, TYPST_STYLE};
use crate::project::Assets;
use crate::render::shared::TemplateError;
use handlebars::Handlebars;
use serde_json::Value;

/// Everything needed to compile the concept with Typst.
pub struct Source {
    /// The generated main document.
    pub main: String,
    /// Imported files: style library, design values, logo.
    pub files: Vec<(String, Vec<u8>)>,
}

/// Renders the templates into Typst source. `model` is the model as the
/// Typst templates see it ([`super::model::for_typst`]).
pub fn source(hb: &Handlebars, model: &Value, assets: &Assets) -> Result<Source, TemplateError> {
    source_of("main", hb, model, assets)
}

/// The council submission (`vorlage.typ.hbs`) as Typst source, with the
/// same style library, design values and logo as the concept.
pub fn submission_source(
    hb: &Handlebars,
    model: &Value,
    assets: &Assets,
) -> Result<Source, TemplateError> {
    source_of("vorlage", hb, model, assets)
}

pub fn source_of(
    main: &str,
    hb: &Handlebars,
    model: &Value,
    assets: &Assets,
) -> Result<Source, TemplateError> {
    // The data is converted for Handlebars once, not once per template.
    let ctx = handlebars::Context::wraps(model)
        .map_err(|e| TemplateError::from_render_in(&e, TYPST, &assets.overrides))?;
    let render = |name: &str| {
        hb.render_with_context(name, &ctx)
            .map_err(|e| TemplateError::from_render_in(&e, TYPST, &assets.overrides))
    };
    let names = super::names::Names::new(&super::names::name_list(model));
    let main = super::rewrite::rewrite(
        &render(main)?,
        &table_metrics(model, assets),
        names.as_ref(),
    );
    let design = render("design")?;
    // The style library is plain Typst: an override replaces it as it is.
    let stil = assets
        .overrides
        .iter()
        .find(|v| v.file == TYPST_STYLE.file)
        .map_or(TYPST_STYLE.text, |v| v.text.as_str());
    let mut files = vec![
        ("/stil.typ".to_string(), stil.as_bytes().to_vec()),
        ("/design.typ".to_string(), design.into_bytes()),
    ];
    if let Some((name, bytes)) = &assets.logo {
        files.push((format!("/{name}"), bytes.clone()));
    }
    if let Some((name, bytes)) = &assets.design.titelbild {
        files.push((format!("/{name}"), bytes.clone()));
    }
    Ok(Source { main, files })
}

/// The advance widths of the table font: the bold `gestaltung.schrift`
/// among the embedded fonts and the municipality's own.
fn table_metrics(model: &Value, assets: &Assets) -> super::tables::Metrics {
    let extra: Vec<typst::text::Font> = assets
        .fonts
        .iter()
        .flat_map(|data| typst::text::Font::iter(typst::foundations::Bytes::new(data.clone())))
        .collect();
    let family = model["gestaltung"]["schrift"]
        .as_str()
        .unwrap_or(super::DEFAULT_FONTS[0]);
    super::tables::Metrics::new(family, super::embedded_fonts().iter().chain(extra.iter()))
}

/// The Typst input for a source, with `today` fixed to the model's
/// `meta.stand` date.
pub fn input(
    model: &Value,
    src: Source,
    standard: PdfStandard,
    extra_fonts: Vec<Vec<u8>>,
) -> TypstInput {
    let stand = &model["meta"]["stand"];
    let part = |key: &str| stand[key].as_i64().unwrap_or(1);
    TypstInput {
        main: src.main,
        files: src.files,
        extra_fonts,
        today: (part("jahr") as i32, part("monat") as u8, part("tag") as u8),
        standard,
    }
}

/// Compiles the concept to PDF.
pub fn compile(input: &TypstInput) -> Result<Compiled, Vec<TypstMessage>> {
    super::compile_pdf(input)
}
