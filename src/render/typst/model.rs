//! The model as the Typst templates see it: the serialised model that
//! `konzept check --model` prints, with the rewrites the PDF needs.

use super::glyphs::{break_long_runs, substitute_uncovered, Coverage};
use serde_json::Value;

/// A text of the model with characters no font can show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uncovered {
    /// The text as the model has it.
    pub text: String,
    /// The characters no font has, in order of appearance.
    pub chars: Vec<char>,
}

/// The model as the Typst templates see it: `model` (the serialised
/// [`crate::model::Konzept`]) with
///
/// 1. every character that neither the embedded fonts nor `extra_fonts`
///    can show replaced by U+FFFD (`substitute_uncovered`): Typst never
///    warns about a missing glyph and PDF/A refuses it;
/// 2. invisible break opportunities in runs of more than 64 characters
///    without white space (`break_long_runs`);
/// 3. non-breaking spaces inside amounts, percentages, ranges and
///    abbreviations (`render::shared::keep_together_all`);
/// 4. `namen_muster`: the names of people, organisations and the Kommune as
///    one regular expression, for the rule that never hyphenates them.
///
/// Returns the rewritten model and the texts whose characters were
/// replaced (for a warning each).
pub fn for_typst(model: &Value, extra_fonts: &[Vec<u8>]) -> (Value, Vec<Uncovered>) {
    let mut data = model.clone();
    let coverage = Coverage::new(extra_fonts);
    let uncovered = substitute_uncovered(&mut data, &coverage)
        .into_iter()
        .map(|(text, chars)| Uncovered { text, chars })
        .collect();
    break_long_runs(&mut data);
    crate::render::shared::keep_together_all(&mut data);
    let namen = super::names::name_pattern(&data);
    if let Value::Object(o) = &mut data {
        o.insert("namen_muster".into(), Value::String(namen));
    }
    (data, uncovered)
}
