//! What the PDF needs of the model's text and Typst does not do itself:
//! characters no font can show are replaced (PDF/A refuses missing glyphs),
//! and very long runs without a break opportunity get one.

use serde_json::Value;

/// Characters that need no glyph: white space and invisible format
/// characters (joiners, bidi marks, soft hyphen, variation selectors).
fn needs_no_glyph(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

/// Which characters the document's fonts can show.
pub struct Coverage(Vec<typst::text::Font>);

impl Coverage {
    /// The embedded fonts plus the municipality's own.
    pub fn new(extra_fonts: &[Vec<u8>]) -> Self {
        let mut fonts: Vec<typst::text::Font> = super::embedded_fonts().to_vec();
        for bytes in extra_fonts {
            fonts.extend(typst::text::Font::iter(typst::foundations::Bytes::new(
                bytes.clone(),
            )));
        }
        Coverage(fonts)
    }

    pub fn covers(&self, c: char) -> bool {
        needs_no_glyph(c) || self.0.iter().any(|f| f.info().coverage.contains(c as u32))
    }
}

/// Replaces every character no font can show (an emoji, a rare script) by
/// U+FFFD in all strings of the model, so that the PDF/A export, which refuses
/// missing glyphs, still succeeds and the gap is visible. Returns each
/// affected text with its missing characters, for a warning.
pub fn substitute_uncovered(value: &mut Value, coverage: &Coverage) -> Vec<(String, Vec<char>)> {
    let mut found = Vec::new();
    fn walk(v: &mut Value, cov: &Coverage, found: &mut Vec<(String, Vec<char>)>) {
        match v {
            Value::String(s) => {
                if s.chars().all(|c| c.is_ascii() || cov.covers(c)) {
                    return;
                }
                let mut missing: Vec<char> = s.chars().filter(|c| !cov.covers(*c)).collect();
                missing.dedup();
                if !found.iter().any(|(t, _)| t == s) {
                    found.push((s.clone(), missing));
                }
                *s = s
                    .chars()
                    .map(|c| if cov.covers(c) { c } else { '\u{FFFD}' })
                    .collect();
            }
            Value::Array(items) => items.iter_mut().for_each(|i| walk(i, cov, found)),
            Value::Object(map) => map.values_mut().for_each(|i| walk(i, cov, found)),
            _ => {}
        }
    }
    walk(value, coverage, &mut found);
    found
}

/// Longest run of characters without a break opportunity that is left
/// alone; hyphenation handles real words up to this length.
const LONGEST_RUN: usize = 64;

/// Inserts invisible break opportunities (U+200B) into runs of more than
/// [`LONGEST_RUN`] characters without white space, every 24 characters, in
/// all strings of the model, so a 5,000-character "word" (a pasted URL, a
/// string of symbols) wraps instead of running off the page.
pub fn break_long_runs(value: &mut Value) {
    match value {
        Value::String(s) => {
            let mut run = 0;
            if !s.chars().any(|c| {
                run = if c.is_whitespace() { 0 } else { run + 1 };
                run > LONGEST_RUN
            }) {
                return;
            }
            let mut out = String::with_capacity(s.len() + s.len() / 8);
            let mut run = 0;
            for c in s.chars() {
                if c.is_whitespace() {
                    run = 0;
                } else {
                    if run > 0 && run % 24 == 0 {
                        out.push('\u{200B}');
                    }
                    run += 1;
                }
                out.push(c);
            }
            *s = out;
        }
        Value::Array(items) => items.iter_mut().for_each(break_long_runs),
        Value::Object(map) => map.values_mut().for_each(break_long_runs),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_runs_get_break_opportunities() {
        let mut v = serde_json::json!({"a": "x".repeat(100), "b": ["kurz und gut"]});
        super::break_long_runs(&mut v);
        let a = v["a"].as_str().unwrap();
        assert_eq!(a.replace('\u{200B}', ""), "x".repeat(100));
        assert_eq!(a.matches('\u{200B}').count(), 4);
        assert_eq!(v["b"][0], "kurz und gut");
    }
}
