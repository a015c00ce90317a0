//! Handlebars registries: one per output format, with its escape function,
//! the common helpers and the project's overrides, parsed once per process.
//!
//! Strict mode is on: a misspelt field is an error naming the template and
//! line, never an empty spot in a council document.

use super::error::TemplateError;
use super::helpers::register_common;
use super::overrides::effective_text;
use crate::embedded::templates::{syntax_error, Builtin, Override};
use handlebars::Handlebars;

/// A registry with strict mode, the given escape function and the common
/// helpers; templates registered from `templates`.
pub fn registry(
    templates: &[Builtin],
    escape: fn(&str) -> String,
) -> Result<Handlebars<'static>, TemplateError> {
    registry_with(templates, escape, &[])
}

/// What a registry was made from: the built-ins' files, the escape function
/// and the overrides' file names and texts.
type RegistryKey = (Vec<&'static str>, usize, Vec<(String, String)>);

/// Registries made in this process, newest last: parsing the templates takes
/// 10–40 ms per registry, and a build needs three of them, a `--watch` build
/// again and again; cloning a parsed registry takes well under a millisecond.
static REGISTRIES: std::sync::Mutex<Vec<(RegistryKey, Handlebars<'static>)>> =
    std::sync::Mutex::new(Vec::new());

/// How many parsed registries are kept (the Typst, DOCX and submission
/// registries of a few override versions).
const KEEP_REGISTRIES: usize = 8;

/// [`registry`] with the project's overrides: each override replaces the
/// built-in of the same file name (as mdBook's theme folder does). Parsed
/// once per process for each set of templates and overrides.
pub fn registry_with(
    templates: &[Builtin],
    escape: fn(&str) -> String,
    overrides: &[Override],
) -> Result<Handlebars<'static>, TemplateError> {
    let key: RegistryKey = (
        templates.iter().map(|t| t.file).collect(),
        escape as usize,
        overrides
            .iter()
            .map(|o| (o.file.clone(), o.text.clone()))
            .collect(),
    );
    if let Ok(cache) = REGISTRIES.lock() {
        if let Some((_, hb)) = cache.iter().find(|(k, _)| *k == key) {
            return Ok(hb.clone());
        }
    }
    let hb = parse_registry(templates, escape, overrides)?;
    if let Ok(mut cache) = REGISTRIES.lock() {
        if cache.len() >= KEEP_REGISTRIES {
            cache.remove(0);
        }
        cache.push((key, hb.clone()));
    }
    Ok(hb)
}

fn parse_registry(
    templates: &[Builtin],
    escape: fn(&str) -> String,
    overrides: &[Override],
) -> Result<Handlebars<'static>, TemplateError> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.set_prevent_indent(true);
    hb.register_escape_fn(escape);
    register_common(&mut hb);
    for t in templates {
        let result = match overrides.iter().find(|o| o.file == t.file) {
            None => hb
                .register_template_string(t.name, t.text)
                .map_err(|e| TemplateError {
                    file: format!("templates/{}", t.file),
                    line: e.pos().map(|p| p.0),
                    message: e.reason().to_string(),
                }),
            Some(o) => {
                let (text, offset) = effective_text(t, o);
                hb.register_template_string(t.name, text.as_ref())
                    .map_err(|e| {
                        let line = e.pos().map(|p| p.0.saturating_sub(offset).max(1));
                        let (line, message) = syntax_error(&o.text, line, e.reason().to_string());
                        TemplateError {
                            file: o.shown.clone(),
                            line,
                            message,
                        }
                    })
            }
        };
        result?;
    }
    Ok(hb)
}
