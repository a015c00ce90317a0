//! The Handlebars registry for Typst output: the common helpers, the
//! Typst escape function and the helpers only Typst has (`str`, `num`,
//! `bool`, `md`).
//!
//! User text enters the Typst source only through the escape functions of
//! `escape.rs`: `{{x}}` is markup with every ASCII punctuation character
//! escaped, `{{str x}}` a string literal, `{{num x}}` a number and
//! `{{md x}}` the Markdown subset as markup. No template writes user text raw.

use super::escape::{escape_markup, escape_str};
use crate::embedded::templates::TYPST;
use crate::input::markdown::Block;
use crate::project::Assets;
use crate::render::shared::{self, raw_helper, rich_text, RichTextWriter, TemplateError};
use handlebars::Handlebars;
use serde_json::Value;

/// The Handlebars registry for Typst output.
pub fn registry() -> Result<Handlebars<'static>, TemplateError> {
    registry_for(&Assets::default())
}

/// The helpers only Typst has: `str`, `num`, `bool`, `md`.
fn with_typst_helpers(mut hb: Handlebars<'static>) -> Handlebars<'static> {
    hb.register_helper("str", raw_helper(|v| Ok(escape_str(&scalar_text(v)))));
    hb.register_helper(
        "num",
        raw_helper(|v| match v {
            Value::Number(n) => Ok(n.to_string()),
            Value::Null => Ok("none".into()),
            other => Err(format!("keine Zahl: {other}")),
        }),
    );
    hb.register_helper(
        "bool",
        raw_helper(|v| Ok(if truthy(v) { "true" } else { "false" }.into())),
    );
    hb.register_helper("md", raw_helper(|v| Ok(markdown_to_typst(&rich_text(v)?))));
    // `join`, `geld`, `datum`, … are the common helpers of `render::shared`.
    hb
}

/// [`registry`] with the project's template overrides (`vorlagen/`).
pub fn registry_for(assets: &Assets) -> Result<Handlebars<'static>, TemplateError> {
    let hb = shared::registry_with(TYPST, escape_markup, &assets.overrides)?;
    Ok(with_typst_helpers(hb))
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(_) => true,
    }
}

/// A JSON scalar as text (numbers as written, null as empty).
fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

struct TypstWriter(String);

impl RichTextWriter for TypstWriter {
    fn text(&mut self, t: &str) {
        self.0.push_str(&escape_markup(t));
    }
    fn start_bold(&mut self) {
        self.0.push_str("#strong[");
    }
    fn end_bold(&mut self) {
        self.0.push(']');
    }
    fn start_italic(&mut self) {
        self.0.push_str("#emph[");
    }
    fn end_italic(&mut self) {
        self.0.push(']');
    }
    fn line_break(&mut self) {
        self.0.push_str("#linebreak()");
    }
}

/// The Markdown subset as Typst markup.
pub fn markdown_to_typst(r: &crate::input::markdown::RichText) -> String {
    let mut w = TypstWriter(String::new());
    for b in &r.blocks {
        match b {
            Block::Absatz { inhalt } => {
                shared::write_inlines(&mut w, inhalt);
                w.0.push_str("\n\n");
            }
            Block::Aufzaehlung { punkte } => {
                w.0.push_str("#list(\n");
                for p in punkte {
                    w.0.push_str("  [");
                    shared::write_inlines(&mut w, p);
                    w.0.push_str("],\n");
                }
                w.0.push_str(")\n\n");
            }
            Block::Nummerierung { start, punkte } => {
                w.0.push_str(&format!("#enum(start: {start},\n"));
                for p in punkte {
                    w.0.push_str("  [");
                    shared::write_inlines(&mut w, p);
                    w.0.push_str("],\n");
                }
                w.0.push_str(")\n\n");
            }
        }
    }
    w.0
}
