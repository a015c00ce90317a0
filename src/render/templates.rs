//! Built-in Handlebars templates and the helpers template authors use.
//!
//! Templates are embedded in the binary (`include_str!`), so a bare machine
//! renders the same document. Each output format has its own registry with
//! its own escape function, so `{{x}}` is always safe for that format and
//! helpers that produce finished markup write it directly.
//!
//! Strict mode is on: a misspelt field is an error naming the template and
//! line, never an empty spot in a council document.

use crate::input::markdown::{Block, Inline, RichText};
use handlebars::{
    Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderError,
    RenderErrorReason,
};
use serde_json::Value;

/// A built-in template: its name (as used in `{{> name}}`) and its text.
pub struct Builtin {
    pub name: &'static str,
    /// File name inside `templates/`, for messages and for `konzept templates`.
    pub file: &'static str,
    pub text: &'static str,
}

macro_rules! builtin {
    ($name:literal, $file:literal) => {
        Builtin {
            name: $name,
            file: $file,
            text: include_str!(concat!("../../templates/", $file)),
        }
    };
}

/// The Typst templates: the main document, one partial per chapter, the
/// charts (also rendered on their own for the DOCX), and the council
/// submission (`vorlage`, a document of its own).
pub const TYPST: &[Builtin] = &[
    builtin!("main", "typst/main.typ.hbs"),
    builtin!("design", "typst/design.typ.hbs"),
    builtin!("diagramme", "typst/diagramme.typ.hbs"),
    builtin!("diagramme-einzeln", "typst/diagramme-einzeln.typ.hbs"),
    builtin!("titelseite", "typst/titelseite.typ.hbs"),
    builtin!("kapitel-1", "typst/kapitel-1.typ.hbs"),
    builtin!("kapitel-2", "typst/kapitel-2.typ.hbs"),
    builtin!("kapitel-3", "typst/kapitel-3.typ.hbs"),
    builtin!("handlungsfeld", "typst/handlungsfeld.typ.hbs"),
    builtin!("anhang", "typst/anhang.typ.hbs"),
    builtin!("vorlage", "typst/vorlage.typ.hbs"),
];

/// The plain Typst style library imported by the generated source.
pub const TYPST_STYLE: Builtin = builtin!("stil", "typst/stil.typ");

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
        let name = e.template_name.clone().unwrap_or_default();
        let file = templates
            .iter()
            .find(|t| t.name == name)
            .map(|t| format!("templates/{}", t.file))
            .unwrap_or(name);
        TemplateError {
            file,
            line: e.line_no,
            message: e.reason().to_string(),
        }
    }
}

/// A registry with strict mode, the given escape function and the common
/// helpers; templates registered from `templates`.
pub fn registry(
    templates: &[Builtin],
    escape: fn(&str) -> String,
) -> Result<Handlebars<'static>, TemplateError> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.set_prevent_indent(true);
    hb.register_escape_fn(escape);
    hb.register_helper("punkt", Box::new(punkt));
    for t in templates {
        hb.register_template_string(t.name, t.text)
            .map_err(|e| TemplateError {
                file: format!("templates/{}", t.file),
                line: e.pos().map(|p| p.0),
                message: e.reason().to_string(),
            })?;
    }
    Ok(hb)
}

// `{{punkt x}}`: the full stop that ends a sentence after `x`, unless `x`
// already ends in one ("N. N.", "e. V.") or in `!`/`?`.
handlebars::handlebars_helper!(
    punkt: |v: Value| {
        let t = v.as_str().unwrap_or_default().trim_end();
        if t.ends_with(['.', '!', '?']) { "" } else { "." }
    }
);

/// The first parameter of a helper, or an error naming the helper.
pub fn param<'a>(h: &'a Helper, i: usize) -> Result<&'a Value, RenderError> {
    h.param(i)
        .map(|p| p.value())
        .ok_or_else(|| RenderErrorReason::ParamNotFoundForIndex("helper", i).into())
}

/// A helper that writes `f(value)` unescaped: for helpers that produce
/// finished markup of the output format.
pub fn raw_helper(
    f: impl Fn(&Value) -> Result<String, String> + Send + Sync + 'static,
) -> Box<dyn handlebars::HelperDef + Send + Sync + 'static> {
    Box::new(
        move |h: &Helper,
              _: &Handlebars,
              _: &Context,
              _: &mut RenderContext,
              out: &mut dyn Output|
              -> HelperResult {
            let v = param(h, 0)?;
            let s = f(v).map_err(|m| RenderErrorReason::Other(format!("{}: {m}", h.name())))?;
            out.write(&s)?;
            Ok(())
        },
    )
}

/// The rich text of a model value (null → empty).
pub fn rich_text(v: &Value) -> Result<RichText, String> {
    if v.is_null() {
        return Ok(RichText::default());
    }
    serde_json::from_value(v.clone()).map_err(|e| format!("kein Text: {e}"))
}

/// Walks rich text for a target format.
pub trait RichTextWriter {
    fn text(&mut self, t: &str);
    fn start_bold(&mut self);
    fn end_bold(&mut self);
    fn start_italic(&mut self);
    fn end_italic(&mut self);
    fn line_break(&mut self);
}

pub fn write_inlines(w: &mut impl RichTextWriter, inlines: &[Inline]) {
    for i in inlines {
        match i {
            Inline::Text { text } => w.text(text),
            Inline::Fett { inhalt } => {
                w.start_bold();
                write_inlines(w, inhalt);
                w.end_bold();
            }
            Inline::Kursiv { inhalt } => {
                w.start_italic();
                write_inlines(w, inhalt);
                w.end_italic();
            }
            Inline::Umbruch => w.line_break(),
        }
    }
}

/// Blocks of rich text, for writers that handle lists themselves.
pub fn blocks(r: &RichText) -> &[Block] {
    &r.blocks
}
