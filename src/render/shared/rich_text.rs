//! Rich text (the Markdown subset of the model) walked for a target format.

use crate::input::markdown::{Block, Inline, RichText};
use serde_json::Value;

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
