//! The text registered for a template override (a file in `vorlagen/`).

use crate::embedded::templates::{Builtin, Override};

/// The marker a Typst partial starts with, so that a Typst error can be
/// traced back to its template (see `pipeline::template_of`).
const MARKER: &str = "// Vorlage: ";

/// The text registered for an override and how many lines were added in
/// front of it. Typst partials name their file in a `// Vorlage:` comment
/// on line 1: the override's comment names the override (a copy written by
/// `konzept templates` still names the built-in), and an override without
/// the comment gets one, so that Typst errors never blame the wrong file.
pub(super) fn effective_text<'a>(
    t: &Builtin,
    o: &'a Override,
) -> (std::borrow::Cow<'a, str>, usize) {
    use std::borrow::Cow;
    if !(t.file.starts_with("typst/") && t.file.ends_with(".typ.hbs")) {
        return (Cow::Borrowed(&o.text), 0);
    }
    let marker = format!("{MARKER}{}", o.shown);
    match o.text.split_once('\n') {
        Some((first, rest)) if first.trim_start().starts_with(MARKER.trim_end()) => {
            (Cow::Owned(format!("{marker}\n{rest}")), 0)
        }
        None if o.text.trim_start().starts_with(MARKER.trim_end()) => (Cow::Owned(marker), 0),
        _ => (Cow::Owned(format!("{marker}\n{}", o.text)), 1),
    }
}
