//! The error of a template that fails to parse or render.

use super::overrides::effective_text;
use crate::embedded::templates::{Builtin, Override};
use handlebars::RenderError;

/// An error while rendering a template: our bug or a broken override, never
/// the user's data. Names the template file and line.
#[derive(Debug, thiserror::Error)]
#[error("Vorlage {file}{}: {message}", line.map(|l| format!(", Zeile {l}")).unwrap_or_default())]
pub struct TemplateError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl TemplateError {
    pub fn from_render(e: &RenderError, templates: &[Builtin]) -> Self {
        Self::from_render_in(e, templates, &[])
    }

    /// A render error of a registry made by [`super::registry_with`]: names the
    /// override file when the template came from the project.
    pub fn from_render_in(e: &RenderError, templates: &[Builtin], overrides: &[Override]) -> Self {
        let name = e.template_name.clone().unwrap_or_default();
        let (file, line) = match templates.iter().find(|t| t.name == name) {
            Some(t) => match overrides.iter().find(|o| o.file == t.file) {
                Some(o) => {
                    let offset = effective_text(t, o).1;
                    (
                        o.shown.clone(),
                        e.line_no.map(|l| l.saturating_sub(offset).max(1)),
                    )
                }
                None => (format!("templates/{}", t.file), e.line_no),
            },
            None => (name, e.line_no),
        };
        TemplateError {
            file,
            line,
            message: e.reason().to_string(),
        }
    }
}
